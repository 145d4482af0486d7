#!/bin/sh
# hoso itself loads neither pango and cairo nor libxlsxwriter (7 MB of
# memory as soon as they are loaded); a PDF report or an xlsx export is
# handed over to hoso-render, with the command line as the clerk gave it.
. "$top_srcdir/tests/lib.sh"

command -v readelf >/dev/null 2>&1 || { echo "readelf is missing (Debian: binutils)" >&2; exit 77; }
render="$top_builddir/hoso-render"
db="$tmp/h.db"
seeded "$db"

readelf -d "$HOSO" >"$tmp/needed"
check "hoso is not linked with pango or cairo" sh -c "! grep -Eq 'lib(pango|cairo)' '$tmp/needed'"
check "nor with libxlsxwriter" sh -c "! grep -q 'libxlsxwriter' '$tmp/needed'"
check "hoso-render is" grep -q 'libpangocairo' "$(readelf -d "$render" >"$tmp/rneeded"; echo "$tmp/rneeded")"

# The options before and after the command, in any order, reach hoso-render.
run --db "$db" report --format pdf --output "$tmp/a.pdf"
check "a PDF report through hoso: exit 0" status_is 0
check "... the file is a PDF" sh -c "head -c 5 '$tmp/a.pdf' | grep -q '%PDF-'"
run report --output "$tmp/b.pdf" --db "$db" --format=pdf --kind pilot
check "options after the command, --format=pdf: exit 0" status_is 0
check "... a PDF of the pilots" sh -c "head -c 5 '$tmp/b.pdf' | grep -q '%PDF-'"
run export --db "$db" --format xlsx --output "$tmp/x.xlsx"
check "an xlsx export through hoso: exit 0" status_is 0
check "... a zip file" sh -c "head -c 2 '$tmp/x.xlsx' | grep -q PK"

# What hoso can say itself it says before handing over.
run --db "$db" report --format pdf --as-of someday --output "$tmp/c.pdf"
check "a bad date in a PDF report's command: exit 2" status_is 2
check "... named by hoso" err_has "--as-of: 'someday' is not a date"

# hoso alone, without hoso-render beside it or installed: a clear message.
if [ -x "$HOSO_PKGLIBEXECDIR/hoso-render" ]; then
	echo "# not checked: hoso without hoso-render (one is installed in $HOSO_PKGLIBEXECDIR)"
else
	mkdir "$tmp/alone"
	cp "$HOSO" "$tmp/alone/hoso"
	"$tmp/alone/hoso" --db "$db" report --format pdf --output "$tmp/d.pdf" >"$out" 2>"$err"
	status=$?
	check "hoso alone: a PDF report fails, exit 1" status_is 1
	check "... saying hoso-render is needed and where it looked" err_has "a PDF report needs hoso-render, which is not installed (looked for $HOSO_PKGLIBEXECDIR/hoso-render)"
	check "... and writes no file" test ! -e "$tmp/d.pdf"
	"$tmp/alone/hoso" --db "$db" export --format xlsx --output "$tmp/d.xlsx" >"$out" 2>"$err"
	status=$?
	check "... so does an xlsx export" err_has "an xlsx export needs hoso-render"
	"$tmp/alone/hoso" --db "$db" report --format txt >"$out" 2>"$err"
	status=$?
	check "... a text report needs nothing more" status_is 0
fi

"$render" >"$out" 2>"$err"
status=$?
check "hoso-render without a command: exit 2" status_is 2
check "... it says it runs what hoso hands over" err_has "hoso-render runs the commands hoso hands over to it"
"$render" --db "$db" report --format pdf --output "$tmp/e.pdf" >"$out" 2>"$err"
status=$?
check "hoso-render writes a PDF report itself" status_is 0

finish
