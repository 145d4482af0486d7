/*
 * The item pager against a plain SQL reference: for every sort order, both
 * directions, the tree and the flat list, every filter with few matches and
 * with many, searches, reading page by page forwards and backwards must give
 * exactly the order SQL gives, whichever way the pager chose to read (each
 * is seen at least once); and SQLite's plan of every statement the pager
 * prepared reads the index its comment names, and sorts only candidates.
 */
#include "config.h"

#include "unitdb.h"

#include "derived.h"
#include "idset.h"
#include "itemquery.h"
#include "refdata.h"
#include "search.h"
#include "store.h"

#define NITEMS 5000


static const char *const words[] = {
	"xây dựng", "thạch cao", "Đình Vũ", "đổi mới", "sáng tạo", "công nghệ", "vi mạch", "bán dẫn",
	"Hải Phòng", "nông thôn", "chuyển đổi số", "cơ sở dữ liệu", "đào tạo", "ứng dụng", "biển",
};

static unsigned long long seed = 12345;

/* A database with NITEMS items in a tree of three levels; "cong" is common, "bien" rarer. */
static int build(void **state)
{
	struct error err = { 0 };
	char path[512];
	sqlite3_stmt *st;
	int i;

	(void)state;
	unitdb_dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/q.db", unitdb_dir);
	if (store_open(&s, path, STORE_CREATE, 1000, &err) != 0)
		return -1;
	unit_exec(s, "BEGIN");
	unit_exec(s, "INSERT INTO programme (id, title) VALUES (randomblob(16), 'P')");
	{
		char sql[1024];

		snprintf(sql, sizeof sql,
		         "INSERT INTO unit (id, short_name, name) VALUES"
		         " (hoso_uuid('%s'), 'Sở KH&CN', 'Sở Khoa học và Công nghệ'),"
		         " (hoso_uuid('%s'), 'UBND', 'Ủy ban nhân dân'),"
		         " (hoso_uuid('%s'), 'Đại học', 'Trường Đại học Hải Phòng'),"
		         " (hoso_uuid('%s'), 'Ban', 'Ban Quản lý')",
		         unit_uid('u', 1), unit_uid('u', 2), unit_uid('u', 3), unit_uid('u', 4));
		unit_exec(s, sql);
		snprintf(sql, sizeof sql,
		         "INSERT INTO locality (id, name) VALUES (hoso_uuid('%s'), 'Đồ Sơn'), (hoso_uuid('%s'), 'Cát Hải')",
		         unit_uid('l', 1), unit_uid('l', 2));
		unit_exec(s, sql);
	}
	assert_int_equal(sqlite3_prepare_v2(store_db(s),
	                                    "INSERT INTO item (id, no, parent_id, kind, code, title, lead_unit_id,"
	                                    " status, progress, due_date, year, archived)"
	                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	                                    -1, &st, NULL), SQLITE_OK);
	for (i = 1; i <= NITEMS; i++) {
		char code[32], title[256], due[16];

		store_bind_uuid(st, 1, unit_uid('i', i));
		sqlite3_bind_int(st, 2, i);
		if (i <= 200)
			sqlite3_bind_null(st, 3);
		else if (i <= 1500)
			store_bind_uuid(st, 3, unit_uid('i', 1 + unit_rnd(&seed, 200)));
		else
			store_bind_uuid(st, 3, unit_uid('i', 201 + unit_rnd(&seed, 1300)));
		sqlite3_bind_int(st, 4, 1 + (int)unit_rnd(&seed, 7));
		if (unit_rnd(&seed, 3) == 0) {
			snprintf(code, sizeof code, "NV-%u", unit_rnd(&seed, 300));
			sqlite3_bind_text(st, 5, code, -1, SQLITE_TRANSIENT);
		} else {
			sqlite3_bind_null(st, 5);
		}
		snprintf(title, sizeof title, "%s %s %s %u", words[unit_rnd(&seed, 15)], unit_rnd(&seed, 2) ? "công" : "việc",
		         unit_rnd(&seed, 10) == 0 ? "biển" : words[unit_rnd(&seed, 15)], unit_rnd(&seed, 100));
		sqlite3_bind_text(st, 6, title, -1, SQLITE_TRANSIENT);
		if (unit_rnd(&seed, 6) == 0)
			sqlite3_bind_null(st, 7);
		else
			store_bind_uuid(st, 7, unit_uid('u', 1 + unit_rnd(&seed, 4)));
		sqlite3_bind_int(st, 8, 1 + (int)unit_rnd(&seed, 5));
		if (unit_rnd(&seed, 4) == 0)
			sqlite3_bind_null(st, 9);
		else
			sqlite3_bind_int(st, 9, (int)unit_rnd(&seed, 101));
		if (unit_rnd(&seed, 4) == 0) {
			sqlite3_bind_null(st, 10);
		} else {
			snprintf(due, sizeof due, "2024-%02u-%02u", 1 + unit_rnd(&seed, 12), 1 + unit_rnd(&seed, 28));
			sqlite3_bind_text(st, 10, due, -1, SQLITE_TRANSIENT);
		}
		sqlite3_bind_int(st, 11, 2023 + (int)unit_rnd(&seed, 3));
		sqlite3_bind_int(st, 12, i > 200 && unit_rnd(&seed, 50) == 0 ? 1 : 0);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	{
		char sql[512];

		snprintf(sql, sizeof sql,
		         "INSERT INTO item_locality (item_id, locality_id) SELECT id,"
		         " CASE WHEN no %% 2 THEN hoso_uuid('%s') ELSE hoso_uuid('%s') END FROM item WHERE no %% 7 = 0",
		         unit_uid('l', 1), unit_uid('l', 2));
		unit_exec(s, sql);
		/*
		 * Skews, so that each filter has a value with few matches (read and
		 * sorted) and one with many (walked): unit 1 leads most items, unit 5
		 * five; locality 1 has a third of them, locality 3 three; kind 7,
		 * year 2030 and the cancelled status only a few; and item 1 gets 1600
		 * sub-items of consecutive numbers (a level walked, not sorted).
		 */
		snprintf(sql, sizeof sql,
		         "INSERT INTO unit (id, short_name, name) VALUES (hoso_uuid('%s'), 'Phòng', 'Phòng ít việc');"
		         "UPDATE item SET lead_unit_id = hoso_uuid('%s') WHERE no %% 997 = 1;"
		         "UPDATE item SET lead_unit_id = hoso_uuid('%s') WHERE no %% 3 <> 0 AND no %% 997 <> 1"
		         " AND lead_unit_id IS NOT NULL",
		         unit_uid('u', 5), unit_uid('u', 5), unit_uid('u', 1));
		unit_exec(s, sql);
		snprintf(sql, sizeof sql,
		         "INSERT INTO locality (id, name) VALUES (hoso_uuid('%s'), 'Bạch Long Vĩ');"
		         "INSERT OR IGNORE INTO item_locality (item_id, locality_id) SELECT id, hoso_uuid('%s')"
		         " FROM item WHERE no %% 3 = 1;"
		         "INSERT INTO item_locality (item_id, locality_id) SELECT id, hoso_uuid('%s') FROM item"
		         " WHERE no IN (17, 2500, 4999)",
		         unit_uid('l', 3), unit_uid('l', 1), unit_uid('l', 3));
		unit_exec(s, sql);
		unit_exec(s, "UPDATE item SET kind = 6 WHERE kind = 7 AND no % 50 <> 0;"
		     "UPDATE item SET year = 2030 WHERE no IN (5, 1234, 3333, 4444);"
		     "UPDATE item SET status = 1 WHERE status = 5 AND no % 60 <> 0");
		snprintf(sql, sizeof sql, "UPDATE item SET parent_id = hoso_uuid('%s') WHERE no BETWEEN 3001 AND 4600",
		         unit_uid('i', 1));
		unit_exec(s, sql);
	}
	if (derived_refresh_all(s, &err) != 0)
		fail_msg("%s", err.msg);
	unit_exec(s, "COMMIT; ANALYZE");
	return 0;
}

/* ------------------------------------------------------------------ the reference */

struct list {
	long *v;
	int n;
};

static void push(struct list *l, long no)
{
	l->v = realloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
	l->v[l->n++] = no;
}

static const char *const col[ISORT_COUNT] = {
	"no", "code_key", "title_key", "kind", "(SELECT name_key FROM unit u WHERE u.id = item.lead_unit_id)",
	"due_date", "status", "progress",
};

/* The SQL order of a view: NULLs first ascending, last descending, then no. */
static void order_by(char *buf, size_t n, const struct item_view *v)
{
	if (v->sort == ISORT_NO)
		snprintf(buf, n, "ORDER BY no %s", v->desc ? "DESC" : "ASC");
	else
		snprintf(buf, n, "ORDER BY %s %s, no %s", col[v->sort], v->desc ? "DESC" : "ASC",
		         v->desc ? "DESC" : "ASC");
}

static void where_filter(char *buf, size_t n, const struct item_view *v)
{
	const struct item_filter *f = &v->filter;
	size_t used = (size_t)snprintf(buf, n, "archived = 0");
	int st;

	if (f->statuses != 0) {
		used += (size_t)snprintf(buf + used, n - used, " AND (0");
		for (st = 1; st <= STATUS_MAX; st++) {
			if (!(f->statuses & (1u << st)))
				continue;
			if (st == STATUS_OVERDUE)
				used += (size_t)snprintf(buf + used, n - used, " OR (status IN (1,2,3) AND due_date < '%s')", v->today);
			else if (status_is_open(st))
				used += (size_t)snprintf(buf + used, n - used,
				                         " OR (status = %d AND (due_date IS NULL OR due_date >= '%s'))", st, v->today);
			else
				used += (size_t)snprintf(buf + used, n - used, " OR status = %d", st);
		}
		used += (size_t)snprintf(buf + used, n - used, ")");
	}
	if (f->kind != 0)
		used += (size_t)snprintf(buf + used, n - used, " AND kind = %d", f->kind);
	if (f->year != 0)
		used += (size_t)snprintf(buf + used, n - used, " AND year = %d", f->year);
	if (f->unit_id[0] != '\0')
		used += (size_t)snprintf(buf + used, n - used, " AND lead_unit_id = hoso_uuid('%s')", f->unit_id);
	if (f->locality_id[0] != '\0')
		used += (size_t)snprintf(buf + used, n - used,
		                         " AND id IN (SELECT item_id FROM item_locality WHERE locality_id = hoso_uuid('%s'))",
		                         f->locality_id);
	if (f->search[0] != '\0')
		snprintf(buf + used, n - used, " AND hoso_match(search, ?1)");
}

static void query(struct list *out, const char *sql, const char *search)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(store_db(s)));
	if (search != NULL && sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_text(st, 1, search, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		push(out, (long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
}

static void flat_reference(struct list *out, const struct item_view *v)
{
	char sql[2048], where[1024], order[128];

	where_filter(where, sizeof where, v);
	order_by(order, sizeof order, v);
	snprintf(sql, sizeof sql, "SELECT no FROM item WHERE %s %s", where, order);
	query(out, sql, v->filter.search);
}

static void tree_reference(struct list *out, const struct item_view *v, const char *parent,
                           const struct idset *open, bool all)
{
	char sql[512], order[128];
	struct list children = { 0 };
	int i;

	order_by(order, sizeof order, v);
	if (parent == NULL)
		snprintf(sql, sizeof sql, "SELECT no FROM item WHERE archived = 0 AND parent_id IS NULL %s", order);
	else
		snprintf(sql, sizeof sql, "SELECT no FROM item WHERE archived = 0 AND parent_id = hoso_uuid('%s') %s",
		         unit_uid('i', atol(parent)), order);
	query(&children, sql, NULL);
	for (i = 0; i < children.n; i++) {
		char id[37], num[16];

		push(out, children.v[i]);
		snprintf(id, sizeof id, "%s", unit_uid('i', children.v[i]));
		snprintf(num, sizeof num, "%ld", children.v[i]);
		if (all || idset_has(open, id))
			tree_reference(out, v, num, open, all);
	}
	free(children.v);
}

/* ------------------------------------------------------------------ walking */

static void walk_forward(struct item_pager *p, int page, struct list *out)
{
	struct item_row *rows = calloc((size_t)page, sizeof *rows), last = { 0 };
	struct error err = { 0 };
	int got, i;

	got = item_pager_first(p, rows, page, &err);
	while (got > 0) {
		for (i = 0; i < got; i++)
			push(out, rows[i].no);
		if (got < page)
			break;
		assert_int_equal(item_row_copy(&last, &rows[got - 1]), 0);
		got = item_pager_next(p, &last, rows, page, &err);
	}
	if (got < 0)
		fail_msg("%s", err.msg);
	for (i = 0; i < page; i++)
		item_row_clear(&rows[i]);
	item_row_clear(&last);
	free(rows);
}

static void walk_backward(struct item_pager *p, int page, struct list *out)
{
	struct item_row *rows = calloc((size_t)page, sizeof *rows), first = { 0 };
	struct error err = { 0 };
	int got, i;

	got = item_pager_last(p, rows, page, &err);
	while (got > 0) {
		for (i = got - 1; i >= 0; i--)
			push(out, rows[i].no);
		if (got < page)
			break;
		assert_int_equal(item_row_copy(&first, &rows[0]), 0);
		got = item_pager_prev(p, &first, rows, page, &err);
	}
	if (got < 0)
		fail_msg("%s", err.msg);
	for (i = 0; i < page; i++)
		item_row_clear(&rows[i]);
	item_row_clear(&first);
	free(rows);
}

static void assert_same(const struct list *want, const struct list *got, bool reversed,
                        const char *what)
{
	int i;

	if (want->n != got->n)
		fail_msg("%s: %d rows expected, %d read", what, want->n, got->n);
	for (i = 0; i < want->n; i++) {
		long w = want->v[reversed ? want->n - 1 - i : i];

		if (w != got->v[i])
			fail_msg("%s: row %d is #%ld, expected #%ld", what, i, got->v[i], w);
	}
}

/* The rows of SQLite's plan of sql, one per line. */
static void explain(const char *sql, char *out, size_t n)
{
	char q[8192];
	sqlite3_stmt *st;
	size_t used = 0;

	snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
	out[0] = '\0';
	if (sqlite3_prepare_v2(store_db(s), q, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(store_db(s)));
	while (sqlite3_step(st) == SQLITE_ROW && used < n)
		used += (size_t)snprintf(out + used, n - used, "%s\n", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
}

/* True when the plan eqp has want as a whole name (" i" the table, "INDEX x" an index). */
static bool reads(const char *eqp, const char *want)
{
	const char *at = eqp;
	size_t n = strlen(want);

	while ((at = strstr(at, want)) != NULL) {
		if (at[n] == ' ' || at[n] == '\n' || at[n] == ':')
			return true;
		at += n;
	}
	return false;
}

static const char *source_index(const char *src)
{
	static const char *const map[][2] = {
		{ "parent", "INDEX item_parent" }, { "unit", "INDEX item_lead" },
		{ "locality", "INDEX item_locality_locality" }, { "kind", "INDEX item_kind" },
		{ "status", "INDEX item_status" }, { "year", "INDEX item_year" }, { "fts", "VIRTUAL TABLE INDEX" },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], src) == 0)
			return map[i][1];
	fail_msg("unknown source %s", src);
	return NULL;
}

/*
 * Every statement the pager prepared (they start with a comment naming the
 * plan and the index meant): a walk or an ordered read uses that index and
 * never sorts; a read of candidates uses its filter's index and never scans
 * the table. Counts the plans seen into seen[walk, candidates, ordered].
 */
static void check_plans(const char *what, int seen[3])
{
	sqlite3_stmt *st = NULL;

	while ((st = sqlite3_next_stmt(store_db(s), st)) != NULL) {
		const char *sql = sqlite3_sql(st);
		char plan[32], index[64], eqp[8192], want[80];

		if (sql == NULL || sscanf(sql, "/* %31s %63s */", plan, index) != 2)
			continue;
		explain(sql, eqp, sizeof eqp);
		if (strcmp(plan, "walk") == 0) {
			seen[0]++;
			if (strcmp(index, "rowid") == 0)
				snprintf(want, sizeof want, " i");
			else
				snprintf(want, sizeof want, "INDEX %s", index);
		} else {
			seen[strcmp(plan, "candidates") == 0 ? 1 : 2]++;
			snprintf(want, sizeof want, "%s", source_index(index));
		}
		if (!reads(eqp, want))
			fail_msg("%s: the %s of %s reads no %s:\n%s\n%s", what, plan, index, want, sql, eqp);
		if (strcmp(plan, "candidates") != 0 && strstr(eqp, "TEMP B-TREE") != NULL)
			fail_msg("%s: the %s of %s sorts:\n%s\n%s", what, plan, index, sql, eqp);
		if (strcmp(plan, "candidates") == 0 && (strncmp(eqp, "SCAN i\n", 7) == 0 || strstr(eqp, "\nSCAN i\n") != NULL))
			fail_msg("%s: the candidates of %s scan the table:\n%s\n%s", what, index, sql, eqp);
	}
}

static int plans_seen[3];

static void check_view_pages(const struct item_view *v, const struct idset *open, unsigned flags,
                             const char *what, const int *pages, size_t npages);

static void check_view(const struct item_view *v, const struct idset *open, unsigned flags,
                       const char *what)
{
	static const int pages[] = { 2, 17, 400 };

	check_view_pages(v, open, flags, what, pages, sizeof pages / sizeof pages[0]);
}

static void check_view_pages(const struct item_view *v, const struct idset *open, unsigned flags,
                             const char *what, const int *pages, size_t npages)
{
	struct list want = { 0 };
	struct item_pager *p;
	struct store *reader = NULL;
	struct error err = { 0 };
	long count;
	size_t k;

	if (item_view_is_tree(v))
		tree_reference(&want, v, NULL, open, flags & ITEM_PAGER_EXPAND_ALL);
	else
		flat_reference(&want, v);
	if (item_pager_open(&p, s, v, open, flags, &err) != 0)
		fail_msg("%s: %s", what, err.msg);
	for (k = 0; k < npages; k++) {
		struct list fwd = { 0 }, back = { 0 };
		char label[256];

		snprintf(label, sizeof label, "%s, pages of %d, forward", what, pages[k]);
		walk_forward(p, pages[k], &fwd);
		assert_same(&want, &fwd, false, label);
		snprintf(label, sizeof label, "%s, pages of %d, backward", what, pages[k]);
		walk_backward(p, pages[k], &back);
		assert_same(&want, &back, true, label);
		free(fwd.v);
		free(back.v);
	}
	assert_int_equal(item_pager_count(p, NULL, &count, &err), 0);
	if (count != want.n)
		fail_msg("%s: count %ld, expected %d", what, count, want.n);
	/* The same count on a second connection, as the screen counts. */
	if (store_open_reader(&reader, s, 256, &err) != 0)
		fail_msg("%s: reader: %s", what, err.msg);
	count = -1;
	assert_int_equal(item_pager_count(p, reader, &count, &err), 0);
	if (count != want.n)
		fail_msg("%s: count on a reader %ld, expected %d", what, count, want.n);
	store_close(&reader);
	assert_null(reader);
	check_plans(what, plans_seen);
	item_pager_close(&p);
	free(want.v);
}

static struct item_view view(enum item_sort sort, bool desc)
{
	struct item_view v;

	memset(&v, 0, sizeof v);
	v.sort = sort;
	v.desc = desc;
	snprintf(v.today, sizeof v.today, "2024-06-15");
	return v;
}

/* ------------------------------------------------------------------ tests */

static void test_tree_all_sorts(void **state)
{
	struct idset *open = idset_new();
	int sort, desc;

	(void)state;
	/* Open a few nodes at two levels. */
	idset_add(open, unit_uid('i', 1));
	idset_add(open, unit_uid('i', 7));
	idset_add(open, unit_uid('i', 150));
	{
		sqlite3_stmt *st;
		char sql[256], id[37];

		snprintf(sql, sizeof sql, "SELECT id FROM item WHERE parent_id IN (hoso_uuid('%s'), hoso_uuid('%s')) LIMIT 5",
		         unit_uid('i', 1), unit_uid('i', 7));
		assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			store_column_uuid(st, 0, id);
			idset_add(open, id);
		}
		sqlite3_finalize(st);
	}
	for (sort = 0; sort < ISORT_COUNT; sort++) {
		for (desc = 0; desc < 2; desc++) {
			struct item_view v = view((enum item_sort)sort, desc);
			char what[128];

			snprintf(what, sizeof what, "tree by %s%s", item_sort_name((enum item_sort)sort), desc ? " desc" : "");
			check_view(&v, open, 0, what);
			snprintf(what, sizeof what, "whole tree by %s%s", item_sort_name((enum item_sort)sort), desc ? " desc" : "");
			check_view(&v, NULL, ITEM_PAGER_EXPAND_ALL, what);
		}
	}
	idset_free(&open);
}

static void test_flat_filters(void **state)
{
	int sort, desc;

	(void)state;
	for (sort = 0; sort < ISORT_COUNT; sort++) {
		for (desc = 0; desc < 2; desc++) {
			struct item_view v = view((enum item_sort)sort, desc);
			char what[128];

			v.filter.statuses = 1u << STATUS_OVERDUE | 1u << STATUS_DONE;
			snprintf(what, sizeof what, "overdue or done by %s%s", item_sort_name((enum item_sort)sort), desc ? " desc" : "");
			check_view(&v, NULL, 0, what);
		}
	}
	{
		struct item_view v = view(ISORT_TITLE, false);

		v.filter.kind = 3;
		v.filter.year = 2024;
		check_view(&v, NULL, 0, "kind and year");
		v = view(ISORT_DUE, true);
		snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", unit_uid('u', 2));
		v.filter.statuses = 1u << STATUS_PLANNED;
		check_view(&v, NULL, 0, "unit and planned (not overdue)");
		v = view(ISORT_PROGRESS, false);
		snprintf(v.filter.locality_id, sizeof v.filter.locality_id, "%s", unit_uid('l', 1));
		check_view(&v, NULL, 0, "locality");
	}
}

/* Each filter with a value of few matches and one of many, by every sort, both ways. */
static void test_every_filter_every_sort(void **state)
{
	static const int pages[] = { 7, 150 };
	static const struct {
		const char *name;
		char dim;   /* u unit, l locality, k kind, y year, s statuses */
		long value;
		bool few;
	} filters[] = {
		{ "unit 1 (most)", 'u', 1, false }, { "unit 5 (five)", 'u', 5, true },
		{ "locality 1 (a third)", 'l', 1, false }, { "locality 3 (three)", 'l', 3, true },
		{ "kind 2", 'k', 2, false }, { "kind 7 (few)", 'k', 7, true },
		{ "year 2024", 'y', 2024, false }, { "year 2030 (four)", 'y', 2030, true },
		{ "planned", 's', 1u << STATUS_PLANNED, false }, { "cancelled (few)", 's', 1u << STATUS_CANCELLED, true },
		{ "overdue or done", 's', 1u << STATUS_OVERDUE | 1u << STATUS_DONE, false },
		{ "overdue", 's', 1u << STATUS_OVERDUE, false },
	};
	size_t f;
	int sort, desc, walked = 0, sorted = 0, ordered = 0;

	(void)state;
	for (f = 0; f < sizeof filters / sizeof filters[0]; f++) {
		for (sort = 0; sort < ISORT_COUNT; sort++) {
			for (desc = 0; desc < 2; desc++) {
				struct item_view v = view((enum item_sort)sort, desc);
				struct item_pager *p;
				struct error err = { 0 };
				char what[160], plan[64];

				switch (filters[f].dim) {
				case 'u':
					snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", unit_uid('u', filters[f].value));
					break;
				case 'l':
					snprintf(v.filter.locality_id, sizeof v.filter.locality_id, "%s", unit_uid('l', filters[f].value));
					break;
				case 'k':
					v.filter.kind = (int)filters[f].value;
					break;
				case 'y':
					v.filter.year = (int)filters[f].value;
					break;
				default:
					v.filter.statuses = (unsigned)filters[f].value;
					break;
				}
				assert_int_equal(item_pager_open(&p, s, &v, NULL, 0, &err), 0);
				item_pager_plan(p, plan, sizeof plan);
				item_pager_close(&p);
				snprintf(what, sizeof what, "%s by %s%s (%s)", filters[f].name,
				         item_sort_name((enum item_sort)sort), desc ? " desc" : "", plan);
				/* Few matches are read and sorted, or read in number order; many are walked. */
				if (filters[f].few && strncmp(plan, "candidates", 10) != 0 && strncmp(plan, "ordered", 7) != 0)
					fail_msg("%s: few matches not read from their index", what);
				if (!filters[f].few && sort != ISORT_NO && strcmp(plan, "walk") != 0)
					fail_msg("%s: many matches not walked", what);
				walked += strcmp(plan, "walk") == 0;
				sorted += strncmp(plan, "candidates", 10) == 0;
				ordered += strncmp(plan, "ordered", 7) == 0;
				check_view_pages(&v, NULL, 0, what, pages, sizeof pages / sizeof pages[0]);
			}
		}
	}
	assert_true(walked > 0 && sorted > 0 && ordered > 0);
	assert_true(plans_seen[0] > 0 && plans_seen[1] > 0 && plans_seen[2] > 0);
}

/* Filters together, and a filter with a search, by every sort. */
static void test_filters_combined(void **state)
{
	static const int pages[] = { 5, 100 };
	int sort;

	(void)state;
	for (sort = 0; sort < ISORT_COUNT; sort++) {
		struct item_view v = view((enum item_sort)sort, sort % 2 == 0);
		char what[128];

		snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", unit_uid('u', 1));
		snprintf(v.filter.search, sizeof v.filter.search, "cong");
		snprintf(what, sizeof what, "unit 1 and 'cong' by %s", item_sort_name((enum item_sort)sort));
		check_view_pages(&v, NULL, 0, what, pages, 2);
		v = view((enum item_sort)sort, sort % 2 == 1);
		snprintf(v.filter.locality_id, sizeof v.filter.locality_id, "%s", unit_uid('l', 1));
		v.filter.year = 2024;
		v.filter.statuses = 1u << STATUS_PLANNED | 1u << STATUS_OVERDUE;
		snprintf(what, sizeof what, "locality 1, 2024, planned or overdue by %s", item_sort_name((enum item_sort)sort));
		check_view_pages(&v, NULL, 0, what, pages, 2);
		v = view((enum item_sort)sort, false);
		snprintf(v.filter.search, sizeof v.filter.search, "c zzz");
		snprintf(what, sizeof what, "a short word and one that matches nothing by %s", item_sort_name((enum item_sort)sort));
		check_view_pages(&v, NULL, 0, what, pages, 2);
	}
}

static void test_search_strategies(void **state)
{
	/* "cong" matches thousands (the scan), "bien" hundreds (the index), "thach cao" both words. */
	static const char *const searches[] = { "cong", "CÔNG", "bien", "thach cao", "Đình Vũ 1", "zzz", "vi mach 4" };
	size_t i;
	int sort;

	(void)state;
	for (i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		for (sort = 0; sort < ISORT_COUNT; sort++) {
			struct item_view v = view((enum item_sort)sort, sort % 2 == 1);
			char what[128];

			snprintf(v.filter.search, sizeof v.filter.search, "%s", searches[i]);
			snprintf(what, sizeof what, "search '%s' by %s", searches[i], item_sort_name((enum item_sort)sort));
			check_view(&v, NULL, 0, what);
		}
	}
	{
		struct item_view v = view(ISORT_TITLE, false);

		snprintf(v.filter.search, sizeof v.filter.search, "cong");
		v.filter.statuses = 1u << STATUS_OVERDUE;
		v.filter.kind = 2;
		check_view(&v, NULL, 0, "search with filters");
	}
}

static void test_whitespace_search_is_the_tree(void **state)
{
	struct item_view v = view(ISORT_NO, false);

	(void)state;
	snprintf(v.filter.search, sizeof v.filter.search, "  - / ");
	assert_true(item_view_is_tree(&v));
	check_view(&v, NULL, 0, "a search without words shows the tree");
}

static void test_get_and_depth(void **state)
{
	struct item_view v = view(ISORT_NO, false);
	struct item_pager *p;
	struct item_row r = { 0 };
	struct error err = { 0 };
	long no = 0;

	(void)state;
	assert_int_equal(item_pager_open(&p, s, &v, NULL, 0, &err), 0);
	assert_int_equal(item_pager_get(p, 1, &r, &err), 1);
	assert_int_equal(r.depth, 0);
	assert_string_equal(r.id, unit_uid('i', 1));
	assert_int_equal(item_pager_get(p, 300, &r, &err), 1);
	assert_int_equal(r.depth, 1);
	assert_int_equal(item_pager_get(p, 4800, &r, &err), 1);
	assert_int_equal(r.depth, 2);
	assert_int_equal(item_pager_get(p, 4000, &r, &err), 1);
	assert_int_equal(r.depth, 1);
	assert_int_equal(item_pager_get(p, 999999, &r, &err), 0);
	assert_int_equal(item_no_of(s, unit_uid('i', 42), &no, &err), 1);
	assert_int_equal(no, 42);
	assert_int_equal(item_no_of(s, "nobody", &no, &err), 0);
	item_row_clear(&r);
	item_pager_close(&p);
	item_pager_close(&p);
}

static void test_overdue_is_derived(void **state)
{
	struct item_view v = view(ISORT_NO, false);
	struct item_pager *p;
	struct item_row r = { 0 };
	struct error err = { 0 };

	(void)state;
	unit_exec(s, "UPDATE item SET status = 2, due_date = '2024-06-14' WHERE no = 3");
	assert_int_equal(item_pager_open(&p, s, &v, NULL, 0, &err), 0);
	assert_int_equal(item_pager_get(p, 3, &r, &err), 1);
	assert_int_equal(r.status, STATUS_IN_PROGRESS);
	assert_int_equal(r.display_status, STATUS_OVERDUE);
	item_pager_close(&p);
	snprintf(v.today, sizeof v.today, "2024-06-14");
	assert_int_equal(item_pager_open(&p, s, &v, NULL, 0, &err), 0);
	assert_int_equal(item_pager_get(p, 3, &r, &err), 1);
	assert_int_equal(r.display_status, STATUS_IN_PROGRESS);
	item_pager_close(&p);
	unit_exec(s, "UPDATE item SET status = 4 WHERE no = 3");
	snprintf(v.today, sizeof v.today, "2030-01-01");
	assert_int_equal(item_pager_open(&p, s, &v, NULL, 0, &err), 0);
	assert_int_equal(item_pager_get(p, 3, &r, &err), 1);
	assert_int_equal(r.display_status, STATUS_DONE);
	item_row_clear(&r);
	item_pager_close(&p);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(item_sort_name(ISORT_TITLE), "title");
	assert_int_equal(item_sort_parse("due"), ISORT_DUE);
	assert_int_equal(item_sort_parse("nonsense"), -1);
	assert_int_equal(item_sort_parse(NULL), -1);
	assert_null(item_sort_name(ISORT_COUNT));
	item_row_clear(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_tree_all_sorts),
		cmocka_unit_test(test_flat_filters),
		cmocka_unit_test(test_search_strategies),
		cmocka_unit_test(test_every_filter_every_sort),
		cmocka_unit_test(test_filters_combined),
		cmocka_unit_test(test_whitespace_search_is_the_tree),
		cmocka_unit_test(test_get_and_depth),
		cmocka_unit_test(test_overdue_is_derived),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, build, unitdb_teardown);
}
