#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "documents.h"
#include "i18n.h"
#include "refdata.h"
#include "store.h"

/*
 * The order: signed_date descending with NULL dates last, then no
 * descending. In SQL terms, two segments: the dated rows by (date, no) and
 * the undated by no.
 */
#define DOC_COLS \
	"d.no, d.type, d.state, ifnull(d.signed_date, ''), ifnull(d.number, ''), d.subject," \
	" ifnull(u.short_name, ifnull(u.name, ''))," \
	" (SELECT count(*) FROM item_document x JOIN item i ON i.id = x.item_id" \
	"   WHERE x.document_id = d.id AND i.archived = 0)" \
	" FROM document d LEFT JOIN unit u ON u.id = d.issuer_id WHERE d.archived = 0"

enum { SEG_DATED, SEG_UNDATED };

struct doc_pager {
	struct store *store;
	/* [segment][keyed][forward] */
	sqlite3_stmt *st[2][2][2];
};

static const char *const sql[2][2][2] = {
	[SEG_DATED] = {
		{ "SELECT " DOC_COLS " AND d.signed_date IS NOT NULL"
		  " ORDER BY d.signed_date ASC, d.no ASC LIMIT ?3",
		  "SELECT " DOC_COLS " AND d.signed_date IS NOT NULL"
		  " ORDER BY d.signed_date DESC, d.no DESC LIMIT ?3" },
		{ "SELECT " DOC_COLS " AND (d.signed_date, d.no) > (?1, ?2)"
		  " ORDER BY d.signed_date ASC, d.no ASC LIMIT ?3",
		  "SELECT " DOC_COLS " AND (d.signed_date, d.no) < (?1, ?2)"
		  " ORDER BY d.signed_date DESC, d.no DESC LIMIT ?3" },
	},
	[SEG_UNDATED] = {
		{ "SELECT " DOC_COLS " AND d.signed_date IS NULL ORDER BY d.no ASC LIMIT ?3",
		  "SELECT " DOC_COLS " AND d.signed_date IS NULL ORDER BY d.no DESC LIMIT ?3" },
		{ "SELECT " DOC_COLS " AND d.signed_date IS NULL AND d.no > ?2 ORDER BY d.no ASC LIMIT ?3",
		  "SELECT " DOC_COLS " AND d.signed_date IS NULL AND d.no < ?2 ORDER BY d.no DESC LIMIT ?3" },
	},
};

void doc_row_clear(struct doc_row *r)
{
	if (r == NULL)
		return;
	free(r->number);
	free(r->subject);
	free(r->issuer);
	memset(r, 0, sizeof *r);
}

