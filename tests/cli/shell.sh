#!/bin/sh
# The stock sqlite3 shell reads a hoso database without hoso's functions.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"

check "the shell passes integrity_check" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "the shell reads the items" test "$(sqlite3 "$db" 'select count(*) from item')" = 42
check "the shell searches the folded index" test "$(sqlite3 "$db" "select no from item where no in (select rowid from item_fts where item_fts match 'thach* cao*')")" = 34
check "the shell sorts by the stored Vietnamese key" test "$(sqlite3 "$db" "select name from locality order by name_key limit 3" | tr '\n' '|')" = "Bắc Bộ|Bỉ|Châu Âu|"
check "the shell can write an item (the index follows)" sqlite3 "$db" "update item set search = search || ' moi' where no = 1"
run check --db "$db"
check "hoso still finds the database whole after the shell wrote" status_is 0
check "the file is in WAL mode" test "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal
check "foreign keys hold" test -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')"

finish
