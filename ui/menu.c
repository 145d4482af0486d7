#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fold.h"
#include "i18n.h"
#include "lineedit.h"
#include "menu.h"
#include "search.h"
#include "text.h"

/* Lists longer than this can be narrowed by typing. */
#define MENU_TYPE_TO_FILTER 10

struct menu {
	struct screen base;
	char title[256];
	struct menu_entry *entries;
	int n;
	int *shown;    /* indexes of the entries that match the typed text */
	int nshown;
	int cursor;    /* index into shown */
	int top;
	int height;
	bool multi;
	bool filterable;
	struct lineedit typed;
	menu_done_fn done;
	void *ctx;
};

static void narrow(struct menu *m)
{
	struct search_query *q = NULL;
	int i, keep = m->nshown > 0 ? m->shown[m->cursor] : 0;

	search_compile(lineedit_text(&m->typed), &q);
	m->nshown = 0;
	for (i = 0; i < m->n; i++) {
		char *f = fold_dup(m->entries[i].label);

		if (q == NULL || (f != NULL && search_match(q, f, strlen(f))))
			m->shown[m->nshown++] = i;
		free(f);
	}
	search_free(&q);
	m->cursor = 0;
	for (i = 0; i < m->nshown; i++)
		if (m->shown[i] == keep)
			m->cursor = i;
}

static const char *menu_title(struct screen *s)
{
	return ((struct menu *)s)->title;
}

static void menu_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct menu *m = (struct menu *)s;
	int i, w = text_width(m->title) + 4, h, left, y0, inner, extra = m->filterable ? 1 : 0;

	for (i = 0; i < m->n; i++) {
		int lw = text_width(m->entries[i].label) + (m->multi ? 6 : 2);

		if (lw > w)
			w = lw;
	}
	w += 2;
	if (w > c->cols - 4)
		w = c->cols - 4;
	if (w < 20)
		w = c->cols < 20 ? c->cols : 20;
	inner = m->n + extra;
	h = inner + 2;
	if (h > height - 2)
		h = height - 2;
	if (h < 3)
		h = 3;
	m->height = h - 2 - extra;
	if (m->height < 1)
		m->height = 1;
	left = (c->cols - w) / 2;
	y0 = top + (height - h) / 2;
	c->ops->frame(c, y0, left, h, w, ROLE_POPUP);
	canvas_put(c, y0, left + 2, w - 4, m->title, ROLE_SECTION, TEXT_ELLIPSIS);
	if (m->cursor < m->top)
		m->top = m->cursor;
	if (m->cursor >= m->top + m->height)
		m->top = m->cursor - m->height + 1;
	for (i = 0; i < m->height && m->top + i < m->nshown; i++) {
		const struct menu_entry *e = &m->entries[m->shown[m->top + i]];
		int sel = m->top + i == m->cursor ? ROLE_SELECTED : 0;
		char line[512];

		if (m->multi)
			snprintf(line, sizeof line, " [%c] %s", e->ticked ? 'x' : ' ', e->label);
		else
			snprintf(line, sizeof line, " %s", e->label);
		canvas_put(c, y0 + 1 + i, left + 1, w - 2, line, ROLE_POPUP | sel, TEXT_PAD | TEXT_ELLIPSIS);
	}
	if (m->nshown == 0)
		canvas_put(c, y0 + 1, left + 2, w - 4, _("(nothing matches)"), ROLE_DIM, 0);
	if (m->filterable) {
		char line[300];

		snprintf(line, sizeof line, "%s %s", _("Type to narrow:"), lineedit_text(&m->typed));
		canvas_put(c, y0 + h - 2, left + 1, w - 2, line, ROLE_INPUT, TEXT_PAD | TEXT_ELLIPSIS);
	}
}

static void menu_status(struct screen *s, struct strbuf *left)
{
	struct menu *m = (struct menu *)s;

	if (m->multi)
		strbuf_puts(left, _(" Space: tick · Enter: apply · Esc: cancel"));
	else
		strbuf_puts(left, _(" Enter: choose · Esc: cancel"));
}

