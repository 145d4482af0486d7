#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "detailtext.h"
#include "i18n.h"
#include "itemdetail.h"
#include "store.h"
#include "text.h"

/* Writes s in its inert form (never raw to a terminal). */
static void put_inert(const char *s)
{
	char *inert = text_inert_dup(s);

	if (inert == NULL)
		return;
	fputs(inert, stdout);
	free(inert);
}

static void print_line(const struct dline *l, int lw)
{
	switch (l->kind) {
	case DL_FIELD:
		put_inert(l->label);
		printf(":%*s ", lw - text_width(l->label), "");
		put_inert(l->text);
		break;
	case DL_ENTRY:
	case DL_NOTE:
		fputs("  ", stdout);
		put_inert(l->text);
		break;
	default:
		put_inert(l->text);
		break;
	}
	putchar('\n');
}

/* Prints one sub-item as it is read: a million of them are never held at once. */
static int print_child(void *ctx, const struct detail_child *c)
{
	struct dlines one = { 0 };

	(void)ctx;
	if (dlines_child(&one, c) == NULL)
		return 1;
	print_line(&one.v[0], 0);
	dlines_free(&one);
	return 0;
}

int cmd_show(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct item_detail d;
	struct dlines lines = { 0 };
	struct error err = { 0 };
	int opt, status, exit_now = -1, rc, i, lw;
	long no = 0;

	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (!cli_global_option(c, opt, optarg, "show", &exit_now))
			return cli_bad_option(argv);
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(_("show: which item? give its number, code or key"));
	if (optind + 1 < argc)
		return cli_usage_error(_("show: unexpected argument '%s'"), argv[optind + 1]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);
	rc = item_resolve(c->store, argv[optind], &no, &err);
	if (rc <= 0)
		return cli_fail(&err);
	/* The sub-items are counted, then streamed where their note would be. */
	rc = item_detail_load(c->store, no, c->today, -1, 0, &d, &err);
	if (rc < 0)
		return cli_fail(&err);
	if (rc == 0) {
		error_set(&err, ERROR_RUNTIME, _("no item number %ld"), no);
		return cli_fail(&err);
	}
	if (item_children_count(c->store, d.id, &d.children.total, &err) != 0) {
		item_detail_free(&d);
		return cli_fail(&err);
	}
	if (detail_lines(&d, c->settings.date_format, &lines) != 0) {
		item_detail_free(&d);
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
		return cli_fail(&err);
	}
	lw = dlines_label_width(&lines);
	for (i = 0; i < lines.n; i++) {
		if (!lines.v[i].more_children) {
			print_line(&lines.v[i], lw);
			continue;
		}
		rc = item_children_each(c->store, d.id, c->today, print_child, NULL, &err);
		if (rc > 0)
			error_set(&err, ERROR_RUNTIME, _("out of memory"));
		if (rc != 0) {
			dlines_free(&lines);
			item_detail_free(&d);
			return cli_fail(&err);
		}
	}
	dlines_free(&lines);
	item_detail_free(&d);
	return EXIT_OK;
}
