#include "config.h"

#include "unit.h"

#include "text.h"
#include "wrap.h"

struct wrap_case {
	const char *s;
	int width;
	size_t len;  /* bytes of the first line */
	size_t next; /* where the next line starts */
};

static void run_cases(const struct wrap_case *cases, size_t n)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		size_t next = 9999;
		size_t len = wrap_line(cases[i].s, strlen(cases[i].s), cases[i].width, &next);
		if (len != cases[i].len || next != cases[i].next) {
			print_error("case %zu (\"%s\", %d): got %zu/%zu, want %zu/%zu\n", i, cases[i].s,
				    cases[i].width, len, next, cases[i].len, cases[i].next);
			bad++;
		}
	}
	if (bad)
		fail_msg("%d case(s) failed", bad);
}

static void test_empty_and_narrow(void **state)
{
	static const struct wrap_case cases[] = {
		{"", 10, 0, 0},
		{"abc", 0, 1, 1},      /* width < 1 is 1 */
		{"abc", -3, 1, 1},
		{"abc", 1, 1, 1},
		{"a b", 1, 1, 2},
		{"Đình", 0, 2, 2},     /* one character, two bytes */
		{"e\xcc\xa3\xcc\x82x", 1, 5, 5}, /* a base and its marks stay together */
	};
	(void)state;
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_breaks_at_spaces(void **state)
{
	static const struct wrap_case cases[] = {
		{"hello world", 20, 11, 11},
		{"hello world", 11, 11, 11},
		{"hello world", 10, 5, 6},
		{"hello world", 5, 5, 6},
		{"hello world", 6, 5, 6},
		{"hello   world", 5, 5, 8},   /* spaces skipped */
		{"one two three", 9, 7, 8},
		{"one two three", 7, 7, 8},
		{"one two three", 6, 3, 4},
		{"Đình Vũ Hải Phòng", 8, 10, 11},
		{"Đình Vũ Hải Phòng", 7, 10, 11},
		{"Đình Vũ Hải Phòng", 6, 6, 7},
	};
	(void)state;
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_long_words(void **state)
{
	static const struct wrap_case cases[] = {
		{"abcdefghij", 4, 4, 4},
		{"abcdefghij klm", 4, 4, 4},
		{"ab abcdefghij", 4, 2, 3},
		{"Nghiêngnghiêng", 5, 6, 6},           /* ê is two bytes */
		{"中文字", 3, 3, 3},                    /* a wide char not split */
		{"中文字", 1, 3, 3},                    /* width 1 still takes one char */
		/* NFD: "Vie + dot + circumflex + t" never split inside */
		{"Vie\xcc\xa3\xcc\x82tnam", 3, 7, 7},
		{"Vie\xcc\xa3\xcc\x82tnam", 2, 2, 2},
	};
	(void)state;
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_newline(void **state)
{
	static const struct wrap_case cases[] = {
		{"ab\ncd", 10, 2, 3},
		{"\nabc", 10, 0, 1},
		{"ab\n\ncd", 10, 2, 3},
		{"hello world\nx", 5, 5, 6},
		{"ab \ncd", 10, 3, 4},
	};
	(void)state;
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_only_n_bytes(void **state)
{
	size_t next = 0, len;
	(void)state;
	/* several spaces at the break: the line is "hello" (maybe with spaces), next at "world" */
	len = wrap_line("hello   world", 13, 8, &next);
	assert_int_equal(next, 8);
	assert_true(len >= 5 && len <= 8);
	assert_memory_equal("hello   ", "hello   world", len);
	assert_int_equal(wrap_line("hello world", 5, 20, &next), 5);
	assert_int_equal(next, 5);
	assert_int_equal(wrap_line("abc", 0, 5, &next), 0);
	assert_int_equal(next, 0);
}

/* A paragraph cut at every width: pieces fit, marks never split, rejoins to the text. */
static void test_paragraph(void **state)
{
	static const char *const texts[] = {
		"Ủy ban nhân dân thành phố Hải Phòng giao Sở Khoa học và Công nghệ chủ trì, "
		"phối hợp với Ban Quản lý Khu kinh tế Hải Phòng và Trường Đại học Hải Phòng "
		"triển khai Đề án 10 về phát triển vật liệu thạch cao phospho tại Đình Vũ.",
		"Vie\xcc\xa3\xcc\x82t Nam tru\xcc\x9bo\xcc\x9b\xcc\x80ng ho\xcc\xa3" "c "
		"nghie\xcc\x82n cu\xcc\x9b\xcc\x81u khoa ho\xcc\xa3" "c co\xcc\x82ng nghe\xcc\xa3\xcc\x82",
	};
	int not_greedy = 0;
	(void)state;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *text = texts[t];
		size_t n = strlen(text);
		for (int width = 1; width <= 80; width++) {
			char joined[1024] = "";
			size_t pos = 0, jl = 0;
			int lines = 0;
			while (pos < n) {
				size_t next = 0;
				size_t len = wrap_line(text + pos, n - pos, width, &next);
				int w = text_width_n(text + pos, len);
				if (len > 0 && w > width && text_width_n(text + pos, 1) != 0) {
					/* only allowed when a single character is wider than the line */
					uint32_t cp;
					size_t c = utf8_decode(text + pos, len, &cp);
					while (c < len && text_width_n(text + pos + c, 1) == 0)
						c++;
					if (c != len)
						fail_msg("width %d: piece of %d cells", width, w);
				}
				if (next == 0 || next > n - pos)
					fail_msg("width %d: no progress (next %zu)", width, next);
				/* the piece does not end inside a character or before a mark */
				if (pos + len < n) {
					unsigned char c = (unsigned char)text[pos + len];
					unsigned char c2 = (unsigned char)text[pos + len + 1];
					if ((c & 0xc0) == 0x80)
						fail_msg("width %d: cut inside a character", width);
					if (c == 0xcc && c2 >= 0x80)
						fail_msg("width %d: cut before a combining mark", width);
				}
				/* greedy: the next word would not have fitted on this line */
				if (pos + next < n && next > len && text[pos + len] == ' ') {
					size_t we = pos + next;
					while (we < n && text[we] != ' ')
						we++;
					int wl = text_width_n(text + pos, we - pos);
					if (wl <= width && not_greedy++ < 5)
						print_error("width %d: line \"%.*s\" could hold the next word\n",
							    width, (int)len, text + pos);
				}
				/* pieces have no leading or trailing spaces in this text */
				if (len > 0 && (text[pos] == ' ' || text[pos + len - 1] == ' '))
					fail_msg("width %d: piece with edge space", width);
				if (lines > 0)
					joined[jl++] = ' ';
				memcpy(joined + jl, text + pos, len);
				jl += len;
				joined[jl] = '\0';
				pos += next;
				lines++;
				if (lines > 1000)
					fail_msg("width %d: too many lines", width);
			}
			if (width >= 16 && strcmp(joined, text) != 0)
				fail_msg("width %d: rejoined \"%s\"", width, joined);
			if (width < 16) {
				/* words may be hard-split: the text without spaces is unchanged */
				char a[1024], b[1024];
				size_t na = 0, nb = 0;
				for (size_t i = 0; text[i]; i++)
					if (text[i] != ' ')
						a[na++] = text[i];
				for (size_t i = 0; joined[i]; i++)
					if (joined[i] != ' ')
						b[nb++] = joined[i];
				a[na] = b[nb] = '\0';
				if (strcmp(a, b) != 0)
					fail_msg("width %d: text lost", width);
			}
		}
	}
	if (not_greedy)
		fail_msg("%d line(s) broke before a word that fitted", not_greedy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_narrow),
		cmocka_unit_test(test_breaks_at_spaces),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_newline),
		cmocka_unit_test(test_only_n_bytes),
		cmocka_unit_test(test_paragraph),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
