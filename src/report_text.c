#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "refdata.h"
#include "report.h"
#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/*
 * The report as plain text: headings underlined, tables of columns two
 * spaces apart whose text wraps within its column, progress as a bar of
 * characters. Every cell is made inert, then wrapped, then fitted, so that
 * no line is wider than the width, whatever the data holds.
 */

#define MAX_COLS 6
#define GAP 2

struct out {
	FILE *fp;
	int width;
	int bar;         /* cells of a progress bar; 0: the percentage alone */
	bool nomem;
};

struct col {
	const char *head;
	int min;   /* never narrower than this */
	int cap;   /* no wider than this (0: no cap) */
	bool right;
	bool flex; /* takes what the others leave */
	int w;
	int content; /* the widest cell (a number, a date: the least it can have) */
};

/* Fills cells[0..ncols-1] for row i of a table. */
typedef void (*row_fn)(struct out *o, const struct report *r, const void *table, size_t i, struct strbuf *cells);

struct table {
	struct col cols[MAX_COLS];
	int ncols;
	size_t nrows;
	const void *data;
	row_fn row;
};

/* The widest word of s, in cells (what a column needs not to cut a word). */
static int widest_word(const char *s)
{
	int best = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, " ");
		int w = text_width_n(s, n);

		if (w > best)
			best = w;
		s += n;
		s += strspn(s, " ");
	}
	return best;
}

/*
 * Writes the next line of a cell: as much of *s (*left bytes of inert text)
 * as wraps into w cells, fitted to w cells (padded unless pad is false), and
 * moves *s past it.
 */
static void put_part(struct out *o, const char **s, size_t *left, int w, int flags)
{
	size_t next = 0, len = 0;
	char *part, *buf;

	if (*left > 0)
		len = wrap_line(*s, *left, w, &next);
	part = strndup(*s, len);
	buf = malloc(len + (size_t)w + 8);
	if (part == NULL || buf == NULL) {
		o->nomem = true;
	} else {
		text_fit(part, w, flags, buf, len + (size_t)w + 8);
		fputs(buf, o->fp);
	}
	free(part);
	free(buf);
	*s += next;
	*left -= next;
}

/* Writes a row of ncols inert cells, over as many lines as its longest cell needs. */
static void put_row(struct out *o, const struct table *t, char **cells)
{
	const char *s[MAX_COLS];
	size_t left[MAX_COLS];
	int c, last;
	bool more = true;

	for (c = 0; c < t->ncols; c++) {
		s[c] = cells[c] != NULL ? cells[c] : "";
		left[c] = strlen(s[c]);
	}
	while (more) {
		/* The last column with text left on this line: no spaces after it. */
		for (last = t->ncols - 1; last > 0 && left[last] == 0; last--)
			;
		for (c = 0; c <= last; c++) {
			const struct col *k = &t->cols[c];

			if (c > 0)
				fprintf(o->fp, "%*s", GAP, "");
			put_part(o, &s[c], &left[c], k->w,
			         k->right ? TEXT_PAD | TEXT_RIGHT : c == last ? 0 : TEXT_PAD);
		}
		fputc('\n', o->fp);
		more = false;
		for (c = 0; c < t->ncols; c++)
			if (left[c] > 0)
				more = true;
	}
}

/* The inert copies of a row's cells (NULL where memory ran out). */
static void inert_cells(struct out *o, struct strbuf *sb, int n, char **cells)
{
	int c;

	for (c = 0; c < n; c++) {
		cells[c] = text_inert_dup(strbuf_str(&sb[c]));
		if (cells[c] == NULL)
			o->nomem = true;
	}
}

static void free_cells(int n, char **cells)
{
	int c;

	for (c = 0; c < n; c++) {
		free(cells[c]);
		cells[c] = NULL;
	}
}

