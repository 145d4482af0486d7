#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "i18n.h"
#include "keymap.h"
#include "settings.h"
#include "text.h"

#define MAX_BINDINGS 256

struct binding {
	ui_key key;
	enum action action;
};

struct keymap {
	struct binding b[MAX_BINDINGS];
	int n;
};

struct named_key {
	const char *name;
	ui_key key;
};

/* The first name of a key is the one shown in help. */
static const struct named_key named[] = {
	{ "Up", KEY_FN + KEY_UP },
	{ "Down", KEY_FN + KEY_DOWN },
	{ "Left", KEY_FN + KEY_LEFT },
	{ "Right", KEY_FN + KEY_RIGHT },
	{ "PgUp", KEY_FN + KEY_PPAGE },
	{ "PageUp", KEY_FN + KEY_PPAGE },
	{ "PgDn", KEY_FN + KEY_NPAGE },
	{ "PageDown", KEY_FN + KEY_NPAGE },
	{ "Home", KEY_FN + KEY_HOME },
	{ "End", KEY_FN + KEY_END },
	{ "Insert", KEY_FN + KEY_IC },
	{ "Ins", KEY_FN + KEY_IC },
	{ "Delete", KEY_FN + KEY_DC },
	{ "Del", KEY_FN + KEY_DC },
	{ "Enter", UIK_ENTER },
	{ "Return", UIK_ENTER },
	{ "Esc", UIK_ESC },
	{ "Escape", UIK_ESC },
	{ "Tab", UIK_TAB },
	{ "S-Tab", KEY_FN + KEY_BTAB },
	{ "BackTab", KEY_FN + KEY_BTAB },
	{ "Backspace", UIK_BACKSPACE },
	{ "BS", UIK_BACKSPACE },
	{ "Space", ' ' },
};

ui_key key_from_curses(int is_fn, int ch)
{
	if (!is_fn) {
		if (ch == '\n' || ch == '\r')
			return UIK_ENTER;
		if (ch == 8 || ch == 127)
			return UIK_BACKSPACE;
		return ch;
	}
	switch (ch) {
	case KEY_ENTER:
		return UIK_ENTER;
	case KEY_BACKSPACE:
		return UIK_BACKSPACE;
	case KEY_FIND:
	case KEY_A1:
		return KEY_FN + KEY_HOME;
	case KEY_SELECT:
	case KEY_C1:
		return KEY_FN + KEY_END;
	case KEY_A3:
		return KEY_FN + KEY_PPAGE;
	case KEY_C3:
		return KEY_FN + KEY_NPAGE;
	default:
		return KEY_FN + ch;
	}
}

int ui_key_parse(const char *name, ui_key *out)
{
	size_t i, len;
	uint32_t cp;

	if (name == NULL || *name == '\0')
		return -1;
	len = strlen(name);
	/* One character stands for itself, case and all. */
	if (utf8_decode(name, len, &cp) == len && cp != 0xfffd && cp >= 0x20 && cp != 0x7f) {
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

		if (*end == '\0' && n >= 1 && n <= 12) {
			*out = KEY_FN + KEY_F(n);
			return 0;
		}
		return -1;
	}
	{
		const char *rest = NULL;

		if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')
			rest = name + 2;
		else if (len == 2 && name[0] == '^')
			rest = name + 1;
		else if (len == 6 && strncasecmp(name, "Ctrl-", 5) == 0)
			rest = name + 5;
		if (rest != NULL) {
			int c = toupper((unsigned char)*rest);

			if (c >= '@' && c <= '_') {
				*out = c & 0x1f;
				return 0;
			}
		}
	}
	return -1;
}

void ui_key_name(ui_key k, char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (named[i].key == k) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	}
	if (k >= KEY_FN + KEY_F(1) && k <= KEY_FN + KEY_F(12)) {
		snprintf(buf, n, "F%d", k - KEY_FN - KEY_F0);
		return;
	}
	if (k >= 1 && k < 32) {
		snprintf(buf, n, "C-%c", (char)tolower(k + '@'));
		return;
	}
	if (k >= 32 && k < KEY_FN) {
		char u[5] = { 0 };

		utf8_encode((uint32_t)k, u);
		snprintf(buf, n, "%s", u);
		return;
	}
	snprintf(buf, n, "key %d", k);
}

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

static int bind(struct keymap *m, ui_key k, enum action a)
{
	unbind_key(m, k);
	if (m->n >= MAX_BINDINGS)
		return -1;
	m->b[m->n].key = k;
	m->b[m->n].action = a;
	m->n++;
	return 0;
}

/* Binds each key named in list (spaces or commas between names). */
static int bind_list(struct keymap *m, const char *list, enum action a, const char **bad,
                     char *badbuf, size_t badsz)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int rc = 0, count = 0;

	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, " \t", &save); tok != NULL; tok = strtok_r(NULL, " \t", &save)) {
		size_t len = strlen(tok);
		ui_key k;

		if (len > 1 && tok[len - 1] == ',')
			tok[len - 1] = '\0';
		if (ui_key_parse(tok, &k) != 0) {
			snprintf(badbuf, badsz, "%s", tok);
			*bad = badbuf;
			rc = -1;
			break;
		}
		if (bind(m, k, a) != 0) {
			rc = -1;
			break;
		}
		count++;
	}
	free(copy);
	if (rc == 0 && count == 0) {
		*bad = "";
		rc = -1;
	}
	return rc;
}

int keymap_new(struct keymap **out, const struct settings *s, struct error *err)
{
	struct keymap *m = calloc(1, sizeof *m);
	const char *bad = NULL;
	char badbuf[64];
	size_t i;
	int a;

	*out = NULL;
	if (m == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		if (bind_list(m, action_default_keys((enum action)a), (enum action)a, &bad, badbuf,
		              sizeof badbuf) != 0) {
			free(m);
			return error_set(err, ERROR_RUNTIME, "internal error: default key '%s'", bad);
		}
	}
	for (i = 0; s != NULL && i < s->nkeys; i++) {
		const struct key_setting *k = &s->keys[i];
		enum action act = action_parse(k->action);

		if (act == ACTION_NONE) {
			error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no such action (see hoso.ini(5))"),
			          k->file, k->line, k->action);
			free(m);
			return -1;
		}
		unbind_action(m, act);
		if (bind_list(m, k->keys, act, &bad, badbuf, sizeof badbuf) != 0) {
			if (bad != NULL && *bad != '\0')
				error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: \"%s\" is not a key name (see hoso.ini(5))"),
				          k->file, k->line, k->action, bad);
			else
				error_set(err, ERROR_RUNTIME, _("%s:%d: [keys] %s: no key given"),
				          k->file, k->line, k->action);
			free(m);
			return -1;
		}
	}
	*out = m;
	return 0;
}

enum action keymap_lookup(const struct keymap *m, ui_key k)
{
	int i;

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
	free(*m);
	*m = NULL;
}
