#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "editing.h"
#include "form.h"
#include "record.h"
#include "columns.h"
#include "date.h"
#include "documents.h"
#include "i18n.h"
#include "listview.h"
#include "refdata.h"
#include "screens.h"
#include "text.h"

/* The register of legal documents, newest first, a page at a time. */

enum { DC_NUMBER, DC_TYPE, DC_ISSUER, DC_DATE, DC_ITEMS, DC_SUBJECT, DC_COUNT };

struct docs_screen {
	struct screen base;
	struct doc_pager *pager;
	struct listview lv;
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

static void report(struct docs_screen *ds, int rc, const struct error *err)
{
	if (rc < 0)
		app_message(ds->base.app, ROLE_ERROR, "%s", err->msg);
}

/* ------------------------------------------------------------------ the pager, for the list view */

static int d_first(void *src, void *rows, int n, struct error *err)
{
	return doc_pager_first(((struct docs_screen *)src)->pager, rows, n, err);
}

static int d_last(void *src, void *rows, int n, struct error *err)
{
	return doc_pager_last(((struct docs_screen *)src)->pager, rows, n, err);
}

static int d_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	return doc_pager_next(((struct docs_screen *)src)->pager, after, rows, n, err);
}

static int d_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	return doc_pager_prev(((struct docs_screen *)src)->pager, before, rows, n, err);
}

static long d_key(const void *row)
{
	return ((const struct doc_row *)row)->no;
}

static int d_count(void *src, long *count, struct error *err)
{
	return doc_count(((struct docs_screen *)src)->base.app->store, count, err);
}

static void d_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	struct docs_screen *ds = src;
	const struct doc_row *r = row;
	int k, sel = selected ? ROLE_SELECTED : 0;
	char date[11], items[16];
	const char *v[DC_COUNT];

	date_format(r->signed_date, ds->base.app->ctx->settings.date_format, date);
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

static void d_clear(void *row)
{
	doc_row_clear(row);
}

static int d_copy(void *dst, const void *row)
{
	const struct doc_row *r = row;
	struct doc_row *d = dst;

	doc_row_clear(d);
	*d = *r;
	d->number = strdup(r->number != NULL ? r->number : "");
	d->subject = strdup(r->subject != NULL ? r->subject : "");
	d->issuer = strdup(r->issuer != NULL ? r->issuer : "");
	if (d->number == NULL || d->subject == NULL || d->issuer == NULL) {
		doc_row_clear(d);
		return -1;
	}
	return 0;
}

static const struct listview_pager doc_rows = {
	.row_size = sizeof(struct doc_row),
	.first = d_first,
	.last = d_last,
	.next = d_next,
	.prev = d_prev,
	.key = d_key,
	.count = d_count,
	.draw = d_draw,
	.copy = d_copy,
	.clear = d_clear,
};

static const char *docs_title(struct screen *s)
{
	(void)s;
	return _("Documents register");
}

static void docs_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	int k;

	if (ds->layout_cols != c->cols)
		layout(ds, c->cols);
	canvas_fill(c, top, 0, c->cols, ROLE_HEADER);
	for (k = 0; k < DC_COUNT; k++)
		if (ds->widths[k] > 0)
			canvas_put(c, top, ds->x[k], ds->widths[k], col_name(k), ROLE_HEADER,
			           k == DC_ITEMS ? TEXT_PAD | TEXT_RIGHT : TEXT_PAD);
	if (ds->lv.n == 0)
		canvas_put(c, top + 2, 2, c->cols - 4, _("The register is empty."), ROLE_DIM, 0);
	listview_draw(&ds->lv, c, top + 1, height - 1);
}

static void docs_status(struct screen *s, struct strbuf *left)
{
	struct docs_screen *ds = (struct docs_screen *)s;

	listview_describe_position(&ds->lv, left);
	if (ds->lv.count >= 0)
		strbuf_printf(left, " %s", _("documents"));
	strbuf_printf(left, " · %s", _("Enter: the document and its items"));
}

static int docs_action(struct screen *s, enum action a)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	const struct doc_row *cur;
	struct error err = { 0 };
	int rc = 0;

	switch (a) {
	case ACTION_OPEN:
		cur = listview_current(&ds->lv);
		if (cur != NULL)
			app_push(s->app, doc_screen_new(s->app, cur->no));
		return SCREEN_REDRAW;
	case ACTION_DOCUMENTS:
		return SCREEN_REDRAW; /* already here */
	case ACTION_ADD:
	case ACTION_EDIT: {
		struct form_spec spec = { .kind = REC_DOCUMENT };

		cur = listview_current(&ds->lv);
		if (a == ACTION_EDIT && cur == NULL)
			return SCREEN_REDRAW;
		if (a == ACTION_EDIT)
			spec.no = cur->no;
		app_push(s->app, form_new(s->app, &spec));
		return SCREEN_REDRAW;
	}
	case ACTION_ARCHIVE: {
		struct record r;
		char what[300];

		cur = listview_current(&ds->lv);
		if (cur == NULL)
			return SCREEN_REDRAW;
		if (record_load_no(s->app->store, REC_DOCUMENT, cur->no, &r, &err) == 1) {
			snprintf(what, sizeof what, _("document %s «%s»"), cur->number[0] != '\0' ? cur->number : "?",
			         cur->subject);
			edit_archive(s->app, REC_DOCUMENT, r.id, what, true);
		}
		record_clear(&r);
		report(ds, err.msg[0] != '\0' ? -1 : 0, &err);
		return SCREEN_REDRAW;
	}
	case ACTION_ARCHIVED:
	case ACTION_RESTORE:
		app_push(s->app, register_screen_new(s->app, REC_DOCUMENT, true));
		return SCREEN_REDRAW;
	default:
		if (!listview_move(&ds->lv, a, &rc, &err))
			return SCREEN_IGNORED;
		break;
	}
	report(ds, rc, &err);
	return SCREEN_REDRAW;
}

static int docs_idle(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	struct error err = { 0 };
	int rc = listview_idle(&ds->lv, &err);

	if (rc == 0)
		return SCREEN_IGNORED;
	if (rc < 0) {
		ds->lv.count = 0; /* do not count again and again */
		if (ds->lv.pos == 0)
			ds->lv.pos = 1;
		report(ds, -1, &err);
	}
	return SCREEN_REDRAW;
}

static int body_rows(struct screen *s)
{
	int h = app_body_rows(s->app) - 1;

	return h > 0 ? h : 1;
}

static void docs_resume(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	struct error err = { 0 };

	ds->layout_cols = 0;
	report(ds, listview_resize(&ds->lv, body_rows(s), &err), &err);
}

/* Another clerk changed the file, or Ctrl-L: the rows again, the cursor on its document. */
static void docs_reload(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;
	struct error err = { 0 };

	report(ds, listview_reload(&ds->lv, &err), &err);
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
	case ACTION_ADD_SUB:
		return true;
	default:
		return false;
	}
}

static void docs_destroy(struct screen *s)
{
	struct docs_screen *ds = (struct docs_screen *)s;

	listview_close(&ds->lv);
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
	.reload = docs_reload,
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
	if (doc_pager_open(&ds->pager, a->store, &err) != 0 ||
	    listview_open(&ds->lv, &doc_rows, ds, body_rows(&ds->base), &err) != 0 ||
	    listview_home(&ds->lv, &err) != 0) {
		listview_close(&ds->lv);
		doc_pager_close(&ds->pager);
		app_message(a, ROLE_ERROR, "%s", err.msg);
		free(ds);
		return NULL;
	}
	return &ds->base;
}
