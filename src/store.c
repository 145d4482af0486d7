#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
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
#include "uuid.h"
#include "walcheck.h"

struct store {
	sqlite3 *db;
	char *path;
	enum store_ro_reason ro;
	bool created;
	bool immutable;       /* opened with immutable=1 (no -shm could be made) */
	long busy_timeout_ms;
	int depth;            /* changes begun with store_begin and not ended (savepoints within the first) */
	bool whole;           /* begun with store_begin_whole: no savepoints within */
	char login[64];
	int (*interrupt)(void *);
	void *interrupt_ctx;
	struct cached {       /* statements kept prepared (store_cached) */
		char *sql;
		sqlite3_stmt *st;
		bool busy;
		unsigned long used;
	} cache[STORE_CACHED_MAX];
	unsigned long uses;
};

static const char sqlite_magic[16] = "SQLite format 3";

/* Finalizes every kept statement, before the connection closes. */
static void cache_clear(struct store *s)
{
	int i;

	for (i = 0; i < STORE_CACHED_MAX; i++) {
		sqlite3_finalize(s->cache[i].st);
		free(s->cache[i].sql);
		s->cache[i] = (struct cached){ NULL, NULL, false, 0 };
	}
}

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

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/*
 * Checks what is at path before SQLite sees it. Sets *found. An empty file
 * is refused: SQLite would make it a new database without a word, and a
 * clerk who gave the wrong file would never know.
 */
static int check_file(const char *path, bool *found, struct error *err)
{
	struct stat st;
	char head[16];
	ssize_t n;
	int fd;

	*found = false;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		return error_set(err, ERROR_RUNTIME, _("%s: %s"), path, strerror(errno));
	}
	*found = true;
	if (S_ISDIR(st.st_mode))
		return error_set(err, ERROR_RUNTIME, _("%s: is a directory, not a database file"), path);
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_RUNTIME, _("%s: not a regular file"), path);
	if (st.st_size == 0)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: the file is empty, not a hoso database; to make a new database there, remove it and run 'hoso init --db %s'"),
		                 path, path);
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

/* Whether this user may write the database, its -wal and -shm files and its directory. */
static enum store_ro_reason writable(const char *path)
{
	char *dir, *wal = paths_suffixed(path, "-wal"), *shm = paths_suffixed(path, "-shm");
	enum store_ro_reason r = STORE_RO_NO;

	if (access(path, W_OK) != 0) {
		r = STORE_RO_FILE;
	} else if (wal == NULL || shm == NULL) {
		r = STORE_RO_FILE;
	} else if ((exists(wal) && access(wal, W_OK) != 0) || (exists(shm) && access(shm, W_OK) != 0)) {
		r = STORE_RO_WAL_FILES;
	} else {
		dir = paths_dirname(path);
		/* WAL needs -wal and -shm beside the file; fine if they exist writable. */
		if (dir == NULL || (access(dir, W_OK) != 0 && (!exists(wal) || !exists(shm))))
			r = STORE_RO_DIRECTORY;
		free(dir);
	}
	free(wal);
	free(shm);
	return r;
}

/*
 * A clerk who may not write the database leaves its -wal (empty: he wrote
 * nothing) and -shm files behind, with his own owner and the file's mode,
 * when his directory lets SQLite make them; a clerk who may write it could
 * then not write them, and would be read-only. When no connection has the
 * file open (none holds SQLite's shared lock on it, and this process holds
 * the lock that keeps one from starting meanwhile) and the -wal holds
 * nothing, those files hold nothing either: they are removed, and SQLite
 * makes them anew. Only for a user who may write the file and directory.
 */
static void clear_empty_leftovers(const char *path)
{
	/* SQLite's shared-lock bytes of the database file (after its pending and reserved bytes). */
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x40000002, .l_len = 510 };
	char *wal = paths_suffixed(path, "-wal"), *shm = paths_suffixed(path, "-shm"), *dir = paths_dirname(path);
	struct stat st;
	int fd;

	if (wal == NULL || shm == NULL || dir == NULL || access(path, W_OK) != 0 || access(dir, W_OK) != 0 ||
	    (stat(wal, &st) == 0 && st.st_size > 0) ||
	    !((exists(wal) && access(wal, W_OK) != 0) || (exists(shm) && access(shm, W_OK) != 0)))
		goto done;
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		goto done;
	if (fcntl(fd, F_SETLK, &fl) == 0 && (stat(wal, &st) != 0 || st.st_size == 0)) {
		unlink(shm);
		unlink(wal);
	}
	close(fd); /* and the lock with it: nothing else of this process has the file open yet */
