#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <uninorm.h>

#include "text.h"

#define REPLACEMENT 0xFFFD
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one cell */

/*
 * A malformed sequence is replaced by one U+FFFD for its longest start that
 * could still have become a character (Unicode's "maximal subpart"): a bad
 * lead byte or a stray continuation byte consumes 1 byte, "E2 82" before a
 * byte that does not continue it consumes 2. The second byte's allowed range
 * rules out overlongs (E0, F0), surrogates (ED) and values past U+10FFFF
 * (F4) as early as possible. Reads no byte past a NUL, so that callers can
 * pass a large n for a NUL-terminated string.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t c;
	size_t need, i;

	if (s == NULL || n == 0) {
		if (cp != NULL)
			*cp = REPLACEMENT;
		return 0;
	}
	if (u[0] < 0x80) {
		c = u[0];
		need = 0;
	} else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		c = u[0] & 0x1F;
		need = 1;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		c = u[0] & 0x0F;
		need = 2;
		if (u[0] == 0xE0)
			lo = 0xA0;
		else if (u[0] == 0xED)
			hi = 0x9F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		c = u[0] & 0x07;
		need = 3;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F;
	} else {
		c = REPLACEMENT;
		need = 0;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || u[i] < lo || u[i] > hi) {
			c = REPLACEMENT;
			break;
		}
		c = (c << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	if (cp != NULL)
		*cp = c;
	return i;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	unsigned char *u = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		return false;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				return false;
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		/* A real U+FFFD in the text takes 3 bytes; a replacement for
		 * something malformed takes 1 to 3 but never reads EF BF BD. */
		if (cp == REPLACEMENT && (len != 3 || memcmp(s + i, "\xEF\xBF\xBD", 3) != 0))
			return false;
		i += len;
	}
	return true;
}

static const char *const c0_inert[32] = {
	"^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G",
	"^H", " ", "^J", "^K", "^L", "^M", "^N", "^O",
	"^P", "^Q", "^R", "^S", "^T", "^U", "^V", "^W",
	"^X", "^Y", "^Z", "^[", "^\\", "^]", "^^", "^_",
};

static const char *const c1_inert[32] = {
	"<80>", "<81>", "<82>", "<83>", "<84>", "<85>", "<86>", "<87>",
	"<88>", "<89>", "<8A>", "<8B>", "<8C>", "<8D>", "<8E>", "<8F>",
	"<90>", "<91>", "<92>", "<93>", "<94>", "<95>", "<96>", "<97>",
	"<98>", "<99>", "<9A>", "<9B>", "<9C>", "<9D>", "<9E>", "<9F>",
};

/* The bidirectional formatting characters, which reorder what follows them. */
static const char *bidi_inert(uint32_t cp)
{
	static const char *const lrm_rlm[] = { "<U+200E>", "<U+200F>" };
	static const char *const embed[] = {
		"<U+202A>", "<U+202B>", "<U+202C>", "<U+202D>", "<U+202E>",
	};
	static const char *const isolate[] = { "<U+2066>", "<U+2067>", "<U+2068>", "<U+2069>" };

	if (cp == 0x061C)
		return "<U+061C>";
	if (cp == 0x200E || cp == 0x200F)
		return lrm_rlm[cp - 0x200E];
	if (cp >= 0x202A && cp <= 0x202E)
		return embed[cp - 0x202A];
	if (cp >= 0x2066 && cp <= 0x2069)
		return isolate[cp - 0x2066];
	return NULL;
}

/* A regional indicator (two make a flag, as wide as terminals please) as its letter. */
static const char *regional_inert(uint32_t cp)
{
	static const char letters[] = "A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z";

	return cp >= 0x1F1E6 && cp <= 0x1F1FF ? letters + 2 * (cp - 0x1F1E6) : NULL;
}

const char *text_inert(uint32_t cp)
{
	if (cp < 0x20)
		return c0_inert[cp];
	if (cp == 0x7F)
		return "^?";
	if (cp < 0x80)
		return NULL;
	if (cp <= 0x9F)
		return c1_inert[cp - 0x80];
	if (cp < 0x061C)
		return NULL;
	if (cp < 0x1F1E6)
		return bidi_inert(cp);
	return regional_inert(cp);
}

