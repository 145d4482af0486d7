#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "change.h"
#include "derived.h"
#include "i18n.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"

void save_result_clear(struct save_result *res)
{
	if (res == NULL)
		return;
	record_clear(&res->theirs);
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------------ writing a record */

/* Binds the canonical value of field f to parameter i, as its column stores it. */
static int bind_value(sqlite3_stmt *st, int i, const struct field *f, const char *v)
{
	if (f->type == FT_FLAG)
		return sqlite3_bind_int(st, i, v != NULL && strcmp(v, "1") == 0);
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	switch (f->type) {
	case FT_YEAR:
	case FT_PERCENT:
		return sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	case FT_CHOICE:
		return sqlite3_bind_int(st, i, choice_parse((enum choice_list)f->max, v));
	case FT_REF:
		return store_bind_uuid(st, i, v);
	default:
		return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	}
}

static int exec_bound(struct store *s, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("saving"));
}

/* The next line of a canonical list value: copies it (without '\n') into out; returns the rest. */
static const char *next_line(const char *p, char *out, size_t n)
{
	size_t len = strcspn(p, "\n");

	snprintf(out, n, "%.*s", (int)len, p);
	p += len;
	return *p == '\n' ? p + 1 : p;
}

/* Splits line at tabs into up to max parts (pointers into line). */
static int split_tabs(char *line, char **part, int max)
{
	int n = 0;

	while (n < max) {
		char *tab = strchr(line, '\t');

		part[n++] = line;
		if (tab == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

/* Writes a field kept in a table of its own: its rows for record id, replaced by value's lines. */
static int write_lines(struct store *s, enum record_kind k, const struct field *f, const char *id,
                       const char *value, struct error *err)
{
	const char *del, *ins;
	sqlite3_stmt *d = NULL, *st = NULL;
	int ret = -1, pos = 0;
	const char *p;

	if (k == REC_ITEM && strcmp(f->name, "partners") == 0) {
		del = "DELETE FROM item_partner WHERE item_id = ?1";
		ins = "INSERT INTO item_partner (item_id, unit_id, role) VALUES (?1, ?2, ?3)";
	} else if (k == REC_ITEM && strcmp(f->name, "localities") == 0) {
		del = "DELETE FROM item_locality WHERE item_id = ?1";
		ins = "INSERT INTO item_locality (item_id, locality_id) VALUES (?1, ?2)";
	} else if (k == REC_ITEM && strcmp(f->name, "documents") == 0) {
		del = "DELETE FROM item_document WHERE item_id = ?1";
		ins = "INSERT INTO item_document (item_id, document_id) VALUES (?1, ?2)";
	} else if (k == REC_DOCUMENT && strcmp(f->name, "links") == 0) {
		del = "DELETE FROM document_link WHERE from_id = ?1";
		ins = "INSERT INTO document_link (from_id, to_id, relation) VALUES (?1, ?2, ?3)";
	} else if (k == REC_ITEM && strcmp(f->name, "targets") == 0) {
		del = "DELETE FROM target WHERE item_id = ?1";
		ins = "INSERT INTO target (id, item_id, position, description, measure, min_value, max_value, actual, notes)"
		      " VALUES (?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	} else {
		return 0;
	}
	if (store_cached(s, del, &d, err) != 0 || store_cached(s, ins, &st, err) != 0)
		goto done;
	store_bind_uuid(d, 1, id);
	if (exec_bound(s, d, err) != 0)
		goto done;
	for (p = value != NULL ? value : ""; *p != '\0';) {
		char line[4096], *part[6] = { 0 };
		int n, i;

		p = next_line(p, line, sizeof line);
		n = split_tabs(line, part, 6);
		sqlite3_clear_bindings(st);
		store_bind_uuid(st, 1, id);
		if (f->type == FT_TARGETS) {
			char tid[UUID_LEN + 1];

			if (uuid_new(tid) != 0) {
				error_set(err, ERROR_RUNTIME, _("the system gave no random numbers for a new key"));
				goto done;
			}
			store_bind_uuid(st, 2, tid);
			sqlite3_bind_int(st, 3, pos++);
			for (i = 0; i < 6; i++) {
				const char *v = i < n ? part[i] : NULL;

				if (v == NULL || *v == '\0')
					sqlite3_bind_null(st, 4 + i);
				else if (i >= 2 && i <= 4)
					sqlite3_bind_double(st, 4 + i, strtod(v, NULL));
				else
					sqlite3_bind_text(st, 4 + i, v, -1, SQLITE_TRANSIENT);
			}
		} else {
			store_bind_uuid(st, 2, part[0]);
			if (f->type == FT_LINKS)
				sqlite3_bind_int(st, 3, choice_parse(CHOICE_DOC_RELATION, n > 1 ? part[1] : ""));
			else if (sqlite3_bind_parameter_count(st) >= 3 && n > 1 && *part[1] != '\0')
				sqlite3_bind_text(st, 3, part[1], -1, SQLITE_TRANSIENT);
		}
		if (exec_bound(s, st, err) != 0)
			goto done;
	}
	ret = 0;
done:
	store_release(s, d);
	store_release(s, st);
	return ret;
}

/* Inserts next as a new record (its key made here). */
static int insert_record(struct store *s, struct record *next, struct error *err)
{
	int n, i, p = 1;
	const struct field *fs = fields_of(next->kind, &n);
	bool numbered = next->kind == REC_ITEM || next->kind == REC_DOCUMENT;
	struct strbuf sql = STRBUF_INIT, vals = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int ret = -1;

	if (!uuid_valid(next->id) && uuid_new(next->id) != 0)
		return error_set(err, ERROR_RUNTIME, _("the system gave no random numbers for a new key"));
	if (numbered) {
		long no = 0;
		char q[128];

		snprintf(q, sizeof q, "SELECT ifnull(max(no), 0) + 1 FROM %s", record_table(next->kind));
		if (store_query_long(s, q, &no, err) != 0)
			return -1;
		next->no = no;
	}
	next->version = 1;
	strbuf_printf(&sql, "INSERT INTO %s (id, version%s", record_table(next->kind), numbered ? ", no" : "");
	strbuf_printf(&vals, "?1, 1%s", numbered ? ", ?2" : "");
	p = numbered ? 3 : 2;
	for (i = 0; i < n; i++) {
		if (fs[i].column == NULL)
			continue;
		strbuf_printf(&sql, ", \"%s\"", fs[i].column);
		strbuf_printf(&vals, ", ?%d", p++);
	}
	strbuf_printf(&sql, ") VALUES (%s)", strbuf_str(&vals));
	if (sql.failed || vals.failed) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	if (store_cached(s, strbuf_str(&sql), &st, err) != 0)
		goto done;
	store_bind_uuid(st, 1, next->id);
	if (numbered)
		sqlite3_bind_int64(st, 2, next->no);
	for (i = 0, p = numbered ? 3 : 2; i < n; i++)
		if (fs[i].column != NULL)
			bind_value(st, p++, &fs[i], next->v[i]);
	if (exec_bound(s, st, err) != 0)
		goto done;
	ret = 0;
done:
	store_release(s, st);
	strbuf_free(&sql);
	strbuf_free(&vals);
	return ret;
}

/* Updates the changed column fields of cur to next's values and bumps the version. */
static int update_record(struct store *s, const struct record *cur, struct record *next,
                         const bool *changed, struct error *err)
{
	int n, i, p = 3;
	const struct field *fs = fields_of(cur->kind, &n);
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int ret = -1;

	strbuf_printf(&sql, "UPDATE %s SET version = version + 1", record_table(cur->kind));
	for (i = 0; i < n; i++)
		if (changed[i] && fs[i].column != NULL)
			strbuf_printf(&sql, ", \"%s\" = ?%d", fs[i].column, p++);
	strbuf_puts(&sql, " WHERE id = ?1 AND version = ?2");
	if (sql.failed) {
		strbuf_free(&sql);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (store_cached(s, strbuf_str(&sql), &st, err) != 0)
		goto done;
	store_bind_uuid(st, 1, cur->id);
	sqlite3_bind_int64(st, 2, cur->version);
	for (i = 0, p = 3; i < n; i++)
		if (changed[i] && fs[i].column != NULL)
			bind_value(st, p++, &fs[i], next->v[i]);
	if (exec_bound(s, st, err) != 0)
		goto done;
	if (sqlite3_changes(store_db(s)) != 1) {
		/* Within BEGIN IMMEDIATE nobody else writes: this is a damaged file. */
		error_set(err, ERROR_RUNTIME, _("%s: the record changed while it was being saved"), store_path(s));
		goto done;
	}
	next->version = cur->version + 1;
	ret = 0;
done:
	store_release(s, st);
	strbuf_free(&sql);
	return ret;
}

/* True when a change of field f of a record of kind k changes other records' search text or keys. */
static bool derives(enum record_kind k, const struct field *f)
{
	if (k == REC_ITEM)
		return true;
	if (k == REC_UNIT)
		return strcmp(f->name, "name") == 0 || strcmp(f->name, "short_name") == 0;
	if (k == REC_LOCALITY)
		return strcmp(f->name, "name") == 0;
	return true; /* a document: its subject key, its own search text, its items' */
}

/* Writes the change row of a save and returns its key in id. */
static int write_change(struct store *s, enum record_kind k, const char *entity_id, const char *what,
                        const char *undoes, char id[UUID_LEN + 1], struct error *err)
{
	sqlite3_stmt *st;
	long last = 0;
	long long at = store_now_ms();
	int rc;

	/*
	 * Saves keep their order even within one millisecond, whoever made
	 * them (undo takes a clerk's last; a change "since" is a later one).
	 */
	if (store_cached(s, "SELECT ifnull(max(at), 0) FROM change WHERE what NOT IN ('seed', 'import')", &st, err) != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		last = (long)sqlite3_column_int64(st, 0);
	store_release(s, st);
	if (at <= last)
		at = last + 1;
	if (uuid_new(id) != 0)
		return error_set(err, ERROR_RUNTIME, _("the system gave no random numbers for a new key"));
	if (store_cached(s, "INSERT INTO change (id, at, login, entity, entity_id, what, undoes)"
	                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, store_login(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, record_table(k), -1, SQLITE_STATIC);
	store_bind_uuid(st, 5, entity_id);
	sqlite3_bind_text(st, 6, what, -1, SQLITE_STATIC);
	store_bind_uuid(st, 7, undoes);
	rc = sqlite3_step(st);
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("saving"));
}

static int write_history(struct store *s, const char *change_id, const char *field, const char *old_value,
                         const char *new_value, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, "INSERT INTO history (change_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4)",
	                  &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, change_id);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, old_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, new_value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("saving"));
}

/*
 * Inside a transaction: writes next over cur (NULL: a new record), with its
 * change and history rows. Sets res's id, no, version and change_id, and
 * SAVE_UNCHANGED when no field differs (then writes nothing).
 */
static int write_save(struct store *s, const struct record *cur, struct record *next, const char *what,
                      const char *undoes, struct save_result *res, struct error *err)
{
	int n, i;
	const struct field *fs = fields_of(next->kind, &n);
	bool changed[RECORD_MAX_FIELDS] = { false }, any = false, refresh = false;

	for (i = 0; i < n; i++) {
		changed[i] = cur != NULL ? !record_same(cur, next, i) : next->v[i] != NULL;
		if (changed[i]) {
			any = true;
			refresh = refresh || derives(next->kind, &fs[i]);
		}
	}
	if (!any && cur != NULL) {
		res->outcome = SAVE_UNCHANGED;
		return 0;
	}
	if (cur == NULL) {
		if (insert_record(s, next, err) != 0)
			return -1;
	} else {
		memcpy(next->id, cur->id, sizeof next->id);
		next->no = cur->no;
		if (update_record(s, cur, next, changed, err) != 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		if (changed[i] && fs[i].column == NULL && write_lines(s, next->kind, &fs[i], next->id, next->v[i], err) != 0)
			return -1;
	if ((refresh || cur == NULL) && derived_refresh_record(s, next->kind, next->id, err) != 0)
		return -1;
	if (write_change(s, next->kind, next->id, what, undoes, res->change_id, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (changed[i] && write_history(s, res->change_id, fs[i].name, cur != NULL ? cur->v[i] : NULL,
		                                next->v[i], err) != 0)
			return -1;
	res->outcome = SAVE_DONE;
	memcpy(res->id, next->id, sizeof res->id);
	res->no = next->no;
	res->version = next->version;
	return 0;
}

/* ------------------------------------------------------------------ saving */

int record_save(struct store *s, const struct record *base, const struct record *mine,
                const struct save_options *o, struct save_result *res, struct error *err)
{
	struct record cur, next;
	const char *what = o != NULL && o->what != NULL ? o->what : base != NULL ? "edit" : "add";
	int n, i, rc = -1;
	bool have_cur = false;

	memset(res, 0, sizeof *res);
	record_init(&res->theirs, mine->kind);
	record_init(&cur, mine->kind);
	record_init(&next, mine->kind);
	fields_of(mine->kind, &n);
	if (store_begin(s, err) != 0)
		return -1;
	if (record_copy(&next, mine) != 0) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto fail;
	}
	if (base != NULL) {
		int found = record_load(s, base->kind, base->id, &cur, err);

		if (found < 0)
			goto fail;
		if (found == 0) {
			error_set(err, ERROR_RUNTIME, _("%s: this %s is no longer in the database"), store_path(s),
			          record_kind_name(base->kind));
			goto fail;
		}
		have_cur = true;
		if (cur.version != base->version) {
			if (o != NULL && o->strict) {
				res->outcome = SAVE_STALE;
				record_copy(&res->theirs, &cur);
				rc = 0;
				goto fail;
			}
			/* Another clerk saved since: their fields stay unless mine changed them too. */
			for (i = 0; i < n; i++) {
				bool mine_changed = !record_same(base, mine, i);
				bool theirs_changed = !record_same(base, &cur, i);

				if (mine_changed && theirs_changed && !record_same(mine, &cur, i))
					res->conflicts[res->nconflicts++] = i;
				else if (!mine_changed && record_set(&next, i, cur.v[i]) != 0) {
					error_set(err, ERROR_RUNTIME, _("out of memory"));
					goto fail;
				}
			}
			if (res->nconflicts > 0) {
				res->outcome = SAVE_CONFLICT;
				record_copy(&res->theirs, &cur);
				rc = 0;
				goto fail;
			}
		}
		memcpy(next.id, cur.id, sizeof next.id);
	} else if (o == NULL || !o->keep_id) {
		next.id[0] = '\0';
	}
	res->nerrors = record_check(s, &next, res->errors, SAVE_MAX_ERRORS, err);
	if (res->nerrors < 0) {
		res->nerrors = 0;
		goto fail;
	}
	if (res->nerrors > 0) {
		res->outcome = SAVE_INVALID;
		rc = 0;
		goto fail;
	}
	if (write_save(s, have_cur ? &cur : NULL, &next, what, NULL, res, err) != 0)
		goto fail;
	if (res->outcome == SAVE_UNCHANGED) {
		store_rollback(s);
		rc = 0;
		goto done;
	}
	rc = store_commit(s, err);
	goto done;
fail:
	store_rollback(s);
done:
	record_clear(&cur);
	record_clear(&next);
	return rc;
}

int record_archive(struct store *s, enum record_kind k, const char *id, bool archived,
                   struct save_result *res, struct error *err)
{
	struct record cur, mine;
	struct save_options o = { archived ? "archive" : "restore", false, false };
	int n, f, found, rc;
	const struct field *fs = fields_of(k, &n);

	memset(res, 0, sizeof *res);
	for (f = 0; f < n; f++)
		if (fs[f].type == FT_FLAG)
			break;
	found = record_load(s, k, id, &cur, err);
	if (found <= 0)
		return found < 0 ? -1
		                 : error_set(err, ERROR_RUNTIME, _("there is no %s with the key %s"), record_kind_name(k), id);
	record_init(&mine, k);
	if (record_copy(&mine, &cur) != 0 || record_set(&mine, f, archived ? "1" : NULL) != 0) {
		record_clear(&cur);
		record_clear(&mine);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	rc = record_save(s, &cur, &mine, &o, res, err);
	record_clear(&cur);
	record_clear(&mine);
	return rc;
}

/* ------------------------------------------------------------------ comments */

int comment_add(struct store *s, const char *item_id, const char *text, char change_id[UUID_LEN + 1],
                char *why, size_t whysz, struct error *err)
{
	struct field_error fe;
	struct record probe;
	sqlite3_stmt *st = NULL;
	char *body = NULL;
	int rc;

	(void)fe;
	/* Checked as the notes of an item are. */
	rc = field_parse(s, REC_ITEM, F_ITEM_NOTES, text, DATE_DMY, &body, why, whysz, err);
	if (rc == -2)
		return -1;
	if (rc == -1)
		return 1;
	if (body == NULL) {
		snprintf(why, whysz, "%s", _("a comment cannot be empty"));
		return 1;
	}
	if (store_begin(s, err) != 0) {
		free(body);
		return -1;
	}
	rc = record_load(s, REC_ITEM, item_id, &probe, err);
	record_clear(&probe);
	if (rc <= 0) {
		if (rc == 0)
			error_set(err, ERROR_RUNTIME, _("there is no %s with the key %s"), record_kind_name(REC_ITEM), item_id);
		goto fail;
	}
	if (write_change(s, REC_ITEM, item_id, "comment", NULL, change_id, err) != 0 ||
	    store_cached(s, "INSERT INTO comment (id, item_id, at, login, body)"
	                     " SELECT id, entity_id, at, login, ?2 FROM change WHERE id = ?1", &st, err) != 0)
		goto fail;
	store_bind_uuid(st, 1, change_id);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	if (exec_bound(s, st, err) != 0 || write_history(s, change_id, "comment", NULL, body, err) != 0)
		goto fail;
	store_release(s, st);
	free(body);
	return store_commit(s, err);
fail:
	store_release(s, st);
	free(body);
	store_rollback(s);
	return -1;
}

/* ------------------------------------------------------------------ undo and redo */

/* A change to undo or redo: the first row of sql, run with the clerk's login. */
static int find_target(struct store *s, const char *sql, char id[UUID_LEN + 1], enum record_kind *k,
                       char entity_id[UUID_LEN + 1], char what[16], struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, store_login(s), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_column_uuid(st, 0, id);
		*k = record_kind_parse((const char *)sqlite3_column_text(st, 1));
		store_column_uuid(st, 2, entity_id);
		snprintf(what, 16, "%s", (const char *)sqlite3_column_text(st, 3));
	}
	store_release(s, st);
	if (rc == SQLITE_ROW)
		return *k == REC_COUNT ? 0 : 1;
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading the changes"));
}

/* The last change to field of entity after change `after`, by someone else: who and when. */
static int later_change(struct store *s, const char *entity_id, const char *field, const char *after,
                        struct undo_result *res, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s,
	                  "SELECT c.login, c.at FROM change c JOIN history h ON h.change_id = c.id"
	                  " WHERE c.entity_id = ?1 AND h.field = ?2 AND c.at > (SELECT at FROM change WHERE id = ?3)"
	                  " ORDER BY c.at DESC LIMIT 1",
	                  &st, err) != 0)
		return -1;
	store_bind_uuid(st, 1, entity_id);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	store_bind_uuid(st, 3, after);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(res->other_login, sizeof res->other_login, "%s", (const char *)sqlite3_column_text(st, 0));
		res->other_at = sqlite3_column_int64(st, 1);
	}
	store_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading the changes"));
}

int change_undo(struct store *s, bool redo, bool force, struct undo_result *res, struct error *err)
{
	/* This clerk's last change that is undone by no undo still in force. */
	static const char undo_sql[] =
		"SELECT c.id, c.entity, c.entity_id, c.what FROM change c"
		" WHERE c.login = ?1 AND c.what NOT IN ('seed', 'import') AND c.what NOT IN ('undo', 'redo')"
		" AND NOT EXISTS (SELECT 1 FROM change u WHERE u.undoes = c.id AND u.what = 'undo'"
		"  AND NOT EXISTS (SELECT 1 FROM change r WHERE r.undoes = u.id AND r.what = 'redo'))"
		" ORDER BY c.at DESC LIMIT 1";
	/* This clerk's last undo not redone, provided nothing but undos and redos came after it. */
	static const char redo_sql[] =
		"SELECT u.id, u.entity, u.entity_id, u.what FROM change u"
		" WHERE u.login = ?1 AND u.what NOT IN ('seed', 'import') AND u.what = 'undo'"
		" AND NOT EXISTS (SELECT 1 FROM change r WHERE r.undoes = u.id AND r.what = 'redo')"
		" AND NOT EXISTS (SELECT 1 FROM change l WHERE l.login = ?1 AND l.what NOT IN ('seed', 'import')"
		"  AND l.what NOT IN ('undo', 'redo') AND l.at > u.at)"
		" ORDER BY u.at DESC LIMIT 1";
	char target[UUID_LEN + 1], entity_id[UUID_LEN + 1], what[16];
	enum record_kind k = REC_COUNT;
	struct record cur, next;
	struct save_result sr;
	sqlite3_stmt *st = NULL;
	int found, rc = -1, n, i;
	const struct field *fs;

	memset(res, 0, sizeof *res);
	memset(&sr, 0, sizeof sr);
	record_init(&cur, REC_ITEM);
	record_init(&next, REC_ITEM);
	if (store_begin(s, err) != 0)
		return -1;
	found = find_target(s, redo ? redo_sql : undo_sql, target, &k, entity_id, what, err);
	if (found <= 0) {
		store_rollback(s);
		if (found == 0)
			res->outcome = UNDO_NOTHING;
		return found < 0 ? -1 : 0;
	}
	res->kind = k;
	memcpy(res->entity_id, entity_id, sizeof res->entity_id);
	if (k == REC_ITEM || k == REC_DOCUMENT) {
		char q[96];

		snprintf(q, sizeof q, "SELECT no FROM %s WHERE id = ?1", record_table(k));
		if (store_cached(s, q, &st, err) != 0)
			goto fail;
		store_bind_uuid(st, 1, entity_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			res->no = (long)sqlite3_column_int64(st, 0);
		store_release(s, st);
		st = NULL;
	}
	snprintf(res->what, sizeof res->what, "%s", what);
	if (redo) {
		/* Redoing the undo of a comment puts the comment back. */
		if (store_cached(s, "SELECT c.id FROM change c WHERE c.what = 'comment'"
		                     " AND c.id = (SELECT undoes FROM change WHERE id = ?1)", &st, err) != 0)
			goto fail;
		store_bind_uuid(st, 1, target);
		if (sqlite3_step(st) == SQLITE_ROW) {
			char comment[UUID_LEN + 1];

			store_column_uuid(st, 0, comment);
			store_release(s, st);
			st = NULL;
			if (store_cached(s, "INSERT INTO comment (id, item_id, at, login, body)"
			                     " SELECT c.id, c.entity_id, c.at, c.login, h.new_value FROM change c"
			                     " JOIN history h ON h.change_id = c.id AND h.field = 'comment' WHERE c.id = ?1",
			                  &st, err) != 0)
				goto fail;
			store_bind_uuid(st, 1, comment);
			if (exec_bound(s, st, err) != 0 || write_change(s, k, entity_id, "redo", target, sr.change_id, err) != 0)
				goto fail;
			store_release(s, st);
			snprintf(res->fields, sizeof res->fields, "comment");
			res->outcome = UNDO_DONE;
			return store_commit(s, err);
		}
		store_release(s, st);
		st = NULL;
	}
	if (strcmp(what, "comment") == 0 && !redo) {
		/* A comment is taken back: its row goes, the change says so. */
		if (store_cached(s, "DELETE FROM comment WHERE id = ?1", &st, err) != 0)
			goto fail;
		store_bind_uuid(st, 1, target);
		if (exec_bound(s, st, err) != 0 || write_change(s, k, entity_id, "undo", target, sr.change_id, err) != 0)
			goto fail;
		store_release(s, st);
		st = NULL;
		snprintf(res->fields, sizeof res->fields, "comment");
		res->outcome = UNDO_DONE;
		return store_commit(s, err);
	}
	found = record_load(s, k, entity_id, &cur, err);
	if (found <= 0) {
		if (found == 0)
			error_set(err, ERROR_RUNTIME, _("%s: the record the change was made to is gone"), store_path(s));
		goto fail;
	}
	res->no = cur.no;
	if (record_copy(&next, &cur) != 0) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto fail;
	}
	fs = fields_of(k, &n);
	if (store_cached(s, "SELECT field, old_value, new_value FROM history WHERE change_id = ?1", &st, err) != 0)
		goto fail;
	store_bind_uuid(st, 1, target);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(st, 0);
		const char *old_value = (const char *)sqlite3_column_text(st, 1);
		const char *new_value = (const char *)sqlite3_column_text(st, 2);
		int f;

		if (field_named(k, field, &f) == NULL)
			continue; /* a field this hoso does not know */
		if (strcmp(what, "add") == 0 && fs[f].type != FT_FLAG)
			continue; /* an add is undone by archiving what it added */
		if (!force && strcmp(cur.v[f] != NULL ? cur.v[f] : "", new_value != NULL ? new_value : "") != 0) {
			/* Someone saved this field since: say who before overwriting it. */
			snprintf(res->other_field, sizeof res->other_field, "%s", field);
			if (later_change(s, entity_id, field, target, res, err) != 0)
				goto fail;
			res->outcome = UNDO_OVERWRITES;
			store_release(s, st);
			st = NULL;
			store_rollback(s);
			record_clear(&cur);
			record_clear(&next);
			return 0;
		}
		if (record_set(&next, f, old_value) != 0) {
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			goto fail;
		}
		snprintf(res->fields + strlen(res->fields), sizeof res->fields - strlen(res->fields), "%s%s",
		         res->fields[0] != '\0' ? ", " : "", field);
	}
	store_release(s, st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		store_fail(s, err, _("reading the changes"));
		goto fail;
	}
	if (strcmp(what, "add") == 0) {
		/* Undoing an add archives the record (its history stays); redoing it restores it. */
		for (i = 0; i < n; i++)
			if (fs[i].type == FT_FLAG && record_set(&next, i, "1") != 0)
				goto oom;
		snprintf(res->fields, sizeof res->fields, "archived");
	}
	sr.nerrors = record_check(s, &next, sr.errors, SAVE_MAX_ERRORS, err);
	if (sr.nerrors < 0)
		goto fail;
	if (sr.nerrors > 0) {
		res->outcome = UNDO_INVALID;
		snprintf(res->why, sizeof res->why, "%s", sr.errors[0].msg);
		store_rollback(s);
		record_clear(&cur);
		record_clear(&next);
		return 0;
	}
	if (write_save(s, &cur, &next, redo ? "redo" : "undo", target, &sr, err) != 0)
		goto fail;
	if (sr.outcome == SAVE_UNCHANGED && write_change(s, k, entity_id, redo ? "redo" : "undo", target,
	                                                 sr.change_id, err) != 0)
		goto fail;
	res->outcome = UNDO_DONE;
	record_clear(&cur);
	record_clear(&next);
	return store_commit(s, err);
oom:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
fail:
	store_release(s, st);
	store_rollback(s);
	record_clear(&cur);
	record_clear(&next);
	return -1;
}