done:
	free(wal);
	free(shm);
	free(dir);
}

/* True when the -wal file beside path holds at least one frame (changes not yet in the file). */
static bool wal_has_frames(const char *path)
{
	char *wal = paths_suffixed(path, "-wal");
	struct stat st;
	bool r = wal == NULL || (stat(wal, &st) == 0 && st.st_size > 32);

	free(wal);
	return r;
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
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		/* SQLite had nothing to say: the data was not what hoso wrote. */
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: unexpected data while %s (the file was changed outside hoso?); run 'hoso check'"),
		                 path, doing);
	default:
		if (strncmp(msg, "no such table", 13) == 0 || strncmp(msg, "no such column", 14) == 0)
			return error_set(err, ERROR_RUNTIME,
			                 _("%s: the database lacks what hoso needs (%s): it was changed outside hoso or is damaged; run 'hoso check' and restore it from a backup"),
			                 path, msg);
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

int store_cached(struct store *s, const char *sql, sqlite3_stmt **st, struct error *err)
{
	int i, slot = -1;

	for (i = 0; i < STORE_CACHED_MAX; i++) {
		struct cached *c = &s->cache[i];

		if (c->sql != NULL && !c->busy && strcmp(c->sql, sql) == 0) {
			c->busy = true;
			c->used = ++s->uses;
			*st = c->st;
			return 0;
		}
		if (!c->busy && (slot < 0 || c->used < s->cache[slot].used))
			slot = i;
	}
	if (store_prepare(s, sql, st, err) != 0)
		return -1;
	if (slot >= 0) {
		/* The least recently used statement makes way; when none is free, *st is not kept. */
		char *copy = strdup(sql);

		if (copy != NULL) {
			struct cached *c = &s->cache[slot];

			sqlite3_finalize(c->st);
			free(c->sql);
			*c = (struct cached){ copy, *st, true, ++s->uses };
		}
	}
	return 0;
}

void store_release(struct store *s, sqlite3_stmt *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < STORE_CACHED_MAX; i++)
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			s->cache[i].busy = false;
			return;
		}
	sqlite3_finalize(st);
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

