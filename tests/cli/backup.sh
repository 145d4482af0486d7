#!/bin/sh
# hoso backup: a consistent copy, also while another process writes.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"

run backup --db "$db" "$tmp/copy.db"
check "backup exits 0" status_is 0
check "the copy exists" test -f "$tmp/copy.db"
run check --db "$tmp/copy.db"
check "the copy passes check" status_is 0
check "the copy holds the items" out_has "Items:           42"
check "no temporary file is left" sh -c "! ls -a '$tmp' | grep -q hoso-backup"

run backup --db "$db" "$tmp/copy.db"
check "backup refuses to overwrite" status_is 1
check "and says so" err_has "already exists"

run backup --db "$db" "$tmp/no/such/dir/copy.db"
check "backup into a missing directory fails" status_is 1

# A writer commits transactions of 50 history rows while the backup runs:
# the copy must hold a whole number of transactions and pass its checks.
big="$tmp/big.db"
seeded "$big"
sqlite3 "$big" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
 INSERT INTO history (id, at, login, entity, entity_id, field, old_value, new_value)
 SELECT 'h' || i, '2024-01-01T00:00:00Z', 'test', 'item', 'x', 'notes', NULL, hex(randomblob(40)) FROM n"
before=$(sqlite3 "$big" "select count(*) from history")
(
	i=0
	while [ ! -e "$tmp/stop" ] && [ $i -lt 400 ]; do
		sqlite3 "$big" "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;
		 WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 50)
		 INSERT INTO history (id, at, login, entity, entity_id, field, old_value, new_value)
		 SELECT 'w$i-' || k, '2024-01-01T00:00:00Z', 'writer', 'item', 'x', 'notes', NULL, 'x' FROM n;
		 COMMIT;" 2>/dev/null
		i=$((i + 1))
	done
) &
writer=$!
sleep 0.3
run backup --db "$big" "$tmp/big-copy.db"
touch "$tmp/stop"
wait "$writer"
check "backup while writing exits 0" status_is 0
run check --db "$tmp/big-copy.db"
check "the copy made while writing passes check" status_is 0
rows=$(sqlite3 "$tmp/big-copy.db" "select count(*) from history")
check "the copy holds whole transactions only" test $(( (rows - before) % 50 )) -eq 0
check "the copy holds at least what was there before" test "$rows" -ge "$before"

finish
