#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "check.h"
#include "i18n.h"
#include "migrate.h"
#include "store.h"

int check_run(struct store *s, struct check_report *r, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof *r);
	r->schema_version = store_schema_version(s);
	r->schema_latest = migrate_latest();
	r->search_index = -1;

	if (store_prepare(s, "PRAGMA integrity_check(20)", &st, err) != 0)
		return -1;
	r->integrity_ok = true;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(st, 0);

		if (msg != NULL && strcmp(msg, "ok") != 0) {
			if (r->integrity_ok)
				snprintf(r->integrity, sizeof r->integrity, "%s", msg);
			r->integrity_ok = false;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		r->integrity_ok = false;
		snprintf(r->integrity, sizeof r->integrity, "%s", sqlite3_errmsg(store_db(s)));
		return 0; /* too damaged to go on; the report says so */
	}
	if (store_query_long(s, "SELECT count(*) FROM pragma_foreign_key_check", &r->fk_problems, err) != 0)
		return -1;
	if (r->schema_version < 1)
		return 0;
	if (r->schema_version >= 2 && store_read_only(s) == STORE_RO_NO) {
		/* FTS5 checks its index against the item table; it changes nothing. */
		rc = sqlite3_exec(store_db(s), "INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)",
		                  NULL, NULL, NULL);
		r->search_index = rc == SQLITE_OK ? 1 : 0;
	}
	if (store_query_long(s, "SELECT count(*) FROM item WHERE archived = 0", &r->items, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM item WHERE archived = 1", &r->archived, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM document", &r->documents, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM unit", &r->units, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM locality", &r->localities, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM history", &r->history, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM comment", &r->comments, err) != 0)
		return -1;
	return 0;
}

bool check_ok(const struct check_report *r)
{
	return r->integrity_ok && r->fk_problems == 0 && r->search_index != 0 &&
	       r->schema_version <= r->schema_latest && r->schema_version >= 1;
}
