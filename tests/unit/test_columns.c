#include "config.h"

#include "unit.h"

#include "columns.h"

/* A list line: number, status, date, title (flex), owner, deadline. */
static const struct column_spec list_cols[] = {
	{6, 90, 0},  /* 0 number */
	{8, 50, 0},  /* 1 status */
	{10, 30, 0}, /* 2 date */
	{20, 100, 1},/* 3 title (flex) */
	{12, 40, 0}, /* 4 owner */
	{10, 20, 0}, /* 5 deadline */
};
enum { NLIST = sizeof list_cols / sizeof list_cols[0] };

/* What the widths add up to with sep cells between shown columns. */
static int cells_used(const int *w, int n, int sep)
{
	int total = 0, shown = 0;
	for (int i = 0; i < n; i++)
		if (w[i] > 0) {
			total += w[i];
			shown++;
		}
	return shown > 1 ? total + sep * (shown - 1) : total;
}

static void assert_widths(const int *got, const int *want, int n)
{
	for (int i = 0; i < n; i++)
		if (got[i] != want[i]) {
			char g[128] = "", w[128] = "";
			for (int j = 0; j < n; j++) {
				snprintf(g + strlen(g), sizeof g - strlen(g), " %d", got[j]);
				snprintf(w + strlen(w), sizeof w - strlen(w), " %d", want[j]);
			}
			fail_msg("widths [%s ] want [%s ]", g, w);
		}
}

static void test_unlimited(void **state)
{
	int w[NLIST];
	static const int want[NLIST] = {6, 8, 10, 20, 12, 10};
	(void)state;
	/* 66 cells + 5 separators of 2 */
	assert_int_equal(columns_fit(list_cols, NLIST, 0, 2, w), 76);
	assert_widths(w, want, NLIST);
	assert_int_equal(columns_fit(list_cols, NLIST, -1, 2, w), 76);
	assert_widths(w, want, NLIST);
	assert_int_equal(columns_fit(list_cols, NLIST, -1000, 1, w), 71);
	assert_widths(w, want, NLIST);
}

static void test_exact_and_slack(void **state)
{
	int w[NLIST];
	(void)state;
	/* exactly what they want */
	static const int exact[NLIST] = {6, 8, 10, 20, 12, 10};
	assert_int_equal(columns_fit(list_cols, NLIST, 76, 2, w), 76);
	assert_widths(w, exact, NLIST);
	/* the flex column takes the slack */
	static const int wide[NLIST] = {6, 8, 10, 44, 12, 10};
	assert_int_equal(columns_fit(list_cols, NLIST, 100, 2, w), 100);
	assert_widths(w, wide, NLIST);
	static const int wide1[NLIST] = {6, 8, 10, 21, 12, 10};
	assert_int_equal(columns_fit(list_cols, NLIST, 77, 2, w), 77);
	assert_widths(w, wide1, NLIST);
}

static void test_drop_order(void **state)
{
	static const struct {
		int width;
		int want[NLIST];
	} cases[] = {
		/* one short: deadline (20) goes; title takes the 11 cells freed */
		{75, {6, 8, 10, 31, 12, 0}},
		/* without deadline: 6+8+10+20+12 + 4*2 = 64 */
		{64, {6, 8, 10, 20, 12, 0}},
		/* then date (30): 6+8+20+12 + 3*2 = 52 */
		{63, {6, 8, 0, 31, 12, 0}},
		{52, {6, 8, 0, 20, 12, 0}},
		/* then owner (40): 6+8+20 + 2*2 = 38 */
		{51, {6, 8, 0, 33, 0, 0}},
		{38, {6, 8, 0, 20, 0, 0}},
		/* then status (50): 6+20 + 2 = 28 */
		{37, {6, 0, 0, 29, 0, 0}},
		{28, {6, 0, 0, 20, 0, 0}},
		/* then number (90): title alone */
		{27, {0, 0, 0, 27, 0, 0}},
		{20, {0, 0, 0, 20, 0, 0}},
		/* below its minimum the flex column shrinks, never dropped */
		{19, {0, 0, 0, 19, 0, 0}},
		{5, {0, 0, 0, 5, 0, 0}},
		{1, {0, 0, 0, 1, 0, 0}},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int w[NLIST];
		int used = columns_fit(list_cols, NLIST, cases[i].width, 2, w);
		if (memcmp(w, cases[i].want, sizeof w) != 0)
			print_error("width %d:\n", cases[i].width);
		assert_widths(w, cases[i].want, NLIST);
		assert_int_equal(used, cells_used(cases[i].want, NLIST, 2));
	}
}

