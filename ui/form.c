#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "change.h"
#include "draft.h"
#include "fieldtext.h"
#include "fold.h"
#include "form.h"
#include "i18n.h"
#include "lineedit.h"
#include "menu.h"
#include "picker.h"
#include "refdata.h"
#include "store.h"
#include "text.h"
#include "validate.h"

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

struct form {
	struct screen base;
	enum record_kind kind;
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
};

static struct app *app_of(struct form *fm)
{
	return fm->base.app;
}

static enum date_style style_of(struct form *fm)
{
	return app_of(fm)->ctx->settings.date_format;
}

/* ------------------------------------------------------------------ a field's content */

static bool edited_as_text(const struct ffield *x)
{
	return x->how == FF_LINE || x->how == FF_LINES;
}

/* What the field holds now, as text ("" when empty). */
static const char *content(const struct ffield *x)
{
	if (edited_as_text(x))
		return lineedit_text(&x->edit);
	return x->value != NULL ? x->value : "";
}

static bool field_changed(const struct ffield *x)
{
	return strcmp(content(x), x->orig != NULL ? x->orig : "") != 0;
}

static bool form_changed(const struct form *fm)
{
	int i;

	for (i = 0; i < fm->nff; i++)
		if (field_changed(&fm->ff[i]))
			return true;
	return false;
}

/* Refreshes what an FF_REF shows for its value. */
static void refresh_shown(struct form *fm, struct ffield *x)
{
	free(x->shown);
	x->shown = x->how == FF_REF && x->value != NULL
		? field_display(app_of(fm)->store, fm->kind, x->f, x->value, style_of(fm))
		: NULL;
}

/* Puts text (or a canonical value, for choices and references) into x. */
static int set_content(struct form *fm, struct ffield *x, const char *text)
{
	if (edited_as_text(x)) {
		if (lineedit_set(&x->edit, text != NULL ? text : "") != 0)
			return -1;
		x->edit.scroll = 0;
	} else {
		char *v = text != NULL && *text != '\0' ? strdup(text) : NULL;

		if (text != NULL && *text != '\0' && v == NULL)
			return -1;
		free(x->value);
		x->value = v;
		x->ta[0] = '\0';
		refresh_shown(fm, x);
	}
	return 0;
}

/* The text a field shows for a canonical value. NULL when out of memory. */
static char *text_for(struct form *fm, const struct ffield *x, const char *value)
{
	if (edited_as_text(x))
		return field_edit_text(app_of(fm)->store, fm->kind, x->f, value, style_of(fm));
	return strdup(value != NULL ? value : "");
}

/* Sets x to value (canonical) and makes it what the form started from. */
static int start_field(struct form *fm, struct ffield *x, const char *value)
{
	char *t = text_for(fm, x, value);

	if (t == NULL || set_content(fm, x, t) != 0) {
		free(t);
		return -1;
	}
	free(x->orig);
	x->orig = t;
	return 0;
}

/* ------------------------------------------------------------------ checks */

/*
 * The canonical value of x: the start's when untouched (so a name that no
 * longer finds its record does not change it), else what the text parses
 * to. Returns 0, -1 with the reason in x->msg, or -2 with err.
 */
static int field_value(struct form *fm, struct ffield *x, char **out, struct error *err)
{
	char why[256] = "";
	int rc;

	*out = NULL;
	if (!field_changed(x) && !fm->is_new) {
		const char *v = record_get(&fm->start, x->f);

		*out = v != NULL ? strdup(v) : NULL;
		return 0;
	}
	if (!edited_as_text(x)) {
		*out = x->value != NULL ? strdup(x->value) : NULL;
		return 0;
	}
	rc = field_parse(app_of(fm)->store, fm->kind, x->f, lineedit_text(&x->edit), style_of(fm), out, why,
	                 sizeof why, err);
	if (rc == -1)
		snprintf(x->msg, sizeof x->msg, "%s", why);
	return rc;
}

/* The message of a record check without the label before it. */
static void own_message(struct ffield *x, const char *msg)
{
	const char *label = _(x->def->label);
	size_t n = strlen(label);

	if (strncmp(msg, label, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	snprintf(x->msg, sizeof x->msg, "%s", msg);
}

static struct ffield *ff_of(struct form *fm, int f)
{
	int i;

	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].f == f)
			return &fm->ff[i];
	return NULL;
}

/*
 * Checks every field and the record as a whole into the fields' messages
 * (record checks only on visited fields unless all) and builds the record
 * the form holds into mine (initialised here; the start's value where a
 * field does not parse). Returns how many fields have a message, or -1
 * with err set (the database could not be read).
 */
