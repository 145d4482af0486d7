#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "record.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"

void record_init(struct record *r, enum record_kind k)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
}

void record_clear(struct record *r)
{
	int i;

	if (r == NULL)
		return;
	for (i = 0; i < RECORD_MAX_FIELDS; i++)
		free(r->v[i]);
	record_init(r, r->kind);
}

int record_copy(struct record *dst, const struct record *src)
{
	int i;

	record_clear(dst);
	dst->kind = src->kind;
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->no = src->no;
	dst->version = src->version;
	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		if (src->v[i] != NULL && (dst->v[i] = strdup(src->v[i])) == NULL) {
			record_clear(dst);
			return -1;
		}
	}
	return 0;
}

int record_set(struct record *r, int f, const char *value)
{
	char *copy = NULL;

	if (value != NULL && *value != '\0' && (copy = strdup(value)) == NULL)
		return -1;
	free(r->v[f]);
	r->v[f] = copy;
	return 0;
}

const char *record_get(const struct record *r, int f)
{
	return r->v[f];
}

bool record_same(const struct record *a, const struct record *b, int f)
{
	const char *x = a->v[f] != NULL ? a->v[f] : "", *y = b->v[f] != NULL ? b->v[f] : "";

	return strcmp(x, y) == 0;
}

/* ------------------------------------------------------------------ loading */

/* A column value as the canonical text of a field of type t. */
static int column_value(sqlite3_stmt *st, int i, const struct field *f, char **out)
{
	char buf[64];
	const char *text = NULL;

	*out = NULL;
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return 0;
	switch (f->type) {
	case FT_CHOICE:
		text = choice_code((enum choice_list)f->max, sqlite3_column_int(st, i));
		if (text == NULL) {
			/* A value set outside hoso: kept as its number, which the checks refuse. */
			snprintf(buf, sizeof buf, "%d", sqlite3_column_int(st, i));
			text = buf;
		}
		break;
	case FT_REF: {
		char id[UUID_LEN + 1];

		store_column_uuid(st, i, id);
		snprintf(buf, sizeof buf, "%s", id);
		text = buf;
		break;
	}
	case FT_FLAG:
		/* Canonical: "1", or empty for not set. */
		text = sqlite3_column_int64(st, i) != 0 ? "1" : NULL;
		break;
	case FT_YEAR:
	case FT_PERCENT:
		snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(st, i));
		text = buf;
		break;
	default:
		text = (const char *)sqlite3_column_text(st, i);
		break;
	}
	if (text == NULL || *text == '\0')
		return 0;
	*out = strdup(text);
	return *out == NULL ? -1 : 0;
}

/* The SQL that reads the lines of a field kept in a table of its own, for the record ?1. */
static const char *lines_sql(enum record_kind k, const struct field *f)
{
	if (k == REC_ITEM && strcmp(f->name, "partners") == 0)
		return "SELECT unit_id, role FROM item_partner WHERE item_id = ?1 ORDER BY unit_id";
	if (k == REC_ITEM && strcmp(f->name, "localities") == 0)
		return "SELECT locality_id, NULL FROM item_locality WHERE item_id = ?1 ORDER BY locality_id";
	if (k == REC_ITEM && strcmp(f->name, "documents") == 0)
		return "SELECT document_id, NULL FROM item_document WHERE item_id = ?1 ORDER BY document_id";
	if (k == REC_DOCUMENT && strcmp(f->name, "links") == 0)
		return "SELECT l.to_id, r.code FROM document_link l JOIN doc_relation r ON r.id = l.relation"
		       " WHERE l.from_id = ?1 ORDER BY l.to_id, r.code";
	if (k == REC_ITEM && strcmp(f->name, "targets") == 0)
		return "SELECT description, measure, min_value, max_value, actual, notes FROM target"
		       " WHERE item_id = ?1 ORDER BY position, id";
	return NULL;
}

/* A number of a target as text: "" for NULL, the shortest exact form otherwise. */
static void number_text(struct strbuf *b, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return;
	strbuf_printf(b, "%.15g", sqlite3_column_double(st, i));
}

