#ifndef HOSO_PRINTJOB_H
#define HOSO_PRINTJOB_H

/*
 * Printing a page of text: it is piped to the print command ([print]
 * command, "lp" by default, run by /bin/sh with a UTF-8 locale, its output
 * thrown away) and the command is waited for. When the command cannot be
 * run, fails (a non-zero exit, a signal) or stops reading, the page goes to
 * a file in the data directory instead ($XDG_DATA_HOME/hoso/
 * print-YYYYMMDD-HHMMSS.txt), written whole or not at all.
 *
 * The page is produced by a function that writes it to a stream, so that a
 * long one (a whole list) is streamed, never held whole; it is called a
 * second time for the file when the command failed.
 */

#include <stdio.h>

#include "error.h"

/* Writes the page to out. Returns 0, or -1 with err set. */
typedef int (*print_produce_fn)(void *ctx, FILE *out, struct error *err);

struct print_result {
	char why[256];    /* when the command failed: why ("exited with 1", "not found" …) */
	char *file;       /* when the page went to a file: its path (owned; free it) */
};

/*
 * Prints what produce writes through command (NULL or "": "lp"). Returns 0
 * when the command printed it, 1 when it failed and the page is in
 * res->file (res->why says why the command failed), -1 with err set when
 * neither worked (or produce failed). res is zeroed first.
 */
int print_job(const char *command, print_produce_fn produce, void *ctx, struct print_result *res,
              struct error *err);

/* Frees what res holds. */
void print_result_free(struct print_result *res);

#endif
