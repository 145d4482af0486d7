#ifndef HOSO_SCREEN_H
#define HOSO_SCREEN_H

/*
 * A screen is a small object: a struct of functions filled with designated
 * initializers and a struct screen at the start of each screen's own state.
 * The application keeps a stack of them; keys go to the top one.
 */

#include <stdbool.h>

#include "actions.h"
#include "canvas.h"
#include "keymap.h"
#include "strbuf.h"

/* What a handler answers, as flags. */
enum screen_result {
	SCREEN_IGNORED = 0, /* not mine: let the next handler try */
	SCREEN_HANDLED = 1,
	SCREEN_REDRAW = 2,  /* handled; draw again */
	SCREEN_CLOSE = 4,   /* take this screen off the stack */
	SCREEN_QUIT = 8,    /* leave the application */
};

/* What a screen answers when asked whether it may be taken off the stack. */
enum screen_close {
	SCREEN_MAY_CLOSE = 0,
	SCREEN_NOT_NOW = 1, /* it keeps its place (it may have opened a confirmation) */
};

struct app;
struct screen;

struct screen_ops {
	/* What the screen is, for the help ("Item list"; an msgid); NULL: its title. */
	const char *name;
	/* The name on the top line (translated). */
	const char *(*title)(struct screen *s);
	/* Draws rows top .. top + height - 1 of the canvas. */
	void (*draw)(struct screen *s, struct canvas *c, int top, int height);
	/* The status line: what the screen shows on the left (may be NULL). */
	void (*status)(struct screen *s, struct strbuf *left);
	/* Places the terminal's cursor, after everything is drawn (a field being typed in); may be NULL. */
	void (*cursor)(struct screen *s, struct canvas *c);
	/* A key before the keymap turns it into an action (text entry); may be NULL. */
	int (*key)(struct screen *s, ui_key k);
	/* An action; SCREEN_IGNORED when the screen has no use for it. */
	int (*action)(struct screen *s, enum action a);
	/*
	 * Work to do while no key waits (counting rows): SCREEN_REDRAW when it
	 * changed what is shown, SCREEN_IGNORED when nothing is left to do. May
	 * be NULL.
	 */
	int (*idle)(struct screen *s);
	/* The terminal changed size, or the screen is on top again. May be NULL. */
	void (*resume)(struct screen *s);
	/* Reads its data again (Ctrl-L: another clerk changed it). May be NULL. */
	void (*reload)(struct screen *s);
	/*
	 * Asked before the screen is taken off the stack (back, Esc, quit, F10):
	 * SCREEN_MAY_CLOSE, or SCREEN_NOT_NOW to stay (a form with changes
	 * opens a confirmation instead). Quitting asks every screen from the
	 * top and stops at the first that refuses. Not asked when a signal or
	 * the terminal going away ends the program. NULL: it always may.
	 */
	int (*close)(struct screen *s);
	/*
	 * True when the screen holds changes not saved anywhere (a form being
	 * filled in): the run loop then calls save_draft every APP_DRAFT_MS
	 * once the screen is drawn, while typing too. NULL: save_draft is
	 * called then and decides itself.
	 */
	bool (*dirty)(struct screen *s);
	/*
	 * Keeps the screen's unsaved changes where they survive the program (a
	 * draft file). Called every few seconds (see dirty), and on every screen when
	 * a signal (SIGTERM, SIGHUP …) or the terminal going away ends the
	 * program, before it exits. Must be quick and must not draw. Returns 0,
	 * or -1 (a message says why, when there is a screen to show it). May be
	 * NULL.
	 */
	int (*save_draft)(struct screen *s);
	/* Frees the screen. */
	void (*destroy)(struct screen *s);
	/*
	 * The keymap the screen's keys are looked up in before the generic one;
	 * the help lists its actions, then the generic ones.
	 */
	enum keymap_id keymap;
	/*
	 * True for an action of the screen's keymap that this screen does not do
	 * (the documents register shares the list's keymap, not its search): the
	 * help leaves it out. May be NULL.
	 */
	bool (*lacks)(const struct screen *s, enum action a);
	/* Drawn over the screen below it (a pop-up). */
	bool overlay;
};

struct screen {
	const struct screen_ops *ops;
	struct app *app;
};

#endif
