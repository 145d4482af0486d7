#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "idset.h"
#include "itemquery.h"
#include "refdata.h"
#include "search.h"
#include "sqlfn.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"

#define ROW_COLS \
	"i.no, i.id, i.parent_id, i.kind, i.status, ifnull(i.progress, -1)," \
	" ifnull(i.due_date, ''), ifnull(i.year, 0), ifnull(i.start_date, '')," \
	" ifnull(i.done_date, ''), ifnull(i.code, ''), i.title," \
	" ifnull(u.short_name, ifnull(u.name, ''))," \
	" EXISTS (SELECT 1 FROM item c WHERE c.parent_id = i.id AND c.archived = 0)"
#define ROW_NCOLS 14

enum scope { SCOPE_FLAT, SCOPE_TOP, SCOPE_CHILD, SCOPE_COUNT };

struct rowlist {
	struct item_row *rows;
	int len, cap;
};

/* ------------------------------------------------------------------ SQL */

/*
 * How a page is read. Each way of reading names the index it reads, so that
 * SQLite never picks another one (the statement fails rather than sorting
 * every match when the index is missing):
 *
 *   PLAN_WALK     walks the sort's index (the rowid for the number) in the
 *                 view's order and tests each row: a page costs about
 *                 page × items ÷ matches rows, few when the matches are many;
 *   PLAN_CAND     reads the rows of one filter's index (the candidates,
 *                 fewer than the pager's threshold) and sorts them, keeping
 *                 only the page: a bounded sort;
 *   PLAN_ORDERED  sorted by number, reads one filter's index, which keeps
 *                 equal values in number order: no sort, page rows.
 *
 * The pager counts the candidates of each filter that has an index up to
 * the threshold (about sqrt(page × items), where the two costs meet) and
 * takes the fewest; when every filter has more, it walks. A walk or an
 * ordered read examines at most its budget of rows for a page; past it (the
 * matches are rarer than the counts said, or the search's words are), the
 * pager reads the search's full-text matches or the smallest filter instead,
 * from then on.
 */
enum source { SRC_PARENT, SRC_UNIT, SRC_LOCALITY, SRC_KIND, SRC_STATUS, SRC_YEAR, SRC_FTS, SRC_COUNT };
enum plan { PLAN_WALK, PLAN_CAND, PLAN_ORDERED, PLAN_COUNT };

/* A part of the view's order: the rows without a sort value, those with one, those equal to a key. */
enum part { PART_NULL, PART_VALUE, PART_TIE, PART_COUNT };

static const char *const source_names[SRC_COUNT] = {
	"parent", "unit", "locality", "kind", "status", "year", "fts",
};
static const char *const plan_names[PLAN_COUNT] = { "walk", "candidates", "ordered" };

/* The index of each filter and how it reads (no FTS: it is a table). */
static const char *const source_index[SRC_COUNT] = {
	"item_parent", "item_lead", "item_locality_locality", "item_kind", "item_status", "item_year", NULL,
};

/* The sort's index (NULL: the rowid) and its value. */
static const struct sortcol {
	const char *name;
	const char *expr;
	const char *index;
	bool nullable;
} sortcols[ISORT_COUNT] = {
	[ISORT_NO] = { "no", "i.no", NULL, false },
	[ISORT_CODE] = { "code", "i.code_key", "item_code", true },
	[ISORT_TITLE] = { "title", "i.title_key", "item_title", false },
	[ISORT_KIND] = { "kind", "i.kind", "item_kind", false },
	[ISORT_UNIT] = { "unit", "u.name_key", "item_lead", true },
	[ISORT_DUE] = { "due", "i.due_date", "item_due", true },
	[ISORT_STATUS] = { "status", "i.status", "item_status", false },
	[ISORT_PROGRESS] = { "progress", "i.progress", "item_progress", true },
};

struct choice {
	enum plan plan;
	enum source src;     /* PLAN_CAND, PLAN_ORDERED */
	bool budget;         /* examines at most the pager's budget of rows for a page */
};

#define NVARIANTS (PLAN_COUNT * SRC_COUNT * SCOPE_COUNT * PART_COUNT * 2 * 2)
#define LEVELS 32

/* How many children a parent has, up to the threshold: the tree's choice per level. */
struct level {
	char parent[UUID_LEN + 1];  /* "": the top */
	long count;
	bool walk_failed;
	unsigned long used;
};

struct item_pager {
	struct store *store;
	struct item_view view;
	const struct idset *expanded;
	unsigned flags;
	bool tree;
	struct search_query *query;
	long threshold;               /* fewer candidates than this are read and sorted */
	long budget;                  /* rows a walk examines for a page before it gives up */
	struct choice flat;           /* how the flat list reads */
	long counts[SRC_COUNT];       /* candidates of each filter, up to the threshold */
	enum source best;             /* the filter with the fewest; SRC_COUNT: none */
	unsigned stored_statuses;     /* the stored statuses the status filter reads */
	struct sqlfn_budget spent;
	struct level levels[LEVELS];
	unsigned long clock;
	sqlite3_stmt *fetch[NVARIANTS];
	sqlite3_stmt *values[2][2];   /* the sort's values in order [keyed][asc] (walk_values) */
	sqlite3_stmt *by_id, *by_no, *depth;
};

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

