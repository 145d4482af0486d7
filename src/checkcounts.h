#ifndef HOSO_CHECKCOUNTS_H
#define HOSO_CHECKCOUNTS_H

/* The counts kept by triggers (tally) against the items as they are, for hoso check. */

#include <stdbool.h>

#include "error.h"

struct store;

/*
 * Counts the unarchived items of s (schema 3) in one pass, each in its five
 * rows of counts (all; its status, kind, year and lead unit: as many rows
 * as there are of those), in memory, and compares them with the rows of
 * tally that count something: *same is true when they are the same rows
 * with the same numbers. Returns 0, or -1 with err set.
 */
int check_kept_counts(struct store *s, bool *same, struct error *err);

#endif
