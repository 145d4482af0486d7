#include "config.h"

#include "unit.h"

#include "search.h"

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
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
