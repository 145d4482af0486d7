#ifndef HOSO_ITEMLAYOUT_H
#define HOSO_ITEMLAYOUT_H

/*
 * How the item list lays out on a line of a given width: which columns show
 * and how wide (the title takes the slack, the least needed columns go first
 * on narrow terminals), and how a row is drawn into them. Pure layout over a
 * canvas: tests draw on a text canvas.
 */

#include <stdbool.h>

#include "canvas.h"
#include "itemquery.h"
#include "search.h"
#include "settings.h"

enum list_col { LC_CODE, LC_TITLE, LC_KIND, LC_UNIT, LC_DUE, LC_STATUS, LC_PROGRESS, LC_COUNT };

#define LIST_BAR_CELLS 5

struct list_layout {
	int width[LC_COUNT]; /* 0: not shown */
	int x[LC_COUNT];
	int cols;
};

/* Lays the columns out for a line of cols cells. */
void list_layout_compute(struct list_layout *l, int cols);

/* The heading of column c (translated). */
const char *list_col_name(enum list_col c);

/* The column the sort s shows in, or -1 (the number has none). */
int list_col_of_sort(enum item_sort s);

/* Draws the column headings at row y; the sorted column is marked with its direction. */
void list_draw_header(struct canvas *c, int y, const struct list_layout *l, enum item_sort sort,
                      bool desc);

/*
 * Draws row r at line y. tree: indent by depth and mark nodes (open tells
 * whether r's sub-items show). selected: the cursor's line. search: the
 * search the list is filtered by, or NULL; when the first word of the title
 * it matches lies past the title's cells, the title shows from a little
 * before it, after a "…" (see search_window).
 */
void list_draw_row(struct canvas *c, int y, const struct list_layout *l, const struct item_row *r,
                   bool tree, bool open, bool selected, enum date_style dates,
                   const struct search_query *search);

/* The role a status is drawn in. */
int list_status_role(int status);

#endif
