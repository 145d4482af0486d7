#!/bin/sh
# p prints the screen as the clerk sees it through [print] command: the
# status screen against a golden page, a detail; a command that fails or
# is missing leaves the page in the data directory and the status line says
# where; on the item list, p prints the whole list.
. "$top_srcdir/tests/tui/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is missing" >&2; exit 77; }
db="$tmp/m.db"
seeded "$db"
sqlite3 "$db" <"$top_srcdir/tests/cli/meeting.sql" || exit 99
printed="$tmp/printed.txt"
printf '[ui]\ntheme = mono\n[print]\ncommand = "cat > %s"\n' "$printed" >"$tmp/cat.ini"
printf '[print]\ncommand = "cat >/dev/null; exit 1"\n' >"$tmp/fail.ini"
printf '[print]\ncommand = "no-such-print-command-here"\n' >"$tmp/missing.ini"

# page_golden NAME FILE: FILE (masked) is tests/tui/golden/NAME.txt.
page_golden() {
	sed -e '3s/ · [^ ]*$/ · (clerk)/' "$2" >"$screen"
	tui_golden "$1"
}

# ---------------------------------------------------------------- the status screen
tui_start 80x24 --db "$db" --config "$tmp/cat.ini"
tui_keys D
tui_keys p
check "p says the page was sent" sh -c "tail -n 1 '$screen' | grep -q 'Sent to the printer: cat >'"
check "the command got the page" test -s "$printed"
check "the header names the programme" sh -c "head -n 1 '$printed' | grep -q '^Chương trình phối hợp hoạt động'"
check "the screen, the date and the clerk" grep -q "^Status screen · 30/06/2024 · " "$printed"
check "the page is the screen: its figures" grep -q "The whole programme: 42 items, 26 done, 6 overdue" "$printed"
check "the bars as characters" grep -q "#########.  89%" "$printed"
check "no escape sequence in the page" sh -c "! grep -q \"$(printf '\033')\" '$printed'"
check "no line over 80 columns" sh -c "awk 'length > 240' '$printed' | grep -q . && exit 1; \
	while IFS= read -r l; do [ \$(printf '%s' \"\$l\" | wc -m) -le 80 ] || exit 1; done <'$printed'"
page_golden print-dashboard "$printed"
# A frame is drawn with plain characters.
tui_keys q p
check "p on the list asks what to print" screen_has "This screen, as it is"
tui_keys Enter
check "this screen is printed, without the question" sh -c "! grep -q 'This screen, as it is' '$printed'"
check "... as the list is seen" grep -q "Ban hành Kết luận số 312" "$printed"
check "line drawing is plain text" sh -c "! grep -q '[┌─│└┘┐]' '$printed'"

# ---------------------------------------------------------------- the whole list
tui_start 80x12 --db "$db" --config "$tmp/cat.ini"
tui_keys p Down Enter
check "the whole list is sent" sh -c "tail -n 1 '$screen' | grep -q 'Sent to the printer'"
check "it has the rows below the screen" grep -q "Tiếp tục phối hợp, hỗ trợ thành" "$printed"
check "every row of the tree as it is open (21), under the header" test "$(grep -c '%$\|Planned$\|In progress$\|Overdue$\|Done$' "$printed")" -ge 21
tui_keys /
tui_type "dia ban"
tui_keys Enter p Down Enter
check "the whole flat list of a search" test "$(grep -c 'Địa bàn thí điểm số' "$printed")" -eq 12
check "its header names the search" grep -q "^Item list · /dia ban · 30/06/2024" "$printed"

# ---------------------------------------------------------------- a failing command
tui_start 80x24 --db "$db" --config "$tmp/fail.ini"
tui_keys D
tui_keys p
status_line >"$tmp/line"
check "a failing command: the status line says where the page is" grep -q "The page is in $XDG_DATA_HOME/hoso/print-" "$tmp/line"
page=$(ls "$XDG_DATA_HOME"/hoso/print-*.txt 2>/dev/null | head -n 1)
check "the page is in the data directory" test -s "${page:-/nonexistent}"
check "it is the page the command would have got" grep -q "The whole programme: 42 items, 26 done, 6 overdue" "${page:-/nonexistent}"
rm -f "$XDG_DATA_HOME"/hoso/print-*.txt

tui_start 80x24 --db "$db" --config "$tmp/missing.ini"
tui_keys D
tui_keys p
check "a missing command: the page goes to a file too" sh -c "ls '$XDG_DATA_HOME'/hoso/print-*.txt >/dev/null 2>&1"
check "... and the status line says where" sh -c "tail -n 1 '$screen' | grep -q 'The page is in'"
tui_keys Down
check "the screen goes on" screen_has "Status screen"
tui_send F10
check "hoso quits" tui_wait_exit

finish
