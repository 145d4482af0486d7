# What the bench scripts share (sourced by bench/run, bench/edit and
# bench/meeting from the top of the tree): the sizes, the runs, a scratch
# directory with an empty home, the databases generated once, and the
# figures' arithmetic.
#
#   HOSO_BENCH_SIZES   the item counts (default "10000 100000 1000000")
#   HOSO_BENCH_RUNS    runs of each screen script (default 5)
#   HOSO_BENCH_RAW     a directory to keep the raw lines in (default: none)

sizes=${HOSO_BENCH_SIZES:-"10000 100000 1000000"}
runs=${HOSO_BENCH_RUNS:-5}

[ -f Makefile ] || { [ -x configure ] || autoreconf -fi; ./configure -q; }
make -s hoso hoso-render bench/gen bench/drive bench/floor bench/dropcache >/dev/null
[ -x /usr/bin/time ] || { echo "bench needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
# HOSO_BENCH_RAW=DIR keeps each script's raw lines (one line per run and step) in DIR/SCRIPT.
keep_raw() {
	[ -n "${HOSO_BENCH_RAW:-}" ] || return 0
	mkdir -p "$HOSO_BENCH_RAW/${0##*/}"
	find "$work" -maxdepth 1 -type f -size -10M -exec cp {} "$HOSO_BENCH_RAW/${0##*/}/" \;
}
trap 'keep_raw; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export HOSO_SYSTEM_CONFIG="$work/none.ini" HOSO_TODAY=2025-06-30
export LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR HOSO_DB LANGUAGE
mkdir -p "$HOME" bench/data

first=$(echo "$sizes" | awk '{ print $1 }')
last=$(echo "$sizes" | awk '{ print $NF }')

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now_ns() { date +%s%N; }

# med NAME COLUMN FILE: the median of COLUMN over FILE's lines named NAME.
med() { awk -v m="$1" -v c="$2" '$1 == m && $2 != "timeout" { print $c }' "$3" | median; }

# timed NAME FILE COMMAND...: runs COMMAND (its output to /dev/null), adds "NAME ms kB" to FILE.
timed() {
	name=$1 file=$2
	shift 2
	a=$(now_ns)
	/usr/bin/time -f '%M' -o "$work/mem" "$@" >/dev/null 2>"$work/stderr" || {
		echo "bench: $name failed: $(tail -n 2 "$work/stderr" | tr '\n' ' ')" >&2
	}
	b=$(now_ns)
	echo "$name $(( (b - a) / 1000 )) $(tail -n 1 "$work/mem")" | awk '{ printf "%s %.3f %s\n", $1, $2 / 1000, $3 }' >>"$file"
}

# ensure N FILE SCHEMA: FILE is a generated database of N items at SCHEMA.
ensure() {
	if [ -f "$2" ] && [ "$(sqlite3 "$2" 'PRAGMA user_version')" = "$3" ]; then
		return
	fi
	echo "generating $1 items (schema $3) into $2 …" >&2
	rm -f "$2" "$2-wal" "$2-shm"
	bench/gen --schema "$3" "$1" "$2.tmp" && mv "$2.tmp" "$2"
}

# load: the machine's load average when a size starts, for the report.
load() { cut -d ' ' -f 1-3 /proc/loadavg; }

# screen_table SUFFIX NAME...: for each NAME the median time and bytes at
# each size, from "$work/$n.SUFFIX" (lines "name ms bytes" of bench/drive).
screen_table() {
	suffix=$1
	shift
	printf '%-24s' "figure"
	for n in $sizes; do printf '%22s' "$n items"; done
	echo
	for m in "$@"; do
		printf '%-24s' "$m"
		for n in $sizes; do
			ms=$(med "$m" 2 "$work/$n.$suffix")
			by=$(med "$m" 3 "$work/$n.$suffix")
			if [ "$ms" = "-" ]; then printf '%22s' "-"; continue; fi
			[ "$by" = 0 ] && by=-
			printf '%11s ms %6s B' "$(printf '%.2f' "$ms")" "$by"
		done
		echo
	done
	if grep -q ' timeout ' "$work"/*."$suffix" 2>/dev/null; then
		echo "  (timed out, left out of the medians: $(grep -h ' timeout ' "$work"/*."$suffix" | awk '{ print $1 }' | sort -u | tr '\n' ' '))"
	fi
}

# screen_ratios SUFFIX NAME...: the largest size's medians over the smallest's.
screen_ratios() {
	suffix=$1
	shift
	[ "$first" = "$last" ] && return
	echo "ratio of $last to $first items (target: within 1.5x)"
	for m in "$@"; do
		a=$(med "$m" 2 "$work/$first.$suffix")
		b=$(med "$m" 2 "$work/$last.$suffix")
		ab=$(med "$m" 3 "$work/$first.$suffix")
		bb=$(med "$m" 3 "$work/$last.$suffix")
		if [ "$a" = "-" ] || [ "$b" = "-" ]; then continue; fi
		awk -v m="$m" -v a="$a" -v b="$b" -v ab="$ab" -v bb="$bb" 'BEGIN {
			printf "  %-28s time %6.2fx", m, (a > 0 ? b / a : 0)
			if (ab > 0) printf "   bytes %5.2fx", bb / ab
			printf "%s\n", (a > 0 && b / a > 1.5) ? "   MISSES 1.5x" : "" }'
	done
}

# slowest SUFFIX NAME...: the slowest time of any run of the NAMEs, per size.
slowest() {
	suffix=$1
	shift
	printf '%-24s' "slowest (all runs)"
	for n in $sizes; do
		ms=$(for m in "$@"; do awk -v m="$m" '$1 == m && $2 != "timeout" { print $2 }' "$work/$n.$suffix"; done | sort -n | tail -n 1)
		printf '%19s ms' "${ms:--}"
	done
	echo
}

# peak SUFFIX: the highest peak resident memory of the runs, per size.
peak() {
	printf '%-24s' "peak_rss"
	for n in $sizes; do
		kb=$(awk '$1 == "peak_rss_kb" { print $2 }' "$work/$n.$1" | sort -n | tail -n 1)
		printf '%19s kB' "${kb:--}"
	done
	echo
}

# target TEXT SUFFIX NAME COLUMN LIMIT: a line saying whether the largest
# size's median of NAME's COLUMN (2 time, 3 bytes) is under LIMIT.
target() {
	v=$(med "$3" "$4" "$work/$last.$2")
	awk -v t="$1" -v v="$v" -v l="$5" -v n="$last" 'BEGIN {
		if (v == "-") { printf "  %-44s not measured\n", t; exit }
		printf "  %-44s %10s at %d items: %s\n", t, v, n, (v + 0 < l + 0) ? "ok" : sprintf("MISSES by %.2fx", v / l) }'
}
