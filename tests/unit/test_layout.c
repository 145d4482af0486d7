/* The item list's layout, drawn on a text canvas: columns, truncation, marks. */
#include "config.h"

#include "unit.h"

#include "canvas.h"
#include "itemlayout.h"
#include "refdata.h"
#include "text.h"

static struct item_row row(long no, const char *code, const char *title, int status, int progress,
                           const char *due, int depth, bool children)
{
	struct item_row r;

	memset(&r, 0, sizeof r);
	r.no = no;
	r.code = strdup(code);
	r.title = strdup(title);
	r.unit = strdup("Sở KH&CN");
	r.kind = 1;
	r.status = status;
	r.display_status = status;
	r.progress = progress;
	snprintf(r.due, sizeof r.due, "%s", due);
	r.depth = depth;
	r.has_children = children;
	return r;
}

/* Draws r at each width and returns line y of the drawing (caller frees). */
static char *draw(int cols, const struct item_row *r, bool tree, bool open, bool selected)
{
	struct text_canvas *t = text_canvas_new(2, cols);
	struct list_layout l;
	char *all, *nl, *line;

	list_layout_compute(&l, cols);
	list_draw_header(text_canvas_canvas(t), 0, &l, ISORT_NO, false);
	list_draw_row(text_canvas_canvas(t), 1, &l, r, tree, open, selected, DATE_DMY, NULL);
	all = text_canvas_string(t);
	nl = strchr(all, '\n');
	line = strdup(nl + 1);
	line[strcspn(line, "\n")] = '\0';
	free(all);
	text_canvas_free(&t);
	return line;
}

static void test_columns_fit_every_width(void **state)
{
	int cols;

	(void)state;
	for (cols = 40; cols <= 240; cols++) {
		struct list_layout l;
		int i, end = 0, shown = 0;

		list_layout_compute(&l, cols);
		for (i = 0; i < LC_COUNT; i++) {
			if (l.width[i] == 0)
				continue;
			shown++;
			if (l.x[i] + l.width[i] > end)
				end = l.x[i] + l.width[i];
		}
		if (end > cols)
			fail_msg("at %d columns the line is %d cells", cols, end);
		assert_true(l.width[LC_TITLE] >= 20);
		assert_true(l.width[LC_STATUS] > 0); /* the status always shows */
		assert_true(shown >= 2);
	}
}

static void test_columns_drop_in_order(void **state)
{
	struct list_layout l;

	(void)state;
	list_layout_compute(&l, 200);
	assert_true(l.width[LC_CODE] > 0 && l.width[LC_KIND] > 0 && l.width[LC_UNIT] > 0 &&
	            l.width[LC_DUE] > 0 && l.width[LC_PROGRESS] > 0);
	/* At 100 columns the kind gives way to the lead unit. */
	list_layout_compute(&l, 100);
	assert_int_equal(l.width[LC_KIND], 0);
	assert_true(l.width[LC_UNIT] > 0 && l.width[LC_CODE] > 0 && l.width[LC_STATUS] > 0);
	assert_true(l.width[LC_TITLE] >= 100 / 3);
	list_layout_compute(&l, 80);
	assert_int_equal(l.width[LC_UNIT], 0);
	assert_int_equal(l.width[LC_KIND], 0);
	assert_true(l.width[LC_DUE] > 0);
	assert_true(l.width[LC_PROGRESS] > 0);
	list_layout_compute(&l, 40);
	assert_int_equal(l.width[LC_DUE], 0);
	assert_int_equal(l.width[LC_CODE], 0);
	assert_int_equal(l.width[LC_TITLE] + 1 + l.width[LC_STATUS], 40);
}

static void test_row_at_80(void **state)
{
	struct item_row r = row(7, "NV-1", "Hoàn thiện công nghệ xử lý bã thải thạch cao phospho của Nhà máy DAP – Đình Vũ",
	                        STATUS_IN_PROGRESS, 40, "2024-03-31", 1, true);
	char *line = draw(80, &r, true, false, false);

	(void)state;
	/* code 10 | indent, mark and title 35 | due 10 | status 11 | bar 5 and percent 5 */
	assert_string_equal(line,
	                    "NV-1         + Hoàn thiện công nghệ xử lý bã … 31/03/2024 In progress ##...  40%");
	assert_int_equal(text_width(line), 80);
	free(line);
	item_row_clear(&r);
}

