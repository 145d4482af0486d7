#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "date.h"
#include "escape.h"
#include "i18n.h"
#include "listfmt.h"
#include "refdata.h"
#include "strbuf.h"
#include "text.h"

enum col { C_NO, C_CODE, C_KIND, C_STATUS, C_DUE, C_PROGRESS, C_UNIT, C_TITLE, NCOLS };

struct list_writer {
	FILE *out;
	struct list_options opt;
	int widths[NCOLS];
	int rows;
	char *buf;                /* a cell fitted to its column */
	size_t bufsz;
	char *title;              /* a title indented by its depth */
	size_t titlesz;
	struct strbuf field;      /* a CSV field made well-formed */
};

/* Writes n spaces. */
static void spaces(FILE *out, int n)
{
	static const char blank[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof blank - 1 ? n : (int)sizeof blank - 1;

		fwrite(blank, 1, (size_t)k, out);
		n -= k;
	}
}

/* The length of s when it is printable ASCII alone (one cell a byte, nothing to make inert), else -1. */
static int ascii_len(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			return -1;
	return (int)(p - s);
}

/* Writes s fitted to cols cells (no limit when cols <= 0), padded unless last. */
static void cell(struct list_writer *w, const char *s, int cols, bool right, bool last)
{
	int flags = last ? TEXT_ELLIPSIS : TEXT_ELLIPSIS | TEXT_PAD | (right ? TEXT_RIGHT : 0);
	int limit = cols > 0 ? cols : 1 << 20;
	int n = ascii_len(s != NULL ? s : "");
	size_t need;

	/* Numbers, dates, codes, names of kinds and statuses: what text_fit would write, without it. */
	if (n >= 0 && n <= limit) {
		int pad = last || cols <= 0 ? 0 : cols - n;

		if (right)
			spaces(w->out, pad);
		fwrite(s != NULL ? s : "", 1, (size_t)n, w->out);
		if (!right)
			spaces(w->out, pad);
		return;
	}
	need = strlen(s != NULL ? s : "") * 4 + (size_t)(cols > 0 ? cols : 0) + 16;

	if (need > w->bufsz) {
		char *p = realloc(w->buf, need);

		if (p == NULL)
			return;
		w->buf = p;
		w->bufsz = need;
	}
	text_fit(s, limit, flags, w->buf, w->bufsz);
	fputs(w->buf, w->out);
}

static void table_line(struct list_writer *w, const char *const v[NCOLS], int status)
{
	static const bool right[NCOLS] = { [C_NO] = true, [C_PROGRESS] = true };
	int i, last = -1;
	bool first = true;

	for (i = 0; i < NCOLS; i++)
		if (w->widths[i] > 0)
			last = i;
	for (i = 0; i < NCOLS; i++) {
		bool red = w->opt.colour && i == C_STATUS && status == STATUS_OVERDUE;

		if (w->widths[i] == 0)
			continue;
		if (!first)
			fputs("  ", w->out);
		first = false;
		if (red)
			fputs("\033[31m", w->out);
		cell(w, v[i], i == last && w->opt.width <= 0 ? 0 : w->widths[i], right[i], i == last);
		if (red)
			fputs("\033[0m", w->out);
	}
	fputc('\n', w->out);
}

static void table_begin(struct list_writer *w)
{
	struct column_spec cols[NCOLS] = {
		[C_NO] = { w->opt.no_width, 90, 0 },
		[C_CODE] = { w->opt.code_width, 40, 0 },
		[C_KIND] = { kind_names_width(), 30, 0 },
		[C_STATUS] = { status_names_width(), 80, 0 },
		[C_DUE] = { 10, 70, 0 },
		[C_PROGRESS] = { 4, 60, 0 },
		[C_UNIT] = { w->opt.unit_width, 20, 0 },
		[C_TITLE] = { 20, 100, 1 },
	};
	const char *head[NCOLS] = {
		/* TRANSLATORS: column headings of `hoso list`; keep them short. */
		[C_NO] = _("No"), [C_CODE] = _("Code"), [C_KIND] = _("Kind"),
		[C_STATUS] = _("Status"), [C_DUE] = _("Due"), [C_PROGRESS] = _("Done%"),
		[C_UNIT] = _("Lead unit"), [C_TITLE] = _("Title"),
	};
	int i;

	for (i = 0; i < NCOLS; i++) {
		int hw = text_width(head[i]);

		if (!cols[i].flex && cols[i].want < hw)
			cols[i].want = hw;
	}
	if (w->opt.code_width == 0)
		cols[C_CODE].want = 0, cols[C_CODE].priority = -1;
	columns_fit(cols, NCOLS, w->opt.width, 2, w->widths);
	if (w->opt.code_width == 0)
		w->widths[C_CODE] = 0;
	if (w->opt.colour)
		fputs("\033[1m", w->out);
	table_line(w, head, 0);
	if (w->opt.colour)
		fputs("\033[0m", w->out);
}

static void table_row(struct list_writer *w, const struct item_row *r)
{
	char no[24], due[11], progress[16], *title;
	const char *v[NCOLS];
	size_t tlen = strlen(r->title) + (size_t)r->depth * 2 + 1;

	/* One buffer for every row's title: no allocation per row. */
	if (tlen > w->titlesz) {
		char *p = realloc(w->title, tlen);

		if (p == NULL)
			return;
		w->title = p;
		w->titlesz = tlen;
	}
	title = w->title;
	memset(title, ' ', (size_t)r->depth * 2);
	strcpy(title + r->depth * 2, r->title);
	snprintf(no, sizeof no, "%ld", r->no);
	date_format(r->due, w->opt.dates, due);
	if (r->progress >= 0)
		snprintf(progress, sizeof progress, "%d%%", r->progress);
	else
		progress[0] = '\0';
	v[C_NO] = no;
	v[C_CODE] = r->code;
	v[C_KIND] = kind_name(r->kind);
	v[C_STATUS] = status_name(r->display_status);
	v[C_DUE] = due;
	v[C_PROGRESS] = progress;
	v[C_UNIT] = r->unit;
	v[C_TITLE] = title;
	table_line(w, v, r->display_status);
}

