#ifndef HOSO_DASHBOARD_H
#define HOSO_DASHBOARD_H

/*
 * The figures of the status screen, as a report (report.h) that fills in
 * while the clerk looks at it:
 *   - without a filter, the counts by status, kind, year and lead unit, the
 *     done items and the progress come at once from the counts the database
 *     keeps in the same transaction as each change (the tally table); what
 *     needs today's date (which open items are overdue, the overdue list,
 *     what each unit owes) is counted over the open items in steps;
 *   - with a filter or a search, every figure is counted in steps over the
 *     items of the view.
 * Each step reads a bounded number of items and may be interrupted (see
 * store_set_interrupt): the next step goes on where it stopped. The figures
 * shown change only when a whole count is done, never half-way.
 */

#include <stdbool.h>

#include "error.h"
#include "itemquery.h"
#include "report.h"
#include "settings.h"

struct store;

/* The overdue items a status screen lists. */
#define DASHBOARD_OVERDUE_CAP 200

/* The items with locality matrices a status screen lists. */
#define DASHBOARD_MATRICES_CAP 50

/* A pilot with sub-items, whose locality matrix can be opened. */
struct dashboard_matrix {
	long no;
	char *title;
};

struct dashboard;

/*
 * Prepares the figures of the items of filter f (NULL or empty: all) on the
 * day today, dates shown as style says. Without a filter, reads the kept
 * counts from s at once. Counting steps read from reader (a second
 * connection; may be s). Returns 0 and *out, or -1 with err set. Free with
 * dashboard_free.
 */
int dashboard_open(struct dashboard **out, struct store *s, struct store *reader, const struct item_filter *f,
                   const char *today, enum date_style style, struct error *err);

/* The figures as far as they are known (never NULL). */
const struct report *dashboard_report(const struct dashboard *d);

/* True when the counts by status, kind, year and unit are known (at once without a filter). */
bool dashboard_counts_known(const struct dashboard *d);

/* True when the overdue figures, the overdue items and what each unit owes are known. */
bool dashboard_overdue_known(const struct dashboard *d);

/* True when every figure is in, the overdue ones and the matrices included. */
bool dashboard_done(const struct dashboard *d);

/*
 * Counts up to max items more (at least one step of work). Returns 1 when
 * work is left, 0 when every figure is in, -1 with err set (an interrupt
 * included: the next call goes on).
 */
int dashboard_step(struct dashboard *d, int max, struct error *err);

/* The lead unit's key of a line of by_lead or of the debts, by its label; NULL when it has none. */
const char *dashboard_unit_id(const struct dashboard *d, const char *label);

/* The pilots with sub-items found so far (n of them), and how many more there are beyond the cap. */
const struct dashboard_matrix *dashboard_matrices(const struct dashboard *d, int *n, long *more);

/* Frees *d; sets it to NULL; accepts NULL. */
void dashboard_free(struct dashboard **d);

#endif
