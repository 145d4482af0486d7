/* Where files live: XDG directories, HOME, creating directories. */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#include "paths.h"

static void test_xdg_variables(void **state)
{
	struct error err = { 0 };
	char *p;

	(void)state;
	setenv("HOME", "/home/an", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	p = paths_app_dir("data", &err);
	assert_string_equal(p, "/data/hoso");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = paths_app_dir("data", &err);
	assert_string_equal(p, "/home/an/.local/share/hoso");
	free(p);
	setenv("XDG_DATA_HOME", "", 1);
	p = paths_app_dir("data", &err);
	assert_string_equal(p, "/home/an/.local/share/hoso");
	free(p);
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	p = paths_app_dir("data", &err);
	assert_string_equal(p, "/home/an/.local/share/hoso"); /* not absolute: ignored */
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = paths_app_dir("config", &err);
	assert_string_equal(p, "/home/an/.config/hoso");
	free(p);
	setenv("XDG_STATE_HOME", "/state", 1);
	p = paths_app_dir("state", &err);
	assert_string_equal(p, "/state/hoso");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = paths_app_dir("state", &err);
	assert_string_equal(p, "/home/an/.local/state/hoso");
	free(p);
	setenv("XDG_DATA_HOME", "/d", 1);
	p = paths_default_db(&err);
	assert_string_equal(p, "/d/hoso/hoso.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
}

static void test_home_unset_falls_back_to_passwd(void **state)
{
	struct error err = { 0 };
	char *p;

	(void)state;
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	p = paths_app_dir("data", &err);
	assert_non_null(p); /* the account's home from the password database */
	assert_int_equal(p[0], '/');
	assert_non_null(strstr(p, "/.local/share/hoso"));
	free(p);
	setenv("HOME", "relative", 1);
	p = paths_app_dir("data", &err);
	assert_non_null(p);
	assert_int_equal(p[0], '/');
	free(p);
}

static void test_mkdir_p(void **state)
{
	char *dir = unit_tmpdir(), path[1024];
	struct error err = { 0 };
	struct stat st;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/a/b/c", dir);
	assert_int_equal(paths_mkdir_p(path, 0700, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(paths_mkdir_p(path, 0700, &err), 0); /* already there */
	snprintf(path, sizeof path, "%s/file", dir);
	f = fopen(path, "w");
	fclose(f);
	snprintf(path, sizeof path, "%s/file/sub", dir);
	assert_int_equal(paths_mkdir_p(path, 0700, &err), -1);
	assert_non_null(strstr(err.msg, "cannot create the directory"));
	if (geteuid() != 0) {
		snprintf(path, sizeof path, "%s/locked", dir);
		mkdir(path, 0500);
		strcat(path, "/x");
		assert_int_equal(paths_mkdir_p(path, 0700, &err), -1);
		assert_non_null(strstr(err.msg, "Permission denied"));
		snprintf(path, sizeof path, "%s/locked", dir);
		chmod(path, 0700);
	}
	unit_rmdir(dir);
}

static void test_dirname_join(void **state)
{
	char *p;

	(void)state;
	p = paths_dirname("/a/b/c.db");
	assert_string_equal(p, "/a/b");
	free(p);
	p = paths_dirname("c.db");
	assert_string_equal(p, ".");
	free(p);
	p = paths_dirname("/c.db");
	assert_string_equal(p, "/");
	free(p);
	p = paths_join("/a/", "b");
	assert_string_equal(p, "/a/b");
	free(p);
	p = paths_join("/a", "b");
	assert_string_equal(p, "/a/b");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xdg_variables),
		cmocka_unit_test(test_home_unset_falls_back_to_passwd),
		cmocka_unit_test(test_mkdir_p),
		cmocka_unit_test(test_dirname_join),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
