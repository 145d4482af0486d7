#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "refdata.h"
#include "report.h"
#include "text.h"

/*
 * The report as one HTML5 document that needs nothing else: the style
 * inline (for the screen and for A4 paper), no script, no outside resource.
 * Every text is escaped; characters that would act on the text around them
 * (controls, bidirectional overrides) are shown in their inert forms.
 */

static const char style[] =
	"body{font-family:\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;font-size:10.5pt;color:#111;"
	"margin:1.5em auto;max-width:60em;padding:0 1em;line-height:1.35}\n"
	"h1{font-size:1.5em;margin:.2em 0}\n"
	"h2{font-size:1.15em;margin:1.4em 0 .4em;border-bottom:1px solid #999}\n"
	".programme{font-weight:bold;margin:0}\n"
	".meta{margin:.1em 0;color:#333}\n"
	"table{border-collapse:collapse;width:100%;margin:.4em 0 1em}\n"
	"caption{text-align:left;font-weight:bold;font-size:1.05em;padding:.6em 0 .3em}\n"
	"th,td{border:1px solid #bbb;padding:.2em .4em;vertical-align:top;text-align:left}\n"
	"thead th{background:#e8e8e8}\n"
	"tfoot th,tfoot td{font-weight:bold;background:#f4f4f4}\n"
	"td.num{text-align:right;white-space:nowrap}\n"
	"td.date{white-space:nowrap}\n"
	"td.progress{white-space:nowrap;width:11em}\n"
	".bar{display:inline-block;width:6em;height:.8em;border:1px solid #666;background:#fff;"
	"vertical-align:middle;margin-right:.4em}\n"
	".bar>span{display:block;height:100%;background:#3a6ea5}\n"
	".ctl{color:#a00;font-family:monospace}\n"
	".overdue{color:#a00}\n"
	"@page{size:A4;margin:15mm 12mm 18mm 12mm}\n"
	"@media print{body{margin:0;max-width:none;font-size:9.5pt}"
	"thead{display:table-header-group}tfoot{display:table-footer-group}"
	"tr,th,td{break-inside:avoid;page-break-inside:avoid}"
	"caption,h2{break-after:avoid;page-break-after:avoid}"
	".bar,.bar>span,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

struct html {
	FILE *fp;
	const struct report *r;
	bool nomem;
};

/*
 * Writes s escaped for HTML text and attribute values: & < > " ' as
 * references, controls and bidirectional formatting characters in their
 * inert forms, malformed UTF-8 as U+FFFD.
 */
static void esc(struct html *h, const char *s)
{
	size_t n, i = 0;

	if (s == NULL)
		return;
	n = strlen(s);
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		const char *form = text_inert(cp);

		switch (cp) {
		case '&': fputs("&amp;", h->fp); break;
		case '<': fputs("&lt;", h->fp); break;
		case '>': fputs("&gt;", h->fp); break;
		case '"': fputs("&quot;", h->fp); break;
		case '\'': fputs("&#39;", h->fp); break;
		case '\n': case '\t': fputc(' ', h->fp); break;
		default:
			if (form != NULL && !(cp >= 0x1F1E6 && cp <= 0x1F1FF)) {
				/* The inert form is ASCII, but "<U+202E>" holds < and >. */
				fputs("<span class=\"ctl\">", h->fp);
				for (; *form != '\0'; form++) {
					if (*form == '<')
						fputs("&lt;", h->fp);
					else if (*form == '>')
						fputs("&gt;", h->fp);
					else
						fputc(*form, h->fp);
				}
				fputs("</span>", h->fp);
			} else if (cp == 0xFFFD) {
				fputs("\xEF\xBF\xBD", h->fp);
			} else {
				fwrite(s + i, 1, len, h->fp);
			}
		}
		i += len;
	}
}

static void date_td(struct html *h, const char *iso)
{
	char d[11];

	date_format(iso, h->r->date_style, d);
	fprintf(h->fp, "<td class=\"date\">%s</td>", d);
}

/* A progress cell: a bar as wide as the progress, and the percentage; "–" when not known. */
static void progress_td(struct html *h, int p)
{
	if (p < 0 || p > 100) {
		fputs("<td class=\"progress\">\xE2\x80\x93</td>", h->fp);
		return;
	}
	fprintf(h->fp, "<td class=\"progress\"><span class=\"bar\"><span style=\"width:%d%%\"></span></span>%d%%</td>", p,
	        p);
}

