#!/bin/sh
# The full-screen application on damaged and hand-edited databases: a clear
# message naming the file (not "Out of memory"), and items the tree cannot
# show (a cycle of parents) found by a search.
. "$top_srcdir/tests/tui/lib.sh"

base="$tmp/base.db"
seeded "$base"
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
joined() { tui_capture; tr -d '\n' <"$screen" | grep -qF -- "$1"; }

# A column the first screen reads is gone: the screen cannot be made.
db="$tmp/column.db"
cp "$base" "$db"
sqlite3 "$db" "ALTER TABLE item RENAME COLUMN title TO title_old"
tui_launch 200x30 --db "$db"
check "hoso ends" tui_wait_exit
check "a renamed column: the app ends with status 1" test "$(tui_exit_status)" = 1
check "saying what is wrong, with the file" joined "hoso: $db: the database lacks what hoso needs (no such column:"
check "not 'Out of memory'" screen_lacks "Out of memory"

db="$tmp/table.db"
cp "$base" "$db"
sqlite3 "$db" "ALTER TABLE item RENAME TO item_old"
tui_launch 200x30 --db "$db"
check "hoso ends" tui_wait_exit
check "a renamed table: the app ends with status 1" test "$(tui_exit_status)" = 1
check "naming the file and the table" joined "hoso: $db: the table 'item' is missing"

head -c 100000 "$base" >"$tmp/truncated.db"
tui_launch 200x30 --db "$tmp/truncated.db"
check "hoso ends" tui_wait_exit
check "a truncated file: the app ends with status 1" test "$(tui_exit_status)" = 1
check "saying the file is damaged" joined "hoso: $tmp/truncated.db: the database file is damaged"

# A title set to NULL past the schema: the app starts and lists it.
db="$tmp/nulltitle.db"
cp "$base" "$db"
sqlite3 "$db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'title         TEXT NOT NULL CHECK (title <> '''')', 'title TEXT') WHERE name = 'item';"
sqlite3 "$db" "UPDATE item SET title = NULL WHERE no = 5"
tui_start 100x30 --db "$db"
check "a NULL title: the app starts" screen_has "items: 42"
tui_send q
check "hoso ends" tui_wait_exit

# Items in a cycle of parents are not in the tree; a search finds them.
db="$tmp/cycle.db"
cp "$base" "$db"
sqlite3 "$db" "UPDATE item SET parent_id = (SELECT id FROM item WHERE no = 6) WHERE no = 5;
UPDATE item SET parent_id = (SELECT id FROM item WHERE no = 5) WHERE no = 6"
tui_start 100x30 --db "$db"
screen_has "items: " || fail "shows ""items: "
check "a cycle: the tree does not show item 5" screen_lacks "Phối hợp triển khai các nhiệm vụ"
tui_keys /
tui_type "phoi hop trien khai cac nhiem vu"
check "a search shows item 5" screen_has "Phối hợp triển khai các nhiệm vụ"
tui_keys Escape
tui_send q
check "hoso ends" tui_wait_exit

finish
