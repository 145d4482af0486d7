#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "keymap.h"
#include "settings.h"
#include "text.h"

/* More than this is no keyboard's: a [keys] section that long is refused. */
#define MAX_BINDINGS 4096

struct binding {
	ui_key key;
	enum action action;
};

struct keymap {
	struct binding *b;
	int n, cap;
};

struct named_key {
	const char *name;
	ui_key key;
};

/* The first name of a key is the one shown in help. */
static const struct named_key named[] = {
	{ "Up", UIK_UP },
	{ "Down", UIK_DOWN },
	{ "Left", UIK_LEFT },
	{ "Right", UIK_RIGHT },
	{ "PgUp", UIK_PGUP },
	{ "PageUp", UIK_PGUP },
	{ "PgDn", UIK_PGDN },
	{ "PageDown", UIK_PGDN },
	{ "Home", UIK_HOME },
	{ "End", UIK_END },
	{ "Insert", UIK_INSERT },
	{ "Ins", UIK_INSERT },
	{ "Delete", UIK_DELETE },
	{ "Del", UIK_DELETE },
	{ "Begin", UIK_BEGIN },
	{ "Enter", UIK_ENTER },
	{ "Return", UIK_ENTER },
	{ "Esc", UIK_ESC },
	{ "Escape", UIK_ESC },
	{ "Tab", UIK_TAB },
	{ "S-Tab", UIK_BTAB },
	{ "BackTab", UIK_BTAB },
	{ "Backspace", UIK_BACKSPACE },
	{ "BS", UIK_BACKSPACE },
	{ "Space", ' ' },
};

/* The modifier prefixes of key names, in the order names show them. */
static const struct {
	const char *prefix;
	ui_key bit;
	bool shown;
} prefixes[] = {
	{ "C-", UIK_CTRL, true }, { "M-", UIK_ALT, true }, { "A-", UIK_ALT, false },
	{ "S-", UIK_SHIFT, true },
};

/* A name without modifiers: a character, a named key, F1..F20, ^X. */
static int parse_base(const char *name, ui_key *out)
{
	size_t i, len = strlen(name);
	uint32_t cp;

	if (len == 0)
		return -1;
	/* One character stands for itself, case and all. */
	if (utf8_decode(name, len, &cp) == len && cp != 0xfffd && cp >= 0x20 && cp != 0x7f &&
	    !(cp >= 0x80 && cp < 0xa0)) {
		*out = (ui_key)cp;
		return 0;
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (strcasecmp(name, named[i].name) == 0) {
			*out = named[i].key;
			return 0;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1])) {
		char *end;
		long n = strtol(name + 1, &end, 10);

		if (*end == '\0' && n >= 1 && n <= 20 && name[1] != '0') {
			*out = UIK_F(n);
			return 0;
		}
		return -1;
	}
	if (len == 2 && name[0] == '^') {
		int c = toupper((unsigned char)name[1]);

		if (c >= '@' && c <= '_') {
			*out = c & 0x1f;
			return 0;
		}
	}
	return -1;
}

int ui_key_parse(const char *name, ui_key *out)
{
	ui_key mods = 0, k;
	size_t i;

	if (name == NULL || *name == '\0')
		return -1;
	if (strcasecmp(name, "S-Tab") == 0) {
		*out = UIK_BTAB;
		return 0;
	}
	for (;;) {
		bool found = false;

		if (strncasecmp(name, "Ctrl-", 5) == 0 && name[5] != '\0') {
			mods |= UIK_CTRL;
			name += 5;
			continue;
		}
		for (i = 0; i < sizeof prefixes / sizeof prefixes[0] && !found; i++) {
			size_t pl = strlen(prefixes[i].prefix);

			if (strncasecmp(name, prefixes[i].prefix, pl) == 0 && name[pl] != '\0') {
				mods |= prefixes[i].bit;
				name += pl;
				found = true;
			}
		}
		if (!found)
			break;
	}
	if (parse_base(name, &k) != 0)
		return -1;
	if ((mods & UIK_CTRL) && k < KEY_FN) {
		/* C-s is the control character; C-Up is Ctrl and the arrow. */
		int c = k < 0x80 ? toupper(k) : 0;

		if (c < '@' || c > '_')
			return -1; /* Ctrl with a character no terminal sends ("C-é") */
		k = c & 0x1f;
		mods &= ~UIK_CTRL;
	}
	*out = k | mods;
	return 0;
}

