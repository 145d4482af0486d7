#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"

/* Open addressing with linear probing; ids are short, so each slot owns a copy. */
struct idset {
	char **slots;
	size_t cap;   /* a power of two */
	size_t count;
	size_t used;  /* count plus tombstones */
};

static char tombstone[1];

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

struct idset *idset_new(void)
{
	struct idset *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->cap = 16;
	s->slots = calloc(s->cap, sizeof *s->slots);
	if (s->slots == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

static size_t find(const struct idset *s, const char *id, bool *found)
{
	size_t mask = s->cap - 1, i = (size_t)hash(id) & mask, free_slot = SIZE_MAX;

	for (;;) {
		char *slot = s->slots[i];

		if (slot == NULL) {
			*found = false;
			return free_slot != SIZE_MAX ? free_slot : i;
		}
		if (slot == tombstone) {
			if (free_slot == SIZE_MAX)
				free_slot = i;
		} else if (strcmp(slot, id) == 0) {
			*found = true;
			return i;
		}
		i = (i + 1) & mask;
	}
}

static int grow(struct idset *s)
{
	char **old = s->slots;
	size_t oldcap = s->cap, i;

	s->cap = s->count * 4 > oldcap ? oldcap * 2 : oldcap;
	s->slots = calloc(s->cap, sizeof *s->slots);
	if (s->slots == NULL) {
		s->slots = old;
		s->cap = oldcap;
		return -1;
	}
	s->used = s->count;
	for (i = 0; i < oldcap; i++) {
		bool found;

		if (old[i] != NULL && old[i] != tombstone)
			s->slots[find(s, old[i], &found)] = old[i];
	}
	free(old);
	return 0;
}

int idset_add(struct idset *s, const char *id)
{
	bool found;
	size_t i;
	char *copy;

	if ((s->used + 1) * 2 > s->cap && grow(s) != 0)
		return -1;
	i = find(s, id, &found);
	if (found)
		return 0;
	copy = strdup(id);
	if (copy == NULL)
		return -1;
	if (s->slots[i] == NULL)
		s->used++;
	s->slots[i] = copy;
	s->count++;
	return 0;
}

void idset_remove(struct idset *s, const char *id)
{
	bool found;
	size_t i;

	if (s == NULL)
		return;
	i = find(s, id, &found);
	if (!found)
		return;
	free(s->slots[i]);
	s->slots[i] = tombstone;
	s->count--;
}

bool idset_has(const struct idset *s, const char *id)
{
	bool found;

	if (s == NULL || s->count == 0)
		return false;
	find(s, id, &found);
	return found;
}

size_t idset_count(const struct idset *s)
{
	return s != NULL ? s->count : 0;
}

int idset_each(const struct idset *s, int (*fn)(void *ctx, const char *id), void *ctx)
{
	size_t i;
	int rc;

	if (s == NULL)
		return 0;
	for (i = 0; i < s->cap; i++) {
		if (s->slots[i] != NULL && s->slots[i] != tombstone && (rc = fn(ctx, s->slots[i])) != 0)
			return rc;
	}
	return 0;
}

void idset_clear(struct idset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->cap; i++) {
		if (s->slots[i] != tombstone)
			free(s->slots[i]);
		s->slots[i] = NULL;
	}
	s->count = s->used = 0;
}

void idset_free(struct idset **sp)
{
	if (sp == NULL || *sp == NULL)
		return;
	idset_clear(*sp);
	free((*sp)->slots);
	free(*sp);
	*sp = NULL;
}
