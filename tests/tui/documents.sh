#!/bin/sh
# The documents register: every document, newest first, each leading to its items.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 120x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys v
check "v opens the documents register" screen_has "hoso · Documents register"
check "with its columns" screen_has "Number"
check "Kết luận 312 (2024) comes first" screen_before "312" "255"
check "Nghị quyết 8 of 2013 after the 2023 ones" screen_before "1064" "BCH Đảng bộ"
check "documents without a date come last" screen_before "16/05/2013" "45-NQ/TW"
check "the count of documents" screen_has "/10 documents"
tui_golden documents-register
tui_keys Down Enter
check "Enter opens Kế hoạch 255" screen_has "Plan 255"
check "its links: it implements Nghị quyết 36" screen_has "This document implements Resolution 36-NQ/TW"
check "and Chương trình hành động 50" screen_has "Action programme 50-CT/TU"
check "and its items" screen_has "Items (1)"
tui_down_until "Enter: open this item"
tui_keys Enter
check "an item of the document opens" screen_has "hoso · Item #4"
tui_keys q q q
check "q goes back to the list" screen_has "items: 42"
tui_keys v End
check "End in the register" screen_has " 10/10"
tui_send q q
check "hoso quits" tui_wait_exit

# The register read its rows once: another clerk's change never showed, not even after Ctrl-L.
tui_start 120x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys v Down Down
check "the cursor is on the third document" screen_has " 3/10 documents"
sqlite3 "$db" "UPDATE document SET subject = 'Trích yếu do cán bộ khác sửa', version = version + 1 WHERE number = '50-CT/TU'"
tui_sync "another process's change"
check "another clerk's change shows in the register without a key" screen_has "Trích yếu do cán bộ khác sửa"
sqlite3 "$db" "UPDATE document SET archived = 1 WHERE number = '312'"
tui_sync "another process's change"
check "a document archived elsewhere leaves the register" screen_lacks "Conclusion"
check "the count and the position follow, the cursor on its document" screen_has " 2/9 documents"
check "the cursor is still on 50-CT/TU" sh -c "grep -F '50-CT/TU' '$screen' | grep -qF 'Trích yếu do cán bộ khác sửa'"
sqlite3 "$db" "UPDATE document SET archived = 0, subject = 'Kết luận đọc lại', version = version + 1 WHERE number = '312'"
tui_keys C-l
check "Ctrl-L reads the register again" screen_has "Kết luận đọc lại"
check "the cursor stays on its document" screen_has " 3/10 documents"
tui_send q q
check "hoso quits" tui_wait_exit

finish
