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
	enum keymap_id map;
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

/* Every keymap, for unbind_key and unbind_action. */
#define ALL_MAPS (-1)

static void unbind_key(struct keymap *m, int map, ui_key k)
{
	int i, j = 0;

	for (i = 0; i < m->n; i++)
		if (m->b[i].key != k || (map != ALL_MAPS && (int)m->b[i].map != map))
			m->b[j++] = m->b[i];
	m->n = j;
}

static void unbind_action(struct keymap *m, int map, enum action a)
{
	int i, j = 0;

	for (i = 0; i < m->n; i++)
		if (m->b[i].action != a || (map != ALL_MAPS && (int)m->b[i].map != map))
			m->b[j++] = m->b[i];
	m->n = j;
}

enum bind_error { BIND_OK, BIND_NO_MEMORY, BIND_TOO_MANY, BIND_BAD_NAME, BIND_NO_KEY, BIND_RESERVED };

/* Binds k to a in map; k leaves what it did in map (in every keymap with steal). */
static enum bind_error bind(struct keymap *m, enum keymap_id map, ui_key k, enum action a, bool steal)
{
	unbind_key(m, steal ? ALL_MAPS : (int)map, k);
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
	m->b[m->n].map = map;
	m->n++;
	return BIND_OK;
}

/* Binds each key named in list (spaces or commas between names); *bad gets a bad name. */
static enum bind_error bind_list(struct keymap *m, enum keymap_id map, const char *list, enum action a,
                                 bool steal, char *bad, size_t badsz)
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
			rc = bind(m, map, k, a, steal);
			count++;
		}
	}
	free(copy);
	if (rc == BIND_OK && count == 0)
		rc = BIND_NO_KEY;
	return rc;
}

/* The binding of k in map itself, or NULL. */
static const struct binding *find(const struct keymap *m, enum keymap_id map, ui_key k)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->b[i].key == k && m->b[i].map == map)
			return &m->b[i];
	return NULL;
}

/* True when binding b reaches its action on the screens of map. */
static bool reaches(const struct keymap *m, const struct binding *b, enum keymap_id map)
{
	return b->map == map || (b->map == KEYMAP_GENERIC && find(m, map, b->key) == NULL);
}

/* True when some key reaches a on the screens of map. */
static bool reachable(const struct keymap *m, enum keymap_id map, enum action a)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->b[i].action == a && reaches(m, &m->b[i], map))
			return true;
	return false;
}

/*
 * What no configuration may take away: a way back on every screen, and on
 * a form a way out and a way to save. Each check holds with the defaults.
 */
enum trap { TRAP_BACK, TRAP_BACK_LIST, TRAP_BACK_DETAIL, TRAP_BACK_MENU, TRAP_FORM_CANCEL,
            TRAP_FORM_SAVE, TRAP_COUNT };

static bool trap_holds(const struct keymap *m, enum trap t)
{
	switch (t) {
	case TRAP_BACK: return reachable(m, KEYMAP_GENERIC, ACTION_BACK);
	case TRAP_BACK_LIST: return reachable(m, KEYMAP_LIST, ACTION_BACK);
	case TRAP_BACK_DETAIL: return reachable(m, KEYMAP_DETAIL, ACTION_BACK);
	case TRAP_BACK_MENU: return reachable(m, KEYMAP_MENU, ACTION_BACK);
	case TRAP_FORM_CANCEL:
		return reachable(m, KEYMAP_FORM, ACTION_CANCEL) || reachable(m, KEYMAP_FORM, ACTION_BACK);
	case TRAP_FORM_SAVE: return reachable(m, KEYMAP_FORM, ACTION_SAVE);
	default: return true;
	}
}

static void trap_error(struct error *err, enum trap t, const struct key_setting *k)
{
	enum keymap_id map = t == TRAP_BACK_LIST ? KEYMAP_LIST : t == TRAP_BACK_DETAIL ? KEYMAP_DETAIL
	                     : KEYMAP_MENU;

	switch (t) {
	case TRAP_BACK:
		error_set(err, ERROR_RUNTIME,
		          _("%s:%d: [keys] %s: takes the last key of \"back\", and a clerk could not leave a screen; give \"back\" a key"),
		          k->file, k->line, k->action);
		break;
	case TRAP_BACK_LIST:
	case TRAP_BACK_DETAIL:
	case TRAP_BACK_MENU:
		error_set(err, ERROR_RUNTIME,
		          _("%s:%d: [keys] %s: takes the last key of \"back\" in the keymap \"%s\", and a clerk could not leave its screens; give \"%s.back\" a key"),
		          k->file, k->line, k->action, keymap_name(map), keymap_name(map));
		break;
	case TRAP_FORM_CANCEL:
		error_set(err, ERROR_RUNTIME,
		          _("%s:%d: [keys] %s: takes the last key of \"cancel\" and \"back\" in the keymap \"form\", and a clerk could not leave a form; give \"form.cancel\" a key"),
		          k->file, k->line, k->action);
		break;
	case TRAP_FORM_SAVE:
		error_set(err, ERROR_RUNTIME,
		          _("%s:%d: [keys] %s: takes the last key of \"save\" in the keymap \"form\", and a clerk could not save a form; give \"form.save\" a key"),
		          k->file, k->line, k->action);
		break;
	default:
		break;
	}
}

/*
 * Splits a [keys] name, "action" or "keymap.action", into *map and *act.
 * Returns 0, or -1 with err set.
 */
