#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "fielddisplay.h"
#include "i18n.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"

/*
 * A stored value as a clerk reads it: names instead of keys, dates in the
 * chosen style, choices by their names (the detail, the conflict screen,
 * the spreadsheet).
 */

/* The name of the record of kind k with key id ("#12 Title", "Sở KH&CN"); NULL when none. */
static char *ref_name(struct store *s, enum record_kind k, const char *id)
{
	const char *sql = k == REC_ITEM       ? "SELECT '#' || no || ' ' || title FROM item WHERE id = ?1"
	                  : k == REC_DOCUMENT ? "SELECT ifnull(number, '#' || no) || ' ' || subject FROM document WHERE id = ?1"
	                  : k == REC_UNIT     ? "SELECT ifnull(short_name, name) FROM unit WHERE id = ?1"
	                                      : "SELECT name FROM locality WHERE id = ?1";
	sqlite3_stmt *st;
	char *name = NULL;

	if (store_cached(s, sql, &st, NULL) != 0)
		return NULL;
	store_bind_uuid(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		name = strdup((const char *)sqlite3_column_text(st, 0));
	store_release(s, st);
	return name;
}

char *field_display(struct store *s, enum record_kind k, int fi, const char *value,
                    enum date_style style)
{
	int n;
	const struct field *f = &fields_of(k, &n)[fi];
	struct strbuf b = STRBUF_INIT;

	if (value == NULL || *value == '\0')
		return strdup("");
	switch (f->type) {
	case FT_DATE: {
		char d[11];

		date_format(value, style, d);
		return strdup(d);
	}
	case FT_PERCENT:
		strbuf_printf(&b, "%s%%", value);
		break;
	case FT_FLAG:
		strbuf_puts(&b, strcmp(value, "1") == 0 ? _("yes") : _("no"));
		break;
	case FT_CHOICE: {
		int c = choice_parse((enum choice_list)f->max, value);

		strbuf_puts(&b, c != 0 ? choice_name((enum choice_list)f->max, c) : value);
		break;
	}
	case FT_REF: {
		char *name = s != NULL ? ref_name(s, (enum record_kind)f->max, value) : NULL;

		strbuf_puts(&b, name != NULL ? name : value);
		free(name);
		break;
	}
	case FT_MULTI:
	case FT_LINKS: {
		const char *p = value;

		while (*p != '\0') {
			size_t len = strcspn(p, "\n");
			char line[512], *word, *name;

			snprintf(line, sizeof line, "%.*s", (int)len, p);
			word = strchr(line, '\t');
			if (word != NULL)
				*word++ = '\0';
			name = s != NULL ? ref_name(s, (enum record_kind)f->max, line) : NULL;
			if (b.len > 0)
				strbuf_puts(&b, "; ");
			if (f->type == FT_LINKS && word != NULL) {
				int r = choice_parse(CHOICE_DOC_RELATION, word);

				strbuf_printf(&b, "%s %s", r != 0 ? choice_name(CHOICE_DOC_RELATION, r) : word,
				              name != NULL ? name : line);
			} else {
				strbuf_puts(&b, name != NULL ? name : line);
				if (word != NULL)
					strbuf_printf(&b, " (%s)", word);
			}
			free(name);
			p += len;
			if (*p == '\n')
				p++;
		}
		break;
	}
	case FT_TARGETS: {
		const char *p;

		for (p = value; *p != '\0'; p++)
			strbuf_add(&b, *p == '\t' ? " | " : *p == '\n' ? "; " : p, *p == '\t' ? 3 : *p == '\n' ? 2 : 1);
		break;
	}
	default:
		strbuf_puts(&b, value);
		break;
	}
	return strbuf_detach(&b);
}
