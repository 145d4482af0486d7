#ifndef HOSO_ITEMSTREAM_H
#define HOSO_ITEMSTREAM_H

/*
 * Every row of a view of the items, in the order the list shows them with
 * every node open, read by one statement from start to end: for writing the
 * whole list out (`hoso list`), where the pager's page-by-page reading (a
 * statement per node of the tree, a query per page) costs several times the
 * rows. The tree is walked depth-first by one recursive query whose queue
 * holds only the siblings still to come on the path; a flat view (a filter
 * or a search) is one query in its sort order. Nothing is held but the row.
 */

#include "error.h"
#include "itemquery.h"

struct store;
struct item_stream;

/*
 * Prepares to read every row of view from s, as item_pager_open with
 * ITEM_PAGER_EXPAND_ALL would show them (the same rows, in the same order,
 * with the same depths). Returns 0 and *out, or -1 with err set. Close it
 * with item_stream_close.
 */
int item_stream_open(struct item_stream **out, struct store *s, const struct item_view *view,
                     struct error *err);

/*
 * Reads the next row into *row. The row's strings (code, title, unit) and
 * its key belong to the stream and stay valid until the next call: the
 * caller neither frees nor clears the row, nor keeps it. has_children is
 * not filled (false). Returns 1 with a row, 0 at the end, -1 with err set.
 */
int item_stream_next(struct item_stream *st, struct item_row *row, struct error *err);

/* Frees *st and its statement; sets *st to NULL; accepts NULL. */
void item_stream_close(struct item_stream **st);

#endif
