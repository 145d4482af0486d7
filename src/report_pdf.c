#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "date.h"
#include "i18n.h"
#include "refdata.h"
#include "report.h"
#include "strbuf.h"
#include "text.h"

/*
 * The report as a PDF on A4 paper, drawn with cairo and laid out with pango
 * in a font that has every Vietnamese letter. Laid out twice: the first pass
 * only counts the pages, so that each foot can say "page N of M". Text from
 * the database goes to pango as plain text (never as markup), made inert
 * first so that a bidirectional override cannot reorder what follows it.
 */

#define PAGE_W 595.2756 /* A4 in points */
#define PAGE_H 841.8898
#define MARGIN_X 42.0
#define MARGIN_TOP 48.0
#define MARGIN_BOTTOM 60.0
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define BOTTOM (PAGE_H - MARGIN_BOTTOM)
#define PAD 3.0
#define MAX_COLS 6
#define FONTS "Noto Sans, DejaVu Sans"

struct pdf {
	const struct report *r;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *body, *bold, *small, *h1, *h2;
	double y;
	int page;
	int pages; /* from the first pass; 0 during it */
	bool nomem;
	/* where the bytes go: NULL in the first pass */
	FILE *fp;
	int write_errno;
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	struct pdf *p = closure;

	if (p->fp == NULL)
		return CAIRO_STATUS_SUCCESS;
	if (fwrite(data, 1, length, p->fp) != length) {
		p->write_errno = errno != 0 ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Sets the layout to text (made inert), font, a width (0: none) and an alignment. */
static void set_text(struct pdf *p, const char *text, const PangoFontDescription *font, double width,
                     PangoAlignment align)
{
	char *s = text_inert_dup(text != NULL ? text : "");

	if (s == NULL)
		p->nomem = true;
	pango_layout_set_font_description(p->layout, font);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->layout, align);
	pango_layout_set_text(p->layout, s != NULL ? s : "", -1);
	free(s);
}

static double layout_height(struct pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void draw_layout(struct pdf *p, double x, double y)
{
	cairo_set_source_rgb(p->cr, 0.07, 0.07, 0.07);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

/* Draws text at (x, y) within width; returns its height. */
static double text_at(struct pdf *p, double x, double y, double width, const PangoFontDescription *font,
                      PangoAlignment align, const char *text)
{
	set_text(p, text, font, width, align);
	draw_layout(p, x, y);
	return layout_height(p);
}

static void footer(struct pdf *p)
{
	char gen[24], *left = NULL, *right = NULL;

	report_generated_text(p->r, gen);
	if (asprintf(&left, _("Generated %s by %s"), gen, p->r->clerk != NULL ? p->r->clerk : "") < 0)
		left = NULL;
	if (p->pages > 0) {
		if (asprintf(&right, _("Page %d of %d"), p->page, p->pages) < 0)
			right = NULL;
	} else if (asprintf(&right, _("Page %d of %d"), p->page, 999) < 0) {
		right = NULL;
	}
	if (left == NULL || right == NULL)
		p->nomem = true;
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN_X, PAGE_H - 42);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, PAGE_H - 42);
	cairo_stroke(p->cr);
	text_at(p, MARGIN_X, PAGE_H - 38, CONTENT_W * 0.7, p->small, PANGO_ALIGN_LEFT, left);
	text_at(p, MARGIN_X + CONTENT_W * 0.7, PAGE_H - 38, CONTENT_W * 0.3, p->small, PANGO_ALIGN_RIGHT, right);
	free(left);
	free(right);
}

static void end_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
}

static void new_page(struct pdf *p)
{
	end_page(p);
	p->page++;
	p->y = MARGIN_TOP;
}

/* Starts a new page unless h points fit on this one; true when it did. */
static bool ensure(struct pdf *p, double h)
{
	if (p->y + h <= BOTTOM || p->y <= MARGIN_TOP)
		return false;
	new_page(p);
	return true;
}

/* A paragraph across the page. */
static void para(struct pdf *p, const PangoFontDescription *font, const char *text)
{
	double h;

	set_text(p, text, font, CONTENT_W, PANGO_ALIGN_LEFT);
	h = layout_height(p);
	if (ensure(p, h))
		set_text(p, text, font, CONTENT_W, PANGO_ALIGN_LEFT);
	draw_layout(p, MARGIN_X, p->y);
	p->y += h + 2;
}

