#!/bin/sh
# Search as you type, without regard to diacritics or case; the search line edits like a field.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
tui_golden search-tree
tui_keys /
check "/ opens the search line" screen_has " Search: "
tui_type "thach"
# Before the search the project is 15th of 21 top rows, and its title is cut
# before "thạch": only the search can bring this line to the top.
check "the list narrows while typing: 'thach' finds the project first" \
	sh -c "sed -n 3p '$screen' | grep -qF 'thạch cao'"
tui_type " cao"
tui_golden search-thach-cao
check "'thach cao' finds one item" sh -c "tail -n 1 '$screen' | grep -qF 'Search: thach cao  (1)'"
check "and nothing else" screen_lacks "Techfest"
tui_keys Escape
check "Esc clears the search: the tree is back" screen_has "+ Phối hợp triển khai"
check "and the total of the tree" screen_has "items: 42"

tui_keys /
tui_type "THẠCH CAO"
check "'THẠCH CAO' finds the same one item" screen_has "(1)"
check "it is the phosphogypsum project" sh -c "sed -n 3p '$screen' | grep -qF 'thạch cao'"
tui_keys Escape
tui_keys /
tui_type "dinh vu"
check "'dinh vu' finds 3 items with words starting 'dinh' and 'vu'" screen_has "(3)"
check "among them the project at DAP – Đình Vũ" screen_has "bón DAP – Đình Vũ"
tui_keys BSpace BSpace BSpace
check "Backspace widens the search again" screen_has "Search: dinh "
tui_keys Enter
check "Enter keeps the search and leaves the search line" screen_has "/dinh"
check "the count of matches shows" screen_has "found"
tui_keys Down Enter
check "a found item opens" screen_has "hoso · Item #"
tui_keys q
check "back in the found list" screen_has "/dinh"
tui_keys c
check "c clears the search" screen_has "items: 42"

# The search line edits at its cursor: ←, →, Home, End, Delete (they moved the list before).
tui_keys /
tui_type "thachcao"
tui_keys Left Left Left
tui_type " "
check "← moves the cursor: a space typed in the middle" screen_has "Search: thach cao "
check "and the search finds the project" screen_has "(1)"
tui_keys Home Delete
check "Home and Delete edit at the start" screen_has "Search: hach cao "
tui_keys End BSpace
check "End and Backspace edit at the end" screen_has "Search: hach ca "
tui_keys Escape

# A document number linked to an item finds the item (the number is in the
# search text): the agreement's title and notes do not name Nghị quyết 45.
tui_keys /
tui_type "45-nq"
check "a linked document's number finds its item (the agreement linked to 45-NQ/TW)" \
	screen_has "Thỏa thuận hợp tác đào tạo nhân lực"
check "and only it" screen_has "(1)"
tui_keys Escape
tui_keys /
tui_type "zzzz"
check "no match says so" screen_has "No item matches"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

finish
