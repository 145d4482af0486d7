#!/bin/sh
# The command line itself: help, version, unknown commands and options, exit statuses.
. "$top_srcdir/tests/lib.sh"

run --help
check "--help exits 0" status_is 0
check "--help lists every command" sh -c "for c in init list show check backup; do grep -q \"hoso \$c\" '$out' || exit 1; done"

run --version
check "--version exits 0" status_is 0
check "--version prints the name and version" out_has "hoso 0."

run frobnicate
check "an unknown command is a usage error (2)" status_is 2
check "an unknown command is named" err_has "unknown command 'frobnicate'"
check "a usage error is one line" err_lines 1

run --frobnicate
check "an unknown option is a usage error" status_is 2
check "an unknown option is named" err_has "--frobnicate"

run list --sort
check "an option without its value is a usage error" status_is 2
check "the option missing its value is named" err_has "--sort"

run list --format xml
check "a bad --format is a usage error" status_is 2
check "a bad --format names the value and the choices" err_has "'xml' (one of table, csv, json)"

run list --status bogus
check "a bad --status is a usage error" status_is 2
check "a bad --status names the value" err_has "'bogus'"

run list --kind bogus
check "a bad --kind is a usage error" status_is 2

for y in 19 abc 3000 -2023 2023x; do
	run list --year "$y"
	check "--year $y is a usage error" status_is 2
done

run list --sort title:sideways
check "a bad sort direction is a usage error" status_is 2
run list --sort colour
check "a bad sort field is a usage error" status_is 2
check "a bad sort field lists the fields" err_has "no, code, title, kind, unit, due, status, progress"

run show
check "show without an item is a usage error" status_is 2
run show 1 2
check "show with two items is a usage error" status_is 2
run backup
check "backup without a file is a usage error" status_is 2
run init extra
check "init with an argument is a usage error" status_is 2
run list extra
check "list with an argument is a usage error" status_is 2

run_env HOSO_TODAY=30/06/2024 -- list
check "a bad HOSO_TODAY is a usage error" status_is 2
check "a bad HOSO_TODAY is named" err_has "HOSO_TODAY"
run_env HOSO_TODAY=2024-02-30 -- list
check "HOSO_TODAY must be a day that exists" status_is 2

run list --db ""
check "an empty --db is a usage error" status_is 2

run
check "the full-screen application refuses a non-terminal" status_is 1
check "and says so in one line" err_has "needs a terminal"

finish