/*
 * What joins emoji into one picture, which terminals draw as wide as they
 * please: the zero-width joiner, the variation selectors of text and emoji
 * presentation, the skin-tone modifiers and the tag characters. They are not
 * drawn, so that each emoji stands alone, as wide as wcwidth() says.
 */
static bool is_dropped(uint32_t cp)
{
	return cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F ||
	       (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

int text_cp_width(uint32_t cp)
{
	const char *inert;
	int w;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (is_dropped(cp))
		return 0;
	inert = text_inert(cp);
	if (inert != NULL)
		return (int)strlen(inert);
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width_n(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int cells = 0, w;
	bool first = true;

	if (s == NULL)
		return 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (b >= 0x20 && b < 0x7F) {
			cells++;
			i++;
			first = false;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if (is_dropped(cp))
			continue;
		w = text_cp_width(cp);
		/* A mark with nothing before it is shown on a space (see text_fit). */
		if (first && w == 0)
			w = 1;
		cells += w;
		first = false;
	}
	return cells;
}

int text_width(const char *s)
{
	return s == NULL ? 0 : text_width_n(s, strlen(s));
}

/*
 * What one character takes on the line: the character with the zero-width
 * characters (combining marks) that follow it. What is drawn is head (the
 * character, or its inert form, or U+FFFD, or a space under marks that have
 * no character before them), then the bytes from mark to end of s less the
 * characters that are not drawn; it takes cells cells. A cluster with no
 * head and no cells holds only characters that are not drawn.
 */
struct cluster {
	char head[16];
	size_t headlen;
	int cells;
	size_t mark, end;
};

/*
 * Decodes the character at s[i] of a NUL-terminated s as it is to be drawn:
 * *w is its cells, -1 for one that is not drawn at all.
 */
static size_t next_cp(const char *s, size_t i, uint32_t *cp, int *w)
{
	unsigned char b = (unsigned char)s[i];
	const char *inert;
	size_t len;

	if (b >= 0x20 && b < 0x7F) {
		*cp = b;
		*w = 1;
		return 1;
	}
	len = utf8_decode(s + i, SIZE_MAX - i, cp);
	if (is_dropped(*cp)) {
		*w = -1;
		return len;
	}
	inert = text_inert(*cp);
	if (inert != NULL) {
		*w = (int)strlen(inert);
		return len;
	}
	*w = wcwidth((wchar_t)*cp);
	if (*w < 0) {
		*cp = REPLACEMENT;
		*w = 1;
	}
	return len;
}

/* Copies the zero-width characters of s[from..to) that are drawn into out
 * (NULL: only counts); returns the bytes. */
static size_t copy_marks(const char *s, size_t from, size_t to, char *out)
{
	size_t i = from, len, n = 0;
	uint32_t cp;
	int w;

	while (i < to) {
		len = next_cp(s, i, &cp, &w);
		if (w == 0) {
			if (out != NULL)
				memcpy(out + n, s + i, len);
			n += len;
		}
		i += len;
	}
	return n;
}

/* Reads the cluster at s[i], s[i] != NUL, into *c and returns its end. */
static size_t next_cluster(const char *s, size_t i, struct cluster *c)
{
	uint32_t cp;
	int w;
	size_t len;
	const char *inert;

	for (;;) {
		len = next_cp(s, i, &cp, &w);
		if (w >= 0)
			break;
		i += len;
		if (s[i] == '\0') {
			c->headlen = 0;
			c->cells = 0;
			c->mark = c->end = i;
			return i;
		}
	}
	if (w == 0) {
		/* Marks at the very start: give them a space to sit on. */
		c->head[0] = ' ';
		c->headlen = 1;
		c->cells = 1;
		c->mark = i;
	} else {
		inert = text_inert(cp);
		if (inert != NULL) {
			c->headlen = strlen(inert);
			memcpy(c->head, inert, c->headlen);
		} else {
			c->headlen = utf8_encode(cp, c->head);
		}
		c->cells = w;
		i += len;
		c->mark = i;
	}
	/* Zero-width characters that follow stay with the character. */
	while ((unsigned char)s[i] >= 0x80) {
		len = next_cp(s, i, &cp, &w);
		if (w > 0)
			break;
		i += len;
	}
	c->end = i;
	return i;
}

/*
 * The work of text_fit. out == NULL only counts: *need gets the bytes the
 * result takes (without its NUL) and nothing is written. cap is the number
 * of bytes that may be written before the NUL.
 */
static int fit(const char *s, int cols, int flags, char *out, size_t cap, size_t *need)
{
	struct cluster c;
	size_t i = 0, next, len = 0, clen, mark_len = 0, pad;
	int cells = 0, mark_cells = 0;
	bool cut = false, can_mark;

	if (s == NULL)
		s = "";
	if (cols < 0)
		cols = 0;
	can_mark = cols >= 1 && cap >= sizeof ELLIPSIS - 1;
	while (cols > 0 && s[i] != '\0') {
		unsigned char b = (unsigned char)s[i];

		if (b >= 0x20 && b < 0x7F && (unsigned char)s[i + 1] < 0x80) {
			/* Printable ASCII not followed by a mark. */
			if (cells == cols || len == cap) {
				cut = true;
				break;
			}
			if (out != NULL)
				out[len] = (char)b;
			len++;
			cells++;
			i++;
		} else {
			next = next_cluster(s, i, &c);
			clen = c.headlen + copy_marks(s, c.mark, c.end, NULL);
			if (c.cells > cols - cells || clen > cap - len) {
				cut = true;
				break;
			}
			if (out != NULL) {
				memcpy(out + len, c.head, c.headlen);
				copy_marks(s, c.mark, c.end, out + len + c.headlen);
			}
			len += clen;
			cells += c.cells;
			i = next;
		}
		/* The last place where "…" would still fit after the text. */
		if (cells < cols && sizeof ELLIPSIS - 1 <= cap - len) {
			mark_len = len;
			mark_cells = cells;
		}
	}
	if (cut && (flags & TEXT_ELLIPSIS) && can_mark) {
		len = mark_len;
		cells = mark_cells;
		if (out != NULL)
			memcpy(out + len, ELLIPSIS, sizeof ELLIPSIS - 1);
		len += sizeof ELLIPSIS - 1;
		cells++;
	}
	if ((flags & TEXT_PAD) && cells < cols) {
		pad = (size_t)(cols - cells);
		if (pad > cap - len)
			pad = cap - len;
		if (out != NULL) {
			if (flags & TEXT_RIGHT) {
				memmove(out + pad, out, len);
				memset(out, ' ', pad);
			} else {
				memset(out + len, ' ', pad);
			}
		}
		len += pad;
		cells += (int)pad;
	}
	if (out != NULL)
		out[len] = '\0';
	if (need != NULL)
		*need = len;
	return cells;
}

int text_fit(const char *s, int cols, int flags, char *out, size_t outsz)
{
	if (out == NULL || outsz == 0)
		return 0;
	return fit(s, cols, flags, out, outsz - 1, NULL);
}

char *text_fit_dup(const char *s, int cols)
{
	size_t need;
	char *out;

	fit(s, cols, TEXT_ELLIPSIS, NULL, SIZE_MAX - 1, &need);
	out = malloc(need + 1);
	if (out == NULL)
		return NULL;
	fit(s, cols, TEXT_ELLIPSIS, out, need, NULL);
	return out;
}

char *text_inert_dup(const char *s)
{
	size_t need;
	char *out;

	fit(s, INT_MAX, 0, NULL, SIZE_MAX - 1, &need);
	out = malloc(need + 1);
	if (out == NULL)
		return NULL;
	fit(s, INT_MAX, 0, out, need, NULL);
	return out;
}

char *text_nfc_dup(const char *s, size_t n, size_t *outlen)
{
	size_t len = 0;
	uint8_t *norm;
	char *out;

	if (s == NULL)
		s = "";
	norm = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
	if (norm == NULL)
		return NULL;
	out = malloc(len + 1);
	if (out != NULL) {
		memcpy(out, norm, len);
		out[len] = '\0';
		if (outlen != NULL)
			*outlen = len;
	}
	free(norm);
	return out;
}