static int check_form(struct form *fm, bool all, struct record *mine, struct error *err)
{
	struct field_error errs[SAVE_MAX_ERRORS];
	int i, n, bad = 0;

	if (record_copy(mine, &fm->start) != 0)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (i = 0; i < fm->nff; i++) {
		struct ffield *x = &fm->ff[i];
		char *v = NULL;
		int rc;

		x->msg[0] = '\0';
		rc = field_value(fm, x, &v, err);
		if (rc == -2) {
			record_clear(mine);
			return -1;
		}
		if (rc == 0 && record_set(mine, x->f, v) != 0) {
			free(v);
			record_clear(mine);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		free(v);
	}
	n = record_check(app_of(fm)->store, mine, errs, SAVE_MAX_ERRORS, err);
	if (n < 0) {
		record_clear(mine);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct ffield *x = ff_of(fm, errs[i].field);

		if (x != NULL && x->msg[0] == '\0' && (all || x->visited))
			own_message(x, errs[i].msg);
	}
	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].msg[0] != '\0')
			bad++;
	return bad;
}

/* Checks the form after a field was left; messages only. */
static void recheck(struct form *fm)
{
	struct error err = { 0 };
	struct record mine;

	record_init(&mine, fm->kind);
	if (check_form(fm, false, &mine, &err) < 0)
		app_message(app_of(fm), ROLE_ERROR, "%s", err.msg);
	record_clear(&mine);
}

/* ------------------------------------------------------------------ drafts */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void drop_draft(struct form *fm)
{
	if (fm->draft_path != NULL)
		draft_remove(fm->draft_path);
}

static int form_save_draft(struct screen *s)
{
	struct form *fm = (struct form *)s;
	struct error err = { 0 };
	struct draft d;
	int i, rc;

	if (fm->draft_path == NULL)
		return 0;
	if (!form_changed(fm)) {
		drop_draft(fm);
		fm->drafted = fm->edits;
		return 0;
	}
	draft_init(&d, fm->kind);
	d.db = draft_db_name(store_path(app_of(fm)->store));
	snprintf(d.login, sizeof d.login, "%s", store_login(app_of(fm)->store));
	snprintf(d.id, sizeof d.id, "%s", fm->start.id);
	d.no = fm->start.no;
	d.version = fm->start.version;
	d.saved_ms = now_ms();
	rc = d.db == NULL || record_copy(&d.base, &fm->start) != 0 ? -1 : 0;
	for (i = 0; i < fm->nff && rc == 0; i++)
		if ((d.typed[fm->ff[i].f] = strdup(content(&fm->ff[i]))) == NULL)
			rc = -1;
	if (rc != 0)
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
	else
		rc = draft_write(fm->draft_path, &d, &err);
	draft_clear(&d);
	if (rc != 0) {
		app_message(app_of(fm), ROLE_ERROR, _("The draft could not be kept: %s"), err.msg);
		return -1;
	}
	fm->drafted = fm->edits;
	return 0;
}

static bool form_dirty(struct screen *s)
{
	struct form *fm = (struct form *)s;

	return fm->edits != fm->drafted;
}

/* ------------------------------------------------------------------ saving */

static void report_saved(struct form *fm, const struct save_result *res)
{
	if (res->no > 0)
		app_message(app_of(fm), ROLE_MESSAGE, _("Saved %s #%ld (version %ld)"), record_kind_name(fm->kind),
		            res->no, res->version);
	else
		app_message(app_of(fm), ROLE_MESSAGE, _("Saved the %s (version %ld)"), record_kind_name(fm->kind),
		            res->version);
}

/* Moves to field i, scrolled into view at the next draw. */
static void go_to(struct form *fm, int i)
{
	if (i >= 0 && i < fm->nff)
		fm->cur = i;
}

static int first_bad(struct form *fm)
{
	int i;

	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].msg[0] != '\0')
			return i;
	return -1;
}

/* Saves the form. Returns what the screen should do. */
static int save(struct form *fm)
{
	struct app *a = app_of(fm);
	struct error err = { 0 };
	struct save_result res;
	struct record mine;
	int bad, rc;

	record_init(&mine, fm->kind);
	bad = check_form(fm, true, &mine, &err);
	if (bad < 0) {
		app_message(a, ROLE_ERROR, _("Not saved, what you typed is kept (F2 tries again): %s"),
		            app_reason(a, err.msg));
		return SCREEN_REDRAW;
	}
	if (bad > 0) {
		record_clear(&mine);
		go_to(fm, first_bad(fm));
		app_message(a, ROLE_ERROR,
		            ngettext("%d field needs attention; nothing was saved", "%d fields need attention; nothing was saved", bad),
		            bad);
		return SCREEN_REDRAW;
	}
	rc = record_save(a->store, fm->is_new ? NULL : &fm->start, &mine, NULL, &res, &err);
	if (rc != 0) {
		record_clear(&mine);
		app_message(a, ROLE_ERROR, _("Not saved, what you typed is kept (F2 tries again): %s"),
		            app_reason(a, err.msg));
		return SCREEN_REDRAW;
	}
	switch (res.outcome) {
	case SAVE_DONE:
	case SAVE_UNCHANGED:
		if (res.outcome == SAVE_DONE)
			report_saved(fm, &res);
		else
			app_message(a, ROLE_MESSAGE, "%s", _("Nothing changed: every field already had that value"));
		drop_draft(fm);
		fm->discard = true;
		if (res.outcome == SAVE_DONE && fm->saved != NULL)
			fm->saved(fm->ctx, fm->kind, res.id, res.no);
		app_reload(a);
		save_result_clear(&res);
		record_clear(&mine);
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case SAVE_INVALID: {
		int i;

		for (i = 0; i < res.nerrors; i++) {
			struct ffield *x = ff_of(fm, res.errors[i].field);

			if (x != NULL && x->msg[0] == '\0')
				own_message(x, res.errors[i].msg);
		}
		go_to(fm, first_bad(fm));
		app_message(a, ROLE_ERROR, "%s", _("Not saved: see the messages beside the fields"));
		break;
	}
	case SAVE_CONFLICT:
	case SAVE_STALE:
		app_push(a, conflict_screen_new(a, &fm->base, &fm->start, &res.theirs, &mine, res.conflicts,
		                                res.nconflicts));
		break;
	}
	save_result_clear(&res);
	record_clear(&mine);
	return SCREEN_REDRAW;
}

