#!/bin/sh
# Sorting by any column, both ways, names in Vietnamese order.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 120x50 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys s
check "s opens the sort menu" screen_has "Sort by"
tui_keys Down Down Enter
check "sorting by title shows in the heading" screen_has "Title↑"
check "and on the status line" screen_has "sorted by Title↑"
check "Ban hành comes before Báo cáo (n before o)" screen_before "Ban hành 3 văn bản" "Báo cáo, đề xuất"
check "Chuyển comes before Đoàn (C before Đ)" screen_before "Chuyển giao Nhà Hội thảo" "Đoàn công tác khảo sát"
check "Đoàn comes before Hỗ trợ (Đ before H)" screen_before "Đoàn công tác khảo sát" "Hỗ trợ doanh nghiệp"
check "Hoàn thiện before Hỗ trợ before Hội nghị (o, ô, then tones)" screen_before "Hoàn thiện công nghệ" "Hỗ trợ doanh nghiệp"
tui_keys s Enter
check "choosing the same column again reverses it" screen_has "Title↓"
check "descending puts Xây dựng before Ban hành" screen_before "Xây dựng dữ liệu tính toán" "Ban hành 3 văn bản"
tui_keys s Down Down Down Enter
check "sorting by due date" screen_has "Due↑"
tui_keys s Home Enter
check "back to the number order" screen_lacks "sorted by"
tui_send q
check "hoso quits" tui_wait_exit

finish
