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

/*
 * The view the item list s shows, and the names of its unit and locality
 * filters (into *unit_name and *locality_name when not NULL); NULL when s
 * is not the item list.
 */
struct item_view;
const struct item_view *items_screen_view(struct screen *s, const char **unit_name, const char **locality_name);

/*
 * Shows view v on the item list s (nothing when s is not the item list);
 * unit_name and locality_name name its unit and locality filters (NULL:
 * kept as they were).
 */
void items_screen_show(struct screen *s, const struct item_view *v, const char *unit_name,
                       const char *locality_name);

/* The status screen of the items of view v (NULL: all), its unit and locality filters so named. */
struct screen *dashboard_screen_new(struct app *a, const struct item_view *v, const char *unit_name,
                                    const char *locality_name);

/* The locality matrix of item number no: a row per sub-item. */
struct screen *matrix_screen_new(struct app *a, long no);

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
