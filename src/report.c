#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "date.h"
#include "i18n.h"
#include "refdata.h"
#include "report.h"
#include "strbuf.h"

/* The order of the statuses in a report: open ones first, then closed ones. */
static const int status_order[] = {
	STATUS_PLANNED, STATUS_IN_PROGRESS, STATUS_SUSPENDED, STATUS_OVERDUE, STATUS_DONE, STATUS_CANCELLED,
};

/* Grows the array *v of *cap elements of size sz to hold n + 1; -1 when out of memory. */
static int grow(void *v, size_t *cap, size_t n, size_t sz)
{
	void **pv = v;
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap == 0 ? 8 : *cap * 2;
	p = realloc(*pv, ncap * sz);
	if (p == NULL)
		return -1;
	*pv = p;
	*cap = ncap;
	return 0;
}

/* A copy of s (NULL stays NULL); sets *failed when memory runs out. */
static char *dup_or_null(const char *s, bool *failed)
{
	char *d;

	if (s == NULL)
		return NULL;
	d = strdup(s);
	if (d == NULL)
		*failed = true;
	return d;
}

/* Copies an ISO date into out, or "" when d is not one. */
static void copy_date(char out[11], const char *d)
{
	char iso[11];

	if (d != NULL && strlen(d) == 10 && date_parse(d, iso) == 0 && strcmp(iso, d) == 0)
		memcpy(out, iso, 11);
	else
		out[0] = '\0';
}

struct report *report_new(enum date_style style)
{
	struct report *r = calloc(1, sizeof *r);
	size_t i;

	if (r == NULL)
		return NULL;
	r->date_style = style;
	for (i = 0; i < sizeof status_order / sizeof status_order[0]; i++)
		if (report_add_line(r, &r->by_status, status_order[i], status_name(status_order[i])) == NULL) {
			report_free(&r);
			return NULL;
		}
	return r;
}

static void free_lines(struct report_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].label);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void report_free(struct report **rp)
{
	struct report *r;
	size_t i, j;

	if (rp == NULL || *rp == NULL)
		return;
	r = *rp;
	free(r->programme);
	free(r->clerk);
	free(r->filters.search);
	free_lines(&r->by_status);
	free_lines(&r->by_kind);
	free_lines(&r->by_year);
	free_lines(&r->by_lead);
	for (i = 0; i < r->n_overdue; i++) {
		free(r->overdue[i].code);
		free(r->overdue[i].title);
		free(r->overdue[i].lead);
	}
	free(r->overdue);
	for (i = 0; i < r->n_debts; i++)
		free(r->debts[i].unit);
	free(r->debts);
	for (i = 0; i < r->n_matrices; i++) {
		struct report_matrix *m = &r->matrices[i];

		for (j = 0; j < m->n; j++) {
			free(m->rows[j].locality);
			free(m->rows[j].lead);
		}
		free(m->rows);
		free(m->title);
	}
	free(r->matrices);
	for (i = 0; i < r->n_changes; i++) {
		free(r->changes[i].title);
		free(r->changes[i].document);
	}
	free(r->changes);
	free(r);
	*rp = NULL;
}

