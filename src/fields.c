#include "config.h"

#include <string.h>

#include "fields.h"
#include "i18n.h"
#include "refdata.h"

#define X_FIELD(id, name, column, label, type, flags, max, list) \
	[F_##id] = { name, column, label, type, flags, max, list },
static const struct field item_fields[] = { ITEM_FIELDS(X_FIELD) };
static const struct field document_fields[] = { DOCUMENT_FIELDS(X_FIELD) };
static const struct field unit_fields[] = { UNIT_FIELDS(X_FIELD) };
static const struct field locality_fields[] = { LOCALITY_FIELDS(X_FIELD) };
#undef X_FIELD

static const struct {
	const struct field *v;
	int n;
	const char *table;
	const char *name; /* msgid */
} kinds[REC_COUNT] = {
	[REC_ITEM] = { item_fields, ITEM_NFIELDS, "item", N_("item") },
	[REC_DOCUMENT] = { document_fields, DOCUMENT_NFIELDS, "document", N_("document") },
	[REC_UNIT] = { unit_fields, UNIT_NFIELDS, "unit", N_("unit") },
	[REC_LOCALITY] = { locality_fields, LOCALITY_NFIELDS, "locality", N_("locality") },
};

_Static_assert(ITEM_NFIELDS <= RECORD_MAX_FIELDS && DOCUMENT_NFIELDS <= RECORD_MAX_FIELDS &&
               UNIT_NFIELDS <= RECORD_MAX_FIELDS && LOCALITY_NFIELDS <= RECORD_MAX_FIELDS,
               "RECORD_MAX_FIELDS is too small");

const struct field *fields_of(enum record_kind k, int *n)
{
	*n = kinds[k].n;
	return kinds[k].v;
}

const struct field *field_named(enum record_kind k, const char *name, int *index)
{
	int i;

	for (i = 0; name != NULL && i < kinds[k].n; i++) {
		if (strcmp(kinds[k].v[i].name, name) == 0) {
			if (index != NULL)
				*index = i;
			return &kinds[k].v[i];
		}
	}
	return NULL;
}

const char *record_table(enum record_kind k)
{
	return kinds[k].table;
}

const char *record_kind_name(enum record_kind k)
{
	return _(kinds[k].name);
}

enum record_kind record_kind_parse(const char *name)
{
	int k;

	for (k = 0; name != NULL && k < REC_COUNT; k++)
		if (strcmp(kinds[k].table, name) == 0)
			return (enum record_kind)k;
	return REC_COUNT;
}
