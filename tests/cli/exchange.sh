#!/bin/sh
# hoso export (CSV, JSON, xlsx) read back with their own parsers; hoso import
# of what export wrote (the round trip, twice, --dry-run) and of malformed
# files, each refused with its line named and the database unchanged.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed" >&2; exit 77; }

db="$tmp/h.db"
seeded "$db"
"$HOSO" comment 13 "Đã họp với 12 địa bàn" --db "$db" >/dev/null
"$HOSO" set 38 "targets=Kỹ sư, chuyên gia|người|1000|1200||Giai đoạn 2024 – 2027" --db "$db" >/dev/null
q() { sqlite3 "$1" "$2"; }

# ------------------------------------------------------------------ export
run export --format json --db "$db" --output "$tmp/all.json"
check "export json: exit 0" status_is 0
check "export json: a JSON file with every kind of record" python3 -c "
import json, sys
d = json.load(open('$tmp/all.json', encoding='utf-8'))
assert d['format'] == 'hoso-export' and d['schema'] == 3, d.get('format')
assert len(d['items']) == 42 and len(d['units']) == 19 and len(d['localities']) == 10 and len(d['documents']) == 10
pilot = [i for i in d['items'] if i['no'] == 13][0]
assert pilot['kind'] == 'pilot' and pilot['code'] == 'TCVN ISO 18091:2020', pilot
assert pilot['comments'][0]['text'] == 'Đã họp với 12 địa bàn'
agr = [i for i in d['items'] if i['no'] == 38][0]
assert agr['targets'][0] == {'text': 'Kỹ sư, chuyên gia', 'measure': 'người', 'min': 1000, 'max': 1200, 'actual': None, 'notes': 'Giai đoạn 2024 – 2027'}, agr['targets']
assert any(p['role'] for p in agr['partners']), agr['partners']
kh = [x for x in d['documents'] if x['number'] == '255'][0]
assert sorted(l['relation'] for l in kh['links']) == ['implements', 'implements'], kh['links']
"
run export --format csv --db "$db"
check "export csv: to standard output" status_is 0
cp "$out" "$tmp/items.csv"
check "export csv: RFC 4180 read back by python's csv, a header and 42 items" python3 -c "
import csv
rows = list(csv.reader(open('$tmp/items.csv', encoding='utf-8', newline='')))
assert rows[0][:4] == ['id', 'no', 'version', 'kind'], rows[0]
assert len(rows) == 43, len(rows)
assert all(len(r) == len(rows[0]) for r in rows)
"
run export --format csv --excel --db "$db" --output "$tmp/excel.csv"
check "export csv --excel: starts with the byte-order mark" sh -c "head -c 3 '$tmp/excel.csv' | od -An -tx1 | grep -q 'ef bb bf'"
run export --format xlsx --db "$db" --output "$tmp/all.xlsx"
check "export xlsx: exit 0" status_is 0
check "export xlsx: a workbook with a sheet per kind of record, headers, dates as dates" python3 -c "
import zipfile, re
z = zipfile.ZipFile('$tmp/all.xlsx')
book = z.read('xl/workbook.xml').decode()
assert [n for n in re.findall(r'<sheet name=\"([^\"]+)\"', book)] == ['Items', 'Documents', 'Units', 'Localities'], book
shared = z.read('xl/sharedStrings.xml').decode() if 'xl/sharedStrings.xml' in z.namelist() else ''
sheet = z.read('xl/worksheets/sheet1.xml').decode()
assert '<cols>' in sheet and 'width=' in sheet
assert 'Title' in shared or 'Title' in sheet
# dates: cells with a number and a date style (s=) in the due column
styles = z.read('xl/styles.xml').decode()
assert 'dd/mm/yyyy' in styles
"
run export --format xlsx --db "$db"
check "export xlsx without --output: usage error" status_is 2
run export --format pdf --db "$db"
check "an unknown export format: usage error" status_is 2
run export --format json --excel --db "$db"
check "--excel with json: usage error" status_is 2

# ------------------------------------------------------------------ the round trip
new="$tmp/new.db"
"$HOSO" init --empty --db "$new" >/dev/null
run import "$tmp/all.json" --dry-run --db "$new"
check "import --dry-run: says what it would add" out_has "would add 81 and change 0 records"
check "import --dry-run: writes nothing" test "$(q "$new" "SELECT count(*) FROM item")" = 0
run import "$tmp/all.json" --db "$new"
check "import into an empty database: added" out_has "added 81 and changed 0 records"
run export --format json --db "$new" --output "$tmp/again.json"
check "export then import gives the same data (every record, field, link, target and comment)" python3 -c "
import json
def strip(d):
    d.pop('exported_at')
    for k in ('units', 'localities', 'documents', 'items'):
        for r in d[k]:
            r.pop('version')
    return d
