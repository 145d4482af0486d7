/*
 * Generates a hoso database of N items with realistic Vietnamese text for
 * the benchmark, in the shapes clerks make: most items nested three levels
 * deep, and beside them one item with 100,000 sub-items (a tenth of N when
 * that is fewer), a chain of items 50 levels deep, a lead unit leading half
 * of the items, a locality with a fifth of them, long titles and long notes
 * now and then. Lead and partner units, localities, linked documents,
 * targets, comments, a change row for every record (an import) and the
 * status changes of some items with their history rows. The text is
 * synthetic (not the programme's data): phrases of the kind the programme's
 * tasks use, combined at random with a fixed seed, always whole UTF-8.
 *
 * The file is made by hoso's own store_create and the schema's own SQL: the
 * migrations up to schema 2, then migration 3's tables, the rows, and
 * migration 3's indexes, full-text index, counts and triggers made once the
 * rows are in (as an upgrade makes them). With --schema 2 it writes the
 * layout of schema 2 instead (text keys, created_at, history rows keyed by
 * nothing), the file an older hoso left, for testing the upgrade.
 *
 * Usage: gen [--schema 2|3] N FILE
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "derived.h"
#include "error.h"
#include "migrate.h"
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
static const char *const clerks[] = { "lan", "minh", "huong", "tuan", "ngoc" };
static const char *const sentences[] = {
	"Đơn vị chủ trì đã báo cáo tiến độ thực hiện tại cuộc họp giao ban quý.",
	"Kinh phí thực hiện được bố trí từ nguồn ngân sách sự nghiệp khoa học và công nghệ.",
	"Cần phối hợp với các sở, ngành liên quan để hoàn thiện hồ sơ trình Ủy ban nhân dân thành phố.",
	"Sản phẩm dự kiến: báo cáo tổng hợp, bộ cơ sở dữ liệu và các bài báo khoa học.",
	"Kết quả nghiệm thu đạt loại khá; đề nghị chuyển giao cho địa phương ứng dụng.",
	"Tiến độ chậm so với kế hoạch do vướng mắc trong thủ tục đấu thầu thiết bị.",
	"Đã tổ chức hội thảo lấy ý kiến chuyên gia, doanh nghiệp và người dân.",
	"Đề xuất điều chỉnh thời gian thực hiện sang quý IV năm sau.",
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The import: 2025-01-06 08:00 UTC, in milliseconds; status changes come after it. */
#define IMPORT_MS 1736150400000LL
#define DAY_MS 86400000LL

static unsigned long long rng = 88172645463325252ULL;

static unsigned long long rnd64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned rnd(unsigned n)
{
	return (unsigned)(rnd64() % n);
}

/* A random (version 4) key from the generator's own sequence: the same file every run. */
static void make_uuid(char out[UUID_LEN + 1])
{
	unsigned char b[UUID_BYTES];
	unsigned long long a = rnd64(), c = rnd64();

	memcpy(b, &a, 8);
	memcpy(b + 8, &c, 8);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	uuid_from_bytes(b, out);
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
	sqlite3_clear_bindings(st);
}

/* How many bytes of s, at most max, end on a whole UTF-8 character. */
static size_t utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max);

	if (n == max)
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	return n;
}

/* Appends s to buf (of size n, holding len bytes) as far as it fits whole; returns the new length. */
static size_t append(char *buf, size_t n, size_t len, const char *s)
{
	size_t k = utf8_prefix(s, n - 1 - len);

	memcpy(buf + len, s, k);
	buf[len + k] = '\0';
	return len + k;
}

static void title(char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	len = append(buf, n, len, verbs[rnd(N(verbs))]);
	len = append(buf, n, len, " ");
	len = append(buf, n, len, objects[rnd(N(objects))]);
	if (rnd(3) == 0) {
		len = append(buf, n, len, " và ");
		len = append(buf, n, len, objects[rnd(N(objects))]);
	}
	if (rnd(4) != 0) {
		len = append(buf, n, len, " ");
		len = append(buf, n, len, qualifiers[rnd(N(qualifiers))]);
	}
	if (rnd(3) == 0) {
		len = append(buf, n, len, " ");
		append(buf, n, len, qualifiers[rnd(N(qualifiers))]);
	}
}

