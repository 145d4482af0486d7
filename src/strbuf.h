#ifndef HOSO_STRBUF_H
#define HOSO_STRBUF_H

/* A growable NUL-terminated byte string. */

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *s;      /* NULL until the first append; always NUL-terminated after */
	size_t len;
	size_t cap;
	bool failed;  /* an allocation failed: the content is incomplete */
};

#define STRBUF_INIT { NULL, 0, 0, false }

/* Appends n bytes of p. On allocation failure sets b->failed and returns -1. */
int strbuf_add(struct strbuf *b, const char *p, size_t n);

/* Appends the NUL-terminated string p (NULL appends nothing). */
int strbuf_puts(struct strbuf *b, const char *p);

/* Appends printf-style text. */
int strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Empties b, keeping its memory. */
void strbuf_reset(struct strbuf *b);

/* The content ("" when empty). */
const char *strbuf_str(const struct strbuf *b);

/*
 * The content, which the caller now owns and frees; b is empty again. NULL
 * only when out of memory.
 */
char *strbuf_detach(struct strbuf *b);

/* Frees b's memory and empties it. */
void strbuf_free(struct strbuf *b);

#endif
