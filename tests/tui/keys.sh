#!/bin/sh
# [keys] rebinding; bad [keys] entries; PuTTY's and xterm's keys; Ctrl-S, Ctrl-Q and Esc.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

printf '[keys]\ndown = n\nup = C-p\nquit = Q\n' >"$tmp/k.ini"
tui_start 100x30 --db "$db" --config "$tmp/k.ini"
tui_wait "items: 42"
tui_keys n n
check "n moves down after 'down = n'" tui_wait " 3/21"
tui_keys j
check "j no longer moves down" tui_wait "j: no action on this key"
tui_keys C-p
check "Ctrl-P moves up" tui_wait " 2/21"
tui_keys Q
check "Q quits" tui_wait_exit
check "with status 0" test "$(tui_exit_status)" = 0

printf '[keys]\nfly = x\n' >"$tmp/bad.ini"
run --db "$db" --config "$tmp/bad.ini"
check "an unknown action in [keys] is refused before the screen starts" status_is 1
check "naming the file, the line and the action" err_has "$tmp/bad.ini:2: [keys] fly: no such action"
printf '[keys]\ndown = Ctrl-Banana\n' >"$tmp/bad.ini"
run --db "$db" --config "$tmp/bad.ini"
check "a bad key name is refused" status_is 1
check "naming the key" err_has "\"Ctrl-Banana\" is not a key name"

tui_start 100x30 --db "$db"
tui_wait "items: 42"
tui_raw 1b 5b 31 31 7e
check "PuTTY's F1 (ESC [11~) opens the help" tui_wait "Keys on this screen"
tui_keys q
tui_wait "items: 42"
tui_raw 1b 5b 34 7e
check "PuTTY's End (ESC [4~) goes to the end" tui_wait " 21/21"
tui_raw 1b 5b 31 7e
check "PuTTY's Home (ESC [1~) goes to the top" tui_wait " 1/21"
tui_raw 1b 4f 46
check "xterm's End (ESC O F) works too" tui_wait " 21/21"
tui_raw 1b 4f 48
check "xterm's Home (ESC O H)" tui_wait " 1/21"
tui_keys C-s
check "Ctrl-S reaches hoso (no flow control)" tui_wait "C-s: no action on this key"
tui_keys C-q
check "Ctrl-Q reaches hoso" tui_wait "C-q: no action on this key"
tui_keys Down
check "the screen still answers after Ctrl-S" tui_wait " 2/21"
tui_keys f
tui_wait "Filter by"
tui_keys Escape
check "a lone Esc is a key (it closes the menu)" tui_wait_gone "Filter by"
tui_keys q
tui_wait_exit

finish
