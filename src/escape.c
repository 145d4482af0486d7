#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "strbuf.h"
#include "text.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* True when the n bytes at s are a U+FFFD that was in the text, not made by utf8_decode. */
static bool real_replacement(const char *s, size_t n)
{
	return n == 3 && memcmp(s, REPLACEMENT, 3) == 0;
}

/*
 * One field: the n bytes at s (0: up to the first NUL) as well-formed UTF-8,
 * every character kept but a NUL and malformed UTF-8, each written U+FFFD;
 * on a terminal in the inert form of the screens. Quoted (RFC 4180) when it
 * holds a comma, a quote, a CR or an LF.
 */
void csv_write_field(FILE *out, struct strbuf *scratch, const char *s, size_t n, bool inert, bool last)
{
	struct strbuf own = STRBUF_INIT;
	struct strbuf *b = scratch != NULL ? scratch : &own;
	const char *text, *p;
	char *shown = NULL;
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		s = "";
	if (n == 0)
		n = strlen(s);
	strbuf_reset(b);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c != 0 && c < 0x80) {
			size_t run = 1;

			while (i + run < n && s[i + run] != 0 && (unsigned char)s[i + run] < 0x80)
				run++;
			strbuf_add(b, s + i, run);
			i += run;
			continue;
		}
		len = c == 0 ? 1 : utf8_decode(s + i, n - i, &cp);
		if (c == 0 || (cp == 0xFFFD && !real_replacement(s + i, len)))
			strbuf_puts(b, REPLACEMENT);
		else
			strbuf_add(b, s + i, len);
		i += len;
	}
	text = strbuf_str(b);
	if (inert && (shown = text_inert_dup(text)) != NULL)
		text = shown;
	if (strpbrk(text, ",\"\r\n") != NULL) {
		fputc('"', out);
		for (p = text; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else {
		fputs(text, out);
	}
	fputs(last ? "\r\n" : ",", out);
	free(shown);
	strbuf_free(&own);
}

/* ------------------------------------------------------------------ JSON */

/*
 * True for the characters JSON output escapes beyond what the standard
 * requires: DEL, the C1 controls, the line and paragraph separators (which
 * end a line in JavaScript) and the bidirectional formatting characters.
 */
static bool json_escaped(uint32_t cp)
{
	return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * The n bytes at s (0: up to the first NUL) as a JSON string: every
 * character kept, a NUL as \u0000; every control and the characters of
 * json_escaped escaped, so that the output shows nothing a terminal acts
 * on; malformed UTF-8 as \ufffd, one for each malformed sequence.
 */
void json_write_string(FILE *out, const char *s, size_t n)
{
	size_t i = 0;

	if (s == NULL)
		s = "";
	if (n == 0)
		n = strlen(s);
	fputc('"', out);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;

		if (c < 0x80) {
			if (c == '"' || c == '\\')
				fprintf(out, "\\%c", c);
			else if (c == '\n')
				fputs("\\n", out);
			else if (c == '\r')
				fputs("\\r", out);
			else if (c == '\t')
				fputs("\\t", out);
			else if (c < 0x20 || c == 0x7F)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && !real_replacement(s + i, len))
			fputs("\\ufffd", out); /* malformed UTF-8 in the data */
		else if (json_escaped(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, len, out);
		i += len;
	}
	fputc('"', out);
}

