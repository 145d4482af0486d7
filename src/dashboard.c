#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "date.h"
#include "dashboard.h"
#include "i18n.h"
#include "itemscan.h"
#include "locmatrix.h"
#include "refdata.h"
#include "store.h"

#define NOMEM (-2) /* what the callbacks return when memory ran out */

enum phase { PHASE_ITEMS, PHASE_MATRICES, PHASE_DONE };

/* A lead unit's label as shown, and its key. */
struct unit_ref {
	char *label;
	char id[UUID_LEN + 1];
};

struct dashboard {
	struct store *store, *reader;
	struct item_filter filter;
	bool filtered;
	char today[11];
	enum date_style style;
	struct report *shown;   /* what the screen shows */
	struct report *work;    /* what is being counted */
	bool counts_known;
	enum phase phase;
	struct item_scan *scan;
	struct locmatrix_probe *probe; /* with a filter: is an item a pilot with sub-items */
	struct unit_ref *units;
	size_t n_units, cap_units;
	struct dashboard_matrix *mx;
	int n_mx, cap_mx;
	long mx_more, mx_last;
	struct error *err;      /* of the step under way, for the callbacks */
};

/* ------------------------------------------------------------------ units */

static int add_unit(struct dashboard *d, const char *label, const char *id)
{
	size_t i;

	for (i = 0; i < d->n_units; i++)
		if (strcmp(d->units[i].label, label) == 0)
			return 0;
	if (d->n_units == d->cap_units) {
		size_t cap = d->cap_units != 0 ? d->cap_units * 2 : 16;
		struct unit_ref *u = realloc(d->units, cap * sizeof *u);

		if (u == NULL)
			return -1;
		d->units = u;
		d->cap_units = cap;
	}
	if ((d->units[d->n_units].label = strdup(label)) == NULL)
		return -1;
	snprintf(d->units[d->n_units].id, sizeof d->units[d->n_units].id, "%s", id);
	d->n_units++;
	return 0;
}

const char *dashboard_unit_id(const struct dashboard *d, const char *label)
{
	size_t i;

	for (i = 0; label != NULL && i < d->n_units; i++)
		if (strcmp(d->units[i].label, label) == 0)
			return d->units[i].id[0] != '\0' ? d->units[i].id : NULL;
	return NULL;
}

/* ------------------------------------------------------------------ the kept counts */

static void set_counts(struct report_line *l, sqlite3_stmt *st)
{
	l->items = (long)sqlite3_column_int64(st, 2);
	l->done = (long)sqlite3_column_int64(st, 3);
	l->progress_sum = (long)sqlite3_column_int64(st, 4);
	l->progress_known = (long)sqlite3_column_int64(st, 5);
}

struct tally_unit {
	char *label;
	char id[UUID_LEN + 1];
	struct report_line counts;
};

static int by_unit_label(const void *a, const void *b)
{
	const struct tally_unit *x = a, *y = b;

	if (x->id[0] == '\0' || y->id[0] == '\0')
		return (x->id[0] == '\0') - (y->id[0] == '\0');
	return collate_vi(x->label, strlen(x->label), y->label, strlen(y->label));
}

/* Fills r from the tally table: the lines by status (as stored), kind, year and lead unit, and the total. */
static int read_tally(struct dashboard *d, struct report *r, struct error *err)
{
	sqlite3_stmt *st;
	struct tally_unit *tu = NULL;
	size_t ntu = 0, captu = 0, i;
	int rc, ret = -1;

	if (store_prepare(d->store,
	                  "SELECT t.dim, t.key, t.n, t.done, t.progress_sum, t.progress_n,"
	                  " ifnull(u.short_name, u.name), typeof(t.key)"
	                  " FROM tally t LEFT JOIN unit u ON t.dim = 'unit' AND u.id = t.key"
	                  " WHERE t.n > 0 ORDER BY t.dim, t.key",
	                  &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *dim = (const char *)sqlite3_column_text(st, 0);
		bool none = strcmp((const char *)sqlite3_column_text(st, 7), "integer") != 0 &&
		            sqlite3_column_bytes(st, 1) == 0;
		int key = none ? 0 : sqlite3_column_int(st, 1);
		struct report_line *l = NULL;
		char label[16];

		if (dim == NULL)
			continue;
		if (strcmp(dim, "all") == 0) {
			set_counts(&r->total, st);
		} else if (strcmp(dim, "status") == 0) {
			if ((l = report_status_line(r, key)) != NULL)
				set_counts(l, st);
		} else if (strcmp(dim, "kind") == 0) {
			if ((l = report_add_line(r, &r->by_kind, key, kind_name(key) != NULL ? kind_name(key) : "?")) == NULL)
				goto nomem;
			set_counts(l, st);
		} else if (strcmp(dim, "year") == 0) {
			snprintf(label, sizeof label, "%d", key);
			if ((l = report_add_line(r, &r->by_year, key, key > 0 ? label : _("No year"))) == NULL)
				goto nomem;
			set_counts(l, st);
		} else if (strcmp(dim, "unit") == 0) {
			const char *name = (const char *)sqlite3_column_text(st, 6);
			struct tally_unit *u;

			if (ntu == captu) {
				size_t cap = captu != 0 ? captu * 2 : 16;
				struct tally_unit *n = realloc(tu, cap * sizeof *n);

				if (n == NULL)
					goto nomem;
				tu = n;
				captu = cap;
			}
			u = &tu[ntu];
			memset(u, 0, sizeof *u);
			if (!none && sqlite3_column_bytes(st, 1) == 16)
				store_column_uuid(st, 1, u->id);
			u->label = strdup(u->id[0] == '\0' ? _("No lead unit") : name != NULL ? name : _("(unit not found)"));
			if (u->label == NULL)
				goto nomem;
			set_counts(&u->counts, st);
			ntu++;
		}
	}
	if (rc != SQLITE_DONE) {
		store_fail(d->store, err, _("reading the counts"));
		goto done;
	}
	if (ntu > 1)
		qsort(tu, ntu, sizeof *tu, by_unit_label);
	for (i = 0; i < ntu; i++) {
		struct report_line *l = report_add_line(r, &r->by_lead, tu[i].id[0] != '\0' ? 0 : -1, tu[i].label);

		if (l == NULL || add_unit(d, tu[i].label, tu[i].id) != 0)
			goto nomem;
		l->items = tu[i].counts.items;
		l->done = tu[i].counts.done;
		l->progress_sum = tu[i].counts.progress_sum;
		l->progress_known = tu[i].counts.progress_known;
	}
	ret = 0;
	goto done;
nomem:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
done:
	sqlite3_finalize(st);
	for (i = 0; i < ntu; i++)
		free(tu[i].label);
	free(tu);
	return ret;
}

/* ------------------------------------------------------------------ steps */

static struct report_line *line_by_key(struct report_lines *l, int key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].key == key)
			return &l->v[i];
	return NULL;
}