void form_resolve(struct screen *s, const struct record *theirs, const int *conflicts,
                  const bool *keep_theirs, int n, bool save_now)
{
	struct form *fm = (struct form *)s;
	int i, j;
	bool oom = false;

	for (i = 0; i < fm->nff; i++) {
		struct ffield *x = &fm->ff[i];
		char *mine = strdup(content(x)), *t = text_for(fm, x, record_get(theirs, x->f));
		bool conflicting = false, theirs_wins = false;

		for (j = 0; j < n; j++) {
			if (conflicts[j] == x->f) {
				conflicting = true;
				theirs_wins = save_now && keep_theirs != NULL && keep_theirs[j];
			}
		}
		if (mine == NULL || t == NULL) {
			free(mine);
			free(t);
			oom = true;
			continue;
		}
		/* Untouched here, or their value chosen: theirs; else what was typed stays. */
		if (theirs_wins || (!conflicting && !field_changed(x)))
			set_content(fm, x, t);
		else
			set_content(fm, x, mine);
		free(x->orig);
		x->orig = t;
		free(mine);
		x->visited = true;
	}
	if (record_copy(&fm->start, theirs) != 0)
		oom = true;
	fm->is_new = false;
	fm->note[0] = '\0';
	fm->edits++;
	if (oom) {
		app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	if (save_now) {
		int r = save(fm);

		if (r & SCREEN_CLOSE)
			app_close(app_of(fm), s);
	} else {
		recheck(fm);
		app_message(app_of(fm), ROLE_MESSAGE, "%s",
		            _("Back in the form: their other changes are in it; F2 saves what it shows"));
	}
}

/* ------------------------------------------------------------------ choices and pickers */

static struct ffield *current(struct form *fm)
{
	return &fm->ff[fm->cur];
}

static void changed(struct form *fm, struct ffield *x)
{
	(void)x;
	fm->edits++;
}

/* The choice whose name or code begins with what was typed ahead (folded), or 0. */
static int choice_ahead(const struct ffield *x, const char *typed)
{
	enum choice_list l = (enum choice_list)x->def->max;
	char *want = fold_dup(typed);
	int i, found = 0;

	for (i = 1; want != NULL && i <= choice_count(l) && found == 0; i++) {
		char *name = fold_dup(choice_name(l, i));

		if (name != NULL && strncmp(name, want, strlen(want)) == 0)
			found = i;
		else if (strncmp(choice_code(l, i), want, strlen(want)) == 0)
			found = i;
		free(name);
	}
	free(want);
	return found;
}

static void set_choice(struct form *fm, struct ffield *x, int c)
{
	const char *code = c > 0 ? choice_code((enum choice_list)x->def->max, c) : NULL;
	char ta[sizeof x->ta];

	memcpy(ta, x->ta, sizeof ta);
	set_content(fm, x, code);
	memcpy(x->ta, ta, sizeof ta);
	changed(fm, x);
}

static int current_choice(const struct ffield *x)
{
	return x->value != NULL ? choice_parse((enum choice_list)x->def->max, x->value) : 0;
}

static void on_choice(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct form *fm = ctx;
	struct ffield *x = current(fm);

	(void)all;
	(void)n;
	if (!ok || chosen == NULL || x->how != FF_CHOICE)
		return;
	x->ta[0] = '\0';
	set_choice(fm, x, (int)chosen->value);
	recheck(fm);
}

static void on_pick(void *ctx, bool ok, const char *value)
{
	struct form *fm = ctx;
	struct ffield *x = current(fm);

	if (!ok)
		return;
	if (x->how == FF_REF) {
		set_content(fm, x, value);
	} else {
		char *t = field_edit_text(app_of(fm)->store, fm->kind, x->f, value, style_of(fm));

		if (t == NULL || lineedit_set(&x->edit, t) != 0)
			app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
		free(t);
	}
	changed(fm, x);
	x->visited = true;
	recheck(fm);
}

/* Opens the list of the current field (a choice, a record, several records). */
static int pick(struct form *fm, const char *search)
{
	struct app *a = app_of(fm);
	struct ffield *x = current(fm);
	char title[300];

	snprintf(title, sizeof title, "%s", _(x->def->label));
	if (x->how == FF_CHOICE) {
		enum choice_list l = (enum choice_list)x->def->max;
		struct menu_entry e[16];
		int i, n = choice_count(l);

		memset(e, 0, sizeof e);
		for (i = 0; i < n && i < 16; i++) {
			e[i].label = (char *)choice_name(l, i + 1);
			e[i].value = i + 1;
		}
		app_push(a, menu_new(a, title, e, n, current_choice(x) > 0 ? current_choice(x) - 1 : 0, false,
		                     on_choice, fm));
		return SCREEN_REDRAW;
	}
	if (x->how == FF_REF) {
		app_push(a, picker_new(a, title, (enum record_kind)x->def->max, false, NULL, search, on_pick, fm));
		return SCREEN_REDRAW;
	}
	if (x->def->type == FT_MULTI || x->def->type == FT_LINKS) {
		struct error err = { 0 };
		char why[256] = "", *value = NULL;
		int rc = field_parse(a->store, fm->kind, x->f, lineedit_text(&x->edit), style_of(fm), &value, why,
		                     sizeof why, &err);

		if (rc != 0) {
			if (rc == -1)
				snprintf(x->msg, sizeof x->msg, "%s", why);
			app_message(a, ROLE_ERROR, _("Correct the field first: %s"), rc == -1 ? why : err.msg);
			return SCREEN_REDRAW;
		}
		app_push(a, picker_new(a, title, (enum record_kind)x->def->max, true, value, search, on_pick, fm));
		free(value);
		return SCREEN_REDRAW;
	}
	app_message(a, ROLE_DIM, "%s", _("This field is typed, not chosen from a list"));
	return SCREEN_REDRAW;
}

/* ------------------------------------------------------------------ moving */

static void leave(struct form *fm)
{
	struct ffield *x = current(fm);

	x->visited = true;
	x->ta[0] = '\0';
	x->edit.scroll = 0;
	recheck(fm);
}

static int move(struct form *fm, int delta)
{
	int to = fm->cur + delta;

	if (to < 0)
		to = 0;
	if (to >= fm->nff)
		to = fm->nff - 1;
	if (to == fm->cur)
		return SCREEN_REDRAW;
	leave(fm);
	fm->cur = to;
	return SCREEN_REDRAW;
}

/* ------------------------------------------------------------------ layout and drawing */

/* The rows the multi-line fields get: at least 2 each, the rest of the room shared. */
static void layout(struct form *fm, int cols, int height)
{
	int i, used = 1, multi = 0, spare, width;

	fm->label_w = 0;
	for (i = 0; i < fm->nff; i++) {
		int w = text_width(_(fm->ff[i].def->label)) + 2;

		if (w > fm->label_w)
			fm->label_w = w;
	}
	if (fm->label_w > cols / 3)
		fm->label_w = cols / 3;
	fm->field_x = fm->label_w + 2;
	width = cols - fm->field_x - 1;
	fm->field_w = width > 4 ? width : 4;
	if (fm->note[0] != '\0')
		used++;
	for (i = 0; i < fm->nff; i++) {
		used += fm->ff[i].msg[0] != '\0' ? 1 : 0;
		if (fm->ff[i].how == FF_LINES)
			multi++;
		else
			used++;
	}
	spare = height - used - 2 * multi;
	for (i = 0; i < fm->nff; i++) {
		struct ffield *x = &fm->ff[i];

		x->rows = 1;
		if (x->how == FF_LINES) {
			int extra = 0;

			if (spare > 0 && multi > 0) {
				extra = (spare + multi - 1) / multi;
				if (extra > 4)
					extra = 4;
				if (extra > spare)
					extra = spare;
				spare -= extra;
				multi--;
			}
			x->rows = 2 + extra;
		}
	}
	used = 1 + (fm->note[0] != '\0' ? 1 : 0);
	for (i = 0; i < fm->nff; i++) {
		fm->ff[i].y = used;
		used += fm->ff[i].rows + (fm->ff[i].msg[0] != '\0' ? 1 : 0);
	}
	/* The current field and its message in view. */
	{
		struct ffield *x = current(fm);
		int end = x->y + x->rows + (x->msg[0] != '\0' ? 1 : 0);

		if (x->y < fm->top + 1)
			fm->top = x->y - 1;
		if (end > fm->top + height)
			fm->top = end - height;
		if (fm->top > used - height)
			fm->top = used - height;
		if (fm->top < 0)
			fm->top = 0;
	}
}

static const char *form_title(struct screen *s)
{
	return ((struct form *)s)->title;
}

/* Puts row y of the form (in form rows) on the canvas when it is in view. */
static bool visible(struct form *fm, int y, int height)
{
	return y >= fm->top && y < fm->top + height;
}

static void draw_field(struct form *fm, struct canvas *c, int top, int height, int i)
{
	struct ffield *x = &fm->ff[i];
	bool is_cur = i == fm->cur;
	int y = top + x->y - fm->top, fx = fm->field_x, fw = fm->field_w, role = ROLE_INPUT;
	char label[300];

	snprintf(label, sizeof label, "%s%s:", _(x->def->label), x->def->flags & F_REQUIRED ? "*" : "");
	if (visible(fm, x->y, height)) {
		canvas_put(c, y, 0, 2, is_cur ? ">" : "", ROLE_LABEL, TEXT_PAD);
		canvas_put(c, y, 2, fm->label_w, label, ROLE_LABEL, TEXT_PAD | TEXT_ELLIPSIS);
	}
	switch (x->how) {
	case FF_LINE: {
		char shown[2048];
		int col;

		if (!visible(fm, x->y, height))
			break;
		if (is_cur) {
			lineedit_view(&x->edit, fw, shown, sizeof shown, &col);
			canvas_put(c, y, fx, fw, shown, role, TEXT_PAD);
		} else {
			canvas_put(c, y, fx, fw, lineedit_text(&x->edit), role, TEXT_PAD | TEXT_ELLIPSIS);
		}
		if (is_cur) {
			fm->cursor_y = y;
			fm->cursor_x = fx + col;
		}
		break;
	}
	case FF_LINES: {
		char (*rows)[512] = calloc((size_t)x->rows, sizeof *rows);
		int n, r, crow = 0, ccol = 0;

		if (rows == NULL)
			break;
		if (is_cur) {
			n = lineedit_view_rows(&x->edit, fw, x->rows, rows, &crow, &ccol);
		} else {
			/* Not being typed in: its first lines. */
			size_t keep = x->edit.cursor;

			x->edit.cursor = 0;
			x->edit.scroll = 0;
			n = lineedit_view_rows(&x->edit, fw, x->rows, rows, &crow, &ccol);
			x->edit.cursor = keep;
		}
		for (r = 0; r < x->rows; r++)
			if (visible(fm, x->y + r, height))
				canvas_put(c, y + r, fx, fw, r < n ? rows[r] : "", role, TEXT_PAD);
		if (is_cur && visible(fm, x->y + crow, height)) {
			fm->cursor_y = y + crow;
			fm->cursor_x = fx + ccol;
		}
		free(rows);
		break;
	}
	case FF_CHOICE:
	case FF_REF: {
		char line[1200];
		const char *v = x->how == FF_REF ? (x->shown != NULL ? x->shown : "")
		                : current_choice(x) > 0 ? choice_name((enum choice_list)x->def->max, current_choice(x))
		                : x->value != NULL ? x->value : "";

		if (!visible(fm, x->y, height))
			break;
		snprintf(line, sizeof line, "%s", v);
		canvas_put(c, y, fx, fw, line, role, TEXT_PAD | TEXT_ELLIPSIS);
		if (is_cur) {
			fm->cursor_y = y;
			fm->cursor_x = fx + (x->how == FF_CHOICE ? text_width(x->ta) : 0);
		}
		break;
	}
	}
	if (x->msg[0] != '\0' && visible(fm, x->y + x->rows, height)) {
		char line[400];

		snprintf(line, sizeof line, "! %s", x->msg);
		canvas_put(c, y + x->rows, fx, fw, line, ROLE_ERROR, TEXT_ELLIPSIS);
	}
}

static void name_form(struct form *fm);

static void form_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct form *fm = (struct form *)s;
	int i;

	if (fm->is_new)
		name_form(fm); /* "a new item under #12" follows the parent chosen */
	layout(fm, c->cols, height);
	fm->cursor_y = -1;
	if (visible(fm, 0, height))
		canvas_put(c, top - fm->top, 0, c->cols, fm->header, ROLE_SECTION, TEXT_ELLIPSIS);
	if (fm->note[0] != '\0' && visible(fm, 1, height))
		canvas_put(c, top + 1 - fm->top, 0, c->cols, fm->note, ROLE_ERROR, TEXT_ELLIPSIS);
	for (i = 0; i < fm->nff; i++)
		draw_field(fm, c, top, height, i);
}

