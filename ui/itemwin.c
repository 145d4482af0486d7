#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "idset.h"
#include "itemwin.h"

/* ------------------------------------------------------------------ the pager, for the list view */

static int w_first(void *src, void *rows, int n, struct error *err)
{
	return item_pager_first(((struct itemwin *)src)->pager, rows, n, err);
}

static int w_last(void *src, void *rows, int n, struct error *err)
{
	return item_pager_last(((struct itemwin *)src)->pager, rows, n, err);
}

static int w_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	return item_pager_next(((struct itemwin *)src)->pager, after, rows, n, err);
}

static int w_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	return item_pager_prev(((struct itemwin *)src)->pager, before, rows, n, err);
}

static int w_get(void *src, const void *like, void *row, struct error *err)
{
	return item_pager_get(((struct itemwin *)src)->pager, ((const struct item_row *)like)->no, row, err);
}

static long w_key(const void *row)
{
	return ((const struct item_row *)row)->no;
}

static int w_count(void *src, long *count, struct error *err)
{
	struct itemwin *w = src;

	return item_pager_count(w->pager, w->count_on, count, err);
}

static void w_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	struct itemwin *w = src;

	if (w->draw != NULL)
		w->draw(w->draw_ctx, c, y, row, selected);
}

static int w_copy(void *dst, const void *row)
{
	return item_row_copy(dst, row);
}

static void w_clear(void *row)
{
	item_row_clear(row);
}

static const struct listview_pager item_rows = {
	.row_size = sizeof(struct item_row),
	.first = w_first,
	.last = w_last,
	.next = w_next,
	.prev = w_prev,
	.get = w_get,
	.key = w_key,
	.count = w_count,
	.draw = w_draw,
	.copy = w_copy,
	.clear = w_clear,
};

/* ------------------------------------------------------------------ the tree */

static int open_pager(struct itemwin *w, struct error *err)
{
	item_pager_close(&w->pager);
	w->lv.count = -1;
	return item_pager_open(&w->pager, w->store, &w->view, w->expanded, 0, err);
}

int itemwin_open(struct itemwin *w, struct store *s, const struct item_view *view, int height,
                 struct error *err)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->view = *view;
	w->expanded = idset_new();
	if (w->expanded == NULL) {
		itemwin_close(w);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (listview_open(&w->lv, &item_rows, w, height, err) != 0 || open_pager(w, err) != 0 ||
	    listview_home(&w->lv, err) != 0) {
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
	return listview_restart(&w->lv, err);
}

int itemwin_expand(struct itemwin *w, struct error *err)
{
	const struct item_row *r = itemwin_current(w);

	if (r == NULL || !r->has_children || !item_view_is_tree(&w->view))
		return 0;
	if (idset_has(w->expanded, r->id))
		return listview_down(&w->lv, err) == 0 ? 1 : -1;
	if (idset_add(w->expanded, r->id) != 0)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	w->lv.count = -1;
	return listview_refill_below(&w->lv, err) == 0 ? 1 : -1;
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
		w->lv.count = -1;
		return listview_refill_below(&w->lv, err) == 0 ? 1 : -1;
	}
	if (r->parent_id[0] == '\0')
		return 0;
	for (i = w->lv.cursor - 1; i >= 0; i--) {
		if (strcmp(itemwin_row(w, i)->id, r->parent_id) == 0) {
			w->lv.cursor = i;
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
		w->lv.count = -1;
	}
	rc = listview_show(&w->lv, &row, err);
	item_row_clear(&row);
	return rc == 0 ? 1 : -1;
}

int itemwin_count(struct itemwin *w, struct store *on, struct error *err)
{
	int rc;

	w->count_on = on;
	rc = listview_count(&w->lv, err);
	w->count_on = NULL;
	return rc;
}

const struct item_row *itemwin_current(const struct itemwin *w)
{
	return listview_current(&w->lv);
}

const struct item_row *itemwin_row(const struct itemwin *w, int i)
{
	return listview_row(&w->lv, i);
}

void itemwin_close(struct itemwin *w)
{
	listview_close(&w->lv);
	item_pager_close(&w->pager);
	idset_free(&w->expanded);
	memset(w, 0, sizeof *w);
}
