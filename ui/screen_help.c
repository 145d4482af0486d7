#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "detailtext.h"
#include "i18n.h"
#include "keymap.h"
#include "screens.h"
#include "store.h"

/* The help: the keys of the screen it was asked on, as bound now, and a few hints. */

struct screen *help_screen_new(struct app *a, struct screen *of)
{
	struct dlines lines = { 0 };
	char title[300];
	const enum action *act;

	bool read_only = store_read_only(a->store) != STORE_RO_NO;

	const char *name = of->ops->name != NULL ? _(of->ops->name) : of->ops->title(of);

	snprintf(title, sizeof title, _("Help: %s"), name);
	dlines_addf(&lines, DL_TITLE, NULL, _("Keys on this screen (%s)"), name);
	dlines_add(&lines, DL_BLANK, NULL, "");
	for (act = of->ops->help; *act != ACTION_NONE; act++) {
		char keys[128];
		const char *help = action_help(*act);

		keymap_describe(a->keys, *act, keys, sizeof keys);
		if (keys[0] == '\0')
			snprintf(keys, sizeof keys, "%s", _("(no key)"));
		if (action_edits(*act) && read_only)
			dlines_addf(&lines, DL_FIELD, keys, "%s — %s", help, _("not possible: read-only"));
		else if (action_edits(*act) || *act == ACTION_DASHBOARD || *act == ACTION_PRINT)
			dlines_addf(&lines, DL_FIELD, keys, "%s — %s", help, _("not available in this version yet"));
		else
			dlines_add(&lines, DL_FIELD, keys, help);
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
