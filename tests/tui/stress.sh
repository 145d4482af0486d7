#!/bin/sh
# Several processes saving at once, the full-screen app among them: two
# hoso apps in tmux, each editing an item of its own and one item they
# share (each a field of its own; one app's form open while the other
# saves) through the form in a loop, while three `hoso set` loops write
# other items and other fields of the shared item.
# Then: every save an app acknowledged on its status line ("Saved item #N
# (version V)") and every `hoso set` that exited 0 has its change and
# history row, by that clerk's name and its unique value; the versions add
# up; the last acknowledged value of each field stands (nothing silently
# lost); PRAGMA integrity_check and hoso check are ok. A conflict screen,
# should one appear, is answered with 'mine' and counted.
. "$top_srcdir/tests/tui/lib.sh"

db="$tmp/h.db"
seeded "$db"
sql() { sqlite3 -batch -noheader -cmd '.timeout 10000' "$db" "$1"; }
rounds=${HOSO_STRESS_TUI_ROUNDS:-150}
budget=${HOSO_STRESS_TUI_SECONDS:-30}
deadline=$(($(date +%s) + budget))

# The items and fields: each field of each item has one writer only.
#   app1: item 3 code (its own), item 1 title (shared)
#   app2: item 4 code (its own), item 1 code (shared)
#   set1: item 20 notes, item 1 notes; set2: item 21 notes, item 1 source;
#   set3: item 22 notes
version_of() { sql "SELECT version FROM item WHERE no = $1"; }
for n in 1 3 4 20 21 22; do eval "v0_$n=\$(version_of $n)"; done

# ------------------------------------------------------------------ hoso set loops
# Each acknowledged save is a line "ITEM FIELD VERSION VALUE" of ack.WRITER.
version_in() { sed -n 's/.*(version \([0-9]*\)).*/\1/p' "$1"; }
: >"$tmp/stop.not"
setter() {
	s=$1
	own=$2
	shared=$3
	printf '[user]\nname = set%s\n' "$s" >"$tmp/set$s.ini"
	: >"$tmp/ack.set$s"
	i=0
	while [ -e "$tmp/stop.not" ] && [ $i -lt 2000 ]; do
		i=$((i + 1))
		v="s$s-$i"
		if "$HOSO" --db "$db" --config "$tmp/set$s.ini" set "$own" "notes=$v" >"$tmp/out.set$s" 2>>"$tmp/errors.set$s"; then
			echo "$own notes $(version_in "$tmp/out.set$s") $v" >>"$tmp/ack.set$s"
		fi
		if [ -n "$shared" ] && [ $((i % 2)) -eq 0 ] &&
		   "$HOSO" --db "$db" --config "$tmp/set$s.ini" set 1 "$shared=S$v" >"$tmp/out.set$s" 2>>"$tmp/errors.set$s"; then
			echo "1 $shared $(version_in "$tmp/out.set$s") S$v" >>"$tmp/ack.set$s"
		fi
	done
}
setter 1 20 notes &
setter 2 21 source &
setter 3 22 "" &

# ------------------------------------------------------------------ the apps
# app NAME: hoso for clerk NAME in a terminal of its own.
app() {
	printf '[user]\nname = %s\n' "$1" >"$tmp/$1.ini"
	printf 'exec "%s" --db "%s" --config "%s"\n' "$HOSO" "$db" "$tmp/$1.ini" >"$tmp/run-$1.sh"
	$TMUX_CMD new-session -d -s "$1" -x 100 -y 30 "env TERM=xterm-256color HOSO_FRAME_TITLE=1 sh $tmp/run-$1.sh"
	$TMUX_CMD set-option -t "$1" status off >/dev/null 2>&1
	: >"$tmp/ack.$1"
	session=$1
	last_frame=0
	tui_sync "$1's first screen"
}

# down N: N times the key Down.
down() {
	i=0
	while [ $i -lt "$1" ]; do printf 'Down '; i=$((i + 1)); done
}

