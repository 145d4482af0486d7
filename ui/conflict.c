#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "fielddisplay.h"
#include "i18n.h"
#include "store.h"
#include "text.h"
#include "validate.h"
#include "wrap.h"

/*
 * Another clerk saved the record while this one edited it, and both changed
 * some of the same fields: for each, the value when the form opened, theirs
 * now and mine, and the clerk keeps theirs or mine; the fields only one of
 * them changed are merged already and listed. F2 saves with the choices, Esc
 * goes back to the form.
 */

#define VALUE_ROWS 3

struct conflict {
	struct screen base;
	struct screen *form;
	enum record_kind kind;
	struct record theirs;
	int fields[RECORD_MAX_FIELDS];
	int n;
	int choice[RECORD_MAX_FIELDS]; /* -1: not chosen yet; 0: mine; 1: theirs */
	char *was[RECORD_MAX_FIELDS], *now[RECORD_MAX_FIELDS], *mine[RECORD_MAX_FIELDS];
	char merged[1024];             /* the fields merged without asking */
	char title[256];
	int cur, top, height;
};

static const char *conflict_title(struct screen *s)
{
	return ((struct conflict *)s)->title;
}

/* Puts up to VALUE_ROWS rows of text, wrapped to w cells, at (y, x); returns the rows used. */
static int put_value(struct canvas *c, int y, int x, int w, const char *label, int lw, const char *text,
                     int role, int ymin, int ymax)
{
	size_t n = strlen(text), off = 0;
	int rows = 0;

	if (y >= ymin && y < ymax)
		canvas_put(c, y, x, lw, label, ROLE_LABEL, TEXT_PAD | TEXT_ELLIPSIS);
	if (n == 0) {
		if (y >= ymin && y < ymax)
			canvas_put(c, y, x + lw, w - lw, _("(empty)"), ROLE_DIM, 0);
		return 1;
	}
	while (off < n && rows < VALUE_ROWS) {
		size_t next, len = wrap_line(text + off, n - off, w - lw, &next);
		char *piece = strndup(text + off, len);
		bool last = rows == VALUE_ROWS - 1 && off + next < n;

		if (piece != NULL && y + rows >= ymin && y + rows < ymax)
			canvas_put(c, y + rows, x + lw, w - lw, piece, role, last ? TEXT_ELLIPSIS : 0);
		if (last && y + rows >= ymin && y + rows < ymax)
			canvas_put(c, y + rows, x + w - 1, 1, "…", role, 0);
		free(piece);
		rows++;
		if (next == 0)
			break;
		off += next;
	}
	return rows > 0 ? rows : 1;
}

/* The rows field i takes (its heading and three values), for width w. */
static int block_rows(const struct conflict *cf, int i, int w)
{
	const char *v[3] = { cf->was[i], cf->now[i], cf->mine[i] };
	int k, rows = 2; /* heading, blank line after */

	for (k = 0; k < 3; k++) {
		size_t n = strlen(v[k]), off = 0;
		int r = 0;

		while (off < n && r < VALUE_ROWS) {
			size_t next;

			wrap_line(v[k] + off, n - off, w, &next);
			r++;
			if (next == 0)
				break;
			off += next;
		}
		rows += r > 0 ? r : 1;
	}
	return rows;
}

static void conflict_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct conflict *cf = (struct conflict *)s;
	int i, y, lw = 0, w = c->cols - 4, first, ymax = top + height;
	const char *labels[3] = { _("When you opened:"), _("Theirs now:"), _("Yours:") };
	int k;

	for (k = 0; k < 3; k++)
		if (text_width(labels[k]) + 1 > lw)
			lw = text_width(labels[k]) + 1;
	if (lw > w / 3)
		lw = w / 3;
	canvas_put(c, top, 0, c->cols,
	           _("Another clerk saved this record while you were editing it. Both of you changed:"),
	           ROLE_ERROR, TEXT_ELLIPSIS);
	y = top + 1;
	if (cf->merged[0] != '\0') {
		canvas_put(c, y, 0, c->cols, cf->merged, ROLE_DIM, TEXT_ELLIPSIS);
		y++;
	}
	y++;
	first = y;
	/* Scroll so that the current field's block is in view. */
	{
		int start = 0, end;

		for (i = 0; i < cf->cur; i++)
			start += block_rows(cf, i, w - lw);
		end = start + block_rows(cf, cf->cur, w - lw);
		if (start < cf->top)
			cf->top = start;
		if (end > cf->top + (ymax - first))
			cf->top = end - (ymax - first);
		if (cf->top < 0)
			cf->top = 0;
	}
	y = first - cf->top;
	for (i = 0; i < cf->n; i++) {
		int n, f = cf->fields[i];
		const struct field *fd = &fields_of(cf->kind, &n)[f];
		char head[512];
		int sel = i == cf->cur ? ROLE_SELECTED : 0;

		snprintf(head, sizeof head, "%s %s   %s [%c] %s  [%c] %s", i == cf->cur ? ">" : " ", _(fd->label),
		         _("Keep:"), cf->choice[i] == 1 ? 'x' : ' ', _("theirs (t)"), cf->choice[i] == 0 ? 'x' : ' ',
		         _("mine (m)"));
		if (y >= first && y < ymax) {
			if (sel)
				canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
			canvas_put(c, y, 0, c->cols, head, ROLE_SECTION | sel, TEXT_ELLIPSIS);
		}
		y++;
		y += put_value(c, y, 4, w, labels[0], lw, cf->was[i], ROLE_DIM, first, ymax);
		y += put_value(c, y, 4, w, labels[1], lw, cf->now[i], ROLE_NORMAL, first, ymax);
		y += put_value(c, y, 4, w, labels[2], lw, cf->mine[i], ROLE_NORMAL, first, ymax);
		y++;
	}
}

