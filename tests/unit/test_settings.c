/* The configuration: every key, every kind of bad file and value, precedence. */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#include "settings.h"

static char *dir;
static char warnings[4096];

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(warnings, msg, sizeof warnings - strlen(warnings) - 2);
	strcat(warnings, "\n");
}

static int setup(void **state)
{
	(void)state;
	dir = unit_tmpdir();
	warnings[0] = '\0';
	setenv("HOSO_SYSTEM_CONFIG", "/nonexistent/hoso.ini", 1);
	unsetenv("HOSO_DB");
	return dir == NULL;
}

static int teardown(void **state)
{
	(void)state;
	unit_rmdir(dir);
	return 0;
}

/* Writes text into dir/name and returns its path (static buffer). */
static const char *file(const char *name, const char *text)
{
	static char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_defaults(void **state)
{
	struct settings c;

	(void)state;
	settings_defaults(&c);
	assert_null(c.db_path);
	assert_int_equal(c.busy_timeout_ms, 5000);
	assert_int_equal(c.language, LANGUAGE_AUTO);
	assert_int_equal(c.theme, THEME_DEFAULT);
	assert_int_equal(c.colour, COLOUR_AUTO);
	assert_int_equal(c.date_format, DATE_DMY);
	assert_null(c.print_command);
	assert_int_equal(c.nkeys, 0);
	settings_free(&c);
}

static void test_every_key(void **state)
{
	struct settings c;
	struct error err = { 0 };
	const char *path = file("all.ini",
	                        "[database]\npath = /srv/hoso/h.db\nbusy_timeout = 010\n"
	                        "[ui]\nlanguage = VI\ntheme = light\ncolours = off\ndate_format = yyyy-mm-dd\n"
	                        "[print]\ncommand = \"lp -d office; echo x\"\n"
	                        "[keys]\ndown = n, Down\nSEARCH = F5\nForm.Save = F3\n");

	(void)state;
	settings_defaults(&c);
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), 0);
	assert_string_equal(c.db_path, "/srv/hoso/h.db");
	assert_string_equal(c.db_path_source, path);
	assert_int_equal(c.busy_timeout_ms, 10); /* decimal, not octal */
	assert_int_equal(c.language, LANGUAGE_VI);
	assert_int_equal(c.theme, THEME_LIGHT);
	assert_int_equal(c.colour, COLOUR_OFF);
	assert_int_equal(c.date_format, DATE_ISO);
	assert_string_equal(c.print_command, "lp -d office; echo x");
	assert_int_equal(c.nkeys, 3);
	assert_string_equal(c.keys[0].action, "down");
	assert_string_equal(c.keys[0].keys, "n, Down");
	assert_int_equal(c.keys[0].line, 12);
	assert_string_equal(c.keys[0].file, path);
	assert_string_equal(c.keys[1].action, "search");
	assert_int_equal(c.keys[1].line, 13);
	/* A keymap's line: lower-cased, the dot kept, its line found. */
	assert_string_equal(c.keys[2].action, "form.save");
	assert_string_equal(c.keys[2].keys, "F3");
	assert_int_equal(c.keys[2].line, 14);
	assert_string_equal(warnings, "");
	settings_free(&c);
}