static void th_col(struct html *h, const char *text)
{
	fputs("<th scope=\"col\">", h->fp);
	esc(h, text);
	fputs("</th>", h->fp);
}

static void caption(struct html *h, const char *text)
{
	fputs("<caption>", h->fp);
	esc(h, text);
	fputs("</caption>\n", h->fp);
}

static void count_row(struct html *h, const char *label, const struct report_line *l)
{
	fputs("<tr><th scope=\"row\">", h->fp);
	esc(h, label);
	fprintf(h->fp, "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>", l->items,
	        l->done, l->overdue);
	progress_td(h, report_line_progress(l));
	fputs("</tr>\n", h->fp);
}

static void counts_table(struct html *h, const char *title, const char *what, const struct report_lines *lines)
{
	size_t i;

	fputs("<table class=\"counts\">\n", h->fp);
	caption(h, title);
	fputs("<thead><tr>", h->fp);
	th_col(h, what);
	th_col(h, _("Items"));
	th_col(h, _("Done"));
	th_col(h, _("Overdue"));
	th_col(h, _("Progress"));
	fputs("</tr></thead>\n<tbody>\n", h->fp);
	for (i = 0; i < lines->n; i++)
		count_row(h, lines->v[i].label != NULL ? lines->v[i].label : "", &lines->v[i]);
	fputs("</tbody>\n<tfoot>\n", h->fp);
	count_row(h, _("Total"), &h->r->total);
	fputs("</tfoot>\n</table>\n", h->fp);
}

static void para(struct html *h, const char *cls, const char *text)
{
	fprintf(h->fp, "<p class=\"%s\">", cls);
	esc(h, text);
	fputs("</p>\n", h->fp);
}

/* A paragraph of s, escaped, then freed; asprintf's result n < 0 means memory ran out. */
static void para_free(struct html *h, const char *cls, int n, char *s)
{
	if (n < 0) {
		h->nomem = true;
		return;
	}
	para(h, cls, s);
	free(s);
}

static void header(struct html *h)
{
	const struct report *r = h->r;
	char d[11], s[11], gen[24];
	char *filters = report_filters_text(r), *line = NULL;
	int n;

	fputs("<header>\n", h->fp);
	para(h, "programme", r->programme);
	fputs("<h1>", h->fp);
	esc(h, _("Status report"));
	fputs("</h1>\n", h->fp);
	date_format(r->as_of, r->date_style, d);
	date_format(r->since, r->date_style, s);
	if (r->since[0] != '\0')
		n = asprintf(&line, _("As of %s, changes since %s"), d, s);
	else
		n = asprintf(&line, _("As of %s"), d);
	para_free(h, "meta", n, line);
	report_generated_text(r, gen);
	n = asprintf(&line, _("Generated %s by %s"), gen, r->clerk != NULL ? r->clerk : "");
	para_free(h, "meta", n, line);
	if (filters == NULL)
		h->nomem = true;
	n = asprintf(&line, _("Filters: %s"), filters != NULL && *filters != '\0' ? filters : _("none (all items)"));
	para_free(h, "meta", n, line);
	free(filters);
	fputs("</header>\n", h->fp);
}

static void summary(struct html *h)
{
	const struct report_line *t = &h->r->total;
	int p = report_line_progress(t);
	char *s = NULL;

	fputs("<section id=\"summary\">\n<h2>", h->fp);
	esc(h, _("The whole programme"));
	fputs("</h2>\n", h->fp);
	if (asprintf(&s, _("%ld items: %ld done, %ld overdue."), t->items, t->done, t->overdue) < 0)
		s = NULL;
	para(h, "summary", s != NULL ? s : "");
	free(s);
	fputs("<p class=\"summary\">", h->fp);
	if (p != REPORT_NO_PROGRESS) {
		char pct[8];

		snprintf(pct, sizeof pct, "%d%%", p);
		if (asprintf(&s, _("Average progress: %s (of %ld items whose progress is known)"), pct,
		             t->progress_known) < 0)
			s = NULL;
		fprintf(h->fp, "<span class=\"bar\"><span style=\"width:%d%%\"></span></span>", p);
		esc(h, s != NULL ? s : "");
		free(s);
	} else {
		esc(h, _("Average progress: not known"));
	}
	fputs("</p>\n</section>\n", h->fp);
}

