#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "check.h"
#include "checkcounts.h"
#include "checkpart.h"
#include "i18n.h"
#include "migrate.h"
#include "store.h"

/* How fast a check reads a file (see check_estimate_seconds). */
#define FULL_MB_PER_S 25.0
#define QUICK_MB_PER_S 50.0

void check_note(struct check_list *l, const char *fmt, ...)
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

/* Runs integrity_check (quick_check when r->quick); false when the file is too damaged to go on. */
static bool integrity(struct store *s, struct check_report *r)
{
	sqlite3_stmt *st;
	int rc;

	r->integrity_ok = true;
	if (sqlite3_prepare_v2(store_db(s), r->quick ? "PRAGMA quick_check(100)" : "PRAGMA integrity_check(100)",
	                       -1, &st, NULL) != SQLITE_OK) {
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

/*
 * An SQL expression, over a row x of table, that names it for a clerk:
 * "item #12", "item_partner of item #12", "unit 1a2b…" (its key), or the
 * table and its rowid. The caller frees it with sqlite3_free.
 */
static char *row_label(const char *table, bool v3)
{
	if (strcmp(table, "item") == 0 || strcmp(table, "document") == 0)
		return sqlite3_mprintf("'%q #' || x.no", table);
	if (strcmp(table, "item_partner") == 0 || strcmp(table, "item_locality") == 0 ||
	    strcmp(table, "item_document") == 0 || strcmp(table, "target") == 0 ||
	    strcmp(table, "comment") == 0)
		return sqlite3_mprintf("'%q of item #' || ifnull((SELECT no FROM item WHERE id = x.item_id), '?')",
		                       table);
	if (strcmp(table, "history") == 0 && v3)
		return sqlite3_mprintf("'history of change ' || lower(hex(x.change_id))");
	if (strcmp(table, "document_link") == 0)
		return sqlite3_mprintf("'document_link of document #' || ifnull((SELECT no FROM document WHERE id = x.from_id), '?')");
	if (strcmp(table, "programme_party") == 0)
		return sqlite3_mprintf("'programme_party of unit ' || lower(hex(x.unit_id))");
	if (strcmp(table, "unit") == 0 || strcmp(table, "locality") == 0 || strcmp(table, "programme") == 0 ||
	    strcmp(table, "change") == 0)
		return sqlite3_mprintf(v3 ? "'%q ' || lower(hex(x.id))" : "'%q ' || quote(x.id)", table);
	return sqlite3_mprintf("'%q row ' || x.rowid", table);
}

/* A value as a clerk reads it: a key as its text, anything else as is. */
void check_value_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
	if (sqlite3_column_type(st, i) == SQLITE_BLOB && sqlite3_column_bytes(st, i) == 16)
		store_column_uuid(st, i, out);
	else
		snprintf(out, n, "%s", col_text(st, i));
}

static bool table_exists(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(store_db(s), "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1,
	                       &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* The foreign keys of one table: column, parent table, parent column. */
struct fkeys {
	char table[64];
	int n;
	char col[16][64], parent[16][64], pcol[16][64];
};

/*
 * The rows of table whose value of one of its foreign keys has no row in
 * the parent table: one pass over the table, every key looked up.
 */
static int dangling(struct store *s, struct check_report *r, const struct fkeys *fk, struct error *err)
{
	char *label = row_label(fk->table, r->schema_version >= 3), *cols = NULL, *where = NULL, *sql;
	sqlite3_stmt *st;
	int rc, i;

	if (label == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (i = 0; i < fk->n; i++) {
		char *cond = sqlite3_mprintf("(x.\"%w\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"%w\" p WHERE p.\"%w\" = x.\"%w\"))",
		                             fk->col[i], fk->parent[i], fk->pcol[i], fk->col[i]);

		cols = cond != NULL ? sqlite3_mprintf("%z, x.\"%w\", %s", cols, fk->col[i], cond) : NULL;
		where = cond != NULL ? sqlite3_mprintf("%z%s%s", where, i > 0 ? " OR " : "", cond) : NULL;
		sqlite3_free(cond);
		if (cols == NULL || where == NULL)
			break;
	}
	sql = cols != NULL && where != NULL
	      ? sqlite3_mprintf("SELECT %s%s FROM \"%w\" x WHERE %s", label, cols, fk->table, where) : NULL;
	sqlite3_free(label);
	sqlite3_free(cols);
	sqlite3_free(where);
	if (sql == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	rc = store_prepare(s, sql, &st, err);
	sqlite3_free(sql);
	if (rc != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < fk->n; i++) {
			char val[80];

			if (!sqlite3_column_int(st, 2 + 2 * i))
				continue;
			check_value_text(st, 1 + 2 * i, val, sizeof val);
			check_note(&r->refs, _("%s: %s '%s': there is no such %s"), col_text(st, 0), fk->col[i], val,
			     fk->parent[i]);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking references"));
}

/*
 * Every reference to a row that does not exist (also when foreign keys were
 * off in the sqlite3 shell): each foreign key of each table looked up, in
 * one pass over the table.
 */
static int references(struct store *s, struct check_report *r, struct error *err)
{
	struct fkeys fk;
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s,
	                  "SELECT m.name, f.\"from\", f.\"table\", ifnull(f.\"to\", 'rowid')"
	                  " FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f"
	                  " WHERE m.type = 'table' ORDER BY m.name, f.id",
	                  &st, err) != 0)
		return -1;
	memset(&fk, 0, sizeof fk);
	for (;;) {
		rc = sqlite3_step(st);
		if (fk.n > 0 && (rc != SQLITE_ROW || strcmp(fk.table, col_text(st, 0)) != 0 ||
		                 fk.n == (int)(sizeof fk.col / sizeof fk.col[0]))) {
			if (dangling(s, r, &fk, err) != 0) {
				sqlite3_finalize(st);
				return -1;
			}
			fk.n = 0;
		}
		if (rc != SQLITE_ROW)
			break;
		if (!table_exists(s, col_text(st, 2)))
			continue; /* a missing table is reported on its own */
		snprintf(fk.table, sizeof fk.table, "%s", col_text(st, 0));
		snprintf(fk.col[fk.n], sizeof fk.col[0], "%s", col_text(st, 1));
		snprintf(fk.parent[fk.n], sizeof fk.parent[0], "%s", col_text(st, 2));
		snprintf(fk.pcol[fk.n], sizeof fk.pcol[0], "%s", col_text(st, 3));
		fk.n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking references"));
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
		"programme", "item", "unit", "locality", "document", "target", "comment", "change", "history",
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

		if (!table_exists(s, tables[t]))
			continue; /* an older schema's */
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
		{
			char *label = row_label(tables[t], r->schema_version >= 3);

			sql = label != NULL ? sqlite3_mprintf("SELECT %s FROM \"%w\" x WHERE %s", label, tables[t], where)
			                    : NULL;
			sqlite3_free(label);
		}
		sqlite3_free(where);
		if (sql == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		rc = store_prepare(s, sql, &st, err);
		sqlite3_free(sql);
		if (rc != 0)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			check_note(&r->values, _("%s: text that is not UTF-8 or holds a NUL byte (shown garbled or cut)"),
			     col_text(st, 0));
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
		" UNION ALL SELECT 'unit ' || lower(hex(id)), name IS NULL OR name = '', 0, NULL"
		" FROM unit WHERE name IS NULL OR name = ''"
		" UNION ALL SELECT 'locality ' || lower(hex(id)), name IS NULL OR name = '', 0, NULL"
		" FROM locality WHERE name IS NULL OR name = ''"
		" UNION ALL SELECT 'programme ' || lower(hex(id)), 1, 0, NULL FROM programme WHERE title IS NULL OR title = ''"
		" UNION ALL SELECT 'programme', 2, 0, NULL WHERE NOT EXISTS (SELECT 1 FROM programme)"
		" AND EXISTS (SELECT 1 FROM item)";
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, item_sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long no = (long)sqlite3_column_int64(st, 0);

		if (sqlite3_column_int(st, 1))
			check_note(&r->values, _("item #%ld: no title"), no);
		if (sqlite3_column_int(st, 2))
			check_note(&r->values, _("item #%ld: progress '%s' is not a whole number from 0 to 100"), no, col_text(st, 10));
		if (sqlite3_column_int(st, 3))
			check_note(&r->values, _("item #%ld: start date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 11));
		if (sqlite3_column_int(st, 4))
			check_note(&r->values, _("item #%ld: due date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 12));
		if (sqlite3_column_int(st, 5))
			check_note(&r->values, _("item #%ld: completion date '%s' is not a date (YYYY-MM-DD)"), no, col_text(st, 13));
		if (sqlite3_column_int(st, 6))
			check_note(&r->values, _("item #%ld: due before it starts (%s, %s)"), no, col_text(st, 12), col_text(st, 11));
		if (sqlite3_column_int(st, 7))
			check_note(&r->values, _("item #%ld: year '%s' is not a year from 1900 to 2200"), no, col_text(st, 14));
		if (sqlite3_column_int(st, 8))
			check_note(&r->values, _("item #%ld: archived is '%s', not 0 or 1"), no, col_text(st, 15));
		if (sqlite3_column_int(st, 9))
			check_note(&r->values, _("an item has the number '%s', not a whole number above 0"), col_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("checking values"));
	if (store_prepare(s, other_sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 1) == 2)
			check_note(&r->values, "%s", _("the programme's record is missing: the screens and reports have no title"));
		else if (sqlite3_column_int(st, 1))
			check_note(&r->values, _("%s: no name, subject or title"), col_text(st, 0));
		if (sqlite3_column_int(st, 2))
			check_note(&r->values, _("%s: date '%s' is not a date (YYYY-MM-DD)"), col_text(st, 0), col_text(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking values"));
}

/* ------------------------------------------------------------------ all */

struct steps {
	const struct check_options *opt;
	const char *what;
	int step, steps;
};

/* SQLite calls this now and then during a long statement: the caller hears the step again. */
static int tick(void *ctx)
{
	struct steps *p = ctx;

	p->opt->progress(p->opt->ctx, p->what, p->step, p->steps);
	return 0;
}

static void start(struct steps *p, const char *what)
{
	p->what = what;
	p->step++;
	if (p->opt != NULL && p->opt->progress != NULL)
		p->opt->progress(p->opt->ctx, what, p->step, p->steps);
}

static int counts(struct store *s, struct check_report *r, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT count(*) FILTER (WHERE archived = 0), count(*) FILTER (WHERE archived = 1) FROM item",
	                  &st, err) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->items = (long)sqlite3_column_int64(st, 0);
		r->archived = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("counting items"));
	if (store_query_long(s, "SELECT count(*) FROM document", &r->documents, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM unit", &r->units, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM locality", &r->localities, err) != 0 ||
	    (r->schema_version >= 3 &&
	     store_query_long(s, "SELECT count(*) FROM change", &r->changes, err) != 0) ||
	    store_query_long(s, "SELECT count(*) FROM history", &r->history, err) != 0 ||
	    store_query_long(s, "SELECT count(*) FROM comment", &r->comments, err) != 0)
		return -1;
	return 0;
}

static int run(struct store *s, struct steps *p, struct check_report *r, struct error *err)
{
	int rc;

	start(p, r->quick ? _("SQLite's quick check") : _("SQLite's integrity check"));
	if (!integrity(s, r))
		return 0; /* too damaged to go on; the report says so */
	if (r->schema_version >= r->schema_latest) {
		struct error missing = { 0 };

		if (store_check_tables(s, &missing) != 0) {
			const char *q = strchr(missing.msg, '\'');

			snprintf(r->missing_table, sizeof r->missing_table, "%.*s",
			         q != NULL ? (int)strcspn(q + 1, "'") : 63, q != NULL ? q + 1 : missing.msg);
			return 0; /* the checks below need every table */
		}
	}
	start(p, _("references"));
	if (references(s, r, err) != 0)
		return -1;
	if (r->schema_version < 1)
		return 0;
	start(p, _("the search index"));
	if (r->schema_version >= 2 && store_read_only(s) == STORE_RO_NO) {
		/* FTS5 checks its index against the item table; it changes nothing. */
		rc = sqlite3_exec(store_db(s), "INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)",
		                  NULL, NULL, NULL);
		r->search_index = rc == SQLITE_OK ? 1 : 0;
	}
	start(p, _("the tree of items"));
	if (counts(s, r, err) != 0 || check_tree(s, r, err) != 0)
		return -1;
	start(p, _("values"));
	if (ranges(s, r, err) != 0 || texts(s, r, err) != 0)
		return -1;
	start(p, _("the kept counts"));
	if (r->schema_version >= 3) {
		bool same;

		if (check_kept_counts(s, &same, err) != 0)
			return -1;
		r->tally_ok = same;
	}
	return 0;
}

int check_run(struct store *s, const struct check_options *opt, struct check_report *r,
              struct error *err)
{
	struct steps p = { opt, NULL, 0, 6 };
	int rc;

	memset(r, 0, sizeof *r);
	r->schema_version = store_schema_version(s);
	r->schema_latest = migrate_latest();
	r->search_index = -1;
	r->tally_ok = -1;
	r->quick = opt != NULL && opt->quick;
	if (opt != NULL && opt->progress != NULL)
		store_set_interrupt(s, tick, &p);
	rc = run(s, &p, r, err);
	if (opt != NULL && opt->progress != NULL)
		store_set_interrupt(s, NULL, NULL);
	return rc;
}

long check_estimate_seconds(long long bytes, bool quick)
{
	/* Measured by the benchmark, rounded down: 1.4 GB (a million items) in 38 to 42 s, quick 18 to 27 s, on 2 shared cores. */
	double mb = (double)bytes / 1e6;

	return (long)(mb / (quick ? QUICK_MB_PER_S : FULL_MB_PER_S) + 0.5);
}

bool check_ok(const struct check_report *r)
{
	return r->integrity_ok && r->refs.count == 0 && r->search_index != 0 && r->tally_ok != 0 &&
	       r->schema_version <= r->schema_latest && r->schema_version >= 1 &&
	       r->missing_table[0] == '\0' && r->tree.count == 0 && r->values.count == 0;
}
