#ifndef HOSO_SEED_H
#define HOSO_SEED_H

/*
 * The first data set: the coordination programme with every
 * item, document, unit and locality its two source reports name.
 */

#include "error.h"

struct store;

/*
 * Loads the seed into the (new, empty) database of s in one transaction,
 * with a history row for every record it creates. Returns 0 or -1 with err
 * set; on failure nothing is written.
 */
int seed_load(struct store *s, struct error *err);

/* seed_load in the shape store_create fills a new database with; ctx is unused. */
int seed_fill(struct store *s, void *ctx, struct error *err);

#endif
