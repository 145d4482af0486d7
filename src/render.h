#ifndef HOSO_RENDER_H
#define HOSO_RENDER_H

/*
 * The writers that need the large libraries: pango and cairo for a PDF
 * report, libxlsxwriter for an xlsx export. Loading those libraries takes
 * about 7 MB of memory at once, whatever the program then does, so they
 * are linked into a second program, hoso-render, and not into hoso: hoso
 * hands a command that needs one of them over to hoso-render (cli.h,
 * cli_hand_over), which runs that command whole.
 */

#include <stdio.h>

#include "error.h"

struct report;
struct store;

struct render_writers {
	/* Writes r as a PDF to out. Returns 0, or -1 with err set. */
	int (*pdf)(const struct report *r, FILE *out, struct error *err);
	/* Writes the xlsx export of s into the file at path. Returns 0, or -1 with err set. */
	int (*xlsx)(struct store *s, const char *path, struct error *err);
};

#endif