int store_check_tables(struct store *s, struct error *err)
{
	static const char sql[] =
		"SELECT v.column1 FROM (VALUES ('programme'), ('item'), ('unit'), ('locality'), ('document'),"
		" ('kind'), ('status'), ('doc_type'), ('doc_state'), ('doc_relation'), ('programme_party'),"
		" ('item_partner'), ('item_locality'), ('item_document'), ('document_link'), ('target'),"
		" ('comment'), ('change'), ('history'), ('tally'), ('item_fts')) AS v"
		" WHERE v.column1 NOT IN (SELECT name FROM sqlite_schema WHERE type = 'table') LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if (store_schema_version(s) < migrate_latest())
		return 0; /* an older schema has other tables; it is upgraded first */
	if (store_prepare(s, sql, &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		error_set(err, ERROR_RUNTIME,
		          _("%s: the table '%s' is missing: the file was changed outside hoso or is damaged; run 'hoso check' and restore it from a backup"),
		          s->path, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return -1;
	}
	if (rc != SQLITE_DONE)
		store_fail(s, err, _("reading the schema"));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first read: SQLite opens the file, its -wal and -shm lazily. Returns SQLite's code. */
static int first_read(struct store *s)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	return rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode(s->db);
}

/*
 * Says exactly which permission keeps this user from reading s->path, when
 * it is one: a -wal or -shm file it cannot read, or a -shm file SQLite
 * must make (to read changes still in the -wal) in a directory this user
 * cannot write. Returns -1 with err set, or 0 when it is none of these.
 */
static int explain_unreadable(struct store *s, struct error *err)
{
	char *wal = paths_suffixed(s->path, "-wal"), *shm = paths_suffixed(s->path, "-shm"), *dir = paths_dirname(s->path);
	int ret = 0;

	if (wal == NULL || shm == NULL || dir == NULL)
		ret = error_set(err, ERROR_RUNTIME, _("out of memory"));
	else if (exists(wal) && access(wal, R_OK) != 0)
		ret = error_set(err, ERROR_RUNTIME,
		                _("%s: cannot be read: this user has no read permission on %s, which holds its latest changes"),
		                s->path, wal);
	else if (exists(shm) && access(shm, R_OK) != 0)
		ret = error_set(err, ERROR_RUNTIME,
		                _("%s: cannot be read: this user has no read permission on %s (SQLite's index of the changes in %s)"),
		                s->path, shm, wal);
	else if (!exists(shm) && access(dir, W_OK) != 0)
		ret = error_set(err, ERROR_RUNTIME,
		                _("%s: cannot be read: %s holds changes not yet written into it, and reading them needs %s, which this user cannot create (no write permission on the directory %s); ask a clerk who can write the database to open and close it once, or for write permission on the directory"),
		                s->path, wal, shm, dir);
	free(wal);
	free(shm);
	free(dir);
	return ret;
}

/*
 * Connects s to its file and reads it once. A user who may not write the
 * file, its -wal or -shm files or its directory reads it through SQLite's
 * read-only WAL rules; when SQLite cannot (no -shm file and none can be
 * made) and the -wal file holds nothing, the file alone is the whole
 * database and is read as immutable.
 */
static int connect_and_read(struct store *s, struct error *err)
{
	int rc;

	if (connect(s, err) != 0)
		return -1;
	rc = first_read(s);
	if (rc != SQLITE_OK && s->ro != STORE_RO_NO && !s->immutable &&
	    ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)) {
		if (wal_has_frames(s->path))
			return explain_unreadable(s, err) != 0 ? -1 : store_fail(s, err, _("opening"));
		cache_clear(s);
		sqlite3_close_v2(s->db);
		s->db = NULL;
		s->immutable = true;
		if (connect(s, err) != 0)
			return -1;
		rc = first_read(s);
	}
	if (rc != SQLITE_OK)
		return explain_unreadable(s, err) != 0 ? -1 : store_fail(s, err, _("opening"));
	return 0;
}

/* A new struct store for path, not connected. NULL when out of memory (err set). */
static struct store *store_new(const char *path, long busy_timeout_ms, struct error *err)
{
	struct store *s = calloc(1, sizeof *s);

	if (s == NULL || (s->path = strdup(path)) == NULL) {
		free(s);
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		return NULL;
	}
	s->busy_timeout_ms = busy_timeout_ms;
	find_login(s->login, sizeof s->login);
	return s;
}

/* WAL, foreign keys and the schema, on a connected s. */
static int prepare_open(struct store *s, unsigned flags, struct error *err)
{
	if (check_identity(s, err) != 0)
		return -1;
	if (store_exec(s, "PRAGMA foreign_keys = ON", err) != 0)
		return -1;
	if (s->ro == STORE_RO_NO &&
	    store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", err) != 0)
		return -1;
	if (!(flags & STORE_NO_MIGRATE) && (migrate_run(s, err) != 0 || store_check_tables(s, err) != 0))
		return -1;
	return 0;
}

int store_open(struct store **out, const char *path, unsigned flags,
               long busy_timeout_ms, struct error *err)
{
	struct store *s;
	bool found;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("no database file given"));
	if (check_file(path, &found, err) != 0)
		return -1;
	if (!found) {
		if (!(flags & STORE_CREATE))
			return error_set(err, ERROR_RUNTIME,
			                 _("%s: no such database file; create it with 'hoso init --db %s'"),
			                 path, path);
		if (flags & STORE_READ_ONLY)
			return error_set(err, ERROR_RUNTIME,
			                 _("%s: no such database file, and a read-only one cannot be created"), path);
		switch (store_create(out, path, NULL, NULL, flags & ~STORE_CREATE, busy_timeout_ms, err)) {
		case STORE_CREATE_EXISTS: /* another process made it meanwhile: open theirs */
			return store_open(out, path, flags & ~STORE_CREATE, busy_timeout_ms, err);
		case 0:
			return 0;
		default:
			return -1;
		}
	}
	if (wal_check_foreign(path, err) != 0)
		return -1;
	if ((s = store_new(path, busy_timeout_ms, err)) == NULL)
		return -1;
	if (!(flags & STORE_READ_ONLY))
		clear_empty_leftovers(path);
	s->ro = (flags & STORE_READ_ONLY) ? STORE_RO_ASKED : writable(path);
	if (connect_and_read(s, err) != 0 || prepare_open(s, flags, err) != 0) {
		store_close(&s);
		return -1;
	}
	*out = s;
	return 0;
}

/* ------------------------------------------------ making a new database */

#define TEMP_TAG ".new-"

/*
 * Removes what earlier runs left while building a database named base in
 * dir: ".BASE.new-PID-..." files (and their -wal, -shm, -journal) of a
 * process that no longer exists (killed while it built).
 */
static void remove_leftovers(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *prefix;
	size_t n;

	if (d == NULL)
		return;
	if (asprintf(&prefix, ".%s" TEMP_TAG, base) < 0) {
		closedir(d);
		return;
	}
	n = strlen(prefix);
	while ((e = readdir(d)) != NULL) {
		char *end, *full;
		long pid;

		if (strncmp(e->d_name, prefix, n) != 0)
			continue;
		errno = 0;
		pid = strtol(e->d_name + n, &end, 10);
		if (errno != 0 || end == e->d_name + n || *end != '-' || pid <= 0 || (pid_t)pid == getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* still at work (or another user's process) */
		full = paths_join(dir, e->d_name);
		if (full != NULL)
			unlink(full);
		free(full);
	}
	closedir(d);
	free(prefix);
}

/* Removes the temporary file tmp and what SQLite kept beside it. */
static void remove_temp(const char *tmp)
{
	static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = paths_suffixed(tmp, suffixes[i]);

		if (p != NULL)
			unlink(p);
		free(p);
	}
	unlink(tmp);
}

/*
 * Creates a new, empty temporary file in dir, for a database named base:
 * 0660 in a setgid directory (a share), else as the umask allows. Returns
 * its name (the caller frees it) or NULL with err set.
 */
static char *make_temp(const char *path, const char *dir, const char *base, struct error *err)
{
	struct stat st;
	char *tmp = NULL;
	int fd = -1, i;
	bool shared;

	if (stat(dir, &st) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: directory %s: %s"),
		          path, dir, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: its directory is not a directory"), path);
		return NULL;
	}
	shared = (st.st_mode & S_ISGID) != 0;
	for (i = 0; i < 100 && fd < 0; i++) {
		unsigned r;

		free(tmp);
		sqlite3_randomness(sizeof r, &r);
		if (asprintf(&tmp, "%s/.%s" TEMP_TAG "%ld-%08x", dir, base, (long)getpid(), r) < 0) {
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			return NULL;
		}
		fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST) {
			error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: %s"), path, strerror(errno));
			free(tmp);
			return NULL;
		}
	}
	if (fd < 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: %s"), path, strerror(EEXIST));
		free(tmp);
		return NULL;
	}
	if (shared && fchmod(fd, 0660) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot make the database group-writable: %s"),
		          path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Builds the database in tmp: schema, fill, WAL folded in, on disk. */
static int build(const char *tmp, const char *path, unsigned flags,
                 int (*fill)(struct store *s, void *ctx, struct error *err), void *ctx,
                 struct error *err)
{
	struct store *s = store_new(tmp, 0, err);
	char *wal = paths_suffixed(tmp, "-wal");
	int fd, ret = -1;

	if (s == NULL || wal == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	s->created = true;
	if (connect(s, err) != 0 || prepare_open(s, flags & STORE_NO_MIGRATE, err) != 0)
		goto done;
	if (fill != NULL && fill(s, ctx, err) != 0)
		goto done;
	/* The last connection to close folds the WAL into the file and removes it. */
	cache_clear(s);
	if (sqlite3_close(s->db) != SQLITE_OK || exists(wal)) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot finish the new database: %s"), path,
		          s->db != NULL ? sqlite3_errmsg(s->db) : strerror(EIO));
		goto done;
	}
	s->db = NULL;
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot finish the new database: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto done;
	}
	close(fd);
	ret = 0;
done:
	store_close(&s);
	free(wal);
	return ret;
}

int store_create(struct store **out, const char *path,
                 int (*fill)(struct store *s, void *ctx, struct error *err), void *ctx,
                 unsigned flags, long busy_timeout_ms, struct error *err)
{
	char *dir = NULL, *tmp = NULL;
	const char *base;
	int ret = -1, dfd;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("no database file given"));
	if (flags & STORE_READ_ONLY)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: no such database file, and a read-only one cannot be created"), path);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if ((dir = paths_dirname(path)) == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	if (exists(path)) {
		ret = STORE_CREATE_EXISTS;
		error_set(err, ERROR_RUNTIME,
		          _("%s: already exists; 'hoso init' only makes a new database (remove the file or give another --db)"),
		          path);
		goto done;
	}
	remove_leftovers(dir, base);
	if ((tmp = make_temp(path, dir, base, err)) == NULL)
		goto done;
	if (build(tmp, path, flags, fill, ctx, err) != 0) {
		remove_temp(tmp);
		goto done;
	}
	/* link, not rename: it fails when another process made path meanwhile. */
	if (link(tmp, path) != 0) {
		int e = errno;

		remove_temp(tmp);
		if (e == EEXIST) {
			ret = STORE_CREATE_EXISTS;
			error_set(err, ERROR_RUNTIME,
			          _("%s: already exists; 'hoso init' only makes a new database (remove the file or give another --db)"),
			          path);
		} else {
			error_set(err, ERROR_RUNTIME, _("%s: cannot create the database: %s"), path, strerror(e));
		}
		goto done;
	}
	unlink(tmp);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd); /* the new name, on disk before it is reported */
		close(dfd);
	}
	if (store_open(out, path, flags & ~STORE_CREATE, busy_timeout_ms, err) != 0)
		goto done;
	(*out)->created = true;
	ret = 0;
