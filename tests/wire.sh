#!/bin/sh
# wire.sh - the wire lab from outside (issue 15):
#  - where namespaces are refused, --wire says why on one line and exits
#    2, and --check skips (77) a "# wire" transcript: shown inside a user
#    namespace whose ids are not mapped, where no nested one may be made;
#  - a pcap written by `wire save` reads back with tcpdump -r, whose lines
#    are the ones the shell printed, one for one;
#  - the ladder saved as text names its columns by the variables;
#  - the wire transcripts pass as an unprivileged user too (setpriv).
# The whole test is skipped where this machine refuses namespaces.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
top_srcdir=${top_srcdir:-.}
if ! err=$("$SOCKSHELL" --wire -c 'x = 1' 2>&1); then
	echo "SKIP: no wire lab here: $err"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-wire.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# ---- refused: unshare -U leaves our ids unmapped, so no nested user
# namespace may be made (the kernel's rule for chroots and containers).
if command -v unshare >/dev/null 2>&1 && unshare -U true 2>/dev/null; then
	out=$(unshare -U "$SOCKSHELL" --wire -c 'x = 1' 2>&1)
	st=$?
	[ "$st" = 2 ] || fail "refused --wire exited $st: $out"
	[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "refused --wire said more than one line: $out"
	case $out in
	"sockshell: --wire: no wire lab: "*) ;;
	*) fail "refused --wire: $out" ;;
	esac
	out=$(unshare -U "$SOCKSHELL" --check "$top_srcdir/tests/transcripts/wire.txt" 2>&1)
	st=$?
	[ "$st" = 77 ] || fail "--check of a # wire file where refused exited $st: $out"
	printf '%s\n' "$out" | grep -q '^SKIP .*wire.txt$' || fail "no SKIP line: $out"
	printf '%s\n' "$out" | grep -qx '0 passed, 0 failed, 1 skipped' || fail "summary: $out"
	echo "ok - refused namespaces: one line, status 2; --check skips (77)"
fi

# ---- --join: a process id, of a lab
out=$("$SOCKSHELL" --join 12x -c 'x = 1' 2>&1)
[ $? = 2 ] && [ "$out" = "sockshell: --join 12x: not a process id" ] || fail "--join 12x: $out"
want="sockshell: --join: no wire lab: process $$ shares this network namespace: it is not a lab"
out=$("$SOCKSHELL" --join $$ -c 'x = 1' 2>&1)
[ $? = 2 ] && [ "$out" = "$want" ] || fail "--join of a process outside any lab: $out"
echo "ok - --join refuses what is not a process id, and a process that is no lab"

# ---- --check --wire: a file without the "# wire" line, in a lab
printf '%s\n' 'sock> u = socket AF_INET SOCK_DGRAM' "sock> u.sendto b'x' ('127.0.0.1', 9)" 1 \
	'  IP 127.0.0.1... > 127.0.0.1.9: UDP, length 1' \
	'  IP 127.0.0.1 > 127.0.0.1: ICMP 127.0.0.1 udp port 9 unreachable, length 37' >"$tmp/plain.txt"
out=$("$SOCKSHELL" --check --wire "$tmp/plain.txt" 2>&1) || fail "--check --wire: $out"
out=$("$SOCKSHELL" --check "$tmp/plain.txt" 2>&1) && fail "--check without the lab passed: $out"
echo "ok - --check --wire replays a file without '# wire' in a lab"

# ---- the pcap read back by tcpdump
if command -v tcpdump >/dev/null 2>&1; then
	cd "$tmp" || exit 1
	"$SOCKSHELL" --wire -c '
srv = socket AF_INET SOCK_STREAM; srv.bind 127.0.0.1 40000; srv.listen 5
c = socket AF_INET SOCK_STREAM; c.connect 127.0.0.1 40000
conn, addr = srv.accept(); c.send b"hello"; conn.recv 10
conn.setsockopt SOL_SOCKET SO_LINGER (1, 0); conn.close()
r = socket AF_INET SOCK_STREAM; r.connect 127.0.0.1 9
u = socket AF_INET SOCK_DGRAM; u.connect 127.0.0.1 9; u.send b"x"
v = socket AF_INET6 SOCK_DGRAM; v.sendto b"y" ("::1", 9)
sleep 0.2
wire save s.pcap
wire save s.txt' >shell.out 2>&1
	grep '^  ' shell.out | sed 's/^  //' >ours.txt
	tcpdump -r s.pcap -nn -t >theirs.txt 2>tcpdump.err || fail "tcpdump -r: $(cat tcpdump.err)"
	[ -s theirs.txt ] || fail "tcpdump read no packets: $(cat tcpdump.err)"
	diff -u theirs.txt ours.txt >diff.txt || fail "our lines are not tcpdump's: $(cat diff.txt)"
	echo "ok - wire save: tcpdump -r reads the pcap; its $(wc -l <theirs.txt) lines are ours"
	for name in c srv u; do
		grep -qw "$name" s.txt || fail "the saved ladder does not name '$name': $(cat s.txt)"
	done
	echo "ok - wire save: the ladder's columns are named by the variables"
	cd - >/dev/null || exit 1
else
	echo "skip - tcpdump is not installed: the pcap is not read back"
fi

# ---- as an unprivileged user
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	out=$($as_user "$SOCKSHELL" --check "$top_srcdir/tests/transcripts/wire.txt" 2>&1)
	case $out in
	*"1 passed, 0 failed"*) echo "ok - the wire transcript passes as uid 65534" ;;
	*"skipped"*) echo "skip - uid 65534 may not make namespaces here: $out" ;;
	*) fail "as uid 65534: $out" ;;
	esac
fi
