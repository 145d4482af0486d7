/* The store: opening, creating, migrating, refusing, seeding, writing. */
#include "config.h"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

#include "derived.h"
#include "migrate.h"
#include "seed.h"
#include "store.h"

struct fixture {
	char *dir;
	char path[512];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->dir = unit_tmpdir();
	snprintf(f->path, sizeof f->path, "%s/h.db", f->dir);
	*state = f;
	return f->dir == NULL;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	unit_rmdir(f->dir);
	free(f);
	return 0;
}

static long count(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void text_of(struct store *s, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_bad_arguments(void **state)
{
	struct store *s = (struct store *)1;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(store_open(&s, NULL, 0, 100, &err), -1);
	assert_null(s);
	assert_int_equal(err.kind, ERROR_USAGE);
	assert_int_equal(store_open(&s, "", 0, 100, &err), -1);
	store_close(NULL);
	s = NULL;
	store_close(&s);
}

static void test_missing_file_is_not_created(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, 0, 100, &err), -1);
	assert_non_null(strstr(err.msg, "no such database file"));
	assert_int_equal(access(f->path, F_OK), -1);
	assert_int_equal(store_open(&s, f->path, STORE_CREATE | STORE_READ_ONLY, 100, &err), -1);
	assert_int_equal(access(f->path, F_OK), -1);
}

static void test_create_migrates_to_latest(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	char mode[32];

	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), 0);
	assert_true(store_created(s));
	assert_int_equal(store_schema_version(s), migrate_latest());
	assert_int_equal(migrate_latest(), 3);
	assert_int_equal(count(s, "PRAGMA application_id"), STORE_APPLICATION_ID);
	assert_int_equal(count(s, "PRAGMA foreign_keys"), 1);
	text_of(s, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(store_read_only(s), STORE_RO_NO);
	assert_int_equal(count(s, "SELECT count(*) FROM item"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM status"), 5);
	assert_int_equal(count(s, "SELECT count(*) FROM kind"), 7);
	assert_true(strlen(store_login(s)) > 0);
	store_close(&s);
	assert_null(s);
	/* Opened again, nothing to do. */
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), 0);
	assert_false(store_created(s));
	store_close(&s);
}

static void test_reader_sees_commits_and_cannot_write(void **state)
{
	struct fixture *f = *state;
	struct store *s, *r;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), 0);
	assert_int_equal(store_open_reader(&r, s, 128, &err), 0);
	assert_string_equal(store_path(r), store_path(s));
	assert_int_equal(store_read_only(r), STORE_RO_ASKED);
	assert_int_equal(count(r, "PRAGMA cache_size"), -128);
	assert_int_equal(count(r, "SELECT count(*) FROM status"), 5);
	/* hoso's SQL functions are there too. */
	assert_int_equal(count(r, "SELECT fold('Đà Nẵng') = 'da nang'"), 1);
	/* What the main connection commits, the reader sees. */
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_exec(s, "UPDATE status SET name_en = name_en || '!'", &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(count(r, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 5);
	/* And it never writes. */
	assert_int_equal(store_exec(r, "UPDATE status SET name_en = 'x'", &err), -1);
	assert_int_equal(count(s, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 5);
	store_close(&r);
	assert_null(r);
	store_close(&s);
}

static void test_not_sqlite(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	write_file(f->path, "hello, I am a text file and not a database at all\n");
	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), -1);
	assert_non_null(strstr(err.msg, "not an SQLite file"));
	/* The file is left as it was. */
	{
		char buf[64] = "";
		FILE *in = fopen(f->path, "r");

		assert_non_null(fgets(buf, sizeof buf, in));
		fclose(in);
		assert_string_equal(buf, "hello, I am a text file and not a database at all\n");
	}
}

static void test_foreign_sqlite(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), -1);
	assert_non_null(strstr(err.msg, "not one of hoso's"));
}

static void test_directory(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->dir, 0, 100, &err), -1);
	assert_non_null(strstr(err.msg, "is a directory"));
}

