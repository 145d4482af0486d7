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

#include "collate.h"

#include "vowels.h"
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static int sign(long long v)
{
	return (v > 0) - (v < 0);
}

static int cmp(const char *a, const char *b)
{
	return sign(collate_vi(a, strlen(a), b, strlen(b)));
}

/* The key of s in a new buffer of exactly its length (at least 1 byte). */
static unsigned char *key_of(const char *s, size_t *len)
{
	size_t n = collate_vi_key(s, strlen(s), NULL, 0);
	unsigned char *k = malloc(n + 1);

	assert_non_null(k);
	assert_int_equal(collate_vi_key(s, strlen(s), k, n + 1), n);
	*len = n;
	return k;
}

/* memcmp over the common length, the shorter first on a tie. */
static int key_cmp(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	if (c != 0)
		return sign(c);
	return sign((long long)na - (long long)nb);
}

static int cmp_by_keys(const char *a, const char *b)
{
	size_t na, nb;
	unsigned char *ka = key_of(a, &na), *kb = key_of(b, &nb);
	int c = key_cmp(ka, na, kb, nb);

	free(ka);
	free(kb);
	return c;
}

/* Both ways of comparing a and b give want, and the reverse its opposite. */
static void check_cmp(const char *what, const char *a, const char *b, int want)
{
	if (cmp(a, b) != want || cmp(b, a) != -want)
		fail_msg("%s: collate_vi(\"%s\", \"%s\") is %d, want %d", what, a, b, cmp(a, b), want);
	if (cmp_by_keys(a, b) != want)
		fail_msg("%s: keys of \"%s\", \"%s\" compare %d, want %d", what, a, b, cmp_by_keys(a, b), want);
}

static int qsort_cmp(const void *a, const void *b)
{
	return cmp(*(const char *const *)a, *(const char *const *)b);
}

/* list is in strictly increasing order, by collate_vi and by keys, and
 * sorting a shuffled copy gives it back. */
static void check_sorted(const char *what, const char *const *list, size_t n)
{
	const char **copy = malloc(n * sizeof *copy);
	size_t i, j;
	unsigned long seed = 99;

	assert_non_null(copy);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			check_cmp(what, list[i], list[j], -1);
	memcpy(copy, list, n * sizeof *copy);
	for (i = n; i > 1; i--) {
		const char *t;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		j = (seed >> 33) % i;
		t = copy[i - 1];
		copy[i - 1] = copy[j];
		copy[j] = t;
	}
	qsort(copy, n, sizeof *copy, qsort_cmp);
	for (i = 0; i < n; i++)
		if (strcmp(copy[i], list[i]) != 0)
			fail_msg("%s: sorted, place %zu holds \"%s\", want \"%s\"", what, i, copy[i], list[i]);
	free(copy);
}

/* ------------------------------------------------------------ bad arguments */

static void test_bad_arguments(void **state)
{
	unsigned char out[16];

	(void)state;
	assert_int_equal(collate_vi(NULL, 0, NULL, 0), 0);
	assert_int_equal(collate_vi(NULL, 5, "", 0), 0);
	assert_true(collate_vi(NULL, 0, "a", 1) < 0);
	assert_true(collate_vi("a", 1, NULL, 3) > 0);
	assert_int_equal(collate_vi("abc", 0, "xyz", 0), 0);
	memset(out, 0xAA, sizeof out);
	assert_int_equal(collate_vi_key(NULL, 3, out, sizeof out), 0);
	assert_int_equal(collate_vi_key("", 0, out, sizeof out), 0);
	assert_int_equal(collate_vi_key("abc", 3, NULL, 0), 3);
	assert_int_equal(collate_vi_key("abc", 3, NULL, 100), 3);
	memset(out, 0xAA, sizeof out);
	assert_int_equal(collate_vi_key("abc", 3, out, 0), 3);
	assert_int_equal(out[0], 0xAA);
}

/* ------------------------------------------------------------ the key format */