# settled: the screen of $session as its last finished frame left it.
settled() {
	case $(tui_pane '#{pane_title}') in
	hoso-frame-*-idle) tui_capture; return 0 ;;
	esac
	return 1
}

conflicts=0
# app_type APP ITEM ROW DOWNS VALUE: in APP's list, row ROW (item ITEM)
# opened in the form, the field DOWNS below the first emptied and VALUE
# typed into it; waits until the form shows it. 1 when it does not.
app_type() {
	session=$1
	# shellcheck disable=SC2046
	$TMUX_CMD send-keys -t "$session" Home $(down "$3") e $(down "$4") C-u
	$TMUX_CMD send-keys -t "$session" -l "$5"
	t0=$(date +%s)
	while [ $(($(date +%s) - t0)) -lt 20 ]; do
		settled && screen_has "Edit item #$2" && screen_has "$5" && return 0
		sleep 0.02
	done
	fail "$1: the form of item #$2 never showed '$5'"
	return 1
}

# app_commit APP ITEM FIELD VALUE: F2 in APP's form; then waits for "Saved
# item #ITEM (version V)" with V above the last this app saw for ITEM,
# answering a conflict screen with 'mine'. The acknowledged save goes to
# ack.APP; 1 when none came.
app_commit() {
	session=$1
	item=$2
	eval "seen=\${seen_$1_$2:-0}"
	$TMUX_CMD send-keys -t "$session" F2
	answered=0
	t0=$(date +%s)
	while [ $(($(date +%s) - t0)) -lt 20 ]; do
		if settled; then
			v=$(status_line | sed -n "s/.*Saved item #$item (version \([0-9]*\)).*/\1/p")
			if [ -n "$v" ] && [ "$v" -gt "$seen" ]; then
				eval "seen_$1_$2=$v"
				echo "$item $3 $v $4" >>"$tmp/ack.$1"
				return 0
			fi
			if screen_has "Conflict: item #$item" && [ $answered = 0 ]; then
				# Not expected (each field has one writer), but answered:
				# the form changed one field, so one 'mine' settles it.
				answered=1
				conflicts=$((conflicts + 1))
				echo "$1: a conflict screen on item #$item saving $3=$4" >>"$tmp/conflicts"
				$TMUX_CMD send-keys -t "$session" m F2
				continue
			fi
			if status_line | grep -q "Not saved"; then
				fail "$1: saving $3=$4 on item #$item was refused: $(status_line)"
				return 1
			fi
		fi
		sleep 0.02
	done
	fail "$1: no 'Saved item #$item' after saving $3=$4"
	return 1
}

# app_save APP ITEM ROW FIELD DOWNS VALUE: app_type, then app_commit.
app_save() {
	app_type "$1" "$2" "$3" "$5" "$6" && app_commit "$1" "$2" "$4" "$6"
}

app app1
app app2
r=0
broken=0
while [ $r -lt "$rounds" ] && [ $(date +%s) -lt "$deadline" ]; do
	r=$((r + 1))
	app_save app1 3 2 code 1 "A1-r$r" || { broken=1; break; }
	app_save app2 4 3 code 1 "A2-r$r" || { broken=1; break; }
	if [ $((r % 2)) -eq 1 ]; then
		# Both on the shared item at once: app1's form is open while
		# app2 saves, so app1's save merges app2's field with its own.
		app_type app1 1 0 2 "Tiêu đề A1 r$r" || { broken=1; break; }
		app_save app2 1 0 code 1 "A2S-r$r" || { broken=1; break; }
		app_commit app1 1 title "Tiêu đề A1 r$r" || { broken=1; break; }
	fi
done
rm -f "$tmp/stop.not"
wait
check "the apps saved in a loop without a hitch ($r rounds)" test "$broken" = 0
for a in app1 app2; do
	session=$a
	tui_send F10
done

