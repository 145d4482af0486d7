#ifndef HOSO_REFDATA_H
#define HOSO_REFDATA_H

/*
 * The fixed reference lists of the schema (kinds, statuses, document types,
 * states and relations) as the program names them, translated through
 * gettext. Their numbers are the ids of the schema's tables; the English
 * names are the msgids and equal the tables' name_en, the Vietnamese
 * translations their name_vi (a test checks both).
 */

#include <stdbool.h>

enum item_status {
	STATUS_PLANNED = 1,
	STATUS_IN_PROGRESS = 2,
	STATUS_SUSPENDED = 3,
	STATUS_DONE = 4,
	STATUS_CANCELLED = 5,
	STATUS_OVERDUE = 6, /* derived: open and past its due date; never stored */
};
#define STATUS_MAX 6
#define KIND_MAX 7
#define DOC_TYPE_MAX 9
#define DOC_STATE_MAX 5
#define DOC_RELATION_MAX 4

/* The code ("in_progress") and translated name of status s (1..STATUS_MAX), or NULL. */
const char *status_code(int s);
const char *status_name(int s);

/* True for statuses that can become overdue (planned, in progress, suspended). */
bool status_is_open(int s);

/* The status shown for a stored status and due date (ISO, may be ""), given today (ISO). */
int status_display(int stored, const char *due, const char *today);

/* The code ("task") and translated name of kind k (1..KIND_MAX), or NULL. */
const char *kind_code(int k);
const char *kind_name(int k);

/* Document types, states and relations: translated names, or NULL. */
const char *doc_type_name(int t);
const char *doc_state_name(int s);
const char *doc_relation_name(int r);

/* The widest translated status name and kind name, in terminal cells. */
int status_names_width(void);
int kind_names_width(void);

/*
 * Parse what a clerk typed for a status or a kind: the code, the English or
 * the Vietnamese name, without regard to case or diacritics ("qua han",
 * "Quá hạn", "overdue"). Return the number, or 0 when nothing matches.
 */
int status_parse(const char *text);
int kind_parse(const char *text);

/* The lists a choice field of a record picks from. */
enum choice_list {
	CHOICE_KIND,
	CHOICE_STATUS,       /* the stored statuses: overdue is never chosen */
	CHOICE_DOC_TYPE,
	CHOICE_DOC_STATE,
	CHOICE_DOC_RELATION,
};

/* How many entries list l has; they are numbered from 1 (the schema's ids). */
int choice_count(enum choice_list l);

/* The code ("in_progress") of entry v of l, or NULL. */
const char *choice_code(enum choice_list l, int v);

/* The translated name of entry v of l, or NULL. */
const char *choice_name(enum choice_list l, int v);

/*
 * The entry of l that text names (its code, English or Vietnamese name,
 * without regard to case or diacritics), or 0.
 */
int choice_parse(enum choice_list l, const char *text);

#endif