void ui_key_name(ui_key k, char *buf, size_t n)
{
	ui_key base = ui_key_base(k);
	char name[32];
	size_t i, used = 0;

	if (n == 0)
		return;
	buf[0] = '\0';
	name[0] = '\0';
	if ((k & ~UIK_PASTED) == UIK_BTAB) {
		snprintf(buf, n, "S-Tab");
		return;
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (named[i].key == base) {
			snprintf(name, sizeof name, "%s", named[i].name);
			break;
		}
	}
	if (name[0] != '\0') {
		/* a named key */
	} else if (base >= UIK_F(1) && base <= UIK_F(20)) {
		snprintf(name, sizeof name, "F%d", base - UIK_F0);
	} else if (base >= 1 && base < 32) {
		snprintf(name, sizeof name, "C-%c", (char)tolower(base + '@'));
	} else if (base >= 32 && base < KEY_FN && !(base >= 0x7f && base < 0xa0)) {
		char u[5] = { 0 };

		utf8_encode((uint32_t)base, u);
		snprintf(name, sizeof name, "%s", u);
	} else {
		return; /* no name: the caller says "this key" */
	}
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if ((k & prefixes[i].bit) && prefixes[i].shown) {
			int w = snprintf(buf + used, n - used, "%s", prefixes[i].prefix);

			if (w < 0 || (size_t)w >= n - used)
				return;
			used += (size_t)w;
		}
	}
	snprintf(buf + used, n - used, "%s", name);
}

/* The key that always quits, whatever [keys] says. */
#define ALWAYS_QUIT UIK_F(10)

static void unbind_key(struct keymap *m, ui_key k)
{
	int i, j = 0;

	for (i = 0; i < m->n; i++)
		if (m->b[i].key != k)
			m->b[j++] = m->b[i];
	m->n = j;
}

static void unbind_action(struct keymap *m, enum action a)
{
	int i, j = 0;

	for (i = 0; i < m->n; i++)
		if (m->b[i].action != a)
			m->b[j++] = m->b[i];
	m->n = j;
}

enum bind_error { BIND_OK, BIND_NO_MEMORY, BIND_TOO_MANY, BIND_BAD_NAME, BIND_NO_KEY, BIND_RESERVED };

static enum bind_error bind(struct keymap *m, ui_key k, enum action a)
{
	unbind_key(m, k);
	if (m->n >= MAX_BINDINGS)
		return BIND_TOO_MANY;
	if (m->n == m->cap) {
		int cap = m->cap > 0 ? m->cap * 2 : 64;
		struct binding *b = realloc(m->b, (size_t)cap * sizeof *b);

		if (b == NULL)
			return BIND_NO_MEMORY;
		m->b = b;
		m->cap = cap;
	}
	m->b[m->n].key = k;
	m->b[m->n].action = a;
	m->n++;
	return BIND_OK;
}

/* Binds each key named in list (spaces or commas between names); *bad gets a bad name. */
static enum bind_error bind_list(struct keymap *m, const char *list, enum action a,
                                 char *bad, size_t badsz)
{
	char *copy = strdup(list), *tok, *save = NULL;
	enum bind_error rc = BIND_OK;
	int count = 0;

	if (copy == NULL)
		return BIND_NO_MEMORY;
	for (tok = strtok_r(copy, " \t,", &save); tok != NULL && rc == BIND_OK;
	     tok = strtok_r(NULL, " \t,", &save)) {
		ui_key k;

		if (ui_key_parse(tok, &k) != 0) {
			snprintf(bad, badsz, "%s", tok);
			rc = BIND_BAD_NAME;
		} else if (k == ALWAYS_QUIT && a != ACTION_QUIT) {
			rc = BIND_RESERVED;
		} else {
			rc = bind(m, k, a);
			count++;
		}
	}
	free(copy);
	if (rc == BIND_OK && count == 0)
		rc = BIND_NO_KEY;
	return rc;
}

