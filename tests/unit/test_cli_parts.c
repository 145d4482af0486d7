/*
 * The parts of the command line below the commands: status and kind names,
 * an item's detail as lines, the list formats (CSV quoting, JSON escaping,
 * the table fitted to a width).
 */
#include "config.h"

#include "unit.h"

#include "detailtext.h"
#include "itemdetail.h"
#include "listfmt.h"
#include "refdata.h"
#include "seed.h"
#include "store.h"
#include "text.h"

static void test_status_and_kind_names(void **state)
{
	static const struct {
		const char *text;
		int status;
	} statuses[] = {
		{ "planned", STATUS_PLANNED }, { "Chưa triển khai", STATUS_PLANNED }, { "chua trien khai", STATUS_PLANNED },
		{ "in_progress", STATUS_IN_PROGRESS }, { "in progress", STATUS_IN_PROGRESS },
		{ "ĐANG TRIỂN KHAI", STATUS_IN_PROGRESS }, { "done", STATUS_DONE }, { "Hoàn thành", STATUS_DONE },
		{ "hủy", STATUS_CANCELLED }, { "overdue", STATUS_OVERDUE }, { "qua han", STATUS_OVERDUE },
		{ "Tạm dừng", STATUS_SUSPENDED }, { "", 0 }, { "bogus", 0 }, { NULL, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (status_parse(statuses[i].text) != statuses[i].status)
			fail_msg("status '%s'", statuses[i].text ? statuses[i].text : "(null)");
	assert_int_equal(kind_parse("task"), 1);
	assert_int_equal(kind_parse("Thỏa thuận"), 6);
	assert_int_equal(kind_parse("kien nghi"), 7);
	assert_int_equal(kind_parse("RECOMMENDATION"), 7);
	assert_int_equal(kind_parse("nothing"), 0);
	assert_string_equal(status_code(STATUS_OVERDUE), "overdue");
	assert_string_equal(status_name(STATUS_IN_PROGRESS), "In progress");
	assert_null(status_name(0));
	assert_null(status_name(STATUS_MAX + 1));
	assert_string_equal(kind_code(4), "pilot");
	assert_null(kind_name(8));
	assert_string_equal(doc_relation_name(4), "reviews");
	assert_null(doc_type_name(0));
}

static void test_overdue(void **state)
{
	(void)state;
	assert_int_equal(status_display(STATUS_IN_PROGRESS, "2024-06-29", "2024-06-30"), STATUS_OVERDUE);
	assert_int_equal(status_display(STATUS_PLANNED, "2024-06-29", "2024-06-30"), STATUS_OVERDUE);
	assert_int_equal(status_display(STATUS_SUSPENDED, "2024-06-29", "2024-06-30"), STATUS_OVERDUE);
	assert_int_equal(status_display(STATUS_IN_PROGRESS, "2024-06-30", "2024-06-30"), STATUS_IN_PROGRESS);
	assert_int_equal(status_display(STATUS_DONE, "2020-01-01", "2024-06-30"), STATUS_DONE);
	assert_int_equal(status_display(STATUS_CANCELLED, "2020-01-01", "2024-06-30"), STATUS_CANCELLED);
	assert_int_equal(status_display(STATUS_IN_PROGRESS, "", "2024-06-30"), STATUS_IN_PROGRESS);
	assert_int_equal(status_display(STATUS_IN_PROGRESS, NULL, "2024-06-30"), STATUS_IN_PROGRESS);
}

static bool has(const struct dlines *l, enum dline_kind kind, const char *label, const char *text)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].kind == kind && (label == NULL || (l->v[i].label != NULL && strcmp(l->v[i].label, label) == 0)) &&
		    strstr(l->v[i].text, text) != NULL)
			return true;
	return false;
}

