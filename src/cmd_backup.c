#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "backup.h"
#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "store.h"

enum { OPT_RESTORE = OPT_FIRST_COMMAND_OPTION };

/* Makes the database what the copy at file holds (a missing database is made from it). */
static int restore(struct context *c, const char *file)
{
	struct error err = { 0 };
	int rc;

	if (c->read_only)
		return cli_usage_error(_("backup: --restore changes the database; it cannot be used with --read-only"));
	if (access(c->db_path, F_OK) != 0) {
		char *dir = c->db_is_default ? paths_dirname(c->db_path) : NULL;

		if (c->db_is_default && (dir == NULL || paths_mkdir_p(dir, 0700, &err) != 0)) {
			if (dir == NULL)
				error_set(&err, ERROR_RUNTIME, _("out of memory"));
			free(dir);
			return cli_fail(&err);
		}
		free(dir);
		/* Built aside from the copy and linked into place, as init does. */
		rc = store_create(&c->store, c->db_path, backup_restore_fill, (void *)file, STORE_NO_MIGRATE,
		                  c->settings.busy_timeout_ms, &err);
		if (rc != 0 && rc != STORE_CREATE_EXISTS)
			return cli_fail(&err);
	}
	/* The file as it is, not upgraded: a restore may be what an older file needs. */
	if (c->store == NULL &&
	    (store_open(&c->store, c->db_path, STORE_NO_MIGRATE, c->settings.busy_timeout_ms, &err) != 0 ||
	     backup_restore(c->store, file, &err) != 0))
		return cli_fail(&err);
	cli_printf(_("Restored %s from %s.\n"), c->db_path, file);
	return EXIT_OK;
}

int cmd_backup(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "restore", no_argument, NULL, OPT_RESTORE },
		{ NULL, 0, NULL, 0 },
	};
	struct error err = { 0 };
	int opt, status, exit_now = -1;
	bool restoring = false;

	optind = 0; /* GNU getopt starts afresh (the first pass stopped at the command) */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "backup", &exit_now))
			continue;
		if (opt == OPT_RESTORE)
			restoring = true;
		else
			return cli_bad_option(argv);
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(restoring ? _("backup --restore: give the backup file to restore")
		                                 : _("backup: give the file to write the copy to"));
	if (optind + 1 < argc)
		return cli_usage_error(_("backup: unexpected argument '%s'"), argv[optind + 1]);
	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (restoring)
		return restore(c, argv[optind]);
	/* A backup copies the file as it is: no migration, no writing. */
	if (store_open(&c->store, c->db_path, STORE_READ_ONLY | STORE_NO_MIGRATE,
	               c->settings.busy_timeout_ms, &err) != 0)
		return cli_fail(&err);
	if (backup_to(c->store, argv[optind], &err) != 0)
		return cli_fail(&err);
	cli_printf(_("Backed up %s to %s.\n"), c->db_path, argv[optind]);
	return EXIT_OK;
}
