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

# Two inits at once: exactly one makes the database, the other says it
# exists, and the file is whole (the loser never deletes the winner's file).
i=0
bad=0
while [ $i -lt 20 ]; do
	rm -f "$tmp/race.db"
	"$HOSO" init --db "$tmp/race.db" >"$tmp/race1.out" 2>"$tmp/race1.err" </dev/null &
	p1=$!
	"$HOSO" init --db "$tmp/race.db" >"$tmp/race2.out" 2>"$tmp/race2.err" </dev/null &
	p2=$!
	wait $p1; s1=$?
	wait $p2; s2=$?
	made=$(cat "$tmp/race1.out" "$tmp/race2.out" | grep -c "^Created")
	exists=$(cat "$tmp/race1.err" "$tmp/race2.err" | grep -c "race.db: already exists")
	items=$(sqlite3 "$tmp/race.db" "SELECT count(*) FROM item" 2>/dev/null)
	if [ "$made" -ne 1 ] || [ "$exists" -ne 1 ] || [ $((s1 + s2)) -ne 1 ] || [ "$items" != 42 ]; then
		bad=$((bad + 1))
		echo "# round $i: exit $s1 $s2, $made created, $exists exists, $items items"
		cat "$tmp/race1.err" "$tmp/race2.err" | sed 's/^/#   /'
	fi
	i=$((i + 1))
done
check "two inits at once: one creates, one says it exists, the file is whole (20 rounds)" test $bad -eq 0

# kill -9 during init never leaves a database that opens with no items: the
# file is either missing or whole.
i=0
bad=0
leftover=0
while [ $i -lt 40 ]; do
	rm -f "$tmp/killed.db"
	"$HOSO" init --db "$tmp/killed.db" >/dev/null 2>&1 </dev/null &
	pid=$!
	sleep "0.00$((i % 10))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ -e "$tmp/killed.db" ]; then
		"$HOSO" check --db "$tmp/killed.db" >"$out" 2>"$err" </dev/null
		status=$?
		if [ $status -ne 0 ] || ! out_has "Items:           42 "; then
			bad=$((bad + 1))
			echo "# round $i: check exit $status"
			sed 's/^/#   /' "$out" "$err"
		fi
	fi
	i=$((i + 1))
done
check "kill -9 during init: never a database that is not whole (40 rounds)" test $bad -eq 0
echo "# $(ls -a "$tmp" | grep -c '^\.killed\.db\.new-') files left by killed inits"
rm -f "$tmp/killed.db"
run init --db "$tmp/killed.db"
check "after the kills, init makes the database" status_is 0
check "and removes what killed inits left" test "$(ls -a "$tmp" | grep -c '^\.killed\.db\.new-')" -eq 0
: >"$tmp/.killed.db.new-1-0000" # pid 1 is alive: not removed (a temporary file at work)
rm -f "$tmp/killed.db"
run init --db "$tmp/killed.db"
check "a temporary file of a live process is left alone" test -e "$tmp/.killed.db.new-1-0000"

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
