#!/bin/sh
# Every line `trace on` prints must be the line strace prints for the same
# call (contract section 6). Calls strace shows with a pointer (an output
# buffer it did not decode) cannot match and are left out.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
command -v strace >/dev/null 2>&1 || { echo "SKIP: strace not found"; exit 77; }
# Containers and build chroots may forbid ptrace.
strace -o /dev/null true 2>/dev/null || { echo "SKIP: strace cannot trace here"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
strace -o "$tmp/strace" -e trace=network,poll,fcntl,close,ioctl,epoll_create1,epoll_ctl,epoll_wait "$SOCKSHELL" -c '
trace on
srv = socket; srv.setsockopt SOL_SOCKET SO_REUSEADDR 1; srv.bind 127.0.0.1 0
srv.listen 5; srv.getsockopt SOL_SOCKET SO_ACCEPTCONN
c = socket; c.connect srv.getsockname; conn, p = srv.accept
c.sendall b"hello\n"; conn.recv 1024; conn.recv 4 MSG_PEEK|MSG_DONTWAIT
conn.getsockopt SOL_SOCKET SO_TYPE; c.setsockopt SOL_SOCKET SO_LINGER (1, 5)
c.setsockopt SOL_SOCKET SO_RCVTIMEO 1.5; c.setsockopt IPPROTO_TCP TCP_NODELAY 1
c.settimeout 0.2; c.recv 10; c.setblocking True; conn.shutdown SHUT_WR; c.recv 10
c.close; c2 = socket; c2.connect 127.0.0.1 1
u = socket AF_INET6 SOCK_DGRAM; u.bind ::1 0; u.sendto b"x" u.getsockname
u.recvfrom 10; v = socket AF_INET SOCK_DGRAM; v.sendto b"\x00\xff\x7f" 127.0.0.1 9
a, b = socketpair; a.send b"0123456789012345678901234567890123456789"; b.recv 64
l = socket AF_UNIX; l.bind @sockshell-strace-test; s2 = socket AF_UNIX
s2.connect_ex @sockshell-strace-none; d = l.dup; d.get_inheritable
select [a, b] [] [] 0; handles
p = poll; p.register a POLLIN; p.register b; p.poll 0; ready b
ep = epoll; ep.register b EPOLLIN|EPOLLET; ep.modify b EPOLLIN|EPOLLOUT
a.send b"x"; ep.poll 0; ep.poll 0.01 1; ep.close
' >"$tmp/out" 2>&1
status=$?
[ $status -le 1 ] || { echo "sockshell exited $status"; cat "$tmp/out"; exit 1; }
sed -n 's/^  //p' "$tmp/out" >"$tmp/ours"
# strace pads the result to a column; one space is what trace prints.
sed 's/  *= /\ = /' "$tmp/strace" >"$tmp/theirs"
n=$(wc -l <"$tmp/ours")
[ "$n" -ge 40 ] || { echo "only $n traced lines"; cat "$tmp/out"; exit 1; }
# Ours must be a subsequence of strace's lines (it also sees start-up).
awk -v theirs="$tmp/theirs" '
BEGIN { while ((getline l < theirs) > 0) t[nt++] = l }
{
	k = j
	while (k < nt && t[k] != $0) k++
	if (k < nt) { j = k + 1; matched++; next }
	# A line strace shows with a raw pointer cannot match: skip it.
	for (k = j; k < nt && k < j + 6; k++) {
		split($0, a, "("); split(t[k], b, "(")
		if (a[1] == b[1] && t[k] ~ /0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]/) { j = k + 1; skipped++; next }
	}
	print "not as strace prints it: " $0; bad++
}
END {
	printf "%d lines match strace, %d skipped (pointers), %d differ\n", matched, skipped, bad
	exit bad > 0
}' "$tmp/ours"
