#!/bin/sh
# Ctrl-C, Ctrl-D, exit, SIGTERM and SIGWINCH in a real terminal: Ctrl-C at
# the prompt abandons the line, during a blocking call it interrupts the call
# and keeps every socket and variable; Ctrl-D closes the sockets and exits 0.
. "$(dirname "$0")/lib.sh"

start '"$SS" -q'
ready

# Ctrl-C at the prompt: the line is dropped, a fresh prompt comes.
send 'echo abandoned'
expect_cursor "sock> echo abandoned"
key C-c
expect_line "sock> echo abandoned^C"
ready
expect_output "echo kept" "kept"
shot | grep -q '^abandoned$' && fail "the abandoned line ran"
pass "Ctrl-C at the prompt abandons the line"

# Ctrl-C during a blocking accept: the call ends, the prompt comes back.
run "x = 42"
run "s = socket AF_INET SOCK_STREAM"
run "s.bind 127.0.0.1 0"
run "s.listen"
blocked "s.accept"
key C-c
poll has_line "^Cerror: accept: interrupted" || expect_line "error: accept: interrupted"
ready
expect_output "x" "42"
expect_output "s.family" "AF_INET"
expect_output "s.getsockname()[0]" "'127.0.0.1'"
pass "Ctrl-C interrupts accept; sockets and variables are kept"

# ... and a blocking recv, sleep and select the same way.
run "a, b = socketpair"
blocked "a.recv 10"
key C-c
poll has_line "^Cerror: recv: interrupted" || expect_line "error: recv: interrupted"
ready
blocked "sleep 100"
key C-c
poll has_line "^Cerror: sleep: interrupted" || expect_line "error: sleep: interrupted"
ready
blocked "select [a] [] []"
key C-c
poll has_line "^Cerror: select: interrupted" || expect_line "error: select: interrupted"
ready
expect_output "b.send b'still here'" "10"
expect_output "a.recv 10" "b'still here'"
pass "Ctrl-C interrupts recv, select and sleep"

# Ctrl-D: every socket is closed (the trace shows it) and the status is 0.
start '"$SS" -q -t'
ready
run "s = socket"
run "bad_command"
key C-d
expect_exit 0
expect_line "  close(3) = 0"
pass "Ctrl-D closes the sockets and exits 0 even after an error"

start '"$SS" -q'
ready
send "echo bye; exit 3"
key Enter
expect_exit 3
expect_line "bye"
pass "exit N leaves with N"

# SIGTERM at the prompt and during a call: a clean end (history saved),
# then death by SIGTERM as the caller expects.
start '"$SS" -q -t'
ready
run "s = socket"
run "echo saved-before-term"
kill -TERM "$(cat "$work/pid")"
expect_exit 143
expect_line "  close(3) = 0"
grep -qx "echo saved-before-term" "$HOME/.local/state/sockshell/history" ||
	fail "SIGTERM at the prompt lost the history"
pass "SIGTERM at the prompt ends cleanly"

start '"$SS" -q -t'
ready
run "s = socket"
run "s.bind 127.0.0.1 0"
run "s.listen"
blocked "s.accept"
kill -TERM "$(cat "$work/pid")"
expect_exit 143
expect_line "  close(3) = 0"
pass "SIGTERM during accept ends cleanly"

# The terminal goes away under a shell waiting at the prompt (its window
# closed): the shell ends, instead of living on, spinning on a terminal
# that reads as ready for ever (libedit did so).
start '"$SS" -q'
ready
gone=$(cat "$work/pid")
T kill-session -t "$sess"
sess=""
i=0
while kill -0 "$gone" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
if kill -0 "$gone" 2>/dev/null; then
	kill -KILL "$gone"
	fail "the shell lives on after its terminal closed"
fi
pass "a closed terminal ends the shell"

# SIGWINCH: a resize while a line is typed keeps it.
start '"$SS" -q'
ready
send "echo still whole"
expect_cursor "sock> echo still whole"
T resize-window -t "$sess" -x 60 -y 20
sleep 0.2
T resize-window -t "$sess" -x 160 -y 30
sleep 0.2
key Enter
expect_line "still whole"
ready
pass "a resize keeps the line"
