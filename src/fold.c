#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"
#include "vnchar.h"

/* Lower case outside Latin: Greek and Cyrillic capitals. */
static uint32_t lower_other(uint32_t cp)
{
	if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2)
		return cp + 0x20;
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	return cp;
}

/* Appends n bytes to out when they fit; counts them either way. */
static void put(char *out, size_t outsz, size_t *len, bool *full, const char *b, size_t n)
{
	if (!*full && out != NULL && *len + n < outsz)
		memcpy(out + *len, b, n);
	else
		*full = true;
	*len += n;
}

size_t fold_into(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i = 0, len = 0, kept = 0;
	bool full = outsz == 0 || out == NULL;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		struct vnchar v;
		uint32_t cp;
		size_t l;
		char buf[4];

		if (c < 0x80) {
			char lc = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);

			put(out, outsz, &len, &full, &lc, 1);
			i++;
		} else {
			l = utf8_decode(s + i, n - i, &cp);
			i += l;
			if (vnchar_is_mark(cp))
				continue;
			if (vnchar_letter(cp, &v)) {
				put(out, outsz, &len, &full, &v.base, 1);
			} else {
				size_t k = utf8_encode(lower_other(cp), buf);

				put(out, outsz, &len, &full, buf, k);
			}
		}
		if (!full)
			kept = len;
	}
	if (out != NULL && outsz > 0)
		out[kept] = '\0';
	return len;
}

char *fold_dup(const char *s)
{
	size_t n, need;
	char *out;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	need = fold_into(s, n, NULL, 0);
	out = malloc(need + 1);
	if (out == NULL)
		return NULL;
	fold_into(s, n, out, need + 1);
	return out;
}
