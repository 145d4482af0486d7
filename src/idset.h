#ifndef HOSO_IDSET_H
#define HOSO_IDSET_H

/* A set of record keys (UUID text), such as the expanded items of a tree. */

#include <stdbool.h>
#include <stddef.h>

struct idset;

/* A new empty set, or NULL when out of memory. Free with idset_free. */
struct idset *idset_new(void);

/* Adds id; returns 0, or -1 when out of memory. Adding twice is harmless. */
int idset_add(struct idset *s, const char *id);

/* Removes id if present. */
void idset_remove(struct idset *s, const char *id);

/* True when id is in s (s NULL holds nothing). */
bool idset_has(const struct idset *s, const char *id);

/* The number of ids in s. */
size_t idset_count(const struct idset *s);

/*
 * Calls fn for each id in s, in no particular order, until fn returns
 * non-zero; returns that value or 0.
 */
int idset_each(const struct idset *s, int (*fn)(void *ctx, const char *id), void *ctx);

/* Empties s. */
void idset_clear(struct idset *s);

/* Frees *s and sets it to NULL; accepts NULL. */
void idset_free(struct idset **s);

#endif
