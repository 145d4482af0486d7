/* The list's window over the seeded programme: moving, paging, the tree, jumps. */
#include "config.h"

#include "unit.h"

#include "idset.h"
#include "itemwin.h"
#include "seed.h"
#include "store.h"

static char *dir;
static struct store *s;

/* The top-level items of the seed, in order. */
static const long top[] = { 1, 2, 3, 4, 5, 9, 10, 13, 26, 27, 28, 29, 30, 34, 35, 37, 38, 39, 40, 41, 42 };
#define NTOP ((int)(sizeof top / sizeof top[0]))

static int build(void **state)
{
	struct error err = { 0 };
	char path[512];

	(void)state;
	dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/w.db", dir);
	if (store_create(&s, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int destroy(void **state)
{
	(void)state;
	store_close(&s);
	unit_rmdir(dir);
	return 0;
}

static struct item_view tree_view(void)
{
	struct item_view v;

	memset(&v, 0, sizeof v);
	v.sort = ISORT_NO;
	snprintf(v.today, sizeof v.today, "2024-06-30");
	return v;
}

static long cur(struct itemwin *w)
{
	const struct item_row *r = itemwin_current(w);

	return r != NULL ? r->no : -1;
}

static void test_moving(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 5, &err), 0);
	assert_int_equal(w.lv.n, 5);
	assert_int_equal(cur(&w), 1);
	assert_int_equal(listview_position(&w.lv), 1);
	for (i = 1; i < NTOP; i++) {
		assert_int_equal(listview_down(&w.lv, &err), 0);
		assert_int_equal(cur(&w), top[i]);
		assert_int_equal(listview_position(&w.lv), i + 1);
		assert_true(w.lv.n <= 5);
	}
	assert_int_equal(listview_down(&w.lv, &err), 0); /* at the end: stays */
	assert_int_equal(cur(&w), 42);
	for (i = NTOP - 2; i >= 0; i--) {
		assert_int_equal(listview_up(&w.lv, &err), 0);
		assert_int_equal(cur(&w), top[i]);
		assert_int_equal(listview_position(&w.lv), i + 1);
	}
	assert_int_equal(listview_up(&w.lv, &err), 0);
	assert_int_equal(cur(&w), 1);
	itemwin_close(&w);
}

static void test_paging_and_ends(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 5, &err), 0);
	assert_int_equal(listview_page_down(&w.lv, &err), 0);
	assert_int_equal(itemwin_row(&w, 0)->no, top[5]);
	assert_int_equal(listview_position(&w.lv), 6);
	assert_int_equal(listview_page_down(&w.lv, &err), 0);
	assert_int_equal(itemwin_row(&w, 0)->no, top[10]);
	assert_int_equal(listview_page_up(&w.lv, &err), 0);
	assert_int_equal(itemwin_row(&w, 0)->no, top[5]);
	assert_int_equal(listview_end(&w.lv, &err), 0);
	assert_int_equal(cur(&w), 42);
	assert_int_equal(itemwin_row(&w, 0)->no, top[NTOP - 5]);
	assert_int_equal(listview_position(&w.lv), 0); /* not known until counted */
	assert_int_equal(itemwin_count(&w, NULL, &err), 0);
	assert_int_equal(w.lv.count, NTOP);
	assert_int_equal(listview_position(&w.lv), NTOP);
	assert_int_equal(listview_page_down(&w.lv, &err), 0); /* nothing after: the cursor stays on the last */
	assert_int_equal(cur(&w), 42);
	assert_int_equal(listview_home(&w.lv, &err), 0);
	assert_int_equal(cur(&w), 1);
	assert_int_equal(listview_page_up(&w.lv, &err), 0);
	assert_int_equal(cur(&w), 1);
	itemwin_close(&w);
}