/* Sets each column's width from its header and cells, the flexible one taking the rest. */
static void size_columns(struct out *o, const struct report *r, struct table *t)
{
	struct strbuf sb[MAX_COLS] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	char *cells[MAX_COLS] = { NULL };
	int c, total = 0, flex = -1, need;
	size_t i;

	for (c = 0; c < t->ncols; c++) {
		struct col *k = &t->cols[c];
		int ww = widest_word(k->head);

		/* A header may wrap at its spaces, a word of it only when the table is narrow. */
		k->w = k->flex ? k->min : (ww > k->min ? ww : k->min);
		k->content = 0;
	}
	for (i = 0; i < t->nrows; i++) {
		for (c = 0; c < t->ncols; c++)
			strbuf_reset(&sb[c]);
		t->row(o, r, t->data, i, sb);
		inert_cells(o, sb, t->ncols, cells);
		for (c = 0; c < t->ncols; c++) {
			struct col *k = &t->cols[c];
			int w = cells[c] != NULL ? text_width(cells[c]) : 0;

			if (k->cap > 0 && w > k->cap)
				w = k->cap;
			if (!k->flex && w > k->w)
				k->w = w;
			if (w > k->content)
				k->content = w;
		}
		free_cells(t->ncols, cells);
	}
	for (c = 0; c < t->ncols; c++) {
		strbuf_free(&sb[c]);
		if (t->cols[c].flex)
			flex = c;
		else
			total += t->cols[c].w;
	}
	total += GAP * (t->ncols - 1);
	if (flex < 0)
		return;
	t->cols[flex].w = o->width - total;
	need = t->cols[flex].min - t->cols[flex].w;
	/*
	 * Too narrow for the flexible column: the other text columns (those with
	 * a cap) give up what they can, down to their least, the rightmost first;
	 * then numbers and dates down to their widest cell (their headers wrap).
	 */
	for (c = 2 * t->ncols - 1; c >= 0 && need > 0; c--) {
		struct col *k = &t->cols[c % t->ncols];
		int floor = c >= t->ncols ? k->min : k->content > k->min ? k->content : k->min, give;

		if (k->flex || (c >= t->ncols) != (k->cap > 0) || k->w <= floor)
			continue;
		give = k->w - floor < need ? k->w - floor : need;
		k->w -= give;
		need -= give;
		t->cols[flex].w += give;
	}
	if (t->cols[flex].w < t->cols[flex].min)
		t->cols[flex].w = t->cols[flex].min;
}

static void put_rule(struct out *o, const struct table *t)
{
	int c, i;

	for (c = 0; c < t->ncols; c++) {
		if (c > 0)
			fprintf(o->fp, "%*s", GAP, "");
		for (i = 0; i < t->cols[c].w; i++)
			fputc('-', o->fp);
	}
	fputc('\n', o->fp);
}

static void put_table(struct out *o, const struct report *r, struct table *t)
{
	struct strbuf sb[MAX_COLS] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	char *cells[MAX_COLS] = { NULL };
	int c;
	size_t i;

	size_columns(o, r, t);
	for (c = 0; c < t->ncols; c++)
		cells[c] = (char *)t->cols[c].head;
	put_row(o, t, cells);
	put_rule(o, t);
	for (i = 0; i < t->nrows; i++) {
		for (c = 0; c < t->ncols; c++)
			strbuf_reset(&sb[c]);
		t->row(o, r, t->data, i, sb);
		inert_cells(o, sb, t->ncols, cells);
		put_row(o, t, cells);
		free_cells(t->ncols, cells);
	}
	for (c = 0; c < t->ncols; c++)
		strbuf_free(&sb[c]);
}

/* A paragraph wrapped to the width, made inert. */
static void put_para(struct out *o, const char *text)
{
	char *s = text_inert_dup(text);
	const char *p;
	size_t left;

	if (s == NULL) {
		o->nomem = true;
		return;
	}
	p = s;
	left = strlen(s);
	do {
		put_part(o, &p, &left, o->width, 0);
		fputc('\n', o->fp);
	} while (left > 0);
	free(s);
}

