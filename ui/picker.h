#ifndef HOSO_PICKER_H
#define HOSO_PICKER_H

/*
 * A pop-up to pick another record (a parent item, a lead unit, an issuing
 * body) or several (partner units, localities, documents) by searching as
 * in the main list, without regard to diacritics or case. Only the rows in
 * view are read, however many records there are: items are shown as their
 * tree until something is typed, then as the matches. With several, Space
 * ticks and unticks, Enter applies; the words of the entries kept (a
 * partner's role, a link's relation) stay with them.
 */

#include <stdbool.h>

#include "fields.h"
#include "screen.h"

struct app;

/*
 * Called when the picker closes: accepted tells Enter from Esc. value is
 * the key picked (one), or the ticked records as lines "key" or
 * "key<TAB>word" (several; NULL when none is ticked); NULL when cancelled.
 * The callback may push screens.
 */
typedef void (*picker_done_fn)(void *ctx, bool accepted, const char *value);

/*
 * A picker titled title over the records of kind k: one (multi false), or
 * several starting from value (lines as above; may be NULL). search is
 * what the search line starts with (may be NULL). except: the key of a
 * record the list leaves out (the form's own record, which cannot be its
 * own parent or link; NULL: none; not for items). Returns the screen for
 * app_push, or NULL when out of memory or the list cannot be read (a
 * message says so).
 */
struct screen *picker_new(struct app *a, const char *title, enum record_kind k, bool multi,
                          const char *value, const char *search, const char *except, picker_done_fn done,
                          void *ctx);

#endif