int report_set_header(struct report *r, const char *programme, const char *clerk, const char *as_of,
                      const char *since, time_t generated, struct error *err)
{
	struct tm tm;
	char *p, *c;

	copy_date(r->as_of, as_of);
	if (r->as_of[0] == '\0')
		return error_set(err, ERROR_USAGE, _("report: the as-of date '%s' is not a date (YYYY-MM-DD)"),
		                 as_of != NULL ? as_of : "");
	copy_date(r->since, since);
	if (since != NULL && *since != '\0' && r->since[0] == '\0')
		return error_set(err, ERROR_USAGE, _("report: the since date '%s' is not a date (YYYY-MM-DD)"), since);
	if (localtime_r(&generated, &tm) == NULL ||
	    strftime(r->generated, sizeof r->generated, "%Y-%m-%d %H:%M", &tm) == 0)
		r->generated[0] = '\0';
	p = strdup(programme != NULL ? programme : "");
	c = strdup(clerk != NULL ? clerk : "");
	if (p == NULL || c == NULL) {
		free(p);
		free(c);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	free(r->programme);
	free(r->clerk);
	r->programme = p;
	r->clerk = c;
	return 0;
}

int report_set_filters(struct report *r, int status, int kind, int year, const char *search)
{
	char *s = NULL;

	if (search != NULL && *search != '\0' && (s = strdup(search)) == NULL) {
		r->failed = true;
		return -1;
	}
	free(r->filters.search);
	r->filters.status = status >= 1 && status <= STATUS_MAX ? status : 0;
	r->filters.kind = kind >= 1 && kind <= KIND_MAX ? kind : 0;
	r->filters.year = year > 0 ? year : 0;
	r->filters.search = s;
	return 0;
}

void report_set_statuses(struct report *r, unsigned statuses)
{
	int s, n = 0, one = 0;

	for (s = 1; s <= STATUS_MAX; s++)
		if (statuses & (1u << s)) {
			n++;
			one = s;
		}
	r->filters.status = n == 1 ? one : 0;
	r->filters.statuses = n > 1 ? statuses & (((1u << STATUS_MAX) - 1) << 1) : 0;
}

int report_status_of(const struct report *r, int status, const char *due)
{
	return status_display(status, due, r->as_of);
}

/* Inserts an empty line at position at of l; NULL when out of memory. */
static struct report_line *insert_line(struct report *r, struct report_lines *l, size_t at, int key,
                                       const char *label)
{
	struct report_line *line;
	char *copy = NULL;

	if (label != NULL && (copy = strdup(label)) == NULL)
		goto nomem;
	if (grow(&l->v, &l->cap, l->n, sizeof l->v[0]) != 0)
		goto nomem;
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof l->v[0]);
	l->n++;
	line = &l->v[at];
	memset(line, 0, sizeof *line);
	line->key = key;
	line->label = copy;
	return line;
nomem:
	free(copy);
	r->failed = true;
	return NULL;
}

struct report_line *report_add_line(struct report *r, struct report_lines *l, int key, const char *label)
{
	return insert_line(r, l, l->n, key, label);
}

struct report_line *report_status_line(struct report *r, int shown_status)
{
	size_t i;

	for (i = 0; i < r->by_status.n; i++)
		if (r->by_status.v[i].key == shown_status)
			return &r->by_status.v[i];
	return NULL;
}

void report_line_count(struct report_line *l, int shown_status, int progress)
{
	l->items++;
	if (shown_status == STATUS_DONE)
		l->done++;
	if (shown_status == STATUS_OVERDUE)
		l->overdue++;
	if (progress >= 0 && progress <= 100) {
		l->progress_sum += progress;
		l->progress_known++;
	}
}

int report_line_progress(const struct report_line *l)
{
	if (l->progress_known <= 0)
		return REPORT_NO_PROGRESS;
	return (int)((l->progress_sum * 2 + l->progress_known) / (l->progress_known * 2));
}

/* The line of l with key (kept in key order, with 0 last), made when missing. */
static struct report_line *line_by_key(struct report *r, struct report_lines *l, int key, const char *label)
{
	size_t at;

	for (at = 0; at < l->n; at++) {
		if (l->v[at].key == key)
			return &l->v[at];
		if (key != 0 && (l->v[at].key == 0 || l->v[at].key > key))
			break;
	}
	return insert_line(r, l, at, key, label);
}

/* The line of l labelled label (kept in Vietnamese order), or the last one, labelled none, for NULL. */
static struct report_line *line_by_label(struct report *r, struct report_lines *l, const char *label)
{
	size_t at, n = l->n;

	if (label == NULL || *label == '\0') {
		if (n > 0 && l->v[n - 1].key == -1)
			return &l->v[n - 1];
		return insert_line(r, l, n, -1, _("No lead unit"));
	}
	for (at = 0; at < n; at++) {
		int c;

		if (l->v[at].key == -1)
			break;
		c = collate_vi(label, strlen(label), l->v[at].label, strlen(l->v[at].label));
		if (c == 0)
			c = strcmp(label, l->v[at].label);
		if (c == 0)
			return &l->v[at];
		if (c < 0)
			break;
	}
	return insert_line(r, l, at, 0, label);
}