/* A heading: a blank line, the heading, a line of '=' as wide as it. */
static void put_heading(struct out *o, const char *text)
{
	char buf[1024];
	int w = text_fit(text, o->width, TEXT_ELLIPSIS, buf, sizeof buf), i;

	fprintf(o->fp, "\n%s\n", buf);
	for (i = 0; i < w; i++)
		fputc('=', o->fp);
	fputc('\n', o->fp);
}

/* A progress as a bar and a percentage ("#####.....  50%"), or "-" when not known. */
static void bar(struct out *o, struct strbuf *b, int p)
{
	int i, full;

	if (p < 0 || p > 100) {
		strbuf_puts(b, "-");
		return;
	}
	full = (p * o->bar + 50) / 100;
	for (i = 0; i < o->bar; i++)
		strbuf_add(b, i < full ? "#" : ".", 1);
	strbuf_printf(b, "%s%3d%%", o->bar > 0 ? " " : "", p);
}

static void date_cell(const struct report *r, struct strbuf *b, const char *iso)
{
	char d[11];

	date_format(iso, r->date_style, d);
	strbuf_puts(b, d);
}

/* ------------------------------------------------------------ the tables */

struct lines_table {
	const struct report_lines *lines;
	const struct report_line *total;
};

static void count_cells(struct out *o, struct strbuf *cells, const char *label, const struct report_line *l)
{
	strbuf_puts(&cells[0], label);
	strbuf_printf(&cells[1], "%ld", l->items);
	strbuf_printf(&cells[2], "%ld", l->done);
	strbuf_printf(&cells[3], "%ld", l->overdue);
	bar(o, &cells[4], report_line_progress(l));
}

static void lines_row(struct out *o, const struct report *r, const void *data, size_t i, struct strbuf *cells)
{
	const struct lines_table *t = data;

	(void)r;
	if (i < t->lines->n)
		count_cells(o, cells, t->lines->v[i].label != NULL ? t->lines->v[i].label : "", &t->lines->v[i]);
	else
		count_cells(o, cells, _("Total"), t->total);
}

static void counts_table(struct out *o, const struct report *r, const char *heading, const char *what,
                         const struct report_lines *lines)
{
	struct lines_table lt = { lines, &r->total };
	struct table t = {
		.cols = {
			{ what, 8, 0, false, true, 0 },
			{ _("Items"), 1, 0, true, false, 0 },
			{ _("Done"), 1, 0, true, false, 0 },
			{ _("Overdue"), 1, 0, true, false, 0 },
			{ _("Progress"), 1, 0, false, false, 0 },
		},
		.ncols = 5,
		.nrows = lines->n + 1,
		.data = &lt,
		.row = lines_row,
	};

	put_heading(o, heading);
	put_table(o, r, &t);
}

static void overdue_row(struct out *o, const struct report *r, const void *data, size_t i, struct strbuf *cells)
{
	const struct report_overdue *v = &r->overdue[i];

	(void)o;
	(void)data;
	strbuf_printf(&cells[0], "%ld", v->no);
	if (v->code != NULL)
		strbuf_printf(&cells[1], "[%s] ", v->code);
	strbuf_puts(&cells[1], v->title);
	strbuf_puts(&cells[2], v->lead != NULL ? v->lead : "");
	date_cell(r, &cells[3], v->due);
	strbuf_printf(&cells[4], "%ld", v->days_late);
}

static void debt_row(struct out *o, const struct report *r, const void *data, size_t i, struct strbuf *cells)
{
	(void)o;
	(void)data;
	strbuf_puts(&cells[0], r->debts[i].unit);
	strbuf_printf(&cells[1], "%ld", r->debts[i].open);
	strbuf_printf(&cells[2], "%ld", r->debts[i].overdue);
}

static void matrix_row(struct out *o, const struct report *r, const void *data, size_t i, struct strbuf *cells)
{
	const struct report_matrix *m = data;
	const struct report_locality *l = &m->rows[i];

	strbuf_puts(&cells[0], l->locality);
	strbuf_puts(&cells[1], status_name(l->status) != NULL ? status_name(l->status) : "?");
	bar(o, &cells[2], l->progress);
	date_cell(r, &cells[3], l->due);
	strbuf_puts(&cells[4], l->lead != NULL ? l->lead : "");
}

