#ifndef HOSO_RECORDLIST_H
#define HOSO_RECORDLIST_H

/*
 * The records of one kind as a register or a pick list shows them: units
 * and localities in Vietnamese order of their names, items and documents
 * by their numbers; the unarchived ones, the archived ones or both; narrowed
 * by what a clerk types (without regard to diacritics or case, every word
 * beginning a word of the record's name). Read a page at a time by keyset,
 * as the item list is, so a register of many records costs one page.
 */

#include <stdbool.h>

#include "error.h"
#include "fields.h"
#include "uuid.h"

struct store;

enum reclist_mode { RECLIST_ACTIVE, RECLIST_ARCHIVED, RECLIST_ALL };

struct rec_row {
	long key;               /* stays the same for a record: its number, or a hash of its key */
	long no;                /* items and documents: the short number; else 0 */
	char id[UUID_LEN + 1];
	char *name;             /* owned: title, subject or name */
	char *detail;           /* owned; "" when none: code, number, short name or level */
	int type;               /* an item's kind, a document's type; else 0 */
	int status;             /* an item's stored status; else 0 */
	char date[11];          /* an item's due date, a document's signing date; "" when none */
	bool archived;
	unsigned char *sort;    /* owned: the sort key of units and localities */
	int sortlen;
};

/* Frees what r owns and zeroes it; accepts NULL. */
void rec_row_clear(struct rec_row *r);

/* Copies src into dst (cleared first). 0, or -1 when out of memory. */
int rec_row_copy(struct rec_row *dst, const struct rec_row *src);

struct rec_pager;

/*
 * Prepares to read the records of kind k in mode, narrowed by search
 * (NULL or "": all). Returns 0 and *out, or -1 with err set. Close with
 * rec_pager_close.
 */
int rec_pager_open(struct rec_pager **out, struct store *s, enum record_kind k, enum reclist_mode mode,
                   const char *search, struct error *err);

/* As listview's pager: fill rows[0..n) (zeroed or cleared) and return how many, or -1 with err. */
int rec_pager_first(struct rec_pager *p, struct rec_row *rows, int n, struct error *err);
int rec_pager_last(struct rec_pager *p, struct rec_row *rows, int n, struct error *err);
int rec_pager_next(struct rec_pager *p, const struct rec_row *after, struct rec_row *rows, int n,
                   struct error *err);
int rec_pager_prev(struct rec_pager *p, const struct rec_row *before, struct rec_row *rows, int n,
                   struct error *err);

/* The row of the record like names, read again: 1, 0 when it is no longer listed, -1 with err. */
int rec_pager_get(struct rec_pager *p, const struct rec_row *like, struct rec_row *row, struct error *err);

/* How many records the pager lists: 0 and *count, or -1 with err set. */
int rec_pager_count(struct rec_pager *p, long *count, struct error *err);

/* Frees *p; sets it to NULL; accepts NULL. */
/* Leaves the record with key id out of what p reads (NULL or "": none). */
void rec_pager_except(struct rec_pager *p, const char *id);

void rec_pager_close(struct rec_pager **p);

#endif
