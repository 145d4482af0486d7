#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "itemscan.h"
#include "locmatrix.h"
#include "refdata.h"
#include "store.h"

int locmatrix_list(struct store *s, long after, int max,
                   int (*fn)(void *ctx, long no, const char *title), void *ctx, struct error *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if (store_prepare(s,
	                  "SELECT p.no, p.title FROM item p"
	                  " WHERE p.kind = ?1 AND p.archived = 0 AND p.no > ?2"
	                  " AND EXISTS (SELECT 1 FROM item c WHERE c.parent_id = p.id AND c.archived = 0)"
	                  " ORDER BY p.no LIMIT ?3",
	                  &st, err) != 0)
		return -1;
	sqlite3_bind_int(st, 1, kind_parse("pilot"));
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, max > 0 ? max : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *title = (const char *)sqlite3_column_text(st, 1);
		int stop;

		n++;
		if ((stop = fn(ctx, (long)sqlite3_column_int64(st, 0), title != NULL ? title : "")) != 0) {
			sqlite3_finalize(st);
			return stop < 0 ? -1 : n;
		}
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, err, _("reading items"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return n;
}

struct load {
	struct report *r;
	struct report_matrix *m;
	long max, left_out;
};

static int add_row(void *ctx, const struct item_scan_row *row)
{
	struct load *l = ctx;

	if (l->max > 0 && (long)l->m->n >= l->max) {
		l->left_out++;
		return 0;
	}
	return report_matrix_add_row(l->r, l->m, row->no, row->locality[0] != '\0' ? row->locality : row->title,
	                             row->status, row->progress, row->due, row->lead) != 0 ? -2 : 0;
}

long locmatrix_load(struct store *s, struct report *r, long no, const char *title, long long as_of_ms,
                    long max_rows, struct error *err)
{
	struct item_scan_options o = {
		.order = ITEM_SCAN_BY_NO, .today = r->as_of, .as_of_ms = as_of_ms, .parent_no = no, .locality = true,
	};
	struct item_scan *sc = NULL;
	struct load l = { r, NULL, max_rows, 0 };
	char *found = NULL;
	int rc;

	if (title == NULL) {
		sqlite3_stmt *st;

		if (store_prepare(s, "SELECT title FROM item WHERE no = ?1 AND archived = 0", &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, no);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			found = strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return error_set(err, ERROR_RUNTIME, _("no item number %ld"), no);
		if (rc != SQLITE_ROW)
			return store_fail(s, err, _("reading items"));
		if (found == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		title = found;
	}
	l.m = report_add_matrix(r, no, title);
	free(found);
	if (l.m == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	if (item_scan_open(&sc, s, NULL, &o, err) != 0)
		return -1;
	rc = item_scan_step(sc, 0, add_row, &l, err);
	item_scan_close(&sc);
	if (rc == -2)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	return rc < 0 ? -1 : l.left_out;
}

struct locmatrix_probe {
	struct store *store;
	sqlite3_stmt *st;
	int pilot;
};

int locmatrix_probe_open(struct locmatrix_probe **out, struct store *s, struct error *err)
{
	struct locmatrix_probe *p = calloc(1, sizeof *p);

	*out = NULL;
	if (p == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	p->store = s;
	p->pilot = kind_parse("pilot");
	if (store_prepare(s, "SELECT EXISTS (SELECT 1 FROM item c WHERE c.parent_id = ?1 AND c.archived = 0)", &p->st,
	                  err) != 0) {
		free(p);
		return -1;
	}
	*out = p;
	return 0;
}

int locmatrix_probe_has(struct locmatrix_probe *p, const char *id, int kind, struct error *err)
{
	int rc, yes;

	if (kind != p->pilot)
		return 0;
	sqlite3_reset(p->st);
	if (store_bind_uuid(p->st, 1, id) != SQLITE_OK)
		return 0;
	rc = sqlite3_step(p->st);
	if (rc != SQLITE_ROW) {
		store_fail(p->store, err, _("reading items"));
		sqlite3_reset(p->st);
		return -1;
	}
	yes = sqlite3_column_int(p->st, 0);
	sqlite3_reset(p->st);
	return yes != 0;
}

void locmatrix_probe_close(struct locmatrix_probe **pp)
{
	if (pp == NULL || *pp == NULL)
		return;
	sqlite3_finalize((*pp)->st);
	free(*pp);
	*pp = NULL;
}
