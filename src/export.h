#ifndef HOSO_EXPORT_H
#define HOSO_EXPORT_H

/*
 * The whole programme written out for other programs and for colleagues,
 * streamed record by record (memory bounded by one record, whatever the
 * number of items):
 *   CSV   the items, one row each (RFC 4180, UTF-8): their key, number,
 *         version and every field by its name (fields.h) in canonical text
 *         (record.h): references as keys, lists one entry a line;
 *   JSON  everything: the programme, units, localities, documents with their
 *         links, items with their partners, localities, documents, targets
 *         and comments; fields by name, references as keys;
 *   xlsx  for people: a sheet per kind of record, a header row, names instead
 *         of keys, dates as dates, column widths set.
 * `hoso import` reads the CSV and JSON back.
 */

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

struct store;

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_XLSX };

/* The format named name ("csv", "json", "xlsx"), or -1. */
int export_format_parse(const char *name);

/*
 * Writes the CSV (with bom: the byte-order mark Excel needs to read UTF-8)
 * or the JSON export of s to out. Returns 0, or -1 with err set; a write
 * error on out is the caller's to find (ferror).
 */
int export_write(struct store *s, enum export_format f, FILE *out, bool bom, struct error *err);

/* Writes the xlsx export of s into the file at path (replaced whole). Returns 0 or -1 with err set. */
int export_xlsx(struct store *s, const char *path, struct error *err);

#endif