/* ------------------------------------------------------------------ CSV */

static const char *const csv_head[] = {
	"no", "id", "parent_id", "depth", "kind", "code", "title", "status", "progress",
	"start_date", "due_date", "done_date", "year", "lead_unit",
};
#define CSV_NCOLS ((int)(sizeof csv_head / sizeof csv_head[0]))

static void csv_row(struct list_writer *w, const struct item_row *r)
{
	char no[24], depth[16], progress[16], year[16];
	const char *v[CSV_NCOLS];
	int i;

	snprintf(no, sizeof no, "%ld", r->no);
	snprintf(depth, sizeof depth, "%d", r->depth);
	if (r->progress >= 0)
		snprintf(progress, sizeof progress, "%d", r->progress);
	else
		progress[0] = '\0';
	if (r->year > 0)
		snprintf(year, sizeof year, "%d", r->year);
	else
		year[0] = '\0';
	v[0] = no; v[1] = r->id; v[2] = r->parent_id; v[3] = depth;
	v[4] = kind_code(r->kind); v[5] = r->code; v[6] = r->title;
	v[7] = status_code(r->display_status); v[8] = progress;
	v[9] = r->start; v[10] = r->due; v[11] = r->done; v[12] = year; v[13] = r->unit;
	for (i = 0; i < CSV_NCOLS; i++)
		csv_write_field(w->out, &w->field, v[i],
		                i == 5 ? r->code_len : i == 6 ? r->title_len : i == 13 ? r->unit_len : 0,
		                w->opt.inert, i == CSV_NCOLS - 1);
}

/* ------------------------------------------------------------------ JSON */

static void json_opt_string(FILE *out, const char *key, const char *s, size_t n, bool null_if_empty)
{
	fprintf(out, ", \"%s\": ", key);
	if (null_if_empty && (s == NULL || (*s == '\0' && n == 0)))
		fputs("null", out);
	else
		json_write_string(out, s, n);
}

static void json_row(struct list_writer *w, const struct item_row *r)
{
	FILE *out = w->out;

	fputs(w->rows > 0 ? ",\n  {" : "\n  {", out);
	fprintf(out, "\"no\": %ld", r->no);
	json_opt_string(out, "id", r->id, 0, false);
	json_opt_string(out, "parent_id", r->parent_id, 0, true);
	fprintf(out, ", \"depth\": %d", r->depth);
	json_opt_string(out, "kind", kind_code(r->kind), 0, false);
	json_opt_string(out, "kind_name", kind_name(r->kind), 0, false);
	json_opt_string(out, "code", r->code, r->code_len, true);
	json_opt_string(out, "title", r->title, r->title_len, false);
	json_opt_string(out, "status", status_code(r->display_status), 0, false);
	json_opt_string(out, "status_name", status_name(r->display_status), 0, false);
	fputs(", \"overdue\": ", out);
	fputs(r->display_status == STATUS_OVERDUE ? "true" : "false", out);
	if (r->progress >= 0)
		fprintf(out, ", \"progress\": %d", r->progress);
	else
		fputs(", \"progress\": null", out);
	json_opt_string(out, "start_date", r->start, 0, true);
	json_opt_string(out, "due_date", r->due, 0, true);
	json_opt_string(out, "done_date", r->done, 0, true);
	if (r->year > 0)
		fprintf(out, ", \"year\": %d", r->year);
	else
		fputs(", \"year\": null", out);
	json_opt_string(out, "lead_unit", r->unit, r->unit_len, true);
	fputc('}', out);
}

/* ------------------------------------------------------------------ */

struct list_writer *list_writer_new(FILE *out, const struct list_options *opt)
{
	struct list_writer *w = calloc(1, sizeof *w);
	int i;

	if (w == NULL)
		return NULL;
	w->out = out;
	w->opt = *opt;
	switch (opt->format) {
	case FORMAT_TABLE:
		table_begin(w);
		break;
	case FORMAT_CSV:
		for (i = 0; i < CSV_NCOLS; i++)
			csv_write_field(w->out, &w->field, csv_head[i], 0, w->opt.inert, i == CSV_NCOLS - 1);
		break;
	case FORMAT_JSON:
		fputc('[', out);
		break;
	}
	return w;
}

void list_writer_row(struct list_writer *w, const struct item_row *r)
{
	switch (w->opt.format) {
	case FORMAT_TABLE:
		table_row(w, r);
		break;
	case FORMAT_CSV:
		csv_row(w, r);
		break;
	case FORMAT_JSON:
		json_row(w, r);
		break;
	}
	w->rows++;
}

void list_writer_finish(struct list_writer **wp)
{
	struct list_writer *w;

	if (wp == NULL || *wp == NULL)
		return;
	w = *wp;
	if (w->opt.format == FORMAT_JSON)
		fputs(w->rows > 0 ? "\n]\n" : "]\n", w->out);
	free(w->buf);
	free(w->title);
	strbuf_free(&w->field);
	free(w);
	*wp = NULL;
}
