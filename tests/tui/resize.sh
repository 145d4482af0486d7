#!/bin/sh
# Resizing at any moment, on any screen; a message below 40x12.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

resize() { $TMUX_CMD resize-window -t "$session" -x "$1" -y "$2"; }

tui_start 120x40 --db "$db"
tui_wait "items: 42"
for size in 100x30 80x24 60x20 40x12 132x43 80x24; do
	cols=${size%x*}
	rows=${size#*x}
	resize "$cols" "$rows"
	sleep 0.3
	check "at $size the heading is on line 2" sh -c "tui_capture() { $TMUX_CMD capture-pane -p -t $session; }; tui_capture | sed -n 2p | grep -q Title"
	check "at $size the status line is the last line" sh -c "$TMUX_CMD capture-pane -p -t $session | sed -n ${rows}p | grep -q 'items: 42'"
	check "at $size nothing wraps" screen_fits "$cols"
done
resize 80 24
sleep 0.3
tui_capture
check "at 80 columns the status column shows" screen_has "Status"
check "at 80 columns the due date column shows" screen_has "Due"
resize 40 12
sleep 0.3
check "at 40 columns the title and status remain" sh -c "$TMUX_CMD capture-pane -p -t $session | sed -n 2p | grep -q 'Title.*Status'"
check "at 40 columns the lead unit column is gone" screen_lacks "Lead unit"

resize 39 12
check "below 40 columns a message asks for a larger window" tui_wait "too small"
resize 60 11
check "below 12 lines too" tui_wait "too small"
resize 30 5
check "even at 30x5" tui_wait "too"
resize 80 24
check "back at 80x24 the list returns" tui_wait "items: 42"

# Resizing in the detail, the help and a menu.
tui_keys Enter
tui_wait "hoso · Item #1"
resize 50 15
sleep 0.3
check "the detail rewraps at 50 columns" screen_fits 50
check "the detail keeps its title line" screen_has "hoso · Item #1"
tui_keys q f
tui_wait "Filter by"
resize 100 30
check "a menu survives a resize" tui_wait "Filter by"
tui_keys Escape q
check "hoso quits after resizing" tui_wait_exit
check "cleanly" test "$(tui_exit_status)" = 0

finish
