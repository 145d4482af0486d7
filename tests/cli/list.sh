#!/bin/sh
# hoso list: formats, filters, search without diacritics, Vietnamese sorting.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"
export HOSO_DB="$db"

run list
check "list exits 0" status_is 0
check "the table has a header" out_has "Title"
check "the tree shows sub-items indented" out_has "  Xây dựng cơ sở dữ liệu"
check "sub-items come after their parent" before "Phối hợp triển khai các nhiệm vụ về Chuyển đổi số" "  Xây dựng cơ sở dữ liệu"
check "lines are not cut when not on a terminal" out_has "vật liệu san lấp công trình xây dựng"
check "no escape sequences when not on a terminal" sh -c "! grep -q \"$(printf '\033')\" '$out'"
check "43 lines: the header and 42 items" test "$(wc -l <"$out")" -eq 43

run list --format csv
check "csv exits 0" status_is 0
check "csv has its header" out_has "no,id,parent_id,depth,kind,code,title,status,progress,start_date,due_date,done_date,year,lead_unit"
check "csv quotes a title holding commas" out_has ',"Hoàn thiện công nghệ xử lý bã thải thạch cao phospho'
check "csv ends lines with CRLF" sh -c "head -n 1 '$out' | od -c | grep -q '\\\\r  \\\\n'"
check "csv has 43 lines" test "$(wc -l <"$out")" -eq 43

run list --format json
check "json exits 0" status_is 0
cp "$out" "$tmp/list.json"
check "json is valid" test "$(sqlite3 :memory: "select json_valid(readfile('$tmp/list.json'))")" = 1
check "json holds 42 items" test "$(sqlite3 :memory: "select json_array_length(readfile('$tmp/list.json'))")" = 42
check "json gives kinds and statuses by code" out_has '"kind": "agreement"'

# Search without regard to diacritics or case, đ included.
for q in "thach cao" "THẠCH CAO" "Thạch Cao" "thạch cao"; do
	run list --search "$q" --format csv
	check "search '$q' finds the phosphogypsum project" out_has "Hoàn thiện công nghệ xử lý bã thải thạch cao"
	check "search '$q' finds only it" test "$(wc -l <"$out")" -eq 2
done
run list --search "dinh vu" --format csv
check "'dinh vu' finds Đình Vũ" out_has "DAP – Đình Vũ"
run list --search "36-nq" --format csv
check "a document number finds the items linked to it" out_has "Ban hành Kế hoạch số 255"
run list --search "BTV" --format csv
check "the lead unit's name is searched" out_has "Ban hành Kết luận số 312"
run list --search "zzzz" --format csv
check "a search with no match lists nothing" test "$(wc -l <"$out")" -eq 1
check "and still exits 0" status_is 0
# Fullwidth letters are folded by compatibility (NFKC), in the query and in
# the stored text.
run list --search "ｔｈạｃｈ ＣＡＯ" --format csv
check "a fullwidth query finds the phosphogypsum project" out_has "Hoàn thiện công nghệ xử lý bã thải thạch cao"
check "and only it" test "$(wc -l <"$out")" -eq 2
run list --search "Ｈải Ｐhòng" --format csv
check "'Ｈải Ｐhòng' finds what 'hai phong' finds" out_has "Techfest Hải Phòng 2023"
cp "$out" "$tmp/fullwidth.csv"
run list --search "hai phong" --format csv
check "the very same items" cmp -s "$out" "$tmp/fullwidth.csv"
# A fullwidth title, folded when hoso computes the search text (here by the
# upgrade of a schema 1 database).
sqlite3 "$tmp/fw.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/fw.db" "PRAGMA user_version = 1;
INSERT INTO programme (id, title, created_at, updated_at) VALUES ('p', 'Chương trình', 'x', 'x');
INSERT INTO item (id, no, programme_id, kind, title, status, created_at, updated_at)
 VALUES ('i1', 1, 'p', 1, 'Hội thảo Ｈải Ｐhòng ＴＥＣＨＦＥＳＴ', 2, 'x', 'x');"
run list --db "$tmp/fw.db" --search "hai phong techfest" --format csv
check "a plain query finds a fullwidth title" out_has "Hội thảo Ｈải Ｐhòng ＴＥＣＨＦＥＳＴ"
check "its search text is folded" test "$(sqlite3 "$tmp/fw.db" "SELECT search FROM item")" = "hoi thao hai phong techfest "

# Every word of a search counts (only the first 16 did, silently).
words="hoan thien cong nghe xu ly ba thai thach cao phospho cua nha may phan bon"
run list --search "$words" --format csv
check "16 words of the title find it" out_has "Hoàn thiện công nghệ xử lý bã thải"
run list --search "$words dap" --format csv
check "and with a 17th word of the title too" out_has "Hoàn thiện công nghệ xử lý bã thải"
run list --search "$words zzzz" --format csv
check "a 17th word that is not in it: no match" test "$(wc -l <"$out")" -eq 1

# Filters combine with each other and with the search.
run list --status done --format csv
check "--status done lists only done items" sh -c "! grep -E ',(planned|in_progress|suspended|cancelled|overdue),' '$out'"
run list --status "Đang triển khai" --format csv
check "a status can be given in Vietnamese" out_has ",in_progress,"
run list --status "dang trien khai,chua trien khai" --format csv
check "several statuses, without diacritics" out_has ",planned,"
run list --kind event --year 2024 --format csv
check "kind and year combine" test "$(wc -l <"$out")" -eq 4
run list --kind "Sự kiện" --search "khao sat" --format csv
check "kind and search combine: the three visits" test "$(wc -l <"$out")" -eq 4
check "the combination finds the DEEP C site visit" out_has "DEEP C"

# Overdue is derived from the date taken as today.
sqlite3 "$db" "UPDATE item SET due_date = '2024-05-01' WHERE no = 42"
run_env HOSO_TODAY=2024-06-30 -- list --status overdue --format csv
check "an open item past its due date is overdue" out_has "42,"
check "and only it" test "$(wc -l <"$out")" -eq 2
run_env HOSO_TODAY=2024-04-30 -- list --status overdue --format csv
check "before its due date it is not overdue" test "$(wc -l <"$out")" -eq 1
run_env HOSO_TODAY=2024-06-30 -- list --status planned --format csv
check "an overdue item is not listed as planned" out_lacks "42,"

# Vietnamese alphabetical order.
run list --kind event --sort title --format csv
check "Đ sorts after D and before H" before "Đoàn công tác khảo sát, kết nối cung – cầu công nghệ tại Châu Âu" "Hội nghị đánh giá"
check "Khai sorts before Khảo (tones second)" before "Khai trương" "Khảo sát thực tế"
check "Techfest sorts before Tổ chức (e before ô)" before "Techfest" "Tổ chức các hội thảo"
run list --kind event --sort title:desc --format csv
check "descending reverses it" before "Tổ chức các hội thảo" "Techfest"
run list --sort unit --status done --format csv
check "sorting by lead unit puts BTV before NIC before UBND" before "BTV Thành ủy" "NIC"

finish
