/*
 * Drafts: written whole with mode 0600 in a directory of mode 0700, read
 * back as they were (Vietnamese, line breaks, tabs, backslashes, control
 * bytes), found per database and clerk; damaged, cut short, foreign and
 * future drafts refused with a reason, never half read.
 */
#include "config.h"

#include "unit.h"

#include <sys/stat.h>

#include "draft.h"

static char *dir;

static int setup(void **state)
{
	(void)state;
	unit_locale();
	dir = unit_tmpdir();
	return dir != NULL ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	unit_rmdir(dir);
	return 0;
}

static char *path_in(const char *name)
{
	char *p = NULL;

	assert_true(asprintf(&p, "%s/drafts/%s", dir, name) > 0);
	return p;
}

static void write_file(const char *path, const char *content)
{
	FILE *fp;

	mkdir(dir, 0700);
	{
		char *d = NULL;

		assert_true(asprintf(&d, "%s/drafts", dir) > 0);
		mkdir(d, 0700);
		free(d);
	}
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(content, fp);
	fclose(fp);
}

static void sample(struct draft *d)
{
	draft_init(d, REC_ITEM);
	d->db = strdup("/srv/hoso/chung.db");
	snprintf(d->login, sizeof d->login, "an");
	snprintf(d->id, sizeof d->id, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
	d->no = 12;
	d->version = 3;
	d->saved_ms = 1719730000123LL;
	record_set(&d->base, F_ITEM_TITLE, "Thạch cao phospho\tDAP");
	record_set(&d->base, F_ITEM_NOTES, "Dòng một\nDòng hai \\ gạch");
	d->typed[F_ITEM_TITLE] = strdup("Thạch cao phospho – Đình Vũ");
	d->typed[F_ITEM_NOTES] = strdup("a\\nb\nc\x01");
	d->typed[F_ITEM_CODE] = strdup("");
}

static void round_trip(void **state)
{
	struct error err = { 0 };
	struct draft d, back;
	char why[256] = "";
	char *path = path_in("x.draft");
	struct stat st;

	(void)state;
	sample(&d);
	assert_int_equal(draft_write(path, &d, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	{
		char *dd = path_in("");

		assert_int_equal(stat(dd, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0700);
		free(dd);
	}
	if (draft_read(path, &back, why, sizeof why) != 0)
		fail_msg("%s", why);
	assert_string_equal(back.db, d.db);
	assert_string_equal(back.login, "an");
	assert_int_equal(back.kind, REC_ITEM);
	assert_string_equal(back.id, d.id);
	assert_string_equal(back.base.id, d.id);
	assert_int_equal(back.no, 12);
	assert_int_equal(back.version, 3);
	assert_int_equal(back.base.version, 3);
	assert_true(back.saved_ms == 1719730000123LL);
	assert_string_equal(record_get(&back.base, F_ITEM_TITLE), "Thạch cao phospho\tDAP");
	assert_string_equal(record_get(&back.base, F_ITEM_NOTES), "Dòng một\nDòng hai \\ gạch");
	assert_null(record_get(&back.base, F_ITEM_CODE));
	assert_string_equal(back.typed[F_ITEM_TITLE], "Thạch cao phospho – Đình Vũ");
	assert_string_equal(back.typed[F_ITEM_NOTES], "a\\nb\nc\x01");
	assert_string_equal(back.typed[F_ITEM_CODE], "");
	assert_null(back.typed[F_ITEM_DUE]);
	assert_string_equal(back.path, path);
	draft_clear(&back);
	draft_clear(&back);
	draft_clear(&d);
	free(path);
}

/* A comment being written: its text, the item's key, number and title, and its own file. */
static void comment_round_trip(void **state)
{
	struct error err = { 0 };
	struct draft d, back;
	char why[256] = "";
	char *ddir = path_in(""), *path, *form;

	(void)state;
	path = draft_comment_file(ddir, "/srv/a.db", "1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
	form = draft_file(ddir, "/srv/a.db", REC_ITEM, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427", NULL);
	assert_non_null(strstr(path, "-comment-1b4e28ba-2fa1-4d2e-883f-0016d3cca427.draft"));
	assert_string_not_equal(path, form); /* a form and a comment on one item: two drafts */
	draft_init(&d, REC_ITEM);
	d.db = strdup("/srv/a.db");
	snprintf(d.login, sizeof d.login, "an");
	snprintf(d.id, sizeof d.id, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427");
	d.no = 7;
	record_set(&d.base, F_ITEM_TITLE, "Thạch cao");
	d.comment = strdup("Ý kiến; dòng một\ndòng hai\t\\");
	assert_int_equal(draft_write(path, &d, &err), 0);
	if (draft_read(path, &back, why, sizeof why) != 0)
		fail_msg("%s", why);
	assert_string_equal(back.comment, d.comment);
	assert_string_equal(back.id, d.id);
	assert_int_equal(back.no, 7);
	assert_string_equal(record_get(&back.base, F_ITEM_TITLE), "Thạch cao");
	draft_clear(&back);
	assert_null(back.comment);
	draft_clear(&d);
	sample(&d); /* a form's draft has no comment */
	assert_int_equal(draft_write(form, &d, &err), 0);
	assert_int_equal(draft_read(form, &back, why, sizeof why), 0);
	assert_null(back.comment);
	draft_clear(&back);
	draft_clear(&d);
	draft_remove(path);
	draft_remove(form);
	free(path);
	free(form);
	free(ddir);
}

/* Each damaged draft is refused with its reason. */
static void damaged(void **state)
{
	static const struct {
		const char *content, *why;
	} cases[] = {
		{ "", "empty" },
		{ "hello\n", "not a draft of hoso" },
		{ "hoso-draft 2\nend\n", "another version of hoso (format 2)" },
		{ "hoso-draft 1\ndb /x.db\nkind item\n", "cut short" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nend", "cut short" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title abc", "line 4: cut short" },
		{ "hoso-draft 1\ndb /x.db\nkind widget\nend\n", "'widget' is no kind of record" },
		{ "hoso-draft 1\ndb /x.db\ntyped title a\nkind item\nend\n", "a field before the kind" },
		{ "hoso-draft 1\ndb /x.db\nkind unit\ntyped title a\nend\n", "a unit has no field 'title'" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title a\\qb\nend\n", "line 4: a value that is damaged" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title a\\x0\nend\n", "line 4: a value that is damaged" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title a\\x00b\nend\n", "line 4: a value that is damaged" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title \xc3\x28\nend\n", "line 4: a value that is damaged" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ntyped title a\x1b[2J\nend\n", "line 4: a value that is damaged" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nid 12\nend\n", "'12' is not a key" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nversion -1\nend\n", "'-1' is not a number" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nversion 4\nend\n", "a version without a record" },
		{ "hoso-draft 1\nkind item\nend\n", "the database or the kind of record is missing" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nend\nmore\n", "line 5: something after the end" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ncolour red\nend\n", "unknown line 'colour'" },
		{ "hoso-draft 1\ndb /x.db\nkind item\nnokey\nend\n", "line 4: not 'key value'" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ncomment abc\nend\n", "a comment without its item" },
		{ "hoso-draft 1\ndb /x.db\nkind unit\nid 1b4e28ba-2fa1-4d2e-883f-0016d3cca427\ncomment abc\nend\n",
		  "a comment without its item" },
		{ "hoso-draft 1\ndb /x.db\nkind item\ncomment a\x07\nend\n", "line 4: a value that is damaged" },
	};
	char *path = path_in("bad.draft");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct draft d;
		char why[256] = "";

		write_file(path, cases[i].content);
		if (draft_read(path, &d, why, sizeof why) == 0)
			fail_msg("case %zu: read, not refused", i);
		if (strstr(why, cases[i].why) == NULL)
			fail_msg("case %zu: '%s', not '%s'", i, why, cases[i].why);
		assert_null(d.db);
		assert_null(d.path);
	}
	{
		/* A NUL byte inside a line. */
		FILE *fp = fopen(path, "w");
		struct draft d;
		char why[256] = "";

		fwrite("hoso-draft 1\ndb /x\0y\nkind item\nend\n", 1, 35, fp);
		fclose(fp);
		assert_int_equal(draft_read(path, &d, why, sizeof why), -1);
		assert_non_null(strstr(why, "NUL"));
	}
	{
		struct draft d;
		char why[256] = "";
		char *missing = path_in("none.draft");

		assert_int_equal(draft_read(missing, &d, why, sizeof why), -1);
		assert_non_null(strstr(why, "No such file"));
		free(missing);
		assert_int_equal(draft_read(dir, &d, why, sizeof why), -1); /* a directory */
	}
	free(path);
}

/* Found per database and clerk, oldest first; the damaged ones counted and named. */
static void finding(void **state)
{
	struct error err = { 0 };
	struct draft d, *found = NULL;
	char *ddir = path_in(""), note[512];
	char *p1, *p2, *p3, *p4, *bad;
	int n = -1, nbad = -1, i;

	(void)state;
	assert_int_equal(draft_find("/nonexistent/drafts", "/srv/a.db", "an", &found, &n, &nbad, note,
	                            sizeof note, &err), 0);
	assert_int_equal(n, 0);
	p1 = draft_file(ddir, "/srv/a.db", REC_ITEM, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427", NULL);
	p2 = draft_file(ddir, "/srv/a.db", REC_UNIT, NULL, "ab12");
	p3 = draft_file(ddir, "/srv/b.db", REC_ITEM, "1b4e28ba-2fa1-4d2e-883f-0016d3cca427", NULL);
	p4 = draft_file(ddir, "/srv/a.db", REC_LOCALITY, NULL, "cd34");
	assert_non_null(strstr(p2, "-unit-new-ab12.draft"));
	assert_string_not_equal(p1, p3);
	sample(&d);
	free(d.db);
	d.db = strdup("/srv/a.db");
	d.saved_ms = 20;
	assert_int_equal(draft_write(p1, &d, &err), 0);
	draft_clear(&d);
	draft_init(&d, REC_UNIT);
	d.db = strdup("/srv/a.db");
	snprintf(d.login, sizeof d.login, "an");
	d.saved_ms = 10;
	d.typed[F_UNIT_NAME] = strdup("Sở mới");
	assert_int_equal(draft_write(p2, &d, &err), 0);
	free(d.db);
	d.db = strdup("/srv/b.db");
	assert_int_equal(draft_write(p3, &d, &err), 0);
	free(d.db);
	d.db = strdup("/srv/a.db");
	snprintf(d.login, sizeof d.login, "binh");
	assert_int_equal(draft_write(p4, &d, &err), 0); /* another clerk's */
	draft_clear(&d);
	bad = strdup(p2);
	strcpy(strstr(bad, "-unit-new-ab12.draft"), "-item-new-ff.draft");
	write_file(bad, "hoso-draft 1\ndb /srv/a.db\n");
	assert_int_equal(draft_find(ddir, "/srv/a.db", "an", &found, &n, &nbad, note, sizeof note, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(found[0].kind, REC_UNIT);
	assert_string_equal(found[0].typed[F_UNIT_NAME], "Sở mới");
	assert_int_equal(found[1].kind, REC_ITEM);
	assert_int_equal(nbad, 1);
	assert_non_null(strstr(note, "-item-new-ff.draft: cut short"));
	for (i = 0; i < n; i++)
		draft_clear(&found[i]);
	free(found);
	assert_int_equal(draft_remove(p1), 0);
	assert_int_equal(draft_remove(p1), 0); /* gone already: no error */
	assert_int_equal(draft_find(ddir, "/srv/a.db", "an", &found, &n, &nbad, note, sizeof note, &err), 0);
	assert_int_equal(n, 1);
	draft_clear(&found[0]);
	free(found);
	free(p1);
	free(p2);
	free(p3);
	free(p4);
	free(bad);
	free(ddir);
}

/* A write that fails leaves the old draft whole. */
static void failed_write_keeps_old(void **state)
{
	struct error err = { 0 };
	struct draft d, back;
	char why[256];
	char *path = path_in("keep.draft"), *sub = NULL;

	(void)state;
	sample(&d);
	assert_int_equal(draft_write(path, &d, &err), 0);
	assert_true(asprintf(&sub, "%s/file/drafts/x.draft", dir) > 0);
	{
		char *file = path_in("../file");

		write_file(file, "not a directory");
		free(file);
	}
	assert_int_equal(draft_write(sub, &d, &err), -1);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(draft_read(path, &back, why, sizeof why), 0);
	draft_clear(&back);
	draft_clear(&d);
	free(sub);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(comment_round_trip),
		cmocka_unit_test(damaged),
		cmocka_unit_test(finding),
		cmocka_unit_test(failed_write_keeps_old),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
