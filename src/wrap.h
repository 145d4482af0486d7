#ifndef HOSO_WRAP_H
#define HOSO_WRAP_H

/* Cutting text into lines of a width in terminal cells, at spaces where it can. */

#include <stddef.h>

/*
 * The length in bytes of the first line of s (n bytes) that fits in width
 * cells: up to the last space that lets it fit, or as much as fits when a
 * word is longer than the line (never splitting a character from its
 * combining marks). *next is where the following line starts (spaces
 * skipped). A newline ends a line. width < 1 is taken as 1.
 */
size_t wrap_line(const char *s, size_t n, int width, size_t *next);

#endif
