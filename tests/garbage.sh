#!/bin/sh
# garbage.sh - bad input never crashes or stops the shell: each bad line
# gives exactly one error line (prefixed FILE:LINE: in a script) and the
# next statement still runs. Also the exit statuses, -e, -x, and that
# sockets made and dropped by the hundred leave no descriptor behind.

SOCKSHELL=${SOCKSHELL:-src/sockshell}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-garbage.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL

passed=0
failed=0

ok() {
	passed=$((passed + 1))
}

bad() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}

# Run the shell with a time limit; stdout in $tmp/out, stderr in
# $tmp/err, the status in $rc.
run() {
	if command -v timeout >/dev/null 2>&1; then
		timeout 30 "$SOCKSHELL" "$@" >"$tmp/out" 2>"$tmp/err"
	else
		"$SOCKSHELL" "$@" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
}

# The same, reading the script from standard input.
run_stdin() {
	input=$1
	shift
	if command -v timeout >/dev/null 2>&1; then
		timeout 30 "$SOCKSHELL" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
	else
		"$SOCKSHELL" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
}

show() {
	echo "  status $rc; stdout (first lines, cut):"
	head -n 5 "$tmp/out" | cut -c 1-160 | sed 's/^/    /'
	if [ -s "$tmp/err" ]; then
		echo "  stderr:"
		head -n 5 "$tmp/err" | cut -c 1-160 | sed 's/^/    /'
	fi
}

# expect_one_error NAME FILE: FILE holds a bad first line and then
# "echo ok". The run must print exactly "FILE:1: error: ..." and "ok",
# nothing on stderr, and end with status 0 (the last statement worked).
expect_one_error() {
	name=$1
	file=$2
	run "$file"
	lines=$(wc -l <"$tmp/out")
	errors=$(grep -c 'error:' "$tmp/out")
	first=$(head -n 1 "$tmp/out")
	case $first in
	"$file:1: error: "*) prefix=yes ;;
	*) prefix=no ;;
	esac
	last=$(tail -n 1 "$tmp/out")
	if [ "$rc" -eq 0 ] && [ "$lines" -eq 2 ] && [ "$errors" -eq 1 ] &&
	    [ "$prefix" = yes ] && [ "$last" = ok ] &&
	    [ ! -s "$tmp/err" ]; then
		ok
	else
		bad "$name: expected one '$file:1: error:' line, then ok"
		show
	fi
}

# expect_output NAME WANT-STATUS WANT-FILE: the last run printed exactly
# WANT-FILE, nothing on stderr, with status WANT-STATUS.
expect_output() {
	if [ "$rc" -eq "$2" ] && cmp -s "$tmp/out" "$3" && [ ! -s "$tmp/err" ]; then
		ok
	else
		bad "$1: expected status $2 and this output:"
		sed 's/^/    /' "$3"
		show
	fi
}

# expect_status NAME WANT-STATUS: only the status matters (usage errors
# print usage to stderr).
expect_status() {
	if [ "$rc" -eq "$2" ]; then
		ok
	else
		bad "$1: expected status $2"
		show
	fi
}

# A line of N repetitions of the string S.
repeat_str() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# A line of pseudo-random bytes from SEED: 1..255 but newline, carriage
# return and '#' (which would make it a comment); the first byte is
# always outside ASCII, so the line cannot be a valid statement.
random_line() {
	awk -v seed="$1" 'BEGIN {
		srand(seed)
		printf "%c", 128 + int(rand() * 128)
		for (i = 0; i < 300; i++) {
			c = 1 + int(rand() * 255)
			if (c == 10 || c == 13 || c == 35)
				c = 255
			printf "%c", c
		}
	}'
}

# garbage NAME: the bad line is in $tmp/in (not a pipe: the counters
# must not be updated in a subshell); add "echo ok" and run it.
garbage() {
	f="$tmp/$1.txt"
	cat "$tmp/in" >"$f"
	printf '\necho ok\n' >>"$f"
	expect_one_error "$1" "$f"
}

# ---- bad lines: one error each, and the shell goes on ----------------

seed=1
while [ $seed -le 20 ]; do
	random_line $seed >"$tmp/in"
	garbage "random-$seed"
	seed=$((seed + 1))
