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
	STORE_CREATE = 1 << 0,     /* create the file when it does not exist */
	STORE_READ_ONLY = 1 << 1,  /* never write, even if the file allows it */
	STORE_NO_MIGRATE = 1 << 2, /* leave the schema as it is (tests, check) */
};

/* Why a store is read-only. */
enum store_ro_reason {
	STORE_RO_NO = 0,
	STORE_RO_ASKED,     /* --read-only */
	STORE_RO_FILE,      /* the file is not writable by this user */
	STORE_RO_DIRECTORY, /* its directory is not writable (WAL needs it) */
};

#define STORE_APPLICATION_ID 1752134511 /* "hoso" */

/*
 * Opens the database at path. With STORE_CREATE a missing file is created:
 * mode 0660 when its directory is setgid (an office share), else as the
 * umask allows; its parent directory must exist. A file this user cannot
 * write is opened read-only (see store_read_only). The schema is migrated
 * unless STORE_NO_MIGRATE is given. Returns 0 and *out, or -1 with err set
 * to one line naming the file: missing, not a regular file, not an SQLite
 * database, not a hoso database, damaged, made by a newer hoso, needing an
 * upgrade while read-only, busy. The caller closes *out with store_close.
 */
int store_open(struct store **out, const char *path, unsigned flags,
               long busy_timeout_ms, struct error *err);

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

/* The login name recorded in history rows. */
const char *store_login(const struct store *s);

/* The schema version of the open file (PRAGMA user_version). */
int store_schema_version(struct store *s);

/*
 * Starts a write transaction with BEGIN IMMEDIATE, waiting up to the busy
 * timeout for another writer. Returns 0, or -1 with err set (read-only,
 * busy, I/O).
 */
int store_begin(struct store *s, struct error *err);

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

/* The current UTC time as YYYY-MM-DDTHH:MM:SSZ into buf. */
void store_now(char buf[21]);

#endif
