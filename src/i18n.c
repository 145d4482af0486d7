#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

/* The locale the environment asks for in category (LC_CTYPE, LC_MESSAGES), as setlocale reads it. */
static const char *asked_locale(const char *category)
{
	const char *v;

	if ((v = getenv("LC_ALL")) != NULL && *v != '\0')
		return v;
	if ((v = getenv(category)) != NULL && *v != '\0')
		return v;
	if ((v = getenv("LANG")) != NULL && *v != '\0')
		return v;
	return "C";
}

static bool names_utf8(const char *name)
{
	return strcasestr(name, "utf-8") != NULL || strcasestr(name, "utf8") != NULL;
}

enum locale_state i18n_locale_init(char *note, size_t notesz, char *asked_out, size_t askedsz)
{
	static const struct {
		int category;
		const char *name;
	} categories[] = {
		{ LC_CTYPE, "LC_CTYPE" },     { LC_MESSAGES, "LC_MESSAGES" }, { LC_COLLATE, "LC_COLLATE" },
		{ LC_TIME, "LC_TIME" },       { LC_NUMERIC, "LC_NUMERIC" },   { LC_MONETARY, "LC_MONETARY" },
	};
	char missing[128] = "", ctype_asked[128];
	bool ctype_missing = false;
	enum locale_state st;
	size_t i;

	snprintf(ctype_asked, sizeof ctype_asked, "%s", asked_locale("LC_CTYPE"));
	if (note != NULL && notesz > 0)
		note[0] = '\0';
	/* Category by category, so that the one not installed is the one named. */
	for (i = 0; i < sizeof categories / sizeof categories[0]; i++) {
		if (setlocale(categories[i].category, "") != NULL)
			continue;
		if (missing[0] == '\0')
			snprintf(missing, sizeof missing, "%s", asked_locale(categories[i].name));
		if (categories[i].category == LC_CTYPE)
			ctype_missing = true;
		else
			setlocale(categories[i].category, "C.UTF-8");
	}
	if (!ctype_missing && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
		st = missing[0] == '\0' ? LOCALE_UTF8 : LOCALE_FALLBACK;
	} else {
		/* The characters are not UTF-8: C.UTF-8 stands in only for a UTF-8 locale asked for. */
		snprintf(missing, sizeof missing, "%s", ctype_asked);
		st = names_utf8(ctype_asked) ? LOCALE_FALLBACK : LOCALE_NOT_UTF8;
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
			st = LOCALE_NOT_UTF8;
		if (st == LOCALE_NOT_UTF8)
			setlocale(LC_CTYPE, "");
	}
	if (asked_out != NULL && askedsz > 0)
		snprintf(asked_out, askedsz, "%s", st == LOCALE_UTF8 ? ctype_asked : missing);
	if (note != NULL && notesz > 0 && st != LOCALE_UTF8) {
		if (st == LOCALE_FALLBACK)
			snprintf(note, notesz, "locale %s is not installed; using C.UTF-8", missing);
		else
			snprintf(note, notesz, "locale %s is not UTF-8", missing);
	}
	return st;
}

void i18n_init(void)
{
	const char *dir = getenv("HOSO_LOCALEDIR");

	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

void i18n_set_language(enum ui_language lang)
{
	const char *given = getenv("LANGUAGE");

	if (lang == LANGUAGE_VI)
		setenv("LANGUAGE", "vi", 1);
	else if (lang == LANGUAGE_EN)
		setenv("LANGUAGE", "en", 1);
	else if ((given == NULL || *given == '\0') && strncmp(asked_locale("LC_MESSAGES"), "vi", 2) == 0)
		/* vi_VN.UTF-8 asked for but not installed (common on a server reached
		 * over SSH): the C.UTF-8 fallback would otherwise speak English. */
		setenv("LANGUAGE", "vi", 1);
	/* Tell gettext the language may have changed. */
	setlocale(LC_MESSAGES, setlocale(LC_MESSAGES, NULL));
}