static void test_detail_lines(void **state)
{
	char *dir = unit_tmpdir(), path[512];
	struct store *s;
	struct error err = { 0 };
	struct item_detail d;
	struct dlines l;
	long no;

	(void)state;
	snprintf(path, sizeof path, "%s/c.db", dir);
	assert_int_equal(store_create(&s, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err), 0);
	assert_int_equal(item_resolve(s, "pii", &no, &err), 1);
	assert_int_equal(no, 2);
	assert_int_equal(item_resolve(s, "#38", &no, &err), 1);
	assert_int_equal(no, 38);
	assert_int_equal(item_resolve(s, "4242", &no, &err), 0);
	assert_string_equal(err.msg, "no item number 4242");
	assert_int_equal(item_resolve(s, "", &no, &err), -1);
	assert_int_equal(item_detail_load(s, 38, "2024-06-30", -1, -1, &d, &err), 1);
	assert_int_equal(detail_lines(&d, DATE_DMY, &l), 0);
	assert_true(has(&l, DL_TITLE, NULL, "#38  Thỏa thuận hợp tác đào tạo nhân lực thiết kế vi mạch, bán dẫn"));
	assert_true(has(&l, DL_FIELD, "Kind", "Agreement"));
	assert_true(has(&l, DL_FIELD, "Status", "In progress"));
	assert_true(has(&l, DL_FIELD, "Start", "29/03/2024"));
	assert_true(has(&l, DL_FIELD, "Lead unit", "not known"));
	assert_true(has(&l, DL_SECTION, NULL, "Partner units (5)"));
	assert_true(has(&l, DL_ENTRY, NULL, "Sở Khoa học và Công nghệ Hải Phòng — bên ký kết"));
	assert_true(has(&l, DL_ENTRY, NULL, ": 1000–1200 kỹ sư, chuyên gia (1000 đến 1.200)"));
	assert_true(has(&l, DL_SECTION, NULL, "History (1)"));
	assert_true(dlines_label_width(&l) >= (int)strlen("Changed"));
	dlines_free(&l);
	item_detail_free(&d);
	/* Limits: only the first of the 12 sub-items, not counted; then counted, and how many more. */
	assert_int_equal(item_detail_load(s, 13, "2024-06-30", 1, 1, &d, &err), 1);
	assert_int_equal(d.children.n, 1);
	assert_int_equal(d.children.total, -1);
	assert_int_equal(detail_lines(&d, DATE_ISO, &l), 0);
	assert_true(has(&l, DL_SECTION, NULL, "Sub-items (1+)"));
	assert_true(has(&l, DL_NOTE, NULL, "… and more"));
	dlines_free(&l);
	assert_int_equal(item_children_count(s, d.id, &d.children.total, &err), 0);
	assert_int_equal(d.children.total, 12);
	assert_int_equal(detail_lines(&d, DATE_ISO, &l), 0);
	assert_true(has(&l, DL_SECTION, NULL, "Sub-items (12)"));
	assert_true(has(&l, DL_NOTE, NULL, "… and 11 more"));
	assert_true(has(&l, DL_ENTRY, NULL, "#14"));
	assert_int_equal(l.v[0].status, 4);
	dlines_free(&l);
	dlines_free(&l);
	item_detail_free(&d);
	item_detail_free(NULL);
	store_close(&s);
	unit_rmdir(dir);
}

static struct item_row row(void)
{
	struct item_row r;

	memset(&r, 0, sizeof r);
	r.no = 12;
	snprintf(r.id, sizeof r.id, "00000000-0000-4000-8000-000000000012");
	r.kind = 6;
	r.status = r.display_status = STATUS_OVERDUE;
	r.progress = 40;
	snprintf(r.due, sizeof r.due, "2024-03-31");
	r.year = 2024;
	r.depth = 1;
	r.code = strdup("A,\"B\"");
	r.title = strdup("Tiêu đề\tcó \"ngoặc\", dấu phẩy\nvà \x1b[31mmã\x1b");
	r.unit = strdup("Sở KH&CN");
	return r;
}