static void conflict_status(struct screen *s, struct strbuf *left)
{
	(void)s;
	strbuf_puts(left, _(" t: theirs · m: mine · ↑ ↓: field · F2: save · Esc: back to the form"));
}

static int conflict_key(struct screen *s, ui_key k)
{
	struct conflict *cf = (struct conflict *)s;

	if (k == UIK_LEFT || k == UIK_RIGHT) {
		cf->choice[cf->cur] = k == UIK_LEFT ? 1 : 0;
		return SCREEN_REDRAW;
	}
	if (k == ' ') {
		cf->choice[cf->cur] = cf->choice[cf->cur] == 1 ? 0 : 1;
		return SCREEN_REDRAW;
	}
	return SCREEN_IGNORED;
}

static int conflict_action(struct screen *s, enum action a)
{
	struct conflict *cf = (struct conflict *)s;
	bool keep[RECORD_MAX_FIELDS];
	int i;

	switch (a) {
	case ACTION_THEIRS:
	case ACTION_MINE:
		cf->choice[cf->cur] = a == ACTION_THEIRS ? 1 : 0;
		if (cf->cur < cf->n - 1)
			cf->cur++;
		return SCREEN_REDRAW;
	case ACTION_NEXT_FIELD:
	case ACTION_DOWN:
		if (cf->cur < cf->n - 1)
			cf->cur++;
		return SCREEN_REDRAW;
	case ACTION_PREV_FIELD:
	case ACTION_UP:
		if (cf->cur > 0)
			cf->cur--;
		return SCREEN_REDRAW;
	case ACTION_SAVE:
		for (i = 0; i < cf->n; i++) {
			if (cf->choice[i] < 0) {
				cf->cur = i;
				app_message(s->app, ROLE_ERROR, "%s",
				            _("Choose theirs (t) or mine (m) for every field first; Esc goes back to the form"));
				return SCREEN_REDRAW;
			}
			keep[i] = cf->choice[i] == 1;
		}
		form_resolve(cf->form, &cf->theirs, cf->fields, keep, cf->n, true);
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case ACTION_CANCEL:
	case ACTION_BACK:
		form_resolve(cf->form, &cf->theirs, cf->fields, NULL, cf->n, false);
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case ACTION_HELP:
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_SUSPEND:
		return SCREEN_IGNORED;
	default:
		return SCREEN_HANDLED;
	}
}

static void conflict_destroy(struct screen *s)
{
	struct conflict *cf = (struct conflict *)s;
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		free(cf->was[i]);
		free(cf->now[i]);
		free(cf->mine[i]);
	}
	record_clear(&cf->theirs);
	free(cf);
}

static bool conflict_lacks(const struct screen *s, enum action a)
{
	(void)s;
	return a == ACTION_PICK;
}

static const struct screen_ops conflict_ops = {
	.name = N_("Conflict"),
	.title = conflict_title,
	.draw = conflict_draw,
	.status = conflict_status,
	.key = conflict_key,
	.action = conflict_action,
	.destroy = conflict_destroy,
	.keymap = KEYMAP_FORM,
	.lacks = conflict_lacks,
};

struct screen *conflict_screen_new(struct app *a, struct screen *form, const struct record *base,
                                   const struct record *theirs, const struct record *mine,
                                   const int *conflicts, int n)
{
	struct conflict *cf = calloc(1, sizeof *cf);
	enum date_style st = a->ctx->settings.date_format;
	int i, nf;
	const struct field *fs = fields_of(theirs->kind, &nf);
	size_t len = 0;

	if (cf == NULL)
		return NULL;
	cf->base.ops = &conflict_ops;
	cf->base.app = a;
	cf->form = form;
	cf->kind = theirs->kind;
	record_init(&cf->theirs, theirs->kind);
	if (record_copy(&cf->theirs, theirs) != 0) {
		free(cf);
		return NULL;
	}
	if (theirs->no > 0)
		snprintf(cf->title, sizeof cf->title, _("Conflict: %s #%ld"), record_kind_name(cf->kind), theirs->no);
	else
		snprintf(cf->title, sizeof cf->title, _("Conflict: %s"), record_kind_name(cf->kind));
	for (i = 0; i < n && i < RECORD_MAX_FIELDS; i++) {
		int f = conflicts[i];

		cf->fields[cf->n] = f;
		cf->choice[cf->n] = -1;
		cf->was[cf->n] = field_display(a->store, cf->kind, f, record_get(base, f), st);
		cf->now[cf->n] = field_display(a->store, cf->kind, f, record_get(theirs, f), st);
		cf->mine[cf->n] = field_display(a->store, cf->kind, f, record_get(mine, f), st);
		if (cf->was[cf->n] == NULL || cf->now[cf->n] == NULL || cf->mine[cf->n] == NULL) {
			cf->n++;
			conflict_destroy(&cf->base);
			return NULL;
		}
		cf->n++;
	}
	/* What merged by itself: fields only one of the two changed. */
	for (i = 0; i < nf; i++) {
		bool theirs_changed = !record_same(base, theirs, i), mine_changed = !record_same(base, mine, i);
		int k;
		bool listed = false;

		for (k = 0; k < cf->n; k++)
			listed = listed || cf->fields[k] == i;
		if (listed || (fs[i].flags & F_HIDDEN) || theirs_changed == mine_changed)
			continue;
		if (len == 0)
			len = (size_t)snprintf(cf->merged, sizeof cf->merged, "%s", _("Merged without asking:"));
		if (len < sizeof cf->merged)
			len += (size_t)snprintf(cf->merged + len, sizeof cf->merged - len, " %s (%s)", _(fs[i].label),
			                        theirs_changed ? _("theirs") : _("yours"));
	}
	return &cf->base;
}
