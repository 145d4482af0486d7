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
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'j'), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, '?'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(1)), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, '/'), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'v'), ACTION_DOCUMENTS);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_ESC), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 0x03), ACTION_BACK); /* Ctrl-C cancels, as Esc */
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 0x1a), ACTION_SUSPEND);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'q' | UIK_PASTED), ACTION_NONE); /* pasted text is no command */
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'x'), ACTION_NONE);
	keymap_describe(m, KEYMAP_LIST, ACTION_DOWN, keys, sizeof keys);
	assert_string_equal(keys, "Down, j");
	keymap_describe(m, KEYMAP_LIST, ACTION_NONE, keys, sizeof keys);
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
		int map;

		assert_int_not_equal(action_keymaps((enum action)a), 0);
		for (map = 0; map < KEYMAP_COUNT; map++) {
			if (!(action_keymaps((enum action)a) & (1u << map)))
				continue;
			keymap_describe(m, (enum keymap_id)map, (enum action)a, keys, sizeof keys);
			if (keys[0] == '\0')
				fail_msg("action %s has no key in %s", action_name((enum action)a),
				         keymap_name((enum keymap_id)map));
		}
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
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'n'), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'j'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, '/'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(5)), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(10)), ACTION_QUIT); /* F10 always quits */
	keymap_describe(m, KEYMAP_LIST, ACTION_DOWN, keys, sizeof keys);
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
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(10)), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'x'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'b'), ACTION_BACK);
	keymap_free(&m);
}

/* A screen's keymap first, then the generic one. */
static void test_lookup_order(void **state)
{
	struct keymap *m;
	struct error err = { 0 };
	char keys[64];
	int map;

	(void)state;
	assert_int_equal(keymap_new(&m, NULL, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_DOWN), ACTION_NEXT_FIELD);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_TAB), ACTION_NEXT_FIELD);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_BTAB), ACTION_PREV_FIELD);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_UP), ACTION_PREV_FIELD);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_F(2)), ACTION_SAVE);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, 0x13), ACTION_SAVE); /* C-s */
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_ESC), ACTION_CANCEL);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, 0x03), ACTION_CANCEL);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, 'j'), ACTION_DOWN);   /* from the generic keymap */
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, '?'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_ESC), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, KEYMAP_GENERIC, UIK_DOWN), ACTION_DOWN);
	assert_int_equal(keymap_lookup(m, KEYMAP_GENERIC, '/'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, '/'), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, '/'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'v'), ACTION_DOCUMENTS);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'e'), ACTION_EDIT);
	assert_int_equal(keymap_lookup(m, KEYMAP_MENU, 'v'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_MENU, 'q'), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(2)), ACTION_NONE);
	for (map = 0; map < KEYMAP_COUNT; map++)
		assert_int_equal(keymap_lookup(m, (enum keymap_id)map, UIK_F(10)), ACTION_QUIT);
	/* Described as they reach the screen: the form's Up is not "up" there. */
	keymap_describe(m, KEYMAP_FORM, ACTION_UP, keys, sizeof keys);
	assert_string_equal(keys, "k");
	keymap_describe(m, KEYMAP_FORM, ACTION_PREV_FIELD, keys, sizeof keys);
	assert_string_equal(keys, "S-Tab, Up");
	keymap_describe(m, KEYMAP_FORM, ACTION_BACK, keys, sizeof keys);
	assert_string_equal(keys, "q");
	keymap_describe(m, KEYMAP_LIST, ACTION_SAVE, keys, sizeof keys);
	assert_string_equal(keys, "");
	assert_true(keymap_binds(m, KEYMAP_LIST, ACTION_SEARCH));
	assert_false(keymap_binds(m, KEYMAP_LIST, ACTION_DOWN));
	assert_int_equal(keymap_parse("form"), KEYMAP_FORM);
	assert_int_equal(keymap_parse("generic"), KEYMAP_GENERIC);
	assert_int_equal(keymap_parse("lists"), -1);
	assert_int_equal(keymap_parse(NULL), -1);
	assert_string_equal(keymap_name(KEYMAP_MENU), "menu");
	assert_null(keymap_name(KEYMAP_COUNT));
	keymap_free(&m);
}

