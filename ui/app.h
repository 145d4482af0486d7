#ifndef HOSO_APP_H
#define HOSO_APP_H

/*
 * The running application: the context, the key map, the canvas and the
 * stack of screens; the loop that reads keys, dispatches them (the top
 * screen first, then the application's own actions) and draws.
 */

#include <stdbool.h>

#include "canvas.h"
#include "context.h"
#include "keymap.h"
#include "screen.h"
#include "terminal.h"

#define APP_MAX_SCREENS 16
#define APP_MIN_ROWS 12
#define APP_MIN_COLS 40

struct app {
	struct context *ctx;
	struct store *store;
	struct store *reader; /* for counts in the background; see app_reader */
	bool no_reader;       /* it could not be opened: do not try again */
	long data_version;    /* the file's data version last seen (0: none yet) */
	struct keymap *keys;
	struct canvas *canvas;
	struct terminal *term;
	struct screen *stack[APP_MAX_SCREENS];
	int depth;
	char message[512];
	int message_role;
	bool quit;
	int exit_status;
	char *programme;    /* the programme's title */
	char notice[512];   /* shown once at the start (a created database, a locale note) */
	long long draft_ms; /* when drafts were last saved (the loop's clock) */
};

/* How often screens with unsaved changes save a draft (while typing too). */
#define APP_DRAFT_MS 3000

/*
 * Puts s on top of the stack (the app owns it from now on). Returns 0, or
 * -1 when s is NULL or the stack is full (s is freed; a message says so).
 */
int app_push(struct app *a, struct screen *s);

/* The screen on top, or NULL. */
struct screen *app_top(struct app *a);

/* The screen under s on the stack, or NULL. */
struct screen *app_below(struct app *a, struct screen *s);

/* Shows a one-line message on the status line until the next key. */
void app_message(struct app *a, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * msg without the database's path before it ("/srv/h.db: the disk is
 * full…" → "the disk is full…"): the status line names the file already.
 */
const char *app_reason(const struct app *a, const char *msg);

/* True when a key or a signal waits to be read (long work should stop). */
bool app_input_pending(struct app *a);

/*
 * The connection for long reads in the background (store_open_reader),
 * opened the first time it is asked for; the main store when it cannot be
 * opened (the counts are then slower after, not wrong).
 */
struct store *app_reader(struct app *a);

/*
 * Asks s whether it may close (screen_ops.close) and, when it may, takes
 * it off the stack and frees it. Returns true when it was closed.
 */
bool app_close(struct app *a, struct screen *s);

/*
 * Quitting: asks every screen from the top whether it may close, closing
 * each that agrees; stops at the first that refuses. Returns true (and
 * sets a->quit) when none is left.
 */
bool app_quit(struct app *a);

/*
 * Calls save_draft on the screens from the top: on every one with all
 * (the program is ending), else on those whose dirty says they have
 * unsaved changes (or that have no dirty).
 */
void app_save_drafts(struct app *a, bool all);

/*
 * Once the screen is drawn (in idle time, and between keys typed without
 * a pause): the drafts of the screens with unsaved changes, when
 * APP_DRAFT_MS have passed since the last time (now_ms and a->draft_ms on
 * one monotonic clock in milliseconds).
 */
void app_idle_drafts(struct app *a, long long now_ms);

/*
 * Acts on one event of the terminal (term_read): a key dispatched to the
 * top screen then to the application, a resize, a suspension, a signal or
 * the terminal going away (drafts saved, then a->quit set). TERM_NONE does
 * nothing. Returns true when the screen must be drawn again. Screens and
 * tests can drive the application with it without a terminal (keys and
 * signals only: a resize or a suspension needs one).
 */
bool app_handle_event(struct app *a, enum term_event ev, ui_key k, int sig);

/* Runs the loop until the clerk quits or a signal ends it. Returns the exit status. */
int app_run(struct app *a);

/*
 * Draws what the clerk sees on c: the screens of the stack but leave_out
 * (may be NULL), with the top and status lines. The terminal's canvas is
 * drawn so; printing draws a text canvas of the same size.
 */
void app_draw(struct app *a, struct canvas *c, const struct screen *leave_out);

/* Every screen reads its data again (Ctrl-L, a save, another clerk's change). */
void app_reload(struct app *a);

/* The rows a screen's body has: the terminal's, less the top and status lines. */
int app_body_rows(const struct app *a);

#endif
