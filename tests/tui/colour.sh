#!/bin/sh
# Colours, their absence (NO_COLOR, mono, a terminal without colours), and line drawing.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sqlite3 "$db" "UPDATE item SET due_date = '2024-01-01' WHERE no = 42"

capture_escapes() { $TMUX_CMD capture-pane -e -p -t "$session" >"$screen"; }
has_colour() { capture_escapes; grep -q "$(printf '\033')\\[[0-9;]*3[1-7][m;]" "$screen"; }

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "colours are used by default" has_colour
status_bg() { capture_escapes; tail -n 1 "$screen" | grep -q "$(printf '\033')\\[[0-9;]*4$1[m;]"; }
check "on a dark background the status line is cyan" status_bg 6
# The terminal answers the background query (OSC 11): a light background.
tui_raw 1b 5d 31 31 3b 72 67 62 3a 66 66 66 66 2f 66 66 66 66 2f 65 65 65 65 07
check "a light background gives the light theme (the status line turns blue)" status_bg 4
tui_raw 1b 5d 31 31 3b 72 67 62 3a 30 30 2f 30 30 2f 30 30 1b 5c
check "a dark answer gives the dark theme again" status_bg 6
tui_capture
check "the answers never show as keys" screen_lacks "does nothing here"
tui_send q
check "hoso quits" tui_wait_exit

TUI_ENV="NO_COLOR=1" tui_start 100x30 --db "$db"
check "NO_COLOR turns colours off" sh -c "! { $TMUX_CMD capture-pane -e -p -t $session | grep -q \"$(printf '\033')\\[[0-9;]*3[1-7][m;]\"; }"
check "overdue is still told apart without colour" screen_has "Overdue"
tui_send q
check "hoso quits" tui_wait_exit

printf '[ui]\ntheme = dark\n' >"$tmp/dark.ini"
tui_start 100x30 --db "$db" --config "$tmp/dark.ini"
tui_raw 1b 5d 31 31 3b 72 67 62 3a 66 66 66 66 2f 66 66 66 66 2f 65 65 65 65 07
check "theme = dark stays dark whatever the terminal answers" status_bg 6
tui_send q
check "hoso quits" tui_wait_exit

printf '[ui]\ntheme = mono\n' >"$tmp/mono.ini"
tui_start 100x30 --db "$db" --config "$tmp/mono.ini"
screen_has "items: 42" || fail "shows ""items: 42"
check "theme = mono has no colours" sh -c "! { $TMUX_CMD capture-pane -e -p -t $session | grep -q \"$(printf '\033')\\[[0-9;]*3[1-7][m;]\"; }"
check "progress shows as characters in mono" screen_has "#####"
tui_send q
check "hoso quits" tui_wait_exit

TUI_TERM=vt100 tui_start 100x30 --db "$db"
check "a terminal without colours works" screen_has "items: 42"
tui_keys f
check "and draws the menu frame" screen_has "Filter by"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

TUI_TERM=linux tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys f
check "on the Linux console the menu frame uses box characters" screen_has "┌"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

TUI_TERM=putty-256color tui_start 100x30 --db "$db"
check "TERM=putty-256color works" screen_has "items: 42"
tui_send q
check "hoso quits" tui_wait_exit

TUI_TERM=no-such-terminal tui_launch 100x30 --db "$db"
check "an unknown TERM: hoso ends" tui_wait_exit
check "with status 1" test "$(tui_exit_status)" = 1

# TERM=dumb cannot place the cursor: refused like an unknown TERM (it drew a blank screen).
TUI_TERM=dumb tui_launch 100x30 --db "$db"
check "TERM=dumb: hoso ends" tui_wait_exit
check "TERM=dumb: with status 1" test "$(tui_exit_status)" = 1
check "TERM=dumb: the message says why" screen_has "cannot place the cursor"

# An unset TERM says so (it said "cannot use the terminal type ''").
TUI_TERM= tui_launch 100x30 --db "$db"
check "TERM unset: hoso ends" tui_wait_exit
check "TERM unset: the message says TERM is not set" screen_has "TERM is not set"

# On terminals without an alternate screen the list stayed after quitting.
for t in linux vt100 vt220 ansi; do
	TUI_TERM=$t tui_start 100x30 --db "$db"
	tui_send q
	check "hoso quits" tui_wait_exit
	check "TERM=$t: the list is gone after quitting" screen_lacks "items: 42"
done

finish
