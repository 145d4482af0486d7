#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "fieldtext.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"
#include "validate.h"

/* True when token may stand in a list of records: no separator in it. */
static bool usable(const char *token, bool no_colon)
{
	return token != NULL && *token != '\0' && strpbrk(token, ";\n\t") == NULL &&
	       !(no_colon && strchr(token, ':') != NULL) && token[0] != ' ' &&
	       token[strlen(token) - 1] != ' ';
}

/* True when typing token finds the record id (and no other). */
static bool finds(struct store *s, enum record_kind k, const char *token, const char *id)
{
	char found[UUID_LEN + 1], why[256];
	struct error err = { 0 };

	return record_resolve(s, k, token, found, why, sizeof why, &err) == 0 && strcmp(found, id) == 0;
}

char *record_token(struct store *s, enum record_kind k, const char *id, bool no_colon)
{
	static const char *const sql[REC_COUNT] = {
		[REC_ITEM] = "SELECT NULL, NULL, no FROM item WHERE id = ?1",
		[REC_DOCUMENT] = "SELECT number, NULL, no FROM document WHERE id = ?1",
		[REC_UNIT] = "SELECT short_name, name, 0 FROM unit WHERE id = ?1",
		[REC_LOCALITY] = "SELECT name, NULL, 0 FROM locality WHERE id = ?1",
	};
	sqlite3_stmt *st;
	char *names[2] = { NULL, NULL }, *out = NULL;
	long no = 0;
	int i;

	if (s != NULL && store_prepare(s, sql[k], &st, NULL) == 0) {
		store_bind_uuid(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			for (i = 0; i < 2; i++)
				if (sqlite3_column_text(st, i) != NULL)
					names[i] = strdup((const char *)sqlite3_column_text(st, i));
			no = (long)sqlite3_column_int64(st, 2);
		}
		sqlite3_finalize(st);
	}
	for (i = 0; i < 2 && out == NULL; i++) {
		if (usable(names[i], no_colon) && finds(s, k, names[i], id)) {
			out = names[i];
			names[i] = NULL;
		}
	}
	free(names[0]);
	free(names[1]);
	if (out == NULL && no > 0 && asprintf(&out, "#%ld", no) < 0)
		out = NULL;
	else if (out == NULL)
		out = strdup(id);
	return out;
}

/*
 * A part of a target as typed between '|': a '|' in it written "\|", and a
 * backslash "\\" where it would be read with what follows (before a '|' or
 * another backslash).
 */
static void target_part(struct strbuf *b, const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (p[i] == '|' || (p[i] == '\\' && i + 1 < len && (p[i + 1] == '|' || p[i + 1] == '\\')))
			strbuf_add(b, "\\", 1);
		strbuf_add(b, p + i, 1);
	}
}

/* "a | b | c" from a target's tab-separated line, empty parts at the end left out. */
static void target_line(struct strbuf *b, const char *line, size_t len)
{
	const char *part[6] = { 0 };
	size_t plen[6] = { 0 };
	int n = 0, last = 0, i;
	size_t off = 0;

	while (n < 6) {
		size_t l = 0;

		while (off + l < len && line[off + l] != '\t')
			l++;
		part[n] = line + off;
		plen[n] = l;
		if (l > 0)
			last = n;
		n++;
		off += l;
		if (off >= len)
			break;
		off++; /* the tab */
	}
	for (i = 0; i <= last; i++) {
		if (i > 0)
			strbuf_puts(b, " | ");
		target_part(b, part[i], plen[i]);
	}
}

char *field_edit_text(struct store *s, enum record_kind k, int fi, const char *value,
                      enum date_style style)
{
	int n;
	const struct field *f = &fields_of(k, &n)[fi];
	struct strbuf b = STRBUF_INIT;
	const char *p;

	if (value == NULL || *value == '\0')
		return strdup("");
	switch (f->type) {
	case FT_DATE: {
		char d[11];

		date_format(value, style, d);
		return strdup(d);
	}
	case FT_CHOICE: {
		int c = choice_parse((enum choice_list)f->max, value);

		return strdup(c != 0 ? choice_name((enum choice_list)f->max, c) : value);
	}
	case FT_REF:
		return record_token(s, (enum record_kind)f->max, value, false);
	case FT_MULTI:
	case FT_LINKS:
		for (p = value; *p != '\0';) {
			size_t len = strcspn(p, "\n");
			char line[512], *word, *token;
			bool has_word;

			snprintf(line, sizeof line, "%.*s", (int)len, p);
			word = strchr(line, '\t');
			if (word != NULL)
				*word++ = '\0';
			has_word = word != NULL && *word != '\0';
			/* Without a word after it, a ':' in the name would be taken for one. */
			token = record_token(s, (enum record_kind)f->max, line,
			                     !has_word && (f->flags & F_ROLE) != 0);
			if (token == NULL) {
				strbuf_free(&b);
				return NULL;
			}
			if (b.len > 0)
				strbuf_puts(&b, "; ");
			strbuf_puts(&b, token);
			free(token);
			if (has_word && f->type == FT_LINKS) {
				int r = choice_parse(CHOICE_DOC_RELATION, word);

				strbuf_printf(&b, ": %s", r != 0 ? choice_name(CHOICE_DOC_RELATION, r) : word);
			} else if (has_word) {
				strbuf_printf(&b, ": %s", word);
			}
			p += len;
			if (*p == '\n')
				p++;
		}
		break;
	case FT_TARGETS:
		for (p = value; *p != '\0';) {
			size_t len = strcspn(p, "\n");

			if (b.len > 0)
				strbuf_puts(&b, "\n");
			target_line(&b, p, len);
			p += len;
			if (*p == '\n')
				p++;
		}
		break;
	default:
		return strdup(value);
	}
	if (b.failed) {
		strbuf_free(&b);
		return NULL;
	}
	if (b.len == 0) {
		strbuf_free(&b);
		return strdup("");
	}
	return strbuf_detach(&b);
}
