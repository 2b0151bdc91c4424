#!/bin/sh
# `record FILE` writes the session as a transcript that replays: a
# recording followed by --check of it passes; record never overwrites a
# file silently; -a appends, -f replaces; a failing transcript prints FAIL,
# a diff and "0 passed, 1 failed" with status 1.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$SOCKSHELL" -c "record $tmp/rec.txt
a, b = socketpair
a.send b'ping'
b.recv 10
echo ''
errno ENOENT
b.recv 1 MSG_DONTWAIT
htons 80
record off
htons 1" >"$tmp/out" || true
[ -s "$tmp/rec.txt" ] || fail "nothing recorded"
grep -q '^sock> htons 1$' "$tmp/rec.txt" && fail "recorded after record off"
grep -q '^sock> record' "$tmp/rec.txt" && fail "recorded the record line"
grep -q '^<BLANKLINE>$' "$tmp/rec.txt" || fail "an empty output line is not <BLANKLINE>"
"$SOCKSHELL" --check "$tmp/rec.txt" >"$tmp/check" || { cat "$tmp/rec.txt" "$tmp/check"; fail "the recording does not replay"; }
grep -qx "1 passed, 0 failed" "$tmp/check" || fail "no summary line"

# An existing file is never replaced without -f.
out=$("$SOCKSHELL" -c "record $tmp/rec.txt")
[ "$out" = "error: record: $tmp/rec.txt exists (record -f FILE replaces it, record -a FILE appends)" ] ||
	fail "overwrite not refused: $out"
"$SOCKSHELL" -c "record -a $tmp/rec.txt
htons 2" >/dev/null
tail -n 2 "$tmp/rec.txt" | tr '\n' ' ' | grep -qx "sock> htons 2 512 " || fail "-a did not append"
"$SOCKSHELL" -c "record -f $tmp/rec.txt
htons 3" >/dev/null
[ "$(cat "$tmp/rec.txt")" = "$(printf 'sock> htons 3\n768')" ] || fail "-f did not replace"

# Statements are recorded one by one: those after `record FILE` on its own
# line are in, those after `record off` are out, a line of one statement
# keeps its comment, and a syntax error keeps its whole line.
"$SOCKSHELL" -c "echo before; record $tmp/each.txt; x = 7; echo (x)
htons 80  # port
frob; 1 +
echo last; record off; echo gone" >/dev/null
cat >"$tmp/want" <<'EOW'
sock> x = 7
sock> echo (x)
7
sock> htons 80  # port
20480
sock> frob; 1 +
error: syntax: expected a value, found end of line (column 10)
sock> echo last
last
EOW
diff -u "$tmp/want" "$tmp/each.txt" || fail "statements not recorded one by one"
"$SOCKSHELL" --check "$tmp/each.txt" >/dev/null || fail "the per-statement recording does not replay"

# One recording after another: each statement in its file, neither
# `record` statement in either.
"$SOCKSHELL" -c "record $tmp/one.txt; x = 1; record $tmp/two.txt; y = 2
record -f $tmp/one.txt; z = 3; record off" >/dev/null
[ "$(cat "$tmp/one.txt")" = "sock> z = 3" ] || fail "one.txt: $(cat "$tmp/one.txt")"
[ "$(cat "$tmp/two.txt")" = "sock> y = 2" ] || fail "two.txt: $(cat "$tmp/two.txt")"

# A transcript that fails: FAIL, a unified diff, the summary, status 1.
printf 'sock> htons 80\n20481\n' >"$tmp/bad.txt"
"$SOCKSHELL" --check "$tmp/bad.txt" >"$tmp/badout"
status=$?
[ $status -eq 1 ] || fail "status $status for a failing transcript"
cat >"$tmp/want" <<EOW
FAIL $tmp/bad.txt
--- $tmp/bad.txt
+++ $tmp/bad.txt (actual)
@@ -1,2 +1,2 @@
 sock> htons 80
-20481
+20480
0 passed, 1 failed
EOW
diff -u "$tmp/want" "$tmp/badout" || fail "unexpected --check output"
echo "record and --check: ok"
