#ifndef HOSO_TESTS_VOWELS_H
#define HOSO_TESTS_VOWELS_H

/*
 * The Vietnamese vowel table the text, folding and collation tests share:
 * 12 vowels × 6 tones × both cases, precomposed and decomposed.
 */

#include <stdbool.h>

/* Combining marks, as UTF-8. */
#define GRAVE "\xCC\x80" /* U+0300, huyền */
#define ACUTE "\xCC\x81" /* U+0301, sắc */
#define CIRC "\xCC\x82"  /* U+0302 */
#define TILDE "\xCC\x83" /* U+0303, ngã */
#define BREVE "\xCC\x86" /* U+0306 */
#define HOOK "\xCC\x89"  /* U+0309, hỏi */
#define HORN "\xCC\x9B"  /* U+031B */
#define DOT "\xCC\xA3"   /* U+0323, nặng */

/* The 12 vowels with the 6 tones, each case: precomposed (NFC), decomposed
 * with the marks in canonical order (NFD), and with the marks swapped. */
struct vowel {
	const char *nfc[6]; /* no tone, huyền, hỏi, ngã, sắc, nặng */
	const char *nfd[6];
	const char *swapped[6];
	char base;
	int rank; /* in a ă â e ê i o ô ơ u ư y */
	bool upper;
};

