#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "checkcounts.h"
#include "i18n.h"
#include "store.h"

/* One count of the items as they are: a dimension and a key, as tally keeps them. */
struct tcount {
	char dim;                 /* 'a' all, 's' status, 'k' kind, 'y' year, 'u' unit; 0: a free slot */
	unsigned char *key;       /* the key's type (one byte) and value */
	int keylen;
	long long n, done, psum, pn;
	bool matched;
};

struct tcounts {
	struct tcount *v;
	size_t cap, len;
};

/* The key of value v as bytes that are equal when SQL says the values are: into buf (of 64), or *out. */
static int key_bytes(sqlite3_value *v, unsigned char buf[64], unsigned char **out, int *len)
{
	int t = sqlite3_value_type(v);
	double d;
	long long i;

	*out = buf;
	switch (t) {
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		d = sqlite3_value_double(v);
		i = sqlite3_value_int64(v);
		if (t == SQLITE_INTEGER || (double)i == d) {
			buf[0] = 'i';
			memcpy(buf + 1, &i, sizeof i);
		} else {
			buf[0] = 'f';
			memcpy(buf + 1, &d, sizeof d);
		}
		*len = 9;
		return 0;
	case SQLITE_NULL:
		buf[0] = 'n';
		*len = 1;
		return 0;
	default: {
		const void *p = t == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);

		if (n + 1 > 64 && (*out = malloc((size_t)n + 1)) == NULL)
			return -1;
		(*out)[0] = t == SQLITE_TEXT ? 't' : 'b';
		if (n > 0)
			memcpy(*out + 1, p, (size_t)n);
		*len = n + 1;
		return 0;
	}
	}
}

static size_t key_hash(char dim, const unsigned char *k, int n)
{
	size_t h = 1469598103934665603ULL ^ (unsigned char)dim;
	int i;

	for (i = 0; i < n; i++)
		h = (h ^ k[i]) * 1099511628211ULL;
	return h;
}

/* The count of dim and key v, made when there is none; NULL when out of memory. */
static struct tcount *tcount_of(struct tcounts *c, char dim, sqlite3_value *v)
{
	unsigned char buf[64], *k;
	int n;
	size_t h, i;

	if (c->len * 2 >= c->cap) {
		struct tcounts bigger = { NULL, c->cap != 0 ? c->cap * 2 : 64, 0 };

		bigger.v = calloc(bigger.cap, sizeof *bigger.v);
		if (bigger.v == NULL)
			return NULL;
		for (i = 0; i < c->cap; i++) {
			size_t j;

			if (c->v[i].dim == 0)
				continue;
			for (j = key_hash(c->v[i].dim, c->v[i].key, c->v[i].keylen) & (bigger.cap - 1);
			     bigger.v[j].dim != 0; j = (j + 1) & (bigger.cap - 1))
				;
			bigger.v[j] = c->v[i];
			bigger.len++;
		}
		free(c->v);
		*c = bigger;
	}
	if (key_bytes(v, buf, &k, &n) != 0)
		return NULL;
	h = key_hash(dim, k, n);
	for (i = h & (c->cap - 1); c->v[i].dim != 0; i = (i + 1) & (c->cap - 1)) {
		if (c->v[i].dim == dim && c->v[i].keylen == n && memcmp(c->v[i].key, k, (size_t)n) == 0) {
			if (k != buf)
				free(k);
			return &c->v[i];
		}
	}
	c->v[i].dim = dim;
	c->v[i].keylen = n;
	c->v[i].key = malloc((size_t)n);
	if (c->v[i].key == NULL) {
		c->v[i].dim = 0;
		if (k != buf)
			free(k);
		return NULL;
	}
	memcpy(c->v[i].key, k, (size_t)n);
	if (k != buf)
		free(k);
	c->len++;
	return &c->v[i];
}

static void tcounts_free(struct tcounts *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++)
		free(c->v[i].key);
	free(c->v);
}

int check_kept_counts(struct store *s, bool *same_out, struct error *err)
{
	static const char dims[] = "asky" "u";
	struct tcounts c = { NULL, 0, 0 };
	sqlite3_stmt *st;
	int rc, d, ret = -1;
	size_t i;
	bool same = true;

	if (store_prepare(s,
	                  "SELECT '', status, kind, ifnull(year, ''), ifnull(lead_unit_id, ''), status = 4, progress"
	                  " FROM item WHERE archived = 0",
	                  &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool known = sqlite3_column_type(st, 6) != SQLITE_NULL;
		long long progress = known ? sqlite3_column_int64(st, 6) : 0;
		int done = sqlite3_column_int(st, 5);

		for (d = 0; d < 5; d++) {
			struct tcount *t = tcount_of(&c, dims[d], sqlite3_column_value(st, d));

			if (t == NULL) {
				sqlite3_finalize(st);
				error_set(err, ERROR_RUNTIME, _("out of memory"));
				goto done;
			}
			t->n++;
			t->done += done;
			t->psum += progress;
			t->pn += known;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, err, _("checking the kept counts"));
		goto done;
	}
	if (store_prepare(s,
	                  "SELECT CASE dim WHEN 'all' THEN 'a' WHEN 'status' THEN 's' WHEN 'kind' THEN 'k'"
	                  " WHEN 'year' THEN 'y' WHEN 'unit' THEN 'u' ELSE '?' END, key, n, done,"
	                  " progress_sum, progress_n FROM tally WHERE n <> 0",
	                  &st, err) != 0)
		goto done;
	while (same && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *d0 = (const char *)sqlite3_column_text(st, 0);
		char dim = d0 != NULL ? d0[0] : '?';
		struct tcount *t = dim == '?' ? NULL : tcount_of(&c, dim, sqlite3_column_value(st, 1));

		if (t == NULL || t->matched || t->n != sqlite3_column_int64(st, 2) ||
		    t->done != sqlite3_column_int64(st, 3) || t->psum != sqlite3_column_int64(st, 4) ||
		    t->pn != sqlite3_column_int64(st, 5))
			same = false;
		else
			t->matched = true;
	}
	sqlite3_finalize(st);
	if (same && rc != SQLITE_DONE) {
		store_fail(s, err, _("checking the kept counts"));
		goto done;
	}
	/* Every count of the items is kept (a kept row looked up where there was none has n 0). */
	for (i = 0; same && i < c.cap; i++)
		if (c.v[i].dim != 0 && c.v[i].n != 0 && !c.v[i].matched)
			same = false;
	*same_out = same;
	ret = 0;
done:
	tcounts_free(&c);
	return ret;
}
