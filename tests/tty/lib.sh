# lib.sh - sourced by the terminal tests: drives the real shell ($SOCKSHELL,
# whichever line editor it was built with) in a tmux pane. Each test has its
# own tmux server, HOME and directory, so the tests run in parallel; every
# wait polls the screen until a deadline instead of sleeping a fixed time.
set -u

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi
if [ -z "${SOCKSHELL:-}" ]; then
	SOCKSHELL=$(cd "$(dirname "$0")/../.." && pwd)/src/sockshell
fi
if [ ! -x "$SOCKSHELL" ]; then
	echo "FAIL: no shell at $SOCKSHELL"
	exit 1
fi
export SOCKSHELL
# readline, libedit or plain: the plain reader has no completion or recall.
EDITOR_NAME=$("$SOCKSHELL" --version | sed -n 's/^line editor: //p')

work=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-tty.XXXXXX") || exit 1
server=sockshell-$$
HOME=$work/home
mkdir -p "$HOME"
export HOME
unset XDG_STATE_HOME NO_COLOR TMUX
export INPUTRC="$work/inputrc" EDITRC="$work/editrc"
printf 'set bell-style none\nset enable-bracketed-paste off\n' >"$INPUTRC"
: >"$EDITRC"
# remain-on-exit keeps the screen after the shell ends; exit-empty off keeps
# the server between sessions.
printf '%s\n' 'set -g remain-on-exit on' 'set -g status off' \
	'set -g history-limit 5000' 'set -s exit-empty off' >"$work/tmux.conf"
# "$SS" in a start command runs the shell, leaving its pid in $work/pid.
SS=$work/sockshell
printf '%s\n' '#!/bin/sh' "echo \$\$ >'$work/pid'" 'exec "$SOCKSHELL" "$@"' >"$SS"
chmod +x "$SS"
export SS
TIMEOUT=${TTY_TIMEOUT:-15}
sess=""
nsess=0

T() { tmux -L "$server" -f "$work/tmux.conf" "$@"; }

# The shell still running saves its history on SIGTERM: let it finish
# before the directory goes.
cleanup() {
	pid=$(cat "$work/pid" 2>/dev/null)
	if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.05
			i=$((i + 1))
		done
	fi
	T kill-server >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# A build chroot may have no pseudo-terminals (no /dev/pts mounted): tmux
# cannot open a pane there, and the terminal tests are skipped.
if ! T new-session -d -s probe true >"$work/probe" 2>&1; then
	echo "SKIP: tmux cannot open a terminal here: $(cat "$work/probe")"
	exit 77
fi

# fail MESSAGE: report with the screen, and stop.
fail() {
	echo "FAIL: $*"
	if [ -n "$sess" ]; then
		echo "--- screen ($EDITOR_NAME):"
		shot | sed 's/^/| /'
		echo "---"
	fi
	exit 1
}

pass() { echo "ok - $*"; }

# start COMMAND: run a shell command line (it runs the shell as "$SS") in a
# fresh 160x30 pane, from $work; its exit status goes to $work/status.
start() {
	[ -n "$sess" ] && T kill-session -t "$sess" >/dev/null 2>&1
	nsess=$((nsess + 1))
	sess=s$nsess
	rm -f "$work/status" "$work/pid"
	prompt_call=""
	printf '%s\n' "cd \"\$1\"" "$1" "echo \$? >\"\$1/status.new\"" \
		"mv \"\$1/status.new\" \"\$1/status\"" >"$work/run$nsess.sh"
	T new-session -d -s "$sess" -x 160 -y 30 \
		"sh '$work/run$nsess.sh' '$work'" || fail "tmux new-session"
}

# snap: one look at the pane (one tmux call, as each costs a round trip):
# $work/snap gets the cursor's line number and column, then every line of
# the scrollback and screen.
snap() {
	T display-message -p -t "$sess" '#{e|+:#{history_size},#{cursor_y}} #{cursor_x}' \; \
		capture-pane -p -S - -t "$sess" >"$work/snap" 2>/dev/null
}

# screen: the text of the last snap, trailing blanks and blank lines at
# the end dropped. shot: a fresh snap, then its screen.
screen() {
	sed -e '1d' -e 's/[[:space:]]*$//' "$work/snap" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}
shot() {
	snap
	screen
}

# cursor_line: the line the cursor is on in the last snap, less trailing
# blanks, with a '|' where the cursor is when that is past its end
# ("sock> |" at a prompt).
cursor_line() {
	awk 'NR == 1 { y = $1 + 2; x = $2; next }
		NR == y { sub(/[[:space:]]+$/, "")
			if (length($0) < x) $0 = sprintf("%-" x "s|", $0)
			print; exit }' "$work/snap"
}

# prompts: how many lines of the last snap begin with the prompt.
prompts() { sed 1d "$work/snap" | grep -c '^sock>'; }

# poll CONDITION...: run it until it succeeds or TIMEOUT seconds pass.
poll() {
	i=0
	while ! "$@"; do
		i=$((i + 1))
		[ "$i" -gt $((TIMEOUT * 20)) ] && return 1 # about 50ms a round
		sleep 0.02
	done
	return 0
}

# cursor_is TEXT: the cursor's line is TEXT and the cursor at its end.
cursor_is() {
	snap
	case $1 in *" ") set -- "$1|" ;; esac
	[ "$(cursor_line)" = "$1" ]
}
has_line() { shot | grep -qxF -- "$1"; }
prompts_reach() { cursor_is "sock> " && [ "$(prompts)" -ge "$1" ]; }

