#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "cli.h"
#include "export.h"
#include "i18n.h"
#include "import.h"
#include "render.h"
#include "store.h"

enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_OUTPUT, OPT_EXCEL, OPT_DRY_RUN };

int cmd_export(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	int format = -1, opt, status, exit_now = -1;
	bool excel = false;
	struct error err = { 0 };
	struct atomicfile f;
	FILE *out = stdout;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "export", &exit_now))
			continue;
		switch (opt) {
		case OPT_FORMAT:
			if ((format = export_format_parse(optarg)) < 0)
				return cli_usage_error(_("--format: '%s' is not csv, json or xlsx"), optarg);
			break;
		case OPT_OUTPUT:
			if (*optarg == '\0')
				return cli_usage_error(_("--output: the file name is empty"));
			output = optarg;
			break;
		case OPT_EXCEL:
			excel = true;
			break;
		default:
			return cli_bad_option(argv);
		}
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("export: unexpected argument '%s'"), argv[optind]);
	if (format < 0)
		return cli_usage_error(_("export: give --format csv, json or xlsx"));
	if (excel && format != EXPORT_CSV)
		return cli_usage_error(_("--excel is for --format csv"));
	if (format == EXPORT_XLSX && output == NULL)
		return cli_usage_error(_("export: a spreadsheet is written to a file: give --output FILE"));
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (format == EXPORT_XLSX && c->writers == NULL)
		return cli_hand_over(c, _("an xlsx export"));
	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);
	/* One snapshot of the file, whatever other clerks save meanwhile. */
	if (store_exec(c->store, "BEGIN", &err) != 0)
		return cli_fail(&err);
	if (format == EXPORT_XLSX) {
		status = c->writers->xlsx(c->store, output, &err) == 0 ? EXIT_OK : cli_fail(&err);
		store_rollback(c->store);
		return status;
	}
	if (output != NULL) {
		if (atomicfile_open(&f, output, 0644, &err) != 0) {
			store_rollback(c->store);
			return cli_fail(&err);
		}
		out = f.fp;
	}
	if (export_write(c->store, (enum export_format)format, out, excel, &err) != 0) {
		store_rollback(c->store);
		if (output != NULL)
			atomicfile_abort(&f);
		return cli_fail(&err);
	}
	store_rollback(c->store);
	if (output != NULL && atomicfile_commit(&f, &err) != 0) {
		atomicfile_abort(&f);
		return cli_fail(&err);
	}
	return EXIT_OK;
}

int cmd_import(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ NULL, 0, NULL, 0 },
	};
	bool dry = false;
	int opt, status, exit_now = -1;
	struct error err = { 0 };
	struct import_result res;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "import", &exit_now))
			continue;
		if (opt != OPT_DRY_RUN)
			return cli_bad_option(argv);
		dry = true;
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(_("import: give the file to import (CSV or JSON, as hoso export writes it)"));
	if (optind + 1 < argc)
		return cli_usage_error(_("import: unexpected argument '%s'"), argv[optind + 1]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);
	if (store_read_only(c->store) != STORE_RO_NO) {
		error_set(&err, ERROR_RUNTIME, _("%s: the database is read-only here (opened with --read-only, or the file is not writable)"),
		          c->db_path);
		return cli_fail(&err);
	}
	if (import_file(c->store, argv[optind], dry, &res, &err) != 0)
		return cli_fail(&err);
	if (res.nerrors > 0) {
		int i;

		for (i = 0; i < res.nerrors; i++)
			cli_note(res.errors[i]);
		if (res.more_errors > 0) {
			char msg[128];

			snprintf(msg, sizeof msg, _("… and %ld more errors"), res.more_errors);
			cli_note(msg);
		}
		error_set(&err, ERROR_RUNTIME, _("%s: nothing was imported (fix the lines above and try again)"), argv[optind]);
		return cli_fail(&err);
	}
	cli_printf(dry ? _("%s: would add %ld and change %ld records (%ld unchanged); nothing was written (--dry-run).\n")
	               : _("%s: added %ld and changed %ld records (%ld unchanged).\n"),
	           argv[optind], res.added, res.changed, res.unchanged);
	return EXIT_OK;
}
