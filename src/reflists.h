#ifndef HOSO_REFLISTS_H
#define HOSO_REFLISTS_H

/*
 * The lists a clerk picks from: units, localities and the years items
 * belong to, in Vietnamese order (years ascending).
 */

#include "error.h"
#include <stdbool.h>
#include <stddef.h>

#include "uuid.h"

struct store;

struct ref_entry {
	char id[UUID_LEN + 1]; /* the record key; "" for years */
	char *name;            /* owned */
	long value;            /* the year; 0 for records */
};

/*
 * Each fills *out with a new array of *n entries (free with reflist_free)
 * and returns 0, or -1 with err set.
 */
int reflist_units(struct store *s, struct ref_entry **out, int *n, struct error *err);
int reflist_localities(struct store *s, struct ref_entry **out, int *n, struct error *err);
int reflist_years(struct store *s, struct ref_entry **out, int *n, struct error *err);

/* The name of unit or locality id into buf ("" when there is none). */
void reflist_name(struct store *s, bool unit, const char *id, char *buf, size_t n);

/* Frees the n entries of *v and the array; sets *v to NULL. */
void reflist_free(struct ref_entry **v, int n);

#endif
