#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>

#include "fold.h"
#include "text.h"
#include "vnchar.h"

/*
 * Greek and Cyrillic U+0386..U+045F: the lower-case letter without its
 * accent, or 0 where the code point stays as it is. Their accented letters
 * lose the accent too, as Latin ones do, so that a decomposed Greek or
 * Cyrillic text folds like the precomposed one (й is и with a breve).
 */
static const uint16_t greek_cyrillic[0x045F - 0x0386 + 1] = {
	/* U+0386 Ά, U+0388..U+038A Έ Ή Ί, U+038C Ό, U+038E..U+0390 Ύ Ώ ΐ */
	[0x0386 - 0x0386] = 0x03B1,
	[0x0388 - 0x0386] = 0x03B5, [0x0389 - 0x0386] = 0x03B7,
	[0x038A - 0x0386] = 0x03B9, [0x038C - 0x0386] = 0x03BF,
	[0x038E - 0x0386] = 0x03C5, [0x038F - 0x0386] = 0x03C9,
	[0x0390 - 0x0386] = 0x03B9,
	/* U+0391..U+03A9 Α..Ω (U+03A2 is unassigned), U+03AA Ϊ, U+03AB Ϋ */
	[0x0391 - 0x0386] = 0x03B1, 0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6,
	0x03B7, 0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF,
	0x03C0, 0x03C1, 0, 0x03C3, 0x03C4, 0x03C5, 0x03C6, 0x03C7, 0x03C8,
	0x03C9, 0x03B9, 0x03C5,
	/* U+03AC..U+03B0 ά έ ή ί ΰ */
	0x03B1, 0x03B5, 0x03B7, 0x03B9, 0x03C5,
	/* U+03C2 ς, U+03CA..U+03CE ϊ ϋ ό ύ ώ */
	[0x03C2 - 0x0386] = 0x03C3,
	[0x03CA - 0x0386] = 0x03B9, 0x03C5, 0x03BF, 0x03C5, 0x03C9,
	/* U+0400..U+040F Ѐ..Џ; Ѐ Ё Ѓ Ї Ќ Ѝ Ў carry a mark */
	[0x0400 - 0x0386] = 0x0435, 0x0435, 0x0452, 0x0433, 0x0454, 0x0455,
	0x0456, 0x0456, 0x0458, 0x0459, 0x045A, 0x045B, 0x043A, 0x0438, 0x0443,
	0x045F,
	/* U+0410..U+042F А..Я; U+0419 Й */
	0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438,
	0x0438, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441,
	0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A,
	0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
	/* U+0439 й, U+0450 ѐ, U+0451 ё, U+0453 ѓ, U+0457 ї, U+045C ќ, U+045D ѝ,
	 * U+045E ў */
	[0x0439 - 0x0386] = 0x0438,
	[0x0450 - 0x0386] = 0x0435, 0x0435,
	[0x0453 - 0x0386] = 0x0433,
	[0x0457 - 0x0386] = 0x0456,
	[0x045C - 0x0386] = 0x043A, 0x0438, 0x0443,
};

/* Where the folded text goes: out holds outsz bytes, NUL included. */
struct sink {
	char *out;
	size_t outsz;
	size_t len;     /* bytes the whole result takes */
	size_t written; /* bytes stored in out */
	bool full;      /* a piece did not fit: store nothing more */
};

/* Appends the k bytes at p; the result is cut before the first that do not fit. */
static void put(struct sink *o, const char *p, size_t k)
{
	if (!o->full && o->written + k < o->outsz) {
		memcpy(o->out + o->written, p, k);
		o->written += k;
	} else {
		o->full = true;
	}
	o->len += k;
}

/*
 * True when cp stays as it is under compatibility normalization, as far as
 * folding can tell, in any text: it is a composed letter that composition
 * gives back, or it has no decomposition and is no combining mark that
 * could compose with what comes before (the marks U+0300..U+036F excepted:
 * folding drops them, composed or not); and it is in a script with no other
 * compositions (below U+0900, or the punctuation and symbols of
 * U+2000..U+2FFF). Vietnamese letters and the punctuation of Vietnamese
 * text are.
 */
