#ifndef HOSO_JSONREAD_H
#define HOSO_JSONREAD_H

/*
 * JSON read from a reader (reader.h): whole values into a tree (struct jv),
 * or piece by piece for a file too large to hold (hoso import reads an
 * export record by record).
 */

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"
#include "strbuf.h"

/* JSON nested deeper than this is no export of hoso's. */
#define JSON_DEPTH_MAX 16

enum jtype { J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jv {
	enum jtype t;
	int line;
	bool b;
	char *s;               /* J_STRING, J_NUMBER: the text */
	size_t n;              /* J_STRING: its bytes (NUL included) */
	struct jv *items;      /* J_ARRAY, J_OBJECT */
	char **keys;           /* J_OBJECT */
	size_t count;
};

/* The first error met, and its line. */
struct jerr {
	int line;
	char msg[200];
};

/* Frees what v holds and empties it; accepts NULL. */
void jv_free(struct jv *v);

/* The member key of object o, or NULL (o NULL or not an object: NULL). */
const struct jv *jv_get(const struct jv *o, const char *key);

/* Skips white space. */
void json_skip_space(struct reader *r);

/* Notes msg at r's line in e unless an error is there already; returns -1. */
int json_fail(struct jerr *e, struct reader *r, const char *msg);

/* Reads the string r is at (at its opening quote) into b. Returns 0, or -1 with e set. */
int json_parse_string(struct reader *r, struct strbuf *b, struct jerr *e);

/*
 * Reads the value r is at into v, nested depth deep. Returns 0, or -1 with
 * e set; the caller frees v either way.
 */
int json_parse_value(struct reader *r, struct jv *v, int depth, struct jerr *e);

#endif
