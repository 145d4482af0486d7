#include "config.h"

#include <sqlite3.h>

#include "derived.h"
#include "i18n.h"
#include "migrate.h"
#include "schema_sql.h"
#include "seed.h"
#include "store.h"

/* One history row "created" for every row of a table. */
#define HISTORY_FOR(entity, table) \
	"INSERT INTO history (id, at, login, entity, entity_id, field, old_value, new_value)" \
	" SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'" \
	"   || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))," \
	"   ?1, ?2, '" entity "', id, 'created', NULL, 'seed'" \
	" FROM (SELECT id, hex(randomblob(16)) AS h FROM " table ")"

static int add_history(struct store *s, const char *sql, const char *now, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, store_login(s), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("loading the seed data"));
}

int seed_load(struct store *s, struct error *err)
{
	char now[21];

	store_now(now);
	if (store_begin(s, err) != 0)
		return -1;
	if (store_exec(s, seed_sql, err) != 0 ||
	    add_history(s, HISTORY_FOR("programme", "programme"), now, err) != 0 ||
	    add_history(s, HISTORY_FOR("unit", "unit"), now, err) != 0 ||
	    add_history(s, HISTORY_FOR("locality", "locality"), now, err) != 0 ||
	    add_history(s, HISTORY_FOR("document", "document"), now, err) != 0 ||
	    add_history(s, HISTORY_FOR("item", "item"), now, err) != 0 ||
	    derived_refresh_all(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}

int seed_fill(struct store *s, void *ctx, struct error *err)
{
	(void)ctx;
	/*
	 * The seed is written for schema 2 and brought up to date by the
	 * migrations that follow it, as any file of that version would be.
	 */
	if (migrate_to(s, SEED_SCHEMA_VERSION, err) != 0 || seed_load(s, err) != 0)
		return -1;
	return migrate_run(s, err);
}

int seed_empty(struct store *s, void *ctx, struct error *err)
{
	(void)ctx;
	return migrate_run(s, err);
}
