#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "i18n.h"
#include "paths.h"
#include "settings.h"

/* iniparser refuses a whole file with a line this long or longer. */
#define INI_LINE_MAX 1022

const char *const settings_known_keys[] = {
	"database:path", "database:busy_timeout", "ui:language", "ui:theme", "ui:colours",
	"ui:date_format", "print:command", "user:name", "keys:*", NULL,
};

static const char *const known_sections[] = { "database", "ui", "print", "user", "keys", NULL };

/*
 * iniparser reports syntax errors through a callback without a context
 * pointer, so the last message waits here until the load returns.
 */
static char ini_error[1200];

static int capture_error(const char *fmt, ...)
{
	va_list ap;
	size_t used = strlen(ini_error);

	va_start(ap, fmt);
	if (used < sizeof ini_error)
		vsnprintf(ini_error + used, sizeof ini_error - used, fmt, ap);
	va_end(ap);
	return 0;
}

void settings_defaults(struct settings *c)
{
	memset(c, 0, sizeof *c);
	c->busy_timeout_ms = SETTINGS_DEFAULT_BUSY_TIMEOUT_MS;
	c->language = LANGUAGE_AUTO;
	c->theme = THEME_DEFAULT;
	c->colour = COLOUR_AUTO;
	c->date_format = DATE_DMY;
}

static void free_keys(struct key_setting *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(keys[i].action);
		free(keys[i].keys);
		free(keys[i].file);
	}
	free(keys);
}

void settings_free(struct settings *c)
{
	free(c->db_path);
	free(c->db_path_source);
	free(c->print_command);
	free(c->user_name);
	free_keys(c->keys, c->nkeys);
	settings_defaults(c);
}

/* ------------------------------------------------------------------ where keys are */

struct located {
	char section[64];
	char key[128];
	int line;
};

struct linemap {
	struct located *v;
	size_t n, cap;
};

static void trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
}

static void lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

static int map_add(struct linemap *m, const char *section, const char *key, int line)
{
	if (m->n == m->cap) {
		size_t cap = m->cap != 0 ? m->cap * 2 : 32;
		struct located *v = realloc(m->v, cap * sizeof *v);

		if (v == NULL)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	snprintf(m->v[m->n].section, sizeof m->v[m->n].section, "%s", section);
	snprintf(m->v[m->n].key, sizeof m->v[m->n].key, "%s", key);
	m->v[m->n].line = line;
	m->n++;
	return 0;
}

/* The line of the last "key =" in [section] (iniparser keeps the last), or 0. */
static int map_line(const struct linemap *m, const char *section, const char *key)
{
	size_t i;
	int line = 0;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].section, section) == 0 &&
		    (key == NULL ? m->v[i].key[0] == '\0' : strcmp(m->v[i].key, key) == 0))
			line = m->v[i].line;
	return line;
}

/*
 * Reads the text of the file (len bytes at text) as iniparser will, to find
 * what it cannot say: the line of each key, a byte-order mark, a line too
 * long, keys outside any section.
 */
static int scan(const char *path, const char *text, size_t len_text, struct linemap *m,
                struct error *err, settings_warn_fn warn, void *ctx)
{
	FILE *f;
	char line[4096];
	char section[64] = "";
	int no = 0;

	if (len_text == 0)
		return 0;
	f = fmemopen((void *)text, len_text, "r");
	if (f == NULL)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read: %s"), path, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		size_t len = strlen(line);
		char *eq;