/* A section heading, kept with at least keep points of what follows. */
static void heading(struct pdf *p, const char *text, double keep)
{
	double h;

	set_text(p, text, p->h2, CONTENT_W, PANGO_ALIGN_LEFT);
	h = layout_height(p);
	p->y += 10;
	/* A new page draws a foot, which takes the layout: set the text again. */
	if (ensure(p, h + keep))
		set_text(p, text, p->h2, CONTENT_W, PANGO_ALIGN_LEFT);
	draw_layout(p, MARGIN_X, p->y);
	p->y += h + 1;
	cairo_set_source_rgb(p->cr, 0.5, 0.5, 0.5);
	cairo_set_line_width(p->cr, 0.6);
	cairo_move_to(p->cr, MARGIN_X, p->y);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, p->y);
	cairo_stroke(p->cr);
	p->y += 5;
}

static void status_colour(struct pdf *p, int status)
{
	switch (status) {
	case STATUS_IN_PROGRESS: cairo_set_source_rgb(p->cr, 0.23, 0.43, 0.65); break;
	case STATUS_SUSPENDED: cairo_set_source_rgb(p->cr, 0.90, 0.60, 0.10); break;
	case STATUS_OVERDUE: cairo_set_source_rgb(p->cr, 0.75, 0.15, 0.15); break;
	case STATUS_DONE: cairo_set_source_rgb(p->cr, 0.20, 0.60, 0.30); break;
	case STATUS_CANCELLED: cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35); break;
	default: cairo_set_source_rgb(p->cr, 0.65, 0.65, 0.65); break;
	}
}

/* A bar of w points for a progress (a track and its fill) at (x, y), h high. */
static void progress_bar(struct pdf *p, double x, double y, double w, double h, int progress)
{
	cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0.23, 0.43, 0.65);
	cairo_rectangle(p->cr, x, y, w * progress / 100.0, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(p->cr, 0.5);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
}

/* ------------------------------------------------------------ tables */

struct pcol {
	const char *head;
	double frac;   /* share of the width */
	bool right;
	bool progress; /* the cell is a progress bar: prog[] holds it */
};

typedef void (*prow_fn)(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog);

struct ptable {
	const char *title; /* said again above the header on each new page */
	struct pcol cols[MAX_COLS];
	int ncols;
	size_t nrows;
	size_t nfoot; /* the last nfoot rows are totals, drawn bold */
	const void *data;
	prow_fn row;
};

