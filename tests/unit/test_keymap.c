/* Keys: names, the default bindings, [keys] rebinding and its errors. */
#include "config.h"

#include "unit.h"

#include <curses.h>

#include "keymap.h"
#include "settings.h"

static void test_parse_names(void **state)
{
	static const struct {
		const char *name;
		ui_key key;
	} cases[] = {
		{ "j", 'j' }, { "J", 'J' }, { "/", '/' }, { "?", '?' }, { "đ", 0x111 },
		{ "Up", KEY_FN + KEY_UP }, { "down", KEY_FN + KEY_DOWN }, { "LEFT", KEY_FN + KEY_LEFT },
		{ "Right", KEY_FN + KEY_RIGHT }, { "PgUp", KEY_FN + KEY_PPAGE }, { "PageUp", KEY_FN + KEY_PPAGE },
		{ "PgDn", KEY_FN + KEY_NPAGE }, { "PageDown", KEY_FN + KEY_NPAGE }, { "Home", KEY_FN + KEY_HOME },
		{ "End", KEY_FN + KEY_END }, { "Insert", KEY_FN + KEY_IC }, { "Ins", KEY_FN + KEY_IC },
		{ "Delete", KEY_FN + KEY_DC }, { "Del", KEY_FN + KEY_DC }, { "Enter", UIK_ENTER },
		{ "Return", UIK_ENTER }, { "Esc", UIK_ESC }, { "Escape", UIK_ESC }, { "Tab", UIK_TAB },
		{ "S-Tab", KEY_FN + KEY_BTAB }, { "BackTab", KEY_FN + KEY_BTAB }, { "Backspace", UIK_BACKSPACE },
		{ "Space", ' ' }, { "F1", KEY_FN + KEY_F(1) }, { "f12", KEY_FN + KEY_F(12) },
		{ "C-s", 0x13 }, { "C-S", 0x13 }, { "^Q", 0x11 }, { "Ctrl-l", 0x0c }, { "C-[", 0x1b },
	};
	static const char *const bad[] = {
		"", "F0", "F13", "F1x", "Ctrl-Banana", "C-", "^^^", "jj", "Upp", "C-é", "\x1b", "\x7f",
	};
	size_t i;
	ui_key k;

	(void)state;
	assert_int_equal(ui_key_parse(NULL, &k), -1);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		k = -1;
		if (ui_key_parse(cases[i].name, &k) != 0 || k != cases[i].key)
			fail_msg("'%s' gave %d, expected %d", cases[i].name, k, cases[i].key);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (ui_key_parse(bad[i], &k) == 0)
			fail_msg("'%s' should not be a key name", bad[i]);
}

static void test_names_round_trip(void **state)
{
	static const char *const names[] = { "j", "G", "Up", "PgDn", "F10", "C-l", "Enter", "Esc", "Space", "đ" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		ui_key k;
		char back[32];

		assert_int_equal(ui_key_parse(names[i], &k), 0);
		ui_key_name(k, back, sizeof back);
		assert_string_equal(back, names[i]);
	}
}

static void test_from_curses(void **state)
{
	(void)state;
	assert_int_equal(key_from_curses(0, '\n'), UIK_ENTER);
	assert_int_equal(key_from_curses(0, '\r'), UIK_ENTER);
	assert_int_equal(key_from_curses(1, KEY_ENTER), UIK_ENTER);
	assert_int_equal(key_from_curses(0, 8), UIK_BACKSPACE);
	assert_int_equal(key_from_curses(0, 127), UIK_BACKSPACE);
	assert_int_equal(key_from_curses(1, KEY_BACKSPACE), UIK_BACKSPACE);
	assert_int_equal(key_from_curses(1, KEY_FIND), KEY_FN + KEY_HOME);
	assert_int_equal(key_from_curses(1, KEY_SELECT), KEY_FN + KEY_END);
	assert_int_equal(key_from_curses(0, 0x1ea1), 0x1ea1); /* ạ typed */
}

static void test_defaults(void **state)
{
	struct keymap *m;
	struct error err = { 0 };
	char keys[64];

	(void)state;
	assert_int_equal(keymap_new(&m, NULL, &err), 0);
	assert_int_equal(keymap_lookup(m, 'j'), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEY_FN + KEY_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, '?'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEY_FN + KEY_F(1)), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, '/'), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, 'v'), ACTION_DOCUMENTS);
	assert_int_equal(keymap_lookup(m, UIK_ESC), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, 'x'), ACTION_NONE);
	keymap_describe(m, ACTION_DOWN, keys, sizeof keys);
	assert_string_equal(keys, "Down, j");
	keymap_describe(m, ACTION_NONE, keys, sizeof keys);
	assert_string_equal(keys, "");
	keymap_free(&m);
	keymap_free(&m);
	assert_null(m);
}

static void test_every_action_has_a_default_key(void **state)
{
	struct keymap *m;
	struct error err = { 0 };
	int a;

	(void)state;
	assert_int_equal(keymap_new(&m, NULL, &err), 0);
	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		char keys[64];

		keymap_describe(m, (enum action)a, keys, sizeof keys);
		if (keys[0] == '\0')
			fail_msg("action %s has no key", action_name((enum action)a));
		assert_int_equal(action_parse(action_name((enum action)a)), a);
		assert_non_null(action_help((enum action)a));
	}
	assert_int_equal(action_parse("nonsense"), ACTION_NONE);
	keymap_free(&m);
}

static struct key_setting key(const char *action, const char *keys, int line)
{
	struct key_setting k = { (char *)action, (char *)keys, (char *)"/etc/x.ini", line };

	return k;
}

static void test_rebinding(void **state)
{
	struct key_setting ks[3];
	struct settings s;
	struct keymap *m;
	struct error err = { 0 };
	char keys[64];

	(void)state;
	settings_defaults(&s);
	ks[0] = key("down", "n, Down", 3);
	ks[1] = key("search", "F5", 4);
	ks[2] = key("quit", "j", 5); /* j leaves "down" */
	s.keys = ks;
	s.nkeys = 3;
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, 'n'), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEY_FN + KEY_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, 'j'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, '/'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEY_FN + KEY_F(5)), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEY_FN + KEY_F(10)), ACTION_NONE); /* quit's default replaced */
	keymap_describe(m, ACTION_DOWN, keys, sizeof keys);
	assert_string_equal(keys, "n, Down");
	keymap_free(&m);
}

static void test_rebinding_errors(void **state)
{
	struct key_setting ks[1];
	struct settings s;
	struct keymap *m = (struct keymap *)1;
	struct error err = { 0 };

	(void)state;
	settings_defaults(&s);
	s.keys = ks;
	s.nkeys = 1;
	ks[0] = key("fly", "x", 7);
	assert_int_equal(keymap_new(&m, &s, &err), -1);
	assert_null(m);
	assert_string_equal(err.msg, "/etc/x.ini:7: [keys] fly: no such action (see hoso.ini(5))");
	ks[0] = key("down", "j Ctrl-Banana", 8);
	assert_int_equal(keymap_new(&m, &s, &err), -1);
	assert_string_equal(err.msg, "/etc/x.ini:8: [keys] down: \"Ctrl-Banana\" is not a key name (see hoso.ini(5))");
	ks[0] = key("down", "  ", 9);
	assert_int_equal(keymap_new(&m, &s, &err), -1);
	assert_string_equal(err.msg, "/etc/x.ini:9: [keys] down: no key given");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_names),
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_from_curses),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_action_has_a_default_key),
		cmocka_unit_test(test_rebinding),
		cmocka_unit_test(test_rebinding_errors),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
