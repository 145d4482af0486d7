#ifndef HOSO_DRAFT_H
#define HOSO_DRAFT_H

/*
 * A form that was not saved, kept in a file so that nothing typed is lost
 * to a kill, a dropped connection or a closed terminal: which database,
 * which record (kind, key and the version the form started from), the
 * record's values when the form opened, and what each field held in the
 * form. A comment being written on an item is kept the same way: the
 * item's key, number and title, and the text typed. One file per form, under <data dir>/drafts/ (mode 0700), named from
 * the database and the record, written whole or not at all (mode 0600).
 *
 * The file is text, a line each: "hoso-draft 1", then "key value" lines
 * (db, login, kind, id, no, version, saved, for a comment "comment TEXT",
 * then "base FIELD VALUE" and "typed FIELD VALUE"), then "end". Values are escaped: a backslash, a line
 * break, a tab and other control bytes as \\, \n, \t and \xHH. A file that
 * is not whole or not of this format is refused with the reason, never
 * half read.
 */

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "record.h"

#define DRAFT_FORMAT 1

struct draft {
	char *db;                        /* the database file (its real path); owned */
	char login[64];                  /* who typed it */
	enum record_kind kind;
	char id[UUID_LEN + 1];           /* "" for a record not saved yet */
	long no;                         /* its short number, 0 when none */
	long version;                    /* the version the form started from; 0 for a new record */
	long long saved_ms;              /* when the draft was written, ms since 1970 UTC */
	struct record base;              /* the values the form started from */
	char *typed[RECORD_MAX_FIELDS];  /* what each field held in the form; NULL: nothing */
	char *comment;                   /* a comment typed on item id, not a form; owned; NULL: a form */
	char *path;                      /* the file it was read from; owned; NULL when not read */
};

/* An empty draft of a record of kind k. */
void draft_init(struct draft *d, enum record_kind k);

/* Frees what d holds and empties it; accepts NULL. */
void draft_clear(struct draft *d);

/*
 * The directory drafts are kept in (<data dir>/drafts), newly allocated;
 * NULL with err set when there is no data directory.
 */
char *draft_dir(struct error *err);

/*
 * The database path as drafts name it: its real path when it exists, else
 * path as given. Newly allocated; NULL when out of memory.
 */
char *draft_db_name(const char *path);

/*
 * The file of the draft of record key ("" or NULL: a new record, then
 * token tells one new form from another) of kind k in database db (as
 * draft_db_name gives it), in dir. Newly allocated; NULL when out of
 * memory.
 */
char *draft_file(const char *dir, const char *db, enum record_kind k, const char *key,
                 const char *token);

/*
 * The file of the draft of a comment being written on the item with key
 * item_id in database db, in dir. Newly allocated; NULL when out of memory.
 */
char *draft_comment_file(const char *dir, const char *db, const char *item_id);

/*
 * Writes d to path (its directory made with mode 0700 when missing), mode
 * 0600, replacing the file whole. Returns 0 or -1 with err naming the
 * file (a full disk says so).
 */
int draft_write(const char *path, const struct draft *d, struct error *err);

/*
 * Reads the draft in path into *d (initialised by this call; free with
 * draft_clear; d->path set). Returns 0, or -1 with why (one line, without
 * the file's name): missing or unreadable, not a draft, another format,
 * damaged or cut short. Never reads half a draft.
 */
int draft_read(const char *path, struct draft *d, char *why, size_t whysz);

/*
 * The drafts in dir of database db (as draft_db_name gives it) typed by
 * login, oldest first, into a new array *out of *n (free each with
 * draft_clear, then the array). Drafts that cannot be read are left out and
 * counted in *bad, the first reason in note ("FILE: why"). A missing
 * directory has no drafts. Returns 0, or -1 with err set (out of memory, a
 * directory that cannot be read).
 */
int draft_find(const char *dir, const char *db, const char *login, struct draft **out, int *n,
               int *bad, char *note, size_t notesz, struct error *err);

/* Removes the draft file path; a missing file is no error. Returns 0 or -1 (errno set). */
int draft_remove(const char *path);

#endif
