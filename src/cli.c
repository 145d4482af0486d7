#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "i18n.h"
#include "text.h"

struct command {
	const char *name;
	int (*run)(struct context *c, int argc, char **argv);
};

static const struct command commands[] = {
	{ "init", cmd_init },
	{ "list", cmd_list },
	{ "show", cmd_show },
	{ "check", cmd_check },
	{ "backup", cmd_backup },
	{ "add", cmd_add },
	{ "set", cmd_set },
	{ "archive", cmd_archive },
	{ "restore", cmd_restore },
	{ "undo", cmd_undo },
	{ "redo", cmd_redo },
	{ "comment", cmd_comment },
	{ "export", cmd_export },
	{ "import", cmd_import },
	{ "report", cmd_report },
};

/* The usage, a line or a few at a time (one message each, for the translators). */
static const char *const usage_lines[] = {
	N_("Usage:\n"),
	N_("  hoso [--db FILE] [--config FILE] [--read-only]   the full-screen application\n"),
	N_("  hoso init [--db FILE] [--empty]                  a new database, seeded unless --empty\n"),
	N_("  hoso list [--status S] [--kind K] [--year Y] [--search TEXT]\n"
	   "            [--sort FIELD[:desc]] [--format table|csv|json]\n"),
	N_("  hoso show ID                                     one item, whole\n"),
	N_("  hoso report [--format txt|html|pdf] [--as-of DATE] [--since DATE]\n"
	   "              [--status S] [--kind K] [--year Y] [--search TEXT] [--output FILE]\n"
	   "                                                   a status report for a meeting\n"),
	N_("  hoso check [--quick]                             integrity and schema version\n"),
	N_("  hoso backup FILE                                 a consistent copy of the database\n"),
	N_("  hoso backup --restore FILE                       the database made what the copy FILE holds\n"),
	N_("  hoso add --kind K --title T [--parent ID] [FIELD=VALUE ...]   a new item\n"),
	N_("  hoso add --record document|unit|locality FIELD=VALUE ...      a new record\n"),
	N_("  hoso set ID FIELD=VALUE ... [--if-version N] [--record R]     change fields\n"),
	N_("  hoso archive ID | hoso restore ID [--record R]   take out of the lists, or back\n"),
	N_("  hoso undo [--force] | hoso redo                  your last change, undone or redone\n"),
	N_("  hoso comment ID TEXT                             a comment on an item\n"),
	N_("  hoso export --format csv|json|xlsx [--output FILE] [--excel]\n"),
	N_("  hoso import FILE [--dry-run]                     what export wrote, checked\n"),
	N_("  hoso --help | --version\n"),
	N_("\nOptions for every command:\n"
	   "  --db FILE       the database (default: $XDG_DATA_HOME/hoso/hoso.db)\n"
	   "  --config FILE   a configuration file read after the others\n"
	   "  --read-only     never write to the database\n"),
	N_("\nStatuses: planned, in_progress, suspended, done, cancelled, overdue.\n"
	   "Kinds: task, scheme, project, pilot, event, agreement, recommendation.\n"
	   "Sort fields: no, code, title, kind, unit, due, status, progress.\n"),
	N_("ID: an item's number (12 or #12), its code, or its key (a UUID or its first 8 characters);\n"
	   "    a document's number or #no, a unit's or locality's name, or a key.\n"),
	N_("Item fields: kind, code, title, parent, lead_unit, partners, status, progress, start,\n"
	   "    due, done, year, localities, documents, targets, notes, source (see hoso(1)).\n"),
	N_("\nExit status: 0 success, 1 runtime error, 2 usage error.\n"
	   "See hoso(1) and hoso.ini(5).\n"),
};

static void usage(FILE *f)
{
	size_t i;

	for (i = 0; i < sizeof usage_lines / sizeof usage_lines[0]; i++)
		fputs(_(usage_lines[i]), f);
}

/*
 * Writes "hoso: ", prefix (trusted text, may be NULL), msg and suffix (trusted,
 * may be NULL) as one line on standard error, msg in its inert form: a file
 * name, a value or an SQLite message that holds an escape sequence shows it,
 * never sends it.
 */
static void say(const char *prefix, const char *msg, const char *suffix)
{
	char *inert = text_inert_dup(msg);

	fputs("hoso: ", stderr);
	if (prefix != NULL)
		fprintf(stderr, "%s ", prefix);
	fputs(inert != NULL ? inert : _("out of memory"), stderr);
	if (suffix != NULL)
		fprintf(stderr, " %s", suffix);
	fputc('\n', stderr);
	free(inert);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	say(NULL, n >= 0 ? msg : _("out of memory"), _("(see 'hoso --help')"));
	if (n >= 0)
		free(msg);
	return EXIT_USAGE;
}