static void test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), 0);
	assert_int_equal(sqlite3_exec(store_db(s), "PRAGMA user_version = 7", NULL, NULL, NULL), SQLITE_OK);
	store_close(&s);
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), -1);
	assert_non_null(strstr(err.msg, "made by a newer hoso (schema version 7; this hoso knows up to 3)"));
	/* Without migrating, it opens (hoso check reports it). */
	assert_int_equal(store_open(&s, f->path, STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(store_schema_version(s), 7);
	store_close(&s);
}

static void test_older_schema_upgraded_in_one_transaction(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	char search[256];

	assert_int_equal(store_open(&s, f->path, STORE_CREATE | STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(migrate_to(s, 1, &err), 0);
	assert_int_equal(store_schema_version(s), 1);
	assert_int_equal(sqlite3_exec(store_db(s),
	                              "INSERT INTO programme (id, title, created_at, updated_at)"
	                              " VALUES ('70000000-0000-4000-8000-000000000001', 'P', 'x', 'x');"
	                              "INSERT INTO unit (id, name, created_at, updated_at)"
	                              " VALUES ('75000000-0000-4000-8000-000000000001', 'Sở Khoa học', 'x', 'x');"
	                              "INSERT INTO item (id, no, programme_id, kind, title, status, lead_unit_id, created_at, updated_at)"
	                              " VALUES ('69000000-0000-4000-8000-000000000001', 1, '70000000-0000-4000-8000-000000000001',"
	                              " 1, 'Thạch cao ĐÌNH VŨ', 2, '75000000-0000-4000-8000-000000000001', 'x', 'x')",
	                              NULL, NULL, NULL), SQLITE_OK);
	store_close(&s);
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), 0);
	assert_int_equal(store_schema_version(s), 3);
	text_of(s, "SELECT search FROM item WHERE no = 1", search, sizeof search);
	assert_non_null(strstr(search, "thach cao dinh vu"));
	assert_non_null(strstr(search, "so khoa hoc"));
	assert_int_equal(count(s, "SELECT count(*) FROM item_fts WHERE item_fts MATCH 'dinh* vu*'"), 1);
	assert_int_equal(count(s, "SELECT length(title_key) > 0 FROM item WHERE no = 1"), 1);
	store_close(&s);
}

static void test_failed_upgrade_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE | STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(migrate_to(s, 1, &err), 0);
	/* Something in the way of migration 2. */
	assert_int_equal(sqlite3_exec(store_db(s), "CREATE TABLE item_fts (x)", NULL, NULL, NULL), SQLITE_OK);
	store_close(&s);
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), -1);
	assert_non_null(strstr(err.msg, "nothing was changed"));
	assert_int_equal(store_open(&s, f->path, STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(store_schema_version(s), 1);
	/* The column migration 2 adds is not there either. */
	assert_int_equal(sqlite3_exec(store_db(s), "SELECT search FROM item", NULL, NULL, NULL), SQLITE_ERROR);
	store_close(&s);
}

static void test_read_only_refuses_upgrade_and_writes(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE | STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(migrate_to(s, 1, &err), 0);
	store_close(&s);
	assert_int_equal(store_open(&s, f->path, STORE_READ_ONLY, 100, &err), -1);
	assert_non_null(strstr(err.msg, "needs an upgrade (schema version 1 to 3)"));
	assert_int_equal(store_open(&s, f->path, 0, 100, &err), 0);
	store_close(&s);
	assert_int_equal(store_open(&s, f->path, STORE_READ_ONLY, 100, &err), 0);
	assert_int_equal(store_read_only(s), STORE_RO_ASKED);
	assert_int_equal(store_begin(s, &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	store_close(&s);
}

/* The checks of test_unwritable_file_opens_read_only: 0, or the line that failed. */
#define EXPECT(x) do { if (!(x)) { fprintf(stderr, "failed: %s\n", #x); return __LINE__; } } while (0)

static int unwritable_body(struct fixture *f)
{
	struct store *s;
	struct error err = { 0 };
	char wal[600];
	struct stat st;

	snprintf(wal, sizeof wal, "%s-wal", f->path);
	EXPECT(store_open(&s, f->path, STORE_CREATE, 100, &err) == 0);
	store_close(&s);
	chmod(f->path, 0444);
	EXPECT(store_open(&s, f->path, 0, 100, &err) == 0);
	EXPECT(store_read_only(s) == STORE_RO_FILE);
	EXPECT(count(s, "SELECT count(*) FROM kind") == 7);
	store_close(&s);
	/* That reader left an empty -wal and a -shm of mode 0444: writable again, they are made anew. */
	chmod(f->path, 0644);
	EXPECT(stat(wal, &st) == 0 && st.st_size == 0 && (st.st_mode & 0222) == 0);
	EXPECT(store_open(&s, f->path, 0, 100, &err) == 0);
	EXPECT(store_read_only(s) == STORE_RO_NO);
	EXPECT(store_begin(s, &err) == 0 && store_exec(s, "UPDATE kind SET name_en = name_en", &err) == 0 &&
	       store_commit(s, &err) == 0);
	store_close(&s);
	/* A directory this user cannot write: read-only, read as immutable (no -shm can be made). */
	chmod(f->dir, 0555);
	EXPECT(store_open(&s, f->path, 0, 100, &err) == 0);
	EXPECT(store_read_only(s) == STORE_RO_DIRECTORY);
	EXPECT(count(s, "SELECT count(*) FROM kind") == 7);
	store_close(&s);
	chmod(f->dir, 0755);
	return 0;
}

/* Run as root, the checks run as the user nobody (root may write anything). */
static void test_unwritable_file_opens_read_only(void **state)
{
	struct fixture *f = *state;
	struct passwd *pw;
	pid_t pid;
	int status;

	if (geteuid() != 0) {
		assert_int_equal(unwritable_body(f), 0);
		return;
	}
	pw = getpwnam("nobody");
	if (pw == NULL)
		skip();
	assert_int_equal(chown(f->dir, pw->pw_uid, pw->pw_gid), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(1);
		_exit(unwritable_body(f) == 0 ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	chmod(f->dir, 0755);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_setgid_directory_gives_0660(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	char shared[600];
	struct stat st;
	mode_t old = umask(077);

	snprintf(shared, sizeof shared, "%s/share", f->dir);
	assert_int_equal(mkdir(shared, 0770), 0);
	assert_int_equal(chmod(shared, 02770), 0);
	strcat(shared, "/h.db");
	assert_int_equal(store_open(&s, shared, STORE_CREATE, 100, &err), 0);
	store_close(&s);
	umask(old);
	assert_int_equal(stat(shared, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
}

static void test_busy_timeout_and_begin_immediate(void **state)
{
	struct fixture *f = *state;
	struct store *a, *b;
	struct error err = { 0 };

	assert_int_equal(store_open(&a, f->path, STORE_CREATE, 100, &err), 0);
	assert_int_equal(store_open(&b, f->path, 0, 100, &err), 0);
	assert_int_equal(store_begin(a, &err), 0);
	assert_int_equal(store_begin(b, &err), -1);
	assert_non_null(strstr(err.msg, "busy"));
	store_rollback(a);
	assert_int_equal(store_begin(b, &err), 0);
	assert_int_equal(store_commit(b, &err), 0);
	store_close(&a);
	store_close(&b);
}

static void test_seed(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	long records;

	assert_int_equal(store_create(&s, f->path, seed_fill, NULL, STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(store_schema_version(s), migrate_latest());
	assert_int_equal(count(s, "SELECT count(*) FROM item"), 42);
	assert_int_equal(count(s, "SELECT count(*) FROM document"), 10);
	assert_int_equal(count(s, "SELECT count(*) FROM unit"), 19);
	assert_int_equal(count(s, "SELECT count(*) FROM locality"), 10);
	assert_int_equal(count(s, "SELECT count(*) FROM programme"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM item WHERE parent_id = (SELECT id FROM item WHERE code = 'TCVN ISO 18091:2020')"), 12);
	assert_int_equal(count(s, "SELECT count(*) FROM document_link"), 3);
	assert_int_equal(count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM item WHERE version = 1"), 42);
	/* Every record has a UUID key of 16 bytes, apart from its number. */
	assert_int_equal(count(s, "SELECT count(*) FROM item WHERE typeof(id) = 'blob' AND length(id) = 16"), 42);
	/* A change for each record created, with the clerk's login, the seed's. */
	records = count(s, "SELECT (SELECT count(*) FROM item) + (SELECT count(*) FROM document) +"
	                   " (SELECT count(*) FROM unit) + (SELECT count(*) FROM locality) + 1");
	assert_int_equal(count(s, "SELECT count(*) FROM change WHERE what = 'seed'"), records);
	assert_int_equal(count(s, "SELECT count(DISTINCT entity_id) FROM change"), records);
	/* The kept counts agree with the items. */
	assert_int_equal(count(s, "SELECT n FROM tally WHERE dim = 'all'"), 42);
	assert_int_equal(count(s, "SELECT sum(n) FROM tally WHERE dim = 'status'"), 42);
	assert_int_equal(count(s, "SELECT n FROM tally WHERE dim = 'status' AND key = 4"),
	                 count(s, "SELECT count(*) FROM item WHERE status = 4"));
	/* The derived columns are filled. */
	assert_int_equal(count(s, "SELECT count(*) FROM item WHERE search = '' OR length(title_key) = 0"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM unit WHERE length(name_key) = 0"), 0);
	assert_int_equal(count(s, "SELECT no FROM item WHERE no IN (SELECT rowid FROM item_fts WHERE item_fts MATCH '\"thach\"* \"cao\"*')"), 34);
	store_close(&s);
}

static void test_failed_seed_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE | STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(migrate_to(s, SEED_SCHEMA_VERSION, &err), 0);
	assert_int_equal(sqlite3_exec(store_db(s),
	                              "INSERT INTO locality (id, name, created_at, updated_at)"
	                              " SELECT '00000000-0000-0000-0000-000000000000', 'x', 'x', 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(store_db(s), "CREATE TRIGGER stop BEFORE INSERT ON item WHEN new.no = 20"
	                              " BEGIN SELECT RAISE(ABORT, 'stopped'); END", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(seed_load(s, &err), -1);
	assert_int_equal(count(s, "SELECT count(*) FROM item"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM unit"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM history"), 0);
	store_close(&s);
}

static void test_damaged_file(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	FILE *fp;
	long size;
	char *buf;
	int rc;

	assert_int_equal(store_create(&s, f->path, seed_fill, NULL, STORE_NO_MIGRATE, 100, &err), 0);
	assert_int_equal(sqlite3_exec(store_db(s), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	store_close(&s);
	/* Overwrite the middle of the file with garbage. */
	fp = fopen(f->path, "r+");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	buf = malloc((size_t)size);
	memset(buf, 0x5a, (size_t)size);
	fseek(fp, 4096, SEEK_SET);
	fwrite(buf, 1, (size_t)(size - 4096), fp);
	fclose(fp);
	free(buf);
	rc = store_open(&s, f->path, 0, 100, &err);
	if (rc == 0) {
		/* Page 1 was intact: the damage shows on the first read of the items. */
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT count(*), max(title) FROM item", -1, &st, NULL),
		                 SQLITE_OK);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		assert_int_not_equal(rc, SQLITE_ROW);
		store_fail(s, &err, "reading items");
		store_close(&s);
	}
	assert_non_null(strstr(err.msg, "damaged"));
}

static int fill_fails(struct store *s, void *ctx, struct error *err)
{
	(void)s;
	(void)ctx;
	return error_set(err, ERROR_RUNTIME, "the fill failed");
}

static int fill_counts(struct store *s, void *ctx, struct error *err)
{
	(*(int *)ctx)++;
	return store_exec(s, "INSERT INTO programme (id, title) VALUES (randomblob(16), 'P')", err);
}

/* Files in dir other than the database itself. */
static int others(const char *dir)
{
	char cmd[600];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -vx h.db | wc -l", dir);
	p = popen(cmd, "r");
	if (p != NULL && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p != NULL)
		pclose(p);
	return n;
}

static void test_create_builds_aside_and_never_replaces(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	int filled = 0;

	/* A failed fill leaves nothing: no database, no temporary file. */
	assert_int_equal(store_create(&s, f->path, fill_fails, NULL, 0, 100, &err), -1);
	assert_null(s);
	assert_string_equal(err.msg, "the fill failed");
	assert_int_equal(access(f->path, F_OK), -1);
	assert_int_equal(others(f->dir), 0);
	/* A whole database, filled, opened, nothing else left beside it but SQLite's files. */
	assert_int_equal(store_create(&s, f->path, fill_counts, &filled, 0, 100, &err), 0);
	assert_int_equal(filled, 1);
	assert_true(store_created(s));
	assert_int_equal(count(s, "SELECT count(*) FROM programme"), 1);
	store_close(&s);
	assert_int_equal(others(f->dir), 0);
	/* An existing file is never replaced, not even an empty one. */
	assert_int_equal(store_create(&s, f->path, fill_counts, &filled, 0, 100, &err), STORE_CREATE_EXISTS);
	assert_non_null(strstr(err.msg, "already exists"));
	assert_int_equal(filled, 1);
	assert_int_equal(unlink(f->path), 0);
	write_file(f->path, "");
	assert_int_equal(store_create(&s, f->path, NULL, NULL, 0, 100, &err), STORE_CREATE_EXISTS);
	/* And an empty file does not open as a database. */
	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), -1);
	assert_non_null(strstr(err.msg, "the file is empty"));
	assert_int_equal(access(f->path, F_OK), 0);
}

/* A statement kept prepared comes back reset; one in use is not handed out twice. */
static void test_cached_statements(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };
	sqlite3_stmt *a, *b, *c;
	const char *sql = "SELECT ?1 + 1";
	int i;

	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), 0);
	assert_int_equal(store_cached(s, sql, &a, &err), 0);
	sqlite3_bind_int(a, 1, 41);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 0), 42);
	/* In use: the same text gets a statement of its own. */
	assert_int_equal(store_cached(s, sql, &b, &err), 0);
	assert_ptr_not_equal(a, b);
	store_release(s, b);
	store_release(s, a);
	/* Given back: the next call has it again, reset, its bindings cleared. */
	assert_int_equal(store_cached(s, sql, &c, &err), 0);
	assert_true(c == a || c == b);
	assert_int_equal(sqlite3_step(c), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(c, 0), SQLITE_NULL);
	store_release(s, c);
	/* More texts than are kept: the oldest make way, none leaks (valgrind, LeakSanitizer). */
	for (i = 0; i < 3 * STORE_CACHED_MAX; i++) {
		char q[64];

		snprintf(q, sizeof q, "SELECT %d", i);
		assert_int_equal(store_cached(s, q, &a, &err), 0);
		assert_int_equal(sqlite3_step(a), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(a, 0), i);
		store_release(s, a);
	}
	/* A text that cannot be prepared says why. */
	assert_int_equal(store_cached(s, "SELEKT 1", &a, &err), -1);
	assert_null(a);
	assert_non_null(strstr(err.msg, "syntax error"));
	store_release(s, NULL);
	store_close(&s);
}

/* Within a whole change, inner changes take no savepoints; rolling it back takes everything back. */
static void test_whole_change(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct error err = { 0 };

	assert_int_equal(store_open(&s, f->path, STORE_CREATE, 100, &err), 0);
	assert_int_equal(store_begin_whole(s, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_exec(s, "UPDATE status SET name_en = name_en || '!'", &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 5);
	store_rollback(s); /* an inner rollback only counts */
	assert_int_equal(count(s, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 5);
	assert_int_equal(store_begin_whole(s, &err), -1);
	store_rollback(s);
	assert_int_equal(count(s, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 0);
	/* After it, store_begin nests with savepoints again. */
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_exec(s, "UPDATE status SET name_en = name_en || '!'", &err), 0);
	store_rollback(s);
	assert_int_equal(count(s, "SELECT count(*) FROM status WHERE name_en LIKE '%!'"), 0);
	assert_int_equal(store_commit(s, &err), 0);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test_setup_teardown(test_missing_file_is_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_migrates_to_latest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reader_sees_commits_and_cannot_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_older_schema_upgraded_in_one_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_upgrade_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_refuses_upgrade_and_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_file_opens_read_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_setgid_directory_gives_0660, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_timeout_and_begin_immediate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_seed_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_builds_aside_and_never_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cached_statements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_change, setup, teardown),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
