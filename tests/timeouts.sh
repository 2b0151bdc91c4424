#!/bin/sh
# A timeout always fires, and waiting for it costs no CPU: poll can say
# ready while the call says EAGAIN (a UDP socket shut for reading, an
# AF_UNIX datagram receiver whose queue is full). Python raises `timed
# out` after the timeout in both; the shell used to go round for ever at
# 100% CPU. Each case must end in 0.5 s of wall time (up to 3 s on a busy
# machine) using under 0.15 s of CPU.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# timed NAME SCRIPT EXPECTED: run SCRIPT (killed after 10 s), compare its
# output, and check its wall and CPU time.
timed() {
	printf '%s\n' "$2" >"$tmp/$1.sock"
	/usr/bin/time -f '%e %U %S' -o "$tmp/$1.time" \
		timeout 10 "$SOCKSHELL" "$tmp/$1.sock" >"$tmp/$1.out" 2>&1
	printf '%s\n' "$3" | diff -u - "$tmp/$1.out" || fail "$1: output"
	# The last line: before it, time says when the status was not 0.
	set -- "$1" $(tail -n 1 "$tmp/$1.time")
	wall=$2 user=$3 sys=$4
	awk -v w="$wall" -v u="$user" -v s="$sys" \
		'BEGIN { exit !(w >= 0.45 && w < 3 && u + s < 0.15) }' ||
		fail "$1: $wall s wall, $user s user, $sys s system"
}

timed udp-shut-rd 'u = socket AF_INET SOCK_DGRAM
u.bind 127.0.0.1 0
u.settimeout 0.5
u.shutdown SHUT_RD
u.recv 100' "$tmp/udp-shut-rd.sock:4: error: shutdown: ENOTCONN [Errno 107] Transport endpoint is not connected (connect first)
$tmp/udp-shut-rd.sock:5: error: recv: timed out"

rx="@sockshell-timeouts-$$"
timed unix-queue-full "r = socket AF_UNIX SOCK_DGRAM
r.bind '$rx'
w = socket AF_UNIX SOCK_DGRAM
w.settimeout 0.5
n = 0
repeat 1000 n = n + w.sendto(b'x', '$rx')
echo (n)" "$tmp/unix-queue-full.sock:6: error: sendto: timed out
11"

# Traced, the wait is a few polls and calls, not a flood.
"$SOCKSHELL" -t -c "u = socket AF_INET SOCK_DGRAM; u.bind 127.0.0.1 0
u.shutdown SHUT_RD; u.settimeout 0.5; u.recv 100" >"$tmp/trace" 2>&1
n=$(grep -c 'recvfrom' "$tmp/trace")
[ "$n" -ge 2 ] && [ "$n" -le 20 ] || fail "$n recvfrom calls in 0.5 s"
grep -qx 'error: recv: timed out' "$tmp/trace" || fail "traced: no timeout"
echo "timeouts fire without spinning: ok"
