#ifndef HOSO_VALIDATE_H
#define HOSO_VALIDATE_H

/*
 * What a clerk may put in a record, checked the same way wherever it comes
 * from (a form, `hoso add` and `hoso set`, an import): each field as it is
 * typed (field_parse), then the record as a whole (record_check: required
 * fields, a due date before the start, a minimum above the maximum, a code or
 * a document number another record has, a parent that would make a cycle).
 */

#include <stddef.h>

#include "error.h"
#include "record.h"
#include "settings.h"

struct store;

/* One refused field: which, and why (one line, translated). */
struct field_error {
	int field;
	char msg[256];
};

/*
 * Turns what was typed for field f of a record of kind k into the field's
 * canonical text (record.h) in *out (the caller frees it; NULL for an empty
 * field). References are looked up in s: a number ("12", "#12"), a code,
 * a name or short name, or a key. Returns 0, or -1 with why (whysz bytes)
 * saying what is wrong with the value, without the field's name; or -2
 * with err set when the database could not be read.
 */
int field_parse(struct store *s, enum record_kind k, int f, const char *typed,
                enum date_style style, char **out, char *why, size_t whysz, struct error *err);

/*
 * Checks r as a whole against the database (another record with the same
 * code, a parent that is r itself or under r). Fills up to max errors into
 * errs, one per field at fault. Returns how many (0: valid), or -1 with err
 * set when the database could not be read.
 */
int record_check(struct store *s, const struct record *r, struct field_error *errs, int max,
                 struct error *err);

/*
 * The key of the record of kind k that typed names: a number ("12", "#12")
 * for items and documents, an item's code, a unit's name or short name, a
 * locality's name, a document's number, or a key. Returns 0 and out, -1
 * with why when none or several match, -2 with err set.
 */
int record_resolve(struct store *s, enum record_kind k, const char *typed, char out[UUID_LEN + 1],
                   char *why, size_t whysz, struct error *err);

#endif
