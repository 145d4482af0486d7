#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "itemscan.h"
#include "refdata.h"
#include "search.h"
#include "store.h"

struct item_scan {
	struct store *store;
	struct item_filter filter;
	struct item_scan_options o;
	char today[11];
	struct search_query *query;
	sqlite3_stmt *st;
	long last;       /* the last number read */
	int status;      /* ITEM_SCAN_OPEN: the status being read (1..3); 4: done */
	bool done;
};

bool item_filter_active(const struct item_filter *f)
{
	return f != NULL && (f->statuses != 0 || f->kind != 0 || f->year != 0 || f->unit_id[0] != '\0' ||
	                     f->locality_id[0] != '\0' || f->search[0] != '\0');
}

bool item_filter_status_ok(const struct item_filter *f, int shown)
{
	if (f == NULL || f->statuses == 0)
		return true;
	return shown >= 1 && shown <= STATUS_MAX && (f->statuses & (1u << shown)) != 0;
}

int item_filter_sql(const struct item_filter *f, bool with_status, bool with_search, bool use_indexes,
                    struct strbuf *b)
{
	const char *plus = use_indexes ? "" : "+";
	int s;
	bool first = true;

	if (f == NULL)
		return 0;
	if (with_status && f->statuses != 0) {
		strbuf_puts(b, " AND (");
		for (s = 1; s <= STATUS_MAX; s++) {
			if (!(f->statuses & (1u << s)))
				continue;
			if (!first)
				strbuf_puts(b, " OR ");
			first = false;
			/*
			 * "+" keeps SQLite from reading these through their
			 * indexes: a scan goes in number order, a chunk at a time,
			 * and a status index would make it sort every match for
			 * each chunk.
			 */
			if (s == STATUS_OVERDUE)
				strbuf_printf(b, "(%si.status IN (1, 2, 3) AND %si.due_date < :today)", plus, plus);
			else if (status_is_open(s))
				strbuf_printf(b, "(%si.status = %d AND (%si.due_date IS NULL OR %si.due_date >= :today))",
				              plus, s, plus, plus);
			else
				strbuf_printf(b, "%si.status = %d", plus, s);
		}
		strbuf_puts(b, first ? "0)" : ")");
	}
	if (f->kind != 0)
		strbuf_puts(b, " AND i.kind = :kind");
	if (f->year != 0)
		strbuf_puts(b, " AND i.year = :year");
	if (f->unit_id[0] != '\0')
		strbuf_puts(b, " AND i.lead_unit_id = :unit");
	if (f->locality_id[0] != '\0')
		strbuf_puts(b, " AND i.id IN (SELECT item_id FROM item_locality WHERE locality_id = :loc)");
	if (with_search && f->search[0] != '\0')
		strbuf_puts(b, " AND i.no IN (SELECT rowid FROM item_fts WHERE item_fts MATCH :q)");
	return b->failed ? -1 : 0;
}

int item_filter_bind(sqlite3_stmt *st, const struct item_filter *f, const char *today, const char *fts)
{
	int i;

	if ((i = sqlite3_bind_parameter_index(st, ":today")) > 0)
		sqlite3_bind_text(st, i, today, -1, SQLITE_TRANSIENT);
	if (f == NULL)
		return 0;
	if ((i = sqlite3_bind_parameter_index(st, ":kind")) > 0)
		sqlite3_bind_int(st, i, f->kind);
	if ((i = sqlite3_bind_parameter_index(st, ":year")) > 0)
		sqlite3_bind_int(st, i, f->year);
	if ((i = sqlite3_bind_parameter_index(st, ":unit")) > 0 && store_bind_uuid(st, i, f->unit_id) != SQLITE_OK)
		return -1;
	if ((i = sqlite3_bind_parameter_index(st, ":loc")) > 0 &&
	    store_bind_uuid(st, i, f->locality_id) != SQLITE_OK)
		return -1;
	if ((i = sqlite3_bind_parameter_index(st, ":q")) > 0)
		sqlite3_bind_text(st, i, fts != NULL ? fts : "", -1, SQLITE_TRANSIENT);
	return 0;
}

/*
 * The value of field as of the scan's day: the old value of the first
 * change at or after the cut ('' for none), NULL when nothing changed it.
 */
