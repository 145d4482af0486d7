#!/bin/sh
# The upgrade from schema 2 at some scale: a file of 3,000 items as an older
# hoso left it (bench/gen --schema 2: text keys, created_at, history rows
# keyed by nothing), upgraded by opening it; every record, key, link, history
# row and count is there after, as the sqlite3 shell reads them before and
# after, and hoso check passes.
. "$top_srcdir/tests/lib.sh"

gen="$top_builddir/bench/gen"
db="$tmp/v2.db"
"$gen" --schema 2 3000 "$db" 2>"$err" || { cat "$err"; exit 1; }
check "the generator wrote schema 2" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 2
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before_size=$(stat -c %s "$db")

# A key as the shell shows it: 32 hex digits in schema 3; the text without dashes in schema 2.
K2() { echo "lower(replace($1, '-', ''))"; }
K3() { echo "lower(hex($1))"; }
# A time as schema 2 wrote it (text); schema 3 keeps milliseconds.
T2() { echo "$1"; }
T3() { echo "strftime('%Y-%m-%dT%H:%M:%SZ', $1 / 1000, 'unixepoch')"; }

# dump FILE K T: every record the upgrade must keep, in one text.
dump() {
	K=$2 T=$3
	sqlite3 "$1" "
	SELECT 'item', no, $($K id), $($K parent_id), kind, quote(code), title, $($K lead_unit_id), status,
	       quote(progress), quote(start_date), quote(due_date), quote(done_date), quote(year), quote(notes),
	       archived, version FROM item ORDER BY no;
	SELECT 'unit', $($K id), quote(short_name), name, $($K parent_id), archived FROM unit ORDER BY 2;
	SELECT 'locality', $($K id), name, quote(level), archived FROM locality ORDER BY 2;
	SELECT 'programme', $($K id), title FROM programme ORDER BY 2;
	SELECT 'document', no, $($K id), quote(number), type, $($K issuer_id), quote(signed_date), subject, state
	       FROM document ORDER BY no;
	SELECT 'partner', $($K item_id), $($K unit_id), quote(role) FROM item_partner ORDER BY 2, 3;
	SELECT 'locality_of', $($K item_id), $($K locality_id) FROM item_locality ORDER BY 2, 3;
	SELECT 'document_of', $($K item_id), $($K document_id) FROM item_document ORDER BY 2, 3;
	SELECT 'link', $($K from_id), $($K to_id), relation FROM document_link ORDER BY 2, 3, 4;
	SELECT 'target', $($K id), $($K item_id), position, description, quote(measure), min_value, max_value, actual
	       FROM target ORDER BY 2;
	SELECT 'comment', $($K id), $($K item_id), $($T at), login, body FROM comment ORDER BY 2;"
}

dump "$db" K2 T2 >"$tmp/before"
sqlite3 "$db" "SELECT at, login, entity, $(K2 entity_id), field, quote(old_value), quote(new_value)
	FROM history WHERE field <> 'created' ORDER BY 1, 2, 3, 4, 5" >"$tmp/history.before"
sqlite3 "$db" "SELECT at, login, entity, $(K2 entity_id) FROM history WHERE field = 'created' ORDER BY 1, 2, 3, 4" >"$tmp/created.before"
sqlite3 "$db" "SELECT DISTINCT at, login, entity, $(K2 entity_id) FROM history WHERE field <> 'created' ORDER BY 1, 2, 3, 4" >"$tmp/edits.before"
items=$(sqlite3 "$db" "SELECT count(*) FROM item")
done_items=$(sqlite3 "$db" "SELECT count(*) FROM item WHERE status = 4 AND archived = 0")
check "the file holds 3,000 items" test "$items" = 3000
check "with history rows of status changes" test "$(wc -l <"$tmp/history.before")" -gt 500
check "an item 50 levels deep" test "$(sqlite3 "$db" "WITH RECURSIVE d(id, n) AS (SELECT id, 1 FROM item WHERE parent_id IS NULL
	UNION ALL SELECT i.id, n + 1 FROM item i JOIN d ON i.parent_id = d.id) SELECT max(n) FROM d")" -ge 50

# Opening it upgrades it.
run list --db "$db" --status done --format csv
check "hoso opens the old file" status_is 0
check "it is schema 3 after" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 3
check "the list of done items has each of them" test "$(($(wc -l <"$out") - 1))" = "$done_items"

# The same records, keys and links, as the shell reads them.
dump "$db" K3 T3 >"$tmp/after"
check "every item, unit, locality, document, link, target and comment is kept, keys and all" \
	cmp -s "$tmp/before" "$tmp/after"
check "(and there are rows to compare)" test "$(wc -l <"$tmp/after")" -gt 6000
sqlite3 "$db" "SELECT $(T3 c.at), c.login, c.entity, $(K3 c.entity_id), h.field, quote(h.old_value), quote(h.new_value)
	FROM history h JOIN change c ON c.id = h.change_id ORDER BY 1, 2, 3, 4, 5" >"$tmp/history.after"
check "every history row of a change is kept, with its time, clerk and record" \
	cmp -s "$tmp/history.before" "$tmp/history.after"
sqlite3 "$db" "SELECT $(T3 at), login, entity, $(K3 entity_id) FROM change WHERE what = 'add' ORDER BY 1, 2, 3, 4" >"$tmp/created.after"
check "every record's creation is a change 'add'" cmp -s "$tmp/created.before" "$tmp/created.after"
sqlite3 "$db" "SELECT $(T3 at), login, entity, $(K3 entity_id) FROM change WHERE what = 'edit' ORDER BY 1, 2, 3, 4" >"$tmp/edits.after"
check "every save that changed fields is one change 'edit'" cmp -s "$tmp/edits.before" "$tmp/edits.after"
check "and there are no other changes" test "$(sqlite3 "$db" "SELECT count(*) FROM change WHERE what NOT IN ('add', 'edit')")" = 0
check "the kept total is the number of unarchived items" \
	test "$(sqlite3 "$db" "SELECT n FROM tally WHERE dim = 'all'")" = "$(sqlite3 "$db" "SELECT count(*) FROM item WHERE archived = 0")"
check "the file is smaller after (VACUUM)" test "$(stat -c %s "$db")" -lt "$before_size"

run check --db "$db"
check "hoso check passes on the upgraded file" status_is 0
check "its kept counts agree with the items" out_has "Kept counts:     ok"
check "its search index agrees with the items" out_has "Search index:    ok"
check "its tree is whole" out_has "Tree:            ok"

finish
