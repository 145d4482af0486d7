#!/bin/sh
# The configuration: files, precedence, and every kind of bad file or value.
. "$top_srcdir/tests/lib.sh"

skip() { printf 'ok - # SKIP %s\n' "$1"; }

db="$tmp/h.db"
seeded "$db"
cfg="$tmp/c.ini"

# A bad value names the file, the line and the key, and stops.
bad_value() {
	desc=$1 section=$2 key=$3 value=$4
	printf '; a comment\n[%s]\n%s = %s\n' "$section" "$key" "$value" >"$cfg"
	run list --db "$db" --config "$cfg"
	check "$desc: exit 1" status_is 1
	check "$desc: one line" err_lines 1
	check "$desc: names file, line and key" err_has "$cfg:3: [$section] $key:"
}
bad_value "busy_timeout not a number" database busy_timeout abc
bad_value "busy_timeout negative" database busy_timeout -5
bad_value "busy_timeout too large" database busy_timeout 999999999999
bad_value "busy_timeout hexadecimal" database busy_timeout 0x10
bad_value "unknown language" ui language fr
bad_value "unknown theme" ui theme neon
bad_value "colours not on/off" ui colours sometimes
bad_value "unknown date format" ui date_format mm/dd/yyyy
bad_value "empty print command" print command '""'
bad_value "empty database path" database path '""'

printf '[ui]\nlanguage = vi\n[ui\ntheme = mono\n' >"$cfg"
run list --db "$db" --config "$cfg"
check "a syntax error stops hoso" status_is 1
check "and names the file and line" err_has "$cfg:3: syntax error"

printf '[ui]\nthis line has no equals sign\n' >"$cfg"
run list --db "$db" --config "$cfg"
check "a line without '=' is a syntax error" status_is 1
check "on line 2" err_has "$cfg:2:"

printf '\357\273\277[ui]\nlanguage = vi\n' >"$cfg"
run list --db "$db" --config "$cfg"
check "a byte-order mark is refused" status_is 1
check "with how to fix it" err_has "byte-order mark"

