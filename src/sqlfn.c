#include "config.h"

#include <stdlib.h>

#include "collate.h"
#include "fold.h"
#include "search.h"
#include "sqlfn.h"

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
		rc = sqlite3_create_collation(db, "vi", SQLITE_UTF8, NULL, collate);
	return rc;
}
