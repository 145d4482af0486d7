#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "collate.h"
#include "text.h"
#include "vnchar.h"

/*
 * A text is read as a list of elements: a letter (with the combining marks
 * after it), a number (a run of ASCII digits), or any other character.
 * Combining marks with no letter before them are ignored. Each element has a
 * first-level weight of one or more bytes:
 *   01..42       ASCII other than letters and digits, by code point
 *                (controls, space, punctuation)
 *   43 hi lo     other punctuation, spaces and symbols, by code point
 *   44+d ...     a number of d <= 22 significant digits, two digits a byte
 *   5B d ...     a number of 23 to 255 significant digits (a longer run
 *                is read as several numbers)
 *   5C..7C       a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v
 *                w x y z
 *   7D+hi lo     any other code point below U+8200 (other scripts), and
 *   FF b2 b1 b0  any other code point above
 * The first byte says how long a weight is, so no weight is the start of
 * another and two lists of weights compare byte by byte as element by
 * element.
 *
 * The second level is a letter's tone and other diacritic (sec below); the
 * third the case of a letter and the leading zeros of a number (ter).
 * Elements with the same first-level weights are of the same kinds in the
 * same order, so these levels compare element by element from the left.
 *
 * The key is the first-level weights, a 00 byte, and a string of bits: the
 * second level of each letter in turn, then the third level of each letter
 * and number in turn. Each level is written in a code where no code is the
 * start of another and the codes sort as their values:
 *   second level:  "0" for sec 0, else "1" and sec - 1 in 4 bits;
 *   third level:   a letter "0" lower, "1" capital; a number its leading
 *                  zeros z as z ones and a zero (at most 15 ones, no zero).
 * Zero bytes at the end of the key are left out: comparing the shorter key
 * first then orders keys as comparing them padded with zeros would, which
 * orders them as the elements do. A Vietnamese title takes about one byte a
 * character at the first level and a bit or two a letter for the others.
 */

enum elem_kind {
	ELEM_OTHER,
	ELEM_LETTER,
	ELEM_NUMBER,
};

#define NUMBER_MAX_DIGITS 255
#define NUMBER_SHORT_DIGITS 22
#define ZEROS_MAX 15

struct elem {
	enum elem_kind kind;
	unsigned char sec; /* letter: tone + 6 for another diacritic */
	unsigned char ter; /* letter: 1 for a capital; number: leading zeros */
	size_t nw;         /* bytes of w */
	unsigned char w[2 + (NUMBER_MAX_DIGITS + 1) / 2];
};

struct reader {
	const char *s;
	size_t n, i;
	bool pending;          /* the second letter of a ligature is next */
	unsigned char pending_w, pending_ter;
};

/* The rank of each base letter in a ă â b c d đ e ê f g h i j k l m n o ô ơ ... */
static const unsigned char base_rank[26] = {
	0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24,
	25, 26, 28, 29, 30, 31, 32,
};

static unsigned char letter_weight(char base, unsigned char mod)
{
	unsigned char rank = base_rank[base - 'a'];

	if ((base == 'a' && mod == VN_MOD_CIRCUMFLEX) || (base == 'o' && mod == VN_MOD_HORN))
		rank += 2;
	else if (mod != VN_MOD_NONE)
		rank += 1;
	return (unsigned char)(0x5C + rank);
}

