#ifndef HOSO_FIELDTEXT_H
#define HOSO_FIELDTEXT_H

/*
 * A field's value as a clerk edits it in a form: the text that field_parse
 * (validate.h) takes back to the same canonical value. Dates as the
 * configured style writes them, choices by their translated names, other
 * records by a name that finds them again (an item's "#12", a document's
 * number, a unit's short name, a locality's name; the key when no name is
 * unambiguous), several records joined by "; " with a partner's role or a
 * link's relation after ':', targets one a line as
 * "text | measure | min | max | actual | notes" (a '|' inside a part as
 * "\|", a backslash before a '|' or a backslash as "\\"; a ';' is text).
 */

#include "fields.h"
#include "settings.h"
#include "uuid.h"

struct store;

/*
 * The text for value of field f of a record of kind k (NULL or "" gives
 * ""). s may be NULL only for fields that name no other record. Returns a
 * new string the caller frees, or NULL when out of memory.
 */
char *field_edit_text(struct store *s, enum record_kind k, int f, const char *value,
                      enum date_style style);

/*
 * The name by which a clerk can type the record of kind k with key id so
 * that record_resolve finds it again, and that holds none of "; \n\t" (nor
 * ':' when no_colon). Returns a new string the caller frees, or NULL when
 * out of memory. A record that is not there gives its key.
 */
char *record_token(struct store *s, enum record_kind k, const char *id, bool no_colon);

#endif
