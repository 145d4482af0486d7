# Sourced by the screen tests: hoso runs in a real terminal (tmux), keys are
# sent, the screen is captured and compared with what a clerk should see.
#
# No test sleeps to let the program catch up: hoso announces every finished
# screen (HOSO_FRAME_TITLE: the terminal's title becomes "hoso-frame-N-idle"
# after the screen's bytes, once no key waits and no background work is
# left). tui_keys and the like send keys, then wait for a newer idle frame,
# so the screen captured after them is the one the keys made.

. "$top_srcdir/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed" >&2; exit 77; }

sock="hoso-test-$$"
screen="$tmp/screen"
session=t0
sessions=0
last_frame=0
# Where the shell around the hoso started last writes its exit status and
# the terminal's settings: a name of its own for each start, so that the
# shell around an earlier hoso, still finishing (slowly, on a loaded
# machine), never writes what is taken for the new one's.
runs=0
exit_file="$tmp/exit.0"
stty_file="$tmp/stty.0"
golden_dir="$top_srcdir/tests/tui/golden"
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

# tui_start COLSxROWS ARGS...: starts hoso with ARGS in a terminal of that
# size and waits for its first finished screen. $tmp/pid gets hoso's process
# id; after hoso ends, $exit_file its exit status and $stty_file the
# terminal's settings as the shell then finds them. TUI_TERM sets TERM (xterm-256color),
# TUI_ENV more variables ("A=1 B=2").
tui_start() {
	tui_launch "$@"
	tui_sync "hoso's first screen"
}

# tui_launch COLSxROWS ARGS...: as tui_start, without waiting for a screen
# (hoso is expected to refuse to start).
tui_launch() {
	size=$1
	shift
	rm -f "$tmp/pid"
	tui_forget_exit
	cat >"$tmp/run.$runs.sh" <<RUN
#!/bin/sh
sh -c 'echo \$\$ >"$tmp/pid"; exec "\$0" "\$@"' "$HOSO" $(for a in "$@"; do printf "'%s' " "$a"; done)
echo \$? >"$exit_file.tmp"
stty -a >"$stty_file" 2>&1
mv "$exit_file.tmp" "$exit_file"
printf 'SHELL-PROMPT\n'
sleep 600
RUN
	tui_new_session "${size%x*}" "${size#*x}" \
		"env TERM=${TUI_TERM-xterm-256color} HOSO_FRAME_TITLE=1 ${TUI_ENV:-} sh $tmp/run.$runs.sh"
	$TMUX_CMD resize-window -t "$session" -x "${size%x*}" -y "${size#*x}" >/dev/null 2>&1
	last_frame=0
	tui_wait_file "$tmp/pid"
}

# tui_forget_exit: the hoso started next is a new one: the exit status of
# the last (whenever its shell writes it) is no longer looked at. For a
# test that starts hoso in a session of its own.
tui_forget_exit() {
	runs=$((runs + 1))
	exit_file="$tmp/exit.$runs"
	stty_file="$tmp/stty.$runs"
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

# Waits (up to 5 s) for a file to be written by the shell around hoso.
tui_wait_file() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
}

tui_pane() { $TMUX_CMD display-message -p -t "$session" "$1"; }

# tui_sync [WHAT]: waits (up to 10 s) for a finished screen newer than the
# last one seen, then captures it into $screen. A screen that never comes
# is a failure (WHAT says after what).
tui_sync() {
	i=0
	while [ $i -lt 500 ]; do
		t=$(tui_pane '#{pane_title}')
		case $t in
		hoso-frame-*-idle)
			n=${t#hoso-frame-}
			n=${n%-idle}
			if [ "$n" -gt "$last_frame" ]; then
				last_frame=$n
				tui_capture
				return 0
			fi
			;;
		esac
		[ -s "$exit_file" ] && break
		sleep 0.02
		i=$((i + 1))
	done
	tui_capture
	fail "hoso finished no screen after ${1:-the last keys} (title: $t)"
	return 1
}

# tui_keys KEY...: tmux key names (Down, Enter, Escape, F1, C-s …), then the
# screen they make. Escape must be the last key of a call: Esc and a key sent
# together are Alt and that key, as a terminal sends them.
tui_keys() {
	$TMUX_CMD send-keys -t "$session" "$@"
	tui_sync "keys $*"
}

# tui_type TEXT: types TEXT literally (UTF-8 included), then the screen it makes.
tui_type() {
	$TMUX_CMD send-keys -t "$session" -l "$1"
	tui_sync "typing '$1'"
}