static struct report_line *line_by_label(struct report_lines *l, const char *label)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].label != NULL && strcmp(l->v[i].label, label) == 0)
			return &l->v[i];
	return NULL;
}

/* One open item, without a filter: overdue ones move to the overdue line; every one counts in its unit's debts. */
static int open_item(void *ctx, const struct item_scan_row *row)
{
	struct dashboard *d = ctx;
	struct report *w = d->work;
	const char *lead = row->lead[0] != '\0' ? row->lead : _("No lead unit");
	int shown = status_display(row->status, row->due, d->today);
	struct report_line *l;

	if (shown == STATUS_OVERDUE) {
		if ((l = report_status_line(w, row->status)) != NULL) {
			l->items--;
			if (row->progress >= 0) {
				l->progress_sum -= row->progress;
				l->progress_known--;
			}
		}
		if ((l = report_status_line(w, STATUS_OVERDUE)) != NULL)
			report_line_count(l, STATUS_OVERDUE, row->progress);
		if ((l = line_by_key(&w->by_kind, row->kind)) != NULL)
			l->overdue++;
		if ((l = line_by_key(&w->by_year, row->year)) != NULL)
			l->overdue++;
		if ((l = line_by_label(&w->by_lead, lead)) != NULL)
			l->overdue++;
		w->total.overdue++;
		if (report_add_overdue(w, row->no, row->code, row->title, row->lead[0] != '\0' ? row->lead : NULL, row->due,
		                       date_days_between(row->due, d->today)) != 0)
			return NOMEM;
	}
	return report_add_debt(w, lead, 1, shown == STATUS_OVERDUE) != 0 ? NOMEM : 0;
}

static int keep_matrix(struct dashboard *d, long no, const char *title);

/* One item of the view, with a filter: counted whole. */
static int view_item(void *ctx, const struct item_scan_row *row)
{
	struct dashboard *d = ctx;
	struct report_item it = {
		.no = row->no, .code = row->code, .title = row->title, .kind = row->kind, .status = row->status,
		.progress = row->progress, .due = row->due, .lead = row->lead[0] != '\0' ? row->lead : NULL,
		.year = row->year,
	};

	int has;

	if (row->lead[0] != '\0' && add_unit(d, row->lead, row->lead_id) != 0)
		return NOMEM;
	if (report_tally(d->work, &it) != 0)
		return NOMEM;
	/* The pilots of the view with sub-items, found on the way. */
	has = locmatrix_probe_has(d->probe, row->id, row->kind, d->err);
	if (has < 0)
		return -1;
	return has ? keep_matrix(d, row->no, row->title) : 0;
}

/* Adds a pilot with sub-items to the list (the first DASHBOARD_MATRICES_CAP; the others are counted). */
static int keep_matrix(struct dashboard *d, long no, const char *title)
{
	if (d->n_mx >= DASHBOARD_MATRICES_CAP) {
		d->mx_more++;
		return 0;
	}
	if (d->n_mx == d->cap_mx) {
		int cap = d->cap_mx != 0 ? d->cap_mx * 2 : 8;
		struct dashboard_matrix *m = realloc(d->mx, (size_t)cap * sizeof *m);

		if (m == NULL)
			return error_set(d->err, ERROR_RUNTIME, _("out of memory"));
		d->mx = m;
		d->cap_mx = cap;
	}
	if ((d->mx[d->n_mx].title = strdup(title)) == NULL)
		return error_set(d->err, ERROR_RUNTIME, _("out of memory"));
	d->mx[d->n_mx++].no = no;
	return 0;
}

