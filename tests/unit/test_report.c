/* The report model and its text and HTML renderers (the PDF: tests/cli/report.sh). */
#include "config.h"

#include <errno.h>
#include <time.h>

#include "unit.h"

#include "report.h"
#include "report_sample.h"
#include "text.h"

/* What fn writes for r, as a string the caller frees. */
static char *render(struct report *r, int (*fn)(const struct report *, FILE *, struct error *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct error err = { 0 };

	assert_non_null(fp);
	if (fn(r, fp, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static char *render_text(struct report *r, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct error err = { 0 };

	assert_non_null(fp);
	if (report_write_text(r, fp, width, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void test_free_null(void **state)
{
	struct report *r = NULL;

	(void)state;
	report_free(NULL);
	report_free(&r);
	r = report_new(DATE_DMY);
	assert_non_null(r);
	report_free(&r);
	assert_null(r);
}

static void test_header_dates(void **state)
{
	struct report *r = report_new(DATE_DMY);
	struct error err = { 0 };

	(void)state;
	assert_int_equal(report_set_header(r, "P", "nva", "2024-02-30", NULL, 0, &err), -1);
	assert_int_equal(err.kind, ERROR_USAGE);
	assert_non_null(strstr(err.msg, "2024-02-30"));
	assert_int_equal(report_set_header(r, "P", "nva", NULL, NULL, 0, &err), -1);
	assert_int_equal(report_set_header(r, "P", "nva", "2024-06-30", "30/06/2024", 0, &err), -1);
	assert_non_null(strstr(err.msg, "30/06/2024"));
	assert_int_equal(report_set_header(r, "P", "nva", "2024-06-30", "", 0, &err), 0);
	assert_string_equal(r->since, "");
	assert_int_equal(report_set_header(r, "P", "nva", "2024-06-30", "2024-01-01", SAMPLE_GENERATED, &err), 0);
	assert_string_equal(r->as_of, "2024-06-30");
	assert_string_equal(r->since, "2024-01-01");
	assert_string_equal(r->generated, "2024-06-30 14:05");
	report_free(&r);
}

static void test_tally(void **state)
{
	struct report *r = sample_report(1);
	const struct report_line *l;

	(void)state;
	assert_int_equal(r->total.items, 12);
	assert_int_equal(r->total.done, 3);
	assert_int_equal(r->total.overdue, 6);
	assert_int_equal(r->total.progress_known, 10);
	assert_int_equal(report_line_progress(&r->total), 50); /* 495 / 10, rounded */
	/* Every status, in the order shown, overdue counted apart from its stored status. */
	assert_int_equal(r->by_status.n, 6);
	assert_int_equal(r->by_status.v[0].key, STATUS_PLANNED);
	assert_int_equal(r->by_status.v[0].items, 0);
	assert_int_equal(r->by_status.v[3].key, STATUS_OVERDUE);
	assert_int_equal(r->by_status.v[3].items, 6);
	assert_int_equal(r->by_status.v[4].items, 3);
	assert_int_equal(r->by_status.v[5].key, STATUS_CANCELLED);
	assert_int_equal(r->by_status.v[5].items, 1);
	assert_int_equal(report_line_progress(&r->by_status.v[5]), REPORT_NO_PROGRESS);
	/* Kinds in kind order, years oldest first with no year last. */
	assert_int_equal(r->by_kind.n, 7);
	assert_int_equal(r->by_kind.v[0].key, 1);
	assert_int_equal(r->by_kind.v[0].items, 5);
	assert_int_equal(r->by_year.n, 3);
	assert_int_equal(r->by_year.v[0].key, 2023);
	assert_int_equal(r->by_year.v[1].key, 2024);
	assert_int_equal(r->by_year.v[2].key, 0);
	/* Lead units in Vietnamese order (Bộ before BTV, Đ after D), none last. */
	assert_int_equal(r->by_lead.n, 6);
	assert_string_equal(r->by_lead.v[0].label, "Bộ KH&CN");
	assert_string_equal(r->by_lead.v[1].label, "BTV Thành ủy");
	assert_string_equal(r->by_lead.v[2].label, "Đơn vị <i>thử</i>");
	assert_string_equal(r->by_lead.v[4].label, "UBND TP Hải Phòng");
	assert_int_equal(r->by_lead.v[5].key, -1);
	l = &r->by_lead.v[4];
	assert_int_equal(l->items, 4);
	assert_int_equal(l->done, 2);
	assert_int_equal(l->overdue, 1);
	assert_int_equal(report_line_progress(l), 80);
	/* Overdue, worst first. */
	assert_int_equal(r->n_overdue, 6);
	assert_int_equal(r->overdue[0].no, 44);
	assert_int_equal(r->overdue[0].days_late, 172);
	assert_int_equal(r->overdue[5].no, 43);
	assert_int_equal(r->overdue[5].days_late, 1);
	assert_string_equal(r->overdue[4].code, "TCVN ISO 18091:2020");
	assert_null(r->overdue[0].code);
	/* Debts: most overdue first, then most open, then by name. */
	assert_int_equal(r->n_debts, 5);
	assert_string_equal(r->debts[0].unit, "Bộ KH&CN");
	assert_int_equal(r->debts[0].open, 2);
	assert_int_equal(r->debts[0].overdue, 2);
	assert_string_equal(r->debts[1].unit, "Sở KH&CN Hải Phòng");
	assert_string_equal(r->debts[2].unit, "UBND TP Hải Phòng");
	/* The locality matrix: two past due and not done show as overdue. */
	assert_int_equal(r->n_matrices, 1);
	assert_int_equal(r->matrices[0].n, 12);
	assert_string_equal(r->matrices[0].rows[0].locality, "Đồ Sơn");
	assert_int_equal(r->matrices[0].rows[11].status, STATUS_OVERDUE);
	assert_int_equal(r->matrices[0].total.items, 12);
	assert_int_equal(r->matrices[0].total.done, 8);
	assert_int_equal(r->matrices[0].total.overdue, 2);
	assert_int_equal(report_line_progress(&r->matrices[0].total), 84); /* 920 / 11 */
	/* Changes, oldest first. */
	assert_int_equal(r->n_changes, 5);
	assert_string_equal(r->changes[0].date, "2024-01-05");
	assert_string_equal(r->changes[4].date, "2024-06-20");
	report_free(&r);
}

static void test_texts(void **state)
{
	struct report *r = report_new(DATE_DMY);
	struct report_change c = { "2024-01-01", 1, NULL, REPORT_CHANGE_STATUS, STATUS_PLANNED, STATUS_DONE, NULL };
	char *s, gen[24];

	(void)state;
	s = report_filters_text(r);
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(report_set_filters(r, STATUS_OVERDUE, 4, 2024, "thach cao"), 0);
	s = report_filters_text(r);
	assert_string_equal(s, "status: Overdue; kind: Pilot; year: 2024; search: \"thach cao\"");
	free(s);
	assert_int_equal(report_set_filters(r, 99, 0, -1, ""), 0);
	s = report_filters_text(r);
	assert_string_equal(s, "");
	free(s);
	s = report_change_text(r, &c);
	assert_string_equal(s, "status: Planned → Done");
	free(s);
	c.what = REPORT_CHANGE_PROGRESS;
	c.from = REPORT_NO_PROGRESS;
	c.to = 40;
	s = report_change_text(r, &c);
	assert_string_equal(s, "progress: ? → 40%");
	free(s);
	c.what = REPORT_CHANGE_ADDED;
	s = report_change_text(r, &c);
	assert_string_equal(s, "added");
	free(s);
	report_generated_text(r, gen);
	assert_string_equal(gen, "");
	assert_string_equal(report_lang(), "en");
	report_free(&r);
}

/* The golden file's path under $top_srcdir. */
static char *golden_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *p = NULL;

	assert_true(asprintf(&p, "%s/tests/unit/golden/%s", top != NULL ? top : ".", name) > 0);
	return p;
}

/*
 * The text at width cells is the golden file, byte for byte. With
 * HOSO_UPDATE_GOLDEN=1 the file is written instead (then look at it).
 */
static void check_golden(int width, const char *name)
{
	struct report *r = sample_report(1);
	char *got = render_text(r, width), *path = golden_path(name), *want;
	FILE *fp;
	long n;

	if (getenv("HOSO_UPDATE_GOLDEN") != NULL) {
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		assert_int_equal(fclose(fp), 0);
	}
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("%s: %s", path, strerror(errno));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	want = calloc(1, (size_t)n + 1);
	assert_non_null(want);
	assert_int_equal(fread(want, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "--- %s\n+++ the text now\n%s", path, got);
		fail_msg("the text at %d columns differs from %s", width, path);
	}
	free(want);
	free(got);
	free(path);
	report_free(&r);
}

static void test_text_golden(void **state)
{
	(void)state;
	check_golden(80, "report-80.txt");
	check_golden(40, "report-40.txt");
}

/* Every line within width cells, without trailing spaces, nothing a terminal acts on. */
static void test_text_width(void **state)
{
	static const int widths[] = { 0, 1, 40, 41, 57, 71, 80, 100, 133 };
	struct report *r = sample_report(1);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		int width = widths[i] <= 0 ? 80 : widths[i] < 40 ? 40 : widths[i], lines = 0;
		char *text = render_text(r, widths[i]), *line, *save = NULL;

		assert_null(strchr(text, '\x1b'));
		assert_null(strstr(text, "\xe2\x80\xae")); /* U+202E */
		assert_non_null(strstr(text, "^[[31m"));
		assert_non_null(strstr(text, "<U+202E>"));
		for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
			size_t n = strlen(line);

			if (text_width(line) > width)
				fail_msg("%d cells at width %d: \"%s\"", text_width(line), width, line);
			if (n > 0 && line[n - 1] == ' ')
				fail_msg("trailing space at width %d: \"%s\"", width, line);
			lines++;
		}
		assert_true(lines > 50);
		free(text);
	}
	report_free(&r);
}

static void test_html_escaped(void **state)
{
	struct report *r = sample_report(1);
	char *html = render(r, report_write_html);

	(void)state;
	assert_non_null(strstr(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
	assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<i>"));
	assert_null(strstr(html, "<b>"));
	assert_non_null(strstr(html, "Tiêu đề có &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;nháy&#39;"));
	assert_non_null(strstr(html, "Đơn vị &lt;i&gt;thử&lt;/i&gt;"));
	assert_null(strchr(html, '\x1b'));
	assert_null(strstr(html, "\xe2\x80\xae"));
	assert_non_null(strstr(html, "<span class=\"ctl\">^[</span>[31m"));
	assert_non_null(strstr(html, "<span class=\"ctl\">&lt;U+202E&gt;</span>"));
	assert_non_null(strstr(html, "@page{size:A4"));
	assert_non_null(strstr(html, "<span style=\"width:84%\">"));
	free(html);
	report_free(&r);
}

/* A disk that is full (/dev/full) makes each renderer fail with the reason. */
static void test_write_error(void **state)
{
	int (*fns[])(const struct report *, FILE *, struct error *) = { report_write_html, report_write_pdf };
	struct report *r = sample_report(1);
	struct error err = { 0 };
	FILE *fp;
	size_t i;

	(void)state;
	fp = fopen("/dev/full", "w");
	if (fp == NULL)
		skip();
	assert_int_equal(report_write_text(r, fp, 80, &err), -1);
	assert_non_null(strstr(err.msg, "cannot write the report: "));
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
	fclose(fp);
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		error_clear(&err);
		fp = fopen("/dev/full", "w");
		assert_non_null(fp);
		assert_int_equal(fns[i](r, fp, &err), -1);
		assert_non_null(strstr(err.msg, strerror(ENOSPC)));
		fclose(fp);
	}
	report_free(&r);
}

/* A capped overdue list keeps the latest items and says how many it left out, in text and HTML. */
static void test_overdue_cap(void **state)
{
	struct report *r = report_new(DATE_DMY);
	struct error err = { 0 };
	char *text, *html;

	(void)state;
	assert_non_null(r);
	assert_int_equal(report_set_header(r, "P", "nva", "2024-06-30", NULL, 0, &err), 0);
	r->overdue_cap = 2;
	assert_int_equal(report_add_overdue(r, 1, NULL, "one", NULL, "2024-06-20", 10), 0);
	assert_int_equal(report_add_overdue(r, 2, NULL, "two", NULL, "2024-01-01", 181), 0);
	assert_int_equal(report_add_overdue(r, 3, NULL, "three", NULL, "2024-06-29", 1), 0);
	assert_int_equal(report_add_overdue(r, 4, NULL, "four", NULL, "2024-03-01", 121), 0);
	assert_int_equal(report_finish(r, &err), 0);
	assert_int_equal(r->n_overdue, 2);
	assert_int_equal(r->overdue_more, 2);
	assert_int_equal(r->overdue[0].no, 2);
	assert_int_equal(r->overdue[1].no, 4);
	r->changes_more = 7;
	text = render_text(r, 80);
	assert_non_null(strstr(text, "… and 2 more overdue items, less late, not listed."));
	assert_null(strstr(text, "earlier changes")); /* no since-date: no changes section */
	html = render(r, report_write_html);
	assert_non_null(strstr(html, "<p class=\"more\">… and 2 more overdue items"));
	free(text);
	free(html);
	report_free(&r);
}

/* Several statuses as the filter are all named. */
static void test_statuses_filter(void **state)
{
	struct report *r = report_new(DATE_DMY);
	char *f;

	(void)state;
	assert_non_null(r);
	report_set_statuses(r, 1u << 1 | 1u << 6);
	f = report_filters_text(r);
	assert_string_equal(f, "status: Planned, Overdue");
	free(f);
	report_set_statuses(r, 1u << 4);
	assert_int_equal(r->filters.status, 4);
	f = report_filters_text(r);
	assert_string_equal(f, "status: Done");
	free(f);
	report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_header_dates),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_text_golden),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_html_escaped),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_overdue_cap),
		cmocka_unit_test(test_statuses_filter),
	};

	unit_locale();
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("LANGUAGE");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
