#ifndef HOSO_LINEEDIT_H
#define HOSO_LINEEDIT_H

/*
 * A line of typed text, edited at its end: characters are added, Backspace
 * takes back a whole character with its combining marks, Ctrl-W a word,
 * Ctrl-U everything.
 */

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

struct lineedit {
	char text[256];
	size_t len;
};

/* Empties e. */
void lineedit_clear(struct lineedit *e);

/* Sets the text (cut at a character boundary when too long). */
void lineedit_set(struct lineedit *e, const char *text);

/*
 * Applies key k: returns true when it was an editing key (the text may be
 * unchanged, e.g. Backspace on an empty line), false for any other key.
 */
bool lineedit_key(struct lineedit *e, ui_key k);

#endif