/* "… and N more" under a list that left n entries out. */
static void more(struct html *h, enum report_more what, long n)
{
	char *s;

	if (n <= 0)
		return;
	s = report_more_text(what, n);
	para_free(h, "more", s != NULL ? 0 : -1, s);
}

static void overdue_table(struct html *h)
{
	const struct report *r = h->r;
	size_t i;

	fputs("<section id=\"overdue\">\n", h->fp);
	if (r->n_overdue == 0) {
		fputs("<h2>", h->fp);
		esc(h, _("Overdue items, worst first"));
		fputs("</h2>\n", h->fp);
		para(h, "none", _("No item is overdue."));
		fputs("</section>\n", h->fp);
		return;
	}
	fputs("<table class=\"overdue\">\n", h->fp);
	caption(h, _("Overdue items, worst first"));
	fputs("<thead><tr>", h->fp);
	th_col(h, _("No."));
	th_col(h, _("Code"));
	th_col(h, _("Title"));
	th_col(h, _("Lead unit"));
	th_col(h, _("Due"));
	th_col(h, _("Days late"));
	fputs("</tr></thead>\n<tbody>\n", h->fp);
	for (i = 0; i < r->n_overdue; i++) {
		const struct report_overdue *o = &r->overdue[i];

		fprintf(h->fp, "<tr><td class=\"num\">%ld</td><td>", o->no);
		esc(h, o->code);
		fputs("</td><td>", h->fp);
		esc(h, o->title);
		fputs("</td><td>", h->fp);
		esc(h, o->lead);
		fputs("</td>", h->fp);
		date_td(h, o->due);
		fprintf(h->fp, "<td class=\"num overdue\">%ld</td></tr>\n", o->days_late);
	}
	fputs("</tbody>\n</table>\n", h->fp);
	more(h, REPORT_MORE_OVERDUE, r->overdue_more);
	fputs("</section>\n", h->fp);
}

static void debts_table(struct html *h)
{
	const struct report *r = h->r;
	size_t i;

	fputs("<section id=\"debts\">\n", h->fp);
	if (r->n_debts == 0) {
		fputs("<h2>", h->fp);
		esc(h, _("What each unit owes"));
		fputs("</h2>\n", h->fp);
		para(h, "none", _("No unit has an open item."));
		fputs("</section>\n", h->fp);
		return;
	}
	fputs("<table class=\"debts\">\n", h->fp);
	caption(h, _("What each unit owes"));
	fputs("<thead><tr>", h->fp);
	th_col(h, _("Unit"));
	th_col(h, _("Open items"));
	th_col(h, _("Overdue"));
	fputs("</tr></thead>\n<tbody>\n", h->fp);
	for (i = 0; i < r->n_debts; i++) {
		fputs("<tr><th scope=\"row\">", h->fp);
		esc(h, r->debts[i].unit);
		fprintf(h->fp, "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td></tr>\n", r->debts[i].open,
		        r->debts[i].overdue);
	}
	fputs("</tbody>\n</table>\n</section>\n", h->fp);
}

static void matrix_table(struct html *h, const struct report_matrix *m)
{
	char *cap = NULL;
	size_t i;

	fprintf(h->fp, "<section class=\"localities\">\n<table class=\"localities\">\n");
	if (asprintf(&cap, _("Localities of item %ld"), m->no) < 0)
		cap = NULL;
	fputs("<caption>", h->fp);
	esc(h, cap != NULL ? cap : "");
	fputs(": ", h->fp);
	esc(h, m->title);
	fputs("</caption>\n", h->fp);
	free(cap);
	fputs("<thead><tr>", h->fp);
	th_col(h, _("Locality"));
	th_col(h, _("Status"));
	th_col(h, _("Progress"));
	th_col(h, _("Due"));
	th_col(h, _("Lead unit"));
	fputs("</tr></thead>\n<tbody>\n", h->fp);
	for (i = 0; i < m->n; i++) {
		const struct report_locality *l = &m->rows[i];

		fputs("<tr><th scope=\"row\">", h->fp);
		esc(h, l->locality);
		fprintf(h->fp, "</th><td%s>", l->status == STATUS_OVERDUE ? " class=\"overdue\"" : "");
		esc(h, status_name(l->status) != NULL ? status_name(l->status) : "?");
		fputs("</td>", h->fp);
		progress_td(h, l->progress);
		date_td(h, l->due);
		fputs("<td>", h->fp);
		esc(h, l->lead);
		fputs("</td></tr>\n", h->fp);
	}
	fputs("</tbody>\n<tfoot>\n<tr><th scope=\"row\">", h->fp);
	if (asprintf(&cap, _("Total: %zu"), m->n) < 0)
		cap = NULL;
	esc(h, cap != NULL ? cap : "");
	free(cap);
	fputs("</th><td>", h->fp);
	if (asprintf(&cap, _("%ld done, %ld overdue"), m->total.done, m->total.overdue) < 0)
		cap = NULL;
	esc(h, cap != NULL ? cap : "");
	free(cap);
	fputs("</td>", h->fp);
	progress_td(h, report_line_progress(&m->total));
	fputs("<td></td><td></td></tr>\n</tfoot>\n</table>\n</section>\n", h->fp);
}