static void change_row(struct out *o, const struct report *r, const void *data, size_t i, struct strbuf *cells)
{
	const struct report_change *c = &r->changes[i];
	char *what = report_change_text(r, c);

	if (what == NULL)
		o->nomem = true;
	(void)data;
	date_cell(r, &cells[0], c->date);
	strbuf_printf(&cells[1], "%ld", c->no);
	strbuf_puts(&cells[2], c->title);
	strbuf_puts(&cells[3], what != NULL ? what : "");
	free(what);
}

/* ------------------------------------------------------------ the report */

static void header(struct out *o, const struct report *r)
{
	char d[11], gen[24];
	char *filters = report_filters_text(r), *line = NULL;
	int i;

	put_para(o, r->programme != NULL ? r->programme : "");
	for (i = 0; i < o->width; i++)
		fputc('=', o->fp);
	fputc('\n', o->fp);
	put_para(o, _("Status report"));
	date_format(r->as_of, r->date_style, d);
	if (r->since[0] != '\0') {
		char s[11];

		date_format(r->since, r->date_style, s);
		if (asprintf(&line, _("As of %s, changes since %s"), d, s) < 0)
			line = NULL;
	} else if (asprintf(&line, _("As of %s"), d) < 0) {
		line = NULL;
	}
	put_para(o, line != NULL ? line : "");
	free(line);
	report_generated_text(r, gen);
	if (asprintf(&line, _("Generated %s by %s"), gen, r->clerk != NULL ? r->clerk : "") < 0)
		line = NULL;
	put_para(o, line != NULL ? line : "");
	free(line);
	if (filters == NULL)
		o->nomem = true;
	if (asprintf(&line, _("Filters: %s"), filters != NULL && *filters != '\0' ? filters : _("none (all items)")) < 0)
		line = NULL;
	put_para(o, line != NULL ? line : "");
	free(line);
	free(filters);
}

static void summary(struct out *o, const struct report *r)
{
	struct strbuf b = STRBUF_INIT, pb = STRBUF_INIT;
	int p = report_line_progress(&r->total);

	put_heading(o, _("The whole programme"));
	strbuf_printf(&b, _("%ld items: %ld done, %ld overdue."), r->total.items, r->total.done, r->total.overdue);
	put_para(o, strbuf_str(&b));
	strbuf_reset(&b);
	if (p != REPORT_NO_PROGRESS) {
		if (o->bar > 0)
			bar(o, &pb, p);
		else
			strbuf_printf(&pb, "%d%%", p);
		strbuf_printf(&b, _("Average progress: %s (of %ld items whose progress is known)"), strbuf_str(&pb),
		              r->total.progress_known);
	} else {
		strbuf_puts(&b, _("Average progress: not known"));
	}
	put_para(o, strbuf_str(&b));
	if (b.failed || pb.failed)
		o->nomem = true;
	strbuf_free(&b);
	strbuf_free(&pb);
}

/* "… and N more" under a list that left n entries out. */
static void more(struct out *o, enum report_more what, long n)
{
	char *s;

	if (n <= 0)
		return;
	s = report_more_text(what, n);
	if (s == NULL) {
		o->nomem = true;
		return;
	}
	put_para(o, s);
	free(s);
}

