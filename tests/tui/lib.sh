# Sourced by the screen tests: hoso runs in a real terminal (tmux), keys are
# sent, the screen is captured and compared with what a clerk should see.

. "$top_srcdir/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed" >&2; exit 77; }

sock="hoso-test-$$"
screen="$tmp/screen"
session=t0
sessions=0
TMUX_CMD="tmux -L $sock -f /dev/null"
trap '$TMUX_CMD kill-server >/dev/null 2>&1; chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset TMUX

# A failed screen check shows the screen it saw.
fail() {
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' $((passed + failed)) "$1"
	[ -s "$screen" ] && sed -e 's/^/    screen| /' "$screen"
	return 0
}

# tui_start COLSxROWS ARGS...: starts hoso with ARGS in a terminal of that size.
# $tmp/pid gets hoso's process id; after hoso ends, $tmp/exit its exit status
# and $tmp/stty the terminal's settings as the shell then finds them.
tui_start() {
	size=$1
	shift
	rm -f "$tmp/pid" "$tmp/exit" "$tmp/stty"
	cat >"$tmp/run.sh" <<RUN
#!/bin/sh
sh -c 'echo \$\$ >"$tmp/pid"; exec "\$0" "\$@"' "$HOSO" $(for a in "$@"; do printf "'%s' " "$a"; done)
echo \$? >"$tmp/exit.tmp"
stty -a >"$tmp/stty" 2>&1
mv "$tmp/exit.tmp" "$tmp/exit"
printf 'SHELL-PROMPT\n'
sleep 600
RUN
	tui_new_session "${size%x*}" "${size#*x}" "env TERM=${TUI_TERM:-xterm-256color} sh $tmp/run.sh"
	$TMUX_CMD set-option -t "$session" status off >/dev/null
	$TMUX_CMD resize-window -t "$session" -x "${size%x*}" -y "${size#*x}" >/dev/null 2>&1
	tui_wait_file "$tmp/pid"
}

# tui_new_session COLS ROWS COMMAND: a new session (the previous one ends
# after it, so that the server stays up between tests).
tui_new_session() {
	old=$session
	sessions=$((sessions + 1))
	session="t$sessions"
	$TMUX_CMD new-session -d -s "$session" -x "$1" -y "$2" "$3"
	$TMUX_CMD kill-session -t "$old" >/dev/null 2>&1
	$TMUX_CMD set-option -t "$session" status off >/dev/null 2>&1
}

tui_wait_file() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
}

# tui_keys KEY...: tmux key names (Down, Enter, Escape, F1, C-s …).
tui_keys() {
	$TMUX_CMD send-keys -t "$session" "$@"
}

# tui_type TEXT: types TEXT literally (UTF-8 included).
tui_type() {
	$TMUX_CMD send-keys -t "$session" -l "$1"
}

# tui_raw HEX...: sends raw bytes, as another terminal would (PuTTY's keys).
tui_raw() {
	$TMUX_CMD send-keys -t "$session" -H "$@"
}

tui_capture() {
	$TMUX_CMD capture-pane -p -t "$session" >"$screen" 2>/dev/null
}

# tui_wait TEXT: waits (up to 5 s) until TEXT is on the screen; false if it never comes.
tui_wait() {
	i=0
	while [ $i -lt 100 ]; do
		tui_capture
		grep -qF -- "$1" "$screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# tui_wait_gone TEXT: waits until TEXT has left the screen.
tui_wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		tui_capture
		grep -qF -- "$1" "$screen" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# tui_down_until TEXT: presses Down (at most 40 times) until TEXT shows.
tui_down_until() {
	i=0
	while [ $i -lt 40 ]; do
		tui_keys Down
		i=$((i + 1))
		tui_capture
		grep -qF -- "$1" "$screen" && return 0
	done
	return 1
}

screen_has() { tui_capture; grep -qF -- "$1" "$screen"; }
screen_lacks() { tui_capture; ! grep -qF -- "$1" "$screen"; }

# The line number (from 1) of the first screen line holding TEXT.
screen_line() { grep -nF -- "$1" "$screen" | head -n 1 | cut -d: -f1; }

screen_before() {
	tui_capture
	a=$(screen_line "$1")
	b=$(screen_line "$2")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

# Line N of the screen.
screen_row() { sed -n "${1}p" "$screen"; }

# Waits until hoso has ended; then $tmp/exit holds its status.
tui_wait_exit() {
	tui_wait_file "$tmp/exit"
	[ -s "$tmp/exit" ]
}

tui_exit_status() { cat "$tmp/exit" 2>/dev/null; }

tui_pane() { $TMUX_CMD display-message -p -t "$session" "$1"; }

# The terminal as hoso left it: not in the alternate screen, the cursor
# shown, the line discipline back (echo, canonical mode, flow control).
terminal_restored() {
	[ "$(tui_pane '#{alternate_on}')" = 0 ] &&
	[ "$(tui_pane '#{cursor_flag}')" = 1 ] &&
	grep -qw icanon "$tmp/stty" && grep -qw echo "$tmp/stty" && grep -qw ixon "$tmp/stty" &&
	! grep -qw -- -icanon "$tmp/stty" && ! grep -qw -- -echo "$tmp/stty"
}

# Every line of the screen fits its width (nothing wraps).
screen_fits() {
	cols=$1
	tui_capture
	while IFS= read -r line; do
		w=$(printf "%s\n" "$line" | wc -L)
		[ "$w" -le "$cols" ] || return 1
	done <"$screen"
	return 0
}
