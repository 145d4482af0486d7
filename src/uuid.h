#ifndef HOSO_UUID_H
#define HOSO_UUID_H

/* Record keys: random (version 4) UUIDs, unique across copies of a database. */

#include <stddef.h>

#define UUID_LEN 36

/*
 * Writes a new random UUID in canonical text form (36 characters and a NUL)
 * into out. Returns 0, or -1 when the system has no randomness to give.
 */
int uuid_new(char out[UUID_LEN + 1]);

/* True when s is a UUID in canonical text form (any case). */
int uuid_valid(const char *s);

/* The 16 bytes the database stores of a key. */
#define UUID_BYTES 16

/* The bytes of the text UUID s into out. Returns 0, or -1 when s is not a UUID. */
int uuid_to_bytes(const char *s, unsigned char out[UUID_BYTES]);

/*
 * A key derived from the n bytes of s, the same for the same text (for keys
 * that were not UUIDs in an old file), into out.
 */
void uuid_derive(const char *s, size_t n, unsigned char out[UUID_BYTES]);

/* The canonical text (lower case) of the 16 bytes b into out. */
void uuid_from_bytes(const unsigned char b[UUID_BYTES], char out[UUID_LEN + 1]);

#endif