static struct key_setting key(const char *action, const char *keys, int line);

/* keymap.action rebinds on that keymap's screens only; generic lines everywhere. */
static void test_keymap_rebinding(void **state)
{
	struct key_setting ks[7];
	struct settings s;
	struct keymap *m;
	struct error err = { 0 };
	char keys[64];

	(void)state;
	settings_defaults(&s);
	ks[0] = key("form.save", "F3", 2);
	ks[1] = key("list.add", "a n", 3);
	ks[2] = key("list.search", "F4", 4);  /* a keymap line before … */
	ks[3] = key("search", "F5", 5);       /* … a generic one still wins on its screens */
	ks[4] = key("detail.up", "x", 6);
	ks[5] = key("list.quit", "g", 7);
	ks[6] = key("generic.help", "h", 8);
	s.keys = ks;
	s.nkeys = 7;
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_F(3)), ACTION_SAVE);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_F(2)), ACTION_NONE); /* replaced */
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, 0x13), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(3)), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'n'), ACTION_ADD);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'a'), ACTION_ADD);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_INSERT), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'n'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(4)), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, UIK_F(5)), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, '/'), ACTION_NONE);
	keymap_describe(m, KEYMAP_LIST, ACTION_SEARCH, keys, sizeof keys);
	assert_string_equal(keys, "F4, F5");
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'x'), ACTION_UP);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'k'), ACTION_UP);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'x'), ACTION_NONE);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'g'), ACTION_QUIT);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'g'), ACTION_HOME);
	assert_int_equal(keymap_lookup(m, KEYMAP_MENU, 'h'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEYMAP_MENU, '?'), ACTION_NONE);
	keymap_free(&m);

	/* A generic line gives its key that meaning on every screen: s searches on the list too. */
	ks[0] = key("search", "s", 2);
	s.nkeys = 1;
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 's'), ACTION_SEARCH);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 's'), ACTION_SEARCH);
	keymap_describe(m, KEYMAP_LIST, ACTION_SORT, keys, sizeof keys);
	assert_string_equal(keys, "");
	keymap_free(&m);

	/* Restating back's defaults takes Esc from the form's cancel, and back leaves the form. */
	ks[0] = key("back", "q Esc C-c", 2);
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_ESC), ACTION_BACK);
	keymap_free(&m);
}