static void test_key_bytes(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		const unsigned char key[16];
	} cases[] = {
		{ "", 0, { 0 } },
		{ "ab", 2, { 0x5C, 0x5F } },                      /* trailing levels left out */
		{ "Ab", 4, { 0x5C, 0x5F, 0x00, 0x20 } },          /* bits 00 (tones) 10 (case) */
		{ "\xC3\xA1", 3, { 0x5C, 0x00, 0x98 } },          /* á: bits 10011 (sắc) 0 */
		{ "a" ACUTE, 3, { 0x5C, 0x00, 0x98 } },
		{ "\xC4\x91", 1, { 0x62 } },                      /* đ */
		{ "y z", 3, { 0x7B, 0x21, 0x7C } },
		{ "0", 1, { 0x44 } },                             /* no digit but zeros */
		{ "00", 3, { 0x44, 0x00, 0x80 } },                /* one leading zero: 10 */
		{ "10", 2, { 0x46, 0x0A } },                      /* two digits: 10 */
		{ "007", 4, { 0x45, 0x46, 0x00, 0xC0 } },         /* 7, two leading zeros: 110 */
		{ "\xC4\x90\xE1\xBB\x81 \xC3\xA1n 2", 11,         /* Đề án 2 */
		  { 0x62, 0x64, 0x21, 0x5C, 0x6D, 0x21, 0x45, 0x14, 0x00, 0x42, 0x68 } },
		{ "\xCE\xB1", 2, { 0x80, 0xB1 } },                /* α, U+03B1 */
		{ "\xE2\x80\x9C", 3, { 0x43, 0x20, 0x1C } },      /* “, U+201C */
	};
	unsigned char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		memset(out, 0xAA, sizeof out);
		if (collate_vi_key(cases[i].s, strlen(cases[i].s), out, sizeof out) != cases[i].len)
			fail_msg("case %zu: key of %zu bytes, want %zu", i,
			         collate_vi_key(cases[i].s, strlen(cases[i].s), out, sizeof out), cases[i].len);
		if (memcmp(out, cases[i].key, cases[i].len) != 0)
			fail_msg("case %zu: wrong key bytes", i);
	}
}

/* A buffer too small gets the start of the key, and nothing past its end. */
static void test_key_small_buffer(void **state)
{
	static const char *const texts[] = {
		"S\xE1\xBB\x9F Khoa h\xE1\xBB\x8D" "c v\xC3\xA0 C\xC3\xB4ng ngh\xE1\xBB\x87 2024",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 0010",
		"ABC",
	};
	unsigned char full[128], out[128];
	size_t t, len, sz;

	(void)state;
	for (t = 0; t < COUNT(texts); t++) {
		len = collate_vi_key(texts[t], strlen(texts[t]), full, sizeof full);
		assert_true(len > 0 && len < sizeof full);
		for (sz = 0; sz <= len; sz++) {
			memset(out, 0xAA, sizeof out);
			if (collate_vi_key(texts[t], strlen(texts[t]), out, sz) != len)
				fail_msg("text %zu, buffer %zu: wrong length", t, sz);
			if (memcmp(out, full, sz) != 0)
				fail_msg("text %zu, buffer %zu: not the start of the key", t, sz);
			if (out[sz] != 0xAA)
				fail_msg("text %zu, buffer %zu: written past the end", t, sz);
		}
	}
}

/* ------------------------------------------------------------ orders */

