#!/bin/sh
# Colour and banner: the prompt and errors are coloured on a terminal only,
# never with --no-color, NO_COLOR or stdout that is not a terminal; the
# one-line banner names the version and the line editor, and -q drops it.
. "$(dirname "$0")/lib.sh"

version=$("$SOCKSHELL" --version | sed -n '1s/^sockshell //p')
esc=$(printf '\033')
# The error, and under it the caret at 's' (the line typed is above it).
err='error: s: no such variable
      ^'

# attrs: the screen with its colour codes (tmux writes them as SGR).
attrs() { T capture-pane -p -e -S - -t "$sess"; }
coloured() { attrs | grep -q "$esc\\["; }

start '"$SS"'
expect_line "sockshell $version ($EDITOR_NAME) - type help for commands, Ctrl-D to quit"
ready
expect_output "s.recv 1" "$err"
attrs | grep -q "^$esc\\[[0-9;]*m.*sock>" || fail "the prompt is not coloured"
attrs | grep -q "^$esc\\[[0-9;]*m.*error:" || fail "the error is not coloured"
pass "colour and banner on a terminal"

# no_colour COMMAND: the shell run by COMMAND shows no colour at all.
no_colour() {
	start "$1"
	ready
	expect_output "s.recv 1" "$err"
	! coloured || fail "colour with $1"
	key C-d
	expect_exit 0
}
no_colour '"$SS" -q --no-color'
pass "--no-color"
no_colour 'NO_COLOR=1 "$SS" -q'
pass "NO_COLOR"
no_colour '"$SS" -q | cat'
pass "no colour when stdout is a pipe"

start '"$SS" -q'
ready
[ "$(shot)" = "sock>" ] || fail "-q shows '$(shot)'"
pass "-q: no banner"