static void form_cursor(struct screen *s, struct canvas *c)
{
	struct form *fm = (struct form *)s;

	if (fm->cursor_y >= 0 && s->app->message[0] == '\0')
		c->ops->cursor(c, fm->cursor_y, fm->cursor_x);
}

static void form_status(struct screen *s, struct strbuf *left)
{
	struct form *fm = (struct form *)s;
	struct ffield *x = current(fm);

	switch (x->def->type) {
	case FT_DATE:
		strbuf_puts(left, style_of(fm) == DATE_ISO ? _(" yyyy-mm-dd") : _(" dd/mm/yyyy"));
		break;
	case FT_YEAR:
		strbuf_puts(left, _(" A year: 2024"));
		break;
	case FT_PERCENT:
		strbuf_puts(left, _(" 0 to 100, or empty when not known"));
		break;
	case FT_MULTI:
		strbuf_puts(left, x->def->flags & F_ROLE ? _(" Names separated by ';', a role after ':' · F4: the list")
		                                          : _(" Names separated by ';' · F4: the list"));
		break;
	case FT_LINKS:
		strbuf_puts(left, _(" Number: relation, separated by ';' · F4: the list"));
		break;
	case FT_TARGETS:
		strbuf_puts(left, _(" A target a line: text | measure | min | max | actual | notes"));
		break;
	case FT_NOTES:
		strbuf_puts(left, _(" Enter: a new line · Tab: the next field"));
		break;
	case FT_CHOICE:
		strbuf_puts(left, _(" Letters choose · ← → · F4: the list"));
		break;
	case FT_REF:
		strbuf_puts(left, _(" Enter or F4: choose · Delete: empty"));
		break;
	default:
		strbuf_printf(left, " %s", _(x->def->label));
		break;
	}
	strbuf_printf(left, " · %s", _("F2: save · Esc: cancel"));
}

