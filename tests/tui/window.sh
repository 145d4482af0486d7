#!/bin/sh
# A search that matches a title beyond what its column shows: the row shows
# the title from a little before the match ("…lý bã thải thạch cao…"), so
# that a clerk sees why the item matched.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

# The row of TEXT on the screen, or nothing.
row_of() { grep -F -- "$1" "$screen" | head -n 1; }
row_has() { tui_capture; row_of "$1" | grep -qF -- "$2"; }

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "without a search the title shows from its start" screen_has "Hoàn thiện công nghệ xử lý bã thải …"
tui_keys /
tui_type "thach cao"
check "the search finds the item" screen_has "(1)"
check "its row shows the matched words" screen_has "thạch cao"
check "after a … where the title was cut in front" screen_has "…lý bã thải thạch cao phospho"
check "and the row keeps its columns" row_has "thạch cao" "UBND TP Hải Phò…"
check "every line fits" screen_fits 100
tui_keys Enter
check "kept, the search still shows the match" screen_has "1/1 found · /thach cao"
check "on the row" screen_has "…lý bã thải thạch cao phospho"
tui_keys Escape
check "cleared, the tree shows the title from its start again" screen_has "Hoàn thiện công nghệ xử lý bã thải …"
check "and no window" screen_lacks "…lý bã thải"

# A word in the visible part: the title shows from its start.
tui_keys /
tui_type "hoan thien"
check "a match in the visible part" screen_has "Hoàn thiện công nghệ xử lý bã thải th…"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

finish
