#ifndef HOSO_SEARCH_H
#define HOSO_SEARCH_H

/*
 * What a clerk types into a search, as a query: the text is folded (see
 * fold.h) and cut into words at spaces and punctuation; an item matches when
 * every word begins a word of its folded search text. Every word counts,
 * however many there are. "thach cao",
 * "THẠCH CAO" and "Thạch" find "Thạch cao phospho"; "dinh vu" finds
 * "Đình Vũ"; "36-nq" finds "36-NQ/TW".
 */

#include <stdbool.h>
#include <stddef.h>

struct search_query;

/*
 * Compiles text (UTF-8, may be NULL) into *out. Returns 0; *out is NULL when
 * the text holds no word (then nothing is to be filtered). Returns -1 when
 * out of memory. Free with search_free.
 */
int search_compile(const char *text, struct search_query **out);

/* The query as an FTS5 MATCH expression: "w1"* "w2"* … */
const char *search_fts(const struct search_query *q);

/*
 * The query as an FTS5 MATCH expression of its long words only (three bytes
 * or more, folded): a word of one or two letters begins so many words that
 * the index merges huge lists for it, so the caller tests it on the rows the
 * long words find. All the words when none is long. The rows it finds are a
 * superset of the matches.
 */
const char *search_fts_long(const struct search_query *q);

/* True when q has a long word (see search_fts_long). */
bool search_has_long(const struct search_query *q);

/* The number of words in q. */
int search_words(const struct search_query *q);

/* True when every word of q begins a word of the folded text (n bytes). */
bool search_match(const struct search_query *q, const char *folded, size_t n);

/*
 * Where to begin showing title (NUL-terminated) in cols cells so that the
 * first of its words that a word of q begins can be seen: 0 when it shows
 * from the start (or q is NULL, or no word of the title matches); otherwise
 * the byte offset of a word start before the match, leaving about a third of
 * the width to the words before it. The caller then shows "…" (one cell) and
 * the title from there, fitted to the cells left. Widths are those of text.h.
 */
size_t search_window(const struct search_query *q, const char *title, int cols);

/* Frees *q and sets it to NULL; accepts NULL. */
void search_free(struct search_query **q);

/* True when the code point cp is part of a word (not a separator). */
bool search_is_word_char(unsigned cp);

#endif
