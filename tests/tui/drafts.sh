#!/bin/sh
# Nothing typed is lost: an open form is kept as a draft (mode 0600 under
# the data directory) when the terminal goes (SIGHUP), on SIGTERM, and every
# few seconds while typing (kill -9 then loses at most those seconds); the
# next start offers it; a draft whose record changed meanwhile goes through
# the conflict screen; the comment box keeps its text the same way; damaged
# drafts are left aside with a note.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }
drafts="$XDG_DATA_HOME/hoso/drafts"
draft_files() { ls "$drafts" 2>/dev/null | grep -c '\.draft$'; }

# Waits (up to 5 s) for hoso's process to be gone.
gone() {
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
	! kill -0 "$1" 2>/dev/null
}

# SIGHUP: the terminal goes away mid-form.
tui_start 80x24 --db "$db"
tui_keys e Down Down End
tui_type " — bản nháp một"
pid=$(cat "$tmp/pid")
$TMUX_CMD kill-session -t "$session"
check "SIGHUP ends hoso" gone "$pid"
check "a draft is kept" test "$(draft_files)" = 1
f=$(ls "$drafts"/*.draft)
check "the draft is the clerk's only (0600)" test "$(stat -c %a "$f")" = 600
check "in a directory of the clerk's only (0700)" test "$(stat -c %a "$drafts")" = 700
check "it holds the typed text" grep -q "bản nháp một" "$f"
check "nothing was saved to the database" test "$(q "SELECT count(*) FROM item WHERE title LIKE '%bản nháp%'")" = 0
tui_start 80x24 --db "$db"
check "the next start offers the draft" screen_has "Not saved: item #1"
check "with what to do with it" screen_has "Open the form again with what was typed"
tui_keys Enter
check "the form comes back" screen_has "Edit item #1"
check "with the typed text" screen_has "bản nháp một"
tui_keys F2
check "it saves" screen_has "Saved item #1 (version 2)"
check "the draft is gone after the save" test "$(draft_files)" = 0
check "the typed text is in the database" test "$(q "SELECT count(*) FROM item WHERE no = 1 AND title LIKE '%— bản nháp một'")" = 1
tui_send q
tui_wait_exit

# SIGTERM, and throwing the draft away.
tui_start 80x24 --db "$db"
tui_keys e Down Down End
tui_type " — hai"
kill -TERM "$(cat "$tmp/pid")"
check "SIGTERM ends hoso" tui_wait_exit
check "with the status of SIGTERM" test "$(tui_exit_status)" = 143
check "a draft is kept on SIGTERM" test "$(draft_files)" = 1
check "and the terminal is given back as it was" terminal_restored
tui_start 80x24 --db "$db"
check "the draft is offered" screen_has "Not saved: item #1"
tui_keys Down Enter
check "throwing it away says so" screen_has "The draft was thrown away"
check "the file is gone" test "$(draft_files)" = 0
check "nothing of it was saved" test "$(q "SELECT count(*) FROM item WHERE title LIKE '%— hai'")" = 0
tui_send q
tui_wait_exit

# kill -9: only what was kept in idle time (every 3 s) survives.
# On a loaded machine the shell around the killed hoso may say how it ended
# only after the next hoso started. Its stty here holds back the exit status
# that shell writes next and writes it late, once $tmp/late.go exists; it
# must not be taken for the new hoso's (it once ended a wait for a screen at
# once, as if hoso had finished no screen).
mkdir -p "$tmp/slow"
cat >"$tmp/slow/stty" <<SLOW
#!/bin/sh
script=\$(tr '\\0' ' ' </proc/\$PPID/cmdline | awk '{ print \$2 }')
eval "set -- \$(grep '^mv ' "\$script")"
mv "\$2" "\$3.held"
setsid sh -c 'while [ ! -e "$tmp/late.go" ]; do sleep 0.01; done; mv "\$1.held" "\$1"; touch "$tmp/late.done"' sh "\$3" \
	</dev/null >/dev/null 2>&1 &
exec $(command -v stty) "\$@"
SLOW
chmod +x "$tmp/slow/stty"
TUI_ENV="PATH=$tmp/slow:$PATH" tui_start 80x24 --db "$db"
tui_keys a
tui_type t
tui_keys Tab Tab
tui_type "Mục mới chưa lưu"
i=0
while ! grep -qs "Mục mới chưa lưu" "$drafts"/*.draft && [ $i -lt 400 ]; do sleep 0.02; i=$((i + 1)); done
check "a draft is written in idle time while typing" grep -qs "Mục mới chưa lưu" "$drafts"/*.draft
pid=$(cat "$tmp/pid")
kill -9 "$pid"
check "kill -9 ends hoso" gone "$pid"
tui_start 80x24 --db "$db"
check "the next start offers the new item's draft" screen_has "Not saved: a new item «Mục mới chưa lưu»"
touch "$tmp/late.go"
tui_wait_file "$tmp/late.done"
check "the killed hoso's shell said how it ended, late" test -e "$tmp/late.done"
check "that is not taken for how the new hoso ended" test -z "$(tui_exit_status)"
# Later: the draft stays for the next start.
tui_keys Down Down Enter
check "later keeps the draft" test "$(draft_files)" = 1
tui_send q
tui_wait_exit
tui_start 80x24 --db "$db"
check "and it is offered again" screen_has "Not saved: a new item «Mục mới chưa lưu»"
tui_keys Enter
check "the new item's form comes back" screen_has "New item"
check "with its title" screen_has "Title*:        Mục mới chưa lưu"
tui_keys F2
check "and saves as a new item" screen_has "Saved item #43"
tui_send q
tui_wait_exit

# A draft whose record changed meanwhile goes through the conflict screen.
tui_start 80x24 --db "$db"
tui_keys e Down Down C-u
tui_type "Tiêu đề trong bản nháp"
$TMUX_CMD kill-session -t "$session"
gone "$(cat "$tmp/pid")"
run set 1 "title=Tiêu đề của người khác" --db "$db"
check "another clerk changes the record meanwhile" status_is 0
tui_start 80x24 --db "$db"
tui_keys Enter
check "the draft's form says the record changed" screen_has "Another clerk saved this item meanwhile"
tui_keys F2
check "its save goes through the conflict screen" screen_has "hoso · Conflict: item #1"
check "showing theirs" screen_has "Tiêu đề của người khác"
check "and the draft's" screen_has "Tiêu đề trong bản nháp"
tui_keys m F2
check "kept: the draft's title" test "$(q "SELECT title FROM item WHERE no = 1")" = "Tiêu đề trong bản nháp"
tui_send q
tui_wait_exit

# The comment box keeps a draft too: the terminal going (SIGHUP) keeps it at once.
comment_drafts() { ls "$drafts" 2>/dev/null | grep -c -- '-comment-.*\.draft$'; }
tui_start 80x24 --db "$db"
tui_keys Enter c
check "c opens the comment box" screen_has "A comment on item #1"
tui_type "Ý kiến chưa gửi"
tui_keys Enter
tui_type "dòng hai; còn dở"
pid=$(cat "$tmp/pid")
$TMUX_CMD kill-session -t "$session"
check "SIGHUP in the comment box ends hoso" gone "$pid"
check "the comment is kept as a draft" test "$(comment_drafts)" = 1
check "with both its lines" grep -qs 'Ý kiến chưa gửi\\ndòng hai; còn dở' "$drafts"/*-comment-*.draft
check "no comment was added" test "$(q "SELECT count(*) FROM comment")" = 0
tui_start 80x24 --db "$db"
check "the next start offers the comment" screen_has "Not saved: a comment on item #1"
check "to open it again" screen_has "Open the comment again with what was typed"
tui_keys Enter
check "the comment box comes back" screen_has "A comment on item #1"
check "with the typed text" screen_has "Ý kiến chưa gửi"
check "and its second line" screen_has "dòng hai; còn dở"
tui_type " nữa"
tui_keys F2
check "it is added" screen_has "Comment added"
check "as typed, before and after the restart" test "$(q "SELECT body FROM comment")" = "$(printf 'Ý kiến chưa gửi\ndòng hai; còn dở nữa')"
check "its draft is gone once added" test "$(comment_drafts)" = 0
tui_send q
tui_wait_exit

# kill -9 after the draft interval: the comment typed survives.
tui_start 80x24 --db "$db"
tui_keys Enter c
tui_type "Bình luận sau kill chín"
i=0
while ! grep -qs "Bình luận sau kill chín" "$drafts"/*-comment-*.draft && [ $i -lt 400 ]; do sleep 0.02; i=$((i + 1)); done
check "the comment's draft is written in idle time" grep -qs "Bình luận sau kill chín" "$drafts"/*-comment-*.draft
pid=$(cat "$tmp/pid")
kill -9 "$pid"
check "kill -9 in the comment box ends hoso" gone "$pid"
tui_start 80x24 --db "$db"
check "the comment is offered after kill -9" screen_has "Not saved: a comment on item #1"
tui_keys Enter
check "it comes back after kill -9" screen_has "Bình luận sau kill chín"
tui_keys Escape
check "cancelling asks first" screen_has "The comment is not added yet"
tui_keys Down Enter
check "thrown away: the comment's draft is gone" test "$(comment_drafts)" = 0
check "and no comment was added" test "$(q "SELECT count(*) FROM comment")" = 1
tui_send q
tui_wait_exit

# Typing without a pause (a letter every 0.2 s, never the second of quiet
# that idle time needs) keeps a draft every few seconds all the same.
tui_start 80x24 --db "$db"
tui_keys Enter c
i=0
while [ $i -lt 25 ]; do
	tui_send k
	sleep 0.2
	i=$((i + 1))
done
pid=$(cat "$tmp/pid")
kill -9 "$pid"
gone "$pid"
check "typing without a pause keeps a draft too" grep -qs "^comment kkkkkkkkkk" "$drafts"/*-comment-*.draft
rm -f "$drafts"/*-comment-*.draft

# SIGTERM keeps the comment; erasing it all and leaving keeps nothing.
tui_start 80x24 --db "$db"
tui_keys Enter c
tui_type "ba"
kill -TERM "$(cat "$tmp/pid")"
check "SIGTERM in the comment box ends hoso" tui_wait_exit
check "the comment is kept on SIGTERM" grep -qs "^comment ba$" "$drafts"/*-comment-*.draft
tui_start 80x24 --db "$db"
tui_keys Enter
check "offered and opened again" screen_has "A comment on item #1"
tui_keys BSpace BSpace Escape
check "an emptied comment box closes at once" screen_lacks "A comment on item #1"
check "and its draft goes with it" test "$(comment_drafts)" = 0
tui_send q q
tui_wait_exit

# A damaged draft is left aside with a note; a read-only start only says a draft is kept.
tui_start 80x24 --db "$db"
tui_keys e Down Down End
tui_type " x"
$TMUX_CMD kill-session -t "$session"
gone "$(cat "$tmp/pid")"
f=$(ls "$drafts"/*.draft)
tui_start 80x24 --db "$db" --read-only
check "read-only: no form is offered" screen_lacks "Open the form again"
check "read-only: it says a draft is kept" screen_has "1 form not saved is kept as a draft"
tui_send q
tui_wait_exit
head -c 100 "$f" >"$f.tmp" && mv "$f.tmp" "$f"
tui_start 80x24 --db "$db"
check "a damaged draft: a note, no crash" screen_has "A damaged draft was left aside"
# The terminal's answer about its background colour, coming late (a loaded
# machine, a slow link), is no key press: the note stays.
tui_raw 1b 5d 31 31 3b 72 67 62 3a 30 30 2f 30 30 2f 30 30 07
check "a late answer of the terminal leaves the note on the status line" screen_has "A damaged draft was left aside"
check "no offer for it" screen_lacks "Open the form again"
tui_send q
check "hoso quits" tui_wait_exit

finish
