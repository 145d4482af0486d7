#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#include "vowels.h"

/* Fails naming the case when got differs from want. */
#define check_str(i, got, want) do { \
	if (strcmp((got), (want)) != 0) \
		fail_msg("case %zu: got \"%s\", want \"%s\"", (size_t)(i), (got), (want)); \
} while (0)
#define check_int(i, got, want) do { \
	long long got_ = (got), want_ = (want); \
	if (got_ != want_) \
		fail_msg("case %zu: got %lld, want %lld", (size_t)(i), got_, want_); \
} while (0)

/* ------------------------------------------------------------ bad arguments */

static void test_bad_arguments(void **state)
{
	uint32_t cp = 0;
	char out[16];

	(void)state;
	assert_int_equal(utf8_decode(NULL, 4, &cp), 0);
	assert_int_equal(cp, 0xFFFD);
	cp = 0;
	assert_int_equal(utf8_decode("a", 0, &cp), 0);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("a", 1, NULL), 1);
	assert_false(utf8_valid(NULL, 0));
	assert_false(utf8_valid(NULL, 3));
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width_n(NULL, 10), 0);
	assert_int_equal(text_width_n("abc", 0), 0);

	memset(out, 'x', sizeof out);
	assert_int_equal(text_fit(NULL, 5, TEXT_ELLIPSIS, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_fit(NULL, 3, TEXT_PAD, out, sizeof out), 3);
	assert_string_equal(out, "   ");
	assert_int_equal(text_fit("abc", 3, 0, NULL, 10), 0);
	memset(out, 'x', sizeof out);
	assert_int_equal(text_fit("abc", 3, 0, out, 0), 0);
	assert_int_equal(out[0], 'x');
	assert_int_equal(text_fit("abc", 3, 0, out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_fit("abc", 0, TEXT_PAD | TEXT_ELLIPSIS, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_fit("abc", -4, TEXT_PAD, out, sizeof out), 0);
	assert_string_equal(out, "");
}

static void test_fit_dup_bad(void **state)
{
	char *s;

	(void)state;
	s = text_fit_dup(NULL, 4);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	s = text_fit_dup("abc", 0);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	s = text_fit_dup("abc", -1);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

/* ------------------------------------------------------------ decoding */

static const struct {
	const char *s;
	size_t n;
	uint32_t cp;
	size_t len;
} decode_cases[] = {
	{ "A", 1, 0x41, 1 },
	{ "\x7F", 1, 0x7F, 1 },
	{ "", 1, 0, 1 },                          /* a NUL byte is a character */
	{ "\xC2\x80", 2, 0x80, 2 },
	{ "\xC4\x83", 2, 0x0103, 2 },             /* ă */
	{ "\xDF\xBF", 2, 0x07FF, 2 },
	{ "\xE0\xA0\x80", 3, 0x0800, 3 },
	{ "\xE1\xBB\x87", 3, 0x1EC7, 3 },         /* ệ */
	{ "\xED\x9F\xBF", 3, 0xD7FF, 3 },
	{ "\xEE\x80\x80", 3, 0xE000, 3 },
	{ "\xEF\xBF\xBD", 3, 0xFFFD, 3 },
	{ "\xF0\x90\x80\x80", 4, 0x10000, 4 },
	{ "\xF0\x9F\x98\x80", 4, 0x1F600, 4 },
	{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4 },
	{ "\xE1\xBB\x87" "abc", 6, 0x1EC7, 3 },   /* only the first character */
	/* bad lead bytes: one byte */
	{ "\x80", 1, 0xFFFD, 1 },
	{ "\xBF\x80", 2, 0xFFFD, 1 },
	{ "\xC0\x80", 2, 0xFFFD, 1 },             /* overlong NUL */
	{ "\xC1\xBF", 2, 0xFFFD, 1 },             /* overlong */
	{ "\xF5\x80\x80\x80", 4, 0xFFFD, 1 },
	{ "\xFE", 1, 0xFFFD, 1 },
	{ "\xFF", 1, 0xFFFD, 1 },
	/* overlongs, surrogates, past U+10FFFF: caught at the second byte */
	{ "\xE0\x80\x80", 3, 0xFFFD, 1 },
	{ "\xE0\x9F\xBF", 3, 0xFFFD, 1 },
	{ "\xED\xA0\x80", 3, 0xFFFD, 1 },         /* U+D800 */
	{ "\xED\xBF\xBF", 3, 0xFFFD, 1 },         /* U+DFFF */
	{ "\xF0\x80\x80\x80", 4, 0xFFFD, 1 },
	{ "\xF0\x8F\xBF\xBF", 4, 0xFFFD, 1 },
	{ "\xF4\x90\x80\x80", 4, 0xFFFD, 1 },     /* U+110000 */
	/* truncated: the bytes that could still have made a character */
	{ "\xC4", 1, 0xFFFD, 1 },
	{ "\xC4" "A", 2, 0xFFFD, 1 },
	{ "\xE1\xBB", 2, 0xFFFD, 2 },
	{ "\xE1\xBB" "A", 3, 0xFFFD, 2 },
	{ "\xE1\xBB\x87", 2, 0xFFFD, 2 },         /* n cuts it */
	{ "\xE1\xBB\x87", 1, 0xFFFD, 1 },
	{ "\xF0\x9F\x98", 3, 0xFFFD, 3 },
	{ "\xF0\x9F\x98" "A", 4, 0xFFFD, 3 },
	{ "\xF0\x9F" "\xC3\xA9", 4, 0xFFFD, 2 },
	{ "\xE1" "\xE1\xBB\x87", 4, 0xFFFD, 1 },
};

static void test_decode(void **state)
{
	size_t i;
	uint32_t cp;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		cp = 0x12345;
		check_int(i, utf8_decode(decode_cases[i].s, decode_cases[i].n, &cp), decode_cases[i].len);
		check_int(i, cp, decode_cases[i].cp);
	}
}

static const struct {
	uint32_t cp;
	const char *utf8;
} encode_cases[] = {
	{ 0x00, "" },
	{ 0x41, "A" },
	{ 0x7F, "\x7F" },
	{ 0x80, "\xC2\x80" },
	{ 0x0111, "\xC4\x91" },                   /* đ */
	{ 0x07FF, "\xDF\xBF" },
	{ 0x0800, "\xE0\xA0\x80" },
	{ 0x1EC7, "\xE1\xBB\x87" },
	{ 0xFFFF, "\xEF\xBF\xBF" },
	{ 0x10000, "\xF0\x90\x80\x80" },
	{ 0x10FFFF, "\xF4\x8F\xBF\xBF" },
	{ 0xD800, "\xEF\xBF\xBD" },               /* surrogates are not characters */
	{ 0xDFFF, "\xEF\xBF\xBD" },
	{ 0x110000, "\xEF\xBF\xBD" },
	{ 0xFFFFFFFF, "\xEF\xBF\xBD" },
};

static void test_encode(void **state)
{
	size_t i, len, want;
	char out[4];

	(void)state;
	for (i = 0; i < sizeof encode_cases / sizeof encode_cases[0]; i++) {
		memset(out, 0x55, sizeof out);
		len = utf8_encode(encode_cases[i].cp, out);
		want = encode_cases[i].cp == 0 ? 1 : strlen(encode_cases[i].utf8);
		check_int(i, len, want);
		if (memcmp(out, encode_cases[i].utf8, want) != 0)
			fail_msg("case %zu: wrong bytes for U+%04lX", i, (unsigned long)encode_cases[i].cp);
	}
}

/* Every code point encodes and decodes back, in the shortest form. */
static void test_round_trip(void **state)
{
	uint32_t cp, back;
	size_t len, want;
	char out[4];

	(void)state;
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		len = utf8_encode(cp, out);
		if (len != want)
			fail_msg("U+%04lX encodes in %zu bytes", (unsigned long)cp, len);
		if (utf8_decode(out, len, &back) != len || back != cp)
			fail_msg("U+%04lX does not decode back", (unsigned long)cp);
		if (cp != 0 && !utf8_valid(out, len))
			fail_msg("U+%04lX is not valid", (unsigned long)cp);
	}
}

static const struct {
	const char *s;
	size_t n;
	bool valid;
} valid_cases[] = {
	{ "", 0, true },
	{ "abc", 3, true },
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 12, true },      /* Hải Phòng */
	{ "\xEF\xBF\xBD", 3, true },                       /* a real U+FFFD */
	{ "\xF0\x9F\x98\x80", 4, true },
	{ "a\0b", 3, false },
	{ "\xC0\x80", 2, false },
	{ "\xED\xA0\x80", 3, false },
	{ "\xE1\xBB", 2, false },
	{ "\xE1\xBB\x87", 2, false },
	{ "\xF4\x90\x80\x80", 4, false },
	{ "ab\x80", 3, false },
	{ "\xFF", 1, false },
};