/* A title of up to max bytes (a few hundred to a few thousand), cut on a whole character. */
static void long_title(char *buf, size_t n, size_t max)
{
	size_t len = 0;

	if (max + 1 < n)
		n = max + 1;
	buf[0] = '\0';
	len = append(buf, n, len, verbs[rnd(N(verbs))]);
	while (len + 1 < n) {
		size_t before = len;

		len = append(buf, n, len, rnd(2) ? ", " : " và ");
		len = append(buf, n, len, objects[rnd(N(objects))]);
		len = append(buf, n, len, " ");
		len = append(buf, n, len, qualifiers[rnd(N(qualifiers))]);
		if (len == before)
			break;
	}
}

/* Notes of up to max bytes: sentences, in paragraphs, cut on a whole character. */
static void notes_text(char *buf, size_t n, size_t max)
{
	size_t len = 0;
	int k = 0;

	if (max + 1 < n)
		n = max + 1;
	buf[0] = '\0';
	len = append(buf, n, len, "Ghi chú: ");
	while (len + 1 < n) {
		size_t before = len;

		len = append(buf, n, len, sentences[rnd(N(sentences))]);
		len = append(buf, n, len, ++k % 4 == 0 ? "\n\n" : " ");
		if (len == before)
			break;
	}
}

static void date_in(char out[11], int y0, int years)
{
	snprintf(out, 11, "%04d-%02d-%02d", y0 + (int)rnd((unsigned)years), 1 + (int)rnd(12),
	         1 + (int)rnd(28));
}

/* The time ms (since 1970, UTC) as schema 2 wrote it: YYYY-MM-DDTHH:MM:SSZ. */
static void iso_time(long long ms, char out[21])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

struct ids {
	char (*v)[UUID_LEN + 1];
	long n;
};

static void make_ids(struct ids *ids, long n)
{
	long i;

	ids->v = malloc((size_t)(n > 0 ? n : 1) * sizeof *ids->v);
	if (ids->v == NULL) {
		fprintf(stderr, "gen: out of memory\n");
		exit(1);
	}
	ids->n = n;
	for (i = 0; i < n; i++)
		make_uuid(ids->v[i]);
}

struct gen {
	long n;
	int schema;                /* 2 or 3 */
	const char *path;
	time_t t0;
	sqlite3 *db;
	char prog[UUID_LEN + 1];
	struct ids units, locs, docs, items;
	/* Schema 3: one change per save, one history row per field; schema 2: history rows. */
	sqlite3_stmt *change, *history;
	long changes;
};

/* Binds a key: the 16 bytes in schema 3, the text in schema 2; NULL for NULL. */
static void bind_id(struct gen *g, sqlite3_stmt *st, int i, const char *id)
{
	if (id == NULL)
		sqlite3_bind_null(st, i);
	else if (g->schema >= 3)
		store_bind_uuid(st, i, id);
	else
		sqlite3_bind_text(st, i, id, -1, SQLITE_STATIC);
}

/* Binds schema 2's created_at and updated_at (parameter i), which schema 3 has not. */
static void bind_v2_time(struct gen *g, sqlite3_stmt *st, int i)
{
	char t[21];

	if (g->schema >= 3)
		return;
	iso_time(IMPORT_MS, t);
	sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
}

/*
 * Records a save of the record id of entity: in schema 3 a change row
 * (what: 'import' or 'edit') and a history row for field when it is not
 * NULL; in schema 2 a history row, "created" for the import.
 */
static void record(struct gen *g, const char *entity, const char *id, const char *what,
                   long long at, const char *login, const char *field, const char *old_value,
                   const char *new_value)
{
	char cid[UUID_LEN + 1];

	make_uuid(cid);
	g->changes++;
	if (g->schema >= 3) {
		store_bind_uuid(g->change, 1, cid);
		sqlite3_bind_int64(g->change, 2, at);
		sqlite3_bind_text(g->change, 3, login, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->change, 4, entity, -1, SQLITE_STATIC);
		store_bind_uuid(g->change, 5, id);
		sqlite3_bind_text(g->change, 6, what, -1, SQLITE_STATIC);
		step(g->db, g->change);
		if (field == NULL)
			return;
		store_bind_uuid(g->history, 1, cid);
		sqlite3_bind_text(g->history, 2, field, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->history, 3, old_value, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->history, 4, new_value, -1, SQLITE_TRANSIENT);
		step(g->db, g->history);
	} else {
		char t[21];

		iso_time(at, t);
		sqlite3_bind_text(g->history, 1, cid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->history, 2, t, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->history, 3, login, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->history, 4, entity, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->history, 5, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->history, 6, field != NULL ? field : "created", -1, SQLITE_STATIC);
		sqlite3_bind_text(g->history, 7, old_value, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->history, 8, field != NULL ? new_value : "bench", -1, SQLITE_TRANSIENT);
		step(g->db, g->history);
	}
}

