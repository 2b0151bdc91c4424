#!/bin/sh
# watch: a process outside the shell sends to a watched socket while a
# half-typed line waits at the prompt. The arrival prints one line above
# the prompt, the typed text and the cursor survive, Enter runs the line,
# and recv still gets the data (it was only peeked). A FIN and a reset
# each print once, however long the prompt then waits.
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }

# The peer: one step each time a file go.N appears in $work.
cat >"$work/peer.py" <<'PY'
import os, socket, struct, sys, time
work, port = sys.argv[1], int(sys.argv[2])
def step(n):
    while not os.path.exists(os.path.join(work, "go.%d" % n)):
        time.sleep(0.02)
step(1)
c = socket.create_connection(("127.0.0.1", port))
step(2)
c.sendall(b"hello")
step(3)
c.close()
step(4)
r = socket.create_connection(("127.0.0.1", port))
step(5)
r.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
r.close()
step(6)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.sendto(b"hi", ("127.0.0.1", int(open(os.path.join(work, "uport")).read())))
with open(os.path.join(work, "ufrom"), "w") as f:
    f.write(str(u.getsockname()[1]))
step(7)
PY
go() { : >"$work/go.$1"; }

# count TEXT: how many lines of the screen are exactly TEXT.
count() { shot | grep -cxF -- "$1"; }
# once TEXT: TEXT shows, and still only once after two rechecks.
once() {
	expect_line "$1"
	sleep 1.2
	n=$(count "$1")
	[ "$n" = 1 ] || fail "'$1' printed $n times"
}
# cursor_x: the cursor's column in the last snap.
cursor_x() { sed -n '1s/.* //p' "$work/snap"; }

start '"$SS" -q'
ready
run "srv = socket AF_INET SOCK_STREAM"
run "srv.bind 127.0.0.1 0"
run "srv.listen 5"
run "srv.getsockname()[1]"
port=$(output_of "srv.getsockname()[1]")
python3 "$work/peer.py" "$work" "$port" &
peer=$!
trap 'kill $peer 2>/dev/null; cleanup' EXIT

# The plain reader leaves the line to the terminal's cooked mode: what
# was typed stays on its line above the arrival, and a new prompt comes.
# expect_typed TEXT: the typed line as the editor in use shows it.
expect_typed() {
	if [ "$EDITOR_NAME" = plain ]; then
		expect_line "sock> $1"
		expect_cursor "sock> "
	else
		expect_cursor "sock> $1"
	fi
}

run "record $work/rec.txt"
run "watch srv"
send "echo half"
go 1
once "[srv] a connection is waiting"
expect_typed "echo half"
pass "a waiting connection prints above the prompt, once"

key C-u # in the plain reader, the terminal's kill character
run "conn, addr = srv.accept()"
run "watch conn"
expect_output "watch" "watching: srv conn"
send "echo typed here"
[ "$EDITOR_NAME" = plain ] || key Left Left Left Left
go 2
expect_line "[conn] 5 bytes arrived: b'hello'"
expect_typed "echo typed here"
if [ "$EDITOR_NAME" != plain ]; then
	[ "$(cursor_x)" = 17 ] || fail "cursor at column $(cursor_x), want 17"
	key End
fi
pass "an arrival prints above; the typed text and the cursor stay"

key Enter
expect_line "typed here"
ready
expect_output "conn.recv 10" "b'hello'"
n=$(count "[conn] 5 bytes arrived: b'hello'")
[ "$n" = 1 ] || fail "the arrival printed $n times"
pass "Enter runs the typed line; recv still gets the peeked bytes"

go 3
once "[conn] peer closed (FIN): recv will return b''"
expect_output "conn.recv 10" "b''"
sleep 0.6
[ "$(count "[conn] peer closed (FIN): recv will return b''")" = 1 ] ||
	fail "the FIN printed again after recv"
pass "a peer's FIN prints once"

go 4
expect_line "[srv] a connection is waiting"
run "conn2, addr2 = srv.accept()"
run "watch conn2"
go 5
once "[conn2] reset by peer (ECONNRESET)"
expect_output "conn2.recv 10" \
	"error: recv: ECONNRESET [Errno 104] Connection reset by peer (the peer reset the connection: it closed with data unread, or with SO_LINGER (1, 0))"
pass "a reset prints once"

run "u = socket AF_INET SOCK_DGRAM"
run "u.bind 127.0.0.1 0"
run "u.getsockname()[1]"
output_of "u.getsockname()[1]" >"$work/uport"
run "watch u"
go 6
poll test -s "$work/ufrom" || fail "the peer sent no datagram"
once "[u] datagram from ('127.0.0.1', $(cat "$work/ufrom")): b'hi'"
expect_output "u.recv 10" "b'hi'"
pass "a datagram prints with its sender"

run "watch off"
expect_output "watch" "nothing is watched"
run "record off"
# The arrival lines are prose in the recording: a blank line, then # TEXT.
grep -qx "# \[conn\] 5 bytes arrived: b'hello'" "$work/rec.txt" ||
	fail "the recording lacks the arrival: $(cat "$work/rec.txt")"
grep -B1 -x "# \[conn2\] reset by peer (ECONNRESET)" "$work/rec.txt" | head -1 |
	grep -qx "" || fail "no blank line before the recorded arrival"
go 7
wait $peer || fail "the peer failed"
pass "watch off stops watching"
