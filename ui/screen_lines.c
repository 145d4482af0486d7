#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "editing.h"
#include "form.h"
#include "record.h"
#include "documents.h"
#include "i18n.h"
#include "itemdetail.h"
#include "itemlayout.h"
#include "screens.h"
#include "store.h"
#include "text.h"
#include "wrap.h"

/*
 * The detail of an item or of a document: lines of text (detailtext.h),
 * wrapped to the width, scrolled with a cursor line; Enter follows the
 * cursor line's link to a sub-item, a parent or a document.
 */

#define DETAIL_LIST_LIMIT 500
/* Sub-items read at a time: two screens' worth; Enter on "… and N more" reads the next ones. */
#define CHILD_PAGE_MIN 20

enum lines_of { LINES_TEXT, LINES_ITEM, LINES_DOCUMENT };

struct vline {
	int d;           /* index into lines */
	size_t off, len; /* the piece of the text this visual line shows */
	bool first;      /* the first visual line of its line */
};

struct lines_screen {
	struct screen base;
	enum lines_of of;
	long no;
	char title[256];
	struct dlines lines;
	int label_w;
	struct vline *v;
	int nv, capv;
	int width, height;
	int top, cursor;
	/* The item's sub-items: its key, how many (-1: not counted yet), how many shown, the last. */
	char item_id[UUID_LEN + 1];
	long children_total;
	int children_shown;
	long last_child;
	bool count_failed;
};

static int push_vline(struct lines_screen *ls, int d, size_t off, size_t len, bool first)
{
	if (ls->nv == ls->capv) {
		int cap = ls->capv != 0 ? ls->capv * 2 : 64;
		struct vline *v = realloc(ls->v, (size_t)cap * sizeof *v);

		if (v == NULL)
			return -1;
		ls->v = v;
		ls->capv = cap;
	}
	ls->v[ls->nv].d = d;
	ls->v[ls->nv].off = off;
	ls->v[ls->nv].len = len;
	ls->v[ls->nv].first = first;
	ls->nv++;
	return 0;
}

/* The cells before the text of line d (label or bullet). */
static int indent_of(const struct lines_screen *ls, const struct dline *d)
{
	switch (d->kind) {
	case DL_FIELD:
		return ls->width > ls->label_w + 12 ? ls->label_w + 2 : 0;
	case DL_ENTRY:
	case DL_NOTE:
		return 4;
	default:
		return 0;
	}
}

static void wrap_all(struct lines_screen *ls, int width)
{
	int i;

	ls->width = width;
	ls->nv = 0;
	for (i = 0; i < ls->lines.n; i++) {
		const struct dline *d = &ls->lines.v[i];
		size_t n = strlen(d->text), off = 0;
		int w = width - indent_of(ls, d);
		bool first = true;

		if (d->kind == DL_FIELD && indent_of(ls, d) == 0) {
			/* Too narrow for a label column: the label on a line of its own. */
			if (push_vline(ls, i, 0, 0, true) != 0)
				return;
			first = false;
			w = width - 2;
		}
		if (n == 0) {
			if (push_vline(ls, i, 0, 0, first) != 0)
				return;
			continue;
		}
		while (off < n) {
			size_t next, len = wrap_line(d->text + off, n - off, w, &next);

			if (push_vline(ls, i, off, len, first) != 0)
				return;
			first = false;
			if (next == 0)
				break;
			off += next;
		}
	}
	if (ls->cursor >= ls->nv)
		ls->cursor = ls->nv > 0 ? ls->nv - 1 : 0;
}

static const char *lines_title(struct screen *s)
{
	return ((struct lines_screen *)s)->title;
}

static int line_role(const struct dline *d)
{
	switch (d->kind) {
	case DL_TITLE:
	case DL_SECTION:
		return ROLE_SECTION;
	case DL_NOTE:
		return ROLE_DIM;
	case DL_ENTRY:
		return d->status != 0 ? list_status_role(d->status) : ROLE_NORMAL;
	case DL_FIELD:
		return d->status != 0 ? list_status_role(d->status) : ROLE_NORMAL;
	default:
		return ROLE_NORMAL;
	}
}

static void keep_cursor_visible(struct lines_screen *ls)
{
	if (ls->height <= 0)
		return;
	if (ls->cursor < ls->top)
		ls->top = ls->cursor;
	if (ls->cursor >= ls->top + ls->height)
		ls->top = ls->cursor - ls->height + 1;
	if (ls->top > ls->nv - ls->height)
		ls->top = ls->nv - ls->height > 0 ? ls->nv - ls->height : 0;
	if (ls->top < 0)
		ls->top = 0;
}

