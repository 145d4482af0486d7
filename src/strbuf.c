#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static int grow(struct strbuf *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap != 0 ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	p = realloc(b->s, cap);
	if (p == NULL) {
		b->failed = true;
		return -1;
	}
	b->s = p;
	b->cap = cap;
	return 0;
}

int strbuf_add(struct strbuf *b, const char *p, size_t n)
{
	if (grow(b, n) != 0)
		return -1;
	if (n > 0)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int strbuf_puts(struct strbuf *b, const char *p)
{
	return p != NULL ? strbuf_add(b, p, strlen(p)) : 0;
}

int strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void strbuf_reset(struct strbuf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->s != NULL)
		b->s[0] = '\0';
}

const char *strbuf_str(const struct strbuf *b)
{
	return b->s != NULL ? b->s : "";
}

void strbuf_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

char *strbuf_detach(struct strbuf *b)
{
	char *s = b->s;

	if (s == NULL)
		s = strdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	b->failed = false;
	return s;
}