		no++;
		if (no == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			fclose(f);
			return error_set(err, ERROR_RUNTIME,
			                 _("%s:1: the file starts with a byte-order mark; save it as UTF-8 without BOM"),
			                 path);
		}
		if (len >= INI_LINE_MAX || (len == sizeof line - 1 && line[len - 1] != '\n')) {
			fclose(f);
			return error_set(err, ERROR_RUNTIME,
			                 _("%s:%d: the line is too long (hoso reads lines of up to %d bytes)"),
			                 path, no, INI_LINE_MAX - 2);
		}
		trim(line);
		if (line[0] == '\0' || line[0] == ';' || line[0] == '#')
			continue;
		if (line[0] == '[') {
			char *end = strchr(line, ']');

			if (end != NULL) {
				*end = '\0';
				snprintf(section, sizeof section, "%.63s", line + 1);
				trim(section);
				lower(section);
				if (map_add(m, section, "", no) != 0)
					goto oom;
			}
			continue;
		}
		eq = strchr(line, '=');
		if (eq == NULL)
			continue; /* iniparser reports it */
		*eq = '\0';
		trim(line);
		lower(line);
		if (section[0] == '\0') {
			if (warn != NULL) {
				char msg[1400];

				snprintf(msg, sizeof msg, _("%s:%d: '%s' is outside any [section] (ignored)"),
				         path, no, line);
				warn(ctx, msg);
			}
			continue;
		}
		if (map_add(m, section, line, no) != 0)
			goto oom;
	}
	fclose(f);
	return 0;
oom:
	fclose(f);
	return error_set(err, ERROR_RUNTIME, _("out of memory"));
}

/* ------------------------------------------------------------------ values */

struct reading {
	const char *path;
	const struct linemap *map;
	struct error *err;
};

static int bad(struct reading *r, const char *section, const char *key, const char *value,
               const char *what)
{
	return error_set(r->err, ERROR_RUNTIME, "%s:%d: [%s] %s: \"%s\" %s", r->path,
	                 map_line(r->map, section, key), section, key, value, what);
}

static int parse_choice(struct reading *r, const char *section, const char *key, const char *value,
                        const char *const *names, const int *values, int *out, const char *what)
{
	int i;

	for (i = 0; names[i] != NULL; i++) {
		if (strcasecmp(value, names[i]) == 0) {
			*out = values[i];
			return 0;
		}
	}
	return bad(r, section, key, value, what);
}

static int parse_ms(struct reading *r, const char *value, long *out)
{
	const char *p = value;
	long v = 0;

	if (*p == '\0')
		return bad(r, "database", "busy_timeout", value, _("is empty: give a whole number of milliseconds (0 to 600000)"));
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || v > 600000)
			return bad(r, "database", "busy_timeout", value,
			           _("is not a whole number of milliseconds (0 to 600000)"));
		v = v * 10 + (*p - '0');
	}
	if (v > 600000)
		return bad(r, "database", "busy_timeout", value,
		           _("is not a whole number of milliseconds (0 to 600000)"));
	*out = v;
	return 0;
}

static char *resolve_path(const char *ini, const char *value)
{
	char *out = NULL, *dir;
	const char *home = getenv("HOME");

	if (strncmp(value, "~/", 2) == 0 && home != NULL && *home != '\0') {
		if (asprintf(&out, "%s/%s", home, value + 2) < 0)
			out = NULL;
		return out;
	}
	if (value[0] == '/')
		return strdup(value);
	dir = paths_dirname(ini);
	if (dir == NULL)
		return NULL;
	out = paths_join(dir, value);
	free(dir);
	return out;
}

static bool known_key(const char *section, const char *key)
{
	char full[256];
	int i;

	if (strcmp(section, "keys") == 0)
		return true;
	snprintf(full, sizeof full, "%s:%s", section, key);
	for (i = 0; settings_known_keys[i] != NULL; i++)
		if (strcmp(full, settings_known_keys[i]) == 0)
			return true;
	return false;
}

static bool known_section(const char *section)
{
	int i;

	for (i = 0; known_sections[i] != NULL; i++)
		if (strcmp(section, known_sections[i]) == 0)
			return true;
	return false;
}

/* Sets or replaces the [keys] line for one action in the list. */
static int set_key(struct key_setting **keys, size_t *n, const char *action, const char *value,
                   const char *file, int line)
{
	struct key_setting *k = NULL, *v;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*keys)[i].action, action) == 0)
			k = &(*keys)[i];
	if (k == NULL) {
		v = realloc(*keys, (*n + 1) * sizeof *v);
		if (v == NULL)
			return -1;
		*keys = v;
		k = &v[(*n)++];
		memset(k, 0, sizeof *k);
		k->action = strdup(action);
		if (k->action == NULL)
			return -1;
	}
	free(k->keys);
	free(k->file);
	k->keys = strdup(value);
	k->file = strdup(file);
	k->line = line;
	return k->keys == NULL || k->file == NULL ? -1 : 0;
}

