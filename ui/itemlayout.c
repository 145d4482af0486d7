#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "date.h"
#include "i18n.h"
#include "itemlayout.h"
#include "refdata.h"
#include "text.h"

const char *list_col_name(enum list_col c)
{
	switch (c) {
	/* TRANSLATORS: column headings of the item list; keep them short. */
	case LC_CODE: return _("Code");
	case LC_TITLE: return _("Title");
	case LC_KIND: return _("Kind");
	case LC_UNIT: return _("Lead unit");
	case LC_DUE: return _("Due");
	case LC_STATUS: return _("Status");
	case LC_PROGRESS: return _("Progress");
	default: return "";
	}
}

int list_col_of_sort(enum item_sort s)
{
	switch (s) {
	case ISORT_CODE: return LC_CODE;
	case ISORT_TITLE: return LC_TITLE;
	case ISORT_KIND: return LC_KIND;
	case ISORT_UNIT: return LC_UNIT;
	case ISORT_DUE: return LC_DUE;
	case ISORT_STATUS: return LC_STATUS;
	case ISORT_PROGRESS: return LC_PROGRESS;
	default: return -1;
	}
}

void list_layout_compute(struct list_layout *l, int cols)
{
	struct column_spec spec[LC_COUNT] = {
		[LC_CODE] = { 10, 50, 0 },
		/* The title keeps a third of the line; who leads an item matters
		 * more to a clerk than its kind, so the kind goes first. */
		[LC_TITLE] = { cols / 3 > 20 ? cols / 3 : 20, 100, 1 },
		[LC_KIND] = { kind_names_width(), 30, 0 },
		[LC_UNIT] = { 16, 35, 0 },
		[LC_DUE] = { 10, 70, 0 },
		[LC_STATUS] = { status_names_width(), 90, 0 },
		[LC_PROGRESS] = { LIST_BAR_CELLS + 5, 60, 0 },
	};
	int i, x = 0;

	for (i = 0; i < LC_COUNT; i++) {
		int hw = text_width(list_col_name((enum list_col)i)) + 1;

		if (!spec[i].flex && spec[i].want < hw)
			spec[i].want = hw;
	}
	columns_fit(spec, LC_COUNT, cols, 1, l->width);
	for (i = 0; i < LC_COUNT; i++) {
		l->x[i] = x;
		if (l->width[i] > 0)
			x += l->width[i] + 1;
	}
	l->cols = cols;
}

int list_status_role(int status)
{
	switch (status) {
	case STATUS_PLANNED: return ROLE_PLANNED;
	case STATUS_IN_PROGRESS: return ROLE_IN_PROGRESS;
	case STATUS_SUSPENDED: return ROLE_SUSPENDED;
	case STATUS_DONE: return ROLE_DONE;
	case STATUS_CANCELLED: return ROLE_CANCELLED;
	case STATUS_OVERDUE: return ROLE_OVERDUE;
	default: return ROLE_NORMAL;
	}
}

void list_draw_header(struct canvas *c, int y, const struct list_layout *l, enum item_sort sort,
                      bool desc)
{
	int i, sorted = list_col_of_sort(sort);

	canvas_fill(c, y, 0, l->cols, ROLE_HEADER);
	for (i = 0; i < LC_COUNT; i++) {
		char head[128];

		if (l->width[i] == 0)
			continue;
		if (i == sorted)
			snprintf(head, sizeof head, "%s%s", list_col_name((enum list_col)i), desc ? "↓" : "↑");
		else
			snprintf(head, sizeof head, "%s", list_col_name((enum list_col)i));
		canvas_put(c, y, l->x[i], l->width[i], head, ROLE_HEADER,
		           i == LC_PROGRESS ? TEXT_PAD | TEXT_RIGHT : TEXT_PAD);
	}
}

