#ifndef HOSO_PATHS_H
#define HOSO_PATHS_H

/*
 * Where files live, following the XDG base directory specification: data in
 * $XDG_DATA_HOME (default ~/.local/share), configuration in $XDG_CONFIG_HOME
 * (default ~/.config), state in $XDG_STATE_HOME (default ~/.local/state). A
 * variable that is empty or not an absolute path is ignored, as the
 * specification says.
 */

#include <sys/types.h>

#include "error.h"

/*
 * The directory for kind "data", "config" or "state", with "/hoso" appended,
 * newly allocated. Returns NULL with err set when neither the variable nor
 * HOME gives an absolute path.
 */
char *paths_app_dir(const char *kind, struct error *err);

/* The default database file: <data dir>/hoso.db, newly allocated, or NULL with err. */
char *paths_default_db(struct error *err);

/* Creates dir and its missing parents with the given mode. Returns 0 or -1 with err. */
int paths_mkdir_p(const char *dir, mode_t mode, struct error *err);

/* The directory part of path, newly allocated ("." when there is none); NULL when out of memory. */
char *paths_dirname(const char *path);

/* path joined with name by one slash, newly allocated; NULL when out of memory. */
char *paths_join(const char *path, const char *name);

/* path with suffix appended ("-wal", "-shm"), newly allocated; NULL when out of memory. */
char *paths_suffixed(const char *path, const char *suffix);

#endif
