#!/bin/sh
# The item tree: the first screen, moving, opening and closing sub-items.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
check "the first screen shows the programme" screen_has "hoso · Chương trình phối hợp"
check "the column headings" screen_has "Title"
check "the first item" screen_has "Ban hành Kết luận số 312"
check "a node with sub-items is marked +" screen_has "+ Phối hợp triển khai các nhiệm vụ"
check "the status line has the position and the total" screen_has " 1/21 · items: 42"
check "the status line names the database file" screen_has "h.db"
check "nothing wraps at 100 columns" screen_fits 100

tui_keys Down Down Down Down
check "Down moves the cursor" screen_has " 5/21"
# Keys typed ahead (a held key, a paste) are all read before one screen is
# drawn: fifteen j in one write are not fifteen screens.
before=$last_frame
tui_keys j j j j j j j j j j j j j j j
check "fifteen keys typed ahead move the cursor fifteen rows" screen_has " 20/21"
check "and are drawn in a screen or two, not fifteen (frames: $before to $last_frame)" \
	test $((last_frame - before)) -le 3
tui_keys k k k k k k k k k k k k k k k
tui_keys Right
check "Right opens the sub-items" screen_has "- Phối hợp triển khai các nhiệm vụ"
check "the sub-items show indented under it" screen_before "- Phối hợp triển khai các nhiệm vụ" "    Xây dựng cơ sở dữ liệu"
check "the count follows" screen_has "/24"
tui_keys Right
check "Right on an open node goes to its first sub-item" screen_has " 6/24"
tui_keys Left
check "Left on a sub-item goes to the parent" screen_has " 5/24"
tui_keys Left
check "Left on an open node closes it" screen_has "+ Phối hợp triển khai các nhiệm vụ"
check "the sub-items are gone" screen_lacks "Xây dựng cơ sở dữ liệu thuộc lĩnh vực"
tui_keys -
check "- works like Left" screen_has "+ Phối hợp"
tui_keys +
check "+ works like Right" screen_has "- Phối hợp triển khai"
tui_keys End
check "End goes to the last item" screen_has "Tiếp tục phối hợp, hỗ trợ thành phố"
check "at position 24 of 24" screen_has " 24/24"
tui_keys Home
check "Home goes back to the first" screen_has " 1/24"
tui_keys j j k
check "j and k move too" screen_has " 2/24"
tui_keys NPage
check "PgDn on a list that fits goes to its last line" screen_has " 24/24"
tui_keys PPage
check "PgUp goes back to the first" screen_has " 1/24"
tui_keys Down Enter
check "Enter opens the detail" screen_has "hoso · Item #2"
check "with its fields" screen_has "Lead unit:"
tui_keys q
check "q comes back to the list" screen_has "hoso · Chương trình phối hợp"
check "where the cursor was" screen_has " 2/24"
tui_send q
check "q on the main list quits" tui_wait_exit
check "with status 0" test "$(tui_exit_status)" = 0
check "and the terminal is as it was" terminal_restored

finish