static int finish(struct menu *m, bool accepted)
{
	const struct menu_entry *chosen = accepted && m->nshown > 0 ? &m->entries[m->shown[m->cursor]] : NULL;

	m->done(m->ctx, accepted, chosen, m->entries, m->n);
	return SCREEN_CLOSE | SCREEN_REDRAW;
}

static int menu_key(struct screen *s, ui_key k)
{
	struct menu *m = (struct menu *)s;

	if (k == UIK_ESC)
		return finish(m, false);
	if (k == UIK_ENTER)
		return finish(m, true);
	if (m->multi && k == ' ' && m->nshown > 0) {
		struct menu_entry *e = &m->entries[m->shown[m->cursor]];

		e->ticked = !e->ticked;
		return SCREEN_REDRAW;
	}
	if (m->filterable) {
		enum lineedit_result r = lineedit_key(&m->typed, k);

		if (r == LINEEDIT_CHANGED)
			narrow(m);
		if (r != LINEEDIT_IGNORED)
			return SCREEN_REDRAW;
	}
	return SCREEN_IGNORED;
}

static int menu_action(struct screen *s, enum action a)
{
	struct menu *m = (struct menu *)s;
	int page = m->height > 1 ? m->height - 1 : 1;

	switch (a) {
	case ACTION_UP:
		if (m->cursor > 0)
			m->cursor--;
		return SCREEN_REDRAW;
	case ACTION_DOWN:
		if (m->cursor < m->nshown - 1)
			m->cursor++;
		return SCREEN_REDRAW;
	case ACTION_PAGE_UP:
		m->cursor = m->cursor > page ? m->cursor - page : 0;
		return SCREEN_REDRAW;
	case ACTION_PAGE_DOWN:
		m->cursor = m->cursor + page < m->nshown ? m->cursor + page : m->nshown - 1;
		if (m->cursor < 0)
			m->cursor = 0;
		return SCREEN_REDRAW;
	case ACTION_HOME:
		m->cursor = 0;
		return SCREEN_REDRAW;
	case ACTION_END:
		m->cursor = m->nshown > 0 ? m->nshown - 1 : 0;
		return SCREEN_REDRAW;
	case ACTION_OPEN:
		return finish(m, true);
	case ACTION_BACK:
		return finish(m, false);
	case ACTION_HELP:
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_SUSPEND:
		return SCREEN_IGNORED;
	default:
		return SCREEN_HANDLED; /* nothing else works inside a menu */
	}
}

static void menu_destroy(struct screen *s)
{
	struct menu *m = (struct menu *)s;
	int i;

	for (i = 0; i < m->n; i++)
		free(m->entries[i].label);
	free(m->entries);
	lineedit_free(&m->typed);
	free(m->shown);
	free(m);
}

static const struct screen_ops menu_ops = {
	.name = N_("Choice"),
	.title = menu_title,
	.draw = menu_draw,
	.status = menu_status,
	.key = menu_key,
	.action = menu_action,
	.destroy = menu_destroy,
	.keymap = KEYMAP_MENU,
	.overlay = true,
};

struct screen *menu_new(struct app *a, const char *title, const struct menu_entry *entries, int n,
                        int cursor, bool multi, menu_done_fn done, void *ctx)
{
	struct menu *m = calloc(1, sizeof *m);
	int i;

	if (m == NULL)
		return NULL;
	m->base.ops = &menu_ops;
	m->base.app = a;
	snprintf(m->title, sizeof m->title, "%s", title);
	m->entries = calloc((size_t)(n > 0 ? n : 1), sizeof *m->entries);
	m->shown = calloc((size_t)(n > 0 ? n : 1), sizeof *m->shown);
	if (m->entries == NULL || m->shown == NULL) {
		free(m->entries);
		free(m->shown);
		free(m);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		m->entries[i] = entries[i];
		m->entries[i].label = strdup(entries[i].label);
		if (m->entries[i].label == NULL) {
			m->n = i;
			menu_destroy(&m->base);
			return NULL;
		}
		m->shown[i] = i;
	}
	m->n = m->nshown = n;
	m->cursor = cursor >= 0 && cursor < n ? cursor : 0;
	m->multi = multi;
	m->filterable = n > MENU_TYPE_TO_FILTER;
	m->done = done;
	m->ctx = ctx;
	return &m->base;
}
