#ifndef HOSO_FIELDS_H
#define HOSO_FIELDS_H

/*
 * The fields of each kind of record, listed once: the column that stores
 * each, its label, its type and its rules. The forms, the checks, the names
 * in the change history, the conflict screen, `hoso set` and `hoso add`, the
 * exports and the imports all read these tables, so a field is added in one
 * place.
 *
 * X(ID, name, column, label, type, flags, max, list)
 *   name    what the history, the command line and the exports call it
 *   column  the column of the record's table; NULL for a field kept in a
 *           table of its own (partners, localities, documents, targets, links)
 *   label   the form's label (a msgid)
 *   type    enum field_type
 *   flags   F_REQUIRED, F_UNIQUE, F_HIDDEN (not in forms), F_MULTILINE
 *   max     the most characters a text takes; for choices and references,
 *           the list or the kind of record they pick from
 *   list    the width the list screens give it (0: not a list column)
 */

#include <stdbool.h>

enum field_type {
	FT_TEXT,     /* one line */
	FT_NOTES,    /* several lines */
	FT_DATE,     /* a day: stored YYYY-MM-DD, typed dd/mm/yyyy or as [ui] date_format says */
	FT_YEAR,     /* 1900 .. 2200 */
	FT_PERCENT,  /* 0 .. 100, or not known */
	FT_CHOICE,   /* one entry of a fixed list (refdata.h: enum choice_list in max) */
	FT_REF,      /* another record (enum record_kind in max) */
	FT_MULTI,    /* several other records, each with an optional word (a partner's role) */
	FT_LINKS,    /* other documents, each with its relation */
	FT_TARGETS,  /* the targets of an item: text, measure, minimum, maximum, actual */
	FT_FLAG,     /* 0 or 1 (archived) */
};

enum field_flags {
	F_REQUIRED = 1 << 0,
	F_UNIQUE = 1 << 1,    /* no two records share a value (a code, a document number) */
	F_HIDDEN = 1 << 2,    /* not in the forms (archived: its own key) */
	F_ROLE = 1 << 3,      /* FT_MULTI: each entry takes a word (a partner unit's role) */
};

enum record_kind { REC_ITEM, REC_DOCUMENT, REC_UNIT, REC_LOCALITY, REC_COUNT };

#define ITEM_FIELDS(X) \
	X(ITEM_KIND,       "kind",       "kind",         N_("Kind"),          FT_CHOICE,  F_REQUIRED, CHOICE_KIND, 14) \
	X(ITEM_CODE,       "code",       "code",         N_("Code"),          FT_TEXT,    F_UNIQUE,   60,   10) \
	X(ITEM_TITLE,      "title",      "title",        N_("Title"),         FT_TEXT,    F_REQUIRED, 4000, 0) \
	X(ITEM_PARENT,     "parent",     "parent_id",    N_("Part of"),       FT_REF,     0,          REC_ITEM, 0) \
	X(ITEM_LEAD,       "lead_unit",  "lead_unit_id", N_("Lead unit"),     FT_REF,     0,          REC_UNIT, 16) \
	X(ITEM_PARTNERS,   "partners",   NULL,           N_("Partner units"), FT_MULTI,   F_ROLE,     REC_UNIT, 0) \
	X(ITEM_STATUS,     "status",     "status",       N_("Status"),        FT_CHOICE,  F_REQUIRED, CHOICE_STATUS, 12) \
	X(ITEM_PROGRESS,   "progress",   "progress",     N_("Progress"),      FT_PERCENT, 0,          0,    10) \
	X(ITEM_START,      "start",      "start_date",   N_("Start"),         FT_DATE,    0,          0,    10) \
	X(ITEM_DUE,        "due",        "due_date",     N_("Due"),           FT_DATE,    0,          0,    10) \
	X(ITEM_DONE,       "done",       "done_date",    N_("Completed"),     FT_DATE,    0,          0,    10) \
	X(ITEM_YEAR,       "year",       "year",         N_("Year"),          FT_YEAR,    0,          0,    4) \
	X(ITEM_LOCALITIES, "localities", NULL,           N_("Localities"),    FT_MULTI,   0,          REC_LOCALITY, 0) \
	X(ITEM_DOCUMENTS,  "documents",  NULL,           N_("Documents"),     FT_MULTI,   0,          REC_DOCUMENT, 0) \
	X(ITEM_TARGETS,    "targets",    NULL,           N_("Targets"),       FT_TARGETS, 0,          0,    0) \
	X(ITEM_NOTES,      "notes",      "notes",        N_("Notes"),         FT_NOTES,   0,          20000, 0) \
	X(ITEM_SOURCE,     "source",     "source",       N_("Source"),        FT_NOTES,   0,          20000, 0) \
	X(ITEM_ARCHIVED,   "archived",   "archived",     N_("Archived"),      FT_FLAG,    F_HIDDEN,   0,    0)

