#ifndef HOSO_DOCUMENTS_H
#define HOSO_DOCUMENTS_H

/*
 * The register of legal documents: newest signing date first (documents
 * whose date is not known last), read a page at a time by keyset
 * pagination; and one document, whole, as lines of text.
 */

#include "detailtext.h"
#include "error.h"
#include "settings.h"
#include "uuid.h"

struct store;

struct doc_row {
	long no;
	int type, state;
	char signed_date[11]; /* "" when not known */
	char *number;         /* owned; "" when not known */
	char *subject;        /* owned */
	char *issuer;         /* owned; the issuer's short name, "" when not known */
	long items;           /* linked items */
};

/* Frees what r owns and zeroes it; accepts NULL. */
void doc_row_clear(struct doc_row *r);

struct doc_pager;

/* Prepares to read the register. Returns 0 and *out, or -1 with err set. */
int doc_pager_open(struct doc_pager **out, struct store *s, struct error *err);

/*
 * As item_pager_first/last/next/prev: fill rows[0..n) (zeroed or cleared
 * entries) and return how many, or -1 with err set.
 */
int doc_pager_first(struct doc_pager *p, struct doc_row *rows, int n, struct error *err);
int doc_pager_last(struct doc_pager *p, struct doc_row *rows, int n, struct error *err);
int doc_pager_next(struct doc_pager *p, const struct doc_row *after, struct doc_row *rows, int n,
                   struct error *err);
int doc_pager_prev(struct doc_pager *p, const struct doc_row *before, struct doc_row *rows, int n,
                   struct error *err);

/* Counts the documents. Returns 0 and *count, or -1 with err set. */
int doc_count(struct store *s, long *count, struct error *err);

/* Frees *p; sets it to NULL; accepts NULL. */
void doc_pager_close(struct doc_pager **p);

/*
 * Document number no as lines: its fields, its links to and from other
 * documents, and its items (at most limit of each; < 0: all), the items'
 * statuses as of today. Returns 1, 0 when there is no such document, or -1
 * with err set. Free out with dlines_free.
 */
int document_lines(struct store *s, long no, const char *today, enum date_style style, int limit,
                   struct dlines *out, struct error *err);

#endif
