#!/bin/sh
# A session recorded at a terminal replays under --check, as a teacher
# records a class: colour on the screen but none in the file, descriptors
# as the replay will number them (the record file sits high, out of the
# sockets' way), statements as typed (1.2.3.4 whole), an error, a call
# stopped by Ctrl-C (after its "waiting" notice, which stays on the
# screen) kept as prose so the replay neither blocks nor fails, then
# Ctrl-D.
. "$(dirname "$0")/lib.sh"
esc=$(printf '\033')

start '"$SS" -q --record rec.txt'
ready
pid=$(cat "$work/pid")
run 'a, b = socketpair'
expect_output 'a.fileno()' 3
fd=$(ls -l "/proc/$pid/fd" 2>/dev/null | awk '/rec\.txt$/ { print $(NF - 2) }')
[ -z "$fd" ] || [ "$fd" -ge 100 ] || fail "the record file holds descriptor $fd"
run 'inet_aton 10.0.0.300'
T capture-pane -e -p -t "$sess" | grep -q "^$esc\\[[0-9;]*m.*error:" ||
	fail "no colour on the screen: the test proves nothing"
run 'x = 1; inet_aton 10.0.0.1'
# The caret under a bad argument is the screen's only: the replay has none.
expect_output 'a.recv nosuch' "error: recv: argument 1 (bufsize): unknown name 'nosuch'
             ^~~~~~"
run 'srv = socket AF_INET SOCK_STREAM; srv.bind 127.0.0.1 0; srv.listen'
blocked 'srv.accept'
expect_line "  accept(5, ...) waiting; Ctrl-C stops it" # the screen's only
key C-c
ready
expect_output 'echo after' after
key C-d
poll sh -c "! kill -0 $pid 2>/dev/null" || fail "Ctrl-D did not end the shell"

cat >"$work/want" <<'EOF'
sock> a, b = socketpair
sock> a.fileno()
3
sock> inet_aton 10.0.0.300
error: inet_aton: illegal IP address string passed to inet_aton
sock> x = 1
sock> inet_aton 10.0.0.1
b'\n\x00\x00\x01'
sock> a.recv nosuch
error: recv: argument 1 (bufsize): unknown name 'nosuch'
sock> srv = socket AF_INET SOCK_STREAM
sock> srv.bind 127.0.0.1 0
sock> srv.listen

# interrupted by Ctrl-C, not replayed: srv.accept
sock> echo after
after
EOF
diff -u "$work/want" "$work/rec.txt" || fail "the recording"
pass "a terminal session is recorded as plain text, as typed"

"$SOCKSHELL" --check "$work/rec.txt" >"$work/check" 2>&1 ||
	{ cat "$work/check"; fail "the recording does not replay"; }
pass "the recording replays under --check"
