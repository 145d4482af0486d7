#!/bin/sh
# The command line's writes: add, set, archive, restore, undo, redo, comment;
# every value checked as the forms check it; --if-version; read-only.
. "$top_srcdir/tests/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }

# add
run add --db "$db" --kind task --title "Khảo sát nhu cầu công nghệ" lead_unit="Sở KH&CN Hải Phòng" \
	due=31/12/2024 start=01/03/2024 progress=10 partners="NIC: phối hợp; Cadence" year=2024
check "add: a new item" status_is 0
check "add: it says its number and version" out_has "Added item #43 (version 1)."
check "add: stored as typed" test "$(q "SELECT title || '|' || due_date || '|' || progress || '|' || status FROM item WHERE no = 43")" = \
	"Khảo sát nhu cầu công nghệ|2024-12-31|10|1"
check "add: its partners, with their role" test "$(q "SELECT count(*) FROM item_partner p JOIN item i ON i.id = p.item_id WHERE i.no = 43")" = 2
check "add: one change, by this clerk" test "$(q "SELECT count(*) FROM change c JOIN item i ON i.id = c.entity_id WHERE i.no = 43 AND c.what = 'add' AND c.login = '$(id -un)'")" = 1
check "add: a history row per field set" test "$(q "SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id JOIN item i ON i.id = c.entity_id WHERE i.no = 43")" = 9
check "add: counted at once" test "$(q "SELECT n FROM tally WHERE dim = 'all'")" = 43
run list --db "$db" --search "khao sat nhu cau" --format csv
check "add: found by a search at once" out_has "43,"
run add --db "$db" --kind task --title "Mục con" --parent 43
check "add --parent: a sub-item" test "$(q "SELECT p.no FROM item i JOIN item p ON p.id = i.parent_id WHERE i.no = 44")" = 43

# Every bad value: a line naming the field and why, exit 1, nothing written.
changes=$(q "SELECT count(*) FROM change")
bad() {
	what=$1
	want=$2
	shift 2
	run "$@"
	check "$what: exit 1" status_is 1
	check "$what: says '$want'" err_has "$want"
	check "$what: one line" err_lines 1
}
bad "a date that does not exist" "due: '31/02/2025' is not a day of the calendar" set 43 due=31/02/2025 --db "$db"
bad "not a date" "start: 'soon' is not a date (dd/mm/yyyy)" set 43 start=soon --db "$db"
bad "progress above 100" "progress: '140' is not a whole number from 0 to 100" set 43 progress=140 --db "$db"
bad "a due date before the start" "Due: due before it starts" set 43 due=01/01/2024 --db "$db"
bad "an empty title" "Title: cannot be empty" set 43 title= --db "$db"
bad "a code another item has" "Code: another item already has 'tcvn iso 18091:2020'" set 43 code="tcvn iso 18091:2020" --db "$db"
bad "a parent that makes a cycle" "Part of: it cannot be under itself or under what is under it" set 43 parent=44 --db "$db"
bad "an unknown unit" "lead_unit: there is no unit called 'Sở Không Có'" set 43 lead_unit="Sở Không Có" --db "$db"
bad "an unknown status" "status: 'finished' is not one of: planned, in_progress" set 43 status=finished --db "$db"
bad "a control character" "title: holds a control character (U+001B)" set 43 "title=Tiêu đề$(printf '\033')]0;x" --db "$db"
long=$(awk 'BEGIN { for (i = 0; i < 4001; i++) printf "đ" }')
bad "a title of 4001 characters" "title: is too long (4001 characters; at most 4000)" set 43 "title=$long" --db "$db"
bad "a target with min above max" "the minimum (1200) is above the maximum (1000)" set 43 "targets=Kỹ sư|người|1200|1000" --db "$db"
bad "an unknown item" "no item number 999" set 999 progress=1 --db "$db"
check "nothing of the bad values was written" test "$(q "SELECT count(*) FROM change")" = "$changes"

run set 43 colour=red --db "$db"
check "an unknown field is a usage error" status_is 2
check "that lists the fields" err_has "the fields are: kind, code, title"
run set 43 --db "$db"
check "set without FIELD=VALUE is a usage error" status_is 2
run add --db "$db" --title "Không có loại"
check "add without --kind is a usage error" status_is 2

# set, and a stale write refused with --if-version.
run set 43 status=in_progress progress=40 --db "$db"
check "set: saved" out_has "Saved item #43 (version 2)."
run set 43 progress=50 --if-version 1 --db "$db"
check "set --if-version with an old version: refused" status_is 1
check "set --if-version: says the version it is at" err_has "it is at version 2 now, not the one given; nothing was changed"
check "set --if-version: nothing changed" test "$(q "SELECT progress FROM item WHERE no = 43")" = 40
run set 43 progress=50 --if-version 2 --db "$db"
check "set --if-version with the current version: saved" out_has "(version 3)"
run set 43 progress=50 --db "$db"
check "set to the same value: nothing to save" out_has "Nothing changed"
run set 43 progress= --db "$db"
check "progress can be made not known" test "$(q "SELECT quote(progress) FROM item WHERE no = 43")" = NULL
run set 43 --if-version x progress=1 --db "$db"
check "--if-version takes a number" status_is 2

