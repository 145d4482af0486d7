#!/bin/sh
# Damaged and hand-edited databases: 'hoso check' finds what the program
# needs (cycles of parents, references to nothing, values and text hoso does
# not accept), every command names the file and what is wrong, and items
# the tree cannot show are in the flat list.
. "$top_srcdir/tests/lib.sh"

base="$tmp/base.db"
seeded "$base"
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

# damage NAME SQL: a copy of the seeded database, changed in the sqlite3
# shell (foreign keys off, as the shell has them); $db names it.
damage() {
	db="$tmp/$1.db"
	cp "$base" "$db"
	sqlite3 "$db" "$2" >/dev/null
}
# Drops NOT NULL and CHECK from item.title, as a hand edit of the schema would.
loose_title="PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'title         TEXT NOT NULL CHECK (title <> '''')', 'title TEXT') WHERE name = 'item';"
title5=$(sqlite3 "$base" "SELECT title FROM item WHERE no = 5")

# check_finds NAME TEXT...: check exits 1 and prints each TEXT.
check_finds() {
	name=$1
	shift
	run check --db "$db"
	check "$name: check says there are problems" status_is 1
	for t in "$@"; do
		check "$name: check says: $t" out_has "$t"
	done
}

run check --db "$base"
check "a seeded database passes check" status_is 0
check "with its tree ok" out_has "Tree:            ok"
check "and its values ok" out_has "Values:          ok"

# A cycle of parents: the items vanished from the tree while check said OK.
damage cycle "UPDATE item SET parent_id = (SELECT id FROM item WHERE no = 6) WHERE no = 5;
UPDATE item SET parent_id = (SELECT id FROM item WHERE no = 5) WHERE no = 6"
check_finds cycle "Tree:            4 items not in the tree (2 in a cycle of parents, 0 under a missing parent, 2 below those)" \
	"a cycle of 2 items, each under the next: #6 → #5 → #6" "item #7: under #5, which is not in the tree" \
	"the list with a search or filter shows them"
run list --db "$db" --format csv
check "cycle: the tree does not show them (as check says)" out_lacks "$title5"
run list --db "$db" --kind task --format csv
check "cycle: the list with a filter shows item 5" grep -q "^5," "$out"
check "cycle: and item 6" grep -q "^6," "$out"
run show 5 --db "$db"
check "cycle: show shows item 5" status_is 0

damage selfcycle "PRAGMA ignore_check_constraints = ON; UPDATE item SET parent_id = id WHERE no = 5"
check_finds "its own parent" "item #5 is its own parent" "3 below those"

damage orphan "UPDATE item SET parent_id = 'nope' WHERE no = 5"
check_finds "missing parent" "1 under a missing parent" "item #5: its parent 'nope' does not exist" \
	"References:      1 broken" "item #5: parent_id 'nope': there is no such item"
run list --db "$db" --search "$title5" --format csv
check "missing parent: a search shows the item" grep -q "^5," "$out"

# References to nothing, left by the shell with foreign keys off.
damage lead "UPDATE item SET lead_unit_id = 'nope' WHERE no = 5"
check_finds "missing unit" "item #5: lead_unit_id 'nope': there is no such unit"
damage locality "INSERT INTO item_locality (item_id, locality_id) SELECT id, 'nowhere' FROM item WHERE no = 7"
check_finds "missing locality" "item_locality of item #7: locality_id 'nowhere': there is no such locality"
damage doc "INSERT INTO item_document (item_id, document_id) SELECT id, 'nodoc' FROM item WHERE no = 7"
check_finds "missing document" "item_document of item #7: document_id 'nodoc': there is no such document"
damage programme "DELETE FROM programme"
check_finds "missing programme" "the programme's record is missing"
run show 5 --db "$db"
check "missing programme: show still shows the item (it said 'no item number 5')" out_has "$title5"
damage status "UPDATE item SET status = 9, kind = 99 WHERE no = 5"
check_finds "unknown status and kind" "item #5: status '9': there is no such status" "item #5: kind '99': there is no such kind"

# Text that is not UTF-8, or holds a NUL (the benchmark generator cut
# characters in two with %.20s).
damage utf8 "UPDATE item SET title = CAST(x'C3' AS TEXT) || 'abc' WHERE no = 5;
UPDATE unit SET short_name = CAST(x'E1BA' AS TEXT) WHERE id = x'c5555c7653225939a0b3f2bd3e3e0252'"
check_finds "invalid UTF-8" "item #5: text that is not UTF-8 or holds a NUL byte" \
	"unit c5555c7653225939a0b3f2bd3e3e0252: text that is not UTF-8"
damage nul "UPDATE item SET notes = CAST(x'41004243' AS TEXT) WHERE no = 5"
check_finds "a NUL byte" "item #5: text that is not UTF-8 or holds a NUL byte"

# Values the forms refuse, written past the schema's checks.
damage nulltitle "$loose_title"
sqlite3 "$db" "UPDATE item SET title = NULL WHERE no = 5"
check_finds "no title" "item #5: no title"
run show 5 --db "$db"
check "no title: show shows the item (it said 'out of memory')" status_is 0
check "no title: with its number" out_has "#5"
run list --db "$db" --format csv
check "no title: list lists it" grep -q "^5," "$out"
damage emptytitle "PRAGMA ignore_check_constraints = ON; UPDATE item SET title = '' WHERE no = 5"
check_finds "empty title" "item #5: no title"
damage dates "PRAGMA ignore_check_constraints = ON; UPDATE item SET due_date = '2024-13-45', start_date = '31/12/2024',
 progress = 150, year = 'abc', archived = 2 WHERE no = 5; UPDATE document SET signed_date = '2024-02-30' WHERE no = 1"
check_finds "bad values" "item #5: due date '2024-13-45' is not a date (YYYY-MM-DD)" \
	"item #5: start date '31/12/2024' is not a date (YYYY-MM-DD)" \
	"item #5: progress '150' is not a whole number from 0 to 100" \
	"item #5: year 'abc' is not a year from 1900 to 2200" "item #5: archived is '2', not 0 or 1" \
	"document #1: date '2024-02-30' is not a date (YYYY-MM-DD)" "Integrity:       ok"

# Every command names the file and what is wrong.
damage renamed "ALTER TABLE item RENAME TO item_old"
for cmd in list "show 1" check; do
	run $cmd --db "$db"
	check "table renamed: $cmd exits 1" status_is 1
	if [ "$cmd" = check ]; then
		check "table renamed: check names the missing table" out_has "Tables:          'item' is MISSING"
	else
		check "table renamed: $cmd names the file and the table" err_has "$db: the table 'item' is missing"
	fi
done
damage column "ALTER TABLE item RENAME COLUMN title TO title_old"
for cmd in list "show 1" check; do
	run $cmd --db "$db"
	check "column renamed: $cmd exits 1" status_is 1
	check "column renamed: $cmd names the file and the column" err_has "$db: the database lacks what hoso needs (no such column:"
done
head -c 100000 "$base" >"$tmp/truncated.db"
for cmd in list "show 1" check; do
	run $cmd --db "$tmp/truncated.db"
	check "truncated: $cmd exits 1" status_is 1
	check "truncated: $cmd says the file is damaged" err_has "$tmp/truncated.db: the database file is damaged"
done
for d in nulltitle renamed column truncated cycle; do
	for cmd in list "show 5" check; do
		run $cmd --db "$tmp/$d.db"
		check "$d: $cmd never says 'out of memory' or 'not an error'" \
			sh -c "! grep -qi 'out of memory\|not an error' '$err' '$out'"
	done
done

finish