/* Lays out (draw false) or draws one row at p->y; returns its height. */
static double table_row(struct pdf *p, const struct ptable *t, struct strbuf *cells, const int *prog, bool head,
                        bool bold, bool draw)
{
	double x = MARGIN_X, h = 0;
	int c;

	for (c = 0; c < t->ncols; c++) {
		const struct pcol *k = &t->cols[c];
		double w = CONTENT_W * k->frac, ch;

		if (!head && k->progress) {
			set_text(p, prog[c] >= 0 ? "100%" : "\xE2\x80\x93", p->body, 0, PANGO_ALIGN_LEFT);
			ch = layout_height(p);
		} else {
			set_text(p, head ? k->head : strbuf_str(&cells[c]), head || bold ? p->bold : p->body, w - 2 * PAD,
			         k->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
			ch = layout_height(p);
		}
		if (ch > h)
			h = ch;
		x += w;
	}
	h += 2 * PAD;
	if (!draw)
		return h;
	x = MARGIN_X;
	for (c = 0; c < t->ncols; c++) {
		const struct pcol *k = &t->cols[c];
		double w = CONTENT_W * k->frac;

		if (head || bold) {
			cairo_set_source_rgb(p->cr, head ? 0.88 : 0.95, head ? 0.88 : 0.95, head ? 0.88 : 0.95);
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_fill(p->cr);
		}
		cairo_set_source_rgb(p->cr, 0.7, 0.7, 0.7);
		cairo_set_line_width(p->cr, 0.5);
		cairo_rectangle(p->cr, x, p->y, w, h);
		cairo_stroke(p->cr);
		if (!head && k->progress) {
			char pct[8];
			double bw = w - 2 * PAD - 36;

			if (prog[c] >= 0) {
				progress_bar(p, x + PAD, p->y + PAD + 2, bw, 7, prog[c]);
				snprintf(pct, sizeof pct, "%d%%", prog[c]);
				text_at(p, x + w - PAD - 32, p->y + PAD, 32, p->body, PANGO_ALIGN_RIGHT, pct);
			} else {
				text_at(p, x + PAD, p->y + PAD, bw, p->body, PANGO_ALIGN_LEFT, "\xE2\x80\x93");
			}
		} else {
			text_at(p, x + PAD, p->y + PAD, w - 2 * PAD, head || bold ? p->bold : p->body,
			        k->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
			        head ? k->head : strbuf_str(&cells[c]));
		}
		x += w;
	}
	return h;
}

/* A table that goes on over as many pages as it needs, its header on each. */
static void table(struct pdf *p, const struct ptable *t)
{
	struct strbuf cells[MAX_COLS] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	int prog[MAX_COLS] = { REPORT_NO_PROGRESS, REPORT_NO_PROGRESS, REPORT_NO_PROGRESS,
	                       REPORT_NO_PROGRESS, REPORT_NO_PROGRESS, REPORT_NO_PROGRESS };
	double hh = table_row(p, t, cells, prog, true, false, false);
	size_t i;
	int c;

	ensure(p, hh + 20);
	p->y += table_row(p, t, cells, prog, true, false, true);
	for (i = 0; i < t->nrows; i++) {
		bool bold = i + t->nfoot >= t->nrows;
		double h;

		for (c = 0; c < t->ncols; c++) {
			strbuf_reset(&cells[c]);
			prog[c] = REPORT_NO_PROGRESS;
		}
		t->row(p, t->data, i, cells, prog);
		for (c = 0; c < t->ncols; c++)
			if (cells[c].failed)
				p->nomem = true;
		h = table_row(p, t, cells, prog, false, bold, false);
		if (ensure(p, h)) {
			char *again = NULL;

			if (t->title != NULL && asprintf(&again, _("%s (continued)"), t->title) >= 0) {
				para(p, p->small, again);
				free(again);
			}
			p->y += table_row(p, t, cells, prog, true, false, true);
		}
		p->y += table_row(p, t, cells, prog, false, bold, true);
	}
	p->y += 4;
	for (c = 0; c < t->ncols; c++)
		strbuf_free(&cells[c]);
}

static void date_cell(struct pdf *p, struct strbuf *b, const char *iso)
{
	char d[11];

	date_format(iso, p->r->date_style, d);
	strbuf_puts(b, d);
}

struct lines_data {
	const struct report_lines *lines;
	const struct report_line *total;
};

static void lines_row(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog)
{
	const struct lines_data *d = data;
	const struct report_line *l = i < d->lines->n ? &d->lines->v[i] : d->total;

	strbuf_puts(&cells[0], i < d->lines->n ? (l->label != NULL ? l->label : "") : _("Total"));
	strbuf_printf(&cells[1], "%ld", l->items);
	strbuf_printf(&cells[2], "%ld", l->done);
	strbuf_printf(&cells[3], "%ld", l->overdue);
	prog[4] = report_line_progress(l);
}

static void counts_table(struct pdf *p, const char *title, const char *what, const struct report_lines *lines)
{
	struct lines_data d = { lines, &p->r->total };
	struct ptable t = {
		.title = title,
		.cols = {
			{ what, 0.40, false, false },
			{ _("Items"), 0.12, true, false },
			{ _("Done"), 0.12, true, false },
			{ _("Overdue"), 0.12, true, false },
			{ _("Progress"), 0.24, false, true },
		},
		.ncols = 5, .nrows = lines->n + 1, .nfoot = 1, .data = &d, .row = lines_row,
	};

	heading(p, title, 40);
	table(p, &t);
}

static void overdue_row(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog)
{
	const struct report_overdue *o = &p->r->overdue[i];

	(void)data;
	(void)prog;
	strbuf_printf(&cells[0], "%ld", o->no);
	strbuf_puts(&cells[1], o->code != NULL ? o->code : "");
	strbuf_puts(&cells[2], o->title);
	strbuf_puts(&cells[3], o->lead != NULL ? o->lead : "");
	date_cell(p, &cells[4], o->due);
	strbuf_printf(&cells[5], "%ld", o->days_late);
}

static void debt_row(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog)
{
	(void)data;
	(void)prog;
	strbuf_puts(&cells[0], p->r->debts[i].unit);
	strbuf_printf(&cells[1], "%ld", p->r->debts[i].open);
	strbuf_printf(&cells[2], "%ld", p->r->debts[i].overdue);
}

static void matrix_row(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog)
{
	const struct report_matrix *m = data;
	const struct report_locality *l;

	if (i == m->n) {
		strbuf_printf(&cells[0], _("Total: %zu"), m->n);
		strbuf_printf(&cells[1], _("%ld done, %ld overdue"), m->total.done, m->total.overdue);
		prog[2] = report_line_progress(&m->total);
		return;
	}
	l = &m->rows[i];
	strbuf_puts(&cells[0], l->locality);
	strbuf_puts(&cells[1], status_name(l->status) != NULL ? status_name(l->status) : "?");
	prog[2] = l->progress;
	date_cell(p, &cells[3], l->due);
	strbuf_puts(&cells[4], l->lead != NULL ? l->lead : "");
}

static void change_row(struct pdf *p, const void *data, size_t i, struct strbuf *cells, int *prog)
{
	const struct report_change *c = &p->r->changes[i];
	char *what = report_change_text(p->r, c);

	(void)data;
	(void)prog;
	if (what == NULL)
		p->nomem = true;
	date_cell(p, &cells[0], c->date);
	strbuf_printf(&cells[1], "%ld", c->no);
	strbuf_puts(&cells[2], c->title);
	strbuf_puts(&cells[3], what != NULL ? what : "");
	free(what);
}

/* ------------------------------------------------------------ charts */

/* Items by status: a bar per status as long as its share of the largest. */
static void chart_status(struct pdf *p)
{
	const struct report_lines *l = &p->r->by_status;
	const double label_w = 120, count_w = 40, bar_x = MARGIN_X + label_w + 6;
	const double bar_w = CONTENT_W - label_w - 6 - count_w;
	long most = 0;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].items > most)
			most = l->v[i].items;
	heading(p, _("Items by status"), 16 * 3);
	for (i = 0; i < l->n; i++) {
		char n[24];
		double h, w = most > 0 ? bar_w * l->v[i].items / most : 0;

		set_text(p, l->v[i].label, p->body, label_w, PANGO_ALIGN_LEFT);
		h = layout_height(p) + 4;
		if (h < 14)
			h = 14;
		ensure(p, h);
		text_at(p, MARGIN_X, p->y + 1, label_w, p->body, PANGO_ALIGN_LEFT, l->v[i].label);
		status_colour(p, l->v[i].key);
		cairo_rectangle(p->cr, bar_x, p->y + 2, w > 0 ? w : 0.5, 9);
		cairo_fill(p->cr);
		snprintf(n, sizeof n, "%ld", l->v[i].items);
		text_at(p, bar_x + w + 4, p->y + 1, count_w, p->body, PANGO_ALIGN_LEFT, n);
		p->y += h;
	}
}

