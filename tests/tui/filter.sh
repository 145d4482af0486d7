#!/bin/sh
# Filters by status (overdue included), kind, year, unit and locality; combined.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sqlite3 "$db" "UPDATE item SET due_date = '2024-05-01' WHERE no IN (41, 42)"
export HOSO_TODAY=2024-06-30

tui_start 160x30 --db "$db"
tui_wait "items: 42"
check "an overdue item shows as overdue" screen_has "Overdue"
tui_keys f
check "f opens the filter menu" tui_wait "Filter by"
tui_keys Enter
check "Status… offers the statuses" tui_wait "Show the items whose status is"
tui_keys Down Down Down Down Down Space Enter
check "ticking Overdue filters the list" tui_wait "Status: Overdue"
check "to the two overdue items" tui_wait " 1/2 found"
check "Sử dụng khoảng 2% ngân sách is there" screen_has "Sử dụng khoảng 2% ngân sách"
check "Tiếp tục phối hợp is there" screen_has "Tiếp tục phối hợp, hỗ trợ"

tui_keys f Down Enter
check "Kind… offers the kinds" tui_wait "Show the items of the kind"
tui_keys Down Down Down Down Down Down Down Enter
check "kind and status combine" tui_wait "Kind: Recommendation"
check "to one item" tui_wait " 1/1 found"
tui_keys /
tui_type "ngan sach"
check "and combine with the search" tui_wait "(1)"
tui_keys Enter c
check "c clears them all" tui_wait "items: 42"

tui_keys f Down Down Enter
check "Year… offers the years in the data" tui_wait "Show the items of the year"
check "2023 is one" screen_has "2023"
tui_keys Down Down Enter
check "the year filter applies" tui_wait "Year: 2024"
check "to the 8 items of 2024" tui_wait "/8 found"
tui_keys c

tui_keys f Down Down Down Enter
check "Lead unit… offers the units" tui_wait "Show the items led by"
tui_type "nic"
check "typing narrows the units, diacritics aside" tui_wait "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)"
tui_keys Down Enter
check "the unit filter applies" tui_wait "Lead unit:"
check "to the one item NIC leads" tui_wait " 1/1 found"
tui_keys c

tui_keys f Down Down Down Down Enter
check "Locality… offers the localities" tui_wait "Show the items in the locality"
tui_type "han quoc"
tui_keys Down Enter
check "the locality filter applies" tui_wait "Locality: Hàn Quốc"
check "to the mission to Korea" screen_has "tại Hàn Quốc"

tui_keys f End Enter
check "Clear the filters clears them" tui_wait "items: 42"
tui_keys f Escape
check "Esc closes a menu without a change" tui_wait "items: 42"
tui_keys q
check "hoso quits" tui_wait_exit

finish
