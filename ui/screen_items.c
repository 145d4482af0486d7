#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "editing.h"
#include "form.h"
#include "i18n.h"
#include "idset.h"
#include "itemlayout.h"
#include "itemwin.h"
#include "lineedit.h"
#include "menu.h"
#include "print.h"
#include "refdata.h"
#include "reflists.h"
#include "screens.h"
#include "store.h"
#include "text.h"

/*
 * The main screen: the programme's items as a tree, or, while a search or a
 * filter is active, the flat list of matching items; one page read at a time.
 */

enum filter_dim { DIM_STATUS = 1, DIM_KIND, DIM_YEAR, DIM_UNIT, DIM_LOCALITY, DIM_CLEAR };

struct items_screen {
	struct screen base;
	struct itemwin win;
	bool ready;
	struct list_layout layout;
	bool typing;          /* the search line has the keys */
	struct lineedit edit;
	int cursor_col;       /* where the status line put the search's cursor */
	long anchor;          /* the tree row to come back to after a search or filter */
	long total;           /* all items; -1: not counted yet */
	bool count_failed;
	char unit_name[128];
	char locality_name[128];
	struct search_query *query; /* the search of query_text, whose matches rows show */
	char query_text[sizeof ((struct item_filter *)0)->search];
};

static struct app *app_of(struct items_screen *is)
{
	return is->base.app;
}

static void report(struct items_screen *is, int rc, const struct error *err)
{
	if (rc < 0)
		app_message(app_of(is), ROLE_ERROR, "%s", err->msg);
}

static bool filtered(const struct item_view *v)
{
	return !item_view_is_tree(v);
}

static int list_height(struct items_screen *is)
{
	int h = app_body_rows(app_of(is)) - 1;

	return h > 0 ? h : 1;
}

/* Shows view; coming back to the tree, the cursor returns to where it was. */
static void apply_view(struct items_screen *is, const struct item_view *v)
{
	struct error err = { 0 };
	bool was_tree = item_view_is_tree(&is->win.view);
	const struct item_row *cur = itemwin_current(&is->win);
	int rc;

	if (was_tree && cur != NULL)
		is->anchor = cur->no;
	rc = itemwin_set_view(&is->win, v, &err);
	if (rc == 0 && item_view_is_tree(v) && is->anchor > 0)
		rc = itemwin_goto(&is->win, is->anchor, &err);
	is->count_failed = false;
	report(is, rc, &err);
}

static const char *items_title(struct screen *s)
{
	struct items_screen *is = (struct items_screen *)s;
	struct app *a = app_of(is);

	(void)is;
	return a->programme != NULL ? a->programme : _("Items");
}

/* One row of the list (the list view's draw). */
static void draw_row(void *ctx, struct canvas *c, int y, const struct item_row *r, bool selected)
{
	struct items_screen *is = ctx;
	bool tree = item_view_is_tree(&is->win.view);
	bool open = tree && r->has_children && idset_has(is->win.expanded, r->id);

	list_draw_row(c, y, &is->layout, r, tree, open, selected, app_of(is)->ctx->settings.date_format,
	              is->query);
}

static void items_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct items_screen *is = (struct items_screen *)s;

	if (is->layout.cols != c->cols)
		list_layout_compute(&is->layout, c->cols);
	list_draw_header(c, top, &is->layout, is->win.view.sort, is->win.view.desc);
	if (is->win.lv.n == 0) {
		const char *msg = filtered(&is->win.view)
			? _("No item matches the search and filters (c clears them).")
			: _("There are no items yet.");

		canvas_put(c, top + 2, 2, c->cols - 4, msg, ROLE_DIM, TEXT_ELLIPSIS);
		return;
	}
	if (strcmp(is->query_text, is->win.view.filter.search) != 0) {
		/* Out of memory, the query stays NULL: titles show from their start. */
		search_free(&is->query);
		snprintf(is->query_text, sizeof is->query_text, "%s", is->win.view.filter.search);
		search_compile(is->query_text, &is->query);
	}
	listview_draw(&is->win.lv, c, top + 1, height - 1);
}

