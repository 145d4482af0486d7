#!/bin/sh
# Filters by status (overdue included), kind, year, unit and locality; combined.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sqlite3 "$db" "UPDATE item SET due_date = '2024-05-01' WHERE no IN (41, 42)"
export HOSO_TODAY=2024-06-30

tui_start 160x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "an overdue item shows as overdue" screen_has "Overdue"
tui_keys f
check "f opens the filter menu" screen_has "Filter by"
tui_golden filter-menu
tui_keys Enter
check "Status… offers the statuses" screen_has "Show the items whose status is"
tui_keys Down Down Down Down Down Space Enter
check "ticking Overdue filters the list" screen_has "Status: Overdue"
check "to the two overdue items" screen_has " 1/2 found"
tui_golden filter-overdue
check "Sử dụng khoảng 2% ngân sách is there" screen_has "Sử dụng khoảng 2% ngân sách"
check "Tiếp tục phối hợp is there" screen_has "Tiếp tục phối hợp, hỗ trợ"

tui_keys f Down Enter
check "Kind… offers the kinds" screen_has "Show the items of the kind"
tui_keys Down Down Down Down Down Down Down Enter
check "kind and status combine" screen_has "Kind: Recommendation"
check "to one item" screen_has " 1/1 found"
tui_keys /
tui_type "ngan sach"
check "and combine with the search" screen_has "(1)"
tui_keys Enter c
check "c clears them all" screen_has "items: 42"

tui_keys f Down Down Enter
check "Year… offers the years in the data" screen_has "Show the items of the year"
check "2023 is one" screen_has "2023"
tui_keys Down Down Enter
check "the year filter applies" screen_has "Year: 2024"
check "to the 8 items of 2024" screen_has "/8 found"
tui_keys c

tui_keys f Down Down Down Enter
check "Lead unit… offers the units" screen_has "Show the items led by"
tui_type "nic"
check "typing narrows the units, diacritics aside" screen_has "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)"
tui_keys Down Enter
check "the unit filter applies" screen_has "Lead unit:"
check "to the one item NIC leads" screen_has " 1/1 found"
tui_keys c

tui_keys f Down Down Down Down Enter
check "Locality… offers the localities" screen_has "Show the items in the locality"
tui_type "han quoc"
tui_keys Down Enter
check "the locality filter applies" screen_has "Locality: Hàn Quốc"
check "to the mission to Korea" screen_has "tại Hàn Quốc"

tui_keys f End Enter
check "Clear the filters clears them" screen_has "items: 42"
tui_keys f Escape
check "Esc closes a menu without a change" screen_has "items: 42"
tui_send q
check "hoso quits" tui_wait_exit

finish