done
repeat_str 1048576 a >"$tmp/in"
garbage "1MiB-name"
{ printf "echo '"; repeat_str 1048576 x; } >"$tmp/in"
garbage "1MiB-unterminated-string"
{ printf "x = ("; repeat_str 262144 '1, '; } >"$tmp/in"
garbage "1MiB-unclosed-tuple"
printf "echo 'abc" >"$tmp/in"
garbage "unbalanced-single-quote"
printf 'echo "abc' >"$tmp/in"
garbage "unbalanced-double-quote"
printf "x = b'abc" >"$tmp/in"
garbage "unbalanced-bytes-quote"
printf "echo x'41" >"$tmp/in"
garbage "unbalanced-hex-quote"
printf "x = 'it''s" >"$tmp/in"
garbage "unbalanced-quotes-odd"
printf 'x = (1, 2' >"$tmp/in"
garbage "unbalanced-open-paren"
printf 'x = [1, 2' >"$tmp/in"
garbage "unbalanced-open-bracket"
printf 'x = ((1)' >"$tmp/in"
garbage "unbalanced-nested-paren"
printf 'x = 1)' >"$tmp/in"
garbage "unbalanced-close-paren"
printf ']' >"$tmp/in"
garbage "lone-close-bracket"
printf 'echo (1, 2))' >"$tmp/in"
garbage "extra-close-paren"
printf 'x = [1, (2]' >"$tmp/in"
garbage "crossed-brackets"
printf '\000\000\000' >"$tmp/in"
garbage "nul-bytes"
printf 'x = 1\000' >"$tmp/in"
garbage "nul-after-statement"
repeat_str 100000 '(' >"$tmp/in"
garbage "100000-open-parens"
repeat_str 100000 '[' >"$tmp/in"
garbage "100000-open-brackets"
{ repeat_str 100000 '('; printf 1; repeat_str 100000 ')'; } >"$tmp/in"
garbage "100000-balanced-parens"
{ repeat_str 100000 '['; repeat_str 100000 ']'; } >"$tmp/in"
garbage "100000-balanced-brackets"
repeat_str 50000 '([' >"$tmp/in"
garbage "100000-mixed-nesting"
{ printf 'x = '; repeat_str 100000 '('; } >"$tmp/in"
garbage "100000-parens-after-assign"
printf '\303\050' >"$tmp/in"
garbage "invalid-utf8-sequence"
printf '\377\376\375' >"$tmp/in"
garbage "invalid-utf8-bytes"
printf '\355\240\200' >"$tmp/in"
garbage "utf8-surrogate"
printf '\300\257' >"$tmp/in"
garbage "utf8-overlong"
printf "x = b'\351'" >"$tmp/in"
garbage "non-ascii-in-bytes"
printf 'x\351 = 1' >"$tmp/in"
garbage "invalid-utf8-in-name"

# The same garbage on standard input and with -c: no FILE:LINE prefix
# with -c, "<stdin>" for standard input.
printf '(((\necho ok\n' >"$tmp/stdin.txt"
run_stdin "$tmp/stdin.txt"
printf '%s\n' "<stdin>:1: error: syntax: expected a value, found end of line (column 4)" ok >"$tmp/want"
expect_output "garbage on stdin" 0 "$tmp/want"
run -c "$(printf '\377\376'; echo; echo 'echo ok')"
printf '%s\n' "error: syntax: unexpected character (column 1)" ok >"$tmp/want"
expect_output "garbage with -c" 0 "$tmp/want"

# ---- CRLF line endings: read as if they were LF ------------------------

printf "x = 5\r\nx\r\necho 'a b'\r\ny = (1,\r\n" >"$tmp/crlf.txt"
printf "s = socket AF_UNIX\r\ns.family\r\n" >>"$tmp/crlf.txt"
run "$tmp/crlf.txt"
printf '%s\n' 5 'a b' "$tmp/crlf.txt:4: error: syntax: expected a value, found end of line (column 8)" AF_UNIX >"$tmp/want"
expect_output "CRLF script" 0 "$tmp/want"
run_stdin "$tmp/crlf.txt"
sed "s|$tmp/crlf.txt:|<stdin>:|" "$tmp/want" >"$tmp/want-stdin"
expect_output "CRLF on stdin" 0 "$tmp/want-stdin"
printf 'sock> x = 7\r\n7\r\nsock> x\r\n' >"$tmp/crlf-transcript.txt"
run "$tmp/crlf-transcript.txt"
printf '7\n' >"$tmp/want"
expect_output "CRLF transcript as a script" 0 "$tmp/want"

# ---- exit statuses ------------------------------------------------------

