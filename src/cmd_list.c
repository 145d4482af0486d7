#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "cli_filter.h"
#include "i18n.h"
#include "itemquery.h"
#include "itemstream.h"
#include "listfmt.h"
#include "refdata.h"
#include "store.h"

enum { OPT_STATUS = OPT_FIRST_COMMAND_OPTION, OPT_KIND, OPT_YEAR, OPT_SEARCH, OPT_SORT, OPT_FORMAT };

static int parse_sort(const char *arg, struct item_view *v)
{
	char field[32];
	const char *colon = strchr(arg, ':');
	size_t n = colon != NULL ? (size_t)(colon - arg) : strlen(arg);
	int s;

	if (n >= sizeof field)
		n = sizeof field - 1;
	memcpy(field, arg, n);
	field[n] = '\0';
	s = item_sort_parse(field);
	if (s < 0)
		return cli_usage_error(_("--sort: unknown field '%s' (one of no, code, title, kind, unit, due, status, progress)"),
		                       field);
	v->sort = (enum item_sort)s;
	v->desc = false;
	if (colon != NULL) {
		if (strcmp(colon + 1, "desc") == 0)
			v->desc = true;
		else if (strcmp(colon + 1, "asc") != 0)
			return cli_usage_error(_("--sort: '%s' should be 'asc' or 'desc'"), colon + 1);
	}
	return EXIT_OK;
}

static int terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols != NULL && atoi(cols) > 0)
		return atoi(cols);
	return 80;
}

static bool want_colour(const struct context *c)
{
	const char *term = getenv("TERM");
	const char *no_colour = getenv("NO_COLOR");

	if (!isatty(STDOUT_FILENO) || c->settings.colour == COLOUR_OFF)
		return false;
	if (no_colour != NULL && *no_colour != '\0')
		return false;
	return term != NULL && strcmp(term, "dumb") != 0;
}

int cmd_list(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	struct item_view view = { .sort = ISORT_NO };
	struct list_options lo = { .format = FORMAT_TABLE };
	struct item_stream *stream = NULL;
	struct list_writer *w = NULL;
	struct item_row row;
	struct error err = { 0 };
	const char *arg[OPT_FORMAT - OPT_STATUS + 1] = { NULL };
	int opt, status = EXIT_OK, exit_now = -1, got;

	/* Written in large blocks (set before anything is written); a terminal sees each line as it comes. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	/* Take the values first: they are checked once the settings (and the language) are read. */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "list", &exit_now))
			continue;
		if (opt < OPT_STATUS || opt > OPT_FORMAT)
			return cli_bad_option(argv);
		arg[opt - OPT_STATUS] = optarg;
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("list: unexpected argument '%s'"), argv[optind]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	{
		struct cli_filter_args fa = { arg[0], arg[1], arg[2], arg[3] };

		if ((status = cli_parse_filter(&fa, &view.filter)) != EXIT_OK)
			return status;
	}
	if (arg[4] != NULL && (status = parse_sort(arg[4], &view)) != EXIT_OK)
		return status;
	if (arg[5] != NULL) {
		if (strcmp(arg[5], "table") == 0)
			lo.format = FORMAT_TABLE;
		else if (strcmp(arg[5], "csv") == 0)
			lo.format = FORMAT_CSV;
		else if (strcmp(arg[5], "json") == 0)
			lo.format = FORMAT_JSON;
		else
			return cli_usage_error(_("--format: unknown format '%s' (one of table, csv, json)"), arg[5]);
	}
	memcpy(view.today, c->today, sizeof view.today);
	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);

	lo.dates = c->settings.date_format;
	if (lo.format == FORMAT_TABLE) {
		lo.width = terminal_width();
		lo.colour = want_colour(c);
		if (item_list_widths(c->store, &lo.no_width, &lo.code_width, &lo.unit_width, &err) != 0)
			return cli_fail(&err);
		if (lo.width > 0) {
			if (lo.code_width > 16)
				lo.code_width = 16;
			if (lo.unit_width > 20)
				lo.unit_width = 20;
		}
	}
	lo.inert = isatty(STDOUT_FILENO);
	if (item_stream_open(&stream, c->store, &view, &err) != 0)
		return cli_fail(&err);
	w = list_writer_new(stdout, &lo);
	if (w == NULL) {
		item_stream_close(&stream);
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
		return cli_fail(&err);
	}
	while ((got = item_stream_next(stream, &row, &err)) > 0)
		list_writer_row(w, &row);
	list_writer_finish(&w);
	item_stream_close(&stream);
	if (got < 0)
		return cli_fail(&err);
	return EXIT_OK;
}
