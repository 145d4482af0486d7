#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "text.h"
#include "vnchar.h"

/*
 * A key has three levels, each a run of weights, separated by 0x01:
 *   level 1, per element: whitespace 0x02; ASCII punctuation 0x03..0x22;
 *     a run of digits 0x30, its length without leading zeros, the digits;
 *     a letter 0x40 + its place in the alphabet; anything else 0xF0 and
 *     three bytes of its code point;
 *   level 2, per element: the tone (0x02 none … 0x07 nặng; 0x08 another
 *     accent);
 *   level 3, per element: case (0x02 lower, 0x03 upper), or for a number
 *     0x02 + its leading zeros.
 * Trailing 0x02 weights of levels 2 and 3 are dropped: with equal first
 * levels both keys have as many elements, so that keeps the order.
 */

#define W_SPACE 0x02
#define W_PUNCT 0x03
#define W_NUMBER 0x30
#define W_LETTER 0x40
#define W_OTHER 0xf0
#define SEP 0x01

struct keybuf {
	unsigned char *out;
	size_t outsz, len;
};

static void add(struct keybuf *k, unsigned char b)
{
	if (k->out != NULL && k->len < k->outsz)
		k->out[k->len] = b;
	k->len++;
}

/* The punctuation index of an ASCII character that is neither space, digit nor letter. */
static int punct_index(unsigned char c)
{
	static const char order[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
	const char *p = c != '\0' ? strchr(order, c) : NULL;

	return p != NULL ? (int)(p - order) : 31;
}

/* Level weights of one element, kept while level 1 is written. */
struct elem {
	unsigned char l2, l3;
};

struct elems {
	struct elem small[256];
	struct elem *v;
	size_t n, cap;
	bool failed;
};

static void push_elem(struct elems *e, unsigned char l2, unsigned char l3)
{
	if (e->n == e->cap) {
		size_t cap = e->cap * 2;
		struct elem *v = e->v == e->small ? malloc(cap * sizeof *v) : realloc(e->v, cap * sizeof *v);

		if (v == NULL) {
			e->failed = true;
			return;
		}
		if (e->v == e->small)
			memcpy(v, e->small, sizeof e->small);
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n].l2 = l2;
	e->v[e->n].l3 = l3;
	e->n++;
}

size_t collate_vi_key(const char *s, size_t n, unsigned char *out, size_t outsz)
{
	struct keybuf k = { out, outsz, 0 };
	struct elems e;
	size_t i = 0, j, last;

	e.v = e.small;
	e.n = 0;
	e.cap = sizeof e.small / sizeof e.small[0];
	e.failed = false;
	if (s == NULL)
		n = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;
		struct vnchar v;

		if (c >= '0' && c <= '9') {
			size_t start = i, zeros = 0, digits;

			while (i < n && s[i] == '0')
				i++, zeros++;
			j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			digits = j - i;
			if (digits == 0) { /* all zeros: the number 0 */
				zeros--;
				i--;
				digits = 1;
			}
			/* Runs longer than 255 digits are cut into several numbers. */
			if (digits > 255)
				digits = 255;
			add(&k, W_NUMBER);
			add(&k, (unsigned char)digits);
			for (j = 0; j < digits; j++)
				add(&k, (unsigned char)s[i + j]);
			i += digits;
			push_elem(&e, 0x02, (unsigned char)(0x02 + (zeros > 200 ? 200 : zeros)));
			(void)start;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		i += len;
		if (vnchar_letter(cp, &v)) {
			/* Combining marks after the letter change it as precomposed ones would. */
			while (i < n) {
				uint32_t m;
				size_t l2 = utf8_decode(s + i, n - i, &m);

				if (!vnchar_is_mark(m))
					break;
				vnchar_apply_mark(&v, m);
				i += l2;
			}
			add(&k, (unsigned char)(W_LETTER + vnchar_alphabet_index(&v)));
			push_elem(&e, (unsigned char)(v.mod == VN_MOD_OTHER ? 0x08 : 0x02 + v.tone),
			          v.upper ? 0x03 : 0x02);
			continue;
		}
		if (vnchar_is_mark(cp))
			continue; /* a mark on something that is not a letter does not count */
		if (cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200a)) {
			add(&k, W_SPACE);
		} else if (cp < 0x80) {
			add(&k, (unsigned char)(W_PUNCT + punct_index((unsigned char)cp)));
		} else {
			uint32_t lower = cp;
			unsigned char l3 = 0x02;

			if ((cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2) || (cp >= 0x410 && cp <= 0x42f)) {
				lower = cp + 0x20;
				l3 = 0x03;
			} else if (cp >= 0x400 && cp <= 0x40f) {
				lower = cp + 0x50;
				l3 = 0x03;
			}
			add(&k, W_OTHER);
			add(&k, (unsigned char)(lower >> 16));
			add(&k, (unsigned char)(lower >> 8));
			add(&k, (unsigned char)lower);
			push_elem(&e, 0x02, l3);
			continue;
		}
		push_elem(&e, 0x02, 0x02);
	}
	/* Level 2, then level 3, each without trailing 0x02 weights. */
	add(&k, SEP);
	for (last = e.n; last > 0 && e.v[last - 1].l2 == 0x02; last--)
		;
	for (j = 0; j < last; j++)
		add(&k, e.v[j].l2);
	add(&k, SEP);
	for (last = e.n; last > 0 && e.v[last - 1].l3 == 0x02; last--)
		;
	for (j = 0; j < last; j++)
		add(&k, e.v[j].l3);
	if (e.v != e.small)
		free(e.v);
	return k.len;
}

int collate_vi(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned char sa[512], sb[512];
	unsigned char *ka = sa, *kb = sb;
	size_t la = collate_vi_key(a, na, sa, sizeof sa);
	size_t lb = collate_vi_key(b, nb, sb, sizeof sb);
	int r;

	if (la > sizeof sa && (ka = malloc(la)) != NULL)
		collate_vi_key(a, na, ka, la);
	if (lb > sizeof sb && (kb = malloc(lb)) != NULL)
		collate_vi_key(b, nb, kb, lb);
	if (ka == NULL || kb == NULL) {
		/* Out of memory: compare what fits. */
		r = memcmp(ka != NULL ? ka : sa, kb != NULL ? kb : sb, sizeof sa);
	} else {
		r = memcmp(ka, kb, la < lb ? la : lb);
		if (r == 0)
			r = la < lb ? -1 : la > lb;
	}
	if (ka != sa)
		free(ka);
	if (kb != sb)
		free(kb);
	return r;
}
