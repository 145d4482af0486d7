#ifndef HOSO_DETAILTEXT_H
#define HOSO_DETAILTEXT_H

/*
 * An item's detail as lines of text, labelled and translated, in the order a
 * clerk reads them. `hoso show` prints them; the detail screen draws them,
 * wraps them to its width and lets Enter follow a line's link.
 */

#include <stdbool.h>

#include "itemdetail.h"
#include "settings.h"

enum dline_kind {
	DL_TITLE,   /* "#12  Title" */
	DL_FIELD,   /* label: value */
	DL_SECTION, /* a heading: "Sub-items (3)" */
	DL_ENTRY,   /* one entry of a section */
	DL_NOTE,    /* "… and 12 more" */
	DL_BLANK,
};

struct dline {
	enum dline_kind kind;
	char *label;   /* DL_FIELD: the label; else NULL */
	char *text;    /* the value or the entry; never NULL */
	int status;    /* a status to colour the line by, or 0 */
	long item_no;  /* the item the line leads to (a sub-item, the parent), or 0 */
	long doc_no;   /* the document the line leads to, or 0 */
	bool more_children; /* DL_NOTE: the sub-items not shown ("… and N more") */
};

struct dlines {
	struct dline *v;
	int n, cap;
	bool failed;   /* an allocation failed: lines are missing */
};

/*
 * Appends a line (label may be NULL; text NULL is taken as ""). Returns the
 * new line, or NULL when out of memory (then l->failed is set).
 */
struct dline *dlines_add(struct dlines *l, enum dline_kind kind, const char *label,
                         const char *text);

/* Like dlines_add with printf-style text. */
struct dline *dlines_addf(struct dlines *l, enum dline_kind kind, const char *label,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Appends a blank line and a section heading "name (total)". */
void dlines_section(struct dlines *l, const char *name, long total);

/* Appends "… and N more" when total exceeds shown. */
void dlines_more(struct dlines *l, int shown, long total);

/*
 * Appends the line of sub-item c ("#12  CODE  Title  [Status, 40%]"),
 * leading to it. Returns the line, or NULL when out of memory.
 */
struct dline *dlines_child(struct dlines *l, const struct detail_child *c);

/*
 * Inserts the lines of the n sub-items v before line at (the note of the
 * sub-items not shown). Returns 0, or -1 when out of memory (then l is as
 * it was).
 */
int dlines_insert_children(struct dlines *l, int at, const struct detail_child *v, int n);

/*
 * Sets the heading of the sub-items (line section) and their note (line
 * more: "… and N more", or "… and more" while remaining < 0) for total
 * sub-items (-1: not counted yet, then shown as "N+"), shown of them shown.
 * Returns 0, or -1 when out of memory.
 */
int dlines_children_counted(struct dlines *l, int section, int more, long total, int shown);

/* Removes line at (0 <= at < l->n). */
void dlines_remove(struct dlines *l, int at);

/* A stored UTC time (YYYY-MM-DDTHH:MM:SSZ) as "dd/mm/yyyy hh:mm" in the local time ($TZ) into out. */
void dlines_stamp(const char *at, enum date_style style, char out[32]);

/*
 * Builds the lines of d, dates written as style says. Returns 0, or -1
 * when out of memory (then out holds nothing). Free with dlines_free.
 */
int detail_lines(const struct item_detail *d, enum date_style style, struct dlines *out);

/* The widest label of the DL_FIELD lines, in cells. */
int dlines_label_width(const struct dlines *l);

/* Frees what l holds and empties it; accepts NULL. */
void dlines_free(struct dlines *l);

#endif
