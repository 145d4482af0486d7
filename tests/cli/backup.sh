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

# ------------------------------------------------------------------ restore

# leave_wal DB SQL: a clerk's hoso runs SQL on DB and is killed, leaving
# DB-wal (changes not yet in DB) and DB-shm, as a crash does.
leave_wal() {
	rm -f "$tmp/fifo" "$tmp/sqlite.out"
	mkfifo "$tmp/fifo"
	sqlite3 "$1" <"$tmp/fifo" >"$tmp/sqlite.out" 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo"
	echo "PRAGMA wal_autocheckpoint = 0; $2; SELECT 'done';" >&3
	i=0
	while ! grep -q done "$tmp/sqlite.out" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	kill -9 $pid
	exec 3>&-
	wait $pid 2>/dev/null
	rm -f "$tmp/fifo"
}

# A crash leaves changes in the -wal: the next hoso takes them in.
r="$tmp/r.db"
seeded "$r"
leave_wal "$r" "UPDATE item SET title = 'Sau sự cố' WHERE no = 1"
check "a killed clerk left a -wal" test -s "$r-wal"
run show 1 --db "$r"
check "the changes a crash left in the -wal are taken in" out_has "Sau sự cố"

# ... also after a checkpoint wrote part of them into the file (the file is
# then newer than the -wal).
seeded "$r.2"
leave_wal "$r.2" "UPDATE item SET title = 'Trước điểm lưu' WHERE no = 1; PRAGMA wal_checkpoint(PASSIVE); UPDATE item SET notes = 'sau' WHERE no = 2; PRAGMA wal_checkpoint(PASSIVE)"
# Within one tick of the clock both may have the same time: make the order certain.
touch -m -d '@1000000000' "$r.2-wal"
check "the file is newer than the -wal" test "$r.2" -nt "$r.2-wal"
run show 1 --db "$r.2"
check "a -wal written into the file by a checkpoint is not refused" status_is 0
check "and the file reads right" out_has "Trước điểm lưu"

# A backup copied over the database beside the -wal a crash left: SQLite
# would mix the old -wal into the restored file. Refused, with what to do.
seeded "$r.3"
"$HOSO" backup --db "$r.3" "$tmp/r3-backup.db" >/dev/null
leave_wal "$r.3" "UPDATE item SET title = 'Chỉ trong WAL' WHERE no = 1"
cp "$tmp/r3-backup.db" "$r.3"
sums=$(cat "$r.3" "$r.3-wal" | md5sum)
for cmd in list "show 1" check; do
	run $cmd --db "$r.3"
	check "a -wal of another copy is refused by $cmd" status_is 1
	check "$cmd names it and says what to do" err_has "$r.3: the file $r.3-wal does not belong to this database"
	check "$cmd points to the safe restore" err_has "hoso backup --restore FILE"
done
check "and nothing was mixed in: the file and the -wal are as they were" test "$(cat "$r.3" "$r.3-wal" | md5sum)" = "$sums"
mv "$r.3-wal" "$tmp/r3-wal.moved"
rm -f "$r.3-shm"
run show 1 --db "$r.3"
check "with the -wal moved away, the restored copy opens" status_is 0
check "as the backup was" out_lacks "Chỉ trong WAL"

# The same after a checkpoint wrote the -wal into the file (the -shm says
# so), with the backup's own date kept (cp -p: the file looks older than
# the -wal): the copied pages are not the ones the -shm says were written.
seeded "$r.4"
"$HOSO" backup --db "$r.4" "$tmp/r4-backup.db" >/dev/null
touch -d '2024-01-01 00:00' "$tmp/r4-backup.db"
leave_wal "$r.4" "UPDATE item SET title = 'Đã lưu' WHERE no = 1; PRAGMA wal_checkpoint(PASSIVE)"
cp -p "$tmp/r4-backup.db" "$r.4"
check "the copy looks older than the -wal" test "$r.4-wal" -nt "$r.4"
run list --db "$r.4"
check "a -wal of another copy is refused after a checkpoint too" err_has "does not belong to this database"

# The safe restore: backup --restore, in one step, with the -wal right.
seeded "$r.5"
"$HOSO" backup --db "$r.5" "$tmp/r5-backup.db" >/dev/null
sqlite3 "$r.5" "UPDATE item SET title = 'Sửa sau sao lưu' WHERE no = 1"
leave_wal "$r.5" "UPDATE item SET notes = 'trong WAL' WHERE no = 3"
run backup --restore "$tmp/r5-backup.db" --db "$r.5"
check "backup --restore exits 0" status_is 0
check "and says what it did" out_has "Restored $r.5 from $tmp/r5-backup.db."
run show 1 --db "$r.5"
check "the restored database is the backup" out_has "Ban hành Kết luận số 312"
check "the change after the backup is gone" out_lacks "Sửa sau sao lưu"
run check --db "$r.5"
check "the restored database passes check" status_is 0
check "with its items" out_has "Items:           42"

