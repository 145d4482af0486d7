#ifndef HOSO_DERIVED_H
#define HOSO_DERIVED_H

/*
 * Columns hoso computes from others: the Vietnamese sort keys (*_key) and
 * the folded search text (search) of items and documents. Call inside a
 * write transaction, after the rows they depend on have changed.
 */

#include "error.h"
#include "fields.h"

struct store;

/* Recomputes the derived columns of every unit, locality, document and item. */
int derived_refresh_all(struct store *s, struct error *err);

/* Recomputes the derived columns of the item with key id. */
int derived_refresh_item(struct store *s, const char *id, struct error *err);

/*
 * Recomputes the derived columns of the record of kind k with key id, and
 * of every record whose search text holds its names or number (the items a
 * unit leads or partners, the items linked to a document).
 */
int derived_refresh_record(struct store *s, enum record_kind k, const char *id, struct error *err);

#endif