# Other records.
run add --record unit name="Trung tâm Ứng dụng tiến bộ KH&CN" short_name="Trung tâm UD" --db "$db"
check "add --record unit" out_has "Added unit"
run set "Trung tâm UD" --record unit notes="Trực thuộc Sở" --db "$db"
check "set --record unit, found by its short name" out_has "Saved unit"
run set 43 lead_unit="trung tam ud" --db "$db"
check "the new unit can lead an item (found without diacritics)" status_is 0
run add --record document type=decision number=17 subject="Về việc thành lập Tổ công tác" signed=05/01/2024 --db "$db"
check "add --record document" out_has "Added document #11"
run set 17 --record document "links=1064: implements" --db "$db"
check "a document linked to another, with the relation" test "$(q "SELECT count(*) FROM document_link l JOIN document d ON d.id = l.from_id WHERE d.number = '17'")" = 1
run set 17 --record document "links=1064: implements; 17: reviews" --db "$db"
check "a document linked to itself is refused, naming the field" err_has "Links to documents: a document cannot be linked to itself"
check "... exit 1" status_is 1
check "... and its links stay" test "$(q "SELECT count(*) FROM document_link l JOIN document d ON d.id = l.from_id WHERE d.number = '17'")" = 1
run add --record locality name="Kiến Thụy" level=huyện --db "$db"
check "add --record locality" out_has "Added locality"
run add --record document subject="Thiếu loại" --db "$db"
check "a document needs a type" err_has "Type: cannot be empty"

# archive and restore
run archive 44 --db "$db"
check "archive: done" out_has "Archived item #44"
run list --db "$db" --search "muc con" --format csv
check "archive: it leaves the list" out_lacks "44,"
run show 44 --db "$db"
check "archive: it stays in the file" out_has "Mục con"
run archive 44 --db "$db"
check "archive twice: says so" out_has "archived already"
run restore 44 --db "$db"
check "restore: done" out_has "Restored item #44"

# undo and redo
run undo --db "$db"
check "undo: the restore is undone" out_has "Undone: item #44 (archived)"
run undo --db "$db"
check "undo again: the archive is undone" out_has "Undone: item #44 (archived)"
run redo --db "$db"
check "redo: the undo is undone" out_has "Redone: item #44"
test "$(q "SELECT archived FROM item WHERE no = 44")" = 1 && pass "redo: archived again" || fail "redo: archived again"
run restore 44 --db "$db"
run redo --db "$db"
check "redo after a new save: nothing to redo" status_is 1
check "and it says so" err_has "has nothing to redo"
# An undo that would overwrite another clerk's later change asks first.
printf '[user]\nname = Lan\n' >"$tmp/lan.ini"
run set 43 year=2025 --db "$db"
run set 43 year=2026 --db "$db" --config "$tmp/lan.ini"
check "[user] name: saves are Lan's" test "$(q "SELECT login FROM change ORDER BY at DESC LIMIT 1")" = Lan
run undo --db "$db"
check "undo over another clerk's change: refused" status_is 1
check "naming the clerk and the field" err_has "Lan changed year since"
check "the other clerk's value kept" test "$(q "SELECT year FROM item WHERE no = 43")" = 2026
run undo --force --db "$db"
check "undo --force: done" status_is 0
check "undo --force: the value before" test "$(q "SELECT quote(year) FROM item WHERE no = 43")" = 2024
run undo --db "$db" --config "$tmp/lan.ini"
check "Lan's undo would overwrite root's undo since: refused too" err_has "changed year since"
run undo unexpected --db "$db"
check "undo takes no argument" status_is 2

# comment
run comment 43 "Đã họp với Sở ngày 5/6" --db "$db"
check "comment: added" out_has "Comment added to item #43"
check "comment: stored" test "$(q "SELECT body FROM comment c JOIN item i ON i.id = c.item_id WHERE i.no = 43")" = "Đã họp với Sở ngày 5/6"
run comment 43 "" --db "$db"
check "an empty comment is refused" err_has "a comment cannot be empty"
run comment 43 --db "$db"
check "comment without text: usage" status_is 2
run undo --db "$db"
check "undo takes the comment back" test "$(q "SELECT count(*) FROM comment c JOIN item i ON i.id = c.item_id WHERE i.no = 43")" = 0

