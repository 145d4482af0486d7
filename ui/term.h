#ifndef HOSO_TERM_H
#define HOSO_TERM_H

/*
 * The terminal: started in raw mode (so Ctrl-S and Ctrl-Q reach the
 * program), keypad on, a short Esc delay, PuTTY's and xterm's Home, End and
 * function keys both understood, line drawing that works in PuTTY and the
 * Linux console; and restored on every way out: a normal exit, SIGTERM,
 * SIGHUP, SIGINT, and a crash or failed assertion (SIGABRT, SIGSEGV …).
 */

#include <stdbool.h>

#include "error.h"
#include "keymap.h"

struct settings;
struct term;

enum term_event {
	TERM_NONE,   /* nothing within the timeout */
	TERM_KEY,    /* *key holds a key */
	TERM_RESIZE, /* the terminal changed size */
	TERM_SIGNAL, /* *sig ended the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT) */
	TERM_EOF,    /* the terminal went away */
};

/*
 * Takes over the terminal. Fails (with err) when standard input or output
 * is not a terminal or the terminal type is unknown; then nothing has
 * changed. Free with term_stop.
 */
int term_start(struct term **out, const struct settings *s, struct error *err);

/* Gives the terminal back as it was; accepts NULL. */
void term_stop(struct term **t);

/* True when the screen uses colours. */
bool term_colour(const struct term *t);

/*
 * Waits up to timeout_ms (-1: for ever) for a key, a resize or a signal.
 */
enum term_event term_read(struct term *t, int timeout_ms, ui_key *key, int *sig);

/* True when a key or a signal is waiting. */
bool term_pending(struct term *t);

/* Makes the next flush repaint the whole screen (after Ctrl-L). */
void term_repaint(struct term *t);

/* Sends the drawing to the terminal, and tells $HOSO_FRAME_FD it did. */
void term_flush(struct term *t);

#endif