/* Punctuation, spaces and symbols outside ASCII: they sort before digits. */
static bool is_punct(uint32_t cp)
{
	return (cp >= 0x0080 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
	       (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	       (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

static bool is_digit(unsigned char b)
{
	return b >= '0' && b <= '9';
}

/* Whether b can start a combining mark U+0300..U+036F (CC 80..CD AF). */
static bool is_mark_lead(unsigned char b)
{
	return b == 0xCC || b == 0xCD;
}

/* Reads a run of ASCII digits at r->s[r->i] into e. */
static void read_number(struct reader *r, struct elem *e)
{
	const char *s = r->s;
	size_t i = r->i, n = r->n, zeros = 0, digits = 0, j;
	unsigned char *p;

	while (i < n && s[i] == '0') {
		zeros++;
		i++;
	}
	while (i + digits < n && digits < NUMBER_MAX_DIGITS && is_digit((unsigned char)s[i + digits]))
		digits++;
	if (digits == 0)
		zeros--; /* the number 0 itself */
	e->kind = ELEM_NUMBER;
	e->sec = 0;
	e->ter = (unsigned char)(zeros < ZEROS_MAX ? zeros : ZEROS_MAX);
	p = e->w;
	if (digits <= NUMBER_SHORT_DIGITS) {
		*p++ = (unsigned char)(0x44 + digits);
	} else {
		*p++ = 0x5B;
		*p++ = (unsigned char)digits;
	}
	for (j = 0; j < digits; j += 2) {
		unsigned hi = (unsigned)(s[i + j] - '0');
		unsigned lo = j + 1 < digits ? (unsigned)(s[i + j + 1] - '0') : 0;

		*p++ = (unsigned char)(hi * 10 + lo);
	}
	e->nw = (size_t)(p - e->w);
	r->i = i + digits;
}

/* Reads the letter l at r->s[r->i] (len bytes) and the marks after it into e. */
static void read_letter(struct reader *r, struct elem *e, struct vn_letter *l, size_t len)
{
	const char *s = r->s;
	size_t i = r->i + len, n = r->n, k;
	uint32_t cp;

	while (i + 1 < n && is_mark_lead((unsigned char)s[i])) {
		k = utf8_decode(s + i, n - i, &cp);
		if (!vn_is_mark(cp))
			break;
		vn_letter_mark(l, cp);
		i += k;
	}
	r->i = i;
	e->kind = ELEM_LETTER;
	e->sec = (unsigned char)(l->tone + (l->accent ? 6 : 0));
	e->ter = l->upper;
	e->w[0] = letter_weight(l->base, l->mod);
	e->nw = 1;
	if (l->base2 != 0) {
		r->pending = true;
		r->pending_w = letter_weight(l->base2, VN_MOD_NONE);
		r->pending_ter = l->upper2;
	}
}

/* Reads the next element into e; false at the end of the text. */
static bool next_elem(struct reader *r, struct elem *e)
{
	struct vn_letter l;
	uint32_t cp;
	size_t k;
	unsigned char b;

	if (r->pending) {
		r->pending = false;
		e->kind = ELEM_LETTER;
		e->sec = 0;
		e->ter = r->pending_ter;
		e->w[0] = r->pending_w;
		e->nw = 1;
		return true;
	}
	for (;;) {
		if (r->i >= r->n)
			return false;
		b = (unsigned char)r->s[r->i];
		if (b < 0x80) {
			if (is_digit(b)) {
				read_number(r, e);
				return true;
			}
			if (vn_letter(b, &l)) {
				if (r->i + 1 < r->n && is_mark_lead((unsigned char)r->s[r->i + 1])) {
					read_letter(r, e, &l, 1);
					return true;
				}
				/* A plain ASCII letter, the common case. */
				e->kind = ELEM_LETTER;
				e->sec = 0;
				e->ter = l.upper;
				e->w[0] = letter_weight(l.base, VN_MOD_NONE);
				e->nw = 1;
				r->i++;
				return true;
			}
			e->kind = ELEM_OTHER;
			e->sec = e->ter = 0;
			if (b <= 0x2F)
				e->w[0] = (unsigned char)(0x01 + b);
			else if (b <= 0x40)
				e->w[0] = (unsigned char)(0x01 + b - 10);
			else if (b <= 0x60)
				e->w[0] = (unsigned char)(0x01 + b - 36);
			else
				e->w[0] = (unsigned char)(0x01 + b - 62);
			e->nw = 1;
			r->i++;
			return true;
		}
		k = utf8_decode(r->s + r->i, r->n - r->i, &cp);
		if (vn_letter(cp, &l)) {
			read_letter(r, e, &l, k);
			return true;
		}
		r->i += k;
		if (vn_is_mark(cp))
			continue; /* nothing to sit on: ignored */
		e->kind = ELEM_OTHER;
		e->sec = e->ter = 0;
		if (is_punct(cp)) {
			e->w[0] = 0x43;
			e->w[1] = (unsigned char)(cp >> 8);
			e->w[2] = (unsigned char)cp;
			e->nw = 3;
		} else if (cp < 0x8200) {
			e->w[0] = (unsigned char)(0x7D + (cp >> 8));
			e->w[1] = (unsigned char)cp;
			e->nw = 2;
		} else {
			e->w[0] = 0xFF;
			e->w[1] = (unsigned char)(cp >> 16);
			e->w[2] = (unsigned char)(cp >> 8);
			e->w[3] = (unsigned char)cp;
			e->nw = 4;
		}
		return true;
	}
}

static void reader_init(struct reader *r, const char *s, size_t n)
{
	*r = (struct reader){ .s = s == NULL ? "" : s, .n = s == NULL ? 0 : n };
}

int collate_vi(const char *a, size_t na, const char *b, size_t nb)
{
	struct reader ra, rb;
	struct elem ea, eb;
	int sec = 0, ter = 0, c;
	bool more_a, more_b;

	reader_init(&ra, a, na);
	reader_init(&rb, b, nb);
	for (;;) {
		more_a = next_elem(&ra, &ea);
		more_b = next_elem(&rb, &eb);
		if (!more_a || !more_b) {
			if (more_a != more_b)
				return more_a ? 1 : -1;
			break;
		}
		c = memcmp(ea.w, eb.w, ea.nw < eb.nw ? ea.nw : eb.nw);
		if (c != 0)
			return c < 0 ? -1 : 1;
		/* Equal weights are equally long and of one kind. */
		if (sec == 0 && ea.sec != eb.sec)
			sec = ea.sec < eb.sec ? -1 : 1;
		if (ter == 0 && ea.ter != eb.ter)
			ter = ea.ter < eb.ter ? -1 : 1;
	}
	return sec != 0 ? sec : ter;
}

/* The key being written: bytes past outsz are counted, not stored. */
struct key {
	unsigned char *out;
	size_t outsz;
	size_t len;    /* bytes so far */
	size_t end;    /* length up to the last non-zero byte */
	uint32_t bits; /* bits not yet written, the last nbits of them */
	unsigned nbits;
};

static void key_byte(struct key *k, unsigned char b)
{
	if (k->len < k->outsz)
		k->out[k->len] = b;
	k->len++;
	if (b != 0)
		k->end = k->len;
}

/* Appends the low n bits of v (n <= 16), the highest first. */
static void key_bits(struct key *k, unsigned v, unsigned n)
{
	k->bits = (k->bits << n) | v;
	k->nbits += n;
	while (k->nbits >= 8) {
		k->nbits -= 8;
		key_byte(k, (unsigned char)(k->bits >> k->nbits));
	}
}

/* Writes out the last bits, padded with zeros to a byte. */
static void key_flush(struct key *k)
{
	if (k->nbits > 0)
		key_byte(k, (unsigned char)(k->bits << (8 - k->nbits)));
	k->nbits = 0;
}

static void key_sec(struct key *k, unsigned char sec)
{
	if (sec == 0)
		key_bits(k, 0, 1);
	else
		key_bits(k, 0x10u | (sec - 1u), 5);
}

static void key_ter(struct key *k, enum elem_kind kind, unsigned char ter)
{
	if (kind == ELEM_LETTER)
		key_bits(k, ter, 1);
	else if (ter < ZEROS_MAX)
		key_bits(k, ((1u << ter) - 1) << 1, ter + 1u);
	else
		key_bits(k, (1u << ZEROS_MAX) - 1, ZEROS_MAX);
}

/* Letters and numbers kept from the first pass, for the other levels. */
#define KEPT_MAX 512

size_t collate_vi_key(const char *s, size_t n, unsigned char *out, size_t outsz)
{
	struct key k = { .out = out, .outsz = out == NULL ? 0 : outsz };
	struct { unsigned char kind, sec, ter; } kept[KEPT_MAX];
	size_t nkept = 0, j;
	bool all_kept = true;
	struct reader r;
	struct elem e;

	reader_init(&r, s, n);
	while (next_elem(&r, &e)) {
		for (j = 0; j < e.nw; j++)
			key_byte(&k, e.w[j]);
		if (e.kind == ELEM_OTHER)
			continue;
		if (nkept < KEPT_MAX) {
			kept[nkept].kind = (unsigned char)e.kind;
			kept[nkept].sec = e.sec;
			kept[nkept].ter = e.ter;
			nkept++;
		} else {
			all_kept = false;
		}
	}
	key_byte(&k, 0x00);
	if (all_kept) {
		for (j = 0; j < nkept; j++)
			if (kept[j].kind == ELEM_LETTER)
				key_sec(&k, kept[j].sec);
		for (j = 0; j < nkept; j++)
			key_ter(&k, kept[j].kind, kept[j].ter);
	} else {
		/* A long text: read it again for each level. */
		reader_init(&r, s, n);
		while (next_elem(&r, &e))
			if (e.kind == ELEM_LETTER)
				key_sec(&k, e.sec);
		reader_init(&r, s, n);
		while (next_elem(&r, &e))
			if (e.kind != ELEM_OTHER)
				key_ter(&k, e.kind, e.ter);
	}
	key_flush(&k);
	return k.end;
}

size_t collate_vi_primary(const char *s, size_t n, unsigned char *out, size_t outsz)
{
	size_t len = 0, j;
	struct reader r;
	struct elem e;

	reader_init(&r, s, n);
	while (next_elem(&r, &e))
		for (j = 0; j < e.nw; j++, len++)
			if (len < outsz)
				out[len] = e.w[j];
	return len;
}
