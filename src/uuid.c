#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "uuid.h"

int uuid_new(char out[UUID_LEN + 1])
{
	uint8_t b[16];
	size_t got = 0;

	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)n;
	}
	b[6] = (uint8_t)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	uuid_from_bytes(b, out);
	return 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int uuid_to_bytes(const char *s, unsigned char out[UUID_BYTES])
{
	size_t i, n = 0;

	if (!uuid_valid(s))
		return -1;
	for (i = 0; i < UUID_LEN; i += 2) {
		if (s[i] == '-')
			i++;
		out[n++] = (unsigned char)(hexval((unsigned char)s[i]) * 16 + hexval((unsigned char)s[i + 1]));
	}
	return 0;
}

void uuid_derive(const char *s, size_t n, unsigned char out[UUID_BYTES])
{
	uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
	size_t i;
	int k;

	/* Two FNV-1a hashes of the text, 64 bits each. */
	for (i = 0; i < n; i++) {
		h1 = (h1 ^ (unsigned char)s[i]) * 0x100000001b3ULL;
		h2 = (h2 ^ (unsigned char)s[i]) * 0x100000001b3ULL;
		h2 ^= h2 >> 29;
	}
	for (k = 0; k < 8; k++) {
		out[k] = (unsigned char)(h1 >> (8 * k));
		out[8 + k] = (unsigned char)(h2 >> (8 * k));
	}
	out[6] = (unsigned char)((out[6] & 0x0f) | 0x80); /* version 8: made by hoso, not random */
	out[8] = (unsigned char)((out[8] & 0x3f) | 0x80);
}

void uuid_from_bytes(const unsigned char b[UUID_BYTES], char out[UUID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	int i, o = 0;

	/* 8-4-4-4-12 hex digits (written by hand: every exported reference is one) */
	for (i = 0; i < UUID_BYTES; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

int uuid_valid(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != UUID_LEN)
		return 0;
	for (i = 0; i < UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!isxdigit((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}
