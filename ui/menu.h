#ifndef HOSO_MENU_H
#define HOSO_MENU_H

/*
 * A pop-up list to choose from (a filter value, a sort column): the arrows
 * move, Enter chooses, Esc cancels; with `multi`, Space ticks entries;
 * in a long list, typing narrows it without regard to diacritics.
 */

#include <stdbool.h>

#include "screen.h"

struct app;

struct menu_entry {
	char *label;   /* owned by the menu */
	long value;
	char key[40];  /* a record key when the entry stands for one, else "" */
	bool ticked;
};

/*
 * Called when the menu closes: accepted tells Enter from Esc; chosen is the
 * entry under the cursor (NULL when cancelled or the list is empty); all
 * entries are there to read the ticks of. The callback may push screens.
 */
typedef void (*menu_done_fn)(void *ctx, bool accepted, const struct menu_entry *chosen,
                             const struct menu_entry *all, int n);

/*
 * A menu titled title over n entries (copied; labels duplicated). cursor
 * is the entry first under the cursor. Returns the screen, or NULL when out
 * of memory.
 */
struct screen *menu_new(struct app *a, const char *title, const struct menu_entry *entries, int n,
                        int cursor, bool multi, menu_done_fn done, void *ctx);

#endif
