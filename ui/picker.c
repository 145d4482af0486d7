#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "i18n.h"
#include "itemlayout.h"
#include "itemwin.h"
#include "lineedit.h"
#include "listview.h"
#include "picker.h"
#include "recordlist.h"
#include "refdata.h"
#include "strbuf.h"
#include "text.h"

/* A record ticked in a picker of several: its key and the word that goes with it. */
struct tick {
	char id[UUID_LEN + 1];
	char *word; /* owned; NULL when none */
};

struct picker {
	struct screen base;
	char title[256];
	enum record_kind kind;
	bool multi;
	struct lineedit search;
	struct itemwin items;       /* items */
	struct rec_pager *pager;    /* other records */
	struct listview lv;         /* other records' rows in view */
	bool open;                  /* items or lv is open */
	struct tick *ticks;
	int nticks, capticks;
	int x, w, y0, h;            /* the pop-up's place */
	int cursor_y, cursor_x;
	char except[UUID_LEN + 1];  /* a record left out ("": none) */
	picker_done_fn done;
	void *ctx;
};

static struct listview *view(struct picker *p)
{
	return p->kind == REC_ITEM ? &p->items.lv : &p->lv;
}

static void report(struct picker *p, int rc, const struct error *err)
{
	if (rc < 0)
		app_message(p->base.app, ROLE_ERROR, "%s", err->msg);
}

/* ------------------------------------------------------------------ ticks */

static int tick_find(const struct picker *p, const char *id)
{
	int i;

	for (i = 0; i < p->nticks; i++)
		if (strcmp(p->ticks[i].id, id) == 0)
			return i;
	return -1;
}

static int tick_add(struct picker *p, const char *id, const char *word)
{
	if (p->nticks == p->capticks) {
		int cap = p->capticks ? p->capticks * 2 : 8;
		struct tick *t = realloc(p->ticks, (size_t)cap * sizeof *t);

		if (t == NULL)
			return -1;
		p->ticks = t;
		p->capticks = cap;
	}
	snprintf(p->ticks[p->nticks].id, sizeof p->ticks[p->nticks].id, "%s", id);
	p->ticks[p->nticks].word = word != NULL && *word != '\0' ? strdup(word) : NULL;
	p->nticks++;
	return 0;
}

static void tick_toggle(struct picker *p, const char *id)
{
	int i = tick_find(p, id);

	if (i >= 0) {
		free(p->ticks[i].word);
		memmove(p->ticks + i, p->ticks + i + 1, (size_t)(p->nticks - i - 1) * sizeof *p->ticks);
		p->nticks--;
	} else if (tick_add(p, id, NULL) != 0) {
		app_message(p->base.app, ROLE_ERROR, "%s", _("Out of memory"));
	}
}

/* ------------------------------------------------------------------ the rows of other records */

static int r_first(void *src, void *rows, int n, struct error *err)
{
	return rec_pager_first(((struct picker *)src)->pager, rows, n, err);
}

static int r_last(void *src, void *rows, int n, struct error *err)
{
	return rec_pager_last(((struct picker *)src)->pager, rows, n, err);
}

static int r_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	return rec_pager_next(((struct picker *)src)->pager, after, rows, n, err);
}

static int r_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	return rec_pager_prev(((struct picker *)src)->pager, before, rows, n, err);
}

static int r_get(void *src, const void *like, void *row, struct error *err)
{
	return rec_pager_get(((struct picker *)src)->pager, like, row, err);
}

static long r_key(const void *row)
{
	return ((const struct rec_row *)row)->key;
}

static int r_count(void *src, long *count, struct error *err)
{
	return rec_pager_count(((struct picker *)src)->pager, count, err);
}

/* "[x] " before a row of a picker of several. */
static void mark(struct picker *p, const char *id, char *buf, size_t n)
{
	if (p->multi)
		snprintf(buf, n, "[%c] ", tick_find(p, id) >= 0 ? 'x' : ' ');
	else
		buf[0] = '\0';
}

