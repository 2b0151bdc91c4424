#!/bin/sh
# faults-record.sh - nothing recorded is lost: an interactive session
# under --record (in a pseudo-terminal made by script(1)) is killed with
# SIGKILL while a statement blocks; every statement that finished before
# is in the file, with its output (also one that shares the blocking
# statement's line), and the file passes --check.
set -u
S=${SOCKSHELL:-src/sockshell}
command -v script >/dev/null || { echo "skip: script(1) is missing"; exit 77; }
# A build chroot may have no pseudo-terminals (no /dev/pts mounted).
script -qec true /dev/null </dev/null >/dev/null 2>&1 ||
	{ echo "skip: script(1) cannot open a pseudo-terminal here"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-record.XXXXXX")
pid=""
cleanup() {
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	exec 3>&- 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

mkfifo "$T/in"
TERM=dumb script -qfec "exec '$S' -q -i --no-color --record '$T/rec.txt'" /dev/null \
	<"$T/in" >"$T/tty.out" 2>&1 &
script_pid=$!
exec 3>"$T/in"
printf '%s\n' \
	'a, b = socketpair' \
	"a.send b'hello'" \
	'b.recv 10' \
	'echo one two' \
	'frobnicate' \
	'echo three; b.recv 10' >&3

# The last statement blocks for ever; wait until it is the only one missing.
n=0
until grep -q '^three$' "$T/rec.txt" 2>/dev/null || [ $n -ge 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
sleep 0.3
pid=$(ps -o pid= --ppid "$script_pid" | tr -d ' ')
[ -n "$pid" ] && kill -KILL "$pid"
wait "$script_pid" 2>/dev/null
pid=""

status=0
cat >"$T/want" <<'EOF'
sock> a, b = socketpair
sock> a.send b'hello'
5
sock> b.recv 10
b'hello'
sock> echo one two
one two
sock> frobnicate
error: frobnicate: no such variable
sock> echo three
three
EOF
if cmp -s "$T/want" "$T/rec.txt"; then
	echo "ok   every finished statement is in the recording after kill -9"
else
	echo "FAIL every finished statement is in the recording after kill -9"
	diff -u "$T/want" "$T/rec.txt"
	status=1
fi
"$S" --check "$T/rec.txt" >"$T/check.out" 2>&1
printf 'PASS %s\n1 passed, 0 failed\n' "$T/rec.txt" >"$T/want"
if cmp -s "$T/want" "$T/check.out"; then
	echo "ok   the recording passes --check"
else
	echo "FAIL the recording passes --check"
	diff -u "$T/want" "$T/check.out"
	status=1
fi
exit $status