/* Reads the lines of field f of record id (multi-valued fields and targets). */
static int load_lines(struct store *s, enum record_kind k, const struct field *f, const char *id,
                      char **out, struct error *err)
{
	const char *sql = lines_sql(k, f);
	struct strbuf b = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc, c;

	*out = NULL;
	if (sql == NULL)
		return 0;
	if (store_cached(s, sql, &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b.len > 0)
			strbuf_puts(&b, "\n");
		if (f->type == FT_TARGETS) {
			for (c = 0; c < 6; c++) {
				if (c > 0)
					strbuf_puts(&b, "\t");
				if (c >= 2 && c <= 4)
					number_text(&b, st, c);
				else if (sqlite3_column_text(st, c) != NULL)
					strbuf_puts(&b, (const char *)sqlite3_column_text(st, c));
			}
		} else {
			char key[UUID_LEN + 1];

			store_column_uuid(st, 0, key);
			strbuf_puts(&b, key);
			if (sqlite3_column_type(st, 1) != SQLITE_NULL && *(const char *)sqlite3_column_text(st, 1))
				strbuf_printf(&b, "\t%s", (const char *)sqlite3_column_text(st, 1));
		}
	}
	store_release(s, st);
	if (rc != SQLITE_DONE) {
		strbuf_free(&b);
		return store_fail(s, err, _("reading a record"));
	}
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (b.len > 0)
		*out = strbuf_detach(&b);
	strbuf_free(&b);
	return 0;
}

/* Loads the record matching "WHERE <where>" with ?1 bound by bind. */
static int load_where(struct store *s, enum record_kind k, const char *where, const char *id, long no,
                      struct record *out, struct error *err)
{
	const struct field *fs;
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int n, i, rc, col;
	bool numbered = k == REC_ITEM || k == REC_DOCUMENT;

	record_init(out, k);
	fs = fields_of(k, &n);
	strbuf_printf(&sql, "SELECT id, %s, version", numbered ? "no" : "0");
	for (i = 0; i < n; i++)
		if (fs[i].column != NULL)
			strbuf_printf(&sql, ", \"%s\"", fs[i].column);
	strbuf_printf(&sql, " FROM \"%s\" WHERE %s", record_table(k), where);
	if (sql.failed) {
		strbuf_free(&sql);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = store_cached(s, strbuf_str(&sql), &st, err);
	strbuf_free(&sql);
	if (rc != 0)
		return -1;
	if (id != NULL)
		store_bind_uuid(st, 1, id);
	else
		sqlite3_bind_int64(st, 1, no);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		store_release(s, st);
		return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading a record"));
	}
	store_column_uuid(st, 0, out->id);
	out->no = (long)sqlite3_column_int64(st, 1);
	out->version = (long)sqlite3_column_int64(st, 2);
	for (i = 0, col = 3; i < n; i++) {
		if (fs[i].column == NULL)
			continue;
		if (column_value(st, col++, &fs[i], &out->v[i]) != 0) {
			store_release(s, st);
			record_clear(out);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
	}
	store_release(s, st);
	for (i = 0; i < n; i++) {
		if (fs[i].column == NULL && load_lines(s, k, &fs[i], out->id, &out->v[i], err) != 0) {
			record_clear(out);
			return -1;
		}
	}
	return 1;
}

int record_load(struct store *s, enum record_kind k, const char *id, struct record *out,
                struct error *err)
{
	if (!uuid_valid(id)) {
		record_init(out, k);
		return 0;
	}
	return load_where(s, k, "id = ?1", id, 0, out, err);
}

int record_load_no(struct store *s, enum record_kind k, long no, struct record *out,
                   struct error *err)
{
	if (k != REC_ITEM && k != REC_DOCUMENT) {
		record_init(out, k);
		return 0;
	}
	return load_where(s, k, "no = ?1", NULL, no, out, err);
}

/* ------------------------------------------------------------------ every record */

struct record_cursor {
	struct store *store;
	enum record_kind kind;
	sqlite3_stmt *st;
};

/* The canonical text of a field kept in a table of its own, as one SQL expression over x. */
static const char *lines_expr(enum record_kind k, const struct field *f)
{
	if (k == REC_ITEM && strcmp(f->name, "partners") == 0)
		return "(SELECT group_concat(v, char(10)) FROM (SELECT hoso_uuid_text(unit_id)"
		       " || CASE WHEN ifnull(role, '') <> '' THEN char(9) || role ELSE '' END AS v"
		       " FROM item_partner WHERE item_id = x.id ORDER BY unit_id))";
	if (k == REC_ITEM && strcmp(f->name, "localities") == 0)
		return "(SELECT group_concat(v, char(10)) FROM (SELECT hoso_uuid_text(locality_id) AS v"
		       " FROM item_locality WHERE item_id = x.id ORDER BY locality_id))";
	if (k == REC_ITEM && strcmp(f->name, "documents") == 0)
		return "(SELECT group_concat(v, char(10)) FROM (SELECT hoso_uuid_text(document_id) AS v"
		       " FROM item_document WHERE item_id = x.id ORDER BY document_id))";
	if (k == REC_DOCUMENT && strcmp(f->name, "links") == 0)
		return "(SELECT group_concat(v, char(10)) FROM (SELECT hoso_uuid_text(l.to_id) || char(9) || r.code AS v"
		       " FROM document_link l JOIN doc_relation r ON r.id = l.relation WHERE l.from_id = x.id"
		       " ORDER BY l.to_id, r.code))";
	if (k == REC_ITEM && strcmp(f->name, "targets") == 0)
		return "(SELECT group_concat(v, char(10)) FROM (SELECT description || char(9) || ifnull(measure, '')"
		       " || char(9) || CASE WHEN min_value IS NULL THEN '' ELSE printf('%.15g', min_value) END"
		       " || char(9) || CASE WHEN max_value IS NULL THEN '' ELSE printf('%.15g', max_value) END"
		       " || char(9) || CASE WHEN actual IS NULL THEN '' ELSE printf('%.15g', actual) END"
		       " || char(9) || ifnull(notes, '') AS v"
		       " FROM target WHERE item_id = x.id ORDER BY position, id))";
	return "NULL";
}

int record_cursor_open(struct record_cursor **out, struct store *s, enum record_kind k,
                       struct error *err)
{
	const struct field *fs;
	struct record_cursor *c;
	struct strbuf sql = STRBUF_INIT;
	bool numbered = k == REC_ITEM || k == REC_DOCUMENT;
	int n, i, rc;

