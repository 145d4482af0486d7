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
		assert_true(lineedit_key(e, (ui_key)cp));
	}
}

static void test_typing(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_clear(&e);
	assert_string_equal(e.text, "");
	assert_int_equal(e.len, 0);
	type(&e, "Quyết định 1064");
	assert_string_equal(e.text, "Quyết định 1064");
	assert_int_equal(e.len, strlen("Quyết định 1064"));
	lineedit_clear(&e);
	assert_string_equal(e.text, "");
	assert_int_equal(e.len, 0);
}

static void test_backspace(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_clear(&e);
	type(&e, "Đà Nẵng");
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_string_equal(e.text, "Đà Nẵn");
	type(&e, "g");
	/* "ẵ" is three bytes: one Backspace takes all of them. */
	lineedit_set(&e, "Nẵ");
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_string_equal(e.text, "N");
	/* A decomposed letter (e + combining acute + dot below) goes as one. */
	lineedit_set(&e, "ke\xcc\x81\xcc\xa3");
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_string_equal(e.text, "k");
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_string_equal(e.text, "");
	/* On an empty line it is still an editing key, and harmless. */
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_string_equal(e.text, "");
	assert_int_equal(e.len, 0);
	/* A lone combining mark at the start goes too. */
	lineedit_set(&e, "\xcc\x81");
	assert_true(lineedit_key(&e, UIK_BACKSPACE));
	assert_int_equal(e.len, 0);
}

static void test_ctrl_w_and_u(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "Thừa Thiên Huế  ");
	assert_true(lineedit_key(&e, 0x17)); /* Ctrl-W: the last word and the spaces after it */
	assert_string_equal(e.text, "Thừa Thiên ");
	assert_true(lineedit_key(&e, 0x17));
	assert_string_equal(e.text, "Thừa ");
	assert_true(lineedit_key(&e, 0x17));
	assert_string_equal(e.text, "");
	assert_true(lineedit_key(&e, 0x17));
	assert_string_equal(e.text, "");
	lineedit_set(&e, "thach cao");
	assert_true(lineedit_key(&e, 0x15)); /* Ctrl-U */
	assert_string_equal(e.text, "");
	assert_int_equal(e.len, 0);
}

static void test_other_keys_not_taken(void **state)
{
	static const ui_key others[] = { UIK_ENTER, UIK_ESC, UIK_TAB, 0x01, 0x13 /* Ctrl-S */,
	                                 0x11 /* Ctrl-Q */, 0x1f, 0x85 /* C1 */, 0x9b /* CSI */,
	                                 KEY_FN + 0x102 /* KEY_DOWN */, KEY_FN + 0x109 /* F1 */ };
	struct lineedit e;
	size_t i;

	(void)state;
	lineedit_set(&e, "abc");
	for (i = 0; i < sizeof others / sizeof others[0]; i++) {
		if (lineedit_key(&e, others[i]))
			fail_msg("key 0x%x taken as text", (unsigned)others[i]);
		assert_string_equal(e.text, "abc");
	}
	/* Printable beyond ASCII is text. */
	assert_true(lineedit_key(&e, 0xa0));
	assert_true(lineedit_key(&e, 0x4e2d));
	assert_string_equal(e.text, "abc\xc2\xa0中");
}

static void test_full(void **state)
{
	struct lineedit e;
	size_t i;

	(void)state;
	lineedit_clear(&e);
	for (i = 0; i < 300; i++)
		assert_true(lineedit_key(&e, 'x'));
	assert_int_equal(e.len, sizeof e.text - 1);
	assert_int_equal(strlen(e.text), sizeof e.text - 1);
	/* A two-byte letter that no longer fits is refused whole, never cut. */
	lineedit_clear(&e);
	for (i = 0; i < sizeof e.text - 2; i++)
		assert_true(lineedit_key(&e, 'x'));
	assert_true(lineedit_key(&e, 0x111)); /* đ: two bytes, one left */
	assert_int_equal(e.len, sizeof e.text - 2);
	assert_true(utf8_valid(e.text, e.len));
}

static void test_set_cuts_at_a_character(void **state)
{
	struct lineedit e;
	char long_text[600] = "";
	size_t i;

	(void)state;
	/* 254 ASCII bytes then "đ" (2 bytes): 256 bytes do not fit in 255. */
	for (i = 0; i < 254; i++)
		strcat(long_text, "a");
	strcat(long_text, "đđđ");
	lineedit_set(&e, long_text);
	assert_int_equal(e.len, 254);
	assert_int_equal(strlen(e.text), 254);
	lineedit_set(&e, "Đình Vũ");
	assert_string_equal(e.text, "Đình Vũ");
	assert_int_equal(e.len, strlen("Đình Vũ"));
	lineedit_set(&e, "");
	assert_int_equal(e.len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_backspace),
		cmocka_unit_test(test_ctrl_w_and_u),
		cmocka_unit_test(test_other_keys_not_taken),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_set_cuts_at_a_character),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
