#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fieldtext.h"
#include "formstate.h"
#include "i18n.h"
#include "lineedit.h"
#include "menu.h"
#include "picker.h"
#include "refdata.h"
#include "strbuf.h"
#include "validate.h"

/*
 * A form's fields filled from a list: a choice from a menu, a record or
 * several from a pick list, and for a document's links how each new one
 * relates.
 */

void form_set_choice(struct form *fm, struct ffield *x, int c)
{
	const char *code = c > 0 ? choice_code((enum choice_list)x->def->max, c) : NULL;
	char ta[sizeof x->ta];

	memcpy(ta, x->ta, sizeof ta);
	ffield_set(&fm->env, x, code);
	memcpy(x->ta, ta, sizeof ta);
	form_touched(fm);
}

static void on_choice(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct form *fm = ctx;
	struct ffield *x = form_current(fm);

	(void)all;
	(void)n;
	if (!ok || chosen == NULL || x->how != FF_CHOICE)
		return;
	x->ta[0] = '\0';
	form_set_choice(fm, x, (int)chosen->value);
	form_recheck(fm);
}

/* Puts value (a record's key, or lines of keys) into the current field, as picked. */
static void put_picked(struct form *fm, const char *value)
{
	struct ffield *x = form_current(fm);

	if (x->how == FF_REF) {
		ffield_set(&fm->env, x, value);
	} else {
		char *t = field_edit_text(app_of(fm)->store, fm->kind, x->f, value, style_of(fm));

		if (t == NULL || lineedit_set(&x->edit, t) != 0)
			app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
		free(t);
	}
	form_touched(fm);
	x->visited = true;
	form_recheck(fm);
}

/* The first line of a links value (key, or key TAB relation) without its relation, or NULL. */
static const char *line_without_relation(const char *value)
{
	const char *p = value;

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, "\n");

		if (len > 0 && memchr(p, '\t', len) == NULL)
			return p;
		p += len;
		if (*p == '\n')
			p++;
	}
	return NULL;
}

static void ask_relation(struct form *fm, char *value);

static void on_relation(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct form *fm = ctx;
	char *value = fm->links;
	const char *line = line_without_relation(value);

	(void)all;
	(void)n;
	fm->links = NULL;
	if (!ok || chosen == NULL || line == NULL) {
		/* Esc: the documents go in as picked; the message beside the field asks for the rest. */
		put_picked(fm, value);
		free(value);
		return;
	}
	{
		struct strbuf b = STRBUF_INIT;
		size_t at = (size_t)(line - value) + strcspn(line, "\n");

		strbuf_add(&b, value, at);
		strbuf_printf(&b, "\t%s", choice_code(CHOICE_DOC_RELATION, (int)chosen->value));
		strbuf_puts(&b, value + at);
		free(value);
		if (b.failed) {
			strbuf_free(&b);
			app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
			return;
		}
		ask_relation(fm, strbuf_detach(&b));
	}
}

/*
 * Documents picked for a field of links: asks how each new one relates (a
 * menu of the relations), then puts them in the field. Takes value.
 */
static void ask_relation(struct form *fm, char *value)
{
	struct app *a = app_of(fm);
	const char *line = line_without_relation(value);
	struct menu_entry e[8];
	char key[UUID_LEN + 1], title[300], *shown;
	int i, n = choice_count(CHOICE_DOC_RELATION);

	if (line == NULL) {
		put_picked(fm, value);
		free(value);
		return;
	}
	snprintf(key, sizeof key, "%.*s", (int)strcspn(line, "\n"), line);
	shown = field_edit_text(a->store, fm->kind, form_current(fm)->f, key, style_of(fm));
	snprintf(title, sizeof title, _("How does %s relate to this document?"), shown != NULL ? shown : key);
	free(shown);
	memset(e, 0, sizeof e);
	for (i = 0; i < n && i < 8; i++) {
		e[i].label = (char *)choice_name(CHOICE_DOC_RELATION, i + 1);
		e[i].value = i + 1;
	}
	fm->links = value;
	app_push(a, menu_new(a, title, e, i, 0, false, on_relation, fm));
}

static void on_pick(void *ctx, bool ok, const char *value)
{
	struct form *fm = ctx;
	struct ffield *x = form_current(fm);
	char *copy;

	if (!ok)
		return;
	if (x->def->type != FT_LINKS || line_without_relation(value) == NULL) {
		put_picked(fm, value);
		return;
	}
	if ((copy = strdup(value)) == NULL) {
		app_message(app_of(fm), ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	ask_relation(fm, copy);
}

/*
 * The key of the form's own record when field x lists records of its kind
 * (a record is not its own parent nor its own link), else NULL.
 */
static const char *own_key(const struct form *fm, const struct ffield *x)
{
	return !fm->is_new && x->def->max == (int)fm->kind && fm->start.id[0] != '\0' ? fm->start.id : NULL;
}

int form_pick(struct form *fm, const char *search)
{
	struct app *a = app_of(fm);
	struct ffield *x = form_current(fm);
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
		app_push(a, menu_new(a, title, e, n, ffield_choice(x) > 0 ? ffield_choice(x) - 1 : 0, false,
		                     on_choice, fm));
		return SCREEN_REDRAW;
	}
	if (x->how == FF_REF) {
		app_push(a, picker_new(a, title, (enum record_kind)x->def->max, false, NULL, search, own_key(fm, x), on_pick,
		                       fm));
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
		app_push(a, picker_new(a, title, (enum record_kind)x->def->max, true, value, search, own_key(fm, x), on_pick,
		                       fm));
		free(value);
		return SCREEN_REDRAW;
	}
	app_message(a, ROLE_DIM, "%s", _("This field is typed, not chosen from a list"));
	return SCREEN_REDRAW;
}
