#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "draft.h"
#include "i18n.h"
#include "paths.h"
#include "strbuf.h"
#include "text.h"

void draft_init(struct draft *d, enum record_kind k)
{
	memset(d, 0, sizeof *d);
	d->kind = k;
	record_init(&d->base, k);
}

void draft_clear(struct draft *d)
{
	int i;

	if (d == NULL)
		return;
	free(d->db);
	free(d->path);
	free(d->comment);
	record_clear(&d->base);
	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		free(d->typed[i]);
	draft_init(d, d->kind);
}

char *draft_dir(struct error *err)
{
	char *data = paths_app_dir("data", err), *dir;

	if (data == NULL)
		return NULL;
	dir = paths_join(data, "drafts");
	free(data);
	if (dir == NULL)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return dir;
}

char *draft_db_name(const char *path)
{
	char *real = realpath(path, NULL);

	return real != NULL ? real : strdup(path);
}

/* FNV-1a: the database's part of a draft's file name. */
static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

char *draft_file(const char *dir, const char *db, enum record_kind k, const char *key,
                 const char *token)
{
	char *out = NULL;
	int rc;

	if (key != NULL && *key != '\0')
		rc = asprintf(&out, "%s/%016llx-%s-%s.draft", dir, (unsigned long long)hash(db),
		              record_table(k), key);
	else
		rc = asprintf(&out, "%s/%016llx-%s-new-%s.draft", dir, (unsigned long long)hash(db),
		              record_table(k), token != NULL ? token : "0");
	return rc < 0 ? NULL : out;
}

char *draft_comment_file(const char *dir, const char *db, const char *item_id)
{
	char *out = NULL;

	if (asprintf(&out, "%s/%016llx-comment-%s.draft", dir, (unsigned long long)hash(db), item_id) < 0)
		return NULL;
	return out;
}

/* ------------------------------------------------------------------ writing */

static void put_escaped(struct strbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')
			strbuf_puts(b, "\\\\");
		else if (c == '\n')
			strbuf_puts(b, "\\n");
		else if (c == '\t')
			strbuf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			strbuf_printf(b, "\\x%02x", c);
		else
			strbuf_add(b, s, 1);
	}
}

