/*
 * The write path: add, edit, two clerks at once (merge and conflict), a
 * stale version, checks, archive and restore, comments, undo and redo, and
 * that a failure half-way changes nothing.
 */
#include "config.h"

#include "unitdb.h"

#include <sqlite3.h>

#include "change.h"
#include "itemquery.h"
#include "record.h"
#include "search.h"
#include "seed.h"
#include "store.h"
#include "validate.h"

static long count(const char *sql)
{
	long n = -1;
	struct error err = { 0 };

	if (store_query_long(s, sql, &n, &err) != 0)
		fail_msg("%s: %s", sql, err.msg);
	return n;
}

/* Sets field name of r from typed text, as a form does. */
static void put(struct record *r, const char *name, const char *typed)
{
	struct error err = { 0 };
	char why[256], *v = NULL;
	int f;

	assert_non_null(field_named(r->kind, name, &f));
	if (field_parse(s, r->kind, f, typed, DATE_DMY, &v, why, sizeof why, &err) != 0)
		fail_msg("%s = '%s': %s%s", name, typed, why, err.msg);
	assert_int_equal(record_set(r, f, v), 0);
	free(v);
}

static void load_no(long no, struct record *r)
{
	struct error err = { 0 };

	assert_int_equal(record_load_no(s, REC_ITEM, no, r, &err), 1);
}

