# Sourced by the end-to-end tests: a sealed environment, the built binary,
# and small checks that count what passed and what failed.
# Each test file ends with `finish`, which exits 0 only when nothing failed.

set -u

if [ -z "${HOSO:-}" ] || [ -z "${top_srcdir:-}" ]; then
	echo "run the tests through 'make check' (HOSO and top_srcdir are not set)" >&2
	exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-test.XXXXXX") || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# Nothing of the person running the tests leaks in.
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export HOSO_SYSTEM_CONFIG="$tmp/etc/hoso.ini"
export HOSO_TODAY=2024-06-30
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
export TERM=xterm-256color
unset HOSO_DB NO_COLOR COLUMNS LANGUAGE HOSO_FRAME_FD LC_CTYPE LC_MESSAGES 2>/dev/null
mkdir -p "$HOME"

# The Vietnamese messages, from the source catalogue.
export HOSO_LOCALEDIR="$tmp/locale"
mkdir -p "$HOSO_LOCALEDIR/vi/LC_MESSAGES"
msgfmt -o "$HOSO_LOCALEDIR/vi/LC_MESSAGES/hoso.mo" "$top_srcdir/po/vi.po" || exit 99

passed=0
failed=0
out="$tmp/out"
err="$tmp/err"
status=0

# run ARGS...: runs hoso; keeps its output in $out and $err and its exit status in $status.
run() {
	"$HOSO" "$@" >"$out" 2>"$err" </dev/null
	status=$?
}

# run_env VAR=VALUE... -- ARGS...: like run, with those variables set for hoso only.
run_env() {
	(
		while [ "$1" != "--" ]; do
			export "$1"
			shift
		done
		shift
		"$HOSO" "$@" >"$out" 2>"$err" </dev/null
		echo $? >"$tmp/status"
	)
	status=$(cat "$tmp/status")
}

pass() {
	passed=$((passed + 1))
	printf 'ok %d - %s\n' $((passed + failed)) "$1"
}

fail() {
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' $((passed + failed)) "$1"
	printf '    exit status: %s\n' "$status"
	[ -s "$out" ] && sed -e 's/^/    out| /' "$out" | head -n 40
	[ -s "$err" ] && sed -e 's/^/    err| /' "$err" | head -n 20
	return 0
}

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
	desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

status_is() { [ "$status" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$out"; }
err_has() { grep -qF -- "$1" "$err"; }
out_lacks() { ! grep -qF -- "$1" "$out"; }
err_empty() { [ ! -s "$err" ]; }
err_lines() { [ "$(wc -l <"$err")" -eq "$1" ]; }

# The line of $out holding TEXT, or nothing.
line_of() { grep -nF -- "$1" "$out" | head -n 1 | cut -d: -f1; }

# before A B: A is printed on an earlier line of $out than B.
before() {
	a=$(line_of "$1")
	b=$(line_of "$2")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

# A fresh seeded database at $1.
seeded() {
	"$HOSO" init --db "$1" >/dev/null 2>&1 </dev/null
}

running_as_root() { [ "$(id -u)" -eq 0 ]; }

finish() {
	echo "# $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