static void test_valid(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof valid_cases / sizeof valid_cases[0]; i++)
		check_int(i, utf8_valid(valid_cases[i].s, valid_cases[i].n), valid_cases[i].valid);
}

/* ------------------------------------------------------------ inert forms, widths */

static void test_inert(void **state)
{
	static const char *const c0[32] = {
		"^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G", "^H", " ", "^J",
		"^K", "^L", "^M", "^N", "^O", "^P", "^Q", "^R", "^S", "^T", "^U",
		"^V", "^W", "^X", "^Y", "^Z", "^[", "^\\", "^]", "^^", "^_",
	};
	char want[16];
	uint32_t cp;

	(void)state;
	for (cp = 0; cp < 32; cp++)
		check_str(cp, text_inert(cp), c0[cp]);
	assert_string_equal(text_inert(0x7F), "^?");
	for (cp = 0x80; cp <= 0x9F; cp++) {
		snprintf(want, sizeof want, "<%02X>", (unsigned)cp);
		check_str(cp, text_inert(cp), want);
	}
	assert_null(text_inert(0x20));
	assert_null(text_inert('A'));
	assert_null(text_inert(0x7E));
	assert_null(text_inert(0xA0));
	assert_null(text_inert(0x1EC7));
	assert_null(text_inert(0xFFFD));
	/* the bidirectional formatting characters */
	assert_string_equal(text_inert(0x061C), "<U+061C>");
	assert_string_equal(text_inert(0x200E), "<U+200E>");
	assert_string_equal(text_inert(0x200F), "<U+200F>");
	for (cp = 0x202A; cp <= 0x202E; cp++) {
		snprintf(want, sizeof want, "<U+%04X>", (unsigned)cp);
		check_str(cp, text_inert(cp), want);
	}
	for (cp = 0x2066; cp <= 0x2069; cp++) {
		snprintf(want, sizeof want, "<U+%04X>", (unsigned)cp);
		check_str(cp, text_inert(cp), want);
	}
	assert_null(text_inert(0x061B));
	assert_null(text_inert(0x200D));
	assert_null(text_inert(0x2029));
	assert_null(text_inert(0x202F));
	assert_null(text_inert(0x2065));
	assert_null(text_inert(0x206A));
	/* regional indicators, as their letters */
	assert_string_equal(text_inert(0x1F1E6), "A");
	assert_string_equal(text_inert(0x1F1FB), "V");
	assert_string_equal(text_inert(0x1F1FF), "Z");
	assert_null(text_inert(0x1F1E5));
	assert_null(text_inert(0x1F200));
}

