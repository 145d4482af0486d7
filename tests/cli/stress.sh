#!/bin/sh
# Several clerks saving at once, and saves killed half-way: every save hoso
# acknowledged (exit 0) is in the file with its history row, nothing else
# half-written is, and the file stays whole.
. "$top_srcdir/tests/lib.sh"

db="$tmp/stress.db"
export HOSO_DB="$db"
run init
check "a database to stress" status_is 0

sql() { sqlite3 -batch -noheader -cmd '.timeout 10000' "$db" "$1"; }

writers=4
rounds=${HOSO_STRESS_ROUNDS:-150}

# writer W: rounds saves, acknowledged values into ack.W. Each writer has an
# item of its own (W+1) and shares item 1 with the others, changing a field
# no other writer changes there (those saves merge).
writer() {
	w=$1
	cfg="$tmp/writer$w.ini"
	printf '[user]\nname = writer%s\n' "$w" >"$cfg"
	case $w in
	1) shared=notes ;;
	2) shared=source ;;
	3) shared=code ;;
	*) shared=title ;;
	esac
	: >"$tmp/ack.$w"
	i=0
	while [ $i -lt "$rounds" ]; do
		i=$((i + 1))
		v="w$w-$i"
		if "$HOSO" --config "$cfg" set $((w + 1)) "notes=$v" >/dev/null 2>>"$tmp/errors.$w"; then
			echo "own $v" >>"$tmp/ack.$w"
		fi
		if [ $((i % 3)) -eq 0 ] && "$HOSO" --config "$cfg" set 1 "$shared=S$v" >/dev/null 2>>"$tmp/errors.$w"; then
			echo "shared $shared S$v" >>"$tmp/ack.$w"
		fi
	done
}

v0=$(sql "SELECT group_concat(version, ' ') FROM (SELECT version FROM item WHERE no BETWEEN 2 AND $((writers + 1)) ORDER BY no)")
w=1
while [ $w -le $writers ]; do
	writer $w &
	w=$((w + 1))
done
wait

w=1
total=0
missing=0
while [ $w -le $writers ]; do
	n=$(grep -c '^own ' "$tmp/ack.$w")
	total=$((total + n))
	check "writer $w: every one of its own saves was acknowledged ($n of $rounds)" test "$n" -eq "$rounds"
	# Its item: one version per save, the last value standing.
	before=$(echo "$v0" | cut -d' ' -f$w)
	check "writer $w: its item went up one version per save" \
		test "$(sql "SELECT version FROM item WHERE no = $((w + 1))")" -eq $((before + rounds))
	last=$(grep '^own ' "$tmp/ack.$w" | tail -n 1 | cut -d' ' -f2)
	check "writer $w: its item holds its last save" test "$(sql "SELECT notes FROM item WHERE no = $((w + 1))")" = "$last"
	# Every acknowledged save has its history row, with the writer's name.
	while read -r what a b; do
		if [ "$what" = own ]; then field=notes; value=$a; else field=$a; value=$b; fi
		c=$(sql "SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id
		         WHERE c.login = 'writer$w' AND h.field = '$field' AND h.new_value = '$value'")
		[ "$c" = 1 ] || missing=$((missing + 1))
	done <"$tmp/ack.$w"
	acks=$(wc -l <"$tmp/ack.$w")
	check "writer $w: one change row per acknowledged save, none more" \
		test "$(sql "SELECT count(*) FROM change WHERE login = 'writer$w'")" -eq "$acks"
	w=$((w + 1))
done
nshared=$(cat "$tmp"/ack.* | grep -c '^shared ')
check "every acknowledged save has its history row ($total own saves, $nshared on the shared item)" test "$missing" -eq 0
check "saves refused on the shared item were refused for a conflict or a busy file, never a crash" \
	sh -c "! cat '$tmp'/errors.* | grep -v 'another clerk changed it meanwhile\|busy\|locked' | grep -q ."
check "PRAGMA integrity_check is ok after the writers" test "$(sql 'PRAGMA integrity_check')" = ok
run check
check "hoso check finds nothing wrong after the writers" status_is 0

# kill -9 during saves: a save killed before its commit leaves nothing, one
# acknowledged is there. Each save is killed after a few milliseconds, often
# half-way through.
cfg="$tmp/killed.ini"
v6=$(sql "SELECT version FROM item WHERE no = 6")
printf '[user]\nname = killed\n' >"$cfg"
: >"$tmp/ack.killed"
# How long one save takes here and now (a loaded machine is slower): the
# kills fall from its start to a little after its end.
a=$(date +%s%N)
"$HOSO" --config "$cfg" set 6 "notes=k0" >/dev/null 2>&1
us=$(( ($(date +%s%N) - a) / 1000 ))
i=0
killed=0
kills=${HOSO_STRESS_KILLS:-120}
while [ $i -lt "$kills" ]; do
	i=$((i + 1))
	"$HOSO" --config "$cfg" set 6 "notes=k$i" "progress=$((i % 101))" >/dev/null 2>&1 &
	pid=$!
	# From 0 to 1.8 times a save: somewhere between starting and having committed, or done.
	sleep "$(awk -v us="$us" -v k=$((i % 10)) 'BEGIN { printf "%.6f", us * k / 5 / 1e6 }')"
	kill -9 "$pid" 2>/dev/null
	if { wait "$pid"; } 2>/dev/null; then
		echo "k$i" >>"$tmp/ack.killed"
	else
		killed=$((killed + 1))
	fi
done
acked=$(wc -l <"$tmp/ack.killed")
check "some saves were killed ($killed) and some finished ($acked)" test "$killed" -gt 0 -a "$acked" -gt 0
missing=0
while read -r v; do
	c=$(sql "SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id
	         WHERE c.login = 'killed' AND h.field = 'notes' AND h.new_value = '$v'")
	[ "$c" = 1 ] || missing=$((missing + 1))
done <"$tmp/ack.killed"
check "every save acknowledged before a kill -9 is in the file ($acked)" test "$missing" -eq 0
# A save killed after its commit but before saying so is there too; one
# killed before is not there at all: every change row has its history rows,
# and the item's version counts the change rows.
check "no change row without its history rows" \
	test "$(sql "SELECT count(*) FROM change c WHERE login = 'killed' AND NOT EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)")" -eq 0
committed=$(sql "SELECT count(*) FROM change WHERE login = 'killed'")
check "the item's version went up once for each save that committed ($committed)" \
	test "$(sql "SELECT version FROM item WHERE no = 6")" -eq $((v6 + committed))
check "PRAGMA integrity_check is ok after the kills" test "$(sql 'PRAGMA integrity_check')" = ok
run check
check "hoso check finds nothing wrong after the kills (kept counts included)" status_is 0

finish
