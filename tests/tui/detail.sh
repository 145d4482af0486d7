#!/bin/sh
# The detail: every field, sub-items that open, documents, history; scrolling.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys Home Down Down Down Down Down Down Down
check "the cursor on the ISO 18091 pilot (the 8th top-level item)" screen_has " 8/21"
tui_keys Enter
check "Enter opens its detail" screen_has "hoso · Item #13"
check "the kind" screen_has "Kind:"
check "the code" screen_has "TCVN ISO 18091:2020"
check "the sub-items section" screen_has "Sub-items (12)"
tui_golden detail-pilot
tui_keys End
check "End scrolls to the history and the key" screen_has "Key:"
check "history shows who created it" screen_has "History (1)"
# The times and the login name change from run to run.
tui_golden detail-pilot-end "s#[0-9][0-9]/[0-9][0-9]/[0-9]\{4\} [0-9][0-9]:[0-9][0-9]#DD/MM/YYYY HH:MM#g; s# $(id -un): # LOGIN: #"
tui_keys Home
tui_down_until "Enter: open this item"
check "on a sub-item line the status line offers to open it" screen_has "Enter: open this item"
tui_keys Enter
check "Enter opens the sub-item" screen_has "hoso · Item #14"
check "whose name is not known" screen_has "chưa rõ tên"
check "and which says what it is part of" screen_has "Part of:"
tui_keys q
check "q goes back to the pilot" screen_has "hoso · Item #13"
tui_keys q
check "and back to the list" screen_has "items: 42"

# A detail with documents: Enter on a document opens it.
tui_keys Home Down Down Down Enter
check "item #4 opens" screen_has "hoso · Item #4"
check "its documents are listed" screen_has "Documents (3)"
tui_down_until "Enter: open this document"
tui_keys Enter
check "Enter on a document opens the document" screen_has "hoso · Document"
tui_send q q q
check "hoso quits" tui_wait_exit

# Very many sub-items: the detail reads two screens of them, counts the rest
# while no key waits, and Enter on "… and N more" reads the next ones.
many="$tmp/many.db"
seeded "$many"
sqlite3 "$many" "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100)
	INSERT INTO item (id, parent_id, kind, title, status)
	SELECT randomblob(16), (SELECT id FROM item WHERE no = 13), 1, 'Việc con ' || x, 1 FROM n"
tui_start 100x30 --db "$many"
tui_keys Home Down Down Down Down Down Down Down Enter
check "the pilot's detail opens" screen_has "hoso · Item #13"
check "its 112 sub-items are counted" screen_has "Sub-items (112)"
tui_keys End
i=0
while [ $i -lt 40 ] && ! screen_has "Enter: show the next sub-items"; do
	tui_keys Up
	i=$((i + 1))
done
# Two screens of 28 rows: 56 of the 112.
check "the note says how many more" screen_has "… and 56 more"
check "and Enter on it shows them" screen_has "Enter: show the next sub-items"
check "the first sub-items are shown, not all" screen_lacks "Việc con 100 "
tui_keys Enter
check "Enter reads the next ones, the cursor on the first of them" screen_has "> #87  Việc con 45"
tui_keys End
i=0
while [ $i -lt 40 ] && ! screen_has "Việc con 100 "; do
	tui_keys Up
	i=$((i + 1))
done
check "the last of them are there" screen_has "Việc con 100 "
check "and the note is gone" screen_lacks "more"
tui_send q q
check "hoso quits again" tui_wait_exit

finish
