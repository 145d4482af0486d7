#ifndef HOSO_REPORT_LOAD_H
#define HOSO_REPORT_LOAD_H

/*
 * Fills a report (report.h) from the database: the items of a view (the
 * list's filters and search) counted as they were on the report's as-of
 * date, its overdue items, what each unit owes, the locality matrices and
 * what changed since the since-date. The items are streamed; what the
 * report keeps of them is bounded by the caps below.
 */

#include <stddef.h>

#include "error.h"
#include "itemquery.h"
#include "report.h"

struct store;

struct report_load_options {
	const struct item_filter *filter; /* NULL: every item */
	const char *today;                /* ISO: today's date (an earlier as-of date undoes what came after) */
	size_t overdue_cap;               /* the overdue items listed (0: all) */
	size_t changes_cap;               /* the changes listed (0: all) */
	size_t matrices_cap;              /* the locality matrices shown (0: all) */
	long matrix_rows_cap;             /* the rows of one matrix (0: all) */
};

/* The caps hoso report uses. */
#define REPORT_LOAD_OVERDUE_CAP 500
#define REPORT_LOAD_CHANGES_CAP 1000
#define REPORT_LOAD_MATRICES_CAP 20
#define REPORT_LOAD_MATRIX_ROWS_CAP 500

/*
 * The end of the ISO day iso in local time, as milliseconds since 1970
 * (the start of the next day); its start with start true. -1 when iso is
 * not a date.
 */
long long report_day_ms(const char *iso, int start);

/*
 * Fills r, whose header (report_set_header: the as-of and since dates) and
 * filters are set, from s as o says, and finishes it (report_finish).
 * When the as-of date is before o->today, each item's status, progress
 * and due date are those it had at the end of that day (the history after
 * it undone) and the items added after it are left out; the changes listed
 * are those from the since-date to the end of the as-of date. Returns 0, or
 * -1 with err set.
 */
int report_load(struct report *r, struct store *s, const struct report_load_options *o, struct error *err);

#endif