static void describe_filters(struct items_screen *is, struct strbuf *b)
{
	const struct item_filter *f = &is->win.view.filter;
	int s;
	bool first = true;

	if (f->statuses != 0) {
		strbuf_printf(b, " · %s:", _("Status"));
		for (s = 1; s <= STATUS_MAX; s++) {
			if (f->statuses & (1u << s)) {
				strbuf_printf(b, "%s%s", first ? " " : ", ", status_name(s));
				first = false;
			}
		}
	}
	if (f->kind != 0)
		strbuf_printf(b, " · %s: %s", _("Kind"), kind_name(f->kind));
	if (f->year != 0)
		strbuf_printf(b, " · %s: %d", _("Year"), f->year);
	if (f->unit_id[0] != '\0')
		strbuf_printf(b, " · %s: %s", _("Lead unit"), is->unit_name);
	if (f->locality_id[0] != '\0')
		strbuf_printf(b, " · %s: %s", _("Locality"), is->locality_name);
}

static const char *sort_label(enum item_sort s)
{
	int col = list_col_of_sort(s);

	/* TRANSLATORS: the item's short number, as a sort order. */
	return col >= 0 ? list_col_name((enum list_col)col) : _("Number");
}

/* The cells the search's text gets on the status line: half of it, the rest for the count and hints. */
static int search_width(struct items_screen *is)
{
	int w = app_of(is)->canvas->cols / 2 - text_width(_("Search:")) - 2;

	return w > 10 ? w : 10;
}

static void items_cursor(struct screen *s, struct canvas *c)
{
	struct items_screen *is = (struct items_screen *)s;

	if (is->typing && app_of(is)->message[0] == '\0')
		c->ops->cursor(c, c->rows - 1, is->cursor_col);
}

static void items_status(struct screen *s, struct strbuf *left)
{
	struct items_screen *is = (struct items_screen *)s;
	const struct item_view *v = &is->win.view;

	if (is->typing) {
		char shown[1024];
		int col;

		lineedit_view(&is->edit, search_width(is), shown, sizeof shown, &col);
		strbuf_printf(left, " %s %s", _("Search:"), shown);
		is->cursor_col = 1 + text_width(_("Search:")) + 1 + col;
		if (is->win.lv.count >= 0)
			strbuf_printf(left, "  (%ld)", is->win.lv.count);
		strbuf_printf(left, " · %s", _("Enter: keep · Esc: clear"));
		return;
	}
	listview_describe_position(&is->win.lv, left);
	if (item_view_is_tree(v)) {
		if (is->total >= 0)
			strbuf_printf(left, " · %s %ld", _("items:"), is->total);
	} else {
		strbuf_printf(left, " %s", _("found"));
	}
	if (v->filter.search[0] != '\0')
		strbuf_printf(left, " · /%s", v->filter.search);
	describe_filters(is, left);
	if (v->sort != ISORT_NO || v->desc)
		strbuf_printf(left, " · %s %s%s", _("sorted by"), sort_label(v->sort), v->desc ? "↓" : "↑");
}

/* ------------------------------------------------------------------ search */

static void search_changed(struct items_screen *is)
{
	struct item_view v = is->win.view;

	snprintf(v.filter.search, sizeof v.filter.search, "%s", lineedit_text(&is->edit));
	apply_view(is, &v);
}

