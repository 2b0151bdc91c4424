#!/bin/sh
# faults.sh - sockshell under hostile conditions: descriptor exhaustion,
# peer resets, interrupted system calls, huge lines and scripts, deep
# nesting, integers past 64 bits, bad bytes and line endings, unterminated
# quotes, and a transcript whose expected output never comes. Each case
# compares the exact output; the script fails when any case does.
set -u
S=${SOCKSHELL:-src/sockshell}
T=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-faults.XXXXXX")
trap 'rm -rf "$T"' EXIT
failed=0

# check NAME: compare $T/out with the expected text on stdin.
check() {
	cat >"$T/want"
	if cmp -s "$T/want" "$T/out"; then
		echo "ok   $1"
	else
		echo "FAIL $1"
		diff -u "$T/want" "$T/out" | head -n 40 | cut -c 1-200
		failed=$((failed + 1))
	fi
}

# run ARGS...: sockshell's stdout and stderr into $T/out, then its status.
run() {
	"$S" "$@" >"$T/out" 2>&1
	echo "status $?" >>"$T/out"
}

# repeat_char C N: C written N times, no newline.
repeat_char() {
	head -c "$2" /dev/zero | tr '\0' "$1"
}

# ---- descriptor exhaustion ------------------------------------------------
# With 32 descriptors, 64 sockets: EMFILE for the ones that do not fit,
# and once the list is gone everything works again.
{
	echo 'l = []'
	i=0
	while [ $i -lt 64 ]; do
		echo 'l = l + [socket(AF_UNIX)]'
		i=$((i + 1))
	done
	echo 'a, b = socketpair'
	echo 'del l'
	echo 'a, b = socketpair'
	echo "a.send b'ok'"
	echo 'b.recv 10'
} >"$T/emfile.txt"
# The descriptors below 32 that are already open (stdin, stdout, stderr
# and whatever make passes down) are not free for sockets; -L tests the
# link without opening it.
sh -c '
	n=0 i=0
	while [ $i -lt 32 ]; do
		[ -L /proc/$$/fd/$i ] && n=$((n + 1))
		i=$((i + 1))
	done
	echo $((32 - n)) >"$1"
	ulimit -n 32 && exec "$2"' sh "$T/free" "$S" <"$T/emfile.txt" >"$T/out" 2>&1
echo "status $?" >>"$T/out"
free=$(cat "$T/free")
{
	line=$((free + 2))
	while [ $line -le 65 ]; do
		echo "<stdin>:$line: error: socket: EMFILE [Errno 24] Too many open files"
		line=$((line + 1))
	done
	echo "<stdin>:66: error: socketpair: EMFILE [Errno 24] Too many open files"
	echo 2
	echo "b'ok'"
	echo "status 0"
} | check "descriptor exhaustion ($free free, 64 sockets)"

# ---- peer reset and broken pipe -------------------------------------------
# SIGPIPE is ignored: a write to a reset or closed peer is EPIPE, and the
# shell goes on.
run -c "srv = socket; srv.bind 127.0.0.1 0; srv.listen 1
c = socket; c.connect srv.getsockname
conn, peer = srv.accept
conn.setsockopt SOL_SOCKET SO_LINGER (1, 0)
conn.close
c.recv 10
c.send b'x'
a, b = socketpair
b.close
a.send b'x'
a.sendall b'x' * 1000000
u, v = socketpair AF_UNIX SOCK_DGRAM
v.close
u.send b'x'
echo alive"
check "peer reset ECONNRESET, broken pipe EPIPE" <<'EOF'
error: recv: ECONNRESET [Errno 104] Connection reset by peer (the peer reset the connection: it closed with data unread, or with SO_LINGER (1, 0))
error: send: EPIPE [Errno 32] Broken pipe (the peer closed the connection and reset it: nothing more goes to it)
error: send: EPIPE [Errno 32] Broken pipe (the peer closed its end, or this side shut down writing)
error: sendall: EPIPE [Errno 32] Broken pipe (the peer closed its end, or this side shut down writing)
error: send: ECONNREFUSED [Errno 111] Connection refused
alive
status 0
EOF

# ---- EINTR ----------------------------------------------------------------
# A signal that is not Ctrl-C interrupting a blocking call must not fail
# the call: it is made again. strace injects the EINTR into the first of
# each call, deterministically; then real stop/continue signals (which
# interrupt calls on sockets with SO_RCVTIMEO even without a handler).
if strace -qq -o /dev/null true 2>/dev/null; then
	# LeakSanitizer cannot run under ptrace; the other cases check leaks.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -qq -f -o /dev/null \
		-e inject=recvfrom:error=EINTR:when=1 \
		-e inject=sendto:error=EINTR:when=1 \
		-e inject=accept4:error=EINTR:when=1 \
		-e inject=poll:error=EINTR:when=1 \
		-e inject=clock_nanosleep:error=EINTR:when=1 \
		-e inject=recvmsg:error=EINTR:when=1 \
		"$S" -c "a, b = socketpair
