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
	const char *asked = asked_locale("LC_CTYPE");
	const char *set = setlocale(LC_ALL, "");
	enum locale_state st = LOCALE_UTF8;
	char asked_copy[128];

	snprintf(asked_copy, sizeof asked_copy, "%s", asked);
	if (asked_out != NULL && askedsz > 0)
		snprintf(asked_out, askedsz, "%s", asked);
	if (note != NULL && notesz > 0)
		note[0] = '\0';
	if (set != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return LOCALE_UTF8;
	st = names_utf8(asked_copy) ? LOCALE_FALLBACK : LOCALE_NOT_UTF8;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		st = LOCALE_NOT_UTF8;
	if (note != NULL && notesz > 0) {
		if (st == LOCALE_FALLBACK)
			snprintf(note, notesz, "locale %s is not installed; using C.UTF-8", asked_copy);
		else
			snprintf(note, notesz, "locale %s is not UTF-8", asked_copy);
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
