#include "config.h"

#include <stdio.h>

#include "backup.h"
#include "cli.h"
#include "i18n.h"
#include "store.h"

int cmd_backup(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct error err = { 0 };
	int opt, status, exit_now = -1;

	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (!cli_global_option(c, opt, optarg, "backup", &exit_now))
			return cli_bad_option(argv);
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(_("backup: give the file to write the copy to"));
	if (optind + 1 < argc)
		return cli_usage_error(_("backup: unexpected argument '%s'"), argv[optind + 1]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	/* A backup copies the file as it is: no migration, no writing. */
	if (store_open(&c->store, c->db_path, STORE_READ_ONLY | STORE_NO_MIGRATE,
	               c->settings.busy_timeout_ms, &err) != 0)
		return cli_fail(&err);
	if (backup_to(c->store, argv[optind], &err) != 0)
		return cli_fail(&err);
	cli_printf(_("Backed up %s to %s.\n"), c->db_path, argv[optind]);
	return EXIT_OK;
}