static void test_alphabet(void **state)
{
	static const char *const vietnamese[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
		"n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
	};
	static const char *const latin[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k",
		"l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w",
		"x", "y", "z",
	};
	static const char *const upper[] = {
		"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "F", "G", "H", "I", "J", "K",
		"L", "M", "N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "W",
		"X", "Y", "Z",
	};
	static const char *const decomposed[] = {
		"a", "a" BREVE, "a" CIRC, "b", "c", "d", "đ", "e", "e" CIRC, "f", "g", "h",
		"i", "j", "k", "l", "m", "n", "o", "o" CIRC, "o" HORN, "p", "q", "r", "s",
		"t", "u", "u" HORN, "v", "w", "x", "y", "z",
	};
	size_t i;

	(void)state;
	check_sorted("vietnamese alphabet", vietnamese, COUNT(vietnamese));
	check_sorted("latin alphabet", latin, COUNT(latin));
	check_sorted("capitals", upper, COUNT(upper));
	check_sorted("decomposed", decomposed, COUNT(decomposed));
	for (i = 0; i < COUNT(latin); i++) {
		check_cmp("case", latin[i], upper[i], -1);
		check_cmp("nfd", latin[i], decomposed[i], 0);
		/* first level before case: x < Y < z */
		if (i + 1 < COUNT(latin)) {
			check_cmp("case later", upper[i], latin[i + 1], -1);
			check_cmp("case later", latin[i], upper[i + 1], -1);
		}
	}
	check_cmp("eth", "\xC3\x90", "\xC4\x90", 0);   /* Ð is read as Đ */
	check_cmp("eth", "\xC3\xB0", "\xC4\x91", 0);   /* ð as đ */
}

/*
 * The 144 vowels in their three spellings, against each other: first the
 * vowel, then the tone (none < huyền < hỏi < ngã < sắc < nặng), then the
 * case; the spellings of one letter are equal, by collate_vi and by keys.
 */
static void test_vowels(void **state)
{
	enum { N = N_VOWELS * 6 * 3 };
	const char *text[N];
	int rank[N], tone[N], upper[N];
	unsigned char *key[N];
	size_t klen[N], i, j, t, f;

	(void)state;
	for (i = 0, j = 0; i < N_VOWELS; i++) {
		for (t = 0; t < 6; t++) {
			for (f = 0; f < 3; f++, j++) {
				text[j] = f == 0 ? vowels[i].nfc[t] : f == 1 ? vowels[i].nfd[t] : vowels[i].swapped[t];
				rank[j] = vowels[i].rank;
				tone[j] = (int)t;
				upper[j] = vowels[i].upper;
				key[j] = key_of(text[j], &klen[j]);
			}
		}
	}
	for (i = 0; i < N; i++) {
		for (j = 0; j < N; j++) {
			int want = rank[i] != rank[j] ? sign(rank[i] - rank[j])
			         : tone[i] != tone[j] ? sign(tone[i] - tone[j])
			         : sign(upper[i] - upper[j]);

			if (cmp(text[i], text[j]) != want)
				fail_msg("\"%s\" against \"%s\": %d, want %d", text[i], text[j],
				         cmp(text[i], text[j]), want);
			if (key_cmp(key[i], klen[i], key[j], klen[j]) != want)
				fail_msg("keys of \"%s\" and \"%s\": %d, want %d", text[i], text[j],
				         key_cmp(key[i], klen[i], key[j], klen[j]), want);
		}
	}
	/* The tone is not of the first level: "ạb" after "Áa", "ă" before "âa"... */
	for (i = 0; i < N; i++) {
		for (j = 0; j < N; j++) {
			char a[32], b[32];

			if (rank[i] != rank[j])
				continue;
			snprintf(a, sizeof a, "%sb", text[i]);
			snprintf(b, sizeof b, "%sa", text[j]);
			check_cmp("first level", a, b, 1);
		}
	}
	for (i = 0; i < N; i++)
		free(key[i]);
}

static void test_d(void **state)
{
	static const char *const list[] = {
		"d", "D", "da", "Da", "dz", "đ", "Đ", "đa", "Đa", "đà", "Đà", "đz", "e",
	};

	(void)state;
	check_sorted("d and đ", list, COUNT(list));
}

