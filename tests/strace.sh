#!/bin/sh
# Every line `trace on` prints must be the line strace prints for the same
# call (contract section 6). Where strace shows a raw pointer (an output
# buffer of a failed call, which it does not decode) trace shows 0x0 or {}:
# such a line must match in every other character. The statements must
# run as they always do: status 0 and exactly the expected errors.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
command -v strace >/dev/null 2>&1 || { echo "SKIP: strace not found"; exit 77; }
# Containers and build chroots may forbid ptrace.
strace -o /dev/null true 2>/dev/null || { echo "SKIP: strace cannot trace here"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# LeakSanitizer cannot run under ptrace (its failure would be the status).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -o "$tmp/strace" -e trace=network,poll,fcntl,close,ioctl,epoll_create1,epoll_ctl,epoll_wait "$SOCKSHELL" -c '
trace on
srv = socket; srv.setsockopt SOL_SOCKET SO_REUSEADDR 1; srv.bind 127.0.0.1 0
srv.listen 5; srv.getsockopt SOL_SOCKET SO_ACCEPTCONN
c = socket; c.connect srv.getsockname; conn, p = srv.accept
c.sendall b"hello\n"; conn.recv 1024; conn.recv 4 MSG_PEEK|MSG_DONTWAIT
conn.getsockopt SOL_SOCKET SO_TYPE; c.setsockopt SOL_SOCKET SO_LINGER (1, 5)
c.setsockopt SOL_SOCKET SO_RCVTIMEO 1.5; c.setsockopt IPPROTO_TCP TCP_NODELAY 1
c.setsockopt SOL_SOCKET SO_RCVTIMEO 2.3; c.setsockopt SOL_SOCKET SO_SNDTIMEO 1.001
c.settimeout 0.2; c.recv 10; c.setblocking True; conn.shutdown SHUT_WR; c.recv 10
c.close; c2 = socket; c2.connect 127.0.0.1 1
u = socket AF_INET6 SOCK_DGRAM; u.bind ::1 0; u.sendto b"x" u.getsockname
u.recvfrom 10; v = socket AF_INET SOCK_DGRAM; v.sendto b"\x00\xff\x7f" 127.0.0.1 9
a, b = socketpair; a.send b"0123456789012345678901234567890123456789"; b.recv 64
a.send b"\x018\x017\x019\x00\x00"; b.recv 64
a.send b"y" * 33; b.recv 64; a.send b"z" * 32; b.recv 64
a.sendmsg [b"f"] [(SOL_SOCKET, SCM_RIGHTS, [a, b])]; b.recvmsg 10 64
l = socket AF_UNIX; l.bind @sockshell-strace-test; s2 = socket AF_UNIX
s2.connect_ex @sockshell-strace-none; d = l.dup; d.get_inheritable
select [a, b] [] [] 0; handles
p = poll; p.register a POLLIN; p.register b; p.poll 0; ready b
ep = epoll; ep.register b EPOLLIN|EPOLLET; ep.modify b EPOLLIN|EPOLLOUT
a.send b"x"; ep.poll 0; ep.poll 0.01 1; ep.close
' >"$tmp/out" 2>&1
status=$?
[ $status -eq 0 ] || { echo "sockshell exited $status"; cat "$tmp/out"; exit 1; }
grep '^error:' "$tmp/out" >"$tmp/errors"
cat >"$tmp/want" <<'EOW'
error: recv: EAGAIN [Errno 11] Resource temporarily unavailable
error: recv: timed out
error: connect: ECONNREFUSED [Errno 111] Connection refused (127.0.0.1 port 1: nothing listens there)
EOW
diff -u "$tmp/want" "$tmp/errors" || { echo "not the expected errors"; cat "$tmp/out"; exit 1; }
sed -n 's/^  //p' "$tmp/out" >"$tmp/ours"
# strace pads the result to a column; one space is what trace prints.
sed 's/  *= /\ = /' "$tmp/strace" >"$tmp/theirs"
n=$(wc -l <"$tmp/ours")
[ "$n" -ge 40 ] || { echo "only $n traced lines"; cat "$tmp/out"; exit 1; }
# Ours must be a subsequence of strace's lines (it also sees start-up).
awk -v theirs="$tmp/theirs" '
# A raw pointer in strace (theirs) and 0x0 or {} in trace (ours), as a
# whole argument, both become PTR.
function theirs_ptr(s) {
	gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "PTR", s)
	return s
}
function ours_ptr(s) {
	gsub(/, (0x0|\{\})[,)]/, ", PTR&", s)
	gsub(/PTR, (0x0|\{\})/, "PTR", s)
	return s
}
BEGIN { while ((getline l < theirs) > 0) t[nt++] = l }
{
	k = j
	while (k < nt && t[k] != $0) k++
	if (k < nt) { j = k + 1; matched++; next }
	# Else the same line but for the pointers, in the next few lines.
	for (k = j; k < nt && k < j + 6; k++) {
		if (t[k] != theirs_ptr(t[k]) && theirs_ptr(t[k]) == ours_ptr($0)) {
			j = k + 1; pointers++; next
		}
	}
	print "not as strace prints it: " $0; bad++
}
END {
	printf "%d lines match strace, %d match but for a pointer, %d differ\n", matched, pointers, bad
	exit bad > 0
}' "$tmp/ours"
