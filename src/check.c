#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "check.h"
#include "i18n.h"
#include "migrate.h"
#include "store.h"

/* Adds one finding to l, in words while there is room. */
static void note(struct check_list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct check_list *l, const char *fmt, ...)
{
	va_list ap;

	l->count++;
	if (l->shown >= CHECK_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(l->line[l->shown++], sizeof l->line[0], fmt, ap);
	va_end(ap);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* ------------------------------------------------------------------ integrity */

/* Messages of integrity_check about values, not damage: the value checks say which rows. */
static bool about_values(const char *msg)
{
	return strncmp(msg, "CHECK constraint failed in ", 27) == 0 || strncmp(msg, "NULL value in ", 14) == 0;
}

/* Runs integrity_check; false when the file is too damaged to go on. */
static bool integrity(struct store *s, struct check_report *r)
{
	sqlite3_stmt *st;
	int rc;

	r->integrity_ok = true;
	if (sqlite3_prepare_v2(store_db(s), "PRAGMA integrity_check(100)", -1, &st, NULL) != SQLITE_OK) {
		r->integrity_ok = false;
		snprintf(r->integrity, sizeof r->integrity, "%s", sqlite3_errmsg(store_db(s)));
		return false;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *msg = col_text(st, 0);

		if (strcmp(msg, "ok") == 0 || about_values(msg))
			continue;
		if (r->integrity_ok)
			snprintf(r->integrity, sizeof r->integrity, "%s", msg);
		r->integrity_ok = false;
	}
	if (rc != SQLITE_DONE) {
		r->integrity_ok = false;
		snprintf(r->integrity, sizeof r->integrity, "%s", sqlite3_errmsg(store_db(s)));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* ------------------------------------------------------------------ references */

/* "item #12" for a row of item, "item_document of item #12" for a row naming an item, else "unit row 3". */
static void row_name(struct store *s, const char *table, long long rowid, char *out, size_t n)
{
	char *sql;
	sqlite3_stmt *st = NULL;

	snprintf(out, n, _("%s row %lld"), table, rowid);
	if (strcmp(table, "item") == 0 || strcmp(table, "document") == 0)
		sql = sqlite3_mprintf("SELECT no FROM \"%w\" WHERE rowid = %lld", table, rowid);
	else
		sql = sqlite3_mprintf("SELECT i.no FROM \"%w\" x JOIN item i ON i.id = x.item_id WHERE x.rowid = %lld",
		                      table, rowid);
	if (sql == NULL)
		return;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (strcmp(table, "item") == 0 || strcmp(table, "document") == 0)
			snprintf(out, n, "%s #%lld", table, (long long)sqlite3_column_int64(st, 0));
		else
			snprintf(out, n, _("%s of item #%lld"), table, (long long)sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
}

/* The column of table that foreign key fkid reads, and its value in row rowid. */
static void fk_column(struct store *s, const char *table, int fkid, long long rowid,
                      char *col, size_t ncol, char *val, size_t nval)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("SELECT \"from\" FROM pragma_foreign_key_list(%Q) WHERE id = %d", table, fkid);

	snprintf(col, ncol, "?");
	snprintf(val, nval, "?");
	if (sql != NULL && sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(col, ncol, "%s", col_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	st = NULL;
	sql = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE rowid = %lld", col, table, rowid);
	if (sql != NULL && sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(val, nval, "%s", col_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
}

/* Every reference to a row that does not exist (also when foreign keys were off). */
static int references(struct store *s, struct check_report *r, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char table[64], parent[64], who[128], col[64], val[80];
		long long rowid = sqlite3_column_int64(st, 1);

		snprintf(table, sizeof table, "%s", col_text(st, 0));
		snprintf(parent, sizeof parent, "%s", col_text(st, 2));
		if (r->refs.shown >= CHECK_LINES) {
			r->refs.count++;
			continue;
		}
		row_name(s, table, rowid, who, sizeof who);
		fk_column(s, table, sqlite3_column_int(st, 3), rowid, col, sizeof col, val, sizeof val);
		note(&r->refs, _("%s: %s '%s': there is no such %s"), who, col, val, parent);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking references"));
}

/* ------------------------------------------------------------------ the tree */

struct node {
	long no;
	char *id, *parent;
	bool parent_exists;
	int state; /* 0 not seen, 1 on the walk, 2 done, 3 in a cycle */
	int up;    /* index of the parent among the nodes, -1 when not one of them */
	long up_no;
};

static int by_no(const void *a, const void *b)
{
	long x = ((const struct node *)a)->no, y = ((const struct node *)b)->no;

	return x < y ? -1 : x > y;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct node *)a)->id, ((const struct node *)b)->id);
}

static int find(struct node *v, int n, const char *id)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strcmp(id, v[mid].id);

		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Says one cycle, from node k (on it), following the parents. */
static void say_cycle(struct check_report *r, struct node *v, int k)
{
	char text[300];
	size_t used = 0;
	int i = k, count = 0;

	do {
		count++;
		if (used < sizeof text)
			used += (size_t)snprintf(text + used, sizeof text - used, "#%ld → ", v[i].no);
		i = v[i].up;
	} while (i != k);
	if (used < sizeof text)
		snprintf(text + used, sizeof text - used, "#%ld", v[k].no);
	if (count == 1)
		note(&r->tree, _("item #%ld is its own parent"), v[k].no);
	else
		note(&r->tree, _("a cycle of %d items, each under the next: %s"), count, text);
}

/*
 * Items the tree cannot reach from the top: those in a cycle of parents,
 * under a parent that does not exist, and below them. One walk down from
 * the top in SQL (each item once), then a walk over the few left.
 */
static int tree(struct store *s, struct check_report *r, struct error *err)
{
	static const char sql[] =
		"WITH RECURSIVE reach(id) AS (SELECT id FROM item WHERE parent_id IS NULL"
		" UNION ALL SELECT i.id FROM item i JOIN reach ON i.parent_id = reach.id)"
		" SELECT no, id, parent_id, EXISTS (SELECT 1 FROM item p WHERE p.id = item.parent_id)"
		" FROM item WHERE id NOT IN (SELECT id FROM reach)";
	struct node *v = NULL;
	sqlite3_stmt *st;
	int n = 0, cap = 0, rc, i, ret = -1;

	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			int ncap = cap != 0 ? cap * 2 : 16;
			struct node *nv = realloc(v, (size_t)ncap * sizeof *nv);

			if (nv == NULL)
				goto oom;
			v = nv;
			cap = ncap;
		}
		memset(&v[n], 0, sizeof v[n]);
		v[n].no = (long)sqlite3_column_int64(st, 0);
		v[n].id = strdup(col_text(st, 1));
		v[n].parent = strdup(col_text(st, 2));
		v[n].parent_exists = sqlite3_column_int(st, 3) != 0;
		n++;
		if (v[n - 1].id == NULL || v[n - 1].parent == NULL)
			goto oom;
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, err, _("checking the tree of items"));
		goto done;
	}
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, by_id);
	/* A parent that exists but is not reached is one of these nodes. */
	for (i = 0; i < n; i++)
		v[i].up = v[i].parent_exists ? find(v, n, v[i].parent) : -1;
	for (i = 0; i < n; i++)
		v[i].up_no = v[i].up >= 0 ? v[v[i].up].no : 0;
	for (i = 0; i < n; i++) {
		int k = i;

		/* Walk up until a node already done, a missing parent, or this walk again (a cycle). */
		while (k >= 0 && v[k].state == 0) {
			v[k].state = 1;
			k = v[k].up;
		}
		if (k >= 0 && v[k].state == 1) {
			int c = k;

			do {
				v[c].state = 3;
				r->cycle_items++;
				c = v[c].up;
			} while (c != k);
			say_cycle(r, v, k);
		}
		for (k = i; k >= 0 && v[k].state == 1; k = v[k].up)
			v[k].state = 2;
	}
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, by_no); /* the rest said in the order of numbers */
	for (i = 0; i < n; i++) {
		if (v[i].state == 3)
			continue;
		if (!v[i].parent_exists) {
			r->orphan_items++;
			note(&r->tree, _("item #%ld: its parent '%s' does not exist"), v[i].no, v[i].parent);
		} else {
			r->below_items++;
			note(&r->tree, _("item #%ld: under #%ld, which is not in the tree"), v[i].no, v[i].up_no);
		}
	}
	ret = 0;
	goto done;
oom:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
done:
	sqlite3_finalize(st);
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].parent);
	}
	free(v);
	return ret;
}