static int items_key(struct screen *s, ui_key k)
{
	struct items_screen *is = (struct items_screen *)s;

	if (!is->typing)
		return SCREEN_IGNORED;
	if (k == UIK_ENTER) {
		is->typing = false;
		return SCREEN_REDRAW;
	}
	if (k == UIK_ESC) {
		is->typing = false;
		lineedit_clear(&is->edit);
		search_changed(is);
		return SCREEN_REDRAW;
	}
	switch (lineedit_key(&is->edit, k)) {
	case LINEEDIT_CHANGED:
		search_changed(is);
		return SCREEN_REDRAW;
	case LINEEDIT_MOVED:
		return SCREEN_REDRAW;
	case LINEEDIT_REFUSED:
		app_message(app_of(is), ROLE_DIM, "%s",
		            _("Control characters cannot be typed into the search"));
		return SCREEN_REDRAW;
	case LINEEDIT_IGNORED:
		break;
	}
	return SCREEN_IGNORED; /* Up, Down, PgUp, PgDn move in the list */
}

/* ------------------------------------------------------------------ filters */

static void set_filter_and_show(struct items_screen *is, struct item_view *v)
{
	apply_view(is, v);
}

static void on_status(void *ctx, bool ok, const struct menu_entry *chosen,
                      const struct menu_entry *all, int n)
{
	struct items_screen *is = ctx;
	struct item_view v = is->win.view;
	int i;

	(void)chosen;
	if (!ok)
		return;
	v.filter.statuses = 0;
	for (i = 0; i < n; i++)
		if (all[i].ticked)
			v.filter.statuses |= 1u << all[i].value;
	set_filter_and_show(is, &v);
}

static void on_value(void *ctx, bool ok, const struct menu_entry *chosen,
                     const struct menu_entry *all, int n, enum filter_dim dim)
{
	struct items_screen *is = ctx;
	struct item_view v = is->win.view;

	(void)all;
	(void)n;
	if (!ok || chosen == NULL)
		return;
	switch (dim) {
	case DIM_KIND:
		v.filter.kind = (int)chosen->value;
		break;
	case DIM_YEAR:
		v.filter.year = (int)chosen->value;
		break;
	case DIM_UNIT:
		snprintf(v.filter.unit_id, sizeof v.filter.unit_id, "%.36s", chosen->key);
		snprintf(is->unit_name, sizeof is->unit_name, "%s", chosen->label);
		break;
	case DIM_LOCALITY:
		snprintf(v.filter.locality_id, sizeof v.filter.locality_id, "%.36s", chosen->key);
		snprintf(is->locality_name, sizeof is->locality_name, "%s", chosen->label);
		break;
	default:
		return;
	}
	set_filter_and_show(is, &v);
}

static void on_kind(void *ctx, bool ok, const struct menu_entry *c, const struct menu_entry *a, int n)
{
	on_value(ctx, ok, c, a, n, DIM_KIND);
}

static void on_year(void *ctx, bool ok, const struct menu_entry *c, const struct menu_entry *a, int n)
{
	on_value(ctx, ok, c, a, n, DIM_YEAR);
}

static void on_unit(void *ctx, bool ok, const struct menu_entry *c, const struct menu_entry *a, int n)
{
	on_value(ctx, ok, c, a, n, DIM_UNIT);
}

static void on_locality(void *ctx, bool ok, const struct menu_entry *c, const struct menu_entry *a,
                        int n)
{
	on_value(ctx, ok, c, a, n, DIM_LOCALITY);
}

