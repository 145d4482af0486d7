#!/bin/sh
# The full-screen application for a clerk who may only read the database
# (0640, another clerk's, in a directory this clerk cannot write), with and
# without the -wal and -shm files another clerk's hoso leaves. As root the
# clerk is the user nobody; as another user (CI), the files are that user's
# own with mode 0440 in a directory of mode 0550 (the same permissions).
. "$top_srcdir/tests/tui/lib.sh"

real_hoso=$HOSO
if running_as_root; then
	group=$(id -gn nobody)
	chmod 755 "$tmp"
	printf '#!/bin/sh\nexec runuser -m -u nobody -- "%s" "$@"\n' "$real_hoso" >"$tmp/as-clerk"
	chmod 755 "$tmp/as-clerk"
	HOSO="$tmp/as-clerk"
fi

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

# Another clerk's hoso changes item 1 and is killed: DB-wal and DB-shm stay.
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

"$real_hoso" init --db "$tmp/seed.db" >/dev/null 2>&1 </dev/null
share() {
	chmod -R u+rwx "$tmp/share" 2>/dev/null
	rm -rf "$tmp/share"
	mkdir "$tmp/share"
	cp "$tmp/seed.db" "$tmp/share/h.db"
	case $1 in wal | walonly) leave_wal "$tmp/share/h.db" ;; esac
	[ "$1" = walonly ] && rm -f "$tmp/share/h.db-shm"
	lock "$tmp/share"
	db="$tmp/share/h.db"
}

for state in clean wal; do
	share $state
	if [ $state = wal ]; then title="Đổi trong WAL"; else title="Ban hành Kết luận số 312"; fi
	for ro in "" --read-only; do
		if [ -n "$ro" ]; then tui_start 100x30 --db "$db" "$ro"; else tui_start 100x30 --db "$db"; fi
		check "$state $ro: the full-screen app opens a database the clerk may only read" screen_has "items: 42"
		check "$state $ro: it says read-only" screen_has "[read-only]"
		check "$state $ro: item 1 as last changed" screen_has "$title"
		tui_keys e
		check "$state $ro: editing is refused as read-only" screen_has "Read-only"
		tui_send q
		tui_wait_exit
		check "$state $ro: and it ends well" test "$(tui_exit_status)" = 0
	done
done

share walonly
tui_launch 100x30 --db "$db"
check "hoso ends" tui_wait_exit
check "changes waiting without their -shm: the app does not start" test "$(tui_exit_status)" = 1
joined() { tui_capture; tr -d '\n' <"$screen" | grep -qF -- "$1"; }
check "and says which permission is missing" joined "which this user cannot create (no write permission on the directory $tmp/share)"
chmod -R u+rwx "$tmp/share"

finish
