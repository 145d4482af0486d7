#!/bin/sh
# Search as you type, without regard to diacritics or case.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
tui_wait "items: 42"
tui_keys /
check "/ opens the search line" tui_wait "Search:"
tui_type "thach"
check "the list narrows while typing" tui_wait "…lý bã thải thạch cao phospho"
check "the search shows on the status line" screen_has "Search: thach_"
tui_type " cao"
check "'thach cao' finds the phosphogypsum project" tui_wait "Search: thach cao_  (1)"
check "and nothing else" screen_lacks "Techfest"
tui_keys Escape
check "Esc clears the search" tui_wait "items: 42"
check "the tree is back" screen_has "+ Phối hợp triển khai"

tui_keys /
tui_type "THẠCH CAO"
check "'THẠCH CAO' finds the same" tui_wait "(1)"
tui_keys Escape
tui_wait "items: 42"
tui_keys /
tui_type "dinh vu"
check "'dinh vu' finds the project at DAP – Đình Vũ" tui_wait "…bón DAP – Đình Vũ sản xuất"
check "among 3 items with words starting 'dinh' and 'vu'" tui_wait "(3)"
tui_keys BSpace BSpace BSpace
check "Backspace widens the search again" tui_wait "Search: dinh_"
tui_keys Enter
check "Enter keeps the search and leaves the search line" tui_wait "/dinh"
check "the count of matches shows" screen_has "found"
tui_keys Down Enter
check "a found item opens" tui_wait "hoso · Item #"
tui_keys q
check "back in the found list" tui_wait "/dinh"
tui_keys c
check "c clears the search" tui_wait "items: 42"
tui_keys /
tui_type "36-nq"
check "a document number finds its items" tui_wait "…quyết số 36-NQ/TW và Chương trình"
tui_keys Escape
tui_wait "items: 42"
tui_keys /
tui_type "zzzz"
check "no match says so" tui_wait "No item matches"
tui_keys Escape q
check "hoso quits" tui_wait_exit

finish