static void test_row_open_and_leaf(void **state)
{
	struct item_row r = row(8, "", "Techfest Hải Phòng 2023", STATUS_DONE, 100, "", 0, true);
	char *line = draw(80, &r, true, true, false);

	(void)state;
	assert_non_null(strstr(line, "- Techfest Hải Phòng 2023"));
	assert_non_null(strstr(line, "##### 100%"));
	free(line);
	r.has_children = false;
	line = draw(80, &r, true, false, false);
	assert_non_null(strstr(line, "  Techfest Hải Phòng 2023"));
	assert_null(strstr(line, "+ Techfest"));
	free(line);
	/* In a flat list there is no mark. */
	r.has_children = true;
	line = draw(80, &r, false, false, false);
	assert_non_null(strstr(line, "  Techfest"));
	assert_null(strstr(line, "+ Techfest"));
	assert_null(strstr(line, "- Techfest"));
	free(line);
	item_row_clear(&r);
}

static void test_control_characters_inert(void **state)
{
	struct item_row r = row(9, "\x1b[31m", "Độc\x1b]0;x\x07 và\tđây", STATUS_PLANNED, -1, "", 0, false);
	char *line = draw(100, &r, false, false, false);
	const unsigned char *p;

	(void)state;
	assert_non_null(strstr(line, "Độc^[]0;x^G và đây"));
	assert_non_null(strstr(line, "^[[31m"));
	for (p = (const unsigned char *)line; *p != '\0'; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
	free(line);
	item_row_clear(&r);
}

static void test_wide_and_nfd_titles_align(void **state)
{
	struct item_row a = row(1, "", "中文标题中文标题中文标题中文标题中文标题中文标题", STATUS_DONE, 100, "", 0, false);
	struct item_row b = row(2, "", "Nghe\xcc\xa3\xcc\x82 an NFD tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t", STATUS_DONE, 100, "", 0, false);
	char *la = draw(80, &a, false, false, false), *lb = draw(80, &b, false, false, false);

	(void)state;
	assert_int_equal(text_width(la), 80);
	assert_int_equal(text_width(lb), 80);
	/* The status column starts at the same cell in both. */
	{
		const char *sa = strstr(la, "Done"), *sb = strstr(lb, "Done");

		assert_int_equal(text_width_n(la, (size_t)(sa - la)), text_width_n(lb, (size_t)(sb - lb)));
	}
	free(la);
	free(lb);
	item_row_clear(&a);
	item_row_clear(&b);
}

static void test_header_marks_sort(void **state)
{
	struct text_canvas *t = text_canvas_new(1, 100);
	struct list_layout l;
	char *s;

	(void)state;
	list_layout_compute(&l, 100);
	list_draw_header(text_canvas_canvas(t), 0, &l, ISORT_DUE, true);
	s = text_canvas_string(t);
	assert_non_null(strstr(s, "Due↓"));
	assert_non_null(strstr(s, "Title "));
	free(s);
	text_canvas_free(&t);
	assert_int_equal(list_col_of_sort(ISORT_NO), -1);
	assert_int_equal(list_col_of_sort(ISORT_TITLE), LC_TITLE);
}

static void test_text_canvas(void **state)
{
	struct text_canvas *t;
	char *s;

	(void)state;
	assert_null(text_canvas_new(0, 10));
	t = text_canvas_new(3, 10);
	text_canvas_canvas(t)->ops->frame(text_canvas_canvas(t), 0, 0, 3, 6, ROLE_POPUP);
	canvas_put(text_canvas_canvas(t), 1, 1, 4, "đấy là", ROLE_NORMAL, TEXT_ELLIPSIS);
	s = text_canvas_string(t);
	assert_string_equal(s, "+----+\n|đấy…|\n+----+\n");
	free(s);
	text_canvas_free(&t);
	text_canvas_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_canvas),
		cmocka_unit_test(test_columns_fit_every_width),
		cmocka_unit_test(test_columns_drop_in_order),
		cmocka_unit_test(test_row_at_80),
		cmocka_unit_test(test_row_open_and_leaf),
		cmocka_unit_test(test_control_characters_inert),
		cmocka_unit_test(test_wide_and_nfd_titles_align),
		cmocka_unit_test(test_header_marks_sort),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
