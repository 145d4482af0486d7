#!/bin/sh
# Resizing at any moment, on any screen; a message below 40x12.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 120x40 --db "$db"
for size in 100x30 80x24 60x20 40x12 132x43 80x24; do
	cols=${size%x*}
	rows=${size#*x}
	tui_resize "$size"
	check "at $size the heading is on line 2" sh -c "sed -n 2p '$screen' | grep -q Title"
	check "at $size the status line is the last line" sh -c "sed -n ${rows}p '$screen' | grep -q 'items: 42'"
	check "at $size nothing wraps" screen_fits "$cols"
done
tui_golden resize-80x24
tui_resize 40x12
tui_golden resize-40x12
check "at 40 columns the title and status remain" sh -c "sed -n 2p '$screen' | grep -q 'Title.*Status'"
check "at 40 columns the lead unit column is gone" screen_lacks "Lead unit"

tui_resize 39x12
check "below 40 columns a message asks for a larger window" screen_has "too small"
tui_resize 60x11
check "below 12 lines too" screen_has "too small"
tui_resize 30x5
check "even at 30x5" screen_has "too"
tui_resize 80x24
check "back at 80x24 the list returns" screen_has "items: 42"

# Resizing in the detail, the help and a menu.
tui_keys Enter
check "the detail opens" screen_has "hoso · Item #1"
tui_resize 50x15
check "the detail rewraps at 50 columns" screen_fits 50
check "the detail keeps its title line" screen_has "hoso · Item #1"
tui_keys q f
check "the filter menu opens" screen_has "Filter by"
tui_resize 100x30
check "a menu survives a resize" screen_has "Filter by"
tui_keys Escape
tui_send q
check "hoso quits after resizing" tui_wait_exit
check "cleanly" test "$(tui_exit_status)" = 0

finish
