#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "itemquery.h"
#include "paths.h"
#include "seed.h"
#include "store.h"

enum { OPT_EMPTY = OPT_FIRST_COMMAND_OPTION };

int cmd_init(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "empty", no_argument, NULL, OPT_EMPTY },
		{ NULL, 0, NULL, 0 },
	};
	struct error err = { 0 };
	bool empty = false;
	int opt, status, exit_now = -1;
	long items = 0;

	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "init", &exit_now))
			continue;
		if (opt == OPT_EMPTY)
			empty = true;
		else
			return cli_bad_option(argv);
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("init: unexpected argument '%s'"), argv[optind]);
	if (c->read_only)
		return cli_usage_error(_("init: --read-only cannot make a new database"));
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (access(c->db_path, F_OK) == 0) {
		error_set(&err, ERROR_RUNTIME,
		          _("%s: already exists; 'hoso init' only makes a new database (remove the file or give another --db)"),
		          c->db_path);
		return cli_fail(&err);
	}
	if (c->db_is_default) {
		char *dir = paths_dirname(c->db_path);

		if (dir == NULL || paths_mkdir_p(dir, 0700, &err) != 0) {
			if (dir == NULL)
				error_set(&err, ERROR_RUNTIME, _("out of memory"));
			free(dir);
			return cli_fail(&err);
		}
		free(dir);
	}
	/* Built aside and linked into place: another init at the same moment wins or loses whole. */
	if (store_create(&c->store, c->db_path, empty ? seed_empty : seed_fill, NULL, STORE_NO_MIGRATE,
	                 c->settings.busy_timeout_ms, &err) != 0)
		return cli_fail(&err);
	if (item_count_all(c->store, &items, &err) != 0)
		return cli_fail(&err);
	if (empty)
		cli_printf(_("Created the empty database %s.\n"), c->db_path);
	else
		cli_printf(_("Created %s with the programme's seed data (%ld items).\n"), c->db_path, items);
	return EXIT_OK;
}
