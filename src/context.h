#ifndef HOSO_CONTEXT_H
#define HOSO_CONTEXT_H

/*
 * What every command and screen works with: the settings, the database,
 * the date taken as today, and how the program was started. One is made in
 * main and passed down; there are no globals.
 */

#include <stdbool.h>

#include "error.h"
#include "settings.h"

struct render_writers;
struct store;

struct context {
	struct settings settings;
	const char *db_arg;     /* --db, or NULL */
	const char *config_arg; /* --config, or NULL */
	bool read_only;         /* --read-only */
	char *db_path;          /* resolved by context_open_store; owned */
	bool db_is_default;     /* the path came from the XDG default */
	char today[11];         /* YYYY-MM-DD */
	struct store *store;    /* NULL until opened */
	char locale_note[256];  /* "" or a note on the locale fallback */
	char locale_asked[128]; /* the locale the environment asked for */
	int locale_state;       /* enum locale_state (i18n.h) */
	const struct render_writers *writers; /* NULL: hoso-render writes PDF and xlsx (render.h) */
	char **given;           /* the command line as given (NULL-terminated; owned) */
};

/* Zeroes c and fills the settings' defaults. */
void context_init(struct context *c);

/*
 * Decides the database path: --db, else $HOSO_DB, else [database] path,
 * else the default in the data directory. Returns 0 or -1 with err set.
 */
int context_resolve_db(struct context *c, struct error *err);

/*
 * Opens the database (flags as store_open; STORE_READ_ONLY is added for
 * --read-only). When the path is the default one and no file is there yet,
 * creates the directory and a seeded database first, and says so through
 * note (may be NULL). Returns 0 or -1 with err set.
 */
int context_open_store(struct context *c, unsigned flags,
                       void (*note)(const char *msg), struct error *err);

/* Closes the database and frees what c owns. */
void context_free(struct context *c);

#endif
