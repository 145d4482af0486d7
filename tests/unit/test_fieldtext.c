/*
 * A field's value as a form shows it for editing: every field of every
 * seeded record comes back to the same value through field_parse; names
 * that would be misread (a ':' in a partner's name, a name two records
 * share) give a number or a key instead.
 */
#include "config.h"

#include "unitdb.h"

#include <sqlite3.h>

#include "change.h"
#include "fieldtext.h"
#include "record.h"
#include "seed.h"
#include "store.h"
#include "validate.h"

/* Every field of rec, shown for editing and parsed back, is the same value. */
static void round_trip(const struct record *rec, enum date_style style)
{
	int n, f;
	const struct field *fs = fields_of(rec->kind, &n);

	for (f = 0; f < n; f++) {
		struct error err = { 0 };
		char why[256] = "", *text, *back = NULL;
		const char *v = record_get(rec, f);

		if (fs[f].flags & F_HIDDEN)
			continue;
		text = field_edit_text(s, rec->kind, f, v, style);
		assert_non_null(text);
		if (field_parse(s, rec->kind, f, text, style, &back, why, sizeof why, &err) != 0)
			fail_msg("%s %s: '%s' is refused: %s%s", record_table(rec->kind), fs[f].name, text, why, err.msg);
		if (strcmp(back != NULL ? back : "", v != NULL ? v : "") != 0)
			fail_msg("%s %s: '%s' → '%s', not '%s'", record_table(rec->kind), fs[f].name, text,
			         back != NULL ? back : "", v != NULL ? v : "");
		free(text);
		free(back);
	}
}

static void every_kind(enum record_kind k, const char *sql, enum date_style style)
{
	sqlite3_stmt *st;
	struct error err = { 0 };
	int rows = 0;

	assert_int_equal(store_prepare(s, sql, &st, &err), 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char id[UUID_LEN + 1];
		struct record r;

		store_column_uuid(st, 0, id);
		assert_int_equal(record_load(s, k, id, &r, &err), 1);
		round_trip(&r, style);
		record_clear(&r);
		rows++;
	}
	sqlite3_finalize(st);
	assert_true(rows > 0);
}

static void seeded_records_round_trip(void **state)
{
	(void)state;
	every_kind(REC_ITEM, "SELECT id FROM item", DATE_DMY);
	every_kind(REC_ITEM, "SELECT id FROM item", DATE_ISO);
	every_kind(REC_DOCUMENT, "SELECT id FROM document", DATE_DMY);
	every_kind(REC_UNIT, "SELECT id FROM unit", DATE_DMY);
	every_kind(REC_LOCALITY, "SELECT id FROM locality", DATE_DMY);
}

static void set(struct record *r, const char *name, const char *typed)
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

static void shapes(void **state)
{
	struct record r;
	char *t;

	(void)state;
	record_init(&r, REC_ITEM);
	set(&r, "due", "31/12/2024");
	set(&r, "status", "in_progress");
	set(&r, "targets", "Kỹ sư | người | 1000 | 1200\nCông nhân|||3000");
	t = field_edit_text(s, REC_ITEM, F_ITEM_DUE, record_get(&r, F_ITEM_DUE), DATE_DMY);
	assert_string_equal(t, "31/12/2024");
	free(t);
	t = field_edit_text(s, REC_ITEM, F_ITEM_DUE, record_get(&r, F_ITEM_DUE), DATE_ISO);
	assert_string_equal(t, "2024-12-31");
	free(t);
	t = field_edit_text(s, REC_ITEM, F_ITEM_STATUS, record_get(&r, F_ITEM_STATUS), DATE_DMY);
	assert_string_equal(t, "In progress");
	free(t);
	t = field_edit_text(s, REC_ITEM, F_ITEM_TARGETS, record_get(&r, F_ITEM_TARGETS), DATE_DMY);
	assert_string_equal(t, "Kỹ sư | người | 1000 | 1200\nCông nhân |  |  | 3000");
	free(t);
	t = field_edit_text(s, REC_ITEM, F_ITEM_TITLE, NULL, DATE_DMY);
	assert_string_equal(t, "");
	free(t);
	record_clear(&r);
	round_trip(&r, DATE_DMY);
}

/* The canonical value (tab-separated parts) that typed gives for the targets. */
static char *targets_of(const char *typed)
{
	struct error err = { 0 };
	char why[256] = "", *v = NULL;

	if (field_parse(s, REC_ITEM, F_ITEM_TARGETS, typed, DATE_DMY, &v, why, sizeof why, &err) != 0)
		fail_msg("targets = '%s': %s%s", typed, why, err.msg);
	return v;
}

/*
 * A ';' in a target is text, not a second target; a '|' and a backslash in
 * a part are written escaped for the form and read back as they were; a
 * line as exports write it (tabs) is taken as it is.
 */
