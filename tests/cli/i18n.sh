#!/bin/sh
# The Vietnamese translation is whole, and agrees with the names in the schema.
. "$top_srcdir/tests/lib.sh"

po="$top_srcdir/po/vi.po"
stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
check "vi.po compiles" msgfmt -c -o /dev/null "$po"
check "vi.po has no untranslated message ($stats)" sh -c "! echo '$stats' | grep -q untranslated"
check "vi.po has no fuzzy message" sh -c "! echo '$stats' | grep -q fuzzy"

# Every message in the sources has its entry in vi.po (a message added to the
# code without one would show in English).
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --keyword=C_:1c,2 --from-code=UTF-8 \
	-o "$tmp/sources.pot" $(grep -v '^#' po/POTFILES.in)) 2>"$tmp/xgettext.err"
check "every message of the sources is in vi.po" sh -c "msgcmp '$po' '$tmp/sources.pot' 2>'$tmp/msgcmp.err' || { sed 's/^/    /' '$tmp/msgcmp.err' | head -20; false; }"
# A file of the sources that speaks to the clerk but is not in POTFILES.in
# keeps its messages out of the template that translators get.
unlisted=$(cd "$top_srcdir" && for f in $(grep -l '[^A-Za-z_]N\{0,1\}_("' src/*.c ui/*.c); do
	grep -qx "$f" po/POTFILES.in || printf ' %s' "$f"
done)
check "every source file with messages is in po/POTFILES.in${unlisted:+ (not:$unlisted)}" test -z "$unlisted"
# And no entry of vi.po is for a message the sources no longer have.
msgmerge -q --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/sources.pot"
obsolete=$(grep -c '^#~ msgid' "$tmp/merged.po")
check "vi.po holds no message the sources no longer use ($obsolete)" test "$obsolete" = 0

db="$tmp/h.db"
seeded "$db"
sqlite3 -separator '|' "$db" "select name_en, name_vi from status union all select name_en, name_vi from kind union all select name_en, name_vi from doc_type" >"$tmp/names"
while IFS='|' read -r en vi; do
	got=$(LANGUAGE=vi TEXTDOMAINDIR="$HOSO_LOCALEDIR" gettext hoso "$en")
	check "'$en' is translated as the schema says ('$vi')" test "$got" = "$vi"
done <"$tmp/names"

run_env LANGUAGE=vi -- show 1 --db "$db"
check "show speaks Vietnamese" out_has "Loại:"
run_env LANGUAGE=vi -- list --db "$db" --status nonsense
check "errors speak Vietnamese" err_has "trạng thái"

# A clerk whose locale is Vietnamese but not installed on the server (C.UTF-8
# stands in for it) still gets Vietnamese; an English locale gets English.
run_env LC_ALL= LANG=vi_VN.UTF-8 -- show 1 --db "$db"
check "an uninstalled vi_VN.UTF-8 locale speaks Vietnamese" out_has "Loại:"
run_env LC_ALL= LANG=en_US.UTF-8 -- show 1 --db "$db"
check "an en_US.UTF-8 locale speaks English" out_has "Kind:"
printf '[ui]\nlanguage = en\n' >"$tmp/en.ini"
run_env LC_ALL= LANG=vi_VN.UTF-8 -- --config "$tmp/en.ini" show 1 --db "$db"
check "[ui] language = en wins over the locale" out_has "Kind:"

finish