static char *capture(const struct list_options *o, const struct item_row *r)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct list_writer *w = list_writer_new(f, o);

	list_writer_row(w, r);
	list_writer_finish(&w);
	fclose(f);
	return buf;
}

/* History times were UTC and did not say so: they show in the clerk's own time. */
static void test_stamps_in_local_time(void **state)
{
	char out[32];
	const char *old = getenv("TZ");
	char *saved = old != NULL ? strdup(old) : NULL;

	(void)state;
	setenv("TZ", "ICT-7", 1); /* Indochina time, UTC+7, without tzdata */
	tzset();
	dlines_stamp("2024-03-29T20:15:00Z", DATE_DMY, out);
	assert_string_equal(out, "30/03/2024 03:15");
	dlines_stamp("2024-12-31T23:59:59Z", DATE_ISO, out);
	assert_string_equal(out, "2025-01-01 06:59");
	setenv("TZ", "UTC0", 1);
	tzset();
	dlines_stamp("2024-03-29T20:15:00Z", DATE_DMY, out);
	assert_string_equal(out, "29/03/2024 20:15");
	dlines_stamp("not a time", DATE_DMY, out);
	assert_string_equal(out, "not a time");
	dlines_stamp("", DATE_DMY, out);
	assert_string_equal(out, "");
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static void test_csv(void **state)
{
	struct list_options o = { .format = FORMAT_CSV };
	struct item_row r = row();
	char *out = capture(&o, &r);

	(void)state;
	assert_string_equal(out,
	                    "no,id,parent_id,depth,kind,code,title,status,progress,start_date,due_date,done_date,year,lead_unit\r\n"
	                    "12,00000000-0000-4000-8000-000000000012,,1,agreement,\"A,\"\"B\"\"\","
	                    "\"Tiêu đề\tcó \"\"ngoặc\"\", dấu phẩy\nvà \x1b[31mmã\x1b\",overdue,40,,2024-03-31,,2024,Sở KH&CN\r\n");
	free(out);
	item_row_clear(&r);
}

static void test_json(void **state)
{
	struct list_options o = { .format = FORMAT_JSON };
	struct item_row r = row();
	char *out = capture(&o, &r);

	(void)state;
	assert_non_null(strstr(out, "\"title\": \"Tiêu đề\\tcó \\\"ngoặc\\\", dấu phẩy\\nvà \\u001b[31mmã\\u001b\""));
	assert_non_null(strstr(out, "\"code\": \"A,\\\"B\\\"\""));
	assert_non_null(strstr(out, "\"overdue\": true"));
	assert_non_null(strstr(out, "\"start_date\": null"));
	assert_non_null(strstr(out, "\"parent_id\": null"));
	assert_int_equal(out[0], '[');
	assert_string_equal(out + strlen(out) - 3, "\n]\n");
	free(out);
	item_row_clear(&r);
	/* No rows: an empty array. */
	{
		char *buf = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&buf, &n);
		struct list_writer *w = list_writer_new(f, &o);

		list_writer_finish(&w);
		fclose(f);
		assert_string_equal(buf, "[]\n");
		free(buf);
	}
}

static void test_table_fits_the_width(void **state)
{
	struct list_options o = { .format = FORMAT_TABLE, .width = 60, .no_width = 2, .code_width = 5, .unit_width = 8 };
	struct item_row r = row();
	char *out = capture(&o, &r), *line;

	(void)state;
	for (line = strtok(out, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		const unsigned char *p;

		assert_true(text_width(line) <= 60);
		for (p = (const unsigned char *)line; *p != '\0'; p++)
			assert_true(*p >= 0x20 && *p != 0x7f); /* control characters inert */
	}
	free(out);
	/* Not on a terminal: nothing is cut. */
	o.width = 0;
	out = capture(&o, &r);
	assert_non_null(strstr(out, "dấu phẩy^Jvà ^[[31mmã^["));
	free(out);
	item_row_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_and_kind_names),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_detail_lines),
		cmocka_unit_test(test_stamps_in_local_time),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_table_fits_the_width),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
