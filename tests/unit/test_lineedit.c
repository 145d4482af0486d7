/* The field editor: typing, a real cursor, whole characters, composition, paste, scrolling. */
#include "config.h"

#include "unit.h"

#include "lineedit.h"
#include "text.h"

/* Types s (UTF-8) one code point at a time, as the keyboard delivers it. */
static void type(struct lineedit *e, const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		assert_int_equal(lineedit_key(e, (ui_key)cp), LINEEDIT_CHANGED);
	}
}

static void keys(struct lineedit *e, const ui_key *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_not_equal(lineedit_key(e, k[i]), LINEEDIT_IGNORED);
}

#define KEYS(e, ...) do { \
		const ui_key ks_[] = { __VA_ARGS__ }; \
		keys((e), ks_, sizeof ks_ / sizeof ks_[0]); \
	} while (0)

static void test_typing(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	assert_string_equal(lineedit_text(&e), "");
	type(&e, "Quyết định 1064");
	assert_string_equal(lineedit_text(&e), "Quyết định 1064");
	assert_int_equal(e.len, strlen("Quyết định 1064"));
	assert_int_equal(e.cursor, e.len);
	lineedit_clear(&e);
	assert_string_equal(lineedit_text(&e), "");
	assert_int_equal(e.len, 0);
	lineedit_free(&e);
	lineedit_free(&e);
	assert_null(e.text);
}

/* The search prompt's Delete and arrows ran list actions instead of editing. */
static void test_cursor_moves_by_character(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	lineedit_set(&e, "Đà Nẵng");
	KEYS(&e, UIK_LEFT, UIK_LEFT, UIK_LEFT); /* before "ẵ" */
	assert_int_equal(e.cursor, strlen("Đà N"));
	type(&e, "x");
	assert_string_equal(lineedit_text(&e), "Đà Nxẵng");
	KEYS(&e, UIK_DELETE); /* "ẵ" is three bytes: one Delete takes them all */
	assert_string_equal(lineedit_text(&e), "Đà Nxng");
	KEYS(&e, UIK_HOME, UIK_DELETE);
	assert_string_equal(lineedit_text(&e), "à Nxng");
	KEYS(&e, UIK_END, UIK_BACKSPACE, UIK_RIGHT);
	assert_string_equal(lineedit_text(&e), "à Nxn");
	assert_int_equal(e.cursor, e.len);
	KEYS(&e, 0x01 /* Ctrl-A */);
	assert_int_equal(e.cursor, 0);
	KEYS(&e, UIK_LEFT, UIK_BACKSPACE); /* at the start: nothing to do, nothing breaks */
	assert_string_equal(lineedit_text(&e), "à Nxn");
	KEYS(&e, 0x05 /* Ctrl-E */);
	assert_int_equal(e.cursor, e.len);
	lineedit_free(&e);
}

static void test_backspace_takes_whole_characters(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	lineedit_set(&e, "Nẵ");
	KEYS(&e, UIK_BACKSPACE);
	assert_string_equal(lineedit_text(&e), "N");
	/* A letter with marks NFC cannot compose goes as one. */
	lineedit_set(&e, "ke\xcc\x81\xcc\xa3");
	KEYS(&e, UIK_BACKSPACE);
	assert_string_equal(lineedit_text(&e), "k");
	KEYS(&e, UIK_BACKSPACE, UIK_BACKSPACE);
	assert_string_equal(lineedit_text(&e), "");
	/* A lone combining mark at the start goes too. */
	lineedit_set(&e, "\xcc\x81");
	KEYS(&e, UIK_BACKSPACE);
	assert_int_equal(e.len, 0);
	lineedit_free(&e);
}

/* An input method that sends combining marks: the text is stored precomposed. */
static void test_marks_compose(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	type(&e, "Vie\xcc\x82\xcc\xa3t");   /* e, circumflex, dot below */
	assert_string_equal(lineedit_text(&e), "Việt");
	lineedit_set(&e, "Ha\xcc\x89i Pho\xcc\x80ng");
	assert_string_equal(lineedit_text(&e), "Hải Phòng");
	/* A mark typed in the middle composes with the letter before the cursor. */
	lineedit_set(&e, "Hai");
	KEYS(&e, UIK_LEFT);
	type(&e, "\xcc\x89");
	assert_string_equal(lineedit_text(&e), "Hải");
	assert_int_equal(e.cursor, strlen("Hả"));
	lineedit_free(&e);
}

