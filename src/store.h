#ifndef HOSO_STORE_H
#define HOSO_STORE_H

/*
 * The database: one SQLite file, in WAL mode, foreign keys on, a busy
 * timeout, the schema brought up to date by migrations when it is opened.
 * Every write goes through store_begin (BEGIN IMMEDIATE) and store_commit.
 */

#include <stdbool.h>

#include <sqlite3.h>

#include "error.h"

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,     /* create the file (empty, as store_create) when it does not exist */
	STORE_READ_ONLY = 1 << 1,  /* never write, even if the file allows it */
	STORE_NO_MIGRATE = 1 << 2, /* leave the schema as it is (tests, check) */
};

/* Why a store is read-only. */
enum store_ro_reason {
	STORE_RO_NO = 0,
	STORE_RO_ASKED,     /* --read-only */
	STORE_RO_FILE,      /* the file is not writable by this user */
	STORE_RO_DIRECTORY, /* its directory is not writable (WAL needs it) */
	STORE_RO_WAL_FILES, /* its -wal or -shm file is not writable by this user */
};

#define STORE_APPLICATION_ID 1752134511 /* "hoso" */

/*
 * Opens the database at path. A missing file is an error, unless
 * STORE_CREATE is given: then it is made as store_create makes it (empty).
 * An empty file is refused (it is no database; 'hoso init' makes one). A
 * file this user cannot write (or whose -wal or -shm file or directory it
 * cannot write) is opened read-only (see store_read_only), and read through
 * SQLite's read-only WAL rules, or as immutable when the file alone holds
 * everything; when it cannot be read, the message says which permission is
 * missing. A -wal file left by another copy of the database is refused
 * (see check_wal). The schema is migrated unless STORE_NO_MIGRATE is given.
 * Returns 0 and *out, or -1 with err set to one line naming the file:
 * missing, empty, not a regular file, not an SQLite database, not a hoso
 * database, damaged, made by a newer hoso, needing an upgrade while
 * read-only, busy. The caller closes *out with store_close.
 */
int store_open(struct store **out, const char *path, unsigned flags,
               long busy_timeout_ms, struct error *err);

/* What store_create returns when path exists (err says so too). */
#define STORE_CREATE_EXISTS 1

/*
 * Makes a new database at path, never over an existing file: it is built
 * in a temporary file ".NAME.new-PID-RANDOM" beside path (0660 in a setgid
 * directory, a share; else as the umask allows), migrated, filled by fill
 * (may be NULL; ctx is passed to it), written to disk, and then linked to
 * path, which fails when another process made path meanwhile. So path is
 * either missing or whole: a kill leaves at most the temporary file, which
 * a later store_create in the same directory removes once the process that
 * made it is gone. Then opens path as store_open does with flags. Returns
 * 0 and *out (store_created is true), STORE_CREATE_EXISTS when path exists
 * (nothing was changed), or -1 with err set (nothing is left behind).
 */
int store_create(struct store **out, const char *path,
                 int (*fill)(struct store *s, void *ctx, struct error *err), void *ctx,
                 unsigned flags, long busy_timeout_ms, struct error *err);

/*
 * A second, read-only connection to main's file, with a page cache of
 * cache_kib KiB, for long reads in the background (the list's counts): they
 * then leave the main connection's cache to the rows on the screen, so the
 * key after a count at a million items is as quick as at ten thousand.
 * Returns 0 and *out (closed with store_close), or -1 with err set.
 */
int store_open_reader(struct store **out, const struct store *main, int cache_kib,
                      struct error *err);

/* Closes the database and frees s; sets *s to NULL; accepts NULL and *s NULL. */
void store_close(struct store **s);

/* The SQLite handle, for the core's own modules. */
sqlite3 *store_db(struct store *s);

/* The file name as given to store_open. */
const char *store_path(const struct store *s);

/* STORE_RO_NO when writes are allowed, else why they are not. */
enum store_ro_reason store_read_only(const struct store *s);

/* True when store_open created the file. */
bool store_created(const struct store *s);

/* The name recorded in the change log: [user] name when set, else the login name. */
const char *store_login(const struct store *s);

