#ifndef HOSO_SEED_H
#define HOSO_SEED_H

/*
 * The first data set: the coordination programme with every
 * item, document, unit and locality its two source reports name.
 */

#include "error.h"

struct store;

/* The schema version the seed's SQL is written for. */
#define SEED_SCHEMA_VERSION 2

/*
 * Loads the seed into the (new, empty) database of s, at schema version
 * SEED_SCHEMA_VERSION, in one transaction, with a history row for every
 * record it creates. Returns 0 or -1 with err set; on failure nothing is
 * written.
 */
int seed_load(struct store *s, struct error *err);

/*
 * Fills a new database (unmigrated; for store_create with STORE_NO_MIGRATE):
 * the schema up to the seed's version, the seed, then the later migrations.
 * ctx is unused. Returns 0 or -1 with err set.
 */
int seed_fill(struct store *s, void *ctx, struct error *err);

/* Fills a new database with the schema alone (hoso init --empty). */
int seed_empty(struct store *s, void *ctx, struct error *err);

#endif
