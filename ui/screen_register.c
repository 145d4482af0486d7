#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "editing.h"
#include "form.h"
#include "i18n.h"
#include "lineedit.h"
#include "listview.h"
#include "recordlist.h"
#include "refdata.h"
#include "screens.h"
#include "text.h"

/*
 * A register of records of one kind: the units, the localities (with the
 * archived ones shown on x), or the archived items or documents. Adds,
 * edits, archives and restores through the forms and the write path; /
 * narrows it as the main list's search does.
 */

struct register_screen {
	struct screen base;
	enum record_kind kind;
	enum reclist_mode mode;
	struct rec_pager *pager;
	struct listview lv;
	bool typing;
	struct lineedit search;
	int cursor_col;
	char title[128];
};

static void report(struct register_screen *rs, int rc, const struct error *err)
{
	if (rc < 0)
		app_message(rs->base.app, ROLE_ERROR, "%s", err->msg);
}

/* ------------------------------------------------------------------ rows */

static int g_first(void *src, void *rows, int n, struct error *err)
{
	return rec_pager_first(((struct register_screen *)src)->pager, rows, n, err);
}

static int g_last(void *src, void *rows, int n, struct error *err)
{
	return rec_pager_last(((struct register_screen *)src)->pager, rows, n, err);
}

static int g_next(void *src, const void *after, void *rows, int n, struct error *err)
{
	return rec_pager_next(((struct register_screen *)src)->pager, after, rows, n, err);
}

static int g_prev(void *src, const void *before, void *rows, int n, struct error *err)
{
	return rec_pager_prev(((struct register_screen *)src)->pager, before, rows, n, err);
}

static int g_get(void *src, const void *like, void *row, struct error *err)
{
	return rec_pager_get(((struct register_screen *)src)->pager, like, row, err);
}

static long g_key(const void *row)
{
	return ((const struct rec_row *)row)->key;
}

static int g_count(void *src, long *count, struct error *err)
{
	return rec_pager_count(((struct register_screen *)src)->pager, count, err);
}

static void g_draw(void *src, struct canvas *c, int y, const void *row, bool selected)
{
	struct register_screen *rs = src;
	const struct rec_row *r = row;
	int sel = selected ? ROLE_SELECTED : 0, role = (r->archived ? ROLE_DIM : ROLE_NORMAL) | sel;
	int w1 = c->cols / 4 > 24 ? 24 : c->cols / 4;
	char first[64], date[11];
	const char *arch = r->archived ? _("(archived) ") : "";
	char rest[1200];

	if (sel)
		canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
	switch (rs->kind) {
	case REC_ITEM:
		snprintf(first, sizeof first, "#%ld %s", r->no, r->detail);
		snprintf(rest, sizeof rest, "%s%s", arch, r->name);
		break;
	case REC_DOCUMENT:
		date_format(r->date, rs->base.app->ctx->settings.date_format, date);
		snprintf(first, sizeof first, "%s", r->detail[0] != '\0' ? r->detail : "?");
		snprintf(rest, sizeof rest, "%s%s  %s", arch, date, r->name);
		break;
	default:
		snprintf(first, sizeof first, "%s", r->detail);
		snprintf(rest, sizeof rest, "%s%s", arch, r->name);
		break;
	}
	canvas_put(c, y, 0, w1, first, role, TEXT_ELLIPSIS);
	canvas_put(c, y, w1 + 1, c->cols - w1 - 1, rest, role, TEXT_ELLIPSIS);
}

static int g_copy(void *dst, const void *row)
{
	return rec_row_copy(dst, row);
}

static void g_clear(void *row)
{
	rec_row_clear(row);
}

static const struct listview_pager register_rows = {
	.row_size = sizeof(struct rec_row),
	.first = g_first,
	.last = g_last,
	.next = g_next,
	.prev = g_prev,
	.get = g_get,
	.key = g_key,
	.count = g_count,
	.draw = g_draw,
	.copy = g_copy,
	.clear = g_clear,
};

/* ------------------------------------------------------------------ the screen */

static void name_it(struct register_screen *rs)
{
	switch (rs->kind) {
	case REC_UNIT:
		snprintf(rs->title, sizeof rs->title, "%s", rs->mode == RECLIST_ALL ? _("Units, the archived too") : _("Units"));
		break;
	case REC_LOCALITY:
		snprintf(rs->title, sizeof rs->title, "%s",
		         rs->mode == RECLIST_ALL ? _("Localities, the archived too") : _("Localities"));
		break;
	case REC_ITEM:
		snprintf(rs->title, sizeof rs->title, "%s", _("Archived items"));
		break;
	default:
		snprintf(rs->title, sizeof rs->title, "%s", _("Archived documents"));
		break;
	}
}

static int reopen(struct register_screen *rs, struct error *err)
{
	rec_pager_close(&rs->pager);
	if (rec_pager_open(&rs->pager, rs->base.app->store, rs->kind, rs->mode, lineedit_text(&rs->search), err) != 0)
		return -1;
	name_it(rs);
	return listview_restart(&rs->lv, err);
}

