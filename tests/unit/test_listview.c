/*
 * The list component alone, over an in-memory pager of 1000 rows that own
 * memory (so that a leak or a double free shows under the sanitizers):
 * every movement, resize, reload with rows gone, position and count.
 */
#include "config.h"

#include "unit.h"

#include "canvas.h"
#include "listview.h"
#include "text.h"

#define ROWS 1000

struct mem {
	long keys[ROWS]; /* ascending */
	int n;
	int reads;       /* rows handed out */
};

struct mrow {
	long key;
	char *label;     /* owned */
};

static void fill(struct mrow *r, long key)
{
	char buf[32];

	snprintf(buf, sizeof buf, "row %ld", key);
	r->key = key;
	r->label = strdup(buf);
	assert_non_null(r->label);
}

static int give(struct mem *m, int from, int count, void *rows)
{
	struct mrow *out = rows;
	int i;

	for (i = 0; i < count; i++) {
		assert_null(out[i].label); /* handed zeroed */
		fill(&out[i], m->keys[from + i]);
	}
	m->reads += count;
	return count;
}

static int m_first(void *src, void *rows, int n, struct error *err)
{
	struct mem *m = src;

	(void)err;
	return give(m, 0, n < m->n ? n : m->n, rows);
}

static int m_last(void *src, void *rows, int n, struct error *err)
{
	struct mem *m = src;
	int take = n < m->n ? n : m->n;

	(void)err;
	return give(m, m->n - take, take, rows);
}

static int m_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	struct mem *m = src;
	long k = ((const struct mrow *)after)->key;
	int i = 0;

	(void)err;
	while (i < m->n && m->keys[i] <= k)
		i++;
	return give(m, i, m->n - i < n ? m->n - i : n, rows);
}

static int m_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	struct mem *m = src;
	long k = ((const struct mrow *)before)->key;
	int end = 0, take;

	(void)err;
	while (end < m->n && m->keys[end] < k)
		end++;
	take = end < n ? end : n;
	return give(m, end - take, take, rows);
}

static int m_get(void *src, const void *like, void *row, struct error *err)
{
	struct mem *m = src;
	long k = ((const struct mrow *)like)->key;
	int i;

	(void)err;
	for (i = 0; i < m->n; i++)
		if (m->keys[i] == k)
			return give(m, i, 1, row);
	return 0;
}

static long m_key(const void *row)
{
	return ((const struct mrow *)row)->key;
}

static int m_count(void *src, long *count, struct error *err)
{
	(void)err;
	*count = ((struct mem *)src)->n;
	return 0;
}

static void m_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	char line[64];

	(void)src;
	snprintf(line, sizeof line, "%s%s", selected ? "> " : "  ", ((const struct mrow *)row)->label);
	canvas_put(c, y, 0, c->cols, line, ROLE_NORMAL, 0);
}

static int m_copy(void *dst, const void *row)
{
	struct mrow *d = dst;
	const struct mrow *s = row;

	free(d->label);
	d->key = s->key;
	d->label = strdup(s->label);
	return d->label != NULL ? 0 : -1;
}

static void m_clear(void *row)
{
	struct mrow *r = row;

	free(r->label);
	memset(r, 0, sizeof *r);
}

/* With get and count, as the item list's pager. */
static const struct listview_pager full = {
	.row_size = sizeof(struct mrow),
	.first = m_first, .last = m_last, .next = m_next, .prev = m_prev, .get = m_get,
	.key = m_key, .count = m_count, .draw = m_draw, .copy = m_copy, .clear = m_clear,
};

/* Without them, as the documents register's: reloads by keys, counts by reading. */
static const struct listview_pager bare = {
	.row_size = sizeof(struct mrow),
	.first = m_first, .last = m_last, .next = m_next, .prev = m_prev,
	.key = m_key, .draw = m_draw, .copy = m_copy, .clear = m_clear,
};

static struct mem mem;

static void reset_mem(void)
{
	int i;

	memset(&mem, 0, sizeof mem);
	for (i = 0; i < ROWS; i++)
		mem.keys[i] = i + 1;
	mem.n = ROWS;
}

/* Removes the records with keys from .. to from the list. */
static void remove_keys(long from, long to)
{
	int i, j = 0;

	for (i = 0; i < mem.n; i++)
		if (mem.keys[i] < from || mem.keys[i] > to)
			mem.keys[j++] = mem.keys[i];
	mem.n = j;
}

static long cur(const struct listview *lv)
{
	const struct mrow *r = listview_current(lv);

	return r != NULL ? r->key : -1;
}

static long first_key(const struct listview *lv)
{
	const struct mrow *r = listview_row(lv, 0);

	return r != NULL ? r->key : -1;
}

