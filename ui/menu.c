#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fold.h"
#include "i18n.h"
#include "lineedit.h"
#include "listview.h"
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
	struct listview lv; /* over shown: the rows in view and the cursor */
	int height;    /* rows of entries the pop-up has room for */
	int x, w;      /* where the entries are drawn */
	bool multi;
	bool filterable;
	struct lineedit typed;
	menu_done_fn done;
	void *ctx;
};

/* ------------------------------------------------------------------ the entries, as a pager */

/* A row of the list: a place in shown, and the entry there. */
struct menu_row {
	int pos;
	int entry;
};

static int give(struct menu *m, int from, int count, void *rows)
{
	struct menu_row *r = rows;
	int i;

	if (from < 0)
		from = 0;
	if (count > m->nshown - from)
		count = m->nshown - from;
	for (i = 0; i < count; i++) {
		r[i].pos = from + i;
		r[i].entry = m->shown[from + i];
	}
	return count > 0 ? count : 0;
}

static int m_first(void *src, void *rows, int n, struct error *err)
{
	(void)err;
	return give(src, 0, n, rows);
}

static int m_last(void *src, void *rows, int n, struct error *err)
{
	struct menu *m = src;
	int take = n < m->nshown ? n : m->nshown;

	(void)err;
	return give(m, m->nshown - take, take, rows);
}

static int m_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	(void)err;
	return give(src, ((const struct menu_row *)after)->pos + 1, n, rows);
}

static int m_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	int end = ((const struct menu_row *)before)->pos, take = end < n ? end : n;

	(void)err;
	return give(src, end - take, take, rows);
}

static int m_get(void *src, const void *like, void *row, struct error *err)
{
	struct menu *m = src;
	int i;

	(void)err;
	for (i = 0; i < m->nshown; i++)
		if (m->shown[i] == ((const struct menu_row *)like)->entry)
			return give(m, i, 1, row);
	return 0;
}

static long m_key(const void *row)
{
	return ((const struct menu_row *)row)->entry;
}

static int m_count(void *src, long *count, struct error *err)
{
	(void)err;
	*count = ((struct menu *)src)->nshown;
	return 0;
}

static void m_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	struct menu *m = src;
	const struct menu_entry *e = &m->entries[((const struct menu_row *)row)->entry];
	char line[512];

	if (m->multi)
		snprintf(line, sizeof line, " [%c] %s", e->ticked ? 'x' : ' ', e->label);
	else
		snprintf(line, sizeof line, " %s", e->label);
	canvas_put(c, y, m->x, m->w, line, ROLE_POPUP | (selected ? ROLE_SELECTED : 0),
	           TEXT_PAD | TEXT_ELLIPSIS);
}

static const struct listview_pager entry_rows = {
	.row_size = sizeof(struct menu_row),
	.first = m_first,
	.last = m_last,
	.next = m_next,
	.prev = m_prev,
	.get = m_get,
	.key = m_key,
	.count = m_count,
	.draw = m_draw,
};

/* The entry under the cursor, or NULL when nothing is shown. */
static struct menu_entry *current(struct menu *m)
{
	const struct menu_row *r = listview_current(&m->lv);

	return r != NULL ? &m->entries[r->entry] : NULL;
}

/* Puts the cursor on entry (an index into entries) when it is shown, else on the first. */
static void show_entry(struct menu *m, int entry)
{
	struct error err = { 0 };
	struct menu_row r;
	int i;

	listview_restart(&m->lv, &err);
	for (i = 0; i < m->nshown; i++) {
		if (m->shown[i] == entry) {
			r.pos = i;
			r.entry = entry;
			listview_show(&m->lv, &r, &err);
			return;
		}
	}
}

/* ------------------------------------------------------------------ the screen */

static void narrow(struct menu *m)
{
	struct search_query *q = NULL;
	const struct menu_entry *cur = current(m);
	int i, keep = cur != NULL ? (int)(cur - m->entries) : 0;

	search_compile(lineedit_text(&m->typed), &q);
	m->nshown = 0;
	for (i = 0; i < m->n; i++) {
		char *f = fold_dup(m->entries[i].label);

		if (q == NULL || (f != NULL && search_match(q, f, strlen(f))))
			m->shown[m->nshown++] = i;
		free(f);
	}
	search_free(&q);
	show_entry(m, keep);
}

static const char *menu_title(struct screen *s)
{
	return ((struct menu *)s)->title;
}

static void menu_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct menu *m = (struct menu *)s;
	struct error err = { 0 };
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
	m->x = left + 1;
	m->w = w - 2;
	if (m->lv.cap != m->height && listview_resize(&m->lv, m->height, &err) != 0)
		app_message(s->app, ROLE_ERROR, "%s", err.msg);
	c->ops->frame(c, y0, left, h, w, ROLE_POPUP);
	canvas_put(c, y0, left + 2, w - 4, m->title, ROLE_SECTION, TEXT_ELLIPSIS);
	listview_draw(&m->lv, c, y0 + 1, m->height);
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
	const struct menu_entry *chosen = accepted ? current(m) : NULL;

	m->done(m->ctx, accepted, chosen, m->entries, m->n);
	return SCREEN_CLOSE | SCREEN_REDRAW;
}

static int menu_key(struct screen *s, ui_key k)
{
	struct menu *m = (struct menu *)s;
	struct menu_entry *e = current(m);

	if (k == UIK_ESC)
		return finish(m, false);
	if (k == UIK_ENTER)
		return finish(m, true);
	if (m->multi && k == ' ' && e != NULL) {
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
	struct error err = { 0 };
	int rc;

	switch (a) {
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
		if (!listview_move(&m->lv, a, &rc, &err))
			return SCREEN_HANDLED; /* nothing else works inside a menu */
		break;
	}
	if (rc != 0)
		app_message(s->app, ROLE_ERROR, "%s", err.msg);
	return SCREEN_REDRAW;
}

static void menu_destroy(struct screen *s)
{
	struct menu *m = (struct menu *)s;
	int i;

	for (i = 0; i < m->n; i++)
		free(m->entries[i].label);
	free(m->entries);
	lineedit_free(&m->typed);
	listview_close(&m->lv);
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
	struct error err = { 0 };
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
	m->multi = multi;
	m->filterable = n > MENU_TYPE_TO_FILTER;
	m->done = done;
	m->ctx = ctx;
	/* Every entry in view until the first draw knows the room there is. */
	if (listview_open(&m->lv, &entry_rows, m, n, &err) != 0) {
		menu_destroy(&m->base);
		return NULL;
	}
	show_entry(m, cursor >= 0 && cursor < n ? cursor : 0);
	return &m->base;
}
