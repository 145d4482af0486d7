#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "idset.h"
#include "itemwin.h"

static void clear_rows(struct item_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++)
		item_row_clear(&rows[i]);
}

static struct item_row *alloc_rows(int n)
{
	return calloc((size_t)(n > 0 ? n : 1), sizeof(struct item_row));
}

/* Moves the rows src[0..n) to dst (which must be cleared), leaving src zeroed. */
static void move_rows(struct item_row *dst, struct item_row *src, int n)
{
	if (n <= 0)
		return;
	memmove(dst, src, (size_t)n * sizeof *dst);
}

static int open_pager(struct itemwin *w, struct error *err)
{
	item_pager_close(&w->pager);
	w->count = -1;
	return item_pager_open(&w->pager, w->store, &w->view, w->expanded, 0, err);
}

int itemwin_home(struct itemwin *w, struct error *err)
{
	int got;
	w->at_end = false;

	clear_rows(w->rows, w->n);
	got = item_pager_first(w->pager, w->rows, w->cap, err);
	w->n = got > 0 ? got : 0;
	w->cursor = 0;
	w->pos = 1;
	return got < 0 ? -1 : 0;
}

int itemwin_end(struct itemwin *w, struct error *err)
{
	int got;

	clear_rows(w->rows, w->n);
	got = item_pager_last(w->pager, w->rows, w->cap, err);
	w->n = got > 0 ? got : 0;
	w->cursor = w->n > 0 ? w->n - 1 : 0;
	w->pos = w->count >= 0 ? w->count - w->n + 1 : 0;
	if (w->pos < 0)
		w->pos = 0;
	w->at_end = true;
	return got < 0 ? -1 : 0;
}

int itemwin_open(struct itemwin *w, struct store *s, const struct item_view *view, int height,
                 struct error *err)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->view = *view;
	w->cap = height > 0 ? height : 1;
	w->count = -1;
	w->rows = alloc_rows(w->cap);
	w->expanded = idset_new();
	if (w->rows == NULL || w->expanded == NULL) {
		itemwin_close(w);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (open_pager(w, err) != 0 || itemwin_home(w, err) != 0) {
		itemwin_close(w);
		return -1;
	}
	return 0;
}

int itemwin_set_view(struct itemwin *w, const struct item_view *view, struct error *err)
{
	w->view = *view;
	if (open_pager(w, err) != 0)
		return -1;
	return itemwin_home(w, err);
}

/*
 * Fills the window with `anchor` (a row the caller owns) and the rows after
 * it, then, if the end of the view left room, with rows before it. The
 * cursor goes to the anchor when to_anchor, else stays where it was.
 */
static int fill_from(struct itemwin *w, const struct item_row *anchor, bool to_anchor,
                     struct error *err)
{
	struct item_row *rows = alloc_rows(w->cap);
	int got, n = 1, before = 0, old_cursor = w->cursor;