/* ------------------------------------------------------------------ keys */

static int choice_key(struct form *fm, struct ffield *x, ui_key k)
{
	enum choice_list l = (enum choice_list)x->def->max;
	int c = current_choice(x), n = choice_count(l);

	if (ui_key_is_text(k)) {
		char ta[sizeof x->ta], buf[4];
		size_t len = strlen(x->ta);
		int found;

		buf[utf8_encode((uint32_t)ui_key_base(k), buf)] = '\0';
		snprintf(ta, sizeof ta, "%s%s", x->ta, buf);
		found = choice_ahead(x, ta);
		if (found == 0) {
			app_message(app_of(fm), ROLE_DIM, _("No entry of %s begins with '%s'"), _(x->def->label), ta);
			return SCREEN_REDRAW;
		}
		(void)len;
		memcpy(x->ta, ta, sizeof x->ta);
		set_choice(fm, x, found);
		return SCREEN_REDRAW;
	}
	switch (k) {
	case UIK_BACKSPACE:
		if (x->ta[0] != '\0') {
			size_t len = strlen(x->ta);

			while (len > 0 && ((unsigned char)x->ta[len - 1] & 0xc0) == 0x80)
				len--;
			if (len > 0)
				len--;
			x->ta[len] = '\0';
			if (len > 0)
				set_choice(fm, x, choice_ahead(x, x->ta));
		}
		return SCREEN_REDRAW;
	case UIK_DELETE:
		x->ta[0] = '\0';
		set_choice(fm, x, 0);
		return SCREEN_REDRAW;
	case UIK_RIGHT:
	case UIK_LEFT:
		x->ta[0] = '\0';
		c = k == UIK_RIGHT ? (c >= n ? 1 : c + 1) : (c <= 1 ? n : c - 1);
		set_choice(fm, x, c);
		return SCREEN_REDRAW;
	default:
		return SCREEN_IGNORED;
	}
}

