#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "derived.h"
#include "fold.h"
#include "i18n.h"
#include "store.h"
#include "strbuf.h"
#include "uuid.h"

/* A sort key in a buffer that grows when a text needs more. */
struct keybuf {
	unsigned char small[512];
	unsigned char *p;
	size_t len;
};

static int make_key(struct keybuf *k, const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;
	size_t need;

	k->p = k->small;
	need = collate_vi_key(text != NULL ? text : "", n, k->small, sizeof k->small);
	if (need > sizeof k->small) {
		k->p = malloc(need);
		if (k->p == NULL)
			return -1;
		collate_vi_key(text, n, k->p, need);
	}
	k->len = need;
	return 0;
}

static void free_key(struct keybuf *k)
{
	if (k->p != k->small)
		free(k->p);
	k->p = NULL;
}

static int bind_key(sqlite3_stmt *st, int col, const char *text)
{
	struct keybuf k;
	int rc;

	if (make_key(&k, text) != 0)
		return SQLITE_NOMEM;
	rc = sqlite3_bind_blob(st, col, k.p, (int)k.len, SQLITE_TRANSIENT);
	free_key(&k);
	return rc;
}

/* Appends the fold of text and a space. */
static void add_folded(struct strbuf *b, const char *text)
{
	char *f;

	if (text == NULL || *text == '\0')
		return;
	f = fold_dup(text);
	if (f == NULL) {
		b->failed = true;
		return;
	}
	strbuf_puts(b, f);
	strbuf_puts(b, " ");
	free(f);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Sets name_key from name for every row of a reference table. */
static int refresh_names(struct store *s, const char *select_sql, const char *update_sql,
                         const char *id, struct error *err)
{
	sqlite3_stmt *sel = NULL, *upd = NULL;
	int rc, ret = -1;

	if (store_cached(s, select_sql, &sel, err) != 0 ||
	    store_cached(s, update_sql, &upd, err) != 0)
		goto done;
	if (id != NULL)
		store_bind_uuid(sel, 1, id);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		if (bind_key(upd, 1, col_text(sel, 1)) != SQLITE_OK)
			goto fail;
		sqlite3_bind_value(upd, 2, sqlite3_column_value(sel, 0));
		if (sqlite3_step(upd) != SQLITE_DONE)
			goto fail;
		sqlite3_reset(upd);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	ret = 0;
	goto done;
fail:
	store_fail(s, err, _("computing sort keys"));
done:
	store_release(s, sel);
	store_release(s, upd);
	return ret;
}

#define DOC_ONE_SQL \
	"SELECT d.no, d.subject, t.name_vi, t.name_en, d.number, u.name, u.short_name, d.notes" \
	" FROM document d JOIN doc_type t ON t.id = d.type" \
	" LEFT JOIN unit u ON u.id = d.issuer_id WHERE d.id = ?1"

static int refresh_documents(struct store *s, const char *id, struct error *err)
{
	static const char all_sql[] =
		"SELECT d.no, d.subject, t.name_vi, t.name_en, d.number, u.name, u.short_name, d.notes"
		" FROM document d JOIN doc_type t ON t.id = d.type"
		" LEFT JOIN unit u ON u.id = d.issuer_id";
	const char *sel_sql = id != NULL ? DOC_ONE_SQL : all_sql;
	static const char upd_sql[] =
		"UPDATE document SET subject_key = ?1, search = ?2 WHERE no = ?3";
	sqlite3_stmt *sel = NULL, *upd = NULL;
	struct strbuf b = STRBUF_INIT;
	int rc, i, ret = -1;

	if (store_cached(s, sel_sql, &sel, err) != 0 || store_cached(s, upd_sql, &upd, err) != 0)
		goto done;
	if (id != NULL)
		store_bind_uuid(sel, 1, id);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		strbuf_reset(&b);
		for (i = 1; i <= 7; i++)
			add_folded(&b, col_text(sel, i));
		if (b.failed || bind_key(upd, 1, col_text(sel, 1)) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(upd, 2, strbuf_str(&b), (int)b.len, SQLITE_STATIC);
		sqlite3_bind_int64(upd, 3, sqlite3_column_int64(sel, 0));
		if (sqlite3_step(upd) != SQLITE_DONE)
			goto fail;
		sqlite3_reset(upd);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	ret = 0;
	goto done;
fail:
	store_fail(s, err, _("computing document search text"));
done:
	strbuf_free(&b);
	store_release(s, sel);
	store_release(s, upd);
	return ret;
}

#define ITEM_SELECT \
	"SELECT i.no, i.code, i.title, i.notes, lu.name, lu.short_name," \
	" (SELECT group_concat(ifnull(u.short_name, '') || ' ' || u.name, ' ')" \
	"    FROM item_partner p JOIN unit u ON u.id = p.unit_id WHERE p.item_id = i.id)," \
	" (SELECT group_concat(t.name_vi || ' ' || t.name_en || ' ' || ifnull(d.number, ''), ' ')" \
	"    FROM item_document x JOIN document d ON d.id = x.document_id" \
	"    JOIN doc_type t ON t.id = d.type WHERE x.item_id = i.id)" \
	" FROM item i LEFT JOIN unit lu ON lu.id = i.lead_unit_id"

static int refresh_items(struct store *s, const char *where, const char *id, struct error *err)
{
	bool v3 = store_schema_version(s) >= 3;
	static const char upd_sql[] =
		"UPDATE item SET code_key = ?1, title_key = ?2, search = ?3 WHERE no = ?4";
	sqlite3_stmt *sel = NULL, *upd = NULL;
	struct strbuf b = STRBUF_INIT;
	int rc, i, ret = -1;

	{
		struct strbuf q = STRBUF_INIT;
		int prc;

		strbuf_puts(&q, ITEM_SELECT);
		if (where != NULL)
			strbuf_printf(&q, " WHERE %s", where);
		prc = q.failed ? error_set(err, ERROR_RUNTIME, _("out of memory"))
		               : store_cached(s, strbuf_str(&q), &sel, err);
		strbuf_free(&q);
		if (prc != 0 || store_cached(s, upd_sql, &upd, err) != 0)
			goto done;
	}
	if (id != NULL)
		store_bind_uuid(sel, 1, id);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		strbuf_reset(&b);
		for (i = 1; i <= 7; i++)
			add_folded(&b, col_text(sel, i));
		if (b.failed || bind_key(upd, 2, col_text(sel, 2)) != SQLITE_OK)
			goto fail;
		if (sqlite3_column_type(sel, 1) == SQLITE_NULL && v3)
			sqlite3_bind_null(upd, 1); /* no code: not in the code index */
		else if (sqlite3_column_type(sel, 1) == SQLITE_NULL)
			sqlite3_bind_zeroblob(upd, 1, 0); /* schema 2, upgraded next: its key is NOT NULL */
		else if (bind_key(upd, 1, col_text(sel, 1)) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(upd, 3, strbuf_str(&b), (int)b.len, SQLITE_STATIC);
		sqlite3_bind_int64(upd, 4, sqlite3_column_int64(sel, 0));
		if (sqlite3_step(upd) != SQLITE_DONE)
			goto fail;
		sqlite3_reset(upd);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	ret = 0;
	goto done;
fail:
	store_fail(s, err, _("computing item search text"));
done:
	strbuf_free(&b);
	store_release(s, sel);
	store_release(s, upd);
	return ret;
}

int derived_refresh_all(struct store *s, struct error *err)
{
	if (refresh_names(s, "SELECT id, name FROM unit",
	                  "UPDATE unit SET name_key = ?1 WHERE id = ?2", NULL, err) != 0 ||
	    refresh_names(s, "SELECT id, name FROM locality",
	                  "UPDATE locality SET name_key = ?1 WHERE id = ?2", NULL, err) != 0 ||
	    refresh_documents(s, NULL, err) != 0 ||
	    refresh_items(s, NULL, NULL, err) != 0)
		return -1;
	return 0;
}

int derived_refresh_item(struct store *s, const char *id, struct error *err)
{
	return refresh_items(s, "i.id = ?1", id, err);
}

int derived_refresh_record(struct store *s, enum record_kind k, const char *id, struct error *err)
{
	switch (k) {
	case REC_ITEM:
		return derived_refresh_item(s, id, err);
	case REC_DOCUMENT:
		/* Its number is in the search text of the items linked to it. */
		return refresh_documents(s, id, err) != 0 ||
		               refresh_items(s, "i.id IN (SELECT item_id FROM item_document WHERE document_id = ?1)",
		                             id, err) != 0
		           ? -1 : 0;
	case REC_UNIT:
		/* Its names are in the search text of the items it leads or partners, and of the documents it issued. */
		if (refresh_names(s, "SELECT id, name FROM unit WHERE id = ?1",
		                  "UPDATE unit SET name_key = ?1 WHERE id = ?2", id, err) != 0 ||
		    refresh_items(s, "i.lead_unit_id = ?1 OR i.id IN (SELECT item_id FROM item_partner WHERE unit_id = ?1)",
		                  id, err) != 0)
			return -1;
		{
			sqlite3_stmt *st;
			int rc;
			char doc[UUID_LEN + 1];

			if (store_cached(s, "SELECT id FROM document WHERE issuer_id = ?1", &st, err) != 0)
				return -1;
			store_bind_uuid(st, 1, id);
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				store_column_uuid(st, 0, doc);
				if (refresh_documents(s, doc, err) != 0) {
					store_release(s, st);
					return -1;
				}
			}
			store_release(s, st);
			return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("computing document search text"));
		}
	case REC_LOCALITY:
		return refresh_names(s, "SELECT id, name FROM locality WHERE id = ?1",
		                     "UPDATE locality SET name_key = ?1 WHERE id = ?2", id, err);
	default:
		return 0;
	}
}