static const struct {
	uint32_t cp;
	int cells;
} cp_width_cases[] = {
	{ 'a', 1 }, { ' ', 1 }, { '~', 1 },
	{ 0x00, 2 }, { 0x1B, 2 }, { 0x1F, 2 }, { 0x7F, 2 },       /* ^@ ^[ ^_ ^? */
	{ 0x80, 4 }, { 0x9B, 4 }, { 0x9F, 4 },                    /* <9B> */
	{ 0xA0, 1 }, { 0x0111, 1 }, { 0x1EC7, 1 }, { 0x01B0, 1 },
	{ 0x0300, 0 }, { 0x0301, 0 }, { 0x0303, 0 }, { 0x0309, 0 }, { 0x0323, 0 },
	{ 0x0302, 0 }, { 0x0306, 0 }, { 0x031B, 0 }, { 0x200B, 0 },
	{ 0x4E2D, 2 }, { 0xAC00, 2 }, { 0x1F600, 2 }, { 0xFF21, 2 },
	{ 0x2026, 1 }, { 0xFFFD, 1 },
	{ 0x09, 1 },                                              /* a tab is a space */
	{ 0x202E, 8 }, { 0x061C, 8 }, { 0x2066, 8 },              /* <U+202E> */
	{ 0x200D, 0 }, { 0xFE0F, 0 }, { 0xFE0E, 0 },              /* not drawn */
	{ 0x1F3FB, 0 }, { 0x1F3FF, 0 }, { 0xE0067, 0 }, { 0xE007F, 0 },
	{ 0x1F1FB, 1 },                                           /* V */
	{ 0x0378, 1 }, { 0xD800, 1 }, { 0x110000, 1 },             /* unprintable */
};

static void test_cp_width(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cp_width_cases / sizeof cp_width_cases[0]; i++)
		check_int(i, text_cp_width(cp_width_cases[i].cp), cp_width_cases[i].cells);
}

static const struct {
	const char *s;
	int cells;
} width_cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 9 },                      /* Hải Phòng */
	{ "Ha" HOOK "i Pho" GRAVE "ng", 9 },                       /* NFD */
	{ "Nguy\xE1\xBB\x85n V\xC4\x83n \xC4\x90\xE1\xBB\x93ng", 15 }, /* Nguyễn Văn Đồng */
	{ "Nguye" CIRC TILDE "n Va" BREVE "n \xC4\x90o" CIRC GRAVE "ng", 15 },
	{ "\xE4\xB8\xAD\xE6\x96\x87", 4 },                         /* 中文 */
	{ "a\xE4\xB8\xAD" "b", 4 },
	{ "\xF0\x9F\x98\x80", 2 },
	{ ACUTE, 1 },                      /* a mark with nothing before it sits on a space */
	{ ACUTE "a", 2 },
	{ ACUTE DOT "a", 2 },
	{ "a" ACUTE, 1 },
	{ "a" ACUTE DOT CIRC, 1 },
	{ "\x1B", 2 },                     /* ^[ */
	{ "\x1B[31mred\x1B[0m", 14 },      /* ^[[31mred^[[0m */
	{ "\t", 1 },
	{ "a\xE2\x80\xAE" "b", 10 },         /* a<U+202E>b */
	{ "\x7F", 2 },
	{ "\xC2\x9B", 4 },                 /* <9B> */
	{ "\xFF", 1 },                     /* U+FFFD */
	{ "\xE1\xBB", 1 },
	{ "\xC0\xAF", 2 },                 /* two bad bytes */
	{ "\xCD\xB8", 1 },                 /* U+0378, unassigned */
};

