#ifndef HOSO_LISTFMT_H
#define HOSO_LISTFMT_H

/*
 * The item list written out by `hoso list`: a table fitted to the terminal
 * by display width (plain and uncut when not on a terminal), CSV (RFC 4180)
 * or JSON. Rows are written one at a time: nothing is held but the row.
 */

#include <stdbool.h>
#include <stdio.h>

#include "itemquery.h"
#include "settings.h"

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

struct list_writer;

struct list_options {
	enum list_format format;
	int width;                /* table: the terminal's width; 0: not a terminal */
	bool colour;              /* table: bold header, overdue in red */
	bool inert;               /* csv: show control characters inertly (a terminal) */
	enum date_style dates;    /* table dates */
	int no_width, code_width, unit_width; /* table: widest values in the data */
};

/* Starts writing to out. Returns NULL when out of memory. */
struct list_writer *list_writer_new(FILE *out, const struct list_options *opt);

/* Writes one row. */
void list_writer_row(struct list_writer *w, const struct item_row *r);

/* Ends the output (closes the JSON array) and frees *w; sets *w to NULL. */
void list_writer_finish(struct list_writer **w);

#endif
