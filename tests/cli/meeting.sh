#!/bin/sh
# hoso report on a database (the seed, changed as tests/cli/meeting.sql
# says, as it might stand before a meeting on 30/06/2024): the text against
# a golden file, the as-of date undoing later changes, the filters, the
# HTML parsed, the PDF read back with poppler, --output, and bad options.
. "$top_srcdir/tests/lib.sh"

for tool in sqlite3 python3 pdfinfo pdftotext pdftoppm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is missing (Debian: apt-get install sqlite3 python3 poppler-utils)" >&2
		exit 77
	fi
done
golden="$top_srcdir/tests/cli/golden"
db="$tmp/m.db"
seeded "$db" || exit 99
sqlite3 "$db" <"$top_srcdir/tests/cli/meeting.sql" || exit 99

# The generation line names the time and the clerk running the test.
masked() { sed -e 's/^Generated .* by .*$/Generated (time) by (clerk)/' -e 's/^Lập lúc .*$/Lập lúc (time)/' "$out"; }

# golden NAME: $out (masked) is tests/cli/golden/NAME.txt (HOSO_GOLDEN_UPDATE=1 writes it).
golden() {
	masked >"$tmp/got"
	if [ "${HOSO_GOLDEN_UPDATE:-}" = 1 ]; then
		mkdir -p "$golden"
		cp "$tmp/got" "$golden/$1.txt"
	fi
	if cmp -s "$golden/$1.txt" "$tmp/got"; then
		pass "the text report is golden/$1.txt"
	else
		fail "the text report is golden/$1.txt"
		diff -u "$golden/$1.txt" "$tmp/got" | head -n 60
	fi
}

# ---------------------------------------------------------------- text
run report --db "$db" --since 01/01/2024
check "hoso report runs" status_is 0
check "nothing on standard error" err_empty
golden report-meeting

run report --db "$db" --since 2024-01-01 --format txt
masked >"$tmp/iso"
run report --db "$db" --since 01/01/2024
masked >"$tmp/dmy"
check "an ISO since-date is the same date as dd/mm/yyyy" cmp -s "$tmp/iso" "$tmp/dmy"

run report --db "$db"
check "without --since, no changes are listed" out_lacks "What changed since"
check "the as-of date is today (HOSO_TODAY)" out_has "As of 30/06/2024"

# As of 01/05/2024: item 41 was added later, item 34 was at 20 %, item 30 was
# planned (its status changed on 10/05) and already overdue, 31 days late.
run report --db "$db" --as-of 01/05/2024 --since 01/01/2024
check "an as-of report runs" status_is 0
check "it says its date" out_has "As of 01/05/2024, changes since 01/01/2024"
check "an item added after the as-of date is not counted" out_has "41 items:"
check "item 30 was overdue by 31 days then" grep -q '^ 30 .*31/03/2024    31$' "$out"
check "item 34's progress is undone to 20 % (the one project)" grep -q '^Project  .* 20%$' "$out"
check "changes after the as-of date are not listed" out_lacks "20% → 40%"
check "changes before it are" out_has "30% → 60%"
# As of 20/06/2024 item 41 had just been added, due 30/09/2024 (moved to
# 15/06 the next day): counted, not yet overdue.
run report --db "$db" --as-of 20/06/2024
check "an item added on the as-of date is counted" out_has "42 items:"
check "its due date is the one it had then: not overdue" sh -c "! grep -q '^ 41 ' '$out'"
run report --db "$db" --as-of 01/05/2024 --status planned
check "as of 01/05/2024, item 30 was planned" out_has "Filters: status: Planned"
check "... and item 38, started on 12/06: four planned items (30 counted overdue)" out_has "4 items: 0 done, 0 overdue."

# The list's filters.
run report --db "$db" --status overdue
check "--status overdue counts the overdue items" out_has "6 items: 0 done, 6 overdue."
check "the filter is named" out_has "Filters: status: Overdue"
run report --db "$db" --kind pilot --search "dia ban"
check "--kind and --search together" out_has "13 items: 8 done, 2 overdue."
check "both are named" out_has "Filters: kind: Pilot; search: \"dia ban\""
# What changed keeps to the items of the statuses asked for: as they stand
# today, or as they stood on the as-of date.
run report --db "$db" --since 01/01/2024 --status in_progress
check "changes of in-progress items only: 22's progress" grep -q '^15/03/2024   22 .*30% → 60%' "$out"
check "... and 38's start" grep -q '^12/06/2024   38 ' "$out"
check "... not the overdue 34's progress" out_lacks "20% → 40%"
check "... nor the overdue 41's addition" sh -c "! grep -q '^20/06/2024   41 ' '$out'"
run report --db "$db" --as-of 01/06/2024 --since 01/01/2024 --status overdue
check "as of 01/06/2024, item 30 (in progress since 10/05, due 31/03) was overdue: its start is listed" \
	grep -q '^10/05/2024   30 ' "$out"
