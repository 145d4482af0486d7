#ifndef HOSO_I18N_H
#define HOSO_I18N_H

/*
 * Translation of user-visible strings (gettext; the source strings are
 * English, po/vi.po holds Vietnamese) and the locale the program runs in.
 */

#include <libintl.h>
#include <stddef.h>

#include "settings.h"

#define _(s) gettext(s)
#define N_(s) (s)

enum locale_state {
	LOCALE_UTF8,     /* the environment's locale, UTF-8 */
	LOCALE_FALLBACK, /* a UTF-8 locale was asked for but is not installed: C.UTF-8 */
	LOCALE_NOT_UTF8, /* the environment asks for a locale that is not UTF-8 */
};

/*
 * Sets the locale from the environment; when it is not UTF-8, switches to
 * C.UTF-8 so that text can still be handled. Writes a short English note
 * about a fallback into note (notesz bytes; "" when all is well), and the
 * locale the environment asked for into asked (askedsz bytes).
 */
enum locale_state i18n_locale_init(char *note, size_t notesz, char *asked, size_t askedsz);

/* Binds the message catalogue ($HOSO_LOCALEDIR, else the installed one). */
void i18n_init(void);

/*
 * Chooses the language of messages: [ui] language; LANGUAGE_AUTO keeps the
 * locale's ($LANGUAGE, else a vi_* locale means Vietnamese even when it is
 * not installed and C.UTF-8 stands in for it).
 */
void i18n_set_language(enum ui_language lang);

#endif
