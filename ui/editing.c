#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "change.h"
#include "draft.h"
#include "editing.h"
#include "form.h"
#include "i18n.h"
#include "lineedit.h"
#include "menu.h"
#include "store.h"
#include "text.h"

/* ------------------------------------------------------------------ undo and redo */

/* "title, status" as the fields' labels ("Title, Status"). */
static void labels_of(enum record_kind k, const char *names, char *out, size_t n)
{
	char copy[256], *p, *save = NULL;
	size_t len = 0;

	snprintf(copy, sizeof copy, "%s", names);
	out[0] = '\0';
	for (p = strtok_r(copy, ", ", &save); p != NULL; p = strtok_r(NULL, ", ", &save)) {
		const struct field *f = field_named(k, p, NULL);

		if (len < n)
			len += (size_t)snprintf(out + len, n - len, "%s%s", len > 0 ? ", " : "",
			                        f != NULL ? _(f->label) : strcmp(p, "comment") == 0 ? _("a comment") : p);
	}
}

/* A time in ms since 1970 as "dd/mm/yyyy hh:mm" in the local time. */
static void stamp(long long ms, char out[32])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(out, 32, "%d/%m/%Y %H:%M", &tm) == 0)
		snprintf(out, 32, "?");
}

/* "item #12" or "unit" */
static void record_words(enum record_kind k, long no, char *out, size_t n)
{
	if (no > 0)
		snprintf(out, n, "%s #%ld", record_kind_name(k), no);
	else
		snprintf(out, n, "%s", record_kind_name(k));
}

static void run_undo(struct app *a, bool redo, bool force);

static void on_overwrite(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	(void)all;
	(void)n;
	if (ok && chosen != NULL && chosen->value > 0)
		run_undo(ctx, chosen->value == 2, true);
}