run -c 'nosuch; echo ok'
expect_status "last statement worked: 0" 0
run -c 'echo ok; nosuch'
expect_status "last statement failed: 1" 1
printf 'echo ok\nnosuch\n' >"$tmp/last-fails.txt"
run "$tmp/last-fails.txt"
expect_status "script whose last line fails: 1" 1
printf 'nosuch\necho ok\n' >"$tmp/last-works.txt"
run "$tmp/last-works.txt"
expect_status "script whose last line works: 0" 0
run --no-such-option
expect_status "unknown option: 2" 2
run -c
expect_status "-c without its argument: 2" 2
run "$tmp/no-such-script.txt"
expect_status "missing script file: 2" 2
run --check
expect_status "--check without files: 2" 2
: >"$tmp/exists.txt"
run --record "$tmp/exists.txt" -c 'echo hi'
expect_status "--record onto an existing file: 2" 2
run -c 'exit 3'
: >"$tmp/want"
expect_output "exit 3" 3 "$tmp/want"
run -c 'exit 3; echo not reached'
expect_output "nothing runs after exit" 3 "$tmp/want"
run -c 'nosuch
exit 0'
printf 'error: nosuch: no such variable\n' >"$tmp/want"
expect_output "exit 0 after a failure" 0 "$tmp/want"
run -c 'quit 4'
expect_status "quit 4" 4
printf 'echo before\nexit 5\necho after\n' >"$tmp/exit.txt"
run "$tmp/exit.txt"
printf 'before\n' >"$tmp/want"
expect_output "exit in a script" 5 "$tmp/want"
printf 'sock> echo before\nbefore\nsock> exit 6\nsock> echo after\n' >"$tmp/exit-transcript.txt"
run "$tmp/exit-transcript.txt"
expect_output "exit in a transcript run as a script" 6 "$tmp/want"

# -e: stop at the first failing statement, status 1.
run -e -c 'echo a; nosuch; echo b'
printf '%s\n' a 'error: nosuch: no such variable' >"$tmp/want"
expect_output "-e stops within a line" 1 "$tmp/want"
run -e -c 'echo a
nosuch
echo b'
expect_output "-e stops across lines" 1 "$tmp/want"
printf 'echo a\nnosuch\necho b\n' >"$tmp/e.txt"
run -e "$tmp/e.txt"
printf '%s\n' a "$tmp/e.txt:2: error: nosuch: no such variable" >"$tmp/want"
expect_output "-e stops a script" 1 "$tmp/want"
run -e -c 'echo a; echo b'
printf '%s\n' a b >"$tmp/want"
expect_output "-e with no failure" 0 "$tmp/want"

# ---- -x: each statement echoed with '+ ' before it runs ----------------

run -x -c 'x = 1; echo (x)
x
nosuch'
printf '%s\n' '+ x = 1' '+ echo (x)' 1 '+ x' 1 '+ nosuch' \
	'error: nosuch: no such variable' >"$tmp/want"
expect_output "-x with -c" 1 "$tmp/want"
printf 'a, b = socketpair\na.send b"hi"\n# a comment\nb.recv 10\n' >"$tmp/x.txt"
run -x "$tmp/x.txt"
printf '%s\n' '+ a, b = socketpair' '+ a.send b"hi"' 2 '+ b.recv 10' "b'hi'" >"$tmp/want"
expect_output "-x with a script" 0 "$tmp/want"

# ---- FILE:LINE: prefix in scripts --------------------------------------

printf 'echo one\n\n# comment\nnosuch\necho two\nsocket AF_INTE\n' >"$tmp/lines.txt"
run "$tmp/lines.txt"
printf '%s\n' one "$tmp/lines.txt:4: error: nosuch: no such variable" two \
	"$tmp/lines.txt:6: error: socket: argument 1 (family): unknown constant 'AF_INTE' (did you mean AF_INET?)" >"$tmp/want"
expect_output "FILE:LINE: in a script" 1 "$tmp/want"
printf 'Prose.\n\nsock> echo one\none\nsock> nosuch\nerror: whatever\n\nsock> echo two\n' >"$tmp/tr.txt"
run "$tmp/tr.txt"
printf '%s\n' one "$tmp/tr.txt:5: error: nosuch: no such variable" two >"$tmp/want"
expect_output "FILE:LINE: in a transcript run as a script" 0 "$tmp/want"
run_stdin "$tmp/lines.txt"
printf '%s\n' one "<stdin>:4: error: nosuch: no such variable" two \
	"<stdin>:6: error: socket: argument 1 (family): unknown constant 'AF_INTE' (did you mean AF_INET?)" >"$tmp/want"
expect_output "<stdin>:LINE: for standard input" 1 "$tmp/want"
run -c 'echo one
nosuch'
printf '%s\n' one 'error: nosuch: no such variable' >"$tmp/want"
expect_output "no prefix with -c" 1 "$tmp/want"

# ---- --check and the other options ------------------------------------

