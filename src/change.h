#ifndef HOSO_CHANGE_H
#define HOSO_CHANGE_H

/*
 * The one way a record changes: every save (add, edit, archive, restore,
 * comment, undo, redo) from a form, the command line or an import goes
 * through these functions. Each is one transaction begun with BEGIN
 * IMMEDIATE: it checks the record's version against the one the clerk
 * started from, checks every field as the forms do (validate.h), writes the
 * record and bumps its version, recomputes its sort keys and search text,
 * writes one `change` row (a new key, who, when in milliseconds UTC, which
 * record, what kind of save) and one `history` row per field it changed (its
 * name from fields.h, the old and new value as canonical text), and commits.
 * A failure at any point changes nothing and says why.
 *
 * Another copy of the database (an offline workstation) can be brought the
 * same saves: records are named by their keys, a save's rows share its
 * change key, and nothing depends on the short numbers, which each copy
 * gives out on its own.
 *
 * Two clerks at once: when the record changed since the clerk's form opened
 * (its version moved), fields only one of them changed merge; fields both
 * changed come back as a conflict, with the record as it is now, for the
 * clerk to choose. Nothing is overwritten unseen.
 */

#include <stdbool.h>

#include "error.h"
#include "record.h"
#include "validate.h"

struct store;

enum save_outcome {
	SAVE_DONE,       /* saved: id, no, version and change_id say where */
	SAVE_UNCHANGED,  /* nothing differed: nothing written */
	SAVE_INVALID,    /* errors[] say which fields and why: nothing written */
	SAVE_CONFLICT,   /* another clerk changed conflicts[] too: theirs is the record now */
	SAVE_STALE,      /* strict: the version moved (theirs is the record now) */
};

#define SAVE_MAX_ERRORS 16

struct save_result {
	enum save_outcome outcome;
	char id[UUID_LEN + 1];
	long no;
	long version;
	char change_id[UUID_LEN + 1];
	struct field_error errors[SAVE_MAX_ERRORS];
	int nerrors;
	struct record theirs;
	int conflicts[RECORD_MAX_FIELDS];
	int nconflicts;
};

struct save_options {
	const char *what;   /* "add", "edit", "archive", "restore", "import"; NULL: add or edit */
	bool strict;        /* refuse when the version moved, merge nothing (hoso set --if-version) */
	bool keep_id;       /* an add keeps mine's key (an import: the record keeps its key across copies) */
};

/* Frees what res holds; accepts NULL. */
void save_result_clear(struct save_result *res);

/*
 * Saves mine, a record the clerk edited from base (as loaded; NULL to add
 * mine as a new record), as the store's clerk (store_login). Fills *res
 * (cleared by this call; free with save_result_clear). Returns 0 (see
 * res->outcome), or -1 with err set when the database could not be written
 * (busy beyond the timeout, a full disk, read-only…): then nothing changed.
 */
int record_save(struct store *s, const struct record *base, const struct record *mine,
                const struct save_options *o, struct save_result *res, struct error *err);

/*
 * Archives (archived true) or restores the record of kind k with key id,
 * as a save of its own. Returns as record_save.
 */
int record_archive(struct store *s, enum record_kind k, const char *id, bool archived,
                   struct save_result *res, struct error *err);

/*
 * Adds a comment (text, checked as a field of several lines) to the item
 * with key id, as a save of its own. Returns 0 and the change's key in
 * change_id, 1 with why when the text is refused, -1 with err set.
 */
int comment_add(struct store *s, const char *item_id, const char *text, char change_id[UUID_LEN + 1],
                char *why, size_t whysz, struct error *err);

enum undo_outcome {
	UNDO_DONE,        /* undone (or redone): kind, entity_id, no say which record */
	UNDO_NOTHING,     /* this clerk has nothing (more) to undo or redo */
	UNDO_OVERWRITES,  /* a later change by another clerk would be overwritten: see other_* */
	UNDO_INVALID,     /* the record as it was cannot be put back (message in why) */
};

struct undo_result {
	enum undo_outcome outcome;
	enum record_kind kind;
	char entity_id[UUID_LEN + 1];
	long no;
	char what[16];           /* what the undone change was ("edit", "add" …) */
	char fields[256];        /* the fields it puts back, comma-separated */
	char other_login[64];    /* UNDO_OVERWRITES: who changed it since, when, which field */
	long long other_at;
	char other_field[64];
	char why[256];
};

/*
 * Undoes the store's clerk's last change that is not undone yet (redo
 * false), or redoes the last undo (redo true: only while the clerk has
 * saved nothing since), recorded itself as a change ("undo", "redo"). A
 * change by another clerk since, to the same fields, is not overwritten
 * unless force: UNDO_OVERWRITES says whose. Returns 0 (see res->outcome) or
 * -1 with err set.
 */
int change_undo(struct store *s, bool redo, bool force, struct undo_result *res, struct error *err);

#endif