static int copy_keys(struct key_setting **dst, size_t *n, const struct key_setting *src, size_t m)
{
	size_t i;

	*dst = NULL;
	*n = 0;
	for (i = 0; i < m; i++)
		if (set_key(dst, n, src[i].action, src[i].keys, src[i].file, src[i].line) != 0)
			return -1;
	return 0;
}

static int apply(struct settings *t, dictionary *d, struct reading *r, settings_warn_fn warn,
                 void *ctx)
{
	static const char *const languages[] = { "vi", "en", "auto", NULL };
	static const int language_values[] = { LANGUAGE_VI, LANGUAGE_EN, LANGUAGE_AUTO };
	static const char *const themes[] = { "default", "dark", "light", "mono", NULL };
	static const int theme_values[] = { THEME_DEFAULT, THEME_DARK, THEME_LIGHT, THEME_MONO };
	static const char *const colours[] = { "auto", "on", "off", "yes", "no", "true", "false", "1", "0", NULL };
	static const int colour_values[] = { COLOUR_AUTO, COLOUR_ON, COLOUR_OFF, COLOUR_ON, COLOUR_OFF,
	                                     COLOUR_ON, COLOUR_OFF, COLOUR_ON, COLOUR_OFF };
	static const char *const dates[] = { "dd/mm/yyyy", "yyyy-mm-dd", NULL };
	static const int date_values[] = { DATE_DMY, DATE_ISO };
	int nsec = iniparser_getnsec(d), i, v;
	const char *s;

	for (i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		int nkeys = iniparser_getsecnkeys(d, sec), k;
		const char **keys;

		if (!known_section(sec)) {
			if (warn != NULL) {
				char msg[1400];

				snprintf(msg, sizeof msg, _("%s:%d: unknown section [%s] (ignored)"), r->path,
				         map_line(r->map, sec, NULL), sec);
				warn(ctx, msg);
			}
			continue;
		}
		if (nkeys <= 0)
			continue;
		keys = calloc((size_t)nkeys, sizeof *keys);
		if (keys == NULL)
			return error_set(r->err, ERROR_RUNTIME, _("out of memory"));
		iniparser_getseckeys(d, sec, keys);
		for (k = 0; k < nkeys; k++) {
			const char *key = strchr(keys[k], ':') != NULL ? strchr(keys[k], ':') + 1 : keys[k];
			int line = map_line(r->map, sec, key);

			if (strcmp(sec, "keys") == 0) {
				s = iniparser_getstring(d, keys[k], "");
				if (set_key(&t->keys, &t->nkeys, key, s != NULL ? s : "", r->path, line) != 0) {
					free(keys);
					return error_set(r->err, ERROR_RUNTIME, _("out of memory"));
				}
				continue;
			}
			if (!known_key(sec, key) && warn != NULL) {
				char msg[1400];

				snprintf(msg, sizeof msg, _("%s:%d: unknown key '%s' in [%s] (ignored)"), r->path,
				         line, key, sec);
				warn(ctx, msg);
			}
		}
		free(keys);
	}

	if ((s = iniparser_getstring(d, "database:path", NULL)) != NULL) {
		char *p;

		if (*s == '\0')
			return bad(r, "database", "path", s, _("is empty: give the database file"));
		p = resolve_path(r->path, s);
		if (p == NULL)
			return error_set(r->err, ERROR_RUNTIME, _("out of memory"));
		free(t->db_path);
		free(t->db_path_source);
		t->db_path = p;
		t->db_path_source = strdup(r->path);
	}
	if ((s = iniparser_getstring(d, "database:busy_timeout", NULL)) != NULL &&
	    parse_ms(r, s, &t->busy_timeout_ms) != 0)
		return -1;
	if ((s = iniparser_getstring(d, "ui:language", NULL)) != NULL) {
		if (parse_choice(r, "ui", "language", s, languages, language_values, &v,
		                 _("is not a language hoso speaks (vi, en or auto)")) != 0)
			return -1;
		t->language = (enum ui_language)v;
	}
	if ((s = iniparser_getstring(d, "ui:theme", NULL)) != NULL) {
		if (parse_choice(r, "ui", "theme", s, themes, theme_values, &v,
		                 _("is not a theme (default, dark, light or mono)")) != 0)
			return -1;
		t->theme = (enum ui_theme)v;
	}
	if ((s = iniparser_getstring(d, "ui:colours", NULL)) != NULL) {
		if (parse_choice(r, "ui", "colours", s, colours, colour_values, &v,
		                 _("should be auto, on or off")) != 0)
			return -1;
		t->colour = (enum ui_colour)v;
	}
	if ((s = iniparser_getstring(d, "ui:date_format", NULL)) != NULL) {
		if (parse_choice(r, "ui", "date_format", s, dates, date_values, &v,
		                 _("is not a date format (dd/mm/yyyy or yyyy-mm-dd)")) != 0)
			return -1;
		t->date_format = (enum date_style)v;
	}
	if ((s = iniparser_getstring(d, "user:name", NULL)) != NULL) {
		const char *p;

		if (*s == '\0' || strlen(s) > 60)
			return bad(r, "user", "name", s, _("should be a name of 1 to 60 characters"));
		for (p = s; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return bad(r, "user", "name", s, _("holds a control character"));
		free(t->user_name);
		t->user_name = strdup(s);
		if (t->user_name == NULL)
			return error_set(r->err, ERROR_RUNTIME, _("out of memory"));
	}
	if ((s = iniparser_getstring(d, "print:command", NULL)) != NULL) {
		if (*s == '\0')
			return bad(r, "print", "command", s, _("is empty: give the command a printed screen is sent to"));
		free(t->print_command);
		t->print_command = strdup(s);
		if (t->print_command == NULL)
			return error_set(r->err, ERROR_RUNTIME, _("out of memory"));
	}
	return 0;
}

/* Turns iniparser's "syntax error in FILE (N):\n-> LINE" into one line. */
static int syntax_error(const char *path, struct error *err)
{
	const char *open = strrchr(ini_error, '(');
	const char *arrow = strstr(ini_error, "-> ");
	int line = open != NULL ? atoi(open + 1) : 0;
	char text[200] = "";

	if (arrow != NULL) {
		size_t n = strcspn(arrow + 3, "\n");

		snprintf(text, sizeof text, "%.*s", (int)(n < sizeof text - 1 ? n : sizeof text - 1), arrow + 3);
	}
	if (line > 0)
		return error_set(err, ERROR_RUNTIME, _("%s:%d: syntax error: \"%s\" (expected [section] or key = value)"),
		                 path, line, text);
	return error_set(err, ERROR_RUNTIME, _("%s: cannot be read as an INI file"), path);
}

/* True when st is the null device (the idiom for "no configuration"). */
static bool is_dev_null(const struct stat *st)
{
	struct stat null;

	return stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) && null.st_rdev == st->st_rdev;
}

