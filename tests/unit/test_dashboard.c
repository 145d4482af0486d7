/*
 * The status screen's figures (dashboard) against the report's (report_load)
 * on the meeting database (tests/cli/meeting.sql): the kept counts at once,
 * then the overdue figures and what each unit owes counted in steps,
 * resumed after interrupts, must end as the report counts the same items,
 * with and without filters.
 */
#include "config.h"

#include "unit.h"

#include "dashboard.h"
#include "refdata.h"
#include "report_load.h"
#include "seed.h"
#include "store.h"

static char *dir;
static struct store *s;

static int build(void **state)
{
	struct error err = { 0 };
	const char *top = getenv("top_srcdir");
	char path[512], *sql = NULL, *msg = NULL;
	FILE *f;
	long n;

	(void)state;
	unit_locale();
	dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/d.db", dir);
	if (store_create(&s, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	snprintf(path, sizeof path, "%s/tests/cli/meeting.sql", top != NULL ? top : ".");
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	sql = calloc(1, (size_t)n + 1);
	if (sql == NULL || fread(sql, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s\n", msg);
		return -1;
	}
	free(sql);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(&s);
	unit_rmdir(dir);
	return 0;
}

static void same_lines(const struct report_lines *a, const struct report_lines *b, const char *what)
{
	size_t i;

	if (a->n != b->n)
		fail_msg("%s: %zu lines, the report has %zu", what, a->n, b->n);
	for (i = 0; i < a->n; i++) {
		const struct report_line *x = &a->v[i], *y = &b->v[i];

		if (strcmp(x->label, y->label) != 0 || x->items != y->items || x->done != y->done ||
		    x->overdue != y->overdue || x->progress_sum != y->progress_sum ||
		    x->progress_known != y->progress_known)
			fail_msg("%s line %zu: %s %ld/%ld/%ld/%ld/%ld, the report: %s %ld/%ld/%ld/%ld/%ld", what, i, x->label,
			         x->items, x->done, x->overdue, x->progress_sum, x->progress_known, y->label, y->items, y->done,
			         y->overdue, y->progress_sum, y->progress_known);
	}
}

/* Interrupts every third time SQLite asks, twenty times (then the count must go on where it stopped). */
static int sometimes(void *ctx)
{
	int *calls = ctx;

	++*calls;
	return *calls <= 60 && *calls % 3 == 0;
}

/* The dashboard of f, counted max items a step (interrupted now and then), compared with the report. */
static void compare(const struct item_filter *f, int max, bool interrupt)
{
	struct dashboard *d = NULL;
	struct report *r = report_new(DATE_DMY);
	struct report_load_options o = { .filter = f, .today = "2024-06-30", .overdue_cap = DASHBOARD_OVERDUE_CAP };
	struct error err = { 0 };
	const struct report *got;
	const struct dashboard_matrix *mx;
	int rc, steps = 0, calls = 0, nmx, stopped = 0;
	size_t i;

	assert_non_null(r);
	assert_int_equal(report_set_header(r, "", "", "2024-06-30", NULL, 0, &err), 0);
	if (report_load(r, s, &o, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(dashboard_open(&d, s, s, f, "2024-06-30", DATE_DMY, &err), 0);
	got = dashboard_report(d);
	if (!item_filter_active(f)) {
		/* At once: the kept counts, overdue still to count. */
		assert_true(dashboard_counts_known(d));
		assert_false(dashboard_overdue_known(d));
		assert_int_equal(got->total.items, r->total.items);
		assert_int_equal(got->total.done, r->total.done);
		assert_int_equal(got->total.overdue, 0);
	} else {
		assert_false(dashboard_counts_known(d));
		assert_int_equal(got->total.items, 0);
	}
	if (interrupt) /* finer than the store's own interrupt, for so few rows */
		sqlite3_progress_handler(store_db(s), 50, sometimes, &calls);
	while ((rc = dashboard_step(d, max, &err)) != 0) {
		if (rc < 0 && !interrupt)
			fail_msg("%s", err.msg);
		stopped += rc < 0;
		assert_true(++steps < 10000);
	}
	sqlite3_progress_handler(store_db(s), 0, NULL, NULL);
	if (interrupt && stopped == 0)
		fail_msg("the count was never interrupted");
	assert_true(dashboard_done(d));
	got = dashboard_report(d);
	same_lines(&got->by_status, &r->by_status, "by status");
	same_lines(&got->by_kind, &r->by_kind, "by kind");
	same_lines(&got->by_year, &r->by_year, "by year");
	same_lines(&got->by_lead, &r->by_lead, "by lead unit");
	assert_int_equal(got->total.items, r->total.items);
	assert_int_equal(got->total.overdue, r->total.overdue);
	assert_int_equal(got->n_overdue, r->n_overdue);
	for (i = 0; i < r->n_overdue; i++) {
		assert_int_equal(got->overdue[i].no, r->overdue[i].no);
		assert_int_equal(got->overdue[i].days_late, r->overdue[i].days_late);
	}
	assert_int_equal(got->n_debts, r->n_debts);
	for (i = 0; i < r->n_debts; i++) {
		assert_string_equal(got->debts[i].unit, r->debts[i].unit);
		assert_int_equal(got->debts[i].open, r->debts[i].open);
		assert_int_equal(got->debts[i].overdue, r->debts[i].overdue);
	}
	mx = dashboard_matrices(d, &nmx, NULL);
	assert_int_equal((size_t)nmx, r->n_matrices);
	for (i = 0; i < r->n_matrices; i++)
		assert_int_equal(mx[i].no, r->matrices[i].no);
	dashboard_free(&d);
	report_free(&r);
}

static void test_all(void **state)
{
	(void)state;
	compare(NULL, 1000, false);
	compare(NULL, 1, false);
}

static void test_all_interrupted(void **state)
{
	(void)state;
	compare(NULL, 2, true);
}

static void test_filters(void **state)
{
	struct item_filter f;

	(void)state;
	memset(&f, 0, sizeof f);
	f.statuses = 1u << STATUS_OVERDUE;
	compare(&f, 2, false);
	memset(&f, 0, sizeof f);
	f.kind = 4;
	compare(&f, 3, true);
	memset(&f, 0, sizeof f);
	snprintf(f.search, sizeof f.search, "dia ban");
	compare(&f, 5, false);
	memset(&f, 0, sizeof f);
	f.year = 2024;
	f.statuses = 1u << STATUS_PLANNED | 1u << STATUS_IN_PROGRESS;
	compare(&f, 1000, false);
}

/* The unit of a by-lead line is found by its label, for Enter on the line. */
static void test_unit_ids(void **state)
{
	struct dashboard *d = NULL;
	struct error err = { 0 };
	const struct report *r;
	size_t i;
	int with_id = 0;

	(void)state;
	assert_int_equal(dashboard_open(&d, s, s, NULL, "2024-06-30", DATE_DMY, &err), 0);
	r = dashboard_report(d);
	for (i = 0; i < r->by_lead.n; i++) {
		const char *id = dashboard_unit_id(d, r->by_lead.v[i].label);

		if (r->by_lead.v[i].key == -1)
			assert_null(id);
		else if (id != NULL && strlen(id) == 36)
			with_id++;
	}
	assert_int_equal(with_id, (int)r->by_lead.n - 1);
	dashboard_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all),
		cmocka_unit_test(test_all_interrupted),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_unit_ids),
	};

	return cmocka_run_group_tests(tests, build, teardown);
}