/* ------------------------------------------------------------------ values */

/* Length of the UTF-8 character at p (at most n bytes), or 0 when it is not one. */
static int utf8_char(const unsigned char *p, int n)
{
	int len, i;
	unsigned cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, cp = p[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

/* bad_text(x): 0 when x is not text or is good text; 1 for bytes that are not UTF-8; 2 for a NUL. */
static void bad_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *p;
	int n, i = 0, k, bad = 0;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	p = sqlite3_value_text(argv[0]);
	n = sqlite3_value_bytes(argv[0]);
	while (i < n && bad == 0) {
		if (p[i] == '\0')
			bad = 2;
		else if ((k = utf8_char(p + i, n - i)) == 0)
			bad = 1;
		else
			i += k;
	}
	sqlite3_result_int(ctx, bad);
}

/* Text that is not UTF-8 or holds a NUL, in every text column of the tables hoso reads. */
static int texts(struct store *s, struct check_report *r, struct error *err)
{
	static const char *const tables[] = {
		"programme", "item", "unit", "locality", "document", "target", "comment", "history",
		"item_partner", "kind", "status", "doc_type", "doc_state", "doc_relation", NULL,
	};
	int t;

	if (sqlite3_create_function(store_db(s), "hoso_bad_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            bad_text, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("checking text"));
	for (t = 0; tables[t] != NULL; t++) {
		sqlite3_stmt *cols, *st;
		char *where = NULL, *sql;
		int rc;

		/* One pass over the table: each text column tested in one WHERE. */
		if (store_prepare(s, "SELECT name FROM pragma_table_info(?1) WHERE upper(type) = 'TEXT'", &cols, err) != 0)
			return -1;
		sqlite3_bind_text(cols, 1, tables[t], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(cols)) == SQLITE_ROW) {
			char *w = sqlite3_mprintf("%z%shoso_bad_text(\"%w\")", where, where != NULL ? " OR " : "",
			                          col_text(cols, 0));

			if (w == NULL) {
				sqlite3_finalize(cols);
				return error_set(err, ERROR_RUNTIME, _("out of memory"));
			}
			where = w;
		}
		sqlite3_finalize(cols);
		if (rc != SQLITE_DONE) {
			sqlite3_free(where);
			return store_fail(s, err, _("checking text"));
		}
		if (where == NULL)
			continue;
		sql = sqlite3_mprintf("SELECT rowid FROM \"%w\" WHERE %s", tables[t], where);
		sqlite3_free(where);
		if (sql == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		rc = store_prepare(s, sql, &st, err);
		sqlite3_free(sql);
		if (rc != 0)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char who[128];

			if (r->values.shown >= CHECK_LINES) {
				r->values.count++;
				continue;
			}
			row_name(s, tables[t], sqlite3_column_int64(st, 0), who, sizeof who);
			note(&r->values, _("%s: text that is not UTF-8 or holds a NUL byte (shown garbled or cut)"), who);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, err, _("checking text"));
	}
	return 0;
}

#define BAD_DATE(c) c " IS NOT NULL AND date(" c ", '+0 days') IS NOT " c

/* Values of items and documents that hoso's forms would refuse. */
static int ranges(struct store *s, struct check_report *r, struct error *err)
{
	static const char item_sql[] =
		"SELECT no, title IS NULL OR title = '',"
		" progress IS NOT NULL AND (typeof(progress) <> 'integer' OR progress NOT BETWEEN 0 AND 100),"
		" " BAD_DATE("start_date") ", " BAD_DATE("due_date") ", " BAD_DATE("done_date") ","
		" due_date < start_date,"
		" year IS NOT NULL AND (typeof(year) <> 'integer' OR year NOT BETWEEN 1900 AND 2200),"
		" archived NOT IN (0, 1), no IS NULL OR typeof(no) <> 'integer' OR no <= 0,"
		" progress, start_date, due_date, done_date, year, archived"
		" FROM item WHERE title IS NULL OR title = ''"
		" OR (progress IS NOT NULL AND (typeof(progress) <> 'integer' OR progress NOT BETWEEN 0 AND 100))"
		" OR (" BAD_DATE("start_date") ") OR (" BAD_DATE("due_date") ") OR (" BAD_DATE("done_date") ")"
		" OR due_date < start_date"
		" OR (year IS NOT NULL AND (typeof(year) <> 'integer' OR year NOT BETWEEN 1900 AND 2200))"
		" OR archived NOT IN (0, 1) OR no IS NULL OR typeof(no) <> 'integer' OR no <= 0";
	static const char other_sql[] =
		"SELECT 'document #' || no, subject IS NULL OR subject = '', " BAD_DATE("signed_date") ", signed_date"
		" FROM document WHERE subject IS NULL OR subject = '' OR (" BAD_DATE("signed_date") ")"
		" UNION ALL SELECT 'unit ' || quote(id), name IS NULL OR name = '', 0, NULL"
		" FROM unit WHERE name IS NULL OR name = ''"
		" UNION ALL SELECT 'locality ' || quote(id), name IS NULL OR name = '', 0, NULL"
		" FROM locality WHERE name IS NULL OR name = ''"
		" UNION ALL SELECT 'programme ' || quote(id), 1, 0, NULL FROM programme WHERE title IS NULL OR title = ''";
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, item_sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long no = (long)sqlite3_column_int64(st, 0);

		if (sqlite3_column_int(st, 1))
			note(&r->values, _("item #%ld: no title"), no);
		if (sqlite3_column_int(st, 2))
			note(&r->values, _("item #%ld: progress '%s' is not a whole number from 0 to 100"), no, col_text(st, 10));
		if (sqlite3_column_int(st, 3))
			note(&r->values, _("item #%ld: start date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 11));
		if (sqlite3_column_int(st, 4))
			note(&r->values, _("item #%ld: due date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 12));
		if (sqlite3_column_int(st, 5))
			note(&r->values, _("item #%ld: completion date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 13));
		if (sqlite3_column_int(st, 6))
			note(&r->values, _("item #%ld: due before it starts (%s, %s)"), no, col_text(st, 12), col_text(st, 11));
		if (sqlite3_column_int(st, 7))
			note(&r->values, _("item #%ld: year '%s' is not a year from 1900 to 2200"), no, col_text(st, 14));
		if (sqlite3_column_int(st, 8))
			note(&r->values, _("item #%ld: archived is '%s', not 0 or 1"), no, col_text(st, 15));
		if (sqlite3_column_int(st, 9))
			note(&r->values, _("an item has the number '%s', not a whole number above 0"), col_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("checking values"));
	if (store_prepare(s, other_sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 1))
			note(&r->values, _("%s: no name, subject or title"), col_text(st, 0));
		if (sqlite3_column_int(st, 2))
			note(&r->values, _("%s: date '%s' is not a date (YYYY-MM-DD)"), col_text(st, 0), col_text(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking values"));
}

/* ------------------------------------------------------------------ all */

int check_run(struct store *s, struct check_report *r, struct error *err)
{
	int rc;

	memset(r, 0, sizeof *r);
	r->schema_version = store_schema_version(s);
	r->schema_latest = migrate_latest();
	r->search_index = -1;

	if (!integrity(s, r))
		return 0; /* too damaged to go on; the report says so */
	if (references(s, r, err) != 0)
		return -1;
	if (r->schema_version < 1)
		return 0;
	if (r->schema_version >= r->schema_latest) {
		struct error missing = { 0 };

		if (store_check_tables(s, &missing) != 0) {
			const char *q = strchr(missing.msg, '\'');

			snprintf(r->missing_table, sizeof r->missing_table, "%.*s",
			         q != NULL ? (int)strcspn(q + 1, "'") : 63, q != NULL ? q + 1 : missing.msg);
			return 0; /* the checks below need every table */
		}
	}
	if (r->schema_version >= 2 && store_read_only(s) == STORE_RO_NO) {
		/* FTS5 checks its index against the item table; it changes nothing. */
		rc = sqlite3_exec(store_db(s), "INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)",
		                  NULL, NULL, NULL);
		r->search_index = rc == SQLITE_OK ? 1 : 0;
	}
	if (store_query_long(s, "SELECT count(*) FROM item WHERE archived = 0", &r->items, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM item WHERE archived = 1", &r->archived, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM document", &r->documents, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM unit", &r->units, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM locality", &r->localities, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM history", &r->history, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM comment", &r->comments, err) != 0)
		return -1;
	if (tree(s, r, err) != 0 || ranges(s, r, err) != 0 || texts(s, r, err) != 0)
		return -1;
	return 0;
}

bool check_ok(const struct check_report *r)
{
	return r->integrity_ok && r->refs.count == 0 && r->search_index != 0 &&
	       r->schema_version <= r->schema_latest && r->schema_version >= 1 &&
	       r->missing_table[0] == '\0' && r->tree.count == 0 && r->values.count == 0;
}
