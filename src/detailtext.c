#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "detailtext.h"
#include "fields.h"
#include "i18n.h"
#include "refdata.h"
#include "strbuf.h"
#include "text.h"

struct dline *dlines_add(struct dlines *l, enum dline_kind kind, const char *label,
                         const char *text)
{
	struct dline *d;

	if (l->failed)
		return NULL;
	if (l->n == l->cap) {
		int cap = l->cap != 0 ? l->cap * 2 : 32;
		struct dline *v = realloc(l->v, (size_t)cap * sizeof *v);

		if (v == NULL) {
			l->failed = true;
			return NULL;
		}
		l->v = v;
		l->cap = cap;
	}
	d = &l->v[l->n];
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->label = label != NULL ? strdup(label) : NULL;
	d->text = strdup(text != NULL ? text : "");
	if ((label != NULL && d->label == NULL) || d->text == NULL) {
		free(d->label);
		free(d->text);
		l->failed = true;
		return NULL;
	}
	l->n++;
	return d;
}

struct dline *dlines_addf(struct dlines *l, enum dline_kind kind, const char *label,
                          const char *fmt, ...)
{
	char *text = NULL;
	struct dline *d;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (n < 0) {
		l->failed = true;
		return NULL;
	}
	d = dlines_add(l, kind, label, text);
	free(text);
	return d;
}

void dlines_section(struct dlines *l, const char *name, long total)
{
	dlines_add(l, DL_BLANK, NULL, "");
	dlines_addf(l, DL_SECTION, NULL, "%s (%ld)", name, total);
}

void dlines_more(struct dlines *l, int shown, long total)
{
	if (total > shown)
		dlines_addf(l, DL_NOTE, NULL, _("… and %ld more"), total - shown);
}