int report_tally(struct report *r, const struct report_item *it)
{
	int shown = report_status_of(r, it->status, it->due);
	struct report_line *l;
	char label[16];

	if ((l = report_status_line(r, shown)) != NULL)
		report_line_count(l, shown, it->progress);
	if ((l = line_by_key(r, &r->by_kind, it->kind, kind_name(it->kind) != NULL ? kind_name(it->kind) : "?")) == NULL)
		return -1;
	report_line_count(l, shown, it->progress);
	snprintf(label, sizeof label, "%d", it->year);
	if ((l = line_by_key(r, &r->by_year, it->year > 0 ? it->year : 0, it->year > 0 ? label : _("No year"))) == NULL)
		return -1;
	report_line_count(l, shown, it->progress);
	if ((l = line_by_label(r, &r->by_lead, it->lead)) == NULL)
		return -1;
	report_line_count(l, shown, it->progress);
	report_line_count(&r->total, shown, it->progress);
	if (shown == STATUS_OVERDUE &&
	    report_add_overdue(r, it->no, it->code, it->title, it->lead, it->due, date_days_between(it->due, r->as_of)) != 0)
		return -1;
	if (status_is_open(it->status) &&
	    report_add_debt(r, it->lead != NULL && *it->lead != '\0' ? it->lead : _("No lead unit"), 1,
	                    shown == STATUS_OVERDUE) != 0)
		return -1;
	return 0;
}

/* True when overdue item a comes after b in the list (less late, or as late with a greater number). */
static bool less_late(const struct report_overdue *a, long days_late, long no)
{
	if (a->days_late != days_late)
		return a->days_late < days_late;
	return a->no > no;
}

int report_add_overdue(struct report *r, long no, const char *code, const char *title, const char *lead,
                       const char *due, long days_late)
{
	struct report_overdue *o;

	if (r->overdue_cap > 0 && r->n_overdue >= r->overdue_cap) {
		/* Full: the least late one gives its place to a later one. */
		size_t i, least = 0;

		for (i = 1; i < r->n_overdue; i++)
			if (less_late(&r->overdue[i], r->overdue[least].days_late, r->overdue[least].no))
				least = i;
		r->overdue_more++;
		if (!less_late(&r->overdue[least], days_late, no))
			return 0;
		o = &r->overdue[least];
		free(o->code);
		free(o->title);
		free(o->lead);
		r->n_overdue--;
		memmove(o, o + 1, (r->n_overdue - least) * sizeof *o);
	}
	if (grow(&r->overdue, &r->cap_overdue, r->n_overdue, sizeof r->overdue[0]) != 0) {
		r->failed = true;
		return -1;
	}
	o = &r->overdue[r->n_overdue];
	memset(o, 0, sizeof *o);
	o->no = no;
	o->code = code != NULL && *code != '\0' ? dup_or_null(code, &r->failed) : NULL;
	o->title = dup_or_null(title != NULL ? title : "", &r->failed);
	o->lead = lead != NULL && *lead != '\0' ? dup_or_null(lead, &r->failed) : NULL;
	copy_date(o->due, due);
	o->days_late = days_late;
	r->n_overdue++;
	return r->failed ? -1 : 0;
}

int report_add_debt(struct report *r, const char *unit, long open, long overdue)
{
	struct report_debt *d;
	char *copy;
	size_t i;

	if (unit == NULL)
		unit = "";
	for (i = 0; i < r->n_debts; i++)
		if (strcmp(r->debts[i].unit, unit) == 0) {
			r->debts[i].open += open;
			r->debts[i].overdue += overdue;
			return 0;
		}
	if (grow(&r->debts, &r->cap_debts, r->n_debts, sizeof r->debts[0]) != 0 ||
	    (copy = strdup(unit)) == NULL) {
		r->failed = true;
		return -1;
	}
	d = &r->debts[r->n_debts++];
	d->unit = copy;
	d->open = open;
	d->overdue = overdue;
	return 0;
}

