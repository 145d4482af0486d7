#ifndef HOSO_TESTS_UNITDB_H
#define HOSO_TESTS_UNITDB_H

/*
 * What the unit tests of the database share: a seeded database in a
 * scratch directory, saved to as the clerk "an" (unitdb_setup and
 * unitdb_teardown as cmocka's group set-up and tear-down, the store in s);
 * SQL run on it that must not fail; the keys of generated records; a
 * repeatable random number.
 */

#include <sqlite3.h>

#include "seed.h"
#include "store.h"
#include "unit.h"

static char *unitdb_dir;
static struct store *s;

static inline int unitdb_setup(void **state)
{
	struct error err = { 0 };
	char path[512];

	(void)state;
	unit_locale();
	unitdb_dir = unit_tmpdir();
	if (unitdb_dir == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/t.db", unitdb_dir);
	if (store_create(&s, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	store_set_login(s, "an");
	return 0;
}

static inline int unitdb_teardown(void **state)
{
	(void)state;
	store_close(&s);
	unit_rmdir(unitdb_dir);
	unitdb_dir = NULL;
	return 0;
}

/* Runs sql on st's database; a failure fails the test with SQLite's words. */
static inline void unit_exec(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* The key of generated record n of a kind ('i' item, 'u' unit, 'l' locality), as text (4 in turn). */
static inline const char *unit_uid(char kind, long n)
{
	static char buf[4][37];
	static int next;
	char *b = buf[next++ % 4];

	snprintf(b, 37, "%08x-0000-4000-8000-%012lx", (unsigned)kind, n);
	return b;
}

/* A number below n from the sequence *seed steps through (the same every run). */
static inline unsigned unit_rnd(unsigned long long *seed, unsigned n)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*seed >> 33) % n);
}

#endif
