#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "columns.h"
#include "date.h"
#include "documents.h"
#include "i18n.h"
#include "refdata.h"
#include "screens.h"
#include "text.h"

/* The register of legal documents, newest first, a page at a time. */

enum { DC_NUMBER, DC_TYPE, DC_ISSUER, DC_DATE, DC_ITEMS, DC_SUBJECT, DC_COUNT };

struct docs_screen {
	struct screen base;
	struct doc_pager *pager;
	struct doc_row *rows;
	int n, cap, cursor;
	long pos;    /* of rows[0], from 1; 0: not known */
	long count;  /* -1: not counted yet */
	int widths[DC_COUNT], x[DC_COUNT], layout_cols;
};

static const char *col_name(int c)
{
	switch (c) {
	/* TRANSLATORS: column headings of the documents register. */
	case DC_NUMBER: return _("Number");
	case DC_TYPE: return _("Type");
	case DC_ISSUER: return _("Issued by");
	case DC_DATE: return _("Signed");
	case DC_ITEMS: return _("Items");
	case DC_SUBJECT: return _("Subject");
	default: return "";
	}
}

static void layout(struct docs_screen *ds, int cols)
{
	struct column_spec spec[DC_COUNT] = {
		[DC_NUMBER] = { 10, 90, 0 },
		[DC_TYPE] = { 14, 50, 0 },
		[DC_ISSUER] = { 16, 30, 0 },
		[DC_DATE] = { 10, 70, 0 },
		[DC_ITEMS] = { 5, 20, 0 },
		[DC_SUBJECT] = { 20, 100, 1 },
	};
	int i, x = 0;

	for (i = 0; i < DC_COUNT; i++) {
		int hw = text_width(col_name(i));

		if (!spec[i].flex && spec[i].want < hw)
			spec[i].want = hw;
	}
	columns_fit(spec, DC_COUNT, cols, 1, ds->widths);
	for (i = 0; i < DC_COUNT; i++) {
		ds->x[i] = x;
		if (ds->widths[i] > 0)
			x += ds->widths[i] + 1;
	}
	ds->layout_cols = cols;
}

static void clear_rows(struct doc_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++)
		doc_row_clear(&rows[i]);
}

static void report(struct docs_screen *ds, int rc, const struct error *err)
{
	if (rc < 0)
		app_message(ds->base.app, ROLE_ERROR, "%s", err->msg);
}

static int home(struct docs_screen *ds, struct error *err)
{
	int got;

	clear_rows(ds->rows, ds->n);
	got = doc_pager_first(ds->pager, ds->rows, ds->cap, err);
	ds->n = got > 0 ? got : 0;
	ds->cursor = 0;
	ds->pos = 1;
	return got < 0 ? -1 : 0;
}

static int end(struct docs_screen *ds, struct error *err)
{
	int got;

	if (ds->count < 0 && doc_count(ds->base.app->store, &ds->count, err) != 0)
		return -1;
	clear_rows(ds->rows, ds->n);
	got = doc_pager_last(ds->pager, ds->rows, ds->cap, err);
	ds->n = got > 0 ? got : 0;
	ds->cursor = ds->n > 0 ? ds->n - 1 : 0;
	ds->pos = ds->count >= 0 ? ds->count - ds->n + 1 : 0;
	return got < 0 ? -1 : 0;
}

/* Moves the window by up to `by` rows (negative: up); the cursor follows when it must. */
static int scroll(struct docs_screen *ds, int by, struct error *err)
{
	struct doc_row *more;
	int want = by > 0 ? by : -by, got;

	if (ds->n == 0)
		return 0;
	more = calloc((size_t)want, sizeof *more);
	if (more == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	got = by > 0 ? doc_pager_next(ds->pager, &ds->rows[ds->n - 1], more, want, err)
	             : doc_pager_prev(ds->pager, &ds->rows[0], more, want, err);
	if (got > 0 && by > 0) {
		int drop = ds->n + got > ds->cap ? ds->n + got - ds->cap : 0;

		clear_rows(ds->rows, drop);
		memmove(ds->rows, ds->rows + drop, (size_t)(ds->n - drop) * sizeof *ds->rows);
		memcpy(ds->rows + ds->n - drop, more, (size_t)got * sizeof *more);
		ds->n += got - drop;
		if (ds->pos > 0)
			ds->pos += drop;
	} else if (got > 0) {
		int drop = ds->n + got > ds->cap ? ds->n + got - ds->cap : 0;

		clear_rows(ds->rows + ds->n - drop, drop);
		ds->n -= drop;
		memmove(ds->rows + got, ds->rows, (size_t)ds->n * sizeof *ds->rows);
		memcpy(ds->rows, more, (size_t)got * sizeof *more);
		ds->n += got;
		if (ds->pos > 0)
			ds->pos = ds->pos > got ? ds->pos - got : 1;
	}
	free(more);
	return got < 0 ? -1 : got;
}

static const char *docs_title(struct screen *s)
{
	(void)s;
	return _("Documents register");
}

static void docs_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	int i, k;

	if (ds->layout_cols != c->cols)
		layout(ds, c->cols);
	canvas_fill(c, top, 0, c->cols, ROLE_HEADER);
	for (k = 0; k < DC_COUNT; k++)
		if (ds->widths[k] > 0)
			canvas_put(c, top, ds->x[k], ds->widths[k], col_name(k), ROLE_HEADER,
			           k == DC_ITEMS ? TEXT_PAD | TEXT_RIGHT : TEXT_PAD);
	if (ds->n == 0)
		canvas_put(c, top + 2, 2, c->cols - 4, _("The register is empty."), ROLE_DIM, 0);
	for (i = 0; i < ds->n && i < height - 1; i++) {
		const struct doc_row *r = &ds->rows[i];
		int y = top + 1 + i, sel = i == ds->cursor ? ROLE_SELECTED : 0;
		char date[11], items[16];
		const char *v[DC_COUNT];

		date_format(r->signed_date, s->app->ctx->settings.date_format, date);
		snprintf(items, sizeof items, "%ld", r->items);
		v[DC_NUMBER] = r->number[0] != '\0' ? r->number : "?";
		v[DC_TYPE] = doc_type_name(r->type);
		v[DC_ISSUER] = r->issuer;
		v[DC_DATE] = date;
		v[DC_ITEMS] = items;
		v[DC_SUBJECT] = r->subject;
		if (sel)
			canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
		for (k = 0; k < DC_COUNT; k++)
			if (ds->widths[k] > 0)
				canvas_put(c, y, ds->x[k], ds->widths[k], v[k], ROLE_NORMAL | sel,
				           k == DC_ITEMS ? TEXT_PAD | TEXT_RIGHT : TEXT_ELLIPSIS);
	}
}