/* Adds an item and returns its number. */
static long add_item(const char *title)
{
	struct record r;
	struct save_result res;
	struct error err = { 0 };
	long no;

	record_init(&r, REC_ITEM);
	put(&r, "kind", "task");
	put(&r, "title", title);
	put(&r, "status", "planned");
	assert_int_equal(record_save(s, NULL, &r, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	no = res.no;
	save_result_clear(&res);
	record_clear(&r);
	return no;
}

static void test_add_and_edit(void **state)
{
	struct record r, base, mine;
	struct save_result res;
	struct error err = { 0 };
	long before = count("SELECT n FROM tally WHERE dim = 'all'");
	long no;

	(void)state;
	record_init(&r, REC_ITEM);
	put(&r, "kind", "pilot");
	put(&r, "title", "  Thí điểm chuyển đổi số ở Tiên Lãng  ");
	put(&r, "status", "in progress");
	put(&r, "lead_unit", "Sở KH&CN Hải Phòng");
	put(&r, "partners", "NIC: phối hợp; Cadence");
	put(&r, "start", "1/3/2024");
	put(&r, "due", "31/12/2024");
	put(&r, "progress", "25%");
	put(&r, "targets", "Xã áp dụng | xã | 10 | 12 |  | ");
	assert_int_equal(record_save(s, NULL, &r, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	assert_int_equal(res.version, 1);
	assert_true(res.no > 42);
	no = res.no;
	save_result_clear(&res);
	record_clear(&r);

	/* Stored as typed, checked and made canonical; counted and searchable at once. */
	load_no(no, &base);
	assert_string_equal(record_get(&base, F_ITEM_TITLE), "Thí điểm chuyển đổi số ở Tiên Lãng");
	assert_string_equal(record_get(&base, F_ITEM_STATUS), "in_progress");
	assert_string_equal(record_get(&base, F_ITEM_START), "2024-03-01");
	assert_string_equal(record_get(&base, F_ITEM_PROGRESS), "25");
	assert_non_null(strstr(record_get(&base, F_ITEM_PARTNERS), "\tphối hợp"));
	assert_string_equal(record_get(&base, F_ITEM_TARGETS), "Xã áp dụng\txã\t10\t12\t\t");
	assert_int_equal(count("SELECT n FROM tally WHERE dim = 'all'"), before + 1);
	assert_int_equal(count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'tien* lang*'"), 1);
	/* One change, one history row per field set. */
	assert_int_equal(count("SELECT count(*) FROM change c JOIN item i ON i.id = c.entity_id"
	                       " WHERE i.title = 'Thí điểm chuyển đổi số ở Tiên Lãng' AND c.what = 'add' AND c.login = 'an'"),
	                 1);
	assert_int_equal(count("SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id"
	                       " JOIN item i ON i.id = c.entity_id WHERE i.title = 'Thí điểm chuyển đổi số ở Tiên Lãng'"),
	                 9);

	/* An edit: the version moves, only the changed fields go into the history. */
	record_init(&mine, REC_ITEM);
	assert_int_equal(record_copy(&mine, &base), 0);
	put(&mine, "title", "Thí điểm chuyển đổi số ở Kiến Thụy");
	put(&mine, "progress", "");
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	assert_int_equal(res.version, 2);
	assert_int_equal(count("SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id"
	                       " WHERE c.id = (SELECT id FROM change ORDER BY at DESC LIMIT 1)"),
	                 2);
	assert_int_equal(count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'kien* thuy*'"), 1);
	assert_int_equal(count("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'tien* lang*'"), 0);
	save_result_clear(&res);
	/* Saving the same again writes nothing. */
	record_clear(&base);
	load_no(no, &base);
	assert_int_equal(record_save(s, &base, &base, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_UNCHANGED);
	save_result_clear(&res);
	record_clear(&base);
	record_clear(&mine);
}

static void test_refused_values(void **state)
{
	static const struct {
		const char *field, *typed, *why;
	} bad[] = {
		{ "due", "31/02/2024", "not a day of the calendar" },
		{ "due", "tomorrow", "not a date" },
		{ "progress", "101", "0 to 100" },
		{ "progress", "-1", "0 to 100" },
		{ "year", "1850", "1900 to 2200" },
		{ "status", "finished", "not one of" },
		{ "lead_unit", "Bộ Không Có", "no unit called" },
		{ "title", "Tiêu đề\x1b]0;x\x07", "control character" },
		{ "title", "Hai\ndòng", "one line" },
		{ "targets", "Kỹ sư | người | 1200 | 1000 |  | ", "minimum (1200) is above the maximum (1000)" },
	};
	struct error err = { 0 };
	char why[256], *v;
	size_t i;
	int f;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = NULL;
		assert_non_null(field_named(REC_ITEM, bad[i].field, &f));
		if (field_parse(s, REC_ITEM, f, bad[i].typed, DATE_DMY, &v, why, sizeof why, &err) != -1)
			fail_msg("%s = '%s' was taken", bad[i].field, bad[i].typed);
		if (strstr(why, bad[i].why) == NULL)
			fail_msg("%s = '%s': '%s' does not say '%s'", bad[i].field, bad[i].typed, why, bad[i].why);
		assert_null(v);
	}
}

static void test_record_checks(void **state)
{
	struct record r, base;
	struct save_result res;
	struct error err = { 0 };
	long changes = count("SELECT count(*) FROM change");
	bool due = false, code = false, title = false;
	int i;

	(void)state;
	record_init(&r, REC_ITEM);
	put(&r, "kind", "task");
	put(&r, "status", "planned");
	put(&r, "start", "01/06/2024");
	put(&r, "due", "01/05/2024");
	put(&r, "code", "tcvn iso 18091:2020"); /* another item has it, in other case */
	assert_int_equal(record_save(s, NULL, &r, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_INVALID);
	for (i = 0; i < res.nerrors; i++) {
		due = due || (res.errors[i].field == F_ITEM_DUE && strstr(res.errors[i].msg, "due before it starts"));
		code = code || (res.errors[i].field == F_ITEM_CODE && strstr(res.errors[i].msg, "already has"));
		title = title || (res.errors[i].field == F_ITEM_TITLE && strstr(res.errors[i].msg, "cannot be empty"));
	}
	assert_true(due && code && title);
	assert_int_equal(count("SELECT count(*) FROM change"), changes); /* nothing saved */
	save_result_clear(&res);
	record_clear(&r);

	/* A parent that would make a cycle: the pilot under one of its own localities. */
	load_no(13, &base);
	record_init(&r, REC_ITEM);
	assert_int_equal(record_copy(&r, &base), 0);
	put(&r, "parent", "14");
	assert_int_equal(record_save(s, &base, &r, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_INVALID);
	assert_int_equal(res.errors[0].field, F_ITEM_PARENT);
	save_result_clear(&res);
	record_clear(&r);
	record_clear(&base);
}

/* Two clerks edit one item: fields only one changed merge; the same field is a conflict. */
static void test_two_clerks(void **state)
{
	struct record base, a, b;
	struct save_result res;
	struct error err = { 0 };
	long no = add_item("Hai cán bộ cùng sửa");

	(void)state;
	load_no(no, &base);
	record_init(&a, REC_ITEM);
	record_init(&b, REC_ITEM);
	record_copy(&a, &base);
	record_copy(&b, &base);
	put(&a, "progress", "30");
	put(&b, "notes", "Ghi chú của cán bộ B");
	assert_int_equal(record_save(s, &base, &a, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	save_result_clear(&res);
	/* B started from the same version: different fields merge. */
	assert_int_equal(record_save(s, &base, &b, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	assert_int_equal(res.version, 3);
	save_result_clear(&res);
	record_clear(&a);
	load_no(no, &a);
	assert_string_equal(record_get(&a, F_ITEM_PROGRESS), "30");
	assert_string_equal(record_get(&a, F_ITEM_NOTES), "Ghi chú của cán bộ B");
	record_clear(&a);
	/* Now both change the progress from the old base: a conflict, nothing written. */
	record_clear(&b);
	record_init(&b, REC_ITEM);
	record_copy(&b, &base);
	put(&b, "progress", "60");
	assert_int_equal(record_save(s, &base, &b, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_CONFLICT);
	assert_int_equal(res.nconflicts, 1);
	assert_int_equal(res.conflicts[0], F_ITEM_PROGRESS);
	assert_string_equal(record_get(&res.theirs, F_ITEM_PROGRESS), "30");
	assert_int_equal(res.theirs.version, 3);
	save_result_clear(&res);
	/* Strict (hoso set --if-version): any move of the version is refused. */
	put(&b, "progress", "30");
	put(&b, "year", "2024");
	assert_int_equal(record_save(s, &base, &b, &(struct save_options){ NULL, true, false }, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_STALE);
	save_result_clear(&res);
	record_clear(&a);
	load_no(no, &a);
	assert_null(record_get(&a, F_ITEM_YEAR));
	record_clear(&a);
	record_clear(&b);
	record_clear(&base);
}

static void test_archive_restore(void **state)
{
	struct record r;
	struct save_result res;
	struct error err = { 0 };
	long no = add_item("Sẽ lưu trữ"), all = count("SELECT n FROM tally WHERE dim = 'all'");

	(void)state;
	load_no(no, &r);
	assert_int_equal(record_archive(s, REC_ITEM, r.id, true, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	save_result_clear(&res);
	assert_int_equal(count("SELECT n FROM tally WHERE dim = 'all'"), all - 1);
	assert_int_equal(count("SELECT count(*) FROM change WHERE what = 'archive'"), 1);
	assert_int_equal(record_archive(s, REC_ITEM, r.id, true, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_UNCHANGED);
	save_result_clear(&res);
	assert_int_equal(record_archive(s, REC_ITEM, r.id, false, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	save_result_clear(&res);
	assert_int_equal(count("SELECT n FROM tally WHERE dim = 'all'"), all);
	record_clear(&r);
}

static void test_undo_redo(void **state)
{
	struct record base, mine, r;
	struct save_result res;
	struct undo_result u;
	struct error err = { 0 };
	long no;

	(void)state;
	store_set_login(s, "binh"); /* a clerk of her own: an's changes are not hers */
	no = add_item("Hoàn tác thử");
	load_no(no, &base);
	record_init(&mine, REC_ITEM);
	record_copy(&mine, &base);
	put(&mine, "status", "done");
	put(&mine, "progress", "100");
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), 0);
	save_result_clear(&res);
	/* u: the edit goes back, as a change of its own. */
	assert_int_equal(change_undo(s, false, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	assert_int_equal(u.no, no);
	load_no(no, &r);
	assert_string_equal(record_get(&r, F_ITEM_STATUS), "planned");
	assert_null(record_get(&r, F_ITEM_PROGRESS));
	record_clear(&r);
	assert_int_equal(count("SELECT count(*) FROM change WHERE login = 'binh' AND what = 'undo'"), 1);
	/* u again: the add goes back: the item is archived, its history kept. */
	assert_int_equal(change_undo(s, false, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	load_no(no, &r);
	assert_string_equal(record_get(&r, F_ITEM_ARCHIVED), "1");
	record_clear(&r);
	/* Redo twice: back to done. */
	assert_int_equal(change_undo(s, true, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	assert_int_equal(change_undo(s, true, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	load_no(no, &r);
	assert_null(record_get(&r, F_ITEM_ARCHIVED));
	assert_string_equal(record_get(&r, F_ITEM_STATUS), "done");
	record_clear(&r);
	assert_int_equal(change_undo(s, true, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_NOTHING);

	/* Another clerk changes the same field since: undo asks first. */
	store_set_login(s, "an");
	record_clear(&base);
	load_no(no, &base);
	record_clear(&mine);
	record_init(&mine, REC_ITEM);
	record_copy(&mine, &base);
	put(&mine, "progress", "90");
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), 0);
	save_result_clear(&res);
	store_set_login(s, "binh");
	assert_int_equal(change_undo(s, false, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_OVERWRITES);
	assert_string_equal(u.other_login, "an");
	assert_string_equal(u.other_field, "progress");
	load_no(no, &r);
	assert_string_equal(record_get(&r, F_ITEM_PROGRESS), "90"); /* untouched */
	record_clear(&r);
	assert_int_equal(change_undo(s, false, true, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	load_no(no, &r);
	assert_null(record_get(&r, F_ITEM_PROGRESS));
	record_clear(&r);
	/* A new save clears what could be redone. */
	record_clear(&base);
	load_no(no, &base);
	record_clear(&mine);
	record_init(&mine, REC_ITEM);
	record_copy(&mine, &base);
	put(&mine, "year", "2025");
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), 0);
	save_result_clear(&res);
	assert_int_equal(change_undo(s, true, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_NOTHING);
	record_clear(&base);
	record_clear(&mine);
	store_set_login(s, "an");
}

static void test_comments(void **state)
{
	struct error err = { 0 };
	struct undo_result u;
	struct record r;
	char change_id[UUID_LEN + 1], why[256];

	(void)state;
	store_set_login(s, "chi");
	load_no(1, &r);
	assert_int_equal(comment_add(s, r.id, "", change_id, why, sizeof why, &err), 1);
	assert_int_equal(comment_add(s, r.id, "Đã gửi\x1b[31m", change_id, why, sizeof why, &err), 1);
	assert_non_null(strstr(why, "control character"));
	assert_int_equal(comment_add(s, r.id, "Đã gửi văn bản\ncho Sở", change_id, why, sizeof why, &err), 0);
	assert_int_equal(count("SELECT count(*) FROM comment WHERE body = 'Đã gửi văn bản' || char(10) || 'cho Sở'"), 1);
	assert_int_equal(change_undo(s, false, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	assert_int_equal(count("SELECT count(*) FROM comment WHERE login = 'chi'"), 0);
	assert_int_equal(change_undo(s, true, false, &u, &err), 0);
	assert_int_equal(u.outcome, UNDO_DONE);
	assert_int_equal(count("SELECT count(*) FROM comment WHERE login = 'chi'"), 1);
	record_clear(&r);
	store_set_login(s, "an");
}

/* A failure half-way (the search index refusing, a full disk) changes nothing. */
static void test_failure_changes_nothing(void **state)
{
	struct record base, mine, r;
	struct save_result res;
	struct error err = { 0 };
	long no = add_item("Không được thay đổi"), changes;

	(void)state;
	load_no(no, &base);
	record_init(&mine, REC_ITEM);
	record_copy(&mine, &base);
	put(&mine, "title", "Đã thay đổi");
	changes = count("SELECT count(*) FROM change");
	assert_int_equal(store_exec(s, "CREATE TEMP TRIGGER stop AFTER INSERT ON change"
	                               " BEGIN SELECT RAISE(ABORT, 'stopped'); END", &err), 0);
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), -1);
	assert_non_null(strstr(err.msg, "stopped"));
	save_result_clear(&res);
	assert_int_equal(store_exec(s, "DROP TRIGGER stop", &err), 0);
	load_no(no, &r);
	assert_string_equal(record_get(&r, F_ITEM_TITLE), "Không được thay đổi");
	assert_int_equal(r.version, 1);
	record_clear(&r);
	assert_int_equal(count("SELECT count(*) FROM change"), changes);
	/* A full disk: the file may not grow. */
	assert_int_equal(store_exec(s, "PRAGMA max_page_count = 1", &err), 0);
	{
		char notes[3 * 3900 + 1];
		int i;

		for (i = 0; i < 3900; i++)
			memcpy(notes + 3 * i, "\xe1\xbb\x87", 3); /* ệ: the file must grow */
		notes[3 * 3900] = '\0';
		put(&mine, "notes", notes);
	}
	assert_int_equal(record_save(s, &base, &mine, NULL, &res, &err), -1);
	assert_non_null(strstr(err.msg, "disk is full"));
	save_result_clear(&res);
	assert_int_equal(store_exec(s, "PRAGMA max_page_count = 1073741823", &err), 0);
	load_no(no, &r);
	assert_string_equal(record_get(&r, F_ITEM_TITLE), "Không được thay đổi");
	record_clear(&r);
	record_clear(&base);
	record_clear(&mine);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_edit),
		cmocka_unit_test(test_refused_values),
		cmocka_unit_test(test_record_checks),
		cmocka_unit_test(test_two_clerks),
		cmocka_unit_test(test_archive_restore),
		cmocka_unit_test(test_undo_redo),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_failure_changes_nothing),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, unitdb_setup, unitdb_teardown);
}
