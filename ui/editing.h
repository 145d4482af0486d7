#ifndef HOSO_EDITING_H
#define HOSO_EDITING_H

/*
 * The editing actions that are not a form: undo and redo of the clerk's
 * own changes (asking first when another clerk changed the field since),
 * archiving after a confirmation, restoring, the comment box, and the
 * drafts of forms and comments left unsaved, offered again at the start.
 */

#include <stdbool.h>

#include "fields.h"

struct app;

/* Undoes (redo false) or redoes this clerk's last change; the screens read their data again. */
void undo_run(struct app *a, bool redo);

/*
 * Archives the record of kind k with key id after asking (what names it in
 * the question: "item #12 Title"), or restores it (archive false) at once.
 */
void edit_archive(struct app *a, enum record_kind k, const char *id, const char *what, bool archive);

/*
 * Opens the comment box for the item with key id (no and title: its number
 * and title, for the box's title and its draft). What is typed is kept as a
 * draft until the comment is added or thrown away.
 */
void edit_comment(struct app *a, const char *item_id, long no, const char *title);

/*
 * Offers the drafts this clerk left on this database (one question each):
 * open the form again, throw the draft away, or keep it for later.
 */
void drafts_offer(struct app *a);

#endif