/* No keymap a screen uses may lose its way back; a form keeps a way out and a way to save. */
static void test_traps_per_keymap(void **state)
{
	static const struct {
		const char *action, *keys, *msg;
	} cases[] = {
		{ "list.help", "q Esc C-c",
		  "/etc/x.ini:3: [keys] list.help: takes the last key of \"back\" in the keymap \"list\", and a clerk could not leave its screens; give \"list.back\" a key" },
		{ "detail.help", "q, Esc, C-c",
		  "/etc/x.ini:3: [keys] detail.help: takes the last key of \"back\" in the keymap \"detail\", and a clerk could not leave its screens; give \"detail.back\" a key" },
		{ "menu.open", "q Esc C-c",
		  "/etc/x.ini:3: [keys] menu.open: takes the last key of \"back\" in the keymap \"menu\", and a clerk could not leave its screens; give \"menu.back\" a key" },
		{ "form.help", "Esc C-c q",
		  "/etc/x.ini:3: [keys] form.help: takes the last key of \"cancel\" and \"back\" in the keymap \"form\", and a clerk could not leave a form; give \"form.cancel\" a key" },
		{ "form.next_field", "F2 C-s Tab",
		  "/etc/x.ini:3: [keys] form.next_field: takes the last key of \"save\" in the keymap \"form\", and a clerk could not save a form; give \"form.save\" a key" },
		{ "help", "F2 C-s",
		  "/etc/x.ini:3: [keys] help: takes the last key of \"save\" in the keymap \"form\", and a clerk could not save a form; give \"form.save\" a key" },
		{ "form.save", "F10", "/etc/x.ini:3: [keys] form.save: F10 always quits hoso; choose another key" },
		{ "list.help", "F10", "/etc/x.ini:3: [keys] list.help: F10 always quits hoso; choose another key" },
	};
	struct key_setting ks[2];
	struct settings s;
	struct keymap *m = NULL;
	struct error err = { 0 };
	size_t i;
	int map;

	(void)state;
	settings_defaults(&s);
	s.keys = ks;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ks[0] = key(cases[i].action, cases[i].keys, 3);
		s.nkeys = 1;
		m = (struct keymap *)1;
		if (keymap_new(&m, &s, &err) != -1)
			fail_msg("[keys] %s = %s was taken", cases[i].action, cases[i].keys);
		assert_null(m);
		assert_string_equal(err.msg, cases[i].msg);
	}
	/* A later line that gives the keymap its key again makes it fine. */
	ks[0] = key("list.help", "q Esc C-c", 3);
	ks[1] = key("list.back", "b", 4);
	s.nkeys = 2;
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'b'), ACTION_BACK);
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 'q'), ACTION_HELP);
	assert_int_equal(keymap_lookup(m, KEYMAP_DETAIL, 'q'), ACTION_BACK);
	keymap_free(&m);
	ks[0] = key("form.help", "Esc C-c", 3); /* q still goes back from a form */
	ks[1] = key("save", "F9", 4);            /* save's keys elsewhere: F9 reaches forms */
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	assert_int_equal(keymap_lookup(m, KEYMAP_FORM, UIK_F(9)), ACTION_SAVE);
	keymap_free(&m);
	/* F10 quits on every screen whatever takes quit's keys. */
	ks[0] = key("quit", "x", 3);
	ks[1] = key("list.quit", "y", 4);
	assert_int_equal(keymap_new(&m, &s, &err), 0);
	for (map = 0; map < KEYMAP_COUNT; map++)
		assert_int_equal(keymap_lookup(m, (enum keymap_id)map, UIK_F(10)), ACTION_QUIT);
	keymap_free(&m);
}

/* A keymap name that is none is refused, with the file and line. */
static void test_bad_keymap_name(void **state)
{
	static const struct {
		const char *action, *msg;
	} cases[] = {
		{ "lsit.add", "/etc/x.ini:7: [keys] lsit.add: no keymap \"lsit\" (the keymaps are generic, list, detail, menu and form; see hoso.ini(5))" },
		{ ".add", "/etc/x.ini:7: [keys] .add: no keymap \"\" (the keymaps are generic, list, detail, menu and form; see hoso.ini(5))" },
		{ "form.fly", "/etc/x.ini:7: [keys] form.fly: no such action (see hoso.ini(5))" },
		{ "list.", "/etc/x.ini:7: [keys] list.: no such action (see hoso.ini(5))" },
		{ "list.form.save", "/etc/x.ini:7: [keys] list.form.save: no such action (see hoso.ini(5))" },
	};
	struct key_setting ks[1];
	struct settings s;
	struct keymap *m = NULL;
	struct error err = { 0 };
	size_t i;

	(void)state;
	settings_defaults(&s);
	s.keys = ks;
	s.nkeys = 1;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ks[0] = key(cases[i].action, "x", 7);
		assert_int_equal(keymap_new(&m, &s, &err), -1);
		assert_null(m);
		assert_string_equal(err.msg, cases[i].msg);
	}
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
	assert_int_equal(keymap_lookup(m, KEYMAP_LIST, 0x4e00 + 599), ACTION_DOWN);
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
		cmocka_unit_test(test_lookup_order),
		cmocka_unit_test(test_keymap_rebinding),
		cmocka_unit_test(test_traps_per_keymap),
		cmocka_unit_test(test_bad_keymap_name),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
