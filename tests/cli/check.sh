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

# --quick: SQLite's quick check, and the same checks of hoso's.
seeded "$tmp/q.db"
run check --db "$tmp/q.db" --quick
check "check --quick on a good database exits 0" status_is 0
check "it says the integrity check was the quick one" out_has "Integrity:       ok (quick check"
check "it checks the search index too" out_has "Search index:    ok"
check "and the kept counts" out_has "Kept counts:     ok"

# both NAME TEXT: check and check --quick both exit 1 and say TEXT.
both() {
	run check --db "$db"
	check "$1: check exits 1" status_is 1
	check "$1: check says: $2" out_has "$2"
	run check --db "$db" --quick
	check "$1: check --quick exits 1" status_is 1
	check "$1: check --quick says: $2" out_has "$2"
}
both "a broken reference" "References:      1 broken"
db="$tmp/s.db"
both "a search index out of step" "Search index:    DAMAGED"

# The kept counts: each way of their going wrong is found, by both.
counts() { # NAME SQL
	rm -f "$tmp/c.db" "$tmp/c.db-wal" "$tmp/c.db-shm"
	seeded "$tmp/c.db"
	sqlite3 "$tmp/c.db" "$2"
	db="$tmp/c.db"
	both "$1" "Kept counts:     WRONG"
}
counts "a kept count off by one" "UPDATE tally SET n = n + 1 WHERE dim = 'kind' AND key = 1"
counts "a kept progress off" "UPDATE tally SET progress_sum = progress_sum - 1 WHERE dim = 'all'"
counts "a kept row missing" "DELETE FROM tally WHERE dim = 'year' AND key = 2024"
counts "a kept row for nothing" "INSERT INTO tally (dim, key, n) VALUES ('kind', 99, 1)"
counts "an item changed without its triggers" "DROP TRIGGER item_tally_update; UPDATE item SET status = 5 WHERE no = 3"
counts "a year kept as text" "UPDATE tally SET key = CAST(key AS TEXT) WHERE dim = 'year' AND key = 2024"

# Damage: an index that no longer matches its table is found by the full
# check; the quick one does not compare indexes with their tables.
seeded "$tmp/d.db"
sqlite3 "$tmp/d.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = 'CREATE INDEX item_status ON item(kind)' WHERE name = 'item_status'"
db="$tmp/d.db"
run check --db "$db"
check "a damaged index: check exits 1" status_is 1
check "a damaged index: check says the file is damaged" out_has "Integrity:       DAMAGED"
run check --db "$db" --quick
check "a damaged index: check --quick does not see it" out_has "Integrity:       ok (quick check"

# The progress: on a terminal only, one line rewritten, gone at the end.
seeded "$tmp/p.db"
HOSO_PROGRESS_DELAY_MS=0 script -qec "'$HOSO' check --db '$tmp/p.db'" /dev/null >"$tmp/tty" </dev/null
esc=$(printf '\033')
check "on a terminal, check says what it checks" grep -q "Checking 1/6: SQLite's integrity check" "$tmp/tty"
check "step by step" grep -q "Checking 6/6: the kept counts" "$tmp/tty"
check "on one line, rewritten" sh -c "! tr -d '\r' <'$tmp/tty' | grep -q '^Checking'"
check "the line is cleared before the report" sh -c "tr '\r' '\n' <'$tmp/tty' | grep -q '^$esc\[KDatabase:'"
HOSO_PROGRESS_DELAY_MS=0 run check --db "$tmp/p.db"
check "not on a terminal: no progress" sh -c "! grep -q Checking '$err' && ! grep -q Checking '$out'"
script -qec "'$HOSO' check --db '$tmp/p.db'" /dev/null >"$tmp/tty" </dev/null
check "a check shorter than a second shows none" sh -c "! grep -q Checking '$tmp/tty'"
check "and reports as ever" grep -q "Integrity:       ok" "$tmp/tty"

# A large file: check says how long it may take before it starts.
seeded "$tmp/big.db"
sqlite3 "$tmp/big.db" "CREATE TABLE pad(x);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 130) INSERT INTO pad SELECT zeroblob(1000000) FROM n"
run check --db "$tmp/big.db"
check "a file of 130 MB passes" status_is 0
check "check says first how long it may take" err_has "hoso: checking a file of 13"
check "and how long the quick check would" err_has "('hoso check --quick': about 3 s)"
run check --db "$tmp/big.db" --quick
check "check --quick of it is short enough to say nothing" sh -c "! grep -q 'may take' '$err'"
rm -f "$tmp/big.db"
run check --db "$tmp/p.db"
check "a small file: no word of time" sh -c "! grep -q 'may take' '$err'"

# check never upgrades.
sqlite3 "$tmp/old.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 1"
run check --db "$tmp/old.db"
check "check on an older schema exits 0" status_is 0
check "and says it will be upgraded" out_has "older than this hoso's (3)"
check "and leaves it at 1" test "$(sqlite3 "$tmp/old.db" 'PRAGMA user_version')" = 1

finish