static void draw_progress(struct canvas *c, int y, int x, int width, int progress, int sel)
{
	char pct[16];
	int filled, bar = width - 5;

	if (progress < 0) {
		canvas_fill(c, y, x, width, ROLE_NORMAL | sel);
		return;
	}
	if (bar > LIST_BAR_CELLS)
		bar = LIST_BAR_CELLS;
	filled = (progress * bar + 50) / 100;
	if (c->colour) {
		canvas_fill(c, y, x, filled, ROLE_BAR);
		canvas_fill(c, y, x + filled, bar - filled, ROLE_BAR_EMPTY | sel);
	} else {
		char marks[LIST_BAR_CELLS + 1];

		memset(marks, '#', (size_t)filled);
		memset(marks + filled, '.', (size_t)(bar - filled));
		marks[bar] = '\0';
		canvas_put(c, y, x, bar, marks, ROLE_NORMAL | sel, 0);
	}
	snprintf(pct, sizeof pct, "%d%%", progress);
	canvas_put(c, y, x + bar, width - bar, pct, ROLE_NORMAL | sel, TEXT_PAD | TEXT_RIGHT);
}

/* Draws the title in w cells at x, from around the match of search when it lies beyond them. */
static void draw_title(struct canvas *c, int y, int x, int w, const char *title, int role, int flags,
                       const struct search_query *search)
{
	size_t from = search_window(search, title, w);
	char *shown;

	if (from == 0 || (shown = malloc(strlen(title + from) + sizeof "\xE2\x80\xA6")) == NULL) {
		canvas_put(c, y, x, w, title, role, flags);
		return;
	}
	strcpy(shown, "\xE2\x80\xA6"); /* … */
	strcat(shown, title + from);
	canvas_put(c, y, x, w, shown, role, flags);
	free(shown);
}

void list_draw_row(struct canvas *c, int y, const struct list_layout *l, const struct item_row *r,
                   bool tree, bool open, bool selected, enum date_style dates,
                   const struct search_query *search)
{
	/*
	 * The cursor is the title in reverse video, not the whole line: moving
	 * it repaints two titles, which keeps a key over a slow link to a few
	 * hundred bytes.
	 */
	int srole = list_status_role(r->display_status);

	if (l->width[LC_CODE] > 0)
		canvas_put(c, y, l->x[LC_CODE], l->width[LC_CODE], r->code, ROLE_NORMAL, TEXT_ELLIPSIS);
	if (l->width[LC_TITLE] > 0) {
		int x = l->x[LC_TITLE], w = l->width[LC_TITLE];

		if (tree) {
			int indent = r->depth * 2;
			const char *mark = r->has_children ? (open ? "- " : "+ ") : "  ";

			if (indent > w / 2)
				indent = w / 2;
			x += indent;
			w -= indent;
			canvas_put(c, y, x, w, mark, ROLE_NORMAL, 0);
			x += 2;
			w -= 2;
		}
		draw_title(c, y, x, w, r->title, ROLE_NORMAL | (selected ? ROLE_SELECTED : 0),
		           selected ? TEXT_ELLIPSIS | TEXT_PAD : TEXT_ELLIPSIS, tree ? NULL : search);
	}
	if (l->width[LC_KIND] > 0)
		canvas_put(c, y, l->x[LC_KIND], l->width[LC_KIND], kind_name(r->kind), ROLE_NORMAL,
		           TEXT_ELLIPSIS);
	if (l->width[LC_UNIT] > 0)
		canvas_put(c, y, l->x[LC_UNIT], l->width[LC_UNIT], r->unit, ROLE_NORMAL, TEXT_ELLIPSIS);
	if (l->width[LC_DUE] > 0) {
		char due[11];

		date_format(r->due, dates, due);
		canvas_put(c, y, l->x[LC_DUE], l->width[LC_DUE], due, ROLE_NORMAL, 0);
	}
	if (l->width[LC_STATUS] > 0)
		canvas_put(c, y, l->x[LC_STATUS], l->width[LC_STATUS], status_name(r->display_status),
		           srole, TEXT_ELLIPSIS);
	if (l->width[LC_PROGRESS] > 0)
		draw_progress(c, y, l->x[LC_PROGRESS], l->width[LC_PROGRESS], r->progress, 0);
}
