#ifndef HOSO_ITEMWIN_H
#define HOSO_ITEMWIN_H

/*
 * The window of rows the item list shows: the rows on screen and a cursor
 * among them, over a pager of the core. Moving, paging, opening and closing
 * tree nodes read only the rows that come into view. No curses here, so
 * that tests can drive it without a terminal.
 */

#include <stdbool.h>

#include "error.h"
#include "itemquery.h"

struct store;
struct idset;

struct itemwin {
	struct store *store;
	struct item_view view;
	struct idset *expanded;   /* open tree nodes (owned) */
	struct item_pager *pager;
	struct item_row *rows;    /* cap entries, n of them filled */
	int n, cap;
	int cursor;               /* index into rows; 0 when n is 0 */
	long pos;                 /* position of rows[0] in the view, from 1; 0: not known */
	long count;               /* rows in the view; -1: not counted yet */
	bool at_end;              /* the window shows the end of the view (after End) */
};

/*
 * Starts w over view with a window of height rows and shows the first
 * page. Returns 0 or -1 with err set. Free with itemwin_close.
 */
int itemwin_open(struct itemwin *w, struct store *s, const struct item_view *view, int height,
                 struct error *err);

/* Changes the view (search, filter, sort) and shows its first page. */
int itemwin_set_view(struct itemwin *w, const struct item_view *view, struct error *err);

/* Changes the height, keeping the top row in place. */
int itemwin_resize(struct itemwin *w, int height, struct error *err);

/* Moves the cursor. Each returns 0 or -1 with err set. */
int itemwin_down(struct itemwin *w, struct error *err);
int itemwin_up(struct itemwin *w, struct error *err);
int itemwin_page_down(struct itemwin *w, struct error *err);
int itemwin_page_up(struct itemwin *w, struct error *err);
int itemwin_home(struct itemwin *w, struct error *err);
int itemwin_end(struct itemwin *w, struct error *err);

/*
 * Opens the node under the cursor (or, when it is open, moves to its first
 * child). Returns 1 when something changed, 0 when the row has no
 * sub-items, -1 with err set.
 */
int itemwin_expand(struct itemwin *w, struct error *err);

/*
 * Closes the node under the cursor, or moves to its parent. Returns 1 when
 * something changed, 0 when there was nothing to do, -1 with err set.
 */
int itemwin_collapse(struct itemwin *w, struct error *err);

/* Puts the cursor on item number no, reading the rows around it. 1, 0 (no such item) or -1. */
int itemwin_goto(struct itemwin *w, long no, struct error *err);

/*
 * Reads the rows again from the top row down (after a change to the data),
 * the cursor kept on its record; the count and position are to be found
 * again (itemwin_count, itemwin_locate).
 */
int itemwin_reload(struct itemwin *w, struct error *err);

/*
 * Counts the rows of the view into w->count, on the connection on (NULL:
 * the window's own; see item_pager_count). May be interrupted: -1 with err.
 */
int itemwin_count(struct itemwin *w, struct store *on, struct error *err);

/*
 * Finds the position of the window in the view when it is not known (after
 * a jump), by reading the view from its start a page at a time; stops early
 * with an error when the store's interrupt function says so. Returns 0 or
 * -1 with err set.
 */
int itemwin_locate(struct itemwin *w, struct error *err);

/* The row under the cursor, or NULL when the view is empty. */
const struct item_row *itemwin_current(const struct itemwin *w);

/* The position of the cursor in the view, from 1; 0 when not known. */
long itemwin_position(const struct itemwin *w);

/* Frees what w holds. */
void itemwin_close(struct itemwin *w);

#endif
