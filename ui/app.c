#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "editing.h"
#include "i18n.h"
#include "print.h"
#include "settings.h"
#include "screens.h"
#include "store.h"
#include "terminal.h"
#include "text.h"
#include "wrap.h"

int app_push(struct app *a, struct screen *s)
{
	if (s == NULL) {
		/* A constructor that failed has said why (a damaged file); else it ran out of memory. */
		if (a->message[0] == '\0')
			app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
		return -1;
	}
	if (a->depth >= APP_MAX_SCREENS) {
		s->ops->destroy(s);
		app_message(a, ROLE_ERROR, "%s", _("Too many screens open; close some with q"));
		return -1;
	}
	s->app = a;
	a->stack[a->depth++] = s;
	if (s->ops->resume != NULL)
		s->ops->resume(s);
	return 0;
}

struct screen *app_top(struct app *a)
{
	return a->depth > 0 ? a->stack[a->depth - 1] : NULL;
}

struct screen *app_below(struct app *a, struct screen *s)
{
	int i;

	for (i = a->depth - 1; i > 0; i--)
		if (a->stack[i] == s)
			return a->stack[i - 1];
	return NULL;
}

void app_message(struct app *a, int role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_role = role;
}

const char *app_reason(const struct app *a, const char *msg)
{
	const char *path = store_path(a->store);
	size_t n = strlen(path);

	if (strncmp(msg, path, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		return msg + n + 2;
	return msg;
}

bool app_input_pending(struct app *a)
{
	return a->term != NULL && term_pending(a->term);
}

/* A count streams through many pages; a small cache is all it needs. */
#define READER_CACHE_KIB 512

struct store *app_reader(struct app *a)
{
	struct error err = { 0 };

	if (a->reader == NULL && !a->no_reader &&
	    store_open_reader(&a->reader, a->store, READER_CACHE_KIB, &err) != 0)
		a->no_reader = true;
	return a->reader != NULL ? a->reader : a->store;
}

int app_body_rows(const struct app *a)
{
	return a->canvas->rows - 2;
}

/*
 * Takes s off the stack (wherever it is: a menu may have opened another
 * above it) and frees it, without asking it; the screen that comes on top
 * is resumed when resume is set.
 */
static void remove_screen(struct app *a, struct screen *s, bool resume)
{
	int i;

	for (i = a->depth - 1; i >= 0; i--) {
		if (a->stack[i] != s)
			continue;
		memmove(a->stack + i, a->stack + i + 1, (size_t)(a->depth - i - 1) * sizeof *a->stack);
		a->depth--;
		s->ops->destroy(s);
		s = app_top(a);
		if (resume && i == a->depth && s != NULL && s->ops->resume != NULL)
			s->ops->resume(s);
		return;
	}
}

bool app_close(struct app *a, struct screen *s)
{
	int i;

	for (i = 0; i < a->depth && a->stack[i] != s; i++)
		;
	if (i == a->depth)
		return false;
	if (s->ops->close != NULL && s->ops->close(s) == SCREEN_NOT_NOW)
		return false;
	remove_screen(a, s, !a->quit);
	return true;
}

bool app_quit(struct app *a)
{
	bool removed = false;

	while (a->depth > 0) {
		struct screen *top = app_top(a);

		if (top->ops->close != NULL && top->ops->close(top) == SCREEN_NOT_NOW) {
			/* It stays: what is on top now is shown again, as after back. */
			top = app_top(a);
			if (removed && top->ops->resume != NULL)
				top->ops->resume(top);
			return false;
		}
		remove_screen(a, top, false);
		removed = true;
	}
	a->quit = true;
	return true;
}

void app_save_drafts(struct app *a, bool all)
{
	int i;

	for (i = a->depth - 1; i >= 0; i--) {
		struct screen *s = a->stack[i];

		if (s->ops->save_draft == NULL)
			continue;
		if (!all && s->ops->dirty != NULL && !s->ops->dirty(s))
			continue;
		s->ops->save_draft(s);
	}
}

static void draw_too_small(struct canvas *c)
{
	char msg[512];
	size_t n, off = 0;
	int y = 0;

	snprintf(msg, sizeof msg,
	         _("The window is too small: hoso needs at least %d×%d (now %d×%d). Make it larger, or press q to quit."),
	         APP_MIN_COLS, APP_MIN_ROWS, c->cols, c->rows);
	c->ops->clear(c);
	n = strlen(msg);
	while (off < n && y < c->rows) {
		size_t next, len = wrap_line(msg + off, n - off, c->cols, &next);
		char line[512];

		snprintf(line, sizeof line, "%.*s", (int)len, msg + off);
		canvas_put(c, y++, 0, c->cols, line, ROLE_MESSAGE, 0);
		if (next == 0)
			break;
		off += next;
	}
}

static void draw_title(struct app *a, struct canvas *c, struct screen *base, struct screen *top)
{
	char left[1024], help[128], keys[64];
	int hw;

	snprintf(left, sizeof left, " hoso · %s", base->ops->title(base));
	keymap_describe(a->keys, top->ops->keymap, ACTION_HELP, keys, sizeof keys);
	if (keys[0] != '\0')
		snprintf(help, sizeof help, "%s: %s ", strtok(keys, ","), _("help"));
	else
		help[0] = '\0';
	hw = text_width(help);
	canvas_fill(c, 0, 0, c->cols, ROLE_TITLE);
	canvas_put(c, 0, 0, c->cols - hw - 1, left, ROLE_TITLE, TEXT_ELLIPSIS);
	canvas_put(c, 0, c->cols - hw, hw, help, ROLE_TITLE, 0);
}

static void draw_status(struct app *a, struct canvas *c, struct screen *top)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	int y = c->rows - 1, rw;
	const char *path = store_path(a->store);
	const char *base = strrchr(path, '/');

	if (store_read_only(a->store) != STORE_RO_NO) {
		strbuf_puts(&right, _("[read-only]"));
		strbuf_puts(&right, " ");
	}
	strbuf_puts(&right, base != NULL ? base + 1 : path);
	strbuf_puts(&right, " ");
	canvas_fill(c, y, 0, c->cols, ROLE_STATUS);
	if (a->message[0] != '\0') {
		canvas_put(c, y, 0, c->cols, a->message, a->message_role, TEXT_ELLIPSIS | TEXT_PAD);
	} else {
		if (top->ops->status != NULL)
			top->ops->status(top, &left);
		rw = text_width(strbuf_str(&right));
		if (rw > c->cols / 3)
			rw = c->cols / 3;
		canvas_put(c, y, 0, c->cols - rw - 1, strbuf_str(&left), ROLE_STATUS, TEXT_ELLIPSIS);
		canvas_put(c, y, c->cols - rw, rw, strbuf_str(&right), ROLE_STATUS, TEXT_ELLIPSIS | TEXT_PAD | TEXT_RIGHT);
	}
	strbuf_free(&left);
	strbuf_free(&right);
}

void app_draw(struct app *a, struct canvas *c, const struct screen *leave_out)
{
	struct screen *stack[APP_MAX_SCREENS], *top;
	int i, n = 0, base;

	c->ops->cursor(c, -1, -1);
	if (c->rows < APP_MIN_ROWS || c->cols < APP_MIN_COLS) {
		draw_too_small(c);
		return;
	}
	for (i = 0; i < a->depth; i++)
		if (a->stack[i] != leave_out)
			stack[n++] = a->stack[i];
	if (n == 0)
		return;
	top = stack[n - 1];
	c->ops->clear(c);
	/* Draw from the last full screen up, so that pop-ups lie over it. */
	for (base = n - 1; base > 0 && stack[base]->ops->overlay; base--)
		;
	for (i = base; i < n; i++)
		stack[i]->ops->draw(stack[i], c, 1, c->rows - 2);
	draw_title(a, c, stack[base], top);
	draw_status(a, c, top);
	if (top->ops->overlay) {
		/* The pop-up may have placed the cursor: draw it again on top. */
		top->ops->draw(top, c, 1, c->rows - 2);
	}
	if (top->ops->cursor != NULL)
		top->ops->cursor(top, c);
}

static void draw(struct app *a)
{
	app_draw(a, a->canvas, NULL);
}

static void resize(struct app *a)
{
	int i;

	curses_canvas_resize(a->canvas);
	for (i = 0; i < a->depth; i++)
		if (a->stack[i]->ops->resume != NULL)
			a->stack[i]->ops->resume(a->stack[i]);
}

void app_reload(struct app *a)
{
	int i;

	for (i = 0; i < a->depth; i++)
		if (a->stack[i]->ops->reload != NULL)
			a->stack[i]->ops->reload(a->stack[i]);
}

/* The application's own actions, after the top screen passed on one. */
static int global_action(struct app *a, enum action act)
{
	switch (act) {
	case ACTION_QUIT:
		return SCREEN_QUIT;
	case ACTION_REDRAW:
		app_reload(a);
		term_repaint(a->term);
		return SCREEN_REDRAW;
	case ACTION_SUSPEND:
		term_suspend(a->term);
		resize(a);
		return SCREEN_REDRAW;
	default:
		break;
	}
	if (act == ACTION_UNDO || act == ACTION_REDO) {
		undo_run(a, act == ACTION_REDO);
		return SCREEN_REDRAW;
	}
	if (act == ACTION_DASHBOARD) {
		const char *unit = NULL, *locality = NULL;
		const struct item_view *v = a->depth > 0 ? items_screen_view(a->stack[0], &unit, &locality) : NULL;

		app_push(a, dashboard_screen_new(a, v, unit, locality));
		return SCREEN_REDRAW;
	}
	if (act == ACTION_PRINT) {
		print_screen(a, NULL);
		return SCREEN_REDRAW;
	}
	return SCREEN_IGNORED;
}

/* Sends k to the top screen, then to the application; *handler gets the screen it went to. */
static int dispatch(struct app *a, ui_key k, struct screen **handler)
{
	struct screen *top = app_top(a);
	enum action act;
	int r = SCREEN_IGNORED;

	*handler = top;
	if (top == NULL)
		return SCREEN_QUIT;
	if (k == UIK_REPORT_LIGHT || k == UIK_REPORT_DARK) {
		/* The terminal answered: its background decides the default theme. */
		if (a->ctx->settings.theme == THEME_DEFAULT)
			curses_canvas_set_theme(a->canvas, k == UIK_REPORT_LIGHT ? THEME_LIGHT : THEME_DARK);
		return SCREEN_REDRAW;
	}
	if (top->ops->key != NULL)
		r = top->ops->key(top, k);
	if (r != SCREEN_IGNORED)
		return r;
	act = keymap_lookup(a->keys, top->ops->keymap, k);
	if (act == ACTION_NONE) {
		char name[32];

		ui_key_name(k, name, sizeof name);
		if (k == UIK_UNKNOWN)
			app_message(a, ROLE_DIM, "%s", _("The terminal sent a key hoso does not know; it was ignored"));
		else if (k & UIK_PASTED)
			app_message(a, ROLE_DIM, "%s", _("Pasted text goes into a search or a field; here it was ignored"));
		else if (name[0] == '\0')
			app_message(a, ROLE_DIM, "%s", _("This key does nothing here (press ? for help)"));
		else
			app_message(a, ROLE_DIM, _("%s does nothing here (press ? for help)"), name);
		return SCREEN_REDRAW;
	}
	if (action_edits(act) && store_read_only(a->store) != STORE_RO_NO) {
		/* Refused before any screen sees it: no form opens on a read-only database. */
		app_message(a, ROLE_ERROR, "%s",
		            _("Read-only: this database cannot be changed here (opened with --read-only, or the file is not writable)"));
		return SCREEN_REDRAW;
	}
	r = top->ops->action(top, act);
	if (r != SCREEN_IGNORED)
		return r;
	switch (act) {
	case ACTION_HELP:
		app_push(a, help_screen_new(a, top));
		return SCREEN_REDRAW;
	case ACTION_DOCUMENTS:
		app_push(a, docs_screen_new(a));
		return SCREEN_REDRAW;
	case ACTION_UNITS:
	case ACTION_LOCALITIES:
		app_push(a, register_screen_new(a, act == ACTION_UNITS ? REC_UNIT : REC_LOCALITY, false));
		return SCREEN_REDRAW;
	case ACTION_BACK:
		return SCREEN_CLOSE;
	default:
		break;
	}
	r = global_action(a, act);
	if (r == SCREEN_IGNORED) {
		app_message(a, ROLE_DIM, _("%s does nothing on this screen"), action_name(act));
		r = SCREEN_REDRAW;
	}
	return r;
}

/*
 * Background work waits this long after a screen is sent: the terminal (or
 * sshd) gets the CPU to pass the screen on, and a key typed meanwhile is
 * answered first.
 */
#define IDLE_DELAY_MS 15

/* How often, with nothing else to do, hoso looks whether another clerk saved a change. */
#define WATCH_MS 1000

/* True when another connection changed the file since the last call. */
static bool data_changed(struct app *a)
{
	long v;

	if (store_data_version(a->store, &v, NULL) != 0)
		return false;
	if (a->data_version != 0 && v != a->data_version) {
		a->data_version = v;
		return true;
	}
	a->data_version = v;
	return false;
}

/* Keys typed ahead are handled before the screen is drawn, but not for longer than this. */
#define TYPEAHEAD_MAX_MS 100

static long long clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_idle_drafts(struct app *a, long long now_ms)
{
	if (now_ms - a->draft_ms < APP_DRAFT_MS)
		return;
	app_save_drafts(a, false);
	a->draft_ms = now_ms;
}

bool app_handle_event(struct app *a, enum term_event ev, ui_key k, int sig)
{
	struct screen *top = app_top(a), *handler;
	int r;

	switch (ev) {
	case TERM_NONE:
		return false;
	case TERM_SIGNAL:
	case TERM_EOF:
		/* Nobody is there to answer a question: keep what can be kept, and go. */
		app_save_drafts(a, true);
		a->exit_status = ev == TERM_SIGNAL ? 128 + sig : 1;
		a->quit = true;
		return false;
	case TERM_SUSPEND:
		term_suspend(a->term);
		resize(a);
		return true;
	case TERM_RESUMED:
		term_resume(a->term);
		resize(a);
		return true;
	case TERM_RESIZE:
		resize(a);
		return true;
	case TERM_KEY:
		break;
	}
	if (top == NULL) {
		a->quit = true;
		return false;
	}
	if (k != UIK_REPORT_LIGHT && k != UIK_REPORT_DARK)
		a->message[0] = '\0'; /* a key read it; the terminal's answer, coming late, is no key */
	if (a->canvas->rows < APP_MIN_ROWS || a->canvas->cols < APP_MIN_COLS) {
		enum action act = keymap_lookup(a->keys, top->ops->keymap, k);

		if (act == ACTION_BACK || act == ACTION_QUIT)
			app_quit(a);
		return true;
	}
	r = dispatch(a, k, &handler);
	if (r & SCREEN_QUIT)
		app_quit(a);
	else if (r & SCREEN_CLOSE)
		app_close(a, handler);
	return true;
}

int app_run(struct app *a)
{
	bool dirty = true, idle_done = false;
	long long undrawn_since = 0;

	if (a->notice[0] != '\0')
		app_message(a, ROLE_MESSAGE, "%s", a->notice);
	data_changed(a); /* the version the first screen shows */
	a->draft_ms = clock_ms();
	while (!a->quit && a->depth > 0) {
		struct screen *top = app_top(a);
		bool idle_wanted = top->ops->idle != NULL && !idle_done;
		enum term_event ev;
		ui_key k = 0;
		int sig = 0, r;

		/* Keys typed ahead (a held key, a paste) are read before drawing once. */
		if (dirty && (!term_pending(a->term) ||
		              (undrawn_since != 0 && clock_ms() - undrawn_since > TYPEAHEAD_MAX_MS))) {
			draw(a);
			term_flush(a->term, !idle_wanted && !term_pending(a->term));
			dirty = false;
			undrawn_since = 0;
		} else if (dirty && undrawn_since == 0) {
			undrawn_since = clock_ms();
		}
		/* Typing without a pause long enough for idle time keeps drafts too, once shown. */
		if (!dirty)
			app_idle_drafts(a, clock_ms());
		ev = term_read(a->term, idle_wanted ? IDLE_DELAY_MS : WATCH_MS, &k, &sig);
		if (ev == TERM_NONE) {
			app_idle_drafts(a, clock_ms());
			if (!idle_wanted && data_changed(a)) {
				/* Another clerk saved: every screen reads its data again. */
				app_reload(a);
				idle_done = false;
				dirty = true;
				continue;
			}
			if (idle_wanted) {
				r = top->ops->idle(top);
				if (r & SCREEN_REDRAW)
					dirty = true;
				if (r == SCREEN_IGNORED) {
					idle_done = true;
					if (!dirty) {
						/* Nothing more to do: say the screen is final. */
						term_flush(a->term, !term_pending(a->term));
					}
				}
			}
			continue;
		}
		if (ev == TERM_KEY || ev == TERM_RESIZE)
			idle_done = false;
		if (app_handle_event(a, ev, k, sig))
			dirty = true;
	}
	/* Quitting asked them all; a signal or the terminal's end asks none. */
	while (a->depth > 0)
		remove_screen(a, app_top(a), false);
	return a->exit_status;
}