/* The stored statuses the filter by statuses reads (bit 1 << status). */
static unsigned stored_statuses(unsigned statuses)
{
	unsigned set = 0;
	int s;

	for (s = 1; s <= STATUS_MAX; s++) {
		if (!(statuses & (1u << s)))
			continue;
		if (s == STATUS_OVERDUE)
			set |= 1u << STATUS_PLANNED | 1u << STATUS_IN_PROGRESS | 1u << STATUS_SUSPENDED;
		else
			set |= 1u << s;
	}
	return set;
}

/* col IN (the stored statuses of set). */
static void put_status_set(struct strbuf *b, unsigned set, const char *col)
{
	int s;
	bool first = true;

	strbuf_printf(b, "%s IN (", col);
	for (s = 1; s <= STATUS_MAX; s++) {
		if (set & (1u << s)) {
			strbuf_printf(b, "%s%d", first ? "" : ", ", s);
			first = false;
		}
	}
	strbuf_puts(b, ")");
}

/*
 * The filters as conditions on i, but that of source skip (SRC_COUNT:
 * none). A unary + keeps SQLite from reading a filter's column through an
 * index (the sort's index twice, for an OR of ranges, and then sorting):
 * only the source's own condition may lead.
 */
static void add_filters(struct strbuf *b, const struct item_pager *p, enum source skip)
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
				strbuf_puts(b, "(+i.status IN (1, 2, 3) AND +i.due_date < :today)");
			else if (status_is_open(s))
				strbuf_printf(b, "(+i.status = %d AND (+i.due_date IS NULL OR +i.due_date >= :today))", s);
			else
				strbuf_printf(b, "+i.status = %d", s);
		}
		strbuf_puts(b, ")");
	}
	/* Overdue alone: the due dates before today, a range of the index by due date when sorted by it. */
	if (f->statuses == 1u << STATUS_OVERDUE)
		strbuf_puts(b, " AND i.due_date < :today");
	if (f->kind != 0)
		strbuf_printf(b, " AND %si.kind = :kind", skip == SRC_KIND ? "" : "+");
	if (f->year != 0)
		strbuf_printf(b, " AND %si.year = :year", skip == SRC_YEAR ? "" : "+");
	if (f->unit_id[0] != '\0')
		strbuf_printf(b, " AND %si.lead_unit_id = :unit", skip == SRC_UNIT ? "" : "+");
	/* Correlated: one lookup per row tested, never a list of every item of the locality. */
	if (f->locality_id[0] != '\0' && skip != SRC_LOCALITY)
		strbuf_puts(b, " AND EXISTS (SELECT 1 FROM item_locality x WHERE x.item_id = i.id"
		               " AND x.locality_id = :loc)");
	if (p->query != NULL)
		strbuf_puts(b, " AND hoso_match(i.search, :q)");
}

/* The condition that selects the rows of a source (those of the scope for SRC_PARENT). */
static void add_source(struct strbuf *b, const struct item_pager *p, enum source src, enum scope sc)
{
	switch (src) {
	case SRC_PARENT:
		strbuf_puts(b, sc == SCOPE_TOP ? " AND i.parent_id IS NULL" : " AND i.parent_id = :parent");
		return;
	case SRC_LOCALITY:
		strbuf_puts(b, " AND x.locality_id = :loc");
		return;
	case SRC_STATUS:
		strbuf_puts(b, " AND ");
		put_status_set(b, p->stored_statuses, "i.status");
		return;
	case SRC_FTS:
		strbuf_puts(b, " AND item_fts MATCH :fts");
		return;
	default:
		return; /* the filter's own condition, among the filters */
	}
}

/* FROM: the item rows of a source, read through its index. */
static void from_source(struct strbuf *b, enum source src)
{
	if (src == SRC_LOCALITY)
		strbuf_puts(b, "item_locality x INDEXED BY item_locality_locality"
		               " CROSS JOIN item i ON i.id = x.item_id");
	else if (src == SRC_FTS)
		strbuf_puts(b, "item_fts f CROSS JOIN item i ON i.no = f.rowid");
	else
		strbuf_printf(b, "item i INDEXED BY %s", source_index[src]);
}

/* The index a walk reads for a part of the sort ("rowid": the table itself). */
static const char *walk_index(enum item_sort sort, enum part pt)
{
	/* The items without a code: the partial index leaves them out. */
	if (sortcols[sort].index == NULL || (sort == ISORT_CODE && pt == PART_NULL))
		return "rowid";
	return sortcols[sort].index;
}

/* FROM of a walk: the sort's index for the part (by lead unit: its items, unit by unit). */
static void from_walk(struct strbuf *b, enum item_sort sort, enum part pt)
{
	const char *index = walk_index(sort, pt);

	if (strcmp(index, "rowid") == 0)
		strbuf_puts(b, "item i NOT INDEXED");
	else
		strbuf_printf(b, "item i INDEXED BY %s", index);
}

