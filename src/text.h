#ifndef HOSO_TEXT_H
#define HOSO_TEXT_H

/*
 * UTF-8 text as a terminal shows it: decoding, display width in cells and
 * fitting into a number of cells without splitting a character from its
 * combining marks. Whatever a terminal would act on never passes through:
 * control characters become inert, visible forms (ESC becomes "^[", the C1
 * control CSI "<9B>"), and so do the bidirectional formatting characters,
 * which would reorder the text around them ("<U+202E>"); a tab is a space.
 * Widths are certain: what joins emoji into one picture of a width each
 * terminal decides for itself (the zero-width joiner, the variation
 * selectors U+FE0E and U+FE0F, the skin-tone modifiers, the tag characters)
 * is not drawn, so that each emoji stands alone, and a regional indicator
 * (half a flag) is drawn as its letter. A combining mark with no character
 * before it is drawn on a space, and counts one cell, so that it cannot
 * fall onto the cell to its left.
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
 * The inert form of a code point that must not reach the terminal as it is:
 * "^@".."^_" for C0 controls but " " for a tab, "^?" for DEL, "<80>".."<9F>"
 * for C1 controls, "<U+202E>" and the like for the bidirectional formatting
 * characters (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), "A".."Z"
 * for the regional indicators; NULL for any other code point. Always ASCII:
 * its length is its width.
 */
const char *text_inert(uint32_t cp);

/*
 * Cells one code point takes: 0 for combining and zero-width marks and for
 * what is not drawn (the emoji joiners above), 2 for wide characters, 1
 * otherwise; a code point with an inert form counts as that form, and an
 * unprintable one as U+FFFD (1 cell).
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

/*
 * s as text_fit draws it, whole: every character a terminal would act on in
 * its inert form, malformed UTF-8 as U+FFFD, the emoji joiners left out. The
 * one rendering of every message hoso writes to standard error, and of data
 * in its text output. s NULL is taken as "". Returns a new string the caller
 * frees, or NULL when out of memory.
 */
char *text_inert_dup(const char *s);

/*
 * The first n bytes of s in Unicode normalization form C (precomposed: "e"
 * U+0302 U+0301 becomes "ế"), as hoso stores text. Returns a new string the
 * caller frees, and its length in *outlen (may be NULL); NULL when out of
 * memory or when s is not valid UTF-8.
 */
char *text_nfc_dup(const char *s, size_t n, size_t *outlen);

/* True when s (n bytes) is well-formed UTF-8 with no NUL byte. */
bool utf8_valid(const char *s, size_t n);

#endif
