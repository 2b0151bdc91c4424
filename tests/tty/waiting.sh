#!/bin/sh
# A call that blocks says so on a terminal, after half a second, so a
# student does not take the silence for a frozen shell; with trace on,
# the pending call's trace line comes first, as strace prints
# <unfinished ...>. A call that answers at once says nothing, and the
# notice is never recorded.
. "$(dirname "$0")/lib.sh"

start '"$SS" -q'
ready
run "s = socket AF_INET SOCK_STREAM; s.bind 127.0.0.1 0; s.listen"
blocked "s.accept"
expect_line "  accept(3, ...) waiting; Ctrl-C stops it"
key C-c
ready
[ "$(output_of s.accept | head -n 1)" = '  accept(3, ...) waiting; Ctrl-C stops it' ] ||
	fail "accept printed '$(output_of s.accept)'"
pass "a blocking accept says it waits"

run "a, b = socketpair"
expect_output "b.send b'x'; a.recv 1" "$(printf '1\nb\047x\047')"
pass "a call that answers at once says nothing"

run "trace on"
blocked "a.recv 1"
expect_line "  recvfrom(4, <unfinished ...>"
expect_line "  recv(4, ...) waiting; Ctrl-C stops it"
key C-c
ready
got=$(output_of "a.recv 1" | head -n 2)
[ "$got" = "$(printf '%s\n' '  recvfrom(4, <unfinished ...>' '  recv(4, ...) waiting; Ctrl-C stops it')" ] ||
	fail "traced recv printed '$got'"
pass "traced, the pending call's line comes first"

run "trace off"
run "a.settimeout 3"
blocked "a.recv 1"
expect_line "  recv(4, ...) waiting; Ctrl-C stops it"
key C-c
ready
pass "a call with a timeout longer than half a second says it waits"

# Dim on a colour terminal: the escape codes are in the pane.
start '"$SS" -q'
ready
run "a, b = socketpair"
blocked "a.recv 1"
expect_line "  recv(3, ...) waiting; Ctrl-C stops it"
T capture-pane -e -p -t "$sess" | grep -qF "$(printf '\033[2m  recv(3, ...) waiting')" ||
	fail "the notice is not dim"
key C-c
ready
pass "the notice is dim"

# A script or -c under SOCKSHELL_STMT_TIMEOUT (as make check runs them) on
# a terminal: the notice still comes after half a second, and the limit
# still ends the statement. Each has its own timer and signal (SIGALRM,
# SIGRTMIN); they used to share SIGALRM, and the notice was turned off.
start 'SOCKSHELL_STMT_TIMEOUT=2 "$SS" -q -c "a, b = socketpair; a.recv 1; echo not reached"'
expect_line "  recv(3, ...) waiting; Ctrl-C stops it"
expect_line "error: statement timed out after 2 s (SOCKSHELL_STMT_TIMEOUT)"
expect_exit 124
got=$(shot | head -n 3)
want=$(printf '%s\n' "  recv(3, ...) waiting; Ctrl-C stops it" "error: recv: interrupted" \
	"error: statement timed out after 2 s (SOCKSHELL_STMT_TIMEOUT)")
[ "$got" = "$want" ] || fail "notice and time limit together printed '$got'"
pass "the waiting notice and SOCKSHELL_STMT_TIMEOUT work together"
