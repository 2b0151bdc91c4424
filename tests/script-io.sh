#!/bin/sh
# Scripts from a pipe run each statement as its line arrives, and what a
# statement printed is out before the next one: a teacher pipes lines
# with pauses, a program drives the shell as a coprocess, `| tee log`
# shows a server waiting in accept. SIGTERM, SIGHUP and SIGINT end a
# script with its output flushed and status 128+N.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# until_in FILE TEXT [GREP-OPTION]: wait (up to 10 s) until FILE holds a
# line TEXT (-F, or G for a pattern).
until_in() {
	i=0
	while ! grep -qx${3:-F} -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 500 ] && return 1
		sleep 0.02
	done
}

# A coprocess: the first line runs (and its output arrives) while the
# pipe is still open and the second line not written yet.
mkfifo "$tmp/in"
"$SOCKSHELL" -t <"$tmp/in" >"$tmp/co" 2>&1 &
pid=$!
exec 3>"$tmp/in"
echo 'a, b = socketpair' >&3
until_in "$tmp/co" '  socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) = 0' ||
	fail "the first line did not run before the pipe closed: $(cat "$tmp/co")"
echo 'a.send b"hi"; b.recv 10' >&3
until_in "$tmp/co" "b'hi'" || fail "the second line did not run"
printf 'echo last' >&3 # no newline: runs at the end of input
exec 3>&-
wait "$pid" || fail "status $? for the coprocess"
pid=""
tail -n 3 "$tmp/co" | head -n 1 | grep -qx last || fail "the last line: $(cat "$tmp/co")"

# A server script writing to files: its output is there while accept
# waits, and each signal ends it with 128+N after the error line.
printf '%s\n' 's = socket AF_INET SOCK_STREAM' 's.bind 127.0.0.1 0' 's.listen' \
	'echo listening' 'frob' 's.accept' 'echo never' >"$tmp/srv.sock"
for sig in TERM:143 HUP:129 INT:130; do
	"$SOCKSHELL" "$tmp/srv.sock" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	until_in "$tmp/out" listening || fail "SIG${sig%:*}: nothing written while accept waits"
	until_in "$tmp/out" "$tmp/srv.sock:5: error: .*" G || fail "SIG${sig%:*}: the error line is held back"
	sleep 0.2 # into accept
	kill -"${sig%:*}" "$pid"
	wait "$pid"
	st=$?
	pid=""
	[ "$st" = "${sig#*:}" ] || fail "SIG${sig%:*}: status $st, want ${sig#*:}"
	# The error for frob (line 5) is another test's business.
	cat >"$tmp/want" <<EOW
listening
$tmp/srv.sock:5: error: ...
$tmp/srv.sock:6: error: accept: interrupted
EOW
	sed '2s/error: .*/error: .../' "$tmp/out" | diff -u "$tmp/want" - ||
		fail "SIG${sig%:*}: output"
	[ -s "$tmp/err" ] && fail "SIG${sig%:*}: stderr: $(cat "$tmp/err")"
done

# A sleep is a wait too: what the statement printed before it is out.
"$SOCKSHELL" -t -c "x = (socket(), sleep(60))" >"$tmp/out" 2>&1 &
pid=$!
until_in "$tmp/out" "  socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3" ||
	fail "the trace line is held back during a sleep"
kill -TERM "$pid"
wait "$pid"
pid=""

# A signal while the shell waits for its next line ends it the same way.
"$SOCKSHELL" <"$tmp/in" >"$tmp/out" 2>&1 &
pid=$!
exec 3>"$tmp/in"
echo 'echo one' >&3
until_in "$tmp/out" one || fail "no output before the signal"
kill -TERM "$pid"
wait "$pid"
st=$?
pid=""
exec 3>&-
[ "$st" = 143 ] || fail "SIGTERM while reading: status $st"

# A transcript piped in runs its prompt lines only; -e stops at the
# first failure; both as a file would.
printf 'Prose.\nsock> echo 1\n1\nsock> echo 2\n' | "$SOCKSHELL" >"$tmp/tr"
[ "$(cat "$tmp/tr")" = "$(printf '1\n2')" ] || fail "transcript: $(cat "$tmp/tr")"
printf 'echo a\nfrob\necho b\n' | "$SOCKSHELL" -e >"$tmp/e"
st=$?
[ $st = 1 ] && [ "$(head -n 1 "$tmp/e")" = a ] && ! grep -qx b "$tmp/e" ||
	fail "-e from a pipe: status $st, $(cat "$tmp/e")"
echo "statements run as they arrive, output flushed, signals end scripts: ok"