/* A pilot with sub-items, listed without a filter. */
static int add_matrix(void *ctx, long no, const char *title)
{
	struct dashboard *d = ctx;

	if (keep_matrix(d, no, title) != 0)
		return -1;
	d->mx_last = no;
	return 0;
}

static struct report *new_report(struct dashboard *d, struct error *err)
{
	struct report *r = report_new(d->style);

	if (r == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		return NULL;
	}
	if (report_set_header(r, "", "", d->today, NULL, 0, err) != 0) {
		report_free(&r);
		return NULL;
	}
	return r;
}

int dashboard_step(struct dashboard *d, int max, struct error *err)
{
	int rc;

	d->err = err;
	if (d->phase == PHASE_ITEMS) {
		if (d->scan == NULL) {
			struct item_scan_options o = {
				.order = d->filtered ? ITEM_SCAN_BY_NO : ITEM_SCAN_OPEN, .today = d->today,
			};

			if (item_scan_open(&d->scan, d->reader, d->filtered ? &d->filter : NULL, &o, err) != 0)
				return -1;
			if (d->filtered && locmatrix_probe_open(&d->probe, d->reader, err) != 0) {
				item_scan_close(&d->scan);
				return -1;
			}
		}
		rc = item_scan_step(d->scan, max, d->filtered ? view_item : open_item, d, err);
		if (rc == NOMEM)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		if (rc != 0)
			return rc;
		item_scan_close(&d->scan);
		locmatrix_probe_close(&d->probe);
		if (report_finish(d->work, err) != 0)
			return -1;
		report_free(&d->shown);
		d->shown = d->work;
		d->work = NULL;
		d->counts_known = true;
		/* With a filter, the pilots were found on the way. */
		d->phase = d->filtered ? PHASE_DONE : PHASE_MATRICES;
		return d->filtered ? 0 : 1;
	}
	if (d->phase == PHASE_MATRICES) {
		int want = max > 0 ? max / 8 + 1 : 0; /* each costs a probe of its sub-items */

		rc = locmatrix_list(d->reader, d->mx_last, want, add_matrix, d, err);
		if (rc < 0)
			return -1;
		if (want > 0 && rc >= want)
			return 1;
		d->phase = PHASE_DONE;
	}
	return 0;
}

/* ------------------------------------------------------------------ the rest */

int dashboard_open(struct dashboard **out, struct store *s, struct store *reader, const struct item_filter *f,
                   const char *today, enum date_style style, struct error *err)
{
	struct dashboard *d = calloc(1, sizeof *d);

	*out = NULL;
	if (d == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	d->store = s;
	d->reader = reader != NULL ? reader : s;
	d->style = style;
	snprintf(d->today, sizeof d->today, "%s", today);
	if (f != NULL)
		d->filter = *f;
	d->filtered = item_filter_active(&d->filter);
	if ((d->shown = new_report(d, err)) == NULL || (d->work = new_report(d, err)) == NULL)
		goto fail;
	d->work->overdue_cap = DASHBOARD_OVERDUE_CAP;
	if (d->filtered) {
		if (report_set_filters(d->work, 0, d->filter.kind, d->filter.year, d->filter.search) != 0) {
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			goto fail;
		}
		report_set_statuses(d->work, d->filter.statuses);
	} else {
		if (read_tally(d, d->shown, err) != 0 || read_tally(d, d->work, err) != 0)
			goto fail;
		d->counts_known = true;
	}
	*out = d;
	return 0;
fail:
	dashboard_free(&d);
	return -1;
}

const struct report *dashboard_report(const struct dashboard *d)
{
	return d->shown;
}

bool dashboard_counts_known(const struct dashboard *d)
{
	return d->counts_known;
}

bool dashboard_overdue_known(const struct dashboard *d)
{
	return d->phase != PHASE_ITEMS;
}

bool dashboard_done(const struct dashboard *d)
{
	return d->phase == PHASE_DONE;
}

const struct dashboard_matrix *dashboard_matrices(const struct dashboard *d, int *n, long *more)
{
	*n = d->n_mx;
	if (more != NULL)
		*more = d->mx_more;
	return d->mx;
}

void dashboard_free(struct dashboard **pd)
{
	struct dashboard *d;
	size_t i;
	int j;

	if (pd == NULL || *pd == NULL)
		return;
	d = *pd;
	item_scan_close(&d->scan);
	locmatrix_probe_close(&d->probe);
	report_free(&d->shown);
	report_free(&d->work);
	for (i = 0; i < d->n_units; i++)
		free(d->units[i].label);
	free(d->units);
	for (j = 0; j < d->n_mx; j++)
		free(d->mx[j].title);
	free(d->mx);
	free(d);
	*pd = NULL;
}
