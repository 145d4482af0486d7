#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "dashboard.h"
#include "date.h"
#include "i18n.h"
#include "progressbar.h"
#include "itemlayout.h"
#include "itemquery.h"
#include "refdata.h"
#include "screens.h"
#include "store.h"
#include "text.h"

/*
 * The status screen (D): the programme's counts by status, kind, year and
 * lead unit with progress bars, the overdue items worst first, what each
 * unit owes, and the pilots whose localities can be opened; for the items
 * of the list's view (its search and filters). The counts the database
 * keeps come at once; the rest is counted in idle time (dashboard.h).
 * Enter on a line opens the item list filtered to its items.
 */

/* Items counted per step in idle time: a few milliseconds of work. */
#define STEP_ITEMS 500

/* Steps follow each other in one idle call for this long, while no key waits. */
#define IDLE_SLICE_MS 50

enum dl_kind { DL_HEADING, DL_COLUMNS, DL_COUNT, DL_TOTAL, DL_OVERDUE, DL_DEBT, DL_MATRIX, DL_NOTE, DL_BLANK };
enum dl_table { T_STATUS, T_KIND, T_YEAR, T_LEAD, T_OVERDUE, T_DEBTS, T_MATRICES };

struct dline {
	enum dl_kind kind;
	enum dl_table table;
	size_t index;       /* the line, overdue item, debt or matrix within its table */
	const char *text;   /* a heading or a note (translated; static), else NULL */
	char more[160];     /* a note made up here ("… and 12 more") */
};

struct dash_screen {
	struct screen base;
	struct dashboard *d;
	struct item_view view;       /* the list's view whose items are counted */
	char unit_name[128];
	char locality_name[128];
	bool filtered;
	struct dline *lines;
	int n, cap;
	int top, cursor;             /* the first line shown, the line under the cursor */
	int height;
	bool failed;                 /* counting failed: no more idle work */
	char title[64];
};

static struct app *app_of(struct dash_screen *ds)
{
	return ds->base.app;
}

/* ------------------------------------------------------------------ lines */

static struct dline *add(struct dash_screen *ds, enum dl_kind kind, enum dl_table t, size_t index, const char *text)
{
	struct dline *l;

