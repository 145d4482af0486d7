#ifndef HOSO_LINEEDIT_H
#define HOSO_LINEEDIT_H

/*
 * One line of typed text with a cursor: the field editor of every search
 * line and form field. The cursor moves by whole characters (a letter with
 * its combining marks); Home, End, Left, Right, Backspace, Delete, Ctrl-W
 * (the word before), Ctrl-U (everything before), Ctrl-K (everything after),
 * a word left and right (Ctrl-Left and Ctrl-Right, Alt-b and Alt-f). A
 * combining mark typed after a letter is composed with it, so the text is
 * always NFC whatever the input method sends. Pasted text goes in with its
 * line breaks and tabs made spaces; control characters are refused, never
 * stored. Shown in a width of cells, the line scrolls to keep the cursor in
 * view. A zeroed struct is an empty line; lineedit_free releases it.
 *
 * With `lines` set it holds several lines (a form's notes): Enter and a
 * pasted line break start a new line, Home and End go to the start and end
 * of the line, and the text is shown as rows of a width (lineedit_layout),
 * the cursor moved between them with lineedit_vertical.
 */

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

/* The most a line takes unless told otherwise (bytes of UTF-8). */
#define LINEEDIT_MAX 4000

struct lineedit {
	char *text;    /* owned; NULL until something is typed (lineedit_text gives "") */
	size_t len;    /* bytes */
	size_t cap;
	size_t cursor; /* byte offset, always at a character boundary */
	size_t max;    /* 0: LINEEDIT_MAX */
	int scroll;    /* the first cell shown; with lines: the first row */
	bool lines;    /* several lines (see above) */
};

enum lineedit_result {
	LINEEDIT_IGNORED = 0, /* not an editing key: let the screen have it */
	LINEEDIT_MOVED,       /* the cursor moved (or nothing changed) */
	LINEEDIT_CHANGED,     /* the text changed */
	LINEEDIT_REFUSED,     /* a control character, or the line is full: nothing changed */
};

/* Empties e (keeps its memory). */
void lineedit_clear(struct lineedit *e);

/* Frees what e holds and zeroes it. */
void lineedit_free(struct lineedit *e);

/*
 * Sets the text (made NFC, cut at a character boundary when longer than the
 * maximum), the cursor at its end. Returns 0, or -1 when out of memory (e
 * unchanged).
 */
int lineedit_set(struct lineedit *e, const char *text);

/* The text, never NULL. */
const char *lineedit_text(const struct lineedit *e);

/* Applies key k. */
enum lineedit_result lineedit_key(struct lineedit *e, ui_key k);

/*
 * The part of the line shown in width cells, scrolled so that the cursor is
 * in view: written to out (outsz bytes, inert, NUL-terminated); *cursor_col
 * gets the cursor's cell (0 .. width - 1). Updates e->scroll.
 */
void lineedit_view(struct lineedit *e, int width, char *out, size_t outsz, int *cursor_col);

/* A row of text as lineedit_layout cuts it: bytes [off, off + len) of the text. */
struct lineedit_row {
	size_t off, len;
};

/*
 * Cuts the text into rows of at most width cells (a line break ends a row
 * too), filling up to max of them into rows (may be NULL with max 0).
 * Returns how many rows there are in all (at least 1); *cursor_row and
 * *cursor_col get where the cursor is (a full row's end is the start of
 * the next).
 */
int lineedit_layout(const struct lineedit *e, int width, struct lineedit_row *rows, int max,
                    int *cursor_row, int *cursor_col);

/*
 * Moves the cursor one row up (dir < 0) or down (dir > 0) in rows of width
 * cells, to the column nearest the one it is in. Returns true when it
 * moved, false on the first (last) row: the key is then the screen's.
 */
bool lineedit_vertical(struct lineedit *e, int width, int dir);

/*
 * The rows first .. first + n - 1 of the text in rows of width cells, each
 * written inert into out[i] (outsz bytes each), scrolled (e->scroll) so
 * that the cursor's row is among them; *cursor_row (0 .. n - 1) and
 * *cursor_col say where the cursor is shown. Returns the number of rows
 * written.
 */
int lineedit_view_rows(struct lineedit *e, int width, int n, char (*out)[512], int *cursor_row,
                       int *cursor_col);

#endif