	*out = NULL;
	fs = fields_of(k, &n);
	strbuf_printf(&sql, "SELECT x.id, %s, x.version", numbered ? "x.no" : "0");
	for (i = 0; i < n; i++) {
		if (fs[i].column != NULL)
			strbuf_printf(&sql, ", x.\"%s\"", fs[i].column);
		else
			strbuf_printf(&sql, ", %s", lines_expr(k, &fs[i]));
	}
	strbuf_printf(&sql, " FROM \"%s\" x ORDER BY %s", record_table(k), numbered ? "x.no" : "x.name_key, x.id");
	c = calloc(1, sizeof *c);
	if (c == NULL || sql.failed) {
		free(c);
		strbuf_free(&sql);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	c->store = s;
	c->kind = k;
	rc = store_prepare(s, strbuf_str(&sql), &c->st, err);
	strbuf_free(&sql);
	if (rc != 0) {
		free(c);
		return -1;
	}
	*out = c;
	return 0;
}

int record_cursor_next(struct record_cursor *c, struct record *out, struct error *err)
{
	const struct field *fs;
	int n, i, rc;

	record_clear(out);
	record_init(out, c->kind);
	rc = sqlite3_step(c->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_fail(c->store, err, _("reading a record"));
	fs = fields_of(c->kind, &n);
	store_column_uuid(c->st, 0, out->id);
	out->no = (long)sqlite3_column_int64(c->st, 1);
	out->version = (long)sqlite3_column_int64(c->st, 2);
	for (i = 0; i < n; i++) {
		int col = 3 + i;

		if (fs[i].column != NULL) {
			if (column_value(c->st, col, &fs[i], &out->v[i]) != 0)
				goto oom;
		} else if (sqlite3_column_type(c->st, col) != SQLITE_NULL) {
			if ((out->v[i] = strdup((const char *)sqlite3_column_text(c->st, col))) == NULL)
				goto oom;
		}
	}
	return 1;
oom:
	record_clear(out);
	return error_set(err, ERROR_RUNTIME, _("out of memory"));
}

void record_cursor_close(struct record_cursor **c)
{
	if (c == NULL || *c == NULL)
		return;
	sqlite3_finalize((*c)->st);
	free(*c);
	*c = NULL;
}

int record_each(struct store *s, enum record_kind k,
                int (*fn)(void *ctx, const struct record *r, struct error *err), void *ctx,
                struct error *err)
{
	struct record_cursor *c;
	struct record r;
	int rc;

	if (record_cursor_open(&c, s, k, err) != 0)
		return -1;
	record_init(&r, k);
	while ((rc = record_cursor_next(c, &r, err)) > 0)
		if (fn(ctx, &r, err) != 0) {
			rc = -1;
			break;
		}
	record_clear(&r);
	record_cursor_close(&c);
	return rc < 0 ? -1 : 0;
}
