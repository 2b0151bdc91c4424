#!/bin/sh
# The wire lab at the prompt: a delayed ACK (the receiver out of quickack
# mode: TCP_QUICKACK 0) comes some 40 ms after the send that caused it,
# after the statement's frames were printed: it prints above the next
# prompt. The recording keeps it under the send, where --check (which
# waits for delayed ACKs) prints it: the recording replays. A second
# shell joins the lab (sockshell --join PID) and connects while a
# half-typed line waits: its handshake prints above the prompt and the
# typed text survives.
. "$(dirname "$0")/lib.sh"

if ! err=$("$SOCKSHELL" --wire -c 'x = 1' 2>&1); then
	echo "SKIP: no wire lab here: $err"
	exit 77
fi

start '"$SS" -q --wire --record "$1/rec.txt"'
ready
run "srv = socket AF_INET SOCK_STREAM"
run "srv.bind 127.0.0.1 7000"
run "srv.listen 5"
run "c = socket AF_INET SOCK_STREAM"
run "c.connect 127.0.0.1 7000"
run "conn, addr = srv.accept()"
run "conn.setsockopt IPPROTO_TCP TCP_QUICKACK 0"
run "c.send b'x'"
# The ACK: from the server's port, acknowledging the byte.
ack="  IP 127.0.0.1.7000 > 127.0.0.1.*Flags \[\.\]*"
poll grep -q "^$ack" "$work/rec.txt" ||
	fail "no late ACK in the recording: $(cat "$work/rec.txt")"
shot | grep -q "^$ack" || fail "the late ACK is not on the screen"
# It came after the prompt: the screen had the send's lines and a prompt
# without it first (the recording was written before the ACK came).
sed -n "/^sock> c.send b'x'/,\$p" "$work/rec.txt" >"$work/send.txt"
printf '%s\n' 1 >"$work/want"
sed -n 2p "$work/send.txt" | diff "$work/want" - >/dev/null || fail "send: $(cat "$work/send.txt")"
sed -n 3p "$work/send.txt" | grep -q "^  IP 127.0.0.1.* > 127.0.0.1.7000: Flags \[P\.\]" ||
	fail "no data segment under the send: $(cat "$work/send.txt")"
sed -n 4p "$work/send.txt" | grep -q "^$ack" ||
	fail "the delayed ACK is not recorded under the send: $(cat "$work/send.txt")"
# Ports, sequence numbers and timestamps change: numbers become "...".
sed -E '/^  IP/ s/[0-9][0-9.]*/.../g' "$work/rec.txt" >"$work/replay.txt"
"$SOCKSHELL" --check "$work/replay.txt" >"$work/check.out" 2>&1 ||
	fail "the recording does not replay: $(cat "$work/check.out")"
pass "a delayed ACK prints above the prompt; the recording replays"

send "echo typed"
pid=$(cat "$work/pid")
"$SOCKSHELL" --join "$pid" -c 'j = socket AF_INET SOCK_STREAM; j.connect 127.0.0.1 7000' \
	>"$work/join.out" 2>&1 || fail "--join: $(cat "$work/join.out")"
syn="  IP 127.0.0.1.* > 127.0.0.1.7000: Flags \[S\]*"
poll sh -c "tmux -L '$server' capture-pane -p -t '$sess' | grep -q '^$syn'" ||
	fail "the joined shell's SYN did not show"
# The plain reader leaves the line to the terminal's cooked mode: what
# was typed stays on its line above the frames, and a new prompt comes.
if [ "$EDITOR_NAME" = plain ]; then
	expect_line "sock> echo typed"
	expect_cursor "sock> "
else
	expect_cursor "sock> echo typed"
fi
grep -q "^$syn" "$work/join.out" || fail "the joined shell saw no SYN: $(cat "$work/join.out")"
key Enter
expect_line "typed"
pass "a second shell joins the lab; its packets show above the typed line"
