#include "config.h"

#include <stdint.h>
#include <string.h>

#include "lineedit.h"
#include "text.h"

void lineedit_clear(struct lineedit *e)
{
	e->text[0] = '\0';
	e->len = 0;
}

void lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = 0, i = 0, len = strlen(text);

	while (i < len) {
		uint32_t cp;
		size_t l = utf8_decode(text + i, len - i, &cp);

		if (i + l >= sizeof e->text)
			break;
		i += l;
		n = i;
	}
	memcpy(e->text, text, n);
	e->text[n] = '\0';
	e->len = n;
}

/* The start of the character (with its marks) that ends at len. */
static size_t char_start(const char *s, size_t len)
{
	size_t i = len;

	while (i > 0) {
		size_t j = i - 1;
		uint32_t cp;

		while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;
		utf8_decode(s + j, len - j, &cp);
		i = j;
		if (text_cp_width(cp) != 0)
			break; /* a base character: marks before it are done */
	}
	return i;
}

bool lineedit_key(struct lineedit *e, ui_key k)
{
	char buf[4];
	size_t n;

	if (k == UIK_BACKSPACE) {
		e->len = char_start(e->text, e->len);
		e->text[e->len] = '\0';
		return true;
	}
	if (k == 0x15) { /* Ctrl-U */
		lineedit_clear(e);
		return true;
	}
	if (k == 0x17) { /* Ctrl-W: the last word and the spaces after it */
		while (e->len > 0 && e->text[e->len - 1] == ' ')
			e->len--;
		while (e->len > 0 && e->text[e->len - 1] != ' ')
			e->len = char_start(e->text, e->len);
		e->text[e->len] = '\0';
		return true;
	}
	if (k < 0x20 || k == 0x7f || k >= KEY_FN || (k >= 0x80 && k < 0xa0))
		return false;
	n = utf8_encode((uint32_t)k, buf);
	if (e->len + n >= sizeof e->text)
		return true; /* full: the key is taken but ignored */
	memcpy(e->text + e->len, buf, n);
	e->len += n;
	e->text[e->len] = '\0';
	return true;
}
