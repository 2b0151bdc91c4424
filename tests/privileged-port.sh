#!/bin/sh
# privileged-port.sh - bind below 1024 as a user is EACCES, and the error
# line says why (issue 12 section 5). As root, the shell runs as nobody
# (setpriv); a kernel that lets users bind port 80 has nothing to show.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
start=$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)
if [ "$start" -le 80 ]; then
	echo "SKIP: users may bind port 80 here (ip_unprivileged_port_start=$start)"
	exit 77
fi
as_user=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "SKIP: root without setpriv"; exit 77; }
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
want='error: bind: EACCES [Errno 13] Permission denied (ports below 1024 are privileged: use one from 1024 up, or run as root)'
# The unprivileged port's bind succeeds and prints nothing; no hint for it.
got=$(LC_ALL=C $as_user "$SOCKSHELL" -q -c 's = socket AF_INET SOCK_STREAM; s.bind 127.0.0.1 80; s.bind 127.0.0.1 0' 2>&1)
if [ "$got" != "$want" ]; then
	echo "FAIL: bind 127.0.0.1 80 as a user"
	echo "got:  $got"
	echo "want: $want"
	exit 1
fi
echo "PASS: bind below 1024 as a user names the privileged port"
