#!/bin/sh
# Turns SQL files into C string constants, so that the schema and the seed
# data in data/ are built into the program.
# Usage: sql2c.sh NAME FILE [NAME FILE ...] > out.c
set -eu
echo '/* Generated from data/ by data/sql2c.sh; do not edit. */'
while [ $# -ge 2 ]; do
	name=$1 file=$2
	shift 2
	printf 'extern const char %s[];\nconst char %s[] =\n' "$name" "$name"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$file"
	printf '\t"";\n'
done
