#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <uninorm.h>

#include "fold.h"

#include "vowels.h"

#define DIAER "\xCC\x88" /* U+0308 */
#define FFFD "\xEF\xBF\xBD"

/* Fails naming the case when got differs from want. */
#define check_str(i, got, want) do { \
	if (strcmp((got), (want)) != 0) \
		fail_msg("case %zu: got \"%s\", want \"%s\"", (size_t)(i), (got), (want)); \
} while (0)
#define check_int(i, got, want) do { \
	long long got_ = (long long)(got), want_ = (long long)(want); \
	if (got_ != want_) \
		fail_msg("case %zu: got %lld, want %lld", (size_t)(i), got_, want_); \
} while (0)

/* Folds s (NUL-terminated) into out and checks the length returned. */
static void fold_check(size_t i, const char *s, const char *want)
{
	char out[256];
	size_t len;

	memset(out, 'x', sizeof out);
	len = fold_into(s, strlen(s), out, sizeof out);
	check_str(i, out, want);
	check_int(i, len, strlen(want));
}

/* ------------------------------------------------------------ bad arguments */

static void test_bad_arguments(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'x', sizeof out);
	assert_int_equal(fold_into(NULL, 5, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(fold_into("ABC", 3, NULL, 0), 3);
	assert_int_equal(fold_into("ABC", 3, NULL, 10), 3);
	memset(out, 'x', sizeof out);
	assert_int_equal(fold_into("ABC", 3, out, 0), 3);
	assert_int_equal(out[0], 'x');
	assert_int_equal(fold_into("ABC", 3, out, 1), 3);
	assert_string_equal(out, "");
	assert_int_equal(fold_into("", 0, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(fold_into("ABC", 0, out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_null(fold_dup(NULL));
}

/* ------------------------------------------------------------ the vowels */

/* Every vowel with every tone, either case, NFC or NFD, folds to its base. */
static void test_vowels(void **state)
{
	size_t i, t;
	char want[2];

	(void)state;
	for (i = 0; i < N_VOWELS; i++) {
		want[0] = vowels[i].base;
		want[1] = '\0';
		for (t = 0; t < 6; t++) {
			fold_check(i * 6 + t, vowels[i].nfc[t], want);
			fold_check(i * 6 + t, vowels[i].nfd[t], want);
			fold_check(i * 6 + t, vowels[i].swapped[t], want);
		}
	}
	fold_check(0, "\xC4\x91", "d");   /* đ */
	fold_check(1, "\xC4\x90", "d");   /* Đ */
	fold_check(2, "\xC3\x90", "d");   /* Ð, often typed for Đ */
}

/* ------------------------------------------------------------ texts */

static const struct {
	const char *s;
	const char *want;
} fold_cases[] = {
	/* Vietnamese */
	{ "TH\xE1\xBA\xA0" "CH CAO", "thach cao" },              /* THẠCH CAO */
	{ "Th\xE1\xBA\xA1" "ch Cao", "thach cao" },              /* Thạch Cao */
	{ "thach cao", "thach cao" },
	{ "THA" DOT "CH CAO", "thach cao" },                     /* NFD */
	{ "\xC4\x90\xC3\xACnh V\xC5\xA9", "dinh vu" },           /* Đình Vũ */
	{ "\xC4\x90i" GRAVE "nh Vu" TILDE, "dinh vu" },
	{ "Ng\xC3\xB4", "ngo" },                                 /* Ngô */
	{ "Ngo" CIRC, "ngo" },
	{ "Ngo", "ngo" },
	{ "Nguy\xE1\xBB\x85n V\xC4\x83n \xC4\x90\xE1\xBB\x93ng", "nguyen van dong" },
	{ "Nguye" CIRC TILDE "n Va" BREVE "n \xC4\x90o" CIRC GRAVE "ng", "nguyen van dong" },
	{ "TR\xC6\xAF\xE1\xBB\x9CNG \xC4\x90\xE1\xBA\xA0I H\xE1\xBB\x8C" "C", "truong dai hoc" }, /* TRƯỜNG ĐẠI HỌC */
	{ "TRU" HORN GRAVE "O" HORN "NG \xC4\x90" "A" DOT "I HO" DOT "C", "truong dai hoc" },
	{ "\xE1\xBB\xA6y ban nh\xC3\xA2n d\xC3\xA2n", "uy ban nhan dan" },   /* Ủy ban nhân dân */
	/* mixed with ASCII, digits and punctuation */
	{ "Quy\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh s\xE1\xBB\x91 12/2024/Q\xC4\x90-UBND",
	  "quyet dinh so 12/2024/qd-ubnd" },                     /* Quyết định số 12/2024/QĐ-UBND */
	{ "\xC4\x90\xE1\xBB\x81 \xC3\xA1n 10: \"K\xE1\xBA\xBF ho\xE1\xBA\xA1" "ch\" (2025-2030)!",
	  "de an 10: \"ke hoach\" (2025-2030)!" },
	{ "ABC xyz 0123456789 !#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
	  "abc xyz 0123456789 !#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" },
	/* other Latin letters */
	{ "\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xAB \xC3\x89", "eeee e" },   /* éèêë É */
	{ "Espa\xC3\xB1" "a ESPA\xC3\x91" "A", "espana espana" },
	{ "M\xC3\xBCller Mu" DIAER "ller", "muller muller" },
	{ "Fran\xC3\xA7ois \xC3\x85ngstr\xC3\xB6m", "francois angstrom" },
	{ "Stra\xC3\x9F" "e \xC3\x86sir \xC5\x92uvre", "strasse aesir oeuvre" },
	{ "\xC3\x98resund \xC5\x81\xC3\xB3" "d\xC5\xBA", "oresund lodz" },
	{ "\xC7\x84 \xC7\x85 \xC7\x86", "dz dz dz" },
	{ "\xE1\xB8\x80 \xC8\xA6", "a a" },                          /* Ḁ Ȧ */
	/* other scripts: Greek and Cyrillic lower case, the rest unchanged */
	{ "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1" },  /* ΑΘΗΝΑ */
	{ "\xCE\x86\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1" },  /* Άθηνα */
	{ "\xCE\xB1" ACUTE, "\xCE\xB1" },
	{ "\xCF\x82", "\xCF\x83" },                                  /* ς */
	{ "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" }, /* МОСКВА */
	{ "\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0" },  /* Ёлка */
	{ "\xD0\x95" DIAER "\xD0\xBB\xD0\xBA\xD0\xB0", "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0" },
	{ "\xD0\x83\xD0\x84", "\xD0\xB3\xD1\x94" },                  /* Ѓ Є */
	{ "\xE4\xB8\xAD\xE6\x96\x87 \xE2\x82\xAB \xF0\x9F\x98\x80", "\xE4\xB8\xAD\xE6\x96\x87 \xE2\x82\xAB \xF0\x9F\x98\x80" },
	{ "\xE1\xBC\x88", "\xE1\xBC\x88" },                          /* Ἀ, outside the basic range */
	{ "\xC3\x97\xC3\xB7", "\xC3\x97\xC3\xB7" },                  /* × ÷ */
	/* marks alone are dropped */
	{ ACUTE DOT, "" },
	{ "1" ACUTE "2", "12" },
	/* malformed UTF-8 */
	{ "a\xFF" "b", "a" FFFD "b" },
	{ "Ha\xE1\xBB", "ha" FFFD },
	{ "\xC0\xAF", FFFD FFFD },
	{ "\xED\xA0\x80", FFFD FFFD FFFD },
	{ "x" FFFD "y", "x" FFFD "y" },
	{ "", "" },
};

static void test_texts(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof fold_cases / sizeof fold_cases[0]; i++)
		fold_check(i, fold_cases[i].s, fold_cases[i].want);
}

static void test_n_bytes(void **state)
{
	char out[16];

	(void)state;
	/* only n bytes are read, and a NUL among them is kept */
	assert_int_equal(fold_into("ABCDEF", 3, out, sizeof out), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(fold_into("A\0B", 3, out, sizeof out), 3);
	assert_memory_equal(out, "a\0b", 4);
	/* a character cut by n is malformed */
	assert_int_equal(fold_into("\xE1\xBB\x87", 2, out, sizeof out), 3);
	assert_string_equal(out, FFFD);
}

/* ------------------------------------------------------------ small buffers */

static void test_small_buffer(void **state)
{
	static const struct {
		const char *s;
		size_t outsz;
		const char *want;
		size_t len;
	} cases[] = {
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", 1, "", 7 },          /* Đình Vũ */
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", 2, "d", 7 },
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", 5, "dinh", 7 },
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", 7, "dinh v", 7 },
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", 8, "dinh vu", 7 },
		{ "\xCE\xA9mega", 2, "", 6 },                          /* ω takes 2 bytes */
		{ "\xCE\xA9mega", 3, "\xCF\x89", 6 },
		{ "\xCE\xA9mega", 4, "\xCF\x89m", 6 },
		{ "\xC3\x86sir", 2, "", 5 },                           /* "ae" is one piece */
		{ "\xC3\x86sir", 3, "ae", 5 },
		{ "a\xFF", 4, "a", 4 },                                /* U+FFFD takes 3 */
		{ "a\xFF", 5, "a" FFFD, 4 },
		{ "\xE4\xB8\xAD" "a", 3, "", 4 },                      /* 中 */
		{ "\xE4\xB8\xAD" "a", 4, "\xE4\xB8\xAD", 4 },
		/* nothing after a piece that did not fit, even a shorter one */
		{ "\xE4\xB8\xAD" "a", 2, "", 4 },
		{ "b\xCF\x89" "a", 3, "b", 4 },
	};
	char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(out, 'x', sizeof out);
		check_int(i, fold_into(cases[i].s, strlen(cases[i].s), out, cases[i].outsz), cases[i].len);
		check_str(i, out, cases[i].want);
		if (cases[i].outsz < sizeof out)
			check_int(i, out[cases[i].outsz], 'x');
	}
}

/* ------------------------------------------------------------ compatibility */

/*
 * Fullwidth letters, ligatures, circled digits, superscripts: folded by
 * Unicode compatibility (NFKC) before the Vietnamese folding, so a query
 * typed with a fullwidth keyboard finds the plain text and the other way.
 */
static void test_compatibility(void **state)
{
	static const struct {
		const char *s;
		const char *want;
	} cases[] = {
		/* Ｈải Ｐhòng */
		{ "\xEF\xBC\xA8\xE1\xBA\xA3i \xEF\xBC\xB0h\xC3\xB2ng", "hai phong" },
		/* ＴＨẠＣＨ ＣＡＯ */
		{ "\xEF\xBC\xB4\xEF\xBC\xA8\xE1\xBA\xA0\xEF\xBC\xA3\xEF\xBC\xA8 \xEF\xBC\xA3\xEF\xBC\xA1\xEF\xBC\xAF",
		  "thach cao" },
		/* ｔｈạｃｈ, fullwidth small letters */
		{ "\xEF\xBD\x94\xEF\xBD\x88\xE1\xBA\xA1\xEF\xBD\x83\xEF\xBD\x88", "thach" },
		/* fullwidth digits and hyphen-minus: ３６－ＮＱ */
		{ "\xEF\xBC\x93\xEF\xBC\x96\xEF\xBC\x8D\xEF\xBC\xAE\xEF\xBC\xB1", "36-nq" },
		{ "\xEF\xAC\x81le", "file" },                               /* ﬁ ligature */
		{ "\xE2\x91\xA0 \xE2\x84\xA2", "1 tm" },                   /* ① ™ */
		{ "m\xC2\xB2", "m2" },                                      /* m² */
		{ "\xC5\xBF" "a", "sa" },                                   /* ſ long s */
		{ "\xE3\x80\x80x", " x" },                                  /* ideographic space */
		/* NFD Vietnamese with a fullwidth letter: still folds */
		{ "\xEF\xBC\xA8" "a\xCC\x89i", "hai" },
		/* malformed bytes among them are U+FFFD as elsewhere: one for each
		 * byte of a surrogate, one for a truncated sequence */
		{ "\xEF\xBC\xA8\xFF", "h" FFFD },
		{ "\xEF\xBC\xA8\xED\xA0\x80", "h" FFFD FFFD FFFD },
		{ "\xEF\xBC\xA8" "a\xE1\xBB", "ha" FFFD },
		/* text that needs nothing of it folds as before */
		{ "\xC4\x90\xC3\xACnh V\xC5\xA9", "dinh vu" },
		{ "\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87" }, /* 中文 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		fold_check(i, cases[i].s, cases[i].want);
}

/*
 * The fold of a text is the fold of its compatibility normalization, whether
 * the text takes the quick way (Vietnamese text skips the normalizer) or not.
 */
static void test_quick_way_agrees(void **state)
{
	static const char *const texts[] = {
		"Ho\xC3\xA0n thi\xE1\xBB\x87n c\xC3\xB4ng ngh\xE1\xBB\x87 \xE2\x80\x93 DAP \xE2\x80\x9C\xC4\x90\xC3\xACnh V\xC5\xA9\xE2\x80\x9D",
		"Ha" "\xCC\x89" "i Pho" "\xCC\x80" "ng",                        /* NFD */
		"\xC6\xA1\xC6\xB0\xC4\x83\xC4\x91\xC4\xA9\xC5\xA9 \xC6\xA0\xC6\xAF\xC4\x82\xC4\x90\xC4\xA8\xC5\xA8",
		"caf\xC3\xA9 na\xC3\xAFve \xC5\x93uvre \xC3\x9F",
		"\xE2\x80\xA6 \xE2\x80\x89 \xE2\x84\xAB \xE2\x84\xA6 \xE2\x85\xA0",  /* … thin space Å Ω Ⅰ */
		"\xCE\x86\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1 \xCE\xB1\xCC\x81 \xCD\xBE \xCE\x87",  /* Greek, ; and · singletons */
		"\xD0\xB8\xCC\x86 \xD0\xB9",                                   /* и + breve, й */
		"\xE3\x81\x8B\xE3\x82\x99 \xE3\x81\x8C",                         /* か + U+3099, が */
		"\xE1\x84\x80\xE1\x85\xA1 \xEA\xB0\x80",                         /* conjoining jamo, 가 */
		"\xE0\xAD\x87\xE0\xAC\xBE \xE0\xAD\x8B",                         /* Oriya e + aa, o */
		"\xEF\xBC\xA8\xE1\xBA\xA3i \xEF\xAC\x81 \xE2\x91\xA0 \xC2\xB2 \xC2\xA0",
		"x\xCC\xA3\xCC\x81 q\xCC\x81\xCC\xA3",                           /* marks in either order */
	};
	char a[256], b[256];
	size_t i, n, len;
	uint8_t *norm;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		n = strlen(texts[i]);
		fold_into(texts[i], n, a, sizeof a);
		norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)texts[i], n, NULL, &len);
		assert_non_null(norm);
		fold_into((const char *)norm, len, b, sizeof b);
		free(norm);
		check_str(i, a, b);
	}
}

/* The same through a buffer too small: cut, and the length of the whole. */
static void test_compatibility_small_buffer(void **state)
{
	char out[4];

	(void)state;
	memset(out, 'x', sizeof out);
	assert_int_equal(fold_into("\xEF\xBC\xA8\xE1\xBA\xA3i \xEF\xBC\xB0h\xC3\xB2ng", 16, out, sizeof out), 9);
	assert_string_equal(out, "hai");
	assert_int_equal(fold_into("\xEF\xBC\xA8\xE1\xBA\xA3i", 7, NULL, 0), 3);
}

/* ------------------------------------------------------------ fold_dup */

static void test_dup(void **state)
{
	char *s;

	(void)state;
	s = fold_dup("Th\xE1\xBA\xA1" "ch Cao");
	assert_non_null(s);
	assert_string_equal(s, "thach cao");
	free(s);
	s = fold_dup("\xFF\xC4\x90");
	assert_non_null(s);
	assert_string_equal(s, FFFD "d");
	free(s);
	s = fold_dup("");
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

/* The same text in NFC and NFD, in any order of marks, folds alike. */
static void test_nfc_nfd_alike(void **state)
{
	char nfc[512], nfd[512], swapped[512], a[512], b[512], c[512];
	unsigned long seed = 7;
	size_t round, j, ln, ld, ls;

	(void)state;
	for (round = 0; round < 2000; round++) {
		ln = ld = ls = 0;
		for (j = 0; j < 1 + round % 20; j++) {
			size_t v, t;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			v = (seed >> 33) % (N_VOWELS + 3);
			t = (seed >> 20) % 6;
			if (v >= N_VOWELS) {
				static const char *const other[] = { " ", "\xC4\x91", "ng" };

				v -= N_VOWELS;
				strcpy(nfc + ln, other[v]);
				strcpy(nfd + ld, other[v]);
				strcpy(swapped + ls, other[v]);
			} else {
				strcpy(nfc + ln, vowels[v].nfc[t]);
				strcpy(nfd + ld, vowels[v].nfd[t]);
				strcpy(swapped + ls, vowels[v].swapped[t]);
			}
			ln += strlen(nfc + ln);
			ld += strlen(nfd + ld);
			ls += strlen(swapped + ls);
		}
		fold_into(nfc, ln, a, sizeof a);
		fold_into(nfd, ld, b, sizeof b);
		fold_into(swapped, ls, c, sizeof c);
		check_str(round, b, a);
		check_str(round, c, a);
	}
}

/* Folding does not depend on the locale. */
static void test_locale_independent(void **state)
{
	static const char s[] = "\xC4\x90\xC3\xACnh V\xC5\xA9 I\xCE\x91";
	char a[64], b[64];

	(void)state;
	fold_into(s, strlen(s), a, sizeof a);
	assert_non_null(setlocale(LC_ALL, "C"));
	fold_into(s, strlen(s), b, sizeof b);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_string_equal(a, "dinh vu i\xCE\xB1");
	assert_string_equal(b, a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_vowels),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_n_bytes),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_compatibility),
		cmocka_unit_test(test_compatibility_small_buffer),
		cmocka_unit_test(test_quick_way_agrees),
		cmocka_unit_test(test_dup),
		cmocka_unit_test(test_nfc_nfd_alike),
		cmocka_unit_test(test_locale_independent),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("the C.UTF-8 locale is missing\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