static int ref_key(struct form *fm, struct ffield *x, ui_key k)
{
	if (ui_key_is_text(k)) {
		char buf[5];

		buf[utf8_encode((uint32_t)ui_key_base(k), buf)] = '\0';
		return pick(fm, buf);
	}
	if (k == UIK_DELETE || k == UIK_BACKSPACE) {
		set_content(fm, x, NULL);
		changed(fm, x);
		return SCREEN_REDRAW;
	}
	return SCREEN_IGNORED;
}

static int form_key(struct screen *s, ui_key k)
{
	struct form *fm = (struct form *)s;
	struct ffield *x = current(fm);
	enum lineedit_result r;

	switch (x->how) {
	case FF_CHOICE:
		return choice_key(fm, x, k);
	case FF_REF:
		return ref_key(fm, x, k);
	case FF_LINES:
		if (k == UIK_UP || k == UIK_DOWN) {
			int w = fm->field_w > 0 ? fm->field_w : 40;

			return lineedit_vertical(&x->edit, w, k == UIK_UP ? -1 : 1) ? SCREEN_REDRAW : SCREEN_IGNORED;
		}
		break;
	case FF_LINE:
		if (k == UIK_ENTER) /* Enter never saves: it moves on, or opens the list */
			return x->def->type == FT_MULTI || x->def->type == FT_LINKS ? pick(fm, NULL) : move(fm, 1);
		break;
	}
	r = lineedit_key(&x->edit, k);
	switch (r) {
	case LINEEDIT_CHANGED:
		changed(fm, x);
		return SCREEN_REDRAW;
	case LINEEDIT_MOVED:
		return SCREEN_REDRAW;
	case LINEEDIT_REFUSED:
		app_message(app_of(fm), ROLE_DIM, "%s",
		            _("Refused: control characters are not stored, or the field is full"));
		return SCREEN_REDRAW;
	case LINEEDIT_IGNORED:
		break;
	}
	return SCREEN_IGNORED;
}

static int form_action(struct screen *s, enum action a)
{
	struct form *fm = (struct form *)s;

	switch (a) {
	case ACTION_NEXT_FIELD:
	case ACTION_DOWN:
		return move(fm, 1);
	case ACTION_PREV_FIELD:
	case ACTION_UP:
		return move(fm, -1);
	case ACTION_PAGE_DOWN:
		return move(fm, 6);
	case ACTION_PAGE_UP:
		return move(fm, -6);
	case ACTION_HOME:
		return move(fm, -fm->nff);
	case ACTION_END:
		return move(fm, fm->nff);
	case ACTION_SAVE:
		leave(fm);
		return save(fm);
	case ACTION_PICK:
	case ACTION_OPEN:
		if (a == ACTION_OPEN && current(fm)->how == FF_LINES)
			return SCREEN_HANDLED;
		return pick(fm, NULL);
	case ACTION_CANCEL:
	case ACTION_BACK:
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case ACTION_HELP:
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_SUSPEND:
		return SCREEN_IGNORED;
	default:
		return SCREEN_HANDLED; /* nothing else works inside a form */
	}
}

