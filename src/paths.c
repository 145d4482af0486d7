#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return NULL;
}

char *paths_app_dir(const char *kind, struct error *err)
{
	const char *var, *fallback, *value, *home;
	char *out = NULL;

	if (strcmp(kind, "data") == 0) {
		var = "XDG_DATA_HOME";
		fallback = ".local/share";
	} else if (strcmp(kind, "config") == 0) {
		var = "XDG_CONFIG_HOME";
		fallback = ".config";
	} else {
		var = "XDG_STATE_HOME";
		fallback = ".local/state";
	}
	value = getenv(var);
	if (value != NULL && value[0] == '/') {
		if (asprintf(&out, "%s/hoso", value) < 0)
			out = NULL;
	} else {
		home = home_dir();
		if (home == NULL) {
			error_set(err, ERROR_RUNTIME,
			          _("cannot tell where your files go: neither $%s nor $HOME is set to an absolute path"),
			          var);
			return NULL;
		}
		if (asprintf(&out, "%s/%s/hoso", home, fallback) < 0)
			out = NULL;
	}
	if (out == NULL)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return out;
}

char *paths_default_db(struct error *err)
{
	char *dir = paths_app_dir("data", err), *path;

	if (dir == NULL)
		return NULL;
	path = paths_join(dir, "hoso.db");
	free(dir);
	if (path == NULL)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return path;
}

int paths_mkdir_p(const char *dir, mode_t mode, struct error *err)
{
	char *copy = strdup(dir), *p;
	struct stat st;

	if (copy == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		{
			char c = *p;

			*p = '\0';
			if (mkdir(copy, mode) != 0 && errno != EEXIST) {
				error_set(err, ERROR_RUNTIME, _("cannot create the directory %s: %s"), copy,
				          strerror(errno));
				free(copy);
				return -1;
			}
			if (stat(copy, &st) != 0 || !S_ISDIR(st.st_mode)) {
				error_set(err, ERROR_RUNTIME, _("cannot create the directory %s: %s"), copy,
				          _("a file of that name is in the way"));
				free(copy);
				return -1;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(copy);
	return 0;
}

char *paths_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *paths_join(const char *path, const char *name)
{
	char *out;
	size_t n = strlen(path);

	if (asprintf(&out, "%s%s%s", path, n > 0 && path[n - 1] == '/' ? "" : "/", name) < 0)
		return NULL;
	return out;
}

char *paths_suffixed(const char *path, const char *suffix)
{
	char *out;

	if (asprintf(&out, "%s%s", path, suffix) < 0)
		return NULL;
	return out;
}
