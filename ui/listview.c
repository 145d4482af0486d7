#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "listview.h"

/* Row i of an array of rows of lv's pager. */
static void *at(const struct listview *lv, char *rows, int i)
{
	return rows + (size_t)i * lv->pager->row_size;
}

#define ROW(lv, i) at((lv), (lv)->rows, (i))

static char *alloc_rows(const struct listview *lv, int n)
{
	return calloc((size_t)(n > 0 ? n : 1), lv->pager->row_size);
}

/* Frees what rows[0..n) own and zeroes them. */
static void clear_rows(const struct listview *lv, char *rows, int n)
{
	int i;

	if (n <= 0)
		return;
	if (lv->pager->clear != NULL)
		for (i = 0; i < n; i++)
			lv->pager->clear(at(lv, rows, i));
	memset(rows, 0, (size_t)n * lv->pager->row_size);
}

/* Moves n rows from src to dst (which may overlap); the rows left behind are not zeroed. */
static void move_rows(const struct listview *lv, char *dst, char *src, int n)
{
	if (n > 0)
		memmove(dst, src, (size_t)n * lv->pager->row_size);
}

/* Zeroes rows[from..to) after their content moved elsewhere. */
static void forget_rows(const struct listview *lv, char *rows, int from, int to)
{
	if (to > from)
		memset(at(lv, rows, from), 0, (size_t)(to - from) * lv->pager->row_size);
}

static int copy_row(const struct listview *lv, void *dst, const void *src)
{
	if (lv->pager->copy != NULL)
		return lv->pager->copy(dst, src);
	memcpy(dst, src, lv->pager->row_size);
	return 0;
}

static int no_memory(struct error *err)
{
	return error_set(err, ERROR_RUNTIME, _("out of memory"));
}

int listview_open(struct listview *lv, const struct listview_pager *p, void *src, int height,
                  struct error *err)
{
	memset(lv, 0, sizeof *lv);
	lv->pager = p;
	lv->src = src;
	lv->cap = height > 0 ? height : 1;
	lv->count = -1;
	lv->rows = alloc_rows(lv, lv->cap);
	if (lv->rows == NULL) {
		memset(lv, 0, sizeof *lv);
		return no_memory(err);
	}
	return 0;
}

void listview_close(struct listview *lv)
{
	if (lv->rows != NULL) {
		clear_rows(lv, lv->rows, lv->n);
		free(lv->rows);
	}
	memset(lv, 0, sizeof *lv);
}

int listview_home(struct listview *lv, struct error *err)
{
	int got;

	clear_rows(lv, lv->rows, lv->n);
	got = lv->pager->first(lv->src, lv->rows, lv->cap, err);
	if (got < 0)
		clear_rows(lv, lv->rows, lv->cap);
	lv->n = got > 0 ? got : 0;
	lv->cursor = 0;
	lv->pos = 1;
	lv->at_end = false;
	return got < 0 ? -1 : 0;
}

int listview_restart(struct listview *lv, struct error *err)
{
	lv->count = -1;
	return listview_home(lv, err);
}

int listview_end(struct listview *lv, struct error *err)
{
	int got;

	clear_rows(lv, lv->rows, lv->n);
	got = lv->pager->last(lv->src, lv->rows, lv->cap, err);
	if (got < 0)
		clear_rows(lv, lv->rows, lv->cap);
	lv->n = got > 0 ? got : 0;
	lv->cursor = lv->n > 0 ? lv->n - 1 : 0;
	lv->pos = lv->count >= 0 && lv->count >= lv->n ? lv->count - lv->n + 1 : 0;
	lv->at_end = true;
	return got < 0 ? -1 : 0;
}

/*
 * Fills the view with a copy of anchor and the rows after it, then, if the
 * end of the list left room, with rows before it. The cursor goes to the
 * anchor when to_anchor, else keeps its index.
 */
static int fill_from(struct listview *lv, const void *anchor, bool to_anchor, struct error *err)
{
	char *rows = alloc_rows(lv, lv->cap), *prev = NULL;
	int got, n = 1, before = 0, old_cursor = lv->cursor;

	if (rows == NULL)
		return no_memory(err);
	if (copy_row(lv, rows, anchor) != 0) {
		free(rows);
		return no_memory(err);
	}
	got = lv->pager->next(lv->src, anchor, at(lv, rows, 1), lv->cap - 1, err);
	if (got < 0)
		goto fail;
	n += got;
	if (n < lv->cap) {
		prev = alloc_rows(lv, lv->cap - n);
		if (prev == NULL) {
			no_memory(err);
			goto fail;
		}
		before = lv->pager->prev(lv->src, anchor, prev, lv->cap - n, err);
		if (before < 0) {
			clear_rows(lv, prev, lv->cap - n);
			goto fail;
		}
		move_rows(lv, at(lv, rows, before), rows, n);
		move_rows(lv, rows, prev, before);
		n += before;
	}
	free(prev);
	clear_rows(lv, lv->rows, lv->n);
	free(lv->rows);
	lv->rows = rows;
	lv->n = n;
	if (to_anchor)
		lv->cursor = before;
	else
		lv->cursor = old_cursor + before < n ? old_cursor + before : n - 1;
	if (lv->pos > 0)
		lv->pos = lv->pos - before > 0 ? lv->pos - before : 0;
	lv->at_end = false;
	return 0;
fail:
	free(prev);
	clear_rows(lv, rows, lv->cap);
	free(rows);
	return -1;
}