/* Names and titles as a clerk expects them sorted. */
static const char *const names[] = {
	"An Dương",
	"An Lão",
	"Anh Sơn",
	"Ân Thi",
	"Bạch Long Vĩ",
	"Ban Quản lý Khu kinh tế",
	"Ban Tuyên giáo",
	"Bùi Thị Xuân",
	"Cát Bà",
	"Cát Hải",
	"Cần Thơ",
	"Công an thành phố",
	"Cục Thuế",
	"Dương Kinh",
	"Đà Nẵng",
	"Đặng Thùy Trâm",
	"Đề án 2",
	"Đề án 10",
	"Đình Vũ",
	"Đoàn Thị Điểm",
	"Đồ Sơn",
	"Hạ Long",
	"Hà Nội",
	"Hải Dương",
	"Hải Phòng",
	"Hồ Chí Minh",
	"Hồng Bàng",
	"Huỳnh Thành Đạt",
	"Kiến An",
	"Lê Chân",
	"Lê Lai",
	"Lê Lợi",
	"Lý Thường Kiệt",
	"Ngô Quyền",
	"Nguyễn Thị Bích",
	"Nguyễn Thị Bình",
	"Nguyễn Văn An",
	"Nguyễn Văn Ân",
	"Phạm Văn Đồng",
	"Quảng Ninh",
	"Sở Khoa học và Công nghệ",
	"Sở Tài chính",
	"Sở Y tế",
	"Thủy Nguyên",
	"Tiên Lãng",
	"Trần Hưng Đạo",
	"Uỷ ban nhân dân",
	"Ủy ban nhân dân",
	"Ủy ban nhân dân quận Lê Chân",
	"Văn phòng",
	"Vĩnh Bảo",
	"Võ Nguyên Giáp",
	"Yên Bái",
};

static void test_names(void **state)
{
	(void)state;
	assert_true(COUNT(names) >= 40);
	check_sorted("names", names, COUNT(names));
}

/* The same names decomposed compare equal to the precomposed ones. */
static const struct {
	const char *nfc;
	const char *nfd;
} nfd_names[] = {
	{ "Đồ Sơn",
	  "Đo" CIRC GRAVE " So" HORN "n" },
	{ "Đình Vũ",
	  "Đi" GRAVE "nh Vu" TILDE },
	{ "Hải Phòng",
	  "Ha" HOOK "i Pho" GRAVE "ng" },
	{ "Huỳnh Thành Đạt",
	  "Huy" GRAVE "nh Tha" GRAVE "nh Đa" DOT "t" },
	{ "Sở Khoa học và Công nghệ",
	  "So" HORN HOOK " Khoa ho" DOT "c va" GRAVE " Co" CIRC "ng nghe" DOT CIRC },
	{ "Ủy ban nhân dân",
	  "U" HOOK "y ban nha" CIRC "n da" CIRC "n" },
	{ "Ban Quản lý Khu kinh tế",
	  "Ban Qua" HOOK "n ly" ACUTE " Khu kinh te" CIRC ACUTE },
	{ "Nguyễn Thị Bích",
	  "Nguye" CIRC TILDE "n Thi" DOT " Bi" ACUTE "ch" },
	{ "Trần Hưng Đạo",
	  "Tra" CIRC GRAVE "n Hu" HORN "ng Đa" DOT "o" },
	{ "Lý Thường Kiệt",
	  "Ly" ACUTE " Thu" HORN "o" HORN GRAVE "ng Kie" DOT CIRC "t" },
};

static void test_nfd_names(void **state)
{
	size_t i, na, nb;
	unsigned char *ka, *kb;

	(void)state;
	for (i = 0; i < COUNT(nfd_names); i++) {
		assert_true(strcmp(nfd_names[i].nfc, nfd_names[i].nfd) != 0);
		check_cmp("nfd", nfd_names[i].nfc, nfd_names[i].nfd, 0);
		ka = key_of(nfd_names[i].nfc, &na);
		kb = key_of(nfd_names[i].nfd, &nb);
		assert_int_equal(na, nb);
		assert_memory_equal(ka, kb, na);
		free(ka);
		free(kb);
	}
}