struct report_matrix *report_add_matrix(struct report *r, long no, const char *title)
{
	struct report_matrix *m;
	char *t;

	if (grow(&r->matrices, &r->cap_matrices, r->n_matrices, sizeof r->matrices[0]) != 0 ||
	    (t = strdup(title != NULL ? title : "")) == NULL) {
		r->failed = true;
		return NULL;
	}
	m = &r->matrices[r->n_matrices++];
	memset(m, 0, sizeof *m);
	m->no = no;
	m->title = t;
	return m;
}

int report_matrix_add_row(struct report *r, struct report_matrix *m, long no, const char *locality, int status,
                          int progress, const char *due, const char *lead)
{
	struct report_locality *row;

	if (grow(&m->rows, &m->cap, m->n, sizeof m->rows[0]) != 0) {
		r->failed = true;
		return -1;
	}
	row = &m->rows[m->n++];
	memset(row, 0, sizeof *row);
	row->no = no;
	row->locality = dup_or_null(locality != NULL ? locality : "", &r->failed);
	copy_date(row->due, due);
	row->status = report_status_of(r, status, row->due);
	row->progress = progress >= 0 && progress <= 100 ? progress : REPORT_NO_PROGRESS;
	row->lead = lead != NULL && *lead != '\0' ? dup_or_null(lead, &r->failed) : NULL;
	report_line_count(&m->total, row->status, row->progress);
	return r->failed ? -1 : 0;
}

int report_add_change(struct report *r, const char *date, long no, const char *title,
                      enum report_change_kind what, int from, int to, const char *document)
{
	struct report_change *c;

	if (grow(&r->changes, &r->cap_changes, r->n_changes, sizeof r->changes[0]) != 0) {
		r->failed = true;
		return -1;
	}
	c = &r->changes[r->n_changes++];
	memset(c, 0, sizeof *c);
	copy_date(c->date, date);
	c->no = no;
	c->title = dup_or_null(title != NULL ? title : "", &r->failed);
	c->what = what;
	c->from = from;
	c->to = to;
	c->document = what == REPORT_CHANGE_DOCUMENT ? dup_or_null(document != NULL ? document : "", &r->failed)
	                                             : NULL;
	return r->failed ? -1 : 0;
}

static int by_lateness(const void *a, const void *b)
{
	const struct report_overdue *x = a, *y = b;

	if (x->days_late != y->days_late)
		return x->days_late > y->days_late ? -1 : 1;
	return (x->no > y->no) - (x->no < y->no);
}

static int by_debt(const void *a, const void *b)
{
	const struct report_debt *x = a, *y = b;

	if (x->overdue != y->overdue)
		return x->overdue > y->overdue ? -1 : 1;
	if (x->open != y->open)
		return x->open > y->open ? -1 : 1;
	return collate_vi(x->unit, strlen(x->unit), y->unit, strlen(y->unit));
}

static int by_date(const void *a, const void *b)
{
	const struct report_change *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	if (c != 0)
		return c;
	return (x->no > y->no) - (x->no < y->no);
}

int report_finish(struct report *r, struct error *err)
{
	if (r->failed)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	if (r->n_overdue > 1)
		qsort(r->overdue, r->n_overdue, sizeof r->overdue[0], by_lateness);
	if (r->n_debts > 1)
		qsort(r->debts, r->n_debts, sizeof r->debts[0], by_debt);
	/* qsort is not stable: changes of one day and item keep no order among themselves. */
	if (r->n_changes > 1)
		qsort(r->changes, r->n_changes, sizeof r->changes[0], by_date);
	return 0;
}

/* ------------------------------------------------------------ shared by the renderers */

