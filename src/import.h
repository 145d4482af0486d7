#ifndef HOSO_IMPORT_H
#define HOSO_IMPORT_H

/*
 * Reading back what `hoso export` writes: the JSON (everything) or the CSV
 * (items). Every record is checked as the forms check it (validate.h) and
 * saved through the one write path (change.h), with its history, all in one
 * transaction: nothing is written unless the whole file is valid. Records
 * are matched by their keys: a record the database has is changed (only the
 * fields that differ), one it has not is added with the file's key, so that
 * importing a file twice changes nothing the second time. Short numbers are
 * the database's own: an added record gets the next one.
 */

#include <stdbool.h>

#include "error.h"

struct store;

#define IMPORT_MAX_ERRORS 20

struct import_result {
	long added, changed, unchanged;
	int nerrors;                                /* errors shown, each "FILE:LINE: what" */
	char errors[IMPORT_MAX_ERRORS][512];
	long more_errors;                           /* errors beyond those */
};

/*
 * Imports the file at path into s (with dry_run: checks it all and says
 * what would change, writing nothing). Returns 0 with *res filled — when
 * res->nerrors > 0 nothing was written —, or -1 with err set when the file
 * or the database could not be read or written.
 */
int import_file(struct store *s, const char *path, bool dry_run, struct import_result *res,
                struct error *err);

#endif
