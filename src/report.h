#ifndef HOSO_REPORT_H
#define HOSO_REPORT_H

/*
 * A status report for a review meeting, as plain data: what the renderers
 * (report_write_text, report_write_html, report_write_pdf) show, filled by
 * whoever reads the database. No SQL and no screen here.
 *
 * A report owns every string in it (copied when added). Dates are ISO
 * (YYYY-MM-DD, "" when not known) and shown as date_style says; statuses and
 * kinds are the numbers of refdata.h, named at rendering time. Text from the
 * database is kept as it is: each renderer makes it inert in its own way.
 *
 * Filling it:
 *   struct report *r = report_new(DATE_DMY);
 *   report_set_header(r, programme, clerk, as_of, since, generated);
 *   report_set_filters(r, 0, 0, 0, NULL);
 *   for each item:           report_tally(r, &item);
 *   for each locality matrix: m = report_add_matrix(r, no, title);
 *                             report_matrix_add_row(m, ...) for each locality;
 *   for each change since:   report_add_change(r, ...);
 *   report_finish(r);        (sorts; the renderers expect it)
 *   report_write_text(r, stdout, 80, &err);
 *   report_free(&r);
 * The lines, overdue items and debts can also be added one by one
 * (report_add_line, report_add_overdue, report_add_debt) instead of tallied.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "error.h"
#include "settings.h"

#define REPORT_NO_PROGRESS (-1) /* progress not known */

/* One line of counts: a status, a kind, a year, a lead unit, or the whole programme. */
struct report_line {
	int key;        /* the status, the kind or the year (0: none); 0 for a unit (-1: none) and the total */
	char *label;    /* as shown */
	long items;
	long done;      /* of which done */
	long overdue;   /* of which overdue (open and past the due date on the as-of date) */
	long progress_sum;   /* sum of the known progresses, */
	long progress_known; /* over this many items */
};

/* A list of lines, in the order shown. */
struct report_lines {
	struct report_line *v;
	size_t n, cap;
};

/* An item past its due date on the as-of date and not done. */
struct report_overdue {
	long no;        /* the item's number */
	char *code;     /* NULL when it has none */
	char *title;
	char *lead;     /* the lead unit, NULL when none */
	char due[11];   /* ISO */
	long days_late;
};

/* What one unit owes: its open items, of which overdue. */
struct report_debt {
	char *unit;
	long open;
	long overdue;
};

/* One locality's sub-item of a matrix. */
struct report_locality {
	long no;        /* the sub-item's number */
	char *locality;
	int status;     /* as shown: STATUS_OVERDUE when overdue */
	int progress;   /* 0..100 or REPORT_NO_PROGRESS */
	char due[11];   /* ISO or "" */
	char *lead;     /* NULL when none */
};

/* An item run in several localities, a row per locality, and their totals. */
struct report_matrix {
	long no;
	char *title;
	struct report_locality *rows;
	size_t n, cap;
	struct report_line total; /* label NULL: counts over the rows */
};

enum report_change_kind {
	REPORT_CHANGE_ADDED,    /* the item was added */
	REPORT_CHANGE_STATUS,   /* status from -> to (statuses as stored) */
	REPORT_CHANGE_PROGRESS, /* progress from -> to (REPORT_NO_PROGRESS: not known) */
	REPORT_CHANGE_DOCUMENT, /* a document was issued for the item: document */
};

/* One change since the since-date. */
struct report_change {
	char date[11];  /* ISO */
	long no;
	char *title;
	enum report_change_kind what;
	int from, to;
	char *document; /* REPORT_CHANGE_DOCUMENT: the document's name; else NULL */
};

/* The filters the report was made with; 0 or NULL where none. */
struct report_filters {
	int status;     /* 1..STATUS_MAX */
	unsigned statuses; /* several statuses: bit 1 << status (see report_set_statuses); 0: status alone */
	int kind;       /* 1..KIND_MAX */
	int year;
	char *search;
};

struct report {
	enum date_style date_style;
	char *programme;      /* the programme's title ("" when not known) */
	char *clerk;          /* the login name of whoever made it */
	char as_of[11];       /* ISO */
	char since[11];       /* ISO, "" when none */
	char generated[17];   /* "YYYY-MM-DD HH:MM", local time */
	struct report_filters filters;

	struct report_lines by_status; /* every status from report_new on, overdue included */
	struct report_lines by_kind;   /* kinds present, in kind order */
	struct report_lines by_year;   /* years present, oldest first; key 0: no year */
	struct report_lines by_lead;   /* lead units present, in Vietnamese order; no unit last */
	struct report_line total;      /* the whole programme (label NULL) */

	struct report_overdue *overdue; /* worst first after report_finish */
	size_t n_overdue, cap_overdue;
	struct report_debt *debts;      /* most overdue first after report_finish */
	size_t n_debts, cap_debts;
	struct report_matrix *matrices;
	size_t n_matrices, cap_matrices;
	struct report_change *changes;  /* oldest first after report_finish */
	size_t n_changes, cap_changes;

	/*
	 * Bounds for a large file: with overdue_cap > 0 the overdue list keeps
	 * the overdue_cap worst items, and overdue_more counts the others; the
	 * filler counts in changes_more and matrices_more what it left out.
	 * The renderers say "and N more" under each list.
	 */
	size_t overdue_cap;
	long overdue_more;
	long changes_more;
	long matrices_more;

	bool failed; /* memory ran out while filling: report_finish says so */
};

/* One item as report_tally reads it; the strings are copied where kept. */
struct report_item {
	long no;
	const char *code;  /* NULL or "" when none */
	const char *title;
	int kind;          /* 1..KIND_MAX */
	int status;        /* as stored: 1..STATUS_CANCELLED */
	int progress;      /* 0..100 or REPORT_NO_PROGRESS */
	const char *due;   /* ISO, NULL or "" when none */
	const char *lead;  /* the lead unit's name, NULL when none */
	int year;          /* 0 when none */
};