static void r_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	struct picker *p = src;
	const struct rec_row *r = row;
	char line[1024], m[8], date[11];

	mark(p, r->id, m, sizeof m);
	if (p->kind == REC_DOCUMENT) {
		date_format(r->date, p->base.app->ctx->settings.date_format, date);
		snprintf(line, sizeof line, " %s%s  %s  %s", m, r->detail[0] != '\0' ? r->detail : "?", date, r->name);
	} else if (r->detail[0] != '\0') {
		snprintf(line, sizeof line, " %s%s (%s)", m, r->name, r->detail);
	} else {
		snprintf(line, sizeof line, " %s%s", m, r->name);
	}
	canvas_put(c, y, p->x, p->w, line, ROLE_POPUP | (selected ? ROLE_SELECTED : 0), TEXT_PAD | TEXT_ELLIPSIS);
}

static int r_copy(void *dst, const void *row)
{
	return rec_row_copy(dst, row);
}

static void r_clear(void *row)
{
	rec_row_clear(row);
}

static const struct listview_pager record_rows = {
	.row_size = sizeof(struct rec_row),
	.first = r_first,
	.last = r_last,
	.next = r_next,
	.prev = r_prev,
	.get = r_get,
	.key = r_key,
	.count = r_count,
	.draw = r_draw,
	.copy = r_copy,
	.clear = r_clear,
};

/* An item's row: its number, code and title, indented in the tree. */
static void item_draw(void *ctx, struct canvas *c, int y, const struct item_row *r, bool selected)
{
	struct picker *p = ctx;
	char line[1024], m[8];
	bool tree = item_view_is_tree(&p->items.view);

	mark(p, r->id, m, sizeof m);
	snprintf(line, sizeof line, " %s%*s%s#%ld %s%s%s", m, tree ? r->depth * 2 : 0, "",
	         tree && r->has_children ? "+ " : "", r->no, r->code[0] != '\0' ? r->code : "",
	         r->code[0] != '\0' ? " " : "", r->title);
	canvas_put(c, y, p->x, p->w, line, ROLE_POPUP | (selected ? ROLE_SELECTED : 0), TEXT_PAD | TEXT_ELLIPSIS);
}

/* The rows the list has room for. */
static int rows_for(struct picker *p)
{
	int h = app_body_rows(p->base.app) - 6;

	return h > 1 ? h : 1;
}

/* The number typed ("14", "#14"), or 0 when the text is not one. */
static long item_number(const char *q)
{
	char *end;
	long no;

	if (*q == '#')
		q++;
	if (*q < '0' || *q > '9')
		return 0;
	no = strtol(q, &end, 10);
	return *end == '\0' ? no : 0;
}

/* (Re)reads the list for what the search line says. */
static int refill(struct picker *p, struct error *err)
{
	const char *q = lineedit_text(&p->search);

	if (p->kind == REC_ITEM) {
		struct item_view v = p->items.view;
		long no = item_number(q);

		/* A number is the item of that number, shown in its place in the tree. */
		snprintf(v.filter.search, sizeof v.filter.search, "%s", no > 0 ? "" : q);
		if (!p->open) {
			memcpy(v.today, p->base.app->ctx->today, sizeof v.today);
			if (itemwin_open(&p->items, p->base.app->store, &v, rows_for(p), err) != 0)
				return -1;
			p->items.draw = item_draw;
			p->items.draw_ctx = p;
			p->open = true;
		} else if (itemwin_set_view(&p->items, &v, err) != 0) {
			return -1;
		}
		if (no > 0 && itemwin_goto(&p->items, no, err) == 0)
			app_message(p->base.app, ROLE_DIM, _("There is no item #%ld"), no);
		return 0;
	}
	rec_pager_close(&p->pager);
	if (rec_pager_open(&p->pager, p->base.app->store, p->kind, RECLIST_ACTIVE, q, err) != 0)
		return -1;
	rec_pager_except(p->pager, p->except);
	if (!p->open) {
		if (listview_open(&p->lv, &record_rows, p, rows_for(p), err) != 0)
			return -1;
		p->open = true;
		return listview_home(&p->lv, err);
	}
	return listview_restart(&p->lv, err);
}

/* The key of the record under the cursor, or NULL. */
static const char *current_id(struct picker *p)
{
	if (p->kind == REC_ITEM) {
		const struct item_row *r = itemwin_current(&p->items);

		return r != NULL ? r->id : NULL;
	}
	{
		const struct rec_row *r = listview_current(&p->lv);

		return r != NULL ? r->id : NULL;
	}
}

