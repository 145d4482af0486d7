#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "i18n.h"
#include "store.h"

/* The findings of l in words, indented, and how many more there are. */
static void say_list(const struct check_list *l)
{
	int i;

	for (i = 0; i < l->shown; i++)
		cli_printf("                 %s\n", l->line[i]);
	if (l->count > l->shown)
		printf(_("                 … and %ld more\n"), l->count - l->shown);
}

enum { OPT_QUICK = OPT_FIRST_COMMAND_OPTION };

/* The line on standard error that says a long check is working. */
struct progress_line {
	double start, drawn;
	double delay;           /* seconds before it shows: 1, or $HOSO_PROGRESS_DELAY_MS */
	int step;
	bool shown;
};

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Once the check has run a second: the step and the time, one line rewritten in place. */
static void on_progress(void *ctx, const char *what, int step, int steps)
{
	struct progress_line *p = ctx;
	double now = seconds_now();

	if (now - p->start < p->delay || (step == p->step && now - p->drawn < 0.25))
		return;
	/* TRANSLATORS: a line rewritten in place while hoso check runs: step 3/6, what it checks, seconds so far. */
	fprintf(stderr, "\r\033[K");
	fprintf(stderr, _("Checking %d/%d: %s… %.0f s"), step, steps, what, now - p->start);
	fflush(stderr);
	p->drawn = now;
	p->step = step;
	p->shown = true;
}

/* A duration for a clerk: seconds under two minutes, else minutes. */
static void duration(long seconds, char *out, size_t n)
{
	if (seconds < 120)
		snprintf(out, n, _("%ld s"), seconds);
	else
		snprintf(out, n, _("%ld min"), (seconds + 30) / 60);
}

/* Before a check of a large file: about how long it may take, from the file's size. */
static void say_estimate(const char *path, bool quick)
{
	struct stat st;
	long full, fast;
	char a[32], b[32];

	if (stat(path, &st) != 0)
		return;
	full = check_estimate_seconds((long long)st.st_size, false);
	fast = check_estimate_seconds((long long)st.st_size, true);
	if ((quick ? fast : full) < 5)
		return;
	duration(full, a, sizeof a);
	duration(fast, b, sizeof b);
	if (quick)
		fprintf(stderr, _("hoso: checking a file of %lld MB may take about %s\n"),
		        (long long)st.st_size / 1000000, b);
	else
		fprintf(stderr, _("hoso: checking a file of %lld MB may take about %s ('hoso check --quick': about %s)\n"),
		        (long long)st.st_size / 1000000, a, b);
}

int cmd_check(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "quick", no_argument, NULL, OPT_QUICK },
		{ NULL, 0, NULL, 0 },
	};
	struct check_report r;
	struct check_options co = { 0 };
	struct progress_line line = { 0 };
	struct error err = { 0 };
	int opt, status, exit_now = -1, rc;

	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == OPT_QUICK)
			co.quick = true;
		else if (!cli_global_option(c, opt, optarg, "check", &exit_now))
			return cli_bad_option(argv);
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("check: unexpected argument '%s'"), argv[optind]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	/* Look at the file as it is: no migration, no seed. */
	if (store_open(&c->store, c->db_path, STORE_NO_MIGRATE | (c->read_only ? STORE_READ_ONLY : 0),
	               c->settings.busy_timeout_ms, &err) != 0)
		return cli_fail(&err);
	say_estimate(c->db_path, co.quick);
	if (isatty(STDERR_FILENO)) {
		const char *delay = getenv("HOSO_PROGRESS_DELAY_MS");

		line.start = seconds_now();
		line.delay = delay != NULL && *delay != '\0' ? atof(delay) / 1000 : 1.0;
		co.progress = on_progress;
		co.ctx = &line;
	}
	rc = check_run(c->store, &co, &r, &err);
	if (line.shown) {
		fputs("\r\033[K", stderr); /* the progress line goes */
		fflush(stderr);
	}
	if (rc != 0)
		return cli_fail(&err);

	cli_printf(_("Database:        %s\n"), c->db_path);
	if (r.schema_version > r.schema_latest)
		printf(_("Schema version:  %d — newer than this hoso knows (%d): use a newer hoso\n"),
		       r.schema_version, r.schema_latest);
	else if (r.schema_version < r.schema_latest)
		printf(_("Schema version:  %d — older than this hoso's (%d): it is upgraded when hoso opens it\n"),
		       r.schema_version, r.schema_latest);
	else
		printf(_("Schema version:  %d (current)\n"), r.schema_version);
	if (r.integrity_ok && r.quick)
		printf(_("Integrity:       ok (quick check: the indexes were not compared with their tables)\n"));
	else if (r.integrity_ok)
		printf(_("Integrity:       ok\n"));
	else
		cli_printf(_("Integrity:       DAMAGED: %s\n"), r.integrity);
	if (r.missing_table[0] != '\0')
		cli_printf(_("Tables:          '%s' is MISSING (changed outside hoso); restore the file from a backup\n"),
		           r.missing_table);
	if (r.refs.count == 0)
		printf(_("References:      ok\n"));
	else
		printf(_("References:      %ld broken\n"), r.refs.count);
	say_list(&r.refs);
	if (r.search_index == 1)
		printf(_("Search index:    ok\n"));
	else if (r.search_index == 0)
		printf(_("Search index:    DAMAGED (rebuild it in the sqlite3 shell: INSERT INTO item_fts(item_fts) VALUES('rebuild');)\n"));
	else
		printf(_("Search index:    not checked (read-only)\n"));
	if (r.integrity_ok && r.schema_version >= 1 && r.missing_table[0] == '\0') {
		if (r.tree.count == 0)
			printf(_("Tree:            ok\n"));
		else
			printf(_("Tree:            %ld items not in the tree (%ld in a cycle of parents, %ld under a missing parent, %ld below those); the list with a search or filter shows them, and 'hoso show' each one\n"),
			       r.cycle_items + r.orphan_items + r.below_items, r.cycle_items, r.orphan_items, r.below_items);
		say_list(&r.tree);
		if (r.values.count == 0)
			printf(_("Values:          ok\n"));
		else
			printf(_("Values:          %ld that hoso does not accept\n"), r.values.count);
		say_list(&r.values);
		printf(_("Items:           %ld (and %ld archived)\n"), r.items, r.archived);
		printf(_("Documents:       %ld\n"), r.documents);
		printf(_("Units:           %ld\n"), r.units);
		printf(_("Localities:      %ld\n"), r.localities);
		printf(_("Comments:        %ld\n"), r.comments);
		if (r.schema_version >= 3)
			printf(_("Changes:         %ld (history rows: %ld)\n"), r.changes, r.history);
		else
			printf(_("History rows:    %ld\n"), r.history);
		if (r.tally_ok == 1)
			printf(_("Kept counts:     ok\n"));
		else if (r.tally_ok == 0)
			printf(_("Kept counts:     WRONG (changed outside hoso); the totals on the screens are off until they are made again\n"));
	}
	if (!check_ok(&r)) {
		error_set(&err, ERROR_RUNTIME, "%s: %s", c->db_path, _("the check found problems"));
		return cli_fail(&err);
	}
	return EXIT_OK;
}
