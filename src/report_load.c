#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "i18n.h"
#include "itemscan.h"
#include "locmatrix.h"
#include "refdata.h"
#include "report_load.h"
#include "search.h"
#include "store.h"
#include "strbuf.h"

#define NOMEM (-2) /* what the callbacks return when memory ran out */

long long report_day_ms(const char *iso, int start)
{
	char check[11];
	struct tm tm;
	time_t t;

	if (iso == NULL || date_parse(iso, check) != 0 || strcmp(check, iso) != 0)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8) + (start ? 0 : 1);
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	return (long long)t * 1000;
}

/* What the scan of the items keeps: the pilots with sub-items whose matrices follow. */
struct scan {
	struct report *r;
	struct locmatrix_probe *probe;
	size_t cap;            /* matrices shown (0: all) */
	long *nos;
	char **titles;
	size_t n, alloc;
	struct error *err;
};

static int keep_pilot(struct scan *sc, const struct item_scan_row *row)
{
	if (sc->cap > 0 && sc->n >= sc->cap) {
		sc->r->matrices_more++;
		return 0;
	}
	if (sc->n == sc->alloc) {
		size_t cap = sc->alloc != 0 ? sc->alloc * 2 : 8;
		long *nos = realloc(sc->nos, cap * sizeof *nos);
		char **titles;

		if (nos == NULL)
			return NOMEM;
		sc->nos = nos;
		titles = realloc(sc->titles, cap * sizeof *titles);
		if (titles == NULL)
			return NOMEM;
		sc->titles = titles;
		sc->alloc = cap;
	}
	if ((sc->titles[sc->n] = strdup(row->title)) == NULL)
		return NOMEM;
	sc->nos[sc->n++] = row->no;
	return 0;
}

static int tally_row(void *ctx, const struct item_scan_row *row)
{
	struct scan *sc = ctx;
	struct report_item it = {
		.no = row->no, .code = row->code, .title = row->title, .kind = row->kind, .status = row->status,
		.progress = row->progress, .due = row->due, .lead = row->lead[0] != '\0' ? row->lead : NULL,
		.year = row->year,
	};
	int has;

	if (report_tally(sc->r, &it) != 0)
		return NOMEM;
	has = locmatrix_probe_has(sc->probe, row->id, row->kind, sc->err);
	if (has < 0)
		return -1;
	return has ? keep_pilot(sc, row) : 0;
}

static void scan_free(struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		free(sc->titles[i]);
	free(sc->titles);
	free(sc->nos);
	locmatrix_probe_close(&sc->probe);
}

/* ------------------------------------------------------------------ changes */

