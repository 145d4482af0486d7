#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "canvas.h"
#include "context.h"
#include "editing.h"
#include "i18n.h"
#include "keymap.h"
#include "programme.h"
#include "screens.h"
#include "store.h"
#include "terminal.h"
#include "ui.h"

/* The message of e on standard error, as every message (see cli_fail); the exit status. */
static int fail(const struct error *e)
{
	return cli_fail(e);
}

int ui_run(struct context *c)
{
	struct app a;
	struct error err = { 0 };
	enum locale_state loc = (enum locale_state)c->locale_state;
	int status;

	memset(&a, 0, sizeof a);
	a.ctx = c;
	if (loc == LOCALE_NOT_UTF8) {
		error_set(&err, ERROR_RUNTIME,
		          _("the locale (%s) is not UTF-8, so Vietnamese text cannot be shown. Set a UTF-8 locale, for example: export LANG=C.UTF-8 (or vi_VN.UTF-8 after locale-gen), and set the terminal to UTF-8 (PuTTY: Window > Translation > UTF-8)"),
		          c->locale_asked);
		return fail(&err);
	}
	if (keymap_new(&a.keys, &c->settings, &err) != 0)
		return fail(&err);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		error_set(&err, ERROR_RUNTIME,
		          _("the full-screen application needs a terminal; in a script use 'hoso list' or 'hoso show'"));
		keymap_free(&a.keys);
		return fail(&err);
	}
	if (context_open_store(c, 0, NULL, &err) != 0) {
		keymap_free(&a.keys);
		return fail(&err);
	}
	a.store = c->store;
	if (store_created(c->store))
		snprintf(a.notice, sizeof a.notice, _("Created %s with the programme's seed data"), c->db_path);
	else if (loc == LOCALE_FALLBACK)
		snprintf(a.notice, sizeof a.notice,
		         _("The locale %s is not installed here; hoso uses C.UTF-8 (install it with locale-gen)"),
		         c->locale_asked);
	if (programme_title(a.store, &a.programme, &err) != 0) {
		keymap_free(&a.keys);
		return fail(&err);
	}
	if (term_start(&a.term, &c->settings, &err) != 0) {
		free(a.programme);
		keymap_free(&a.keys);
		return fail(&err);
	}
	a.canvas = curses_canvas_new(term_colour(a.term), c->settings.theme);
	if (a.canvas == NULL || app_push(&a, items_screen_new(&a)) != 0) {
		term_stop(&a.term);
		error_set(&err, ERROR_RUNTIME, "%s", a.message[0] != '\0' ? a.message : _("out of memory"));
		curses_canvas_free(&a.canvas);
		free(a.programme);
		keymap_free(&a.keys);
		return fail(&err);
	}
	drafts_offer(&a);
	status = app_run(&a);
	store_close(&a.reader);
	term_stop(&a.term);
	curses_canvas_free(&a.canvas);
	free(a.programme);
	keymap_free(&a.keys);
	return status;
}