cursor_ends() {
	snap
	case $1 in *" ") set -- "$1|" ;; esac
	case $(cursor_line) in *"$1") return 0 ;; esac
	return 1
}

# expect_cursor TEXT: until the cursor's line is exactly TEXT.
expect_cursor() {
	poll cursor_is "$1" ||
		fail "cursor line is '$(cursor_line)', want '$1' ('|': the cursor)"
}

# expect_line TEXT: until some line of the screen is exactly TEXT.
expect_line() {
	poll has_line "$1" || fail "no line '$1'"
}

# The system call the shell waits in at the prompt (pselect), and the one
# it is in now; empty when /proc does not tell.
syscall_now() {
	set -- $(cat "/proc/$(cat "$work/pid" 2>/dev/null)/syscall" 2>/dev/null)
	echo "${1:-}"
}

# ready: until a fresh prompt waits for input.
ready() {
	expect_cursor "sock> "
	[ -n "$prompt_call" ] || poll prompt_waiting
}
prompt_waiting() {
	prompt_call=$(syscall_now)
	case $prompt_call in [0-9]*) return 0 ;; "") return 0 ;; esac
	prompt_call=""
	return 1
}

# blocked LINE: type LINE, Enter, and wait until the shell sits in the
# call LINE makes (another system call than the prompt's), so a Ctrl-C
# now interrupts that call.
blocked() {
	send "$1"
	key Enter
	expect_cursor ""
	if [ -z "$prompt_call" ]; then
		sleep 0.5 # no /proc/PID/syscall: give the call time to start
		return
	fi
	poll in_other_call || fail "'$1' did not block"
}
# The same call on two looks in a row: not a passing brk or mmap.
last_call=""
in_other_call() {
	c=$(syscall_now)
	case $c in [0-9]*) ;; *) c="" ;; esac
	[ -n "$c" ] && [ "$c" != "$prompt_call" ] && [ "$c" = "$last_call" ] && return 0
	last_call=$c
	return 1
}

# send TEXT: type it as keys, without Enter. key KEY...: tmux key names.
send() { T send-keys -t "$sess" -l -- "$1"; }
key() { T send-keys -t "$sess" "$@"; }

# run LINE: type LINE and Enter, then wait for the next prompt.
run() {
	snap
	n=$(prompts)
	T send-keys -t "$sess" -l -- "$1" \; send-keys -t "$sess" Enter
	poll prompts_reach $((n + 1)) || fail "no prompt after '$1'"
}

# output_of LINE: the lines between "sock> LINE" and the next prompt (the
# last time LINE was run), as the last snap shows them.
output_of() {
	screen | awk -v want="sock> $1" '
		$0 == want { out = ""; on = 1; next }
		on && /^sock>/ { on = 0 }
		on { out = out $0 "\n" }
		END { printf "%s", out }'
}

# expect_output LINE EXPECTED: run LINE; its output must be EXPECTED.
expect_output() {
	run "$1"
	got=$(output_of "$1")
	[ "$got" = "$2" ] || fail "'$1' printed '$got', want '$2'"
}

# exited: the shell's exit status once it has ended.
exited() { [ -f "$work/status" ]; }
expect_exit() {
	poll exited || fail "the shell did not exit"
	st=$(cat "$work/status")
	[ "$st" = "$1" ] || fail "exit status $st, want $1"
}

# expect_listing WORD...: a Tab now lists exactly these candidates (in
# any layout) and the line comes back as it was.
expect_listing() {
	snap
	line=$(cursor_line)
	n=$(prompts)
	key Tab
	poll prompts_after_listing $((n + 1)) "$line" ||
		fail "Tab listed nothing after '$line'"
	got=$(shot | awk -v n="$n" '
		/^sock>/ { k++; next }
		k == n { for (i = 1; i <= NF; i++) print $i }' | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	[ "$got" = "$want" ] || fail "Tab listed '$got', want '$want'"
}
prompts_after_listing() {
	cursor_is "$2" && [ "$(prompts)" -ge "$1" ]
}

# expect_completion TEXT COMPLETED: type TEXT, Tab; the line must then
# read COMPLETED (after the prompt), the cursor at its end.
expect_completion() {
	send "$1"
	poll cursor_ends "$1" || fail "'$1' did not show"
	key Tab
	expect_cursor "sock> $2"
}

# clear_line: empty the line being edited.
clear_line() {
	key C-e C-u
	expect_cursor "sock> "
}
