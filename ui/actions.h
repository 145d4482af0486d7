#ifndef HOSO_ACTIONS_H
#define HOSO_ACTIONS_H

/*
 * Every action of the full-screen application, listed once: its name in
 * [keys], its help text and its default keys. The keymap binds keys to
 * them; screens handle the actions they know, the application the rest.
 * X(ID, name, help, default keys, edits)  — edits: changes the database.
 */

#include <stdbool.h>

#define ACTIONS(X) \
	X(UP,        "up",        N_("Move up"),                                 "Up k",       false) \
	X(DOWN,      "down",      N_("Move down"),                               "Down j",     false) \
	X(PAGE_UP,   "page_up",   N_("Previous page"),                           "PgUp",       false) \
	X(PAGE_DOWN, "page_down", N_("Next page"),                               "PgDn Space", false) \
	X(HOME,      "home",      N_("First line"),                              "Home g",     false) \
	X(END,       "end",       N_("Last line"),                               "End G",      false) \
	X(EXPAND,    "expand",    N_("Show the sub-items"),                      "Right +",    false) \
	X(COLLAPSE,  "collapse",  N_("Hide the sub-items; go to the parent"),    "Left -",     false) \
	X(OPEN,      "open",      N_("Open the detail"),                         "Enter",      false) \
	X(SEARCH,    "search",    N_("Search as you type (no diacritics needed)"), "/",        false) \
	X(FILTER,    "filter",    N_("Filter by status, kind, year, unit, locality"), "f",     false) \
	X(SORT,      "sort",      N_("Choose the sort column and direction"),    "s",          false) \
	X(CLEAR,     "clear",     N_("Clear the search and the filters"),        "c",          false) \
	X(DOCUMENTS, "documents", N_("The register of legal documents"),         "v",          false) \
	X(HELP,      "help",      N_("Help: the keys of this screen"),           "? F1",       false) \
	X(BACK,      "back",      N_("Back; on the main list, quit"),            "q Esc C-c",  false) \
	X(QUIT,      "quit",      N_("Quit hoso"),                               "F10",        false) \
	X(REDRAW,    "redraw",    N_("Read the data again and redraw the screen"), "C-l",      false) \
	X(SUSPEND,   "suspend",   N_("Suspend hoso (the shell's fg brings it back)"), "C-z",   false) \
	X(ADD,       "add",       N_("Add an item"),                             "a Insert",   true) \
	X(EDIT,      "edit",      N_("Edit in a form"),                          "e",          true) \
	X(ARCHIVE,   "archive",   N_("Archive, after a confirmation"),           "d Delete",   true) \
	X(UNDO,      "undo",      N_("Undo your last change"),                   "u",          true) \
	X(DASHBOARD, "dashboard", N_("The status screen"),                       "D",          false) \
	X(PRINT,     "print",     N_("Print this screen"),                       "p",          false)

enum action {
	ACTION_NONE = 0,
#define X(id, name, help, keys, edits) ACTION_##id,
	ACTIONS(X)
#undef X
	ACTION_COUNT
};

/* The [keys] name of a, or NULL. */
const char *action_name(enum action a);

/* The translated help text of a, or NULL. */
const char *action_help(enum action a);

/* The default keys of a, as key names separated by spaces. */
const char *action_default_keys(enum action a);

/* True when a changes the database (refused when read-only). */
bool action_edits(enum action a);

/* The action named name, or ACTION_NONE. */
enum action action_parse(const char *name);

#endif