static void progress_note(struct gen *g, const char *what)
{
	fprintf(stderr, "gen: %s (%lds)\n", what, (long)(time(NULL) - g->t0));
}

static void write_programme(struct gen *g)
{
	sqlite3_stmt *st;

	make_uuid(g->prog);
	st = prep(g->db, g->schema >= 3 ? "INSERT INTO programme (id, title) VALUES (?1, ?2)"
	                                : "INSERT INTO programme (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
	bind_id(g, st, 1, g->prog);
	sqlite3_bind_text(st, 2, "Chương trình phối hợp (dữ liệu sinh cho đo tốc độ)", -1, SQLITE_STATIC);
	bind_v2_time(g, st, 3);
	step(g->db, st);
	sqlite3_finalize(st);
	record(g, "programme", g->prog, "import", IMPORT_MS, "bench", NULL, NULL, NULL);
}

static void write_units(struct gen *g)
{
	sqlite3_stmt *st = prep(g->db, g->schema >= 3
	                                ? "INSERT INTO unit (id, short_name, name) VALUES (?1, ?2, ?3)"
	                                : "INSERT INTO unit (id, short_name, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
	char buf[512], short_name[64];
	long k;

	for (k = 0; k < g->units.n; k++) {
		const char *head = unit_heads[rnd(N(unit_heads))], *tail = unit_tails[rnd(N(unit_tails))];

		snprintf(buf, sizeof buf, "%s %s %s %ld", head, tail, places[rnd(N(places))], k + 1);
		snprintf(short_name, sizeof short_name, "%.*s %ld", (int)utf8_prefix(tail, 20), tail, k + 1);
		if (k == 0) { /* the unit leading half of the items, found by typing "chu tri chinh" */
			snprintf(buf, sizeof buf, "Sở Khoa học và Công nghệ Hải Phòng (đơn vị chủ trì chính)");
			snprintf(short_name, sizeof short_name, "Sở KH&CN chủ trì");
		}
		bind_id(g, st, 1, g->units.v[k]);
		sqlite3_bind_text(st, 2, short_name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, buf, -1, SQLITE_TRANSIENT);
		bind_v2_time(g, st, 4);
		step(g->db, st);
		record(g, "unit", g->units.v[k], "import", IMPORT_MS, "bench", NULL, NULL, NULL);
	}
	sqlite3_finalize(st);
}

static void write_localities(struct gen *g)
{
	sqlite3_stmt *st = prep(g->db, g->schema >= 3
	                                ? "INSERT INTO locality (id, name, level) VALUES (?1, ?2, ?3)"
	                                : "INSERT INTO locality (id, name, level, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
	char buf[512];
	long k;

	for (k = 0; k < g->locs.n; k++) {
		const char *level = loc_levels[rnd(N(loc_levels))];

		snprintf(buf, sizeof buf, "%s %s %ld", level, places[rnd(N(places))], k + 1);
		if (k == 0) /* the locality of a fifth of the items, found by typing "toan dia ban" */
			snprintf(buf, sizeof buf, "Thành phố Hải Phòng (toàn địa bàn)");
		bind_id(g, st, 1, g->locs.v[k]);
		sqlite3_bind_text(st, 2, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, level, -1, SQLITE_STATIC);
		bind_v2_time(g, st, 4);
		step(g->db, st);
		record(g, "locality", g->locs.v[k], "import", IMPORT_MS, "bench", NULL, NULL, NULL);
	}
	sqlite3_finalize(st);
}

static void write_documents(struct gen *g)
{
	sqlite3_stmt *st = prep(g->db, g->schema >= 3
	                                ? "INSERT INTO document (id, no, number, type, issuer_id, signed_date, subject, state)"
	                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 2)"
	                                : "INSERT INTO document (id, no, number, type, issuer_id, signed_date, subject, state,"
	                                  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 2, ?8, ?8)");
	sqlite3_stmt *link = prep(g->db, "INSERT OR IGNORE INTO document_link (from_id, to_id, relation) VALUES (?1, ?2, ?3)");
	char buf[512], d1[11], number[32];
	long k;

	for (k = 0; k < g->docs.n; k++) {
		snprintf(number, sizeof number, "%ld/QĐ-UBND", 100 + k);
		title(buf, sizeof buf);
		date_in(d1, 2015, 11);
		bind_id(g, st, 1, g->docs.v[k]);
		sqlite3_bind_int64(st, 2, k + 1);
		sqlite3_bind_text(st, 3, number, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 4, 1 + (int)rnd(9));
		bind_id(g, st, 5, g->units.v[rnd((unsigned)g->units.n)]);
		if (rnd(10) == 0)
			sqlite3_bind_null(st, 6);
		else
			sqlite3_bind_text(st, 6, d1, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, buf, -1, SQLITE_TRANSIENT);
		bind_v2_time(g, st, 8);
		step(g->db, st);
		record(g, "document", g->docs.v[k], "import", IMPORT_MS, "bench", NULL, NULL, NULL);
		if (k > 0 && rnd(5) == 0) {
			bind_id(g, link, 1, g->docs.v[k]);
			bind_id(g, link, 2, g->docs.v[rnd((unsigned)k)]);
			sqlite3_bind_int(link, 3, 1 + (int)rnd(4));
			step(g->db, link);
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(link);
}

/*
 * The shape of the tree, by index k (the item numbered k + 1):
 *   [0, top)            at the top; item 1 has the wide level, item 2 heads the chain;
 *   [top, chain)        the chain, each under the one before (50 levels with item 2);
 *   [chain, wide)       under item 1 (100,000, or a tenth of N);
 *   [wide, mid)         under a top item other than those two (30 % of N);
 *   [mid, n)            under one of those.
 */
struct shape {
	long top, chain, wide, mid;
};

static void make_shape(long n, struct shape *sh)
{
	long w = n / 10 < 100000 ? n / 10 : 100000;

	sh->top = n / 50 > 10 ? n / 50 : (n < 10 ? n : 10);
	sh->chain = sh->top + (n >= 1000 ? 49 : 0);
	sh->wide = sh->chain + w;
	sh->mid = sh->wide + (n * 3) / 10;
	if (sh->chain > n)
		sh->chain = n;
	if (sh->wide > n)
		sh->wide = n;
	if (sh->mid > n)
		sh->mid = n;
}

/* The parent's index of item k, or -1 at the top. */
static long parent_of(const struct shape *sh, long k)
{
	if (k < sh->top)
		return -1;
	if (k < sh->chain)
		return k == sh->top ? 1 : k - 1;
	if (k < sh->wide)
		return 0;
	if (k < sh->mid)
		return sh->top > 2 ? 2 + (long)rnd((unsigned)(sh->top - 2)) : 0;
	return sh->wide + (long)rnd((unsigned)(sh->mid - sh->wide));
}

static void write_items(struct gen *g)
{
	sqlite3_stmt *st = prep(g->db, g->schema >= 3
		? "INSERT INTO item (no, id, parent_id, kind, code, title, lead_unit_id, status, progress,"
		  " start_date, due_date, done_date, year, notes, archived)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
		: "INSERT INTO item (no, id, parent_id, kind, code, title, lead_unit_id, status, progress,"
		  " start_date, due_date, done_date, year, notes, archived, programme_id, created_at, updated_at)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)");
	sqlite3_stmt *partner = prep(g->db, "INSERT OR IGNORE INTO item_partner (item_id, unit_id, role) VALUES (?1, ?2, 'phối hợp')");
	sqlite3_stmt *loc = prep(g->db, "INSERT OR IGNORE INTO item_locality (item_id, locality_id) VALUES (?1, ?2)");
	sqlite3_stmt *doc = prep(g->db, "INSERT OR IGNORE INTO item_document (item_id, document_id) VALUES (?1, ?2)");
	sqlite3_stmt *target = prep(g->db, "INSERT INTO target (id, item_id, position, description, measure, min_value, max_value, actual)"
	                                   " VALUES (?1, ?2, 1, 'Số lượng hoàn thành', 'sản phẩm', ?3, ?4, ?5)");
	sqlite3_stmt *comment = prep(g->db, "INSERT INTO comment (id, item_id, at, login, body) VALUES (?1, ?2, ?3, ?4, ?5)");
	static char buf[4096], notes[16384];
	struct shape sh;
	char d1[11], d2[11], d3[11], code[32], tid[UUID_LEN + 1], old_s[4], new_s[4];
	long k;
	int i;

	make_shape(g->n, &sh);
	for (k = 0; k < g->n; k++) {
		const char *id = g->items.v[k];
		long parent = parent_of(&sh, k);
		int status = (int)(1 + rnd(5));
		int year = 2022 + (int)rnd(5);
		bool archived = k >= sh.mid && rnd(200) == 0;

		if (k == 0)
			snprintf(buf, sizeof buf, "Nhiệm vụ tổng hợp của các đơn vị (%ld nhiệm vụ con)", sh.wide - sh.chain);
		else if (k == 1)
			snprintf(buf, sizeof buf, "Chuỗi nhiệm vụ lồng nhau – cấp 1");
		else if (k >= sh.top && k < sh.chain)
			snprintf(buf, sizeof buf, "Chuỗi nhiệm vụ lồng nhau – cấp %ld", k - sh.top + 2);
		else if (rnd(500) == 0)
			long_title(buf, sizeof buf, 300 + rnd(3000));
		else
			title(buf, sizeof buf);
		date_in(d1, year, 1);
		snprintf(d2, sizeof d2, "%04d-%02d-%02d", year + 1 + (int)rnd(2), 1 + (int)rnd(12), 1 + (int)rnd(28));
		sqlite3_bind_int64(st, 1, k + 1);
		bind_id(g, st, 2, id);
		bind_id(g, st, 3, parent >= 0 ? g->items.v[parent] : NULL);
		sqlite3_bind_int(st, 4, 1 + (int)rnd(7));
		if (rnd(10) < 3) {
			snprintf(code, sizeof code, "NV.%d.%05ld", year, k + 1);
			sqlite3_bind_text(st, 5, code, -1, SQLITE_TRANSIENT);
		}
		sqlite3_bind_text(st, 6, buf, -1, SQLITE_TRANSIENT);
		/* Half of the items under one lead unit; an eighth of the rest under none. */
		if (rnd(2) == 0)
			bind_id(g, st, 7, g->units.v[0]);
		else if (rnd(8) != 0)
			bind_id(g, st, 7, g->units.v[1 + rnd((unsigned)g->units.n - 1)]);
		sqlite3_bind_int(st, 8, status);
		if (status == 4)
			sqlite3_bind_int(st, 9, 100);
		else if (rnd(4) != 0)
			sqlite3_bind_int(st, 9, (int)rnd(100));
		sqlite3_bind_text(st, 10, d1, -1, SQLITE_TRANSIENT);
		if (rnd(6) != 0)
			sqlite3_bind_text(st, 11, d2, -1, SQLITE_TRANSIENT);
		if (status == 4) {
			snprintf(d3, sizeof d3, "%.4s-%02d-%02d", d2, 1 + (int)rnd(12), 1 + (int)rnd(28));
			sqlite3_bind_text(st, 12, d3, -1, SQLITE_TRANSIENT);
		}
		if (rnd(50) != 0)
			sqlite3_bind_int(st, 13, year);
		if (rnd(100) == 0) {
			notes_text(notes, sizeof notes, 1000 + rnd(8000));
			sqlite3_bind_text(st, 14, notes, -1, SQLITE_TRANSIENT);
		} else if (rnd(3) == 0) {
			snprintf(notes, sizeof notes, "Ghi chú: %s %s.", objects[rnd(N(objects))],
			         qualifiers[rnd(N(qualifiers))]);
			sqlite3_bind_text(st, 14, notes, -1, SQLITE_TRANSIENT);
		}
		sqlite3_bind_int(st, 15, archived);
		bind_id(g, st, 16, g->prog);
		bind_v2_time(g, st, 17);
		step(g->db, st);
		record(g, "item", id, "import", IMPORT_MS + k, "bench", NULL, NULL, NULL);

		/* Some clerks moved the item on since: planned, in progress, then where it is. */
		if (status != 1 && rnd(3) == 0) {
			long long at = IMPORT_MS + DAY_MS * (1 + (long long)rnd(300)) + k;
			const char *who = clerks[rnd(N(clerks))];

			record(g, "item", id, "edit", at, who, "status", "1", "2");
			if (status != 2) {
				snprintf(old_s, sizeof old_s, "%d", 2);
				snprintf(new_s, sizeof new_s, "%d", status);
				record(g, "item", id, "edit", at + DAY_MS * (1 + (long long)rnd(200)), who, "status",
				       old_s, new_s);
			}
		}
		for (i = (int)rnd(3); i > 0; i--) {
			bind_id(g, partner, 1, id);
			bind_id(g, partner, 2, g->units.v[rnd((unsigned)g->units.n)]);
			step(g->db, partner);
		}
		/* A fifth of the items in one locality; a third in another. */
		if (rnd(5) == 0) {
			bind_id(g, loc, 1, id);
			bind_id(g, loc, 2, g->locs.v[0]);
			step(g->db, loc);
		}
		if (rnd(3) == 0) {
			bind_id(g, loc, 1, id);
			bind_id(g, loc, 2, g->locs.v[rnd((unsigned)g->locs.n)]);
			step(g->db, loc);
		}
		if (rnd(4) == 0) {
			bind_id(g, doc, 1, id);
			bind_id(g, doc, 2, g->docs.v[rnd((unsigned)g->docs.n)]);
			step(g->db, doc);
		}
		if (rnd(5) == 0) {
			make_uuid(tid);
			bind_id(g, target, 1, tid);
			bind_id(g, target, 2, id);
			sqlite3_bind_int(target, 3, 10 + (int)rnd(10));
			sqlite3_bind_int(target, 4, 20 + (int)rnd(10));
			sqlite3_bind_int(target, 5, (int)rnd(30));
			step(g->db, target);
		}
		if (rnd(20) == 0) {
			long long at = IMPORT_MS + DAY_MS * (1 + (long long)rnd(300)) + k;

			make_uuid(tid);
			bind_id(g, comment, 1, tid);
			bind_id(g, comment, 2, id);
			if (g->schema >= 3) {
				sqlite3_bind_int64(comment, 3, at);
			} else {
				char t[21];

				iso_time(at, t);
				sqlite3_bind_text(comment, 3, t, -1, SQLITE_TRANSIENT);
			}
			sqlite3_bind_text(comment, 4, clerks[rnd(N(clerks))], -1, SQLITE_STATIC);
			sqlite3_bind_text(comment, 5, sentences[rnd(N(sentences))], -1, SQLITE_STATIC);
			step(g->db, comment);
		}
		if ((k + 1) % 100000 == 0) {
			char what[64];

			snprintf(what, sizeof what, "%ld items", k + 1);
			progress_note(g, what);
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(partner);
	sqlite3_finalize(loc);
	sqlite3_finalize(doc);
	sqlite3_finalize(target);
	sqlite3_finalize(comment);
}

static void write_all(struct gen *g)
{
	g->units.n = 0;
	make_ids(&g->units, 60 + g->n / 5000);
	make_ids(&g->locs, 40 + g->n / 10000);
	make_ids(&g->docs, 10 + g->n / 20);
	make_ids(&g->items, g->n);
	if (g->schema >= 3) {
		g->change = prep(g->db, "INSERT INTO change (id, at, login, entity, entity_id, what)"
		                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		g->history = prep(g->db, "INSERT INTO history (change_id, field, old_value, new_value)"
		                         " VALUES (?1, ?2, ?3, ?4)");
	} else {
		g->history = prep(g->db, "INSERT INTO history (id, at, login, entity, entity_id, field, old_value, new_value)"
		                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	}
	write_programme(g);
	write_units(g);
	write_localities(g);
	write_documents(g);
	write_items(g);
	sqlite3_finalize(g->change);
	sqlite3_finalize(g->history);
	free(g->units.v);
	free(g->locs.v);
	free(g->docs.v);
	free(g->items.v);
}

/* Schema 3: migration 3's tables, the rows, then migration 3's indexes over them. */
static int fill_v3(struct store *s, struct gen *g, struct error *err)
{
	if (store_begin(s, err) != 0 || store_exec(s, schema_0003, err) != 0 ||
	    store_exec(s, "PRAGMA user_version = 3", err) != 0)
		return -1;
	write_all(g);
	progress_note(g, "rows");
	/* The product's own code computes the sort keys and the search text. */
	if (derived_refresh_all(s, err) != 0)
		return -1;
	progress_note(g, "derived columns");
	if (store_exec(s, schema_0003_index, err) != 0)
		return -1;
	progress_note(g, "indexes, search index, counts");
	return store_commit(s, err);
}

/* Schema 2: its indexes and search index dropped, the rows, then the same SQL again. */
static int fill_v2(struct store *s, struct gen *g, struct error *err)
{
	sqlite3_stmt *sel;
	char **index_sql = NULL;
	int nindex = 0, i;

	sel = prep(g->db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'item' AND sql IS NOT NULL");
	while (sqlite3_step(sel) == SQLITE_ROW) {
		index_sql = realloc(index_sql, (size_t)(nindex + 1) * sizeof *index_sql);
		index_sql[nindex++] = strdup((const char *)sqlite3_column_text(sel, 0));
	}
	sqlite3_finalize(sel);
	if (store_begin(s, err) != 0)
		return -1;
	for (i = 0; i < nindex; i++) {
		char *name = strstr(index_sql[i], "INDEX ") + 6, drop[200];

		snprintf(drop, sizeof drop, "DROP INDEX %.*s", (int)strcspn(name, " "), name);
		exec(g->db, drop);
	}
	exec(g->db, "DROP TRIGGER item_fts_insert; DROP TRIGGER item_fts_delete; DROP TRIGGER item_fts_update;"
	            " DROP TABLE item_fts;");
	write_all(g);
	progress_note(g, "rows");
	if (derived_refresh_all(s, err) != 0)
		return -1;
	progress_note(g, "derived columns");
	for (i = 0; i < nindex; i++) {
		exec(g->db, index_sql[i]);
		free(index_sql[i]);
	}
	free(index_sql);
	if (store_exec(s, schema_0002_index, err) != 0)
		return -1;
	progress_note(g, "indexes, search index");
	return store_commit(s, err);
}

/* store_create's fill: the schema up to 2 as every file starts, then the rows. */
static int fill(struct store *s, void *ctx, struct error *err)
{
	struct gen *g = ctx;

	g->db = store_db(s);
	if (migrate_to(s, 2, err) != 0)
		return -1;
	/* A file being made: no journal, no syncs, a large cache; WAL again at the end. */
	exec(g->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	            " PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY");
	if ((g->schema >= 3 ? fill_v3(s, g, err) : fill_v2(s, g, err)) != 0) {
		store_rollback(s);
		return -1;
	}
	exec(g->db, "PRAGMA journal_mode = WAL");
	return 0;
}

int main(int argc, char **argv)
{
	struct gen g = { .schema = 3 };
	struct store *s = NULL;
	struct error err = { 0 };
	int a = 1;

	if (argc > 2 && strcmp(argv[1], "--schema") == 0) {
		g.schema = atoi(argv[2]);
		a = 3;
	}
	if (argc - a != 2 || (g.n = atol(argv[a])) < 1 || (g.schema != 2 && g.schema != 3)) {
		fprintf(stderr, "usage: gen [--schema 2|3] N FILE\n");
		return 2;
	}
	g.path = argv[a + 1];
	g.t0 = time(NULL);
	remove(g.path);
	if (store_create(&s, g.path, fill, &g, STORE_NO_MIGRATE, 5000, &err) != 0) {
		fprintf(stderr, "gen: %s\n", err.msg);
		return 1;
	}
	store_close(&s);
	fprintf(stderr, "gen: %ld items (schema %d, %ld changes) in %s (%lds)\n", g.n, g.schema,
	        g.changes, g.path, (long)(time(NULL) - g.t0));
	return 0;
}