#define OLD_VALUE(field) \
	"(SELECT ifnull(h.old_value, '') FROM change c JOIN history h ON h.change_id = c.id AND h.field IN " field \
	" WHERE c.entity_id = i.id AND c.at >= :cut ORDER BY c.at LIMIT 1)"

static int build(struct item_scan *sc, struct strbuf *b)
{
	bool fts = sc->query != NULL && sc->o.order == ITEM_SCAN_BY_NO;
	bool as_of = sc->o.as_of_ms > 0;

	strbuf_puts(b, "SELECT i.no, i.id, ifnull(i.code, ''), i.title, i.kind, i.status, i.progress,"
	               " ifnull(i.due_date, ''), ifnull(i.year, 0), i.lead_unit_id,"
	               " ifnull(u.short_name, ifnull(u.name, '')), ");
	if (sc->o.locality)
		strbuf_puts(b, "ifnull((SELECT l.name FROM item_locality il JOIN locality l ON l.id = il.locality_id"
		               " WHERE il.item_id = i.id ORDER BY l.name_key LIMIT 1), ''), ");
	else
		strbuf_puts(b, "'', ");
	if (as_of)
		strbuf_puts(b, OLD_VALUE("('status')") ", " OLD_VALUE("('progress')") ", "
		               OLD_VALUE("('due_date', 'due')"));
	else
		strbuf_puts(b, "NULL, NULL, NULL");
	strbuf_puts(b, fts ? " FROM item_fts f CROSS JOIN item i ON i.no = f.rowid" : " FROM item i");
	strbuf_puts(b, " LEFT JOIN unit u ON u.id = i.lead_unit_id WHERE i.archived = 0");
	if (fts)
		strbuf_puts(b, " AND item_fts MATCH :q");
	if (sc->o.order == ITEM_SCAN_BY_NO && item_filter_sql(&sc->filter, !as_of, false, false, b) != 0)
		return -1;
	if (sc->o.parent_no > 0)
		strbuf_puts(b, " AND i.parent_id = (SELECT id FROM item WHERE no = :parent)");
	if (sc->o.only_no > 0)
		strbuf_puts(b, " AND i.no = :only");
	if (as_of)
		strbuf_puts(b, " AND NOT EXISTS (SELECT 1 FROM change c WHERE c.entity_id = i.id AND c.at >= :cut"
		               " AND c.what IN ('add', 'import'))");
	if (sc->o.order == ITEM_SCAN_OPEN)
		strbuf_puts(b, " AND i.status = :status AND i.no > :last ORDER BY i.no LIMIT :n");
	else if (fts)
		strbuf_puts(b, " AND f.rowid > :last ORDER BY f.rowid LIMIT :n");
	else
		strbuf_puts(b, " AND i.no > :last ORDER BY i.no LIMIT :n");
	return b->failed ? -1 : 0;
}

int item_scan_open(struct item_scan **out, struct store *s, const struct item_filter *f,
                   const struct item_scan_options *o, struct error *err)
{
	struct item_scan *sc = calloc(1, sizeof *sc);
	struct strbuf b = STRBUF_INIT;
	int i;

	*out = NULL;
	if (sc == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	sc->store = s;
	sc->o = *o;
	sc->status = STATUS_PLANNED;
	if (o->today != NULL)
		snprintf(sc->today, sizeof sc->today, "%s", o->today);
	sc->o.today = sc->today;
	if (f != NULL && o->order == ITEM_SCAN_BY_NO) {
		sc->filter = *f;
		if (search_compile(f->search, &sc->query) != 0)
			goto nomem;
	}
	if (build(sc, &b) != 0)
		goto nomem;
	if (store_prepare(s, strbuf_str(&b), &sc->st, err) != 0) {
		strbuf_free(&b);
		item_scan_close(&sc);
		return -1;
	}
	strbuf_free(&b);
	if (item_filter_bind(sc->st, &sc->filter, sc->today, sc->query != NULL ? search_fts(sc->query) : NULL) != 0) {
		item_scan_close(&sc);
		return error_set(err, ERROR_RUNTIME, _("the filter names a unit or locality that is not a key"));
	}
	if ((i = sqlite3_bind_parameter_index(sc->st, ":cut")) > 0)
		sqlite3_bind_int64(sc->st, i, o->as_of_ms);
	if ((i = sqlite3_bind_parameter_index(sc->st, ":parent")) > 0)
		sqlite3_bind_int64(sc->st, i, o->parent_no);
	if ((i = sqlite3_bind_parameter_index(sc->st, ":only")) > 0)
		sqlite3_bind_int64(sc->st, i, o->only_no);
	*out = sc;
	return 0;
nomem:
	strbuf_free(&b);
	item_scan_close(&sc);
	return error_set(err, ERROR_RUNTIME, _("out of memory"));
}

static const char *text(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	return t != NULL ? t : "";
}

int history_status_value(const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v != '\0' && *end == '\0')
		return n >= STATUS_PLANNED && n <= STATUS_CANCELLED ? (int)n : 0;
	n = status_parse(v);
	return n >= STATUS_PLANNED && n <= STATUS_CANCELLED ? (int)n : 0;
}

