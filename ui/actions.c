#include "config.h"

#include <string.h>

#include "actions.h"
#include "i18n.h"

struct action_info {
	const char *name, *help, *keys;
	unsigned maps;
	bool edits;
};

static const struct action_info actions[ACTION_COUNT] = {
#define X(id, name, help, keys, maps, edits) [ACTION_##id] = { name, help, keys, maps, edits },
	ACTIONS(X)
#undef X
};

static const char *const keymap_names[KEYMAP_COUNT] = {
#define X(id, name) [KEYMAP_##id] = name,
	KEYMAPS(X)
#undef X
};

const char *action_name(enum action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT ? actions[a].name : NULL;
}

const char *action_help(enum action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT ? _(actions[a].help) : NULL;
}

const char *action_default_keys(enum action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT ? actions[a].keys : NULL;
}

unsigned action_keymaps(enum action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT ? actions[a].maps : 0;
}

bool action_edits(enum action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT && actions[a].edits;
}

enum action action_parse(const char *name)
{
	int a;

	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++)
		if (name != NULL && strcmp(name, actions[a].name) == 0)
			return (enum action)a;
	return ACTION_NONE;
}

const char *keymap_name(enum keymap_id k)
{
	return (int)k >= 0 && k < KEYMAP_COUNT ? keymap_names[k] : NULL;
}

int keymap_parse(const char *name)
{
	int k;

	for (k = 0; k < KEYMAP_COUNT; k++)
		if (name != NULL && strcmp(name, keymap_names[k]) == 0)
			return k;
	return -1;
}
