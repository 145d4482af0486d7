#!/bin/sh
# What another clerk saves shows without a key (the total and position
# included, which never refreshed); Ctrl-L reads the data again.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
tui_keys Down Down Down
check "the cursor is on the fourth row" screen_has " 4/21 · items: 42"
sqlite3 "$db" "UPDATE item SET title = 'Tiêu đề do cán bộ khác sửa', version = version + 1 WHERE no = 3"
tui_sync "another process's change"
check "another clerk's change shows without a key" screen_has "Tiêu đề do cán bộ khác sửa"
check "the cursor stays on its record" screen_has " 4/21 · items: 42"
sqlite3 "$db" "UPDATE item SET archived = 1 WHERE no IN (1, 2)"
tui_sync "another process's change"
check "two items archived elsewhere: the total follows" screen_has "items: 40"
check "the position follows: the cursor's record is now second of 19" screen_has " 2/19 · items: 40"
check "the archived items are gone" screen_lacks "Ban hành Kết luận số 312"
tui_keys Enter
check "the detail of item #4 opens" screen_has "hoso · Item #4"
sqlite3 "$db" "UPDATE item SET notes = 'Ghi chú mới của cán bộ khác' WHERE no = 4"
tui_sync "another process's change"
check "the detail shows another clerk's change without a key" screen_has "Ghi chú mới của cán bộ khác"
tui_keys C-l
check "Ctrl-L redraws the detail, still there" screen_has "Ghi chú mới của cán bộ khác"
tui_keys q
tui_send q
check "hoso quits" tui_wait_exit

finish