static bool nfkc_stable_cp(uint32_t cp)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag, len;

	if ((cp >= 0xC0 && cp <= 0xFF) || vn_is_mark(cp) || (cp >= 0x1EA0 && cp <= 0x1EF9) ||
	    cp == 0xFFFD)
		return true;
	switch (cp) {
	case 0x0102: case 0x0103: /* Ă ă */
	case 0x0110: case 0x0111: /* Đ đ */
	case 0x0128: case 0x0129: /* Ĩ ĩ */
	case 0x0168: case 0x0169: /* Ũ ũ */
	case 0x01A0: case 0x01A1: /* Ơ ơ */
	case 0x01AF: case 0x01B0: /* Ư ư */
		return true;
	default:
		break;
	}
	if (cp >= 0x0900 && (cp < 0x2000 || cp > 0x2FFF))
		return false;
	len = uc_decomposition(cp, &tag, d);
	if (len < 0)
		return uc_combining_class(cp) == 0;
	return tag == UC_DECOMP_CANONICAL && len == 2 && uc_composition(d[0], d[1]) == cp;
}

/*
 * True when s (n bytes) is its own compatibility normalization as far as
 * folding can tell (see nfkc_stable_cp): Vietnamese text is, and skips the
 * normalizer.
 */
static bool nfkc_stable(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if (!nfkc_stable_cp(cp))
			return false;
	}
	return true;
}

/* The folding of fold_into, on text already in compatibility form. */
static size_t fold_nfkc(const char *s, size_t n, char *out, size_t outsz)
{
	struct sink o = { .out = out, .outsz = out == NULL ? 0 : outsz };
	size_t i = 0, k;
	uint32_t cp;
	struct vn_letter l;
	char buf[4];

	if (s == NULL)
		n = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b + ('a' - 'A'));
			if (o.written + 1 < o.outsz && !o.full) {
				o.out[o.written++] = (char)b;
				o.len++;
			} else {
				put(&o, (const char *)&b, 1);
			}
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (vn_is_mark(cp)) {
			/* dropped */
		} else if (vn_letter(cp, &l)) {
			buf[0] = l.base;
			buf[1] = l.base2;
			put(&o, buf, l.base2 != 0 ? 2 : 1);
		} else if (cp >= 0x0386 && cp <= 0x045F && greek_cyrillic[cp - 0x0386] != 0) {
			put(&o, buf, utf8_encode(greek_cyrillic[cp - 0x0386], buf));
		} else if (cp == 0xFFFD) {
			/* Malformed input, or a U+FFFD that was there. */
			put(&o, "\xEF\xBF\xBD", 3);
		} else {
			put(&o, s + i, k);
		}
		i += k;
	}
	if (o.outsz > 0)
		o.out[o.written] = '\0';
	return o.len;
}

/*
 * s (n bytes) with each malformed sequence replaced by U+FFFD as
 * utf8_decode reads it, in a new string of *len bytes; NULL when out of
 * memory.
 */
static char *clean_utf8(const char *s, size_t n, size_t *len)
{
	char *c = malloc(n * 3 + 1), *p = c;
	size_t i = 0, k;
	uint32_t cp;

	if (c == NULL)
		return NULL;
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			memcpy(p, "\xEF\xBF\xBD", 3);
			p += 3;
		} else {
			memcpy(p, s + i, k);
			p += k;
		}
		i += k;
	}
	*len = (size_t)(p - c);
	return c;
}

size_t fold_into(const char *s, size_t n, char *out, size_t outsz)
{
	uint8_t small[512], *norm = NULL;
	char *clean = NULL;
	size_t len = sizeof small, clen, need;

	if (s == NULL || nfkc_stable(s, n))
		return fold_nfkc(s, n, out, outsz);
	/* Fullwidth letters, ligatures, circled digits and the like become the
	 * plain characters they stand for. Malformed UTF-8 is made U+FFFD first,
	 * as everywhere else (the normalizer would count it its own way). */
	if (utf8_valid(s, n))
		norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, small, &len);
	else if ((clean = clean_utf8(s, n, &clen)) != NULL)
		norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)clean, clen, small, &len);
	if (norm == NULL) /* out of memory: fold without it */
		need = fold_nfkc(s, n, out, outsz);
	else
		need = fold_nfkc((const char *)norm, len, out, outsz);
	if (norm != small)
		free(norm);
	free(clean);
	return need;
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
