#ifndef HOSO_ESCAPE_H
#define HOSO_ESCAPE_H

/*
 * Text written into the machine formats (CSV, JSON) by one rule: the output
 * is always well-formed UTF-8; every character of the stored text is kept,
 * but a NUL and each malformed UTF-8 sequence become U+FFFD (in JSON: a NUL
 * is \u0000); JSON escapes every control, DEL, the C1 controls, U+2028,
 * U+2029 and the bidirectional formatting characters as \uXXXX.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

/*
 * Writes the n bytes at s (n 0: up to the first NUL; s NULL: empty) as one
 * CSV field (RFC 4180: quoted when it holds a comma, a quote, CR or LF),
 * then "," or, with last, CRLF. inert: in the form the screens show (for a
 * terminal). scratch: a buffer to reuse from field to field (NULL: one of
 * its own, freed before it returns).
 */
void csv_write_field(FILE *out, struct strbuf *scratch, const char *s, size_t n, bool inert, bool last);

/* Writes the n bytes at s (0: up to the first NUL; NULL: "") as a JSON string. */
void json_write_string(FILE *out, const char *s, size_t n);

#endif
