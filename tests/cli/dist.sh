#!/bin/sh
# The release tarball carries every file the tests read: a golden screen or a
# script left out of Makefile.am passes `make check` in the clone and fails
# only in `make distcheck` (three golden forms once did).
. "$top_srcdir/tests/lib.sh"

am="$top_srcdir/Makefile.am"
missing=
for f in "$top_srcdir"/tests/*/golden/*.txt "$top_srcdir"/tests/cli/*.sh "$top_srcdir"/tests/tui/*.sh \
	"$top_srcdir"/tests/cli/*.py "$top_srcdir"/tests/cli/*.sql "$top_srcdir"/tests/unit/*.h; do
	[ -e "$f" ] || continue
	rel=${f#"$top_srcdir"/}
	grep -qF "$rel" "$am" || missing="$missing $rel"
done
check "every golden file, test script and test header is in Makefile.am${missing:+ (missing:$missing)}" test -z "$missing"

finish
