/*
 * The item stream (`hoso list`'s one statement) against the item pager with
 * every node open: for every sort order, both directions, the tree and flat
 * lists with filters and searches, the same rows in the same order with the
 * same fields and depths. The tree has what clerks make: a wide level, a
 * chain deeper than the pager's pages, archived items with sub-items under
 * them (hidden with them), and items in a cycle of parents (never shown).
 */
#include "config.h"

#include "unitdb.h"

#include "derived.h"
#include "itemquery.h"
#include "itemstream.h"
#include "refdata.h"
#include "store.h"

#define NITEMS 3000


static const char *const words[] = {
	"xây dựng", "thạch cao", "Đình Vũ", "đổi mới", "sáng tạo", "công nghệ", "vi mạch", "bán dẫn",
	"Hải Phòng", "nông thôn", "chuyển đổi số", "cơ sở dữ liệu", "đào tạo", "ứng dụng", "biển",
};

static unsigned long long seed = 4242;

/* The parent of item i: 1..100 at the top, 101..400 under item 1, a chain 401..460, the rest below. */
static long parent_of(long i)
{
	if (i <= 100)
		return 0;
	if (i <= 400)
		return 1;
	if (i <= 460)
		return i == 401 ? 2 : i - 1;
	if (i <= 1200)
		return 3 + unit_rnd(&seed, 97);
	return 401 + unit_rnd(&seed, 800);
}