static void test_numbers(void **state)
{
	static const char *const values[] = {
		"0", "00", "000", "1", "01", "2", "9", "09", "10", "010", "11", "99", "100",
		"9999999999999999999999",                 /* 22 digits */
		"10000000000000000000000",                /* 23 digits */
		"99999999999999999999999",
		"100000000000000000000000",
	};
	static const char *const titles[] = {
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n",           /* Đề án */
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 2",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 10",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 010",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 10 b",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 10b",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 11",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n 2024",
		"\xC4\x90\xE1\xBB\x81 \xC3\xA1n a",
	};
	static const char *const mixed[] = {
		"a1b", "a01b", "a1c", "a2", "a10",
	};

	(void)state;
	check_sorted("numbers", values, COUNT(values));
	check_sorted("titles with numbers", titles, COUNT(titles));
	check_sorted("mixed", mixed, COUNT(mixed));
	check_cmp("version", "1.2.10", "1.10.2", -1);
	check_cmp("decree", "Ngh\xE1\xBB\x8B \xC4\x91\xE1\xBB\x8Bnh 9/2024", "Ngh\xE1\xBB\x8B \xC4\x91\xE1\xBB\x8Bnh 10/2023", -1);
}

/* Spaces and punctuation, then digits, then letters, then other scripts. */
static void test_classes(void **state)
{
	static const char *const list[] = {
		"\t", " ", "!", "-", ".", "/", ":", "@", "[", "_", "~",
		"\xC2\xA0",           /* no-break space */
		"\xE2\x80\x93",       /* – */
		"\xE2\x80\x9C",       /* “ */
		"\xE2\x82\xAB",       /* ₫ */
		"0", "5", "a", "\xE1\xBB\xB9", "z",       /* ỹ */
		"\xCE\xA9",           /* Ω */
		"\xCE\xB1",           /* α */
		"\xD0\xB6",           /* ж */
		"\xE4\xB8\xAD",       /* 中 */
		"\xEA\xB0\x80",       /* 가 */
		"\xEF\xBF\xBD",       /* U+FFFD */
		"\xF0\x9F\x98\x80",   /* 😀 */
	};

	(void)state;
	check_sorted("classes", list, COUNT(list));
	check_cmp("malformed", "\xFF", "\xEF\xBF\xBD", 0);
	check_cmp("lone mark", ACUTE "a", "a", 0);
	/* two tones on a letter: canonically equivalent orders are equal */
	check_cmp("two tones", "e" ACUTE DOT, "e" DOT ACUTE, 0);
	check_cmp("two tones", "\xC3\xA9" DOT, "\xE1\xBA\xB9" ACUTE, 0);   /* é ̣, ẹ ́ */
	check_cmp("two tones", "e" ACUTE, "e" DOT ACUTE, -1);
	check_cmp("horn and circumflex", "o" HORN CIRC, "o" CIRC HORN, 0);
	check_cmp("space counts", "ab c", "abc", -1);
}

static void test_case_and_tones(void **state)
{
	static const char *const cases[] = {
		"an", "aN", "An", "AN",
	};
	static const char *const tones[] = {
		"ma", "mà", "mả", "mã", "má", "mạ", "mai",
	};
	static const char *const left_first[] = {
		"aa", "aà", "aá", "àa", "àà", "áa",
	};
	static const char *const hanoi[] = {
		"ha noi", "Ha Noi", "HA NOI", "hà nội", "Hà Nội", "HÀ NỘI",
	};

	(void)state;
	check_sorted("case", cases, COUNT(cases));
	check_sorted("tones", tones, COUNT(tones));
	check_sorted("tones from the left", left_first, COUNT(left_first));
	check_sorted("hanoi", hanoi, COUNT(hanoi));
	check_cmp("tone before case", "Ha", "h\xC3\xA0", -1);
	check_cmp("uy", "U\xE1\xBB\xB7 ban", "\xE1\xBB\xA6y ban", -1);  /* Uỷ < Ủy */
}