/* A document as a change names it: "Decision no. 1064", or its subject when its number is not known. */
static char *document_name(int type, const char *number, const char *subject)
{
	char *s = NULL;

	if (number != NULL && *number != '\0') {
		const char *t = doc_type_name(type);

		if (asprintf(&s, _("%s no. %s"), t != NULL ? t : "", number) < 0)
			return NULL;
		return s;
	}
	return strdup(subject != NULL ? subject : "");
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int keep_change(struct report *r, sqlite3_stmt *st)
{
	const char *what = col(st, 4), *date = col(st, 0), *title = col(st, 3);
	long no = (long)sqlite3_column_int64(st, 2);

	if (what == NULL || date == NULL)
		return 0;
	if (strcmp(what, "add") == 0)
		return report_add_change(r, date, no, title, REPORT_CHANGE_ADDED, 0, 0, NULL);
	if (strcmp(what, "status") == 0) {
		int from = history_status_value(col(st, 5) != NULL ? col(st, 5) : "");
		int to = history_status_value(col(st, 6) != NULL ? col(st, 6) : "");

		return report_add_change(r, date, no, title, REPORT_CHANGE_STATUS, from, to, NULL);
	}
	if (strcmp(what, "progress") == 0) {
		int from = history_progress_value(col(st, 5) != NULL ? col(st, 5) : "");
		int to = history_progress_value(col(st, 6) != NULL ? col(st, 6) : "");

		return report_add_change(r, date, no, title, REPORT_CHANGE_PROGRESS, from, to, NULL);
	}
	if (strcmp(what, "document") == 0) {
		char *name = document_name(sqlite3_column_int(st, 5), col(st, 6), col(st, 7));
		int rc;

		if (name == NULL) {
			r->failed = true;
			return -1;
		}
		rc = report_add_change(r, date, no, title, REPORT_CHANGE_DOCUMENT, 0, 0, name);
		free(name);
		return rc;
	}
	return 0;
}

static int found(void *ctx, const struct item_scan_row *row)
{
	(void)row;
	*(bool *)ctx = true;
	return 0;
}

/*
 * Whether item no passes the statuses of f as the item stood at cut_ms
 * (its status and due date then, overdue as of the day as_of): 1, 0, or -1
 * with err set.
 */
static int status_was_in(struct store *s, const struct item_filter *f, long no, long long cut_ms,
                         const char *as_of, struct error *err)
{
	struct item_filter only = { .statuses = f->statuses };
	struct item_scan_options so = { .order = ITEM_SCAN_BY_NO, .today = as_of, .as_of_ms = cut_ms, .only_no = no };
	struct item_scan *sc = NULL;
	bool in = false;
	int rc;

	if (item_scan_open(&sc, s, &only, &so, err) != 0)
		return -1;
	rc = item_scan_step(sc, 0, found, &in, err);
	item_scan_close(&sc);
	return rc < 0 ? -1 : in;
}

/*
 * The changes to the items of the view from since_ms to cut_ms (and the
 * documents signed from since to the as-of date), newest first: the first
 * cap kept, the others counted in r->changes_more. The statuses of the
 * filter are the items' as the report shows them: now when the report is
 * as of today (past false), else as of cut_ms.
 */
static int load_changes(struct report *r, struct store *s, const struct report_load_options *o,
                        long long since_ms, long long cut_ms, bool past, struct error *err)
{
	bool check_past = past && o->filter != NULL && o->filter->statuses != 0;
	struct strbuf b = STRBUF_INIT, where = STRBUF_INIT;
	struct search_query *q = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1, step;
	size_t kept = 0;

	if (o->filter != NULL && search_compile(o->filter->search, &q) != 0)
		goto nomem;
	if (item_filter_sql(o->filter, !past, q != NULL, false, &where) != 0)
		goto nomem;
	strbuf_printf(&b,
	              "SELECT * FROM ("
	              "SELECT date(c.at / 1000, 'unixepoch', 'localtime') AS d, c.at AS t, i.no, i.title, 'add',"
	              " NULL, NULL, NULL"
	              " FROM change c JOIN item i ON i.id = c.entity_id"
	              " WHERE c.entity = 'item' AND c.what IN ('add', 'import') AND c.at >= :since AND c.at < :cut"
	              " AND i.archived = 0%s"
	              " UNION ALL "
	              "SELECT date(c.at / 1000, 'unixepoch', 'localtime'), c.at, i.no, i.title, h.field,"
	              " h.old_value, h.new_value, NULL"
	              " FROM change c JOIN history h ON h.change_id = c.id JOIN item i ON i.id = c.entity_id"
	              " WHERE c.entity = 'item' AND h.field IN ('status', 'progress') AND c.at >= :since"
	              " AND c.at < :cut AND i.archived = 0%s"
	              " UNION ALL "
	              "SELECT d.signed_date, 0, i.no, i.title, 'document', d.type, d.number, d.subject"
	              " FROM document d JOIN item_document x ON x.document_id = d.id JOIN item i ON i.id = x.item_id"
	              " WHERE d.archived = 0 AND i.archived = 0 AND d.signed_date >= :since_day"
	              " AND d.signed_date <= :as_of%s"
	              ") ORDER BY d DESC, t DESC",
	              strbuf_str(&where), strbuf_str(&where), strbuf_str(&where));
	if (b.failed)
		goto nomem;
	if (store_prepare(s, strbuf_str(&b), &st, err) != 0)
		goto done;
	if (item_filter_bind(st, o->filter, r->as_of, q != NULL ? search_fts(q) : NULL) != 0) {
		error_set(err, ERROR_RUNTIME, _("the filter names a unit or locality that is not a key"));
		goto done;
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":since"), since_ms);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":cut"), cut_ms);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":since_day"), r->since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":as_of"), r->as_of, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		size_t before = r->n_changes;

		if (check_past) {
			int in = status_was_in(s, o->filter, (long)sqlite3_column_int64(st, 2), cut_ms, r->as_of, err);

			if (in < 0)
				goto done;
			if (in == 0)
				continue;
		}
		if (o->changes_cap > 0 && kept >= o->changes_cap) {
			r->changes_more++;
			continue;
		}
		if (keep_change(r, st) != 0)
			goto nomem;
		kept += r->n_changes - before;
	}
	if (step != SQLITE_DONE) {
		store_fail(s, err, _("reading the history"));
		goto done;
	}
	rc = 0;
	goto done;
nomem:
	rc = error_set(err, ERROR_RUNTIME, _("out of memory"));
done:
	sqlite3_finalize(st);
	strbuf_free(&b);
	strbuf_free(&where);
	search_free(&q);
	return rc;
}

/* ------------------------------------------------------------------ the report */

int report_load(struct report *r, struct store *s, const struct report_load_options *o, struct error *err)
{
	bool past = o->today != NULL && strcmp(r->as_of, o->today) < 0;
	long long cut = past ? report_day_ms(r->as_of, 0) : 0;
	struct item_scan_options so = { .order = ITEM_SCAN_BY_NO, .today = r->as_of, .as_of_ms = cut };
	struct item_scan *sc = NULL;
	struct scan pass = { .r = r, .cap = o->matrices_cap, .err = err };
	size_t i;
	int rc;

	if (cut < 0)
		return error_set(err, ERROR_USAGE, _("report: the as-of date '%s' is not a date (YYYY-MM-DD)"), r->as_of);
	r->overdue_cap = o->overdue_cap;
	if (locmatrix_probe_open(&pass.probe, s, err) != 0)
		return -1;
	if (item_scan_open(&sc, s, o->filter, &so, err) != 0) {
		scan_free(&pass);
		return -1;
	}
	rc = item_scan_step(sc, 0, tally_row, &pass, err);
	item_scan_close(&sc);
	for (i = 0; rc == 0 && i < pass.n; i++)
		if (locmatrix_load(s, r, pass.nos[i], pass.titles[i], cut, o->matrix_rows_cap, err) < 0)
			rc = -1;
	scan_free(&pass);
	if (rc == NOMEM)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	if (rc < 0)
		return -1;
	if (r->since[0] != '\0') {
		long long since_ms = report_day_ms(r->since, 1), end_ms = report_day_ms(r->as_of, 0);

		if (since_ms < 0 || end_ms < 0)
			return error_set(err, ERROR_USAGE, _("report: the since date '%s' is not a date (YYYY-MM-DD)"),
			                 r->since);
		if (load_changes(r, s, o, since_ms, end_ms, past, err) != 0)
			return -1;
	}
	return report_finish(r, err);
}
