#ifndef HOSO_INPUT_H
#define HOSO_INPUT_H

/*
 * What a terminal sends, turned into keys. The bytes read from the terminal
 * are fed in as they come; whole keys come out: UTF-8 characters, control
 * keys, and the escape sequences of xterm, PuTTY, rxvt, screen, tmux and the
 * Linux console, with their Shift, Alt and Ctrl modifiers. A sequence that is
 * complete but means no key comes out as UIK_UNKNOWN, never as Esc followed
 * by letters; only an Esc that nothing follows within the escape delay is
 * Esc. Text pasted between the terminal's bracketed-paste marks comes out
 * with UIK_PASTED set on each character. The terminal's answers to queries
 * (its background colour) come out as report keys. Nothing here needs
 * curses, so it is tested on byte strings.
 */

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

#define INPUT_BUFSZ 4096

struct input {
	unsigned char buf[INPUT_BUFSZ];
	size_t len;
	bool paste; /* between ESC [ 200 ~ and ESC [ 201 ~ */
};

/* Empties in. */
void input_init(struct input *in);

/*
 * Appends up to n bytes; returns how many were taken (fewer when the buffer
 * is full: take keys out with input_next first).
 */
size_t input_feed(struct input *in, const void *bytes, size_t n);

/*
 * Takes the next key out of in. Returns true and *key when a whole key was
 * there. Returns false when in is empty, or when what it holds is the start
 * of a sequence that more bytes may complete (input_partial): then wait the
 * escape delay for more, and if none comes call again with timed_out true,
 * which takes what is there as it is (a lone Esc, an Alt-less character, a
 * truncated sequence as UIK_UNKNOWN, a truncated UTF-8 character as U+FFFD).
 */
bool input_next(struct input *in, bool timed_out, ui_key *key);

/* True when bytes wait in in (a whole key or the start of one). */
bool input_pending(const struct input *in);

#endif