	if (ds->n == ds->cap) {
		int cap = ds->cap != 0 ? ds->cap * 2 : 64;
		struct dline *v = realloc(ds->lines, (size_t)cap * sizeof *v);

		if (v == NULL)
			return NULL;
		ds->lines = v;
		ds->cap = cap;
	}
	l = &ds->lines[ds->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->table = t;
	l->index = index;
	l->text = text;
	return l;
}

static bool selectable(const struct dline *l)
{
	return l->kind == DL_COUNT || l->kind == DL_TOTAL || l->kind == DL_OVERDUE || l->kind == DL_DEBT ||
	       l->kind == DL_MATRIX;
}

static void count_table(struct dash_screen *ds, enum dl_table t, const char *title, const struct report_lines *l)
{
	size_t i;

	add(ds, DL_BLANK, t, 0, NULL);
	add(ds, DL_HEADING, t, 0, title);
	add(ds, DL_COLUMNS, t, 0, NULL);
	for (i = 0; i < l->n; i++)
		add(ds, DL_COUNT, t, i, NULL);
	add(ds, DL_TOTAL, t, 0, NULL);
}

static void more_note(struct dash_screen *ds, enum dl_table t, enum report_more what, long n)
{
	struct dline *l;
	char *text;

	if (n <= 0 || (l = add(ds, DL_NOTE, t, 0, NULL)) == NULL)
		return;
	text = report_more_text(what, n);
	snprintf(l->more, sizeof l->more, "%s", text != NULL ? text : "…");
	free(text);
}

/* Lays the screen's lines out again from the figures known now; the cursor stays on its line. */
static void build(struct dash_screen *ds)
{
	const struct report *r = dashboard_report(ds->d);
	bool counts = dashboard_counts_known(ds->d), overdue = dashboard_overdue_known(ds->d);
	const struct dashboard_matrix *mx;
	long mx_more;
	int i, nmx;

	ds->n = 0;
	add(ds, DL_TOTAL, T_STATUS, 0, NULL); /* the whole programme, on the first line */
	if (!counts) {
		add(ds, DL_BLANK, T_STATUS, 0, NULL);
		add(ds, DL_NOTE, T_STATUS, 0, _("Counting the items of the search and filters…"));
		goto done;
	}
	count_table(ds, T_STATUS, _("By status"), &r->by_status);
	count_table(ds, T_KIND, _("By kind"), &r->by_kind);
	count_table(ds, T_YEAR, _("By year"), &r->by_year);
	count_table(ds, T_LEAD, _("By lead unit"), &r->by_lead);

	add(ds, DL_BLANK, T_OVERDUE, 0, NULL);
	add(ds, DL_HEADING, T_OVERDUE, 0, _("Overdue items, worst first"));
	if (!overdue) {
		add(ds, DL_NOTE, T_OVERDUE, 0, _("Counting…"));
	} else if (r->n_overdue == 0) {
		add(ds, DL_NOTE, T_OVERDUE, 0, _("No item is overdue."));
	} else {
		add(ds, DL_COLUMNS, T_OVERDUE, 0, NULL);
		for (i = 0; i < (int)r->n_overdue; i++)
			add(ds, DL_OVERDUE, T_OVERDUE, (size_t)i, NULL);
		more_note(ds, T_OVERDUE, REPORT_MORE_OVERDUE, r->overdue_more);
	}

	add(ds, DL_BLANK, T_DEBTS, 0, NULL);
	add(ds, DL_HEADING, T_DEBTS, 0, _("What each unit owes"));
	if (!overdue) {
		add(ds, DL_NOTE, T_DEBTS, 0, _("Counting…"));
	} else if (r->n_debts == 0) {
		add(ds, DL_NOTE, T_DEBTS, 0, _("No unit has an open item."));
	} else {
		add(ds, DL_COLUMNS, T_DEBTS, 0, NULL);
		for (i = 0; i < (int)r->n_debts; i++)
			add(ds, DL_DEBT, T_DEBTS, (size_t)i, NULL);
	}

	mx = dashboard_matrices(ds->d, &nmx, &mx_more);
	add(ds, DL_BLANK, T_MATRICES, 0, NULL);
	add(ds, DL_HEADING, T_MATRICES, 0, _("Localities of the pilots (Enter opens the matrix)"));
	for (i = 0; i < nmx; i++)
		add(ds, DL_MATRIX, T_MATRICES, (size_t)i, NULL);
	if (!dashboard_done(ds->d))
		add(ds, DL_NOTE, T_MATRICES, 0, _("Counting…"));
	else if (nmx == 0)
		add(ds, DL_NOTE, T_MATRICES, 0, _("No pilot has sub-items."));
	more_note(ds, T_MATRICES, REPORT_MORE_MATRICES, mx_more);
	(void)mx;
done:
	if (ds->cursor >= ds->n)
		ds->cursor = ds->n - 1;
	if (ds->cursor < 0)
		ds->cursor = 0;
}

/* ------------------------------------------------------------------ drawing */

/* The widths of a line of counts on cols cells: label, three numbers, the bar. */
struct cols {
	int label, num, over, bar, pct;
};

static struct cols layout(int width)
{
	struct cols c;

