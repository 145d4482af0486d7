#!/bin/sh
# The item form on an existing item: what it says it is, every check that
# refuses a value (with the typed text kept), cancelling with and without
# changes, a resize mid-form, a busy database and a full disk.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }
changes=$(q "SELECT count(*) FROM change")

tui_start 80x24 --db "$db"
tui_keys /
tui_type "tcvn iso 18091"
tui_keys Enter
tui_keys e
check "e edits the item under the cursor" screen_has "hoso · Edit item #13"
check "the form says which item and version" screen_has "Item #13, version 1"
tui_golden form-item-edit

# Every check, each with its message beside the field, nothing thrown away.
tui_keys Down
tui_type "TCVN ISO"
tui_keys C-u
tui_type "PII"
tui_keys Tab
check "a code another item has is refused" screen_has "! another item already has 'PII'"
tui_keys C-u
tui_keys Tab
check "an empty title is refused" screen_has "! cannot be empty"
tui_keys Up
tui_type "Tiêu đề mới"
tui_keys Tab
check "a title clears it" screen_lacks "cannot be empty"
tui_keys Enter
tui_type "14"
check "the pick list finds an item by its number" screen_has "#14"
tui_keys Enter
check "a parent under the item itself is refused" screen_has "! it cannot be under itself or under what is under it"
tui_keys F2
check "F2 with errors saves nothing" screen_has "fields need attention; nothing was saved"
check "the cursor goes to the first field at fault" screen_has "> Code:          PII"
check "what was typed stays" screen_has "Title*:        Tiêu đề mới"
check "nothing was written" test "$(q "SELECT count(*) FROM change")" = "$changes"

# Esc with changes asks; keeping on editing keeps everything.
tui_keys Escape
check "Esc with changes asks first" screen_has "Something was changed. Leave the form?"
tui_keys Enter
check "keep editing: the form and its text are back" screen_has "Title*:        Tiêu đề mới"
# A resize mid-form keeps every typed character.
tui_keys Down End
tui_type ", tiếp tục gõ ở đây"
tui_resize 60x16
check "smaller: the form scrolls to the field being typed in" screen_has "tiếp tục gõ ở đây"
tui_resize 40x12
check "at 40x12 it still shows the end being typed" screen_has "gõ ở đây"
tui_resize 100x30
check "larger again: every character is there" screen_has "Title*:        Tiêu đề mới, tiếp tục gõ ở đây"
check "and the code" screen_has "Code:          PII"
check "every line fits the width" screen_fits 100
tui_keys Escape
tui_keys Down Enter
check "throwing the changes away leaves the form" screen_has "1/1 found"
check "and wrote nothing" test "$(q "SELECT count(*) FROM change")" = "$changes"
tui_send q
tui_wait_exit

# A database another program keeps busy: a message, the typed text kept, F2 again saves.
cat >"$tmp/busy.ini" <<INI
[database]
busy_timeout = 200
INI
tui_start 80x24 --db "$db" --config "$tmp/busy.ini"
tui_keys e Down Down End
tui_type " (bận)"
python3 - "$db" "$tmp/locked" "$tmp/release" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").write("1")
for _ in range(500):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.02)
c.execute("ROLLBACK")
PY
tui_wait_file "$tmp/locked"
tui_keys F2
check "a busy database: a message" screen_has "the database is busy"
check "it says the typed text is kept and how to retry" screen_has "F2 tries again"
check "the form and its text stay" screen_has "(bận)"
touch "$tmp/release"
wait
tui_keys F2
check "F2 again saves" screen_has "Saved item #1 (version 2)"
check "the text is in the file" test "$(q "SELECT count(*) FROM item WHERE no = 1 AND title LIKE '%(bận)'")" = 1
tui_send q
tui_wait_exit

# A disk that fills up during the save: a clear message, the form kept, the file whole.
if unshare -Urm true 2>/dev/null; then
	mkdir -p "$tmp/small"
	cat >"$tmp/full.sh" <<RUN
mount -t tmpfs -o size=4m tmpfs "$tmp/small" || exit 1
cp "$db" "$tmp/small/h.db"
exec "$HOSO" --db "$tmp/small/h.db"
RUN
	rm -f "$tmp/pid"
	tui_forget_exit
	cat >"$tmp/run-full.sh" <<RUN
echo \$\$ >"$tmp/pid"
exec unshare -Urm sh "$tmp/full.sh"
RUN
	tui_new_session 80 24 "env TERM=xterm-256color HOSO_FRAME_TITLE=1 sh $tmp/run-full.sh"
	last_frame=0
	tui_wait_file "$tmp/pid"
	tui_sync "hoso on a small disk"
	tui_keys e Down Down End
	tui_type " (đầy)"
	pid=$(pgrep -f "hoso --db $tmp/small/h.db" | head -n 1)
	dd if=/dev/zero of="/proc/$pid/root$tmp/small/filler" bs=64k 2>/dev/null
	tui_keys F2
	check "a full disk: a clear message" screen_has "the disk is full"
	check "the form and its text stay" screen_has "(đầy)"
	rm -f "/proc/$pid/root$tmp/small/filler"
	tui_keys F2
	check "with room again, F2 saves" screen_has "Saved item #1"
	cp "/proc/$pid/root$tmp/small/h.db" "$tmp/after.db"
	cp "/proc/$pid/root$tmp/small/h.db-wal" "$tmp/after.db-wal" 2>/dev/null
	run check --db "$tmp/after.db"
	check "the database is intact" status_is 0
	tui_send q
else
	printf 'ok - # SKIP a full disk (no user namespaces here)\n'
fi

finish