# ------------------------------------------------------------------ the file
acks=$(cat "$tmp"/ack.* | wc -l)
# The acknowledged saves as a table (the values hold no quote), checked in one query.
for w in app1 app2 set1 set2 set3; do
	awk -v w="$w" '{ v = $0; sub(/^[^ ]* [^ ]* [^ ]* /, "", v); printf "('\''%s'\'', %s, '\''%s'\'', %s, '\''%s'\''),\n", w, $1, $2, $3, v }' "$tmp/ack.$w"
done >"$tmp/acks.values"
{
	printf 'CREATE TEMP TABLE ack (login, no, field, version, value);\nINSERT INTO ack VALUES\n'
	sed '$ s/,$/;/' "$tmp/acks.values"
	printf "SELECT 'missing: ' || a.login || ' item #' || a.no || ' ' || a.field || '=' || a.value || ' (version ' || a.version || ')'
	 FROM ack a LEFT JOIN (SELECT c.login, i.no, h.field, h.new_value AS value, count(*) AS n
	                       FROM history h JOIN change c ON c.id = h.change_id JOIN item i ON i.id = c.entity_id
	                       GROUP BY 1, 2, 3, 4) w
	 ON w.login = a.login AND w.no = a.no AND w.field = a.field AND w.value = a.value
	 WHERE coalesce(w.n, 0) <> 1;\n"
} >"$tmp/acks.sql"
sqlite3 -batch -noheader -cmd '.timeout 10000' "$db" <"$tmp/acks.sql" >"$tmp/missing" 2>&1
missing=$(wc -l <"$tmp/missing")
sed 's/^/    /' "$tmp/missing" | head -n 20
for w in app1 app2 set1 set2 set3; do
	n=$(wc -l <"$tmp/ack.$w")
	check "$w: acknowledged saves ($n)" test "$n" -gt 0
	check "$w: one change row per acknowledged save, none more" \
		test "$(sql "SELECT count(*) FROM change WHERE login = '$w'")" -eq "$n"
done
check "every acknowledged save ($acks) has its history row" test "$missing" -eq 0
check "every change row has its history rows" \
	test "$(sql "SELECT count(*) FROM change c WHERE what <> 'seed' AND NOT EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)")" -eq 0

# Versions: an item's version went up once per acknowledged save of it, and
# the versions the saves reported are each of those once.
for n in 1 3 4 20 21 22; do
	eval "v0=\$v0_$n"
	saves=$(cat "$tmp"/ack.* | awk -v n="$n" '$1 == n' | wc -l)
	check "item #$n: its version went up once per save ($saves)" test "$(version_of "$n")" -eq $((v0 + saves))
	check "item #$n: the saves reported each version once" \
		test "$(cat "$tmp"/ack.* | awk -v n="$n" '$1 == n { print $3 }' | sort -n | uniq | tr '\n' ' ')" = \
		"$(seq $((v0 + 1)) $((v0 + saves)) | tr '\n' ' ')"
done

# Nothing silently lost: the last acknowledged value of each field stands.
check_last() {
	want=$(grep "^$3 $2 " "$tmp/ack.$1" | tail -n 1 | cut -d' ' -f4-)
	check "item #$3: $2 holds $1's last save ($want)" test "$(sql "SELECT $4 FROM item WHERE no = $3")" = "$want"
}
check_last app1 code 3 code
check_last app2 code 4 code
check_last app1 title 1 title
check_last app2 code 1 code
check_last set1 notes 1 notes
check_last set2 source 1 source
check_last set1 notes 20 notes
check_last set2 notes 21 notes
check_last set3 notes 22 notes

check "a conflict screen never came for fields only one clerk writes ($conflicts)" test "$conflicts" -eq 0
[ -s "$tmp/conflicts" ] && sed 's/^/    /' "$tmp/conflicts"
check "the hoso set loops failed only for a busy file, never a crash" \
	sh -c "! cat '$tmp'/errors.set* | grep -v 'busy\|locked' | grep -q ."
check "PRAGMA integrity_check is ok" test "$(sql 'PRAGMA integrity_check')" = ok
run check --db "$db"
check "hoso check finds nothing wrong" status_is 0

finish
