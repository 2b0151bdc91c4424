#!/bin/sh
# Caret errors, as SQLite's shell shows them: at a terminal the line typed
# is on the screen above its error, so under the error line a caret points
# at the part that is wrong (a bad argument, an address the call cannot
# use, an unknown name or command, where a syntax error is), a wide
# character before it taken into account. Not for what has no part to
# point at (the whole statement, a call the kernel refused), and never off
# a terminal: a script, a pipe and --check keep the one error line.
. "$(dirname "$0")/lib.sh"

start 'LC_ALL=C.UTF-8 "$SS" -q'
ready
run 's = socket AF_INET SOCK_STREAM'
expect_output 's.setsockopt SOL_SOCKET SO_REUSEADR 1' \
"error: setsockopt: argument 2 (option): unknown constant 'SO_REUSEADR' (did you mean SO_REUSEADDR?)
                              ^~~~~~~~~~~"
expect_output 's.recv nosuch' "error: recv: argument 1 (bufsize): unknown name 'nosuch'
             ^~~~~~"
expect_output 's.bind 127.0.0.1 99999' "error: bind: port must be 0-65535.
             ^~~~~~~~~~~~~~~"
expect_output "s.bind(('127.0.0.1', 99999))" "error: bind: port must be 0-65535.
             ^~~~~~~~~~~~~~~~~~~~"
expect_output 'x = [1, 2] + nosuch' "error: nosuch: no such variable
                   ^~~~~~"
expect_output 'frob 1' "error: frob: unknown command
      ^~~~"
expect_output 'htons (1 +)' "error: syntax: expected a value, found ')' (column 11)
                ^"
pass "the caret under the bad part of the line"

expect_output "echo '日本'; s.recv nosuch" "日本
error: recv: argument 1 (bufsize): unknown name 'nosuch'
                          ^~~~~~"
pass "a wide character counts two columns"

expect_output 'nosuch' "error: nosuch: no such variable"
expect_output 's.connect 127.0.0.1 1' \
"error: connect: ECONNREFUSED [Errno 111] Connection refused (127.0.0.1 port 1: nothing listens there)"
pass "no caret under a whole statement or a call the kernel refused"

# Off a terminal the same lines keep one error line each (the transcripts
# prove --check does).
cat >"$work/lines" <<'EOS'
s = socket AF_INET SOCK_STREAM
s.recv nosuch
frob 1
htons (1 +)
EOS
cat >"$work/want" <<'EOS'
error: recv: argument 1 (bufsize): unknown name 'nosuch'
error: frob: unknown command
error: syntax: expected a value, found ')' (column 11)
EOS
"$SOCKSHELL" -c "$(cat "$work/lines")" >"$work/got" 2>&1
diff -u "$work/want" "$work/got" || fail "-c shows carets"
sed 's/^/<stdin>:N: /' "$work/want" >"$work/want-script"
"$SOCKSHELL" - <"$work/lines" 2>&1 | sed 's/^<stdin>:[0-9]*: /<stdin>:N: /' >"$work/got"
diff -u "$work/want-script" "$work/got" || fail "a script read from a pipe shows carets"
pass "-c and a script keep the one error line"