/* Progress by lead unit: a track per unit filled to its average progress. */
static void chart_lead(struct pdf *p)
{
	const struct report_lines *l = &p->r->by_lead;
	const double label_w = 170, note_w = 110, bar_x = MARGIN_X + label_w + 6;
	const double bar_w = CONTENT_W - label_w - 6 - note_w - 6;
	size_t i;

	heading(p, _("Progress by lead unit"), 16 * 3);
	for (i = 0; i < l->n; i++) {
		char *note = NULL;
		int pr = report_line_progress(&l->v[i]);
		double h;

		set_text(p, l->v[i].label, p->body, label_w, PANGO_ALIGN_LEFT);
		h = layout_height(p) + 4;
		if (h < 14)
			h = 14;
		ensure(p, h);
		text_at(p, MARGIN_X, p->y + 1, label_w, p->body, PANGO_ALIGN_LEFT, l->v[i].label);
		progress_bar(p, bar_x, p->y + 2, bar_w, 9, pr >= 0 ? pr : 0);
		if (pr >= 0) {
			if (asprintf(&note, _("%d%% of %ld items"), pr, l->v[i].items) < 0)
				note = NULL;
		} else if (asprintf(&note, _("not known, %ld items"), l->v[i].items) < 0) {
			note = NULL;
		}
		if (note == NULL)
			p->nomem = true;
		text_at(p, bar_x + bar_w + 6, p->y + 1, note_w, p->body, PANGO_ALIGN_LEFT, note);
		free(note);
		p->y += h;
	}
}

/* ------------------------------------------------------------ the report */

