#ifndef HOSO_ITEMQUERY_H
#define HOSO_ITEMQUERY_H

/*
 * The list of items as a clerk looks at it: either the tree (children under
 * their parents, expanded where the clerk opened them) or, as soon as a
 * search or a filter is active, the flat list of matching items. Either way
 * in one sort order, read a page at a time by keyset pagination over the
 * indexes: reading a page costs the same with ten items or a million, and
 * only the rows asked for are held in memory.
 */

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "uuid.h"

struct store;
struct idset;

enum item_sort {
	ISORT_NO,       /* the short number */
	ISORT_CODE,
	ISORT_TITLE,
	ISORT_KIND,
	ISORT_UNIT,     /* the lead unit's name */
	ISORT_DUE,
	ISORT_STATUS,   /* the stored status; overdue items sort with theirs */
	ISORT_PROGRESS,
	ISORT_COUNT
};

/* "no", "code", "title", "kind", "unit", "due", "status", "progress". */
const char *item_sort_name(enum item_sort s);

/* The sort named name (as above), or -1. */
int item_sort_parse(const char *name);

struct item_filter {
	unsigned statuses;                 /* bit 1 << display status; 0: any */
	int kind;                          /* 0: any */
	int year;                          /* 0: any */
	char unit_id[UUID_LEN + 1];        /* lead unit; "": any */
	char locality_id[UUID_LEN + 1];    /* "": any */
	char search[256];                  /* what the clerk typed; "": none */
};

struct item_view {
	struct item_filter filter;
	enum item_sort sort;
	bool desc;
	char today[11];                    /* YYYY-MM-DD: decides what is overdue */
};

/* True when v shows the tree (no search and no filter). */
bool item_view_is_tree(const struct item_view *v);

/* The sort value of a row, for keyset pagination. */
struct item_key {
	int type;            /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_BLOB/TEXT */
	long long i;
	unsigned char *b;    /* owned */
	int n;
	/* Sorted by lead unit: the unit's key, which orders units of the same name (tie_n bytes; 0: none). */
	unsigned char tie[UUID_BYTES];
	int tie_n;
};

struct item_row {
	long no;
	char id[UUID_LEN + 1];
	char parent_id[UUID_LEN + 1];      /* "": directly under the programme */
	int depth;                         /* 0 at the top; 0 in a flat list */
	bool has_children;
	int kind;
	int status;                        /* stored */
	int display_status;                /* STATUS_OVERDUE when overdue */
	int progress;                      /* -1: not known */
	int year;                          /* 0: not known */
	char start[11], due[11], done[11]; /* ISO dates; "": none */
	char *code;                        /* owned; "" when none */
	char *title;                       /* owned */
	char *unit;                        /* owned; the lead unit's short name; "" when none */
	/* The stored bytes of code, title and unit, a NUL among them included
	 * (each string is NUL-terminated after them too); 0: up to the first NUL. */
	size_t code_len, title_len, unit_len;
	struct item_key key;
};

/* Frees what r owns and zeroes it; accepts NULL. */
void item_row_clear(struct item_row *r);

/* Copies src into dst (dst is cleared first). Returns 0 or -1 when out of memory. */
int item_row_copy(struct item_row *dst, const struct item_row *src);

struct item_pager;

enum item_pager_flags {
	ITEM_PAGER_EXPAND_ALL = 1 << 0, /* every node of the tree open */
};

/*
 * Prepares to read the items of view from s. In the tree, a node is open
 * when its id is in expanded (which the caller keeps alive and may change
 * between calls; NULL: all closed) or with ITEM_PAGER_EXPAND_ALL. Returns 0
 * and *out, or -1 with err set. Close with item_pager_close.
 */
int item_pager_open(struct item_pager **out, struct store *s, const struct item_view *view,
                    const struct idset *expanded, unsigned flags, struct error *err);

/*
 * Each of these fills rows[0..n) (entries must be zeroed or cleared; they
 * are overwritten) and returns how many it filled (0..n), or -1 with err set.
 *   first:  the first n rows of the view;
 *   last:   the last n rows, in view order;
 *   next:   the n rows that follow row `after` in view order;
 *   prev:   the n rows that come before row `before`, in view order (the
 *           last one filled is the one just before `before`).
 */
int item_pager_first(struct item_pager *p, struct item_row *rows, int n, struct error *err);
int item_pager_last(struct item_pager *p, struct item_row *rows, int n, struct error *err);
int item_pager_next(struct item_pager *p, const struct item_row *after,
                    struct item_row *rows, int n, struct error *err);
int item_pager_prev(struct item_pager *p, const struct item_row *before,
                    struct item_row *rows, int n, struct error *err);

/*
 * Reads the row of item number no into *row, with its depth in the tree.
 * Returns 1 when found, 0 when there is no such (unarchived) item, -1 with
 * err set.
 */
int item_pager_get(struct item_pager *p, long no, struct item_row *row, struct error *err);

/*
 * Counts the rows of the view: the matches of a flat list, or the rows the
 * tree shows with its open nodes. May take long on a large database: it
 * stops with an error when the store's interrupt function says so (see
 * store_set_interrupt). on is the connection to count on: a reader from
 * store_open_reader, so that the count does not push the screen's rows out
 * of the main connection's cache; NULL counts on the pager's own store.
 * Returns 0 and *count, or -1 with err set.
 */
int item_pager_count(struct item_pager *p, struct store *on, long *count, struct error *err);

/* The number of the item with key id: 1 and *no, 0 when there is none, -1 with err set. */
int item_no_of(struct store *s, const char *id, long *no, struct error *err);

/* Counts the unarchived items of the store (the total on the status line). */
int item_count_all(struct store *s, long *count, struct error *err);

/*
 * The widest values of the list's narrow columns, in terminal cells: the
 * item numbers, the codes and the lead units' short names. Returns 0 or -1
 * with err set.
 */
int item_list_widths(struct store *s, int *no_width, int *code_width, int *unit_width,
                     struct error *err);

/*
 * How the flat list of p reads now (for tests and diagnostics): "walk",
 * "candidates SOURCE" or "ordered SOURCE", SOURCE one of unit, locality,
 * kind, status, year, fts; "tree" for the tree.
 */
const char *item_pager_plan(const struct item_pager *p, char *buf, size_t n);

/* Frees *p and its statements; sets *p to NULL; accepts NULL. */
void item_pager_close(struct item_pager **p);

#endif