/* ------------------------------------------------------------ properties */

/*
 * Random texts of Vietnamese letters (precomposed, decomposed or with the
 * marks swapped), digits, spaces and punctuation, drawn from few pieces so
 * that ties at the first levels are frequent.
 */
static const char *const consonants[] = {
	"b", "B", "c", "d", "D", "\xC4\x91", "\xC4\x90", "g", "h", "n", "N", "t",
	"0", "1", "2", "9", " ", "-", ",", "\xE2\x80\x9C",
};

static unsigned long prng(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return *seed >> 33;
}

/* Writes into nfc and nfd one random text of up to max pieces, its vowels
 * from the first nvowels of the table. */
static void random_text(unsigned long *seed, size_t max, size_t nvowels, char *nfc, char *nfd)
{
	size_t k = prng(seed) % (max + 1), j, v, t;

	*nfc = *nfd = '\0';
	for (j = 0; j < k; j++) {
		if (prng(seed) % 2 == 0) {
			v = prng(seed) % nvowels;
			t = prng(seed) % 6;
			strcat(nfc, vowels[v].nfc[t]);
			strcat(nfd, prng(seed) % 2 ? vowels[v].nfd[t] : vowels[v].swapped[t]);
		} else {
			v = prng(seed) % COUNT(consonants);
			strcat(nfc, consonants[v]);
			strcat(nfd, consonants[v]);
		}
	}
}

static void test_random(void **state)
{
	char a[3][256], d[3][256];
	unsigned long seed = 2024;
	size_t round, i;
	int ab, bc, ac;

	(void)state;
	for (round = 0; round < 5000; round++) {
		/* few vowels and short texts in most rounds, to make ties */
		for (i = 0; i < 3; i++)
			random_text(&seed, round % 2 ? 4 : 12, round % 4 == 0 ? N_VOWELS : 8, a[i], d[i]);
		/* the same text decomposed is equal, key for key */
		for (i = 0; i < 3; i++) {
			size_t na, nb;
			unsigned char *ka = key_of(a[i], &na), *kb = key_of(d[i], &nb);

			if (cmp(a[i], d[i]) != 0 || na != nb || memcmp(ka, kb, na) != 0)
				fail_msg("round %zu: \"%s\" and its NFD differ", round, a[i]);
			free(ka);
			free(kb);
		}
		ab = cmp(a[0], a[1]);
		bc = cmp(a[1], a[2]);
		ac = cmp(a[0], a[2]);
		/* keys agree, the order is antisymmetric and transitive */
		if (cmp_by_keys(a[0], a[1]) != ab || cmp_by_keys(d[0], a[1]) != ab ||
		    cmp_by_keys(a[1], d[2]) != bc)
			fail_msg("round %zu: keys disagree on \"%s\", \"%s\", \"%s\"", round, a[0], a[1], a[2]);
		if (cmp(a[1], a[0]) != -ab || cmp(d[1], d[0]) != -ab)
			fail_msg("round %zu: not antisymmetric on \"%s\", \"%s\"", round, a[0], a[1]);
		if ((ab <= 0 && bc <= 0 && ac > 0) || (ab >= 0 && bc >= 0 && ac < 0) ||
		    (ab == 0 && bc == 0 && ac != 0))
			fail_msg("round %zu: not transitive on \"%s\", \"%s\", \"%s\"", round, a[0], a[1], a[2]);
	}
}

