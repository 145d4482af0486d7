#ifndef HOSO_LISTVIEW_H
#define HOSO_LISTVIEW_H

/*
 * One list on the screen, whatever it lists (the items, the documents
 * register, a menu's entries): the rows in view and a cursor among them,
 * over a pager that reads rows by keyset (the rows before or after a row),
 * so that moving, paging, Home and End read only the rows that come into
 * view, with ten rows or a million. The listview holds exactly the rows
 * on screen; it knows the position of its first row in the list when it
 * got there from the top, and finds it again in idle time otherwise
 * (listview_locate), as it counts the rows (listview_count). No curses
 * here, so that tests drive it without a terminal.
 */

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "error.h"
#include "strbuf.h"

struct canvas;

/*
 * What a list reads its rows from. Rows are row_size bytes each, in arrays
 * the listview owns; src is the pager's own state, passed back to each
 * function. Arrays handed to the pager are zeroed; it fills them and says
 * how many rows it filled.
 */
struct listview_pager {
	size_t row_size;
	/* The first n rows, or the last n (in list order). Return how many, or -1 with err set. */
	int (*first)(void *src, void *rows, int n, struct error *err);
	int (*last)(void *src, void *rows, int n, struct error *err);
	/*
	 * The n rows after row `after`, or before row `before` (in list order,
	 * the last one filled just before it). The row given may no longer be
	 * in the list (a reload): its sort key still places it.
	 */
	int (*next)(void *src, const void *after, void *rows, int n, struct error *err);
	int (*prev)(void *src, const void *before, void *rows, int n, struct error *err);
	/*
	 * The row of the same record as `like`, read again: 1, 0 when the
	 * record is no longer in the list, -1 with err set. May be NULL: a
	 * reload then places rows by their keys alone.
	 */
	int (*get)(void *src, const void *like, void *row, struct error *err);
	/* The key of a row's record, which stays the same when the record changes. */
	long (*key)(const void *row);
	/*
	 * Counts the rows of the list (may take long; see listview_count).
	 * 0 or -1 with err set. NULL: counted by reading every row.
	 */
	int (*count)(void *src, long *count, struct error *err);
	/* Draws one row on line y of c (selected: under the cursor). May be NULL. */
	void (*draw)(void *src, struct canvas *c, int y, const void *row, bool selected);
	/* Copies a row (dst zeroed or cleared): 0 or -1 when out of memory. NULL: its bytes. */
	int (*copy)(void *dst, const void *row);
	/* Frees what a row owns and zeroes it. NULL: rows own nothing. */
	void (*clear)(void *row);
};

struct listview {
	const struct listview_pager *pager;
	void *src;
	char *rows;    /* cap rows of pager->row_size bytes, n of them in view, the rest zeroed */
	int n, cap;
	int cursor;    /* index into the rows in view; 0 when n is 0 */
	long pos;      /* position of the first row in view, from 1; 0: not known */
	long count;    /* rows in the list; -1: not counted yet */
	bool at_end;   /* the view shows the end of the list (after End) */
};

/*
 * Starts lv over pager p (src its state) with height rows in view. Shows
 * nothing yet: call listview_home. Returns 0 or -1 with err set (out of
 * memory). Free with listview_close.
 */
int listview_open(struct listview *lv, const struct listview_pager *p, void *src, int height,
                  struct error *err);

/* Frees the rows lv holds and zeroes it; accepts a zeroed lv. */
void listview_close(struct listview *lv);

/* The list changed as a whole (another search, sort, filter): forgets the count and shows the top. */
int listview_restart(struct listview *lv, struct error *err);

/* Moves the cursor; the rows in view follow it. Each returns 0 or -1 with err set. */
int listview_down(struct listview *lv, struct error *err);
int listview_up(struct listview *lv, struct error *err);
int listview_page_down(struct listview *lv, struct error *err);
int listview_page_up(struct listview *lv, struct error *err);
int listview_home(struct listview *lv, struct error *err);
int listview_end(struct listview *lv, struct error *err);

/*
 * Moves lv as a says when it is a movement (up, down, a page either way,
 * home, end): returns true, with *rc 0 or -1 and err set; false for any
 * other action, lv untouched.
 */
bool listview_move(struct listview *lv, enum action a, int *rc, struct error *err);

/* Changes the number of rows in view, keeping the cursor's row in view and on its record. */
int listview_resize(struct listview *lv, int height, struct error *err);

/*
 * Reads the rows in view again (the data changed), from the same first row
 * when it is still there, the cursor kept on its record; the count and the
 * position are to be found again (listview_count, listview_locate).
 */
int listview_reload(struct listview *lv, struct error *err);

/*
 * Puts the cursor on row (which the caller keeps), reading the rows around
 * it; its position is then not known. 0 or -1 with err set.
 */
int listview_show(struct listview *lv, const void *row, struct error *err);

/* Reads the rows after the cursor again (what follows it changed: a tree node opened). */
int listview_refill_below(struct listview *lv, struct error *err);

/* Counts the rows of the list into lv->count (may be interrupted: -1 with err). */
int listview_count(struct listview *lv, struct error *err);

/*
 * Finds the position of the rows in view when it is not known, by reading
 * the list from its start a page at a time (stops with an error when the
 * pager does, for a key that came). 0 or -1 with err set.
 */
int listview_locate(struct listview *lv, struct error *err);

/*
 * The work of idle time: counts, then locates. Returns 1 when it did
 * something (draw again), 0 when nothing is left, -1 with err set.
 */
int listview_idle(struct listview *lv, struct error *err);

/* Row i in view (0 .. n - 1), or NULL. */
void *listview_row(const struct listview *lv, int i);

/* The row under the cursor, or NULL when the list is empty. */
void *listview_current(const struct listview *lv);

/* The position of the cursor in the list, from 1; 0 when not known or the list is empty. */
long listview_position(const struct listview *lv);

/* " N/M" into b: the cursor's position ("?" while not known), the count ("…" while counting). */
void listview_describe_position(const struct listview *lv, struct strbuf *b);

/* Draws the rows in view on lines top .. top + height - 1 of c, through the pager's draw. */
void listview_draw(const struct listview *lv, struct canvas *c, int top, int height);

#endif
