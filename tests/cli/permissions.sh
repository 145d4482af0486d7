#!/bin/sh
# A clerk who may only read: the database 0640 of another clerk of the group,
# in a directory this clerk cannot write, with and without the -wal and -shm
# files another clerk's hoso leaves (a -shm this clerk cannot write).
#
# Run as root, the clerk is the user nobody, in the group of the files
# (owned by root, mode 0640, directory 0750). Run as another user (CI), the
# files are this user's own with mode 0440 in a directory of mode 0550: the
# same permissions as seen from the clerk (read, no write), without another
# user.
. "$top_srcdir/tests/lib.sh"

if running_as_root; then
	clerk=nobody
	group=$(id -gn "$clerk")
	chmod 755 "$tmp" # the clerk must reach the files, hoso's catalogue and HOME
	as_clerk() {
		runuser -m -u "$clerk" -- "$HOSO" "$@" >"$out" 2>"$err" </dev/null
		status=$?
	}
else
	as_clerk() { run "$@"; }
fi

# lock DIR: the files in DIR readable, not writable, by the clerk; DIR too.
lock() {
	if running_as_root; then
		chown -R "root:$group" "$1"
		find "$1" -type f -exec chmod 640 {} +
		chmod 750 "$1"
	else
		find "$1" -type f -exec chmod 440 {} +
		chmod 550 "$1"
	fi
}

# leave_wal DB: another clerk's hoso changes item 1 and is killed, leaving
# DB-wal (with the change, not yet in DB) and DB-shm.
leave_wal() {
	rm -f "$tmp/fifo" "$tmp/sqlite.out"
	mkfifo "$tmp/fifo"
	sqlite3 "$1" <"$tmp/fifo" >"$tmp/sqlite.out" 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo"
	echo "PRAGMA wal_autocheckpoint = 0; UPDATE item SET title = 'Đổi trong WAL' WHERE no = 1; SELECT 'done';" >&3
	i=0
	while ! grep -q done "$tmp/sqlite.out" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	kill -9 $pid
	exec 3>&-
	wait $pid 2>/dev/null
	rm -f "$tmp/fifo"
}

seeded "$tmp/seed.db"

# share STATE: a fresh $tmp/share/h.db, locked, with STATE beside it:
# clean (nothing), wal (-wal and -shm), shm (-shm only), walonly (-wal only).
share() {
	chmod -R u+rwx "$tmp/share" 2>/dev/null
	rm -rf "$tmp/share"
	mkdir "$tmp/share"
	cp "$tmp/seed.db" "$tmp/share/h.db"
	case $1 in
	wal | shm | walonly) leave_wal "$tmp/share/h.db" ;;
	esac
	case $1 in
	shm) rm -f "$tmp/share/h.db-wal" ;;
	walonly) rm -f "$tmp/share/h.db-shm" ;;
	esac
	lock "$tmp/share"
	db="$tmp/share/h.db"
}

for state in clean wal shm; do
	share $state
	if [ $state = wal ]; then title="Đổi trong WAL"; else title="Ban hành Kết luận số 312"; fi
	for ro in "" --read-only; do
		as_clerk list --db "$db" $ro --format csv
		check "$state $ro: list reads a database the clerk may only read" status_is 0
		check "$state $ro: with its items, as last changed" out_has "$title"
		check "$state $ro: and says nothing on stderr" err_empty
		as_clerk show 1 --db "$db" $ro
		check "$state $ro: show reads it" status_is 0
		check "$state $ro: item 1 as last changed" out_has "$title"
		as_clerk check --db "$db" $ro
		check "$state $ro: check reads it" status_is 0
		check "$state $ro: and finds it whole" out_has "Integrity:       ok"
	done
	ls -a "$tmp/share" >"$tmp/after"
	check "$state: the clerk left no file behind" test "$(grep -c h.db "$tmp/after")" -eq \
		"$(case $state in clean) echo 1 ;; wal) echo 3 ;; shm) echo 2 ;; esac)"
done

# Changes in a -wal file without its -shm: SQLite must make the -shm to read
# them, in a directory the clerk cannot write. The message says so.
share walonly
for ro in "" --read-only; do
	for cmd in list "show 1" check; do
		as_clerk $cmd --db "$db" $ro
		check "walonly $ro: $cmd is refused" status_is 1
		check "walonly $ro: $cmd says which permission is missing" \
			err_has "reading them needs $db-shm, which this user cannot create (no write permission on the directory $tmp/share)"
		check "walonly $ro: $cmd says it in one line" err_lines 1
	done
done

# A -wal file the clerk cannot read at all.
share wal
chmod 000 "$db-wal"
if running_as_root; then chown root "$db-wal"; fi
as_clerk list --db "$db"
check "an unreadable -wal is refused" status_is 1
check "naming it and the permission" err_has "no read permission on $db-wal"

# A clerk who may write the file and the directory, but not the -shm file
# another clerk's hoso left: read-only, not an error on the first write.
share wal
if running_as_root; then
	chmod 660 "$db" "$db-wal"
	chmod 770 "$tmp/share"
else
	chmod 640 "$db" "$db-wal"
	chmod 750 "$tmp/share"
fi
as_clerk list --db "$db" --format csv
check "an unwritable -shm: list works" status_is 0
check "and reads the change in the -wal" out_has "Đổi trong WAL"
as_clerk check --db "$db"
check "an unwritable -shm: check works" status_is 0
chmod -R u+rwx "$tmp/share"

finish
