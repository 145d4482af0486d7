#!/bin/sh
# Two clerks, two hoso processes on one database: both edit one item (the
# second save meets the conflict screen: theirs, mine, back to the form),
# both edit different fields (merged), both edit different items (both
# land), and a list shows the other clerk's change without a key.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }

# clerk NAME LOGIN: hoso for that clerk in a terminal of its own (80x24).
clerk() {
	printf '[user]\nname = %s\n' "$2" >"$tmp/$1.ini"
	cat >"$tmp/run-$1.sh" <<RUN
exec "$HOSO" --db "$db" --config "$tmp/$1.ini"
RUN
	$TMUX_CMD new-session -d -s "$1" -x 80 -y 24 "env TERM=xterm-256color HOSO_FRAME_TITLE=1 sh $tmp/run-$1.sh"
	$TMUX_CMD set-option -t "$1" status off >/dev/null 2>&1
	session=$1
	last_frame=0
	tui_sync "$1's first screen"
	eval "frame_$1=\$last_frame"
}

# as NAME: the keys and screens that follow are that clerk's.
as() {
	eval "frame_$session=\$last_frame"
	session=$1
	eval "last_frame=\$frame_$1"
}

# open_item TEXT: the list searched for TEXT, then the form of the first match.
open_item() {
	tui_keys /
	tui_type "$1"
	tui_keys Enter e
}

title_of() { q "SELECT title FROM item WHERE no = $1"; }
pii=$(title_of 2)

clerk an an
clerk binh binh

# Both change the title of one item: the second save meets the conflict screen.
as an
open_item "pii"
check "An edits item #2" screen_has "Edit item #2"
tui_keys Down Down End
tui_type " (An)"
as binh
open_item "pii"
tui_keys Down Down End
tui_type " (Bình)"
tui_keys Down Down Down Down Down C-u
tui_type "75"
tui_keys F2
check "the first save lands" screen_has "Saved item #2 (version 2)"
as an
tui_sync "Binh's save" 2>/dev/null || true
check "the form says another clerk saved meanwhile" screen_has "Another clerk saved this item meanwhile (version 2)"
tui_keys F2
check "the second save meets the conflict screen" screen_has "hoso · Conflict: item #2"
check "it shows the value when the form opened" screen_has "When you opened: Xây dựng dữ liệu tính toán"
check "theirs now" screen_before "Theirs now:      Xây dựng" "Hải Phòng (Bình)"
check "and mine" screen_before "Hải Phòng (Bình)" "Yours:           Xây dựng"
check "(mine)" screen_before "Yours:" "Hải Phòng (An)"
check "a field only they changed merged without asking" screen_has "Merged without asking: Progress (theirs)"
tui_golden conflict-item
tui_keys F2
check "F2 before choosing asks for a choice" screen_has "Choose theirs (t) or mine (m) for every field first"
tui_keys m F2
check "keeping mine saves" screen_has "Saved item #2 (version 3)"
check "mine is stored" test "$(title_of 2)" = "$pii (An)"
check "their other field stays" test "$(q "SELECT progress FROM item WHERE no = 2")" = 75
check "the history has both clerks" test "$(q "SELECT count(DISTINCT login) FROM change WHERE what = 'edit'")" = 2

# Again, and this time An keeps theirs.
tui_keys e Down Down End
tui_type " lần hai"
as binh
tui_keys e Down Down C-u
tui_type "Tiêu đề của Bình"
tui_keys F2
as an
tui_keys F2
check "a conflict again" screen_has "hoso · Conflict: item #2"
tui_keys t F2
check "keeping theirs: nothing of mine to save" screen_has "Nothing changed"
check "theirs is stored" test "$(title_of 2)" = "Tiêu đề của Bình"

# Esc on the conflict screen goes back to the form, with theirs as its start.
tui_keys e Down Down End
tui_type " + An"
as binh
tui_keys e Down Down End
tui_type " + Bình"
tui_keys F2
as an
tui_keys F2
tui_keys Escape
check "Esc goes back to the form" screen_has "Back in the form"
check "the typed title is still there" screen_has "Tiêu đề của Bình + An"
check "the form now starts from their version" screen_has "Item #2, version $(q "SELECT version FROM item WHERE no = 2")"
tui_keys F2
check "saving from there keeps what the form shows" screen_has "Saved item #2"
check "stored" test "$(title_of 2)" = "Tiêu đề của Bình + An"

# Different fields of one item: merged without a question.
tui_keys e Down Down Down Down Down Down Down C-u
tui_type "60"
as binh
tui_keys e Down Down C-u
tui_type "Tiêu đề gộp"
tui_keys F2
as an
tui_keys F2
check "different fields merge without the conflict screen" screen_has "Saved item #2"
check "both changes are stored" test "$(q "SELECT title || '|' || progress FROM item WHERE no = 2")" = "Tiêu đề gộp|60"

# Different items: both land.
tui_keys Escape
tui_keys c
open_item "techfest"
tui_keys Down Down End
tui_type " (An)"
as binh
tui_keys Escape
tui_keys c
open_item "tcvn iso"
tui_keys Down Down End
tui_type " (Bình)"
tui_keys F2
as an
tui_keys F2
check "An's item is saved" screen_has "Saved item #"
check "both items changed" test "$(q "SELECT count(*) FROM item WHERE title LIKE '%(An)' OR title LIKE '%(Bình)'")" = 2

# A list shows another clerk's change without a key.
as an
tui_keys Escape
tui_keys c
tui_keys /
tui_type "techfest"
tui_keys Enter
as binh
tui_keys Escape
tui_keys c
open_item "techfest"
tui_keys Down Down C-u
tui_type "Techfest đổi tên bởi Bình"
tui_keys F2
as an
tui_sync "Binh's save reaching An's list"
check "An's list shows Binh's new title without a key" screen_has "Techfest đổi tên bởi Bình"

finish
