#!/bin/sh
# A locale that is not UTF-8 gets a clear message; an uninstalled UTF-8 one falls back.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"

cat >"$tmp/run-c.sh" <<RUN
#!/bin/sh
env LC_ALL=C LANG=C "$HOSO" --db "$db" 2>"$tmp/c-err"
echo \$? >"$tmp/c-exit"
RUN
tui_new_session 100 30 "sh $tmp/run-c.sh; sleep 600"
tui_wait_file "$tmp/c-exit"
check "under LC_ALL=C hoso refuses to start" test "$(cat "$tmp/c-exit")" = 1
check "and says the locale is not UTF-8" grep -q "is not UTF-8" "$tmp/c-err"
check "and how to fix it" grep -q "export LANG=C.UTF-8" "$tmp/c-err"
check "in one line" test "$(wc -l <"$tmp/c-err")" -eq 1
check "without drawing a screen" test "$($TMUX_CMD display-message -p -t "$session" '#{alternate_on}')" = 0

for bad in POSIX en_US.ISO-8859-1; do
	run_env LC_ALL="$bad" -- --db "$db"
	check "LC_ALL=$bad is refused too" status_is 1
done

# A UTF-8 locale that is not installed (common over SSH) falls back to C.UTF-8.
TUI_ENV="LC_ALL=xx_YY.UTF-8" tui_start 100x30 --db "$db"
check "an uninstalled UTF-8 locale still shows the screen" screen_has "Ban hành Kết luận số 312"
check "and says it fell back" screen_has "xx_YY.UTF-8 is not installed"
tui_send q
check "hoso quits" tui_wait_exit

# Only the messages' locale missing: the note named the characters' locale (C.UTF-8).
if ! locale -a 2>/dev/null | grep -qi '^vi_VN'; then
	TUI_ENV="LC_ALL= LANG=C.UTF-8 LC_MESSAGES=vi_VN.UTF-8" tui_start 100x30 --db "$db"
	check "a missing LC_MESSAGES locale is the one the note names" screen_has "vi_VN.UTF-8"
	check "and not the characters' locale" screen_lacks "C.UTF-8 is not"
	tui_send q
	check "hoso quits" tui_wait_exit
fi

# The interface in Vietnamese.
printf '[ui]\nlanguage = vi\n' >"$tmp/vi.ini"
tui_start 100x30 --db "$db" --config "$tmp/vi.ini"
check "language = vi gives Vietnamese headings" screen_has "Trạng thái"
check "and Vietnamese statuses" screen_has "Hoàn thành"
tui_keys ?
check "and a Vietnamese help" screen_has "Tìm"
tui_send q q
check "hoso quits" tui_wait_exit

finish
