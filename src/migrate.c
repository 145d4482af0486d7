#include "config.h"

#include <stddef.h>
#include <stdio.h>

#include "derived.h"
#include "i18n.h"
#include "migrate.h"
#include "schema_sql.h"
#include "store.h"

struct migration {
	int version;
	const char *sql;
	/* Work SQL cannot do (computed columns), run after the SQL; may be NULL. */
	int (*after)(struct store *s, struct error *err);
	/* SQL that needs that work done (an index over computed columns); may be NULL. */
	const char *sql_after;
};

static const struct migration migrations[] = {
	{ 1, schema_0001, NULL, NULL },
	{ 2, schema_0002, derived_refresh_all, schema_0002_index },
	{ 3, schema_0003, NULL, schema_0003_index },
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int migrate_latest(void)
{
	return migrations[NMIGRATIONS - 1].version;
}

int migrate_to(struct store *s, int target, struct error *err)
{
	int from = store_schema_version(s);
	char sql[64];
	int i;

	if (from < 0)
		return store_fail(s, err, _("reading the schema version"));
	if (from > migrate_latest())
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: made by a newer hoso (schema version %d; this hoso knows up to %d); use a newer hoso"),
		                 store_path(s), from, migrate_latest());
	if (from >= target)
		return 0;
	if (store_read_only(s) != STORE_RO_NO)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: the database needs an upgrade (schema version %d to %d); open it once without --read-only, as a user who can write it"),
		                 store_path(s), from, target);
	if (store_begin(s, err) != 0)
		return -1;
	for (i = 0; i < NMIGRATIONS; i++) {
		const struct migration *m = &migrations[i];

		if (m->version <= from || m->version > target)
			continue;
		if (store_exec(s, m->sql, err) != 0)
			goto fail;
		if (m->after != NULL && m->after(s, err) != 0)
			goto fail;
		if (m->sql_after != NULL && store_exec(s, m->sql_after, err) != 0)
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", target);
	if (store_exec(s, sql, err) != 0)
		goto fail;
	if (store_commit(s, err) != 0)
		return -1;
	/*
	 * Migration 3 rebuilt every table: give the space of the old ones back
	 * to the file system. A failure (no room for the copy VACUUM makes)
	 * leaves the file whole, only larger.
	 */
	if (from < 3 && target >= 3 && from > 0)
		sqlite3_exec(store_db(s), "VACUUM", NULL, NULL, NULL);
	return 0;

fail:
	store_rollback(s);
	{
		struct error inner = *err;

		error_set(err, ERROR_RUNTIME, _("upgrading the schema from version %d failed, nothing was changed: %s"),
		          from, inner.msg);
	}
	return -1;
}

int migrate_run(struct store *s, struct error *err)
{
	return migrate_to(s, migrate_latest(), err);
}