{ printf '[ui]\ntheme = '; head -c 1100 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$cfg"
run list --db "$db" --config "$cfg"
check "a line over 1,022 bytes is refused" status_is 1
check "with its line number" err_has "$cfg:2: the line is too long"

run list --db "$db" --config "$tmp/nope.ini"
check "a missing --config file is an error" status_is 1
check "that names it" err_has "$tmp/nope.ini"

mkdir "$tmp/dir.ini"
run list --db "$db" --config "$tmp/dir.ini"
check "a directory as configuration is an error" status_is 1
check "that says so" err_has "it is a directory"

# What is not a regular file is refused unread, at once: a device gives an
# endless line of NULs (it used to spin at 100 % CPU), a FIFO would block.
# timeout makes a hang a failure (status 124), not a hung test.
trun() { timeout 10 "$HOSO" "$@" >"$out" 2>"$err" </dev/null; status=$?; }
trun_system() {
	f=$1
	shift
	env HOSO_SYSTEM_CONFIG="$f" timeout 10 "$HOSO" "$@" >"$out" 2>"$err" </dev/null
	status=$?
}
mkfifo "$tmp/fifo.ini"
for f in /dev/zero /dev/full "$tmp/fifo.ini"; do
	trun --config "$f" list --db "$db"
	check "--config $f is refused at once (no hang)" status_is 1
	check "--config $f: named, as not a regular file" err_has "$f: not a regular file"
	trun_system "$f" list --db "$db"
	check "$f as the system configuration is refused at once" status_is 1
	check "$f as the system configuration: named" err_has "$f: not a regular file"
done
trun --config /dev/null list --db "$db" --format csv
check "/dev/null is an empty configuration" status_is 0

printf '[ui]\nlanguage = en\ntheme = mono\0x\n' >"$cfg"
trun --config "$cfg" list --db "$db"
check "a NUL byte is refused" status_is 1
check "with its line" err_has "$cfg:3: a NUL byte: this is not a text file"

# A large file is refused before it is read (650 KB took 25 s: iniparser's
# dictionary and the line map look each key up linearly); up to the bound,
# reading is quick.
awk 'BEGIN { print "[keys]"; for (i = 0; i < 60000; i++) printf "k%d = x\n", i }' >"$tmp/big.ini"
trun --config "$tmp/big.ini" list --db "$db"
check "a 650 KB configuration is refused at once" status_is 1
check "saying how large it may be" err_has "$tmp/big.ini: too large for a configuration file ($(wc -c <"$tmp/big.ini") bytes; at most 65536)"
awk 'BEGIN { print "[database]"; n = 11; for (i = 0; n < 65000; i++) { s = sprintf("; comment line %d of a long file\n", i); n += length(s); printf "%s", s } print "busy_timeout = 100" }' >"$tmp/max.ini"
check "(the file near the bound is under 64 KiB)" test "$(wc -c <"$tmp/max.ini")" -le 65536
start=$(date +%s)
trun --config "$tmp/max.ini" list --db "$db" --format csv
check "a file near the bound is read" status_is 0
check "within 2 seconds" test $(($(date +%s) - start)) -le 2
awk 'BEGIN { print "[ui]"; for (i = 0; i < 4000; i++) printf "unknown%d = x\n", i }' >"$tmp/keys.ini"
start=$(date +%s)
trun --config "$tmp/keys.ini" list --db "$db" --format csv
check "thousands of keys near the bound are read" status_is 0
check "within 2 seconds too" test $(($(date +%s) - start)) -le 2

printf '[ui]\nlanguage = en\n' >"$tmp/secret.ini"
chmod 000 "$tmp/secret.ini"
if running_as_root; then
	skip "unreadable configuration (root reads any file)"
else
	run list --db "$db" --config "$tmp/secret.ini"
	check "an unreadable configuration is an error" status_is 1
	check "that says why" err_has "Permission denied"
fi

printf '[ui]\nlanguage = en\ncolour_scheme = blue\n[colours]\nx = 1\n' >"$cfg"
run list --db "$db" --config "$cfg" --format csv
check "unknown keys do not stop hoso" status_is 0
check "an unknown key is warned about, with its line" err_has "$cfg:3: unknown key 'colour_scheme' in [ui]"
check "an unknown section is warned about" err_has "unknown section [colours]"

: >"$cfg"
run list --db "$db" --config "$cfg" --format csv
check "an empty configuration is fine" status_is 0
check "and quiet" err_empty

run list --db "$db" --config "$top_srcdir/data/hoso.ini" --format csv
check "the sample configuration loads" status_is 0
check "without a warning" err_empty

# Precedence: system < user < --config < HOSO_DB < --db.
mkdir -p "$tmp/etc" "$XDG_CONFIG_HOME/hoso"
seeded "$tmp/sys.db"
seeded "$tmp/user.db"
seeded "$tmp/explicit.db"
seeded "$tmp/env.db"
seeded "$tmp/arg.db"
for f in sys user explicit env arg; do
	sqlite3 "$tmp/$f.db" "UPDATE item SET title = 'from $f' WHERE no = 1"
done
printf '[database]\npath = %s\n' "$tmp/sys.db" >"$tmp/etc/hoso.ini"
run list --format csv
check "the system file sets the database" out_has "from sys"
printf '[database]\npath = user.db\n' >"$XDG_CONFIG_HOME/hoso/hoso.ini"
cp "$tmp/user.db" "$XDG_CONFIG_HOME/hoso/user.db"
run list --format csv
check "the user's file overrides it (a relative path is taken from the file's directory)" out_has "from user"
printf '[database]\npath = %s\n' "$tmp/explicit.db" >"$cfg"
run list --config "$cfg" --format csv
check "--config overrides the user's file" out_has "from explicit"
run_env HOSO_DB="$tmp/env.db" -- list --config "$cfg" --format csv
check "HOSO_DB overrides the files" out_has "from env"
run_env HOSO_DB="$tmp/env.db" -- list --config "$cfg" --db "$tmp/arg.db" --format csv
check "--db overrides everything" out_has "from arg"
rm -f "$tmp/etc/hoso.ini" "$XDG_CONFIG_HOME/hoso/hoso.ini"

printf '[database]\npath = ~/home.db\n' >"$cfg"
seeded "$HOME/home.db"
run list --config "$cfg" --format csv
check "~/ in a path is the home directory" status_is 0

# The language: [ui] language, else the locale.
printf '[ui]\nlanguage = vi\n' >"$cfg"
run list --db "$db" --config "$cfg"
check "language = vi speaks Vietnamese" out_has "Trạng thái"
printf '[ui]\nlanguage = en\n' >"$cfg"
run_env LANGUAGE=vi -- list --db "$db" --config "$cfg"
check "language = en speaks English whatever the locale says" out_has "Status"
run_env LANGUAGE=vi -- list --db "$db"
check "without the setting the locale decides" out_has "Trạng thái"
printf '[ui]\nlanguage = vi\n' >"$cfg"
run list --db "$db" --config "$cfg" --status bogus
check "errors are in the chosen language too" err_has "trạng thái"

# Dates as configured.
sqlite3 "$db" "UPDATE item SET due_date = '2025-03-07' WHERE no = 42"
run list --db "$db"
check "dates read dd/mm/yyyy by default" out_has "07/03/2025"
printf '[ui]\ndate_format = yyyy-mm-dd\n' >"$cfg"
run list --db "$db" --config "$cfg"
check "date_format = yyyy-mm-dd shows ISO dates" out_has "2025-03-07"

# busy_timeout: a change (here the upgrade of an older database) waits that
# long for another writer, then says the database is busy.
sqlite3 "$tmp/old.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 1; PRAGMA journal_mode = WAL"
hold() { (echo "BEGIN IMMEDIATE; INSERT INTO kind VALUES (99, 'x', 'x', 'x');"; sleep "$1"; echo "ROLLBACK;") | sqlite3 "$tmp/old.db" >/dev/null 2>&1; }
printf '[database]\nbusy_timeout = 200\n' >"$cfg"
hold 3 &
sleep 0.5
run list --db "$tmp/old.db" --config "$cfg"
wait
check "a short busy_timeout gives up while another clerk writes" status_is 1
check "and says the database is busy" err_has "busy"
printf '[database]\nbusy_timeout = 10000\n' >"$cfg"
hold 1 &
sleep 0.5
run list --db "$tmp/old.db" --config "$cfg"
wait
check "a long busy_timeout waits for the other writer" status_is 0
check "then upgrades the database" test "$(sqlite3 "$tmp/old.db" 'PRAGMA user_version')" = 3

finish
