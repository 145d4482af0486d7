#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "migrate.h"
#include "paths.h"
#include "sqlfn.h"
#include "store.h"

struct store {
	sqlite3 *db;
	char *path;
	enum store_ro_reason ro;
	bool created;
	bool immutable;       /* opened with immutable=1 (no -shm could be made) */
	long busy_timeout_ms;
	char login[64];
	int (*interrupt)(void *);
	void *interrupt_ctx;
};

static const char sqlite_magic[16] = "SQLite format 3";

static void find_login(char *out, size_t outsz)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *name = pw != NULL ? pw->pw_name : NULL;

	if (name == NULL || *name == '\0')
		name = getenv("LOGNAME");
	if (name == NULL || *name == '\0')
		name = getenv("USER");
	if (name != NULL && *name != '\0')
		snprintf(out, outsz, "%s", name);
	else
		snprintf(out, outsz, "uid%ld", (long)geteuid());
}

/* Creates an empty file at path; 0660 in a setgid directory (a share). */
static int create_file(const char *path, struct error *err)
{
	char *dir = paths_dirname(path);
	struct stat st;
	int fd;
	bool shared;

	if (dir == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	if (stat(dir, &st) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: directory %s: %s"),
		          path, dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	if (!S_ISDIR(st.st_mode))
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: cannot create the database: its directory is not a directory"), path);
	shared = (st.st_mode & S_ISGID) != 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: %s"),
		                 path, strerror(errno));
	if (shared && fchmod(fd, 0660) != 0) {
		int e = errno;

		close(fd);
		unlink(path);
		return error_set(err, ERROR_RUNTIME, _("%s: cannot make the database group-writable: %s"),
		                 path, strerror(e));
	}
	if (close(fd) != 0)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: %s"),
		                 path, strerror(errno));
	return 0;
}

/* Checks what is at path before SQLite sees it. Sets *exists. */
static int check_file(const char *path, bool *exists, struct error *err)
{
	struct stat st;
	char head[16];
	ssize_t n;
	int fd;

	*exists = false;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		return error_set(err, ERROR_RUNTIME, _("%s: %s"), path, strerror(errno));
	}
	*exists = true;
	if (S_ISDIR(st.st_mode))
		return error_set(err, ERROR_RUNTIME, _("%s: is a directory, not a database file"), path);
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_RUNTIME, _("%s: not a regular file"), path);
	if (st.st_size == 0)
		return 0; /* an empty file is a new, empty database */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read the database: %s"),
		                 path, strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot read the database: %s"),
		                 path, strerror(errno));
	if (n < (ssize_t)sizeof head || memcmp(head, sqlite_magic, sizeof head) != 0)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: not a hoso database (not an SQLite file)"), path);
	return 0;
}

static enum store_ro_reason writable(const char *path)
{
	char *dir;
	enum store_ro_reason r = STORE_RO_NO;

	if (access(path, W_OK) != 0)
		return STORE_RO_FILE;
	dir = paths_dirname(path);
	if (dir != NULL && access(dir, W_OK) != 0) {
		/* WAL needs -wal and -shm beside the file; fine if they exist writable. */
		char *wal = NULL, *shm = NULL;

		if (asprintf(&wal, "%s-wal", path) < 0)
			wal = NULL;
		if (asprintf(&shm, "%s-shm", path) < 0)
			shm = NULL;
		if (wal == NULL || shm == NULL || access(wal, W_OK) != 0 || access(shm, W_OK) != 0)
			r = STORE_RO_DIRECTORY;
		free(wal);
		free(shm);
	}
	free(dir);
	return r;
}

/* True when the WAL index file beside path does not exist. */
static bool no_shm(const char *path)
{
	char shm[4200];

	snprintf(shm, sizeof shm, "%s-shm", path);
	return access(shm, F_OK) != 0;
}