static const char *reg_title(struct screen *s)
{
	return ((struct register_screen *)s)->title;
}

static const char *heading(const struct register_screen *rs, bool first)
{
	switch (rs->kind) {
	case REC_UNIT: return first ? _("Short name") : _("Name");
	case REC_LOCALITY: return first ? _("Level") : _("Name");
	case REC_ITEM: return first ? _("Number, code") : _("Title");
	default: return first ? _("Number") : _("Signed, subject");
	}
}

static void reg_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct register_screen *rs = (struct register_screen *)s;
	int w1 = c->cols / 4 > 24 ? 24 : c->cols / 4;

	canvas_fill(c, top, 0, c->cols, ROLE_HEADER);
	canvas_put(c, top, 0, w1, heading(rs, true), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	canvas_put(c, top, w1 + 1, c->cols - w1 - 1, heading(rs, false), ROLE_HEADER, TEXT_PAD | TEXT_ELLIPSIS);
	if (rs->lv.n == 0)
		canvas_put(c, top + 2, 2, c->cols - 4,
		           lineedit_text(&rs->search)[0] != '\0' ? _("Nothing matches the search (Esc clears it).")
		           : rs->mode == RECLIST_ARCHIVED ? _("Nothing is archived.") : _("The register is empty."),
		           ROLE_DIM, TEXT_ELLIPSIS);
	listview_draw(&rs->lv, c, top + 1, height - 1);
}

static void reg_status(struct screen *s, struct strbuf *left)
{
	struct register_screen *rs = (struct register_screen *)s;

	if (rs->typing) {
		char shown[512];
		int col, w = s->app->canvas->cols / 2;

		lineedit_view(&rs->search, w, shown, sizeof shown, &col);
		strbuf_printf(left, " %s %s", _("Search:"), shown);
		rs->cursor_col = 1 + text_width(_("Search:")) + 1 + col;
		strbuf_printf(left, " · %s", _("Enter: keep · Esc: clear"));
		return;
	}
	listview_describe_position(&rs->lv, left);
	if (lineedit_text(&rs->search)[0] != '\0')
		strbuf_printf(left, " · /%s", lineedit_text(&rs->search));
	if (rs->mode == RECLIST_ARCHIVED)
		strbuf_printf(left, " · %s", _("r: restore · Enter: open"));
	else
		strbuf_printf(left, " · %s", _("a: add · e: edit · d: archive · X: the archived too"));
}

static void reg_cursor(struct screen *s, struct canvas *c)
{
	struct register_screen *rs = (struct register_screen *)s;

	if (rs->typing && s->app->message[0] == '\0')
		c->ops->cursor(c, c->rows - 1, rs->cursor_col);
}

static int reg_key(struct screen *s, ui_key k)
{
	struct register_screen *rs = (struct register_screen *)s;
	struct error err = { 0 };

	if (!rs->typing)
		return SCREEN_IGNORED;
	if (k == UIK_ENTER) {
		rs->typing = false;
		return SCREEN_REDRAW;
	}
	if (k == UIK_ESC) {
		rs->typing = false;
		lineedit_clear(&rs->search);
		report(rs, reopen(rs, &err), &err);
		return SCREEN_REDRAW;
	}
	switch (lineedit_key(&rs->search, k)) {
	case LINEEDIT_CHANGED:
		report(rs, reopen(rs, &err), &err);
		return SCREEN_REDRAW;
	case LINEEDIT_MOVED:
	case LINEEDIT_REFUSED:
		return SCREEN_REDRAW;
	default:
		return SCREEN_IGNORED;
	}
}

/* After a save in a form: the cursor on the record saved. */
static void on_saved(void *ctx, enum record_kind k, const char *id, long no)
{
	struct register_screen *rs = ctx;
	struct error err = { 0 };
	struct rec_row like = { 0 }, row = { 0 };

	(void)k;
	(void)no;
	snprintf(like.id, sizeof like.id, "%s", id);
	if (rec_pager_get(rs->pager, &like, &row, &err) == 1)
		report(rs, listview_show(&rs->lv, &row, &err), &err);
	rec_row_clear(&row);
}

static void open_form(struct register_screen *rs, const char *id)
{
	struct form_spec spec = { .kind = rs->kind, .id = id, .saved = on_saved, .ctx = rs };

	app_push(rs->base.app, form_new(rs->base.app, &spec));
}

