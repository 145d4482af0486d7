#!/bin/sh
# --read-only and a file the clerk cannot write: all readable, editing refused.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sum=$(md5sum <"$db")

tui_start 100x30 --db "$db" --read-only
screen_has "items: 42" || fail "shows ""items: 42"
check "the status line says read-only" screen_has "[read-only]"
for k in a A e d u U C-r r Insert DC; do
	tui_keys "$k"
	check "$k is answered with a read-only message" screen_has "Read-only: this database cannot be changed here"
	tui_keys Down
	screen_lacks "Read-only: this database" || fail "gone: ""Read-only: this database"
done
tui_keys Enter
check "the detail still opens" screen_has "hoso · Item #"
tui_keys e
check "e in the detail is refused too" screen_has "Read-only"
check "and no form opens" screen_lacks "Edit item"
tui_keys c
check "c (a comment) in the detail is refused" screen_has "Read-only"
tui_keys q v
check "the register still opens" screen_has "Documents register"
for k in a e d r; do
	tui_keys "$k"
	check "$k in the documents register is refused" screen_has "Read-only: this database"
done
tui_keys X
check "the archived documents can be looked at" screen_has "Archived documents"
tui_keys q q o
check "the units register opens" screen_has "hoso · Units"
for k in a e d r; do
	tui_keys "$k"
	check "$k in the units register is refused" screen_has "Read-only: this database"
done
tui_keys q l
for k in a e d r; do
	tui_keys "$k"
	check "$k in the localities register is refused" screen_has "Read-only: this database"
done
check "no form opened anywhere" screen_lacks "New locality"
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

# Writable: the same key opens the form.
chmod 644 "$db"
tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys e
check "without --read-only, e opens the form" screen_has "hoso · Edit item #1"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

finish
