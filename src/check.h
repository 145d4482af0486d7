#ifndef HOSO_CHECK_H
#define HOSO_CHECK_H

/* What `hoso check` finds out about a database file. */

#include <stdbool.h>

#include "error.h"

struct store;

struct check_report {
	int schema_version;      /* of the file */
	int schema_latest;       /* this program's */
	bool integrity_ok;       /* PRAGMA integrity_check */
	char integrity[512];     /* its first message when not ok */
	long fk_problems;        /* rows PRAGMA foreign_key_check reports */
	int search_index;        /* 1 ok, 0 damaged, -1 not checked (read-only or old schema) */
	long items, archived, documents, units, localities, history, comments;
};

/*
 * Checks the database of s (opened without migrating) into *r. Returns 0
 * when the checks ran (whatever they found), -1 with err set when they
 * could not.
 */
int check_run(struct store *s, struct check_report *r, struct error *err);

/* True when r reports nothing wrong. */
bool check_ok(const struct check_report *r);

#endif
