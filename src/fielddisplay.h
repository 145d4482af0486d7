#ifndef HOSO_FIELDDISPLAY_H
#define HOSO_FIELDDISPLAY_H

/* A stored value as a clerk reads it. */

#include "date.h"
#include "fields.h"

struct store;

/*
 * The value of field f of a record of kind k as a clerk reads it (names,
 * not keys, looked up in s when not NULL; dates in style). Caller frees;
 * NULL when out of memory.
 */
char *field_display(struct store *s, enum record_kind k, int f, const char *value, enum date_style style);

#endif
