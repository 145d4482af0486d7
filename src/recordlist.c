#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "recordlist.h"
#include "store.h"
#include "strbuf.h"

struct rec_pager {
	struct store *store;
	enum record_kind kind;
	enum reclist_mode mode;
	char *search;   /* NULL: none */
	char except[UUID_LEN + 1]; /* a record left out (a form's own in its pick list); "": none */
};

void rec_row_clear(struct rec_row *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->detail);
	free(r->sort);
	memset(r, 0, sizeof *r);
}

int rec_row_copy(struct rec_row *dst, const struct rec_row *src)
{
	rec_row_clear(dst);
	*dst = *src;
	dst->name = strdup(src->name != NULL ? src->name : "");
	dst->detail = strdup(src->detail != NULL ? src->detail : "");
	dst->sort = NULL;
	if (src->sortlen > 0 && (dst->sort = malloc((size_t)src->sortlen)) != NULL)
		memcpy(dst->sort, src->sort, (size_t)src->sortlen);
	if (dst->name == NULL || dst->detail == NULL || (src->sortlen > 0 && dst->sort == NULL)) {
		rec_row_clear(dst);
		return -1;
	}
	return 0;
}

static bool by_name(enum record_kind k)
{
	return k == REC_UNIT || k == REC_LOCALITY;
}

/* The columns every query reads: id, no, name, detail, type, status, date, archived, sort key. */
static const char *columns(enum record_kind k)
{
	switch (k) {
	case REC_ITEM:
		return "id, no, title, ifnull(code, ''), kind, status, ifnull(due_date, ''), archived, NULL FROM item";
	case REC_DOCUMENT:
		return "id, no, subject, ifnull(number, ''), type, 0, ifnull(signed_date, ''), archived, NULL FROM document";
	case REC_UNIT:
		return "id, 0, name, ifnull(short_name, ''), 0, 0, '', archived, name_key FROM unit";
	default:
		return "id, 0, name, ifnull(level, ''), 0, 0, '', archived, name_key FROM locality";
	}
}

/* The folded text a search looks in. */
static const char *searched(enum record_kind k)
{
	switch (k) {
	case REC_ITEM:
	case REC_DOCUMENT:
		return "search";
	case REC_UNIT:
		return "fold(name || ' ' || ifnull(short_name, ''))";
	default:
		return "fold(name || ' ' || ifnull(level, ''))";
	}
}

/* A key that stays with a record: its number, or a hash of its key. */
static long key_of(const struct rec_row *r)
{
	unsigned long h = 5381;
	const char *p;

	if (r->no > 0)
		return r->no;
	for (p = r->id; *p != '\0'; p++)
		h = h * 33 + (unsigned char)*p;
	return (long)(h & 0x3fffffffffffffffUL);
}

/* The conditions every query has: the mode, the search (?1), the record left out (?5). */
static void add_where(struct strbuf *b, const struct rec_pager *p)
{
	strbuf_puts(b, p->mode == RECLIST_ACTIVE ? "archived = 0" : p->mode == RECLIST_ARCHIVED ? "archived = 1" : "1");
	if (p->search != NULL)
		strbuf_printf(b, " AND hoso_match(%s, ?1)", searched(p->kind));
	if (p->except[0] != '\0')
		strbuf_puts(b, " AND id <> ?5");
}

/* Binds what add_where named. */
static void bind_where(sqlite3_stmt *st, const struct rec_pager *p)
{
	if (p->search != NULL)
		sqlite3_bind_text(st, 1, p->search, -1, SQLITE_STATIC);
	if (p->except[0] != '\0')
		store_bind_uuid(st, 5, p->except);
}

/*
 * SELECT … WHERE <mode> [AND search] [AND extra] ORDER BY … [DESC] LIMIT ?n.
 * Parameters: ?1 the search, ?2 ?3 the position (extra), ?4 the limit, ?5 the record left out.
 */
static int query(struct rec_pager *p, const char *extra, bool desc, sqlite3_stmt **st, struct error *err)
{
	struct strbuf b = STRBUF_INIT;
	int rc;

	strbuf_printf(&b, "SELECT %s WHERE ", columns(p->kind));
	add_where(&b, p);
	if (extra != NULL)
		strbuf_printf(&b, " AND %s", extra);
	if (by_name(p->kind))
		strbuf_printf(&b, " ORDER BY name_key %s, id %s", desc ? "DESC" : "", desc ? "DESC" : "");
	else
		strbuf_printf(&b, " ORDER BY no %s", desc ? "DESC" : "");
	strbuf_puts(&b, " LIMIT ?4");
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = store_prepare(p->store, strbuf_str(&b), st, err);
	strbuf_free(&b);
	if (rc != 0)
		return -1;
	bind_where(*st, p);
	return 0;
}

/* Runs st into rows (n at most), reversed when reverse. Returns how many, or -1. */
static int fill(struct rec_pager *p, sqlite3_stmt *st, int n, bool reverse, struct rec_row *rows,
                struct error *err)
{
	int got = 0, rc, i;

	sqlite3_bind_int(st, 4, n);
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct rec_row *r = &rows[got];
		const void *blob;

