#include "config.h"

#include "unit.h"

#include "search.h"
#include "text.h"

/* The FTS expression text compiles to; "" when it holds no word. */
static const char *fts_of(const char *text, char *buf, size_t n)
{
	struct search_query *q = NULL;

	assert_int_equal(search_compile(text, &q), 0);
	snprintf(buf, n, "%s", q != NULL ? search_fts(q) : "");
	search_free(&q);
	return buf;
}

static bool matches(const char *query, const char *folded)
{
	struct search_query *q = NULL;
	bool r;

	assert_int_equal(search_compile(query, &q), 0);
	assert_non_null(q);
	r = search_match(q, folded, strlen(folded));
	search_free(&q);
	return r;
}

static void test_no_words(void **state)
{
	static const char *const empty[] = { "", "   ", " , . ; - / ", "\"\"", "*", "–—…", "\t\n" };
	struct search_query *q = (struct search_query *)1;
	size_t i;

	(void)state;
	assert_int_equal(search_compile(NULL, &q), 0);
	assert_null(q);
	for (i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		q = (struct search_query *)1;
		assert_int_equal(search_compile(empty[i], &q), 0);
		if (q != NULL)
			fail_msg("\"%s\" gave a query of %d words", empty[i], search_words(q));
	}
	assert_int_equal(search_words(NULL), 0);
	/* No query matches everything. */
	assert_true(search_match(NULL, "anything", 8));
	search_free(NULL);
	q = NULL;
	search_free(&q);
}

static void test_folding(void **state)
{
	static const char *const same[] = {
		"thach cao", "THẠCH CAO", "Thạch Cao", "tha\xcc\xa3\x63h cao" /* NFD ạ */,
		"  thạch,  cao. ",
	};
	char buf[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof same / sizeof same[0]; i++)
		assert_string_equal(fts_of(same[i], buf, sizeof buf), "\"thach\"* \"cao\"*");
	assert_string_equal(fts_of("Đình Vũ", buf, sizeof buf), "\"dinh\"* \"vu\"*");
	assert_string_equal(fts_of("đĐ", buf, sizeof buf), "\"dd\"*");
	assert_string_equal(fts_of("Thừa Thiên Huế", buf, sizeof buf), "\"thua\"* \"thien\"* \"hue\"*");
	assert_string_equal(fts_of("36-NQ/TW", buf, sizeof buf), "\"36\"* \"nq\"* \"tw\"*");
	assert_string_equal(fts_of("TCVN ISO 18091:2014", buf, sizeof buf),
	                    "\"tcvn\"* \"iso\"* \"18091\"* \"2014\"*");
}

/* What a clerk types never reaches FTS5 as syntax: quotes, stars, operators. */
static void test_no_fts_syntax(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(fts_of("a\" OR \"b", buf, sizeof buf), "\"a\"* \"or\"* \"b\"*");
	assert_string_equal(fts_of("NEAR(x y) *z^ col:w", buf, sizeof buf),
	                    "\"near\"* \"x\"* \"y\"* \"z\"* \"col\"* \"w\"*");
	assert_string_equal(fts_of("x AND NOT y", buf, sizeof buf), "\"x\"* \"and\"* \"not\"* \"y\"*");
}

/* Every word counts: the 17th and the 60th too (only 16 did). */
static void test_no_word_limit(void **state)
{
	struct search_query *q = NULL;
	char text[512] = "", item[512] = "";
	int i;

	(void)state;
	for (i = 0; i < 60; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "w%d ", i);
	assert_int_equal(search_compile(text, &q), 0);
	assert_int_equal(search_words(q), 60);
	for (i = 0; i < 59; i++)
		snprintf(item + strlen(item), sizeof item - strlen(item), "w%d ", i);
	assert_false(search_match(q, item, strlen(item)));       /* w59 is missing */
	snprintf(item + strlen(item), sizeof item - strlen(item), "w59");
	assert_true(search_match(q, item, strlen(item)));
	assert_non_null(strstr(search_fts(q), "\"w16\"* "));
	assert_non_null(strstr(search_fts(q), "\"w59\"*"));
	search_free(&q);
	assert_null(q);
	/* The 17th word of a query of 17 is not dropped. */
	assert_int_equal(search_compile("a b c d e f g h i j k l m n o p zzz", &q), 0);
	assert_int_equal(search_words(q), 17);
	assert_false(search_match(q, "a b c d e f g h i j k l m n o p", 31));
	search_free(&q);
}

static void test_bad_utf8(void **state)
{
	struct search_query *q = NULL;

	(void)state;
	assert_int_equal(search_compile("\xff\xfethach \xc3", &q), 0);
	assert_non_null(q);
	assert_true(search_match(q, "thach cao", 9));
	assert_false(search_match(q, "cao", 3));
	search_free(&q);
}