static void test_tree(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 10, &err), 0);
	for (i = 0; i < 4; i++)
		listview_down(&w.lv, &err);
	assert_int_equal(cur(&w), 5);
	assert_int_equal(itemwin_expand(&w, &err), 1);
	assert_int_equal(itemwin_row(&w, 5)->no, 6);
	assert_int_equal(itemwin_row(&w, 6)->no, 7);
	assert_int_equal(itemwin_row(&w, 7)->no, 8);
	assert_int_equal(itemwin_row(&w, 8)->no, 9);
	assert_int_equal(itemwin_row(&w, 6)->depth, 1);
	assert_int_equal(itemwin_count(&w, NULL, &err), 0);
	assert_int_equal(w.lv.count, NTOP + 3);
	assert_int_equal(itemwin_expand(&w, &err), 1); /* open already: go to the first child */
	assert_int_equal(cur(&w), 6);
	assert_int_equal(itemwin_expand(&w, &err), 0); /* a leaf */
	assert_int_equal(itemwin_collapse(&w, &err), 1); /* to the parent */
	assert_int_equal(cur(&w), 5);
	assert_int_equal(itemwin_collapse(&w, &err), 1); /* closes it */
	assert_int_equal(itemwin_row(&w, 5)->no, 9);
	assert_int_equal(itemwin_collapse(&w, &err), 0); /* a closed top-level node */
	itemwin_close(&w);
}

static void test_goto_opens_and_locates(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 6, &err), 0);
	assert_int_equal(itemwin_goto(&w, 36, &err), 1); /* under #35 */
	assert_int_equal(cur(&w), 36);
	assert_true(idset_has(w.expanded, itemwin_row(&w, w.lv.cursor)->parent_id));
	assert_int_equal(listview_position(&w.lv), 0);
	assert_int_equal(listview_locate(&w.lv, &err), 0);
	/* #35 is the 15th top-level item; #36 its first child. */
	assert_int_equal(listview_position(&w.lv), 16);
	assert_int_equal(itemwin_goto(&w, 999, &err), 0);
	itemwin_close(&w);
}

static void test_resize_keeps_the_top(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 8, &err), 0);
	for (i = 0; i < 10; i++)
		listview_down(&w.lv, &err);
	assert_int_equal(cur(&w), top[10]);
	assert_int_equal(listview_resize(&w.lv, 3, &err), 0);
	assert_int_equal(w.lv.cap, 3);
	assert_true(w.lv.n <= 3);
	assert_int_equal(cur(&w), top[10]); /* the cursor's row stays on screen */
	assert_int_equal(listview_resize(&w.lv, 30, &err), 0);
	assert_int_equal(w.lv.n, NTOP); /* everything fits now */
	assert_int_equal(cur(&w), top[10]);
	itemwin_close(&w);
}

static void test_search_view(void **state)
{
	struct item_view v = tree_view();
	struct itemwin w;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(itemwin_open(&w, s, &v, 10, &err), 0);
	snprintf(v.filter.search, sizeof v.filter.search, "THẠCH CAO");
	assert_int_equal(itemwin_set_view(&w, &v, &err), 0);
	assert_int_equal(w.lv.n, 1);
	assert_int_equal(cur(&w), 34);
	assert_int_equal(itemwin_expand(&w, &err), 0); /* flat: nothing opens */
	snprintf(v.filter.search, sizeof v.filter.search, "zzzz");
	assert_int_equal(itemwin_set_view(&w, &v, &err), 0);
	assert_int_equal(w.lv.n, 0);
	assert_null(itemwin_current(&w));
	assert_int_equal(listview_down(&w.lv, &err), 0);
	assert_int_equal(listview_page_down(&w.lv, &err), 0);
	assert_int_equal(itemwin_count(&w, NULL, &err), 0);
	assert_int_equal(w.lv.count, 0);
	itemwin_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moving),
		cmocka_unit_test(test_paging_and_ends),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_goto_opens_and_locates),
		cmocka_unit_test(test_resize_keeps_the_top),
		cmocka_unit_test(test_search_view),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, build, destroy);
}