/* The sort key's columns for a part, named k and t: the value and the tie (the lead unit's key). */
static void key_cols(struct strbuf *b, enum item_sort sort, enum part pt)
{
	if (sort == ISORT_UNIT && pt != PART_NULL)
		strbuf_puts(b, "u.name_key AS k, u.id AS t");
	else
		strbuf_printf(b, "%s AS k, NULL AS t", pt == PART_NULL ? "NULL" : sortcols[sort].expr);
}

/* The condition of a part (keyed: after, or before, the row bound to :key, :tie, :no). */
static void add_part(struct strbuf *b, enum item_sort sort, enum part pt, bool keyed, bool asc,
                     const char *no)
{
	const char *cmp = asc ? ">" : "<";
	const char *expr = sortcols[sort].expr;

	if (sort == ISORT_NO) {
		if (keyed)
			strbuf_printf(b, " AND %s %s :no", no, cmp);
		return;
	}
	switch (pt) {
	case PART_NULL:
		if (sort == ISORT_UNIT)
			strbuf_puts(b, " AND i.lead_unit_id IS NULL");
		else
			strbuf_printf(b, " AND %s IS NULL", expr);
		if (keyed)
			strbuf_printf(b, " AND i.no %s :no", cmp);
		return;
	case PART_VALUE:
		if (sort == ISORT_UNIT && keyed)
			strbuf_printf(b, " AND u.name_key %s= :key AND (u.name_key, u.id) %s (:key, :tie)", cmp, cmp);
		else if (keyed)
			strbuf_printf(b, " AND %s %s :key", expr, cmp);
		else if (sortcols[sort].nullable && sort != ISORT_UNIT)
			strbuf_printf(b, " AND %s IS NOT NULL", expr);
		return;
	case PART_TIE: /* unkeyed: every row of the unit bound to :tie (see walk_units) */
		if (sort == ISORT_UNIT)
			strbuf_puts(b, " AND i.lead_unit_id = :tie");
		else
			strbuf_printf(b, " AND %s = :key", expr);
		if (keyed)
			strbuf_printf(b, " AND i.no %s :no", cmp);
		return;
	default:
		return;
	}
}

/* ORDER BY of a part; no is the number's column (the full-text index's rowid when read through it). */
static void add_order(struct strbuf *b, enum item_sort sort, enum part pt, bool asc, const char *no)
{
	const char *dir = asc ? "ASC" : "DESC";

	if (sort == ISORT_NO || pt != PART_VALUE)
		strbuf_printf(b, " ORDER BY %s %s", no, dir);
	else if (strcmp(no, "s.no") == 0)
		strbuf_printf(b, " ORDER BY s.k %s, s.t %s, s.no %s", dir, dir, dir);
	else if (sort == ISORT_UNIT)
		strbuf_printf(b, " ORDER BY u.name_key %s, u.id %s, i.no %s", dir, dir, dir);
	else
		strbuf_printf(b, " ORDER BY %s %s, i.no %s", sortcols[sort].expr, dir, dir);
}

/*
 * Builds the SQL that reads up to :n rows of one part of one scope by one
 * plan. It starts with a comment naming the plan, the source and the index
 * meant, which the tests read back next to SQLite's plan.
 */
