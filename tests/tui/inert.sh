#!/bin/sh
# Control characters and escape sequences in data are shown, never sent.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sqlite3 "$db" "UPDATE item SET title = 'Độc' || char(27) || ']0;HACKED' || char(7) || 'x' || char(27) || '[2J' || char(27) || '[31mĐỏ' WHERE no = 1"
sqlite3 "$db" "UPDATE item SET title = 'Tab' || char(9) || 'và' || char(10) || 'dòng mới' || char(155) || 'c1' WHERE no = 2"

sqlite3 "$db" "UPDATE item SET title = 'Đảo' || char(8238) || 'ngược' || char(8294) || 'x' || char(8297) || ' hết' WHERE no = 4"

tui_start 120x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "bidi overrides and isolates show inert" screen_has "Đảo<U+202E>ngược<U+2066>x<U+2069> hết"
check "the escape shows as ^[" screen_has "Độc^[]0;HACKED^Gx^[[2J^[[31mĐỏ"
check "the terminal title was not changed" sh -c "[ \"\$($TMUX_CMD display-message -p -t $session '#{pane_title}')\" != HACKED ]"
check "the screen was not cleared by the data" screen_has "Ban hành 3 văn bản"
check "a tab shows as a space, a newline as ^J" screen_has "Tab và^Jdòng mới<9B>c1"
check "the row stays on one line" screen_fits 120
tui_keys Enter
check "the detail shows it inert too" screen_has "^[]0;HACKED"
tui_send q q
check "hoso quits" tui_wait_exit

# NFD data displays like NFC.
sqlite3 "$db" "UPDATE item SET title = 'Nghe' || char(803) || char(770) || ' an NFD' WHERE no = 3"
tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "a decomposed title keeps its columns aligned" screen_fits 100
check "and shows its text" screen_has "an NFD"
tui_send q
check "hoso quits" tui_wait_exit

finish