static void test_match(void **state)
{
	static const char text[] = "hoan thien cong nghe xu ly ba thai thach cao phospho tai dinh vu 36-nq/tw";

	(void)state;
	assert_true(matches("thach cao", text));
	assert_true(matches("cao thach", text));      /* any order */
	assert_true(matches("th ca", text));          /* each word a prefix */
	assert_true(matches("Đình Vũ", text));
	assert_true(matches("36-NQ", text));
	assert_true(matches("nq tw", text));
	assert_false(matches("hach", text));          /* not at a word's start */
	assert_false(matches("thach vang", text));    /* every word must match */
	assert_false(matches("thachcao", text));      /* one word is not two */
	assert_false(matches("phosphor", text));      /* longer than the word */
	assert_true(matches("hoan", text));           /* the first word */
	assert_true(matches("tw", text));             /* the last one */
	assert_false(matches("thach", "thac"));
	assert_false(matches("a", ""));
	/* Only the first n bytes count. */
	{
		struct search_query *q = NULL;

		assert_int_equal(search_compile("cao", &q), 0);
		assert_false(search_match(q, "thach cao", 7));
		assert_true(search_match(q, "thach cao", 9));
		assert_false(search_match(q, NULL, 0));
		search_free(&q);
	}
}

static void test_word_chars(void **state)
{
	static const unsigned word[] = { 'a', 'z', 'A', 'Z', '0', '9', 0xe0 /* à */, 0x111 /* đ */,
	                                 0x1ea1 /* ạ */, 0x1b0 /* ư */, 0x4e2d /* 中 */ };
	static const unsigned sep[] = { ' ', '\t', '-', '/', '"', '*', '_', '.', ',', ':', '(', 0x7f,
	                                0xa0 /* no-break space */, 0xab /* « */, 0xd7 /* × */,
	                                0x2013 /* – */, 0x201c /* “ */, 0x3001 /* 、 */, 0xfeff, 0xfffd };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof word / sizeof word[0]; i++)
		if (!search_is_word_char(word[i]))
			fail_msg("U+%04X should be part of a word", word[i]);
	for (i = 0; i < sizeof sep / sizeof sep[0]; i++)
		if (search_is_word_char(sep[i]))
			fail_msg("U+%04X should separate words", sep[i]);
}

/* ------------------------------------------------------------ the window */

#define PHOSPHO "Ho\xC3\xA0n thi\xE1\xBB\x87n c\xC3\xB4ng ngh\xE1\xBB\x87 x\xE1\xBB\xAD l\xC3\xBD " \
	"b\xC3\xA3 th\xE1\xBA\xA3i th\xE1\xBA\xA1" "ch cao phospho c\xE1\xBB\xA7" "a Nh\xC3\xA0 m\xC3\xA1y " \
	"ph\xC3\xA2n b\xC3\xB3n DAP \xE2\x80\x93 \xC4\x90\xC3\xACnh V\xC5\xA9 s\xE1\xBA\xA3n xu\xE1\xBA\xA5t"
/* "Hoàn thiện công nghệ xử lý bã thải thạch cao phospho của Nhà máy phân bón DAP – Đình Vũ sản xuất" */

static size_t window(const char *query, const char *title, int cols)
{
	struct search_query *q = NULL;
	size_t at;

	assert_int_equal(search_compile(query, &q), 0);
	at = search_window(q, title, cols);
	search_free(&q);
	return at;
}

/* What the list shows: "…" and the title from the window, in cols cells. */
static void shown(const char *query, const char *title, int cols, char *out, size_t n)
{
	size_t at = window(query, title, cols);
	char buf[512];

	snprintf(buf, sizeof buf, "%s%s", at > 0 ? "\xE2\x80\xA6" : "", title + at);
	text_fit(buf, cols, TEXT_ELLIPSIS, out, n);
}

static void test_window_bad_arguments(void **state)
{
	struct search_query *q = NULL;

	(void)state;
	assert_int_equal(search_window(NULL, PHOSPHO, 38), 0);
	assert_int_equal(search_compile("thach", &q), 0);
	assert_int_equal(search_window(q, NULL, 38), 0);
	assert_int_equal(search_window(q, PHOSPHO, 0), 0);
	assert_int_equal(search_window(q, PHOSPHO, 1), 0);
	assert_int_equal(search_window(q, PHOSPHO, -5), 0);
	assert_int_equal(search_window(q, "", 38), 0);
	search_free(&q);
}

