#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "escape.h"
#include "export.h"
#include "i18n.h"
#include "record.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"
#include "validate.h"

int export_format_parse(const char *name)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "csv") == 0)
		return EXPORT_CSV;
	if (strcmp(name, "json") == 0)
		return EXPORT_JSON;
	if (strcmp(name, "xlsx") == 0)
		return EXPORT_XLSX;
	return -1;
}

/* ------------------------------------------------------------------ CSV */

/* Where the rows go, and the buffer each field is made in (one for the whole file). */
struct csv_ctx {
	FILE *out;
	struct strbuf field;
};

static int csv_row(void *ctx, const struct record *r, struct error *err)
{
	struct csv_ctx *c = ctx;
	int n, i;
	char buf[32];

	(void)err;
	fields_of(r->kind, &n);
	csv_write_field(c->out, &c->field, r->id, 0, false, false);
	snprintf(buf, sizeof buf, "%ld", r->no);
	csv_write_field(c->out, &c->field, buf, 0, false, false);
	snprintf(buf, sizeof buf, "%ld", r->version);
	csv_write_field(c->out, &c->field, buf, 0, false, false);
	for (i = 0; i < n; i++)
		csv_write_field(c->out, &c->field, r->v[i], 0, false, i == n - 1);
	return 0;
}

static int write_csv(struct store *s, FILE *out, bool bom, struct error *err)
{
	struct csv_ctx c = { out, STRBUF_INIT };
	int n, i, rc;
	const struct field *fs = fields_of(REC_ITEM, &n);

	if (bom)
		fputs("\xEF\xBB\xBF", out);
	fputs("id,no,version,", out);
	for (i = 0; i < n; i++)
		csv_write_field(out, &c.field, fs[i].name, 0, false, i == n - 1);
	rc = record_each(s, REC_ITEM, csv_row, &c, err);
	strbuf_free(&c.field);
	return rc;
}

/* ------------------------------------------------------------------ JSON */

struct json_ctx {
	FILE *out;
	struct store *store;
	bool first;
	sqlite3_stmt *comments;
};

/* One line of a list value split at tabs: part i into out. */
static void part_of(const char *line, size_t len, int i, char *out, size_t n)
{
	const char *p = line, *end = line + len;

	while (i > 0 && p < end) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));

		if (tab == NULL) {
			p = end;
			break;
		}
		p = tab + 1;
		i--;
	}
	{
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		size_t l = (size_t)((tab != NULL ? tab : end) - p);

		snprintf(out, n, "%.*s", (int)(l < n ? l : n - 1), p);
	}
}

static void json_number_or_null(FILE *out, const char *v)
{
	fputs(v != NULL && *v != '\0' ? v : "null", out);
}

static void json_string_or_null(FILE *out, const char *v)
{
	if (v == NULL || *v == '\0')
		fputs("null", out);
	else
		json_write_string(out, v, 0);
}

