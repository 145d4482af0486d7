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

HOSO=$real_hoso
finish