a = strip(json.load(open('$tmp/all.json', encoding='utf-8')))
b = strip(json.load(open('$tmp/again.json', encoding='utf-8')))
assert a == b, [x for x, y in zip(a['items'], b['items']) if x != y][:1]
"
run import "$tmp/all.json" --db "$new"
check "importing the same file twice changes nothing" out_has "added 0 and changed 0 records (81 unchanged)"
run check --db "$new"
check "the imported database checks whole" status_is 0
run import "$tmp/items.csv" --db "$new"
check "the CSV export imports too, changing nothing" out_has "added 0 and changed 0 records (42 unchanged)"
sed 's/,Techfest Hải Phòng 2023,/,Techfest Hải Phòng 2024,/' "$tmp/items.csv" >"$tmp/changed.csv"
run import "$tmp/changed.csv" --db "$new"
check "a CSV with one title changed changes that item" out_has "added 0 and changed 1 records (41 unchanged)"
check "with a history row for it" test "$(q "$new" "SELECT count(*) FROM history WHERE field = 'title' AND new_value = 'Techfest Hải Phòng 2024'")" = 1
run import "$tmp/excel.csv" --db "$new" --dry-run
check "a CSV with Excel's byte-order mark is read" status_is 0

# ------------------------------------------------------------------ malformed files
changes=$(q "$db" "SELECT count(*) FROM change")
refused() {
	what=$1
	want=$2
	file=$3
	run import "$file" --db "$db"
	check "$what: refused" status_is 1
	check "$what: the line and the reason ($want)" err_has "$want"
	check "$what: nothing written" test "$(q "$db" "SELECT count(*) FROM change")" = "$changes"
}
{ head -n 1 "$tmp/items.csv"; sed -n 2p "$tmp/items.csv" | sed 's/,task,/,ta"sk,/'; } >"$tmp/quote.csv"
refused "a quote inside an unquoted field" "quote.csv:2: a quote inside a field that is not quoted" "$tmp/quote.csv"
{ head -n 1 "$tmp/items.csv"; printf 'x,1\r\n'; } >"$tmp/cols.csv"
refused "a row with the wrong number of fields" "cols.csv:2: 2 fields where the header has" "$tmp/cols.csv"
# A copy of the CSV with one field of one row changed (python's csv, as the
# rows have line breaks inside quoted fields).
csv_with() {
	python3 - "$tmp/items.csv" "$1" "$2" "$3" "$4" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
no, field, value = sys.argv[3], sys.argv[4], sys.argv[5]
h = rows[0]
row = [r for r in rows[1:] if r[1] == no][0]
row[h.index(field)] = value.encode('utf-8', 'surrogateescape').decode('utf-8', 'surrogateescape')
with open(sys.argv[2], 'w', encoding='utf-8', errors='surrogateescape', newline='') as f:
    csv.writer(f, lineterminator='\r\n').writerows([h, row])
PY
}
csv_with "$tmp/date.csv" 1 done 2024-02-30
refused "a date that does not exist" "date.csv:2: done: '2024-02-30' is not a day of the calendar" "$tmp/date.csv"
csv_with "$tmp/utf8.csv" 1 title "$(printf 'Ban h\377\376nh')"
refused "invalid UTF-8" "utf8.csv:2: title: is not valid UTF-8 text" "$tmp/utf8.csv"
{ head -n 1 "$tmp/items.csv"; sed -n 3p "$tmp/items.csv" | sed 's/,[0-9a-f-]\{36\},0,task/,00000000-0000-4000-8000-000000000000,0,task/'; } >"$tmp/ref.csv"
python3 - "$tmp/items.csv" "$tmp/ref.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
h = rows[0]
r = rows[1]
r[h.index('lead_unit')] = '00000000-0000-4000-8000-000000000000'
w = csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline=''), lineterminator='\r\n')
w.writerow(h); w.writerow(r)
PY
refused "an unknown reference" "ref.csv:2: lead_unit: there is no unit with the key 00000000-0000-4000-8000-000000000000" "$tmp/ref.csv"
python3 - "$tmp/items.csv" "$tmp/huge.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
rows[1][rows[0].index('notes')] = 'x' * (2 << 20)
w = csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline=''), lineterminator='\r\n')
w.writerows(rows[:2])
PY
refused "a huge field" "huge.csv:2: a field longer than 1 MiB" "$tmp/huge.csv"
python3 - "$tmp/all.json" "$tmp/cycle.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
a, b = d['items'][0], d['items'][1]
a['parent'], b['parent'] = b['id'], a['id']
json.dump(d, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
PY
refused "a cycle of parents" "Part of: it cannot be under itself or under what is under it" "$tmp/cycle.json"
printf '\357\273\277' >"$tmp/bom.json"
cat "$tmp/all.json" >>"$tmp/bom.json"
refused "a byte-order mark before JSON" "bom.json:1: a byte-order mark before the JSON" "$tmp/bom.json"
head -c 3000 "$tmp/all.json" >"$tmp/cut.json"
refused "a JSON file cut short" "cut.json:" "$tmp/cut.json"
sed '0,/"kind": "task"/s//"kind": "task", "colour": "red"/' "$tmp/all.json" >"$tmp/field.json"
refused "an unknown field" "'colour' is not a field of a" "$tmp/field.json"
sed '0,/"progress": 100/s//"progress": 140/' "$tmp/all.json" >"$tmp/progress.json"
refused "progress above 100" "progress: '140' is not a whole number from 0 to 100" "$tmp/progress.json"
printf 'not,a,hoso,file\r\n' >"$tmp/other.csv"
refused "a CSV that is not an export of hoso's" "other.csv:1: the first column must be 'id'" "$tmp/other.csv"
run import "$tmp/missing.json" --db "$db"
check "a file that does not exist: exit 1 naming it" err_has "missing.json: cannot read the file"
run import --db "$db"
check "import without a file: usage error" status_is 2
run check --db "$db"
check "after every refused import the database checks whole" status_is 0

finish