const char *report_lang(void)
{
	/* TRANSLATORS: the language code of this translation, as HTML's lang attribute wants it ("vi"). */
	const char *lang = _("en");
	size_t i, n = strlen(lang);

	if (n < 2 || n > 8)
		return "en";
	for (i = 0; i < n; i++)
		if (!((lang[i] >= 'a' && lang[i] <= 'z') || (lang[i] >= 'A' && lang[i] <= 'Z') || lang[i] == '-'))
			return "en";
	return lang;
}

char *report_filters_text(const struct report *r)
{
	char *out = NULL, *part = NULL, *next;
	const struct report_filters *f = &r->filters;
	int i;

	for (i = 0; i < 4; i++) {
		int n = 0;

		if (i == 0 && f->statuses != 0) {
			struct strbuf names = STRBUF_INIT;
			int st;

			for (st = 1; st <= STATUS_MAX; st++)
				if (f->statuses & (1u << st))
					strbuf_printf(&names, "%s%s", names.len > 0 ? ", " : "", status_name(st));
			n = names.failed ? -1 : asprintf(&part, _("status: %s"), strbuf_str(&names));
			strbuf_free(&names);
		} else if (i == 0 && f->status != 0)
			n = asprintf(&part, _("status: %s"), status_name(f->status));
		else if (i == 1 && f->kind != 0)
			n = asprintf(&part, _("kind: %s"), kind_name(f->kind));
		else if (i == 2 && f->year != 0)
			n = asprintf(&part, _("year: %d"), f->year);
		else if (i == 3 && f->search != NULL)
			n = asprintf(&part, _("search: \"%s\""), f->search);
		else
			continue;
		if (n < 0)
			goto nomem;
		if (out == NULL) {
			out = part;
		} else {
			if (asprintf(&next, "%s; %s", out, part) < 0)
				goto nomem;
			free(out);
			free(part);
			out = next;
		}
		part = NULL;
	}
	return out != NULL ? out : strdup("");
nomem:
	free(out);
	free(part);
	return NULL;
}

/* A progress as shown in a change: "50%", or "?" when not known. */
static void progress_text(int p, char out[8])
{
	if (p >= 0 && p <= 100)
		snprintf(out, 8, "%d%%", p);
	else
		snprintf(out, 8, "?");
}

char *report_change_text(const struct report *r, const struct report_change *c)
{
	char *s = NULL, a[8], b[8];
	const char *x, *y;
	int n = -1;

	(void)r;
	switch (c->what) {
	case REPORT_CHANGE_ADDED:
		return strdup(_("added"));
	case REPORT_CHANGE_STATUS:
		x = status_name(c->from);
		y = status_name(c->to);
		n = asprintf(&s, _("status: %s → %s"), x != NULL ? x : "?", y != NULL ? y : "?");
		break;
	case REPORT_CHANGE_PROGRESS:
		progress_text(c->from, a);
		progress_text(c->to, b);
		n = asprintf(&s, _("progress: %s → %s"), a, b);
		break;
	case REPORT_CHANGE_DOCUMENT:
		n = asprintf(&s, _("document issued: %s"), c->document != NULL ? c->document : "");
		break;
	}
	return n < 0 ? NULL : s;
}

char *report_more_text(enum report_more what, long n)
{
	char *s = NULL;
	int rc = -1;

	switch (what) {
	case REPORT_MORE_OVERDUE:
		rc = asprintf(&s, _("… and %ld more overdue items, less late, not listed."), n);
		break;
	case REPORT_MORE_CHANGES:
		rc = asprintf(&s, _("… and %ld earlier changes, not listed."), n);
		break;
	case REPORT_MORE_MATRICES:
		rc = asprintf(&s, _("… and %ld more items with localities, not shown."), n);
		break;
	}
	return rc < 0 ? NULL : s;
}

void report_generated_text(const struct report *r, char out[24])
{
	char d[11], iso[11];

	if (strlen(r->generated) != 16) {
		out[0] = '\0';
		return;
	}
	memcpy(iso, r->generated, 10);
	iso[10] = '\0';
	date_format(iso, r->date_style, d);
	snprintf(out, 24, "%s %s", d, r->generated + 11);
}