static void title_block(struct pdf *p)
{
	const struct report *r = p->r;
	char d[11], s[11], gen[24], *line = NULL, *filters = report_filters_text(r);

	para(p, p->bold, r->programme);
	p->y += 4;
	para(p, p->h1, _("Status report"));
	p->y += 2;
	date_format(r->as_of, r->date_style, d);
	date_format(r->since, r->date_style, s);
	if ((r->since[0] != '\0' ? asprintf(&line, _("As of %s, changes since %s"), d, s)
	                         : asprintf(&line, _("As of %s"), d)) < 0)
		line = NULL;
	para(p, p->body, line != NULL ? line : "");
	free(line);
	report_generated_text(r, gen);
	if (asprintf(&line, _("Generated %s by %s"), gen, r->clerk != NULL ? r->clerk : "") < 0)
		line = NULL;
	para(p, p->body, line != NULL ? line : "");
	free(line);
	if (asprintf(&line, _("Filters: %s"), filters != NULL && *filters != '\0' ? filters : _("none (all items)")) < 0)
		line = NULL;
	para(p, p->body, line != NULL ? line : "");
	if (line == NULL || filters == NULL)
		p->nomem = true;
	free(line);
	free(filters);
}

static void summary(struct pdf *p)
{
	const struct report_line *t = &p->r->total;
	int pr = report_line_progress(t);
	char *line = NULL, pct[8];

	heading(p, _("The whole programme"), 30);
	if (asprintf(&line, _("%ld items: %ld done, %ld overdue."), t->items, t->done, t->overdue) < 0)
		line = NULL;
	para(p, p->body, line != NULL ? line : "");
	free(line);
	snprintf(pct, sizeof pct, "%d%%", pr);
	if ((pr >= 0 ? asprintf(&line, _("Average progress: %s (of %ld items whose progress is known)"), pct,
	                        t->progress_known)
	             : asprintf(&line, "%s", _("Average progress: not known"))) < 0)
		line = NULL;
	if (pr >= 0) {
		ensure(p, 14);
		progress_bar(p, MARGIN_X, p->y + 2, 120, 9, pr);
		text_at(p, MARGIN_X + 128, p->y, CONTENT_W - 128, p->body, PANGO_ALIGN_LEFT, line);
		p->y += 16;
	} else {
		para(p, p->body, line != NULL ? line : "");
	}
	free(line);
}

/* "… and N more" under a list that left n entries out. */
static void more(struct pdf *p, enum report_more what, long n)
{
	char *s;

	if (n <= 0)
		return;
	s = report_more_text(what, n);
	if (s == NULL) {
		p->nomem = true;
		return;
	}
	para(p, p->body, s);
	free(s);
}

static void sections(struct pdf *p)
{
	const struct report *r = p->r;
	size_t i;

	title_block(p);
	summary(p);
	chart_status(p);
	chart_lead(p);
	counts_table(p, _("By status"), _("Status"), &r->by_status);
	counts_table(p, _("By kind"), _("Kind"), &r->by_kind);
	counts_table(p, _("By year"), _("Year"), &r->by_year);
	counts_table(p, _("By lead unit"), _("Lead unit"), &r->by_lead);

	heading(p, _("Overdue items, worst first"), 40);
	if (r->n_overdue == 0) {
		para(p, p->body, _("No item is overdue."));
	} else {
		struct ptable t = {
			.title = _("Overdue items, worst first"),
			.cols = {
				{ _("No."), 0.07, true, false },
				{ _("Code"), 0.13, false, false },
				{ _("Title"), 0.40, false, false },
				{ _("Lead unit"), 0.17, false, false },
				{ _("Due"), 0.13, false, false },
				{ _("Days late"), 0.10, true, false },
			},
			.ncols = 6, .nrows = r->n_overdue, .row = overdue_row,
		};
		table(p, &t);
	}
	more(p, REPORT_MORE_OVERDUE, r->overdue_more);

	heading(p, _("What each unit owes"), 40);
	if (r->n_debts == 0) {
		para(p, p->body, _("No unit has an open item."));
	} else {
		struct ptable t = {
			.title = _("What each unit owes"),
			.cols = {
				{ _("Unit"), 0.60, false, false },
				{ _("Open items"), 0.20, true, false },
				{ _("Overdue"), 0.20, true, false },
			},
			.ncols = 3, .nrows = r->n_debts, .row = debt_row,
		};
		table(p, &t);
	}

	for (i = 0; i < r->n_matrices; i++) {
		const struct report_matrix *m = &r->matrices[i];
		char *h = NULL;
		struct ptable t = {
			.cols = {
				{ _("Locality"), 0.24, false, false },
				{ _("Status"), 0.17, false, false },
				{ _("Progress"), 0.22, false, true },
				{ _("Due"), 0.13, false, false },
				{ _("Lead unit"), 0.24, false, false },
			},
			.ncols = 5, .nrows = m->n + 1, .nfoot = 1, .data = m, .row = matrix_row,
		};

		if (asprintf(&h, _("Localities of item %ld"), m->no) < 0)
			h = NULL;
		heading(p, h != NULL ? h : "", 60);
		para(p, p->body, m->title);
		p->y += 2;
		t.title = h;
		table(p, &t);
		free(h);
	}
	more(p, REPORT_MORE_MATRICES, r->matrices_more);

	if (r->since[0] != '\0') {
		char s[11], *h = NULL;

		date_format(r->since, r->date_style, s);
		if (asprintf(&h, _("What changed since %s"), s) < 0)
			h = NULL;
		heading(p, h != NULL ? h : "", 40);
		if (r->n_changes == 0) {
			para(p, p->body, _("Nothing changed."));
		} else {
			struct ptable t = {
				.title = h,
				.cols = {
					{ _("Date"), 0.13, false, false },
					{ _("No."), 0.07, true, false },
					{ _("Title"), 0.45, false, false },
					{ _("Change"), 0.35, false, false },
				},
				.ncols = 4, .nrows = r->n_changes, .row = change_row,
			};
			table(p, &t);
		}
		more(p, REPORT_MORE_CHANGES, r->changes_more);
		free(h);
	}
}