static void test_width(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		check_int(i, text_width(width_cases[i].s), width_cases[i].cells);
		check_int(i, text_width_n(width_cases[i].s, strlen(width_cases[i].s)), width_cases[i].cells);
	}
	assert_int_equal(text_width_n("abc", 2), 2);
	assert_int_equal(text_width_n("\xE4\xB8\xAD\xE6\x96\x87", 3), 2);
	assert_int_equal(text_width_n("\xE4\xB8\xAD\xE6\x96\x87", 4), 3);   /* 中 and a cut byte */
	assert_int_equal(text_width_n("a\0b", 3), 4);                         /* a^@b */
}

/* Each of the 144 vowels, precomposed or not, takes one cell, and so do đ Đ. */
static void test_width_vowels(void **state)
{
	size_t i, t;
	char out[32];

	(void)state;
	for (i = 0; i < N_VOWELS; i++) {
		for (t = 0; t < 6; t++) {
			check_int(i * 6 + t, text_width(vowels[i].nfc[t]), 1);
			check_int(i * 6 + t, text_width(vowels[i].nfd[t]), 1);
			check_int(i * 6 + t, text_width(vowels[i].swapped[t]), 1);
			check_int(i * 6 + t, text_fit(vowels[i].nfd[t], 1, 0, out, sizeof out), 1);
			check_str(i * 6 + t, out, vowels[i].nfd[t]);
			check_int(i * 6 + t, text_fit(vowels[i].nfc[t], 1, TEXT_ELLIPSIS, out, sizeof out), 1);
			check_str(i * 6 + t, out, vowels[i].nfc[t]);
		}
	}
	assert_int_equal(text_width("\xC4\x91"), 1);
	assert_int_equal(text_width("\xC4\x90"), 1);
}

/* ------------------------------------------------------------ fitting */

#define E "\xE2\x80\xA6" /* … */
#define ZH "\xE4\xB8\xAD" /* 中 */

