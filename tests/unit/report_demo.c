/*
 * Writes the sample report of report_sample.h to standard output, for the
 * shell test of the renderers: report_demo txt|html|pdf [COPIES [WIDTH]].
 * Speaks the language of $LANGUAGE with the catalogue of $HOSO_LOCALEDIR.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report.h"
#include "report_sample.h"

int main(int argc, char **argv)
{
	struct error err = { 0 };
	struct report *r;
	int rc, copies = argc > 2 ? atoi(argv[2]) : 1, width = argc > 3 ? atoi(argv[3]) : 80;

	if (argc < 2) {
		fprintf(stderr, "usage: report_demo txt|html|pdf [COPIES [WIDTH]]\n");
		return 2;
	}
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	i18n_init();
	i18n_set_language(LANGUAGE_AUTO);
	r = sample_report(copies > 0 ? copies : 1);
	if (strcmp(argv[1], "txt") == 0)
		rc = report_write_text(r, stdout, width, &err);
	else if (strcmp(argv[1], "html") == 0)
		rc = report_write_html(r, stdout, &err);
	else if (strcmp(argv[1], "pdf") == 0)
		rc = report_write_pdf(r, stdout, &err);
	else
		rc = error_set(&err, ERROR_USAGE, "unknown format %s", argv[1]);
	report_free(&r);
	if (rc != 0) {
		fprintf(stderr, "report_demo: %s\n", err.msg);
		return 1;
	}
	return 0;
}