int listview_show(struct listview *lv, const void *row, struct error *err)
{
	lv->pos = 0;
	return fill_from(lv, row, true, err);
}

/* The first row at or after stale (which may be gone) into *out: 1, 0 when none, -1. */
static int at_or_after(struct listview *lv, const void *stale, void *out, struct error *err)
{
	char *before = alloc_rows(lv, 1);
	int got;

	if (before == NULL)
		return no_memory(err);
	got = lv->pager->prev(lv->src, stale, before, 1, err);
	if (got > 0)
		got = lv->pager->next(lv->src, before, out, 1, err);
	else if (got == 0)
		got = lv->pager->first(lv->src, out, 1, err);
	clear_rows(lv, before, 1);
	free(before);
	return got;
}

int listview_reload(struct listview *lv, struct error *err)
{
	char *anchor;
	long cur_key;
	int found, rc, i;

	lv->count = -1;
	lv->pos = 0; /* rows may have come or gone before the view: found again in idle time */
	if (lv->n == 0)
		return listview_home(lv, err);
	cur_key = lv->pager->key(ROW(lv, lv->cursor));
	anchor = alloc_rows(lv, 1);
	if (anchor == NULL)
		return no_memory(err);
	if (lv->pager->get != NULL) {
		/* From the same first row when it is still there, else around the cursor's record. */
		found = lv->pager->get(lv->src, ROW(lv, 0), anchor, err);
		if (found == 0) {
			found = lv->pager->get(lv->src, ROW(lv, lv->cursor), anchor, err);
			rc = found < 0 ? -1 : found == 0 ? listview_home(lv, err) : fill_from(lv, anchor, true, err);
			goto done;
		}
	} else {
		/* From where the first row was: the first row at or after its key. */
		found = at_or_after(lv, ROW(lv, 0), anchor, err);
		if (found == 0) {
			rc = listview_end(lv, err);
			goto done;
		}
	}
	if (found < 0) {
		rc = -1;
		goto done;
	}
	rc = fill_from(lv, anchor, false, err);
	if (rc != 0)
		goto done;
	for (i = 0; i < lv->n; i++) {
		if (lv->pager->key(ROW(lv, i)) == cur_key) {
			lv->cursor = i;
			break;
		}
	}
done:
	clear_rows(lv, anchor, 1);
	free(anchor);
	if (lv->cursor >= lv->n)
		lv->cursor = lv->n > 0 ? lv->n - 1 : 0;
	return rc;
}

int listview_resize(struct listview *lv, int height, struct error *err)
{
	char *rows;

	if (height < 1)
		height = 1;
	if (height == lv->cap)
		return 0;
	/* Keep the cursor's row in view when the view shrinks. */
	if (lv->cursor >= height && lv->n > 0) {
		int drop = lv->cursor - height + 1;

		clear_rows(lv, lv->rows, drop);
		move_rows(lv, lv->rows, ROW(lv, drop), lv->n - drop);
		forget_rows(lv, lv->rows, lv->n - drop, lv->n);
		lv->n -= drop;
		lv->cursor -= drop;
		if (lv->pos > 0)
			lv->pos += drop;
	}
	if (lv->n > height) {
		clear_rows(lv, ROW(lv, height), lv->n - height);
		lv->n = height;
	}
	rows = realloc(lv->rows, (size_t)height * lv->pager->row_size);
	if (rows == NULL)
		return no_memory(err);
	lv->rows = rows;
	if (height > lv->cap)
		forget_rows(lv, lv->rows, lv->cap, height);
	lv->cap = height;
	return listview_reload(lv, err);
}

