#!/bin/sh
# Undo and redo of the clerk's own changes (u, U), further back with each u;
# an undo that would overwrite another clerk's later change asks first;
# archiving after a confirmation, the archived items shown (X) and restored
# (r); a comment added from the detail and taken back.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }
t1=$(q "SELECT title FROM item WHERE no = 1")

tui_start 80x24 --db "$db"
# Two saves: the title, then the progress.
tui_keys e Down Down End
tui_type " (sửa)"
tui_keys F2
tui_keys e Down Down Down Down Down Down Down C-u
tui_type "35"
tui_keys F2
check "two changes saved" test "$(q "SELECT title || '|' || progress FROM item WHERE no = 1")" = "$t1 (sửa)|35"
tui_keys u
check "u undoes the last change and says what" screen_has "Undone: item #1, Progress"
check "the progress is back" test "$(q "SELECT ifnull(progress, '') FROM item WHERE no = 1")" = 100
tui_keys u
check "u again goes further back" screen_has "Undone: item #1, Title"
check "the title is back" test "$(q "SELECT title FROM item WHERE no = 1")" = "$t1"
tui_keys U
check "U redoes" screen_has "Redone: item #1, Title"
check "the title is redone" test "$(q "SELECT title FROM item WHERE no = 1")" = "$t1 (sửa)"
tui_keys C-r
check "C-r redoes too" screen_has "Redone: item #1, Progress"
tui_keys U
check "nothing more to redo" screen_has "Nothing to redo"

# An undo that would overwrite another clerk's later change asks first.
printf '[user]\nname = binh\n' >"$tmp/binh.ini"
run set 1 "title=Bình đổi tiêu đề" --db "$db" --config "$tmp/binh.ini"
check "another clerk changes the title" status_is 0
tui_keys u u
check "the undo shows the other clerk's change and asks" screen_has "binh changed Title of item #1"
check "and asks" screen_has "Undo anyway (their change is overwritten)"
tui_keys Enter
check "No keeps their change" test "$(q "SELECT title FROM item WHERE no = 1")" = "Bình đổi tiêu đề"
tui_keys u
tui_keys Down Enter
check "Undo anyway overwrites it, as asked" screen_has "Undone: item #1, Title"
check "the title before An's change is back" test "$(q "SELECT title FROM item WHERE no = 1")" = "$t1"

# Archive after a confirmation; the list and the count leave it; u brings it back.
tui_keys d
check "d asks first" screen_has "Archive item #1"
tui_keys Enter
check "No keeps it" test "$(q "SELECT archived FROM item WHERE no = 1")" = 0
tui_keys Delete Down Enter
check "Delete archives after the confirmation" screen_has "Archived item #1"
check "it stays in the file, archived" test "$(q "SELECT archived FROM item WHERE no = 1")" = 1
tui_keys C-l
check "it leaves the list" screen_has "items: 41"
tui_keys u
check "u restores it" test "$(q "SELECT archived FROM item WHERE no = 1")" = 0
tui_keys d Down Enter
tui_keys X
check "X shows the archived items" screen_has "hoso · Archived items"
check "with the one archived" screen_has "(archived)"
tui_keys r
check "r restores it" screen_has "Restored item #"
check "restored in the file" test "$(q "SELECT count(*) FROM item WHERE archived = 1")" = 0
tui_keys q
tui_keys C-l
check "back in the list" screen_has "items: 42"

# A comment from the detail, taken back with u.
tui_keys Enter c
check "c opens the comment box" screen_has "A comment on item #"
tui_type "Ý kiến của An"
tui_keys Enter
tui_type "dòng hai"
tui_keys F2
check "F2 adds it" screen_has "Comment added"
check "stored with its two lines" test "$(q "SELECT body FROM comment")" = "$(printf 'Ý kiến của An\ndòng hai')"
tui_keys End
check "the detail shows it" screen_has "Ý kiến của An"
tui_keys u
check "u takes the comment back" test "$(q "SELECT count(*) FROM comment")" = 0
tui_keys c Escape
check "an empty comment box closes at once" screen_lacks "A comment on item"
tui_keys c
tui_type "x"
tui_keys Escape
check "a comment typed asks before it is thrown away" screen_has "The comment is not added yet"
tui_keys Down Enter
tui_send q q
check "hoso quits" tui_wait_exit
finish
