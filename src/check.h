#ifndef HOSO_CHECK_H
#define HOSO_CHECK_H

/* What `hoso check` finds out about a database file. */

#include <stdbool.h>

#include "error.h"

struct store;

/* How many findings of one kind are said in words; the rest are counted. */
#define CHECK_LINES 20

/* Findings of one kind: how many, and the first CHECK_LINES in words. */
struct check_list {
	long count;
	int shown;
	char line[CHECK_LINES][300];
};

/* How to check. */
struct check_options {
	bool quick;              /* SQLite's quick_check (no index against its table) instead of integrity_check */
	/*
	 * Called at the start of each step (what: its name, translated; step
	 * counts from 1 to steps) and again now and then during a long one (the
	 * same step), so that a caller can show it is working; may be NULL.
	 */
	void (*progress)(void *ctx, const char *what, int step, int steps);
	void *ctx;
};

struct check_report {
	int schema_version;      /* of the file */
	int schema_latest;       /* this program's */
	bool quick;              /* the integrity check was SQLite's quick_check */
	bool integrity_ok;       /* PRAGMA integrity_check (or quick_check) found no damage */
	char integrity[512];     /* its first message when not ok */
	char missing_table[64];  /* "" or a table of the current schema that is missing */
	struct check_list refs;  /* references to rows that do not exist */
	int search_index;        /* 1 ok, 0 damaged, -1 not checked (read-only or old schema) */
	long items, archived, documents, units, localities, changes, history, comments;
	int tally_ok;            /* 1 the kept counts agree with the items, 0 not, -1 not checked */
	/* Items the tree cannot show: in a cycle of parents, under a missing
	 * parent, or below such an item. */
	long cycle_items, orphan_items, below_items;
	struct check_list tree;
	struct check_list values; /* values hoso does not accept (bad dates, no title, bad UTF-8 …) */
};

/*
 * Checks the database of s (opened without migrating) into *r: SQLite's
 * integrity check (or its quick check, which leaves out whether each index
 * matches its table), every reference, the search index, the tree of
 * items, every value hoso reads and the kept counts. Each of hoso's checks
 * reads each table at most twice, so that it stays usable on a large file.
 * opt may be NULL (the full check, no progress). Returns 0 when the checks
 * ran (whatever they found), -1 with err set when they could not.
 */
int check_run(struct store *s, const struct check_options *opt, struct check_report *r,
              struct error *err);

/*
 * About how many seconds checking a file of bytes takes (quick or full), on
 * a small server; for saying so before a long check starts.
 */
long check_estimate_seconds(long long bytes, bool quick);

/* True when r reports nothing wrong. */
bool check_ok(const struct check_report *r);

#endif
