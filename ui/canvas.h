#ifndef HOSO_CANVAS_H
#define HOSO_CANVAS_H

/*
 * Where screens draw: a grid of cells that is either the terminal (through
 * curses) or plain text (for printing a screen and for tests). Screens draw
 * UTF-8 text fitted to a width; the canvas never lets a control character
 * through (see text.h). Roles name what a cell shows; the terminal canvas
 * turns them into colours and attributes, the text canvas ignores them.
 */

#include <stdbool.h>

enum role {
	ROLE_NORMAL,
	ROLE_TITLE,       /* the top line */
	ROLE_STATUS,      /* the bottom line */
	ROLE_HEADER,      /* column headings */
	ROLE_DIM,
	ROLE_PLANNED,
	ROLE_IN_PROGRESS,
	ROLE_SUSPENDED,
	ROLE_DONE,
	ROLE_CANCELLED,
	ROLE_OVERDUE,
	ROLE_BAR,         /* the filled part of a progress bar */
	ROLE_BAR_EMPTY,
	ROLE_MESSAGE,
	ROLE_ERROR,
	ROLE_SECTION,
	ROLE_LABEL,
	ROLE_POPUP,
	ROLE_INPUT,
	ROLE_COUNT
};

/* Or'ed into a role: the cell belongs to the selected line. */
#define ROLE_SELECTED 0x100

struct canvas;

struct canvas_ops {
	/* Text fitted to width cells (text_fit flags) at y, x. */
	void (*put)(struct canvas *c, int y, int x, int width, const char *text, int role, int flags);
	/* width cells of blank at y, x. */
	void (*fill)(struct canvas *c, int y, int x, int width, int role);
	/* A frame around the rectangle (top, left, height, width), its inside blank. */
	void (*frame)(struct canvas *c, int top, int left, int height, int width, int role);
	/* Blanks everything. */
	void (*clear)(struct canvas *c);
	/* Shows the text cursor at y, x; y < 0 hides it. */
	void (*cursor)(struct canvas *c, int y, int x);
};

struct canvas {
	const struct canvas_ops *ops;
	int rows, cols;
	bool colour; /* false: bars and marks drawn with characters, not colours */
};

static inline void canvas_put(struct canvas *c, int y, int x, int width, const char *text,
                              int role, int flags)
{
	c->ops->put(c, y, x, width, text, role, flags);
}

static inline void canvas_fill(struct canvas *c, int y, int x, int width, int role)
{
	c->ops->fill(c, y, x, width, role);
}

/* ------------------------------------------------------------------ plain text */

struct text_canvas;

/* A text canvas of rows × cols cells, or NULL when out of memory. */
struct text_canvas *text_canvas_new(int rows, int cols);

/* Its canvas, to draw on. */
struct canvas *text_canvas_canvas(struct text_canvas *t);

/*
 * The drawing as text: one line per row, trailing blanks removed, each line
 * ended by "\n". A new string the caller frees, or NULL when out of memory.
 */
char *text_canvas_string(const struct text_canvas *t);

/* Frees *t and sets it to NULL; accepts NULL. */
void text_canvas_free(struct text_canvas **t);

/* ------------------------------------------------------------------ the terminal */

/*
 * The canvas over curses' stdscr, sized to the terminal; its roles get
 * colours (theme: THEME_DEFAULT or THEME_LIGHT) or, with colour false,
 * attributes only. Call after the screen has started. NULL when out of
 * memory. Free with curses_canvas_free.
 */
struct canvas *curses_canvas_new(bool colour, int theme);

/* Colours for another theme (THEME_DEFAULT or THEME_LIGHT); nothing without colours. */
void curses_canvas_set_theme(struct canvas *c, int theme);

/* Takes the terminal's size again (after a resize). */
void curses_canvas_resize(struct canvas *c);

/* Frees *c and sets it to NULL; accepts NULL. */
void curses_canvas_free(struct canvas **c);

#endif
