#!/bin/sh
# Help: the keys of the current screen, as bound now.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

tui_start 100x40 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys ?
check "? opens the help" screen_has "Keys on this screen (Item list)"
tui_golden help-item-list
check "it lists the search key" screen_has "/:"
check "and the filter" screen_has "Filter by status, kind, year, unit, locality"
check "and the documents register" screen_has "The register of legal documents"
check "and the editing keys, which work now" screen_has "a, Insert:   Add an item"
tui_keys q
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys F1
check "F1 opens it too" screen_has "Keys on this screen"
tui_keys q v F1
check "the help of the register lists its keys" screen_has "Keys on this screen (Documents register)"
check "without the item-list keys" screen_lacks "Filter by status"
tui_send q q q
check "hoso quits" tui_wait_exit

# Rebound keys show in the help.
printf '[keys]\nsearch = F5\nhelp = h, F1\n' >"$tmp/k.ini"
tui_start 100x40 --db "$db" --config "$tmp/k.ini"
screen_has "items: 42" || fail "shows ""items: 42"
check "the top line shows the rebound help key" screen_has "h: help"
tui_keys h
check "h opens the help" screen_has "Keys on this screen"
check "the search key shows as F5" screen_has "F5:"
tui_send q q
check "hoso quits" tui_wait_exit

# The help is derived from the keymaps: the screen's own, then the generic one.
printf '[keys]\ndetail.up = x\nlist.search = F6\n' >"$tmp/k.ini"
tui_start 100x40 --db "$db" --config "$tmp/k.ini"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys ?
check "the list's own actions come first" screen_before "Show the sub-items" "On every screen"
check "then the generic ones" screen_before "On every screen" "Move up"
check "the list's search key as rebound there" screen_has "F6:"
tui_keys q Enter ?
check "the detail's help" screen_has "Keys on this screen (Detail)"
check "up with the detail's own key first" screen_has "x, Up, k:"
check "without the list's actions" screen_lacks "Show the sub-items"
tui_keys q q f ?
check "a menu's help" screen_has "Keys on this screen (Choice)"
check "lists the generic actions" screen_has "Move down"
check "and not the list's" screen_lacks "Filter by status"
tui_send F10
check "hoso quits" tui_wait_exit

finish
