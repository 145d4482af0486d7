#!/bin/sh
# The item form: a new item with every kind of field typed as a clerk types
# it (Vietnamese precomposed, combining and pasted), the picker of items that
# searches as the list does, then the record as it was stored.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
q() { sqlite3 "$db" "$1"; }

tui_start 80x24 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
tui_keys a
check "a opens a new item's form" screen_has "hoso · New item"
check "the form says what it is" screen_has "A new item"
check "its label column and fields come from the field table" screen_before "Kind*:" "Title*:"
check "a new item starts as planned" screen_has "Status*:       Planned"
tui_golden form-item-new
tui_keys Escape
check "Esc without a change leaves at once" screen_has "items: 42"

tui_keys a
# A choice by type-ahead; a letter no entry begins with is refused.
tui_type z
check "a letter no kind begins with is refused" screen_has "No entry of Kind begins with 'z'"
tui_type p
check "type-ahead picks the first kind beginning with p" screen_has "Kind*:         Project"
tui_type i
check "more letters narrow it" screen_has "Kind*:         Pilot"
tui_keys Right
check "→ takes the next entry" screen_has "Kind*:         Event"
tui_keys Left Left
check "← the previous" screen_has "Kind*:         Project"
tui_keys Tab
tui_type "KS-01"
tui_keys Tab
# Vietnamese typed precomposed, then a letter and its combining mark.
tui_type "Khảo sát nhu cầu"
tui_type "$(printf ' ho\314\233\314\200i nghi\314\243')"
check "combining marks are composed as they are typed" screen_has "Khảo sát nhu cầu hời nghị"
tui_keys BSpace
check "Backspace takes the whole letter with its marks" screen_has "Khảo sát nhu cầu hời ngh"
check "(the letter is gone)" screen_lacks "nghị"
tui_type "ị"
# Pasted text: its line break is a space and does not submit the form.
tui_paste "$(printf ' thạch cao\nĐình Vũ')"
check "a pasted line break is a space in a one-line field" screen_has "hời nghị thạch cao Đình Vũ"
check "a pasted line break does not submit the form" screen_has "hoso · New item"
tui_raw 07
check "a typed control character is not taken" screen_has "Title*:        Khảo sát nhu cầu hời nghị thạch cao Đình Vũ"
tui_paste "$(printf 'x\ay')"
check "a pasted control character is refused, the rest kept" screen_has "Đình Vũxy"
tui_keys C-w
check "Ctrl-W takes the word before the cursor" screen_has "hời nghị thạch cao Đình"
check "(that word is gone)" screen_lacks "Vũxy"
tui_keys C-u
tui_type "Khảo sát nhu cầu"
tui_keys C-Left
tui_type "["
tui_keys End
tui_type "]"
check "the cursor moves by word and to the end" screen_has "Khảo sát nhu [cầu]"
tui_keys Home Delete
tui_type "K"
tui_keys End BSpace
tui_type "]$(printf ' ho\314\233\314\200i nghi\314\243')"
check "Home, Delete, End, Backspace" screen_has "Title*:        Khảo sát nhu [cầu] hời nghị"
tui_keys Enter
check "Enter in a one-line field moves to the next field" screen_has "> Part of:"
check "and does not save" screen_has "hoso · New item"

