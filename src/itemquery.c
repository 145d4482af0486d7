#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "idset.h"
#include "itemquery.h"
#include "refdata.h"
#include "search.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"

/*
 * Below a search with this many matches, the matches are read from the
 * full-text index and sorted; above, the sort index is walked and each row
 * tested, which finds a page after about (page × items ÷ matches) rows.
 */
#define SEARCH_CANDIDATES_MAX 3000

struct sortcol {
	const char *name;
	const char *expr;
	bool nullable;
};

static const struct sortcol sortcols[ISORT_COUNT] = {
	[ISORT_NO] = { "no", "i.no", false },
	[ISORT_CODE] = { "code", "i.code_key", true },
	[ISORT_TITLE] = { "title", "i.title_key", false },
	[ISORT_KIND] = { "kind", "i.kind", false },
	[ISORT_UNIT] = { "unit", "(SELECT name_key FROM unit WHERE id = i.lead_unit_id)", true },
	[ISORT_DUE] = { "due", "i.due_date", true },
	[ISORT_STATUS] = { "status", "i.status", false },
	[ISORT_PROGRESS] = { "progress", "i.progress", true },
};

enum scope { SCOPE_FLAT, SCOPE_TOP, SCOPE_CHILD, SCOPE_COUNT };
enum seg { SEG_ALL, SEG_NULL, SEG_VALUE, SEG_COUNT };
enum strategy { STRAT_PLAIN, STRAT_FTS_ROWID, STRAT_FTS_CANDIDATES, STRAT_SCAN };

#define NVARIANTS (SCOPE_COUNT * SEG_COUNT * 2 * 2)

struct item_pager {
	struct store *store;
	struct item_view view;
	const struct idset *expanded;
	unsigned flags;
	bool tree;
	struct search_query *query;
	enum strategy strategy;
	sqlite3_stmt *fetch[NVARIANTS];
	sqlite3_stmt *by_id, *by_no, *depth;
};

struct rowlist {
	struct item_row *rows;
	int len, cap;
};

#define ROW_COLS \
	"i.no, i.id, i.parent_id, i.kind, i.status, ifnull(i.progress, -1)," \
	" ifnull(i.due_date, ''), ifnull(i.year, 0), ifnull(i.start_date, '')," \
	" ifnull(i.done_date, ''), ifnull(i.code, ''), i.title," \
	" ifnull(u.short_name, ifnull(u.name, ''))," \
	" EXISTS (SELECT 1 FROM item c WHERE c.parent_id = i.id AND c.archived = 0)"
#define ROW_NCOLS 14

const char *item_sort_name(enum item_sort s)
{
	return s < ISORT_COUNT ? sortcols[s].name : NULL;
}

int item_sort_parse(const char *name)
{
	int i;

	for (i = 0; i < ISORT_COUNT; i++)
		if (name != NULL && strcmp(name, sortcols[i].name) == 0)
			return i;
	return -1;
}

bool item_view_is_tree(const struct item_view *v)
{
	const struct item_filter *f = &v->filter;
	struct search_query *q = NULL;
	bool words;

	if (f->statuses != 0 || f->kind != 0 || f->year != 0 || f->unit_id[0] != '\0' ||
	    f->locality_id[0] != '\0')
		return false;
	if (f->search[0] == '\0')
		return true;
	if (search_compile(f->search, &q) != 0)
		return false;
	words = q != NULL;
	search_free(&q);
	return !words;
}

void item_row_clear(struct item_row *r)
{
	if (r == NULL)
		return;
	free(r->code);
	free(r->title);
	free(r->unit);
	free(r->key.b);
	memset(r, 0, sizeof *r);
}

/* The n bytes at s (NULL: none) and a NUL, in a new string. */
static char *dup_bytes(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d == NULL)
		return NULL;
	if (n > 0)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *dup_or_empty(const char *s, size_t n)
{
	if (s == NULL)
		return dup_bytes("", 0);
	return dup_bytes(s, n > 0 ? n : strlen(s));
}