/* Records saves under name (cut to 63 bytes) instead of the login name. */
void store_set_login(struct store *s, const char *name);

/*
 * Checks that every table of the current schema is there (the file may
 * have been changed in the sqlite3 shell). Returns 0 (also for an older
 * schema, which has other tables), or -1 with err naming the file and the
 * first missing table.
 */
int store_check_tables(struct store *s, struct error *err);

/* The schema version of the open file (PRAGMA user_version). */
int store_schema_version(struct store *s);

/*
 * Starts a write transaction with BEGIN IMMEDIATE, waiting up to the busy
 * timeout for another writer; within one already begun (an import made of
 * many saves), a savepoint of it, which store_commit releases and
 * store_rollback takes back alone. Returns 0, or -1 with err set
 * (read-only, busy, I/O).
 */
int store_begin(struct store *s, struct error *err);

/*
 * Starts a write transaction as store_begin does, within which the changes
 * begun take no savepoints (each costs the full-text index a flush): their
 * commit and rollback only count. For a change of many saves that is rolled
 * back whole when any of them fails (an import).
 */
int store_begin_whole(struct store *s, struct error *err);

/* Commits; on failure rolls back and returns -1 with err set. */
int store_commit(struct store *s, struct error *err);

/* Rolls back the open transaction, if any. */
void store_rollback(struct store *s);

/*
 * Fills err with a one-line message about the last SQLite error on s,
 * prefixed with the file name and what was being done ("reading items").
 * Damage, a full disk, a busy database and a read-only file each get a
 * message that says what to do. Returns -1.
 */
int store_fail(struct store *s, struct error *err, const char *doing);

/*
 * Prepares sql on s into *st. Returns 0, or -1 with err set through
 * store_fail. The caller finalizes *st.
 */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st,
                  struct error *err);

/*
 * Like store_prepare, but the statement is kept prepared for the next call
 * with the same sql (the last STORE_CACHED_MAX texts are kept): for the
 * statements every save runs. The caller gives it back with store_release,
 * never sqlite3_finalize; until then the same sql gets another statement.
 */
#define STORE_CACHED_MAX 64
int store_cached(struct store *s, const char *sql, sqlite3_stmt **st, struct error *err);

/* Gives back a statement store_cached made (reset, its bindings cleared); NULL does nothing. */
void store_release(struct store *s, sqlite3_stmt *st);

/*
 * Runs sql (no parameters) and stores the first column of its first row in
 * *out. Returns 0, or -1 with err set (also when there is no row).
 */
int store_query_long(struct store *s, const char *sql, long *out, struct error *err);

/* Runs sql (no parameters, no rows wanted). Returns 0 or -1 with err set. */
int store_exec(struct store *s, const char *sql, struct error *err);

/*
 * Sets a function SQLite calls now and then during long statements; when it
 * returns non-zero the statement stops with SQLITE_INTERRUPT. fn NULL clears
 * it. The screen uses it to drop a count when a key arrives.
 */
void store_set_interrupt(struct store *s, int (*fn)(void *), void *ctx);

/*
 * SQLite's data version of the connection (PRAGMA data_version): it changes
 * when another connection committed a change to the file. Cheap enough to
 * ask every second. Returns 0 and *out, or -1 with err set.
 */
int store_data_version(struct store *s, long *out, struct error *err);

/* The current UTC time as YYYY-MM-DDTHH:MM:SSZ into buf. */
void store_now(char buf[21]);

/* The current time in milliseconds since 1970 (UTC), as the change log stores it. */
long long store_now_ms(void);

/*
 * Binds the key id (a text UUID) to parameter i of st as the 16 bytes the
 * database stores; NULL or "" binds NULL. Returns SQLite's code
 * (SQLITE_MISMATCH when id is not a UUID).
 */
int store_bind_uuid(sqlite3_stmt *st, int i, const char *id);

/* Column i of st, a key's 16 bytes, as text into out; "" for NULL (or not a key). */
void store_column_uuid(sqlite3_stmt *st, int i, char out[37]);

#endif