static void test_bad_values(void **state)
{
	static const struct {
		const char *section, *key, *value, *what;
	} cases[] = {
		{ "database", "busy_timeout", "abc", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "-5", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "600001", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "99999999999999999999", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "0x10", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "1 0", "is not a whole number of milliseconds" },
		{ "database", "busy_timeout", "\"\"", "is empty" },
		{ "database", "path", "\"\"", "is empty" },
		{ "ui", "language", "fr", "is not a language hoso speaks" },
		{ "ui", "theme", "neon", "is not a theme" },
		{ "ui", "colours", "maybe", "should be auto, on or off" },
		{ "ui", "date_format", "mm/dd/yyyy", "is not a date format" },
		{ "print", "command", "\"\"", "is empty" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct settings c;
		struct error err = { 0 };
		char text[256], want[512];
		const char *path;

		snprintf(text, sizeof text, "; comment\n\n[%s]\n%s = %s\n", cases[i].section, cases[i].key, cases[i].value);
		path = file("bad.ini", text);
		settings_defaults(&c);
		c.busy_timeout_ms = 1234; /* kept when the file is refused */
		assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
		snprintf(want, sizeof want, "%s:4: [%s] %s: ", path, cases[i].section, cases[i].key);
		if (strncmp(err.msg, want, strlen(want)) != 0 || strstr(err.msg, cases[i].what) == NULL)
			fail_msg("[%s] %s = %s gave: %s", cases[i].section, cases[i].key, cases[i].value, err.msg);
		assert_int_equal(err.kind, ERROR_RUNTIME);
		assert_int_equal(c.busy_timeout_ms, 1234);
		settings_free(&c);
	}
}

static void test_syntax_errors(void **state)
{
	struct settings c;
	struct error err = { 0 };
	const char *path;
	char want[1200];

	(void)state;
	settings_defaults(&c);
	path = file("s1.ini", "[ui]\nlanguage = vi\n[ui\ntheme = mono\n");
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
	snprintf(want, sizeof want, "%s:3: syntax error", path);
	assert_int_equal(strncmp(err.msg, want, strlen(want)), 0);
	assert_int_equal(c.language, LANGUAGE_AUTO);

	path = file("s2.ini", "[ui]\njust words\n");
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
	snprintf(want, sizeof want, "%s:2: syntax error: \"just words\"", path);
	assert_int_equal(strncmp(err.msg, want, strlen(want)), 0);

	path = file("bom.ini", "\xef\xbb\xbf[ui]\nlanguage = vi\n");
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
	snprintf(want, sizeof want, "%s:1: the file starts with a byte-order mark; save it as UTF-8 without BOM", path);
	assert_string_equal(err.msg, want);
	settings_free(&c);
}

static void test_long_line(void **state)
{
	struct settings c;
	struct error err = { 0 };
	char *text = malloc(2000), want[1200];
	const char *path;

	(void)state;
	strcpy(text, "[print]\ncommand = ");
	memset(text + strlen(text), 'x', 1100);
	strcpy(text + 18 + 1100, "\n");
	path = file("long.ini", text);
	free(text);
	settings_defaults(&c);
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
	snprintf(want, sizeof want, "%s:2: the line is too long", path);
	assert_int_equal(strncmp(err.msg, want, strlen(want)), 0);
	settings_free(&c);
}

static void test_missing_unreadable_directory(void **state)
{
	struct settings c;
	struct error err = { 0 };
	char path[1024];

	(void)state;
	settings_defaults(&c);
	snprintf(path, sizeof path, "%s/none.ini", dir);
	assert_int_equal(settings_read_file(&c, path, false, &err, warn, NULL), 0);
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), -1);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	assert_int_equal(settings_read_file(&c, dir, true, &err, warn, NULL), -1);
	assert_non_null(strstr(err.msg, "it is a directory"));
	assert_int_equal(settings_read_file(&c, file("empty.ini", ""), true, &err, warn, NULL), 0);
	if (geteuid() != 0) {
		const char *secret = file("secret.ini", "[ui]\nlanguage = vi\n");

		chmod(secret, 0);
		assert_int_equal(settings_read_file(&c, secret, true, &err, warn, NULL), -1);
		assert_non_null(strstr(err.msg, "Permission denied"));
	}
	settings_free(&c);
}

static void test_unknown_keys_warned(void **state)
{
	struct settings c;
	struct error err = { 0 };
	const char *path = file("unk.ini", "[ui]\nlanguage = en\ncolour_scheme = blue\n[colours]\nx = 1\n");
	char want[1200];

	(void)state;
	settings_defaults(&c);
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), 0);
	assert_int_equal(c.language, LANGUAGE_EN);
	snprintf(want, sizeof want, "%s:3: unknown key 'colour_scheme' in [ui] (ignored)", path);
	assert_non_null(strstr(warnings, want));
	snprintf(want, sizeof want, "%s:4: unknown section [colours] (ignored)", path);
	assert_non_null(strstr(warnings, want));
	warnings[0] = '\0';
	path = file("outside.ini", "language = vi\n[ui]\n");
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), 0);
	assert_non_null(strstr(warnings, "'language' is outside any [section]"));
	settings_free(&c);
}