int draft_write(const char *path, const struct draft *d, struct error *err)
{
	struct strbuf b = STRBUF_INIT;
	struct atomicfile f;
	char *dir;
	int n, i, rc;
	const struct field *fs = fields_of(d->kind, &n);

	dir = paths_dirname(path);
	if (dir == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	rc = paths_mkdir_p(dir, 0700, err);
	free(dir);
	if (rc != 0)
		return -1;
	strbuf_printf(&b, "hoso-draft %d\ndb ", DRAFT_FORMAT);
	put_escaped(&b, d->db != NULL ? d->db : "");
	strbuf_puts(&b, "\nlogin ");
	put_escaped(&b, d->login);
	strbuf_printf(&b, "\nkind %s\nid %s\nno %ld\nversion %ld\nsaved %lld\n", record_table(d->kind), d->id,
	              d->no, d->version, d->saved_ms);
	if (d->comment != NULL) {
		strbuf_puts(&b, "comment ");
		put_escaped(&b, d->comment);
		strbuf_puts(&b, "\n");
	}
	for (i = 0; i < n; i++) {
		if (record_get(&d->base, i) != NULL) {
			strbuf_printf(&b, "base %s ", fs[i].name);
			put_escaped(&b, record_get(&d->base, i));
			strbuf_puts(&b, "\n");
		}
	}
	for (i = 0; i < n; i++) {
		if (d->typed[i] != NULL) {
			strbuf_printf(&b, "typed %s ", fs[i].name);
			put_escaped(&b, d->typed[i]);
			strbuf_puts(&b, "\n");
		}
	}
	strbuf_puts(&b, "end\n");
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (atomicfile_open(&f, path, 0600, err) != 0) {
		strbuf_free(&b);
		return -1;
	}
	fwrite(b.s, 1, b.len, f.fp);
	strbuf_free(&b);
	if (atomicfile_commit(&f, err) != 0) {
		atomicfile_abort(&f);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ reading */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Unescapes s into a new string; NULL when an escape is bad or a byte is not allowed. */
static char *unescape(const char *s, bool *oom)
{
	size_t n = strlen(s), o = 0, i;
	char *out = malloc(n + 1);

	*oom = out == NULL;
	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			goto bad; /* written escaped: a raw one is damage */
		if (c != '\\') {
			out[o++] = (char)c;
			continue;
		}
		switch (s[++i]) {
		case '\\':
			out[o++] = '\\';
			break;
		case 'n':
			out[o++] = '\n';
			break;
		case 't':
			out[o++] = '\t';
			break;
		case 'x': {
			int h = hexval(s[i + 1]), l = h >= 0 ? hexval(s[i + 2]) : -1;

			if (h < 0 || l < 0 || (h == 0 && l == 0))
				goto bad;
			out[o++] = (char)(h * 16 + l);
			i += 2;
			break;
		}
		default:
			goto bad;
		}
	}
	out[o] = '\0';
	if (!utf8_valid(out, o))
		goto bad;
	return out;
bad:
	free(out);
	return NULL;
}

static bool parse_number(const char *s, long long *out)
{
	char *end;

	if (*s == '\0')
		return false;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && *out >= 0;
}

int draft_read(const char *path, struct draft *d, char *why, size_t whysz)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, rc = -1;
	bool ended = false, have_kind = false;
	struct stat st;

	draft_init(d, REC_ITEM);
	fp = fopen(path, "re");
	if (fp == NULL) {
		snprintf(why, whysz, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whysz, "%s", _("not a regular file"));
		fclose(fp);
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		char *key = line, *value;
		long long num;
		bool oom = false;

		lineno++;
		if (ended) {
			snprintf(why, whysz, _("line %d: something after the end"), lineno);
			goto done;
		}
		if (len == 0 || line[len - 1] != '\n') {
			snprintf(why, whysz, _("line %d: cut short (the draft was not written whole)"), lineno);
			goto done;
		}
		line[--len] = '\0';
		if ((size_t)len != strlen(line)) {
			snprintf(why, whysz, _("line %d: holds a NUL byte"), lineno);
			goto done;
		}
		if (lineno == 1) {
			if (strncmp(line, "hoso-draft ", 11) != 0) {
				snprintf(why, whysz, "%s", _("not a draft of hoso"));
				goto done;
			}
			if (!parse_number(line + 11, &num) || num != DRAFT_FORMAT) {
				snprintf(why, whysz, _("a draft of another version of hoso (format %s)"), line + 11);
				goto done;
			}
			continue;
		}
		if (strcmp(line, "end") == 0) {
			ended = true;
			continue;
		}
		value = strchr(line, ' ');
		if (value == NULL) {
			snprintf(why, whysz, _("line %d: not 'key value'"), lineno);
			goto done;
		}
		*value++ = '\0';
		if (strcmp(key, "base") == 0 || strcmp(key, "typed") == 0) {
			char *sp = strchr(value, ' '), *v;
			int f;

			if (!have_kind) {
				snprintf(why, whysz, _("line %d: a field before the kind of record"), lineno);
				goto done;
			}
			if (sp != NULL)
				*sp++ = '\0';
			if (field_named(d->kind, value, &f) == NULL) {
				snprintf(why, whysz, _("line %d: a %s has no field '%s'"), lineno, record_kind_name(d->kind),
				         value);
				goto done;
			}
			v = unescape(sp != NULL ? sp : "", &oom);
			if (v == NULL)
				goto bad_value;
			if (key[0] == 'b') {
				rc = record_set(&d->base, f, v);
				free(v);
				if (rc != 0) {
					rc = -1;
					oom = true;
					goto bad_value;
				}
				rc = -1;
			} else {
				free(d->typed[f]);
				d->typed[f] = v;
			}
			continue;
		}
		if (strcmp(key, "db") == 0 || strcmp(key, "login") == 0 || strcmp(key, "comment") == 0) {
			char *v = unescape(value, &oom);

			if (v == NULL)
				goto bad_value;
			if (key[0] == 'd') {
				free(d->db);
				d->db = v;
			} else if (key[0] == 'c') {
				free(d->comment);
				d->comment = v;
			} else {
				snprintf(d->login, sizeof d->login, "%s", v);
				free(v);
			}
		} else if (strcmp(key, "kind") == 0) {
			enum record_kind k = record_kind_parse(value);

			if (k == REC_COUNT || have_kind) {
				snprintf(why, whysz, _("line %d: '%s' is no kind of record"), lineno, value);
				goto done;
			}
			d->kind = k;
			d->base.kind = k;
			have_kind = true;
		} else if (strcmp(key, "id") == 0) {
			if (*value != '\0' && !uuid_valid(value)) {
				snprintf(why, whysz, _("line %d: '%s' is not a key"), lineno, value);
				goto done;
			}
			snprintf(d->id, sizeof d->id, "%s", value);
			snprintf(d->base.id, sizeof d->base.id, "%s", value);
		} else if (strcmp(key, "no") == 0 || strcmp(key, "version") == 0 || strcmp(key, "saved") == 0) {
			if (!parse_number(value, &num)) {
				snprintf(why, whysz, _("line %d: '%s' is not a number"), lineno, value);
				goto done;
			}
			if (key[0] == 'n')
				d->no = d->base.no = (long)num;
			else if (key[0] == 'v')
				d->version = d->base.version = (long)num;
			else
				d->saved_ms = num;
		} else {
			snprintf(why, whysz, _("line %d: unknown line '%s'"), lineno, key);
			goto done;
		}
		continue;
bad_value:
		if (oom)
			snprintf(why, whysz, "%s", _("out of memory"));
		else
			snprintf(why, whysz, _("line %d: a value that is damaged (a bad escape, a control byte or not UTF-8)"),
			         lineno);
		goto done;
	}
	if (ferror(fp)) {
		snprintf(why, whysz, "%s", strerror(errno));
		goto done;
	}
	if (lineno == 0) {
		snprintf(why, whysz, "%s", _("empty"));
		goto done;
	}
	if (!ended) {
		snprintf(why, whysz, "%s", _("cut short (the draft was not written whole)"));
		goto done;
	}
	if (!have_kind || d->db == NULL || d->db[0] == '\0') {
		snprintf(why, whysz, "%s", _("the database or the kind of record is missing"));
		goto done;
	}
	if (d->id[0] == '\0' && d->version != 0) {
		snprintf(why, whysz, "%s", _("a version without a record"));
		goto done;
	}
	if (d->comment != NULL && (d->kind != REC_ITEM || d->id[0] == '\0')) {
		snprintf(why, whysz, "%s", _("a comment without its item"));
		goto done;
	}
	d->path = strdup(path);
	rc = d->path != NULL ? 0 : -1;
	if (rc != 0)
		snprintf(why, whysz, "%s", _("out of memory"));
done:
	free(line);
	fclose(fp);
	if (rc != 0)
		draft_clear(d);
	return rc;
}

/* ------------------------------------------------------------------ finding */

static int by_time(const void *a, const void *b)
{
	const struct draft *x = a, *y = b;

	return x->saved_ms < y->saved_ms ? -1 : x->saved_ms > y->saved_ms ? 1 : 0;
}

int draft_find(const char *dir, const char *db, const char *login, struct draft **out, int *n,
               int *bad, char *note, size_t notesz, struct error *err)
{
	DIR *dh;
	struct dirent *e;
	char prefix[32];
	int cap = 0;

	*out = NULL;
	*n = 0;
	*bad = 0;
	if (notesz > 0)
		note[0] = '\0';
	dh = opendir(dir);
	if (dh == NULL) {
		if (errno == ENOENT)
			return 0;
		return error_set(err, ERROR_RUNTIME, "%s: %s", dir, strerror(errno));
	}
	snprintf(prefix, sizeof prefix, "%016llx-", (unsigned long long)hash(db));
	while ((e = readdir(dh)) != NULL) {
		size_t len = strlen(e->d_name);
		char why[256], *path;
		struct draft d;

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || len < 6 ||
		    strcmp(e->d_name + len - 6, ".draft") != 0)
			continue;
		path = paths_join(dir, e->d_name);
		if (path == NULL)
			goto oom;
		if (draft_read(path, &d, why, sizeof why) != 0) {
			if (*bad == 0 && notesz > 0)
				snprintf(note, notesz, "%s: %s", path, why);
			(*bad)++;
			free(path);
			continue;
		}
		free(path);
		if (strcmp(d.db, db) != 0 || (login != NULL && strcmp(d.login, login) != 0)) {
			draft_clear(&d); /* another database, or another clerk's */
			continue;
		}
		if (*n == cap) {
			struct draft *v = realloc(*out, (size_t)(cap = cap ? cap * 2 : 4) * sizeof *v);

			if (v == NULL) {
				draft_clear(&d);
				goto oom;
			}
			*out = v;
		}
		(*out)[(*n)++] = d;
	}
	closedir(dh);
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, by_time);
	return 0;
oom:
	closedir(dh);
	while (*n > 0)
		draft_clear(&(*out)[--*n]);
	free(*out);
	*out = NULL;
	return error_set(err, ERROR_RUNTIME, _("out of memory"));
}

int draft_remove(const char *path)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return -1;
	return 0;
}
