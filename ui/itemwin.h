#ifndef HOSO_ITEMWIN_H
#define HOSO_ITEMWIN_H

/*
 * The item list's rows: a list view (listview.h) over a pager of the core,
 * with the tree on top: the open nodes, opening and closing them, going to
 * an item with its ancestors opened. No curses here, so that tests can
 * drive it without a terminal.
 */

#include <stdbool.h>

#include "error.h"
#include "itemquery.h"
#include "listview.h"

struct canvas;
struct store;
struct idset;

/* Draws one row of the list (see listview_pager.draw). */
typedef void (*itemwin_draw_fn)(void *ctx, struct canvas *c, int y, const struct item_row *r,
                                bool selected);

struct itemwin {
	struct store *store;
	struct item_view view;
	struct idset *expanded;   /* open tree nodes (owned) */
	struct item_pager *pager;
	struct store *count_on;   /* the connection itemwin_count counts on (NULL: the pager's) */
	itemwin_draw_fn draw;     /* set by the screen; NULL draws nothing */
	void *draw_ctx;
	struct listview lv;       /* the rows in view, the cursor, the position and the count */
};

/*
 * Starts w over view with a window of height rows and shows the first
 * page. Returns 0 or -1 with err set. Free with itemwin_close. w must not
 * move in memory while open (its list view points back at it).
 */
int itemwin_open(struct itemwin *w, struct store *s, const struct item_view *view, int height,
                 struct error *err);

/* Changes the view (search, filter, sort) and shows its first page. */
int itemwin_set_view(struct itemwin *w, const struct item_view *view, struct error *err);

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
 * Counts the rows of the view into w->lv.count, on the connection on
 * (NULL: the window's own; see item_pager_count). May be interrupted: -1
 * with err.
 */
int itemwin_count(struct itemwin *w, struct store *on, struct error *err);

/* The row under the cursor, or NULL when the view is empty. */
const struct item_row *itemwin_current(const struct itemwin *w);

/* Row i in view, or NULL. */
const struct item_row *itemwin_row(const struct itemwin *w, int i);

/* Frees what w holds. */
void itemwin_close(struct itemwin *w);

#endif
