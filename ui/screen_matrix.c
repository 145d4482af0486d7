#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "i18n.h"
#include "progressbar.h"
#include "itemlayout.h"
#include "locmatrix.h"
#include "refdata.h"
#include "report.h"
#include "screens.h"
#include "store.h"
#include "text.h"

/*
 * The locality matrix of an item run in several localities (m on its
 * detail, or Enter on a pilot of the status screen): a row per sub-item,
 * its locality (else its title), status, progress, due date and lead unit,
 * and the totals. Enter opens the sub-item's detail.
 */

/* The rows read: a matrix of more sub-items says how many it leaves out. */
#define MATRIX_ROWS_MAX 2000

struct matrix_screen {
	struct screen base;
	long no;
	struct report *r;      /* holds the one matrix */
	long left_out;
	int top, cursor, height;
	char title[64];
};

/* The lines above the rows: the item's title, a blank, the column headings. */
#define HEAD_LINES 3

static const struct report_matrix *matrix(const struct matrix_screen *ms)
{
	return ms->r != NULL && ms->r->n_matrices > 0 ? &ms->r->matrices[0] : NULL;
}

struct mcols {
	int loc, status, bar, pct, due, lead;
};

static struct mcols layout(const struct matrix_screen *ms, int width)
{
	const struct report_matrix *m = ms->r != NULL && ms->r->n_matrices > 0 ? &ms->r->matrices[0] : NULL;
	struct mcols c;
	bool leads = false;
	size_t i;

	for (i = 0; m != NULL && i < m->n && !leads; i++)
		leads = m->rows[i].lead != NULL;

	c.pct = 5;
	c.bar = width >= 110 ? 20 : width >= 72 ? 10 : width >= 60 ? 5 : 0;
	c.status = width >= 60 ? 12 : 10;
	c.due = 11;
	c.lead = !leads ? 0 : width >= 110 ? 30 : width >= 72 ? 16 : 0; /* no column when no row has a lead unit */
	c.loc = width - 2 - c.status - c.bar - c.pct - 1 - c.due - c.lead;
	if (c.loc < 10)
		c.loc = 10;
	return c;
}