int listview_down(struct listview *lv, struct error *err)
{
	char *next;
	int got;

	lv->at_end = false;
	if (lv->n == 0)
		return 0;
	if (lv->cursor < lv->n - 1) {
		lv->cursor++;
		return 0;
	}
	next = alloc_rows(lv, 1);
	if (next == NULL)
		return no_memory(err);
	got = lv->pager->next(lv->src, ROW(lv, lv->n - 1), next, 1, err);
	if (got > 0) {
		if (lv->n == lv->cap) {
			clear_rows(lv, lv->rows, 1);
			move_rows(lv, lv->rows, ROW(lv, 1), lv->n - 1);
			lv->n--;
			if (lv->pos > 0)
				lv->pos++;
		}
		move_rows(lv, ROW(lv, lv->n), next, 1);
		lv->n++;
		lv->cursor = lv->n - 1;
	} else {
		clear_rows(lv, next, 1);
	}
	free(next);
	return got < 0 ? -1 : 0;
}

int listview_up(struct listview *lv, struct error *err)
{
	char *prev;
	int got;

	lv->at_end = false;
	if (lv->n == 0)
		return 0;
	if (lv->cursor > 0) {
		lv->cursor--;
		return 0;
	}
	prev = alloc_rows(lv, 1);
	if (prev == NULL)
		return no_memory(err);
	got = lv->pager->prev(lv->src, ROW(lv, 0), prev, 1, err);
	if (got > 0) {
		if (lv->n == lv->cap) {
			clear_rows(lv, ROW(lv, lv->n - 1), 1);
			lv->n--;
		}
		move_rows(lv, ROW(lv, 1), lv->rows, lv->n);
		move_rows(lv, lv->rows, prev, 1);
		lv->n++;
		lv->cursor = 0;
		if (lv->pos > 1)
			lv->pos--;
	} else {
		clear_rows(lv, prev, 1);
	}
	free(prev);
	return got < 0 ? -1 : 0;
}

int listview_page_down(struct listview *lv, struct error *err)
{
	char *more;
	int got;

	lv->at_end = false;
	if (lv->n == 0)
		return 0;
	more = alloc_rows(lv, lv->cap);
	if (more == NULL)
		return no_memory(err);
	got = lv->pager->next(lv->src, ROW(lv, lv->n - 1), more, lv->cap, err);
	if (got < 0) {
		clear_rows(lv, more, lv->cap);
		free(more);
		return -1;
	}
	if (got == 0) {
		lv->cursor = lv->n - 1;
	} else if (lv->n + got <= lv->cap) {
		/* The view was not full: the rows join it. */
		move_rows(lv, ROW(lv, lv->n), more, got);
		lv->n += got;
		lv->cursor = lv->n - 1;
	} else {
		/* The view moves down by what came; the cursor keeps its line. */
		int drop = lv->n + got - lv->cap;

		clear_rows(lv, lv->rows, drop);
		move_rows(lv, lv->rows, ROW(lv, drop), lv->n - drop);
		lv->n -= drop;
		move_rows(lv, ROW(lv, lv->n), more, got);
		lv->n += got;
		if (lv->pos > 0)
			lv->pos += drop;
	}
	free(more);
	return 0;
}

int listview_page_up(struct listview *lv, struct error *err)
{
	char *more;
	int got, keep;

	lv->at_end = false;
	if (lv->n == 0)
		return 0;
	more = alloc_rows(lv, lv->cap);
	if (more == NULL)
		return no_memory(err);
	got = lv->pager->prev(lv->src, ROW(lv, 0), more, lv->cap, err);
	if (got < 0) {
		clear_rows(lv, more, lv->cap);
		free(more);
		return -1;
	}
	if (got == 0) {
		lv->cursor = 0;
	} else {
		/* The view moves up by what came; the cursor keeps its line. */
		keep = lv->n + got > lv->cap ? lv->cap - got : lv->n;
		clear_rows(lv, ROW(lv, keep), lv->n - keep);
		lv->n = keep;
		move_rows(lv, ROW(lv, got), lv->rows, lv->n);
		move_rows(lv, lv->rows, more, got);
		lv->n += got;
		if (lv->pos > 0)
			lv->pos = lv->pos - got > 0 ? lv->pos - got : 0;
		if (lv->pos == 0 && got < lv->cap)
			lv->pos = 1; /* fewer came than asked: this is the top */
		if (lv->cursor >= lv->n)
			lv->cursor = lv->n - 1;
	}
	free(more);
	return 0;
}

int listview_refill_below(struct listview *lv, struct error *err)
{
	int after = lv->cursor + 1, got;

	if (lv->n == 0)
		return listview_home(lv, err);
	clear_rows(lv, ROW(lv, after), lv->n - after);
	lv->n = after;
	got = lv->pager->next(lv->src, ROW(lv, lv->cursor), ROW(lv, after), lv->cap - after, err);
	if (got < 0) {
		clear_rows(lv, ROW(lv, after), lv->cap - after);
		return -1;
	}
	lv->n += got;
	return 0;
}