	c.num = width >= 60 ? 7 : 6;
	c.over = width >= 60 ? 9 : 8;
	c.pct = 5;
	c.bar = width >= 140 ? 30 : width >= 110 ? 20 : width >= 72 ? 10 : width >= 60 ? 5 : 0;
	c.label = width - 2 - 2 * c.num - c.over - 1 - c.bar - c.pct;
	if (c.label < 8)
		c.label = 8;
	return c;
}

/* The cells of the overdue items' lead unit column (with its gap): none on a narrow terminal. */
static int lead_cells(const struct canvas *c)
{
	return c->cols >= 70 ? 17 : 0;
}

static void num(struct canvas *c, int y, int x, int width, long n, bool known, int role)
{
	char s[32];

	if (known)
		snprintf(s, sizeof s, "%ld", n);
	else
		snprintf(s, sizeof s, "…");
	canvas_put(c, y, x, width, s, role, TEXT_PAD | TEXT_RIGHT);
}

static const struct report_lines *lines_of(const struct report *r, enum dl_table t)
{
	switch (t) {
	case T_STATUS:
		return &r->by_status;
	case T_KIND:
		return &r->by_kind;
	case T_YEAR:
		return &r->by_year;
	default:
		return &r->by_lead;
	}
}

static void draw_count(struct dash_screen *ds, struct canvas *c, int y, const struct report_line *l,
                       const char *label, int sel, int label_role)
{
	struct cols w = layout(c->cols);
	bool overdue = dashboard_overdue_known(ds->d);
	int x = 1;

	canvas_put(c, y, x, w.label, label, label_role | sel, TEXT_ELLIPSIS | TEXT_PAD);
	x += w.label;
	num(c, y, x, w.num, l->items, true, ROLE_NORMAL | sel);
	x += w.num;
	num(c, y, x, w.num, l->done, true, ROLE_NORMAL | sel);
	x += w.num;
	num(c, y, x, w.over, l->overdue, overdue, (l->overdue > 0 ? ROLE_OVERDUE : ROLE_NORMAL) | sel);
	x += w.over + 1;
	progress_bar_draw(c, y, x + 1, w.bar, w.pct, report_line_progress(l), sel);
}

static void draw_columns(struct dash_screen *ds, struct canvas *c, int y, enum dl_table t)
{
	struct cols w = layout(c->cols);
	int x = 1;

	(void)ds;
	canvas_fill(c, y, 0, c->cols, ROLE_HEADER);
	switch (t) {
	case T_OVERDUE:
		canvas_put(c, y, 1, 6, _("No."), ROLE_HEADER, TEXT_PAD);
		canvas_put(c, y, 7, c->cols - 7 - 21 - lead_cells(c), _("Title"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
		if (lead_cells(c) > 0)
			canvas_put(c, y, c->cols - 38, 16, _("Lead unit"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
		canvas_put(c, y, c->cols - 21, 11, _("Due"), ROLE_HEADER, TEXT_PAD);
		canvas_put(c, y, c->cols - 10, 9, _("Days late"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
		return;
	case T_DEBTS:
		canvas_put(c, y, 1, c->cols - 22, _("Unit"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
		canvas_put(c, y, c->cols - 21, 10, _("Open items"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
		canvas_put(c, y, c->cols - 10, 9, _("Overdue"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
		return;
	default:
		break;
	}
	canvas_put(c, y, x, w.label, t == T_STATUS ? _("Status") : t == T_KIND ? _("Kind") : t == T_YEAR ? _("Year")
	                                                                                            : _("Lead unit"),
	           ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	x += w.label;
	canvas_put(c, y, x, w.num, _("Items"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
	x += w.num;
	canvas_put(c, y, x, w.num, _("Done"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
	x += w.num;
	canvas_put(c, y, x, w.over, _("Overdue"), ROLE_HEADER, TEXT_PAD | TEXT_RIGHT | TEXT_ELLIPSIS);
	x += w.over + 1;
	canvas_put(c, y, x + 1, w.bar + w.pct, _("Progress"), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
}

/* The first line: the whole programme (or the view) in one sentence, with its bar. */
static void draw_summary(struct dash_screen *ds, struct canvas *c, int y, int sel)
{
	const struct report *r = dashboard_report(ds->d);
	struct cols w = layout(c->cols);
	char s[256], over[32];

	if (!dashboard_counts_known(ds->d)) {
		canvas_put(c, y, 1, c->cols - 2, ds->filtered ? _("The items found: counting…")
		                                                : _("The whole programme: counting…"),
		           ROLE_SECTION | sel, TEXT_ELLIPSIS | TEXT_PAD);
		return;
	}
	if (dashboard_overdue_known(ds->d))
		snprintf(over, sizeof over, "%ld", r->total.overdue);
	else
		snprintf(over, sizeof over, "…");
	snprintf(s, sizeof s, _("%s: %ld items, %ld done, %s overdue"),
	         ds->filtered ? _("The items found") : _("The whole programme"), r->total.items,
	         r->total.done, over);
	if (text_width(s) > c->cols - 3 - w.bar - w.pct) {
		/* Large numbers: the sentence first, the average alone after it. */
		int p = report_line_progress(&r->total);
		size_t n = strlen(s);

		if (p >= 0)
			snprintf(s + n, sizeof s - n, " · %d%%", p);
		canvas_put(c, y, 1, c->cols - 2, s, ROLE_SECTION | sel, TEXT_ELLIPSIS | TEXT_PAD);
		return;
	}
	canvas_put(c, y, 1, c->cols - 3 - w.bar - w.pct, s, ROLE_SECTION | sel, TEXT_ELLIPSIS | TEXT_PAD);
	progress_bar_draw(c, y, c->cols - 1 - w.bar - w.pct, w.bar, w.pct, report_line_progress(&r->total), sel);
}

static void draw_line(struct dash_screen *ds, struct canvas *c, int y, const struct dline *l, bool cursor)
{
	const struct report *r = dashboard_report(ds->d);
	int sel = cursor ? ROLE_SELECTED : 0;
	char s[64], due[11];

	if (cursor)
		canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
	switch (l->kind) {
	case DL_BLANK:
		return;
	case DL_HEADING:
		canvas_put(c, y, 0, c->cols, l->text, ROLE_SECTION, TEXT_ELLIPSIS);
		return;
	case DL_NOTE: /* a note made up here lives in the line itself, which may move */
		canvas_put(c, y, 2, c->cols - 3, l->more[0] != '\0' ? l->more : l->text, ROLE_DIM, TEXT_ELLIPSIS);
		return;
	case DL_COLUMNS:
		draw_columns(ds, c, y, l->table);
		return;
	case DL_COUNT: {
		const struct report_line *rl = &lines_of(r, l->table)->v[l->index];
		int role = l->table == T_STATUS ? list_status_role(rl->key) : ROLE_NORMAL;

		draw_count(ds, c, y, rl, rl->label != NULL ? rl->label : "", sel, role);
		return;
	}
	case DL_TOTAL:
		if (ds->lines == l) /* the first line */
			draw_summary(ds, c, y, sel);
		else
			draw_count(ds, c, y, &r->total, _("Total"), sel, ROLE_LABEL);
		return;
	case DL_OVERDUE: {
		const struct report_overdue *o = &r->overdue[l->index];

		snprintf(s, sizeof s, "%ld", o->no);
		canvas_put(c, y, 1, 5, s, ROLE_NORMAL | sel, TEXT_PAD | TEXT_RIGHT);
		canvas_put(c, y, 7, c->cols - 7 - 22 - lead_cells(c), o->title, ROLE_NORMAL | sel, TEXT_ELLIPSIS | TEXT_PAD);
		if (lead_cells(c) > 0)
			canvas_put(c, y, c->cols - 38, 16, o->lead != NULL ? o->lead : "", ROLE_NORMAL | sel,
			           TEXT_ELLIPSIS | TEXT_PAD);
		date_format(o->due, r->date_style, due);
		canvas_put(c, y, c->cols - 21, 11, due, ROLE_NORMAL | sel, TEXT_PAD);
		snprintf(s, sizeof s, "%ld", o->days_late);
		canvas_put(c, y, c->cols - 10, 9, s, ROLE_OVERDUE | sel, TEXT_PAD | TEXT_RIGHT);
		return;
	}
	case DL_DEBT: {
		const struct report_debt *d = &r->debts[l->index];

		canvas_put(c, y, 1, c->cols - 23, d->unit, ROLE_NORMAL | sel, TEXT_ELLIPSIS | TEXT_PAD);
		num(c, y, c->cols - 21, 10, d->open, true, ROLE_NORMAL | sel);
		num(c, y, c->cols - 10, 9, d->overdue, true, (d->overdue > 0 ? ROLE_OVERDUE : ROLE_NORMAL) | sel);
		return;
	}
	case DL_MATRIX: {
		int n;
		const struct dashboard_matrix *m = dashboard_matrices(ds->d, &n, NULL);

		snprintf(s, sizeof s, "#%ld", m[l->index].no);
		canvas_put(c, y, 1, 7, s, ROLE_NORMAL | sel, TEXT_PAD | TEXT_RIGHT);
		canvas_put(c, y, 9, c->cols - 10, m[l->index].title, ROLE_NORMAL | sel, TEXT_ELLIPSIS | TEXT_PAD);
		return;
	}
	}
}

static void keep_cursor_visible(struct dash_screen *ds)
{
	if (ds->height <= 0)
		return;
	if (ds->cursor < ds->top) {
		ds->top = ds->cursor;
		/* Show what heads the cursor's table (its heading, its columns) when it fits. */
		while (ds->top > 0 && !selectable(&ds->lines[ds->top - 1]) && ds->cursor - ds->top + 1 < ds->height)
			ds->top--;
	}
	if (ds->cursor >= ds->top + ds->height)
		ds->top = ds->cursor - ds->height + 1;
	if (ds->top > ds->n - ds->height)
		ds->top = ds->n - ds->height > 0 ? ds->n - ds->height : 0;
	if (ds->top < 0)
		ds->top = 0;
}

static void dash_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct dash_screen *ds = (struct dash_screen *)s;
	int i;

	ds->height = height;
	keep_cursor_visible(ds);
	for (i = 0; i < height && ds->top + i < ds->n; i++)
		draw_line(ds, c, top + i, &ds->lines[ds->top + i], ds->top + i == ds->cursor);
}

static const char *dash_title(struct screen *s)
{
	return ((struct dash_screen *)s)->title;
}

static void describe_filters(struct dash_screen *ds, struct strbuf *b)
{
	const struct item_filter *f = &ds->view.filter;
	int st;
	bool first = true;

	if (f->search[0] != '\0')
		strbuf_printf(b, " · /%s", f->search);
	if (f->statuses != 0) {
		strbuf_printf(b, " · %s:", _("Status"));
		for (st = 1; st <= STATUS_MAX; st++)
			if (f->statuses & (1u << st)) {
				strbuf_printf(b, "%s%s", first ? " " : ", ", status_name(st));
				first = false;
			}
	}
	if (f->kind != 0)
		strbuf_printf(b, " · %s: %s", _("Kind"), kind_name(f->kind));
	if (f->year != 0)
		strbuf_printf(b, " · %s: %d", _("Year"), f->year);
	if (f->unit_id[0] != '\0')
		strbuf_printf(b, " · %s: %s", _("Lead unit"), ds->unit_name);
	if (f->locality_id[0] != '\0')
		strbuf_printf(b, " · %s: %s", _("Locality"), ds->locality_name);
}

static void dash_status(struct screen *s, struct strbuf *left)
{
	struct dash_screen *ds = (struct dash_screen *)s;

	if (ds->filtered) {
		strbuf_printf(left, " %s", _("Search and filters of the list apply"));
		describe_filters(ds, left);
	} else {
		strbuf_printf(left, " %s", _("All items"));
	}
	if (!dashboard_done(ds->d) && !ds->failed)
		strbuf_printf(left, " · %s", _("counting…"));
	else if (ds->n > 0 && selectable(&ds->lines[ds->cursor]))
		strbuf_printf(left, " · %s", ds->lines[ds->cursor].kind == DL_MATRIX ? _("Enter: the localities")
		                             : ds->lines[ds->cursor].kind == DL_OVERDUE ? _("Enter: the item")
		                                                                         : _("Enter: list these items"));
}

/* ------------------------------------------------------------------ moving */

static void move(struct dash_screen *ds, int delta)
{
	int i = ds->cursor, step = delta < 0 ? -1 : 1, moved = 0, last = ds->cursor;

	while (moved < (delta < 0 ? -delta : delta)) {
		i += step;
		if (i < 0 || i >= ds->n)
			break;
		if (selectable(&ds->lines[i])) {
			last = i;
			moved++;
		}
	}
	if (last == ds->cursor && (i < 0 || i >= ds->n)) {
		/* At either end: show the lines beyond the cursor (headings, notes). */
		ds->top = step < 0 ? 0 : ds->n;
	}
	ds->cursor = last;
	keep_cursor_visible(ds);
}

/* ------------------------------------------------------------------ Enter */

/* Shows v on the item list and closes every screen above it but this one (which the caller closes). */
static int show_in_list(struct dash_screen *ds, const struct item_view *v, const char *unit_name)
{
	struct app *a = app_of(ds);
	struct screen *list = a->depth > 0 ? a->stack[0] : NULL;

	if (items_screen_view(list, NULL, NULL) == NULL) {
		app_message(a, ROLE_ERROR, "%s", _("The item list is not open"));
		return SCREEN_REDRAW;
	}
	items_screen_show(list, v, unit_name, ds->locality_name);
	/* The screens between the list and this one go (a detail it was opened from). */
	for (;;) {
		struct screen *between = NULL;
		int i;

		for (i = a->depth - 1; i > 0; i--)
			if (a->stack[i] != &ds->base) {
				between = a->stack[i];
				break;
			}
		if (between == NULL || !app_close(a, between))
			break;
	}
	return SCREEN_CLOSE | SCREEN_REDRAW;
}

static int open_line(struct dash_screen *ds)
{
	struct app *a = app_of(ds);
	const struct report *r = dashboard_report(ds->d);
	const struct dline *l = ds->n > 0 ? &ds->lines[ds->cursor] : NULL;
	struct item_view v = ds->view;
	const char *unit = ds->unit_name;

	if (l == NULL || !selectable(l)) {
		app_message(a, ROLE_DIM, "%s", _("Nothing to open on this line"));
		return SCREEN_REDRAW;
	}
	switch (l->kind) {
	case DL_OVERDUE:
		app_push(a, detail_screen_new(a, r->overdue[l->index].no));
		return SCREEN_REDRAW;
	case DL_MATRIX: {
		int n;
		const struct dashboard_matrix *m = dashboard_matrices(ds->d, &n, NULL);

		app_push(a, matrix_screen_new(a, m[l->index].no));
		return SCREEN_REDRAW;
	}
	case DL_DEBT: {
		const char *id = dashboard_unit_id(ds->d, r->debts[l->index].unit);

		if (id == NULL) {
			app_message(a, ROLE_DIM, "%s", _("Items without a lead unit cannot be listed by a filter"));
			return SCREEN_REDRAW;
		}
		snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", id);
		unit = r->debts[l->index].unit;
		v.filter.statuses = 1u << STATUS_PLANNED | 1u << STATUS_IN_PROGRESS | 1u << STATUS_SUSPENDED |
		                    1u << STATUS_OVERDUE;
		break;
	}
	case DL_TOTAL:
		break;
	case DL_COUNT: {
		const struct report_line *rl = &lines_of(r, l->table)->v[l->index];

		if (l->table == T_STATUS) {
			v.filter.statuses = 1u << rl->key;
		} else if (l->table == T_KIND) {
			v.filter.kind = rl->key;
		} else if (l->table == T_YEAR) {
			if (rl->key <= 0) {
				app_message(a, ROLE_DIM, "%s", _("Items without a year cannot be listed by a filter"));
				return SCREEN_REDRAW;
			}
			v.filter.year = rl->key;
		} else {
			const char *id = dashboard_unit_id(ds->d, rl->label);

			if (id == NULL) {
				app_message(a, ROLE_DIM, "%s", _("Items without a lead unit cannot be listed by a filter"));
				return SCREEN_REDRAW;
			}
			snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%s", id);
			unit = rl->label;
		}
		break;
	}
	default:
		return SCREEN_REDRAW;
	}
	return show_in_list(ds, &v, unit);
}

/* ------------------------------------------------------------------ the rest */

static int dash_action(struct screen *s, enum action a)
{
	struct dash_screen *ds = (struct dash_screen *)s;
	int page = ds->height > 2 ? ds->height - 2 : 1;

	switch (a) {
	case ACTION_UP:
		move(ds, -1);
		return SCREEN_REDRAW;
	case ACTION_DOWN:
		move(ds, 1);
		return SCREEN_REDRAW;
	case ACTION_PAGE_UP:
		move(ds, -page);
		return SCREEN_REDRAW;
	case ACTION_PAGE_DOWN:
		move(ds, page);
		return SCREEN_REDRAW;
	case ACTION_HOME:
		ds->cursor = 0;
		ds->top = 0;
		return SCREEN_REDRAW;
	case ACTION_END:
		move(ds, ds->n);
		return SCREEN_REDRAW;
	case ACTION_OPEN:
		return open_line(ds);
	case ACTION_MATRIX:
		if (ds->n > 0 && ds->lines[ds->cursor].kind == DL_MATRIX)
			return open_line(ds);
		app_message(app_of(ds), ROLE_DIM, "%s", _("Move to a pilot under 'Localities of the pilots' first"));
		return SCREEN_REDRAW;
	case ACTION_DASHBOARD:
		app_message(app_of(ds), ROLE_DIM, "%s", _("This is the status screen"));
		return SCREEN_REDRAW;
	default:
		return SCREEN_IGNORED;
	}
}

static int interrupt(void *ctx)
{
	return app_input_pending(ctx) ? 1 : 0;
}

static long long clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What the screen shows of the progress of the counts: when it changes, the screen is drawn again. */
static long shown_state(const struct dash_screen *ds)
{
	int n;
	long more;

	dashboard_matrices(ds->d, &n, &more);
	return (dashboard_counts_known(ds->d) ? 1 : 0) + (dashboard_overdue_known(ds->d) ? 2 : 0) +
	       (dashboard_done(ds->d) ? 4 : 0) + 8L * (n + more);
}

static int dash_idle(struct screen *s)
{
	struct dash_screen *ds = (struct dash_screen *)s;
	struct app *a = app_of(ds);
	struct store *reader;
	struct error err = { 0 };
	long before = shown_state(ds);
	long long start = clock_ms();
	int rc;

	if (ds->failed || dashboard_done(ds->d))
		return SCREEN_IGNORED;
	reader = app_reader(a);
	store_set_interrupt(reader, interrupt, a);
	do
		rc = dashboard_step(ds->d, STEP_ITEMS, &err);
	while (rc > 0 && !app_input_pending(a) && clock_ms() - start < IDLE_SLICE_MS);
	store_set_interrupt(reader, NULL, NULL);
	if (rc >= 0) {
		if (shown_state(ds) == before)
			return SCREEN_HANDLED; /* more to do, nothing new to show */
		build(ds);
		return SCREEN_REDRAW;
	}
	if (app_input_pending(a))
		return SCREEN_HANDLED; /* a key came: go on after it */
	ds->failed = true;
	app_message(a, ROLE_ERROR, "%s", err.msg);
	return SCREEN_REDRAW;
}

static int open_figures(struct dash_screen *ds)
{
	struct app *a = app_of(ds);
	struct error err = { 0 };

	dashboard_free(&ds->d);
	ds->failed = false;
	if (dashboard_open(&ds->d, a->store, app_reader(a), ds->filtered ? &ds->view.filter : NULL, a->ctx->today,
	                   a->ctx->settings.date_format, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return -1;
	}
	build(ds);
	return 0;
}

static void dash_reload(struct screen *s)
{
	open_figures((struct dash_screen *)s);
}

static void dash_destroy(struct screen *s)
{
	struct dash_screen *ds = (struct dash_screen *)s;

	dashboard_free(&ds->d);
	free(ds->lines);
	free(ds);
}

static bool dash_lacks(const struct screen *s, enum action a)
{
	(void)s;
	return a == ACTION_EDIT || a == ACTION_UNDO || a == ACTION_DASHBOARD;
}

static const struct screen_ops dash_ops = {
	.name = N_("Status screen"),
	.title = dash_title,
	.draw = dash_draw,
	.status = dash_status,
	.action = dash_action,
	.idle = dash_idle,
	.reload = dash_reload,
	.destroy = dash_destroy,
	.keymap = KEYMAP_DETAIL,
	.lacks = dash_lacks,
};

struct screen *dashboard_screen_new(struct app *a, const struct item_view *v, const char *unit_name,
                                    const char *locality_name)
{
	struct dash_screen *ds = calloc(1, sizeof *ds);

	if (ds == NULL)
		return NULL;
	ds->base.ops = &dash_ops;
	ds->base.app = a;
	if (v != NULL)
		ds->view = *v;
	else
		ds->view.sort = ISORT_NO;
	memcpy(ds->view.today, a->ctx->today, sizeof ds->view.today);
	snprintf(ds->unit_name, sizeof ds->unit_name, "%s", unit_name != NULL ? unit_name : "");
	snprintf(ds->locality_name, sizeof ds->locality_name, "%s", locality_name != NULL ? locality_name : "");
	ds->filtered = !item_view_is_tree(&ds->view);
	snprintf(ds->title, sizeof ds->title, "%s", _("Status screen"));
	if (open_figures(ds) != 0) {
		dash_destroy(&ds->base);
		return NULL;
	}
	return &ds->base;
}