static int parse_setting(const struct key_setting *k, enum keymap_id *map, enum action *act,
                         struct error *err)
{
	const char *dot = strchr(k->action, '.');
	char name[64];
	int km = KEYMAP_GENERIC;

	if (dot != NULL) {
		snprintf(name, sizeof name, "%.*s", (int)(dot - k->action < 63 ? dot - k->action : 63),
		         k->action);
		km = keymap_parse(name);
		if (km < 0)
			return error_set(err, ERROR_RUNTIME,
			                 _("%s:%d: [keys] %s: no keymap \"%s\" (the keymaps are generic, list, detail, menu and form; see hoso.ini(5))"),
			                 k->file, k->line, k->action, name);
	}
	*act = action_parse(dot != NULL ? dot + 1 : k->action);
	if (*act == ACTION_NONE)
		return error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no such action (see hoso.ini(5))"),
		                 k->file, k->line, k->action);
	*map = (enum keymap_id)km;
	return 0;
}

/* Applies one [keys] line: a generic one (steal) gives its keys that meaning on every screen. */
static int apply_setting(struct keymap *m, const struct key_setting *k, enum keymap_id map,
                         enum action act, bool steal, struct error *err)
{
	char bad[64];

	unbind_action(m, steal ? ALL_MAPS : (int)map, act);
	switch (bind_list(m, map, k->keys, act, steal, bad, sizeof bad)) {
	case BIND_OK:
		return 0;
	case BIND_BAD_NAME:
		return error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: \"%s\" is not a key name (see hoso.ini(5))"),
		                 k->file, k->line, k->action, bad);
	case BIND_NO_KEY:
		return error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no key given"),
		                 k->file, k->line, k->action);
	case BIND_RESERVED:
		return error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: F10 always quits hoso; choose another key"),
		                 k->file, k->line, k->action);
	case BIND_TOO_MANY:
		return error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: too many keys (hoso takes up to %d bindings)"),
		                 k->file, k->line, k->action, MAX_BINDINGS);
	case BIND_NO_MEMORY:
	default:
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
}

int keymap_new(struct keymap **out, const struct settings *s, struct error *err)
{
	struct keymap *m = calloc(1, sizeof *m);
	const struct key_setting *blame[TRAP_COUNT] = { NULL }; /* the line that broke each trap */
	char bad[64];
	size_t i;
	int a, map, pass, t;

	*out = NULL;
	if (m == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		for (map = 0; map < KEYMAP_COUNT; map++) {
			if (!(action_keymaps((enum action)a) & (1u << map)))
				continue;
			if (bind_list(m, (enum keymap_id)map, action_default_keys((enum action)a), (enum action)a,
			              false, bad, sizeof bad) != BIND_OK) {
				keymap_free(&m);
				return error_set(err, ERROR_RUNTIME, "internal error: default keys of %s",
				                 action_name((enum action)a));
			}
		}
	}
	/* The generic lines first, then the keymaps' own, which win on their screens. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; s != NULL && i < s->nkeys; i++) {
			const struct key_setting *k = &s->keys[i];
			enum keymap_id km = KEYMAP_GENERIC;
			enum action act = ACTION_NONE;

			if (parse_setting(k, &km, &act, err) != 0) {
				keymap_free(&m);
				return -1;
			}
			if ((km != KEYMAP_GENERIC) != (pass == 1))
				continue;
			if (apply_setting(m, k, km, act, km == KEYMAP_GENERIC, err) != 0) {
				keymap_free(&m);
				return -1;
			}
			for (t = 0; t < TRAP_COUNT; t++) {
				if (trap_holds(m, (enum trap)t))
					blame[t] = NULL;
				else if (blame[t] == NULL)
					blame[t] = k;
			}
		}
	}
	/* F10 quits on every screen whatever [keys] did. */
	if (bind(m, KEYMAP_GENERIC, ALWAYS_QUIT, ACTION_QUIT, true) != BIND_OK) {
		keymap_free(&m);
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	}
	for (t = 0; t < TRAP_COUNT; t++) {
		if (blame[t] != NULL && !trap_holds(m, (enum trap)t)) {
			trap_error(err, (enum trap)t, blame[t]);
			keymap_free(&m);
			return -1;
		}
	}
	*out = m;
	return 0;
}

enum action keymap_lookup(const struct keymap *m, enum keymap_id map, ui_key k)
{
	const struct binding *b;

	if (k & UIK_PASTED)
		return ACTION_NONE; /* pasted text is never a command */
	b = find(m, map, k);
	if (b == NULL && map != KEYMAP_GENERIC)
		b = find(m, KEYMAP_GENERIC, k);
	return b != NULL ? b->action : ACTION_NONE;
}

bool keymap_binds(const struct keymap *m, enum keymap_id map, enum action a)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->b[i].action == a && m->b[i].map == map)
			return true;
	return false;
}

void keymap_describe(const struct keymap *m, enum keymap_id map, enum action a, char *buf, size_t n)
{
	size_t used = 0;
	int i, pass;

	if (n == 0)
		return;
	buf[0] = '\0';
	/* The keymap's own keys first, then the generic ones it leaves alone. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < m->n; i++) {
			const struct binding *b = &m->b[i];
			char name[32];
			int w;

			if (b->action != a || (pass == 0) != (b->map == map) || !reaches(m, b, map))
				continue;
			ui_key_name(b->key, name, sizeof name);
			w = snprintf(buf + used, n - used, "%s%s", used > 0 ? ", " : "", name);
			if (w < 0 || (size_t)w >= n - used)
				return;
			used += (size_t)w;
		}
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