static void lines_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct lines_screen *ls = (struct lines_screen *)s;
	int i;

	if (c->cols != ls->width)
		wrap_all(ls, c->cols);
	ls->height = height;
	keep_cursor_visible(ls);
	for (i = 0; i < height && ls->top + i < ls->nv; i++) {
		const struct vline *v = &ls->v[ls->top + i];
		const struct dline *d = &ls->lines.v[v->d];
		int y = top + i, sel = ls->top + i == ls->cursor ? ROLE_SELECTED : 0;
		int indent = indent_of(ls, d), x = 0;
		char *piece = strndup(d->text + v->off, v->len);

		if (sel)
			canvas_fill(c, y, 0, c->cols, ROLE_NORMAL | sel);
		if (d->kind == DL_FIELD && indent == 0) {
			if (v->first) {
				canvas_put(c, y, 0, c->cols, d->label, ROLE_LABEL | sel, TEXT_ELLIPSIS);
				free(piece);
				continue;
			}
			x = 2;
		} else if (d->kind == DL_FIELD) {
			if (v->first) {
				char label[256];

				snprintf(label, sizeof label, "%s:", d->label);
				canvas_put(c, y, 0, indent, label, ROLE_LABEL | sel, TEXT_PAD);
			}
			x = indent;
		} else if (d->kind == DL_ENTRY || d->kind == DL_NOTE) {
			if (v->first && d->kind == DL_ENTRY)
				canvas_put(c, y, 2, 2, (d->item_no != 0 || d->doc_no != 0) ? ">" : "-",
				           ROLE_DIM | sel, 0);
			x = indent;
		}
		canvas_put(c, y, x, c->cols - x, piece != NULL ? piece : "", line_role(d) | sel, 0);
		free(piece);
	}
}

static void lines_status(struct screen *s, struct strbuf *left)
{
	struct lines_screen *ls = (struct lines_screen *)s;

	strbuf_printf(left, _(" Line %d/%d"), ls->nv > 0 ? ls->cursor + 1 : 0, ls->nv);
	if (ls->nv > 0) {
		const struct dline *d = &ls->lines.v[ls->v[ls->cursor].d];

		if (d->more_children)
			strbuf_printf(left, " · %s", _("Enter: show the next sub-items"));
		else if (d->item_no != 0)
			strbuf_printf(left, " · %s", _("Enter: open this item"));
		else if (d->doc_no != 0)
			strbuf_printf(left, " · %s", _("Enter: open this document"));
	}
}

static void move(struct lines_screen *ls, int delta)
{
	ls->cursor += delta;
	if (ls->cursor >= ls->nv)
		ls->cursor = ls->nv - 1;
	if (ls->cursor < 0)
		ls->cursor = 0;
	keep_cursor_visible(ls);
}

/* The line of the sub-items' note and that of their heading (-1: none). */
static int more_line(const struct lines_screen *ls, int *section)
{
	int i;

	for (i = 0; i < ls->lines.n; i++) {
		if (ls->lines.v[i].more_children) {
			*section = i - ls->children_shown - 1;
			return i;
		}
	}
	*section = -1;
	return -1;
}

static int child_page(const struct lines_screen *ls)
{
	int n = 2 * app_body_rows(ls->base.app);

	return n > CHILD_PAGE_MIN ? n : CHILD_PAGE_MIN;
}

/* Enter on "… and N more": the next sub-items, read through the index, before the note. */
static void more_children(struct lines_screen *ls)
{
	struct app *a = ls->base.app;
	struct error err = { 0 };
	struct detail_child *v;
	int n = child_page(ls), got, more, section, i;

	more = more_line(ls, &section);
	v = calloc((size_t)n, sizeof *v);
	if (more < 0 || v == NULL) {
		free(v);
		return;
	}
	got = item_children_read(a->store, ls->item_id, a->ctx->today, ls->last_child, v, n, &err);
	if (got < 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
	} else if (got > 0 && dlines_insert_children(&ls->lines, more, v, got) != 0) {
		app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
	} else if (got == 0) {
		ls->children_total = ls->children_shown; /* gone meanwhile */
		dlines_children_counted(&ls->lines, section, -1, ls->children_total, ls->children_shown);
		dlines_remove(&ls->lines, more);
		ls->width = 0;
	} else {
		ls->children_shown += got;
		ls->last_child = v[got - 1].no;
		more += got;
		if (got < n) /* the last of them: the count is known now */
			ls->children_total = ls->children_shown;
		if (dlines_children_counted(&ls->lines, section, more, ls->children_total,
		                            ls->children_shown) != 0)
			app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
		if (ls->children_total >= 0 && ls->children_total <= ls->children_shown)
			dlines_remove(&ls->lines, more); /* all shown: no note */
		ls->width = 0; /* wrap again */
	}
	for (i = 0; i < got; i++)
		detail_child_clear(&v[i]);
	free(v);
}

