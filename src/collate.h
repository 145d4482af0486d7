#ifndef HOSO_COLLATE_H
#define HOSO_COLLATE_H

/*
 * Vietnamese alphabetical order, as a clerk expects names to sort:
 *   first level:  a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
 *                 (f j w z in their Latin places; other Latin letters by
 *                 their base letter), digits before letters and runs of
 *                 digits by their numeric value, so "Đề án 2" < "Đề án 10";
 *                 spaces and punctuation before digits;
 *   second level: tones, none < huyền < hỏi < ngã < sắc < nặng,
 *                 compared from the left;
 *   third level:  case, lower before upper.
 * NFC and NFD forms of a text compare equal. The order does not depend on
 * the locale.
 */

#include <stddef.h>

/* Compares a (na bytes) with b (nb bytes); returns <0, 0 or >0. */
int collate_vi(const char *a, size_t na, const char *b, size_t nb);

/*
 * Writes into out (outsz bytes) a sort key for the n bytes at s: comparing
 * two keys with memcmp over their common length, the shorter first on a tie,
 * gives the order of collate_vi (as SQLite compares BLOBs). Returns the full
 * length of the key, which may exceed outsz; then call again with a buffer
 * that large.
 */
size_t collate_vi_key(const char *s, size_t n, unsigned char *out, size_t outsz);

/*
 * Writes into out the first level of the key of s alone (what the key holds
 * before its 00 byte), as collate_vi_key does; returns its full length. Every
 * text whose first level is that P (same letters, numbers and punctuation,
 * whatever the tones and case) has a key k with P' <= k < P 01, P' being P
 * without its trailing zero bytes: an index on the keys finds them all.
 */
size_t collate_vi_primary(const char *s, size_t n, unsigned char *out, size_t outsz);

#endif