# Targets: one a line; a ';' in a target's text is text, not a second
# target; a '|' in a part is written \|; the export and the import keep them.
tq() { q "SELECT group_concat(description || '/' || coalesce(measure, '') || '/' || coalesce(min_value, '') || '/' || coalesce(notes, ''), '#') FROM (SELECT t.* FROM target t JOIN item i ON i.id = t.item_id WHERE i.no = $1 ORDER BY t.position)"; }
run set 43 'targets=Kỹ sư; chuyên gia | người | 1000 | 1200 | | đợt 1; đợt 2' --db "$db"
check "targets: a ';' in the text is saved" status_is 0
check "targets: as one target, ';' and all" test "$(tq 43)" = "Kỹ sư; chuyên gia/người/1000.0/đợt 1; đợt 2"
run set 43 "targets=$(printf 'Vi mạch \\| bán dẫn; chip | bộ | 3\nCông nhân; thợ | người')" --db "$db"
check "targets: two, a line each, with an escaped '|'" status_is 0
check "targets: the '|' is in the text" test "$(tq 43)" = "Vi mạch | bán dẫn; chip/bộ/3.0/#Công nhân; thợ/người//"
run show 43 --db "$db"
check "targets: show prints the text whole" out_has "Vi mạch | bán dẫn; chip"
run set 43 "targets=$(printf 'Kỹ sư\tngười\t1\t2\t\tghi chú | a; b')" --db "$db"
check "targets: a line with tabs (as exported) takes '|' as text" test "$(tq 43)" = "Kỹ sư/người/1.0/ghi chú | a; b"
run set 43 "targets=$(printf 'Vi mạch \\| bán dẫn; chip | bộ | 3\nCông nhân; thợ | người')" --db "$db"
run export --format json --db "$db" --output "$tmp/t.json"
check "targets: exported whole to JSON" python3 -c "
import json
d = json.load(open('$tmp/t.json', encoding='utf-8'))
t = [i for i in d['items'] if i['no'] == 43][0]['targets']
assert [x['text'] for x in t] == ['Vi mạch | bán dẫn; chip', 'Công nhân; thợ'], t
"
run export --format csv --db "$db" --output "$tmp/t.csv"
"$HOSO" init --empty --db "$tmp/t2.db" >/dev/null
run import "$tmp/t.json" --db "$tmp/t2.db"
check "targets: the JSON export imports" status_is 0
check "targets: imported from JSON as they were" test "$(sqlite3 "$tmp/t2.db" "SELECT group_concat(description, '#') FROM (SELECT t.description FROM target t JOIN item i ON i.id = t.item_id WHERE i.no = 43 ORDER BY t.position)")" = "Vi mạch | bán dẫn; chip#Công nhân; thợ"
run set 43 'targets=Khác' --db "$tmp/t2.db"
run import "$tmp/t.csv" --db "$tmp/t2.db"
check "targets: the CSV export imports" status_is 0
check "targets: imported from CSV as they were" test "$(sqlite3 "$tmp/t2.db" "SELECT group_concat(description, '#') FROM (SELECT t.description FROM target t JOIN item i ON i.id = t.item_id WHERE i.no = 43 ORDER BY t.position)")" = "Vi mạch | bán dẫn; chip#Công nhân; thợ"
python3 - "$tmp/t.json" "$tmp/tab.json" "$tmp/nl.json" <<'PY'
import json, sys
for out, bad in ((sys.argv[2], 'Kỹ sư\tngười'), (sys.argv[3], 'Kỹ sư\nngười')):
    d = json.load(open(sys.argv[1], encoding='utf-8'))
    [i for i in d['items'] if i['no'] == 43][0]['targets'][0]['text'] = bad
    json.dump(d, open(out, 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
PY
changes=$(q "SELECT count(*) FROM change")
run import "$tmp/tab.json" --db "$db"
check "targets: a tab inside a target's text in JSON is refused" status_is 1
check "targets: saying why" err_has "targets: a tab or a line break inside an entry"
run import "$tmp/nl.json" --db "$db"
check "targets: a line break inside a target's text in JSON is refused" err_has "targets: a tab or a line break inside an entry"
check "targets: nothing of them was written" test "$(q "SELECT count(*) FROM change")" = "$changes"

# Read-only: every write refused, nothing written.
changes=$(q "SELECT count(*) FROM change")
for cmd in "set 43 progress=1" "archive 43" "restore 43" "undo" "redo" "comment 43 x" "add --kind task --title X"; do
	run $cmd --db "$db" --read-only
	check "read-only: $cmd refused" status_is 1
	check "read-only: $cmd says why" err_has "read-only"
done
check "read-only: nothing written" test "$(q "SELECT count(*) FROM change")" = "$changes"

run check --db "$db"
check "after all that the file checks whole" status_is 0

finish