#define DOCUMENT_FIELDS(X) \
	X(DOC_TYPE,        "type",       "type",         N_("Type"),          FT_CHOICE,  F_REQUIRED, CHOICE_DOC_TYPE, 0) \
	X(DOC_NUMBER,      "number",     "number",       N_("Number and symbol"), FT_TEXT, F_UNIQUE,  60,   0) \
	X(DOC_ISSUER,      "issuer",     "issuer_id",    N_("Issued by"),     FT_REF,     0,          REC_UNIT, 0) \
	X(DOC_SIGNED,      "signed",     "signed_date",  N_("Signed on"),     FT_DATE,    0,          0,    0) \
	X(DOC_SUBJECT,     "subject",    "subject",      N_("Subject"),       FT_TEXT,    F_REQUIRED, 4000, 0) \
	X(DOC_STATE,       "state",      "state",        N_("State"),         FT_CHOICE,  F_REQUIRED, CHOICE_DOC_STATE, 0) \
	X(DOC_LINKS,       "links",      NULL,           N_("Links to documents"), FT_LINKS, 0,       REC_DOCUMENT, 0) \
	X(DOC_NOTES,       "notes",      "notes",        N_("Notes"),         FT_NOTES,   0,          20000, 0) \
	X(DOC_SOURCE,      "source",     "source",       N_("Source"),        FT_NOTES,   0,          20000, 0) \
	X(DOC_ARCHIVED,    "archived",   "archived",     N_("Archived"),      FT_FLAG,    F_HIDDEN,   0,    0)

#define UNIT_FIELDS(X) \
	X(UNIT_NAME,       "name",       "name",         N_("Name"),          FT_TEXT,    F_REQUIRED | F_UNIQUE, 300, 0) \
	X(UNIT_SHORT,      "short_name", "short_name",   N_("Short name"),    FT_TEXT,    0,          60,   0) \
	X(UNIT_PARENT,     "parent",     "parent_id",    N_("Part of"),       FT_REF,     0,          REC_UNIT, 0) \
	X(UNIT_NOTES,      "notes",      "notes",        N_("Notes"),         FT_NOTES,   0,          20000, 0) \
	X(UNIT_SOURCE,     "source",     "source",       N_("Source"),        FT_NOTES,   0,          20000, 0) \
	X(UNIT_ARCHIVED,   "archived",   "archived",     N_("Archived"),      FT_FLAG,    F_HIDDEN,   0,    0)

#define LOCALITY_FIELDS(X) \
	X(LOC_NAME,        "name",       "name",         N_("Name"),          FT_TEXT,    F_REQUIRED, 300,  0) \
	X(LOC_LEVEL,       "level",      "level",        N_("Level"),         FT_TEXT,    0,          60,   0) \
	X(LOC_PARENT,      "parent",     "parent_id",    N_("Part of"),       FT_REF,     0,          REC_LOCALITY, 0) \
	X(LOC_NOTES,       "notes",      "notes",        N_("Notes"),         FT_NOTES,   0,          20000, 0) \
	X(LOC_SOURCE,      "source",     "source",       N_("Source"),        FT_NOTES,   0,          20000, 0) \
	X(LOC_ARCHIVED,    "archived",   "archived",     N_("Archived"),      FT_FLAG,    F_HIDDEN,   0,    0)

#define X_ENUM(id, name, column, label, type, flags, max, list) F_##id,
enum item_field { ITEM_FIELDS(X_ENUM) ITEM_NFIELDS };
enum document_field { DOCUMENT_FIELDS(X_ENUM) DOCUMENT_NFIELDS };
enum unit_field { UNIT_FIELDS(X_ENUM) UNIT_NFIELDS };
enum locality_field { LOCALITY_FIELDS(X_ENUM) LOCALITY_NFIELDS };
#undef X_ENUM

/* The most fields a kind of record has. */
#define RECORD_MAX_FIELDS 18

struct field {
	const char *name;
	const char *column;
	const char *label;  /* msgid: translate with _() */
	enum field_type type;
	unsigned flags;
	int max;
	int list_width;
};

/* The fields of records of kind k, and how many there are (*n). */
const struct field *fields_of(enum record_kind k, int *n);

/* The field of kind k named name ("lead_unit"), its index in *index; NULL when none. */
const struct field *field_named(enum record_kind k, const char *name, int *index);

/* The table that keeps records of kind k ("item", "document", "unit", "locality"). */
const char *record_table(enum record_kind k);

/* The translated name of a kind of record ("item" → "hạng mục"), for messages. */
const char *record_kind_name(enum record_kind k);

/* The kind of record named name ("item", …), or REC_COUNT. */
enum record_kind record_kind_parse(const char *name);

#endif
