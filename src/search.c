#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "search.h"
#include "strbuf.h"
#include "text.h"

struct search_query {
	int nwords, cap;
	char **words;   /* every word of the text, however many */
	size_t *lens;
	char *fts;
	char *fts_long; /* the long words only, or NULL: as fts */
};

#define SEARCH_LONG_WORD 3

/* Makes room for one more word; -1 when out of memory. */
static int grow(struct search_query *q)
{
	int cap;
	char **words;
	size_t *lens;

	if (q->nwords < q->cap)
		return 0;
	cap = q->cap > 0 ? q->cap * 2 : 8;
	words = realloc(q->words, (size_t)cap * sizeof *words);
	if (words == NULL)
		return -1;
	q->words = words;
	lens = realloc(q->lens, (size_t)cap * sizeof *lens);
	if (lens == NULL)
		return -1;
	q->lens = lens;
	q->cap = cap;
	return 0;
}

bool search_is_word_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	/* Punctuation, symbols and spaces outside ASCII separate words too. */
	if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7)
		return false;
	if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff0f) ||
	    cp == 0xfeff || cp == 0xfffd)
		return false;
	return true;
}

/* Finds the next word in s[*pos..n); returns its length and sets *start. */
static size_t next_word(const char *s, size_t n, size_t *pos, size_t *start)
{
	size_t i = *pos, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (search_is_word_char(cp))
			break;
		i += len;
	}
	*start = i;
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (!search_is_word_char(cp))
			break;
		i += len;
	}
	*pos = i;
	return i - *start;
}

int search_compile(const char *text, struct search_query **out)
{
	struct search_query *q;
	struct strbuf fts = STRBUF_INIT, fts_long = STRBUF_INIT;
	char *folded;
	size_t pos = 0, start, len, n;

	*out = NULL;
	if (text == NULL)
		return 0;
	folded = fold_dup(text);
	if (folded == NULL)
		return -1;
	q = calloc(1, sizeof *q);
	if (q == NULL) {
		free(folded);
		return -1;
	}
	n = strlen(folded);
	while ((len = next_word(folded, n, &pos, &start)) > 0) {
		char *w;

		if (grow(q) != 0 || (w = strndup(folded + start, len)) == NULL)
			goto fail;
		q->words[q->nwords] = w;
		q->lens[q->nwords] = len;
		q->nwords++;
		if (fts.len > 0)
			strbuf_puts(&fts, " ");
		strbuf_puts(&fts, "\"");
		strbuf_puts(&fts, w);
		strbuf_puts(&fts, "\"*");
		if (len >= SEARCH_LONG_WORD) {
			if (fts_long.len > 0)
				strbuf_puts(&fts_long, " ");
			strbuf_printf(&fts_long, "\"%s\"*", w);
		}
	}
	free(folded);
	folded = NULL;
	if (fts.failed || fts_long.failed)
		goto fail;
	if (q->nwords == 0) {
		search_free(&q);
		strbuf_free(&fts);
		strbuf_free(&fts_long);
		return 0;
	}
	q->fts = fts.s;
	if (fts_long.len > 0)
		q->fts_long = fts_long.s;
	else
		strbuf_free(&fts_long);
	*out = q;
	return 0;
fail:
	free(folded);
	strbuf_free(&fts);
	strbuf_free(&fts_long);
	search_free(&q);
	return -1;
}

const char *search_fts(const struct search_query *q)
{
	return q->fts;
}

const char *search_fts_long(const struct search_query *q)
{
	return q->fts_long != NULL ? q->fts_long : q->fts;
}

bool search_has_long(const struct search_query *q)
{
	return q != NULL && q->fts_long != NULL;
}

int search_words(const struct search_query *q)
{
	return q != NULL ? q->nwords : 0;
}

bool search_match(const struct search_query *q, const char *folded, size_t n)
{
	int w;

	if (q == NULL)
		return true;
	if (folded == NULL)
		return false;
	for (w = 0; w < q->nwords; w++) {
		size_t pos = 0, start, len;
		bool found = false;

		while ((len = next_word(folded, n, &pos, &start)) > 0) {
			if (len >= q->lens[w] && memcmp(folded + start, q->words[w], q->lens[w]) == 0) {
				found = true;
				break;
			}
		}
		if (!found)
			return false;
	}
	return true;
}

void search_free(struct search_query **qp)
{
	int i;

	if (qp == NULL || *qp == NULL)
		return;
	for (i = 0; i < (*qp)->nwords; i++)
		free((*qp)->words[i]);
	free((*qp)->words);
	free((*qp)->lens);
	free((*qp)->fts);
	free((*qp)->fts_long);
	free(*qp);
	*qp = NULL;
}

/* True when a word of q begins a word of the fold of the n bytes at s. */
static bool word_matches(const struct search_query *q, const char *s, size_t n)
{
	char small[256], *f = small;
	size_t need = fold_into(s, n, small, sizeof small), pos = 0, start, len;
	bool found = false;
	int w;

	if (need >= sizeof small) {
		f = malloc(need + 1);
		if (f == NULL)
			return false;
		fold_into(s, n, f, need + 1);
	}
	while (!found && (len = next_word(f, need, &pos, &start)) > 0)
		for (w = 0; w < q->nwords && !found; w++)
			found = len >= q->lens[w] && memcmp(f + start, q->words[w], q->lens[w]) == 0;
	if (f != small)
		free(f);
	return found;
}

size_t search_window(const struct search_query *q, const char *title, int cols)
{
	size_t n, pos = 0, start, len, ms = 0, me = 0, st;
	int avail, context;
	bool found = false;

	if (q == NULL || title == NULL || cols < 2)
		return 0;
	n = strlen(title);
	while ((len = next_word(title, n, &pos, &start)) > 0) {
		if (word_matches(q, title + start, len)) {
			ms = start;
			me = start + len;
			found = true;
			break;
		}
	}
	/* Shown from the start: the title fits, or the match does with the "…" at the end. */
	if (!found || text_width(title) <= cols || text_width_n(title, me) <= cols - 1)
		return 0;
	avail = cols - 1;                       /* after the "…" in front */
	context = avail / 3;
	/*
	 * The earliest word that leaves at most a third of the width before the
	 * match, or, near the end, from which the rest of the title fills it.
	 */
	st = ms;
	pos = 0;
	while ((len = next_word(title, ms, &pos, &start)) > 0) {
		if (text_width_n(title + start, ms - start) <= context ||
		    text_width(title + start) <= avail) {
			st = start;
			break;
		}
	}
	/* With the punctuation that opens the word: "(PII)", not "PII)". */
	while (st > 0 && st < ms && title[st - 1] != ' ' && ispunct((unsigned char)title[st - 1]))
		st--;
	/* The match must show whole, with room for the "…" after it. */
	if (st < ms && text_width_n(title + st, me - st) > avail - (me < n ? 1 : 0))
		st = ms;
	return st;
}