/* A new empty report showing dates as style says; NULL when out of memory. Free with report_free. */
struct report *report_new(enum date_style style);

/* Frees *r and everything it owns, and sets *r to NULL; accepts NULL and *r NULL. */
void report_free(struct report **r);

/*
 * Sets the header: the programme's title, the clerk, the as-of date (ISO),
 * the since-date (ISO, NULL or "" for none) and the generation time
 * (generated, read as local time). Returns 0, or -1 with err set when a date
 * is not an ISO date or memory runs out.
 */
int report_set_header(struct report *r, const char *programme, const char *clerk, const char *as_of,
                      const char *since, time_t generated, struct error *err);

/* Records the filters (0 or NULL where none). Returns 0, or -1 when out of memory. */
int report_set_filters(struct report *r, int status, int kind, int year, const char *search);

/*
 * Counts one item: in its status (overdue when open and due before the as-of
 * date, which report_set_header must have set), kind, year and lead unit and
 * the total, among the overdue items and in its lead unit's debts. Returns 0,
 * or -1 when out of memory (r->failed is set too).
 */
int report_tally(struct report *r, const struct report_item *it);

/*
 * Records several statuses as the filter (bit 1 << status, as item_filter
 * has them): one bit sets filters.status alone. Call after report_set_filters.
 */
void report_set_statuses(struct report *r, unsigned statuses);

/* The status an item shows on the as-of date of r (STATUS_OVERDUE when late). */
int report_status_of(const struct report *r, int status, const char *due);

/*
 * Adds a line to l (one of r's lists) and returns it, with its counts to
 * fill; NULL when out of memory.
 */
struct report_line *report_add_line(struct report *r, struct report_lines *l, int key, const char *label);

/* The line of r->by_status for a shown status (1..STATUS_MAX), or NULL. */
struct report_line *report_status_line(struct report *r, int shown_status);

/* Counts one item of the given shown status and progress in line l. */
void report_line_count(struct report_line *l, int shown_status, int progress);

/* The average known progress of l (rounded, 0..100), or REPORT_NO_PROGRESS. */
int report_line_progress(const struct report_line *l);

/*
 * Adds an overdue item; with r->overdue_cap set and the list full, it takes
 * the place of the least late one when it is later (the other is counted in
 * overdue_more). Returns 0, or -1 when out of memory.
 */
int report_add_overdue(struct report *r, long no, const char *code, const char *title, const char *lead,
                       const char *due, long days_late);

/* Adds (or adds to) the debts of unit. Returns 0, or -1 when out of memory. */
int report_add_debt(struct report *r, const char *unit, long open, long overdue);

/* Adds a locality matrix for item no; NULL when out of memory. */
struct report_matrix *report_add_matrix(struct report *r, long no, const char *title);

/*
 * Adds a locality's row to m (the sub-item no), with its status as stored
 * (shown overdue when late on r's as-of date), and counts it in m's totals.
 * Returns 0, or -1 when out of memory.
 */
int report_matrix_add_row(struct report *r, struct report_matrix *m, long no, const char *locality, int status,
                          int progress, const char *due, const char *lead);

/* Adds a change. Returns 0, or -1 when out of memory. */
int report_add_change(struct report *r, const char *date, long no, const char *title,
                      enum report_change_kind what, int from, int to, const char *document);

/*
 * Puts the lists in the order shown: overdue items worst first (most days
 * late, then by number), debts with the most overdue first (then the most
 * open, then by name), changes oldest first (then by number). Returns 0,
 * or -1 with err set when memory ran out while the report was filled.
 */
int report_finish(struct report *r, struct error *err);

/* ------------------------------------------------------------ renderers */

/*
 * Plain UTF-8 text for a terminal or a printer, fitted to width cells (80
 * when width <= 0; at least 40): no line wider, data made inert. Returns 0,
 * or -1 with err set when writing to out fails (errno kept) or memory runs
 * out; the message does not name the file, which the caller knows.
 */
int report_write_text(const struct report *r, FILE *out, int width, struct error *err);

/*
 * One self-contained HTML5 document (inline CSS for the screen and for A4
 * paper, no scripts, no outside resources), every text escaped. Returns as
 * report_write_text does.
 */
int report_write_html(const struct report *r, FILE *out, struct error *err);

/*
 * A PDF on A4 pages (cairo and pango): tables whose header repeats on each
 * page, bar charts by status and by lead unit, "page N of M" and the
 * generation time at the foot of each page, the title in the metadata.
 * Returns as report_write_text does.
 */
int report_write_pdf(const struct report *r, FILE *out, struct error *err);

/* ------------------------------------------------------------ shared by the renderers */

/* The language of the messages, as an HTML lang value ("vi", "en"). */
const char *report_lang(void);

/* The filters as one translated line ("" when none); the caller frees it; NULL when out of memory. */
char *report_filters_text(const struct report *r);

/* What a change did, as one translated line; the caller frees it; NULL when out of memory. */
char *report_change_text(const struct report *r, const struct report_change *c);

/*
 * The line under a list that left n entries out (n > 0): what is one of
 * REPORT_MORE_*. A new string the caller frees; NULL when out of memory.
 */
enum report_more { REPORT_MORE_OVERDUE, REPORT_MORE_CHANGES, REPORT_MORE_MATRICES };
char *report_more_text(enum report_more what, long n);

/* The generation time as shown ("30/06/2024 14:05"), into out. */
void report_generated_text(const struct report *r, char out[24]);

#endif