/* ------------------------------------------------------------------ closing */

static void on_leave_answer(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all,
                            int n)
{
	struct form *fm = ctx;

	(void)all;
	(void)n;
	if (!ok || chosen == NULL || chosen->value != 1)
		return;
	fm->discard = true;
	app_close(app_of(fm), &fm->base);
}

static int form_close(struct screen *s)
{
	struct form *fm = (struct form *)s;
	struct menu_entry e[2];

	if (fm->discard || !form_changed(fm)) {
		drop_draft(fm);
		return SCREEN_MAY_CLOSE;
	}
	memset(e, 0, sizeof e);
	e[0].label = (char *)_("Keep editing");
	e[0].value = 0;
	e[1].label = (char *)_("Throw the changes away and leave the form");
	e[1].value = 1;
	app_push(app_of(fm), menu_new(app_of(fm), _("Something was changed. Leave the form?"), e, 2, 0, false,
	                              on_leave_answer, fm));
	return SCREEN_NOT_NOW;
}

/* Another clerk saved: the form keeps what was typed, and says so when it is this record. */
static void form_reload(struct screen *s)
{
	struct form *fm = (struct form *)s;
	struct error err = { 0 };
	struct record now;
	int i;

	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].how == FF_REF)
			refresh_shown(fm, &fm->ff[i]);
	if (fm->is_new)
		return;
	if (record_load(app_of(fm)->store, fm->kind, fm->start.id, &now, &err) == 1 &&
	    now.version != fm->start.version)
		snprintf(fm->note, sizeof fm->note,
		         _("Another clerk saved this %s meanwhile (version %ld): saving shows what differs"),
		         record_kind_name(fm->kind), now.version);
	record_clear(&now);
}

static bool form_lacks(const struct screen *s, enum action a)
{
	(void)s;
	return a == ACTION_THEIRS || a == ACTION_MINE;
}

static void form_destroy(struct screen *s)
{
	struct form *fm = (struct form *)s;
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		lineedit_free(&fm->ff[i].edit);
		free(fm->ff[i].value);
		free(fm->ff[i].orig);
		free(fm->ff[i].shown);
	}
	record_clear(&fm->start);
	free(fm->draft_path);
	free(fm);
}

static const struct screen_ops form_ops = {
	.name = N_("Form"),
	.title = form_title,
	.draw = form_draw,
	.status = form_status,
	.cursor = form_cursor,
	.key = form_key,
	.action = form_action,
	.reload = form_reload,
	.close = form_close,
	.dirty = form_dirty,
	.save_draft = form_save_draft,
	.destroy = form_destroy,
	.keymap = KEYMAP_FORM,
	.lacks = form_lacks,
};

/* ------------------------------------------------------------------ making one */

/* The titles: what the form is (a new item under #12, item #12 version 3). */
static void name_form(struct form *fm)
{
	const char *kind = record_kind_name(fm->kind);
	struct ffield *parent = NULL;
	int i;

	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].def->type == FT_REF && fm->ff[i].def->max == (int)fm->kind)
			parent = &fm->ff[i];
	if (fm->is_new) {
		snprintf(fm->title, sizeof fm->title, _("New %s"), kind);
		if (parent != NULL && parent->shown != NULL && parent->shown[0] != '\0')
			snprintf(fm->header, sizeof fm->header, _("A new %s under %s"), kind, parent->shown);
		else
			snprintf(fm->header, sizeof fm->header, _("A new %s"), kind);
		return;
	}
	if (fm->start.no > 0)
		snprintf(fm->title, sizeof fm->title, _("Edit %s #%ld"), kind, fm->start.no);
	else
		snprintf(fm->title, sizeof fm->title, _("Edit %s"), kind);
	if (fm->start.no > 0)
		snprintf(fm->header, sizeof fm->header, _("%s #%ld, version %ld"), kind, fm->start.no, fm->start.version);
	else
		snprintf(fm->header, sizeof fm->header, _("%s «%s», version %ld"), kind,
		         record_get(&fm->start, 0) != NULL ? record_get(&fm->start, 0) : "", fm->start.version);
	/* Sentence case for the header. */
	if (fm->header[0] >= 'a' && fm->header[0] <= 'z')
		fm->header[0] = (char)(fm->header[0] - 'a' + 'A');
}

/* An empty form of kind k on a (fields made, nothing in them yet). */
static struct form *form_alloc(struct app *a, enum record_kind k)
{
	struct form *fm;
	const struct field *fs;
	int n, i;