static void test_paths_in_values(void **state)
{
	struct settings c;
	struct error err = { 0 };
	char want[1200];

	(void)state;
	settings_defaults(&c);
	assert_int_equal(settings_read_file(&c, file("rel.ini", "[database]\npath = sub/h.db\n"), true, &err, warn, NULL), 0);
	snprintf(want, sizeof want, "%s/sub/h.db", dir);
	assert_string_equal(c.db_path, want);
	setenv("HOME", "/home/an", 1);
	assert_int_equal(settings_read_file(&c, file("home.ini", "[database]\npath = ~/hoso.db\n"), true, &err, warn, NULL), 0);
	assert_string_equal(c.db_path, "/home/an/hoso.db");
	settings_free(&c);
}

static void test_precedence(void **state)
{
	struct settings c;
	struct error err = { 0 };
	char cfgdir[1024], user[1024];

	(void)state;
	setenv("HOSO_SYSTEM_CONFIG", file("system.ini", "[ui]\nlanguage = en\ntheme = light\n[keys]\nup = k\n"), 1);
	snprintf(cfgdir, sizeof cfgdir, "%s/xdg", dir);
	mkdir(cfgdir, 0700);
	strcat(cfgdir, "/hoso");
	mkdir(cfgdir, 0700);
	snprintf(user, sizeof user, "%s/hoso.ini", cfgdir);
	{
		FILE *f = fopen(user, "w");

		fputs("[ui]\nlanguage = vi\n[keys]\nup = p\n", f);
		fclose(f);
	}
	snprintf(cfgdir, sizeof cfgdir, "%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", cfgdir, 1);
	settings_defaults(&c);
	assert_int_equal(settings_load(&c, NULL, &err, warn, NULL), 0);
	assert_int_equal(c.language, LANGUAGE_VI);   /* the user's file over the system's */
	assert_int_equal(c.theme, THEME_LIGHT);      /* what the user's file does not set stays */
	assert_int_equal(c.nkeys, 1);
	assert_string_equal(c.keys[0].keys, "p");    /* the last [keys] line for an action wins */
	assert_int_equal(settings_load(&c, file("explicit.ini", "[ui]\nlanguage = en\n[database]\npath = /x.db\n"), &err, warn, NULL), 0);
	assert_int_equal(c.language, LANGUAGE_EN);   /* --config over both */
	assert_string_equal(c.db_path, "/x.db");
	setenv("HOSO_DB", "/from/env.db", 1);
	assert_int_equal(settings_load(&c, NULL, &err, warn, NULL), 0);
	assert_string_equal(c.db_path, "/from/env.db"); /* HOSO_DB over the files */
	assert_string_equal(c.db_path_source, "HOSO_DB");
	unsetenv("HOSO_DB");
	assert_int_equal(settings_load(&c, "/nonexistent/explicit.ini", &err, warn, NULL), -1);
	settings_free(&c);
	unsetenv("XDG_CONFIG_HOME");
}

static void test_sample_loads_quietly(void **state)
{
	struct settings c;
	struct error err = { 0 };
	const char *top = getenv("top_srcdir");
	char path[1024];

	(void)state;
	if (top == NULL)
		skip();
	snprintf(path, sizeof path, "%s/data/hoso.ini", top);
	settings_defaults(&c);
	assert_int_equal(settings_read_file(&c, path, true, &err, warn, NULL), 0);
	assert_string_equal(warnings, "");
	assert_int_equal(c.busy_timeout_ms, 5000);
	settings_free(&c);
}

static void test_known_keys_in_the_sample(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[1024], *text;
	long n;
	FILE *f;
	int i;

	(void)state;
	if (top == NULL)
		skip();
	snprintf(path, sizeof path, "%s/data/hoso.ini", top);
	f = fopen(path, "r");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	for (i = 0; settings_known_keys[i] != NULL; i++) {
		const char *colon = strchr(settings_known_keys[i], ':');
		char section[64], key[128];

		snprintf(section, sizeof section, "[%.*s]", (int)(colon - settings_known_keys[i]), settings_known_keys[i]);
		snprintf(key, sizeof key, "; %s = ", colon + 1);
		assert_non_null(strstr(text, section));
		if (strcmp(colon + 1, "*") != 0 && strstr(text, key) == NULL)
			fail_msg("data/hoso.ini lacks %s", settings_known_keys[i]);
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_unreadable_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keys_warned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths_in_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_precedence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sample_loads_quietly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_known_keys_in_the_sample, setup, teardown),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
