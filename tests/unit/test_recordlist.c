/*
 * The records of a register or a pick list, read a page at a time: units in
 * Vietnamese order, items by number; the unarchived, the archived or both;
 * narrowed without regard to diacritics; paging forth and back meets every
 * record once.
 */
#include "config.h"

#include "unitdb.h"

#include "change.h"
#include "recordlist.h"
#include "seed.h"
#include "store.h"

static long count(enum record_kind k, enum reclist_mode m, const char *search)
{
	struct error err = { 0 };
	struct rec_pager *p;
	long n = -1;

	assert_int_equal(rec_pager_open(&p, s, k, m, search, &err), 0);
	assert_int_equal(rec_pager_count(p, &n, &err), 0);
	rec_pager_close(&p);
	return n;
}

/* Pages of 3 forward, then back from the end: every record once, in order both ways. */
static void pages_meet_every_record(void **state)
{
	struct error err = { 0 };
	struct rec_pager *p;
	struct rec_row page[3] = { 0 }, last = { 0 };
	char names[64][128];
	int n = 0, got, i, back;

	(void)state;
	assert_int_equal(rec_pager_open(&p, s, REC_UNIT, RECLIST_ACTIVE, NULL, &err), 0);
	got = rec_pager_first(p, page, 3, &err);
	while (got > 0) {
		for (i = 0; i < got && n < 64; i++)
			snprintf(names[n++], sizeof names[0], "%s", page[i].name);
		rec_row_copy(&last, &page[got - 1]);
		for (i = 0; i < 3; i++)
			rec_row_clear(&page[i]);
		got = rec_pager_next(p, &last, page, 3, &err);
	}
	assert_int_equal(got, 0);
	assert_int_equal(n, count(REC_UNIT, RECLIST_ACTIVE, NULL));
	/* Vietnamese order: "Bộ" after "Ban", "Ủy" at the end. */
	assert_string_equal(names[0], "Ban Chấp hành Đảng bộ thành phố Hải Phòng khóa XIV");
	assert_string_equal(names[n - 1], "Ủy ban nhân dân thành phố Hải Phòng");
	back = n;
	got = rec_pager_last(p, page, 3, &err);
	while (got > 0) {
		for (i = got - 1; i >= 0; i--)
			assert_string_equal(page[i].name, names[--back]);
		rec_row_clear(&last);
		rec_row_copy(&last, &page[0]);
		for (i = 0; i < 3; i++)
			rec_row_clear(&page[i]);
		got = rec_pager_prev(p, &last, page, 3, &err);
	}
	assert_int_equal(back, 0);
	rec_row_clear(&last);
	rec_pager_close(&p);
	rec_pager_close(&p);
}

static void search_and_archived(void **state)
{
	struct error err = { 0 };
	struct save_result res;
	struct rec_pager *p;
	struct rec_row row = { 0 }, again = { 0 };
	long units = count(REC_UNIT, RECLIST_ACTIVE, NULL);

	(void)state;
	assert_int_equal(count(REC_UNIT, RECLIST_ACTIVE, "so kh"), 1);
	assert_int_equal(count(REC_UNIT, RECLIST_ACTIVE, "SỞ KH"), 1);
	assert_int_equal(count(REC_LOCALITY, RECLIST_ACTIVE, "hai phong"), 2); /* and its industrial zone */
	assert_int_equal(count(REC_DOCUMENT, RECLIST_ACTIVE, "nghi quyet"), count(REC_DOCUMENT, RECLIST_ACTIVE, "nghị quyết"));
	assert_int_equal(count(REC_ITEM, RECLIST_ARCHIVED, NULL), 0);

	assert_int_equal(rec_pager_open(&p, s, REC_UNIT, RECLIST_ACTIVE, "cadence", &err), 0);
	assert_int_equal(rec_pager_first(p, &row, 1, &err), 1);
	assert_string_equal(row.name, "Cadence");
	assert_false(row.archived);
	assert_int_equal(record_archive(s, REC_UNIT, row.id, true, &res, &err), 0);
	assert_int_equal(res.outcome, SAVE_DONE);
	save_result_clear(&res);
	assert_int_equal(rec_pager_get(p, &row, &again, &err), 0); /* no longer listed */
	rec_pager_close(&p);
	assert_int_equal(count(REC_UNIT, RECLIST_ACTIVE, NULL), units - 1);
	assert_int_equal(count(REC_UNIT, RECLIST_ARCHIVED, NULL), 1);
	assert_int_equal(count(REC_UNIT, RECLIST_ALL, NULL), units);
	assert_int_equal(rec_pager_open(&p, s, REC_UNIT, RECLIST_ALL, "cadence", &err), 0);
	assert_int_equal(rec_pager_get(p, &row, &again, &err), 1);
	assert_true(again.archived);
	assert_int_equal(again.key, row.key); /* the same record keeps its key */
	rec_pager_close(&p);
	rec_row_clear(&row);
	rec_row_clear(&again);

	/* Items by number: the first rows are #1, #2 …; the key is the number. */
	assert_int_equal(rec_pager_open(&p, s, REC_ITEM, RECLIST_ACTIVE, NULL, &err), 0);
	assert_int_equal(rec_pager_first(p, &row, 1, &err), 1);
	assert_int_equal(row.no, 1);
	assert_int_equal(row.key, 1);
	rec_pager_close(&p);
	rec_row_clear(&row);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pages_meet_every_record),
		cmocka_unit_test(search_and_archived),
	};

	return cmocka_run_group_tests(tests, unitdb_setup, unitdb_teardown);
}