static int build_fetch(const struct item_pager *p, struct choice ch, enum scope sc, enum part pt,
                       bool keyed, bool asc, struct strbuf *b)
{
	enum item_sort sort = p->view.sort;
	bool unit_join = sort == ISORT_UNIT && pt != PART_NULL;
	enum source skip = ch.plan == PLAN_WALK ? SRC_COUNT : ch.src;
	/* In the full-text index's order, the number is its rowid. */
	const char *no = ch.plan == PLAN_ORDERED && ch.src == SRC_FTS ? "f.rowid" : "i.no";

	strbuf_printf(b, "/* %s %s */ ", plan_names[ch.plan],
	              ch.plan == PLAN_WALK ? walk_index(sort, pt) : source_names[ch.src]);
	if (ch.plan == PLAN_CAND) {
		/* The candidates sorted on their number and key alone; the page's rows read after. */
		strbuf_puts(b, "SELECT " ROW_COLS ", s.k, s.t FROM (SELECT i.no AS no, ");
		key_cols(b, sort, pt);
		strbuf_puts(b, " FROM ");
		from_source(b, ch.src);
		if (unit_join)
			strbuf_puts(b, " CROSS JOIN unit u ON u.id = i.lead_unit_id");
	} else {
		strbuf_puts(b, "SELECT " ROW_COLS ", ");
		key_cols(b, sort, pt);
		strbuf_puts(b, " FROM ");
		if (ch.plan == PLAN_ORDERED)
			from_source(b, ch.src);
		else
			from_walk(b, sort, pt);
		if (unit_join)
			strbuf_puts(b, " CROSS JOIN unit u ON u.id = i.lead_unit_id");
		else
			strbuf_puts(b, " LEFT JOIN unit u ON u.id = i.lead_unit_id");
	}
	strbuf_puts(b, " WHERE ");
	if (ch.plan != PLAN_CAND)
		strbuf_puts(b, "hoso_budget(:budget, i.no) AND ");
	strbuf_puts(b, "i.archived = 0");
	if (sc == SCOPE_TOP)
		strbuf_puts(b, " AND i.parent_id IS NULL");
	else if (sc == SCOPE_CHILD)
		strbuf_puts(b, " AND i.parent_id = :parent");
	if (ch.plan != PLAN_WALK && ch.src != SRC_PARENT)
		add_source(b, p, ch.src, sc);
	add_filters(b, p, skip);
	add_part(b, sort, pt, keyed, asc, no);
	add_order(b, sort, pt, asc, no);
	strbuf_puts(b, " LIMIT :n");
	if (ch.plan == PLAN_CAND) {
		strbuf_puts(b, ") s CROSS JOIN item i ON i.no = s.no LEFT JOIN unit u ON u.id = i.lead_unit_id");
		add_order(b, sort, pt, asc, "s.no");
	}
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
	if ((i = sqlite3_bind_parameter_index(st, ":q")) > 0)
		sqlite3_bind_text(st, i, f->search, -1, SQLITE_STATIC);
	if ((i = sqlite3_bind_parameter_index(st, ":fts")) > 0)
		sqlite3_bind_text(st, i, search_fts_long(p->query), -1, SQLITE_STATIC);
	if ((i = sqlite3_bind_parameter_index(st, ":budget")) > 0)
		sqlite3_bind_pointer(st, i, &p->spent, SQLFN_BUDGET, NULL);
	if ((i = sqlite3_bind_parameter_index(st, ":t")) > 0)
		sqlite3_bind_int64(st, i, p->threshold);
}

static int variant(struct choice ch, enum scope sc, enum part pt, bool keyed, bool asc)
{
	return (((((int)ch.plan * SRC_COUNT + (int)ch.src) * SCOPE_COUNT + sc) * PART_COUNT + pt) * 2 +
	        keyed) * 2 + asc;
}