		rec_row_clear(r);
		store_column_uuid(st, 0, r->id);
		r->no = (long)sqlite3_column_int64(st, 1);
		r->name = strdup(sqlite3_column_text(st, 2) != NULL ? (const char *)sqlite3_column_text(st, 2) : "");
		r->detail = strdup(sqlite3_column_text(st, 3) != NULL ? (const char *)sqlite3_column_text(st, 3) : "");
		r->type = sqlite3_column_int(st, 4);
		r->status = sqlite3_column_int(st, 5);
		snprintf(r->date, sizeof r->date, "%s",
		         sqlite3_column_text(st, 6) != NULL ? (const char *)sqlite3_column_text(st, 6) : "");
		r->archived = sqlite3_column_int(st, 7) != 0;
		blob = sqlite3_column_blob(st, 8);
		r->sortlen = sqlite3_column_bytes(st, 8);
		if (r->sortlen > 0 && (r->sort = malloc((size_t)r->sortlen)) != NULL)
			memcpy(r->sort, blob, (size_t)r->sortlen);
		r->key = key_of(r);
		got++;
		if (r->name == NULL || r->detail == NULL || (r->sortlen > 0 && r->sort == NULL)) {
			sqlite3_finalize(st);
			for (i = 0; i < got; i++)
				rec_row_clear(&rows[i]);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
	}
	if (got < n && rc != SQLITE_DONE) {
		for (i = 0; i < got; i++)
			rec_row_clear(&rows[i]);
		rc = store_fail(p->store, err, _("reading a list"));
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	if (reverse) {
		for (i = 0; i < got / 2; i++) {
			struct rec_row t = rows[i];

			rows[i] = rows[got - 1 - i];
			rows[got - 1 - i] = t;
		}
	}
	return got;
}

int rec_pager_open(struct rec_pager **out, struct store *s, enum record_kind k, enum reclist_mode mode,
                   const char *search, struct error *err)
{
	struct rec_pager *p = calloc(1, sizeof *p);

	*out = NULL;
	if (p == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	p->store = s;
	p->kind = k;
	p->mode = mode;
	if (search != NULL && *search != '\0' && (p->search = strdup(search)) == NULL) {
		free(p);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	*out = p;
	return 0;
}

void rec_pager_except(struct rec_pager *p, const char *id)
{
	snprintf(p->except, sizeof p->except, "%s", id != NULL ? id : "");
}

void rec_pager_close(struct rec_pager **p)
{
	if (p == NULL || *p == NULL)
		return;
	free((*p)->search);
	free(*p);
	*p = NULL;
}

int rec_pager_first(struct rec_pager *p, struct rec_row *rows, int n, struct error *err)
{
	sqlite3_stmt *st;

	if (query(p, NULL, false, &st, err) != 0)
		return -1;
	return fill(p, st, n, false, rows, err);
}

int rec_pager_last(struct rec_pager *p, struct rec_row *rows, int n, struct error *err)
{
	sqlite3_stmt *st;

	if (query(p, NULL, true, &st, err) != 0)
		return -1;
	return fill(p, st, n, true, rows, err);
}

/* The rows after (dir > 0) or before (dir < 0) row r. */
static int beside(struct rec_pager *p, const struct rec_row *r, int dir, struct rec_row *rows, int n,
                  struct error *err)
{
	sqlite3_stmt *st;
	const char *extra;

	if (by_name(p->kind))
		extra = dir > 0 ? "(name_key, id) > (?2, ?3)" : "(name_key, id) < (?2, ?3)";
	else
		extra = dir > 0 ? "no > ?2" : "no < ?2";
	if (query(p, extra, dir < 0, &st, err) != 0)
		return -1;
	if (by_name(p->kind)) {
		sqlite3_bind_blob(st, 2, r->sort != NULL ? (const void *)r->sort : "", r->sortlen, SQLITE_TRANSIENT);
		store_bind_uuid(st, 3, r->id);
	} else {
		sqlite3_bind_int64(st, 2, r->no);
	}
	return fill(p, st, n, dir < 0, rows, err);
}

int rec_pager_next(struct rec_pager *p, const struct rec_row *after, struct rec_row *rows, int n,
                   struct error *err)
{
	return beside(p, after, 1, rows, n, err);
}

int rec_pager_prev(struct rec_pager *p, const struct rec_row *before, struct rec_row *rows, int n,
                   struct error *err)
{
	return beside(p, before, -1, rows, n, err);
}

int rec_pager_get(struct rec_pager *p, const struct rec_row *like, struct rec_row *row, struct error *err)
{
	sqlite3_stmt *st;

	if (query(p, "id = ?2", false, &st, err) != 0)
		return -1;
	store_bind_uuid(st, 2, like->id);
	return fill(p, st, 1, false, row, err);
}

int rec_pager_count(struct rec_pager *p, long *count, struct error *err)
{
	struct strbuf b = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_printf(&b, "SELECT count(*) FROM %s WHERE ", record_table(p->kind));
	add_where(&b, p);
	if (b.failed) {
		strbuf_free(&b);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = store_prepare(p->store, strbuf_str(&b), &st, err);
	strbuf_free(&b);
	if (rc != 0)
		return -1;
	bind_where(st, p);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_fail(p->store, err, _("counting"));
}