printf 'Prose.\n\nsock> echo hi\nhi\nsock> echo\n<BLANKLINE>\nsock> echo a b\na ...\nsock> repeat 3 echo x\n...\nsock> nosuch\nerror: nosuch: ...\n' >"$tmp/good.txt"
printf 'sock> echo hi\nbye\nsock> echo ok\nok\n' >"$tmp/bad.txt"
run --check "$tmp/good.txt"
printf '%s\n' "PASS $tmp/good.txt" '1 passed, 0 failed' >"$tmp/want"
expect_output "--check of a passing transcript" 0 "$tmp/want"
run --check "$tmp/good.txt" "$tmp/bad.txt"
printf '%s\n' "PASS $tmp/good.txt" "FAIL $tmp/bad.txt" "--- $tmp/bad.txt" \
	"+++ $tmp/bad.txt (actual)" '@@ -1,4 +1,4 @@' ' sock> echo hi' -bye +hi \
	' sock> echo ok' ' ok' '1 passed, 1 failed' >"$tmp/want"
expect_output "--check of a failing transcript" 1 "$tmp/want"
run -t -c 's = socket AF_UNIX; s.close'
printf '%s\n' '  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3' '  close(3) = 0' >"$tmp/want"
# The descriptor depends on what the shell inherits: compare without it.
sed 's/= [0-9]*$/= N/; s/close([0-9]*)/close(N)/' "$tmp/out" >"$tmp/out.n"
sed 's/= [0-9]*$/= N/; s/close([0-9]*)/close(N)/' "$tmp/want" >"$tmp/want.n"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/out.n" "$tmp/want.n"; then
	ok
else
	bad "-t: trace from the start"
	show
fi
run -q -c 'echo quiet'
printf 'quiet\n' >"$tmp/want"
expect_output "-q with -c" 0 "$tmp/want"
run -h
if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -q '^usage: sockshell '; then ok; else bad "-h"; show; fi
run -V
if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -q '^sockshell [0-9]'; then ok; else bad "-V"; show; fi

# ---- no descriptor leaks ------------------------------------------------

# Sockets get the lowest free descriptors. After making and dropping
# hundreds of sockets (rebinding, del, temporaries, failed calls,
# accepted connections, dups) and forgetting every name, 30 new sockets
# must get the same descriptors as 30 sockets in a fresh shell: a leaked
# descriptor would shift them. (Descriptors the shell inherits, from
# make or a terminal, are in both.)
all="socket()"
show_all="(l[0].fileno)"
i=1
while [ $i -lt 30 ]; do
	all="$all, socket()"
	show_all="$show_all (l[$i].fileno)"
	i=$((i + 1))
done
run -c "l = [$all]
echo $show_all"
want=$(cat "$tmp/out")
run -c "
repeat 100 s = socket
repeat 100 a, b = socketpair
repeat 100 socketpair
repeat 50 x = [socket(), socket(AF_UNIX)]
repeat 50 socket 12345
repeat 50 socket AF_INET SOCK_DGRAM IPPROTO_TCP
repeat 50 (socket AF_UNIX).connect @sockshell-garbage-nobody
srv = socket
srv.bind 127.0.0.1 0
srv.listen 128
addr = srv.getsockname
repeat 50 c = [(socket()).connect_ex(addr), srv.accept]
repeat 50 d = srv.dup
repeat 50 f = fromfd srv.fileno AF_INET SOCK_STREAM
repeat 50 r = select [srv] [srv] [] 0
repeat 100 (socket()).close
repeat 20 t = socket(); t.close
del s a b x srv addr c d f r t
0
l = [$all]
echo $show_all"
got=$(tail -n 1 "$tmp/out")
if [ -n "$want" ] && [ "$got" = "$want" ] && [ ! -s "$tmp/err" ]; then
	ok
else
	bad "descriptor leak: want descriptors $want, got $got"
	show
fi

# ---- NUL bytes and invalid UTF-8 in a literal: refused, as in Python ----

printf 'echo a\000b' >"$tmp/in"
garbage "nul-in-word"
printf "x = 'a\000b'" >"$tmp/in"
garbage "nul-in-string"
printf "echo 'caf\351'" >"$tmp/in"
garbage "invalid-utf8-in-string"
printf "x = 'caf\351'" >"$tmp/in"
garbage "invalid-utf8-in-assigned-string"
run -c 'nosuch; exit'
expect_status "exit without N after a failure" 1

run -x -c 'x = 1 ; echo (x)  # two'
printf '%s\n' '+ x = 1' '+ echo (x)' 1 >"$tmp/want"
expect_output "-x trims the statement" 0 "$tmp/want"

echo "garbage.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
