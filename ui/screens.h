#ifndef HOSO_SCREENS_H
#define HOSO_SCREENS_H

/*
 * The screens of the application. Each constructor returns a screen for
 * app_push, or NULL when out of memory (app_push then says so).
 */

#include "fields.h"
#include "screen.h"

struct app;

/* The item list, the main screen. */
struct screen *items_screen_new(struct app *a);

/* The detail of item number no. */
struct screen *detail_screen_new(struct app *a, long no);

/* The register of legal documents. */
struct screen *docs_screen_new(struct app *a);

/* One document, with its links and its items. */
struct screen *doc_screen_new(struct app *a, long no);

/* Lines of text (taken over from *lines, which is emptied) under a title. */
struct dlines;
struct screen *lines_screen_new(struct app *a, const char *title, struct dlines *lines);

/*
 * A register of records of kind k: the units or the localities (archived
 * false), or the archived records of kind k (archived true).
 */
struct screen *register_screen_new(struct app *a, enum record_kind k, bool archived);

/* The keys of screen of, as bound now. */
struct screen *help_screen_new(struct app *a, struct screen *of);

#endif