/* e edits the item or document shown; c adds a comment to an item. */
static int lines_edit(struct lines_screen *ls, enum action a)
{
	struct app *ap = ls->base.app;
	enum record_kind k = ls->of == LINES_ITEM ? REC_ITEM : REC_DOCUMENT;

	if (ls->of == LINES_TEXT || (a == ACTION_COMMENT && ls->of != LINES_ITEM))
		return SCREEN_IGNORED;
	if (a == ACTION_EDIT) {
		struct form_spec spec = { .kind = k, .no = ls->no };

		app_push(ap, form_new(ap, &spec));
	} else {
		struct error err = { 0 };
		struct record r;

		if (record_load_no(ap->store, REC_ITEM, ls->no, &r, &err) == 1)
			edit_comment(ap, r.id, ls->no, record_get(&r, F_ITEM_TITLE));
		else
			app_message(ap, ROLE_ERROR, "%s", err.msg[0] != '\0' ? err.msg : _("This item is no longer there"));
		record_clear(&r);
	}
	return SCREEN_REDRAW;
}

static int lines_action(struct screen *s, enum action a)
{
	struct lines_screen *ls = (struct lines_screen *)s;
	int page = ls->height > 1 ? ls->height - 1 : 1;

	switch (a) {
	case ACTION_UP:
		move(ls, -1);
		return SCREEN_REDRAW;
	case ACTION_DOWN:
		move(ls, 1);
		return SCREEN_REDRAW;
	case ACTION_PAGE_UP:
		ls->top -= page;
		move(ls, -page);
		return SCREEN_REDRAW;
	case ACTION_PAGE_DOWN:
		ls->top += page;
		move(ls, page);
		return SCREEN_REDRAW;
	case ACTION_HOME:
		move(ls, -ls->nv);
		return SCREEN_REDRAW;
	case ACTION_END:
		move(ls, ls->nv);
		return SCREEN_REDRAW;
	case ACTION_MATRIX:
		if (ls->of != LINES_ITEM)
			return SCREEN_IGNORED;
		app_push(s->app, matrix_screen_new(s->app, ls->no));
		return SCREEN_REDRAW;
	case ACTION_OPEN:
		if (ls->nv > 0) {
			const struct dline *d = &ls->lines.v[ls->v[ls->cursor].d];

			if (d->more_children)
				more_children(ls);
			else if (d->item_no != 0)
				app_push(s->app, detail_screen_new(s->app, d->item_no));
			else if (d->doc_no != 0)
				app_push(s->app, doc_screen_new(s->app, d->doc_no));
			else
				app_message(s->app, ROLE_DIM, "%s",
				            _("Nothing to open on this line: move to a sub-item or a document"));
		}
		return SCREEN_REDRAW;
	case ACTION_EDIT:
	case ACTION_COMMENT:
		return lines_edit(ls, a);
	default:
		return SCREEN_IGNORED;
	}
}

static void lines_destroy(struct screen *s)
{
	struct lines_screen *ls = (struct lines_screen *)s;

	dlines_free(&ls->lines);
	free(ls->v);
	free(ls);
}

static void lines_resume(struct screen *s)
{
	struct lines_screen *ls = (struct lines_screen *)s;

	ls->width = 0; /* wrap again at the next draw */
}

static void lines_reload(struct screen *s);

/* Only an item has localities. */
static bool lines_lacks(const struct screen *s, enum action a)
{
	return a == ACTION_MATRIX && ((const struct lines_screen *)s)->of != LINES_ITEM;
}

static int interrupt(void *ctx)
{
	return app_input_pending(ctx) ? 1 : 0;
}

