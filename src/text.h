#ifndef HOSO_TEXT_H
#define HOSO_TEXT_H

/*
 * UTF-8 text as a terminal shows it: decoding, display width in cells and
 * fitting into a number of cells without splitting a character from its
 * combining marks. Control characters and escape sequences never pass
 * through: they are turned into inert, visible forms (ESC becomes "^[").
 * A combining mark with no character before it is drawn on a space, and
 * counts one cell, so that it cannot fall onto the cell to its left.
 * Widths follow the C library's wcwidth() in the current LC_CTYPE, which the
 * program sets to a UTF-8 locale before it draws anything.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one character from s, which holds n > 0 bytes. Stores the code
 * point in *cp, or U+FFFD for a malformed, overlong, truncated or surrogate
 * sequence, and returns the bytes consumed (1 to 4; 1 for a bad lead byte).
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp as UTF-8 into out; U+FFFD for an invalid code point. Returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/*
 * The inert form of a code point that must not reach the terminal: "^@".."^_"
 * for C0 controls, "^?" for DEL, "<80>".."<9F>" for C1 controls; NULL for
 * any other code point.
 */
const char *text_inert(uint32_t cp);

/*
 * Cells one code point takes: 0 for combining and zero-width marks, 2 for
 * wide characters, 1 otherwise; a control character counts as its inert
 * form, and an unprintable one as U+FFFD (1 cell).
 */
int text_cp_width(uint32_t cp);

/* Display width in cells of the first n bytes of s (NULL counts as 0). */
int text_width_n(const char *s, size_t n);

/* Display width in cells of the NUL-terminated string s (NULL counts as 0). */
int text_width(const char *s);

enum text_fit_flags {
	TEXT_ELLIPSIS = 1 << 0, /* when s is cut, end with "…" */
	TEXT_PAD = 1 << 1,      /* pad with spaces to exactly cols cells */
	TEXT_RIGHT = 1 << 2,    /* with TEXT_PAD: pad on the left */
};

/*
 * Writes into out (outsz bytes, always NUL-terminated when outsz > 0) the
 * longest leading part of s that fits in cols cells, keeping each character
 * with its combining marks, replacing control characters by their inert
 * forms and malformed UTF-8 by U+FFFD. A wide character that would straddle
 * the edge is left out (and with TEXT_PAD its cell padded). Returns the cells
 * written. If out is too small the text is cut at a character boundary.
 * s NULL is taken as "".
 */
int text_fit(const char *s, int cols, int flags, char *out, size_t outsz);

/*
 * Like text_fit with TEXT_ELLIPSIS and no padding, into a new string of
 * exactly the size needed. Returns NULL when out of memory; the caller frees.
 */
char *text_fit_dup(const char *s, int cols);

/* True when s (n bytes) is well-formed UTF-8 with no NUL byte. */
bool utf8_valid(const char *s, size_t n);

#endif
