#!/bin/sh
# The report's three renderers on the sample model of tests/unit/report_sample.h
# (written by tests/unit/report_demo), in Vietnamese: the text, the HTML parsed
# by python3's html.parser, the PDF read back with poppler's tools.
. "$top_srcdir/tests/lib.sh"

demo="$top_builddir/tests/unit/report_demo"
check_py="$top_srcdir/tests/cli/report_check.py"
for tool in python3 pdfinfo pdftotext pdftoppm pdffonts; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is missing (Debian: apt-get install python3 poppler-utils)" >&2
		exit 77
	fi
done
export LANGUAGE=vi

# demo FORMAT COPIES FILE: the sample report, COPIES times over, into FILE.
demo() {
	"$demo" "$1" "$2" >"$3" 2>"$err" </dev/null
	status=$?
}

# ---------------------------------------------------------------- text
demo txt 1 "$out"
check "the text report is written" status_is 0
check "the text speaks Vietnamese" out_has "Báo cáo tình hình"
check "the text has the as-of date" out_has "Tính đến ngày 30/06/2024, thay đổi từ ngày 01/01/2024"
check "the text has the clerk and the time" out_has "Lập lúc 30/06/2024 14:05, người lập: nva"
check "the text has the localities" out_has "Đồ Sơn"
check "no line of the text is over 80 cells" python3 -c '
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if sum(0 if unicodedata.combining(c) else 1 for c in line) > 80:
        sys.exit("too wide: " + line)' "$out"

# ---------------------------------------------------------------- HTML
demo html 1 "$tmp/r.html"
check "the HTML report is written" status_is 0
python3 "$check_py" html "$tmp/r.html" >"$out" 2>&1
status=$?
check "the HTML parses: every tag closed, no script, its tables, rows and cells" status_is 0

# ---------------------------------------------------------------- PDF
demo pdf 1 "$tmp/r.pdf"
check "the PDF report is written" status_is 0
pdfinfo "$tmp/r.pdf" >"$out" 2>"$err"
check "pdfinfo reads the PDF" test $? -eq 0
check "the pages are A4" grep -q '^Page size: *595.* x 841.* pts (A4)' "$out"
check "the title is in the metadata" out_has "Title:           Báo cáo tình hình — Chương trình phối hợp hoạt động"
check "the clerk is the author" grep -q '^Author: *nva$' "$out"
pages=$(sed -n 's/^Pages: *//p' "$out")
check "the report takes more than one page ($pages)" test "${pages:-0}" -gt 1

pdftotext "$tmp/r.pdf" "$out" 2>"$err"
check "pdftotext reads the PDF" test $? -eq 0
for text in "Đồ Sơn" "thí điểm" "Hoàn thành" "Báo cáo tình hình" "Số mục theo trạng thái" "Tiến độ theo đơn vị chủ trì" \
	"Tiêu đề có <script>alert(\"x\")</script>" "Đơn vị <i>thử</i>" "<U+202E>" "^[[31m"; do
	check "the PDF has the text '$text'" out_has "$text"
done
check "no bidirectional override reaches the PDF" sh -c "! grep -q \"$(printf '\342\200\256')\" '$out'"

# Each page's foot: its number of all, and the time the report was made.
n=1
while [ "$n" -le "${pages:-0}" ]; do
	pdftotext -f "$n" -l "$n" "$tmp/r.pdf" "$out" 2>"$err"
	check "page $n says 'Trang $n/$pages'" out_has "Trang $n/$pages"
	check "page $n has the generation time" out_has "Lập lúc 30/06/2024 14:05"
	n=$((n + 1))
done

pdffonts "$tmp/r.pdf" >"$out" 2>"$err"
check "a font with Vietnamese is embedded (Noto Sans or DejaVu Sans)" grep -Eq '(NotoSans|DejaVuSans)[^ ]* .* yes' "$out"

# A long table goes on over pages with its header on each.
demo pdf 6 "$tmp/long.pdf"
check "a long PDF report is written" status_is 0
long_pages=$(pdfinfo "$tmp/long.pdf" | sed -n 's/^Pages: *//p')
with_header=0
n=1
while [ "$n" -le "${long_pages:-0}" ]; do
	pdftotext -f "$n" -l "$n" "$tmp/long.pdf" "$tmp/page.txt"
	if grep -q "Số ngày" "$tmp/page.txt"; then with_header=$((with_header + 1)); fi
	n=$((n + 1))
done
check "the overdue table's header repeats on each of its pages ($with_header pages)" test "$with_header" -ge 3
pdftotext "$tmp/long.pdf" "$out"
check "a table going on over a page says so" out_has "Các mục quá hạn, trễ nhất trước (tiếp theo)"

pdftoppm -r 30 -f 1 -l 1 -gray -png "$tmp/r.pdf" "$tmp/page" 2>"$err"
png=$(ls "$tmp"/page*.png 2>/dev/null | head -n 1)
check "page 1 renders to a PNG" test -n "$png"
python3 "$check_py" png "${png:-/nonexistent}" >"$out" 2>&1
status=$?
check "page 1 is not blank" status_is 0

finish
