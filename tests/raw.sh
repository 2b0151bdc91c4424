#!/bin/sh
# SOCK_RAW: root creates an ICMP socket and pings itself inside a private
# network namespace (unshare -n, with only lo, brought up); a user without
# CAP_NET_RAW gets EPERM with the hint. Skips (77) where namespaces or root
# are not to be had.
sockshell=${SOCKSHELL:-src/sockshell}
skip() {
	echo "SKIP: $*"
	exit 77
}
[ "$(id -u)" = 0 ] || skip "needs root for unshare -n"
command -v unshare >/dev/null 2>&1 || skip "no unshare"
command -v ip >/dev/null 2>&1 || skip "no ip"
unshare -n true 2>/dev/null || skip "unshare -n is not allowed here"

# nobody may not reach the build tree (a clone under /root): it runs a
# copy of the binary from a directory of its own.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp "$sockshell" "$tmp/sockshell" && chmod 755 "$tmp" "$tmp/sockshell" || exit 1

# Run STATEMENTS in a new network namespace as root, or as nobody when
# the first argument is "nobody".
in_netns() {
	who=$1
	shift
	if [ "$who" = nobody ]; then
		if command -v setpriv >/dev/null 2>&1; then
			set -- setpriv --reuid=nobody --regid=nogroup --clear-groups \
				"$tmp/sockshell" -q -c "$1"
		else
			set -- su nobody -s /bin/sh -c "'$tmp/sockshell' -q -c '$1'"
		fi
	else
		set -- "$sockshell" -q -c "$1"
	fi
	unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@" 2>&1
}

status=0
check() {
	if [ "$2" = "$3" ]; then
		echo "PASS: $1"
	else
		echo "FAIL: $1"
		echo "expected:"
		echo "$2"
		echo "got:"
		echo "$3"
		status=1
	fi
}

# An echo request with id 0 and sequence 0: type 8, code 0, checksum
# 0xf7ff. The raw socket sees the request go by on lo, then the reply
# (type 0); byte 20 is the ICMP type, after the 20-byte IP header.
got=$(in_netns root "s = socket AF_INET SOCK_RAW IPPROTO_ICMP
s
s.sendto x'0800f7ff00000000' ('127.0.0.1', 0)
d, frm = s.recvfrom 100
frm
d[20]
d, frm = s.recvfrom 100
d[20]")
want="<socket fd=3, family=AF_INET, type=SOCK_RAW, proto=1, laddr=('0.0.0.0', 1)>
8
('127.0.0.1', 0)
8
0"
check "root opens SOCK_RAW and pings 127.0.0.1" "$want" "$got"

got=$(in_netns nobody "socket AF_INET SOCK_RAW IPPROTO_ICMP")
want="error: socket: EPERM [Errno 1] Operation not permitted (SOCK_RAW needs root or CAP_NET_RAW; try it in \`unshare -n\` as root)"
check "without CAP_NET_RAW the error carries the hint" "$want" "$got"
exit $status