static void test_words(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	lineedit_set(&e, "Thừa Thiên Huế  ");
	KEYS(&e, 0x17); /* Ctrl-W: the word before the cursor and the spaces after it */
	assert_string_equal(lineedit_text(&e), "Thừa Thiên ");
	KEYS(&e, 0x17, 0x17, 0x17);
	assert_string_equal(lineedit_text(&e), "");
	lineedit_set(&e, "thach cao dinh vu");
	KEYS(&e, UIK_CTRL | UIK_LEFT);
	assert_int_equal(e.cursor, strlen("thach cao dinh "));
	KEYS(&e, UIK_ALT | 'b', UIK_ALT | 'b');
	assert_int_equal(e.cursor, strlen("thach "));
	KEYS(&e, UIK_CTRL | UIK_RIGHT);
	assert_int_equal(e.cursor, strlen("thach cao"));
	KEYS(&e, 0x0b); /* Ctrl-K */
	assert_string_equal(lineedit_text(&e), "thach cao");
	KEYS(&e, UIK_LEFT, UIK_LEFT, UIK_LEFT, 0x15); /* Ctrl-U: what is before */
	assert_string_equal(lineedit_text(&e), "cao");
	assert_int_equal(e.cursor, 0);
	lineedit_free(&e);
}

static void test_control_characters_refused(void **state)
{
	static const ui_key refused[] = { 0x85 | UIK_PASTED, 0x1b | UIK_PASTED, 0x07 | UIK_PASTED };
	static const ui_key others[] = { UIK_ENTER, UIK_ESC, UIK_TAB, 0x13 /* Ctrl-S */, 0x11,
	                                 0x1f, 0x85 /* C1 */, 0x9b /* CSI */, UIK_DOWN, UIK_F(1),
	                                 UIK_UNKNOWN, UIK_ALT | 'x', UIK_CTRL | UIK_UP };
	struct lineedit e = { 0 };
	size_t i;

	(void)state;
	lineedit_set(&e, "abc");
	for (i = 0; i < sizeof others / sizeof others[0]; i++) {
		if (lineedit_key(&e, others[i]) != LINEEDIT_IGNORED)
			fail_msg("key 0x%x taken by the editor", (unsigned)others[i]);
		assert_string_equal(lineedit_text(&e), "abc");
	}
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		assert_int_equal(lineedit_key(&e, refused[i]), LINEEDIT_REFUSED);
		assert_string_equal(lineedit_text(&e), "abc");
	}
	/* Printable beyond ASCII is text. */
	type(&e, "\xc2\xa0中");
	assert_string_equal(lineedit_text(&e), "abc\xc2\xa0中");
	lineedit_free(&e);
}

/* A newline pasted into one line is a space: it never submits anything. */
static void test_paste(void **state)
{
	struct lineedit e = { 0 };

	(void)state;
	assert_int_equal(lineedit_key(&e, 'a' | UIK_PASTED), LINEEDIT_CHANGED);
	assert_int_equal(lineedit_key(&e, UIK_ENTER | UIK_PASTED), LINEEDIT_CHANGED);
	assert_int_equal(lineedit_key(&e, UIK_TAB | UIK_PASTED), LINEEDIT_CHANGED);
	assert_int_equal(lineedit_key(&e, 0x1ebf | UIK_PASTED), LINEEDIT_CHANGED);
	assert_string_equal(lineedit_text(&e), "a  ế");
	lineedit_free(&e);
}

static void test_full(void **state)
{
	struct lineedit e = { 0 };
	size_t i;

	(void)state;
	e.max = 10;
	for (i = 0; i < 10; i++)
		assert_int_equal(lineedit_key(&e, 'x'), LINEEDIT_CHANGED);
	assert_int_equal(lineedit_key(&e, 'x'), LINEEDIT_REFUSED);
	assert_int_equal(e.len, 10);
	/* A two-byte letter that no longer fits is refused whole, never cut. */
	KEYS(&e, UIK_BACKSPACE);
	assert_int_equal(lineedit_key(&e, 0x111), LINEEDIT_REFUSED); /* đ: two bytes, one left */
	assert_int_equal(e.len, 9);
	assert_true(utf8_valid(lineedit_text(&e), e.len));
	/* Without a maximum the line takes far more than the old 255 bytes. */
	lineedit_free(&e);
	e.max = 0;
	for (i = 0; i < 1000; i++)
		assert_int_equal(lineedit_key(&e, 0x1ec7), LINEEDIT_CHANGED); /* ệ */
	assert_int_equal(e.len, 3000);
	lineedit_free(&e);
}

