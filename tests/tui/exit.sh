#!/bin/sh
# The terminal is restored on every way out: q, an error, SIGTERM, SIGHUP,
# SIGINT, and a crash (SIGABRT, as a failed assertion raises).
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_send q
check "q: hoso ends" tui_wait_exit
check "q: status 0" test "$(tui_exit_status)" = 0
check "q: the terminal is restored" terminal_restored
check "q: the shell's screen is back" screen_has "SHELL-PROMPT"

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_send F10
check "F10 quits from any screen" tui_wait_exit

for sig in TERM HUP INT QUIT ABRT; do
	tui_start 100x30 --db "$db"
	screen_has "items: 42" || fail "shows ""items: 42"
	tui_keys Enter
	screen_has "hoso · Item #1" || fail "shows ""hoso · Item #1"
	kill -s "$sig" "$(cat "$tmp/pid")"
	check "SIG$sig: hoso ends" tui_wait_exit
	case $sig in
	TERM) want=143 ;;
	HUP) want=129 ;;
	INT) want=130 ;;
	QUIT) want=131 ;;
	ABRT) want=134 ;;
	esac
	check "SIG$sig: exit status $want" test "$(tui_exit_status)" = "$want"
	check "SIG$sig: the terminal is restored" terminal_restored
done

# An error before the screen starts leaves the terminal alone.
tui_launch 100x30 --db "$tmp/missing.db"
check "an error: hoso ends" tui_wait_exit
check "an error: status 1" test "$(tui_exit_status)" = 1
check "an error: the terminal is as it was" terminal_restored

finish