static bool has_key(const struct keymap *m, enum action a)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->b[i].action == a)
			return true;
	return false;
}

int keymap_new(struct keymap **out, const struct settings *s, struct error *err)
{
	struct keymap *m = calloc(1, sizeof *m);
	const struct key_setting *trap = NULL; /* the line that took back's last key */
	char bad[64];
	size_t i;
	int a;

	*out = NULL;
	if (m == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		if (bind_list(m, action_default_keys((enum action)a), (enum action)a, bad,
		              sizeof bad) != BIND_OK) {
			keymap_free(&m);
			return error_set(err, ERROR_RUNTIME, "internal error: default keys of %s",
			                 action_name((enum action)a));
		}
	}
	for (i = 0; s != NULL && i < s->nkeys; i++) {
		const struct key_setting *k = &s->keys[i];
		enum action act = action_parse(k->action);

		if (act == ACTION_NONE) {
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no such action (see hoso.ini(5))"),
			          k->file, k->line, k->action);
			keymap_free(&m);
			return -1;
		}
		unbind_action(m, act);
		switch (bind_list(m, k->keys, act, bad, sizeof bad)) {
		case BIND_OK:
			if (trap == NULL && !has_key(m, ACTION_BACK))
				trap = k;
			continue;
		case BIND_BAD_NAME:
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: \"%s\" is not a key name (see hoso.ini(5))"),
			          k->file, k->line, k->action, bad);
			break;
		case BIND_NO_KEY:
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no key given"),
			          k->file, k->line, k->action);
			break;
		case BIND_RESERVED:
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: F10 always quits hoso; choose another key"),
			          k->file, k->line, k->action);
			break;
		case BIND_TOO_MANY:
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: too many keys (hoso takes up to %d bindings)"),
			          k->file, k->line, k->action, MAX_BINDINGS);
			break;
		case BIND_NO_MEMORY:
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			break;
		}
		keymap_free(&m);
		return -1;
	}
	/* F10 quits whatever [keys] did; quit and back always keep a key. */
	if (bind(m, ALWAYS_QUIT, ACTION_QUIT) != BIND_OK) {
		keymap_free(&m);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	if (trap != NULL && !has_key(m, ACTION_BACK)) {
		error_set(err, ERROR_RUNTIME,
		          _("%s:%d: [keys] %s: takes the last key of \"back\", and a clerk could not leave a screen; give \"back\" a key"),
		          trap->file, trap->line, trap->action);
		keymap_free(&m);
		return -1;
	}
	*out = m;
	return 0;
}

enum action keymap_lookup(const struct keymap *m, ui_key k)
{
	int i;

	if (k & UIK_PASTED)
		return ACTION_NONE; /* pasted text is never a command */
	for (i = 0; i < m->n; i++)
		if (m->b[i].key == k)
			return m->b[i].action;
	return ACTION_NONE;
}

void keymap_describe(const struct keymap *m, enum action a, char *buf, size_t n)
{
	size_t used = 0;
	int i;

	if (n == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < m->n; i++) {
		char name[32];
		int w;

		if (m->b[i].action != a)
			continue;
		ui_key_name(m->b[i].key, name, sizeof name);
		w = snprintf(buf + used, n - used, "%s%s", used > 0 ? ", " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
}

void keymap_free(struct keymap **m)
{
	if (m == NULL || *m == NULL)
		return;
	free((*m)->b);
	free(*m);
	*m = NULL;
}
