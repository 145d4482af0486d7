#!/bin/sh
# Creating databases: init, init --empty, the first run, where files go and their modes.
. "$top_srcdir/tests/lib.sh"

db="$tmp/a.db"
run init --db "$db"
check "init creates a seeded database" status_is 0
check "init says how many items it seeded" out_has "(42 items)"
check "the file exists" test -f "$db"

run init --db "$db"
check "init refuses an existing file" status_is 1
check "and names it" err_has "$db: already exists"

run init --db "$tmp/empty.db" --empty
check "init --empty exits 0" status_is 0
run list --db "$tmp/empty.db" --format csv
check "an empty database lists no items" test "$(wc -l <"$out")" -eq 1

run init --db "$tmp/no/such/dir/x.db"
check "init into a missing directory fails" status_is 1
check "and names the directory" err_has "$tmp/no/such/dir"

run init --read-only --db "$tmp/ro.db"
check "init --read-only is a usage error" status_is 2

# The first run of any command with no database creates and seeds one.
run list
check "the first run creates the database" test -f "$XDG_DATA_HOME/hoso/hoso.db"
check "and says so on stderr" err_has "created $XDG_DATA_HOME/hoso/hoso.db"
check "and lists the seeded items" out_has "Techfest Hải Phòng 2023"
run list
check "the second run says nothing about creating" err_empty

# Without XDG_DATA_HOME the default is ~/.local/share/hoso.
(unset XDG_DATA_HOME; "$HOSO" list >/dev/null 2>&1)
check "the default data directory is ~/.local/share/hoso" test -f "$HOME/.local/share/hoso/hoso.db"

# A relative XDG_DATA_HOME is ignored, as the specification says.
rm -rf "$HOME/.local"
(cd "$tmp" && XDG_DATA_HOME=relative "$HOSO" list >/dev/null 2>&1)
check "a relative XDG_DATA_HOME is ignored" test -f "$HOME/.local/share/hoso/hoso.db"
check "and nothing is made under it" test ! -e "$tmp/relative"

# In a setgid directory shared by a group, the database is group-writable.
mkdir "$tmp/share"
chmod 2770 "$tmp/share"
(umask 077; "$HOSO" init --db "$tmp/share/hoso.db" >/dev/null 2>&1)
check "a database in a setgid directory is 0660" test "$(stat -c %a "$tmp/share/hoso.db")" = 660
(umask 022; "$HOSO" init --db "$tmp/private.db" >/dev/null 2>&1)
check "elsewhere the umask decides" test "$(stat -c %a "$tmp/private.db")" = 644

# The seed: text in NFC, the facts of the reports.
check "seed text has no combining marks (NFC)" sh -c "! grep -qP '[\x{0300}-\x{036F}]' '$top_srcdir/data/seed.sql'"
run show 13 --db "$db"
check "the ISO 18091 pilot has 12 sub-items" out_has "Sub-items (12)"
check "whose names are not known" out_has "Địa bàn thí điểm số 12 trong 12 (chưa rõ tên)"
run show 38 --db "$db"
check "the chip agreement has five parties" out_has "Partner units (5)"
check "and its targets with numbers" out_has "1000–1200 kỹ sư, chuyên gia"
check "and the other target" out_has "3000–5000 lao động"
run show 4 --db "$db"
check "Kế hoạch 255 is linked to its item" out_has "Plan 255, 27/09/2023"

finish
