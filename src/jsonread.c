#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonread.h"
#include "strbuf.h"
#include "text.h"

/*
 * JSON values read from a file a character at a time, as hoso import reads
 * an export: strings with their escapes (NUL kept), numbers as their text,
 * arrays and objects to a bounded depth, each error with its line.
 */

void jv_free(struct jv *v)
{
	size_t i;

	if (v == NULL)
		return;
	free(v->s);
	for (i = 0; i < v->count; i++) {
		jv_free(&v->items[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	memset(v, 0, sizeof *v);
}

const struct jv *jv_get(const struct jv *o, const char *key)
{
	size_t i;

	for (i = 0; o != NULL && o->t == J_OBJECT && i < o->count; i++)
		if (strcmp(o->keys[i], key) == 0)
			return &o->items[i];
	return NULL;
}

void json_skip_space(struct reader *r)
{
	while (r->c == ' ' || r->c == '\t' || r->c == '\n' || r->c == '\r')
		reader_advance(r);
}

int json_fail(struct jerr *e, struct reader *r, const char *msg)
{
	if (e->msg[0] == '\0') {
		e->line = r->line;
		snprintf(e->msg, sizeof e->msg, "%s", msg);
	}
	return -1;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int read_hex4(struct reader *r, unsigned *out)
{
	int i, v;

	*out = 0;
	for (i = 0; i < 4; i++) {
		reader_advance(r);
		if ((v = hexval(r->c)) < 0)
			return -1;
		*out = *out * 16 + (unsigned)v;
	}
	return 0;
}

int json_parse_string(struct reader *r, struct strbuf *b, struct jerr *e)
{
	reader_advance(r); /* the opening quote */
	for (;;) {
		if (r->c == EOF)
			return json_fail(e, r, _("the file ends inside a string"));
		if (r->c == '"') {
			reader_advance(r);
			return 0;
		}
		if (b->len >= READ_FIELD_MAX)
			return json_fail(e, r, _("a string longer than 1 MiB"));
		if (r->c < 0x20)
			return json_fail(e, r, _("a control character inside a string (JSON needs it escaped)"));
		if (r->c == '\\') {
			unsigned cp;

			reader_advance(r);
			switch (r->c) {
			case '"': case '\\': case '/':
				strbuf_add(b, (char[]){ (char)r->c }, 1);
				break;
			case 'b': strbuf_puts(b, "\b"); break;
			case 'f': strbuf_puts(b, "\f"); break;
			case 'n': strbuf_puts(b, "\n"); break;
			case 'r': strbuf_puts(b, "\r"); break;
			case 't': strbuf_puts(b, "\t"); break;
			case 'u': {
				char out[4];

				if (read_hex4(r, &cp) != 0)
					return json_fail(e, r, _("a bad \\u escape"));
				if (cp >= 0xd800 && cp < 0xdc00) {
					unsigned lo;

					reader_advance(r);
					if (r->c != '\\')
						return json_fail(e, r, _("a lone surrogate in a \\u escape"));
					reader_advance(r);
					if (r->c != 'u' || read_hex4(r, &lo) != 0 || lo < 0xdc00 || lo > 0xdfff)
						return json_fail(e, r, _("a lone surrogate in a \\u escape"));
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				} else if (cp >= 0xdc00 && cp < 0xe000) {
					return json_fail(e, r, _("a lone surrogate in a \\u escape"));
				}
				strbuf_add(b, out, utf8_encode(cp, out));
				break;
			}
			default:
				return json_fail(e, r, _("a bad escape in a string"));
			}
			reader_advance(r);
			continue;
		}
		strbuf_add(b, (char[]){ (char)r->c }, 1);
		reader_advance(r);
	}
}

static int parse_container(struct reader *r, struct jv *v, int depth, struct jerr *e)
{
	bool object = r->c == '{';
	int close = object ? '}' : ']';
	size_t cap = 0;

	v->t = object ? J_OBJECT : J_ARRAY;
	if (depth > JSON_DEPTH_MAX)
		return json_fail(e, r, _("values nested too deep"));
	reader_advance(r);
	json_skip_space(r);
	if (r->c == close) {
		reader_advance(r);
		return 0;
	}
	for (;;) {
		struct strbuf key = STRBUF_INIT;

		if (v->count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct jv *items = realloc(v->items, ncap * sizeof *items);
			char **keys = object ? realloc(v->keys, ncap * sizeof *keys) : NULL;

			if (items == NULL || (object && keys == NULL)) {
				free(items == v->items ? NULL : items);
				return json_fail(e, r, _("out of memory"));
			}
			v->items = items;
			if (object)
				v->keys = keys;
			cap = ncap;
		}
		memset(&v->items[v->count], 0, sizeof v->items[0]);
		if (object) {
			json_skip_space(r);
			if (r->c != '"')
				return json_fail(e, r, _("a name in quotes was expected"));
			if (json_parse_string(r, &key, e) != 0) {
				strbuf_free(&key);
				return -1;
			}
			v->keys[v->count] = strbuf_detach(&key);
			json_skip_space(r);
			if (r->c != ':') {
				v->count++;
				return json_fail(e, r, _("':' was expected after a name"));
			}
			reader_advance(r);
		}
		v->count++;
		if (json_parse_value(r, &v->items[v->count - 1], depth + 1, e) != 0)
			return -1;
		json_skip_space(r);
		if (r->c == ',') {
			reader_advance(r);
			continue;
		}
		if (r->c == close) {
			reader_advance(r);
			return 0;
		}
		return json_fail(e, r, object ? _("',' or '}' was expected") : _("',' or ']' was expected"));
	}
}

int json_parse_value(struct reader *r, struct jv *v, int depth, struct jerr *e)
{
	struct strbuf b = STRBUF_INIT;

	json_skip_space(r);
	v->line = r->line;
	switch (r->c) {
	case '{':
	case '[':
		return parse_container(r, v, depth, e);
	case '"':
		v->t = J_STRING;
		if (json_parse_string(r, &b, e) != 0) {
			strbuf_free(&b);
			return -1;
		}
		v->n = b.len;
		v->s = strbuf_detach(&b);
		return 0;
	case 't': case 'f': case 'n': {
		const char *word = r->c == 't' ? "true" : r->c == 'f' ? "false" : "null";
		size_t i;

		for (i = 0; word[i] != '\0'; i++, reader_advance(r))
			if (r->c != word[i])
				return json_fail(e, r, _("a value was expected"));
		v->t = word[0] == 'n' ? J_NULL : J_BOOL;
		v->b = word[0] == 't';
		return 0;
	}
	default:
		if (r->c == '-' || isdigit(r->c)) {
			while (r->c == '-' || r->c == '+' || r->c == '.' || r->c == 'e' || r->c == 'E' || isdigit(r->c)) {
				strbuf_add(&b, (char[]){ (char)r->c }, 1);
				reader_advance(r);
			}
			v->t = J_NUMBER;
			v->s = strbuf_detach(&b);
			{
				char *end;

				errno = 0;
				strtod(v->s, &end);
				if (*end != '\0')
					return json_fail(e, r, _("a bad number"));
			}
			return 0;
		}
		return json_fail(e, r, r->c == EOF ? _("the file ends where a value was expected") : _("a value was expected"));
	}
}
