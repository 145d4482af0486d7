#!/bin/sh
# The man pages and the sample configuration say what is built.
. "$top_srcdir/tests/lib.sh"

man1="$top_builddir/man/hoso.1"
man5="$top_builddir/man/hoso.ini.5"
check "hoso(1) exists" test -s "$man1"
check "hoso.ini(5) exists" test -s "$man5"

run --help
for c in $(grep -o '^  hoso [a-z]*' "$out" | awk '{print $2}' | sort -u); do
	check "hoso(1) has a section for the command '$c'" grep -qx "\\.SS $c" "$man1"
done
for o in db config read-only empty status kind year search sort format help version; do
	check "hoso(1) documents --$o" grep -qF -- "\\-\\-$(printf %s "$o" | sed 's/-/\\-/g')" "$man1"
done
for v in HOSO_DB HOSO_TODAY XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR HOSO_SYSTEM_CONFIG HOSO_LOCALEDIR HOSO_FRAME_FD; do
	check "hoso(1) documents \$$v" grep -qF "$v" "$man1"
done

# Every key of the configuration, as the sample lists them.
keys=$(sed -n 's/^; *\([a-z_]*\) = .*/\1/p; s/^\[\([a-z]*\)\]$/[\1]/p' "$top_srcdir/data/hoso.ini" | grep -v '^\[keys\]$')
section=
for k in $keys; do
	case $k in
	\[*) section=$k; continue ;;
	esac
	[ "$section" = "[keys]" ] && continue
	check "hoso.ini(5) documents $section $k" grep -qF "$k" "$man5"
done
for a in up down page_up page_down home end expand collapse open search filter sort clear documents help back quit redraw add edit archive undo dashboard print \
	redo add_sub restore archived comment units localities matrix save next_field prev_field cancel pick theirs mine; do
	check "hoso.ini(5) documents the action $a" grep -qE "^\\.B $a\$|^\\.BR? $a( |\$)" "$man5"
done
for k in Up Down PgUp PgDn Home End Enter Esc Tab Backspace Space F1 "C\\-x"; do
	check "hoso.ini(5) documents the key name $k" grep -qF "$k" "$man5"
done
check "the man pages carry this version" grep -qF "$("$HOSO" --version | cut -d' ' -f2)" "$man1"
check "man can format hoso(1) without warnings" sh -c "LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$man1' 2>&1 >/dev/null | grep -v '^$' | grep -q . && exit 1 || exit 0"
check "man can format hoso.ini(5) without warnings" sh -c "LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$man5' 2>&1 >/dev/null | grep -v '^$' | grep -q . && exit 1 || exit 0"

finish
