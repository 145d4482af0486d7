#!/bin/sh
# --read-only and a file the clerk cannot write: all readable, editing refused.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sum=$(md5sum <"$db")

tui_start 100x30 --db "$db" --read-only
tui_wait "items: 42"
check "the status line says read-only" screen_has "[read-only]"
for k in a e d u Insert DC; do
	tui_keys "$k"
	check "$k is answered with a read-only message" tui_wait "Read-only: this database cannot be changed here"
	tui_keys Down
	tui_wait_gone "Read-only: this database"
done
tui_keys Enter
check "the detail still opens" tui_wait "hoso · Item #"
tui_keys e
check "e in the detail is refused too" tui_wait "Read-only"
tui_keys q v
check "the register still opens" tui_wait "Documents register"
tui_keys q q
tui_wait_exit
check "the file was not touched" test "$(md5sum <"$db")" = "$sum"

chmod 444 "$db"
if running_as_root; then
	printf 'ok - # SKIP a read-only file (root can write any file)\n'
else
	tui_start 100x30 --db "$db"
	tui_wait "items: 42"
	check "an unwritable file opens read-only" screen_has "[read-only]"
	tui_keys e
	check "editing keys are refused" tui_wait "Read-only"
	tui_keys q
	tui_wait_exit
fi

# Writable: editing says it is not in this version (honestly).
chmod 644 "$db"
tui_start 100x30 --db "$db"
tui_wait "items: 42"
tui_keys e
check "without --read-only, e says editing is not available yet" tui_wait "Editing is not available in this version of hoso yet"
tui_keys q
tui_wait_exit

finish