static void targets_with_separators(void **state)
{
	static const struct {
		const char *typed, *canonical, *shown;
	} cases[] = {
		{ "Kỹ sư; chuyên gia | người | 1000 | 1200", "Kỹ sư; chuyên gia\tngười\t1000\t1200\t\t",
		  "Kỹ sư; chuyên gia | người | 1000 | 1200" },
		{ "a;b\nc; d", "a;b\t\t\t\t\t\nc; d\t\t\t\t\t", "a;b\nc; d" },
		{ "Vi mạch \\| bán dẫn | chip", "Vi mạch | bán dẫn\tchip\t\t\t\t", "Vi mạch \\| bán dẫn | chip" },
		{ "C:\\dir\\\\\\x\\\\\\| | y", "C:\\dir\\\\x\\|\ty\t\t\t\t",
		  "C:\\dir\\\\\\x\\\\\\| | y" },
		{ "ends\\ | m", "ends\\\tm\t\t\t\t", "ends\\ | m" },
		{ "a | b | | | | n1 | n2", "a\tb\t\t\t\tn1 | n2", "a | b |  |  |  | n1 \\| n2" },
		{ "Kỹ sư | chuyên gia\tngười\t1000\t\t\t", "Kỹ sư | chuyên gia\tngười\t1000\t\t\t",
		  "Kỹ sư \\| chuyên gia | người | 1000" },
		{ "a\\b | m", "a\\b\tm\t\t\t\t", "a\\b | m" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *v = targets_of(cases[i].typed), *t, *back;

		if (strcmp(v, cases[i].canonical) != 0)
			fail_msg("case %zu: '%s' gives '%s', not '%s'", i, cases[i].typed, v, cases[i].canonical);
		t = field_edit_text(s, REC_ITEM, F_ITEM_TARGETS, v, DATE_DMY);
		if (strcmp(t, cases[i].shown) != 0)
			fail_msg("case %zu: shown '%s', not '%s'", i, t, cases[i].shown);
		back = targets_of(t);
		if (strcmp(back, v) != 0)
			fail_msg("case %zu: '%s' back as '%s', not '%s'", i, t, back, v);
		free(back);
		free(t);
		free(v);
	}
}

/* Adds a unit named name (short name short, may be NULL); its key into id. */
static void add_unit(const char *name, const char *short_name, char id[UUID_LEN + 1])
{
	struct error err = { 0 };
	struct save_result res;
	struct record u;

	record_init(&u, REC_UNIT);
	assert_int_equal(record_set(&u, F_UNIT_NAME, name), 0);
	assert_int_equal(record_set(&u, F_UNIT_SHORT, short_name), 0);
	assert_int_equal(record_save(s, NULL, &u, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	snprintf(id, UUID_LEN + 1, "%s", res.id);
	save_result_clear(&res);
	record_clear(&u);
}

/* Names that would be misread are typed by another name, a number or the key. */
static void awkward_names(void **state)
{
	struct error err = { 0 };
	struct save_result res;
	char colon[UUID_LEN + 1], tt1[UUID_LEN + 1], tt2[UUID_LEN + 1];
	struct record item, back;
	char *t, line[200];

	(void)state;
	add_unit("Ban: chỉ đạo", NULL, colon);
	add_unit("Trung tâm Một", "TT", tt1);
	add_unit("Trung tâm Hai", "TT", tt2);
	t = record_token(s, REC_UNIT, tt1, false);
	assert_string_equal(t, "Trung tâm Một"); /* "TT" finds two */
	free(t);
	t = record_token(s, REC_UNIT, colon, false);
	assert_string_equal(t, "Ban: chỉ đạo");
	free(t);
	t = record_token(s, REC_UNIT, colon, true);
	assert_string_equal(t, colon);
	free(t);
	t = record_token(s, REC_UNIT, "00000000-0000-4000-8000-000000000000", false);
	assert_string_equal(t, "00000000-0000-4000-8000-000000000000");
	free(t);
	t = record_token(s, REC_ITEM, "00000000-0000-4000-8000-000000000000", false);
	assert_string_equal(t, "00000000-0000-4000-8000-000000000000");
	free(t);

	record_init(&item, REC_ITEM);
	set(&item, "kind", "task");
	set(&item, "status", "planned");
	set(&item, "title", "Thử tên lạ");
	snprintf(line, sizeof line, "%s\n%s\tphối hợp\n%s", colon, tt1, tt2);
	assert_int_equal(record_set(&item, F_ITEM_PARTNERS, line), 0);
	assert_int_equal(record_save(s, NULL, &item, NULL, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	assert_int_equal(record_load(s, REC_ITEM, res.id, &back, &err), 1);
	round_trip(&back, DATE_DMY);
	t = field_edit_text(s, REC_ITEM, F_ITEM_PARTNERS, record_get(&back, F_ITEM_PARTNERS), DATE_DMY);
	assert_non_null(strstr(t, "Trung tâm Một: phối hợp"));
	assert_non_null(strstr(t, colon));
	free(t);
	save_result_clear(&res);
	record_clear(&item);
	record_clear(&back);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seeded_records_round_trip),
		cmocka_unit_test(shapes),
		cmocka_unit_test(targets_with_separators),
		cmocka_unit_test(awkward_names),
	};

	return cmocka_run_group_tests(tests, unitdb_setup, unitdb_teardown);
}