a.send b'one'
b.recv 10
srv = socket; srv.bind 127.0.0.1 0; srv.listen 1
c = socket; c.connect srv.getsockname
conn, peer = srv.accept
conn.settimeout 5
c.send b'two'
conn.recv 10
sleep 0.01
echo done" >"$T/out" 2>&1
	echo "status $?" >>"$T/out"
	check "EINTR injected into recvfrom, sendto, accept4, poll, nanosleep is retried" <<'EOF'
3
b'one'
3
b'two'
done
status 0
EOF
else
	echo "skip EINTR injection: strace cannot trace here"
fi

# The real thing: SIGSTOP and SIGCONT while sockshell blocks in accept
# and then in recv on sockets with SO_RCVTIMEO, and a SIGCHLD for good
# measure. The trace shows the interrupted calls; the statements succeed.
stop_cont() {
	kill -STOP "$1" 2>/dev/null
	sleep 0.1
	kill -CONT "$1" 2>/dev/null
	kill -CHLD "$1" 2>/dev/null
}
eintr_round() {
	rm -f "$T/s"
	"$S" -c "srv = socket AF_UNIX
srv.bind $T/s
srv.listen 1
srv.setsockopt SOL_SOCKET SO_RCVTIMEO 30.0
trace on
conn, peer = srv.accept
conn.setsockopt SOL_SOCKET SO_RCVTIMEO 30.0
conn.recv 10
trace off
echo end" >"$T/stop.out" 2>&1 &
	pid=$!
	n=0
	while [ ! -S "$T/s" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
	sleep 0.3
	stop_cont $pid
	"$S" -c "c = socket AF_UNIX; c.connect $T/s; sleep 1; c.send b'late'; sleep 0.5" >/dev/null &
	client=$!
	sleep 0.5
	stop_cont $pid
	wait $client
	wait $pid
	echo "status $?" >>"$T/stop.out"
	grep -q '^  accept4(.* = -1 EINTR' "$T/stop.out" &&
		grep -q '^  recvfrom(.* = -1 EINTR' "$T/stop.out"
}
tries=0
until eintr_round || [ $tries -ge 2 ]; do tries=$((tries + 1)); done
grep -v '^  ' "$T/stop.out" >"$T/out"
grep -c '^  [a-z0-9]*(.* = -1 EINTR' "$T/stop.out" >>"$T/out"
check "EINTR from SIGSTOP/SIGCONT in accept and recv is retried" <<'EOF'
b'late'
end
status 0
2
EOF

# ---- a 1 MiB line -----------------------------------------------------------
a=$(repeat_char a 1048576)
b=$(repeat_char b 1048576)
printf "x = b'%s'\nx[:3]\nx[-3:]\necho '%s'\n" "$a" "$b" >"$T/long.txt"
run "$T/long.txt"
printf "b'aaa'\nb'aaa'\n%s\nstatus 0\n" "$b" | check "a 1 MiB line in a script"
run <"$T/long.txt"
printf "b'aaa'\nb'aaa'\n%s\nstatus 0\n" "$b" | check "a 1 MiB line on standard input"
printf "A transcript with a 1 MiB statement and a 1 MiB line of output.\n\nsock> echo '%s'\n%s\n" "$b" "$b" >"$T/long-t.txt"
run --check "$T/long-t.txt"
printf "PASS %s\n1 passed, 0 failed\nstatus 0\n" "$T/long-t.txt" | check "a 1 MiB line in a transcript"

# ---- a 10 MiB script ----------------------------------------------------------
pad=$(repeat_char p 45)
awk -v pad="$pad" 'BEGIN { for (i = 0; i < 160000; i++) print "x = htons 80   # " pad; print "x" }' >"$T/big.txt"
run "$T/big.txt"
check "a 10 MiB script ($(wc -c <"$T/big.txt") bytes)" <<'EOF'
20480
status 0
EOF

# ---- 100,000 nested parentheses and brackets ----------------------------------
o=$(repeat_char '(' 100000)
c=$(repeat_char ')' 100000)
lo=$(repeat_char '[' 100000)
lc=$(repeat_char ']' 100000)
{
	echo "x = ${o}1$c"
	echo "x = $lo$lc"
	echo "htons$o$c"
	echo "echo $o"
	echo "x = $lo"
	echo "x = $o"
	echo "x = [($lo"
	echo "echo ok"
} >"$T/deep.txt"
run "$T/deep.txt"
d=$T/deep.txt
check "100,000 nested parentheses and brackets" <<EOF
$d:1: error: syntax: expression nested too deeply (column 205)
$d:2: error: syntax: expression nested too deeply (column 205)
$d:3: error: syntax: expression nested too deeply (column 206)
$d:4: error: syntax: expression nested too deeply (column 206)
$d:5: error: syntax: expression nested too deeply (column 205)
$d:6: error: syntax: expression nested too deeply (column 205)
$d:7: error: syntax: expression nested too deeply (column 205)
ok
status 0
EOF
printf 'sock> x = %s1%s\nerror: syntax: expression nested too deeply (column 205)\n' "$o" "$c" >"$T/deep-t.txt"
run --check "$T/deep-t.txt"
printf "PASS %s\n1 passed, 0 failed\nstatus 0\n" "$T/deep-t.txt" | check "100,000 parentheses in a transcript"

# ---- integers past 64 bits ------------------------------------------------------
run -c 'x = 9223372036854775807; x
x = -9223372036854775808; x
x = 9223372036854775808
x = -9223372036854775809
x = 18446744073709551616
x = 0x10000000000000000
x = 0o2000000000000000000000
x = 0b10000000000000000000000000000000000000000000000000000000000000000
x = 9223372036854775807 + 1
x = 3037000500 * 3037000500
x = -9223372036854775807 + -2
htons 65536
htonl 4294967296
b"x" * 9223372036854775807
bytes 9223372036854775807
int "99999999999999999999"
echo ok'
check "integers past 64 bits" <<'EOF'
9223372036854775807
-9223372036854775808
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: syntax: integer too large (sockshell integers are 64-bit) (column 5)
error: +: integer overflow (sockshell integers are 64-bit)
error: *: integer overflow (sockshell integers are 64-bit)
error: +: integer overflow (sockshell integers are 64-bit)
error: htons: Python int too large to convert to C 16-bit unsigned integer
error: htonl: int larger than 32 bits
error: *: result too large (over 256 MiB)
error: bytes: size too large (at most 256 MiB)
error: int: invalid literal for int(): '99999999999999999999'
ok
status 0
EOF

# ---- invalid UTF-8, NUL bytes and CRLF ------------------------------------------
# CRLF ends lines like LF; a NUL byte refuses its line (as Python refuses
# such source); bytes that are not UTF-8 pass through echo as a bare word
# and are refused in a string or bytes literal.
printf 'x = htons 80\r\nx\r\necho a\000b\r\necho \377\376 ok\r\nx = b"\303\251"\r\n\377 = 1\r\necho end\r\n' >"$T/enc.txt"
run "$T/enc.txt"
e=$T/enc.txt
printf '20480\n%s:3: error: syntax: source code cannot contain null bytes (column 7)\n\377\376 ok\n%s:5: error: syntax: bytes can only contain ASCII literal characters (column 5)\n%s:6: error: syntax: unexpected character (column 1)\nend\nstatus 0\n' "$e" "$e" "$e" |
	check "invalid UTF-8, NUL and CRLF in a script"
printf 'CRLF, NUL and a byte that is not UTF-8.\r\n\r\nsock> x = htons 80\r\nsock> x\r\n20480\r\nsock> echo a\000b\r\nerror: syntax: source code cannot contain null bytes (column 7)\r\nsock> echo \377\r\n\377\r\nsock> echo "..."\r\n...\r\n' >"$T/enc-t.txt"
run --check "$T/enc-t.txt"
printf "PASS %s\n1 passed, 0 failed\nstatus 0\n" "$T/enc-t.txt" | check "invalid UTF-8, NUL and CRLF in a transcript"

# ---- unterminated quotes ----------------------------------------------------------
printf "echo 'abc\nx = b'abc\nx = x'41\necho \"abc\\\\\necho 'abc' 'de\nx = 'abc\\\\'\necho ok\n" >"$T/quote.txt"
run "$T/quote.txt"
q=$T/quote.txt
check "unterminated quotes" <<EOF
$q:1: error: syntax: unterminated string literal (column 6)
$q:2: error: syntax: unterminated string literal (column 5)
$q:3: error: syntax: unterminated hex bytes literal (column 5)
$q:4: error: syntax: unterminated string literal (column 6)
$q:5: error: syntax: unterminated string literal (column 12)
$q:6: error: syntax: unterminated string literal (column 5)
ok
status 0
EOF

# ---- a transcript whose expected output never comes -------------------------------
cat >"$T/hang.txt" <<'EOF'
A server waits for a client that never comes.

sock> srv = socket AF_INET SOCK_STREAM
sock> srv.bind 127.0.0.1 0
sock> srv.listen 1
sock> conn, peer = srv.accept
sock> echo connected
connected
EOF
start=$(date +%s)
SOCKSHELL_STMT_TIMEOUT=1 run --check "$T/hang.txt"
took=$(($(date +%s) - start))
check "a statement that never finishes fails --check" <<EOF
FAIL $T/hang.txt
--- $T/hang.txt
+++ $T/hang.txt (actual)
@@ -4,5 +4,7 @@
 sock> srv.bind 127.0.0.1 0
 sock> srv.listen 1
 sock> conn, peer = srv.accept
+error: accept: interrupted
+sockshell: statement timed out after 1 s (SOCKSHELL_STMT_TIMEOUT)
 sock> echo connected
 connected
0 passed, 1 failed
status 1
EOF
echo "took $took s" >"$T/out"
if [ "$took" -le 5 ]; then echo "took $took s"; else echo "took at most 5 s"; fi |
	check "... in bounded time (SOCKSHELL_STMT_TIMEOUT=1)"

[ "$failed" -eq 0 ] || echo "$failed fault case(s) failed"
[ "$failed" -eq 0 ]