/* path as an SQLite URI ("file:" and the path, %-escaped where it must be). */
static const char *uri_of(const char *path, char *out, size_t outsz)
{
	size_t n = 0;
	const char *p;

	n += (size_t)snprintf(out, outsz, "file:");
	for (p = path; *p != '\0' && n + 4 < outsz; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '%' || c == '?' || c == '#' || c < 0x20)
			n += (size_t)snprintf(out + n, outsz - n, "%%%02X", c);
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
	return out;
}

/*
 * The URI that opens path as unchanging. SQLite cannot read a WAL database
 * whose -shm file is missing and cannot be made (a directory this user may
 * not write); it can read it as immutable. Then no writer is at work (the
 * -shm file would be there), and this program will not write.
 */
static const char *immutable_uri(const char *path, char *out, size_t outsz)
{
	size_t n = strlen(uri_of(path, out, outsz));

	snprintf(out + n, outsz - n, "?immutable=1");
	return out;
}

int store_fail(struct store *s, struct error *err, const char *doing)
{
	int rc = s != NULL && s->db != NULL ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;
	const char *msg = s != NULL && s->db != NULL ? sqlite3_errmsg(s->db) : "";
	const char *path = s != NULL ? s->path : "?";

	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: the database file is damaged (%s); run 'hoso check' and restore it from a backup"),
		                 path, msg);
	case SQLITE_FULL:
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: the disk is full; nothing was saved: free some space and try again"), path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: the database is busy (another clerk or program is writing); try again"), path);
	case SQLITE_READONLY:
		return error_set(err, ERROR_RUNTIME, _("%s: the database is read-only here (%s)"), path, msg);
	case SQLITE_CANTOPEN:
		return error_set(err, ERROR_RUNTIME, _("%s: cannot open the database (%s)"), path, msg);
	case SQLITE_IOERR:
		return error_set(err, ERROR_RUNTIME, _("%s: input/output error while %s (%s)"), path, doing, msg);
	case SQLITE_INTERRUPT:
		return error_set(err, ERROR_RUNTIME, _("%s: interrupted while %s"), path, doing);
	default:
		return error_set(err, ERROR_RUNTIME, _("%s: error while %s: %s"), path, doing, msg);
	}
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct error *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return store_fail(s, err, _("preparing a query"));
	}
	return 0;
}

int store_exec(struct store *s, const char *sql, struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("updating the database"));
	return 0;
}

static int progress(void *ctx)
{
	struct store *s = ctx;

	return s->interrupt != NULL ? s->interrupt(s->interrupt_ctx) : 0;
}

void store_set_interrupt(struct store *s, int (*fn)(void *), void *ctx)
{
	s->interrupt = fn;
	s->interrupt_ctx = ctx;
	sqlite3_progress_handler(s->db, fn != NULL ? 2000 : 0, fn != NULL ? progress : NULL, s);
}

int store_query_long(struct store *s, const char *sql, long *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, err, _("reading the database"));
}

