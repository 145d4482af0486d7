#ifndef HOSO_CHECKPART_H
#define HOSO_CHECKPART_H

/* What the parts of hoso check (check.c, checktree.c) share. */

#include <stddef.h>

#include <sqlite3.h>

#include "check.h"

/* Adds one finding to l, in words while there is room. */
void check_note(struct check_list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Column i of st as a clerk reads it: a key as its text, anything else as is (n bytes at most). */
void check_value_text(sqlite3_stmt *st, int i, char *out, size_t n);

/*
 * The tree of items into r->tree: items that are their own parent, cycles
 * of parents, parents that do not exist, items under one of those. Returns
 * 0, or -1 with err set.
 */
int check_tree(struct store *s, struct check_report *r, struct error *err);

#endif
