#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "fielddisplay.h"
#include "i18n.h"
#include "itemdetail.h"
#include "validate.h"
#include "refdata.h"
#include "store.h"

/* A column that may be NULL: a copy, or NULL for NULL. */
static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? strdup(s) : NULL;
}

/*
 * A column the schema says is never NULL (a title, a name): a copy, "" for
 * a NULL one set outside hoso (shown empty; hoso check reports it). NULL
 * only when out of memory.
 */
static char *col_str(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return strdup(s != NULL ? s : "");
}

static void col_copy(sqlite3_stmt *st, int i, char *out, size_t outsz)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	snprintf(out, outsz, "%s", s != NULL ? s : "");
}

/* ------------------------------------------------------------------ resolving */

static int resolve_query(struct store *s, const char *sql, const char *arg, long *no,
                         int *matches, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*matches = 0;
	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*matches == 0)
			*no = (long)sqlite3_column_int64(st, 0);
		(*matches)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("finding the item"));
}

int item_resolve(struct store *s, const char *ref, long *no, struct error *err)
{
	const char *p = ref;
	int matches = 0;
	size_t i, n;

	if (ref == NULL || *ref == '\0')
		return error_set(err, ERROR_USAGE, _("no item given"));
	if (*p == '#')
		p++;
	n = strlen(p);
	for (i = 0; i < n && isdigit((unsigned char)p[i]); i++)
		;
	if (n > 0 && i == n && n <= 15) {
		if (resolve_query(s, "SELECT no FROM item WHERE no = ?1", p, no, &matches, err) != 0)
			return -1;
		if (matches == 1)
			return 1;
		error_set(err, ERROR_RUNTIME, _("no item number %s"), p);
		return 0;
	}
	/* A code, compared folded. */
	{
		char *folded = fold_dup(ref);

		if (folded == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		if (resolve_query(s, "SELECT no FROM item WHERE code IS NOT NULL AND fold(code) = ?1 ORDER BY no",
		                  folded, no, &matches, err) != 0) {
			free(folded);
			return -1;
		}
		free(folded);
		if (matches == 1)
			return 1;
		if (matches > 1)
			return error_set(err, ERROR_RUNTIME,
			                 _("%d items have the code '%s'; give the item's number instead"),
			                 matches, ref);
	}
	/* A key or the start of one. */
	if (n >= 8 && strspn(ref, "0123456789abcdefABCDEF-") == strlen(ref)) {
		char pattern[UUID_LEN + 2];

		size_t k = 0;

		for (i = 0; ref[i] != '\0' && k + 2 < sizeof pattern; i++)
			if (ref[i] != '-')
				pattern[k++] = (char)toupper((unsigned char)ref[i]);
		pattern[k++] = '*';
		pattern[k] = '\0';
		/* The key is stored as 16 bytes: compare the start of its hex text. */
		if (resolve_query(s, "SELECT no FROM item WHERE hex(id) GLOB ?1", pattern, no, &matches, err) != 0)
			return -1;
		if (matches == 1)
			return 1;
		if (matches > 1)
			return error_set(err, ERROR_RUNTIME,
			                 _("%d items have keys starting with '%s'; give more of the key"),
			                 matches, ref);
	}
	error_set(err, ERROR_RUNTIME, _("no item with the number, code or key '%s'"), ref);
	return 0;
}

/* ------------------------------------------------------------------ loading */

typedef int (*read_fn)(sqlite3_stmt *st, void *elem);

/* Steps st, keeping up to limit elements of size sz read by fn; counts all. */
static int load_list(struct store *s, sqlite3_stmt *st, int limit, size_t sz, read_fn fn,
                     void **v, int *n, long *total, struct error *err)
{
	int rc, cap = 0;
	char *arr = NULL;

	*n = 0;
	*total = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*total)++;
		if (limit >= 0 && *n >= limit)
			continue;
		if (*n == cap) {
			int ncap = cap != 0 ? cap * 2 : 8;
			char *p = realloc(arr, (size_t)ncap * sz);

			if (p == NULL) {
				*v = arr;
				return error_set(err, ERROR_RUNTIME, _("out of memory"));
			}
			arr = p;
			cap = ncap;
		}
		memset(arr + (size_t)*n * sz, 0, sz);
		if (fn(st, arr + (size_t)*n * sz) != 0) {
			*v = arr;
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		(*n)++;
	}
	*v = arr;
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("reading an item"));
	return 0;
}