/* A menu of "any" and the entries of a reference list. */
static void ref_menu(struct items_screen *is, const char *title, const char *any,
                     const struct ref_entry *refs, int nrefs, const char *current_id,
                     long current_value, menu_done_fn done)
{
	struct menu_entry *e = calloc((size_t)nrefs + 1, sizeof *e);
	int i, cursor = 0;

	if (e == NULL) {
		app_message(app_of(is), ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	e[0].label = (char *)any;
	for (i = 0; i < nrefs; i++) {
		e[i + 1].label = refs[i].name;
		e[i + 1].value = refs[i].value;
		snprintf(e[i + 1].key, sizeof e[i + 1].key, "%s", refs[i].id);
		if ((current_id != NULL && current_id[0] != '\0' && strcmp(current_id, refs[i].id) == 0) ||
		    (current_id == NULL && current_value != 0 && current_value == refs[i].value))
			cursor = i + 1;
	}
	app_push(app_of(is), menu_new(app_of(is), title, e, nrefs + 1, cursor, false, done, is));
	free(e);
}

static void open_value_menu(struct items_screen *is, enum filter_dim dim)
{
	struct app *a = app_of(is);
	const struct item_filter *f = &is->win.view.filter;
	struct ref_entry *refs = NULL;
	struct error err = { 0 };
	int n = 0, i;

	switch (dim) {
	case DIM_STATUS: {
		struct menu_entry e[STATUS_MAX];

		memset(e, 0, sizeof e);
		for (i = 0; i < STATUS_MAX; i++) {
			e[i].label = (char *)status_name(i + 1);
			e[i].value = i + 1;
			e[i].ticked = (f->statuses & (1u << (i + 1))) != 0;
		}
		app_push(a, menu_new(a, _("Show the items whose status is"), e, STATUS_MAX, 0, true,
		                     on_status, is));
		return;
	}
	case DIM_KIND: {
		struct menu_entry e[KIND_MAX + 1];

		memset(e, 0, sizeof e);
		e[0].label = (char *)_("Any kind");
		for (i = 1; i <= KIND_MAX; i++) {
			e[i].label = (char *)kind_name(i);
			e[i].value = i;
		}
		app_push(a, menu_new(a, _("Show the items of the kind"), e, KIND_MAX + 1, f->kind, false,
		                     on_kind, is));
		return;
	}
	case DIM_YEAR:
		if (reflist_years(a->store, &refs, &n, &err) != 0)
			break;
		ref_menu(is, _("Show the items of the year"), _("Any year"), refs, n, NULL, f->year, on_year);
		reflist_free(&refs, n);
		return;
	case DIM_UNIT:
		if (reflist_units(a->store, &refs, &n, &err) != 0)
			break;
		ref_menu(is, _("Show the items led by"), _("Any unit"), refs, n, f->unit_id, 0, on_unit);
		reflist_free(&refs, n);
		return;
	case DIM_LOCALITY:
		if (reflist_localities(a->store, &refs, &n, &err) != 0)
			break;
		ref_menu(is, _("Show the items in the locality"), _("Any locality"), refs, n,
		         f->locality_id, 0, on_locality);
		reflist_free(&refs, n);
		return;
	case DIM_CLEAR: {
		struct item_view v = is->win.view;

		memset(&v.filter, 0, sizeof v.filter);
		snprintf(v.filter.search, sizeof v.filter.search, "%s", f->search);
		set_filter_and_show(is, &v);
		return;
	}
	}
	app_message(a, ROLE_ERROR, "%s", err.msg);
}

static void on_dimension(void *ctx, bool ok, const struct menu_entry *chosen,
                         const struct menu_entry *all, int n)
{
	(void)all;
	(void)n;
	if (ok && chosen != NULL)
		open_value_menu(ctx, (enum filter_dim)chosen->value);
}

static void open_filter_menu(struct items_screen *is)
{
	struct menu_entry e[6];

	memset(e, 0, sizeof e);
	e[0].label = (char *)_("Status…");
	e[0].value = DIM_STATUS;
	e[1].label = (char *)_("Kind…");
	e[1].value = DIM_KIND;
	e[2].label = (char *)_("Year…");
	e[2].value = DIM_YEAR;
	e[3].label = (char *)_("Lead unit…");
	e[3].value = DIM_UNIT;
	e[4].label = (char *)_("Locality…");
	e[4].value = DIM_LOCALITY;
	e[5].label = (char *)_("Clear the filters");
	e[5].value = DIM_CLEAR;
	app_push(app_of(is), menu_new(app_of(is), _("Filter by"), e, 6, 0, false, on_dimension, is));
}

/* ------------------------------------------------------------------ sort */

static void on_sort(void *ctx, bool ok, const struct menu_entry *chosen,
                    const struct menu_entry *all, int n)
{
	struct items_screen *is = ctx;
	struct item_view v = is->win.view;
	const struct item_row *cur = itemwin_current(&is->win);
	long keep = cur != NULL ? cur->no : 0;
	struct error err = { 0 };
	int rc;

	(void)all;
	(void)n;
	if (!ok || chosen == NULL)
		return;
	if ((enum item_sort)chosen->value == v.sort)
		v.desc = !v.desc;
	else
		v.desc = false;
	v.sort = (enum item_sort)chosen->value;
	rc = itemwin_set_view(&is->win, &v, &err);
	if (rc == 0 && keep > 0 && item_view_is_tree(&v))
		rc = itemwin_goto(&is->win, keep, &err) < 0 ? -1 : 0;
	report(is, rc, &err);
}

static void open_sort_menu(struct items_screen *is)
{
	struct menu_entry e[ISORT_COUNT];
	char labels[ISORT_COUNT][128];
	int i;

	memset(e, 0, sizeof e);
	for (i = 0; i < ISORT_COUNT; i++) {
		if (i == (int)is->win.view.sort)
			snprintf(labels[i], sizeof labels[i], "%s %s  %s", sort_label((enum item_sort)i),
			         is->win.view.desc ? "↓" : "↑", _("(Enter: reverse)"));
		else
			snprintf(labels[i], sizeof labels[i], "%s", sort_label((enum item_sort)i));
		e[i].label = labels[i];
		e[i].value = i;
	}
	app_push(app_of(is), menu_new(app_of(is), _("Sort by"), e, ISORT_COUNT, (int)is->win.view.sort,
	                              false, on_sort, is));
}

/* ------------------------------------------------------------------ print */

enum { PRINT_SCREEN = 1, PRINT_LIST };

static void on_print(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct items_screen *is = ctx;
	struct app *a = app_of(is);

	(void)all;
	(void)n;
	if (!ok || chosen == NULL)
		return;
	if (chosen->value == PRINT_SCREEN)
		print_screen(a, app_top(a)); /* the menu, still on top, is not printed */
	else
		print_item_list(a, &is->win.view, is->win.expanded, _("Item list"));
}

static void open_print_menu(struct items_screen *is)
{
	struct menu_entry e[2];
	char whole[128];

	memset(e, 0, sizeof e);
	e[0].label = (char *)_("This screen, as it is");
	e[0].value = PRINT_SCREEN;
	if (is->win.lv.count >= 0)
		snprintf(whole, sizeof whole, _("The whole list (%ld rows)"), is->win.lv.count);
	else
		snprintf(whole, sizeof whole, "%s", _("The whole list"));
	e[1].label = whole;
	e[1].value = PRINT_LIST;
	app_push(app_of(is), menu_new(app_of(is), _("Print"), e, 2, 0, false, on_print, is));
}

/* ------------------------------------------------------------------ actions */

static void clear_all(struct items_screen *is)
{
	struct item_view v = is->win.view;

	memset(&v.filter, 0, sizeof v.filter);
	lineedit_clear(&is->edit);
	is->typing = false;
	apply_view(is, &v);
}

/* After a save in a form: the cursor on the item saved. */
static void on_saved(void *ctx, enum record_kind k, const char *id, long no)
{
	struct items_screen *is = ctx;
	struct error err = { 0 };

	(void)k;
	(void)id;
	if (no > 0)
		report(is, itemwin_goto(&is->win, no, &err) < 0 ? -1 : 0, &err);
}

/* Adding, editing, archiving (the list keeps only what is not archived). */
static int items_edit(struct items_screen *is, enum action a)
{
	struct app *ap = app_of(is);
	const struct item_row *cur = itemwin_current(&is->win);
	struct form_spec spec = { .kind = REC_ITEM, .saved = on_saved, .ctx = is };
	char what[400];

	if (a == ACTION_ARCHIVED || a == ACTION_RESTORE) {
		app_push(ap, register_screen_new(ap, REC_ITEM, true));
		return SCREEN_REDRAW;
	}
	if (a != ACTION_ADD && cur == NULL) {
		app_message(ap, ROLE_DIM, "%s", _("There is no item here to do that to"));
		return SCREEN_REDRAW;
	}
	switch (a) {
	case ACTION_ADD_SUB:
		spec.parent_id = cur->id;
		break;
	case ACTION_EDIT:
		spec.id = cur->id;
		break;
	case ACTION_ARCHIVE:
		snprintf(what, sizeof what, _("item #%ld «%s»%s"), cur->no, cur->title,
		         cur->has_children ? _(" and its sub-items") : "");
		edit_archive(ap, REC_ITEM, cur->id, what, true);
		return SCREEN_REDRAW;
	default:
		break;
	}
	app_push(ap, form_new(ap, &spec));
	return SCREEN_REDRAW;
}

static int items_action(struct screen *s, enum action a)
{
	struct items_screen *is = (struct items_screen *)s;
	struct error err = { 0 };
	const struct item_row *cur;
	int rc = 0;

	switch (a) {
	case ACTION_UP:
		rc = listview_up(&is->win.lv, &err);
		break;
	case ACTION_DOWN:
		rc = listview_down(&is->win.lv, &err);
		break;
	case ACTION_PAGE_UP:
		rc = listview_page_up(&is->win.lv, &err);
		break;
	case ACTION_PAGE_DOWN:
		rc = listview_page_down(&is->win.lv, &err);
		break;
	case ACTION_HOME:
		rc = listview_home(&is->win.lv, &err);
		break;
	case ACTION_END:
		rc = listview_end(&is->win.lv, &err);
		break;
	case ACTION_EXPAND:
	case ACTION_COLLAPSE:
		if (filtered(&is->win.view)) {
			app_message(app_of(is), ROLE_DIM, "%s",
			            _("The list is flat while a search or filter is active (c clears them)"));
			return SCREEN_REDRAW;
		}
		rc = a == ACTION_EXPAND ? itemwin_expand(&is->win, &err) : itemwin_collapse(&is->win, &err);
		if (rc == 0 && a == ACTION_EXPAND)
			app_message(app_of(is), ROLE_DIM, "%s", _("This item has no sub-items"));
		break;
	case ACTION_OPEN:
		cur = itemwin_current(&is->win);
		if (cur != NULL)
			app_push(app_of(is), detail_screen_new(app_of(is), cur->no));
		return SCREEN_REDRAW;
	case ACTION_SEARCH:
		is->typing = true;
		lineedit_set(&is->edit, is->win.view.filter.search);
		return SCREEN_REDRAW;
	case ACTION_FILTER:
		open_filter_menu(is);
		return SCREEN_REDRAW;
	case ACTION_SORT:
		open_sort_menu(is);
		return SCREEN_REDRAW;
	case ACTION_CLEAR:
		clear_all(is);
		return SCREEN_REDRAW;
	case ACTION_PRINT:
		open_print_menu(is);
		return SCREEN_REDRAW;
	case ACTION_ADD:
	case ACTION_ADD_SUB:
	case ACTION_EDIT:
	case ACTION_ARCHIVE:
	case ACTION_RESTORE:
	case ACTION_ARCHIVED:
		return items_edit(is, a);
	case ACTION_BACK:
		if (filtered(&is->win.view)) {
			clear_all(is);
			app_message(app_of(is), ROLE_DIM, "%s", _("Search and filters cleared; q again quits"));
			return SCREEN_REDRAW;
		}
		return SCREEN_QUIT;
	default:
		return SCREEN_IGNORED;
	}
	report(is, rc, &err);
	return SCREEN_REDRAW;
}

/* ------------------------------------------------------------------ background */

static int interrupt(void *ctx)
{
	return app_input_pending(ctx) ? 1 : 0;
}

static int items_idle(struct screen *s)
{
	struct items_screen *is = (struct items_screen *)s;
	struct app *a = app_of(is);
	struct error err = { 0 };
	struct store *reader;
	int rc;

	if (is->count_failed ||
	    (is->win.lv.count >= 0 && is->total >= 0 && (is->win.lv.pos > 0 || is->win.lv.n == 0)))
		return SCREEN_IGNORED;
	reader = app_reader(a);
	store_set_interrupt(a->store, interrupt, a);
	store_set_interrupt(reader, interrupt, a);
	if (is->win.lv.count < 0)
		rc = itemwin_count(&is->win, reader, &err);
	else if (is->total < 0)
		rc = item_count_all(reader, &is->total, &err);
	else
		rc = listview_locate(&is->win.lv, &err);
	store_set_interrupt(reader, NULL, NULL);
	store_set_interrupt(a->store, NULL, NULL);
	if (rc == 0)
		return SCREEN_REDRAW;
	if (app_input_pending(a))
		return SCREEN_IGNORED; /* a key came: count again later */
	is->count_failed = true;
	app_message(a, ROLE_ERROR, "%s", err.msg);
	return SCREEN_REDRAW;
}

static void items_resume(struct screen *s)
{
	struct items_screen *is = (struct items_screen *)s;
	struct error err = { 0 };

	is->layout.cols = 0;
	if (is->ready)
		report(is, listview_resize(&is->win.lv, list_height(is), &err), &err);
}

static void items_reload(struct screen *s)
{
	struct items_screen *is = (struct items_screen *)s;
	struct error err = { 0 };

	is->count_failed = false;
	if (item_count_all(app_of(is)->store, &is->total, &err) != 0)
		is->total = -1;
	if (is->ready)
		report(is, listview_reload(&is->win.lv, &err), &err);
}

static void items_destroy(struct screen *s)
{
	struct items_screen *is = (struct items_screen *)s;

	lineedit_free(&is->edit);
	itemwin_close(&is->win);
	search_free(&is->query);
	free(is);
}

static const struct screen_ops items_ops = {
	.name = N_("Item list"),
	.title = items_title,
	.draw = items_draw,
	.status = items_status,
	.cursor = items_cursor,
	.key = items_key,
	.action = items_action,
	.idle = items_idle,
	.resume = items_resume,
	.reload = items_reload,
	.destroy = items_destroy,
	.keymap = KEYMAP_LIST,
};

struct screen *items_screen_new(struct app *a)
{
	struct items_screen *is = calloc(1, sizeof *is);
	struct item_view v = { .sort = ISORT_NO };
	struct error err = { 0 };

	if (is == NULL)
		return NULL;
	is->base.ops = &items_ops;
	is->base.app = a;
	is->total = -1;
	is->edit.max = sizeof is->win.view.filter.search - 1;
	memcpy(v.today, a->ctx->today, sizeof v.today);
	if (itemwin_open(&is->win, a->store, &v, list_height(is), &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		free(is);
		return NULL;
	}
	is->win.draw = draw_row;
	is->win.draw_ctx = is;
	is->ready = true;
	/* Kept by triggers: read at once, so that the first screen shows it. */
	if (item_count_all(a->store, &is->total, &err) != 0)
		is->total = -1;
	return &is->base;
}

const struct item_view *items_screen_view(struct screen *s, const char **unit_name, const char **locality_name)
{
	struct items_screen *is = (struct items_screen *)s;

	if (s == NULL || s->ops != &items_ops)
		return NULL;
	if (unit_name != NULL)
		*unit_name = is->unit_name;
	if (locality_name != NULL)
		*locality_name = is->locality_name;
	return &is->win.view;
}

void items_screen_show(struct screen *s, const struct item_view *v, const char *unit_name,
                       const char *locality_name)
{
	struct items_screen *is = (struct items_screen *)s;

	if (s == NULL || s->ops != &items_ops)
		return;
	if (unit_name != NULL)
		snprintf(is->unit_name, sizeof is->unit_name, "%s", unit_name);
	if (locality_name != NULL)
		snprintf(is->locality_name, sizeof is->locality_name, "%s", locality_name);
	is->typing = false;
	apply_view(is, v);
}
