#ifndef HOSO_RECORD_H
#define HOSO_RECORD_H

/*
 * A record (item, document, unit, locality) as data, apart from how it is
 * shown: its key, its short number, its version, and the value of each of
 * its fields (fields.h) as canonical text:
 *   text and notes      NFC text;
 *   dates               YYYY-MM-DD;
 *   years, percents     decimal digits; flags "0" or "1";
 *   choices             the entry's code ("in_progress");
 *   references          the other record's key (8-4-4-4-12);
 *   several records     one key a line, sorted; a partner's role after a tab;
 *   document links      "key<TAB>relation code" a line, sorted;
 *   targets             "text<TAB>measure<TAB>min<TAB>max<TAB>actual<TAB>notes"
 *                       a line, in their order.
 * NULL is an empty field. The forms, the command line, the change history
 * and the exports all use this form, so a value compares, is stored in the
 * history and is carried to another copy as it is.
 */

#include <stdbool.h>

#include "error.h"
#include "fields.h"
#include "uuid.h"

struct store;

struct record {
	enum record_kind kind;
	char id[UUID_LEN + 1];   /* "" for a record not saved yet */
	long no;                 /* items and documents: the short number; 0 otherwise or new */
	long version;            /* 0 for a record not saved yet */
	char *v[RECORD_MAX_FIELDS];
};

/* An empty new record of kind k (every field NULL). */
void record_init(struct record *r, enum record_kind k);

/* Frees the values of r and empties it (its kind stays). Accepts NULL. */
void record_clear(struct record *r);

/* Copies src into dst (cleared first). Returns 0, or -1 when out of memory (dst empty). */
int record_copy(struct record *dst, const struct record *src);

/*
 * Sets field f of r to value (copied; NULL or "" empties it). Returns 0 or
 * -1 when out of memory.
 */
int record_set(struct record *r, int f, const char *value);

/* The value of field f, or NULL when empty. */
const char *record_get(const struct record *r, int f);

/* True when field f holds the same value in a and b (NULL equals ""). */
bool record_same(const struct record *a, const struct record *b, int f);

/*
 * Loads the record of kind k whose key is id into *out (initialised by
 * this call). Returns 1, 0 when there is none, or -1 with err set.
 */
int record_load(struct store *s, enum record_kind k, const char *id, struct record *out,
                struct error *err);

/* Like record_load for an item or a document by its short number. */
int record_load_no(struct store *s, enum record_kind k, long no, struct record *out,
                   struct error *err);

/*
 * Every record of a kind, one at a time (items and documents by number,
 * units and localities by name), each as record_load gives it: for exports
 * and reports, memory bounded by one record. Close with record_cursor_close.
 */
struct record_cursor;

/* Starts reading the records of kind k. Returns 0 and *out, or -1 with err set. */
int record_cursor_open(struct record_cursor **out, struct store *s, enum record_kind k,
                       struct error *err);

/* The next record into *out (initialised here). Returns 1, 0 at the end, or -1 with err set. */
int record_cursor_next(struct record_cursor *c, struct record *out, struct error *err);

/* Frees *c and sets it to NULL; accepts NULL. */
void record_cursor_close(struct record_cursor **c);

/*
 * Calls fn for every record of kind k of s, in order (a non-zero return
 * stops: -1 with err set by fn). Returns 0, or -1 with err set.
 */
int record_each(struct store *s, enum record_kind k,
                int (*fn)(void *ctx, const struct record *r, struct error *err), void *ctx,
                struct error *err);

#endif