static int reg_action(struct screen *s, enum action a)
{
	struct register_screen *rs = (struct register_screen *)s;
	const struct rec_row *cur = listview_current(&rs->lv);
	struct error err = { 0 };
	char what[300];
	int rc = 0;

	switch (a) {
	case ACTION_SEARCH:
		rs->typing = true;
		return SCREEN_REDRAW;
	case ACTION_CLEAR:
		lineedit_clear(&rs->search);
		rc = reopen(rs, &err);
		break;
	case ACTION_OPEN:
		if (cur == NULL)
			return SCREEN_REDRAW;
		if (rs->kind == REC_ITEM)
			app_push(s->app, detail_screen_new(s->app, cur->no));
		else if (rs->kind == REC_DOCUMENT)
			app_push(s->app, doc_screen_new(s->app, cur->no));
		else
			open_form(rs, cur->id);
		return SCREEN_REDRAW;
	case ACTION_ADD:
		if (rs->mode == RECLIST_ARCHIVED) {
			app_message(s->app, ROLE_DIM, "%s", _("This list shows the archived records: add in the register (q)"));
			return SCREEN_REDRAW;
		}
		open_form(rs, NULL);
		return SCREEN_REDRAW;
	case ACTION_EDIT:
		if (cur != NULL)
			open_form(rs, cur->id);
		return SCREEN_REDRAW;
	case ACTION_ARCHIVE:
	case ACTION_RESTORE:
		if (cur == NULL)
			return SCREEN_REDRAW;
		if (a == ACTION_ARCHIVE && cur->archived) {
			app_message(s->app, ROLE_DIM, "%s", _("It is archived already: r restores it"));
			return SCREEN_REDRAW;
		}
		if (a == ACTION_RESTORE && !cur->archived) {
			app_message(s->app, ROLE_DIM, "%s", _("It is not archived"));
			return SCREEN_REDRAW;
		}
		if (cur->no > 0)
			snprintf(what, sizeof what, "%s #%ld «%s»", record_kind_name(rs->kind), cur->no, cur->name);
		else
			snprintf(what, sizeof what, "%s «%s»", record_kind_name(rs->kind), cur->name);
		edit_archive(s->app, rs->kind, cur->id, what, a == ACTION_ARCHIVE);
		return SCREEN_REDRAW;
	case ACTION_ARCHIVED:
		if (rs->mode == RECLIST_ARCHIVED)
			return SCREEN_CLOSE | SCREEN_REDRAW;
		rs->mode = rs->mode == RECLIST_ALL ? RECLIST_ACTIVE : RECLIST_ALL;
		rc = reopen(rs, &err);
		break;
	default:
		if (!listview_move(&rs->lv, a, &rc, &err))
			return SCREEN_IGNORED;
		break;
	}
	report(rs, rc, &err);
	return SCREEN_REDRAW;
}

static int reg_idle(struct screen *s)
{
	struct register_screen *rs = (struct register_screen *)s;
	struct error err = { 0 };
	int rc = listview_idle(&rs->lv, &err);

	if (rc == 0)
		return SCREEN_IGNORED;
	if (rc < 0) {
		rs->lv.count = 0;
		if (rs->lv.pos == 0)
			rs->lv.pos = 1;
		report(rs, -1, &err);
	}
	return SCREEN_REDRAW;
}

static int body_rows(struct screen *s)
{
	int h = app_body_rows(s->app) - 1;

	return h > 0 ? h : 1;
}

static void reg_resume(struct screen *s)
{
	struct register_screen *rs = (struct register_screen *)s;
	struct error err = { 0 };

	report(rs, listview_resize(&rs->lv, body_rows(s), &err), &err);
}

static void reg_reload(struct screen *s)
{
	struct register_screen *rs = (struct register_screen *)s;
	struct error err = { 0 };

	report(rs, listview_reload(&rs->lv, &err), &err);
}

static bool reg_lacks(const struct screen *s, enum action a)
{
	const struct register_screen *rs = (const struct register_screen *)s;

	switch (a) {
	case ACTION_EXPAND:
	case ACTION_COLLAPSE:
	case ACTION_FILTER:
	case ACTION_SORT:
	case ACTION_ADD_SUB:
		return true;
	case ACTION_ADD:
	case ACTION_ARCHIVE:
		return rs->mode == RECLIST_ARCHIVED;
	default:
		return false;
	}
}

static void reg_destroy(struct screen *s)
{
	struct register_screen *rs = (struct register_screen *)s;

	listview_close(&rs->lv);
	rec_pager_close(&rs->pager);
	lineedit_free(&rs->search);
	free(rs);
}

static const struct screen_ops register_ops = {
	.name = N_("Register"),
	.title = reg_title,
	.draw = reg_draw,
	.status = reg_status,
	.cursor = reg_cursor,
	.key = reg_key,
	.action = reg_action,
	.idle = reg_idle,
	.resume = reg_resume,
	.reload = reg_reload,
	.destroy = reg_destroy,
	.keymap = KEYMAP_LIST,
	.lacks = reg_lacks,
};

struct screen *register_screen_new(struct app *a, enum record_kind k, bool archived)
{
	struct register_screen *rs = calloc(1, sizeof *rs);
	struct error err = { 0 };

	if (rs == NULL)
		return NULL;
	rs->base.ops = &register_ops;
	rs->base.app = a;
	rs->kind = k;
	rs->mode = archived ? RECLIST_ARCHIVED : RECLIST_ACTIVE;
	rs->search.max = 200;
	name_it(rs);
	if (rec_pager_open(&rs->pager, a->store, k, rs->mode, NULL, &err) != 0 ||
	    listview_open(&rs->lv, &register_rows, rs, body_rows(&rs->base), &err) != 0 ||
	    listview_home(&rs->lv, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		reg_destroy(&rs->base);
		return NULL;
	}
	return &rs->base;
}