static void run_undo(struct app *a, bool redo, bool force)
{
	struct error err = { 0 };
	struct undo_result res;
	char what[64], fields[300];

	if (change_undo(a->store, redo, force, &res, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	record_words(res.kind, res.no, what, sizeof what);
	switch (res.outcome) {
	case UNDO_DONE:
		labels_of(res.kind, res.fields, fields, sizeof fields);
		app_reload(a);
		if (redo)
			app_message(a, ROLE_MESSAGE, _("Redone: %s, %s (u undoes it again)"), what, fields);
		else
			app_message(a, ROLE_MESSAGE, _("Undone: %s, %s (u again goes further back; U redoes)"), what, fields);
		return;
	case UNDO_NOTHING:
		app_message(a, ROLE_DIM, "%s", redo ? _("Nothing to redo") : _("You have no change left to undo"));
		return;
	case UNDO_INVALID:
		app_message(a, ROLE_ERROR, _("It cannot be undone: %s"), res.why);
		return;
	case UNDO_OVERWRITES: {
		struct menu_entry e[2];
		char title[512], when[32];

		labels_of(res.kind, res.other_field, fields, sizeof fields);
		stamp(res.other_at, when);
		snprintf(title, sizeof title, _("%s changed %s of %s on %s, after you"),
		         res.other_login[0] != '\0' ? res.other_login : _("Another clerk"), fields, what, when);
		memset(e, 0, sizeof e);
		e[0].label = redo ? (char *)_("Keep their change: do not redo") : (char *)_("Keep their change: do not undo");
		e[0].value = 0;
		e[1].label = redo ? (char *)_("Redo anyway (their change is overwritten)")
		                  : (char *)_("Undo anyway (their change is overwritten)");
		e[1].value = redo ? 2 : 1;
		app_push(a, menu_new(a, title, e, 2, 0, false, on_overwrite, a));
		return;
	}
	}
}

void undo_run(struct app *a, bool redo)
{
	run_undo(a, redo, false);
}

/* ------------------------------------------------------------------ archive and restore */

static void archive_now(struct app *a, enum record_kind k, const char *id, bool archive)
{
	struct error err = { 0 };
	struct save_result res;
	char what[64];

	if (record_archive(a->store, k, id, archive, &res, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	record_words(k, res.no, what, sizeof what);
	if (res.outcome == SAVE_DONE) {
		app_reload(a);
		if (archive)
			app_message(a, ROLE_MESSAGE, _("Archived %s; it stays in the file (X shows the archived, u undoes)"),
			            what);
		else
			app_message(a, ROLE_MESSAGE, _("Restored %s"), what);
	} else if (res.outcome == SAVE_UNCHANGED) {
		app_message(a, ROLE_DIM, "%s", archive ? _("It was archived already") : _("It was not archived"));
	} else if (res.nerrors > 0) {
		app_message(a, ROLE_ERROR, "%s", res.errors[0].msg);
	} else {
		app_message(a, ROLE_ERROR, "%s", _("Another clerk changed it meanwhile: try again"));
	}
	save_result_clear(&res);
}

static void on_archive(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	(void)all;
	(void)n;
	if (ok && chosen != NULL && chosen->value >= 0)
		archive_now(ctx, (enum record_kind)chosen->value, chosen->key, true);
}

void edit_archive(struct app *a, enum record_kind k, const char *id, const char *what, bool archive)
{
	struct menu_entry e[2];
	char title[512];

	if (!archive) {
		archive_now(a, k, id, false);
		return;
	}
	snprintf(title, sizeof title, _("Archive %s?"), what);
	memset(e, 0, sizeof e);
	e[0].label = (char *)_("No, keep it");
	e[0].value = -1;
	e[1].label = (char *)_("Archive it (it leaves the lists and stays in the file)");
	e[1].value = (long)k;
	snprintf(e[1].key, sizeof e[1].key, "%s", id);
	app_push(a, menu_new(a, title, e, 2, 0, false, on_archive, a));
}

/* ------------------------------------------------------------------ the comment box */

struct comment_box {
	struct screen base;
	char item_id[UUID_LEN + 1];
	long no;
	char *item_title;             /* the item's title, for the draft's offer; owned; may be NULL */
	char title[128];
	struct lineedit edit;
	bool discard;
	int cy, cx;
	char *draft_path;             /* where the comment is kept until added; owned; NULL: nowhere */
	unsigned long edits, drafted; /* changes typed, and how many of them the draft holds */
};

static long long wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The comment is added or thrown away: its draft goes. */
static void box_drop_draft(struct comment_box *b)
{
	if (b->draft_path != NULL)
		draft_remove(b->draft_path);
	b->drafted = b->edits;
}

static const char *box_title(struct screen *s)
{
	return ((struct comment_box *)s)->title;
}

static void box_draw(struct screen *s, struct canvas *c, int top, int height)
{
	struct comment_box *b = (struct comment_box *)s;
	char rows[6][512];
	int w = c->cols - 8, h = 6 + 2, left, y0, n, r, crow, ccol;

	if (w > 76)
		w = 76;
	left = (c->cols - w) / 2;
	y0 = top + (height - h) / 2;
	c->ops->frame(c, y0, left, h, w, ROLE_POPUP);
	canvas_put(c, y0, left + 2, w - 4, b->title, ROLE_SECTION, TEXT_ELLIPSIS);
	n = lineedit_view_rows(&b->edit, w - 4, 6, rows, &crow, &ccol);
	for (r = 0; r < 6; r++)
		canvas_put(c, y0 + 1 + r, left + 2, w - 4, r < n ? rows[r] : "", ROLE_INPUT, TEXT_PAD);
	b->cy = y0 + 1 + crow;
	b->cx = left + 2 + ccol;
}

static void box_cursor(struct screen *s, struct canvas *c)
{
	struct comment_box *b = (struct comment_box *)s;

	if (s->app->message[0] == '\0')
		c->ops->cursor(c, b->cy, b->cx);
}

static void box_status(struct screen *s, struct strbuf *left)
{
	(void)s;
	strbuf_puts(left, _(" F2: add the comment · Enter: a new line · Esc: cancel"));
}

static int box_key(struct screen *s, ui_key k)
{
	struct comment_box *b = (struct comment_box *)s;
	int width = s->app->canvas->cols - 12;

	if (k == UIK_UP || k == UIK_DOWN) {
		lineedit_vertical(&b->edit, width > 10 ? (width > 72 ? 72 : width) : 10, k == UIK_UP ? -1 : 1);
		return SCREEN_REDRAW;
	}
	switch (lineedit_key(&b->edit, k)) {
	case LINEEDIT_IGNORED:
		return SCREEN_IGNORED;
	case LINEEDIT_REFUSED:
		app_message(s->app, ROLE_DIM, "%s", _("Refused: control characters are not stored, or the field is full"));
		return SCREEN_REDRAW;
	case LINEEDIT_CHANGED:
		b->edits++;
		return SCREEN_REDRAW;
	default:
		return SCREEN_REDRAW;
	}
}

static int box_action(struct screen *s, enum action act)
{
	struct comment_box *b = (struct comment_box *)s;
	struct error err = { 0 };
	char change_id[UUID_LEN + 1], why[256] = "";
	int rc;

	switch (act) {
	case ACTION_SAVE:
		rc = comment_add(s->app->store, b->item_id, lineedit_text(&b->edit), change_id, why, sizeof why, &err);
		if (rc < 0) {
			app_message(s->app, ROLE_ERROR, _("Not saved, what you typed is kept (F2 tries again): %s"),
			            app_reason(s->app, err.msg));
			return SCREEN_REDRAW;
		}
		if (rc > 0) {
			app_message(s->app, ROLE_ERROR, _("Not added: %s"), why);
			return SCREEN_REDRAW;
		}
		b->discard = true;
		box_drop_draft(b);
		app_reload(s->app);
		app_message(s->app, ROLE_MESSAGE, "%s", _("Comment added (u takes it back)"));
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case ACTION_CANCEL:
	case ACTION_BACK:
		return SCREEN_CLOSE | SCREEN_REDRAW;
	case ACTION_HELP:
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_SUSPEND:
		return SCREEN_IGNORED;
	default:
		return SCREEN_HANDLED;
	}
}

static void on_box_leave(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct comment_box *b = ctx;

	(void)all;
	(void)n;
	if (ok && chosen != NULL && chosen->value == 1) {
		b->discard = true;
		box_drop_draft(b);
		app_close(b->base.app, &b->base);
	}
}

static int box_close(struct screen *s)
{
	struct comment_box *b = (struct comment_box *)s;
	struct menu_entry e[2];

	if (b->discard || b->edit.len == 0) {
		box_drop_draft(b);
		return SCREEN_MAY_CLOSE;
	}
	memset(e, 0, sizeof e);
	e[0].label = (char *)_("Keep writing");
	e[1].label = (char *)_("Throw the comment away");
	e[1].value = 1;
	app_push(s->app, menu_new(s->app, _("The comment is not added yet. Leave?"), e, 2, 0, false, on_box_leave, b));
	return SCREEN_NOT_NOW;
}

static bool box_dirty(struct screen *s)
{
	struct comment_box *b = (struct comment_box *)s;

	return b->edits != b->drafted;
}

/* Keeps the comment typed so far in its draft (none when nothing is typed). */
static int box_save_draft(struct screen *s)
{
	struct comment_box *b = (struct comment_box *)s;
	struct error err = { 0 };
	struct draft d;
	int rc = 0;

	if (b->draft_path == NULL || b->discard)
		return 0;
	if (b->edit.len == 0) {
		box_drop_draft(b);
		return 0;
	}
	draft_init(&d, REC_ITEM);
	d.db = draft_db_name(store_path(s->app->store));
	d.comment = strdup(lineedit_text(&b->edit));
	snprintf(d.login, sizeof d.login, "%s", store_login(s->app->store));
	snprintf(d.id, sizeof d.id, "%s", b->item_id);
	snprintf(d.base.id, sizeof d.base.id, "%s", b->item_id);
	d.no = d.base.no = b->no;
	d.saved_ms = wall_ms();
	if (d.db == NULL || d.comment == NULL ||
	    (b->item_title != NULL && record_set(&d.base, F_ITEM_TITLE, b->item_title) != 0))
		rc = error_set(&err, ERROR_RUNTIME, _("out of memory"));
	else
		rc = draft_write(b->draft_path, &d, &err);
	draft_clear(&d);
	if (rc != 0) {
		app_message(s->app, ROLE_ERROR, _("The draft could not be kept: %s"), err.msg);
		return -1;
	}
	b->drafted = b->edits;
	return 0;
}

static void box_destroy(struct screen *s)
{
	struct comment_box *b = (struct comment_box *)s;

	lineedit_free(&b->edit);
	free(b->draft_path);
	free(b->item_title);
	free(b);
}

static const struct screen_ops box_ops = {
	.name = N_("Comment"),
	.title = box_title,
	.draw = box_draw,
	.status = box_status,
	.cursor = box_cursor,
	.key = box_key,
	.action = box_action,
	.close = box_close,
	.dirty = box_dirty,
	.save_draft = box_save_draft,
	.destroy = box_destroy,
	.keymap = KEYMAP_FORM,
	.overlay = true,
};

/* A comment box on the item with key item_id, its draft file placed; NULL when out of memory. */
static struct comment_box *box_new(struct app *a, const char *item_id, long no, const char *title)
{
	struct error err = { 0 };
	struct comment_box *b = calloc(1, sizeof *b);
	char *dir, *db;

	if (b == NULL)
		return NULL;
	b->base.ops = &box_ops;
	b->base.app = a;
	b->edit.lines = true;
	b->edit.max = 16000;
	b->no = no;
	snprintf(b->item_id, sizeof b->item_id, "%s", item_id);
	snprintf(b->title, sizeof b->title, _("A comment on item #%ld"), no);
	if (title != NULL && (b->item_title = strdup(title)) == NULL) {
		free(b);
		return NULL;
	}
	dir = draft_dir(&err); /* no data directory: the comment has no draft */
	db = draft_db_name(store_path(a->store));
	if (dir != NULL && db != NULL)
		b->draft_path = draft_comment_file(dir, db, item_id);
	free(dir);
	free(db);
	return b;
}

void edit_comment(struct app *a, const char *item_id, long no, const char *title)
{
	struct comment_box *b = box_new(a, item_id, no, title);

	if (b == NULL) {
		app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	app_push(a, &b->base);
}

/* The comment box again as draft d left it (d is emptied); NULL when out of memory. */
static struct screen *comment_from_draft(struct app *a, struct draft *d)
{
	struct comment_box *b = box_new(a, d->id, d->no, record_get(&d->base, F_ITEM_TITLE));

	if (b == NULL || lineedit_set(&b->edit, d->comment) != 0) {
		if (b != NULL)
			box_destroy(&b->base);
		draft_clear(d);
		return NULL;
	}
	free(b->draft_path);
	b->draft_path = d->path; /* the same file, whatever its name */
	d->path = NULL;
	draft_clear(d);
	b->edits = b->drafted = 1; /* as kept: written again only when something more is typed */
	return &b->base;
}

/* ------------------------------------------------------------------ drafts left over */

struct offer {
	struct app *app;
	struct draft *v;
	int n, next;
};

static void offer_free(struct offer *o)
{
	int i;

	for (i = 0; i < o->n; i++)
		draft_clear(&o->v[i]);
	free(o->v);
	free(o);
}

/* "item #12 «Title»", "a new unit «Name»" for a draft. */
static void draft_words(const struct draft *d, char *out, size_t n)
{
	int nf;
	const struct field *fs = fields_of(d->kind, &nf);
	const char *name = NULL;
	char shown[96];
	int i;

	/* The first text field names the record: the title, the subject, the name. */
	for (i = 0; i < nf && name == NULL; i++) {
		if (fs[i].type != FT_TEXT || !(fs[i].flags & F_REQUIRED))
			continue;
		name = d->typed[i] != NULL && d->typed[i][0] != '\0' ? d->typed[i] : record_get(&d->base, i);
	}
	text_fit(name != NULL ? name : "", 24, TEXT_ELLIPSIS, shown, sizeof shown);
	if (d->comment != NULL)
		snprintf(out, n, _("a comment on item #%ld «%s»"), d->no, shown);
	else if (d->id[0] == '\0')
		snprintf(out, n, _("a new %s «%s»"), record_kind_name(d->kind), shown);
	else if (d->no > 0)
		snprintf(out, n, "%s #%ld «%s»", record_kind_name(d->kind), d->no, shown);
	else
		snprintf(out, n, "%s «%s»", record_kind_name(d->kind), shown);
}

static void offer_next(struct offer *o);

static void on_offer(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all, int n)
{
	struct offer *o = ctx;
	struct draft *d = &o->v[o->next - 1];
	struct app *a = o->app;

	(void)all;
	(void)n;
	if (ok && chosen != NULL && chosen->value == 1) {
		/* Either takes the draft over. */
		app_push(a, d->comment != NULL ? comment_from_draft(a, d) : form_from_draft(a, d));
	} else if (ok && chosen != NULL && chosen->value == 2) {
		if (draft_remove(d->path) != 0)
			app_message(a, ROLE_ERROR, _("%s: could not be removed"), d->path);
		else
			app_message(a, ROLE_DIM, "%s", _("The draft was thrown away"));
	} else {
		app_message(a, ROLE_DIM, _("The draft is kept in %s"), d->path);
	}
	offer_next(o);
}

/* Asks about the next draft, or frees the offer when none is left. */
static void offer_next(struct offer *o)
{
	struct app *a = o->app;
	struct menu_entry e[3];
	struct draft *d;
	char title[512], what[256], when[32];

	if (o->next >= o->n) {
		offer_free(o);
		return;
	}
	d = &o->v[o->next++];
	draft_words(d, what, sizeof what);
	stamp(d->saved_ms, when);
	snprintf(title, sizeof title, _("Not saved: %s, typed %s"), what, when);
	memset(e, 0, sizeof e);
	e[0].label = d->comment != NULL ? (char *)_("Open the comment again with what was typed")
	                                : (char *)_("Open the form again with what was typed");
	e[0].value = 1;
	e[1].label = (char *)_("Throw the draft away");
	e[1].value = 2;
	e[2].label = (char *)_("Later: keep the draft");
	e[2].value = 3;
	if (app_push(a, menu_new(a, title, e, 3, 0, false, on_offer, o)) != 0)
		offer_free(o);
}

void drafts_offer(struct app *a)
{
	struct error err = { 0 };
	struct offer *o;
	char *dir, *db, note[1024];
	int bad = 0;

	dir = draft_dir(&err);
	db = draft_db_name(store_path(a->store));
	o = calloc(1, sizeof *o);
	if (dir == NULL || db == NULL || o == NULL ||
	    draft_find(dir, db, store_login(a->store), &o->v, &o->n, &bad, note, sizeof note, &err) != 0) {
		free(dir);
		free(db);
		free(o);
		return; /* no data directory: no drafts either */
	}
	free(dir);
	free(db);
	o->app = a;
	if (bad > 0)
		snprintf(a->notice, sizeof a->notice, _("A damaged draft was left aside (%s)"), note);
	if (o->n > 0 && store_read_only(a->store) != STORE_RO_NO) {
		snprintf(a->notice, sizeof a->notice,
		         ngettext("%d form not saved is kept as a draft: open hoso without --read-only to get it back",
		                  "%d forms not saved are kept as drafts: open hoso without --read-only to get them back", o->n),
		         o->n);
		offer_free(o);
		return;
	}
	offer_next(o);
}
