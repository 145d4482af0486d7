#ifndef HOSO_ITEMSCAN_H
#define HOSO_ITEMSCAN_H

/*
 * The items a filter of the list selects (item_filter: statuses, kind,
 * year, lead unit, locality, search), read as a stream for counting: a
 * chunk at a time in a fixed order, resumed where the last chunk stopped,
 * so that a caller in idle time can stop between chunks and a report over a
 * million items holds one row at a time. Optionally as the items were at the
 * end of a past day: their status, progress and due date with the changes
 * made after it undone, and without the items added after it.
 */

#include <stdbool.h>

#include "error.h"
#include "itemquery.h"
#include "strbuf.h"
#include "uuid.h"

#include <sqlite3.h>

struct store;

/* One item as a scan reads it; the strings live until the next row. */
struct item_scan_row {
	long no;
	char id[UUID_LEN + 1];
	const char *code;      /* "" when none */
	const char *title;
	int kind;
	int status;            /* stored (as of the day, with ITEM_SCAN_AS_OF) */
	int progress;          /* 0..100, -1 when not known */
	char due[11];          /* ISO, "" when none */
	int year;              /* 0 when none */
	char lead_id[UUID_LEN + 1]; /* "" when none */
	const char *lead;      /* the lead unit's short name (else its name); "" when none */
	const char *locality;  /* with ITEM_SCAN_LOCALITY: its first locality's name, else "" */
};

enum item_scan_order {
	ITEM_SCAN_BY_NO,       /* every item of the filter, by number */
	ITEM_SCAN_OPEN,        /* only the open ones (planned, in progress, suspended), by status; no filter */
};

struct item_scan_options {
	enum item_scan_order order;
	const char *today;     /* ISO: what is overdue for the statuses filter */
	long long as_of_ms;    /* > 0: the state before this time (ms since 1970 UTC) */
	long parent_no;        /* > 0: only the sub-items of this item */
	long only_no;          /* > 0: only this item */
	bool locality;         /* fill row.locality */
};

struct item_scan;

/*
 * Prepares to read the items of filter f (NULL: every unarchived item) from
 * s as o says. Returns 0 and *out, or -1 with err set. Close with
 * item_scan_close.
 */
int item_scan_open(struct item_scan **out, struct store *s, const struct item_filter *f,
                   const struct item_scan_options *o, struct error *err);

/*
 * Reads up to max rows (max <= 0: all that are left), calling fn for each
 * (a non-zero return stops the scan with that value: -1 with err set by fn).
 * Returns 1 when rows remain, 0 when the scan is over, -1 with err set (an
 * interrupt of the store included: the next call reads the same rows
 * again).
 */
int item_scan_step(struct item_scan *sc, int max, int (*fn)(void *ctx, const struct item_scan_row *r),
                   void *ctx, struct error *err);

/* Frees *sc and its statements; sets *sc to NULL; accepts NULL. */
void item_scan_close(struct item_scan **sc);

/*
 * Appends to b the conditions of f on the item aliased i, each as
 * " AND …", statuses left out when with_status is false and the search
 * when with_search is false, with the named parameters :today, :kind,
 * :year, :unit, :loc and :q (the search, an FTS5 expression over
 * item_fts). use_indexes: SQLite may read the statuses through the status
 * and due-date indexes (for a query in another order than the number's;
 * in number order, reading the table in its order and testing each row is
 * quicker than sorting what an index finds). For the queries over the
 * items of a view (the scan, the stream of hoso list, the changes a report
 * lists). Returns 0, or -1 when out of memory.
 */
int item_filter_sql(const struct item_filter *f, bool with_status, bool with_search, bool use_indexes,
                    struct strbuf *b);

/*
 * Binds the parameters item_filter_sql named in st: f's values, today, and
 * the search's FTS5 expression fts (NULL: none). Returns 0, or -1 when f's
 * ids are not keys.
 */
int item_filter_bind(sqlite3_stmt *st, const struct item_filter *f, const char *today, const char *fts);

/* True when the shown status s (STATUS_OVERDUE included) passes f's statuses. */
bool item_filter_status_ok(const struct item_filter *f, int shown);

/*
 * A status or a progress as a history row keeps it (a number, a status's
 * code, "" for none): the status (1..STATUS_CANCELLED) or 0 when it is
 * none of them; the progress (0..100) or -1 when not known.
 */
int history_status_value(const char *v);
int history_progress_value(const char *v);

/* True when f selects anything less than every item. */
bool item_filter_active(const struct item_filter *f);

#endif
