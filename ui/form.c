#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draft.h"
#include "formstate.h"
#include "i18n.h"
#include "lineedit.h"
#include "menu.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "uuid.h"
#include "validate.h"

/*
 * The form as a screen: its fields laid out under a label column, the keys
 * that move between them and edit them, leaving it, and making one for a
 * record or from a draft. The pick lists are in formpick.c, checking and
 * saving in formsave.c, one field in formfield.c.
 */

/* ------------------------------------------------------------------ moving */

static void leave(struct form *fm)
{
	struct ffield *x = form_current(fm);

	x->visited = true;
	x->ta[0] = '\0';
	x->edit.scroll = 0;
	form_recheck(fm);
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
		struct ffield *x = form_current(fm);
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


static void form_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct form *fm = (struct form *)s;
	struct ff_view v;
	int i;

	if (fm->is_new)
		form_name(fm); /* "a new item under #12" follows the parent chosen */
	layout(fm, c->cols, height);
	v.top = top;
	v.first = fm->top;
	v.height = height;
	v.label_w = fm->label_w;
	v.field_x = fm->field_x;
	v.field_w = fm->field_w;
	fm->cursor_y = -1;
	if (fm->top == 0)
		canvas_put(c, top, 0, c->cols, fm->header, ROLE_SECTION, TEXT_ELLIPSIS);
	if (fm->note[0] != '\0' && fm->top <= 1)
		canvas_put(c, top + 1 - fm->top, 0, c->cols, fm->note, ROLE_ERROR, TEXT_ELLIPSIS);
	for (i = 0; i < fm->nff; i++)
		ffield_draw(&fm->ff[i], c, &v, i == fm->cur, &fm->cursor_y, &fm->cursor_x);
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
	struct ffield *x = form_current(fm);

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
	int c = ffield_choice(x), n = choice_count(l);

	if (ui_key_is_text(k)) {
		char ta[sizeof x->ta], buf[4];
		size_t len = strlen(x->ta);
		int found;

		buf[utf8_encode((uint32_t)ui_key_base(k), buf)] = '\0';
		snprintf(ta, sizeof ta, "%s%s", x->ta, buf);
		found = ffield_choice_ahead(x, ta);
		if (found == 0) {
			app_message(app_of(fm), ROLE_DIM, _("No entry of %s begins with '%s'"), _(x->def->label), ta);
			return SCREEN_REDRAW;
		}
		(void)len;
		memcpy(x->ta, ta, sizeof x->ta);
		form_set_choice(fm, x, found);
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
				form_set_choice(fm, x, ffield_choice_ahead(x, x->ta));
		}
		return SCREEN_REDRAW;
	case UIK_DELETE:
		x->ta[0] = '\0';
		form_set_choice(fm, x, 0);
		return SCREEN_REDRAW;
	case UIK_RIGHT:
	case UIK_LEFT:
		x->ta[0] = '\0';
		c = k == UIK_RIGHT ? (c >= n ? 1 : c + 1) : (c <= 1 ? n : c - 1);
		form_set_choice(fm, x, c);
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
		return form_pick(fm, buf);
	}
	if (k == UIK_DELETE || k == UIK_BACKSPACE) {
		ffield_set(&fm->env, x, NULL);
		form_touched(fm);
		return SCREEN_REDRAW;
	}
	return SCREEN_IGNORED;
}

static int form_key(struct screen *s, ui_key k)
{
	struct form *fm = (struct form *)s;
	struct ffield *x = form_current(fm);
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
			return x->def->type == FT_MULTI || x->def->type == FT_LINKS ? form_pick(fm, NULL) : move(fm, 1);
		break;
	}
	r = lineedit_key(&x->edit, k);
	switch (r) {
	case LINEEDIT_CHANGED:
		form_touched(fm);
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
		return form_save(fm);
	case ACTION_PICK:
	case ACTION_OPEN:
		if (a == ACTION_OPEN && form_current(fm)->how == FF_LINES)
			return SCREEN_HANDLED;
		return form_pick(fm, NULL);
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
		form_drop_draft(fm);
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
			ffield_refresh(&fm->env, &fm->ff[i]);
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

	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		ffield_free(&fm->ff[i]);
	record_clear(&fm->start);
	free(fm->draft_path);
	free(fm->links);
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

void form_name(struct form *fm)
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
	fm->env.store = a->store;
	fm->env.kind = k;
	fm->env.style = a->ctx->settings.date_format;
	record_init(&fm->start, k);
	fs = fields_of(k, &n);
	for (i = 0; i < n; i++) {
		if (fs[i].flags & F_HIDDEN)
			continue;
		ffield_init(&fm->ff[fm->nff++], i, &fs[i]);
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
		if (ffield_start(&fm->env, &fm->ff[i], record_get(&fm->start, fm->ff[i].f)) != 0) {
			form_destroy(&fm->base);
			return NULL;
		}
		fm->ff[i].visited = !fm->is_new;
	}
	place_draft(fm);
	form_name(fm);
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

		if (ffield_start(&fm->env, x, record_get(&fm->start, x->f)) != 0 ||
		    (d->typed[x->f] != NULL && ffield_set(&fm->env, x, d->typed[x->f]) != 0)) {
			form_destroy(&fm->base);
			draft_clear(d);
			return NULL;
		}
		x->visited = true;
	}
	for (i = fm->nff - 1; i >= 0; i--)
		if (ffield_changed(&fm->ff[i]))
			fm->cur = i; /* back where the typing was: the first field changed */
	fm->draft_path = d->path;
	d->path = NULL;
	draft_clear(d);
	fm->edits = 1; /* as kept: written again only when something more is typed */
	fm->drafted = 1;
	form_name(fm);
	form_reload(&fm->base);
	form_recheck(fm);
	return &fm->base;
}