# tui_raw HEX...: sends raw bytes, as another terminal would (PuTTY's keys), then the screen.
tui_raw() {
	$TMUX_CMD send-keys -t "$session" -H "$@"
	tui_sync "bytes $*"
}

# tui_paste TEXT: TEXT as a terminal pastes it (bracketed paste), then the screen.
tui_paste() {
	printf '%s' "$1" | $TMUX_CMD load-buffer -b paste -
	$TMUX_CMD paste-buffer -p -d -b paste -t "$session"
	tui_sync "pasting '$1'"
}

# tui_resize COLSxROWS: the terminal changes size, then the screen hoso draws for it.
tui_resize() {
	$TMUX_CMD resize-window -t "$session" -x "${1%x*}" -y "${1#*x}" >/dev/null 2>&1
	tui_sync "a resize to $1"
}

# tui_send KEY...: sends keys without waiting for a screen (hoso may end).
tui_send() {
	$TMUX_CMD send-keys -t "$session" "$@"
}

tui_capture() {
	$TMUX_CMD capture-pane -p -t "$session" >"$screen" 2>/dev/null
}

# Waits until hoso has ended and the shell around it has printed
# SHELL-PROMPT (up to 5 s); then $exit_file holds its status and $screen the
# terminal as hoso left it.
tui_wait_exit() {
	tui_wait_file "$exit_file"
	[ -s "$exit_file" ] || return 1
	i=0
	while [ $i -lt 250 ]; do
		tui_capture
		grep -q SHELL-PROMPT "$screen" && return 0
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

tui_exit_status() { cat "$exit_file" 2>/dev/null; }

# tui_golden NAME [SED-SCRIPT]: the whole screen is the one in
# tests/tui/golden/NAME.txt (after SED-SCRIPT, which may hide what changes
# from run to run, such as a time). HOSO_GOLDEN_UPDATE=1 writes the file
# instead (then look at it before you commit it).
tui_golden() {
	g="$golden_dir/$1.txt"
	sed -e "${2:-}" "$screen" >"$tmp/golden.got"
	if [ "${HOSO_GOLDEN_UPDATE:-}" = 1 ]; then
		mkdir -p "$golden_dir"
		cp "$tmp/golden.got" "$g"
		pass "golden screen $1 (written)"
		return 0
	fi
	if [ ! -f "$g" ]; then
		fail "golden screen $1: no file $g (make it with HOSO_GOLDEN_UPDATE=1)"
		return 0
	fi
	if cmp -s "$g" "$tmp/golden.got"; then
		pass "golden screen $1"
	else
		fail "golden screen $1"
		diff -u "$g" "$tmp/golden.got" | sed -e 's/^/    diff| /' | head -n 60
	fi
}

screen_has() { grep -qF -- "$1" "$screen"; }
screen_lacks() { ! grep -qF -- "$1" "$screen"; }

# The line number (from 1) of the first screen line holding TEXT.
screen_line() { grep -nF -- "$1" "$screen" | head -n 1 | cut -d: -f1; }

screen_before() {
	a=$(screen_line "$1")
	b=$(screen_line "$2")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

# Line N of the screen.
screen_row() { sed -n "${1}p" "$screen"; }

# The last line (the status line).
status_line() { tail -n 1 "$screen"; }

# tui_down_until TEXT: presses Down (at most 40 times) until TEXT shows.
tui_down_until() {
	i=0
	while [ $i -lt 40 ]; do
		tui_keys Down || return 1
		screen_has "$1" && return 0
		i=$((i + 1))
	done
	return 1
}

# The terminal as hoso left it: not in the alternate screen, the cursor
# shown, the line discipline back (echo, canonical mode, flow control).
terminal_restored() {
	[ "$(tui_pane '#{alternate_on}')" = 0 ] &&
	[ "$(tui_pane '#{cursor_flag}')" = 1 ] &&
	grep -qw icanon "$stty_file" && grep -qw echo "$stty_file" && grep -qw ixon "$stty_file" &&
	! grep -qw -- -icanon "$stty_file" && ! grep -qw -- -echo "$stty_file"
}

# Every line of the screen fits its width (nothing wraps).
screen_fits() {
	cols=$1
	while IFS= read -r line; do
		w=$(printf "%s\n" "$line" | wc -L)
		[ "$w" -le "$cols" ] || return 1
	done <"$screen"
	return 0
}