/* ------------------------------------------------------------------ the screen */

static const char *picker_title(struct screen *s)
{
	return ((struct picker *)s)->title;
}

static void picker_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct picker *p = (struct picker *)s;
	struct error err = { 0 };
	char shown[1024], line[1200];
	int w = c->cols - 4, h = height - 2, left, col, rows;

	if (w > 90)
		w = 90;
	if (h < 6)
		h = 6;
	left = (c->cols - w) / 2;
	p->y0 = top + (height - h) / 2;
	p->x = left + 1;
	p->w = w - 2;
	p->h = h;
	rows = h - 4;
	if (rows < 1)
		rows = 1;
	if (view(p)->cap != rows)
		report(p, listview_resize(view(p), rows, &err), &err);
	c->ops->frame(c, p->y0, left, h, w, ROLE_POPUP);
	canvas_put(c, p->y0, left + 2, w - 4, p->title, ROLE_SECTION, TEXT_ELLIPSIS);
	{
		int lw = text_width(_("Search:")) + 2;

		lineedit_view(&p->search, p->w - lw - 1, shown, sizeof shown, &col);
		snprintf(line, sizeof line, " %s %s", _("Search:"), shown);
		canvas_put(c, p->y0 + 1, p->x, p->w, line, ROLE_INPUT, TEXT_PAD | TEXT_ELLIPSIS);
		p->cursor_y = p->y0 + 1;
		p->cursor_x = p->x + lw + col;
	}
	canvas_fill(c, p->y0 + 2, p->x, p->w, ROLE_POPUP);
	listview_draw(view(p), c, p->y0 + 2, rows);
	if (view(p)->n == 0)
		canvas_put(c, p->y0 + 2, p->x + 1, p->w - 1, _("(nothing matches)"), ROLE_DIM, TEXT_ELLIPSIS);
	if (p->multi) {
		snprintf(line, sizeof line, _(" %d chosen"), p->nticks);
		canvas_put(c, p->y0 + h - 2, p->x, p->w, line, ROLE_POPUP, TEXT_PAD | TEXT_ELLIPSIS);
	}
}

static void picker_cursor(struct screen *s, struct canvas *c)
{
	struct picker *p = (struct picker *)s;

	if (s->app->message[0] == '\0')
		c->ops->cursor(c, p->cursor_y, p->cursor_x);
}

static void picker_status(struct screen *s, struct strbuf *left)
{
	struct picker *p = (struct picker *)s;

	if (p->multi)
		strbuf_puts(left, _(" Type to search · Tab: tick · Enter: apply · Esc: cancel"));
	else if (p->kind == REC_ITEM && item_view_is_tree(&p->items.view))
		strbuf_puts(left, _(" Type to search · → ←: sub-items · Enter: choose · Esc: cancel"));
	else
		strbuf_puts(left, _(" Type to search · Enter: choose · Esc: cancel"));
}

static int finish(struct picker *p, bool accepted)
{
	if (!accepted) {
		p->done(p->ctx, false, NULL);
	} else if (!p->multi) {
		const char *id = current_id(p);

		if (id == NULL) {
			app_message(p->base.app, ROLE_DIM, "%s", _("Nothing to choose: type less, or Esc"));
			return SCREEN_REDRAW;
		}
		p->done(p->ctx, true, id);
	} else {
		struct strbuf b = STRBUF_INIT;
		int i;

		for (i = 0; i < p->nticks; i++) {
			if (b.len > 0)
				strbuf_puts(&b, "\n");
			strbuf_puts(&b, p->ticks[i].id);
			if (p->ticks[i].word != NULL)
				strbuf_printf(&b, "\t%s", p->ticks[i].word);
		}
		if (b.failed) {
			strbuf_free(&b);
			app_message(p->base.app, ROLE_ERROR, "%s", _("Out of memory"));
			return SCREEN_REDRAW;
		}
		p->done(p->ctx, true, b.len > 0 ? strbuf_str(&b) : NULL);
		strbuf_free(&b);
	}
	return SCREEN_CLOSE | SCREEN_REDRAW;
}