static void docs_status(struct screen *s, struct strbuf *left)
{
	struct docs_screen *ds = (struct docs_screen *)s;

	if (ds->pos > 0)
		strbuf_printf(left, " %ld", ds->pos + ds->cursor);
	else
		strbuf_puts(left, " ?");
	if (ds->count >= 0)
		strbuf_printf(left, "/%ld %s", ds->count, _("documents"));
	strbuf_printf(left, " · %s", _("Enter: the document and its items"));
}

static int docs_action(struct screen *s, enum action a)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	struct error err = { 0 };
	int rc = 0, page = ds->cap;

	switch (a) {
	case ACTION_UP:
		if (ds->cursor > 0)
			ds->cursor--;
		else
			rc = scroll(ds, -1, &err);
		break;
	case ACTION_DOWN:
		if (ds->cursor < ds->n - 1)
			ds->cursor++;
		else if ((rc = scroll(ds, 1, &err)) > 0)
			ds->cursor = ds->n - 1;
		break;
	case ACTION_PAGE_UP:
		rc = scroll(ds, -page, &err);
		if (rc == 0)
			ds->cursor = 0;
		break;
	case ACTION_PAGE_DOWN:
		rc = scroll(ds, page, &err);
		if (rc == 0)
			ds->cursor = ds->n > 0 ? ds->n - 1 : 0;
		break;
	case ACTION_HOME:
		rc = home(ds, &err);
		break;
	case ACTION_END:
		rc = end(ds, &err);
		break;
	case ACTION_OPEN:
		if (ds->n > 0)
			app_push(s->app, doc_screen_new(s->app, ds->rows[ds->cursor].no));
		return SCREEN_REDRAW;
	case ACTION_DOCUMENTS:
		return SCREEN_REDRAW; /* already here */
	default:
		return SCREEN_IGNORED;
	}
	if (ds->cursor >= ds->n)
		ds->cursor = ds->n > 0 ? ds->n - 1 : 0;
	report(ds, rc, &err);
	return SCREEN_REDRAW;
}

static int docs_idle(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	struct error err = { 0 };

	if (ds->count >= 0)
		return SCREEN_IGNORED;
	if (doc_count(s->app->store, &ds->count, &err) != 0) {
		ds->count = 0;
		report(ds, -1, &err);
	}
	return SCREEN_REDRAW;
}

static void docs_resume(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	int h = app_body_rows(s->app) - 1;
	struct error err = { 0 };
	struct doc_row *rows;

	if (h < 1)
		h = 1;
	ds->layout_cols = 0;
	if (h == ds->cap)
		return;
	clear_rows(ds->rows, ds->n);
	rows = realloc(ds->rows, (size_t)h * sizeof *rows);
	if (rows == NULL) {
		app_message(s->app, ROLE_ERROR, "%s", _("Out of memory"));
		ds->n = 0;
		return;
	}
	memset(rows, 0, (size_t)h * sizeof *rows);
	ds->rows = rows;
	ds->cap = h;
	ds->n = 0;
	report(ds, home(ds, &err), &err);
}

/* The register shares the list's keymap, but not the item list's own actions. */
static bool docs_lacks(const struct screen *s, enum action a)
{
	(void)s;
	switch (a) {
	case ACTION_EXPAND:
	case ACTION_COLLAPSE:
	case ACTION_SEARCH:
	case ACTION_FILTER:
	case ACTION_SORT:
	case ACTION_CLEAR:
	case ACTION_DOCUMENTS:
	case ACTION_ADD:
	case ACTION_EDIT:
	case ACTION_ARCHIVE:
	case ACTION_UNDO:
		return true;
	default:
		return false;
	}
}

static void docs_destroy(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;

	clear_rows(ds->rows, ds->n);
	free(ds->rows);
	doc_pager_close(&ds->pager);
	free(ds);
}

static const struct screen_ops docs_ops = {
	.name = N_("Documents register"),
	.title = docs_title,
	.draw = docs_draw,
	.status = docs_status,
	.action = docs_action,
	.idle = docs_idle,
	.resume = docs_resume,
	.destroy = docs_destroy,
	.keymap = KEYMAP_LIST,
	.lacks = docs_lacks,
};

struct screen *docs_screen_new(struct app *a)
{
	struct docs_screen *ds = calloc(1, sizeof *ds);
	struct error err = { 0 };

	if (ds == NULL)
		return NULL;
	ds->base.ops = &docs_ops;
	ds->base.app = a;
	ds->count = -1;
	if (doc_pager_open(&ds->pager, a->store, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		free(ds);
		return NULL;
	}
	return &ds->base;
}