/* While no key waits: counts the sub-items when there are more than are shown. */
static int lines_idle(struct screen *s)
{
	struct lines_screen *ls = (struct lines_screen *)s;
	struct app *a = s->app;
	struct store *reader;
	struct error err = { 0 };
	long total = 0;
	int more, section, rc;

	if (ls->of != LINES_ITEM || ls->children_total >= 0 || ls->count_failed)
		return SCREEN_IGNORED;
	reader = app_reader(a);
	store_set_interrupt(reader, interrupt, a);
	rc = item_children_count(reader, ls->item_id, &total, &err);
	store_set_interrupt(reader, NULL, NULL);
	if (rc != 0) {
		if (app_input_pending(a))
			return SCREEN_IGNORED; /* a key came: count again later */
		ls->count_failed = true;
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return SCREEN_REDRAW;
	}
	ls->children_total = total;
	more = more_line(ls, &section);
	if (dlines_children_counted(&ls->lines, section, more, total, ls->children_shown) != 0)
		app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
	ls->width = 0; /* wrap again */
	return SCREEN_REDRAW;
}

static const struct screen_ops lines_ops = {
	.name = N_("Detail"),
	.title = lines_title,
	.draw = lines_draw,
	.status = lines_status,
	.action = lines_action,
	.idle = lines_idle,
	.resume = lines_resume,
	.reload = lines_reload,
	.destroy = lines_destroy,
	.keymap = KEYMAP_DETAIL,
	.lacks = lines_lacks,
};

static struct lines_screen *lines_new(struct app *a)
{
	struct lines_screen *ls = calloc(1, sizeof *ls);

	if (ls == NULL)
		return NULL;
	ls->base.ops = &lines_ops;
	ls->base.app = a;
	return ls;
}

/* Reads the lines of the item or document ls shows (again). */
static void load(struct lines_screen *ls)
{
	struct app *a = ls->base.app;
	struct error err = { 0 };
	int rc;

	dlines_free(&ls->lines);
	if (ls->of == LINES_ITEM) {
		struct item_detail d;

		rc = item_detail_load(a->store, ls->no, a->ctx->today, DETAIL_LIST_LIMIT, child_page(ls), &d,
		                      &err);
		if (rc > 0) {
			snprintf(ls->item_id, sizeof ls->item_id, "%s", d.id);
			ls->children_total = d.children.total;
			ls->children_shown = d.children.n;
			ls->last_child = d.children.n > 0 ? d.children.v[d.children.n - 1].no : 0;
			ls->count_failed = false;
			if (detail_lines(&d, a->ctx->settings.date_format, &ls->lines) != 0)
				app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
			item_detail_free(&d);
		} else if (rc == 0) {
			error_set(&err, ERROR_RUNTIME, _("no item number %ld"), ls->no);
		}
		snprintf(ls->title, sizeof ls->title, _("Item #%ld"), ls->no);
	} else {
		rc = document_lines(a->store, ls->no, a->ctx->today, a->ctx->settings.date_format,
		                    DETAIL_LIST_LIMIT, &ls->lines, &err);
		if (rc == 0)
			error_set(&err, ERROR_RUNTIME, _("no document number %ld"), ls->no);
		snprintf(ls->title, sizeof ls->title, _("Document %s"),
		         ls->lines.n > 0 && rc > 0 ? ls->lines.v[0].text : "");
	}
	if (rc <= 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		dlines_add(&ls->lines, DL_NOTE, NULL, err.msg);
	}
	ls->label_w = dlines_label_width(&ls->lines);
	ls->width = 0; /* wrap again at the next draw */
}

static void lines_reload(struct screen *s)
{
	struct lines_screen *ls = (struct lines_screen *)s;

	if (ls->of == LINES_ITEM || ls->of == LINES_DOCUMENT)
		load(ls);
}

struct screen *detail_screen_new(struct app *a, long no)
{
	struct lines_screen *ls = lines_new(a);

	if (ls == NULL)
		return NULL;
	ls->of = LINES_ITEM;
	ls->no = no;
	load(ls);
	return &ls->base;
}

struct screen *doc_screen_new(struct app *a, long no)
{
	struct lines_screen *ls = lines_new(a);

	if (ls == NULL)
		return NULL;
	ls->of = LINES_DOCUMENT;
	ls->no = no;
	load(ls);
	return &ls->base;
}

struct screen *lines_screen_new(struct app *a, const char *title, struct dlines *lines)
{
	struct lines_screen *ls = lines_new(a);

	if (ls == NULL) {
		dlines_free(lines);
		return NULL;
	}
	snprintf(ls->title, sizeof ls->title, "%s", title);
	ls->lines = *lines;
	memset(lines, 0, sizeof *lines);
	ls->label_w = dlines_label_width(&ls->lines);
	return &ls->base;
}
