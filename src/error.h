#ifndef HOSO_ERROR_H
#define HOSO_ERROR_H

/*
 * How the core reports failure: a function returns a status and, on failure,
 * fills a struct error with one line a clerk can read (naming the file, the
 * line or the field at fault). The caller decides how to show it.
 */

enum error_kind {
	ERROR_NONE = 0,
	ERROR_RUNTIME = 1, /* exit status 1: a file, the database, the system */
	ERROR_USAGE = 2,   /* exit status 2: the command line or the environment */
};

struct error {
	enum error_kind kind;
	char msg[1024];
};

/*
 * Records a failure of the given kind in e (which may be NULL) with a
 * printf-style message, without a trailing newline. Returns -1 so that
 * callers can write `return error_set(...)`.
 */
int error_set(struct error *e, enum error_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears e (which may be NULL). */
void error_clear(struct error *e);

#endif
