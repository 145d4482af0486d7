#!/bin/sh
# Keys: [keys] rebinding and its traps; every terminal's sequences (PuTTY,
# xterm, screen, the Linux console); the keypad; Ctrl-S, Ctrl-Q, Ctrl-C,
# Ctrl-Z; Esc; pasted text.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

printf '[keys]\ndown = n\nup = C-p\nquit = Q\n' >"$tmp/k.ini"
tui_start 100x30 --db "$db" --config "$tmp/k.ini"
tui_keys n n
check "n moves down after 'down = n'" screen_has " 3/21"
tui_keys j
check "j no longer moves down" screen_has "j does nothing here"
tui_keys C-p
check "Ctrl-P moves up" screen_has " 2/21"
tui_send Q
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

# A [keys] section could trap every clerk: no key left to go back or quit.
printf '[keys]\nquit = x\nhelp = q Esc C-c\n' >"$tmp/trap.ini"
run --db "$db" --config "$tmp/trap.ini"
check "a [keys] section that leaves 'back' without a key is refused" status_is 1
check "naming the line that took its last key" err_has "$tmp/trap.ini:3: [keys] help: takes the last key of \"back\""
printf '[keys]\nhelp = F10\n' >"$tmp/trap.ini"
run --db "$db" --config "$tmp/trap.ini"
check "F10 cannot be given to another action" err_has "F10 always quits hoso"
printf '[keys]\nquit = x\n' >"$tmp/quit.ini"
tui_start 100x30 --db "$db" --config "$tmp/quit.ini"
tui_keys Enter
tui_send F10
check "F10 still quits after 'quit = x', from the detail" tui_wait_exit
check "with status 0" test "$(tui_exit_status)" = 0

# A keymap per kind of screen: keymap.action binds on those screens only.
printf '[keys]\nlist.back = b\ndetail.back = x\nlist.quit = x\n' >"$tmp/km.ini"
tui_start 100x30 --db "$db" --config "$tmp/km.ini"
tui_keys Enter
check "Enter opens the detail" screen_has "hoso · Item #1"
tui_keys b
check "b is nothing on the detail ('list.back = b')" screen_has "b does nothing here"
tui_keys x
check "x goes back from the detail ('detail.back = x')" screen_has "items: 42"
tui_keys Enter q
check "q still goes back from the detail (the generic keymap)" screen_has "items: 42"
tui_send x
check "x quits from the list ('list.quit = x')" tui_wait_exit
check "with status 0" test "$(tui_exit_status)" = 0
printf '[keys]\nlsit.back = b\n' >"$tmp/bad.ini"
run --db "$db" --config "$tmp/bad.ini"
check "a keymap that is none is refused" status_is 1
check "naming the file, the line and the keymap" err_has "$tmp/bad.ini:2: [keys] lsit.back: no keymap \"lsit\""
printf '[keys]\nlist.help = q Esc C-c\n' >"$tmp/trap.ini"
run --db "$db" --config "$tmp/trap.ini"
check "a keymap left without 'back' is refused" status_is 1
check "naming the line and the keymap" err_has "$tmp/trap.ini:2: [keys] list.help: takes the last key of \"back\" in the keymap \"list\""

