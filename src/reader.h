#ifndef HOSO_READER_H
#define HOSO_READER_H

/* A file read a character at a time, its line counted (hoso import's CSV and JSON). */

#include <stdio.h>

/* A field of an import file longer than this is refused (no form takes one). */
#define READ_FIELD_MAX (1 << 20)

struct reader {
	FILE *f;
	const char *path;
	int line;
	int c;          /* the character looked at, or EOF */
};

/* Moves to the next character (counting the line left). */
static inline void reader_advance(struct reader *r)
{
	if (r->c == '\n')
		r->line++;
	r->c = getc(r->f);
}

#endif