int report_write_text(const struct report *r, FILE *fp, int width, struct error *err)
{
	struct out o = { fp, width <= 0 ? 80 : width < 40 ? 40 : width, 0, false };
	size_t i;

	o.bar = o.width >= 72 ? 10 : o.width >= 56 ? 5 : 0;
	header(&o, r);
	summary(&o, r);
	counts_table(&o, r, _("By status"), _("Status"), &r->by_status);
	counts_table(&o, r, _("By kind"), _("Kind"), &r->by_kind);
	counts_table(&o, r, _("By year"), _("Year"), &r->by_year);
	counts_table(&o, r, _("By lead unit"), _("Lead unit"), &r->by_lead);

	put_heading(&o, _("Overdue items, worst first"));
	if (r->n_overdue == 0) {
		put_para(&o, _("No item is overdue."));
	} else {
		struct table t = {
			.cols = {
				{ _("No."), 1, 0, true, false, 0 },
				{ _("Title"), 8, 0, false, true, 0 },
				{ _("Lead unit"), 6, 16, false, false, 0 },
				{ _("Due"), 10, 0, false, false, 0 },
				{ _("Days late"), 1, 0, true, false, 0 },
			},
			.ncols = 5, .nrows = r->n_overdue, .row = overdue_row,
		};
		put_table(&o, r, &t);
	}
	more(&o, REPORT_MORE_OVERDUE, r->overdue_more);

	put_heading(&o, _("What each unit owes"));
	if (r->n_debts == 0) {
		put_para(&o, _("No unit has an open item."));
	} else {
		struct table t = {
			.cols = {
				{ _("Unit"), 8, 0, false, true, 0 },
				{ _("Open items"), 1, 0, true, false, 0 },
				{ _("Overdue"), 1, 0, true, false, 0 },
			},
			.ncols = 3, .nrows = r->n_debts, .row = debt_row,
		};
		put_table(&o, r, &t);
	}

	for (i = 0; i < r->n_matrices; i++) {
		const struct report_matrix *m = &r->matrices[i];
		struct strbuf h = STRBUF_INIT, b = STRBUF_INIT;
		struct table t = {
			.cols = {
				{ _("Locality"), 6, 20, false, false, 0 },
				{ _("Status"), 6, 16, false, false, 0 },
				{ _("Progress"), 1, 0, false, false, 0 },
				{ _("Due"), 10, 0, false, false, 0 },
				{ _("Lead unit"), 6, 0, false, true, 0 },
			},
			.ncols = 5, .nrows = m->n, .data = m, .row = matrix_row,
		};

		strbuf_printf(&h, _("Localities of item %ld"), m->no);
		put_heading(&o, strbuf_str(&h));
		put_para(&o, m->title);
		fputc('\n', o.fp);
		put_table(&o, r, &t);
		bar(&o, &b, report_line_progress(&m->total));
		strbuf_reset(&h);
		strbuf_printf(&h, _("Total: %zu localities, %ld done, %ld overdue; average progress %s"), m->n,
		              m->total.done, m->total.overdue, strbuf_str(&b));
		put_para(&o, strbuf_str(&h));
		if (h.failed || b.failed)
			o.nomem = true;
		strbuf_free(&h);
		strbuf_free(&b);
	}
	more(&o, REPORT_MORE_MATRICES, r->matrices_more);

	if (r->since[0] != '\0') {
		char s[11];
		struct strbuf h = STRBUF_INIT;

		date_format(r->since, r->date_style, s);
		strbuf_printf(&h, _("What changed since %s"), s);
		put_heading(&o, strbuf_str(&h));
		strbuf_free(&h);
		if (r->n_changes == 0) {
			put_para(&o, _("Nothing changed."));
		} else {
			struct table t = {
				.cols = {
					{ _("Date"), 10, 0, false, false, 0 },
					{ _("No."), 1, 0, true, false, 0 },
					{ _("Title"), 8, 0, false, true, 0 },
					{ _("Change"), 10, 28, false, false, 0 },
				},
				.ncols = 4, .nrows = r->n_changes, .row = change_row,
			};
			put_table(&o, r, &t);
		}
		more(&o, REPORT_MORE_CHANGES, r->changes_more);
	}

	if (fflush(fp) != 0 || ferror(fp))
		return error_set(err, ERROR_RUNTIME, _("cannot write the report: %s"), strerror(errno != 0 ? errno : EIO));
	if (o.nomem)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	return 0;
}