int cli_printf(const char *fmt, ...)
{
	va_list ap;
	char *text = NULL, *line, *nl;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	for (line = text; *line != '\0'; line = nl + 1) {
		char *inert;

		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		inert = text_inert_dup(line);
		if (inert == NULL) {
			free(text);
			return -1;
		}
		fputs(inert, stdout);
		free(inert);
		if (nl == NULL)
			break;
		putchar('\n');
	}
	free(text);
	return 0;
}

int cli_bad_option(char **argv)
{
	extern int optind, optopt;
	const char *arg = argv[optind - 1];

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		return cli_usage_error(_("unknown option '-%c'"), optopt);
	if (strchr(arg, '=') == NULL && optopt != 0)
		return cli_usage_error(_("option '%s' needs a value"), arg);
	return cli_usage_error(_("unknown option '%s'"), arg);
}

int cli_fail(const struct error *e)
{
	say(NULL, e->msg, NULL);
	return e->kind == ERROR_USAGE ? EXIT_USAGE : EXIT_RUNTIME;
}

void cli_note(const char *msg)
{
	say(NULL, msg, NULL);
}

int cli_global_option(struct context *c, int opt, const char *arg, const char *command,
                      int *exit_now)
{
	switch (opt) {
	case OPT_DB:
		c->db_arg = arg;
		return 1;
	case OPT_CONFIG:
		c->config_arg = arg;
		return 1;
	case OPT_READ_ONLY:
		c->read_only = true;
		return 1;
	case OPT_HELP:
		(void)command;
		usage(stdout);
		*exit_now = EXIT_OK;
		return 1;
	default:
		return 0;
	}
}

static void warn_settings(void *ctx, const char *msg)
{
	(void)ctx;
	say(_("warning:"), msg, NULL);
}

int cli_prepare(struct context *c)
{
	struct error err = { 0 };

	if (c->config_arg != NULL && *c->config_arg == '\0')
		return cli_usage_error(_("--config: the file name is empty"));
	if (settings_load(&c->settings, c->config_arg, &err, warn_settings, NULL) != 0)
		return cli_fail(&err);
	i18n_set_language(c->settings.language);
	if (date_today(c->today, &err) != 0 || context_resolve_db(c, &err) != 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cli_hand_over(struct context *c, const char *what)
{
	char self[4096], beside[4096 + 16], *slash;
	const char *tried[2];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	int i, count = 0;

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			slash[1] = '\0';
			snprintf(beside, sizeof beside, "%shoso-render", self);
			tried[count++] = beside;
		}
	}
	tried[count++] = PKGLIBEXECDIR "/hoso-render";
	fflush(stdout);
	for (i = 0; i < count; i++) {
		if (access(tried[i], X_OK) != 0)
			continue;
		c->given[0] = (char *)tried[i];
		execv(tried[i], c->given);
		fprintf(stderr, _("hoso: %s: %s\n"), tried[i], strerror(errno));
		return EXIT_RUNTIME;
	}
	fprintf(stderr, _("hoso: %s needs hoso-render, which is not installed (looked for %s)\n"), what,
	        tried[count - 1]);
	return EXIT_RUNTIME;
}

int cli_main(int argc, char **argv, int (*fullscreen)(struct context *c),
             const struct render_writers *writers)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct context c;
	int opt, status = EXIT_OK, exit_now = -1;
	size_t i;

	context_init(&c);
	c.writers = writers;
	/* The command line as given, before getopt reorders it: hoso-render gets it (cli_hand_over). */
	c.given = calloc((size_t)argc + 1, sizeof *c.given);
	if (c.given == NULL) {
		fputs("hoso: out of memory\n", stderr);
		return EXIT_RUNTIME;
	}
	memcpy(c.given, argv, (size_t)argc * sizeof *argv);
	c.locale_state = i18n_locale_init(c.locale_note, sizeof c.locale_note, c.locale_asked,
	                                  sizeof c.locale_asked);
	i18n_init();
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (opt == OPT_VERSION) {
			printf("hoso %s\n", PACKAGE_VERSION);
			goto done;
		}
		if (cli_global_option(&c, opt, optarg, NULL, &exit_now))
			continue;
		status = cli_bad_option(argv);
		goto done;
	}
	if (exit_now >= 0) {
		status = exit_now;
		goto done;
	}
	if (optind >= argc && fullscreen == NULL) {
		status = cli_usage_error(_("hoso-render runs the commands hoso hands over to it: give one"));
		goto done;
	}
	if (optind >= argc) {
		status = cli_prepare(&c);
		if (status == EXIT_OK)
			status = fullscreen(&c);
		goto done;
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[optind], commands[i].name) == 0) {
			status = commands[i].run(&c, argc - optind, argv + optind);
			goto done;
		}
	}
	status = cli_usage_error(_("unknown command '%s'"), argv[optind]);
done:
	context_free(&c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("hoso: standard output");
		if (status == EXIT_OK)
			status = EXIT_RUNTIME;
	}
	return status;
}
