#!/bin/sh
# --read-only and a file the clerk cannot write: all readable, editing refused.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sum=$(md5sum <"$db")

tui_start 100x30 --db "$db" --read-only
screen_has "items: 42" || fail "shows ""items: 42"
check "the status line says read-only" screen_has "[read-only]"
for k in a e d u Insert DC; do
	tui_keys "$k"
	check "$k is answered with a read-only message" screen_has "Read-only: this database cannot be changed here"
	tui_keys Down
	screen_lacks "Read-only: this database" || fail "gone: ""Read-only: this database"
done
tui_keys Enter
check "the detail still opens" screen_has "hoso · Item #"
tui_keys e
check "e in the detail is refused too" screen_has "Read-only"
tui_keys q v
check "the register still opens" screen_has "Documents register"
tui_send q q
check "hoso quits" tui_wait_exit
check "the file was not touched" test "$(md5sum <"$db")" = "$sum"

chmod 444 "$db"
if running_as_root; then
	printf 'ok - # SKIP a read-only file (root can write any file)\n'
else
	tui_start 100x30 --db "$db"
	screen_has "items: 42" || fail "shows ""items: 42"
	check "an unwritable file opens read-only" screen_has "[read-only]"
	tui_keys e
	check "editing keys are refused" screen_has "Read-only"
	tui_send q
	check "hoso quits" tui_wait_exit
fi

# Writable: editing says it is not in this version (honestly).
chmod 644 "$db"
tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys e
check "without --read-only, e says editing is not available yet" screen_has "Editing is not available in this version of hoso yet"
tui_send q
check "hoso quits" tui_wait_exit

finish
