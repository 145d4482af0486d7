/* Keys: names, the default bindings, [keys] rebinding and its errors. */
#include "config.h"

#include "unit.h"

#include "keymap.h"
#include "settings.h"
#include "text.h"

static void test_parse_names(void **state)
{
	static const struct {
		const char *name;
		ui_key key;
	} cases[] = {
		{ "j", 'j' }, { "J", 'J' }, { "/", '/' }, { "?", '?' }, { "đ", 0x111 },
		{ "Up", UIK_UP }, { "down", UIK_DOWN }, { "LEFT", UIK_LEFT },
		{ "Right", UIK_RIGHT }, { "PgUp", UIK_PGUP }, { "PageUp", UIK_PGUP },
		{ "PgDn", UIK_PGDN }, { "PageDown", UIK_PGDN }, { "Home", UIK_HOME },
		{ "End", UIK_END }, { "Insert", UIK_INSERT }, { "Ins", UIK_INSERT },
		{ "Delete", UIK_DELETE }, { "Del", UIK_DELETE }, { "Enter", UIK_ENTER },
		{ "Return", UIK_ENTER }, { "Esc", UIK_ESC }, { "Escape", UIK_ESC }, { "Tab", UIK_TAB },
		{ "S-Tab", UIK_BTAB }, { "BackTab", UIK_BTAB }, { "Backspace", UIK_BACKSPACE },
		{ "Space", ' ' }, { "F1", UIK_F(1) }, { "f12", UIK_F(12) },
		{ "C-s", 0x13 }, { "C-S", 0x13 }, { "^Q", 0x11 }, { "Ctrl-l", 0x0c }, { "C-[", 0x1b },
		{ "F20", UIK_F(20) }, { "C-Up", UIK_CTRL | UIK_UP }, { "S-Down", UIK_SHIFT | UIK_DOWN },
		{ "M-j", UIK_ALT | 'j' }, { "A-j", UIK_ALT | 'j' }, { "C-M-Left", UIK_CTRL | UIK_ALT | UIK_LEFT },
		{ "Ctrl-Right", UIK_CTRL | UIK_RIGHT }, { "M-Enter", UIK_ALT | UIK_ENTER },
		{ "Begin", UIK_BEGIN }, { "M-C-x", UIK_ALT | 0x18 },
	};
	static const char *const bad[] = {
		"", "F0", "F21", "F1x", "Ctrl-Banana", "C-", "^^^", "jj", "Upp", "C-é", "\x1b", "\x7f",
		"\xc2\x9b", "M-", "S-Upp", "C-jj",
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
	static const char *const names[] = { "j", "G", "Up", "PgDn", "F10", "C-l", "Enter", "Esc", "Space", "đ",
		                                 "C-Up", "S-Down", "M-j", "C-M-S-Left", "F17", "S-Tab", "Begin", "M-C-x" };
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

/* Keys with no name (nothing curses or a terminal would give) name as "". */
static void test_nameless_keys(void **state)
{
	char name[32] = "x";

	(void)state;
	ui_key_name(UIK_UNKNOWN, name, sizeof name);
	assert_string_equal(name, "");
	ui_key_name(0x9b, name, sizeof name);
	assert_string_equal(name, "");
	ui_key_name(2097723, name, sizeof name); /* what the issue saw as "key 2097723" */
	assert_string_equal(name, "");
}

static void test_defaults(void **state)
{
	struct keymap *m;
	struct error err = { 0 };
	char keys[64];

	(void)state;
	assert_int_equal(keymap_new(&m, NULL, &err), 0);
	assert_int_equal(keymap_lookup(m, 'j'), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, '?'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, UIK_F(1)), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, '/'), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, 'v'), ACTION_DOCUMENTS);
	assert_int_equal(keymap_lookup(m, UIK_ESC), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, 0x03), ACTION_BACK); /* Ctrl-C cancels, as Esc */
	assert_int_equal(keymap_lookup(m, 0x1a), ACTION_SUSPEND);
	assert_int_equal(keymap_lookup(m, 'q' | UIK_PASTED), ACTION_NONE); /* pasted text is no command */
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
	assert_int_equal(keymap_lookup(m, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, 'j'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, '/'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, UIK_F(5)), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, UIK_F(10)), ACTION_QUIT); /* F10 always quits */
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
	ks[0] = key("help", "F10", 10);
	assert_int_equal(keymap_new(&m, &s, &err), -1);
	assert_string_equal(err.msg, "/etc/x.ini:10: [keys] help: F10 always quits hoso; choose another key");
}

/* A [keys] section that took every key of quit and back trapped the clerk. */
static void test_keys_cannot_trap_the_clerk(void **state)
{
	struct key_setting ks[3];
	struct settings s;
	struct keymap *m = NULL;
	struct error err = { 0 };

	(void)state;
	settings_defaults(&s);
	s.keys = ks;
	ks[0] = key("quit", "x", 3);          /* F10 is taken from quit … */
	ks[1] = key("help", "q Esc C-c", 4);  /* … and every key from back */
	s.nkeys = 2;
	assert_int_equal(keymap_new(&m, &s, &err), -1);
	assert_null(m);
	assert_string_equal(err.msg, "/etc/x.ini:4: [keys] help: takes the last key of \"back\", and a clerk could not leave a screen; give \"back\" a key");
	/* Giving back a key again on a later line is fine, and F10 still quits. */
	ks[2] = key("back", "b", 5);
	s.nkeys = 3;
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, UIK_F(10)), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, 'x'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, 'b'), ACTION_BACK);
	keymap_free(&m);
}

/* More than 256 bindings was reported as "no key given". */
static void test_many_bindings(void **state)
{
	struct key_setting ks[1];
	struct settings s;
	struct keymap *m = NULL;
	struct error err = { 0 };
	char list[8192] = "";
	int i;

	(void)state;
	for (i = 0x4e00; i < 0x4e00 + 600; i++) {
		char u[5] = { 0 };

		utf8_encode((uint32_t)i, u);
		strcat(list, u);
		strcat(list, " ");
	}
	settings_defaults(&s);
	s.keys = ks;
	s.nkeys = 1;
	ks[0] = key("down", list, 3);
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, 0x4e00 + 599), ACTION_DOWN);
	keymap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_names),
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_nameless_keys),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_action_has_a_default_key),
		cmocka_unit_test(test_rebinding),
		cmocka_unit_test(test_rebinding_errors),
		cmocka_unit_test(test_keys_cannot_trap_the_clerk),
		cmocka_unit_test(test_many_bindings),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
