#ifndef HOSO_BACKUP_H
#define HOSO_BACKUP_H

/* Copies of the database. */

#include "error.h"

struct store;

/*
 * Writes a consistent copy of the database of s to path with SQLite's
 * online backup, in one read transaction, so that a clerk writing at the
 * same moment neither waits nor leaves the copy half-changed. The copy is
 * made in a temporary file beside path and renamed into place; path must
 * not exist yet. Returns 0 or -1 with err set (nothing is left behind).
 */
int backup_to(struct store *s, const char *path, struct error *err);

#endif