int history_progress_value(const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || end == v || (*end != '\0' && strcmp(end, "%") != 0) || n < 0 || n > 100)
		return -1;
	return (int)n;
}

static void read_row(struct item_scan *sc, struct item_scan_row *r)
{
	sqlite3_stmt *st = sc->st;
	const char *due;

	memset(r, 0, sizeof *r);
	r->no = (long)sqlite3_column_int64(st, 0);
	store_column_uuid(st, 1, r->id);
	r->code = text(st, 2);
	r->title = text(st, 3);
	r->kind = sqlite3_column_int(st, 4);
	r->status = sqlite3_column_int(st, 5);
	r->progress = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
	snprintf(r->due, sizeof r->due, "%s", text(st, 7));
	r->year = sqlite3_column_int(st, 8);
	store_column_uuid(st, 9, r->lead_id);
	r->lead = text(st, 10);
	r->locality = text(st, 11);
	if (sqlite3_column_type(st, 12) != SQLITE_NULL) {
		int s = history_status_value(text(st, 12));

		if (s != 0)
			r->status = s;
	}
	if (sqlite3_column_type(st, 13) != SQLITE_NULL)
		r->progress = history_progress_value(text(st, 13));
	if (sqlite3_column_type(st, 14) != SQLITE_NULL) {
		due = text(st, 14);
		snprintf(r->due, sizeof r->due, "%s", strlen(due) == 10 ? due : "");
	}
}

int item_scan_step(struct item_scan *sc, int max, int (*fn)(void *ctx, const struct item_scan_row *r),
                   void *ctx, struct error *err)
{
	int got = 0, rc, i;
	bool as_of = sc->o.as_of_ms > 0;

	if (max <= 0)
		max = -1;
	while (!sc->done) {
		int in_chunk = 0;

		sqlite3_reset(sc->st);
		if ((i = sqlite3_bind_parameter_index(sc->st, ":last")) > 0)
			sqlite3_bind_int64(sc->st, i, sc->last);
		if ((i = sqlite3_bind_parameter_index(sc->st, ":status")) > 0)
			sqlite3_bind_int(sc->st, i, sc->status);
		if ((i = sqlite3_bind_parameter_index(sc->st, ":n")) > 0)
			sqlite3_bind_int(sc->st, i, max < 0 ? -1 : max - got);
		while ((rc = sqlite3_step(sc->st)) == SQLITE_ROW) {
			struct item_scan_row r;
			int stop;

			read_row(sc, &r);
			sc->last = r.no;
			in_chunk++;
			got++;
			if (as_of && sc->filter.statuses != 0 &&
			    !item_filter_status_ok(&sc->filter, status_display(r.status, r.due, sc->today)))
				continue;
			if ((stop = fn(ctx, &r)) != 0) {
				sqlite3_reset(sc->st);
				return stop;
			}
		}
		if (rc != SQLITE_DONE) {
			store_fail(sc->store, err, _("reading items"));
			sqlite3_reset(sc->st);
			return -1;
		}
		sqlite3_reset(sc->st);
		if (max >= 0 && got >= max)
			return 1;
		/* Fewer rows than asked for: this range is over. */
		(void)in_chunk;
		if (sc->o.order == ITEM_SCAN_OPEN && sc->status < STATUS_SUSPENDED) {
			sc->status++;
			sc->last = 0;
			continue;
		}
		sc->done = true;
	}
	return 0;
}

void item_scan_close(struct item_scan **psc)
{
	struct item_scan *sc;

	if (psc == NULL || *psc == NULL)
		return;
	sc = *psc;
	sqlite3_finalize(sc->st);
	search_free(&sc->query);
	free(sc);
	*psc = NULL;
}
