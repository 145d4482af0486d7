/* The documents register and a document's lines, over the seeded programme. */
#include "config.h"

#include "unit.h"

#include "documents.h"
#include "seed.h"
#include "store.h"

static char *dir;
static struct store *s;

static int build(void **state)
{
	struct error err = { 0 };
	char path[512];

	(void)state;
	dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/d.db", dir);
	return store_create(&s, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err) != 0;
}

static int destroy(void **state)
{
	(void)state;
	store_close(&s);
	unit_rmdir(dir);
	return 0;
}

/* The register's order: newest signing date first, undated last (by number, newest first). */
static const long order[] = { 2, 4, 6, 1, 5, 3, 10, 9, 8, 7 };
#define NDOCS 10

static void test_register_order_all_page_sizes(void **state)
{
	struct doc_pager *p;
	struct error err = { 0 };
	int page;

	(void)state;
	assert_int_equal(doc_pager_open(&p, s, &err), 0);
	for (page = 1; page <= 11; page++) {
		struct doc_row rows[11], last;
		long seen[NDOCS];
		int n = 0, got, i;

		memset(rows, 0, sizeof rows);
		memset(&last, 0, sizeof last);
		got = doc_pager_first(p, rows, page, &err);
		while (got > 0) {
			for (i = 0; i < got; i++) {
				assert_true(n < NDOCS);
				seen[n++] = rows[i].no;
			}
			if (got < page)
				break;
			last = rows[got - 1];
			last.number = last.subject = last.issuer = NULL;
			got = doc_pager_next(p, &last, rows, page, &err);
		}
		assert_int_equal(n, NDOCS);
		for (i = 0; i < NDOCS; i++)
			if (seen[i] != order[i])
				fail_msg("pages of %d: place %d holds document %ld, expected %ld", page, i, seen[i], order[i]);
		/* And backwards from the end. */
		n = 0;
		got = doc_pager_last(p, rows, page, &err);
		while (got > 0) {
			for (i = got - 1; i >= 0; i--)
				seen[n++] = rows[i].no;
			if (got < page)
				break;
			last = rows[0];
			got = doc_pager_prev(p, &last, rows, page, &err);
		}
		assert_int_equal(n, NDOCS);
		for (i = 0; i < NDOCS; i++)
			assert_int_equal(seen[i], order[NDOCS - 1 - i]);
		for (i = 0; i < 11; i++)
			doc_row_clear(&rows[i]);
	}
	doc_pager_close(&p);
	doc_pager_close(&p);
}

static void test_rows_hold_the_register_columns(void **state)
{
	struct doc_pager *p;
	struct doc_row rows[2];
	struct error err = { 0 };
	long count;

	(void)state;
	memset(rows, 0, sizeof rows);
	assert_int_equal(doc_pager_open(&p, s, &err), 0);
	assert_int_equal(doc_pager_first(p, rows, 2, &err), 2);
	assert_string_equal(rows[0].number, "312");
	assert_int_equal(rows[0].type, 3);
	assert_string_equal(rows[0].signed_date, "2024-02-15");
	assert_string_equal(rows[0].issuer, "BTV Thành ủy");
	assert_int_equal(rows[0].items, 1);
	assert_string_equal(rows[1].number, "255");
	doc_row_clear(&rows[0]);
	doc_row_clear(&rows[1]);
	doc_row_clear(NULL);
	doc_pager_close(&p);
	assert_int_equal(doc_count(s, &count, &err), 0);
	assert_int_equal(count, 10);
}

static bool has_line(const struct dlines *l, const char *text, long item_no, long doc_no)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (strstr(l->v[i].text, text) != NULL && l->v[i].item_no == item_no && l->v[i].doc_no == doc_no)
			return true;
	return false;
}

static void test_document_lines(void **state)
{
	struct dlines l;
	struct error err = { 0 };

	(void)state;
	/* Kế hoạch 255 implements Nghị quyết 36-NQ/TW and Chương trình hành động 50-CT/TU. */
	assert_int_equal(document_lines(s, 4, "2024-06-30", DATE_DMY, -1, &l, &err), 1);
	assert_true(has_line(&l, "Plan 255", 0, 0));
	assert_true(has_line(&l, "27/09/2023", 0, 0));
	assert_true(has_line(&l, "This document implements Resolution 36-NQ/TW", 0, 5));
	assert_true(has_line(&l, "This document implements Action programme 50-CT/TU", 0, 6));
	assert_true(has_line(&l, "#4  Ban hành Kế hoạch số 255", 4, 0));
	dlines_free(&l);
	/* Nghị quyết 8 is reviewed by Kết luận 312: the link seen from the other end. */
	assert_int_equal(document_lines(s, 3, "2024-06-30", DATE_ISO, -1, &l, &err), 1);
	assert_true(has_line(&l, "Conclusion 312 reviews this document", 0, 2));
	assert_true(has_line(&l, "2013-05-16", 0, 0));
	dlines_free(&l);
	/* A document whose number is not known says so. */
	assert_int_equal(document_lines(s, 8, "2024-06-30", DATE_DMY, -1, &l, &err), 1);
	assert_true(has_line(&l, "(number not known)", 0, 0));
	dlines_free(&l);
	assert_int_equal(document_lines(s, 99, "2024-06-30", DATE_DMY, -1, &l, &err), 0);
	dlines_free(&l);
}

/* Interrupts the statement that reads a document's links, and only that one. */
static int stop_links(void *ctx)
{
	sqlite3_stmt *st = NULL;

	while ((st = sqlite3_next_stmt(ctx, st)) != NULL)
		if (sqlite3_stmt_busy(st) && strstr(sqlite3_sql(st), "UNION ALL") != NULL)
			return 1;
	return 0;
}

/* An error while reading the links is reported, not a shorter list (runs last: it adds documents). */
static void test_links_error_is_reported(void **state)
{
	struct dlines l;
	struct error err = { 0 };

	(void)state;
	/* Enough links that reading them runs long enough to be interrupted. */
	assert_int_equal(store_exec(s,
	                            "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)"
	                            " INSERT INTO document (id, no, type, subject)"
	                            " SELECT randomblob(16), 1000 + k, 9, 'Văn bản thêm ' || k FROM n;"
	                            "INSERT INTO document_link (from_id, to_id, relation)"
	                            " SELECT (SELECT id FROM document WHERE no = 4), id, 1 FROM document WHERE no > 1000",
	                            &err), 0);
	assert_int_equal(document_lines(s, 4, "2024-06-30", DATE_DMY, -1, &l, &err), 1);
	assert_true(has_line(&l, "Văn bản thêm 2999", 0, 3999));
	dlines_free(&l);
	store_set_interrupt(s, stop_links, store_db(s));
	assert_int_equal(document_lines(s, 4, "2024-06-30", DATE_DMY, -1, &l, &err), -1);
	assert_non_null(strstr(err.msg, "interrupted while reading a document's links"));
	store_set_interrupt(s, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_order_all_page_sizes),
		cmocka_unit_test(test_rows_hold_the_register_columns),
		cmocka_unit_test(test_document_lines),
		cmocka_unit_test(test_links_error_is_reported),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, build, destroy);
}
