#ifndef HOSO_FORMSTATE_H
#define HOSO_FORMSTATE_H

/*
 * The state of a form, shared by the screen (form.c: keys, layout,
 * pickers, closing) and its write path (formsave.c: checks, saving,
 * conflicts, drafts). Not for other screens: they use form.h.
 */

#include <stdbool.h>

#include "app.h"
#include "form.h"
#include "formfield.h"
#include "record.h"

struct form {
	struct screen base;
	enum record_kind kind;
	struct ff_env env;
	struct record start;      /* the record the form started from (new: empty) */
	bool is_new;
	struct ffield ff[RECORD_MAX_FIELDS];
	int nff;
	int cur;
	int top;                  /* the first row of the form shown */
	int label_w;
	char title[300];
	char header[600];
	char note[300];           /* another clerk saved meanwhile */
	char *draft_path;
	unsigned long edits, drafted;
	bool discard;             /* closing throws the changes away without asking */
	form_saved_fn saved;
	void *ctx;
	int cursor_y, cursor_x;   /* where the terminal's cursor goes; y < 0: hidden */
	int field_x, field_w;     /* the fields' column */
	char *links;              /* documents picked, waiting for the relation of each */
};

static inline struct app *app_of(struct form *fm)
{
	return fm->base.app;
}

static inline enum date_style style_of(struct form *fm)
{
	return app_of(fm)->ctx->settings.date_format;
}

/* The field the cursor is in. */
static inline struct ffield *form_current(struct form *fm)
{
	return &fm->ff[fm->cur];
}

/* Counts an edit (drafts are kept after edits). */
static inline void form_touched(struct form *fm)
{
	fm->edits++;
}

/* Sets choice field x to choice c (0: none), keeping what was typed ahead. */
void form_set_choice(struct form *fm, struct ffield *x, int c);

/*
 * Opens the list of the current field (a menu of choices, a pick list of
 * records, one or several), search its first letters (may be NULL).
 * Returns what the screen does next.
 */
int form_pick(struct form *fm, const char *search);

/* True when a field holds something else than what the form started from. */
bool form_changed(const struct form *fm);

/* Checks the form after a field was left: the messages beside the fields. */
void form_recheck(struct form *fm);

/* Sets the form's titles: what it is (a new item under #12, item #12 version 3). */
void form_name(struct form *fm);

/* Saves the form; returns what the screen does next (SCREEN_CLOSE after a save). */
int form_save(struct form *fm);

/* Removes the form's draft file. */
void form_drop_draft(struct form *fm);

/* The lifecycle hooks (screen.h). */
int form_save_draft(struct screen *s);
bool form_dirty(struct screen *s);

#endif
