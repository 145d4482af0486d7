#ifndef HOSO_ACTIONS_H
#define HOSO_ACTIONS_H

/*
 * Every action of the full-screen application, listed once: its name in
 * [keys], its help text, its default keys and the keymaps they are bound
 * in. A screen looks a key up in its own keymap first, then in the generic
 * one (see keymap.h); screens handle the actions they know, the
 * application the rest.
 * X(ID, name, help, default keys, keymaps, edits)  — edits: changes the database.
 */

#include <stdbool.h>

/* The keymaps: the generic one, and one per kind of screen. */
#define KEYMAPS(X) \
	X(GENERIC, "generic") \
	X(LIST,    "list")    \
	X(DETAIL,  "detail")  \
	X(MENU,    "menu")    \
	X(FORM,    "form")

enum keymap_id {
#define X(id, name) KEYMAP_##id,
	KEYMAPS(X)
#undef X
	KEYMAP_COUNT
};

/* The bit of keymap id in the keymaps column. */
#define KM(id) (1u << KEYMAP_##id)

#define ACTIONS(X) \
	X(UP,         "up",         N_("Move up"),                                 "Up k",       KM(GENERIC), false) \
	X(DOWN,       "down",       N_("Move down"),                               "Down j",     KM(GENERIC), false) \
	X(PAGE_UP,    "page_up",    N_("Previous page"),                           "PgUp",       KM(GENERIC), false) \
	X(PAGE_DOWN,  "page_down",  N_("Next page"),                               "PgDn Space", KM(GENERIC), false) \
	X(HOME,       "home",       N_("First line"),                              "Home g",     KM(GENERIC), false) \
	X(END,        "end",        N_("Last line"),                               "End G",      KM(GENERIC), false) \
	X(EXPAND,     "expand",     N_("Show the sub-items"),                      "Right +",    KM(LIST), false) \
	X(COLLAPSE,   "collapse",   N_("Hide the sub-items; go to the parent"),    "Left -",     KM(LIST), false) \
	X(OPEN,       "open",       N_("Open the detail"),                         "Enter",      KM(GENERIC), false) \
	X(SEARCH,     "search",     N_("Search as you type (no diacritics needed)"), "/",        KM(LIST), false) \
	X(FILTER,     "filter",     N_("Filter by status, kind, year, unit, locality"), "f",     KM(LIST), false) \
	X(SORT,       "sort",       N_("Choose the sort column and direction"),    "s",          KM(LIST), false) \
	X(CLEAR,      "clear",      N_("Clear the search and the filters"),        "c",          KM(LIST), false) \
	X(DOCUMENTS,  "documents",  N_("The register of legal documents"),         "v",          KM(LIST) | KM(DETAIL), false) \
	X(HELP,       "help",       N_("Help: the keys of this screen"),           "? F1",       KM(GENERIC), false) \
	X(BACK,       "back",       N_("Back; on the main list, quit"),            "q Esc C-c",  KM(GENERIC), false) \
	X(QUIT,       "quit",       N_("Quit hoso"),                               "F10",        KM(GENERIC), false) \
	X(REDRAW,     "redraw",     N_("Read the data again and redraw the screen"), "C-l",      KM(GENERIC), false) \
	X(SUSPEND,    "suspend",    N_("Suspend hoso (the shell's fg brings it back)"), "C-z",   KM(GENERIC), false) \
	X(ADD,        "add",        N_("Add an item"),                             "a Insert",   KM(LIST), true) \
	X(EDIT,       "edit",       N_("Edit in a form"),                          "e",          KM(LIST) | KM(DETAIL), true) \
	X(ARCHIVE,    "archive",    N_("Archive, after a confirmation"),           "d Delete",   KM(LIST), true) \
	X(UNDO,       "undo",       N_("Undo your last change"),                   "u",          KM(LIST) | KM(DETAIL), true) \
	X(REDO,       "redo",       N_("Redo the change you last undid"),          "U C-r",      KM(LIST) | KM(DETAIL), true) \
	X(ADD_SUB,    "add_sub",    N_("Add a sub-item under the selected item"),  "A",          KM(LIST), true) \
	X(RESTORE,    "restore",    N_("Restore an archived record"),              "r",          KM(LIST), true) \
	X(ARCHIVED,   "archived",   N_("Show the archived records; again: hide them"), "X",      KM(LIST), false) \
	X(COMMENT,    "comment",    N_("Add a comment"),                           "c",          KM(DETAIL), true) \
	X(UNITS,      "units",      N_("The register of units"),                   "o",          KM(LIST) | KM(DETAIL), false) \
	X(LOCALITIES, "localities", N_("The register of localities"),              "l",          KM(LIST) | KM(DETAIL), false) \
	X(DASHBOARD,  "dashboard",  N_("The status screen"),                       "D",          KM(LIST) | KM(DETAIL), false) \
	X(PRINT,      "print",      N_("Print this screen"),                       "p",          KM(LIST) | KM(DETAIL), false) \
	X(MATRIX,     "matrix",     N_("The localities of this item: a row per sub-item"), "m",  KM(DETAIL), false) \
	X(SAVE,       "save",       N_("Save the form"),                           "F2 C-s",     KM(FORM), false) \
	X(NEXT_FIELD, "next_field", N_("The next field"),                          "Tab Down",   KM(FORM), false) \
	X(PREV_FIELD, "prev_field", N_("The previous field"),                      "S-Tab Up",   KM(FORM), false) \
	X(CANCEL,     "cancel",     N_("Leave the form; asks first when something was changed"), "Esc C-c", KM(FORM), false) \
	X(PICK,       "pick",       N_("Choose from a list (a reference, a choice, several records)"), "F4", KM(FORM), false) \
	X(THEIRS,     "theirs",     N_("Conflict: keep their value of this field"), "t",         KM(FORM), false) \
	X(MINE,       "mine",       N_("Conflict: keep my value of this field"),   "m",          KM(FORM), false)

enum action {
	ACTION_NONE = 0,
#define X(id, name, help, keys, maps, edits) ACTION_##id,
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

/* The keymaps a's default keys are bound in: KM() bits; 0 for no action. */
unsigned action_keymaps(enum action a);

/* True when a changes the database (refused when read-only). */
bool action_edits(enum action a);

/* The action named name, or ACTION_NONE. */
enum action action_parse(const char *name);

/* The [keys] name of keymap k ("generic", "list" …), or NULL. */
const char *keymap_name(enum keymap_id k);

/* The keymap named name, or -1. */
int keymap_parse(const char *name);

#endif