done:
	free(tmp);
	free(dir);
	return ret;
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
		cache_clear(s);
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

void store_set_login(struct store *s, const char *name)
{
	if (name != NULL && *name != '\0')
		snprintf(s->login, sizeof s->login, "%s", name);
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
	char sql[48];

	if (s->ro != STORE_RO_NO)
		return error_set(err, ERROR_RUNTIME, _("%s: the database is open read-only"), s->path);
	if (s->depth > 0 && s->whole) {
		s->depth++;
		return 0;
	}
	if (s->depth > 0) {
		/* Within a change already begun: a savepoint of it. */
		snprintf(sql, sizeof sql, "SAVEPOINT hoso_%d", s->depth);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(s, err, _("starting a change"));
		s->depth++;
		return 0;
	}
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("starting a change"));
	s->depth = 1;
	s->whole = false;
	return 0;
}

int store_begin_whole(struct store *s, struct error *err)
{
	if (s->depth > 0)
		return error_set(err, ERROR_RUNTIME, "store_begin_whole within a change");
	if (store_begin(s, err) != 0)
		return -1;
	s->whole = true;
	return 0;
}

int store_commit(struct store *s, struct error *err)
{
	char sql[48];

	if (s->depth > 1 && s->whole) {
		s->depth--;
		return 0;
	}
	if (s->depth > 1) {
		snprintf(sql, sizeof sql, "RELEASE hoso_%d", s->depth - 1);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			store_fail(s, err, _("saving"));
			store_rollback(s);
			return -1;
		}
		s->depth--;
		return 0;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(s, err, _("saving"));
		store_rollback(s);
		return -1;
	}
	s->depth = 0;
	return 0;
}

