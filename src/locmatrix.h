#ifndef HOSO_LOCMATRIX_H
#define HOSO_LOCMATRIX_H

/*
 * Locality matrices: an item run in several localities (a pilot such as
 * TCVN ISO 18091 at 12 localities) keeps one sub-item per locality; its
 * matrix is a row per sub-item (its locality, else its title) with status,
 * progress, due date and lead unit, and their totals. The items that have
 * one are the pilots with sub-items; any item's sub-items can be shown so.
 */

#include <stdbool.h>

#include "error.h"
#include "itemquery.h"
#include "report.h"

struct store;

/*
 * Calls fn(ctx, no, title) for the pilots with sub-items whose number is
 * above after, in number order, at most max of them (max <= 0: all); a
 * non-zero return of fn stops with that value. Returns how many it read
 * (0: none left), or -1 with err set (an interrupt of the store included).
 */
int locmatrix_list(struct store *s, long after, int max,
                   int (*fn)(void *ctx, long no, const char *title), void *ctx, struct error *err);

/*
 * Adds to r the matrix of item no (title as given; NULL: the item's own,
 * and an error when there is no such item) from its sub-items as
 * they were before as_of_ms (0: as they are), at most max_rows rows (<= 0:
 * all; the totals count only the rows shown). The statuses shown are those
 * of r's as-of date. Returns the number of sub-items left out (0 when all
 * are in), or -1 with err set.
 */
long locmatrix_load(struct store *s, struct report *r, long no, const char *title, long long as_of_ms,
                    long max_rows, struct error *err);

/*
 * Asks, item after item, whether an item is a pilot with sub-items (one
 * prepared statement kept open): while a scan of the items (itemscan.h)
 * runs, the matrices of the items it passes are found without a second
 * pass over a filter.
 */
struct locmatrix_probe;

/* Returns 0 and *out, or -1 with err set. Close with locmatrix_probe_close. */
int locmatrix_probe_open(struct locmatrix_probe **out, struct store *s, struct error *err);

/* 1 when the item (key id, of kind) is a pilot with sub-items, 0 when not, -1 with err set. */
int locmatrix_probe_has(struct locmatrix_probe *p, const char *id, int kind, struct error *err);

/* Frees *p; sets it to NULL; accepts NULL. */
void locmatrix_probe_close(struct locmatrix_probe **p);

#endif
