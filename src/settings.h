#ifndef HOSO_SETTINGS_H
#define HOSO_SETTINGS_H

/*
 * The configuration: INI files read with iniparser, in this order, each
 * overriding what the one before set:
 *   the system file ($HOSO_SYSTEM_CONFIG, else the one configure chose,
 *   /etc/hoso/hoso.ini by default),
 *   the user's file ($XDG_CONFIG_HOME/hoso/hoso.ini, ~/.config by default),
 *   the file given with --config (which must exist),
 * then $HOSO_DB for the database path; the command line comes last and is
 * applied by the caller.
 *
 * Every value is read as a string and validated here. A file that cannot be
 * read or parsed, or a bad value, fails with one line naming the file, the
 * line and the key. An unknown section or key is reported as a warning.
 * What is not a regular file (a FIFO, a device), a file over
 * SETTINGS_FILE_MAX bytes and a file with a NUL byte are refused unread.
 */

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* The largest configuration file read, in bytes (hoso.ini(5) says so). */
#define SETTINGS_FILE_MAX 65536

enum ui_language { LANGUAGE_AUTO, LANGUAGE_VI, LANGUAGE_EN };
enum ui_colour { COLOUR_AUTO, COLOUR_ON, COLOUR_OFF };
/* default: dark colours, light ones when the terminal says its background is light. */
enum ui_theme { THEME_DEFAULT, THEME_DARK, THEME_LIGHT, THEME_MONO };
enum date_style { DATE_DMY, DATE_ISO }; /* dd/mm/yyyy or yyyy-mm-dd */

/* One line of the [keys] section, kept raw: the screen code validates it. */
struct key_setting {
	char *action; /* the key as written, lower-cased by iniparser */
	char *keys;   /* the value: one or more key names */
	char *file;   /* where it was set, for messages */
	int line;     /* 0 when unknown */
};

struct settings {
	char *db_path;        /* NULL: the default data directory */
	char *db_path_source; /* the file or variable that set db_path */
	long busy_timeout_ms; /* [database] busy_timeout, 0..600000 */
	enum ui_language language;
	enum ui_theme theme;
	enum ui_colour colour;
	enum date_style date_format;
	char *print_command; /* [print] command; NULL: "lp" */
	char *user_name;     /* [user] name: who the history says saved; NULL: the login name */
	struct key_setting *keys;
	size_t nkeys;
};

/* Receives one warning line (no newline). */
typedef void (*settings_warn_fn)(void *ctx, const char *msg);

#define SETTINGS_DEFAULT_BUSY_TIMEOUT_MS 5000L
#define SETTINGS_DEFAULT_PRINT_COMMAND "lp"

/* Fills c with the defaults; c must not hold allocated values. */
void settings_defaults(struct settings *c);

/*
 * Reads the INI file at path into c, overriding the values it sets. When the
 * file does not exist, returns 0 if must_exist is false. Returns 0 on
 * success, -1 with err set (kind ERROR_RUNTIME) otherwise; then c keeps what
 * it held before the call. warn (may be NULL) gets each warning.
 */
int settings_read_file(struct settings *c, const char *path, bool must_exist,
                     struct error *err, settings_warn_fn warn, void *ctx);

/*
 * Fills c: the defaults, then the system file, the user's file, the file at
 * explicit_path (if not NULL; it must exist), then $HOSO_DB. Returns 0 or -1
 * with err set.
 */
int settings_load(struct settings *c, const char *explicit_path, struct error *err,
                settings_warn_fn warn, void *ctx);

/* The user's configuration file path, newly allocated; NULL if HOME is unknown. */
char *settings_user_path(void);

/* The system configuration file path ($HOSO_SYSTEM_CONFIG or the built-in). */
const char *settings_system_path(void);

/* Frees what c holds and resets it to the defaults. */
void settings_free(struct settings *c);

/*
 * Names of every section:key the configuration knows, NULL-terminated, for
 * documentation checks and warnings. [keys] takes any action name.
 */
extern const char *const settings_known_keys[];

#endif
