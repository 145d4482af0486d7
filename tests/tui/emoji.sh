#!/bin/sh
# Joined emoji (a family joined by ZWJ, a skin tone, VS16, a flag, a tag
# sequence) in a title: what is drawn is as wide as hoso counts it, so the
# columns after the title line up and later screens are not garbled.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
# Gia đình 👨‍👩‍👧‍👦 và 👍🏽 ❤️ 🇻🇳 🏴󠁧󠁢󠁳󠁣󠁴󠁿 cuối
sqlite3 "$db" "UPDATE item SET title = 'Gia đình ' || CAST(x'f09f91a8e2808df09f91a9e2808df09f91a7e2808df09f91a6' AS TEXT) || ' và ' || CAST(x'f09f918df09f8fbd20e29da4efb88f20f09f87bbf09f87b320f09f8fb4f3a081a7f3a081a2f3a081b3f3a081a3f3a081b4f3a081bf' AS TEXT) || ' cuối' WHERE no = 2"

ZWJ=$(printf '\342\200\215')
VS16=$(printf '\357\270\217')
TONE=$(printf '\360\237\217\275')
TAG=$(printf '\363\240\201')

# The display column (from 0) where TEXT begins on the first screen line holding MARK.
column_of() {
	line=$(grep -F -- "$1" "$screen" | head -n 1)
	prefix=${line%%"$2"*}
	[ "$prefix" != "$line" ] || { echo -1; return; }
	printf '%s\n' "$prefix" | wc -L
}

# The lead unit of the emoji's row starts where the next row's does.
same_column() {
	tui_capture
	a=$(column_of "Gia đình" "UBND")
	b=$(column_of "Ban hành 3 văn bản" "UBND")
	[ "$a" -ge 0 ] && [ "$a" = "$b" ]
}

tui_start 100x30 --db "$db"
screen_has "items: 42" || fail "shows ""items: 42"
check "the title shows its emoji, each alone" screen_has "Gia đình 👨👩👧👦 và 👍 ❤ VN 🏴 cuối"
check "no zero-width joiner is drawn" screen_lacks "$ZWJ"
check "no emoji variation selector is drawn" screen_lacks "$VS16"
check "no skin-tone modifier is drawn" screen_lacks "$TONE"
check "no tag character is drawn" screen_lacks "$TAG"
check "the lead unit after the title lines up with the next row's" same_column
check "every line fits the terminal" screen_fits 100
tui_keys Down Enter
check "the detail opens" screen_has "hoso · Item #2"
check "the detail's title shows the emoji alone" screen_has "#2  Gia đình 👨👩👧👦 và 👍 ❤ VN 🏴 cuối"
check "the progress keeps its value" sh -c "grep -q '^Progress: *100%' '$screen'"
check "the next field is in its place" screen_has "Lead unit: Ủy ban nhân dân"
check "every line of the detail fits" screen_fits 100
tui_keys q
check "back to the list" screen_has "items: 42"
check "the list is whole again" same_column
tui_send q
check "hoso quits" tui_wait_exit

finish