static int get_fetch(struct item_pager *p, struct choice ch, enum scope sc, enum part pt, bool keyed,
                     bool asc, sqlite3_stmt **out, struct error *err)
{
	int v;
	struct strbuf b = STRBUF_INIT;

	if (ch.plan == PLAN_WALK)
		ch.src = 0;
	v = variant(ch, sc, pt, keyed, asc);
	if (p->fetch[v] == NULL) {
		if (build_fetch(p, ch, sc, pt, keyed, asc, &b) != 0) {
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
	if (sqlite3_column_type(st, ROW_NCOLS + 1) == SQLITE_BLOB) {
		int n = sqlite3_column_bytes(st, ROW_NCOLS + 1);

		r->key.tie_n = n < (int)sizeof r->key.tie ? n : (int)sizeof r->key.tie;
		memcpy(r->key.tie, sqlite3_column_blob(st, ROW_NCOLS + 1), (size_t)r->key.tie_n);
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
	if ((i = sqlite3_bind_parameter_index(st, ":tie")) > 0)
		sqlite3_bind_blob(st, i, from->key.tie, from->key.tie_n, SQLITE_TRANSIENT);
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

/* ------------------------------------------------------------------ choosing */

/* True when the rows of src's index for the view's filter come in number order (one value). */
static bool source_in_number_order(const struct item_pager *p, enum source src)
{
	unsigned set = p->stored_statuses;

	if (src == SRC_STATUS)
		return set != 0 && (set & (set - 1)) == 0;
	return src == SRC_PARENT || src == SRC_UNIT || src == SRC_KIND || src == SRC_YEAR;
}

/* Counts the rows of src's index for the view (and parent), up to the threshold, into *out. */
static int count_source(struct item_pager *p, enum source src, enum scope sc, const char *parent,
                        long *out, struct error *err)
{
	struct strbuf b = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc, i;

	strbuf_puts(&b, "SELECT count(*) FROM (SELECT 1 FROM ");
	switch (src) {
	case SRC_PARENT:
		strbuf_printf(&b, "item i INDEXED BY item_parent WHERE %s",
		              sc == SCOPE_TOP ? "i.parent_id IS NULL" : "i.parent_id = :parent");
		break;
	case SRC_LOCALITY:
		strbuf_puts(&b, "item_locality x INDEXED BY item_locality_locality WHERE x.locality_id = :loc");
		break;
	case SRC_UNIT:
		strbuf_puts(&b, "item i INDEXED BY item_lead WHERE i.lead_unit_id = :unit");
		break;
	case SRC_KIND:
		strbuf_puts(&b, "item i INDEXED BY item_kind WHERE i.kind = :kind");
		break;
	case SRC_YEAR:
		strbuf_puts(&b, "item i INDEXED BY item_year WHERE i.year = :year");
		break;
	case SRC_STATUS:
		strbuf_puts(&b, "item i INDEXED BY item_status WHERE ");
		put_status_set(&b, p->stored_statuses, "i.status");
		break;
	default:
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, "item_pager: no index to count");
	}
	/* Far enough past the threshold to tell which of two large sources is smaller. */
	strbuf_puts(&b, " LIMIT :t * 4)");
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = store_prepare(p->store, strbuf_str(&b), &st, err);
	strbuf_free(&b);
	if (rc != 0)
		return -1;
	bind_common(p, st);
	if ((i = sqlite3_bind_parameter_index(st, ":parent")) > 0)
		store_bind_uuid(st, i, parent);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_fail(p->store, err, _("reading items"));
}

/* Chooses how the flat list reads: counts the candidates of each filter with an index. */
static int choose_flat(struct item_pager *p, struct error *err)
{
	const struct item_filter *f = &p->view.filter;
	enum source srcs[SRC_COUNT], ordered = SRC_COUNT;
	int n = 0, k;

	p->best = SRC_COUNT;
	if (f->unit_id[0] != '\0')
		srcs[n++] = SRC_UNIT;
	if (f->locality_id[0] != '\0')
		srcs[n++] = SRC_LOCALITY;
	if (f->kind != 0)
		srcs[n++] = SRC_KIND;
	if (f->year != 0)
		srcs[n++] = SRC_YEAR;
	if (f->statuses != 0)
		srcs[n++] = SRC_STATUS;
	for (k = 0; k < n; k++) {
		enum source src = srcs[k];

		if (count_source(p, src, SCOPE_FLAT, NULL, &p->counts[src], err) != 0)
			return -1;
		if (p->best == SRC_COUNT || p->counts[src] < p->counts[p->best])
			p->best = src;
		if (p->view.sort == ISORT_NO && source_in_number_order(p, src) &&
		    (ordered == SRC_COUNT || p->counts[src] < p->counts[ordered]))
			ordered = src;
	}
	if (ordered != SRC_COUNT)
		p->flat = (struct choice){ PLAN_ORDERED, ordered, true };
	else if (p->best != SRC_COUNT && p->counts[p->best] < p->threshold)
		p->flat = (struct choice){ PLAN_CAND, p->best, false };
	else
		p->flat = (struct choice){ PLAN_WALK, SRC_PARENT, true };
	return 0;
}

/* The tree's level under parent (""): its children counted up to the threshold, kept for a while. */
static struct level *level_of(struct item_pager *p, enum scope sc, const char *parent, struct error *err)
{
	const char *key = sc == SCOPE_CHILD ? parent : "";
	struct level *lv = NULL;
	int k;

	for (k = 0; k < LEVELS; k++) {
		if (p->levels[k].used != 0 && strcmp(p->levels[k].parent, key) == 0) {
			p->levels[k].used = ++p->clock;
			return &p->levels[k];
		}
		if (lv == NULL || p->levels[k].used < lv->used)
			lv = &p->levels[k];
	}
	memset(lv, 0, sizeof *lv);
	snprintf(lv->parent, sizeof lv->parent, "%s", key);
	if (count_source(p, SRC_PARENT, sc, parent, &lv->count, err) != 0)
		return NULL;
	lv->used = ++p->clock;
	return lv;
}

/* How to read the rows of scope (under parent) now. */
static int choose(struct item_pager *p, enum scope sc, const char *parent, struct choice *ch,
                  struct level **lv, struct error *err)
{
	*lv = NULL;
	if (sc == SCOPE_FLAT) {
		*ch = p->flat;
		return 0;
	}
	/* The tree in number order reads its level's index in that order. */
	if (p->view.sort == ISORT_NO) {
		*ch = (struct choice){ PLAN_ORDERED, SRC_PARENT, false };
		return 0;
	}
	if ((*lv = level_of(p, sc, parent, err)) == NULL)
		return -1;
	/*
	 * A level's items were often made together (their numbers close): walking
	 * a sort's index from one end may pass many rows of other levels first,
	 * so a level is sorted up to twice the threshold.
	 */
	if ((*lv)->walk_failed || (*lv)->count < 2 * p->threshold)
		*ch = (struct choice){ PLAN_CAND, SRC_PARENT, false };
	else
		*ch = (struct choice){ PLAN_WALK, SRC_PARENT, true };
	return 0;
}

/*
 * A walk or an ordered read spent its budget without filling the page: the
 * matches are rarer than the counts said. From then on the rows are read
 * from the search's full-text matches, or the fewest candidates, or as
 * before without a budget.
 */
static void give_up_walk(struct item_pager *p, struct level *lv, struct choice *ch)
{
	if (lv != NULL) {
		lv->walk_failed = true;
		*ch = (struct choice){ PLAN_CAND, SRC_PARENT, false };
		return;
	}
	/* Sorting more candidates than the counts went to (four times the threshold) costs more than walking on. */
	if (p->query != NULL && !(p->flat.plan != PLAN_WALK && p->flat.src == SRC_FTS))
		p->flat = (struct choice){ p->view.sort == ISORT_NO ? PLAN_ORDERED : PLAN_CAND, SRC_FTS, false };
	else if (p->flat.plan == PLAN_WALK && p->best != SRC_COUNT && p->counts[p->best] < 4 * p->threshold)
		p->flat = (struct choice){ PLAN_CAND, p->best, false };
	else
		p->flat.budget = false;
	*ch = p->flat;
}

/* ------------------------------------------------------------------ reading */

struct step {
	enum part pt;
	bool keyed;
};

/* The parts of the view's order to read, in order, from row from (NULL: from the start). */
static int steps_of(const struct item_pager *p, bool asc, const struct item_row *from, struct step out[3])
{
	/* Filtered by a lead unit, sorted by it: no row lacks one. */
	bool nullable = sortcols[p->view.sort].nullable &&
	                !(p->view.sort == ISORT_UNIT && p->view.filter.unit_id[0] != '\0');
	int n = 0;

	if (p->view.sort == ISORT_NO) {
		out[n++] = (struct step){ PART_VALUE, from != NULL };
		return n;
	}
	if (from == NULL) {
		if (nullable && asc)
			out[n++] = (struct step){ PART_NULL, false };
		out[n++] = (struct step){ PART_VALUE, false };
		if (nullable && !asc)
			out[n++] = (struct step){ PART_NULL, false };
		return n;
	}
	if (nullable && from->key.type == SQLITE_NULL) {
		out[n++] = (struct step){ PART_NULL, true };
		if (asc)
			out[n++] = (struct step){ PART_VALUE, false };
		return n;
	}
	out[n++] = (struct step){ PART_TIE, true };
	out[n++] = (struct step){ PART_VALUE, true };
	if (nullable && !asc)
		out[n++] = (struct step){ PART_NULL, false };
	return n;
}

/* Drops the rows of out from index from on. */
static void list_truncate(struct rowlist *out, int from)
{
	while (out->len > from)
		item_row_clear(&out->rows[--out->len]);
}

/*
 * Steps st, appending its rows to out (at most n; *got counts them).
 * Returns SQLITE_DONE, or SQLITE_NOMEM, or the error of the step.
 */
static int run(struct item_pager *p, sqlite3_stmt *st, int depth, struct rowlist *out, int n, int *got)
{
	int rc;

	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":n"), n);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct item_row *r = list_push(out);

		if (r == NULL || read_row(p, st, depth, r) != 0) {
			if (r != NULL)
				out->len--;
			rc = SQLITE_NOMEM;
			break;
		}
		(*got)++;
	}
	sqlite3_reset(st);
	return rc;
}

