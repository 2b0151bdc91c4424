#!/bin/sh
# SOCKSHELL_STMT_TIMEOUT limits each statement of a script or -c (make
# check sets it for every test): one that blocks past it is interrupted,
# the shell prints why and ends with status 124 without running the rest
# (under --check, the transcript fails).
# Nested statements (repeat, source) count as their parent. Unset or
# invalid, it limits nothing; the interactive prompt is never limited.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; cat "$tmp/out"; exit 1; }
# A guard of our own, should the watchdog itself hang.
guard() { timeout -k 2 20 "$@"; }

[ -n "${SOCKSHELL_STMT_TIMEOUT:-}" ] ||
	echo "note: SOCKSHELL_STMT_TIMEOUT is not set here (make check sets it)"

SOCKSHELL_STMT_TIMEOUT=0.3 guard "$SOCKSHELL" -c 'echo start; a, b = socketpair
b.recv 1; echo not reached' >"$tmp/out" 2>&1
status=$?
[ $status -eq 124 ] || fail "-c: status $status, not 124"
cat >"$tmp/want" <<'EOW'
start
error: recv: interrupted
error: statement timed out after 0.3 s (SOCKSHELL_STMT_TIMEOUT)
EOW
diff -u "$tmp/want" "$tmp/out" || fail "-c: not as expected"

printf 'sleep 5\necho not reached\n' >"$tmp/script"
SOCKSHELL_STMT_TIMEOUT=0.3 guard "$SOCKSHELL" "$tmp/script" >"$tmp/out" 2>&1
status=$?
[ $status -eq 124 ] || fail "script: status $status, not 124"
grep -qx "$tmp/script:1: error: statement timed out after 0.3 s (SOCKSHELL_STMT_TIMEOUT)" \
	"$tmp/out" || fail "script: no timeout line"
grep -q 'not reached' "$tmp/out" && fail "script: went on after the timeout"

# Each statement has the whole limit; a repeat is one statement.
SOCKSHELL_STMT_TIMEOUT=0.5 guard "$SOCKSHELL" -c 'sleep 0.3; sleep 0.3; echo both' >"$tmp/out" 2>&1 ||
	fail "two statements under the limit each failed"
[ "$(cat "$tmp/out")" = both ] || fail "two short statements"
SOCKSHELL_STMT_TIMEOUT=0.5 guard "$SOCKSHELL" -c 'repeat 4 sleep 0.2; echo no' >"$tmp/out" 2>&1
status=$?
[ $status -eq 124 ] || fail "repeat: status $status, not 124"
grep -q '^no$' "$tmp/out" && fail "repeat: went on after the timeout"
printf 'sleep 0.3\nsleep 0.3\n' >"$tmp/two.txt"
SOCKSHELL_STMT_TIMEOUT=0.5 guard "$SOCKSHELL" -c "source $tmp/two.txt; echo no" >"$tmp/out" 2>&1
status=$?
[ $status -eq 124 ] || fail "source: status $status, not 124"
grep -q '^no$' "$tmp/out" && fail "source: went on after the timeout"

# The interactive prompt (here -i after -c) has no limit: a person waits.
printf 'sleep 0.5\necho done\n' |
	SOCKSHELL_STMT_TIMEOUT=0.2 guard "$SOCKSHELL" -q -i -c 'echo c' >"$tmp/out" 2>&1 ||
	fail "interactive: a statement was limited"
grep -q 'done' "$tmp/out" || fail "interactive: no 'done'"

# --check: a statement that timed out fails its transcript even when the
# transcript expects exactly what it printed.
cat >"$tmp/t.txt" <<'EOT'
sock> a, b = socketpair
sock> b.recv 1
error: recv: interrupted
sockshell: statement timed out after 0.3 s (SOCKSHELL_STMT_TIMEOUT)
EOT
SOCKSHELL_STMT_TIMEOUT=0.3 guard "$SOCKSHELL" --check "$tmp/t.txt" >"$tmp/out" 2>&1
status=$?
[ $status -eq 1 ] || fail "--check: status $status, not 1"
[ "$(tail -n 1 "$tmp/out")" = "0 passed, 1 failed" ] || fail "--check: a timed-out statement passed"

# Unset or not a positive number: no limit.
for t in "" abc -1 0; do
	SOCKSHELL_STMT_TIMEOUT=$t guard "$SOCKSHELL" -c 'sleep 0.3; echo done' >"$tmp/out" 2>&1 ||
		fail "SOCKSHELL_STMT_TIMEOUT='$t' limited a statement"
done
echo "statement timeout: ok"