static void draw_head(struct matrix_screen *ms, struct canvas *c, int top)
{
	const struct report_matrix *m = matrix(ms);
	struct mcols w = layout(ms, c->cols);
	int x = 1;

	canvas_put(c, top, 1, c->cols - 2, m != NULL ? m->title : "", ROLE_SECTION, TEXT_ELLIPSIS);
	canvas_fill(c, top + 2, 0, c->cols, ROLE_HEADER);
	canvas_put(c, top + 2, x, w.loc, _("Locality"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	x += w.loc;
	canvas_put(c, top + 2, x, w.status, _("Status"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	x += w.status;
	canvas_put(c, top + 2, x, w.bar + w.pct, _("Progress"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	x += w.bar + w.pct + 1;
	canvas_put(c, top + 2, x, w.due, _("Due"), ROLE_HEADER, TEXT_PAD);
	x += w.due;
	if (w.lead > 0)
		canvas_put(c, top + 2, x, w.lead, _("Lead unit"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
}

static void draw_row(struct matrix_screen *ms, struct canvas *c, int y, const struct report_locality *l, bool cursor)
{
	struct mcols w = layout(ms, c->cols);
	int sel = cursor ? ROLE_SELECTED : 0, x = 1;
	char due[11];

	if (cursor)
		canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
	canvas_put(c, y, x, w.loc - 1, l->locality, ROLE_NORMAL | sel, TEXT_ELLIPSIS | TEXT_PAD);
	x += w.loc;
	canvas_put(c, y, x, w.status - 1, status_name(l->status), list_status_role(l->status) | sel,
	           TEXT_ELLIPSIS | TEXT_PAD);
	x += w.status;
	progress_bar_draw(c, y, x, w.bar, w.pct, l->progress, sel);
	x += w.bar + w.pct + 1;
	date_format(l->due, ms->r->date_style, due);
	canvas_put(c, y, x, w.due, due, ROLE_NORMAL | sel, TEXT_PAD);
	x += w.due;
	if (w.lead > 0)
		canvas_put(c, y, x, w.lead - 1, l->lead != NULL ? l->lead : "", ROLE_NORMAL | sel, TEXT_ELLIPSIS | TEXT_PAD);
}

static void draw_total(struct matrix_screen *ms, struct canvas *c, int y)
{
	const struct report_matrix *m = matrix(ms);
	struct mcols w = layout(ms, c->cols);
	char s[256];

	if (m == NULL)
		return;
	snprintf(s, sizeof s, _("Total: %zu localities, %ld done, %ld overdue"), m->n, m->total.done, m->total.overdue);
	canvas_put(c, y, 1, c->cols - 2, s, ROLE_LABEL, TEXT_ELLIPSIS);
	canvas_put(c, y + 1, 1, w.loc + w.status - 1, _("Average progress"), ROLE_LABEL, TEXT_ELLIPSIS | TEXT_PAD);
	progress_bar_draw(c, y + 1, 1 + w.loc + w.status, w.bar, w.pct, report_line_progress(&m->total), 0);
	if (ms->left_out > 0) {
		snprintf(s, sizeof s, _("… and %ld more sub-items, not shown."), ms->left_out);
		canvas_put(c, y + 2, 1, c->cols - 2, s, ROLE_DIM, TEXT_ELLIPSIS);
	}
}

static void keep_cursor_visible(struct matrix_screen *ms, int rows)
{
	if (ms->cursor < ms->top)
		ms->top = ms->cursor;
	if (ms->cursor >= ms->top + rows)
		ms->top = ms->cursor - rows + 1;
	if (ms->top < 0)
		ms->top = 0;
}

/* The rows of localities the screen has room for, under the heading and above the total. */
static int room(const struct matrix_screen *ms)
{
	int rows = ms->height - HEAD_LINES - 3;

	return rows > 1 ? rows : 1;
}

static void matrix_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct matrix_screen *ms = (struct matrix_screen *)s;
	const struct report_matrix *m = matrix(ms);
	int i, rows;

	ms->height = height;
	if (m == NULL)
		return;
	rows = room(ms);
	keep_cursor_visible(ms, rows);
	draw_head(ms, c, top);
	if (m->n == 0) {
		canvas_put(c, top + HEAD_LINES, 2, c->cols - 3, _("This item has no sub-items."), ROLE_DIM, TEXT_ELLIPSIS);
		return;
	}
	for (i = 0; i < rows && ms->top + i < (int)m->n; i++)
		draw_row(ms, c, top + HEAD_LINES + i, &m->rows[ms->top + i], ms->top + i == ms->cursor);
	draw_total(ms, c, top + HEAD_LINES + i);
}

static const char *matrix_title(struct screen *s)
{
	return ((struct matrix_screen *)s)->title;
}

static void matrix_status(struct screen *s, struct strbuf *left)
{
	struct matrix_screen *ms = (struct matrix_screen *)s;
	const struct report_matrix *m = matrix(ms);

	strbuf_printf(left, _(" Locality %d/%zu"), m != NULL && m->n > 0 ? ms->cursor + 1 : 0, m != NULL ? m->n : 0);
}

static int matrix_action(struct screen *s, enum action a)
{
	struct matrix_screen *ms = (struct matrix_screen *)s;
	const struct report_matrix *m = matrix(ms);
	int n = m != NULL ? (int)m->n : 0, page = room(ms);

	switch (a) {
	case ACTION_UP:
		ms->cursor--;
		break;
	case ACTION_DOWN:
		ms->cursor++;
		break;
	case ACTION_PAGE_UP:
		ms->cursor -= page;
		break;
	case ACTION_PAGE_DOWN:
		ms->cursor += page;
		break;
	case ACTION_HOME:
		ms->cursor = 0;
		break;
	case ACTION_END:
		ms->cursor = n - 1;
		break;
	case ACTION_OPEN:
		if (n > 0)
			app_push(s->app, detail_screen_new(s->app, m->rows[ms->cursor].no));
		return SCREEN_REDRAW;
	case ACTION_MATRIX:
		app_message(s->app, ROLE_DIM, "%s", _("These are the item's localities"));
		return SCREEN_REDRAW;
	default:
		return SCREEN_IGNORED;
	}
	if (ms->cursor >= n)
		ms->cursor = n - 1;
	if (ms->cursor < 0)
		ms->cursor = 0;
	return SCREEN_REDRAW;
}

static int load(struct matrix_screen *ms)
{
	struct app *a = ms->base.app;
	struct error err = { 0 };

	report_free(&ms->r);
	ms->r = report_new(a->ctx->settings.date_format);
	if (ms->r == NULL || report_set_header(ms->r, "", "", a->ctx->today, NULL, 0, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", ms->r == NULL ? _("Out of memory") : err.msg);
		return -1;
	}
	ms->left_out = locmatrix_load(a->store, ms->r, ms->no, NULL, 0, MATRIX_ROWS_MAX, &err);
	if (ms->left_out < 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return -1;
	}
	return 0;
}

static void matrix_reload(struct screen *s)
{
	load((struct matrix_screen *)s);
}

static void matrix_destroy(struct screen *s)
{
	struct matrix_screen *ms = (struct matrix_screen *)s;

	report_free(&ms->r);
	free(ms);
}

static bool matrix_lacks(const struct screen *s, enum action a)
{
	(void)s;
	return a == ACTION_EDIT || a == ACTION_UNDO || a == ACTION_MATRIX;
}

static const struct screen_ops matrix_ops = {
	.name = N_("Localities"),
	.title = matrix_title,
	.draw = matrix_draw,
	.status = matrix_status,
	.action = matrix_action,
	.reload = matrix_reload,
	.destroy = matrix_destroy,
	.keymap = KEYMAP_DETAIL,
	.lacks = matrix_lacks,
};

struct screen *matrix_screen_new(struct app *a, long no)
{
	struct matrix_screen *ms = calloc(1, sizeof *ms);

	if (ms == NULL)
		return NULL;
	ms->base.ops = &matrix_ops;
	ms->base.app = a;
	ms->no = no;
	snprintf(ms->title, sizeof ms->title, _("Localities of item #%ld"), no);
	if (load(ms) != 0) {
		matrix_destroy(&ms->base);
		return NULL;
	}
	return &ms->base;
}