/* The sorts whose values come from a small table (walk_values). */
static bool sort_by_values(enum item_sort sort)
{
	return sort == ISORT_KIND || sort == ISORT_STATUS || sort == ISORT_UNIT;
}

/*
 * The statement that reads the rows of one value of the sort (bound to :key
 * and :tie) in number order, after :no when keyed: through the value's own
 * index (the items of a kind, of a status, of a lead unit) when it has fewer
 * rows than the view's source, else through the source's index (the level
 * of the tree, or the filter with the fewest candidates) testing the value.
 * Either way the rows come in number order; the fewer rows read, the
 * denser the matches among them.
 */
static int value_stmt(struct item_pager *p, struct choice ch, enum scope sc, const char *parent,
                      bool keyed, bool asc, long value_rows, long source_rows, sqlite3_stmt **st,
                      struct error *err)
{
	struct choice side = ch;
	int i;

	if (source_rows >= 0 && value_rows > source_rows)
		side = (struct choice){ PLAN_ORDERED, sc == SCOPE_FLAT ? p->best : SRC_PARENT, true };
	if (get_fetch(p, side, sc, PART_TIE, keyed, asc, st, err) != 0)
		return -1;
	if ((i = sqlite3_bind_parameter_index(*st, ":parent")) > 0)
		store_bind_uuid(*st, i, parent);
	return 0;
}

/* The rows the view's source has (capped), or -1 when it has no index in number order. */
static long source_rows(const struct item_pager *p, enum scope sc, const struct level *lv)
{
	if (sc != SCOPE_FLAT)
		return lv != NULL ? lv->count : -1;
	if (p->best != SRC_COUNT && source_in_number_order(p, p->best))
		return p->counts[p->best];
	return -1;
}

/* The rows of the value of row from, after it (the part PART_TIE of a walk by values). */
static int walk_tie(struct item_pager *p, struct choice ch, enum scope sc, const char *parent,
                    int depth, bool asc, const struct item_row *from, long src_rows,
                    struct rowlist *out, int n, int *got, struct error *err)
{
	static const char *const dims[ISORT_COUNT] = {
		[ISORT_KIND] = "kind", [ISORT_STATUS] = "status", [ISORT_UNIT] = "unit",
	};
	sqlite3_stmt *count, *st;
	long rows = 0;