/* The text of a line, replaced; -1 when out of memory. */
static int set_text(struct dline *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int set_text(struct dline *d, const char *fmt, ...)
{
	char *text = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	free(d->text);
	d->text = text;
	return 0;
}

struct dline *dlines_child(struct dlines *l, const struct detail_child *c)
{
	struct dline *d;

	if (c->progress >= 0)
		d = dlines_addf(l, DL_ENTRY, NULL, "#%ld  %s%s%s  [%s, %d%%]", c->no, c->code != NULL ? c->code : "",
		                c->code != NULL ? "  " : "", c->title, status_name(c->display_status), c->progress);
	else
		d = dlines_addf(l, DL_ENTRY, NULL, "#%ld  %s%s%s  [%s]", c->no, c->code != NULL ? c->code : "",
		                c->code != NULL ? "  " : "", c->title, status_name(c->display_status));
	if (d != NULL) {
		d->item_no = c->no;
		d->status = c->display_status;
	}
	return d;
}

int dlines_insert_children(struct dlines *l, int at, const struct detail_child *v, int n)
{
	int before = l->n, i;
	struct dline *moved;

	for (i = 0; i < n; i++) {
		if (dlines_child(l, &v[i]) == NULL) {
			while (l->n > before) {
				l->n--;
				free(l->v[l->n].label);
				free(l->v[l->n].text);
			}
			l->failed = false;
			return -1;
		}
	}
	/* The new lines (at the end) go before line at. */
	moved = malloc((size_t)(n > 0 ? n : 1) * sizeof *moved);
	if (moved == NULL)
		return -1;
	memcpy(moved, &l->v[before], (size_t)n * sizeof *moved);
	memmove(&l->v[at + n], &l->v[at], (size_t)(before - at) * sizeof *moved);
	memcpy(&l->v[at], moved, (size_t)n * sizeof *moved);
	free(moved);
	return 0;
}

int dlines_children_counted(struct dlines *l, int section, int more, long total, int shown)
{
	int rc = 0;

	if (section >= 0 && section < l->n) {
		if (total >= 0)
			rc = set_text(&l->v[section], "%s (%ld)", _("Sub-items"), total);
		else
			rc = set_text(&l->v[section], "%s (%d+)", _("Sub-items"), shown);
	}
	if (rc == 0 && more >= 0 && more < l->n) {
		if (total >= 0)
			rc = set_text(&l->v[more], _("… and %ld more"), total - shown);
		else
			rc = set_text(&l->v[more], "%s", _("… and more"));
	}
	return rc;
}

void dlines_remove(struct dlines *l, int at)
{
	free(l->v[at].label);
	free(l->v[at].text);
	memmove(&l->v[at], &l->v[at + 1], (size_t)(l->n - at - 1) * sizeof *l->v);
	l->n--;
}

struct builder {
	struct dlines *out;
	enum date_style style;
};

#define add(b, kind, label, text) dlines_add((b)->out, kind, label, text)
#define addf(b, kind, label, ...) dlines_addf((b)->out, kind, label, __VA_ARGS__)

static void field(struct builder *b, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		add(b, DL_FIELD, label, value);
}

static void date_field(struct builder *b, const char *label, const char *iso)
{
	char out[11];

	date_format(iso, b->style, out);
	field(b, label, out);
}

void dlines_stamp(const char *at, enum date_style style, char out[32])
{
	struct tm tm;
	time_t t;
	char d[11], iso[40];

	memset(&tm, 0, sizeof tm);
	if (at == NULL || sscanf(at, "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                         &tm.tm_hour, &tm.tm_min) != 5) {
		snprintf(out, 32, "%s", at != NULL ? at : "");
		return;
	}
	/* Stored in UTC; shown in the clerk's own time ($TZ). */
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (t == (time_t)-1 || localtime_r(&t, &tm) == NULL) {
		snprintf(out, 32, "%s", at);
		return;
	}
	if (tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999) {
		snprintf(out, 32, "%s", at);
		return;
	}
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	date_format(iso, style, d);
	snprintf(out, 32, "%s %02d:%02d", d, tm.tm_hour, tm.tm_min);
}

#define section(b, name, total) dlines_section((b)->out, name, total)
#define more(b, shown, total) dlines_more((b)->out, shown, total)

static void number(struct strbuf *s, double v)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.15g", v);
	strbuf_puts(s, buf);
}

static void targets(struct builder *b, const struct item_detail *d)
{
	struct strbuf s = STRBUF_INIT;
	int i;

	section(b, _("Targets"), d->targets.total);
	for (i = 0; i < d->targets.n; i++) {
		const struct detail_target *t = &d->targets.v[i];

		strbuf_reset(&s);
		strbuf_puts(&s, t->description);
		if (t->has_min || t->has_max) {
			strbuf_puts(&s, ": ");
			if (t->has_min && t->has_max && t->min != t->max) {
				number(&s, t->min);
				strbuf_puts(&s, "–");
				number(&s, t->max);
			} else {
				number(&s, t->has_min ? t->min : t->max);
			}
			if (t->measure != NULL) {
				strbuf_puts(&s, " ");
				strbuf_puts(&s, t->measure);
			}
		}
		if (t->has_actual) {
			strbuf_puts(&s, "; ");
			strbuf_puts(&s, _("actual"));
			strbuf_puts(&s, " ");
			number(&s, t->actual);
		}
		if (t->notes != NULL) {
			strbuf_puts(&s, " (");
			strbuf_puts(&s, t->notes);
			strbuf_puts(&s, ")");
		}
		if (s.failed)
			b->out->failed = true;
		else
			add(b, DL_ENTRY, NULL, strbuf_str(&s));
	}
	more(b, d->targets.n, d->targets.total);
	strbuf_free(&s);
}

/* What a history row names: a field's label, or what the save was (created, undo …). */
static const char *history_field(const char *field)
{
	const struct field *f = field_named(REC_ITEM, field, NULL);

	if (f != NULL)
		return _(f->label);
	if (strcmp(field, "created") == 0)
		return _("created");
	if (strcmp(field, "comment") == 0)
		return _("comment");
	if (strcmp(field, "undo") == 0)
		return _("undone");
	if (strcmp(field, "redo") == 0)
		return _("redone");
	return field;
}

/* A history value as the detail shows it: dates in the clerk's style, "∅" for none. */
static const char *history_value(const char *field, const char *v, enum date_style style, char buf[11])
{
	const struct field *f = field_named(REC_ITEM, field, NULL);

	if (v == NULL || *v == '\0')
		return "∅";
	if (f != NULL && f->type == FT_DATE && strlen(v) == 10) {
		date_format(v, style, buf);
		return buf;
	}
	return v;
}

int detail_lines(const struct item_detail *d, enum date_style style, struct dlines *out)
{
	struct builder b = { out, style };
	struct dline *l;
	char buf[64];
	int i, children;

	memset(out, 0, sizeof *out);
	l = addf(&b, DL_TITLE, NULL, "#%ld  %s", d->no, d->title);
	if (l != NULL)
		l->status = d->display_status;
	field(&b, _("Kind"), kind_name(d->kind));
	field(&b, _("Code"), d->code);
	l = add(&b, DL_FIELD, _("Status"), status_name(d->display_status));
	if (l != NULL)
		l->status = d->display_status;
	if (d->progress >= 0) {
		snprintf(buf, sizeof buf, "%d%%", d->progress);
		field(&b, _("Progress"), buf);
	} else {
		field(&b, _("Progress"), _("not known"));
	}
	if (d->lead_name != NULL) {
		if (d->lead_short != NULL && strcmp(d->lead_short, d->lead_name) != 0)
			addf(&b, DL_FIELD, _("Lead unit"), "%s (%s)", d->lead_name, d->lead_short);
		else
			field(&b, _("Lead unit"), d->lead_name);
	} else {
		field(&b, _("Lead unit"), _("not known"));
	}
	date_field(&b, _("Start"), d->start);
	date_field(&b, _("Due"), d->due);
	date_field(&b, _("Completed"), d->done);
	if (d->year > 0) {
		snprintf(buf, sizeof buf, "%d", d->year);
		field(&b, _("Year"), buf);
	}
	if (d->parent_no > 0) {
		l = addf(&b, DL_FIELD, _("Part of"), "#%ld %s", d->parent_no,
		         d->parent_title != NULL ? d->parent_title : "");
		if (l != NULL)
			l->item_no = d->parent_no;
	} else {
		field(&b, _("Part of"), d->programme);
	}
	if (d->archived)
		field(&b, _("Archived"), _("yes"));
	field(&b, _("Notes"), d->notes);
	field(&b, _("Source"), d->source);

	section(&b, _("Sub-items"), d->children.total);
	children = out->n - 1;
	for (i = 0; i < d->children.n; i++)
		dlines_child(out, &d->children.v[i]);
	if (d->children.total < 0 || d->children.total > d->children.n) {
		l = add(&b, DL_NOTE, NULL, "");
		if (l != NULL) {
			l->more_children = true;
			if (dlines_children_counted(out, children, out->n - 1, d->children.total,
			                            d->children.n) != 0)
				out->failed = true;
		}
	}

	section(&b, _("Partner units"), d->partners.total);
	for (i = 0; i < d->partners.n; i++) {
		const struct detail_partner *p = &d->partners.v[i];

		if (p->role != NULL)
			addf(&b, DL_ENTRY, NULL, "%s — %s", p->name, p->role);
		else
			add(&b, DL_ENTRY, NULL, p->name);
	}
	more(&b, d->partners.n, d->partners.total);

	section(&b, _("Localities"), d->localities.total);
	for (i = 0; i < d->localities.n; i++) {
		const struct detail_locality *lo = &d->localities.v[i];

		if (lo->level != NULL)
			addf(&b, DL_ENTRY, NULL, "%s (%s)", lo->name, lo->level);
		else
			add(&b, DL_ENTRY, NULL, lo->name);
	}
	more(&b, d->localities.n, d->localities.total);

	section(&b, _("Documents"), d->documents.total);
	for (i = 0; i < d->documents.n; i++) {
		const struct detail_document *doc = &d->documents.v[i];
		char date[11];

		date_format(doc->signed_date, style, date);
		l = addf(&b, DL_ENTRY, NULL, "%s %s%s%s%s%s — %s", doc_type_name(doc->type),
		     doc->number != NULL ? doc->number : _("(number not known)"),
		     date[0] != '\0' ? ", " : "", date,
		     doc->issuer != NULL ? ", " : "", doc->issuer != NULL ? doc->issuer : "",
		     doc->subject);
		if (l != NULL)
			l->doc_no = doc->no;
	}
	more(&b, d->documents.n, d->documents.total);

	targets(&b, d);

	section(&b, _("Comments"), d->comments.total);
	for (i = 0; i < d->comments.n; i++) {
		char at[32];

		dlines_stamp(d->comments.v[i].at, style, at);
		addf(&b, DL_ENTRY, NULL, "%s %s: %s", at, d->comments.v[i].login, d->comments.v[i].body);
	}
	more(&b, d->comments.n, d->comments.total);

	section(&b, _("History"), d->history.total);
	for (i = 0; i < d->history.n; i++) {
		const struct detail_history *h = &d->history.v[i];
		char at[32];

		dlines_stamp(h->at, style, at);
		if (h->old_value == NULL && h->new_value == NULL)
			addf(&b, DL_ENTRY, NULL, "%s %s: %s", at, h->login, history_field(h->field));
		else {
			char o[11], n[11];

			addf(&b, DL_ENTRY, NULL, "%s %s: %s: %s → %s", at, h->login, history_field(h->field),
			     history_value(h->field, h->old_value, style, o),
			     history_value(h->field, h->new_value, style, n));
		}
	}
	more(&b, d->history.n, d->history.total);

	add(&b, DL_BLANK, NULL, "");
	addf(&b, DL_FIELD, _("Key"), "%s", d->id);
	snprintf(buf, sizeof buf, "%ld", d->version);
	field(&b, _("Version"), buf);
	{
		char at[32];

		dlines_stamp(d->created_at, style, at);
		field(&b, _("Created"), at);
		dlines_stamp(d->updated_at, style, at);
		field(&b, _("Changed"), at);
	}
	if (out->failed) {
		dlines_free(out);
		return -1;
	}
	return 0;
}

int dlines_label_width(const struct dlines *l)
{
	int i, w = 0;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].kind == DL_FIELD) {
			int lw = text_width(l->v[i].label);

			if (lw > w)
				w = lw;
		}
	}
	return w;
}

void dlines_free(struct dlines *l)
{
	int i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].label);
		free(l->v[i].text);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	l->failed = false;
}