int item_row_copy(struct item_row *dst, const struct item_row *src)
{
	item_row_clear(dst);
	*dst = *src;
	dst->code = dst->title = dst->unit = NULL;
	dst->key.b = NULL;
	dst->code = dup_or_empty(src->code, src->code_len);
	dst->title = dup_or_empty(src->title, src->title_len);
	dst->unit = dup_or_empty(src->unit, src->unit_len);
	if (src->key.b != NULL) {
		dst->key.b = malloc(src->key.n > 0 ? (size_t)src->key.n : 1);
		if (dst->key.b != NULL)
			memcpy(dst->key.b, src->key.b, (size_t)src->key.n);
	}
	if (dst->code == NULL || dst->title == NULL || dst->unit == NULL ||
	    (src->key.b != NULL && dst->key.b == NULL)) {
		item_row_clear(dst);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ SQL */

static void add_filters(struct strbuf *b, const struct item_pager *p)
{
	const struct item_filter *f = &p->view.filter;
	int s;
	bool first = true;

	if (f->statuses != 0) {
		strbuf_puts(b, " AND (");
		for (s = 1; s <= STATUS_MAX; s++) {
			if (!(f->statuses & (1u << s)))
				continue;
			if (!first)
				strbuf_puts(b, " OR ");
			first = false;
			if (s == STATUS_OVERDUE)
				strbuf_puts(b, "(i.status IN (1, 2, 3) AND i.due_date < :today)");
			else if (status_is_open(s))
				strbuf_printf(b, "(i.status = %d AND (i.due_date IS NULL OR i.due_date >= :today))", s);
			else
				strbuf_printf(b, "i.status = %d", s);
		}
		strbuf_puts(b, ")");
	}
	if (f->kind != 0)
		strbuf_puts(b, " AND i.kind = :kind");
	if (f->year != 0)
		strbuf_puts(b, " AND i.year = :year");
	if (f->unit_id[0] != '\0')
		strbuf_puts(b, " AND i.lead_unit_id = :unit");
	if (f->locality_id[0] != '\0')
		strbuf_puts(b, " AND i.id IN (SELECT item_id FROM item_locality WHERE locality_id = :loc)");
}

static const char *sort_expr(const struct item_pager *p)
{
	if (p->strategy == STRAT_FTS_ROWID)
		return "f.rowid";
	return sortcols[p->view.sort].expr;
}

static int variant(enum scope sc, enum seg sg, bool keyed, bool asc)
{
	return ((sc * SEG_COUNT + sg) * 2 + keyed) * 2 + asc;
}

/* Builds the SQL that reads one page of one scope and one segment. */
static int build_fetch(const struct item_pager *p, enum scope sc, enum seg sg, bool keyed,
                       bool asc, struct strbuf *b)
{
	const char *expr = sort_expr(p);
	const char *dir = asc ? "ASC" : "DESC";
	const char *cmp = asc ? ">" : "<";
	bool by_no = p->view.sort == ISORT_NO;

	strbuf_printf(b, "SELECT " ROW_COLS ", %s FROM ", expr);
	if (p->strategy == STRAT_FTS_ROWID || p->strategy == STRAT_FTS_CANDIDATES)
		strbuf_puts(b, "item_fts f CROSS JOIN item i ON i.no = f.rowid");
	else
		strbuf_puts(b, "item i");
	strbuf_puts(b, " LEFT JOIN unit u ON u.id = i.lead_unit_id WHERE i.archived = 0");
	if (p->strategy == STRAT_FTS_ROWID || p->strategy == STRAT_FTS_CANDIDATES)
		strbuf_puts(b, " AND item_fts MATCH :q");
	else if (p->strategy == STRAT_SCAN)
		strbuf_puts(b, " AND hoso_match(i.search, :q)");
	if (sc == SCOPE_TOP)
		strbuf_puts(b, " AND i.parent_id IS NULL");
	else if (sc == SCOPE_CHILD)
		strbuf_puts(b, " AND i.parent_id = :parent");
	add_filters(b, p);
	if (sg == SEG_NULL) {
		strbuf_printf(b, " AND %s IS NULL", expr);
		if (keyed)
			strbuf_printf(b, " AND i.no %s :no", cmp);
		strbuf_printf(b, " ORDER BY i.no %s", dir);
	} else {
		if (sg == SEG_VALUE && !keyed)
			strbuf_printf(b, " AND %s IS NOT NULL", expr);
		if (keyed && by_no)
			strbuf_printf(b, " AND %s %s :no", expr, cmp);
		else if (keyed)
			strbuf_printf(b, " AND (%s, i.no) %s (:key, :no)", expr, cmp);
		if (by_no)
			strbuf_printf(b, " ORDER BY %s %s", expr, dir);
		else
			strbuf_printf(b, " ORDER BY %s %s, i.no %s", expr, dir, dir);
	}
	strbuf_puts(b, " LIMIT :n");
	return b->failed ? -1 : 0;
}

static void bind_common(struct item_pager *p, sqlite3_stmt *st)
{
	const struct item_filter *f = &p->view.filter;
	int i;

	if ((i = sqlite3_bind_parameter_index(st, ":today")) > 0)
		sqlite3_bind_text(st, i, p->view.today, -1, SQLITE_STATIC);
	if ((i = sqlite3_bind_parameter_index(st, ":kind")) > 0)
		sqlite3_bind_int(st, i, f->kind);
	if ((i = sqlite3_bind_parameter_index(st, ":year")) > 0)
		sqlite3_bind_int(st, i, f->year);
	if ((i = sqlite3_bind_parameter_index(st, ":unit")) > 0)
		store_bind_uuid(st, i, f->unit_id);
	if ((i = sqlite3_bind_parameter_index(st, ":loc")) > 0)
		store_bind_uuid(st, i, f->locality_id);
	if ((i = sqlite3_bind_parameter_index(st, ":q")) > 0) {
		if (p->strategy == STRAT_SCAN)
			sqlite3_bind_text(st, i, f->search, -1, SQLITE_STATIC);
		else
			sqlite3_bind_text(st, i, search_fts(p->query), -1, SQLITE_STATIC);
	}
}

static int get_fetch(struct item_pager *p, enum scope sc, enum seg sg, bool keyed, bool asc,
                     sqlite3_stmt **out, struct error *err)
{
	int v = variant(sc, sg, keyed, asc);
	struct strbuf b = STRBUF_INIT;

	if (p->fetch[v] == NULL) {
		if (build_fetch(p, sc, sg, keyed, asc, &b) != 0) {
			strbuf_free(&b);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		if (store_prepare(p->store, strbuf_str(&b), &p->fetch[v], err) != 0) {
			strbuf_free(&b);
			return -1;
		}
		strbuf_free(&b);
		bind_common(p, p->fetch[v]);
	}
	sqlite3_reset(p->fetch[v]);
	*out = p->fetch[v];
	return 0;
}

/* ------------------------------------------------------------------ rows */

static const char *text_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* The whole text of column i (a NUL in it included) in a new string; its bytes in *n. */
static char *col_dup(sqlite3_stmt *st, int i, size_t *n)
{
	const char *s = text_col(st, i);

	*n = (size_t)sqlite3_column_bytes(st, i);
	return dup_bytes(s, *n);
}

static int read_row(struct item_pager *p, sqlite3_stmt *st, int depth, struct item_row *r)
{
	int kt = sqlite3_column_type(st, ROW_NCOLS);

	item_row_clear(r);
	r->no = (long)sqlite3_column_int64(st, 0);
	store_column_uuid(st, 1, r->id);
	store_column_uuid(st, 2, r->parent_id);
	r->kind = sqlite3_column_int(st, 3);
	r->status = sqlite3_column_int(st, 4);
	r->progress = sqlite3_column_int(st, 5);
	snprintf(r->due, sizeof r->due, "%s", text_col(st, 6));
	r->year = sqlite3_column_int(st, 7);
	snprintf(r->start, sizeof r->start, "%s", text_col(st, 8));
	snprintf(r->done, sizeof r->done, "%s", text_col(st, 9));
	r->code = col_dup(st, 10, &r->code_len);
	r->title = col_dup(st, 11, &r->title_len);
	r->unit = col_dup(st, 12, &r->unit_len);
	r->has_children = sqlite3_column_int(st, 13) != 0;
	r->depth = depth;
	r->display_status = status_display(r->status, r->due, p->view.today);
	r->key.type = kt;
	if (kt == SQLITE_INTEGER) {
		r->key.i = sqlite3_column_int64(st, ROW_NCOLS);
	} else if (kt == SQLITE_BLOB || kt == SQLITE_TEXT) {
		const void *v = kt == SQLITE_BLOB ? sqlite3_column_blob(st, ROW_NCOLS)
		                                  : (const void *)sqlite3_column_text(st, ROW_NCOLS);
		int n = sqlite3_column_bytes(st, ROW_NCOLS);

		r->key.n = n;
		r->key.b = malloc(n > 0 ? (size_t)n : 1);
		if (r->key.b != NULL && n > 0)
			memcpy(r->key.b, v, (size_t)n);
	}
	if (r->code == NULL || r->title == NULL || r->unit == NULL ||
	    ((kt == SQLITE_BLOB || kt == SQLITE_TEXT) && r->key.b == NULL)) {
		item_row_clear(r);
		return -1;
	}
	return 0;
}

static void bind_key(sqlite3_stmt *st, const struct item_row *from)
{
	int i;

	if ((i = sqlite3_bind_parameter_index(st, ":no")) > 0)
		sqlite3_bind_int64(st, i, from->no);
	if ((i = sqlite3_bind_parameter_index(st, ":key")) > 0) {
		if (from->key.type == SQLITE_INTEGER)
			sqlite3_bind_int64(st, i, from->key.i);
		else if (from->key.type == SQLITE_BLOB)
			sqlite3_bind_blob(st, i, from->key.b, from->key.n, SQLITE_TRANSIENT);
		else if (from->key.type == SQLITE_TEXT)
			sqlite3_bind_text(st, i, (const char *)from->key.b, from->key.n, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, i);
	}
}

static struct item_row *list_push(struct rowlist *l)
{
	if (l->len == l->cap) {
		int cap = l->cap != 0 ? l->cap * 2 : 32;
		struct item_row *rows = realloc(l->rows, (size_t)cap * sizeof *rows);

		if (rows == NULL)
			return NULL;
		memset(rows + l->cap, 0, (size_t)(cap - l->cap) * sizeof *rows);
		l->rows = rows;
		l->cap = cap;
	}
	return &l->rows[l->len++];
}

static void list_free(struct rowlist *l)
{
	int i;

	for (i = 0; i < l->cap; i++)
		item_row_clear(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->len = l->cap = 0;
}

/*
 * Appends to out up to n rows of one scope (parent for SCOPE_CHILD), in SQL
 * order asc or desc, starting after row from (NULL: from the start).
 * Returns the number appended, or -1 with err set.
 */
static int fetch(struct item_pager *p, enum scope sc, const char *parent, int depth, bool asc,
                 const struct item_row *from, struct rowlist *out, int n, struct error *err)
{
	enum seg segs[2];
	int nsegs, k, start = 0, got = 0;

	if (!sortcols[p->view.sort].nullable || p->strategy == STRAT_FTS_ROWID) {
		segs[0] = SEG_ALL;
		nsegs = 1;
	} else {
		segs[0] = asc ? SEG_NULL : SEG_VALUE;
		segs[1] = asc ? SEG_VALUE : SEG_NULL;
		nsegs = 2;
		if (from != NULL)
			start = (from->key.type == SQLITE_NULL) == (segs[0] == SEG_NULL) ? 0 : 1;
	}
	for (k = start; k < nsegs && got < n; k++) {
		bool keyed = from != NULL && k == start;
		sqlite3_stmt *st = NULL;
		int rc, i;

		if (get_fetch(p, sc, segs[k], keyed, asc, &st, err) != 0)
			return -1;
		if (sc == SCOPE_CHILD)
			store_bind_uuid(st, sqlite3_bind_parameter_index(st, ":parent"), parent);
		if (keyed)
			bind_key(st, from);
		sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":n"), n - got);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct item_row *r = list_push(out);

			if (r == NULL || read_row(p, st, depth, r) != 0) {
				if (r != NULL)
					out->len--;
				sqlite3_reset(st);
				return error_set(err, ERROR_RUNTIME, _("out of memory"));
			}
			got++;
		}
		i = rc;
		sqlite3_reset(st);
		if (i != SQLITE_DONE)
			return store_fail(p->store, err, _("reading items"));
	}
	return got;
}

static bool is_open(const struct item_pager *p, const struct item_row *r)
{
	if (!r->has_children)
		return false;
	return (p->flags & ITEM_PAGER_EXPAND_ALL) || idset_has(p->expanded, r->id);
}

static enum scope scope_of(const struct item_pager *p, const char *parent)
{
	if (!p->tree)
		return SCOPE_FLAT;
	return parent == NULL || *parent == '\0' ? SCOPE_TOP : SCOPE_CHILD;
}

/* Moves r to the end of out; returns the new place or NULL when out of memory. */
static struct item_row *move_to(struct rowlist *out, struct item_row *r)
{
	struct item_row *dst = list_push(out);

	if (dst == NULL)
		return NULL;
	*dst = *r;
	memset(r, 0, sizeof *r);
	return dst;
}

/* Appends the rows under parent after `after` (NULL: all), open subtrees included. */
static int walk_down(struct item_pager *p, const char *parent, int depth,
                     const struct item_row *after, struct rowlist *out, int n,
                     struct error *err)
{
	struct item_row last = { 0 };
	struct rowlist batch = { 0 };
	const struct item_row *from = after;
	int ret = 0;

	while (out->len < n && ret == 0) {
		int want = n - out->len, got, k;

		got = fetch(p, scope_of(p, parent), parent, depth, !p->view.desc, from, &batch, want, err);
		if (got <= 0) {
			ret = got < 0 ? -1 : 0;
			break;
		}
		if (item_row_copy(&last, &batch.rows[got - 1]) != 0) {
			ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
			break;
		}
		for (k = 0; k < got && out->len < n && ret == 0; k++) {
			bool open = p->tree && is_open(p, &batch.rows[k]);
			char id[UUID_LEN + 1];

			memcpy(id, batch.rows[k].id, sizeof id);
			if (move_to(out, &batch.rows[k]) == NULL)
				ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
			else if (open && out->len < n)
				ret = walk_down(p, id, depth + 1, NULL, out, n, err);
		}
		list_free(&batch);
		if (got < want)
			break;
		from = &last;
	}
	list_free(&batch);
	item_row_clear(&last);
	return ret;
}

/*
 * Appends, nearest first, the rows under parent that come before `before`
 * (NULL: from the end), each open subtree (last row first) before its node.
 */
static int walk_up(struct item_pager *p, const char *parent, int depth,
                   const struct item_row *before, struct rowlist *out, int n,
                   struct error *err)
{
	struct item_row last = { 0 };
	struct rowlist batch = { 0 };
	const struct item_row *from = before;
	int ret = 0;

	while (out->len < n && ret == 0) {
		int want = n - out->len, got, k;

		got = fetch(p, scope_of(p, parent), parent, depth, p->view.desc, from, &batch, want, err);
		if (got <= 0) {
			ret = got < 0 ? -1 : 0;
			break;
		}
		if (item_row_copy(&last, &batch.rows[got - 1]) != 0) {
			ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
			break;
		}
		for (k = 0; k < got && out->len < n && ret == 0; k++) {
			struct item_row *r = &batch.rows[k];

			if (p->tree && is_open(p, r))
				ret = walk_up(p, r->id, depth + 1, NULL, out, n, err);
			if (ret == 0 && out->len < n && move_to(out, r) == NULL)
				ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		list_free(&batch);
		if (got < want)
			break;
		from = &last;
	}
	list_free(&batch);
	item_row_clear(&last);
	return ret;
}

static int load_by(struct item_pager *p, sqlite3_stmt *st, int depth, struct item_row *row,
                   struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		rc = read_row(p, st, depth, row);
		sqlite3_reset(st);
		return rc == 0 ? 1 : error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(p->store, err, _("reading an item"));
}

static int prepare_lookup(struct item_pager *p, sqlite3_stmt **st, const char *where,
                          struct error *err)
{
	char sql[2048];

	if (*st != NULL) {
		sqlite3_reset(*st);
		return 0;
	}
	snprintf(sql, sizeof sql,
	         "SELECT " ROW_COLS ", %s FROM item i LEFT JOIN unit u ON u.id = i.lead_unit_id"
	         " WHERE %s",
	         sortcols[p->view.sort].expr, where);
	return store_prepare(p->store, sql, st, err);
}

/* Loads the parent row of r (one level up). */
static int load_parent(struct item_pager *p, const struct item_row *r, struct item_row *out,
                       struct error *err)
{
	int rc;

	if (prepare_lookup(p, &p->by_id, "i.id = :id", err) != 0)
		return -1;
	store_bind_uuid(p->by_id, 1, r->parent_id);
	rc = load_by(p, p->by_id, r->depth > 0 ? r->depth - 1 : 0, out, err);
	if (rc == 0)
		return error_set(err, ERROR_RUNTIME, _("%s: item %ld has a parent that does not exist"),
		                 store_path(p->store), r->no);
	return rc < 0 ? -1 : 0;
}

static int deliver(struct rowlist *l, bool reverse, struct item_row *rows, int n)
{
	int i, got = l->len < n ? l->len : n;

	for (i = 0; i < got; i++) {
		item_row_clear(&rows[i]);
		rows[i] = l->rows[reverse ? got - 1 - i : i];
		memset(&l->rows[reverse ? got - 1 - i : i], 0, sizeof rows[i]);
	}
	list_free(l);
	return got;
}

int item_pager_first(struct item_pager *p, struct item_row *rows, int n, struct error *err)
{
	struct rowlist out = { 0 };

	if (n <= 0)
		return 0;
	if (walk_down(p, NULL, 0, NULL, &out, n, err) != 0) {
		list_free(&out);
		return -1;
	}
	return deliver(&out, false, rows, n);
}

int item_pager_last(struct item_pager *p, struct item_row *rows, int n, struct error *err)
{
	struct rowlist out = { 0 };

	if (n <= 0)
		return 0;
	if (walk_up(p, NULL, 0, NULL, &out, n, err) != 0) {
		list_free(&out);
		return -1;
	}
	return deliver(&out, true, rows, n);
}

int item_pager_next(struct item_pager *p, const struct item_row *after,
                    struct item_row *rows, int n, struct error *err)
{
	struct rowlist out = { 0 };
	struct item_row node = { 0 }, parent = { 0 };
	int ret = 0;

	if (n <= 0)
		return 0;
	if (!p->tree) {
		ret = walk_down(p, NULL, 0, after, &out, n, err);
		goto done;
	}
	if (is_open(p, after) && (ret = walk_down(p, after->id, after->depth + 1, NULL, &out, n, err)) != 0)
		goto done;
	if (item_row_copy(&node, after) != 0) {
		ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	while (out.len < n) {
		if ((ret = walk_down(p, node.parent_id, node.depth, &node, &out, n, err)) != 0)
			break;
		if (out.len >= n || node.parent_id[0] == '\0')
			break;
		if ((ret = load_parent(p, &node, &parent, err)) != 0)
			break;
		item_row_clear(&node);
		node = parent;
		memset(&parent, 0, sizeof parent);
	}
done:
	item_row_clear(&node);
	item_row_clear(&parent);
	if (ret != 0) {
		list_free(&out);
		return -1;
	}
	return deliver(&out, false, rows, n);
}

int item_pager_prev(struct item_pager *p, const struct item_row *before,
                    struct item_row *rows, int n, struct error *err)
{
	struct rowlist out = { 0 };
	struct item_row node = { 0 }, parent = { 0 };
	int ret = 0;

	if (n <= 0)
		return 0;
	if (!p->tree) {
		ret = walk_up(p, NULL, 0, before, &out, n, err);
		goto done;
	}
	if (item_row_copy(&node, before) != 0) {
		ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	while (out.len < n) {
		struct item_row *dst;

		if ((ret = walk_up(p, node.parent_id, node.depth, &node, &out, n, err)) != 0)
			break;
		if (out.len >= n || node.parent_id[0] == '\0')
			break;
		if ((ret = load_parent(p, &node, &parent, err)) != 0)
			break;
		dst = list_push(&out);
		if (dst == NULL || item_row_copy(dst, &parent) != 0) {
			ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
			break;
		}
		item_row_clear(&node);
		node = parent;
		memset(&parent, 0, sizeof parent);
	}
done:
	item_row_clear(&node);
	item_row_clear(&parent);
	if (ret != 0) {
		list_free(&out);
		return -1;
	}
	return deliver(&out, true, rows, n);
}

int item_pager_get(struct item_pager *p, long no, struct item_row *row, struct error *err)
{
	int depth = 0, rc;

	if (p->tree) {
		if (p->depth == NULL &&
		    store_prepare(p->store,
		                  "WITH RECURSIVE up(id, d) AS ("
		                  " SELECT parent_id, 0 FROM item WHERE no = :no"
		                  " UNION ALL SELECT i.parent_id, up.d + 1 FROM item i JOIN up ON i.id = up.id"
		                  " WHERE up.d < 10000)"
		                  " SELECT d FROM up WHERE id IS NULL",
		                  &p->depth, err) != 0)
			return -1;
		sqlite3_bind_int64(p->depth, 1, no);
		if (sqlite3_step(p->depth) == SQLITE_ROW)
			depth = sqlite3_column_int(p->depth, 0);
		sqlite3_reset(p->depth);
	}
	if (prepare_lookup(p, &p->by_no, "i.no = :no AND i.archived = 0", err) != 0)
		return -1;
	sqlite3_bind_int64(p->by_no, 1, no);
	rc = load_by(p, p->by_no, depth, row, err);
	return rc;
}

/* ------------------------------------------------------------------ counts */

static int count_sql(struct item_pager *p, const char *sql, const char *parent, long *out,
                     struct error *err)
{
	sqlite3_stmt *st;
	int rc, i;

	if (store_prepare(p->store, sql, &st, err) != 0)
		return -1;
	bind_common(p, st);
	if ((i = sqlite3_bind_parameter_index(st, ":parent")) > 0)
		store_bind_uuid(st, i, parent);
	if ((i = sqlite3_bind_parameter_index(st, ":q")) > 0)
		sqlite3_bind_text(st, i, search_fts(p->query), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(p->store, err, _("counting items"));
	return 0;
}

struct tree_count {
	struct item_pager *p;
	long total;
	struct error *err;
	sqlite3_stmt *parent_of; /* prepared on the store counted on */
};

/* True when every ancestor of item id is open, so that its children show. */
static int shown(struct tree_count *tc, const char *id, bool *out)
{
	struct item_pager *p = tc->p;
	char cur[UUID_LEN + 1];
	int guard = 0;

	snprintf(cur, sizeof cur, "%s", id);
	*out = false;
	if (tc->parent_of == NULL &&
	    store_prepare(p->store, "SELECT parent_id FROM item WHERE id = ?1 AND archived = 0",
	                  &tc->parent_of, tc->err) != 0)
		return -1;
	for (;;) {
		int rc;

		store_bind_uuid(tc->parent_of, 1, cur);
		rc = sqlite3_step(tc->parent_of);
		if (rc != SQLITE_ROW) {
			sqlite3_reset(tc->parent_of);
			return rc == SQLITE_DONE ? 0 : store_fail(p->store, tc->err, _("counting items"));
		}
		store_column_uuid(tc->parent_of, 0, cur);
		sqlite3_reset(tc->parent_of);
		if (cur[0] == '\0') {
			*out = true;
			return 0;
		}
		if (!idset_has(p->expanded, cur) || ++guard > 10000)
			return 0;
	}
}

static int count_open(void *ctx, const char *id)
{
	struct tree_count *tc = ctx;
	bool visible;
	long n = 0;

	if (shown(tc, id, &visible) != 0)
		return -1;
	if (!visible)
		return 0;
	if (count_sql(tc->p, "SELECT count(*) FROM item WHERE parent_id = :parent AND archived = 0",
	              id, &n, tc->err) != 0)
		return -1;
	tc->total += n;
	return 0;
}

static int count_view(struct item_pager *p, long *count, struct error *err)
{
	struct strbuf b = STRBUF_INIT;
	int rc;

	if (p->tree) {
		struct tree_count tc = { p, 0, err, NULL };

		if (p->flags & ITEM_PAGER_EXPAND_ALL)
			/* Everything under an archived item is hidden with it. */
			return count_sql(p,
			                 "WITH RECURSIVE shown(id) AS ("
			                 " SELECT id FROM item WHERE parent_id IS NULL AND archived = 0"
			                 " UNION ALL SELECT i.id FROM item i JOIN shown ON i.parent_id = shown.id"
			                 " WHERE i.archived = 0)"
			                 " SELECT count(*) FROM shown",
			                 NULL, count, err);
		if (count_sql(p, "SELECT count(*) FROM item WHERE parent_id IS NULL AND archived = 0",
		              NULL, &tc.total, err) != 0)
			return -1;
		rc = idset_each(p->expanded, count_open, &tc);
		sqlite3_finalize(tc.parent_of);
		if (rc != 0)
			return -1;
		*count = tc.total;
		return 0;
	}
	/* A join, not IN (...): no temporary table of every match. */
	if (p->query != NULL)
		strbuf_puts(&b, "SELECT count(*) FROM item_fts f CROSS JOIN item i ON i.no = f.rowid"
		                " WHERE item_fts MATCH :q AND i.archived = 0");
	else
		strbuf_puts(&b, "SELECT count(*) FROM item i WHERE i.archived = 0");
	add_filters(&b, p);
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = count_sql(p, strbuf_str(&b), NULL, count, err);
	strbuf_free(&b);
	return rc;
}

int item_pager_count(struct item_pager *p, struct store *on, long *count, struct error *err)
{
	struct store *own = p->store;
	int rc;

	if (on != NULL)
		p->store = on; /* only count_sql and shown prepare here, and finalize what they prepare */
	rc = count_view(p, count, err);
	p->store = own;
	return rc;
}

int item_count_all(struct store *s, long *count, struct error *err)
{
	/* Kept by triggers in the same transaction as each change: no count of the table. */
	return store_query_long(s, "SELECT ifnull((SELECT n FROM tally WHERE dim = 'all' AND key = ''), 0)",
	                        count, err);
}

/* ------------------------------------------------------------------ open, close */

static int choose_strategy(struct item_pager *p, struct error *err)
{
	sqlite3_stmt *st;
	int rc;
	long matches;

	if (p->query == NULL) {
		p->strategy = STRAT_PLAIN;
		return 0;
	}
	if (p->view.sort == ISORT_NO) {
		p->strategy = STRAT_FTS_ROWID;
		return 0;
	}
	if (store_prepare(p->store,
	                  "SELECT count(*) FROM (SELECT 1 FROM item_fts WHERE item_fts MATCH ?1 LIMIT ?2)",
	                  &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, search_fts(p->query), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, SEARCH_CANDIDATES_MAX);
	rc = sqlite3_step(st);
	matches = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(p->store, err, _("searching"));
	p->strategy = matches < SEARCH_CANDIDATES_MAX ? STRAT_FTS_CANDIDATES : STRAT_SCAN;
	return 0;
}

int item_pager_open(struct item_pager **out, struct store *s, const struct item_view *view,
                    const struct idset *expanded, unsigned flags, struct error *err)
{
	struct item_pager *p;

	*out = NULL;
	if (view->sort >= ISORT_COUNT)
		return error_set(err, ERROR_USAGE, _("unknown sort order"));
	p = calloc(1, sizeof *p);
	if (p == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	p->store = s;
	p->view = *view;
	p->expanded = expanded;
	p->flags = flags;
	p->tree = item_view_is_tree(view);
	if (!p->tree && search_compile(view->filter.search, &p->query) != 0) {
		free(p);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (choose_strategy(p, err) != 0) {
		item_pager_close(&p);
		return -1;
	}
	*out = p;
	return 0;
}

void item_pager_close(struct item_pager **pp)
{
	struct item_pager *p;
	int i;

	if (pp == NULL || *pp == NULL)
		return;
	p = *pp;
	for (i = 0; i < NVARIANTS; i++)
		sqlite3_finalize(p->fetch[i]);
	sqlite3_finalize(p->by_id);
	sqlite3_finalize(p->by_no);
	sqlite3_finalize(p->depth);
	search_free(&p->query);
	free(p);
	*pp = NULL;
}

static int widest(struct store *s, const char *sql, int *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int w = text_width((const char *)sqlite3_column_text(st, 0));

		if (w > *out)
			*out = w;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading items"));
}

int item_list_widths(struct store *s, int *no_width, int *code_width, int *unit_width,
                     struct error *err)
{
	if (widest(s, "SELECT max(no) FROM item", no_width, err) != 0 ||
	    widest(s, "SELECT DISTINCT code FROM item WHERE code IS NOT NULL AND archived = 0",
	           code_width, err) != 0 ||
	    widest(s, "SELECT ifnull(short_name, name) FROM unit", unit_width, err) != 0)
		return -1;
	return 0;
}

int item_no_of(struct store *s, const char *id, long *no, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT no FROM item WHERE id = ?1 AND archived = 0", &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*no = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading an item"));
}
