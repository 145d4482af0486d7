/*
 * Generates a hoso database of N items with realistic Vietnamese text for
 * the benchmark: items nested three levels deep, with lead and partner
 * units, localities, linked documents, targets and history rows. The text
 * is synthetic (not the programme's data): phrases of the kind the
 * programme's tasks use, combined at random with a fixed seed.
 *
 * Usage: gen N FILE
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "derived.h"
#include "error.h"
#include "schema_sql.h"
#include "store.h"
#include "uuid.h"

static const char *const verbs[] = {
	"Xây dựng", "Triển khai", "Nghiên cứu", "Hoàn thiện", "Thẩm định", "Ứng dụng", "Phát triển",
	"Tổ chức", "Đánh giá", "Hỗ trợ", "Chuyển giao", "Đào tạo", "Khảo sát", "Nâng cao",
	"Ban hành", "Tổng kết", "Thí điểm", "Đổi mới", "Kết nối", "Số hóa", "Quy hoạch", "Bảo tồn",
};
static const char *const objects[] = {
	"cơ sở dữ liệu khoa học", "công nghệ sinh học", "thiết kế vi mạch bán dẫn", "chuyển đổi số",
	"hệ thống quản lý chất lượng", "tiêu chuẩn TCVN ISO 18091:2020", "nông thôn mới",
	"khoa học công nghệ biển", "hệ sinh thái đổi mới sáng tạo", "bã thải thạch cao phospho",
	"vật liệu xây dựng không nung", "chính quyền đô thị", "nguồn nhân lực chất lượng cao",
	"trung tâm khởi nghiệp", "doanh nghiệp khoa học và công nghệ", "bộ chỉ số PII",
	"điểm tư vấn chuyển đổi số", "hội thảo khoa học", "kết nối cung – cầu công nghệ",
	"năng lượng tái tạo", "nuôi trồng thủy sản", "cảng biển thông minh", "dịch vụ logistics",
	"y tế số", "giáo dục nghề nghiệp", "môi trường biển", "xử lý nước thải công nghiệp",
	"an toàn thực phẩm", "sở hữu trí tuệ", "đo lường chất lượng", "công nghệ thông tin",
	"tự động hóa và robot", "vật liệu mới", "giống cây trồng", "phòng chống thiên tai",
};
static const char *const qualifiers[] = {
	"tại Hải Phòng", "giai đoạn 2024–2027", "đến năm 2030", "cấp thành phố",
	"cho doanh nghiệp nhỏ và vừa", "ở quận Đồ Sơn", "tại Khu kinh tế Đình Vũ – Cát Hải",
	"của vùng Bắc Bộ", "cho huyện Thủy Nguyên", "tầm nhìn đến năm 2050",
	"phục vụ phát triển bền vững", "trong tình hình mới", "gắn với mục tiêu kinh tế – xã hội",
	"theo Nghị quyết số 45-NQ/TW", "trên địa bàn thành phố", "cho đội ngũ giảng viên, kỹ sư",
};
static const char *const unit_heads[] = {
	"Sở", "Ban Quản lý", "Trung tâm", "Viện", "Trường Đại học", "Công ty Cổ phần", "Phòng",
	"Ủy ban nhân dân", "Hội", "Quỹ",
};
static const char *const unit_tails[] = {
	"Khoa học và Công nghệ", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
	"Kế hoạch và Đầu tư", "Nông nghiệp và Phát triển nông thôn", "Giáo dục và Đào tạo",
	"Công Thương", "Xây dựng", "Y tế", "Giao thông vận tải", "Đổi mới sáng tạo",
	"Ứng dụng tiến bộ khoa học", "Hàng hải", "Thủy sản", "Vi mạch bán dẫn", "Đo lường",
};
static const char *const places[] = {
	"Hải Phòng", "Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An", "Đồ Sơn",
	"Dương Kinh", "Thủy Nguyên", "An Dương", "An Lão", "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo",
	"Cát Hải", "Bạch Long Vĩ", "Đình Vũ", "Minh Đức", "Lạch Tray", "Cầu Đất",
};
static const char *const loc_levels[] = { "Quận", "Huyện", "Phường", "Xã", "Thị trấn" };

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static unsigned long long rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "gen: %s: %s\n", what, db != NULL ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "gen: %s\n  in: %.200s\n", msg, sql);
		exit(1);
	}
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql, db);
	return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die("insert", db);
	sqlite3_reset(st);
}

static void title(char *buf, size_t n)
{
	int len = snprintf(buf, n, "%s %s", verbs[rnd(N(verbs))], objects[rnd(N(objects))]);

	if (rnd(3) == 0 && (size_t)len < n)
		len += snprintf(buf + len, n - (size_t)len, " và %s", objects[rnd(N(objects))]);
	if (rnd(4) != 0 && (size_t)len < n)
		len += snprintf(buf + len, n - (size_t)len, " %s", qualifiers[rnd(N(qualifiers))]);
	if (rnd(3) == 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, " %s", qualifiers[rnd(N(qualifiers))]);
}

static void date_in(char out[11], int y0, int years)
{
	snprintf(out, 11, "%04d-%02d-%02d", y0 + (int)rnd((unsigned)years), 1 + (int)rnd(12),
	         1 + (int)rnd(28));
}

struct ids {
	char (*v)[UUID_LEN + 1];
	long n;
};

static void make_ids(struct ids *ids, long n)
{
	long i;

	ids->v = malloc((size_t)n * sizeof *ids->v);
	if (ids->v == NULL) {
		fprintf(stderr, "gen: out of memory\n");
		exit(1);
	}
	ids->n = n;
	for (i = 0; i < n; i++)
		if (uuid_new(ids->v[i]) != 0) {
			fprintf(stderr, "gen: no randomness\n");
			exit(1);
		}
}

/* How many bytes of s, at most max, end on a whole UTF-8 character (%.20s may cut one). */
static int utf8_prefix(const char *s, int max)
{
	int n = (int)strnlen(s, (size_t)max);

	if (n == max)
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	return n;
}