# A reader keeps what it read, then sees the restored records.
sqlite3 "$r.5" "UPDATE item SET title = 'Trước khi khôi phục' WHERE no = 1"
rm -f "$tmp/fifo" "$tmp/reader.out"
mkfifo "$tmp/fifo"
sqlite3 "$r.5" <"$tmp/fifo" >"$tmp/reader.out" 2>&1 &
reader=$!
exec 3>"$tmp/fifo"
echo "BEGIN; SELECT 'first: ' || title FROM item WHERE no = 1;" >&3
i=0
while ! grep -q "first:" "$tmp/reader.out" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
run backup --restore "$tmp/r5-backup.db" --db "$r.5"
check "backup --restore works while another clerk reads" status_is 0
echo "SELECT 'again: ' || title FROM item WHERE no = 1; COMMIT; SELECT 'after: ' || title FROM item WHERE no = 1;" >&3
exec 3>&-
wait $reader
check "the reader's open transaction still sees what it read" grep -q "again: Trước khi khôi phục" "$tmp/reader.out"
check "and its next one sees the restored records" grep -q "after: Ban hành Kết luận số 312" "$tmp/reader.out"
rm -f "$tmp/fifo"

# Refused while another clerk writes (after the busy timeout).
printf '[database]\nbusy_timeout = 200\n' >"$tmp/short.ini"
rm -f "$tmp/fifo" "$tmp/writer.out"
mkfifo "$tmp/fifo"
sqlite3 "$r.5" <"$tmp/fifo" >"$tmp/writer.out" 2>&1 &
writer=$!
exec 3>"$tmp/fifo"
echo "BEGIN IMMEDIATE; UPDATE item SET title = 'Đang ghi' WHERE no = 1; SELECT 'writing';" >&3
i=0
while ! grep -q "writing" "$tmp/writer.out" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
run backup --restore "$tmp/r5-backup.db" --db "$r.5" --config "$tmp/short.ini"
check "backup --restore is refused while another clerk writes" status_is 1
check "saying so" err_has "another clerk or program is writing the database; nothing was restored"
echo "ROLLBACK;" >&3
exec 3>&-
wait $writer
rm -f "$tmp/fifo"

# What is refused, and leaves the database as it was.
sum=$(sqlite3 "$r.5" "SELECT group_concat(title) FROM item")
run backup --restore "$tmp/r5-backup.db" --db "$r.5" --read-only
check "backup --restore --read-only is a usage error" status_is 2
printf 'not a database\n' >"$tmp/text.db"
run backup --restore "$tmp/text.db" --db "$r.5"
check "a file that is not SQLite is refused" status_is 1
check "naming it" err_has "$tmp/text.db: not a hoso database (not an SQLite file)"
: >"$tmp/empty.db"
run backup --restore "$tmp/empty.db" --db "$r.5"
check "an empty file is refused" err_has "$tmp/empty.db: the file is empty"
sqlite3 "$tmp/other.db" "CREATE TABLE t(x)"
run backup --restore "$tmp/other.db" --db "$r.5"
check "another program's database is refused" err_has "not one of hoso's"
cp "$tmp/r5-backup.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
run backup --restore "$tmp/newer.db" --db "$r.5"
check "a copy made by a newer hoso is refused" err_has "$tmp/newer.db: made by a newer hoso (schema version 99"
cp "$tmp/r5-backup.db" "$tmp/damaged.db"
sqlite3 "$tmp/damaged.db" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET rootpage = 3 WHERE name = 'item_title'" 2>/dev/null
run backup --restore "$tmp/damaged.db" --db "$r.5"
check "a damaged copy is refused" status_is 1
check "saying it is damaged" err_has "$tmp/damaged.db: the copy is damaged"
run backup --restore "$r.5" --db "$r.5"
check "the database itself is refused" err_has "is the database itself"
check "the database is as it was after all these" test "$(sqlite3 "$r.5" "SELECT group_concat(title) FROM item")" = "$sum"

# A missing database is made from the copy, as init makes one.
run backup --restore "$tmp/r5-backup.db" --db "$tmp/fresh.db"
check "backup --restore makes a missing database" status_is 0
run check --db "$tmp/fresh.db"
check "which passes check" status_is 0
check "with the backup's items" out_has "Items:           42"

finish
