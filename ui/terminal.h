#ifndef HOSO_TERMINAL_H
#define HOSO_TERMINAL_H

/*
 * The terminal: started in raw mode (so Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z
 * reach the program as keys), the keys read and decoded by hoso itself
 * (input.h: every terminal's sequences, a short Esc delay, bracketed paste),
 * line drawing that works in PuTTY and the Linux console; and restored on
 * every way out: a normal exit, SIGTERM, SIGHUP, SIGINT, a suspension
 * (Ctrl-Z, then fg), and a crash or failed assertion (SIGABRT, SIGSEGV …).
 * On a terminal without an alternate screen (linux, vt100) the screen is
 * cleared on the way out.
 */

#include <stdbool.h>

#include "error.h"
#include "keymap.h"

struct settings;
struct terminal;

enum term_event {
	TERM_NONE,   /* nothing within the timeout */
	TERM_KEY,    /* *key holds a key */
	TERM_RESIZE, /* the terminal changed size */
	TERM_SIGNAL, /* *sig ended the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT) */
	TERM_SUSPEND, /* SIGTSTP came: call term_suspend */
	TERM_RESUMED, /* SIGCONT came (after a stop from outside): call term_resume, redraw */
	TERM_EOF,    /* the terminal went away */
};

/*
 * Takes over the terminal. Fails (with err) when standard input or output
 * is not a terminal, TERM is not set, or the terminal type is unknown or
 * cannot place the cursor (dumb); then nothing has changed. Free with
 * term_stop.
 */
int term_start(struct terminal **out, const struct settings *s, struct error *err);

/* Gives the terminal back as it was; accepts NULL. */
void term_stop(struct terminal **t);

/* True when the screen uses colours. */
bool term_colour(const struct terminal *t);

/*
 * Waits up to timeout_ms (-1: for ever) for a key, a resize or a signal.
 */
enum term_event term_read(struct terminal *t, int timeout_ms, ui_key *key, int *sig);

/* True when a key or a signal is waiting. */
bool term_pending(struct terminal *t);

/* Makes the next flush repaint the whole screen (after Ctrl-L). */
void term_repaint(struct terminal *t);

/*
 * Gives the terminal back and stops the program as the shell's job control
 * expects (Ctrl-Z); returns when it is continued (fg), the terminal taken
 * again. Draw the whole screen after.
 */
void term_suspend(struct terminal *t);

/* Takes the terminal again after the program was stopped from outside and continued. */
void term_resume(struct terminal *t);

/*
 * Sends the drawing to the terminal, and tells $HOSO_FRAME_FD it did: one
 * line "N idle" or "N busy" (N counts the frames from 1), idle when no key
 * waits and the screen has no background work left, so that a test knows
 * the screen is final. With $HOSO_FRAME_TITLE set, the same goes into the
 * terminal's title ("hoso-frame-N-idle"), after the screen's bytes, so that
 * a test reading the terminal (tmux) knows the screen has all arrived.
 */
void term_flush(struct terminal *t, bool idle);

#endif