static void test_set_cuts_at_a_character(void **state)
{
	struct lineedit e = { 0 };
	char long_text[600] = "";
	size_t i;

	(void)state;
	e.max = 255;
	for (i = 0; i < 254; i++)
		strcat(long_text, "a");
	strcat(long_text, "đđđ");
	assert_int_equal(lineedit_set(&e, long_text), 0);
	assert_int_equal(e.len, 254);
	assert_int_equal(strlen(lineedit_text(&e)), 254);
	lineedit_set(&e, "Đình Vũ");
	assert_string_equal(lineedit_text(&e), "Đình Vũ");
	assert_int_equal(e.cursor, strlen("Đình Vũ"));
	lineedit_set(&e, "");
	assert_int_equal(e.len, 0);
	lineedit_free(&e);
}

/* A line longer than its field scrolls to keep the cursor in view. */
static void test_view_scrolls(void **state)
{
	struct lineedit e = { 0 };
	char out[256];
	int col;

	(void)state;
	lineedit_set(&e, "Nghiên cứu xây dựng 3 đề án");
	lineedit_view(&e, 10, out, sizeof out, &col);
	assert_int_equal(col, 9); /* the cursor at the end, in the last cell */
	assert_string_equal(out, "g 3 đề án");
	assert_int_equal(text_width(out) + 1, 10);
	KEYS(&e, UIK_HOME);
	lineedit_view(&e, 10, out, sizeof out, &col);
	assert_int_equal(col, 0);
	assert_string_equal(out, "Nghiên cứu");
	KEYS(&e, UIK_CTRL | UIK_RIGHT, UIK_CTRL | UIK_RIGHT, UIK_CTRL | UIK_RIGHT);
	lineedit_view(&e, 10, out, sizeof out, &col);
	assert_int_equal(col, 9);
	/* Wide characters never straddle the edge. */
	lineedit_set(&e, "中中中中中中中中");
	lineedit_view(&e, 5, out, sizeof out, &col);
	assert_true(text_width(out) <= 5);
	assert_true(col <= 4);
	lineedit_free(&e);
}

/* A form field in a narrow window scrolled; the window grew: the text shows from its start again. */
static void test_view_unscrolls_when_wider(void **state)
{
	struct lineedit e = { 0 };
	char out[256];
	int col;

	(void)state;
	lineedit_set(&e, "Tiêu đề mới, tiếp tục");
	lineedit_view(&e, 10, out, sizeof out, &col);
	assert_true(e.scroll > 0);
	lineedit_view(&e, 40, out, sizeof out, &col);
	assert_int_equal(e.scroll, 0);
	assert_string_equal(out, "Tiêu đề mới, tiếp tục");
	assert_int_equal(col, 21);
	lineedit_view(&e, 15, out, sizeof out, &col);
	assert_int_equal(e.scroll, 7); /* the end and the cursor after it, in 15 cells */
	lineedit_free(&e);
}

/* Notes: Enter and pasted line breaks start lines; Home and End keep to the line. */
static void test_lines(void **state)
{
	struct lineedit e = { 0 };
	int row, col;

	(void)state;
	e.lines = true;
	type(&e, "Dòng một");
	KEYS(&e, UIK_ENTER);
	type(&e, "hai");
	assert_string_equal(lineedit_text(&e), "Dòng một\nhai");
	KEYS(&e, UIK_HOME);
	assert_int_equal(e.cursor, strlen("Dòng một\n"));
	KEYS(&e, UIK_LEFT, UIK_HOME);
	assert_int_equal(e.cursor, 0);
	KEYS(&e, UIK_END);
	assert_int_equal(e.cursor, strlen("Dòng một"));
	KEYS(&e, UIK_END, UIK_ENTER | UIK_PASTED, 'x' | UIK_PASTED, '\n' | UIK_PASTED);
	assert_string_equal(lineedit_text(&e), "Dòng một\nx\n\nhai");
	KEYS(&e, 0x0b); /* Ctrl-K: the rest of this line only */
	assert_string_equal(lineedit_text(&e), "Dòng một\nx\n\nhai");
	KEYS(&e, UIK_BACKSPACE, UIK_BACKSPACE);
	assert_string_equal(lineedit_text(&e), "Dòng một\n\nhai");
	assert_int_equal(lineedit_key(&e, 0x1b | UIK_PASTED), LINEEDIT_REFUSED);
	assert_int_equal(lineedit_layout(&e, 40, NULL, 0, &row, &col), 3);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	lineedit_free(&e);

	/* One line stays one line: a pasted break is a space, Enter is not text. */
	type(&e, "a");
	KEYS(&e, UIK_ENTER | UIK_PASTED);
	assert_string_equal(lineedit_text(&e), "a ");
	assert_int_equal(lineedit_key(&e, UIK_ENTER), LINEEDIT_IGNORED);
	lineedit_free(&e);
}