/* Texts longer than the key builder keeps in memory order as short ones do. */
static void test_long_texts(void **state)
{
	enum { LEN = 3000 };  /* 1000 letters */
	static char base[2 * LEN], tone[2 * LEN], upper[2 * LEN], digits[2 * LEN], nfd[2 * LEN];
	size_t i, n = 0, m = 0;

	(void)state;
	for (i = 0; i < LEN / 3; i++) {
		memcpy(base + n, "\xE1\xBB\x87", 3);  /* ệ */
		memcpy(nfd + m, "e" DOT CIRC, 5);
		n += 3;
		m += 5;
	}
	base[n] = nfd[m] = '\0';
	strcat(strcpy(tone, base), "a");
	strcat(strcpy(upper, base), "A");
	strcat(strcpy(digits, base), "07");
	strcat(base, "a");
	check_cmp("long, case", base, upper, -1);
	check_cmp("long, decomposed", base, tone, 0);
	strcat(tone, ACUTE);
	check_cmp("long, tone", base, tone, -1);
	check_cmp("long, tone before case", upper, tone, -1);
	strcat(nfd, "a");
	check_cmp("long, nfd", nfd, base, 0);
	check_cmp("long, digits", digits, base, -1);
	strcpy(upper, nfd);
	upper[strlen(upper) - 1] = '7';
	check_cmp("long, leading zero", upper, digits, -1);
}

/* Runs of more than 255 digits are read as several numbers, consistently. */
static void test_huge_numbers(void **state)
{
	static char a[700], b[700];

	(void)state;
	memset(a, '9', 600);
	memset(b, '9', 600);
	b[599] = '8';
	check_cmp("huge", b, a, -1);
	memset(b, '0', 3);
	check_cmp("huge, zeros", b, a, -1);
	a[600] = '0';
	check_cmp("huge, longer", b, a, -1);
}

/* 1 when the key of t lies in the range collate_vi_primary gives for p. */
static int in_primary_range(const char *p, const char *t)
{
	unsigned char prim[512], key[512];
	size_t np = collate_vi_primary(p, strlen(p), prim, sizeof prim), lo = np, nk;
	int below_hi;

	nk = collate_vi_key(t, strlen(t), key, sizeof key);
	assert_true(np < sizeof prim - 1 && nk < sizeof key);
	while (lo > 0 && prim[lo - 1] == 0)
		lo--;
	prim[np] = 0x01;
	/* as SQLite compares BLOBs: memcmp over the common length, then the shorter first */
	if (memcmp(key, prim, nk < lo ? nk : lo) < 0 || (memcmp(key, prim, nk < lo ? nk : lo) == 0 && nk < lo))
		return 0;
	below_hi = memcmp(key, prim, nk < np + 1 ? nk : np + 1);
	return below_hi < 0 || (below_hi == 0 && nk < np + 1);
}

/* The first level alone finds the texts of the same letters, whatever their tones and case. */
static void test_primary(void **state)
{
	static const char *same[][2] = {
		{ "TCVN ISO 18091:2020", "tcvn iso 18091:2020" },
		{ "Đề án 1064", "đê ÁN 1064" },
		{ "NV.2022.7", "nv.2022.007" },
		{ "Ā", "ā" },           /* a weight that ends in a zero byte */
		{ "", "" },
	};
	static const char *other[][2] = {
		{ "Đề án 1064", "De an 1064" }, /* đ and ê are letters of their own */
		{ "NV.2022.7", "NV.2022.70" },
		{ "NV.2022", "NV.2022.1" },
		{ "NV.2022.1", "NV.2022" },
		{ "ab", "a" },
		{ "Ā", "Ā1" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		assert_true(in_primary_range(same[i][0], same[i][1]));
		assert_true(in_primary_range(same[i][1], same[i][0]));
	}
	for (i = 0; i < sizeof other / sizeof other[0]; i++) {
		assert_false(in_primary_range(other[i][0], other[i][1]));
		assert_false(in_primary_range(other[i][1], other[i][0]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_key_bytes),
		cmocka_unit_test(test_key_small_buffer),
		cmocka_unit_test(test_alphabet),
		cmocka_unit_test(test_vowels),
		cmocka_unit_test(test_d),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_nfd_names),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_case_and_tones),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_long_texts),
		cmocka_unit_test(test_huge_numbers),
		cmocka_unit_test(test_primary),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("the C.UTF-8 locale is missing\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
