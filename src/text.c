#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

#define REPLACEMENT 0xfffdu

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c;
	uint32_t v;
	size_t need, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (n == 0) {
		*cp = REPLACEMENT;
		return 0;
	}
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4) {
		*cp = REPLACEMENT;
		return 1;
	}
	if (c < 0xe0) {
		need = 1;
		v = c & 0x1f;
	} else if (c < 0xf0) {
		need = 2;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0; /* no overlong forms */
		else if (c == 0xed)
			hi = 0x9f; /* no surrogates */
	} else {
		need = 3;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f; /* nothing past U+10FFFF */
	}
	if (n < need + 1) {
		*cp = REPLACEMENT;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		unsigned char b = p[i];

		if (i == 1 ? (b < lo || b > hi) : (b & 0xc0) != 0x80) {
			*cp = REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return need + 1;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		cp = REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (cp == 0)
			return false;
		if (cp == REPLACEMENT && !(len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			return false;
		i += len;
	}
	return true;
}

const char *text_inert(uint32_t cp)
{
	static const char c0[32][3] = {
		"^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G", "^H", "^I", "^J", "^K", "^L", "^M", "^N", "^O",
		"^P", "^Q", "^R", "^S", "^T", "^U", "^V", "^W", "^X", "^Y", "^Z", "^[", "^\\", "^]", "^^", "^_",
	};
	static const char c1[32][5] = {
		"<80>", "<81>", "<82>", "<83>", "<84>", "<85>", "<86>", "<87>",
		"<88>", "<89>", "<8A>", "<8B>", "<8C>", "<8D>", "<8E>", "<8F>",
		"<90>", "<91>", "<92>", "<93>", "<94>", "<95>", "<96>", "<97>",
		"<98>", "<99>", "<9A>", "<9B>", "<9C>", "<9D>", "<9E>", "<9F>",
	};

	if (cp < 0x20)
		return c0[cp];
	if (cp == 0x7f)
		return "^?";
	if (cp >= 0x80 && cp < 0xa0)
		return c1[cp - 0x80];
	return NULL;
}

int text_cp_width(uint32_t cp)
{
	const char *inert;
	int w;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	inert = text_inert(cp);
	if (inert != NULL)
		return (int)strlen(inert);
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/*
 * One character and the zero-width marks after it: its bytes [*start,
 * *end), its cells, and what to show (the bytes themselves, an inert form,
 * or U+FFFD). A mark with nothing before it gets a space to sit on.
 */
struct cluster {
	size_t start, end;
	int cells;
	const char *shown; /* NULL: the bytes as they are */
	bool orphan;       /* starts with a mark: draw a space first */
};

static void next_cluster(const char *s, size_t n, size_t i, struct cluster *c)
{
	uint32_t cp;
	size_t len = utf8_decode(s + i, n - i, &cp);
	int w = text_cp_width(cp);

	c->start = i;
	c->shown = text_inert(cp);
	c->orphan = false;
	if (cp == REPLACEMENT && !(len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
		c->shown = "\xef\xbf\xbd";
	else if (c->shown == NULL && wcwidth((wchar_t)cp) < 0)
		c->shown = "\xef\xbf\xbd";
	if (w == 0) {
		c->orphan = true;
		w = 1;
	}
	c->cells = w;
	i += len;
	/* Following zero-width marks belong to this character (not after a control). */
	while (i < n && text_inert(cp) == NULL) {
		uint32_t m;
		size_t l2 = utf8_decode(s + i, n - i, &m);

		if (text_inert(m) != NULL || m == REPLACEMENT || wcwidth((wchar_t)m) != 0)
			break;
		i += l2;
	}
	c->end = i;
}

int text_width_n(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	if (s == NULL)
		return 0;
	while (i < n) {
		struct cluster c;

		next_cluster(s, n, i, &c);
		w += c.cells;
		i = c.end;
	}
	return w;
}

int text_width(const char *s)
{
	return s != NULL ? text_width_n(s, strlen(s)) : 0;
}

/* Appends the cluster to out at *used if it fits (keeping room for `reserve` bytes). */
static bool emit(const char *s, const struct cluster *c, char *out, size_t outsz, size_t *used,
                 size_t reserve)
{
	size_t len = c->shown != NULL ? strlen(c->shown) : c->end - c->start;
	size_t extra = c->orphan ? 1 : 0;

	if (*used + extra + len + reserve + 1 > outsz)
		return false;
	if (c->orphan)
		out[(*used)++] = ' ';
	memcpy(out + *used, c->shown != NULL ? c->shown : s + c->start, len);
	*used += len;
	return true;
}

int text_fit(const char *s, int cols, int flags, char *out, size_t outsz)
{
	size_t n, i = 0, used = 0;
	int cells = 0, limit = cols, total, pad;
	bool cut;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (s == NULL)
		s = "";
	if (cols <= 0)
		return 0;
	n = strlen(s);
	total = text_width_n(s, n);
	cut = total > cols;
	if (cut && (flags & TEXT_ELLIPSIS))
		limit = cols - 1;
	while (i < n) {
		struct cluster c;

		next_cluster(s, n, i, &c);
		if (cells + c.cells > limit)
			break;
		if (!emit(s, &c, out, outsz, &used, cut && (flags & TEXT_ELLIPSIS) ? 3 : 0)) {
			cut = true;
			break;
		}
		cells += c.cells;
		i = c.end;
	}
	if (cut && (flags & TEXT_ELLIPSIS) && cells < cols && used + 4 <= outsz) {
		memcpy(out + used, "\xe2\x80\xa6", 3); /* … */
		used += 3;
		cells++;
	}
	out[used] = '\0';
	if (!(flags & TEXT_PAD) || cells >= cols)
		return cells;
	pad = cols - cells;
	if (used + (size_t)pad + 1 > outsz)
		pad = (int)(outsz - used - 1);
	if (flags & TEXT_RIGHT) {
		memmove(out + pad, out, used + 1);
		memset(out, ' ', (size_t)pad);
	} else {
		memset(out + used, ' ', (size_t)pad);
		out[used + (size_t)pad] = '\0';
	}
	return cells + pad;
}

char *text_fit_dup(const char *s, int cols)
{
	size_t size = (s != NULL ? strlen(s) : 0) * 5 + 8;
	char *out = malloc(size), *shrunk;

	if (out == NULL)
		return NULL;
	text_fit(s, cols, TEXT_ELLIPSIS, out, size);
	shrunk = realloc(out, strlen(out) + 1);
	return shrunk != NULL ? shrunk : out;
}
