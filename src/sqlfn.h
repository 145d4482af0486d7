#ifndef HOSO_SQLFN_H
#define HOSO_SQLFN_H

/*
 * hoso's functions for SQL, registered on every connection:
 *   fold(text)           the search folding of text (fold.h)
 *   vi_key(text)         the Vietnamese sort key of text, a BLOB (collate.h)
 *   hoso_match(s, q)     1 when the folded text s matches the query q (search.h)
 *   hoso_uuid(x)         a key's 16 bytes from its text (or its bytes); NULL stays NULL
 *   hoso_uuid_text(b)    the text of a key's 16 bytes
 *   hoso_time_ms(t)      milliseconds since 1970 of an ISO UTC time
 *   hoso_budget(b, x)    1, counting a row against the budget b (below)
 *   COLLATE vi           Vietnamese order
 * The schema never names them, so the stock sqlite3 shell reads the file
 * without them.
 */

#include <stdbool.h>

#include <sqlite3.h>

/*
 * A bound on the rows a statement examines: bound to hoso_budget's first
 * argument with sqlite3_bind_pointer(st, i, b, SQLFN_BUDGET, NULL), each
 * call counts one row in seen; the call that would pass limit sets over and
 * fails the statement instead (its step returns SQLITE_ERROR), so that the
 * caller can read the rows another way.
 */
struct sqlfn_budget {
	long seen, limit;
	bool over;
};
#define SQLFN_BUDGET "hoso_budget"

/* Registers the functions on db. Returns SQLITE_OK or an SQLite error code. */
int sqlfn_register(sqlite3 *db);

#endif
