#include "config.h"

#include "unit.h"

#include "idset.h"

static void id_of(int i, char out[40])
{
	snprintf(out, 40, "%08x-1064-4a2b-9c3d-%012d", (unsigned)i * 2654435761u, i);
}

static void test_empty_and_null(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	assert_non_null(s);
	assert_int_equal(idset_count(s), 0);
	assert_false(idset_has(s, "a"));
	assert_false(idset_has(s, ""));
	assert_false(idset_has(NULL, "a"));
	assert_int_equal(idset_count(NULL), 0);
	idset_remove(s, "absent");
	idset_remove(NULL, "absent");
	assert_int_equal(idset_count(s), 0);
	idset_free(&s);
	assert_null(s);
	idset_free(&s);
	idset_free(NULL);
}

static void test_add_twice_remove_add_again(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	assert_int_equal(idset_add(s, "i00001"), 0);
	assert_int_equal(idset_add(s, "i00001"), 0);
	assert_int_equal(idset_count(s), 1);
	assert_true(idset_has(s, "i00001"));
	assert_false(idset_has(s, "i00002"));
	assert_false(idset_has(s, "i0000")); /* a prefix is another id */
	idset_remove(s, "i00001");
	assert_false(idset_has(s, "i00001"));
	assert_int_equal(idset_count(s), 0);
	assert_int_equal(idset_add(s, "i00001"), 0);
	assert_true(idset_has(s, "i00001"));
	assert_int_equal(idset_count(s), 1);
	/* Vietnamese and empty keys are keys like any other. */
	assert_int_equal(idset_add(s, "Quyết định 1064"), 0);
	assert_int_equal(idset_add(s, ""), 0);
	assert_true(idset_has(s, "Quyết định 1064"));
	assert_false(idset_has(s, "Quyet dinh 1064"));
	assert_true(idset_has(s, ""));
	assert_int_equal(idset_count(s), 3);
	idset_free(&s);
}

/* The caller's buffer may change after idset_add: the set keeps its own copy. */
static void test_owns_its_copies(void **state)
{
	struct idset *s = idset_new();
	char buf[16] = "abc";

	(void)state;
	assert_int_equal(idset_add(s, buf), 0);
	strcpy(buf, "xyz");
	assert_true(idset_has(s, "abc"));
	assert_false(idset_has(s, "xyz"));
	idset_free(&s);
}

static void test_many(void **state)
{
	enum { N = 100000 };
	struct idset *s = idset_new();
	char id[40];
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		id_of(i, id);
		assert_int_equal(idset_add(s, id), 0);
	}
	assert_int_equal(idset_count(s), N);
	for (i = 0; i < N; i++) {
		id_of(i, id);
		if (!idset_has(s, id))
			fail_msg("id %d lost after growing", i);
	}
	for (i = N; i < N + 1000; i++) {
		id_of(i, id);
		assert_false(idset_has(s, id));
	}
	/* Take every other one out. */
	for (i = 0; i < N; i += 2) {
		id_of(i, id);
		idset_remove(s, id);
	}
	assert_int_equal(idset_count(s), N / 2);
	for (i = 0; i < N; i++) {
		id_of(i, id);
		if (idset_has(s, id) != (i % 2 == 1))
			fail_msg("id %d: %s", i, i % 2 ? "lost" : "still there");
	}
	idset_free(&s);
}

/*
 * Adding and removing over and over leaves removed slots behind; the set
 * must still find free room (and not loop for ever) and keep its count.
 */
static void test_churn(void **state)
{
	struct idset *s = idset_new();
	char id[40];
	int i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		id_of(i, id);
		assert_int_equal(idset_add(s, id), 0);
		if (i >= 5) {
			id_of(i - 5, id);
			idset_remove(s, id);
		}
	}
	assert_int_equal(idset_count(s), 5);
	for (i = 200000 - 5; i < 200000; i++) {
		id_of(i, id);
		assert_true(idset_has(s, id));
	}
	id_of(0, id);
	assert_false(idset_has(s, id));
	idset_free(&s);
}

struct visit {
	int seen[64];
	int calls;
	int stop_after; /* 0: never */
};

static int visit(void *ctx, const char *id)
{
	struct visit *v = ctx;
	int n = atoi(id + 1);

	assert_true(n >= 0 && n < 64);
	v->seen[n]++;
	v->calls++;
	return v->stop_after != 0 && v->calls == v->stop_after ? 42 : 0;
}

static void test_each_and_clear(void **state)
{
	struct idset *s = idset_new();
	struct visit v = { { 0 }, 0, 0 };
	char id[8];
	int i;

	(void)state;
	for (i = 0; i < 64; i++) {
		snprintf(id, sizeof id, "n%d", i);
		assert_int_equal(idset_add(s, id), 0);
	}
	idset_remove(s, "n7");
	assert_int_equal(idset_each(s, visit, &v), 0);
	assert_int_equal(v.calls, 63);
	for (i = 0; i < 64; i++)
		assert_int_equal(v.seen[i], i == 7 ? 0 : 1);

	/* fn's non-zero stops the walk and is returned. */
	memset(&v, 0, sizeof v);
	v.stop_after = 10;
	assert_int_equal(idset_each(s, visit, &v), 42);
	assert_int_equal(v.calls, 10);

	idset_clear(s);
	assert_int_equal(idset_count(s), 0);
	assert_false(idset_has(s, "n1"));
	memset(&v, 0, sizeof v);
	assert_int_equal(idset_each(s, visit, &v), 0);
	assert_int_equal(v.calls, 0);
	/* Still usable after clearing. */
	assert_int_equal(idset_add(s, "n1"), 0);
	assert_true(idset_has(s, "n1"));
	idset_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_add_twice_remove_add_again),
		cmocka_unit_test(test_owns_its_copies),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_churn),
		cmocka_unit_test(test_each_and_clear),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
