#!/bin/sh
# Bad database files: missing, not a file, not SQLite, not hoso's, damaged,
# newer, older, read-only, in a directory that cannot be written.
. "$top_srcdir/tests/lib.sh"

skip() { printf 'ok - # SKIP %s\n' "$1"; }

run list --db "$tmp/missing.db"
check "a missing --db file is an error, not created" status_is 1
check "it is named with a hint" err_has "$tmp/missing.db: no such database file; create it with 'hoso init"
check "nothing was created" test ! -e "$tmp/missing.db"

mkdir "$tmp/dir.db"
run list --db "$tmp/dir.db"
check "a directory is refused" status_is 1
check "with a clear message" err_has "is a directory"

printf 'this is not a database, just text\n' >"$tmp/text.db"
run list --db "$tmp/text.db"
check "a text file is refused" status_is 1
check "as not an SQLite file" err_has "$tmp/text.db: not a hoso database (not an SQLite file)"
check "and left as it was" test "$(cat "$tmp/text.db")" = "this is not a database, just text"

sqlite3 "$tmp/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
run list --db "$tmp/other.db"
check "another program's SQLite database is refused" status_is 1
check "as not one of hoso's" err_has "not one of hoso's"
check "and left as it was" test "$(sqlite3 "$tmp/other.db" 'select count(*) from t')" = 1

seeded "$tmp/good.db"
head -c 8192 "$tmp/good.db" >"$tmp/truncated.db"
run list --db "$tmp/truncated.db"
check "a truncated database gives an error" status_is 1
check "that says the file is damaged" err_has "damaged"
run check --db "$tmp/truncated.db"
check "check reports a truncated database" status_is 1

seeded "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
run list --db "$tmp/newer.db"
check "a database of a newer hoso is refused" status_is 1
check "and the message says so" err_has "made by a newer hoso (schema version 99"

# An older database (schema 1) is upgraded in place, its data kept.
sqlite3 "$tmp/old.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 1;
INSERT INTO programme (id, title, created_at, updated_at) VALUES ('p', 'Chương trình cũ', 'x', 'x');
INSERT INTO item (id, no, programme_id, kind, title, status, created_at, updated_at)
 VALUES ('i1', 1, 'p', 1, 'Thạch cao cũ', 2, 'x', 'x');"
run list --db "$tmp/old.db" --search "thach cao" --format csv
check "an older database is upgraded and searchable" out_has "Thạch cao cũ"
check "its schema is now current" test "$(sqlite3 "$tmp/old.db" 'PRAGMA user_version')" = 3

# A failed upgrade changes nothing.
sqlite3 "$tmp/old2.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old2.db" "PRAGMA user_version = 1; CREATE TABLE item_fts(x);"
run list --db "$tmp/old2.db"
check "an upgrade that fails is an error" status_is 1
check "that says nothing was changed" err_has "nothing was changed"
check "the schema version stays 1" test "$(sqlite3 "$tmp/old2.db" 'PRAGMA user_version')" = 1

# An old database cannot be upgraded read-only.
sqlite3 "$tmp/old3.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old3.db" "PRAGMA user_version = 1"
run list --db "$tmp/old3.db" --read-only
check "an older database opened read-only is refused" status_is 1
check "with the reason" err_has "needs an upgrade"

# A file this user cannot write is read (not refused).
seeded "$tmp/ro.db"
chmod 444 "$tmp/ro.db"
if running_as_root; then
	skip "read-only file (root can write any file)"
else
	run list --db "$tmp/ro.db" --format csv
	check "a read-only database file can be listed" status_is 0
	check "with its items" out_has "Techfest"
	run check --db "$tmp/ro.db"
	check "check works on a read-only file" status_is 0
	check "and says the search index was not checked" out_has "not checked (read-only)"
fi

# A database in a directory this user cannot write (WAL needs it).
mkdir "$tmp/locked"
seeded "$tmp/locked/h.db"
chmod 555 "$tmp/locked"
if running_as_root; then
	skip "unwritable directory (root can write anywhere)"
else
	run list --db "$tmp/locked/h.db" --format csv
	check "a database in an unwritable directory can be listed" status_is 0
	check "with its items" out_has "Techfest"
	run init --db "$tmp/locked/new.db"
	check "init into an unwritable directory fails" status_is 1
	check "and says why" err_has "Permission denied"
fi
chmod 755 "$tmp/locked"

# --read-only never writes: not even the WAL switch or a migration.
seeded "$tmp/keep.db"
before_sum=$(md5sum <"$tmp/keep.db")
run list --db "$tmp/keep.db" --read-only --format csv
check "--read-only lists" status_is 0
check "--read-only leaves the file as it was" test "$(md5sum <"$tmp/keep.db")" = "$before_sum"

# An empty file is no database: refused everywhere, never made one silently,
# and init does not take it either (it never replaces a file).
: >"$tmp/zero.db"
for cmd in list "show 1" check backup; do
	rm -f "$tmp/zero-copy.db"
	if [ "$cmd" = backup ]; then set -- backup "$tmp/zero-copy.db"; else set -- $cmd; fi
	run "$@" --db "$tmp/zero.db"
	check "an empty file is refused by $cmd" status_is 1
	check "$cmd says it is empty and how to make a database" \
		err_has "$tmp/zero.db: the file is empty, not a hoso database; to make a new database there, remove it and run 'hoso init --db $tmp/zero.db'"
	check "$cmd leaves it empty" test ! -s "$tmp/zero.db"
	check "$cmd leaves nothing beside it" test ! -e "$tmp/zero.db-wal" -a ! -e "$tmp/zero.db-shm"
done
run init --db "$tmp/zero.db"
check "init refuses an empty file too" status_is 1
check "as an existing file" err_has "$tmp/zero.db: already exists"
check "and leaves it empty" test ! -s "$tmp/zero.db"
rm "$tmp/zero.db"
run init --db "$tmp/zero.db"
check "once it is removed, init makes the database" status_is 0

finish