	/* How many rows the value has: kept by triggers. */
	if (store_prepare(p->store, "SELECT n FROM tally WHERE dim = ?1 AND key = ?2", &count, err) != 0)
		return SQLITE_ERROR;
	sqlite3_bind_text(count, 1, dims[p->view.sort], -1, SQLITE_STATIC);
	if (p->view.sort == ISORT_UNIT)
		sqlite3_bind_blob(count, 2, from->key.tie, from->key.tie_n, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(count, 2, from->key.i);
	if (sqlite3_step(count) == SQLITE_ROW)
		rows = (long)sqlite3_column_int64(count, 0);
	sqlite3_finalize(count);
	if (value_stmt(p, ch, sc, parent, true, asc, rows, src_rows, &st, err) != 0)
		return SQLITE_ERROR;
	bind_key(st, from);
	return run(p, st, depth, out, n - *got, got);
}

/*
 * Sorted by kind, status or lead unit, walking: the values in order from
 * that of row from (NULL: from the first) on, from their small table, and
 * the rows of each in number order (value_stmt). SQLite would sort the rows
 * of each value in a join (it does not know that the name and the key order
 * the units wholly), and walking the sort's index alone reads, for a level
 * of the tree whose items were made together, every row of the value made
 * before or after them. Returns as run does.
 */
static int walk_values(struct item_pager *p, struct choice ch, enum scope sc, const char *parent,
                       int depth, bool asc, const struct item_row *from, long src_rows,
                       struct rowlist *out, int n, int *got, struct error *err)
{
	sqlite3_stmt **values = &p->values[from != NULL][asc];
	int rc = SQLITE_DONE;

	if (*values == NULL) {
		const char *dir = asc ? "ASC" : "DESC", *cmp = asc ? ">" : "<";
		char sql[512];

		char where[256] = "";

		/* Filtered by the sort's own dimension: its values only. */
		const struct item_filter *f = &p->view.filter;
		struct strbuf only = STRBUF_INIT;

		if (p->view.sort == ISORT_UNIT && f->unit_id[0] != '\0')
			strbuf_puts(&only, " AND u.id = :unit");
		else if (p->view.sort == ISORT_KIND && f->kind != 0)
			strbuf_puts(&only, " AND v.id = :kind");
		else if (p->view.sort == ISORT_STATUS && f->statuses != 0) {
			strbuf_puts(&only, " AND ");
			put_status_set(&only, p->stored_statuses, "v.id");
		}
		if (only.failed) {
			strbuf_free(&only);
			return SQLITE_NOMEM;
		}
		if (p->view.sort == ISORT_UNIT) {
			if (from != NULL)
				snprintf(where, sizeof where, " WHERE u.name_key %s= :key AND (u.name_key, u.id) %s (:key, :tie)%s",
				         cmp, cmp, only.len > 0 ? strbuf_str(&only) : "");
			else if (only.len > 0)
				snprintf(where, sizeof where, " WHERE 1%s", strbuf_str(&only));
			snprintf(sql, sizeof sql,
			         "SELECT u.name_key, u.id, ifnull(t.n, 0) FROM unit u INDEXED BY unit_name"
			         " LEFT JOIN tally t ON t.dim = 'unit' AND t.key = u.id%s ORDER BY u.name_key %s, u.id %s",
			         where, dir, dir);
		} else {
			const char *table = p->view.sort == ISORT_KIND ? "kind" : "status";

			if (from != NULL)
				snprintf(where, sizeof where, " WHERE v.id %s :key%s", cmp,
				         only.len > 0 ? strbuf_str(&only) : "");
			else if (only.len > 0)
				snprintf(where, sizeof where, " WHERE 1%s", strbuf_str(&only));
			snprintf(sql, sizeof sql,
			         "SELECT v.id, NULL, ifnull(t.n, 0) FROM %s v"
			         " LEFT JOIN tally t ON t.dim = '%s' AND t.key = v.id%s ORDER BY v.id %s",
			         table, table, where, dir);
		}
		strbuf_free(&only);
		if (store_prepare(p->store, sql, values, err) != 0)
			return SQLITE_ERROR;
		bind_common(p, *values);
	}
	if (from != NULL)
		bind_key(*values, from);
	while (*got < n && (rc = sqlite3_step(*values)) == SQLITE_ROW) {
		sqlite3_stmt *st;

		if (value_stmt(p, ch, sc, parent, false, asc, (long)sqlite3_column_int64(*values, 2),
		               src_rows, &st, err) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
		sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":key"), sqlite3_column_value(*values, 0));
		if (p->view.sort == ISORT_UNIT)
			sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":tie"),
			                   sqlite3_column_value(*values, 1));
		if ((rc = run(p, st, depth, out, n - *got, got)) != SQLITE_DONE)
			break;
		/* A value without a matching row counts too. */
		if (++p->spent.seen > p->spent.limit) {
			p->spent.over = true;
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_reset(*values);
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return rc;
}

/*
 * Appends to out up to n rows of one scope (parent for SCOPE_CHILD), in SQL
 * order asc or desc, starting after row from (NULL: from the start).
 * Returns the number appended, or -1 with err set.
 */
