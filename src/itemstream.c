#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "itemscan.h"
#include "itemstream.h"
#include "refdata.h"
#include "search.h"
#include "store.h"
#include "strbuf.h"

struct item_stream {
	struct store *store;
	struct item_view view;
	struct search_query *query;
	sqlite3_stmt *st;
};

/* The sort value of each order, over the item i (as the pager sorts). */
static const char *const sort_expr[ISORT_COUNT] = {
	[ISORT_NO] = "i.no",
	[ISORT_CODE] = "i.code_key",
	[ISORT_TITLE] = "i.title_key",
	[ISORT_KIND] = "i.kind",
	[ISORT_UNIT] = "(SELECT name_key FROM unit WHERE id = i.lead_unit_id)",
	[ISORT_DUE] = "i.due_date",
	[ISORT_STATUS] = "i.status",
	[ISORT_PROGRESS] = "i.progress",
};

#define ROW_COLS \
	"i.no, i.id, i.parent_id, i.kind, i.status, ifnull(i.progress, -1)," \
	" ifnull(i.due_date, ''), ifnull(i.year, 0), ifnull(i.start_date, '')," \
	" ifnull(i.done_date, ''), ifnull(i.code, ''), i.title," \
	" ifnull(u.short_name, ifnull(u.name, ''))"

/*
 * The tree, depth-first, in one statement. The recursive query's queue is
 * ordered deepest first: when a node comes out, its children go in and are
 * the deepest, so they come out next, in the sort order, each with its
 * subtree before the next sibling; what waits in the queue is the siblings
 * still to come along the path. LIMIT -1 keeps SQLite from dropping that
 * ORDER BY as it drops the order of a subquery that is joined.
 */
static void build_tree(struct strbuf *b, const struct item_view *v)
{
	const char *dir = v->desc ? "DESC" : "ASC";
	const char *key = v->sort == ISORT_NO ? "NULL" : sort_expr[v->sort];

	strbuf_printf(b,
	              "WITH RECURSIVE t(no, id, depth, k) AS ("
	              " SELECT i.no, i.id, 0 AS depth, %s AS k FROM item i"
	              "  WHERE i.parent_id IS NULL AND i.archived = 0"
	              " UNION ALL"
	              " SELECT i.no, i.id, t.depth + 1, %s FROM t JOIN item i ON i.parent_id = t.id"
	              "  WHERE i.archived = 0"
	              " ORDER BY depth DESC, k %s, no %s LIMIT -1)"
	              " SELECT " ROW_COLS ", t.depth FROM t CROSS JOIN item i ON i.no = t.no"
	              " LEFT JOIN unit u ON u.id = i.lead_unit_id",
	              key, key, dir, dir);
}

/* A flat view: the matches of the search and the filters, in the sort order. */
static void build_flat(struct strbuf *b, const struct item_stream *p)
{
	const struct item_view *v = &p->view;
	const char *dir = v->desc ? "DESC" : "ASC";

	strbuf_puts(b, "SELECT " ROW_COLS ", 0 FROM ");
	if (p->query != NULL)
		strbuf_puts(b, "item_fts f CROSS JOIN item i ON i.no = f.rowid");
	else
		strbuf_puts(b, "item i");
	strbuf_puts(b, " LEFT JOIN unit u ON u.id = i.lead_unit_id WHERE i.archived = 0");
	if (p->query != NULL)
		strbuf_puts(b, " AND item_fts MATCH :q");
	item_filter_sql(&v->filter, true, false, v->sort != ISORT_NO, b);
	if (v->sort == ISORT_NO)
		strbuf_printf(b, " ORDER BY i.no %s", dir);
	else
		strbuf_printf(b, " ORDER BY %s %s, i.no %s", sort_expr[v->sort], dir, dir);
}

int item_stream_open(struct item_stream **out, struct store *s, const struct item_view *view,
                     struct error *err)
{
	struct item_stream *p;
	struct strbuf b = STRBUF_INIT;
	bool tree = item_view_is_tree(view);

	*out = NULL;
	if (view->sort >= ISORT_COUNT)
		return error_set(err, ERROR_USAGE, _("unknown sort order"));
	p = calloc(1, sizeof *p);
	if (p == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	p->store = s;
	p->view = *view;
	if (!tree && search_compile(view->filter.search, &p->query) != 0) {
		free(p);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (tree)
		build_tree(&b, &p->view);
	else
		build_flat(&b, p);
	if (b.failed) {
		strbuf_free(&b);
		item_stream_close(&p);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (store_prepare(s, strbuf_str(&b), &p->st, err) != 0) {
		strbuf_free(&b);
		item_stream_close(&p);
		return -1;
	}
	strbuf_free(&b);
	if (item_filter_bind(p->st, &p->view.filter, p->view.today, p->query != NULL ? search_fts(p->query) : NULL) != 0) {
		item_stream_close(&p);
		return error_set(err, ERROR_USAGE, _("the filter names a unit or locality that is not a key"));
	}
	*out = p;
	return 0;
}

static const char *text_col(sqlite3_stmt *st, int i, size_t *n)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	if (n != NULL)
		*n = s != NULL ? (size_t)sqlite3_column_bytes(st, i) : 0;
	return s != NULL ? s : "";
}

/* Copies a short column (a date) into out of size n. */
static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	size_t len;
	const char *s = text_col(st, i, &len);

	if (len >= n)
		len = n - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

int item_stream_next(struct item_stream *p, struct item_row *r, struct error *err)
{
	sqlite3_stmt *st = p->st;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_fail(p->store, err, _("reading items"));
	memset(r, 0, sizeof *r);
	r->no = (long)sqlite3_column_int64(st, 0);
	store_column_uuid(st, 1, r->id);
	store_column_uuid(st, 2, r->parent_id);
	r->kind = sqlite3_column_int(st, 3);
	r->status = sqlite3_column_int(st, 4);
	r->progress = sqlite3_column_int(st, 5);
	copy_col(st, 6, r->due, sizeof r->due);
	r->year = sqlite3_column_int(st, 7);
	copy_col(st, 8, r->start, sizeof r->start);
	copy_col(st, 9, r->done, sizeof r->done);
	/* The statement's own text: valid until the next step (see item_stream_next). */
	r->code = (char *)text_col(st, 10, &r->code_len);
	r->title = (char *)text_col(st, 11, &r->title_len);
	r->unit = (char *)text_col(st, 12, &r->unit_len);
	r->depth = sqlite3_column_int(st, 13);
	r->display_status = status_display(r->status, r->due, p->view.today);
	return 1;
}

void item_stream_close(struct item_stream **pp)
{
	struct item_stream *p;

	if (pp == NULL || *pp == NULL)
		return;
	p = *pp;
	sqlite3_finalize(p->st);
	search_free(&p->query);
	free(p);
	*pp = NULL;
}
