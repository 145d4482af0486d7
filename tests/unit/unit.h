#ifndef HOSO_TESTS_UNIT_H
#define HOSO_TESTS_UNIT_H

/*
 * What every unit test includes: cmocka with the headers it needs, and
 * helpers for a scratch directory and a UTF-8 locale.
 */

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Sets the C.UTF-8 locale the program itself would run in (widths need it). */
static inline void unit_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "C.UTF-8 locale missing\n");
		exit(77);
	}
}

/* A new empty directory under $TMPDIR; the caller removes it with unit_rmdir. */
static inline char *unit_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = NULL;

	if (asprintf(&path, "%s/hoso-unit.XXXXXX", base != NULL && *base != '\0' ? base : "/tmp") < 0)
		return NULL;
	return mkdtemp(path) != NULL ? path : NULL;
}

/* Removes dir and everything in it. */
static inline void unit_rmdir(char *dir)
{
	char *cmd = NULL;

	if (dir == NULL)
		return;
	if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
		free(cmd);
	}
	free(dir);
}

#endif
