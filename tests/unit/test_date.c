#include "config.h"

#include <time.h>

#include "unit.h"

#include "date.h"

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2024, 2, 29));  /* divisible by 4 */
	assert_false(date_valid(2023, 2, 29));
	assert_false(date_valid(2100, 2, 29)); /* by 100, not by 400 */
	assert_true(date_valid(2000, 2, 29));  /* by 400 */
	assert_true(date_valid(2024, 12, 31));
	assert_false(date_valid(2024, 4, 31)); /* thirty days hath April */
	assert_true(date_valid(1, 1, 1));
	assert_true(date_valid(9999, 12, 31));
	assert_false(date_valid(0, 1, 1));
	assert_false(date_valid(10000, 1, 1));
	assert_false(date_valid(2024, 0, 1));
	assert_false(date_valid(2024, 13, 1));
	assert_false(date_valid(2024, 1, 0));
	assert_false(date_valid(2024, 1, 32));
	assert_false(date_valid(-2024, 1, 1));
}

static void test_parse_good(void **state)
{
	static const struct { const char *in, *iso; } cases[] = {
		{ "2024-03-29", "2024-03-29" },
		{ "29/03/2024", "2024-03-29" },
		{ "29/3/2024", "2024-03-29" },
		{ "1/1/2025", "2025-01-01" },
		{ "01/01/2025", "2025-01-01" },
		{ "29/02/2024", "2024-02-29" },
		{ "2000-02-29", "2000-02-29" },
		{ "31/12/9999", "9999-12-31" },
		{ "1/1/0001", "0001-01-01" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char iso[11] = "";

		if (date_parse(cases[i].in, iso) != 0)
			fail_msg("\"%s\" refused", cases[i].in);
		assert_string_equal(iso, cases[i].iso);
	}
}

static void test_parse_bad(void **state)
{
	static const char *const bad[] = {
		"", "2024", "2024-02-30", "2100-02-29", "2023-02-29", "31/02/2024", "30/2/2024",
		"31/13/2024", "0/1/2024", "1/0/2024", "32/1/2024", "1/1/0000", "1/1/24",
		"1/1/20245", "2024-1-05", "2024-01-5x", "2024/01/05", "01-01-2024",
		"123/1/2024", "1//2024", "/1/2024", "1/1/", " 1/1/2024", "1/1/2024 ",
		"2024-01-05x", "x2024-01-05", "29.03.2024", "ngày 29/3", "2024-00-10",
		"２９/３/２０２４", /* full-width digits */
		"\xff\xfe/1/2024", /* not UTF-8 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char iso[11] = "unchanged";

		if (date_parse(bad[i], iso) != -1)
			fail_msg("\"%s\" taken as %s", bad[i], iso);
	}
	assert_int_equal(date_parse(NULL, (char[11]){ 0 }), -1);
}

static void test_format(void **state)
{
	char out[11];

	(void)state;
	date_format("2024-03-29", DATE_DMY, out);
	assert_string_equal(out, "29/03/2024");
	date_format("2024-03-29", DATE_ISO, out);
	assert_string_equal(out, "2024-03-29");
	date_format("", DATE_DMY, out);
	assert_string_equal(out, "");
	date_format(NULL, DATE_ISO, out);
	assert_string_equal(out, "");
	date_format("2024-3-29", DATE_DMY, out); /* not ISO: nothing shown, not garbage */
	assert_string_equal(out, "");
}

static void test_round_trip(void **state)
{
	int y, m, d, n = 0;

	(void)state;
	/* Every day of two years, a leap one included, shown and read back. */
	for (y = 2023; y <= 2024; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= 31; d++) {
				char iso[11], shown[11], back[11];

				if (!date_valid(y, m, d))
					continue;
				snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
				date_format(iso, DATE_DMY, shown);
				assert_int_equal(date_parse(shown, back), 0);
				assert_string_equal(back, iso);
				n++;
			}
	assert_int_equal(n, 365 + 366);
}

static void test_days_between(void **state)
{
	(void)state;
	assert_int_equal(date_days_between("2024-01-01", "2024-01-01"), 0);
	assert_int_equal(date_days_between("2024-01-01", "2025-01-01"), 366);
	assert_int_equal(date_days_between("2023-01-01", "2024-01-01"), 365);
	assert_int_equal(date_days_between("2024-03-01", "2024-02-28"), -2);
	assert_int_equal(date_days_between("1970-01-01", "2000-01-01"), 10957);
	assert_int_equal(date_days_between("1999-12-31", "2100-03-01"), 36585);
	assert_int_equal(date_days_between("2024-02-30", "2024-03-01"), 0);
	assert_int_equal(date_days_between(NULL, "2024-03-01"), 0);
	assert_int_equal(date_days_between("2024-03-01", "soon"), 0);
}

static void test_today(void **state)
{
	char iso[11], ref[11];
	struct error err = { 0 };
	time_t t;
	struct tm tm;

	(void)state;
	assert_int_equal(setenv("HOSO_TODAY", "2025-06-30", 1), 0);
	assert_int_equal(date_today(iso, &err), 0);
	assert_string_equal(iso, "2025-06-30");

	/* A bad HOSO_TODAY is a usage error that quotes it. */
	static const char *const bad[] = { "30/06/2025", "2025-02-30", "2025-6-30", "today", "2025-06-30x" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct error e = { 0 };

		assert_int_equal(setenv("HOSO_TODAY", bad[i], 1), 0);
		assert_int_equal(date_today(iso, &e), -1);
		assert_int_equal(e.kind, ERROR_USAGE);
		assert_non_null(strstr(e.msg, bad[i]));
	}

	/* Unset or empty: the local date. */
	assert_int_equal(setenv("HOSO_TODAY", "", 1), 0);
	assert_int_equal(date_today(iso, &err), 0);
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(ref, sizeof ref, "%Y-%m-%d", &tm);
	assert_string_equal(iso, ref);
	unsetenv("HOSO_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_days_between),
		cmocka_unit_test(test_today),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
