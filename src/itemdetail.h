#ifndef HOSO_ITEMDETAIL_H
#define HOSO_ITEMDETAIL_H

/*
 * One item, whole: every field, its sub-items, partner units, localities,
 * linked documents, targets, comments and history, as `hoso show` and the
 * detail screen present them.
 */

#include <stdbool.h>

#include "error.h"
#include "uuid.h"

struct store;

struct detail_child {
	long no;
	char *code, *title;
	int kind, display_status, progress;
	bool has_children;
};

struct detail_partner {
	char *name, *short_name, *role;
};

struct detail_locality {
	char *name, *level;
};

struct detail_document {
	long no;
	int type, state;
	char *number, *subject, *issuer;
	char signed_date[11];
};

struct detail_target {
	char *description, *measure, *notes;
	double min, max, actual;
	bool has_min, has_max, has_actual;
};

struct detail_comment {
	char at[21];
	char *login, *body;
};

struct detail_history {
	char at[21];
	char *login, *field, *old_value, *new_value;
};

#define DETAIL_LIST(T) struct { T *v; int n; long total; }

struct item_detail {
	char id[UUID_LEN + 1];
	long no, version;
	int kind, status, display_status, progress, year;
	bool archived;
	char *code, *title, *notes, *source;
	char start[11], due[11], done[11];
	char created_at[21], updated_at[21];
	char *lead_name, *lead_short;   /* NULL: no lead unit */
	long parent_no;                 /* 0: directly under the programme */
	char *parent_title;
	char *programme;
	DETAIL_LIST(struct detail_child) children;
	DETAIL_LIST(struct detail_partner) partners;
	DETAIL_LIST(struct detail_locality) localities;
	DETAIL_LIST(struct detail_document) documents;
	DETAIL_LIST(struct detail_target) targets;
	DETAIL_LIST(struct detail_comment) comments;
	DETAIL_LIST(struct detail_history) history; /* newest first */
};

/*
 * Finds the item a clerk means by ref: its number ("12" or "#12"), its code
 * (without regard to case or diacritics), or its key (a UUID, or at least
 * its first 8 characters). Returns 1 and *no, 0 when nothing matches (err
 * says so), or -1 with err set (several items match, or a database error).
 */
int item_resolve(struct store *s, const char *ref, long *no, struct error *err);

/*
 * Loads item number no into *d (zeroed by the caller or freed before),
 * with at most limit entries in each list but the sub-items (limit < 0:
 * all; each list's total says how many there are) and the first
 * child_limit sub-items (< 0: all). The sub-items are never counted here:
 * children.total is their number when fewer than child_limit were found,
 * else -1 (see item_children_count). today decides overdue. Returns 1, 0
 * when there is no such item, or -1 with err set. Free with
 * item_detail_free.
 */
int item_detail_load(struct store *s, long no, const char *today, int limit, int child_limit,
                     struct item_detail *d, struct error *err);

/*
 * Reads up to n unarchived sub-items of the item with key parent numbered
 * above after, in number order, into v[0..n) (zeroed by the caller),
 * through the index of the items by parent: as quick with a million
 * sub-items as with ten. Returns how many it read, or -1 with err set.
 * Free each with detail_child_clear.
 */
int item_children_read(struct store *s, const char *parent, const char *today, long after,
                       struct detail_child *v, int n, struct error *err);

/*
 * Calls fn for each unarchived sub-item of the item with key parent, in
 * number order, one at a time (c is valid during the call only): memory
 * stays the same however many there are. fn returns 0 to go on, else
 * stops. Returns 0, fn's value when not 0, or -1 with err set.
 */
int item_children_each(struct store *s, const char *parent, const char *today,
                       int (*fn)(void *ctx, const struct detail_child *c), void *ctx,
                       struct error *err);

/*
 * Counts the unarchived sub-items of the item with key parent. Reads each
 * of them (a tenth of a second for 300,000); stops with an error when the
 * store's interrupt function says so. Returns 0 and *count, or -1.
 */
int item_children_count(struct store *s, const char *parent, long *count, struct error *err);

/* Frees what c holds and zeroes it; accepts NULL. */
void detail_child_clear(struct detail_child *c);

/* Frees what d holds and zeroes it; accepts NULL. */
void item_detail_free(struct item_detail *d);

#endif
