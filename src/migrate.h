#ifndef HOSO_MIGRATE_H
#define HOSO_MIGRATE_H

/*
 * Schema migrations, numbered and keyed on PRAGMA user_version. The SQL of
 * each is kept as SQL with the sources and built into the program.
 */

#include "error.h"

struct store;

/* The schema version this program writes. */
int migrate_latest(void);

/*
 * Brings the database up to migrate_latest() in one transaction: all the
 * missing migrations or none. Refuses a newer schema, and an older one when
 * the store is read-only. Returns 0 or -1 with err set.
 */
int migrate_run(struct store *s, struct error *err);

/*
 * Like migrate_run but stops at version target (for tests that need an
 * older database). Returns 0 or -1 with err set.
 */
int migrate_to(struct store *s, int target, struct error *err);

#endif