static void test_never_exceeds(void **state)
{
	static const struct column_spec sets[][5] = {
		{{6, 5, 0}, {8, 4, 0}, {20, 9, 1}, {12, 3, 0}, {10, 1, 0}},
		{{1, 1, 0}, {1, 2, 0}, {1, 3, 1}, {1, 4, 0}, {1, 5, 0}},
		{{30, 1, 0}, {30, 2, 0}, {3, 0, 1}, {30, 3, 0}, {30, 4, 0}},
		{{50, 10, 1}, {4, 1, 0}, {4, 1, 0}, {4, 1, 0}, {4, 1, 0}},
		{{10, 1, 0}, {10, 2, 0}, {10, 3, 0}, {10, 4, 0}, {10, 5, 0}}, /* no flex */
	};
	(void)state;
	for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
		int flex = -1;
		for (int i = 0; i < 5; i++)
			if (sets[s][i].flex)
				flex = i;
		for (int sep = 0; sep <= 3; sep++)
			for (int width = 1; width <= 200; width++) {
				int w[5];
				int used = columns_fit(sets[s], 5, width, sep, w);
				int sum = cells_used(w, 5, sep);
				if (used != sum)
					fail_msg("set %zu width %d sep %d: returned %d, widths add to %d", s,
						 width, sep, used, sum);
				if (sum > width)
					fail_msg("set %zu width %d sep %d: %d cells used", s, width, sep, sum);
				for (int i = 0; i < 5; i++) {
					if (w[i] < 0)
						fail_msg("negative width");
					/* a shown non-flex column gets exactly what it wants */
					if (i != flex && w[i] != 0 && w[i] != sets[s][i].want)
						fail_msg("set %zu width %d: column %d at %d", s, width, i, w[i]);
					/* a dropped column never has a higher priority than a shown one */
					if (i != flex && w[i] == 0)
						for (int j = 0; j < 5; j++)
							if (j != flex && w[j] != 0 &&
							    sets[s][j].priority < sets[s][i].priority)
								fail_msg("set %zu width %d: %d dropped before %d",
									 s, width, i, j);
				}
				if (flex >= 0) {
					if (w[flex] < 1)
						fail_msg("set %zu width %d: flex dropped", s, width);
					/* with a flex column the line is filled exactly */
					if (sum != width)
						fail_msg("set %zu width %d sep %d: %d cells, want all", s,
							 width, sep, sum);
				}
			}
	}
}

static void test_monotonic(void **state)
{
	/* widening never drops a column that was shown */
	int prev[NLIST];
	(void)state;
	columns_fit(list_cols, NLIST, 1, 2, prev);
	for (int width = 2; width <= 120; width++) {
		int w[NLIST];
		columns_fit(list_cols, NLIST, width, 2, w);
		for (int i = 0; i < NLIST; i++)
			if (prev[i] > 0 && w[i] == 0)
				fail_msg("width %d: column %d dropped on widening", width, i);
		memcpy(prev, w, sizeof w);
	}
}

static void test_no_flex(void **state)
{
	static const struct column_spec cols[] = {{5, 2, 0}, {5, 1, 0}, {5, 3, 0}};
	int w[3];
	(void)state;
	static const int all[3] = {5, 5, 5};
	assert_int_equal(columns_fit(cols, 3, 50, 1, w), 17);
	assert_widths(w, all, 3);
	static const int two[3] = {5, 0, 5};
	assert_int_equal(columns_fit(cols, 3, 16, 1, w), 11);
	assert_widths(w, two, 3);
	static const int one[3] = {0, 0, 5};
	assert_int_equal(columns_fit(cols, 3, 10, 1, w), 5);
	assert_widths(w, one, 3);
	static const int none[3] = {0, 0, 0};
	assert_int_equal(columns_fit(cols, 3, 4, 1, w), 0);
	assert_widths(w, none, 3);
}

static void test_single_flex(void **state)
{
	static const struct column_spec cols[] = {{10, 0, 1}};
	int w[1];
	(void)state;
	assert_int_equal(columns_fit(cols, 1, 80, 3, w), 80);
	assert_int_equal(w[0], 80);
	assert_int_equal(columns_fit(cols, 1, 3, 3, w), 3);
	assert_int_equal(w[0], 3);
	assert_int_equal(columns_fit(cols, 1, 0, 3, w), 10);
	assert_int_equal(w[0], 10);
	assert_int_equal(columns_fit(cols, 0, 80, 3, w), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unlimited),
		cmocka_unit_test(test_exact_and_slack),
		cmocka_unit_test(test_drop_order),
		cmocka_unit_test(test_never_exceeds),
		cmocka_unit_test(test_monotonic),
		cmocka_unit_test(test_no_flex),
		cmocka_unit_test(test_single_flex),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