static int read_int(struct store *s, const char *sql, int *out, struct error *err)
{
	long v;

	if (store_query_long(s, sql, &v, err) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* Tells a hoso database, a new one and anything else apart. */
static int check_identity(struct store *s, struct error *err)
{
	int app_id, objects;

	if (read_int(s, "SELECT count(*) FROM sqlite_schema", &objects, err) != 0)
		return -1;
	if (read_int(s, "PRAGMA application_id", &app_id, err) != 0)
		return -1;
	if (app_id == STORE_APPLICATION_ID)
		return 0;
	if (app_id == 0 && objects == 0)
		return 0; /* new and empty: the migrations make it ours */
	return error_set(err, ERROR_RUNTIME,
	                 _("%s: an SQLite database, but not one of hoso's; give another file"), s->path);
}

/* Opens s->db on s->path as s->ro and s->immutable say, with hoso's SQL functions. */
static int connect(struct store *s, struct error *err)
{
	char uri[8192];
	int oflags = (s->ro != STORE_RO_NO ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	             SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;

	if (sqlite3_open_v2(s->immutable ? immutable_uri(s->path, uri, sizeof uri)
	                                 : uri_of(s->path, uri, sizeof uri),
	                    &s->db, oflags, NULL) != SQLITE_OK)
		return store_fail(s, err, _("opening"));
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, s->busy_timeout_ms > 0 ? (int)s->busy_timeout_ms : 0);
	if (sqlfn_register(s->db) != SQLITE_OK)
		return store_fail(s, err, _("registering functions"));
	return 0;
}

int store_open(struct store **out, const char *path, unsigned flags,
               long busy_timeout_ms, struct error *err)
{
	struct store *s;
	bool exists;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("no database file given"));
	if (check_file(path, &exists, err) != 0)
		return -1;
	if (!exists) {
		if (!(flags & STORE_CREATE))
			return error_set(err, ERROR_RUNTIME,
			                 _("%s: no such database file; create it with 'hoso init --db %s'"),
			                 path, path);
		if (flags & STORE_READ_ONLY)
			return error_set(err, ERROR_RUNTIME,
			                 _("%s: no such database file, and a read-only one cannot be created"), path);
		if (create_file(path, err) != 0)
			return -1;
	}

	s = calloc(1, sizeof *s);
	if (s == NULL || (s->path = strdup(path)) == NULL) {
		free(s);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	s->created = !exists;
	find_login(s->login, sizeof s->login);
	s->ro = (flags & STORE_READ_ONLY) ? STORE_RO_ASKED : writable(path);

	s->immutable = s->ro == STORE_RO_DIRECTORY && no_shm(path);
	s->busy_timeout_ms = busy_timeout_ms;
	if (connect(s, err) != 0)
		goto fail;
	if (check_identity(s, err) != 0)
		goto fail;
	if (store_exec(s, "PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (s->ro == STORE_RO_NO &&
	    store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", err) != 0)
		goto fail;
	if (!(flags & STORE_NO_MIGRATE) && migrate_run(s, err) != 0)
		goto fail;
	*out = s;
	return 0;

fail:
	store_close(&s);
	if (!exists)
		unlink(path);
	return -1;
}

int store_open_reader(struct store **out, const struct store *main, int cache_kib,
                      struct error *err)
{
	struct store *s = calloc(1, sizeof *s);

	*out = NULL;
	if (s == NULL || (s->path = strdup(main->path)) == NULL) {
		free(s);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	s->ro = STORE_RO_ASKED;
	s->immutable = main->immutable;
	s->busy_timeout_ms = main->busy_timeout_ms;
	snprintf(s->login, sizeof s->login, "%s", main->login);
	if (connect(s, err) != 0) {
		store_close(&s);
		return -1;
	}
	sqlite3_exec(s->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
	if (cache_kib > 0) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", cache_kib);
		sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	}
	*out = s;
	return 0;
}

void store_close(struct store **sp)
{
	struct store *s;

	if (sp == NULL || *sp == NULL)
		return;
	s = *sp;
	if (s->db != NULL) {
		if (s->ro == STORE_RO_NO)
			sqlite3_exec(s->db, "PRAGMA analysis_limit = 400; PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	free(s->path);
	free(s);
	*sp = NULL;
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

enum store_ro_reason store_read_only(const struct store *s)
{
	return s->ro;
}

bool store_created(const struct store *s)
{
	return s->created;
}

const char *store_login(const struct store *s)
{
	return s->login;
}

int store_schema_version(struct store *s)
{
	int v = -1;

	if (read_int(s, "PRAGMA user_version", &v, NULL) != 0)
		return -1;
	return v;
}

int store_begin(struct store *s, struct error *err)
{
	if (s->ro != STORE_RO_NO)
		return error_set(err, ERROR_RUNTIME, _("%s: the database is open read-only"), s->path);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("starting a change"));
	return 0;
}

int store_commit(struct store *s, struct error *err)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(s, err, _("saving"));
		store_rollback(s);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_now(char buf[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