/* The value of field f as JSON. */
static void json_value(FILE *out, const struct field *f, const char *v)
{
	const char *p;

	switch (f->type) {
	case FT_YEAR:
	case FT_PERCENT:
		json_number_or_null(out, v);
		return;
	case FT_FLAG:
		fputs(v != NULL && strcmp(v, "1") == 0 ? "true" : "false", out);
		return;
	case FT_MULTI:
	case FT_LINKS:
	case FT_TARGETS:
		break;
	default:
		json_string_or_null(out, v);
		return;
	}
	fputc('[', out);
	for (p = v != NULL ? v : ""; *p != '\0';) {
		size_t len = strcspn(p, "\n");
		char a[4096], b[256];

		if (p != v)
			fputs(", ", out);
		if (f->type == FT_TARGETS) {
			static const char *const keys[] = { "text", "measure", "min", "max", "actual", "notes" };
			int i;

			fputc('{', out);
			for (i = 0; i < 6; i++) {
				part_of(p, len, i, a, sizeof a);
				fprintf(out, "%s\"%s\": ", i > 0 ? ", " : "", keys[i]);
				if (i >= 2 && i <= 4)
					json_number_or_null(out, a);
				else
					json_string_or_null(out, a);
			}
			fputc('}', out);
		} else {
			part_of(p, len, 0, a, sizeof a);
			part_of(p, len, 1, b, sizeof b);
			if (f->type == FT_LINKS) {
				fputs("{\"document\": ", out);
				json_write_string(out, a, 0);
				fputs(", \"relation\": ", out);
				json_write_string(out, b, 0);
				fputc('}', out);
			} else if (f->flags & F_ROLE) {
				fputs("{\"id\": ", out);
				json_write_string(out, a, 0);
				fputs(", \"role\": ", out);
				json_string_or_null(out, b);
				fputc('}', out);
			} else {
				json_write_string(out, a, 0);
			}
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	fputc(']', out);
}

static int json_record(void *ctx, const struct record *r, struct error *err)
{
	struct json_ctx *j = ctx;
	int n, i;
	const struct field *fs = fields_of(r->kind, &n);

	fputs(j->first ? "\n    {" : ",\n    {", j->out);
	j->first = false;
	fputs("\"id\": ", j->out);
	json_write_string(j->out, r->id, 0);
	if (r->kind == REC_ITEM || r->kind == REC_DOCUMENT)
		fprintf(j->out, ", \"no\": %ld", r->no);
	fprintf(j->out, ", \"version\": %ld", r->version);
	for (i = 0; i < n; i++) {
		fprintf(j->out, ", \"%s\": ", fs[i].name);
		json_value(j->out, &fs[i], r->v[i]);
	}
	if (r->kind == REC_ITEM) {
		/* Its comments, oldest first. */
		int rc;
		bool first = true;

		sqlite3_reset(j->comments);
		store_bind_uuid(j->comments, 1, r->id);
		fputs(", \"comments\": [", j->out);
		while ((rc = sqlite3_step(j->comments)) == SQLITE_ROW) {
			fprintf(j->out, "%s{\"at\": ", first ? "" : ", ");
			first = false;
			json_write_string(j->out, (const char *)sqlite3_column_text(j->comments, 0), 0);
			fputs(", \"login\": ", j->out);
			json_write_string(j->out, (const char *)sqlite3_column_text(j->comments, 1), 0);
			fputs(", \"text\": ", j->out);
			json_write_string(j->out, (const char *)sqlite3_column_text(j->comments, 2),
			                  (size_t)sqlite3_column_bytes(j->comments, 2));
			fputc('}', j->out);
		}
		fputc(']', j->out);
		if (rc != SQLITE_DONE)
			return store_fail(j->store, err, _("reading comments"));
	}
	fputc('}', j->out);
	return 0;
}

static int json_programme(struct store *s, FILE *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT hoso_uuid_text(id), code, title, start_year, end_year, notes, source"
	                     " FROM programme ORDER BY id LIMIT 1", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		static const char *const keys[] = { "id", "code", "title", "start_year", "end_year", "notes", "source" };
		int i;

		fputs("{", out);
		for (i = 0; i < 7; i++) {
			fprintf(out, "%s\"%s\": ", i > 0 ? ", " : "", keys[i]);
			if (i == 3 || i == 4)
				json_number_or_null(out, (const char *)sqlite3_column_text(st, i));
			else
				json_string_or_null(out, (const char *)sqlite3_column_text(st, i));
		}
		fputs("}", out);
	} else {
		fputs("null", out);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading the programme"));
}

static int write_json(struct store *s, FILE *out, struct error *err)
{
	static const struct {
		const char *key;
		enum record_kind k;
	} parts[] = {
		{ "units", REC_UNIT }, { "localities", REC_LOCALITY }, { "documents", REC_DOCUMENT }, { "items", REC_ITEM },
	};
	struct json_ctx j = { out, s, true, NULL };
	char now[21];
	size_t i;
	int rc = 0;

	store_now(now);
	if (store_prepare(s, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', at / 1000, 'unixepoch'), login, body"
	                     " FROM comment WHERE item_id = ?1 ORDER BY at", &j.comments, err) != 0)
		return -1;
	fprintf(out, "{\n  \"format\": \"hoso-export\",\n  \"version\": 1,\n  \"schema\": %d,\n  \"exported_at\": \"%s\",\n"
	        "  \"programme\": ", store_schema_version(s), now);
	if (json_programme(s, out, err) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < sizeof parts / sizeof parts[0]; i++) {
		fprintf(out, ",\n  \"%s\": [", parts[i].key);
		j.first = true;
		rc = record_each(s, parts[i].k, json_record, &j, err);
		fputs(j.first ? "]" : "\n  ]", out);
	}
	fputs("\n}\n", out);
	sqlite3_finalize(j.comments);
	return rc;
}

int export_write(struct store *s, enum export_format f, FILE *out, bool bom, struct error *err)
{
	switch (f) {
	case EXPORT_CSV:
		return write_csv(s, out, bom, err);
	case EXPORT_JSON:
		return write_json(s, out, err);
	default:
		return error_set(err, ERROR_USAGE, _("xlsx is written to a file: give --output FILE"));
	}
}
