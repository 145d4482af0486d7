#!/bin/sh
# Two layers, one direction: the core (src/) never draws on the screen and
# the screens (ui/) never write SQL. The build gives each only its own flags;
# this checks what flags cannot stop (curses.h and sqlite3.h are found in
# /usr/include either way).
. "$top_srcdir/tests/lib.sh"

cd "$top_srcdir" || exit 99

grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h|panel\.h|menu\.h|form\.h|canvas\.h|app\.h|screen)' \
	src/*.c src/*.h >"$out" 2>/dev/null
check "no file of the core includes curses or a screen's header" test ! -s "$out"
grep -nE '\b(initscr|newterm|wrefresh|doupdate|mvaddstr|wget_wch|getch)\b' src/*.c >"$out" 2>/dev/null
check "no file of the core calls curses" test ! -s "$out"
grep -nE '#[[:space:]]*include[[:space:]]*<sqlite3\.h>|\bsqlite3_[a-z_]+[[:space:]]*\(' ui/*.c ui/*.h >"$out" 2>/dev/null
check "no file of the screens includes sqlite3.h or calls SQLite" test ! -s "$out"
grep -nE '"[^"]*\b(SELECT|INSERT[[:space:]]+INTO|UPDATE[[:space:]]+[a-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|CREATE[[:space:]]+TABLE|PRAGMA)\b' \
	ui/*.c ui/*.h >"$out" 2>/dev/null
check "no file of the screens holds SQL" test ! -s "$out"
grep -nE '\bexit[[:space:]]*\(' src/*.c | grep -v '^src/main\.c' >"$out" 2>/dev/null
check "the core never calls exit() (it returns a status)" test ! -s "$out"

# The makefile compiles the core without the screens' include path and curses' flags.
grep -A2 '^libhosocore_a_CPPFLAGS' Makefile.am >"$out"
check "the core's include path has no ui/" sh -c "! grep -q 'ui' '$out'"
grep -A1 '^libhosocore_a_CFLAGS' Makefile.am >"$out"
check "the core is compiled without curses' flags" sh -c "! grep -q CURSES '$out'"

finish
