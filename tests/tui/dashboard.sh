#!/bin/sh
# The status screen (D) on the meeting database (tests/cli/meeting.sql) at
# 80x24 in monochrome and wider in colour: its counts, the overdue items,
# what each unit owes, Enter listing a line's items, the list's filters
# applying; the locality matrix (m on a detail, Enter on a pilot).
. "$top_srcdir/tests/tui/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is missing" >&2; exit 77; }
db="$tmp/m.db"
seeded "$db"
sqlite3 "$db" <"$top_srcdir/tests/cli/meeting.sql" || exit 99
printf '[ui]\ntheme = mono\n' >"$tmp/mono.ini"

# ---------------------------------------------------------------- 80x24, monochrome
tui_start 80x24 --db "$db" --config "$tmp/mono.ini"
tui_keys D
check "D opens the status screen" screen_has "hoso · Status screen"
check "the whole programme, overdue counted in idle time" \
	screen_has "The whole programme: 42 items, 26 done, 6 overdue"
check "no figure is left counting" screen_lacks "…  "
check "the status line says every item counts" sh -c "tail -n 1 '$screen' | grep -q 'All items'"
check "bars are drawn with characters in monochrome" screen_has "#########.  89%"
check "the overdue line of the status table" grep -q '^ Overdue  *6  *0  *6  ##........  17%$' "$screen"
check "it fits 80 columns" screen_fits 80
tui_golden dashboard-80x24
tui_keys PgDn PgDn
check "the overdue items, worst first" screen_before "    30 Nghiên cứu" "    41 Sử dụng"
check "with their days late" grep -q '31/03/2024 *91$' "$screen"
check "what each unit owes" grep -q '^ UBND TP Hải Phòng  *8  *3$' "$screen"
check "the pilots with localities" screen_has "#13 Áp dụng thí điểm tiêu chuẩn TCVN ISO 18091:2020"
tui_golden dashboard-80x24-end
tui_keys End Enter
check "Enter on a pilot opens its locality matrix" screen_has "hoso · Localities of item #13"
check "a row per locality sub-item" screen_has "Địa bàn thí điểm số 12 trong 12"
check "with their statuses" screen_has "Overdue"
check "and the totals" screen_has "Total: 12 localities, 8 done, 2 overdue"
check "the matrix fits 80 columns" screen_fits 80
tui_golden matrix-80x24
tui_keys Down Enter
check "Enter on a locality's row opens that sub-item's detail" screen_has "Địa bàn thí điểm số 2 trong 12"
check "... its detail, not the matrix" sh -c "head -n 1 '$screen' | grep -q 'hoso · Item #'"
tui_keys q
check "q goes back to the matrix" screen_has "hoso · Localities of item #13"
tui_keys q Home Down Down Down Down
check "the cursor is on the Overdue line" sh -c "tail -n 1 '$screen' | grep -q 'Enter: list these items'"
tui_keys Enter
check "Enter on Overdue lists the overdue items" screen_has "Status: Overdue"
check "all six" screen_has " 1/6 found"

# ---------------------------------------------------------------- the list's filters apply
tui_keys c /
tui_type "dia ban"
tui_keys Enter D
check "with a search, the status screen counts its items" \
	screen_has "The items found: 16 items, 10 done, 2 overdue"
check "and says so on the status line" sh -c "tail -n 1 '$screen' | grep -q 'Search and filters of the list apply · /dia ban'"
check "the kinds of those items only" screen_has " Pilot "
check "no scheme among them" screen_lacks " Scheme "
tui_keys Home Down Down Down Down Down Down Down Down Down
check "the cursor is on the pilots" sh -c "grep -q '^ Pilot  *13' '$screen'"
tui_keys Enter
check "Enter on a kind keeps the search and adds the kind" screen_has "/dia ban · Kind: Pilot"

# From a detail: D and m.
tui_keys c /
tui_type "tcvn iso 18091"
tui_keys Enter Enter
check "the pilot's detail" screen_has "Item #13"
tui_keys m
check "m opens its locality matrix" screen_has "Localities of item #13"
tui_keys q D
check "D works from a detail" screen_has "hoso · Status screen"
check "with the list's search" screen_has "The items found: 1 items, 0 done, 0 overdue"
tui_keys Home Enter
check "Enter on the total shows the list, the detail closed" screen_has " 1/1 found · /tcvn iso 18091"
tui_keys q
check "q on the list clears the search" screen_has "Search and filters cleared"

# ---------------------------------------------------------------- the smallest window
tui_start 40x12 --db "$db" --config "$tmp/mono.ini"
tui_keys D
check "at 40x12 the status screen fits" screen_fits 40
check "its percentages without bars" grep -q '^ Overdue  *6  *0  *6  *17%$' "$screen"
tui_keys End PgUp
check "the overdue items fit too" screen_fits 40
tui_keys End Enter
check "so does the matrix" screen_fits 40
check "... with its totals" screen_has "Total: 12 localities, 8 done, 2 overd"

# ---------------------------------------------------------------- wider, in colour
tui_start 132x40 --db "$db"
tui_keys D
check "a wide status screen" screen_has "The whole programme: 42 items, 26 done, 6 overdue"
check "it fits 132 columns" screen_fits 132
check "its labels take the room" screen_has " Recommendation "
check "no character bars with colours" screen_lacks "#########."
tui_keys q
tui_send F10
check "hoso quits" tui_wait_exit

finish