/* The case of the report: at 100 columns the title has 38 cells. */
static void test_window_shows_the_match(void **state)
{
	char out[512];
	size_t at;

	(void)state;
	at = window("thach cao", PHOSPHO, 38);
	assert_true(at > 0);
	/* at a word: "lý bã thải " leaves 11 cells before the match, a third of 37 */
	assert_memory_equal(PHOSPHO + at, "l\xC3\xBD b\xC3\xA3", 6);
	shown("thach cao", PHOSPHO, 38, out, sizeof out);
	assert_string_equal(out, "\xE2\x80\xA6l\xC3\xBD b\xC3\xA3 th\xE1\xBA\xA3i th\xE1\xBA\xA1" "ch cao phospho c\xE1\xBB\xA7" "a Nh\xC3\xA0\xE2\x80\xA6");
	assert_int_equal(text_width(out), 38);
	/* the same for the query in capitals, with diacritics, or fullwidth */
	assert_int_equal(window("TH\xE1\xBA\xA0" "CH CAO", PHOSPHO, 38), at);
	assert_int_equal(window("\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x81\xEF\xBD\x83\xEF\xBD\x88", PHOSPHO, 38), at);
	/* a prefix matches as the search does */
	assert_int_equal(window("thac", PHOSPHO, 38), at);
	/* narrow: the match comes first */
	shown("thach cao", PHOSPHO, 12, out, sizeof out);
	assert_non_null(strstr(out, "th\xE1\xBA\xA1" "ch"));
	assert_int_equal(text_width(out), 12);
	/* a word at the very end: the rest of the title fills the cells */
	shown("xuat", PHOSPHO, 20, out, sizeof out);
	assert_string_equal(out, "\xE2\x80\xA6\xC4\x90\xC3\xACnh V\xC5\xA9 s\xE1\xBA\xA3n xu\xE1\xBA\xA5t");
}

static void test_window_not_needed(void **state)
{
	(void)state;
	/* the match is within the cells (with room for the "…") */
	assert_int_equal(window("cong nghe", PHOSPHO, 38), 0);
	assert_int_equal(window("hoan", PHOSPHO, 10), 0);
	/* the whole title fits */
	assert_int_equal(window("thach", PHOSPHO, 200), 0);
	/* no word of the title matches (the item matched on its notes) */
	assert_int_equal(window("zzz", PHOSPHO, 38), 0);
	assert_int_equal(window("dinh vu", "Ho\xC3\xA0n thi\xE1\xBB\x87n", 5), 0);
	/* the match ends right at the last cell but one: it shows */
	assert_int_equal(window("thai", PHOSPHO, 35), 0);
}

/* The first word of the title that matches, whichever word of the query. */
static void test_window_first_match(void **state)
{
	char out[256];

	(void)state;
	/* "dinh" comes after "phospho" in the title: the window is at phospho */
	shown("dinh phospho", PHOSPHO, 30, out, sizeof out);
	assert_non_null(strstr(out, "phospho"));
	/* punctuation that opens the word stays with it */
	shown("hai", "X\xC3\xA2y d\xE1\xBB\xB1ng d\xE1\xBB\xAF li\xE1\xBB\x87u t\xC3\xADnh to\xC3\xA1n "
	      "B\xE1\xBB\x99 ch\xE1\xBB\x89 s\xE1\xBB\x91 (PII) t\xE1\xBA\xA1i H\xE1\xBA\xA3i Ph\xC3\xB2ng",
	      20, out, sizeof out);
	assert_string_equal(out, "\xE2\x80\xA6(PII) t\xE1\xBA\xA1i H\xE1\xBA\xA3i Ph\xC3\xB2ng");
	/* NFD text (as many bytes here as NFC): the same window */
	assert_int_equal(window("thach", "Ho\xC3\xA0n thi\xE1\xBB\x87n c\xC3\xB4ng ngh\xE1\xBB\x87 x\xE1\xBB\xAD "
	                        "l\xC3\xBD b\xC3\xA3 tha" "\xCC\x89" "i tha" "\xCC\xA3" "ch cao", 20),
	                 window("thach", "Ho\xC3\xA0n thi\xE1\xBB\x87n c\xC3\xB4ng ngh\xE1\xBB\x87 x\xE1\xBB\xAD "
	                        "l\xC3\xBD b\xC3\xA3 th\xE1\xBA\xA3i th\xE1\xBA\xA1" "ch cao", 20));
	assert_true(window("thach", "Ho\xC3\xA0n thi\xE1\xBB\x87n c\xC3\xB4ng ngh\xE1\xBB\x87 x\xE1\xBB\xAD "
	                   "l\xC3\xBD b\xC3\xA3 tha" "\xCC\x89" "i tha" "\xCC\xA3" "ch cao", 20) > 0);
}

/* A match longer than the cells: it starts the window. */
static void test_window_long_word(void **state)
{
	const char *title = "Ban h\xC3\xA0nh v\xC4\x83n b\xE1\xBA\xA3n supercalifragilistic v\xE1\xBB\x81 vi\xE1\xBB\x87" "c";
	char out[128];

	(void)state;
	shown("supercal", title, 12, out, sizeof out);
	assert_string_equal(out, "\xE2\x80\xA6supercalif\xE2\x80\xA6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_words),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_no_fts_syntax),
		cmocka_unit_test(test_no_word_limit),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_word_chars),
		cmocka_unit_test(test_window_bad_arguments),
		cmocka_unit_test(test_window_shows_the_match),
		cmocka_unit_test(test_window_not_needed),
		cmocka_unit_test(test_window_first_match),
		cmocka_unit_test(test_window_long_word),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
