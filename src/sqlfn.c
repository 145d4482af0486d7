#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collate.h"
#include "fold.h"
#include "search.h"
#include "sqlfn.h"
#include "uuid.h"

static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	size_t need;
	char *out;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	need = fold_into(s, (size_t)n, NULL, 0);
	out = sqlite3_malloc64(need + 1);
	if (out == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	fold_into(s, (size_t)n, out, need + 1);
	sqlite3_result_text(ctx, out, (int)need, sqlite3_free);
}

static void fn_vi_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	size_t need;
	unsigned char *out;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	need = collate_vi_key(s, (size_t)n, NULL, 0);
	out = sqlite3_malloc64(need > 0 ? need : 1);
	if (out == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	collate_vi_key(s, (size_t)n, out, need);
	sqlite3_result_blob(ctx, out, (int)need, sqlite3_free);
}

static void free_query(void *p)
{
	struct search_query *q = p;

	search_free(&q);
}

static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct search_query *q = sqlite3_get_auxdata(ctx, 1);
	const char *s = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (q == NULL) {
		if (search_compile((const char *)sqlite3_value_text(argv[1]), &q) != 0) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		if (q == NULL) {
			sqlite3_result_int(ctx, 1);
			return;
		}
		sqlite3_set_auxdata(ctx, 1, q, free_query);
		q = sqlite3_get_auxdata(ctx, 1); /* SQLite may have freed it already */
		if (q == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	sqlite3_result_int(ctx, s != NULL && search_match(q, s, (size_t)sqlite3_value_bytes(argv[0])));
}

/*
 * hoso_uuid(x): a key as the database stores it: 16 bytes from a text UUID
 * (or already 16 bytes); a text that is no UUID (a key set by hand in an old
 * file) gets a key derived from it, the same every time, so that the
 * references to it still meet it.
 */
static void fn_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned char b[UUID_BYTES];

	(void)argc;
	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_NULL:
		sqlite3_result_null(ctx);
		return;
	case SQLITE_BLOB:
		if (sqlite3_value_bytes(argv[0]) == UUID_BYTES) {
			sqlite3_result_value(ctx, argv[0]);
			return;
		}
		break;
	default:
		if (uuid_to_bytes((const char *)sqlite3_value_text(argv[0]), b) != 0)
			uuid_derive((const char *)sqlite3_value_text(argv[0]),
			            (size_t)sqlite3_value_bytes(argv[0]), b);
		sqlite3_result_blob(ctx, b, sizeof b, SQLITE_TRANSIENT);
		return;
	}
	sqlite3_result_error(ctx, "hoso_uuid: not a key", -1);
}

/* hoso_uuid_text(b): the text of a 16-byte key; NULL stays NULL. */
static void fn_uuid_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char out[UUID_LEN + 1];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_BLOB && sqlite3_value_bytes(argv[0]) == UUID_BYTES) {
		uuid_from_bytes(sqlite3_value_blob(argv[0]), out);
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_result_value(ctx, argv[0]);
	}
}

/* hoso_time_ms(t): milliseconds since 1970 of an ISO UTC time ("YYYY-MM-DDTHH:MM:SSZ"). */
static void fn_time_ms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	struct tm tm;
	time_t secs;

	(void)argc;
	memset(&tm, 0, sizeof tm);
	if (t == NULL || sscanf(t, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                        &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		sqlite3_result_null(ctx);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	secs = timegm(&tm);
	sqlite3_result_int64(ctx, (sqlite3_int64)secs * 1000);
}

/* hoso_budget(b, x): 1, or an error once b's rows are spent (x only ties the call to a row). */
static void fn_budget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sqlfn_budget *b = sqlite3_value_pointer(argv[0], SQLFN_BUDGET);

	(void)argc;
	if (b != NULL && ++b->seen > b->limit) {
		b->over = true;
		sqlite3_result_error(ctx, "hoso: the rows to examine are spent", -1);
		return;
	}
	sqlite3_result_int(ctx, 1);
}

static int collate(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	return collate_vi(a, (size_t)na, b, (size_t)nb);
}

int sqlfn_register(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc;

	rc = sqlite3_create_function(db, "fold", 1, flags, NULL, fn_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "vi_key", 1, flags, NULL, fn_vi_key, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hoso_match", 2, flags, NULL, fn_match, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hoso_uuid", 1, flags, NULL, fn_uuid, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hoso_uuid_text", 1, flags, NULL, fn_uuid_text, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hoso_time_ms", 1, flags, NULL, fn_time_ms, NULL, NULL);
	if (rc == SQLITE_OK) /* not deterministic: called for every row, never once for all */
		rc = sqlite3_create_function(db, "hoso_budget", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
		                             fn_budget, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "vi", SQLITE_UTF8, NULL, collate);
	return rc;
}
