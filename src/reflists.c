#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "reflists.h"
#include "store.h"
#include "uuid.h"

static int push(struct ref_entry **v, int *n, int *cap, const char *id, const char *name, long value)
{
	struct ref_entry *e;

	if (*n == *cap) {
		int c = *cap != 0 ? *cap * 2 : 32;
		struct ref_entry *nv = realloc(*v, (size_t)c * sizeof *nv);

		if (nv == NULL)
			return -1;
		*v = nv;
		*cap = c;
	}
	e = &(*v)[*n];
	snprintf(e->id, sizeof e->id, "%s", id != NULL ? id : "");
	e->name = strdup(name != NULL ? name : "");
	e->value = value;
	if (e->name == NULL)
		return -1;
	(*n)++;
	return 0;
}

static int names(struct store *s, const char *sql, struct ref_entry **out, int *n,
                 struct error *err)
{
	sqlite3_stmt *st;
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char id[UUID_LEN + 1];

		store_column_uuid(st, 0, id);
		if (push(out, n, &cap, id, (const char *)sqlite3_column_text(st, 1), 0) != 0) {
			sqlite3_finalize(st);
			reflist_free(out, *n);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		reflist_free(out, *n);
		return store_fail(s, err, _("reading a list"));
	}
	return 0;
}

int reflist_units(struct store *s, struct ref_entry **out, int *n, struct error *err)
{
	return names(s, "SELECT id, CASE WHEN short_name IS NOT NULL AND short_name <> name"
	                " THEN name || ' (' || short_name || ')' ELSE name END"
	                " FROM unit WHERE archived = 0 ORDER BY name_key", out, n, err);
}

int reflist_localities(struct store *s, struct ref_entry **out, int *n, struct error *err)
{
	return names(s, "SELECT id, name FROM locality WHERE archived = 0 ORDER BY name_key",
	             out, n, err);
}

int reflist_years(struct store *s, struct ref_entry **out, int *n, struct error *err)
{
	sqlite3_stmt *st;
	long year = 0;
	int cap = 0;

	*out = NULL;
	*n = 0;
	/* One index probe per distinct year, not a scan of every item. */
	if (store_prepare(s, "SELECT min(year) FROM item WHERE year > ?1", &st, err) != 0)
		return -1;
	for (;;) {
		char name[16];
		int rc;

		sqlite3_bind_int64(st, 1, year);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			reflist_free(out, *n);
			return store_fail(s, err, _("reading a list"));
		}
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			break;
		year = (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		snprintf(name, sizeof name, "%ld", year);
		if (push(out, n, &cap, NULL, name, year) != 0) {
			sqlite3_finalize(st);
			reflist_free(out, *n);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return 0;
}

void reflist_name(struct store *s, bool unit, const char *id, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (store_prepare(s, unit ? "SELECT ifnull(short_name, name) FROM unit WHERE id = ?1"
	                                           : "SELECT name FROM locality WHERE id = ?1",
	                  &st, NULL) != 0)
		return;
	store_bind_uuid(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

void reflist_free(struct ref_entry **v, int n)
{
	int i;

	if (v == NULL || *v == NULL)
		return;
	for (i = 0; i < n; i++)
		free((*v)[i].name);
	free(*v);
	*v = NULL;
}