static int read_child(sqlite3_stmt *st, void *e)
{
	struct detail_child *c = e;
	char due[11];

	c->no = (long)sqlite3_column_int64(st, 0);
	c->code = col_dup(st, 1);
	c->title = col_str(st, 2);
	c->kind = sqlite3_column_int(st, 3);
	col_copy(st, 5, due, sizeof due);
	c->display_status = status_display(sqlite3_column_int(st, 4), due,
	                                   (const char *)sqlite3_column_text(st, 8));
	c->progress = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
	c->has_children = sqlite3_column_int(st, 7) != 0;
	return c->title == NULL ? -1 : 0;
}

static int read_partner(sqlite3_stmt *st, void *e)
{
	struct detail_partner *p = e;

	p->name = col_str(st, 0);
	p->short_name = col_dup(st, 1);
	p->role = col_dup(st, 2);
	return p->name == NULL ? -1 : 0;
}

static int read_locality(sqlite3_stmt *st, void *e)
{
	struct detail_locality *l = e;

	l->name = col_str(st, 0);
	l->level = col_dup(st, 1);
	return l->name == NULL ? -1 : 0;
}

static int read_document(sqlite3_stmt *st, void *e)
{
	struct detail_document *d = e;

	d->no = (long)sqlite3_column_int64(st, 0);
	d->type = sqlite3_column_int(st, 1);
	d->number = col_dup(st, 2);
	col_copy(st, 3, d->signed_date, sizeof d->signed_date);
	d->subject = col_str(st, 4);
	d->state = sqlite3_column_int(st, 5);
	d->issuer = col_dup(st, 6);
	return d->subject == NULL ? -1 : 0;
}

static int read_target(sqlite3_stmt *st, void *e)
{
	struct detail_target *t = e;

	t->description = col_str(st, 0);
	t->measure = col_dup(st, 1);
	t->has_min = sqlite3_column_type(st, 2) != SQLITE_NULL;
	t->min = sqlite3_column_double(st, 2);
	t->has_max = sqlite3_column_type(st, 3) != SQLITE_NULL;
	t->max = sqlite3_column_double(st, 3);
	t->has_actual = sqlite3_column_type(st, 4) != SQLITE_NULL;
	t->actual = sqlite3_column_double(st, 4);
	t->notes = col_dup(st, 5);
	return t->description == NULL ? -1 : 0;
}

static int read_comment(sqlite3_stmt *st, void *e)
{
	struct detail_comment *c = e;

	col_copy(st, 0, c->at, sizeof c->at);
	c->login = col_str(st, 1);
	c->body = col_str(st, 2);
	return c->login == NULL || c->body == NULL ? -1 : 0;
}

static int read_history(sqlite3_stmt *st, void *e)
{
	struct detail_history *h = e;

	col_copy(st, 0, h->at, sizeof h->at);
	h->login = col_str(st, 1);
	h->field = col_str(st, 2);
	h->old_value = col_dup(st, 3);
	h->new_value = col_dup(st, 4);
	return h->login == NULL || h->field == NULL ? -1 : 0;
}

/* The sub-items of ?1 numbered above ?2, at most ?4 (-1: all); ?3 is today. */
static const char children_sql[] =
	"SELECT c.no, c.code, c.title, c.kind, c.status, ifnull(c.due_date, ''), c.progress,"
	" EXISTS (SELECT 1 FROM item g WHERE g.parent_id = c.id AND g.archived = 0), ?3"
	" FROM item c INDEXED BY item_parent WHERE c.parent_id = ?1 AND c.archived = 0 AND c.no > ?2"
	" ORDER BY c.no LIMIT ?4";

static int children_stmt(struct store *s, const char *parent, const char *today, long after, int n,
                         sqlite3_stmt **st, struct error *err)
{
	if (store_prepare(s, children_sql, st, err) != 0)
		return -1;
	store_bind_uuid(*st, 1, parent);
	sqlite3_bind_int64(*st, 2, after);
	sqlite3_bind_text(*st, 3, today, -1, SQLITE_STATIC);
	sqlite3_bind_int(*st, 4, n);
	return 0;
}

int item_children_read(struct store *s, const char *parent, const char *today, long after,
                       struct detail_child *v, int n, struct error *err)
{
	sqlite3_stmt *st;
	int rc, got = 0;

	if (n <= 0)
		return 0;
	if (children_stmt(s, parent, today, after, n, &st, err) != 0)
		return -1;
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (read_child(st, &v[got]) != 0) {
			detail_child_clear(&v[got]);
			sqlite3_finalize(st);
			while (got > 0)
				detail_child_clear(&v[--got]);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		got++;
	}
	sqlite3_finalize(st);
	if (got < n && rc != SQLITE_DONE) {
		while (got > 0)
			detail_child_clear(&v[--got]);
		return store_fail(s, err, _("reading an item"));
	}
	return got;
}

