#ifndef HOSO_KEYMAP_H
#define HOSO_KEYMAP_H

/*
 * Keys and their bindings to actions: the defaults of actions.h, then the
 * [keys] section of the settings (a line names an action and the keys that
 * replace its defaults; a key bound there leaves any other action).
 */

#include <stddef.h>

#include "actions.h"
#include "error.h"

struct settings;

/*
 * A key as the screens see it: a character (its code point; control keys
 * are 1..31, Esc 27, Enter 13, Backspace 127) or a function key
 * (KEY_FN + the curses KEY_ code).
 */
typedef int ui_key;
#define KEY_FN 0x200000
#define UIK_ENTER 13
#define UIK_ESC 27
#define UIK_TAB 9
#define UIK_BACKSPACE 127

/* The canonical key for what curses returned (is_fn: wget_wch said KEY_CODE_YES). */
ui_key key_from_curses(int is_fn, int ch);

/* Parses one key name ("j", "Down", "C-s", "^S", "F1", "PgDn", "Enter"); 0 on success. */
int ui_key_parse(const char *name, ui_key *out);

/* The name of k ("Down", "C-l", "j") into buf (n bytes). */
void ui_key_name(ui_key k, char *buf, size_t n);

struct keymap;

/*
 * Builds the bindings from the defaults and the [keys] lines of s. Returns
 * 0 and *out, or -1 with err naming the file, the line and the action or
 * key at fault. Free with keymap_free.
 */
int keymap_new(struct keymap **out, const struct settings *s, struct error *err);

/* The action bound to k, or ACTION_NONE. */
enum action keymap_lookup(const struct keymap *m, ui_key k);

/* The keys bound to a, as names joined by ", " into buf; "" when none. */
void keymap_describe(const struct keymap *m, enum action a, char *buf, size_t n);

/* Frees *m and sets it to NULL; accepts NULL. */
void keymap_free(struct keymap **m);

#endif
