#!/bin/sh
# The descriptor numbers a session shows do not depend on what the shell
# inherited. A transcript that prints s.fileno() or poll's [(fd, event)]
# passes --check in a terminal, under make, and in CI with stdin closed
# or extra descriptors open: each file is replayed with only 0, 1 and 2.
# And a closed 0, 1 or 2 is never handed to a socket, where the shell's
# own output or input would then go.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$tmp/fds.txt" <<'EOT'
sock> a, b = socketpair
sock> t = (a.fileno(), b.fileno())
sock> t
(3, 4)
sock> p = select.poll()
sock> p.register(b)
sock> a.send b'x'
1
sock> p.poll(0)
[(4, 5)]
EOT
printf '%s\n' "PASS $tmp/fds.txt" '1 passed, 0 failed' >"$tmp/want"

check() {
	"$SOCKSHELL" --check "$tmp/fds.txt" "$@" >"$tmp/got" 2>&1
	cmp -s "$tmp/want" "$tmp/got" || fail "--check $*: $(cat "$tmp/got")"
}
check
check <&-
check 3</dev/null 5</dev/null 9</dev/null
check <&- 3</dev/null 4</dev/null

# A script with stdin closed: the first socket is 3, not 0.
out=$("$SOCKSHELL" -c 's = socket; s.fileno()' <&- 2>&1)
[ "$out" = 3 ] || fail "stdin closed: the first socket is '$out', want 3"
# Outside --check an inherited descriptor stays the user's to adopt.
out=$("$SOCKSHELL" -c 's = socket(fileno=3)' 3</dev/null 2>&1)
[ "$out" = "error: socket: ENOTSOCK [Errno 88] Socket operation on non-socket" ] ||
	fail "fd 3 inherited by a script: $out"