/* Rows of a width: wrapped at spaces (by character in a long word), the cursor found on them, moved up and down by column. */
static void test_rows(void **state)
{
	struct lineedit e = { 0 };
	struct lineedit_row rows[8];
	char out[3][512];
	int n, row, col;

	(void)state;
	e.lines = true;
	lineedit_set(&e, "abcdefghij\nĐà Nẵn");
	n = lineedit_layout(&e, 4, rows, 8, &row, &col);
	assert_int_equal(n, 5); /* abcd efgh ij | "Đà " Nẵn */
	assert_int_equal(rows[0].len, 4);
	assert_int_equal(rows[2].off, 8);
	assert_int_equal(rows[2].len, 2);
	assert_int_equal(rows[3].len, strlen("Đà "));
	assert_int_equal(row, 4);
	assert_int_equal(col, 3);
	assert_true(lineedit_vertical(&e, 4, -1)); /* up: "Đà ", column 3 is its end, which is the next row's */
	assert_int_equal(e.cursor, strlen("abcdefghij\nĐà"));
	assert_true(lineedit_vertical(&e, 4, -1)); /* "ij" is shorter: its end */
	assert_int_equal(e.cursor, 10);
	assert_true(lineedit_vertical(&e, 4, -1));
	assert_int_equal(e.cursor, 6); /* "efgh", column 2 (where "ij" ended): before g */
	assert_true(lineedit_vertical(&e, 4, -1));
	assert_false(lineedit_vertical(&e, 4, -1)); /* the first row: the form's key */
	assert_int_equal(e.cursor, 2);
	lineedit_key(&e, UIK_END);
	assert_int_equal(e.cursor, 10);
	/* The end of a full row shows at the start of the next. */
	e.cursor = 4;
	lineedit_layout(&e, 4, rows, 8, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	/* A word that does not fit goes whole to the next row, and the cursor in it with it. */
	lineedit_set(&e, "một hai ba");
	e.cursor = strlen("một ha");
	n = lineedit_layout(&e, 6, rows, 8, &row, &col);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].len, strlen("một "));
	assert_int_equal(rows[1].off, strlen("một "));
	assert_int_equal(row, 1);
	assert_int_equal(col, 2);
	/* A space at the edge ends its row: the next does not start with it. */
	lineedit_set(&e, "abcd efg");
	n = lineedit_layout(&e, 4, rows, 8, &row, &col);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].off, 5);
	assert_int_equal(rows[1].len, 3);
	/* Shown three rows at a time, scrolled to the cursor. */
	lineedit_set(&e, "abcdefghij\nĐà Nẵng");
	e.scroll = 0;
	n = lineedit_view_rows(&e, 4, 3, out, &row, &col);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "Đà ");
	assert_string_equal(out[1], "Nẵng");
	assert_string_equal(out[2], "");
	assert_int_equal(row, 2); /* after a full row: at the start of a new one */
	assert_int_equal(col, 0);
	e.cursor = 0;
	n = lineedit_view_rows(&e, 4, 3, out, &row, &col);
	assert_string_equal(out[0], "abcd");
	assert_int_equal(row, 0);
	lineedit_clear(&e);
	assert_int_equal(lineedit_layout(&e, 4, rows, 8, &row, &col), 1);
	lineedit_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_cursor_moves_by_character),
		cmocka_unit_test(test_backspace_takes_whole_characters),
		cmocka_unit_test(test_marks_compose),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_control_characters_refused),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_set_cuts_at_a_character),
		cmocka_unit_test(test_view_scrolls),
		cmocka_unit_test(test_view_unscrolls_when_wider),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_rows),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
