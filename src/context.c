#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "context.h"
#include "i18n.h"
#include "paths.h"
#include "seed.h"
#include "store.h"

void context_init(struct context *c)
{
	memset(c, 0, sizeof *c);
	settings_defaults(&c->settings);
}

int context_resolve_db(struct context *c, struct error *err)
{
	free(c->db_path);
	c->db_path = NULL;
	c->db_is_default = false;
	if (c->db_arg != NULL) {
		if (*c->db_arg == '\0')
			return error_set(err, ERROR_USAGE, _("--db: the file name is empty"));
		c->db_path = strdup(c->db_arg);
	} else if (c->settings.db_path != NULL) {
		/* $HOSO_DB or [database] path, as settings_load applied them */
		c->db_path = strdup(c->settings.db_path);
	} else {
		c->db_path = paths_default_db(err);
		if (c->db_path == NULL)
			return -1;
		c->db_is_default = true;
	}
	if (c->db_path == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	return 0;
}

static int open_store(struct context *c, unsigned flags, void (*note)(const char *msg),
                      struct error *err)
{
	if (c->db_path == NULL && context_resolve_db(c, err) != 0)
		return -1;
	if (c->read_only)
		flags |= STORE_READ_ONLY;
	if (c->db_is_default && !(flags & STORE_READ_ONLY) && access(c->db_path, F_OK) != 0) {
		char *dir = paths_dirname(c->db_path);
		int rc;

		if (dir == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		rc = paths_mkdir_p(dir, 0700, err);
		free(dir);
		if (rc != 0)
			return -1;
		switch (store_create(&c->store, c->db_path, seed_fill, NULL, flags | STORE_NO_MIGRATE,
		                     c->settings.busy_timeout_ms, err)) {
		case 0:
			break;
		case STORE_CREATE_EXISTS: /* another hoso made it meanwhile */
			return store_open(&c->store, c->db_path, flags, c->settings.busy_timeout_ms, err);
		default:
			return -1;
		}
		if (note != NULL) {
			char msg[1200];

			snprintf(msg, sizeof msg, _("created %s with the programme's seed data"), c->db_path);
			note(msg);
		}
		return 0;
	}
	return store_open(&c->store, c->db_path, flags, c->settings.busy_timeout_ms, err);
}

int context_open_store(struct context *c, unsigned flags,
                       void (*note)(const char *msg), struct error *err)
{
	if (open_store(c, flags, note, err) != 0)
		return -1;
	store_set_login(c->store, c->settings.user_name);
	return 0;
}

void context_free(struct context *c)
{
	store_close(&c->store);
	free(c->db_path);
	c->db_path = NULL;
	free(c->given);
	c->given = NULL;
	settings_free(&c->settings);
}
