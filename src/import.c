#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "change.h"
#include "i18n.h"
#include "import.h"
#include "jsonread.h"
#include "record.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "uuid.h"
#include "validate.h"

/* ------------------------------------------------------------------ the job */

struct job {
	struct store *store;
	struct import_result *res;
	const char *path;
	/* Values a record refers to records of its own kind by: set once all of them are in. */
	struct pending {
		enum record_kind kind;
		char id[UUID_LEN + 1];
		int field;
		char *value;
		int line;
	} *pending;
	size_t npending, cap;
	/* The records added in this import (so a second pass counts them as added, not changed). */
	struct added_set {
		char (*ids)[UUID_LEN + 1];
		size_t n, cap;
	} added;
	bool failed;   /* an error in a record: nothing will be written */
};

static void problem(struct job *j, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(struct job *j, int line, const char *fmt, ...)
{
	va_list ap;
	char msg[400];
	char *inert;

	j->failed = true;
	if (j->res->nerrors >= IMPORT_MAX_ERRORS) {
		j->res->more_errors++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	inert = text_inert_dup(msg);
	snprintf(j->res->errors[j->res->nerrors++], sizeof j->res->errors[0], "%s:%d: %s", j->path, line,
	         inert != NULL ? inert : msg);
	free(inert);
}

/* ------------------------------------------------------------------ records */

static bool was_added(struct job *j, const char *id)
{
	size_t i;

	for (i = 0; i < j->added.n; i++)
		if (strcmp(j->added.ids[i], id) == 0)
			return true;
	return false;
}

static int note_added(struct job *j, const char *id)
{
	if (j->added.n == j->added.cap) {
		size_t cap = j->added.cap ? j->added.cap * 2 : 64;
		char (*ids)[UUID_LEN + 1] = realloc(j->added.ids, cap * sizeof *ids);

		if (ids == NULL)
			return -1;
		j->added.ids = ids;
		j->added.cap = cap;
	}
	snprintf(j->added.ids[j->added.n++], UUID_LEN + 1, "%s", id);
	return 0;
}

/* True when field f of kind k names another record of the same kind (set in the second pass). */
static bool self_ref(enum record_kind k, const struct field *f)
{
	return (f->type == FT_REF || f->type == FT_LINKS) && f->max == (int)k;
}

/* Saves mine (from base, or a new record when base is NULL) and counts it. */
static int save(struct job *j, int line, const struct record *base, struct record *mine, bool second_pass,
                struct error *err)
{
	struct save_result res;
	struct save_options o = { "import", false, true };
	int i;

	if (record_save(j->store, base, mine, &o, &res, err) != 0)
		return -1;
	switch (res.outcome) {
	case SAVE_DONE:
		if (base == NULL) {
			j->res->added++;
			if (note_added(j, res.id) != 0) {
				save_result_clear(&res);
				return error_set(err, ERROR_RUNTIME, _("out of memory"));
			}
		} else if (second_pass && was_added(j, res.id)) {
			/* its own key came in this file: still one record added */
		} else if (second_pass) {
			/* counted as unchanged in the first pass: it changes now */
			j->res->changed++;
			j->res->unchanged--;
		} else {
			j->res->changed++;
		}
		break;
	case SAVE_UNCHANGED:
		if (!second_pass)
			j->res->unchanged++;
		break;
	case SAVE_INVALID:
		for (i = 0; i < res.nerrors; i++)
			problem(j, line, "%s", res.errors[i].msg);
		break;
	default:
		problem(j, line, "%s", _("the record changed while it was being imported"));
		break;
	}
	save_result_clear(&res);
	return 0;
}

static int push_pending(struct job *j, enum record_kind k, const char *id, int f, const char *value, int line)
{
	struct pending *p;

	if (j->npending == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 64;
		struct pending *v = realloc(j->pending, cap * sizeof *v);

		if (v == NULL)
			return -1;
		j->pending = v;
		j->cap = cap;
	}
	p = &j->pending[j->npending];
	p->kind = k;
	snprintf(p->id, sizeof p->id, "%s", id);
	p->field = f;
	p->line = line;
	p->value = strdup(value != NULL ? value : "");
	if (p->value == NULL)
		return -1;
	j->npending++;
	return 0;
}

/*
 * One record of kind k as the file gives it: its key, and name → text for
 * the fields it gives (names NULL-terminated). Loads it when the database has
 * it, sets the fields given (checked), defers references to its own kind.
 */
static int import_record(struct job *j, enum record_kind k, int line, const char *id, char **names,
                         char **values, int n, struct error *err)
{
	struct record base, mine;
	int found, i, rc = 0;

	if (id == NULL || !uuid_valid(id)) {
		problem(j, line, _("id: '%s' is not a key (8-4-4-4-12 hexadecimal digits)"), id != NULL ? id : "");
		return 0;
	}
	found = record_load(j->store, k, id, &base, err);
	if (found < 0)
		return -1;
	record_init(&mine, k);
	if (found && record_copy(&mine, &base) != 0)
		goto oom;
	snprintf(mine.id, sizeof mine.id, "%s", id);
	for (i = 0; i < n; i++) {
		const struct field *f;
		int fi;
		char why[256], *v = NULL;

		f = field_named(k, names[i], &fi);
		if (f == NULL) {
			problem(j, line, _("'%s' is not a field of a %s"), names[i], record_kind_name(k));
			continue;
		}
		rc = field_parse(j->store, k, fi, values[i], DATE_ISO, &v, why, sizeof why, err);
		if (rc == -2)
			goto fail;
		if (rc == -1 && self_ref(k, f)) {
			/* A record of its own kind that comes later in the file: set once all are in. */
			if (push_pending(j, k, id, fi, values[i], line) != 0)
				goto oom;
			rc = 0;
			continue;
		}
		if (rc == -1) {
			problem(j, line, "%s: %s", names[i], why);
			rc = 0;
			continue;
		}
		if (record_set(&mine, fi, v) != 0) {
			free(v);
			goto oom;
		}
		free(v);
	}
	if (!j->failed)
		rc = save(j, line, found ? &base : NULL, &mine, false, err);
	record_clear(&base);
	record_clear(&mine);
	return rc;
oom:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
fail:
	record_clear(&base);
	record_clear(&mine);
	return -1;
}

/* The second pass: the references of records to others of their own kind. */
static int import_pending(struct job *j, struct error *err)
{
	size_t i = 0;

	while (i < j->npending) {
		struct pending *p = &j->pending[i];
		struct record base, mine;
		int found, line = p->line;
		size_t k;

		found = record_load(j->store, p->kind, p->id, &base, err);
		if (found < 0)
			return -1;
		if (found == 0) { /* its first pass failed: reported already */
			i++;
			continue;
		}
		record_init(&mine, p->kind);
		if (record_copy(&mine, &base) != 0) {
			record_clear(&base);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		/* Every pending value of this record, then one save. */
		for (k = i; k < j->npending && strcmp(j->pending[k].id, p->id) == 0; k++) {
			char why[256], *v = NULL;
			int n, rc = field_parse(j->store, p->kind, j->pending[k].field, j->pending[k].value, DATE_ISO, &v,
			                        why, sizeof why, err);

			if (rc == -2) {
				record_clear(&base);
				record_clear(&mine);
				return -1;
			}
			if (rc == -1)
				problem(j, j->pending[k].line, "%s: %s", fields_of(p->kind, &n)[j->pending[k].field].name, why);
			else
				record_set(&mine, j->pending[k].field, v);
			free(v);
		}
		if (!j->failed && save(j, line, &base, &mine, true, err) != 0) {
			record_clear(&base);
			record_clear(&mine);
			return -1;
		}
		record_clear(&base);
		record_clear(&mine);
		i = k;
	}
	return 0;
}

/* ------------------------------------------------------------------ JSON records */

/*
 * A string of an entry of a list (a target's text, a role) into out. 2 when
 * it holds a tab or a line break, which would cut the entry in two; a NUL
 * inside goes in as a control character, refused later.
 */
static int jv_part(const struct jv *x, struct strbuf *out)
{
	if (strpbrk(x->s, "\t\n") != NULL)
		return 2;
	strbuf_puts(out, strlen(x->s) != x->n ? "\x01" : x->s);
	return 0;
}

/*
 * The text form (record.h) of a JSON value given for field f; NULL for
 * null. 1 when its shape is wrong, 2 when a part of an entry holds a tab
 * or a line break.
 */
static int jv_text(const struct field *f, const struct jv *v, struct strbuf *out)
{
	size_t i;

	if (v->t == J_NULL)
		return 0;
	switch (f->type) {
	case FT_FLAG:
		if (v->t != J_BOOL)
			return 1;
		if (v->b)
			strbuf_puts(out, "1");
		return 0;
	case FT_YEAR:
	case FT_PERCENT:
		if (v->t != J_NUMBER && v->t != J_STRING)
			return 1;
		strbuf_puts(out, v->s);
		return 0;
	case FT_MULTI:
	case FT_LINKS:
	case FT_TARGETS:
		if (v->t != J_ARRAY)
			return 1;
		for (i = 0; i < v->count; i++) {
			const struct jv *e = &v->items[i];

			if (i > 0)
				strbuf_puts(out, "\n");
			if (f->type == FT_TARGETS) {
				static const char *const keys[] = { "text", "measure", "min", "max", "actual", "notes" };
				int k;

				if (e->t != J_OBJECT)
					return 1;
				for (k = 0; k < 6; k++) {
					const struct jv *x = jv_get(e, keys[k]);

					if (k > 0)
						strbuf_puts(out, "\t");
					if (x != NULL && x->t == J_NUMBER)
						strbuf_puts(out, x->s);
					else if (x != NULL && x->t == J_STRING && jv_part(x, out) != 0)
						return 2;
					else if (x != NULL && x->t != J_NULL && x->t != J_STRING)
						return 1;
				}
			} else if (e->t == J_STRING) {
				if (jv_part(e, out) != 0)
					return 2;
			} else if (e->t == J_OBJECT) {
				const struct jv *id = jv_get(e, f->type == FT_LINKS ? "document" : "id");
				const struct jv *word = jv_get(e, f->type == FT_LINKS ? "relation" : "role");

				if (id == NULL || id->t != J_STRING)
					return 1;
				if (jv_part(id, out) != 0)
					return 2;
				if (word != NULL && word->t == J_STRING && *word->s != '\0') {
					strbuf_puts(out, "\t");
					if (jv_part(word, out) != 0)
						return 2;
				}
			} else {
				return 1;
			}
		}
		return 0;
	default:
		if (v->t != J_STRING)
			return 1;
		if (strlen(v->s) != v->n) {
			strbuf_puts(out, "\x01"); /* a NUL inside: refused as a control character */
			return 0;
		}
		strbuf_puts(out, v->s);
		return 0;
	}
}

/* Adds the comments of an item that the database does not have yet. */
static int import_comments(struct job *j, const char *item_id, const struct jv *list, struct error *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc = 0;

	if (list == NULL || list->t != J_ARRAY || list->count == 0)
		return 0;
	if (store_prepare(j->store,
	                  "INSERT INTO comment (id, item_id, at, login, body)"
	                  " SELECT randomblob(16), ?1, hoso_time_ms(?2), ?3, ?4"
	                  " WHERE NOT EXISTS (SELECT 1 FROM comment WHERE item_id = ?1 AND at = hoso_time_ms(?2)"
	                  " AND login = ?3 AND body = ?4)",
	                  &st, err) != 0)
		return -1;
	for (i = 0; i < list->count && rc == 0; i++) {
		const struct jv *c = &list->items[i], *at = jv_get(c, "at"), *login = jv_get(c, "login"),
		                *text = jv_get(c, "text");
		char why[256];

		if (at == NULL || login == NULL || text == NULL || at->t != J_STRING || login->t != J_STRING ||
		    text->t != J_STRING || strlen(text->s) != text->n) {
			problem(j, c->line, "%s", _("comments: each needs \"at\", \"login\" and \"text\""));
			continue;
		}
		{
			char *probe = NULL;

			if (field_parse(j->store, REC_ITEM, F_ITEM_NOTES, text->s, DATE_ISO, &probe, why, sizeof why, err) == -1) {
				problem(j, c->line, _("comments: %s"), why);
				continue;
			}
			free(probe);
		}
		sqlite3_reset(st);
		store_bind_uuid(st, 1, item_id);
		sqlite3_bind_text(st, 2, at->s, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, login->s, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, text->s, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_fail(j->store, err, _("importing comments"));
	}
	sqlite3_finalize(st);
	return rc;
}

static int json_record(struct job *j, enum record_kind k, const struct jv *o, struct error *err)
{
	const struct jv *id = jv_get(o, "id");
	char **names = calloc(o->count + 1, sizeof *names), **values = calloc(o->count + 1, sizeof *values);
	int n = 0, rc = -1, shape;
	size_t i;

	if (names == NULL || values == NULL)
		goto oom;
	for (i = 0; i < o->count; i++) {
		const char *key = o->keys[i];
		const struct field *f;
		struct strbuf b = STRBUF_INIT;

		if (strcmp(key, "id") == 0 || strcmp(key, "no") == 0 || strcmp(key, "version") == 0 ||
		    (k == REC_ITEM && strcmp(key, "comments") == 0))
			continue;
		f = field_named(k, key, NULL);
		if (f == NULL) {
			problem(j, o->items[i].line, _("'%s' is not a field of a %s"), key, record_kind_name(k));
			continue;
		}
		if ((shape = jv_text(f, &o->items[i], &b)) != 0) {
			if (shape == 2)
				problem(j, o->items[i].line, _("%s: a tab or a line break inside an entry (it would cut it in two)"),
				        key);
			else
				problem(j, o->items[i].line, _("%s: a value of the wrong kind"), key);
			strbuf_free(&b);
			continue;
		}
		names[n] = (char *)key;
		values[n] = strbuf_detach(&b);
		if (values[n] == NULL)
			goto oom;
		n++;
	}
	rc = import_record(j, k, o->line, id != NULL && id->t == J_STRING ? id->s : NULL, names, values, n, err);
	if (rc == 0 && k == REC_ITEM && !j->failed && id != NULL && id->t == J_STRING)
		rc = import_comments(j, id->s, jv_get(o, "comments"), err);
	goto done;
oom:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
done:
	for (i = 0; values != NULL && i < (size_t)n; i++)
		free(values[i]);
	free(values);
	free(names);
	return rc;
}

/* The programme, when the database has none yet (a new, empty one). */
static int import_programme(struct job *j, const struct jv *o, struct error *err)
{
	static const char *const keys[] = { "id", "code", "title", "start_year", "end_year", "notes", "source" };
	sqlite3_stmt *st;
	long have = 0;
	int i, rc;
	const struct jv *id = jv_get(o, "id"), *title = jv_get(o, "title");

	if (store_query_long(j->store, "SELECT count(*) FROM programme", &have, err) != 0)
		return -1;
	if (have > 0)
		return 0;
	if (id == NULL || id->t != J_STRING || !uuid_valid(id->s) || title == NULL || title->t != J_STRING ||
	    *title->s == '\0') {
		problem(j, o->line, "%s", _("programme: it needs a key and a title"));
		return 0;
	}
	if (store_prepare(j->store, "INSERT INTO programme (id, code, title, start_year, end_year, notes, source)"
	                            " VALUES (hoso_uuid(?1), ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) != 0)
		return -1;
	for (i = 0; i < 7; i++) {
		const struct jv *v = jv_get(o, keys[i]);

		if (v == NULL || v->t == J_NULL)
			sqlite3_bind_null(st, i + 1);
		else if (v->t == J_NUMBER && (i == 3 || i == 4))
			sqlite3_bind_int64(st, i + 1, strtoll(v->s, NULL, 10));
		else if (v->t == J_STRING && i != 3 && i != 4)
			sqlite3_bind_text(st, i + 1, v->s, -1, SQLITE_STATIC);
		else
			problem(j, v->line, _("programme: %s: a value of the wrong kind"), keys[i]);
	}
	rc = j->failed ? SQLITE_DONE : sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(j->store, err, _("importing the programme"));
}

static int import_json(struct job *j, struct reader *r, struct error *err)
{
	struct jerr e = { 0, "" };
	static const struct {
		const char *key;
		enum record_kind k;
	} parts[] = {
		{ "units", REC_UNIT }, { "localities", REC_LOCALITY }, { "documents", REC_DOCUMENT }, { "items", REC_ITEM },
	};

	if (r->c != '{') {
		problem(j, r->line, "%s", _("a JSON export starts with '{'"));
		return 0;
	}
	reader_advance(r);
	for (;;) {
		struct strbuf key = STRBUF_INIT;
		size_t p;
		int which = -1;

		json_skip_space(r);
		if (r->c == '}')
			break;
		if (r->c != '"' || json_parse_string(r, &key, &e) != 0) {
			strbuf_free(&key);
			json_fail(&e, r, _("a name in quotes was expected"));
			break;
		}
		json_skip_space(r);
		if (r->c != ':') {
			strbuf_free(&key);
			json_fail(&e, r, _("':' was expected after a name"));
			break;
		}
		reader_advance(r);
		for (p = 0; p < sizeof parts / sizeof parts[0]; p++)
			if (strcmp(strbuf_str(&key), parts[p].key) == 0)
				which = (int)p;
		if (which >= 0) {
			/* The records of one kind, one at a time. */
			json_skip_space(r);
			if (r->c != '[') {
				strbuf_free(&key);
				json_fail(&e, r, _("a list of records was expected"));
				break;
			}
			reader_advance(r);
			json_skip_space(r);
			while (r->c != ']') {
				struct jv v = { 0 };

				if (json_parse_value(r, &v, 1, &e) != 0) {
					jv_free(&v);
					break;
				}
				if (v.t != J_OBJECT)
					problem(j, v.line, "%s", _("a record (an object in braces) was expected"));
				else if (json_record(j, parts[which].k, &v, err) != 0) {
					jv_free(&v);
					strbuf_free(&key);
					return -1;
				}
				jv_free(&v);
				json_skip_space(r);
				if (r->c == ',') {
					reader_advance(r);
					json_skip_space(r);
				} else if (r->c != ']') {
					json_fail(&e, r, _("',' or ']' was expected"));
					break;
				}
			}
			if (e.msg[0] != '\0') {
				strbuf_free(&key);
				break;
			}
			reader_advance(r);
		} else {
			struct jv v = { 0 };
			bool known = strcmp(strbuf_str(&key), "format") == 0 || strcmp(strbuf_str(&key), "version") == 0 ||
			             strcmp(strbuf_str(&key), "schema") == 0 || strcmp(strbuf_str(&key), "exported_at") == 0 ||
			             strcmp(strbuf_str(&key), "programme") == 0;
			int line = r->line;

			if (json_parse_value(r, &v, 1, &e) != 0) {
				jv_free(&v);
				strbuf_free(&key);
				break;
			}
			if (!known)
				problem(j, line, _("'%s' is not part of a hoso export"), strbuf_str(&key));
			else if (strcmp(strbuf_str(&key), "programme") == 0 && v.t == J_OBJECT &&
			         import_programme(j, &v, err) != 0) {
				jv_free(&v);
				strbuf_free(&key);
				return -1;
			}
			else if (strcmp(strbuf_str(&key), "format") == 0 &&
			         (v.t != J_STRING || strcmp(v.s, "hoso-export") != 0))
				problem(j, line, "%s", _("this is not a hoso export (its \"format\" is not \"hoso-export\")"));
			jv_free(&v);
		}
		strbuf_free(&key);
		json_skip_space(r);
		if (r->c == ',') {
			reader_advance(r);
			continue;
		}
		if (r->c != '}')
			json_fail(&e, r, _("',' or '}' was expected"));
		break;
	}
	if (e.msg[0] == '\0') {
		reader_advance(r);
		json_skip_space(r);
		if (r->c != EOF)
			json_fail(&e, r, _("more after the end of the export"));
	}
	if (e.msg[0] != '\0')
		problem(j, e.line, "%s", e.msg);
	return 0;
}

/* ------------------------------------------------------------------ CSV */

/* Reads one CSV record (RFC 4180) into fields. Returns the number of fields, 0 at the end, -1 malformed. */
static int csv_record(struct reader *r, char ***fields, int *cap, int *line, const char **why)
{
	int n = 0;
	struct strbuf b = STRBUF_INIT;

	*line = r->line;
	if (r->c == EOF)
		return 0;
	for (;;) {
		bool quoted = false;

		strbuf_reset(&b);
		strbuf_puts(&b, "");
		if (r->c == '"') {
			quoted = true;
			reader_advance(r);
			for (;;) {
				if (r->c == EOF) {
					*why = _("the file ends inside a quoted field");
					goto bad;
				}
				if (r->c == '"') {
					reader_advance(r);
					if (r->c != '"')
						break;
				}
				if (b.len >= READ_FIELD_MAX) {
					*why = _("a field longer than 1 MiB");
					goto bad;
				}
				strbuf_add(&b, (char[]){ (char)r->c }, 1);
				reader_advance(r);
			}
			if (r->c != ',' && r->c != '\r' && r->c != '\n' && r->c != EOF) {
				*why = _("text after the closing quote of a field");
				goto bad;
			}
		} else {
			while (r->c != ',' && r->c != '\r' && r->c != '\n' && r->c != EOF) {
				if (r->c == '"') {
					*why = _("a quote inside a field that is not quoted");
					goto bad;
				}
				if (b.len >= READ_FIELD_MAX) {
					*why = _("a field longer than 1 MiB");
					goto bad;
				}
				strbuf_add(&b, (char[]){ (char)r->c }, 1);
				reader_advance(r);
			}
		}
		(void)quoted;
		if (n == *cap) {
			int ncap = *cap ? *cap * 2 : 32;
			char **v = realloc(*fields, (size_t)ncap * sizeof *v);

			if (v == NULL) {
				*why = _("out of memory");
				goto bad;
			}
			memset(v + *cap, 0, (size_t)(ncap - *cap) * sizeof *v);
			*fields = v;
			*cap = ncap;
		}
		free((*fields)[n]);
		(*fields)[n++] = strbuf_detach(&b);
		if (r->c == ',') {
			reader_advance(r);
			continue;
		}
		if (r->c == '\r')
			reader_advance(r);
		if (r->c == '\n')
			reader_advance(r);
		break;
	}
	strbuf_free(&b);
	return n;
bad:
	strbuf_free(&b);
	return -1;
}

static int import_csv(struct job *j, struct reader *r, struct error *err)
{
	char **head = NULL, **row = NULL;
	int hcap = 0, rcap = 0, nhead, n, line, i, rc = 0;
	const char *why = NULL;
	char **names = NULL;

	nhead = csv_record(r, &head, &hcap, &line, &why);
	if (nhead <= 0) {
		problem(j, line, "%s", nhead < 0 ? why : _("the file is empty"));
		goto done;
	}
	if (strcmp(head[0], "id") != 0) {
		problem(j, line, "%s", _("the first column must be 'id' (a CSV export of hoso's items)"));
		goto done;
	}
	for (i = 1; i < nhead; i++)
		if (strcmp(head[i], "no") != 0 && strcmp(head[i], "version") != 0 && field_named(REC_ITEM, head[i], NULL) == NULL)
			problem(j, line, _("'%s' is not a field of an item"), head[i]);
	if (j->failed)
		goto done;
	names = calloc((size_t)nhead + 1, sizeof *names);
	if (names == NULL) {
		rc = error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	while ((n = csv_record(r, &row, &rcap, &line, &why)) != 0) {
		char **vals;
		int k = 0;

		if (n < 0) {
			problem(j, line, "%s", why);
			break; /* the rest cannot be read reliably */
		}
		if (n == 1 && row[0][0] == '\0')
			continue; /* an empty line */
		if (n != nhead) {
			problem(j, line, _("%d fields where the header has %d"), n, nhead);
			continue;
		}
		vals = calloc((size_t)nhead + 1, sizeof *vals);
		if (vals == NULL) {
			rc = error_set(err, ERROR_RUNTIME, _("out of memory"));
			break;
		}
		for (i = 1; i < nhead; i++) {
			if (strcmp(head[i], "no") == 0 || strcmp(head[i], "version") == 0)
				continue;
			names[k] = head[i];
			vals[k++] = row[i];
		}
		rc = import_record(j, REC_ITEM, line, row[0], names, vals, k, err);
		free(vals);
		if (rc != 0)
			break;
	}
done:
	for (i = 0; i < hcap; i++)
		free(head[i]);
	for (i = 0; i < rcap; i++)
		free(row[i]);
	free(head);
	free(row);
	free(names);
	return rc;
}

/* ------------------------------------------------------------------ the file */

int import_file(struct store *s, const char *path, bool dry_run, struct import_result *res, struct error *err)
{
	struct job j;
	struct reader r;
	int rc;
	size_t i;

	memset(res, 0, sizeof *res);
	memset(&j, 0, sizeof j);
	j.store = s;
	j.res = res;
	j.path = path;
	r.f = fopen(path, "rb");
	r.path = path;
	r.line = 1;
	if (r.f == NULL)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read the file: %s"), path, strerror(errno));
	r.c = getc(r.f);
	store_exec(s, "PRAGMA cache_size = -32768", NULL);
	if (store_begin_whole(s, err) != 0) {
		fclose(r.f);
		return -1;
	}
	if (r.c == 0xEF) {
		/* A byte-order mark: CSV from Excel has one; JSON may not. */
		reader_advance(&r);
		if (r.c != 0xBB || (reader_advance(&r), r.c != 0xBF)) {
			problem(&j, 1, "%s", _("not UTF-8 text"));
			goto end;
		}
		reader_advance(&r);
		if (r.c == '{') {
			problem(&j, 1, "%s", _("a byte-order mark before the JSON: JSON has none (save it as UTF-8 without one)"));
			goto end;
		}
	}
	while (r.c == ' ' || r.c == '\n' || r.c == '\r' || r.c == '\t')
		reader_advance(&r);
	rc = r.c == '{' ? import_json(&j, &r, err) : import_csv(&j, &r, err);
	if (rc != 0)
		goto fail;
	if (ferror(r.f)) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot read the file: %s"), path, strerror(errno));
		goto fail;
	}
	if (!j.failed && import_pending(&j, err) != 0)
		goto fail;
end:
	if (j.failed || dry_run)
		store_rollback(s);
	else if (store_commit(s, err) != 0)
		goto fail_committed;
	rc = 0;
	goto done;
fail:
	store_rollback(s);
fail_committed:
	rc = -1;
done:
	fclose(r.f);
	for (i = 0; i < j.npending; i++)
		free(j.pending[i].value);
	free(j.pending);
	free(j.added.ids);
	return rc;
}
