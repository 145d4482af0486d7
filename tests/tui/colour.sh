#!/bin/sh
# Colours, their absence (NO_COLOR, mono, a terminal without colours), and line drawing.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sqlite3 "$db" "UPDATE item SET due_date = '2024-01-01' WHERE no = 42"

capture_escapes() { $TMUX_CMD capture-pane -e -p -t "$session" >"$screen"; }
has_colour() { capture_escapes; grep -q "$(printf '\033')\\[[0-9;]*3[1-7][m;]" "$screen"; }

tui_start 100x30 --db "$db"
tui_wait "items: 42"
check "colours are used by default" has_colour
tui_keys q
tui_wait_exit

cat >"$tmp/nc.sh" <<RUN
#!/bin/sh
exec env NO_COLOR=1 "$HOSO" --db "$db"
RUN
tui_new_session 100 30 "sh $tmp/nc.sh; sleep 600"
tui_wait "items: 42"
check "NO_COLOR turns colours off" sh -c "! { $TMUX_CMD capture-pane -e -p -t $session | grep -q \"$(printf '\033')\\[[0-9;]*3[1-7][m;]\"; }"
check "overdue is still told apart without colour" screen_has "Overdue"
tui_keys q

printf '[ui]\ntheme = mono\n' >"$tmp/mono.ini"
tui_start 100x30 --db "$db" --config "$tmp/mono.ini"
tui_wait "items: 42"
check "theme = mono has no colours" sh -c "! { $TMUX_CMD capture-pane -e -p -t $session | grep -q \"$(printf '\033')\\[[0-9;]*3[1-7][m;]\"; }"
check "progress shows as characters in mono" screen_has "#####"
tui_keys q
tui_wait_exit

TUI_TERM=vt100 tui_start 100x30 --db "$db"
check "a terminal without colours works" tui_wait "items: 42"
tui_keys f
check "and draws the menu frame" tui_wait "Filter by"
tui_keys Escape q
tui_wait_exit

TUI_TERM=linux tui_start 100x30 --db "$db"
tui_wait "items: 42"
tui_keys f
check "on the Linux console the menu frame uses box characters" tui_wait "┌"
tui_keys Escape q
tui_wait_exit

TUI_TERM=putty-256color tui_start 100x30 --db "$db"
check "TERM=putty-256color works" tui_wait "items: 42"
tui_keys q
tui_wait_exit

TUI_TERM=no-such-terminal tui_start 100x30 --db "$db"
check "an unknown TERM: hoso ends" tui_wait_exit
check "with status 1" test "$(tui_exit_status)" = 1

finish