tui_start 100x30 --db "$db"
tui_raw 1b 5b 31 31 7e
check "PuTTY's F1 (ESC [11~) opens the help" screen_has "Keys on this screen"
tui_keys q
tui_raw 1b 5b 34 7e
check "PuTTY's End (ESC [4~) goes to the end" screen_has " 21/21"
tui_raw 1b 5b 31 7e
check "PuTTY's Home (ESC [1~) goes to the top" screen_has " 1/21"
tui_raw 1b 4f 46
check "xterm's End (ESC O F) works too" screen_has " 21/21"
tui_raw 1b 4f 48
check "xterm's Home (ESC O H)" screen_has " 1/21"
tui_raw 1b 5b 5b 41
check "the Linux console's F1 (ESC [[A) opens the help" screen_has "Keys on this screen"
tui_keys q
tui_keys C-s
check "Ctrl-S reaches hoso (no flow control)" screen_has "C-s does nothing here"
tui_keys C-q
check "Ctrl-Q reaches hoso" screen_has "C-q does nothing here"
tui_keys Down
check "the screen still answers after Ctrl-S" screen_has " 2/21"
tui_keys f
check "f opens the filter menu" screen_has "Filter by"
tui_keys Escape
check "a lone Esc is a key (it closes the menu)" screen_lacks "Filter by"
tui_keys f
tui_keys C-c
check "Ctrl-C cancels as Esc does (it closes the menu)" screen_lacks "Filter by"
tui_send C-c
check "Ctrl-C on the list quits, as Esc does" tui_wait_exit
check "with status 0" test "$(tui_exit_status)" = 0

# An escape sequence hoso did not know quit it (Esc, then letters).
TUI_TERM=xterm tui_start 100x30 --db "$db"
tui_raw 1b 5b 42
check "ESC [ B (PuTTY's arrow without application mode) moves down" screen_has " 2/21"
tui_raw 1b 5b 31 3b 35 41
check "ESC [1;5A (Ctrl+Up under screen) is named and does nothing" screen_has "C-Up does nothing here"
tui_raw 1b 6a
check "ESC j (Alt+j) is named and does nothing" screen_has "M-j does nothing here"
tui_raw 1b 5b 5b 41
check "ESC [[A is the Linux console's F1" screen_has "Keys on this screen"
tui_keys q
tui_raw 1b 5b 39 39 7e
check "an unknown sequence says so and is ignored" screen_has "a key hoso does not know"
tui_raw 1b 5b 31 3b 32 42
check "Shift+Down is named" screen_has "S-Down does nothing here"
check "hoso is still running after all of them" test ! -s "$exit_file"
check "keys without a name never show as a number" screen_lacks "key 2"

# PuTTY's numeric keypad in application mode: digits type digits (Num Lock opened the help).
check "hoso leaves the keypad in numeric mode" test "$(tui_pane '#{keypad_flag}')" = 0
tui_keys /
tui_raw 1b 4f 71 1b 4f 77
check "keypad 1 and 7 (ESC O q, ESC O w) type 17 into the search" screen_has "Search: 17"
tui_keys Escape

# Pasted text is never a command (a pasted "q" does not quit).
tui_paste "q"
check "a paste into the list is ignored, and says so" screen_has "Pasted text goes into a search"
tui_keys /
tui_paste "thach
cao"
check "a paste with a line break goes into the search as one line" screen_has "Search: thach cao"
check "and searches" screen_has "(1)"
tui_keys Escape
tui_send q
check "hoso quits" tui_wait_exit

# Ctrl-Z suspends hoso to the shell; fg brings it back, redrawn.
tui_new_session 100 30 "env TERM=xterm-256color HOSO_FRAME_TITLE=1 bash --norc --noprofile -i"
last_frame=0
tui_forget_exit
$TMUX_CMD send-keys -t "$session" "PS1='SHELL> '; \"$HOSO\" --db \"$db\"" Enter
tui_sync "starting hoso from a shell"
tui_keys Down
tui_send C-z
i=0
while [ $i -lt 250 ] && ! { tui_capture; grep -q "Stopped" "$screen"; }; do sleep 0.02; i=$((i + 1)); done
check "Ctrl-Z stops hoso and the shell says so" screen_has "Stopped"
check "the shell's screen is back" screen_lacks "items: 42"
$TMUX_CMD send-keys -t "$session" "fg" Enter
tui_sync "fg"
check "fg brings hoso back, redrawn" screen_has "items: 42"
check "where it was" screen_has " 2/21"
tui_keys Down
check "and it answers keys again" screen_has " 3/21"
tui_send q

finish
