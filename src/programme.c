#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "programme.h"
#include "store.h"

int programme_title(struct store *s, char **title, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*title = NULL;
	if (store_prepare(s, "SELECT title FROM programme ORDER BY id LIMIT 1", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		*title = strdup(t != NULL ? t : ""); /* NULL only if set outside hoso */
		if (*title == NULL) {
			sqlite3_finalize(st);
			return error_set(err, ERROR_RUNTIME, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, err, _("reading the programme"));
}