int main(int argc, char **argv)
{
	struct store *s;
	struct error err = { 0 };
	sqlite3 *db;
	sqlite3_stmt *st, *sel;
	struct ids units, locs, docs, items;
	char now[21], prog[UUID_LEN + 1], buf[512], d1[11], d2[11], hid[UUID_LEN + 1];
	char **index_sql = NULL;
	int nindex = 0, i;
	long n, nunits, nlocs, ndocs, top, mid, k;
	time_t t0 = time(NULL);

	if (argc != 3 || (n = atol(argv[1])) < 1) {
		fprintf(stderr, "usage: gen N FILE\n");
		return 2;
	}
	remove(argv[2]);
	if (store_open(&s, argv[2], STORE_CREATE, 5000, &err) != 0) {
		fprintf(stderr, "gen: %s\n", err.msg);
		return 1;
	}
	db = store_db(s);
	exec(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY");
	/* Load first, index after: keep the index SQL, drop the indexes and the search index. */
	sel = prep(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'item' AND sql IS NOT NULL");
	while (sqlite3_step(sel) == SQLITE_ROW) {
		index_sql = realloc(index_sql, (size_t)(nindex + 1) * sizeof *index_sql);
		index_sql[nindex++] = strdup((const char *)sqlite3_column_text(sel, 0));
	}
	sqlite3_finalize(sel);
	exec(db, "BEGIN");
	for (i = 0; i < nindex; i++) {
		char *name = strstr(index_sql[i], "INDEX ") + 6, drop[200];

		snprintf(drop, sizeof drop, "DROP INDEX %.*s", (int)strcspn(name, " "), name);
		exec(db, drop);
	}
	exec(db, "DROP TRIGGER item_fts_insert; DROP TRIGGER item_fts_delete; DROP TRIGGER item_fts_update;"
	         " DROP TABLE item_fts;");
	store_now(now);
	uuid_new(prog);
	st = prep(db, "INSERT INTO programme (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
	sqlite3_bind_text(st, 1, prog, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, "Chương trình phối hợp (dữ liệu sinh cho đo tốc độ)", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	step(db, st);
	sqlite3_finalize(st);

	nunits = 60 + n / 5000;
	nlocs = 40 + n / 10000;
	ndocs = 10 + n / 20;
	make_ids(&units, nunits);
	make_ids(&locs, nlocs);
	make_ids(&docs, ndocs);
	make_ids(&items, n);

	st = prep(db, "INSERT INTO unit (id, short_name, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
	for (k = 0; k < nunits; k++) {
		char short_name[64];
		const char *head = unit_heads[rnd(N(unit_heads))], *tail = unit_tails[rnd(N(unit_tails))];

		snprintf(buf, sizeof buf, "%s %s %s %ld", head, tail, places[rnd(N(places))], k + 1);
		snprintf(short_name, sizeof short_name, "%.*s %ld", utf8_prefix(tail, 20), tail, k + 1);
		sqlite3_bind_text(st, 1, units.v[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, short_name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		step(db, st);
	}
	sqlite3_finalize(st);

	st = prep(db, "INSERT INTO locality (id, name, level, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
	for (k = 0; k < nlocs; k++) {
		const char *level = loc_levels[rnd(N(loc_levels))];

		snprintf(buf, sizeof buf, "%s %s %ld", level, places[rnd(N(places))], k + 1);
		sqlite3_bind_text(st, 1, locs.v[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, level, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		step(db, st);
	}
	sqlite3_finalize(st);

	st = prep(db, "INSERT INTO document (id, no, number, type, issuer_id, signed_date, subject, state,"
	              " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 2, ?8, ?8)");
	for (k = 0; k < ndocs; k++) {
		char number[32];

		snprintf(number, sizeof number, "%ld/QĐ-UBND", 100 + k);
		title(buf, sizeof buf);
		date_in(d1, 2015, 11);
		sqlite3_bind_text(st, 1, docs.v[k], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, k + 1);
		sqlite3_bind_text(st, 3, number, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 4, 1 + (int)rnd(9));
		sqlite3_bind_text(st, 5, units.v[rnd((unsigned)nunits)], -1, SQLITE_STATIC);
		if (rnd(10) == 0)
			sqlite3_bind_null(st, 6);
		else
			sqlite3_bind_text(st, 6, d1, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
		step(db, st);
	}
	sqlite3_finalize(st);

	/* Items: 2 % at the top, 30 % under them, the rest under those. */
	top = n / 50 > 10 ? n / 50 : (n < 10 ? n : 10);
	mid = top + (n * 3) / 10;
	if (mid > n)
		mid = n;
	st = prep(db, "INSERT INTO item (id, no, programme_id, parent_id, kind, code, title, lead_unit_id,"
	              " status, progress, start_date, due_date, year, notes, created_at, updated_at)"
	              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)");
	{
		sqlite3_stmt *partner = prep(db, "INSERT OR IGNORE INTO item_partner (item_id, unit_id, role) VALUES (?1, ?2, 'phối hợp')");
		sqlite3_stmt *loc = prep(db, "INSERT OR IGNORE INTO item_locality (item_id, locality_id) VALUES (?1, ?2)");
		sqlite3_stmt *doc = prep(db, "INSERT OR IGNORE INTO item_document (item_id, document_id) VALUES (?1, ?2)");
		sqlite3_stmt *hist = prep(db, "INSERT INTO history (id, at, login, entity, entity_id, field, old_value, new_value)"
		                              " VALUES (?1, ?2, 'bench', 'item', ?3, ?4, ?5, ?6)");
		sqlite3_stmt *target = prep(db, "INSERT INTO target (id, item_id, position, description, measure, min_value, max_value, actual)"
		                                " VALUES (?1, ?2, 1, 'Số lượng hoàn thành', 'sản phẩm', ?3, ?4, ?5)");

		for (k = 0; k < n; k++) {
			int status = (int)(1 + rnd(5));
			int year = 2022 + (int)rnd(5);
			char code[32];

			title(buf, sizeof buf);
			date_in(d1, year, 1);
			snprintf(d2, sizeof d2, "%04d-%02d-%02d", year + 1 + (int)rnd(2), 1 + (int)rnd(12), 1 + (int)rnd(28));
			sqlite3_bind_text(st, 1, items.v[k], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, k + 1);
			sqlite3_bind_text(st, 3, prog, -1, SQLITE_STATIC);
			if (k < top)
				sqlite3_bind_null(st, 4);
			else if (k < mid)
				sqlite3_bind_text(st, 4, items.v[rnd((unsigned)top)], -1, SQLITE_STATIC);
			else
				sqlite3_bind_text(st, 4, items.v[top + rnd((unsigned)(mid - top))], -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 5, 1 + (int)rnd(7));
			if (rnd(10) < 3) {
				snprintf(code, sizeof code, "NV.%d.%05ld", year, k + 1);
				sqlite3_bind_text(st, 6, code, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_null(st, 6);
			}
			sqlite3_bind_text(st, 7, buf, -1, SQLITE_TRANSIENT);
			if (rnd(8) == 0)
				sqlite3_bind_null(st, 8);
			else
				sqlite3_bind_text(st, 8, units.v[rnd((unsigned)nunits)], -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 9, status);
			if (status == 4)
				sqlite3_bind_int(st, 10, 100);
			else if (rnd(4) == 0)
				sqlite3_bind_null(st, 10);
			else
				sqlite3_bind_int(st, 10, (int)rnd(100));
			sqlite3_bind_text(st, 11, d1, -1, SQLITE_TRANSIENT);
			if (rnd(6) == 0)
				sqlite3_bind_null(st, 12);
			else
				sqlite3_bind_text(st, 12, d2, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 13, year);
			if (rnd(3) == 0) {
				char notes[256];

				snprintf(notes, sizeof notes, "Ghi chú: %s %s.", objects[rnd(N(objects))],
				         qualifiers[rnd(N(qualifiers))]);
				sqlite3_bind_text(st, 14, notes, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_null(st, 14);
			}
			sqlite3_bind_text(st, 15, now, -1, SQLITE_STATIC);
			step(db, st);

			for (i = (int)rnd(3); i > 0; i--) {
				sqlite3_bind_text(partner, 1, items.v[k], -1, SQLITE_STATIC);
				sqlite3_bind_text(partner, 2, units.v[rnd((unsigned)nunits)], -1, SQLITE_STATIC);
				step(db, partner);
			}
			if (rnd(3) == 0) {
				sqlite3_bind_text(loc, 1, items.v[k], -1, SQLITE_STATIC);
				sqlite3_bind_text(loc, 2, locs.v[rnd((unsigned)nlocs)], -1, SQLITE_STATIC);
				step(db, loc);
			}
			if (rnd(4) == 0) {
				sqlite3_bind_text(doc, 1, items.v[k], -1, SQLITE_STATIC);
				sqlite3_bind_text(doc, 2, docs.v[rnd((unsigned)ndocs)], -1, SQLITE_STATIC);
				step(db, doc);
			}
			if (rnd(5) == 0) {
				uuid_new(hid);
				sqlite3_bind_text(target, 1, hid, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(target, 2, items.v[k], -1, SQLITE_STATIC);
				sqlite3_bind_int(target, 3, 10 + (int)rnd(10));
				sqlite3_bind_int(target, 4, 20 + (int)rnd(10));
				sqlite3_bind_int(target, 5, (int)rnd(30));
				step(db, target);
			}
			for (i = 1 + (int)rnd(2); i > 0; i--) {
				uuid_new(hid);
				sqlite3_bind_text(hist, 1, hid, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(hist, 2, now, -1, SQLITE_STATIC);
				sqlite3_bind_text(hist, 3, items.v[k], -1, SQLITE_STATIC);
				sqlite3_bind_text(hist, 4, i == 1 ? "created" : "status", -1, SQLITE_STATIC);
				sqlite3_bind_null(hist, 5);
				sqlite3_bind_text(hist, 6, i == 1 ? "bench" : "2", -1, SQLITE_STATIC);
				step(db, hist);
			}
			if ((k + 1) % 100000 == 0)
				fprintf(stderr, "gen: %ld items (%lds)\n", k + 1, (long)(time(NULL) - t0));
		}
		sqlite3_finalize(partner);
		sqlite3_finalize(loc);
		sqlite3_finalize(doc);
		sqlite3_finalize(hist);
		sqlite3_finalize(target);
	}
	sqlite3_finalize(st);

	/* The product's own code computes the sort keys and the search text. */
	if (derived_refresh_all(s, &err) != 0) {
		fprintf(stderr, "gen: %s\n", err.msg);
		return 1;
	}
	fprintf(stderr, "gen: derived columns (%lds)\n", (long)(time(NULL) - t0));
	for (i = 0; i < nindex; i++) {
		exec(db, index_sql[i]);
		free(index_sql[i]);
	}
	free(index_sql);
	fprintf(stderr, "gen: indexes (%lds)\n", (long)(time(NULL) - t0));
	exec(db, schema_0002_index);
	exec(db, "COMMIT");
	fprintf(stderr, "gen: search index (%lds)\n", (long)(time(NULL) - t0));
	exec(db, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)");
	store_close(&s);
	free(units.v);
	free(locs.v);
	free(docs.v);
	free(items.v);
	fprintf(stderr, "gen: %ld items in %s (%lds)\n", n, argv[2], (long)(time(NULL) - t0));
	return 0;
}
