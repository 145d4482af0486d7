#!/bin/sh
# hoso show: one item, whole, found by number, code or key.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"
export HOSO_DB="$db"

run show 38
check "show exits 0" status_is 0
check "the title line" out_has "#38  Thỏa thuận hợp tác đào tạo nhân lực thiết kế vi mạch, bán dẫn"
for section in "Sub-items (0)" "Partner units (5)" "Localities (1)" "Documents (1)" "Targets (2)" "Comments (0)" "History (1)"; do
	check "the section $section" out_has "$section"
done
check "the linked document" out_has "Resolution 45-NQ/TW"
check "the key" out_has "Key:"
check "the source of the facts" out_has "Bài 1, Bài 2"
check "dates as dd/mm/yyyy" out_has "29/03/2024"

run show "#38"
check "#38 finds the same item" out_has "#38  Thỏa thuận"
run show pii
check "a code finds its item, case aside" out_has "#2  Xây dựng dữ liệu tính toán Bộ chỉ số"
# The key is stored as 16 bytes; the clerk sees and types its usual text.
key=$(sqlite3 "$db" "select lower(hex(id)) from item where no = 13" |
	sed 's/^\(.\{8\}\)\(.\{4\}\)\(.\{4\}\)\(.\{4\}\)/\1-\2-\3-\4-/')
run show 13 --db "$db"
check "show prints that key" out_has "Key:       $key"
run show "$key"
check "a full key finds its item" out_has "#13  Áp dụng thí điểm"
run show "$(echo "$key" | cut -c1-8)"
check "the first 8 characters of a key find it too" out_has "#13  Áp dụng thí điểm"
check "the pilot lists its 12 sub-items" out_has "Sub-items (12)"

run show 999
check "an unknown number is a runtime error" status_is 1
check "it says which" err_has "no item number 999"
run show nothing-like-this
check "an unknown reference says what it tried" err_has "no item with the number, code or key 'nothing-like-this'"

sqlite3 "$db" "UPDATE item SET code = 'PII' WHERE no = 3"
run show PII
check "an ambiguous code is refused" status_is 1
check "and the clerk is told to use the number" err_has "give the item's number instead"

# Control characters in data are shown inert.
sqlite3 "$db" "UPDATE item SET notes = 'bad' || char(27) || '[2J' || char(7) || 'end' WHERE no = 1"
run show 1
check "an escape sequence in data is shown as ^[" out_has "bad^[[2J^Gend"
check "no raw escape reaches the output" sh -c "! grep -q \"$(printf '\033')\" '$out'"

# An item with very many sub-items: show streams them as it reads them, never
# holding them all (it took 100 MB for 300,000).
many="$tmp/many.db"
seeded "$many"
sqlite3 "$many" "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 150000)
	INSERT INTO item (id, parent_id, kind, title, status)
	SELECT randomblob(16), (SELECT id FROM item WHERE no = 13), 1, 'Việc con ' || x, 1 FROM n"
# AddressSanitizer maps terabytes of shadow memory: under it the bound cannot
# be set, and the plain build's run of this test checks it.
if [ "${HOSO_SANITIZERS:-no}" = yes ]; then
	"$HOSO" --db "$many" show 13 >"$out" 2>"$err"
else
	(ulimit -d 25000 && "$HOSO" --db "$many" show 13 >"$out" 2>"$err")
fi
status=$?
check "show of 150,000 sub-items stays within 25 MB of data" status_is 0
check "it counts them first" out_has "Sub-items (150012)"
check "and lists the last of them" out_has "Việc con 150000  [Planned]"
check "every one of them" test "$(grep -c '^  #' "$out")" -ge 150012

run_env LANGUAGE=vi -- show 38
check "in Vietnamese the labels are Vietnamese" out_has "Đơn vị phối hợp (5)"

finish
