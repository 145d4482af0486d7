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
 * with at most limit entries in each list (limit < 0: all; each list's
 * total says how many there are). today decides overdue. Returns 1, 0 when
 * there is no such item, or -1 with err set. Free with item_detail_free.
 */
int item_detail_load(struct store *s, long no, const char *today, int limit,
                     struct item_detail *d, struct error *err);

/* Frees what d holds and zeroes it; accepts NULL. */
void item_detail_free(struct item_detail *d);

#endif
