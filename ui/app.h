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

#define APP_MAX_SCREENS 16
#define APP_MIN_ROWS 12
#define APP_MIN_COLS 40

struct terminal;

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
};

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

/* True when a key or a signal waits to be read (long work should stop). */
bool app_input_pending(struct app *a);

/*
 * The connection for long reads in the background (store_open_reader),
 * opened the first time it is asked for; the main store when it cannot be
 * opened (the counts are then slower after, not wrong).
 */
struct store *app_reader(struct app *a);

/* Runs the loop until the clerk quits or a signal ends it. Returns the exit status. */
int app_run(struct app *a);

/* The rows a screen's body has: the terminal's, less the top and status lines. */
int app_body_rows(const struct app *a);

#endif
