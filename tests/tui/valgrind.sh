#!/bin/sh
# Full-screen sessions under valgrind's memcheck: no invalid read or write,
# no use of an uninitialised value (one came after a signal, from poll's
# results), no leak; after q, after SIGTERM and after a resize.
. "$top_srcdir/tests/tui/lib.sh"

command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed" >&2; exit 77; }
if [ "${HOSO_SANITIZERS:-no}" = yes ]; then
	echo "built with the sanitizers: valgrind cannot run such a program" >&2
	exit 77
fi

db="$tmp/h.db"
seeded "$db"
vg="$tmp/vg.log"
# The seeded database is made before; only the screen runs under valgrind.
cat >"$tmp/vg.sh" <<RUN
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--log-file="$vg" "$HOSO" "\$@"
RUN
chmod +x "$tmp/vg.sh"
real_hoso=$HOSO
HOSO="$tmp/vg.sh"

vg_clean() {
	! grep -q "==[0-9]*== [A-Z]" "$vg"
}

tui_start 100x30 --db "$db"
tui_keys Down Down Right Down
tui_keys /
tui_type "thach cao"
tui_keys Enter
tui_keys Enter
check "the detail opens under valgrind" screen_has "hoso · Item #"
tui_keys q
tui_keys f
tui_keys Down Enter
tui_keys Space Enter
tui_keys c
tui_keys ?
tui_keys q
tui_keys v
tui_keys Down Enter
tui_keys q
tui_keys q
tui_resize 80x24
tui_send q
check "q: hoso ends" tui_wait_exit
check "q: exit status 0 (valgrind's is 99 on an error)" test "$(tui_exit_status)" = 0
check "q: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40

tui_start 100x30 --db "$db"
tui_keys Enter
kill -s TERM "$(cat "$tmp/pid")"
check "SIGTERM: hoso ends" tui_wait_exit
check "SIGTERM: exit status 143" test "$(tui_exit_status)" = 143
check "SIGTERM: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40

# Forms: typing, pick lists, a check that fails, a save, a conflict-free
# edit thrown away, a register's form, and a draft kept on SIGTERM.
tui_start 100x30 --db "$db"
tui_keys a
tui_type t
tui_keys Tab Tab
tui_type "Mục dưới valgrind"
tui_keys Tab Enter
tui_type "tcvn"
tui_keys Enter Tab
tui_type "so kh"
tui_keys Enter Tab
tui_type "NIC: phối hợp; nic"
tui_keys Tab Tab Tab Tab
tui_type "31/02/2024"
tui_keys Tab Up C-u
tui_type "01/01/2024"
tui_keys Tab Tab Tab F4
tui_keys Tab Enter F2
check "a form saves under valgrind" screen_has "Saved item #43"
tui_keys e Down Down End
tui_type " sửa"
tui_keys Escape
tui_keys Down Enter
tui_keys u
tui_keys o a
tui_type "Đơn vị dưới valgrind"
tui_keys F2
tui_keys q e Down Down End
tui_type " nháp"
kill -s TERM "$(cat "$tmp/pid")"
check "forms: hoso ends on SIGTERM" tui_wait_exit
check "forms: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40
check "forms: the draft was kept" sh -c "ls '$XDG_DATA_HOME/hoso/drafts/' | grep -q draft"
tui_start 100x30 --db "$db"
check "the draft is offered under valgrind" screen_has "Not saved: item #"
tui_keys Enter F2
tui_send q
check "a restored draft saves: hoso ends" tui_wait_exit
check "a restored draft: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40

# The comment box: a draft kept on SIGTERM, offered, opened again and added.
tui_start 100x30 --db "$db"
tui_keys Enter c
tui_type "Ý kiến dưới valgrind"
kill -s TERM "$(cat "$tmp/pid")"
check "a comment: hoso ends on SIGTERM" tui_wait_exit
check "a comment: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40
tui_start 100x30 --db "$db"
check "the comment's draft is offered under valgrind" screen_has "Not saved: a comment on item #"
tui_keys Enter F2
check "and added" screen_has "Comment added"
tui_send q q
check "a restored comment: hoso ends" tui_wait_exit
check "a restored comment: valgrind reports nothing" vg_clean
[ -s "$vg" ] && sed -e 's/^/    valgrind| /' "$vg" | head -n 40

HOSO=$real_hoso
finish
