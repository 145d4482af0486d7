#ifndef HOSO_FORM_H
#define HOSO_FORM_H

/*
 * The form that adds or edits a record (an item, a document, a unit, a
 * locality), built from the record's table of fields (fields.h): a label
 * column and the fields, each edited as its type wants (a line of text, a
 * date, a number, notes of several lines, a choice with type-ahead, another
 * record picked from a searchable list, several records). Each field is
 * checked as it is left, with the message beside it; nothing is saved until
 * the whole form is valid, and a failed check or a failed save never throws
 * the clerk's input away. Saved through the one write path (change.h): when
 * another clerk saved the record meanwhile, their fields merge and the
 * fields both changed go to the conflict screen. While it holds changes it
 * is kept as a draft (draft.h); Esc asks before throwing changes away.
 */

#include <stdbool.h>

#include "draft.h"
#include "fields.h"
#include "record.h"
#include "screen.h"

struct app;

/* Told after a save: which record, its key and number (0 when it has none). */
typedef void (*form_saved_fn)(void *ctx, enum record_kind k, const char *id, long no);

struct form_spec {
	enum record_kind kind;
	const char *id;         /* the record to edit; NULL or "": a new one (unless no) */
	long no;                /* or the item or document of this number to edit; 0: none */
	const char *parent_id;  /* a new item or unit: under this one (NULL: at the top) */
	form_saved_fn saved;    /* may be NULL; ctx is passed to it */
	void *ctx;
};

/*
 * A form for spec. Returns the screen for app_push, or NULL with a message
 * (the database is read-only, the record is not there, out of memory).
 */
struct screen *form_new(struct app *a, const struct form_spec *spec);

/*
 * A form as draft d left it (d is taken over and emptied): the record's
 * values when the form opened and what was typed in each field; saving
 * it goes through the conflict screen when the record changed since.
 * Returns the screen or NULL with a message.
 */
struct screen *form_from_draft(struct app *a, struct draft *d);

/*
 * The conflict screen's answer to form: theirs is the record as it is
 * now; for the n fields conflicts[], keep_theirs[] says whose value stays
 * (ignored when save is false). Fields only they changed take their
 * values; fields only this clerk changed keep what was typed. With save,
 * the form saves again at once; without, it goes back to editing with
 * theirs as the record it started from.
 */
void form_resolve(struct screen *form, const struct record *theirs, const int *conflicts,
                  const bool *keep_theirs, int n, bool save);

/*
 * The conflict screen: for each of the n fields conflicts[] of a record of
 * kind k, the value when the form opened (base), theirs now and mine;
 * the clerk keeps theirs or mine per field and saves, or goes back to the
 * form. Answers through form_resolve. NULL when out of memory.
 */
struct screen *conflict_screen_new(struct app *a, struct screen *form, const struct record *base,
                                   const struct record *theirs, const struct record *mine,
                                   const int *conflicts, int n);

#endif