static int build(void **state)
{
	struct error err = { 0 };
	char path[512], sql[1024];
	sqlite3_stmt *st;
	long i;

	(void)state;
	unitdb_dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/s.db", unitdb_dir);
	if (store_open(&s, path, STORE_CREATE, 1000, &err) != 0)
		return -1;
	unit_exec(s, "BEGIN");
	unit_exec(s, "INSERT INTO programme (id, title) VALUES (randomblob(16), 'P')");
	snprintf(sql, sizeof sql,
	         "INSERT INTO unit (id, short_name, name) VALUES (hoso_uuid('%s'), 'Sở KH&CN', 'Sở Khoa học và Công nghệ'),"
	         " (hoso_uuid('%s'), NULL, 'Ủy ban nhân dân'), (hoso_uuid('%s'), 'Đại học', 'Trường Đại học Hải Phòng')",
	         unit_uid('u', 1), unit_uid('u', 2), unit_uid('u', 3));
	unit_exec(s, sql);
	snprintf(sql, sizeof sql, "INSERT INTO locality (id, name) VALUES (hoso_uuid('%s'), 'Đồ Sơn')", unit_uid('l', 1));
	unit_exec(s, sql);
	assert_int_equal(sqlite3_prepare_v2(store_db(s),
	                                    "INSERT INTO item (id, no, parent_id, kind, code, title, lead_unit_id,"
	                                    " status, progress, start_date, due_date, done_date, year, archived)"
	                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	                                    -1, &st, NULL), SQLITE_OK);
	for (i = 1; i <= NITEMS; i++) {
		char code[32], title[256], due[16];
		long parent = parent_of(i);

		store_bind_uuid(st, 1, unit_uid('i', i));
		sqlite3_bind_int64(st, 2, i);
		if (parent > 0)
			store_bind_uuid(st, 3, unit_uid('i', parent));
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_int(st, 4, 1 + (int)unit_rnd(&seed, 7));
		if (unit_rnd(&seed, 3) == 0) {
			snprintf(code, sizeof code, "NV-%u", unit_rnd(&seed, 300));
			sqlite3_bind_text(st, 5, code, -1, SQLITE_TRANSIENT);
		} else {
			sqlite3_bind_null(st, 5);
		}
		snprintf(title, sizeof title, "%s %s %u", words[unit_rnd(&seed, 15)], words[unit_rnd(&seed, 15)], unit_rnd(&seed, 50));
		sqlite3_bind_text(st, 6, title, -1, SQLITE_TRANSIENT);
		if (unit_rnd(&seed, 5) == 0)
			sqlite3_bind_null(st, 7);
		else
			store_bind_uuid(st, 7, unit_uid('u', 1 + unit_rnd(&seed, 3)));
		sqlite3_bind_int(st, 8, 1 + (int)unit_rnd(&seed, 5));
		if (unit_rnd(&seed, 4) == 0)
			sqlite3_bind_null(st, 9);
		else
			sqlite3_bind_int(st, 9, (int)unit_rnd(&seed, 101));
		sqlite3_bind_text(st, 10, "2023-01-01", -1, SQLITE_STATIC);
		if (unit_rnd(&seed, 4) == 0) {
			sqlite3_bind_null(st, 11);
		} else {
			snprintf(due, sizeof due, "2024-%02u-%02u", 1 + unit_rnd(&seed, 12), 1 + unit_rnd(&seed, 28));
			sqlite3_bind_text(st, 11, due, -1, SQLITE_TRANSIENT);
		}
		if (unit_rnd(&seed, 3) == 0)
			sqlite3_bind_text(st, 12, "2024-02-03", -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 12);
		if (unit_rnd(&seed, 10) == 0)
			sqlite3_bind_null(st, 13);
		else
			sqlite3_bind_int(st, 13, 2023 + (int)unit_rnd(&seed, 3));
		/* Item 5 (with sub-items) and a few others archived. */
		sqlite3_bind_int(st, 14, i == 5 || (i > 460 && unit_rnd(&seed, 40) == 0) ? 1 : 0);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	/* Items 2990..3000 in a cycle of parents: in no tree. */
	snprintf(sql, sizeof sql,
	         "UPDATE item SET parent_id = (SELECT id FROM item p WHERE p.no = CASE WHEN item.no = 3000 THEN 2990 ELSE item.no + 1 END)"
	         " WHERE no BETWEEN 2990 AND 3000");
	unit_exec(s, sql);
	snprintf(sql, sizeof sql,
	         "INSERT INTO item_locality (item_id, locality_id) SELECT id, hoso_uuid('%s') FROM item WHERE no %% 5 = 0",
	         unit_uid('l', 1));
	unit_exec(s, sql);
	if (derived_refresh_all(s, &err) != 0)
		fail_msg("%s", err.msg);
	unit_exec(s, "COMMIT");
	return 0;
}

static void same_row(const struct item_row *want, const struct item_row *got, const char *what, int i)
{
	if (want->no != got->no)
		fail_msg("%s: row %d is #%ld, expected #%ld", what, i, got->no, want->no);
	if (strcmp(want->id, got->id) != 0 || strcmp(want->parent_id, got->parent_id) != 0 ||
	    want->depth != got->depth || want->kind != got->kind || want->status != got->status ||
	    want->display_status != got->display_status || want->progress != got->progress ||
	    want->year != got->year || strcmp(want->start, got->start) != 0 ||
	    strcmp(want->due, got->due) != 0 || strcmp(want->done, got->done) != 0 ||
	    want->code_len != got->code_len || want->title_len != got->title_len ||
	    want->unit_len != got->unit_len || strcmp(want->code, got->code) != 0 ||
	    strcmp(want->title, got->title) != 0 || strcmp(want->unit, got->unit) != 0)
		fail_msg("%s: row %d (#%ld) differs from the pager's", what, i, got->no);
}

/* Every row of the pager (every node open), page by page, against the stream's. */
static void check_view(const struct item_view *v, const char *what, int min_rows)
{
	enum { PAGE = 64 };
	struct item_row rows[PAGE], last = { 0 }, row;
	struct item_pager *p;
	struct item_stream *st;
	struct error err = { 0 };
	int got, i, n = 0, max_depth = 0;

	memset(rows, 0, sizeof rows);
	if (item_pager_open(&p, s, v, NULL, ITEM_PAGER_EXPAND_ALL, &err) != 0)
		fail_msg("%s: %s", what, err.msg);
	if (item_stream_open(&st, s, v, &err) != 0)
		fail_msg("%s: %s", what, err.msg);
	got = item_pager_first(p, rows, PAGE, &err);
	while (got > 0) {
		for (i = 0; i < got; i++) {
			if (item_stream_next(st, &row, &err) != 1)
				fail_msg("%s: the stream ends at row %d; the pager has #%ld", what, n, rows[i].no);
			same_row(&rows[i], &row, what, n++);
			if (row.depth > max_depth)
				max_depth = row.depth;
		}
		if (got < PAGE)
			break;
		assert_int_equal(item_row_copy(&last, &rows[got - 1]), 0);
		got = item_pager_next(p, &last, rows, PAGE, &err);
	}
	assert_true(got >= 0);
	if (item_stream_next(st, &row, &err) != 0)
		fail_msg("%s: the stream has #%ld after the pager's %d rows", what, row.no, n);
	if (n < min_rows)
		fail_msg("%s: %d rows, expected at least %d", what, n, min_rows);
	if (item_view_is_tree(v) && max_depth < 60)
		fail_msg("%s: the chain is not there (deepest row at depth %d)", what, max_depth);
	for (i = 0; i < PAGE; i++)
		item_row_clear(&rows[i]);
	item_row_clear(&last);
	item_pager_close(&p);
	item_stream_close(&st);
	assert_null(st);
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

static void test_tree_every_sort(void **state)
{
	int sort, desc;

	(void)state;
	for (sort = 0; sort < ISORT_COUNT; sort++)
		for (desc = 0; desc < 2; desc++) {
			struct item_view v = view((enum item_sort)sort, desc);
			char what[128];

			snprintf(what, sizeof what, "tree by %s%s", item_sort_name((enum item_sort)sort), desc ? " desc" : "");
			check_view(&v, what, 2500);
		}
}

static void test_flat_every_sort(void **state)
{
	int sort, desc;

	(void)state;
	for (sort = 0; sort < ISORT_COUNT; sort++)
		for (desc = 0; desc < 2; desc++) {
			struct item_view v = view((enum item_sort)sort, desc);
			char what[128];

			v.filter.statuses = 1u << STATUS_OVERDUE | 1u << STATUS_DONE;
			snprintf(what, sizeof what, "overdue or done by %s%s", item_sort_name((enum item_sort)sort),
			         desc ? " desc" : "");
			check_view(&v, what, 500);
			v = view((enum item_sort)sort, desc);
			snprintf(v.filter.search, sizeof v.filter.search, "%s", sort % 2 ? "cong nghe" : "hai");
			snprintf(what, sizeof what, "search by %s%s", item_sort_name((enum item_sort)sort), desc ? " desc" : "");
			check_view(&v, what, 100);
		}
}

static void test_flat_filters(void **state)
{
	struct item_view v = view(ISORT_TITLE, false);

	(void)state;
	v.filter.kind = 3;
	v.filter.year = 2024;
	check_view(&v, "kind and year", 10);
	v = view(ISORT_DUE, true);
	snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", unit_uid('u', 2));
	v.filter.statuses = 1u << STATUS_PLANNED;
	check_view(&v, "unit and planned", 10);
	v = view(ISORT_UNIT, false);
	snprintf(v.filter.locality_id, sizeof v.filter.locality_id, "%s", unit_uid('l', 1));
	snprintf(v.filter.search, sizeof v.filter.search, "dinh vu");
	check_view(&v, "locality and a search", 10);
	v = view(ISORT_NO, false);
	snprintf(v.filter.search, sizeof v.filter.search, "zzzz");
	check_view(&v, "a search that finds nothing", 0);
}

static void test_archived_and_cycles_are_not_shown(void **state)
{
	struct item_view v = view(ISORT_NO, false);
	struct item_stream *st;
	struct item_row row;
	struct error err = { 0 };
	int rc;

	(void)state;
	assert_int_equal(item_stream_open(&st, s, &v, &err), 0);
	while ((rc = item_stream_next(st, &row, &err)) == 1) {
		assert_true(row.no != 5);
		assert_true(row.no < 2990);
	}
	assert_int_equal(rc, 0);
	item_stream_close(&st);
	item_stream_close(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_every_sort),
		cmocka_unit_test(test_flat_every_sort),
		cmocka_unit_test(test_flat_filters),
		cmocka_unit_test(test_archived_and_cycles_are_not_shown),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, build, unitdb_teardown);
}