int item_children_each(struct store *s, const char *parent, const char *today,
                       int (*fn)(void *ctx, const struct detail_child *c), void *ctx,
                       struct error *err)
{
	struct detail_child c;
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (children_stmt(s, parent, today, 0, -1, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		if (read_child(st, &c) != 0) {
			detail_child_clear(&c);
			sqlite3_finalize(st);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
		stop = fn(ctx, &c);
		detail_child_clear(&c);
		if (stop != 0)
			break;
	}
	sqlite3_finalize(st);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading an item"));
}

int item_children_count(struct store *s, const char *parent, long *count, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT count(*) FROM item INDEXED BY item_parent"
	                     " WHERE parent_id = ?1 AND archived = 0", &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, parent);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, err, _("counting items"));
}

void detail_child_clear(struct detail_child *c)
{
	if (c == NULL)
		return;
	free(c->code);
	free(c->title);
	memset(c, 0, sizeof *c);
}

#define LOAD(list, sql, fn) \
	do { \
		sqlite3_stmt *st_; \
		int rc_; \
		if (store_prepare(s, (sql), &st_, err) != 0) \
			goto fail; \
		store_bind_uuid(st_, 1, d->id); \
		if (sqlite3_bind_parameter_count(st_) >= 2) \
			sqlite3_bind_text(st_, 2, today, -1, SQLITE_STATIC); \
		rc_ = load_list(s, st_, limit, sizeof *d->list.v, (fn), (void **)&d->list.v, \
		                &d->list.n, &d->list.total, err); \
		sqlite3_finalize(st_); \
		if (rc_ != 0) \
			goto fail; \
	} while (0)

int item_detail_load(struct store *s, long no, const char *today, int limit, int child_limit,
                     struct item_detail *d, struct error *err)
{
	static const char item_sql[] =
		"SELECT i.id, i.no, i.version, i.kind, i.status, i.progress, i.year, i.archived,"
		" i.code, i.title, i.notes, i.source, i.start_date, i.due_date, i.done_date,"
		" (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', min(at) / 1000, 'unixepoch') FROM change WHERE entity_id = i.id),"
		" (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', max(at) / 1000, 'unixepoch') FROM change WHERE entity_id = i.id),"
		" u.name, u.short_name, p.no, p.title, (SELECT title FROM programme LIMIT 1)"
		" FROM item i LEFT JOIN unit u ON u.id = i.lead_unit_id"
		" LEFT JOIN item p ON p.id = i.parent_id"
		" WHERE i.no = ?1";
	sqlite3_stmt *st;
	int rc;