static int fetch(struct item_pager *p, enum scope sc, const char *parent, int depth, bool asc,
                 const struct item_row *from, struct rowlist *out, int n, struct error *err)
{
	struct step steps[3];
	struct choice ch;
	struct level *lv;
	int nsteps = steps_of(p, asc, from, steps), k, start = out->len, got = 0;

	if (choose(p, sc, parent, &ch, &lv, err) != 0)
		return -1;
again:
	p->spent.seen = 0;
	p->spent.over = false;
	p->spent.limit = ch.budget ? p->budget : LONG_MAX;
	for (k = 0; k < nsteps && got < n; k++) {
		sqlite3_stmt *st = NULL;
		int rc, i;

		if (ch.plan == PLAN_WALK && sort_by_values(p->view.sort) && steps[k].pt == PART_VALUE) {
			rc = walk_values(p, ch, sc, parent, depth, asc, steps[k].keyed ? from : NULL,
			                 source_rows(p, sc, lv), out, n, &got, err);
		} else if (ch.plan == PLAN_WALK && sort_by_values(p->view.sort) && steps[k].pt == PART_TIE) {
			rc = walk_tie(p, ch, sc, parent, depth, asc, from, source_rows(p, sc, lv), out, n,
			              &got, err);
		} else {
			if (get_fetch(p, ch, sc, steps[k].pt, steps[k].keyed, asc, &st, err) != 0)
				return -1;
			if ((i = sqlite3_bind_parameter_index(st, ":parent")) > 0)
				store_bind_uuid(st, i, parent);
			if (steps[k].keyed)
				bind_key(st, from);
			rc = run(p, st, depth, out, n - got, &got);
		}
		if (rc == SQLITE_DONE)
			continue;
		if (rc == SQLITE_NOMEM)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		if (p->spent.over) {
			list_truncate(out, start);
			got = 0;
			give_up_walk(p, lv, &ch);
			goto again;
		}
		if (err->msg[0] == '\0')
			return store_fail(p->store, err, _("reading items"));
		return -1;
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
	struct strbuf b = STRBUF_INIT;
	int rc;

	if (*st != NULL) {
		sqlite3_reset(*st);
		return 0;
	}
	strbuf_puts(&b, "SELECT " ROW_COLS ", ");
	key_cols(&b, p->view.sort, PART_VALUE);
	strbuf_printf(&b, " FROM item i LEFT JOIN unit u ON u.id = i.lead_unit_id WHERE %s", where);
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = store_prepare(p->store, strbuf_str(&b), st, err);
	strbuf_free(&b);
	return rc;
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
	/*
	 * Through the filter with the fewest candidates, or the search's
	 * full-text matches; a search of short words only tests every item
	 * (the index would merge huge lists without heeding an interrupt).
	 */
	strbuf_puts(&b, "SELECT count(*) FROM ");
	if (p->best != SRC_COUNT) {
		from_source(&b, p->best);
		strbuf_puts(&b, " WHERE i.archived = 0");
		add_source(&b, p, p->best, SCOPE_FLAT);
		add_filters(&b, p, p->best);
	} else if (!search_has_long(p->query)) {
		strbuf_puts(&b, "item i NOT INDEXED WHERE i.archived = 0");
		add_filters(&b, p, SRC_COUNT);
	} else {
		from_source(&b, SRC_FTS);
		strbuf_puts(&b, " WHERE i.archived = 0");
		add_source(&b, p, SRC_FTS, SCOPE_FLAT);
		add_filters(&b, p, SRC_FTS);
	}
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

/* Rows a page of the list may read through the sort's index, and candidates it may sort. */
#define PAGE_ROWS 50
#define THRESHOLD_MIN 200
#define THRESHOLD_MAX 20000

/*
 * The threshold: about sqrt(page × items), where reading the candidates and
 * sorting them costs what walking the sort's index costs; the budget of a
 * walk, a few times that.
 */
static int set_threshold(struct item_pager *p, struct error *err)
{
	long items = 0, t = THRESHOLD_MIN;

	if (item_count_all(p->store, &items, err) != 0)
		return -1;
	while (t < THRESHOLD_MAX && t * t < PAGE_ROWS * items)
		t += t / 4;
	p->threshold = t;
	p->budget = 2 * t;
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
	p->stored_statuses = stored_statuses(view->filter.statuses);
	p->best = SRC_COUNT;
	if (set_threshold(p, err) != 0 || (!p->tree && choose_flat(p, err) != 0)) {
		item_pager_close(&p);
		return -1;
	}
	*out = p;
	return 0;
}

const char *item_pager_plan(const struct item_pager *p, char *buf, size_t n)
{
	if (p->tree)
		snprintf(buf, n, "tree");
	else if (p->flat.plan == PLAN_WALK)
		snprintf(buf, n, "walk");
	else
		snprintf(buf, n, "%s %s", plan_names[p->flat.plan], source_names[p->flat.src]);
	return buf;
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
	for (i = 0; i < 4; i++)
		sqlite3_finalize(p->values[i / 2][i % 2]);
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