int doc_pager_open(struct doc_pager **out, struct store *s, struct error *err)
{
	*out = calloc(1, sizeof **out);
	if (*out == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	(*out)->store = s;
	return 0;
}

void doc_pager_close(struct doc_pager **p)
{
	int a, b, c;

	if (p == NULL || *p == NULL)
		return;
	for (a = 0; a < 2; a++)
		for (b = 0; b < 2; b++)
			for (c = 0; c < 2; c++)
				sqlite3_finalize((*p)->st[a][b][c]);
	free(*p);
	*p = NULL;
}

static const char *text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/*
 * Reads up to n rows of one segment into rows, in the register's order
 * (forward: as listed; else backwards), after/before `from` when keyed.
 */
static int fetch(struct doc_pager *p, int seg, bool forward, const struct doc_row *from,
                 struct doc_row *rows, int n, struct error *err)
{
	/* The register runs by descending date: "forward" in it is DESC in SQL. */
	int sqlfwd = forward ? 1 : 0;
	sqlite3_stmt **st = &p->st[seg][from != NULL][sqlfwd];
	int got = 0, rc;

	if (*st == NULL && store_prepare(p->store, sql[seg][from != NULL][sqlfwd], st, err) != 0)
		return -1;
	sqlite3_reset(*st);
	if (from != NULL) {
		sqlite3_bind_text(*st, 1, from->signed_date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(*st, 2, from->no);
	}
	sqlite3_bind_int(*st, 3, n);
	while (got < n && (rc = sqlite3_step(*st)) == SQLITE_ROW) {
		struct doc_row *r = &rows[got];

		doc_row_clear(r);
		r->no = (long)sqlite3_column_int64(*st, 0);
		r->type = sqlite3_column_int(*st, 1);
		r->state = sqlite3_column_int(*st, 2);
		snprintf(r->signed_date, sizeof r->signed_date, "%s", text(*st, 3));
		r->number = strdup(text(*st, 4));
		r->subject = strdup(text(*st, 5));
		r->issuer = strdup(text(*st, 6));
		r->items = (long)sqlite3_column_int64(*st, 7);
		if (r->number == NULL || r->subject == NULL || r->issuer == NULL) {
			doc_row_clear(r);
			sqlite3_reset(*st);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		got++;
	}
	if (got < n && rc != SQLITE_DONE) {
		sqlite3_reset(*st);
		return store_fail(p->store, err, _("reading documents"));
	}
	sqlite3_reset(*st);
	return got;
}

/* Rows in register order after `from` (NULL: from the start), or before it going back. */
static int walk(struct doc_pager *p, bool forward, const struct doc_row *from,
                struct doc_row *rows, int n, struct error *err)
{
	/* Forward the dated come first, then the undated; backward the reverse. */
	int order[2] = { forward ? SEG_DATED : SEG_UNDATED, forward ? SEG_UNDATED : SEG_DATED };
	int start = 0, got = 0, k;

	if (from != NULL)
		start = (from->signed_date[0] != '\0') == (order[0] == SEG_DATED) ? 0 : 1;
	for (k = start; k < 2 && got < n; k++) {
		int g = fetch(p, order[k], forward, k == start ? from : NULL, rows + got, n - got, err);

		if (g < 0)
			return -1;
		got += g;
	}
	return got;
}

static void reverse(struct doc_row *rows, int n)
{
	int i;

	for (i = 0; i < n / 2; i++) {
		struct doc_row t = rows[i];

		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = t;
	}
}

int doc_pager_first(struct doc_pager *p, struct doc_row *rows, int n, struct error *err)
{
	return walk(p, true, NULL, rows, n, err);
}

int doc_pager_last(struct doc_pager *p, struct doc_row *rows, int n, struct error *err)
{
	int got = walk(p, false, NULL, rows, n, err);

	if (got > 0)
		reverse(rows, got);
	return got;
}

int doc_pager_next(struct doc_pager *p, const struct doc_row *after, struct doc_row *rows, int n,
                   struct error *err)
{
	return walk(p, true, after, rows, n, err);
}

int doc_pager_prev(struct doc_pager *p, const struct doc_row *before, struct doc_row *rows, int n,
                   struct error *err)
{
	int got = walk(p, false, before, rows, n, err);

	if (got > 0)
		reverse(rows, got);
	return got;
}

int doc_count(struct store *s, long *count, struct error *err)
{
	return store_query_long(s, "SELECT count(*) FROM document WHERE archived = 0", count, err);
}

/* ------------------------------------------------------------------ one document */

static int links(struct store *s, struct dlines *out, const char *id, int limit,
                 struct error *err)
{
	static const char link_sql[] =
		"SELECT 0, l.relation, o.no, o.type, o.number, o.subject"
		" FROM document_link l JOIN document o ON o.id = l.to_id WHERE l.from_id = ?1"
		" UNION ALL"
		" SELECT 1, l.relation, o.no, o.type, o.number, o.subject"
		" FROM document_link l JOIN document o ON o.id = l.from_id WHERE l.to_id = ?1"
		" ORDER BY 1, 2, 3";
	sqlite3_stmt *st;
	long total = 0;
	int rc, shown = 0;

	if (store_prepare(s, "SELECT (SELECT count(*) FROM document_link WHERE from_id = ?1)"
	                     " + (SELECT count(*) FROM document_link WHERE to_id = ?1)", &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		store_fail(s, err, _("reading a document's links"));
		sqlite3_finalize(st);
		return -1;
	}
	total = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	dlines_section(out, _("Links to other documents"), total);
	if (store_prepare(s, link_sql, &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && (limit < 0 || shown < limit)) {
		bool incoming = sqlite3_column_int(st, 0) != 0;
		const char *number = (const char *)sqlite3_column_text(st, 4);
		const char *rel = doc_relation_name(sqlite3_column_int(st, 1));
		const char *type = doc_type_name(sqlite3_column_int(st, 3));
		const char *subject = (const char *)sqlite3_column_text(st, 5);
		struct dline *l;

		if (number == NULL)
			number = _("(number not known)");
		if (incoming)
			/* TRANSLATORS: "Kết luận 312 reviews this document — subject". */
			l = dlines_addf(out, DL_ENTRY, NULL, _("%s %s %s this document — %s"), type, number,
			                rel, subject);
		else
			/* TRANSLATORS: "This document implements Nghị quyết 36-NQ/TW — subject". */
			l = dlines_addf(out, DL_ENTRY, NULL, _("This document %s %s %s — %s"), rel, type,
			                number, subject);
		if (l != NULL)
			l->doc_no = (long)sqlite3_column_int64(st, 2);
		shown++;
	}
	/* Stopped at the limit (a row) or at the end; anything else is an error, not a shorter list. */
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(s, err, _("reading a document's links"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	dlines_more(out, shown, total);
	return 0;
}

int document_lines(struct store *s, long no, const char *today, enum date_style style, int limit,
                   struct dlines *out, struct error *err)
{
	static const char doc_sql[] =
		"SELECT d.id, d.number, d.type, d.state, d.signed_date, d.subject, u.name, d.notes,"
		" d.source, d.version"
		" FROM document d LEFT JOIN unit u ON u.id = d.issuer_id WHERE d.no = ?1";
	static const char items_sql[] =
		"SELECT i.no, i.title, i.status, ifnull(i.due_date, ''), i.code"
		" FROM item_document x JOIN item i ON i.id = x.item_id"
		" WHERE x.document_id = ?1 AND i.archived = 0 ORDER BY i.no";
	sqlite3_stmt *st;
	char id[UUID_LEN + 1], date[11];
	const char *number;
	long total = 0;
	int rc, shown = 0;

	memset(out, 0, sizeof *out);
	if (store_prepare(s, doc_sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, no);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading a document"));
	}
	store_column_uuid(st, 0, id);
	number = (const char *)sqlite3_column_text(st, 1);
	dlines_addf(out, DL_TITLE, NULL, "%s %s", doc_type_name(sqlite3_column_int(st, 2)),
	            number != NULL ? number : _("(number not known)"));
	dlines_add(out, DL_FIELD, _("Type"), doc_type_name(sqlite3_column_int(st, 2)));
	dlines_add(out, DL_FIELD, _("Number"), number != NULL ? number : _("not known"));
	dlines_add(out, DL_FIELD, _("State"), doc_state_name(sqlite3_column_int(st, 3)));
	date_format((const char *)sqlite3_column_text(st, 4), style, date);
	dlines_add(out, DL_FIELD, _("Signed"), date[0] != '\0' ? date : _("not known"));
	dlines_add(out, DL_FIELD, _("Issued by"),
	           sqlite3_column_type(st, 6) != SQLITE_NULL ? (const char *)sqlite3_column_text(st, 6)
	                                                     : _("not known"));
	dlines_add(out, DL_FIELD, _("Subject"), (const char *)sqlite3_column_text(st, 5));
	if (sqlite3_column_type(st, 7) != SQLITE_NULL)
		dlines_add(out, DL_FIELD, _("Notes"), (const char *)sqlite3_column_text(st, 7));
	if (sqlite3_column_type(st, 8) != SQLITE_NULL)
		dlines_add(out, DL_FIELD, _("Source"), (const char *)sqlite3_column_text(st, 8));
	sqlite3_finalize(st);

	if (links(s, out, id, limit, err) != 0)
		goto fail;

	if (store_prepare(s, "SELECT count(*) FROM item_document x JOIN item i ON i.id = x.item_id"
	                     " WHERE x.document_id = ?1 AND i.archived = 0", &st, err) != 0)
		goto fail;
	store_bind_uuid(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		store_fail(s, err, _("reading a document's items"));
		sqlite3_finalize(st);
		goto fail;
	}
	total = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	dlines_section(out, _("Items"), total);
	if (store_prepare(s, items_sql, &st, err) != 0)
		goto fail;
	store_bind_uuid(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && (limit < 0 || shown < limit)) {
		int status = status_display(sqlite3_column_int(st, 2),
		                            (const char *)sqlite3_column_text(st, 3), today);
		struct dline *l = dlines_addf(out, DL_ENTRY, NULL, "#%lld  %s  [%s]",
		                              (long long)sqlite3_column_int64(st, 0),
		                              (const char *)sqlite3_column_text(st, 1),
		                              status_name(status));

		if (l != NULL) {
			l->item_no = (long)sqlite3_column_int64(st, 0);
			l->status = status;
		}
		shown++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(s, err, _("reading a document's items"));
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	dlines_more(out, shown, total);
	if (out->failed) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto fail;
	}
	return 1;
fail:
	dlines_free(out);
	return -1;
}
