#!/bin/sh
# hoso list --format json|csv on hostile text, read back with Python's json
# and csv modules: one rule in both formats. The output is well-formed UTF-8;
# every stored character is kept (a NUL too: \u0000 in JSON, U+FFFD in CSV);
# each malformed UTF-8 sequence becomes one U+FFFD; JSON escapes every
# control, the line and paragraph separators and the bidi controls.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed" >&2; exit 77; }

db="$tmp/h.db"
seeded "$db"
# Titles of items 1..9, as bytes (hex).
sqlite3 "$db" <<'SQL'
UPDATE item SET title = CAST(x'4f53433a201b5d303b4841434b45441b5c20636c69703a201b5d35323b633b53476b3d07' AS TEXT) WHERE no = 1;
UPDATE item SET title = CAST(x'43313ac29b324a20c285206e656c20c29f' AS TEXT) WHERE no = 2;
UPDATE item SET title = CAST(x'62696469e280ae6b68c3b46e67e280ace281a6e281a9d89ce2808ee2808f' AS TEXT) WHERE no = 3;
UPDATE item SET title = CAST(x'6c696e65e280a873657061726174e280a9656e64' AS TEXT) WHERE no = 4;
UPDATE item SET title = CAST(x'6e756c0061667465720074686520' AS TEXT) WHERE no = 5;
UPDATE item SET title = CAST(x'626164ff20e1bb207472756e636174656420c0af2c20e1bb87202d20f09f98' AS TEXT) WHERE no = 6;
UPDATE item SET title = CAST(x'7461620963720d6c660a64656c7f207175c3b474652022782220656d6f6a69f09f91a8e2808df09f91a9' AS TEXT) WHERE no = 7;
UPDATE item SET title = CAST(x'7265616cefbfbd2062797465732c202020' AS TEXT) WHERE no = 8;
UPDATE item SET title = CAST(x'00' AS TEXT) WHERE no = 9;
UPDATE item SET code = CAST(x'41c29b00ff' AS TEXT) WHERE no = 9;
SQL
sqlite3 "$db" "SELECT no, hex(title), hex(ifnull(code, '')) FROM item WHERE no <= 9" >"$tmp/raw"

run list --db "$db" --format json
check "json: exit 0" status_is 0
cp "$out" "$tmp/list.json"
run list --db "$db" --format csv
check "csv: exit 0" status_is 0
cp "$out" "$tmp/list.csv"

cat >"$tmp/read.py" <<'PY'
import csv, json, sys

raw, jpath, cpath = sys.argv[1:4]
want = {}
for line in open(raw):
    no, title, code = line.rstrip("\n").split("|")
    want[int(no)] = (bytes.fromhex(title).decode("utf-8", "replace"),
                     bytes.fromhex(code).decode("utf-8", "replace"))

bad = 0
def fail(msg):
    global bad
    bad += 1
    print("not ok:", msg)

escaped = set(range(0x00, 0x20)) | {0x7F} | set(range(0x80, 0xA0)) | {0x2028, 0x2029} \
    | {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

# JSON: well-formed UTF-8, no character of the escaped set raw, every title whole.
data = open(jpath, "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    fail("json is not UTF-8: %s" % e)
    text = data.decode("utf-8", "replace")
for ch in text:
    if ord(ch) in escaped and ch != "\n":
        fail("json holds U+%04X raw" % ord(ch))
        break
items = {i["no"]: i for i in json.loads(text)}
for no, (title, code) in want.items():
    if items[no]["title"] != title:
        fail("json title %d: %r, want %r" % (no, items[no]["title"], title))
    if code and items[no]["code"] != code:
        fail("json code %d: %r, want %r" % (no, items[no]["code"], code))

# CSV: well-formed UTF-8, every title whole but a NUL as U+FFFD.
data = open(cpath, "rb").read()
try:
    data.decode("utf-8")
except UnicodeDecodeError as e:
    fail("csv is not UTF-8: %s" % e)
with open(cpath, newline="", encoding="utf-8", errors="replace") as f:
    rows = list(csv.reader(f))
head = rows[0]
if head[:7] != ["no", "id", "parent_id", "depth", "kind", "code", "title"]:
    fail("csv header %r" % head)
got = {int(r[0]): r for r in rows[1:]}
for no, (title, code) in want.items():
    if got[no][6] != title.replace("\0", "\ufffd"):
        fail("csv title %d: %r, want %r" % (no, got[no][6], title.replace("\0", "\ufffd")))
    if code and got[no][5] != code.replace("\0", "\ufffd"):
        fail("csv code %d: %r, want %r" % (no, got[no][5], code.replace("\0", "\ufffd")))
    if len(got[no]) != len(head):
        fail("csv row %d has %d fields" % (no, len(got[no])))
if len(got) != 42:
    fail("csv has %d items" % len(got))
sys.exit(1 if bad else 0)
PY

python3 "$tmp/read.py" "$tmp/raw" "$tmp/list.json" "$tmp/list.csv" >"$tmp/py.out" 2>&1
pystatus=$?
sed -e 's/^/    /' "$tmp/py.out"
check "python reads back every title and code, byte for byte, from json and csv" test "$pystatus" -eq 0

# The same rule item by item, so that a failure says which.
for what in "json holds U+" "json title" "json code" "csv is not UTF-8" "csv title" "csv code" "json is not UTF-8"; do
	check "python: no '$what' problem" sh -c "! grep -qF '$what' '$tmp/py.out'"
done

finish
