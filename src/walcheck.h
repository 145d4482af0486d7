#ifndef HOSO_WALCHECK_H
#define HOSO_WALCHECK_H

/* A -wal file beside a database that another copy of it left there. */

#include "error.h"

/*
 * Refuses a -wal file left beside path by another copy of the database:
 * SQLite would merge its pages into this file without a word (a backup
 * copied over the database beside the old -wal). Looked at only when no
 * process has the file open. Must run before this process opens the file
 * with SQLite: it opens and closes the -shm file, which would drop this
 * process's locks on it. Returns 0, or -1 with err set.
 */
int wal_check_foreign(const char *path, struct error *err);

#endif