static int picker_key(struct screen *s, ui_key k)
{
	struct picker *p = (struct picker *)s;
	struct error err = { 0 };
	enum lineedit_result r;

	if (k == UIK_ESC)
		return finish(p, false);
	if (k == UIK_ENTER)
		return finish(p, true);
	/* Tab ticks; so does Space while nothing is typed (then it is a space of the search). */
	if (p->multi && (k == UIK_TAB || (k == ' ' && p->search.len == 0))) {
		const char *id = current_id(p);

		if (id != NULL)
			tick_toggle(p, id);
		return SCREEN_REDRAW;
	}
	if (p->kind == REC_ITEM && item_view_is_tree(&p->items.view) && (k == UIK_RIGHT || k == UIK_LEFT)) {
		int rc = k == UIK_RIGHT ? itemwin_expand(&p->items, &err) : itemwin_collapse(&p->items, &err);

		report(p, rc, &err);
		return SCREEN_REDRAW;
	}
	r = lineedit_key(&p->search, k);
	if (r == LINEEDIT_CHANGED)
		report(p, refill(p, &err), &err);
	if (r == LINEEDIT_REFUSED)
		app_message(s->app, ROLE_DIM, "%s", _("Control characters cannot be typed into the search"));
	return r != LINEEDIT_IGNORED ? SCREEN_REDRAW : SCREEN_IGNORED;
}

static int picker_action(struct screen *s, enum action a)
{
	struct picker *p = (struct picker *)s;
	struct error err = { 0 };
	int rc;

	switch (a) {
	case ACTION_OPEN:
		return finish(p, true);
	case ACTION_BACK:
		return finish(p, false);
	case ACTION_HELP:
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_SUSPEND:
		return SCREEN_IGNORED;
	default:
		if (!listview_move(view(p), a, &rc, &err))
			return SCREEN_HANDLED;
		break;
	}
	report(p, rc, &err);
	return SCREEN_REDRAW;
}

static void picker_reload(struct screen *s)
{
	struct picker *p = (struct picker *)s;
	struct error err = { 0 };

	if (p->open)
		report(p, listview_reload(view(p), &err), &err);
}

static void picker_destroy(struct screen *s)
{
	struct picker *p = (struct picker *)s;
	int i;

	if (p->kind == REC_ITEM)
		itemwin_close(&p->items);
	else
		listview_close(&p->lv);
	rec_pager_close(&p->pager);
	lineedit_free(&p->search);
	for (i = 0; i < p->nticks; i++)
		free(p->ticks[i].word);
	free(p->ticks);
	free(p);
}

static const struct screen_ops picker_ops = {
	.name = N_("Choice"),
	.title = picker_title,
	.draw = picker_draw,
	.status = picker_status,
	.cursor = picker_cursor,
	.key = picker_key,
	.action = picker_action,
	.reload = picker_reload,
	.destroy = picker_destroy,
	.keymap = KEYMAP_MENU,
	.overlay = true,
};

struct screen *picker_new(struct app *a, const char *title, enum record_kind k, bool multi,
                          const char *value, const char *search, const char *except, picker_done_fn done,
                          void *ctx)
{
	struct picker *p = calloc(1, sizeof *p);
	struct error err = { 0 };

	if (p == NULL)
		return NULL;
	p->base.ops = &picker_ops;
	p->base.app = a;
	snprintf(p->title, sizeof p->title, "%s", title);
	p->kind = k;
	p->multi = multi;
	snprintf(p->except, sizeof p->except, "%s", except != NULL ? except : "");
	p->done = done;
	p->ctx = ctx;
	p->search.max = 200;
	if (search != NULL)
		lineedit_set(&p->search, search);
	if (multi && value != NULL) {
		const char *q = value;

		while (*q != '\0') {
			size_t len = strcspn(q, "\n");
			char line[600], *word;

			snprintf(line, sizeof line, "%.*s", (int)len, q);
			word = strchr(line, '\t');
			if (word != NULL)
				*word++ = '\0';
			if (uuid_valid(line) && tick_find(p, line) < 0 && tick_add(p, line, word) != 0) {
				picker_destroy(&p->base);
				return NULL;
			}
			q += len;
			if (*q == '\n')
				q++;
		}
	}
	if (refill(p, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		picker_destroy(&p->base);
		return NULL;
	}
	return &p->base;
}