# The parent: a pick list searched without diacritics; the form says under which item.
tui_keys Enter
check "Enter on a reference opens a pick list" screen_has "Search:"
check "items show as their tree until something is typed" screen_has "+ #13 TCVN ISO 18091:2020"
tui_type "tcvn iso"
check "typing narrows it as the list's search does" screen_has "#13 TCVN ISO 18091:2020 Áp dụng"
tui_keys Enter
check "the parent is the item picked" screen_has "Part of:       #13 Áp dụng thí điểm"
check "the form says under which item" screen_has "A new item under #13"
# A lead unit: typing on a reference starts the search.
tui_keys Tab
tui_type "so kh"
check "a letter on a reference opens the pick list with it" screen_has "Search: so kh"
tui_keys Enter
check "the lead unit is the unit picked" screen_has "Lead unit:     Sở KH&CN Hải Phòng"
# Several units, typed by name with a role after ':'.
tui_keys Tab
tui_type "NIC: phối hợp; cadence"
tui_keys Tab
check "partners typed by name are accepted" screen_lacks "! "
tui_type "in"
check "a status by type-ahead" screen_has "Status*:       In progress"
tui_keys Tab
tui_type "140"
tui_keys Tab
check "progress above 100 is refused beside the field" screen_has "! '140' is not a whole number from 0 to 100"
tui_keys Up C-u
tui_type "40%"
tui_keys Tab
check "40% is a progress" screen_lacks "is not a whole number"
tui_type "01/03/2024"
tui_keys Tab
tui_type "31/02/2024"
tui_keys Tab
check "a date that does not exist is refused" screen_has "! '31/02/2024' is not a day of the calendar"
tui_keys Up C-u
tui_type "01/01/2024"
tui_keys Tab
check "a due date before the start is refused" screen_has "! due before it starts"
tui_keys Up C-u
tui_type "31/12/2024"
tui_keys Tab Tab
check "a valid due date clears the message" screen_lacks "due before it starts"
tui_type "2024"
tui_keys Tab
# Several localities from a pick list: Tab ticks.
tui_keys F4
check "F4 opens the localities to tick" screen_has "[ ] Bắc Bộ"
tui_type "hai phong"
tui_keys Tab Enter
check "the ticked locality is in the field" screen_has "Localities:    Hải Phòng"
tui_keys Tab
tui_type "1064; 312"
tui_keys Tab
# Targets, a line each; a minimum above the maximum is refused.
tui_type "Kỹ sư | người | 1200 | 1000"
tui_keys Tab
check "a minimum above the maximum is refused" screen_has "the minimum (1200) is above the maximum (1000)"
tui_keys Up
tui_keys End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tui_type "1000 | 1200"
tui_keys Enter
tui_type "Công nhân | người | 3000 | 5000"
tui_keys Tab
check "valid targets clear the message" screen_lacks "above the maximum"
tui_type "Dòng một"
tui_keys Enter
tui_type "Dòng hai"
check "notes take several lines" screen_has "Dòng hai"
tui_keys F2
check "F2 saves and closes the form" screen_has "Saved item #43 (version 1)"
tui_keys C-l
check "the new item is counted" screen_has "items: 43"

run show 43 --db "$db"
check "stored: the title" out_has "#43  Khảo sát nhu [cầu] hời nghị"
check "stored: the kind and the code" out_has "KS-01"
check "stored: the parent" out_has "Áp dụng thí điểm tiêu chuẩn TCVN ISO 18091:2020"
check "stored: the status" out_has "In progress"
check "stored: the progress" out_has "40%"
check "stored: the dates" out_has "31/12/2024"
check "stored: the lead unit" out_has "Sở Khoa học và Công nghệ Hải Phòng"
check "stored: a partner with its role" out_has "phối hợp"
check "stored: the locality" out_has "Hải Phòng"
check "stored: the documents" out_has "1064"
check "stored: the targets" out_has "Công nhân"
check "stored: the notes' lines" test "$(q "SELECT notes FROM item WHERE no = 43")" = "$(printf 'Dòng một\nDòng hai')"
check "stored as NFC (precomposed)" test "$(q "SELECT title FROM item WHERE no = 43")" = "Khảo sát nhu [cầu] hời nghị"
check "no control character was stored" test "$(q "SELECT count(*) FROM item WHERE instr(title, char(27)) OR instr(title, char(7))")" = 0
check "one change, with a history row per field" test "$(q "SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id WHERE c.what = 'add'")" -ge 14

tui_send q
check "hoso quits" tui_wait_exit

# A ';' in a target's text is text, and a '|' in it shows as \|: both come
# back from the form as they were, and a target typed with a ';' stays one.
run set 1 "targets=$(printf 'Vi mạch \\| bán dẫn; chip | bộ | 3\nKỹ sư; chuyên gia | người | 1000 | 1200')" --db "$db"
tui_start 100x40 --db "$db"
tui_keys e Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
check "the form shows a target's '|' as \\|" screen_has 'Vi mạch \| bán dẫn; chip | bộ | 3'
check "and a ';' as it is" screen_has 'Kỹ sư; chuyên gia | người | 1000 | 1200'
tui_keys Enter
tui_type "Thợ; kỹ thuật | người | 5"
tui_keys F2
check "the form saves the targets" screen_has "Saved item #1 (version"
check "each target whole, ';' and '|' in their text" test "$(q "SELECT group_concat(description, '#') FROM (SELECT t.description FROM target t JOIN item i ON i.id = t.item_id WHERE i.no = 1 ORDER BY t.position)")" = "Vi mạch | bán dẫn; chip#Kỹ sư; chuyên gia#Thợ; kỹ thuật"
tui_keys e Tab Tab End
tui_type " (sửa)"
tui_keys F2
check "a save of another field" screen_has "Saved item #1 (version"
check "leaves the targets as they were" test "$(q "SELECT count(*) FROM target t JOIN item i ON i.id = t.item_id WHERE i.no = 1")" = 3
check "and writes no history row for them" test "$(q "SELECT group_concat(field) FROM history WHERE change_id = (SELECT change_id FROM history WHERE field = 'title' AND new_value LIKE '% (sửa)')")" = title
tui_send q
check "hoso quits" tui_wait_exit
finish