static const struct {
	const char *s;
	int cols;
	int flags;
	const char *want;
	int cells;
} fit_cases[] = {
	/* ASCII */
	{ "abc", 5, 0, "abc", 3 },
	{ "abc", 3, 0, "abc", 3 },
	{ "abc", 2, 0, "ab", 2 },
	{ "abc", 5, TEXT_PAD, "abc  ", 5 },
	{ "abc", 5, TEXT_PAD | TEXT_RIGHT, "  abc", 5 },
	{ "abc", 5, TEXT_RIGHT, "abc", 3 },                     /* right needs pad */
	{ "abc", 3, TEXT_ELLIPSIS, "abc", 3 },                  /* not cut: no … */
	{ "abcd", 3, TEXT_ELLIPSIS, "ab" E, 3 },
	{ "abcd", 1, TEXT_ELLIPSIS, E, 1 },
	{ "a", 1, TEXT_ELLIPSIS, "a", 1 },
	{ "abcd", 3, TEXT_ELLIPSIS | TEXT_PAD | TEXT_RIGHT, "ab" E, 3 },
	{ "", 3, TEXT_ELLIPSIS, "", 0 },
	{ "", 3, TEXT_PAD | TEXT_RIGHT, "   ", 3 },
	/* Vietnamese, precomposed and decomposed */
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 9, 0, "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 9 },
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 2, 0, "H\xE1\xBA\xA3", 2 },
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 6, TEXT_ELLIPSIS, "H\xE1\xBA\xA3i P" E, 6 },
	{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 12, TEXT_PAD | TEXT_RIGHT, "   H\xE1\xBA\xA3i Ph\xC3\xB2ng", 12 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 1, 0, "H", 1 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 2, 0, "Ha" HOOK, 2 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 7, 0, "Ha" HOOK "i Pho" GRAVE, 7 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 7, TEXT_ELLIPSIS, "Ha" HOOK "i Ph" E, 7 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 8, TEXT_ELLIPSIS, "Ha" HOOK "i Pho" GRAVE E, 8 },
	{ "Ha" HOOK "i Pho" GRAVE "ng", 9, TEXT_ELLIPSIS, "Ha" HOOK "i Pho" GRAVE "ng", 9 },
	{ "Vie" DOT CIRC "t", 3, 0, "Vie" DOT CIRC, 3 },
	{ "Vie" DOT CIRC "t", 2, 0, "Vi", 2 },
	{ "Vie" DOT CIRC "t", 3, TEXT_ELLIPSIS, "Vi" E, 3 },
	{ "Vie" DOT CIRC "t", 4, TEXT_ELLIPSIS, "Vie" DOT CIRC "t", 4 },
	{ "Vie" DOT CIRC "t Nam", 5, TEXT_ELLIPSIS, "Vie" DOT CIRC "t" E, 5 },
	/* wide characters at the edge */
	{ "ab" ZH "cd", 3, 0, "ab", 2 },
	{ "ab" ZH "cd", 3, TEXT_PAD, "ab ", 3 },
	{ "ab" ZH "cd", 3, TEXT_PAD | TEXT_RIGHT, " ab", 3 },
	{ "ab" ZH "cd", 4, 0, "ab" ZH, 4 },
	{ "ab" ZH "cd", 4, TEXT_ELLIPSIS, "ab" E, 3 },
	{ "ab" ZH "cd", 4, TEXT_ELLIPSIS | TEXT_PAD, "ab" E " ", 4 },
	{ "ab" ZH "cd", 5, TEXT_ELLIPSIS, "ab" ZH E, 5 },
	{ ZH ZH, 3, TEXT_PAD, ZH " ", 3 },
	{ ZH ZH, 1, TEXT_PAD, " ", 1 },
	{ ZH ZH, 1, 0, "", 0 },
	{ ZH ZH, 1, TEXT_ELLIPSIS, E, 1 },
	{ ZH ZH, 2, TEXT_ELLIPSIS, E, 1 },
	{ ZH ZH, 4, TEXT_ELLIPSIS, ZH ZH, 4 },
	/* a mark with nothing before it sits on a space */
	{ ACUTE "x", 5, 0, " " ACUTE "x", 2 },
	{ ACUTE "x", 1, 0, " " ACUTE, 1 },
	/* controls never reach the terminal */
	{ "a\x1B[31mb", 20, 0, "a^[[31mb", 8 },
	{ "a\x1B[31mb", 2, 0, "a", 1 },
	{ "a\x1B[31mb", 2, TEXT_PAD, "a ", 2 },
	{ "a\x1B[31mb", 3, 0, "a^[", 3 },
	{ "a\x1B[31mb", 4, TEXT_ELLIPSIS, "a^[" E, 4 },
	{ "tab\there", 20, 0, "tab here", 8 },
	{ "tab\there", 4, TEXT_ELLIPSIS, "tab" E, 4 },
	{ "line\r\n", 20, 0, "line^M^J", 8 },
	{ "\x7F", 5, 0, "^?", 2 },
	{ "x\xC2\x9B" "2J", 20, 0, "x<9B>2J", 7 },
	{ "x\xC2\x9B" "2J", 4, 0, "x", 1 },
	{ "\x1B" ACUTE "x", 5, 0, "^[" ACUTE "x", 3 },
	/* malformed and unprintable */
	{ "a\xFF" "b", 5, 0, "a\xEF\xBF\xBD" "b", 3 },
	{ "a\xE1\xBB", 5, 0, "a\xEF\xBF\xBD", 2 },
	{ "\xC0\xAF", 5, 0, "\xEF\xBF\xBD\xEF\xBF\xBD", 2 },
	{ "\xCD\xB8", 5, 0, "\xEF\xBF\xBD", 1 },
};

static void test_fit(void **state)
{
	size_t i;
	char out[64];

	(void)state;
	for (i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		memset(out, 'x', sizeof out);
		check_int(i, text_fit(fit_cases[i].s, fit_cases[i].cols, fit_cases[i].flags, out, sizeof out),
		          fit_cases[i].cells);
		check_str(i, out, fit_cases[i].want);
	}
}

