#ifndef HOSO_FORMFIELD_H
#define HOSO_FORMFIELD_H

/*
 * One field of a form: how it is edited (a line, several lines, a choice,
 * another record), what it holds and what it started from, the message of
 * its last check, and how it is drawn beside its label. The form
 * (form.c) lays the fields out, moves between them, checks and saves.
 */

#include <stdbool.h>

#include "canvas.h"
#include "fields.h"
#include "lineedit.h"
#include "settings.h"

struct store;

/* How a field is edited. */
enum ff_how {
	FF_LINE,   /* one line of text: text, dates, numbers, several records by name */
	FF_LINES,  /* several lines: notes, targets */
	FF_CHOICE, /* one of a list: type-ahead, ← →, or the list */
	FF_REF,    /* another record, picked from a searchable list */
};

struct ffield {
	int f;                    /* the field's index in its table */
	const struct field *def;
	enum ff_how how;
	struct lineedit edit;     /* FF_LINE, FF_LINES */
	char *value;              /* FF_CHOICE, FF_REF: the canonical value; NULL when empty */
	char *orig;               /* the text or value the form started from ("" when empty) */
	char *shown;              /* FF_REF: its value as a clerk reads it */
	char ta[64];              /* FF_CHOICE: the letters typed ahead */
	char msg[300];            /* what the last check said; "" when fine */
	bool visited;             /* left once: its record checks are shown */
	int y, rows;              /* the layout: first row in the form, rows of the value */
};


/* What a field needs of its form: the database, the kind of record, the date style. */
struct ff_env {
	struct store *store;
	enum record_kind kind;
	enum date_style style;
};

/* Where fields are drawn: form row `first` at canvas row top, height rows of it in view. */
struct ff_view {
	int top, first, height;
	int label_w;            /* the label column, after the two cells of the cursor mark */
	int field_x, field_w;   /* the fields' column */
};

/* Sets x up, empty, for field f (def) of its table. */
void ffield_init(struct ffield *x, int f, const struct field *def);

/* Frees what x holds. */
void ffield_free(struct ffield *x);

/* True for fields edited as text (lines), false for choices and references. */
bool ffield_as_text(const struct ffield *x);

/* What x holds now: its text, or its canonical value; "" when empty. */
const char *ffield_content(const struct ffield *x);

/* True when x holds something else than what the form started from. */
bool ffield_changed(const struct ffield *x);

/* Refreshes what a reference shows for its value (a name, not a key). */
void ffield_refresh(const struct ff_env *e, struct ffield *x);

/* Puts text (a choice's or a reference's canonical value) into x. 0, or -1 when out of memory. */
int ffield_set(const struct ff_env *e, struct ffield *x, const char *text);

/* The text x shows for a canonical value (newly allocated; NULL when out of memory). */
char *ffield_text_for(const struct ff_env *e, const struct ffield *x, const char *value);

/* Sets x to value (canonical) and makes it what the form started from. 0 or -1. */
int ffield_start(const struct ff_env *e, struct ffield *x, const char *value);

/* Sets the message of x from a record check's, without the field's label before it. */
void ffield_message(struct ffield *x, const char *msg);

/* A choice: the entry it holds (0: none), the entry whose name or code begins with typed (0: none). */
int ffield_choice(const struct ffield *x);
int ffield_choice_ahead(const struct ffield *x, const char *typed);

/*
 * Draws x (its rows from x->y, x->rows high, and its message below them)
 * in v; when is_cur, marks it and puts where the cursor goes in *cursor_y,
 * *cursor_x.
 */
void ffield_draw(struct ffield *x, struct canvas *c, const struct ff_view *v, bool is_cur, int *cursor_y,
                 int *cursor_x);

#endif