	if (rows == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	if (item_row_copy(&rows[0], anchor) != 0) {
		free(rows);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	got = item_pager_next(w->pager, anchor, rows + 1, w->cap - 1, err);
	if (got < 0)
		goto fail;
	n += got;
	if (n < w->cap) {
		struct item_row *prev = alloc_rows(w->cap - n);

		if (prev == NULL) {
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			goto fail;
		}
		before = item_pager_prev(w->pager, anchor, prev, w->cap - n, err);
		if (before < 0) {
			clear_rows(prev, w->cap - n);
			free(prev);
			goto fail;
		}
		memmove(rows + before, rows, (size_t)n * sizeof *rows);
		move_rows(rows, prev, before);
		free(prev);
		n += before;
	}
	clear_rows(w->rows, w->n);
	free(w->rows);
	w->rows = rows;
	w->n = n;
	if (to_anchor)
		w->cursor = before;
	else
		w->cursor = old_cursor + before < n ? old_cursor + before : n - 1;
	if (w->pos > 0)
		w->pos = w->pos - before > 0 ? w->pos - before : 0;
	return 0;
fail:
	clear_rows(rows, w->cap);
	free(rows);
	return -1;
}

int itemwin_reload(struct itemwin *w, struct error *err)
{
	struct item_row anchor = { 0 };
	char cur_id[UUID_LEN + 1] = "";
	long cur_no;
	int found, rc, i;

	w->count = -1;
	w->pos = 0; /* rows may have come or gone before the window: found again in idle time */
	if (w->n == 0)
		return itemwin_home(w, err);
	memcpy(cur_id, w->rows[w->cursor].id, sizeof cur_id);
	cur_no = w->rows[w->cursor].no;
	/* From the same top row when it is still there, else around the cursor's record. */
	found = item_pager_get(w->pager, w->rows[0].no, &anchor, err);
	if (found == 0) {
		rc = itemwin_goto(w, cur_no, err);
		return rc == 0 ? itemwin_home(w, err) : rc < 0 ? -1 : 0;
	}
	if (found < 0)
		return -1;
	rc = fill_from(w, &anchor, false, err);
	item_row_clear(&anchor);
	if (rc != 0)
		return rc;
	for (i = 0; i < w->n; i++) {
		if (strcmp(w->rows[i].id, cur_id) == 0) {
			w->cursor = i;
			return 0;
		}
	}
	if (w->cursor >= w->n)
		w->cursor = w->n > 0 ? w->n - 1 : 0;
	return 0;
}

int itemwin_resize(struct itemwin *w, int height, struct error *err)
{
	int cursor = w->cursor;

	if (height < 1)
		height = 1;
	if (height == w->cap)
		return 0;
	/* Keep the cursor's row on screen when the window shrinks. */
	if (cursor >= height && w->n > 0) {
		int drop = cursor - height + 1;

		clear_rows(w->rows, drop);
		memmove(w->rows, w->rows + drop, (size_t)(w->n - drop) * sizeof *w->rows);
		memset(w->rows + w->n - drop, 0, (size_t)drop * sizeof *w->rows);
		w->n -= drop;
		w->cursor -= drop;
		if (w->pos > 0)
			w->pos += drop;
	}
	if (w->n > height) {
		clear_rows(w->rows + height, w->n - height);
		w->n = height;
	}
	{
		struct item_row *rows = realloc(w->rows, (size_t)height * sizeof *rows);

		if (rows == NULL)
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		if (height > w->cap)
			memset(rows + w->cap, 0, (size_t)(height - w->cap) * sizeof *rows);
		w->rows = rows;
		w->cap = height;
	}
	return itemwin_reload(w, err);
}

int itemwin_down(struct itemwin *w, struct error *err)
{
	struct item_row next = { 0 };
	int got;
	w->at_end = false;

	if (w->n == 0)
		return 0;
	if (w->cursor < w->n - 1) {
		w->cursor++;
		return 0;
	}
	got = item_pager_next(w->pager, &w->rows[w->n - 1], &next, 1, err);
	if (got <= 0)
		return got;
	if (w->n == w->cap) {
		item_row_clear(&w->rows[0]);
		memmove(w->rows, w->rows + 1, (size_t)(w->n - 1) * sizeof *w->rows);
		w->rows[w->n - 1] = next;
		if (w->pos > 0)
			w->pos++;
	} else {
		w->rows[w->n++] = next;
	}
	w->cursor = w->n - 1;
	return 0;
}

int itemwin_up(struct itemwin *w, struct error *err)
{
	struct item_row prev = { 0 };
	int got;
	w->at_end = false;

	if (w->n == 0)
		return 0;
	if (w->cursor > 0) {
		w->cursor--;
		return 0;
	}
	got = item_pager_prev(w->pager, &w->rows[0], &prev, 1, err);
	if (got <= 0)
		return got;
	if (w->n == w->cap) {
		item_row_clear(&w->rows[w->n - 1]);
		w->n--;
	}
	memmove(w->rows + 1, w->rows, (size_t)w->n * sizeof *w->rows);
	w->rows[0] = prev;
	w->n++;
	w->cursor = 0;
	if (w->pos > 1)
		w->pos--;
	return 0;
}

int itemwin_page_down(struct itemwin *w, struct error *err)
{
	struct item_row *more;
	int got;
	w->at_end = false;

	if (w->n == 0)
		return 0;
	more = alloc_rows(w->cap);
	if (more == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	got = item_pager_next(w->pager, &w->rows[w->n - 1], more, w->cap, err);
	if (got < 0) {
		free(more);
		return -1;
	}
	if (got == 0) {
		w->cursor = w->n - 1;
	} else if (w->n < w->cap) {
		/* The window was not full: nothing came after it; cannot happen, but be safe. */
		int room = w->cap - w->n, take = got < room ? got : room;

		move_rows(w->rows + w->n, more, take);
		clear_rows(more + take, got - take);
		w->n += take;
		w->cursor = w->n - 1;
	} else {
		clear_rows(w->rows, got);
		memmove(w->rows, w->rows + got, (size_t)(w->n - got) * sizeof *w->rows);
		move_rows(w->rows + w->n - got, more, got);
		if (w->pos > 0)
			w->pos += got;
	}
	free(more);
	return 0;
}

int itemwin_page_up(struct itemwin *w, struct error *err)
{
	struct item_row *more;
	int got;
	w->at_end = false;

	if (w->n == 0)
		return 0;
	more = alloc_rows(w->cap);
	if (more == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	got = item_pager_prev(w->pager, &w->rows[0], more, w->cap, err);
	if (got < 0) {
		free(more);
		return -1;
	}
	if (got == 0) {
		w->cursor = 0;
	} else {
		int keep = w->n - got > 0 ? w->n - got : 0;

		if (w->n + got > w->cap) {
			clear_rows(w->rows + keep, w->n - keep);
			w->n = keep;
		}
		memmove(w->rows + got, w->rows, (size_t)w->n * sizeof *w->rows);
		move_rows(w->rows, more, got);
		w->n += got;
		if (w->pos > 0)
			w->pos = w->pos - got > 0 ? w->pos - got : 0;
		if (w->pos == 0 && got < w->cap)
			w->pos = 1; /* we reached the top */
	}
	free(more);
	return 0;
}

/* Reads the rows after the cursor again (the tree under it changed). */
static int refill_below(struct itemwin *w, struct error *err)
{
	int after = w->cursor + 1, got;

	clear_rows(w->rows + after, w->n - after);
	w->n = after;
	got = item_pager_next(w->pager, &w->rows[w->cursor], w->rows + after, w->cap - after, err);
	if (got < 0)
		return -1;
	w->n += got;
	return 0;
}

int itemwin_expand(struct itemwin *w, struct error *err)
{
	const struct item_row *r = itemwin_current(w);

	if (r == NULL || !r->has_children || !item_view_is_tree(&w->view))
		return 0;
	if (idset_has(w->expanded, r->id))
		return itemwin_down(w, err) == 0 ? 1 : -1;
	if (idset_add(w->expanded, r->id) != 0)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	w->count = -1;
	return refill_below(w, err) == 0 ? 1 : -1;
}

int itemwin_collapse(struct itemwin *w, struct error *err)
{
	const struct item_row *r = itemwin_current(w);
	long parent_no;
	int i, rc;

	if (r == NULL || !item_view_is_tree(&w->view))
		return 0;
	if (r->has_children && idset_has(w->expanded, r->id)) {
		idset_remove(w->expanded, r->id);
		w->count = -1;
		return refill_below(w, err) == 0 ? 1 : -1;
	}
	if (r->parent_id[0] == '\0')
		return 0;
	for (i = w->cursor - 1; i >= 0; i--) {
		if (strcmp(w->rows[i].id, r->parent_id) == 0) {
			w->cursor = i;
			return 1;
		}
	}
	rc = item_no_of(w->store, r->parent_id, &parent_no, err);
	if (rc <= 0)
		return rc;
	return itemwin_goto(w, parent_no, err);
}

int itemwin_goto(struct itemwin *w, long no, struct error *err)
{
	struct item_row row = { 0 };
	int found, rc;
	w->at_end = false;

	found = item_pager_get(w->pager, no, &row, err);
	if (found <= 0)
		return found;
	/* Open the ancestors so that the row shows in the tree. */
	if (item_view_is_tree(&w->view) && row.parent_id[0] != '\0') {
		char id[UUID_LEN + 1];
		long pno;

		memcpy(id, row.parent_id, sizeof id);
		while (id[0] != '\0') {
			struct item_row parent = { 0 };

			if (idset_add(w->expanded, id) != 0) {
				item_row_clear(&row);
				return error_set(err, ERROR_RUNTIME, _("out of memory"));
			}
			if ((rc = item_no_of(w->store, id, &pno, err)) <= 0 ||
			    (rc = item_pager_get(w->pager, pno, &parent, err)) <= 0) {
				item_row_clear(&row);
				return rc;
			}
			memcpy(id, parent.parent_id, sizeof id);
			item_row_clear(&parent);
		}
		w->count = -1;
	}
	w->pos = 0;
	rc = fill_from(w, &row, true, err);
	item_row_clear(&row);
	return rc == 0 ? 1 : -1;
}

int itemwin_count(struct itemwin *w, struct store *on, struct error *err)
{
	long count;

	if (item_pager_count(w->pager, on, &count, err) != 0)
		return -1;
	w->count = count;
	if (w->at_end && w->pos == 0 && count >= w->n)
		w->pos = count - w->n + 1;
	return 0;
}

int itemwin_locate(struct itemwin *w, struct error *err)
{
	enum { PAGE = 256 };
	struct item_row *page, last = { 0 };
	long seen = 0;
	int got, i, rc = 0;

	if (w->pos > 0 || w->n == 0)
		return 0;
	page = alloc_rows(PAGE);
	if (page == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	got = item_pager_first(w->pager, page, PAGE, err);
	while (got > 0) {
		for (i = 0; i < got; i++) {
			if (page[i].no == w->rows[0].no) {
				w->pos = seen + i + 1;
				goto done;
			}
		}
		seen += got;
		if (got < PAGE || item_row_copy(&last, &page[got - 1]) != 0)
			break;
		clear_rows(page, got);
		got = item_pager_next(w->pager, &last, page, PAGE, err);
	}
	if (got < 0)
		rc = -1;
done:
	clear_rows(page, PAGE);
	free(page);
	item_row_clear(&last);
	return rc;
}

const struct item_row *itemwin_current(const struct itemwin *w)
{
	return w->n > 0 ? &w->rows[w->cursor] : NULL;
}

long itemwin_position(const struct itemwin *w)
{
	return w->pos > 0 ? w->pos + w->cursor : 0;
}

void itemwin_close(struct itemwin *w)
{
	if (w->rows != NULL) {
		clear_rows(w->rows, w->cap);
		free(w->rows);
	}
	item_pager_close(&w->pager);
	idset_free(&w->expanded);
	memset(w, 0, sizeof *w);
}
