#ifndef HOSO_UUID_H
#define HOSO_UUID_H

/* Record keys: random (version 4) UUIDs, unique across copies of a database. */

#define UUID_LEN 36

/*
 * Writes a new random UUID in canonical text form (36 characters and a NUL)
 * into out. Returns 0, or -1 when the system has no randomness to give.
 */
int uuid_new(char out[UUID_LEN + 1]);

/* True when s is a UUID in canonical text form (any case). */
int uuid_valid(const char *s);

#endif