static const struct vowel vowels[] = {
	{ { "a", "à", "ả", "ã", "á", "ạ" },
	  { "a", "a" GRAVE, "a" HOOK, "a" TILDE, "a" ACUTE, "a" DOT },
	  { "a", "a" GRAVE, "a" HOOK, "a" TILDE, "a" ACUTE, "a" DOT },
	  'a', 0, false },
	{ { "A", "À", "Ả", "Ã", "Á", "Ạ" },
	  { "A", "A" GRAVE, "A" HOOK, "A" TILDE, "A" ACUTE, "A" DOT },
	  { "A", "A" GRAVE, "A" HOOK, "A" TILDE, "A" ACUTE, "A" DOT },
	  'a', 0, true },
	{ { "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ" },
	  { "a" BREVE, "a" BREVE GRAVE, "a" BREVE HOOK, "a" BREVE TILDE, "a" BREVE ACUTE, "a" DOT BREVE },
	  { "a" BREVE, "a" GRAVE BREVE, "a" HOOK BREVE, "a" TILDE BREVE, "a" ACUTE BREVE, "a" BREVE DOT },
	  'a', 1, false },
	{ { "Ă", "Ằ", "Ẳ", "Ẵ", "Ắ", "Ặ" },
	  { "A" BREVE, "A" BREVE GRAVE, "A" BREVE HOOK, "A" BREVE TILDE, "A" BREVE ACUTE, "A" DOT BREVE },
	  { "A" BREVE, "A" GRAVE BREVE, "A" HOOK BREVE, "A" TILDE BREVE, "A" ACUTE BREVE, "A" BREVE DOT },
	  'a', 1, true },
	{ { "â", "ầ", "ẩ", "ẫ", "ấ", "ậ" },
	  { "a" CIRC, "a" CIRC GRAVE, "a" CIRC HOOK, "a" CIRC TILDE, "a" CIRC ACUTE, "a" DOT CIRC },
	  { "a" CIRC, "a" GRAVE CIRC, "a" HOOK CIRC, "a" TILDE CIRC, "a" ACUTE CIRC, "a" CIRC DOT },
	  'a', 2, false },
	{ { "Â", "Ầ", "Ẩ", "Ẫ", "Ấ", "Ậ" },
	  { "A" CIRC, "A" CIRC GRAVE, "A" CIRC HOOK, "A" CIRC TILDE, "A" CIRC ACUTE, "A" DOT CIRC },
	  { "A" CIRC, "A" GRAVE CIRC, "A" HOOK CIRC, "A" TILDE CIRC, "A" ACUTE CIRC, "A" CIRC DOT },
	  'a', 2, true },
	{ { "e", "è", "ẻ", "ẽ", "é", "ẹ" },
	  { "e", "e" GRAVE, "e" HOOK, "e" TILDE, "e" ACUTE, "e" DOT },
	  { "e", "e" GRAVE, "e" HOOK, "e" TILDE, "e" ACUTE, "e" DOT },
	  'e', 3, false },
	{ { "E", "È", "Ẻ", "Ẽ", "É", "Ẹ" },
	  { "E", "E" GRAVE, "E" HOOK, "E" TILDE, "E" ACUTE, "E" DOT },
	  { "E", "E" GRAVE, "E" HOOK, "E" TILDE, "E" ACUTE, "E" DOT },
	  'e', 3, true },
	{ { "ê", "ề", "ể", "ễ", "ế", "ệ" },
	  { "e" CIRC, "e" CIRC GRAVE, "e" CIRC HOOK, "e" CIRC TILDE, "e" CIRC ACUTE, "e" DOT CIRC },
	  { "e" CIRC, "e" GRAVE CIRC, "e" HOOK CIRC, "e" TILDE CIRC, "e" ACUTE CIRC, "e" CIRC DOT },
	  'e', 4, false },
	{ { "Ê", "Ề", "Ể", "Ễ", "Ế", "Ệ" },
	  { "E" CIRC, "E" CIRC GRAVE, "E" CIRC HOOK, "E" CIRC TILDE, "E" CIRC ACUTE, "E" DOT CIRC },
	  { "E" CIRC, "E" GRAVE CIRC, "E" HOOK CIRC, "E" TILDE CIRC, "E" ACUTE CIRC, "E" CIRC DOT },
	  'e', 4, true },
	{ { "i", "ì", "ỉ", "ĩ", "í", "ị" },
	  { "i", "i" GRAVE, "i" HOOK, "i" TILDE, "i" ACUTE, "i" DOT },
	  { "i", "i" GRAVE, "i" HOOK, "i" TILDE, "i" ACUTE, "i" DOT },
	  'i', 5, false },
	{ { "I", "Ì", "Ỉ", "Ĩ", "Í", "Ị" },
	  { "I", "I" GRAVE, "I" HOOK, "I" TILDE, "I" ACUTE, "I" DOT },
	  { "I", "I" GRAVE, "I" HOOK, "I" TILDE, "I" ACUTE, "I" DOT },
	  'i', 5, true },
	{ { "o", "ò", "ỏ", "õ", "ó", "ọ" },
	  { "o", "o" GRAVE, "o" HOOK, "o" TILDE, "o" ACUTE, "o" DOT },
	  { "o", "o" GRAVE, "o" HOOK, "o" TILDE, "o" ACUTE, "o" DOT },
	  'o', 6, false },
	{ { "O", "Ò", "Ỏ", "Õ", "Ó", "Ọ" },
	  { "O", "O" GRAVE, "O" HOOK, "O" TILDE, "O" ACUTE, "O" DOT },
	  { "O", "O" GRAVE, "O" HOOK, "O" TILDE, "O" ACUTE, "O" DOT },
	  'o', 6, true },
	{ { "ô", "ồ", "ổ", "ỗ", "ố", "ộ" },
	  { "o" CIRC, "o" CIRC GRAVE, "o" CIRC HOOK, "o" CIRC TILDE, "o" CIRC ACUTE, "o" DOT CIRC },
	  { "o" CIRC, "o" GRAVE CIRC, "o" HOOK CIRC, "o" TILDE CIRC, "o" ACUTE CIRC, "o" CIRC DOT },
	  'o', 7, false },
	{ { "Ô", "Ồ", "Ổ", "Ỗ", "Ố", "Ộ" },
	  { "O" CIRC, "O" CIRC GRAVE, "O" CIRC HOOK, "O" CIRC TILDE, "O" CIRC ACUTE, "O" DOT CIRC },
	  { "O" CIRC, "O" GRAVE CIRC, "O" HOOK CIRC, "O" TILDE CIRC, "O" ACUTE CIRC, "O" CIRC DOT },
	  'o', 7, true },
	{ { "ơ", "ờ", "ở", "ỡ", "ớ", "ợ" },
	  { "o" HORN, "o" HORN GRAVE, "o" HORN HOOK, "o" HORN TILDE, "o" HORN ACUTE, "o" HORN DOT },
	  { "o" HORN, "o" GRAVE HORN, "o" HOOK HORN, "o" TILDE HORN, "o" ACUTE HORN, "o" DOT HORN },
	  'o', 8, false },
	{ { "Ơ", "Ờ", "Ở", "Ỡ", "Ớ", "Ợ" },
	  { "O" HORN, "O" HORN GRAVE, "O" HORN HOOK, "O" HORN TILDE, "O" HORN ACUTE, "O" HORN DOT },
	  { "O" HORN, "O" GRAVE HORN, "O" HOOK HORN, "O" TILDE HORN, "O" ACUTE HORN, "O" DOT HORN },
	  'o', 8, true },
	{ { "u", "ù", "ủ", "ũ", "ú", "ụ" },
	  { "u", "u" GRAVE, "u" HOOK, "u" TILDE, "u" ACUTE, "u" DOT },
	  { "u", "u" GRAVE, "u" HOOK, "u" TILDE, "u" ACUTE, "u" DOT },
	  'u', 9, false },
	{ { "U", "Ù", "Ủ", "Ũ", "Ú", "Ụ" },
	  { "U", "U" GRAVE, "U" HOOK, "U" TILDE, "U" ACUTE, "U" DOT },
	  { "U", "U" GRAVE, "U" HOOK, "U" TILDE, "U" ACUTE, "U" DOT },
	  'u', 9, true },
	{ { "ư", "ừ", "ử", "ữ", "ứ", "ự" },
	  { "u" HORN, "u" HORN GRAVE, "u" HORN HOOK, "u" HORN TILDE, "u" HORN ACUTE, "u" HORN DOT },
	  { "u" HORN, "u" GRAVE HORN, "u" HOOK HORN, "u" TILDE HORN, "u" ACUTE HORN, "u" DOT HORN },
	  'u', 10, false },
	{ { "Ư", "Ừ", "Ử", "Ữ", "Ứ", "Ự" },
	  { "U" HORN, "U" HORN GRAVE, "U" HORN HOOK, "U" HORN TILDE, "U" HORN ACUTE, "U" HORN DOT },
	  { "U" HORN, "U" GRAVE HORN, "U" HOOK HORN, "U" TILDE HORN, "U" ACUTE HORN, "U" DOT HORN },
	  'u', 10, true },
	{ { "y", "ỳ", "ỷ", "ỹ", "ý", "ỵ" },
	  { "y", "y" GRAVE, "y" HOOK, "y" TILDE, "y" ACUTE, "y" DOT },
	  { "y", "y" GRAVE, "y" HOOK, "y" TILDE, "y" ACUTE, "y" DOT },
	  'y', 11, false },
	{ { "Y", "Ỳ", "Ỷ", "Ỹ", "Ý", "Ỵ" },
	  { "Y", "Y" GRAVE, "Y" HOOK, "Y" TILDE, "Y" ACUTE, "Y" DOT },
	  { "Y", "Y" GRAVE, "Y" HOOK, "Y" TILDE, "Y" ACUTE, "Y" DOT },
	  'y', 11, true },
};

#define N_VOWELS (sizeof vowels / sizeof vowels[0])

#endif