	if (store_read_only(a->store) != STORE_RO_NO) {
		app_message(a, ROLE_ERROR, "%s",
		            _("Read-only: this database cannot be changed here (opened with --read-only, or the file is not writable)"));
		return NULL;
	}
	fm = calloc(1, sizeof *fm);
	if (fm == NULL)
		return NULL;
	fm->base.ops = &form_ops;
	fm->base.app = a;
	fm->kind = k;
	record_init(&fm->start, k);
	fs = fields_of(k, &n);
	for (i = 0; i < n; i++) {
		struct ffield *x;

		if (fs[i].flags & F_HIDDEN)
			continue;
		x = &fm->ff[fm->nff++];
		x->f = i;
		x->def = &fs[i];
		switch (fs[i].type) {
		case FT_NOTES:
		case FT_TARGETS:
			x->how = FF_LINES;
			x->edit.lines = true;
			break;
		case FT_CHOICE:
			x->how = FF_CHOICE;
			break;
		case FT_REF:
			x->how = FF_REF;
			break;
		default:
			x->how = FF_LINE;
			break;
		}
		/* Room for a field's longest value typed with combining marks and a little more. */
		x->edit.max = (fs[i].type == FT_TEXT || fs[i].type == FT_NOTES) && fs[i].max > 0
			? (size_t)fs[i].max * 4 + 16 : 16000;
	}
	return fm;
}

/* The file this form's draft goes to. */
static void place_draft(struct form *fm)
{
	struct error err = { 0 };
	char *dir = draft_dir(&err), *db = draft_db_name(store_path(app_of(fm)->store));
	char token[UUID_LEN + 1] = "0";

	if (dir != NULL && db != NULL) {
		uuid_new(token);
		token[8] = '\0';
		fm->draft_path = draft_file(dir, db, fm->kind, fm->start.id, token);
	}
	free(dir);
	free(db);
}

struct screen *form_new(struct app *a, const struct form_spec *spec)
{
	struct error err = { 0 };
	struct form *fm = form_alloc(a, spec->kind);
	int i, found;

	if (fm == NULL)
		return NULL;
	fm->saved = spec->saved;
	fm->ctx = spec->ctx;
	fm->is_new = (spec->id == NULL || spec->id[0] == '\0') && spec->no <= 0;
	if (!fm->is_new) {
		if (spec->id != NULL && spec->id[0] != '\0')
			found = record_load(a->store, spec->kind, spec->id, &fm->start, &err);
		else
			found = record_load_no(a->store, spec->kind, spec->no, &fm->start, &err);
		if (found <= 0) {
			if (found == 0)
				error_set(&err, ERROR_RUNTIME, _("there is no such %s (any more)"), record_kind_name(spec->kind));
			app_message(a, ROLE_ERROR, "%s", err.msg);
			form_destroy(&fm->base);
			return NULL;
		}
	} else {
		/* What a new record starts with: planned, in force, under the parent asked for. */
		if (spec->kind == REC_ITEM)
			record_set(&fm->start, F_ITEM_STATUS, choice_code(CHOICE_STATUS, STATUS_PLANNED));
		if (spec->kind == REC_DOCUMENT)
			record_set(&fm->start, F_DOC_STATE, choice_code(CHOICE_DOC_STATE, 2));
		if (spec->parent_id != NULL && spec->parent_id[0] != '\0') {
			const struct field *fs;
			int n;

			fs = fields_of(spec->kind, &n);
			for (i = 0; i < n; i++)
				if (fs[i].type == FT_REF && fs[i].max == (int)spec->kind)
					record_set(&fm->start, i, spec->parent_id);
		}
	}
	for (i = 0; i < fm->nff; i++) {
		if (start_field(fm, &fm->ff[i], record_get(&fm->start, fm->ff[i].f)) != 0) {
			form_destroy(&fm->base);
			return NULL;
		}
		fm->ff[i].visited = !fm->is_new;
	}
	place_draft(fm);
	name_form(fm);
	return &fm->base;
}

struct screen *form_from_draft(struct app *a, struct draft *d)
{
	struct form *fm = form_alloc(a, d->kind);
	int i;

	if (fm == NULL) {
		draft_clear(d);
		return NULL;
	}
	fm->is_new = d->id[0] == '\0';
	if (record_copy(&fm->start, &d->base) != 0) {
		form_destroy(&fm->base);
		draft_clear(d);
		return NULL;
	}
	snprintf(fm->start.id, sizeof fm->start.id, "%s", d->id);
	fm->start.no = d->no;
	fm->start.version = d->version;
	for (i = 0; i < fm->nff; i++) {
		struct ffield *x = &fm->ff[i];

		if (start_field(fm, x, record_get(&fm->start, x->f)) != 0 ||
		    (d->typed[x->f] != NULL && set_content(fm, x, d->typed[x->f]) != 0)) {
			form_destroy(&fm->base);
			draft_clear(d);
			return NULL;
		}
		x->visited = true;
	}
	for (i = fm->nff - 1; i >= 0; i--)
		if (field_changed(&fm->ff[i]))
			fm->cur = i; /* back where the typing was: the first field changed */
	fm->draft_path = d->path;
	d->path = NULL;
	draft_clear(d);
	fm->edits = 1; /* as kept: written again only when something more is typed */
	fm->drafted = 1;
	name_form(fm);
	form_reload(&fm->base);
	recheck(fm);
	return &fm->base;
}
