#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "change.h"
#include "draft.h"
#include "formstate.h"
#include "i18n.h"
#include "store.h"
#include "validate.h"

/*
 * A form's write path: every field checked and the record as a whole, the
 * save through change.h, the answer to a conflict, and the draft kept
 * while the form holds changes.
 */

bool form_changed(const struct form *fm)
{
	int i;

	for (i = 0; i < fm->nff; i++)
		if (ffield_changed(&fm->ff[i]))
			return true;
	return false;
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
	if (!ffield_changed(x) && !fm->is_new) {
		const char *v = record_get(&fm->start, x->f);

		*out = v != NULL ? strdup(v) : NULL;
		return 0;
	}
	if (!ffield_as_text(x)) {
		*out = x->value != NULL ? strdup(x->value) : NULL;
		return 0;
	}
	rc = field_parse(app_of(fm)->store, fm->kind, x->f, lineedit_text(&x->edit), style_of(fm), out, why,
	                 sizeof why, err);
	if (rc == -1)
		snprintf(x->msg, sizeof x->msg, "%s", why);
	return rc;
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
			ffield_message(x, errs[i].msg);
	}
	for (i = 0; i < fm->nff; i++)
		if (fm->ff[i].msg[0] != '\0')
			bad++;
	return bad;
}

/* Checks the form after a field was left; messages only. */
void form_recheck(struct form *fm)
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

void form_drop_draft(struct form *fm)
{
	if (fm->draft_path != NULL)
		draft_remove(fm->draft_path);
}

int form_save_draft(struct screen *s)
{
	struct form *fm = (struct form *)s;
	struct error err = { 0 };
	struct draft d;
	int i, rc;

	if (fm->draft_path == NULL)
		return 0;
	if (!form_changed(fm)) {
		form_drop_draft(fm);
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
		if ((d.typed[fm->ff[i].f] = strdup(ffield_content(&fm->ff[i]))) == NULL)
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

bool form_dirty(struct screen *s)
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
int form_save(struct form *fm)
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
		form_drop_draft(fm);
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
				ffield_message(x, res.errors[i].msg);
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
		char *mine = strdup(ffield_content(x)), *t = ffield_text_for(&fm->env, x, record_get(theirs, x->f));
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
		if (theirs_wins || (!conflicting && !ffield_changed(x)))
			ffield_set(&fm->env, x, t);
		else
			ffield_set(&fm->env, x, mine);
		free(x->orig);
		x->orig = t;
		free(mine);
		x->visited = true;
	}
	if (record_copy(&fm->start, theirs) != 0)
		oom = true;
	fm->is_new = false;
	form_name(fm); /* their version now */
	fm->note[0] = '\0';
	fm->edits++;
	if (oom) {
		app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	if (save_now) {
		int r = form_save(fm);

		if (r & SCREEN_CLOSE)
			app_close(app_of(fm), s);
	} else {
		form_recheck(fm);
		app_message(app_of(fm), ROLE_MESSAGE, "%s",
		            _("Back in the form: their other changes are in it; F2 saves what it shows"));
	}
}

