#ifndef HOSO_FOLD_H
#define HOSO_FOLD_H

/*
 * Folding for search: Unicode compatibility normalization (NFKC: a
 * fullwidth "Ｈải" is "Hải", "ﬁ" is "fi", "①" is "1"), then lower case,
 * every diacritic removed (the Vietnamese tones and the marks of ă â ê ô ơ
 * ư, and the accents of other Latin letters), đ and Đ to d. Precomposed (NFC) and decomposed (NFD) input fold
 * to the same text, so "THẠCH CAO", "Thạch Cao" and "thach cao" are one, and
 * "dinh vu" is the fold of "Đình Vũ". Folding does not depend on the locale.
 */

#include <stddef.h>

/*
 * Folds the n bytes at s into out (outsz bytes, NUL-terminated when
 * outsz > 0). Malformed UTF-8 becomes U+FFFD. Returns the length the whole
 * result needs, not counting the NUL; if that is >= outsz the result was cut
 * at a character boundary.
 */
size_t fold_into(const char *s, size_t n, char *out, size_t outsz);

/*
 * Folds the NUL-terminated string s into a new string the caller frees.
 * Returns NULL when s is NULL or memory runs out.
 */
char *fold_dup(const char *s);

#endif
