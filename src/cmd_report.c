#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomicfile.h"
#include "cli.h"
#include "cli_filter.h"
#include "i18n.h"
#include "programme.h"
#include "report.h"
#include "render.h"
#include "report_load.h"
#include "store.h"

/*
 * hoso report: the programme's state for a review meeting, as text, HTML
 * or PDF, on standard output or into a file written whole or not at all.
 */

enum {
	OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_AS_OF, OPT_SINCE, OPT_OUTPUT,
	OPT_STATUS, OPT_KIND, OPT_YEAR, OPT_SEARCH, OPT_LAST = OPT_SEARCH
};

enum report_format { RF_TXT, RF_HTML, RF_PDF };

static int terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static int write_report(const struct context *c, const struct report *r, enum report_format f, FILE *out,
                        int width, struct error *err)
{
	switch (f) {
	case RF_HTML:
		return report_write_html(r, out, err);
	case RF_PDF:
		return c->writers->pdf(r, out, err);
	case RF_TXT:
		break;
	}
	return report_write_text(r, out, width, err);
}

/* Writes r into path whole or not at all (the umask decides its permissions). */
static int write_file(const struct context *c, const struct report *r, enum report_format f, const char *path,
                      struct error *err)
{
	struct atomicfile af;
	mode_t mask = umask(0);

	umask(mask);
	if (atomicfile_open(&af, path, 0666 & ~mask, err) != 0)
		return -1;
	if (write_report(c, r, f, af.fp, 80, err) != 0) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		atomicfile_abort(&af);
		return error_set(err, ERROR_RUNTIME, "%s: %s", path, msg);
	}
	if (atomicfile_commit(&af, err) != 0) {
		atomicfile_abort(&af);
		return -1;
	}
	return 0;
}

int cmd_report(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ NULL, 0, NULL, 0 },
	};
	const char *arg[OPT_LAST - OPT_FORMAT + 1] = { NULL };
	struct item_filter filter;
	struct cli_filter_args fa;
	struct report_load_options lo = {
		.filter = &filter,
		.overdue_cap = REPORT_LOAD_OVERDUE_CAP,
		.changes_cap = REPORT_LOAD_CHANGES_CAP,
		.matrices_cap = REPORT_LOAD_MATRICES_CAP,
		.matrix_rows_cap = REPORT_LOAD_MATRIX_ROWS_CAP,
	};
	enum report_format format = RF_TXT;
	struct report *r = NULL;
	struct error err = { 0 };
	char as_of[11], since[11] = "", *programme = NULL;
	const char *output;
	int opt, status, exit_now = -1;

	memset(&filter, 0, sizeof filter);
	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "report", &exit_now))
			continue;
		if (opt < OPT_FORMAT || opt > OPT_LAST)
			return cli_bad_option(argv);
		arg[opt - OPT_FORMAT] = optarg;
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("report: unexpected argument '%s'"), argv[optind]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	output = arg[OPT_OUTPUT - OPT_FORMAT];
	if (arg[0] != NULL) {
		if (strcmp(arg[0], "txt") == 0 || strcmp(arg[0], "text") == 0)
			format = RF_TXT;
		else if (strcmp(arg[0], "html") == 0)
			format = RF_HTML;
		else if (strcmp(arg[0], "pdf") == 0)
			format = RF_PDF;
		else
			return cli_usage_error(_("--format: unknown format '%s' (one of txt, html, pdf)"), arg[0]);
	}
	memcpy(as_of, c->today, sizeof as_of);
	if (arg[OPT_AS_OF - OPT_FORMAT] != NULL &&
	    (status = cli_parse_date("--as-of", arg[OPT_AS_OF - OPT_FORMAT], as_of)) != EXIT_OK)
		return status;
	if (arg[OPT_SINCE - OPT_FORMAT] != NULL &&
	    (status = cli_parse_date("--since", arg[OPT_SINCE - OPT_FORMAT], since)) != EXIT_OK)
		return status;
	if (since[0] != '\0' && strcmp(since, as_of) > 0)
		return cli_usage_error(_("--since: %s is after the as-of date %s"), arg[OPT_SINCE - OPT_FORMAT], as_of);
	fa.status = arg[OPT_STATUS - OPT_FORMAT];
	fa.kind = arg[OPT_KIND - OPT_FORMAT];
	fa.year = arg[OPT_YEAR - OPT_FORMAT];
	fa.search = arg[OPT_SEARCH - OPT_FORMAT];
	if ((status = cli_parse_filter(&fa, &filter)) != EXIT_OK)
		return status;
	if (output != NULL && *output == '\0')
		return cli_usage_error(_("--output: the file name is empty"));
	if (format == RF_PDF && output == NULL && isatty(STDOUT_FILENO))
		return cli_usage_error(_("--format pdf: a PDF is not written to a terminal; give --output FILE or redirect the output"));
	lo.today = c->today;
	if (format == RF_PDF && c->writers == NULL)
		return cli_hand_over(c, _("a PDF report"));

	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);
	if (programme_title(c->store, &programme, &err) != 0)
		return cli_fail(&err);
	r = report_new(c->settings.date_format);
	if (r == NULL) {
		free(programme);
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
		return cli_fail(&err);
	}
	status = EXIT_OK;
	if (report_set_header(r, programme, store_login(c->store), as_of, since, time(NULL), &err) != 0)
		goto fail;
	if (report_set_filters(r, 0, filter.kind, filter.year, filter.search) != 0) {
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
		goto fail;
	}
	report_set_statuses(r, filter.statuses);
	if (report_load(r, c->store, &lo, &err) != 0)
		goto fail;
	if (output != NULL) {
		if (write_file(c, r, format, output, &err) != 0)
			goto fail;
	} else if (write_report(c, r, format, stdout, isatty(STDOUT_FILENO) ? terminal_width() : 80, &err) != 0) {
		goto fail;
	}
	goto done;
fail:
	status = cli_fail(&err);
done:
	report_free(&r);
	free(programme);
	return status;
}
