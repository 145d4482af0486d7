#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "detailtext.h"
#include "i18n.h"
#include "keymap.h"
#include "screens.h"
#include "store.h"

/*
 * The help: the actions of the screen it was asked on, derived from the
 * keymaps: those of the screen's keymap, then the generic ones, each with
 * the keys that reach it there as bound now; and a few hints.
 */

/* True when a belongs to keymap map: by its defaults, or a [keys] line of that keymap. */
static bool belongs(struct app *a, enum keymap_id map, enum action act)
{
	return (action_keymaps(act) & (1u << map)) != 0 ||
	       (map != KEYMAP_GENERIC && keymap_binds(a->keys, map, act));
}

static void add_action(struct app *a, struct screen *of, enum action act, bool read_only,
                       struct dlines *lines)
{
	char keys[128];
	const char *help = action_help(act);

	keymap_describe(a->keys, of->ops->keymap, act, keys, sizeof keys);
	if (keys[0] == '\0')
		snprintf(keys, sizeof keys, "%s", _("(no key)"));
	if (action_edits(act) && read_only)
		dlines_addf(lines, DL_FIELD, keys, "%s — %s", help, _("not possible: read-only"));
	else
		dlines_add(lines, DL_FIELD, keys, help);
}

struct screen *help_screen_new(struct app *a, struct screen *of)
{
	struct dlines lines = { 0 };
	char title[300];
	bool listed[ACTION_COUNT] = { false };
	bool read_only = store_read_only(a->store) != STORE_RO_NO;
	const char *name = of->ops->name != NULL ? _(of->ops->name) : of->ops->title(of);
	enum keymap_id maps[2] = { of->ops->keymap, KEYMAP_GENERIC };
	int i, act;

	snprintf(title, sizeof title, _("Help: %s"), name);
	dlines_addf(&lines, DL_TITLE, NULL, _("Keys on this screen (%s)"), name);
	dlines_add(&lines, DL_BLANK, NULL, "");
	for (i = 0; i < 2; i++) {
		if (i == 1 && maps[0] == KEYMAP_GENERIC)
			break;
		if (i == 1 && lines.n > 2) {
			dlines_add(&lines, DL_BLANK, NULL, "");
			dlines_add(&lines, DL_SECTION, NULL, _("On every screen"));
		}
		for (act = ACTION_NONE + 1; act < ACTION_COUNT; act++) {
			if (listed[act] || !belongs(a, maps[i], (enum action)act) ||
			    (of->ops->lacks != NULL && of->ops->lacks(of, (enum action)act)))
				continue;
			listed[act] = true;
			add_action(a, of, (enum action)act, read_only, &lines);
		}
	}
	dlines_section(&lines, _("Hints"), 3);
	dlines_add(&lines, DL_ENTRY, NULL,
	           _("Search without diacritics or case: \"thach cao\" finds \"Thạch cao\", \"dinh vu\" finds \"Đình Vũ\"."));
	dlines_add(&lines, DL_ENTRY, NULL,
	           _("Filters combine with each other and with the search; the status line shows what is active."));
	dlines_add(&lines, DL_ENTRY, NULL,
	           _("Keys can be changed in the [keys] section of hoso.ini (see man 5 hoso.ini)."));
	if (lines.failed) {
		dlines_free(&lines);
		return NULL;
	}
	return lines_screen_new(a, title, &lines);
}
