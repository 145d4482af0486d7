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

/*
 * Replaces the whole content of the database of s (open for writing) with
 * the hoso database in path, through SQLite's online backup in one write
 * transaction: a clerk reading meanwhile keeps what he read and then sees
 * the restored records; the -wal and -shm files stay right. The copy is
 * checked first: a hoso database, not empty, not the database itself, a
 * schema this hoso knows, SQLite's integrity check passed. Refused when s
 * is read-only, and when another clerk is writing beyond the busy timeout.
 * Returns 0 or -1 with err set (the database is then as it was).
 */
int backup_restore(struct store *s, const char *path, struct error *err);

/* backup_restore in the shape store_create fills a new database with; ctx is the path. */
int backup_restore_fill(struct store *s, void *ctx, struct error *err);

#endif