/* Counts by reading every row, a page at a time. */
static int count_by_reading(struct listview *lv, long *count, struct error *err)
{
	enum { PAGE = 256 };
	char *page = alloc_rows(lv, PAGE), *last = alloc_rows(lv, 1);
	long seen = 0;
	int got, rc = 0;

	if (page == NULL || last == NULL) {
		free(page);
		free(last);
		return no_memory(err);
	}
	got = lv->pager->first(lv->src, page, PAGE, err);
	while (got > 0) {
		seen += got;
		clear_rows(lv, last, 1);
		if (got < PAGE || copy_row(lv, last, at(lv, page, got - 1)) != 0)
			break;
		clear_rows(lv, page, got);
		got = lv->pager->next(lv->src, last, page, PAGE, err);
	}
	if (got < 0)
		rc = -1;
	clear_rows(lv, page, PAGE);
	clear_rows(lv, last, 1);
	free(page);
	free(last);
	*count = seen;
	return rc;
}

int listview_count(struct listview *lv, struct error *err)
{
	long count = 0;
	int rc = lv->pager->count != NULL ? lv->pager->count(lv->src, &count, err)
	                                  : count_by_reading(lv, &count, err);

	if (rc != 0)
		return -1;
	lv->count = count;
	/* After End, or when the view is not full, it shows the end of the list. */
	if (lv->pos == 0 && lv->n > 0 && (lv->at_end || lv->n < lv->cap) && count >= lv->n)
		lv->pos = count - lv->n + 1;
	return 0;
}

int listview_locate(struct listview *lv, struct error *err)
{
	enum { PAGE = 256 };
	char *page, *last;
	long seen = 0, want;
	int got, i, rc = 0;

	if (lv->pos > 0 || lv->n == 0)
		return 0;
	want = lv->pager->key(ROW(lv, 0));
	page = alloc_rows(lv, PAGE);
	last = alloc_rows(lv, 1);
	if (page == NULL || last == NULL) {
		free(page);
		free(last);
		return no_memory(err);
	}
	got = lv->pager->first(lv->src, page, PAGE, err);
	while (got > 0) {
		for (i = 0; i < got; i++) {
			if (lv->pager->key(at(lv, page, i)) == want) {
				lv->pos = seen + i + 1;
				goto done;
			}
		}
		seen += got;
		clear_rows(lv, last, 1);
		if (got < PAGE || copy_row(lv, last, at(lv, page, got - 1)) != 0)
			break;
		clear_rows(lv, page, got);
		got = lv->pager->next(lv->src, last, page, PAGE, err);
	}
	if (got < 0)
		rc = -1;
done:
	clear_rows(lv, page, PAGE);
	clear_rows(lv, last, 1);
	free(page);
	free(last);
	return rc;
}

int listview_idle(struct listview *lv, struct error *err)
{
	if (lv->count < 0)
		return listview_count(lv, err) == 0 ? 1 : -1;
	if (lv->pos == 0 && lv->n > 0)
		return listview_locate(lv, err) == 0 ? 1 : -1;
	return 0;
}

void *listview_row(const struct listview *lv, int i)
{
	return i >= 0 && i < lv->n ? ROW(lv, i) : NULL;
}

void *listview_current(const struct listview *lv)
{
	return lv->n > 0 ? ROW(lv, lv->cursor) : NULL;
}

long listview_position(const struct listview *lv)
{
	return lv->pos > 0 && lv->n > 0 ? lv->pos + lv->cursor : 0;
}

void listview_describe_position(const struct listview *lv, struct strbuf *b)
{
	long pos = listview_position(lv);

	if (pos > 0 || lv->n == 0)
		strbuf_printf(b, " %ld", pos);
	else
		strbuf_puts(b, " ?");
	if (lv->count >= 0)
		strbuf_printf(b, "/%ld", lv->count);
	else
		strbuf_puts(b, "/…");
}

void listview_draw(const struct listview *lv, struct canvas *c, int top, int height)
{
	int i;

	if (lv->pager->draw == NULL)
		return;
	for (i = 0; i < lv->n && i < height; i++)
		lv->pager->draw(lv->src, c, top + i, ROW(lv, i), i == lv->cursor);
}

bool listview_move(struct listview *lv, enum action a, int *rc, struct error *err)
{
	switch (a) {
	case ACTION_UP:
		*rc = listview_up(lv, err);
		return true;
	case ACTION_DOWN:
		*rc = listview_down(lv, err);
		return true;
	case ACTION_PAGE_UP:
		*rc = listview_page_up(lv, err);
		return true;
	case ACTION_PAGE_DOWN:
		*rc = listview_page_down(lv, err);
		return true;
	case ACTION_HOME:
		*rc = listview_home(lv, err);
		return true;
	case ACTION_END:
		*rc = listview_end(lv, err);
		return true;
	default:
		return false;
	}
}
