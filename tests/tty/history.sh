#!/bin/sh
# The history file: where it lives, its modes, what goes in (no blank lines,
# no repeats in a row, at most 1000 lines), recall with Up after a restart,
# an atomic rewrite, and a planted symbolic link refused.
. "$(dirname "$0")/lib.sh"

hist=$HOME/.local/state/sockshell/history

# mode PATH: its permission bits, as ls shows them.
mode() { ls -ld "$1" | cut -c1-10; }

start '"$SS" -q'
ready
run "echo first"
run "echo second"
run "echo second"
run "   "
key C-d
expect_exit 0
[ "$(cat "$hist")" = "echo first
echo second" ] || fail "history holds '$(cat "$hist")'"
[ "$(mode "$hist")" = "-rw-------" ] || fail "history mode $(mode "$hist")"
[ "$(mode "${hist%/history}")" = "drwx------" ] || fail "directory mode $(mode "${hist%/history}")"
pass "history file: its lines, mode 0600 in a 0700 directory"

inode=$(ls -i "$hist" | cut -d' ' -f1)
start '"$SS" -q'
ready
if [ "$EDITOR_NAME" != plain ]; then
	key Up
	expect_cursor "sock> echo second"
	key Up
	expect_cursor "sock> echo first"
	key Enter
	expect_line "first"
	ready
	pass "Up recalls the lines of the last session"
else
	run "echo first"
fi
key C-d
expect_exit 0
[ "$(cat "$hist")" = "echo first
echo second
echo first" ] || fail "history holds '$(cat "$hist")'"
[ "$(ls -i "$hist" | cut -d' ' -f1)" != "$inode" ] || fail "history rewritten in place"
[ "$(ls -a "${hist%/history}" | tr '\n' ' ')" = ". .. history " ] ||
	fail "left behind: $(ls -a "${hist%/history}")"
pass "history rewritten through a new file and a rename"

# At most 1000 lines: the oldest go.
i=1
while [ $i -le 1000 ]; do echo "echo $i"; i=$((i + 1)); done >"$hist"
start '"$SS" -q'
ready
run "echo new"
key C-d
expect_exit 0
[ "$(wc -l <"$hist")" -eq 1000 ] || fail "history has $(wc -l <"$hist") lines"
[ "$(head -n 1 "$hist")" = "echo 2" ] && [ "$(tail -n 1 "$hist")" = "echo new" ] ||
	fail "history runs from '$(head -n 1 "$hist")' to '$(tail -n 1 "$hist")'"
pass "history keeps the newest 1000 lines"

# $XDG_STATE_HOME wins over ~/.local/state.
start 'XDG_STATE_HOME="$PWD/state" "$SS" -q'
ready
run "echo xdg"
key C-d
expect_exit 0
[ "$(cat "$work/state/sockshell/history")" = "echo xdg" ] || fail "no history under XDG_STATE_HOME"
[ "$(tail -n 1 "$hist")" = "echo new" ] || fail "XDG session wrote to ~/.local/state"
pass "XDG_STATE_HOME"

# Repeats in a row in the file (written by hand, or by an older version)
# are dropped when it is rewritten; a first line equal to the file's last
# adds none.
printf 'echo a\necho a\necho b\n' >"$hist"
start '"$SS" -q'
ready
run "echo b"
run "echo c"
key C-d
expect_exit 0
[ "$(cat "$hist" | tr '\n' ' ')" = "echo a echo b echo c " ] ||
	fail "history holds '$(cat "$hist" | tr '\n' ' ')'"
pass "no repeats in a row in the rewritten file"

# A planted symbolic link is neither read nor written through.
mkdir -p "$work/evil/sockshell"
echo "precious" >"$work/target"
ln -s "$work/target" "$work/evil/sockshell/history"
start 'XDG_STATE_HOME="$PWD/evil" "$SS" -q'
expect_line "sockshell: history $work/evil/sockshell/history: is a symbolic link; history is not kept"
ready
run "echo not kept"
key C-d
expect_exit 0
[ "$(cat "$work/target")" = "precious" ] && [ -L "$work/evil/sockshell/history" ] ||
	fail "the symbolic link was followed or replaced"
pass "a symbolic link as the history file is refused"

mkdir -p "$work/evil2" "$work/elsewhere"
ln -s "$work/elsewhere" "$work/evil2/sockshell"
start 'XDG_STATE_HOME="$PWD/evil2" "$SS" -q'
expect_line "sockshell: $work/evil2/sockshell: not a directory of yours; history is not kept"
ready
run "echo not kept"
key C-d
expect_exit 0
[ -z "$(ls -A "$work/elsewhere")" ] || fail "history written through a linked directory"
pass "a symbolic link as the history directory is refused"
