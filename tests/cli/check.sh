#!/bin/sh
# hoso check: integrity, schema version, counts.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"

run check --db "$db"
check "check on a good database exits 0" status_is 0
check "it reports the schema version" out_has "Schema version:  3 (current)"
check "it reports integrity" out_has "Integrity:       ok"
check "it checks the search index" out_has "Search index:    ok"
check "it counts the items" out_has "Items:           42 (and 0 archived)"
check "it counts the documents" out_has "Documents:       10"
check "it counts the units" out_has "Units:           19"
check "it counts the localities" out_has "Localities:      10"

# A broken reference is found.
sqlite3 "$db" "PRAGMA foreign_keys = OFF; UPDATE item SET lead_unit_id = 'nobody' WHERE no = 1"
run check --db "$db"
check "a broken reference makes check fail" status_is 1
check "and is reported" out_has "References:      1 broken"

# A damaged search index is found.
seeded "$tmp/s.db"
sqlite3 "$tmp/s.db" "UPDATE item SET search = 'other words' WHERE no = 1" 2>/dev/null
sqlite3 "$tmp/s.db" "DROP TRIGGER item_fts_update; UPDATE item SET search = 'nothing indexed' WHERE no = 2"
run check --db "$tmp/s.db"
check "a search index out of step makes check fail" status_is 1
check "and says how to rebuild it" out_has "VALUES('rebuild')"

# check never upgrades.
sqlite3 "$tmp/old.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 1"
run check --db "$tmp/old.db"
check "check on an older schema exits 0" status_is 0
check "and says it will be upgraded" out_has "older than this hoso's (3)"
check "and leaves it at 1" test "$(sqlite3 "$tmp/old.db" 'PRAGMA user_version')" = 1

finish