static void changes_table(struct html *h)
{
	const struct report *r = h->r;
	char s[11], *cap = NULL;
	size_t i;

	date_format(r->since, r->date_style, s);
	if (asprintf(&cap, _("What changed since %s"), s) < 0)
		cap = NULL;
	fputs("<section id=\"changes\">\n", h->fp);
	if (r->n_changes == 0) {
		fputs("<h2>", h->fp);
		esc(h, cap != NULL ? cap : "");
		fputs("</h2>\n", h->fp);
		para(h, "none", _("Nothing changed."));
		fputs("</section>\n", h->fp);
		free(cap);
		return;
	}
	fputs("<table class=\"changes\">\n", h->fp);
	caption(h, cap != NULL ? cap : "");
	free(cap);
	fputs("<thead><tr>", h->fp);
	th_col(h, _("Date"));
	th_col(h, _("No."));
	th_col(h, _("Title"));
	th_col(h, _("Change"));
	fputs("</tr></thead>\n<tbody>\n", h->fp);
	for (i = 0; i < r->n_changes; i++) {
		const struct report_change *c = &r->changes[i];
		char *what = report_change_text(r, c);

		if (what == NULL)
			h->nomem = true;
		fputs("<tr>", h->fp);
		date_td(h, c->date);
		fprintf(h->fp, "<td class=\"num\">%ld</td><td>", c->no);
		esc(h, c->title);
		fputs("</td><td>", h->fp);
		esc(h, what);
		fputs("</td></tr>\n", h->fp);
		free(what);
	}
	fputs("</tbody>\n</table>\n", h->fp);
	more(h, REPORT_MORE_CHANGES, r->changes_more);
	fputs("</section>\n", h->fp);
}

int report_write_html(const struct report *r, FILE *fp, struct error *err)
{
	struct html h = { fp, r, false };
	size_t i;

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", report_lang());
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", fp);
	fputs("<meta name=\"generator\" content=\"" PACKAGE_NAME " " PACKAGE_VERSION "\">\n<title>", fp);
	esc(&h, _("Status report"));
	fputs(" \xE2\x80\x94 ", fp);
	esc(&h, r->programme);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	header(&h);
	fputs("<main>\n", fp);
	summary(&h);
	fputs("<section id=\"counts\">\n", fp);
	counts_table(&h, _("By status"), _("Status"), &r->by_status);
	counts_table(&h, _("By kind"), _("Kind"), &r->by_kind);
	counts_table(&h, _("By year"), _("Year"), &r->by_year);
	counts_table(&h, _("By lead unit"), _("Lead unit"), &r->by_lead);
	fputs("</section>\n", fp);
	overdue_table(&h);
	debts_table(&h);
	for (i = 0; i < r->n_matrices; i++)
		matrix_table(&h, &r->matrices[i]);
	more(&h, REPORT_MORE_MATRICES, r->matrices_more);
	if (r->since[0] != '\0')
		changes_table(&h);
	fputs("</main>\n</body>\n</html>\n", fp);

	if (fflush(fp) != 0 || ferror(fp))
		return error_set(err, ERROR_RUNTIME, _("cannot write the report: %s"), strerror(errno != 0 ? errno : EIO));
	if (h.nomem)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	return 0;
}