	memset(d, 0, sizeof *d);
	if (store_prepare(s, item_sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, no);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return 0;
		return store_fail(s, err, _("reading an item"));
	}
	store_column_uuid(st, 0, d->id);
	d->no = (long)sqlite3_column_int64(st, 1);
	d->version = (long)sqlite3_column_int64(st, 2);
	d->kind = sqlite3_column_int(st, 3);
	d->status = sqlite3_column_int(st, 4);
	d->progress = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 5);
	d->year = sqlite3_column_int(st, 6);
	d->archived = sqlite3_column_int(st, 7) != 0;
	d->code = col_dup(st, 8);
	d->title = col_str(st, 9);
	d->notes = col_dup(st, 10);
	d->source = col_dup(st, 11);
	col_copy(st, 12, d->start, sizeof d->start);
	col_copy(st, 13, d->due, sizeof d->due);
	col_copy(st, 14, d->done, sizeof d->done);
	col_copy(st, 15, d->created_at, sizeof d->created_at);
	col_copy(st, 16, d->updated_at, sizeof d->updated_at);
	d->lead_name = col_dup(st, 17);
	d->lead_short = col_dup(st, 18);
	d->parent_no = (long)sqlite3_column_int64(st, 19);
	d->parent_title = col_dup(st, 20);
	d->programme = col_dup(st, 21);
	sqlite3_finalize(st);
	if (d->title == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto fail;
	}
	d->display_status = status_display(d->status, d->due, today);

	if (child_limit != 0) {
		int cap = child_limit > 0 ? child_limit : 64, got;

		for (;;) {
			struct detail_child *v = realloc(d->children.v, (size_t)cap * sizeof *v);

			if (v == NULL) {
				error_set(err, ERROR_RUNTIME, _("out of memory"));
				goto fail;
			}
			d->children.v = v;
			memset(v + d->children.n, 0, (size_t)(cap - d->children.n) * sizeof *v);
			got = item_children_read(s, d->id, today,
			                         d->children.n > 0 ? d->children.v[d->children.n - 1].no : 0,
			                         v + d->children.n, cap - d->children.n, err);
			if (got < 0)
				goto fail;
			d->children.n += got;
			if (d->children.n < cap || child_limit > 0)
				break;
			cap *= 2;
		}
	}
	d->children.total = child_limit < 0 || d->children.n < child_limit ? d->children.n : -1;
	LOAD(partners,
	     "SELECT u.name, u.short_name, p.role FROM item_partner p JOIN unit u ON u.id = p.unit_id"
	     " WHERE p.item_id = ?1 ORDER BY u.name_key",
	     read_partner);
	LOAD(localities,
	     "SELECT l.name, l.level FROM item_locality x JOIN locality l ON l.id = x.locality_id"
	     " WHERE x.item_id = ?1 ORDER BY l.name_key",
	     read_locality);
	LOAD(documents,
	     "SELECT d.no, d.type, d.number, d.signed_date, d.subject, d.state,"
	     " ifnull(u.short_name, u.name)"
	     " FROM item_document x JOIN document d ON d.id = x.document_id"
	     " LEFT JOIN unit u ON u.id = d.issuer_id"
	     " WHERE x.item_id = ?1 ORDER BY d.signed_date IS NULL, d.signed_date, d.no",
	     read_document);
	LOAD(targets,
	     "SELECT description, measure, min_value, max_value, actual, notes FROM target"
	     " WHERE item_id = ?1 ORDER BY position",
	     read_target);
	LOAD(comments,
	     "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', at / 1000, 'unixepoch'), login, body"
	     " FROM comment WHERE item_id = ?1 ORDER BY at",
	     read_comment);
	LOAD(history,
	     "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', c.at / 1000, 'unixepoch'), c.login,"
	     " CASE WHEN h.field IS NOT NULL THEN h.field WHEN c.what IN ('add', 'seed', 'import')"
	     " THEN 'created' ELSE c.what END, h.old_value, h.new_value"
	     " FROM change c LEFT JOIN history h ON h.change_id = c.id"
	     " WHERE c.entity_id = ?1 ORDER BY c.at DESC, c.id, h.field",
	     read_history);
	/* The history keeps keys and codes; the detail shows names (a unit's, a status's). */
	for (int i = 0; i < d->history.n; i++) {
		struct detail_history *h = &d->history.v[i];
		int f;

		if (field_named(REC_ITEM, h->field, &f) == NULL)
			continue;
		if (h->old_value != NULL) {
			char *v = field_display(s, REC_ITEM, f, h->old_value, DATE_ISO);

			if (v != NULL) {
				free(h->old_value);
				h->old_value = v;
			}
		}
		if (h->new_value != NULL) {
			char *v = field_display(s, REC_ITEM, f, h->new_value, DATE_ISO);

			if (v != NULL) {
				free(h->new_value);
				h->new_value = v;
			}
		}
	}
	return 1;
fail:
	item_detail_free(d);
	return -1;
}

void item_detail_free(struct item_detail *d)
{
	int i;

	if (d == NULL)
		return;
	free(d->code);
	free(d->title);
	free(d->notes);
	free(d->source);
	free(d->lead_name);
	free(d->lead_short);
	free(d->parent_title);
	free(d->programme);
	for (i = 0; i < d->children.n; i++)
		detail_child_clear(&d->children.v[i]);
	free(d->children.v);
	for (i = 0; i < d->partners.n; i++) {
		free(d->partners.v[i].name);
		free(d->partners.v[i].short_name);
		free(d->partners.v[i].role);
	}
	free(d->partners.v);
	for (i = 0; i < d->localities.n; i++) {
		free(d->localities.v[i].name);
		free(d->localities.v[i].level);
	}
	free(d->localities.v);
	for (i = 0; i < d->documents.n; i++) {
		free(d->documents.v[i].number);
		free(d->documents.v[i].subject);
		free(d->documents.v[i].issuer);
	}
	free(d->documents.v);
	for (i = 0; i < d->targets.n; i++) {
		free(d->targets.v[i].description);
		free(d->targets.v[i].measure);
		free(d->targets.v[i].notes);
	}
	free(d->targets.v);
	for (i = 0; i < d->comments.n; i++) {
		free(d->comments.v[i].login);
		free(d->comments.v[i].body);
	}
	free(d->comments.v);
	for (i = 0; i < d->history.n; i++) {
		free(d->history.v[i].login);
		free(d->history.v[i].field);
		free(d->history.v[i].old_value);
		free(d->history.v[i].new_value);
	}
	free(d->history.v);
	memset(d, 0, sizeof *d);
}