/* One pass: lays out and draws the whole report on a new surface writing to p->fp (NULL: nowhere). */
static int pass(struct pdf *p)
{
	char *title = NULL, *creator = NULL;
	cairo_status_t st;

	p->surface = cairo_pdf_surface_create_for_stream(write_out, p, PAGE_W, PAGE_H);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_pdf_surface_restrict_to_version(p->surface, CAIRO_PDF_VERSION_1_5);
	{
		char *prog = text_inert_dup(p->r->programme != NULL ? p->r->programme : "");
		char *clerk = text_inert_dup(p->r->clerk != NULL ? p->r->clerk : "");

		if (prog == NULL || clerk == NULL ||
		    asprintf(&title, "%s \xE2\x80\x94 %s", _("Status report"), prog) < 0 ||
		    asprintf(&creator, "%s %s", PACKAGE_NAME, PACKAGE_VERSION) < 0) {
			title = NULL;
			p->nomem = true;
		} else {
			cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title);
			cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, clerk);
			cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, creator);
			cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_SUBJECT, prog);
		}
		free(prog);
		free(clerk);
		free(title);
		free(creator);
	}
	p->cr = cairo_create(p->surface);
	p->layout = pango_cairo_create_layout(p->cr);
	p->page = 1;
	p->y = MARGIN_TOP;
	sections(p);
	end_page(p);
	g_object_unref(p->layout);
	p->layout = NULL;
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->surface);
	st = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	p->surface = NULL;
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int report_write_pdf(const struct report *r, FILE *fp, struct error *err)
{
	struct pdf p = { 0 };
	int ret = -1;

	p.r = r;
	p.body = pango_font_description_from_string(FONTS " 8.5");
	p.bold = pango_font_description_from_string(FONTS " Bold 8.5");
	p.small = pango_font_description_from_string(FONTS " 7.5");
	p.h1 = pango_font_description_from_string(FONTS " Bold 18");
	p.h2 = pango_font_description_from_string(FONTS " Bold 12");
	if (p.body == NULL || p.bold == NULL || p.small == NULL || p.h1 == NULL || p.h2 == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	/* The first pass counts the pages; the second writes them. */
	if (pass(&p) != 0) {
		error_set(err, ERROR_RUNTIME, _("cannot make the PDF: %s"), _("the drawing library failed"));
		goto done;
	}
	p.pages = p.page;
	p.fp = fp;
	if (pass(&p) != 0 || fflush(fp) != 0 || ferror(fp)) {
		if (p.write_errno != 0 || ferror(fp))
			error_set(err, ERROR_RUNTIME, _("cannot write the report: %s"),
			          strerror(p.write_errno != 0 ? p.write_errno : errno != 0 ? errno : EIO));
		else
			error_set(err, ERROR_RUNTIME, _("cannot make the PDF: %s"), _("the drawing library failed"));
		goto done;
	}
	if (p.nomem) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	ret = 0;
done:
	if (p.body != NULL)
		pango_font_description_free(p.body);
	if (p.bold != NULL)
		pango_font_description_free(p.bold);
	if (p.small != NULL)
		pango_font_description_free(p.small);
	if (p.h1 != NULL)
		pango_font_description_free(p.h1);
	if (p.h2 != NULL)
		pango_font_description_free(p.h2);
	return ret;
}
