#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "check.h"
#include "checkpart.h"
#include "i18n.h"
#include "store.h"

/*
 * hoso check's look at the tree of items: every item reached from the top,
 * no cycle of parents, no parent that does not exist.
 */

struct node {
	long no;
	char *id, *parent;
	bool parent_exists;
	int state; /* 0 not seen, 1 on the walk, 2 done, 3 in a cycle */
	int up;    /* index of the parent among the nodes, -1 when not one of them */
	long up_no;
};

static int by_no(const void *a, const void *b)
{
	long x = ((const struct node *)a)->no, y = ((const struct node *)b)->no;

	return x < y ? -1 : x > y;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct node *)a)->id, ((const struct node *)b)->id);
}

static int find(struct node *v, int n, const char *id)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strcmp(id, v[mid].id);

		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Says one cycle, from node k (on it), following the parents. */
static void say_cycle(struct check_report *r, struct node *v, int k)
{
	char text[300];
	size_t used = 0;
	int i = k, count = 0;

	do {
		count++;
		if (used < sizeof text)
			used += (size_t)snprintf(text + used, sizeof text - used, "#%ld → ", v[i].no);
		i = v[i].up;
	} while (i != k);
	if (used < sizeof text)
		snprintf(text + used, sizeof text - used, "#%ld", v[k].no);
	if (count == 1)
		check_note(&r->tree, _("item #%ld is its own parent"), v[k].no);
	else
		check_note(&r->tree, _("a cycle of %d items, each under the next: %s"), count, text);
}

/*
 * Each item's parent, as numbers, in 32 bits: the parent's number in the
 * low bits (TOP: none; MISSING: a parent that does not exist), what the
 * walk knows of the item in the high ones.
 */
#define UP_BITS 29
#define UP_MASK ((1u << UP_BITS) - 1)
#define UP_TOP 0u
#define UP_MISSING UP_MASK
enum { N_ABSENT, N_UNKNOWN, N_WALKING, N_REACHED, N_LOST };
#define N_STATE(v) ((v) >> UP_BITS)
#define N_SET(v, st) (((v) & UP_MASK) | (uint32_t)(st) << UP_BITS)

/*
 * Whether every item is reached from the top, told quickly: the pairs of
 * numbers (item, parent) read from two indexes alone (the tree's and the
 * keys'), in the order of the keys, then each item's line of parents
 * followed in memory (4 bytes an item). Returns 0 with *all set, 1 when it
 * cannot tell (numbers too large or sparse, an index missing): then the
 * walk in SQL tells; -1 with err set.
 */
static int tree_all_reached(struct store *s, bool *all, struct error *err)
{
	sqlite3_stmt *st;
	uint32_t *up = NULL;
	long long max_no = 0, count = 0, i;
	int rc, ret = 1;

	*all = false;
	if (store_prepare(s, "SELECT ifnull(max(no), 0), count(*) FROM item", &st, err) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		max_no = sqlite3_column_int64(st, 0);
		count = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("checking the tree of items"));
	if (max_no < 0 || max_no >= (long long)UP_MISSING || max_no > 4 * count + 1024)
		return 1;
	if (sqlite3_prepare_v2(store_db(s),
	                       "SELECT c.no, c.parent_id IS NULL, p.no FROM item c INDEXED BY item_parent"
	                       " LEFT JOIN item p ON p.id = c.parent_id",
	                       -1, &st, NULL) != SQLITE_OK)
		return 1;
	up = calloc((size_t)max_no + 1, sizeof *up);
	if (up == NULL) {
		sqlite3_finalize(st);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long no = sqlite3_column_int64(st, 0), p = sqlite3_column_int64(st, 2);
		uint32_t parent;

		if (no < 1 || no > max_no || N_STATE(up[no]) != N_ABSENT)
			goto done; /* not what a number should be: the walk in SQL says which */
		if (sqlite3_column_int(st, 1))
			parent = UP_TOP;
		else if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			parent = UP_MISSING;
		else if (p >= 1 && p <= max_no)
			parent = (uint32_t)p;
		else
			goto done;
		up[no] = N_SET(parent, N_UNKNOWN);
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(s, err, _("checking the tree of items"));
		goto done;
	}
	*all = true;
	for (i = 1; i <= max_no && *all; i++) {
		long long k = i;
		int verdict;

		if (N_STATE(up[i]) != N_UNKNOWN)
			continue;
		/* Up the line of parents until the top, an item already known, a missing parent or this walk again. */
		while (N_STATE(up[k]) == N_UNKNOWN) {
			uint32_t parent = up[k] & UP_MASK;

			up[k] = N_SET(up[k], N_WALKING);
			if (parent == UP_TOP || parent == UP_MISSING)
				break;
			k = parent;
		}
		if (N_STATE(up[k]) == N_WALKING)
			verdict = (up[k] & UP_MASK) == UP_TOP ? N_REACHED : N_LOST; /* the top, a missing parent or a cycle */
		else
			verdict = N_STATE(up[k]) == N_REACHED ? N_REACHED : N_LOST; /* known, or absent */
		if (verdict == N_LOST)
			*all = false;
		for (k = i; N_STATE(up[k]) == N_WALKING; k = up[k] & UP_MASK) {
			up[k] = N_SET(up[k], verdict);
			if ((up[k] & UP_MASK) == UP_TOP || (up[k] & UP_MASK) == UP_MISSING)
				break;
		}
	}
	ret = 0;
done:
	sqlite3_finalize(st);
	free(up);
	return ret;
}