/* The rows in view are consecutive keys of the list, and the cursor is among them. */
static void check_view(const struct listview *lv)
{
	int i, j;

	assert_true(lv->n <= lv->cap);
	assert_true(lv->n == 0 ? lv->cursor == 0 : lv->cursor >= 0 && lv->cursor < lv->n);
	for (j = 0; j < mem.n && lv->n > 0 && mem.keys[j] != first_key(lv); j++)
		;
	for (i = 0; i < lv->n; i++, j++) {
		const struct mrow *r = listview_row(lv, i);

		assert_true(j < mem.n);
		assert_int_equal(r->key, mem.keys[j]);
		assert_non_null(r->label);
	}
	assert_null(listview_row(lv, lv->n));
}

static int setup(void **state)
{
	(void)state;
	reset_mem();
	return 0;
}

static void test_up_and_down(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(listview_open(&lv, &full, &mem, 10, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	assert_int_equal(lv.n, 10);
	assert_int_equal(cur(&lv), 1);
	assert_int_equal(listview_position(&lv), 1);
	for (i = 2; i <= ROWS; i++) {
		assert_int_equal(listview_down(&lv, &err), 0);
		assert_int_equal(cur(&lv), i);
		assert_int_equal(listview_position(&lv), i);
		assert_int_equal(lv.cursor, i <= 10 ? i - 1 : 9); /* the view follows at its bottom */
	}
	check_view(&lv);
	assert_int_equal(listview_down(&lv, &err), 0); /* at the end: stays */
	assert_int_equal(cur(&lv), ROWS);
	for (i = ROWS - 1; i >= 1; i--) {
		assert_int_equal(listview_up(&lv, &err), 0);
		assert_int_equal(cur(&lv), i);
		assert_int_equal(listview_position(&lv), i);
	}
	assert_int_equal(listview_up(&lv, &err), 0);
	assert_int_equal(cur(&lv), 1);
	assert_int_equal(lv.cursor, 0);
	check_view(&lv);
	listview_close(&lv);
	listview_close(&lv); /* a closed one closes again */
}

static void test_pages_home_end(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(listview_open(&lv, &full, &mem, 10, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	listview_down(&lv, &err);
	listview_down(&lv, &err);
	assert_int_equal(listview_page_down(&lv, &err), 0);
	assert_int_equal(first_key(&lv), 11);
	assert_int_equal(cur(&lv), 13); /* the cursor keeps its line */
	assert_int_equal(listview_position(&lv), 13);
	for (i = 0; i < 200; i++)
		assert_int_equal(listview_page_down(&lv, &err), 0);
	assert_int_equal(first_key(&lv), ROWS - 9);
	assert_int_equal(cur(&lv), ROWS);  /* nothing after: to the last row */
	assert_int_equal(listview_position(&lv), ROWS);
	check_view(&lv);
	assert_int_equal(listview_page_up(&lv, &err), 0);
	assert_int_equal(first_key(&lv), ROWS - 19);
	assert_int_equal(cur(&lv), ROWS - 10);
	for (i = 0; i < 200; i++)
		assert_int_equal(listview_page_up(&lv, &err), 0);
	assert_int_equal(first_key(&lv), 1);
	assert_int_equal(cur(&lv), 1);     /* nothing before: to the first row */
	assert_int_equal(listview_position(&lv), 1);
	check_view(&lv);
	/* End: the last page; the position is known once counted. */
	assert_int_equal(listview_end(&lv, &err), 0);
	assert_int_equal(cur(&lv), ROWS);
	assert_int_equal(first_key(&lv), ROWS - 9);
	assert_int_equal(listview_position(&lv), 0);
	assert_int_equal(listview_count(&lv, &err), 0);
	assert_int_equal(lv.count, ROWS);
	assert_int_equal(listview_position(&lv), ROWS);
	/* Once counted, End knows where it is at once. */
	assert_int_equal(listview_home(&lv, &err), 0);
	assert_int_equal(listview_end(&lv, &err), 0);
	assert_int_equal(listview_position(&lv), ROWS);
	assert_int_equal(listview_home(&lv, &err), 0);
	assert_int_equal(cur(&lv), 1);
	assert_int_equal(listview_position(&lv), 1);
	listview_close(&lv);
}

/* A list shorter than the view: paging goes to its ends. */
static void test_short_list(void **state)
{
	struct listview lv;
	struct error err = { 0 };

	(void)state;
	mem.n = 4;
	assert_int_equal(listview_open(&lv, &bare, &mem, 10, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	assert_int_equal(lv.n, 4);
	assert_int_equal(listview_page_down(&lv, &err), 0);
	assert_int_equal(cur(&lv), 4);
	assert_int_equal(listview_page_up(&lv, &err), 0);
	assert_int_equal(cur(&lv), 1);
	assert_int_equal(listview_end(&lv, &err), 0);
	assert_int_equal(cur(&lv), 4);
	assert_int_equal(listview_count(&lv, &err), 0); /* by reading */
	assert_int_equal(lv.count, 4);
	assert_int_equal(listview_position(&lv), 4);
	listview_close(&lv);
}

static void test_empty_list(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	struct strbuf b = STRBUF_INIT;

	(void)state;
	mem.n = 0;
	assert_int_equal(listview_open(&lv, &full, &mem, 5, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	assert_null(listview_current(&lv));
	assert_int_equal(listview_down(&lv, &err), 0);
	assert_int_equal(listview_up(&lv, &err), 0);
	assert_int_equal(listview_page_down(&lv, &err), 0);
	assert_int_equal(listview_page_up(&lv, &err), 0);
	assert_int_equal(listview_end(&lv, &err), 0);
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_int_equal(listview_resize(&lv, 3, &err), 0);
	assert_int_equal(listview_refill_below(&lv, &err), 0);
	assert_int_equal(lv.n, 0);
	assert_int_equal(listview_idle(&lv, &err), 1);
	assert_int_equal(lv.count, 0);
	assert_int_equal(listview_idle(&lv, &err), 0);
	listview_describe_position(&lv, &b);
	assert_string_equal(strbuf_str(&b), " 0/0");
	strbuf_free(&b);
	listview_close(&lv);
}

static void test_resize_keeps_the_cursor(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	int i;

	(void)state;
	assert_int_equal(listview_open(&lv, &full, &mem, 8, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	for (i = 0; i < 500; i++)
		listview_down(&lv, &err);
	assert_int_equal(cur(&lv), 501);
	assert_int_equal(listview_resize(&lv, 3, &err), 0);
	assert_int_equal(lv.cap, 3);
	assert_int_equal(lv.n, 3);
	assert_int_equal(cur(&lv), 501); /* still in view */
	check_view(&lv);
	assert_int_equal(listview_resize(&lv, 30, &err), 0);
	assert_int_equal(lv.n, 30);
	assert_int_equal(cur(&lv), 501);
	check_view(&lv);
	assert_int_equal(listview_resize(&lv, 0, &err), 0); /* at least one row */
	assert_int_equal(lv.cap, 1);
	assert_int_equal(cur(&lv), 501);
	/* Near the end, a taller view fills with the rows before. */
	assert_int_equal(listview_end(&lv, &err), 0);
	assert_int_equal(listview_resize(&lv, 20, &err), 0);
	assert_int_equal(lv.n, 20);
	assert_int_equal(cur(&lv), ROWS);
	assert_int_equal(first_key(&lv), ROWS - 19);
	check_view(&lv);
	listview_close(&lv);
}

/* Rows removed before the cursor (in view and above it): the cursor stays on its record. */
static void reload_with_rows_removed(const struct listview_pager *p)
{
	struct listview lv;
	struct error err = { 0 };
	int i;

	assert_int_equal(listview_open(&lv, p, &mem, 10, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	for (i = 0; i < 10; i++)
		listview_page_down(&lv, &err);
	for (i = 0; i < 4; i++)
		listview_down(&lv, &err);
	assert_int_equal(first_key(&lv), 101);
	assert_int_equal(cur(&lv), 105);
	assert_int_equal(listview_count(&lv, &err), 0);
	remove_keys(50, 60);    /* above the view */
	remove_keys(102, 103);  /* in view, before the cursor */
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_int_equal(cur(&lv), 105);
	assert_int_equal(first_key(&lv), 101);
	assert_int_equal(lv.count, -1);           /* to be counted again */
	assert_int_equal(listview_position(&lv), 0); /* and found again */
	check_view(&lv);
	assert_int_equal(listview_idle(&lv, &err), 1);
	assert_int_equal(lv.count, ROWS - 13);
	assert_int_equal(listview_idle(&lv, &err), 1);
	assert_int_equal(listview_position(&lv), 105 - 13);
	assert_int_equal(listview_idle(&lv, &err), 0);
	/* The first row in view removed too. */
	remove_keys(101, 101);
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_int_equal(cur(&lv), 105);
	check_view(&lv);
	/* The cursor's own record removed: the cursor stays in view, on a neighbour. */
	remove_keys(105, 105);
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_true(cur(&lv) > 0);
	check_view(&lv);
	/* Everything from the view on removed: the end of what is left. */
	remove_keys(90, ROWS);
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_int_equal(cur(&lv) > 0 && cur(&lv) < 90, 1);
	check_view(&lv);
	/* Everything removed. */
	mem.n = 0;
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_null(listview_current(&lv));
	listview_close(&lv);
}

static void test_reload_by_get(void **state)
{
	(void)state;
	reload_with_rows_removed(&full);
}

static void test_reload_by_keys(void **state)
{
	(void)state;
	reload_with_rows_removed(&bare);
}

/* Rows added before the view move nothing on the screen. */
static void test_reload_with_rows_added(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	int i;

	(void)state;
	remove_keys(1, 20);
	assert_int_equal(listview_open(&lv, &bare, &mem, 5, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	listview_down(&lv, &err);
	assert_int_equal(cur(&lv), 22);
	reset_mem();
	assert_int_equal(listview_reload(&lv, &err), 0);
	assert_int_equal(first_key(&lv), 21);
	assert_int_equal(cur(&lv), 22);
	assert_int_equal(listview_locate(&lv, &err), 0);
	assert_int_equal(listview_position(&lv), 22);
	for (i = 0; i < 30; i++)
		listview_up(&lv, &err);
	assert_int_equal(cur(&lv), 1);
	listview_close(&lv);
}

static void test_show_and_locate(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	struct mrow row = { 0 };
	struct strbuf b = STRBUF_INIT;

	(void)state;
	assert_int_equal(listview_open(&lv, &full, &mem, 10, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	fill(&row, 700);
	assert_int_equal(listview_show(&lv, &row, &err), 0);
	assert_int_equal(cur(&lv), 700);
	assert_int_equal(lv.cursor, 0);
	assert_int_equal(listview_position(&lv), 0);
	listview_describe_position(&lv, &b);
	assert_string_equal(strbuf_str(&b), " ?/…");
	strbuf_free(&b);
	assert_int_equal(listview_idle(&lv, &err), 1); /* counts */
	assert_int_equal(listview_idle(&lv, &err), 1); /* locates */
	assert_int_equal(listview_idle(&lv, &err), 0);
	listview_describe_position(&lv, &b);
	assert_string_equal(strbuf_str(&b), " 700/1000");
	strbuf_free(&b);
	m_clear(&row);
	/* Near the end, the view fills with rows before it. */
	fill(&row, 998);
	assert_int_equal(listview_show(&lv, &row, &err), 0);
	assert_int_equal(cur(&lv), 998);
	assert_int_equal(first_key(&lv), 991);
	assert_int_equal(lv.cursor, 7);
	assert_int_equal(listview_locate(&lv, &err), 0);
	assert_int_equal(listview_position(&lv), 998);
	check_view(&lv);
	m_clear(&row);
	listview_close(&lv);
}

/* What follows the cursor changed (a tree node opened): read again below it. */
static void test_refill_below(void **state)
{
	struct listview lv;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(listview_open(&lv, &full, &mem, 6, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	listview_down(&lv, &err);
	remove_keys(3, 4);
	assert_int_equal(listview_refill_below(&lv, &err), 0);
	assert_int_equal(cur(&lv), 2);
	assert_int_equal(((struct mrow *)listview_row(&lv, 2))->key, 5);
	assert_int_equal(lv.n, 6);
	check_view(&lv);
	listview_close(&lv);
}

static void test_draw(void **state)
{
	struct listview lv;
	struct error err = { 0 };
	struct text_canvas *t = text_canvas_new(6, 20);
	char *text;

	(void)state;
	assert_non_null(t);
	assert_int_equal(listview_open(&lv, &full, &mem, 4, &err), 0);
	assert_int_equal(listview_home(&lv, &err), 0);
	listview_down(&lv, &err);
	listview_draw(&lv, text_canvas_canvas(t), 1, 3); /* only 3 of the 4 rows fit */
	text = text_canvas_string(t);
	assert_string_equal(text, "\n  row 1\n> row 2\n  row 3\n\n\n");
	free(text);
	listview_close(&lv);
	text_canvas_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_up_and_down, setup),
		cmocka_unit_test_setup(test_pages_home_end, setup),
		cmocka_unit_test_setup(test_short_list, setup),
		cmocka_unit_test_setup(test_empty_list, setup),
		cmocka_unit_test_setup(test_resize_keeps_the_cursor, setup),
		cmocka_unit_test_setup(test_reload_by_get, setup),
		cmocka_unit_test_setup(test_reload_by_keys, setup),
		cmocka_unit_test_setup(test_reload_with_rows_added, setup),
		cmocka_unit_test_setup(test_show_and_locate, setup),
		cmocka_unit_test_setup(test_refill_below, setup),
		cmocka_unit_test_setup(test_draw, setup),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