check "... not 22's progress: it was in progress, not late" sh -c "! grep -q '^15/03/2024   22 ' '$out'"
run report --db "$db" --year 2024 --status planned,overdue
check "--year and two statuses" out_has "Filters: status: Planned, Overdue; year: 2024"

# ---------------------------------------------------------------- bad options
run report --db "$db" --as-of 31/02/2024
check "a date that does not exist: exit 2" status_is 2
check "... naming --as-of" err_has "--as-of: '31/02/2024' is not a date"
run report --db "$db" --since yesterday
check "a since-date that is no date: exit 2" status_is 2
check "... naming --since" err_has "--since: 'yesterday' is not a date"
run report --db "$db" --since 01/07/2024 --as-of 30/06/2024
check "a since-date after the as-of date: exit 2" status_is 2
run report --db "$db" --format doc
check "an unknown format: exit 2" status_is 2
check "... naming the formats" err_has "one of txt, html, pdf"
run report --db "$db" --status late
check "an unknown status: exit 2, as hoso list says it" err_has "--status: unknown status 'late'"
run report --db "$db" --year 20x4
check "a bad year: exit 2" status_is 2
run report --db "$db" --output ""
check "an empty output name: exit 2" status_is 2
run report --db "$db" extra
check "an argument: exit 2" status_is 2
run report --db "$db" --output "$tmp/no/such/dir/r.txt"
check "an output in a missing directory: exit 1" status_is 1
check "... naming the file" err_has "$tmp/no/such/dir/r.txt"
run report --help
check "report --help shows the usage" out_has "hoso report [--format txt|html|pdf]"

# A PDF is not sent to a terminal (script gives the command one).
if command -v script >/dev/null 2>&1; then
	script -qec "'$HOSO' report --db '$db' --format pdf" /dev/null >"$out" 2>&1 </dev/null
	check "a PDF to a terminal is refused" grep -q "a PDF is not written to a terminal" "$out"
fi

# ---------------------------------------------------------------- --output
echo "old" >"$tmp/r.txt"
run report --db "$db" --output "$tmp/r.txt"
check "--output writes the file" status_is 0
check "... and nothing on standard output" test ! -s "$out"
check "... the report replaced the old content" grep -q "Status report" "$tmp/r.txt"
check "... no temporary file is left" sh -c "! ls -a '$tmp' | grep -q '^\.r\.txt\.'"

# ---------------------------------------------------------------- HTML
export LANGUAGE=vi
run report --db "$db" --since 01/01/2024 --format html --output "$tmp/r.html"
check "the HTML report is written" status_is 0
python3 "$top_srcdir/tests/cli/meeting_check.py" html "$tmp/r.html" >"$out" 2>&1
status=$?
check "the HTML parses; its tables, rows and cells are the meeting's" status_is 0

# ---------------------------------------------------------------- PDF
run report --db "$db" --since 01/01/2024 --format pdf --output "$tmp/r.pdf"
check "the PDF report is written" status_is 0
pdfinfo "$tmp/r.pdf" >"$out" 2>"$err"
check "pdfinfo reads it" test $? -eq 0
check "its pages are A4" grep -q '^Page size: *595.* x 841.* pts (A4)' "$out"
pages=$(sed -n 's/^Pages: *//p' "$out")
check "it has pages ($pages)" test "${pages:-0}" -ge 2
pdftotext "$tmp/r.pdf" "$out"
for text in "Báo cáo tình hình" "Chương trình phối hợp hoạt động về khoa học" "Địa bàn thí điểm số 12 trong 12" \
	"Hoàn thiện công nghệ xử lý bã thải" "UBND TP Hải Phòng" "Quá hạn" "Trang 1/$pages"; do
	check "the PDF has the text '$text'" out_has "$text"
done
pdftoppm -r 30 -f 1 -l 1 -gray -png "$tmp/r.pdf" "$tmp/page" 2>"$err"
png=$(ls "$tmp"/page*.png 2>/dev/null | head -n 1)
python3 "$top_srcdir/tests/cli/report_check.py" png "${png:-/nonexistent}" >"$out" 2>&1
status=$?
check "page 1 is not blank" status_is 0
hoso_pdf_stdout=$("$HOSO" report --db "$db" --format pdf 2>/dev/null | head -c 5)
check "a PDF to a pipe is written" test "$hoso_pdf_stdout" = "%PDF-"

finish