/* Hải Phòng at every width from 0 to 12, with and without the ellipsis. */
static void test_fit_widths(void **state)
{
	static const char *const plain[] = {
		"", "H", "H\xE1\xBA\xA3", "H\xE1\xBA\xA3i", "H\xE1\xBA\xA3i ", "H\xE1\xBA\xA3i P",
		"H\xE1\xBA\xA3i Ph", "H\xE1\xBA\xA3i Ph\xC3\xB2", "H\xE1\xBA\xA3i Ph\xC3\xB2n",
		"H\xE1\xBA\xA3i Ph\xC3\xB2ng",
	};
	static const char *const nfd[] = {
		"", "H", "Ha" HOOK, "Ha" HOOK "i", "Ha" HOOK "i ", "Ha" HOOK "i P",
		"Ha" HOOK "i Ph", "Ha" HOOK "i Pho" GRAVE, "Ha" HOOK "i Pho" GRAVE "n",
		"Ha" HOOK "i Pho" GRAVE "ng",
	};
	char out[64], want[64];
	int cols, full = 9;

	(void)state;
	for (cols = 0; cols <= 12; cols++) {
		int fits = cols < full ? cols : full;

		check_int(cols, text_fit(plain[9], cols, 0, out, sizeof out), fits);
		check_str(cols, out, plain[fits]);
		check_int(cols, text_fit(nfd[9], cols, 0, out, sizeof out), fits);
		check_str(cols, out, nfd[fits]);

		if (cols == 0)
			snprintf(want, sizeof want, "%s", "");
		else if (cols < full)
			snprintf(want, sizeof want, "%s" E, plain[cols - 1]);
		else
			snprintf(want, sizeof want, "%s", plain[full]);
		check_int(cols, text_fit(plain[9], cols, TEXT_ELLIPSIS, out, sizeof out), cols < full ? cols : full);
		check_str(cols, out, want);

		if (cols == 0)
			snprintf(want, sizeof want, "%s", "");
		else if (cols < full)
			snprintf(want, sizeof want, "%s" E, nfd[cols - 1]);
		else
			snprintf(want, sizeof want, "%s%*s", nfd[full], cols - full, "");
		check_int(cols, text_fit(nfd[9], cols, TEXT_ELLIPSIS | TEXT_PAD, out, sizeof out), cols);
		check_str(cols, out, want);
	}
}

/* The output buffer is too small: cut at a character, and say how many cells. */
static void test_fit_small_buffer(void **state)
{
	char out[16];

	(void)state;
	/* Hải: H (1 byte) ả (3 bytes) i (1 byte) */
	assert_int_equal(text_fit("H\xE1\xBA\xA3i", 10, 0, out, 4), 1);
	assert_string_equal(out, "H");
	assert_int_equal(text_fit("H\xE1\xBA\xA3i", 10, 0, out, 5), 2);
	assert_string_equal(out, "H\xE1\xBA\xA3");
	assert_int_equal(text_fit("H\xE1\xBA\xA3i", 10, 0, out, 6), 3);
	assert_string_equal(out, "H\xE1\xBA\xA3i");
	assert_int_equal(text_fit("Ha" HOOK "i", 10, 0, out, 4), 1);
	assert_string_equal(out, "H");
	assert_int_equal(text_fit("Ha" HOOK "i", 10, 0, out, 5), 2);
	assert_string_equal(out, "Ha" HOOK);
	/* the ellipsis needs 3 bytes */
	assert_int_equal(text_fit("H\xE1\xBA\xA3i Ph\xC3\xB2ng", 20, TEXT_ELLIPSIS, out, 5), 2);
	assert_string_equal(out, "H" E);
	assert_int_equal(text_fit("H\xE1\xBA\xA3i Ph\xC3\xB2ng", 20, TEXT_ELLIPSIS, out, 3), 1);
	assert_string_equal(out, "H");
	/* inert forms are not split */
	assert_int_equal(text_fit("a\x1B", 10, 0, out, 3), 1);
	assert_string_equal(out, "a");
	assert_int_equal(text_fit("a\xC2\x9B", 10, 0, out, 5), 1);
	assert_string_equal(out, "a");
	/* padding stops at the end of the buffer */
	assert_int_equal(text_fit("ab", 10, TEXT_PAD, out, 5), 4);
	assert_string_equal(out, "ab  ");
	assert_int_equal(text_fit("ab", 10, TEXT_PAD | TEXT_RIGHT, out, 5), 4);
	assert_string_equal(out, "  ab");
}

