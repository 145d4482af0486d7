#!/bin/sh
# Hostile bytes in what hoso prints: a name or a value from the command
# line, the configuration or the database, and the messages of SQLite about
# a crafted file, reach the terminal in their inert forms, never as escape
# sequences (OSC 0 sets the terminal's title, OSC 52 writes its clipboard,
# the C1 control CSI 0x9B starts a sequence like ESC [ does).
. "$top_srcdir/tests/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
title="${ESC}]0;HACKED${BEL}"
clip="${ESC}]52;c;SGVsbG8=${BEL}"

# inert FILE: no C0 control (but the newline), no DEL, no C1 control, no
# bidirectional override or isolate, no NUL, and well-formed UTF-8.
inert() {
	[ -e "$1" ] || return 1
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]\\|\342\201[\246-\251]\\|\330\234')" "$1" &&
	[ "$(tr -d '\000' <"$1" | wc -c)" -eq "$(wc -c <"$1")" ] &&
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}
err_inert() { inert "$err"; }
out_inert() { inert "$out"; }

# The check itself: it must see what it is there to see.
printf 'a%sb\n' "$title" >"$tmp/raw"
if inert "$tmp/raw"; then fail "the check refuses raw ESC"; else pass "the check refuses raw ESC"; fi
printf 'a\302\233b\n' >"$tmp/raw"
if inert "$tmp/raw"; then fail "the check refuses C1"; else pass "the check refuses C1"; fi
printf 'a\342\200\256b\n' >"$tmp/raw"
if inert "$tmp/raw"; then fail "the check refuses U+202E"; else pass "the check refuses U+202E"; fi
printf 'a\233b\n' >"$tmp/raw"
if inert "$tmp/raw"; then fail "the check refuses a lone byte 9B"; else pass "the check refuses a lone byte 9B"; fi

db="$tmp/h.db"
seeded "$db"

# The command line.
run list --db "$tmp/x${title}/none.db"
check "a --db path with an escape: exit 1" status_is 1
check "the path is shown inert" err_has "x^[]0;HACKED^G/none.db"
check "nothing raw on stderr (--db)" err_inert

run "x${title}"
check "an unknown command with an escape: exit 2" status_is 2
check "the command is shown inert" err_has "unknown command 'x^[]0;HACKED^G'"
check "nothing raw on stderr (command)" err_inert

run list --db "$db" --status "x${clip}"
check "a bad value on the command line is echoed inert" err_has "x^[]52;c;SGVsbG8=^G"
check "nothing raw on stderr (--status)" err_inert

run list --db "$db" --kind "$(printf 'x\302\233' )2J"
check "a C1 control in a value is echoed as <9B>" err_has "x<9B>2J"
check "nothing raw on stderr (C1)" err_inert

run list --db "$db" --sort "$(printf 'x\342\200\256')y"
check "a bidi override is echoed as <U+202E>" err_has "x<U+202E>y"
check "nothing raw on stderr (bidi)" err_inert

run list --db "$db" --config "$tmp/c${title}.ini"
check "a --config name with an escape is shown inert" err_has "c^[]0;HACKED^G.ini"
check "nothing raw on stderr (--config)" err_inert

# The environment: the full-screen program refuses a locale that is not
# UTF-8 and names it.
run_env LC_ALL= LANG="x${title}" -- --db "$db"
check "a locale name with an escape: exit 1" status_is 1
check "the locale is named inert" err_has "(x^[]0;HACKED^G)"
check "nothing raw on stderr (locale)" err_inert

# The configuration: a key and a value with escapes.
mkdir -p "$XDG_CONFIG_HOME/hoso"
printf '[ui]\nbad%s[31mkey = 1\n' "$ESC" >"$XDG_CONFIG_HOME/hoso/hoso.ini"
run list --db "$db"
check "an unknown key with an escape: a warning, shown inert" err_has "unknown key 'bad^[[31mkey'"
check "nothing raw on stderr (key)" err_inert
printf '[ui]\nlanguage = "x%s"\n' "$clip" >"$XDG_CONFIG_HOME/hoso/hoso.ini"
run list --db "$db"
check "a bad value in the configuration: exit 1" status_is 1
check "the value is echoed inert" err_has "x^[]52;c;SGVsbG8=^G"
check "nothing raw on stderr (value)" err_inert
rm -f "$XDG_CONFIG_HOME/hoso/hoso.ini"

# A crafted database: SQLite's own message names the object at fault.
cp "$db" "$tmp/bad.db"
sqlite3 "$tmp/bad.db" "PRAGMA writable_schema = ON; INSERT INTO sqlite_master VALUES ('table', 'x${title}', 'x${title}', 0, 'CREATE garbage')"
for cmd in list "show 1" check "backup $tmp/copy.db"; do
	# shellcheck disable=SC2086
	run $cmd --db "$tmp/bad.db"
	check "$cmd on a crafted schema: exit 1" status_is 1
	check "$cmd: SQLite's message shows the name inert" err_has "x^[]0;HACKED^G"
	check "$cmd: nothing raw on stderr" err_inert
done

# A crafted older database whose trigger raises a message while hoso
# upgrades it: SQLite passes the message on.
sqlite3 "$tmp/v1.db" <"$top_srcdir/data/schema/0001-core.sql"
sqlite3 "$tmp/v1.db" "PRAGMA user_version = 1;
INSERT INTO programme (id, title, created_at, updated_at) VALUES ('p', 'P', 'x', 'x');
INSERT INTO item (id, no, programme_id, kind, title, status, created_at, updated_at)
 VALUES ('i1', 1, 'p', 1, 'T', 2, 'x', 'x');
CREATE TRIGGER t BEFORE UPDATE ON item BEGIN SELECT RAISE(ABORT, 'x${clip}'); END;"
run list --db "$tmp/v1.db"
check "a trigger's message: exit 1" status_is 1
check "the message is shown inert" err_has "x^[]52;c;SGVsbG8=^G"
check "nothing raw on stderr (trigger)" err_inert

# Data with escapes, C1 controls and bidi overrides, in the text output.
sqlite3 "$db" "UPDATE item SET title = 'Độc' || char(27) || ']0;HACKED' || char(7) || ' ' || char(27) || ']52;c;SGVsbG8=' || char(7) || ' c1' || char(155) || '2J ' || char(8238) || 'ngược' || char(9) || 'tab' WHERE no = 1"
run show 1 --db "$db"
check "show prints the title inert" out_has "Độc^[]0;HACKED^G ^[]52;c;SGVsbG8=^G c1<9B>2J <U+202E>ngược tab"
check "nothing raw in show's output" out_inert
run list --db "$db"
check "the table prints the title inert" out_has "Độc^[]0;HACKED^G ^[]52;c;SGVsbG8=^G c1<9B>2J <U+202E>ngược tab"
check "nothing raw in the table" out_inert
if command -v script >/dev/null 2>&1; then
	for fmt in table csv json; do
		want="Độc^[]0;HACKED^G"
		[ $fmt = json ] && want='Độc\u001b]0;HACKED\u0007'
		script -qec "'$HOSO' list --db '$db' --format $fmt" /dev/null </dev/null >"$out" 2>"$err"
		tr -d '\r' <"$out" >"$tmp/o" && mv "$tmp/o" "$out"
		# The table on a terminal may be in colour: take the SGR sequences
		# hoso writes itself out first.
		sed -e "s/${ESC}\[[0-9;]*m//g" "$out" >"$tmp/o" && mv "$tmp/o" "$out"
		check "list --format $fmt on a terminal shows the title" out_has "$want"
		check "list --format $fmt on a terminal: nothing raw" out_inert
	done
fi

finish