void store_rollback(struct store *s)
{
	char sql[80];

	if (s->depth > 1 && s->whole) {
		s->depth--; /* the caller rolls the whole change back */
		return;
	}
	if (s->depth > 1) {
		snprintf(sql, sizeof sql, "ROLLBACK TO hoso_%d; RELEASE hoso_%d", s->depth - 1, s->depth - 1);
		sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		s->depth--;
		return;
	}
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth = 0;
}

int store_data_version(struct store *s, long *out, struct error *err)
{
	return store_query_long(s, "PRAGMA data_version", out, err);
}

long long store_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int store_bind_uuid(sqlite3_stmt *st, int i, const char *id)
{
	unsigned char b[UUID_BYTES];

	if (id == NULL || *id == '\0')
		return sqlite3_bind_null(st, i);
	if (uuid_to_bytes(id, b) != 0)
		return SQLITE_MISMATCH;
	return sqlite3_bind_blob(st, i, b, sizeof b, SQLITE_TRANSIENT);
}

void store_column_uuid(sqlite3_stmt *st, int i, char out[37])
{
	out[0] = '\0';
	if (sqlite3_column_type(st, i) == SQLITE_BLOB && sqlite3_column_bytes(st, i) == UUID_BYTES)
		uuid_from_bytes(sqlite3_column_blob(st, i), out);
}

void store_now(char buf[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