static void test_fit_dup(void **state)
{
	static const struct {
		const char *s;
		int cols;
		const char *want;
	} cases[] = {
		{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 20, "H\xE1\xBA\xA3i Ph\xC3\xB2ng" },
		{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 9, "H\xE1\xBA\xA3i Ph\xC3\xB2ng" },
		{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", 8, "H\xE1\xBA\xA3i Ph\xC3\xB2" E },
		{ "Ha" HOOK "i Pho" GRAVE "ng", 5, "Ha" HOOK "i " E },
		{ "\x1B[2J\x9B", 30, "^[[2J\xEF\xBF\xBD" },
		{ "\xFF\xFE", 30, "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ ZH ZH ZH, 4, ZH E },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = text_fit_dup(cases[i].s, cases[i].cols);
		assert_non_null(s);
		check_str(i, s, cases[i].want);
		free(s);
	}
}

/* ------------------------------------------------------------ hostile text */

#define RLO "\xE2\x80\xAE"          /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define ZWJ "\xE2\x80\x8D"
#define VS16 "\xEF\xB8\x8F"
#define MAN "\xF0\x9F\x91\xA8"
#define WOMAN "\xF0\x9F\x91\xA9"
#define GIRL "\xF0\x9F\x91\xA7"
#define BOY "\xF0\x9F\x91\xA6"
#define THUMB "\xF0\x9F\x91\x8D"
#define TONE "\xF0\x9F\x8F\xBD"     /* U+1F3FD, a skin tone */
#define RI_V "\xF0\x9F\x87\xBB"
#define RI_N "\xF0\x9F\x87\xB3"
#define BLACK_FLAG "\xF0\x9F\x8F\xB4"
#define TAG_G "\xF3\xA0\x81\xA7"
#define TAG_B "\xF3\xA0\x81\xA2"
#define TAG_END "\xF3\xA0\x81\xBF"

/* Bidi overrides are shown, never obeyed, and counted as they are shown. */
static void test_bidi_inert(void **state)
{
	static const struct {
		const char *s;
		int cols, flags;
		const char *want;
		int cells;
	} cases[] = {
		{ "abc" RLO "def", 30, 0, "abc<U+202E>def", 14 },
		{ "abc" RLO "def", 10, 0, "abc", 3 },                 /* not split */
		{ "abc" RLO "def", 11, 0, "abc<U+202E>", 11 },
		{ "abc" RLO "def", 10, TEXT_ELLIPSIS, "abc" E, 4 },
		{ "\xE2\x81\xA6x\xE2\x81\xA9", 30, 0, "<U+2066>x<U+2069>", 17 },
		{ "\xD8\x9C" "a\xE2\x80\x8F", 30, 0, "<U+061C>a<U+200F>", 17 },
		{ RLO ACUTE "x", 30, 0, "<U+202E>" ACUTE "x", 9 },     /* the mark sits on ">" */
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_int(i, text_fit(cases[i].s, cases[i].cols, cases[i].flags, out, sizeof out),
		          cases[i].cells);
		check_str(i, out, cases[i].want);
		if (cases[i].cols == 30)
			check_int(i, text_width(cases[i].s), cases[i].cells);
	}
}

/*
 * A joined emoji is drawn as its emoji, each alone: what joins them (ZWJ,
 * VS16, skin tones, tags) is left out, so the width counted is the width
 * every terminal draws. Regional indicators show as letters.
 */
static void test_emoji_width(void **state)
{
	static const struct {
		const char *s;
		const char *want;
		int cells;
	} cases[] = {
		{ MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY, MAN WOMAN GIRL BOY, 8 },
		{ "a" MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY "b", "a" MAN WOMAN GIRL BOY "b", 10 },
		{ THUMB TONE, THUMB, 2 },
		{ THUMB TONE "x", THUMB "x", 3 },
		{ "\xE2\x9D\xA4" VS16 " ok", "\xE2\x9D\xA4 ok", 4 },     /* ❤️ as ❤ */
		{ "1" VS16 "\xE2\x83\xA3", "1\xE2\x83\xA3", 1 },          /* keycap: 1 and its mark */
		{ RI_V RI_N, "VN", 2 },
		{ BLACK_FLAG TAG_G TAG_B TAG_END, BLACK_FLAG, 2 },
		{ ZWJ "x", "x", 1 },                                     /* nothing to join at the start */
		{ ZWJ ACUTE "x", " " ACUTE "x", 2 },
		{ "e" ZWJ ACUTE, "e" ACUTE, 1 },                         /* marks still follow their letter */
		{ "x" ZWJ, "x", 1 },
		{ ZWJ VS16, "", 0 },
		{ "\xE1\xBB\x87" TONE, "\xE1\xBB\x87", 1 },
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_int(i, text_fit(cases[i].s, 40, 0, out, sizeof out), cases[i].cells);
		check_str(i, out, cases[i].want);
		check_int(i, text_width(cases[i].s), cases[i].cells);
	}
	/* cut between the emoji, never inside one */
	check_int(0, text_fit(MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY, 5, TEXT_ELLIPSIS, out, sizeof out), 5);
	check_str(0, out, MAN WOMAN E);
	check_int(1, text_fit(MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY, 5, TEXT_PAD, out, sizeof out), 5);
	check_str(1, out, MAN WOMAN " ");
}

static void test_inert_dup(void **state)
{
	static const struct {
		const char *s;
		const char *want;
	} cases[] = {
		{ "", "" },
		{ "H\xE1\xBA\xA3i Ph\xC3\xB2ng", "H\xE1\xBA\xA3i Ph\xC3\xB2ng" },
		{ "x\x1B]0;title\x07y", "x^[]0;title^Gy" },
		{ "\x1B]52;c;aGk=\x1B\\", "^[]52;c;aGk=^[\\" },
		{ "a\xC2\x9B" "2J", "a<9B>2J" },
		{ "a\x9B" "2J", "a\xEF\xBF\xBD" "2J" },                    /* a lone byte 9B */
		{ "a" RLO "b", "a<U+202E>b" },
		{ "a\tb\nc\rd", "a b^Jc^Md" },
		{ MAN ZWJ WOMAN, MAN WOMAN },
	};
	size_t i;
	char *s, *long_in;

	(void)state;
	s = text_inert_dup(NULL);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = text_inert_dup(cases[i].s);
		assert_non_null(s);
		check_str(i, s, cases[i].want);
		free(s);
	}
	/* no width limit */
	long_in = malloc(20001);
	assert_non_null(long_in);
	memset(long_in, 'x', 20000);
	long_in[20000] = '\0';
	s = text_inert_dup(long_in);
	assert_non_null(s);
	assert_int_equal(strlen(s), 20000);
	free(s);
	free(long_in);
}

/*
 * Whatever the bytes, the output is well-formed UTF-8 with no control
 * character, as wide as the cells returned, never wider than asked.
 */
static void test_fit_never_leaks_controls(void **state)
{
	static const char *const pieces[] = {
		"a", "Z", " ", "\xE1\xBB\x87", "e", DOT, CIRC, ACUTE, ZH, "\xF0\x9F\x98\x80",
		"\x1B", "\x07", "\x08", "\r", "\n", "\x7F", "\xC2\x80", "\xC2\x9B", "\xC2\x9F",
		"\xFF", "\xC0", "\xE1\xBB", "\xED\xA0\x80", "\xCD\xB8", "\xEF\xBF\xBD",
		"\xE2\x80\x8B", "\xC2\xA0", "\t", RLO, "\xE2\x81\xA6", ZWJ, VS16, TONE, RI_V,
		TAG_G, MAN,
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	static const int flag_sets[] = {
		0, TEXT_ELLIPSIS, TEXT_PAD, TEXT_PAD | TEXT_RIGHT, TEXT_ELLIPSIS | TEXT_PAD,
		TEXT_ELLIPSIS | TEXT_PAD | TEXT_RIGHT,
	};
	char s[128], out[256];
	unsigned long seed = 12345;
	size_t round, j, k, len;
	int cols, f, cells;

	(void)state;
	for (round = 0; round < 3000; round++) {
		len = 0;
		k = (round % 12) + 1;
		for (j = 0; j < k; j++) {
			const char *p;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			p = pieces[(seed >> 33) % npieces];
			memcpy(s + len, p, strlen(p));
			len += strlen(p);
		}
		s[len] = '\0';
		for (cols = 0; cols <= 14; cols++) {
			for (f = 0; f < (int)(sizeof flag_sets / sizeof flag_sets[0]); f++) {
				cells = text_fit(s, cols, flag_sets[f], out, sizeof out);
				for (j = 0; out[j] != '\0'; j++) {
					unsigned char b = (unsigned char)out[j];

					if (b < 0x20 || b == 0x7F)
						fail_msg("round %zu: control byte %02X in the output", round, b);
					if (b == 0xC2 && (unsigned char)out[j + 1] >= 0x80 && (unsigned char)out[j + 1] <= 0x9F)
						fail_msg("round %zu: C1 control in the output", round);
				}
				if (strstr(out, RLO) != NULL || strstr(out, "\xE2\x81\xA6") != NULL ||
				    strstr(out, ZWJ) != NULL || strstr(out, VS16) != NULL ||
				    strstr(out, TONE) != NULL || strstr(out, RI_V) != NULL ||
				    strstr(out, TAG_G) != NULL)
					fail_msg("round %zu: a bidi control or an emoji joiner in the output", round);
				if (!utf8_valid(out, strlen(out)))
					fail_msg("round %zu: malformed output", round);
				if (cells > cols || text_width(out) != cells)
					fail_msg("round %zu, cols %d: %d cells returned, %d drawn", round, cols, cells,
					         text_width(out));
				if ((flag_sets[f] & TEXT_PAD) && cells != cols)
					fail_msg("round %zu, cols %d: padded to %d cells", round, cols, cells);
				if (cols > 0 && cells == text_width(s) && strstr(out, E) != NULL &&
				    strstr(s, E) == NULL)
					fail_msg("round %zu: ellipsis on a text that was not cut", round);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_fit_dup_bad),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_inert),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_vowels),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_widths),
		cmocka_unit_test(test_fit_small_buffer),
		cmocka_unit_test(test_fit_dup),
		cmocka_unit_test(test_bidi_inert),
		cmocka_unit_test(test_emoji_width),
		cmocka_unit_test(test_inert_dup),
		cmocka_unit_test(test_fit_never_leaks_controls),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("the C.UTF-8 locale is missing\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