/*
 * Opens path once and reads it whole into *text (len bytes, NUL added; the
 * caller frees it), refusing what is not a regular file (a FIFO, a device:
 * opened without blocking, never read; /dev/null reads as empty), a file
 * over SETTINGS_FILE_MAX bytes and NUL bytes. *fd stays open on it (the
 * caller closes it). Returns 0, 1 when there is nothing to read (no file
 * where none is needed, or /dev/null), or -1 with err set.
 */
static int read_whole(const char *path, bool must_exist, char **text, size_t *len, int *fd,
                      struct error *err)
{
	struct stat st;
	size_t n = 0;
	char *buf, *nul;

	*text = NULL;
	*len = 0;
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0) {
		if (errno == ENOENT && !must_exist)
			return 1;
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read: %s"), path, strerror(errno));
	}
	if (fstat(*fd, &st) != 0)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read: %s"), path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read: it is a directory"), path);
	if (S_ISCHR(st.st_mode) && is_dev_null(&st))
		return 1; /* /dev/null: no configuration, as an empty file */
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: not a regular file (a FIFO, a device …); a configuration must be a file"), path);
	if (st.st_size > SETTINGS_FILE_MAX)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: too large for a configuration file (%lld bytes; at most %d)"),
		                 path, (long long)st.st_size, SETTINGS_FILE_MAX);
	buf = malloc(SETTINGS_FILE_MAX + 2);
	if (buf == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	/* Read one byte past the bound: a file that grew meanwhile is refused too. */
	while (n < SETTINGS_FILE_MAX + 1) {
		ssize_t r = read(*fd, buf + n, SETTINGS_FILE_MAX + 1 - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return error_set(err, ERROR_RUNTIME, _("%s: cannot read: %s"), path, strerror(errno));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > SETTINGS_FILE_MAX) {
		free(buf);
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: too large for a configuration file (%lld bytes; at most %d)"),
		                 path, (long long)n, SETTINGS_FILE_MAX);
	}
	if ((nul = memchr(buf, '\0', n)) != NULL) {
		int line = 1;
		const char *p;

		for (p = buf; p < nul; p++)
			line += *p == '\n';
		free(buf);
		return error_set(err, ERROR_RUNTIME, _("%s:%d: a NUL byte: this is not a text file"), path, line);
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int settings_read_file(struct settings *c, const char *path, bool must_exist,
                       struct error *err, settings_warn_fn warn, void *ctx)
{
	struct linemap map = { 0 };
	struct settings t;
	struct reading r = { path, &map, err };
	char *text = NULL, again[64];
	size_t len;
	dictionary *d;
	int rc = -1, fd = -1;

	switch (read_whole(path, must_exist, &text, &len, &fd, err)) {
	case 0:
		break;
	case 1:
		return 0;
	default:
		goto done;
	}
	if (scan(path, text, len, &map, err, warn, ctx) != 0)
		goto done;
	ini_error[0] = '\0';
	iniparser_set_error_callback(capture_error);
	/* The file already opened and checked, not whatever path names by now. */
	snprintf(again, sizeof again, "/proc/self/fd/%d", fd);
	d = iniparser_load(access(again, R_OK) == 0 ? again : path);
	if (d == NULL) {
		syntax_error(path, err);
		goto done;
	}
	/* Work on a copy, so that a bad value leaves c as it was. */
	t = *c;
	t.db_path = c->db_path != NULL ? strdup(c->db_path) : NULL;
	t.db_path_source = c->db_path_source != NULL ? strdup(c->db_path_source) : NULL;
	t.print_command = c->print_command != NULL ? strdup(c->print_command) : NULL;
	t.user_name = c->user_name != NULL ? strdup(c->user_name) : NULL;
	if (copy_keys(&t.keys, &t.nkeys, c->keys, c->nkeys) != 0) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		t.keys = NULL;
		t.nkeys = 0;
		settings_free(&t);
		iniparser_freedict(d);
		goto done;
	}
	rc = apply(&t, d, &r, warn, ctx);
	iniparser_freedict(d);
	if (rc != 0) {
		settings_free(&t);
		goto done;
	}
	settings_free(c);
	*c = t;
done:
	if (fd >= 0)
		close(fd);
	free(text);
	free(map.v);
	return rc;
}

char *settings_user_path(void)
{
	struct error err;
	char *dir = paths_app_dir("config", &err), *path;

	if (dir == NULL)
		return NULL;
	path = paths_join(dir, "hoso.ini");
	free(dir);
	return path;
}

const char *settings_system_path(void)
{
	const char *env = getenv("HOSO_SYSTEM_CONFIG");

	return env != NULL && *env != '\0' ? env : SYSTEM_CONFIG;
}

int settings_load(struct settings *c, const char *explicit_path, struct error *err,
                  settings_warn_fn warn, void *ctx)
{
	const char *env = getenv("HOSO_DB");
	char *user;

	settings_free(c);
	if (settings_read_file(c, settings_system_path(), false, err, warn, ctx) != 0)
		return -1;
	user = settings_user_path();
	if (user != NULL) {
		int rc = settings_read_file(c, user, false, err, warn, ctx);

		free(user);
		if (rc != 0)
			return -1;
	}
	if (explicit_path != NULL && settings_read_file(c, explicit_path, true, err, warn, ctx) != 0)
		return -1;
	if (env != NULL && *env != '\0') {
		free(c->db_path);
		free(c->db_path_source);
		c->db_path = strdup(env);
		c->db_path_source = strdup("HOSO_DB");
		if (c->db_path == NULL || c->db_path_source == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	return 0;
}