/*
 * Items the tree cannot reach from the top: those in a cycle of parents,
 * under a parent that does not exist, and below them. First whether there
 * are any (tree_all_reached, or one walk down from the top in SQL, each
 * item once); when there are, which (a walk over the few left).
 */
int check_tree(struct store *s, struct check_report *r, struct error *err)
{
	static const char sql[] =
		"WITH RECURSIVE reach(id) AS (SELECT id FROM item WHERE parent_id IS NULL"
		" UNION ALL SELECT i.id FROM item i JOIN reach ON i.parent_id = reach.id)"
		" SELECT no, id, parent_id, EXISTS (SELECT 1 FROM item p WHERE p.id = item.parent_id)"
		" FROM item WHERE id NOT IN (SELECT id FROM reach)";
	struct node *v = NULL;
	sqlite3_stmt *st;
	int n = 0, cap = 0, rc, i, ret = -1;
	bool all;

	rc = tree_all_reached(s, &all, err);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		long reached = 0, items = 0;

		if (store_query_long(s,
		                     "WITH RECURSIVE reach(id) AS (SELECT id FROM item WHERE parent_id IS NULL"
		                     " UNION ALL SELECT i.id FROM item i JOIN reach ON i.parent_id = reach.id)"
		                     " SELECT count(*) FROM reach",
		                     &reached, err) != 0 ||
		    store_query_long(s, "SELECT count(*) FROM item", &items, err) != 0)
			return -1;
		all = reached == items;
	}
	if (all)
		return 0;
	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			int ncap = cap != 0 ? cap * 2 : 16;
			struct node *nv = realloc(v, (size_t)ncap * sizeof *nv);

			if (nv == NULL)
				goto oom;
			v = nv;
			cap = ncap;
		}
		memset(&v[n], 0, sizeof v[n]);
		v[n].no = (long)sqlite3_column_int64(st, 0);
		{
			char id[80], parent[80];

			check_value_text(st, 1, id, sizeof id);
			check_value_text(st, 2, parent, sizeof parent);
			v[n].id = strdup(id);
			v[n].parent = strdup(parent);
		}
		v[n].parent_exists = sqlite3_column_int(st, 3) != 0;
		n++;
		if (v[n - 1].id == NULL || v[n - 1].parent == NULL)
			goto oom;
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, err, _("checking the tree of items"));
		goto done;
	}
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, by_id);
	/* A parent that exists but is not reached is one of these nodes. */
	for (i = 0; i < n; i++)
		v[i].up = v[i].parent_exists ? find(v, n, v[i].parent) : -1;
	for (i = 0; i < n; i++)
		v[i].up_no = v[i].up >= 0 ? v[v[i].up].no : 0;
	for (i = 0; i < n; i++) {
		int k = i;

		/* Walk up until a node already done, a missing parent, or this walk again (a cycle). */
		while (k >= 0 && v[k].state == 0) {
			v[k].state = 1;
			k = v[k].up;
		}
		if (k >= 0 && v[k].state == 1) {
			int c = k;

			do {
				v[c].state = 3;
				r->cycle_items++;
				c = v[c].up;
			} while (c != k);
			say_cycle(r, v, k);
		}
		for (k = i; k >= 0 && v[k].state == 1; k = v[k].up)
			v[k].state = 2;
	}
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, by_no); /* the rest said in the order of numbers */
	for (i = 0; i < n; i++) {
		if (v[i].state == 3)
			continue;
		if (!v[i].parent_exists) {
			r->orphan_items++;
			check_note(&r->tree, _("item #%ld: its parent '%s' does not exist"), v[i].no, v[i].parent);
		} else {
			r->below_items++;
			check_note(&r->tree, _("item #%ld: under #%ld, which is not in the tree"), v[i].no, v[i].up_no);
		}
	}
	ret = 0;
	goto done;
oom:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
done:
	sqlite3_finalize(st);
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].parent);
	}
	free(v);
	return ret;
}
