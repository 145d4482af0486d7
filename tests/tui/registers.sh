#!/bin/sh
# The documents register, the units (o) and the localities (l) get the same
# keys as the item list: a adds, e edits, d archives after a confirmation,
# X shows the archived, r restores; each through its own form.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }

tui_start 80x24 --db "$db"

# Documents.
tui_keys v a
check "a in the register opens a new document's form" screen_has "hoso · New document"
check "a new document is in force" screen_has "State*:             Issued"
tui_type "de"
check "its type by type-ahead" screen_has "Type*:              Decision"
tui_keys Tab
tui_type "99/QĐ-UBND"
tui_keys Tab
tui_type "ubnd tp"
tui_keys Enter
check "the issuing body from a pick list" screen_has "Issued by:          UBND TP Hải Phòng"
tui_keys Tab
tui_type "01/02/2024"
tui_keys Tab
tui_type "Về thí điểm quản lý"
tui_keys Tab Tab
tui_type "1064: implements"
tui_keys F2
check "saved" screen_has "Saved document #11 (version 1)"
check "stored with its link" test "$(q "SELECT count(*) FROM document_link l JOIN document d ON d.id = l.from_id WHERE d.no = 11")" = 1
check "the register shows it" screen_has "99/QĐ-UBND"
tui_keys a
tui_type "de"
tui_keys Tab
tui_type "1064"
tui_keys Tab Tab Tab
tui_type "Trùng số"
tui_keys F2
check "a number another document of the type has is refused" screen_has "! another document already has '1064'"
tui_keys Escape
tui_keys Down Enter
tui_keys Down e
check "e edits the document under the cursor" screen_has "Document #11, version 1"
tui_keys Down Down Down Down End
tui_type " (sửa)"
tui_keys F2
check "the edit is saved" screen_has "Saved document #11 (version 2)"
check "stored" test "$(q "SELECT subject FROM document WHERE no = 11")" = "Về thí điểm quản lý (sửa)"
tui_keys d
check "d asks before archiving a document" screen_has "Archive document 99/QĐ-UBND"
tui_keys Down Enter
check "archived" test "$(q "SELECT archived FROM document WHERE no = 11")" = 1
check "it leaves the register" screen_lacks "99/QĐ-UBND"
tui_keys X
check "X shows the archived documents" screen_has "99/QĐ-UBND"
tui_keys r
check "r restores it" screen_has "Restored document #11"
tui_keys q
check "it is back in the register" screen_has "99/QĐ-UBND"
# A document picked for a link is asked how it relates (a menu), then is in the field with it.
tui_keys Home e Down Down Down Down Down Down F4
check "the pick list of a document's links leaves the document itself out" sh -c "! grep -q '\\] 312  15/02/2024' '$screen'"
check "... and lists the others" grep -q '\] 1064  24/04/2023' "$screen"
tui_keys Down Down Space Enter
check "a document picked for a link: how does it relate?" screen_has "How does 255 relate to this document?"
tui_keys Down Enter
check "the relation chosen is in the field" screen_has "Links to documents: #3: reviews; 255: amends"
tui_keys F2
check "and saved with the link" test "$(q "SELECT l.relation FROM document_link l JOIN document f ON f.id = l.from_id
	JOIN document t ON t.id = l.to_id WHERE f.no = 2 AND t.number = '255'")" = 2
tui_keys q

# Units.
tui_keys o
check "o opens the units" screen_has "hoso · Units"
tui_keys a
check "a new unit's form" screen_has "hoso · New unit"
tui_type "Sở Tài chính Hải Phòng"
tui_keys Tab
tui_type "STC"
tui_keys Tab
tui_type "ubnd tp"
tui_keys Enter F2
check "a new unit is saved" screen_has "Saved the unit (version 1)"
check "stored under its parent" test "$(q "SELECT p.short_name FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.name = 'Sở Tài chính Hải Phòng'")" = "UBND TP Hải Phòng"
check "the register shows it" screen_has "STC"
tui_keys a
tui_type "cadence"
tui_keys F2
check "a unit's name another unit has is refused" screen_has "! another unit already has 'cadence'"
tui_keys Escape
tui_keys Down Enter
tui_keys /
tui_type "tai chinh"
tui_keys Enter
check "/ narrows the register" screen_has "1/1"
tui_keys e Down End
tui_type " HP"
tui_keys F2
check "the unit's edit is saved" test "$(q "SELECT short_name FROM unit WHERE name = 'Sở Tài chính Hải Phòng'")" = "STC HP"
tui_keys d Down Enter
check "the unit is archived" test "$(q "SELECT archived FROM unit WHERE short_name = 'STC HP'")" = 1
tui_keys X
check "X shows the archived units too" screen_has "(archived) Sở Tài chính Hải Phòng"
tui_keys r
check "r restores the unit" test "$(q "SELECT archived FROM unit WHERE short_name = 'STC HP'")" = 0
tui_keys q

# Localities.
tui_keys l
check "l opens the localities" screen_has "hoso · Localities"
tui_keys a
tui_type "Quận Lê Chân"
tui_keys Tab
tui_type "quận"
tui_keys Tab
tui_type "hai phong"
tui_keys Enter
check "a locality's parent from a pick list" screen_has "> Part of: Hải Phòng"
check "the form says under which locality" screen_has "A new locality under Hải Phòng"
tui_keys F2
check "the locality is saved" screen_has "Saved the locality (version 1)"
check "stored under Hải Phòng" test "$(q "SELECT p.name FROM locality l JOIN locality p ON p.id = l.parent_id WHERE l.name = 'Quận Lê Chân'")" = "Hải Phòng"
tui_keys q
# The new unit and locality are in the item form's pick lists.
tui_keys e Down Down Down Down
tui_type "stc"
check "the item form's pick list has the new unit" screen_has "Sở Tài chính Hải Phòng (STC HP)"
tui_keys Escape
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit
finish
