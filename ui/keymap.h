#ifndef HOSO_KEYMAP_H
#define HOSO_KEYMAP_H

/*
 * Keys and their bindings to actions, in keymaps: a generic one and one per
 * kind of screen (actions.h lists them). A screen looks a key up in its own
 * keymap, then in the generic one. The defaults come from actions.h, then
 * the [keys] section of the settings: "action = keys" gives the keys that
 * meaning on every screen (the action's default keys everywhere are
 * replaced, and the keys leave whatever they did); "keymap.action = keys"
 * binds them on that keymap's screens only, over the generic lines. F10
 * always quits, whatever [keys] says, and a configuration that leaves a
 * screen without a key for "back" (a form: for "cancel" or "back", and for
 * "save") is refused: no file can trap a clerk.
 */

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "error.h"

struct settings;

/*
 * A key as the screens see it: a character (its code point; control keys
 * are 1..31, Esc 27, Enter 13, Backspace 127, Tab 9), or a key without a
 * character (KEY_FN and above: the arrows, Home, F1 …), either with the
 * modifier bits that the terminal reported (UIK_SHIFT, UIK_ALT, UIK_CTRL).
 * A Ctrl-letter is its control character, not UIK_CTRL with the letter.
 * Characters the clerk pasted (bracketed paste) carry UIK_PASTED: they are
 * text for a field, never commands.
 */
typedef int ui_key;
#define KEY_FN 0x200000
#define UIK_ENTER 13
#define UIK_ESC 27
#define UIK_TAB 9
#define UIK_BACKSPACE 127
enum {
	UIK_UP = KEY_FN + 1,
	UIK_DOWN,
	UIK_LEFT,
	UIK_RIGHT,
	UIK_HOME,
	UIK_END,
	UIK_PGUP,
	UIK_PGDN,
	UIK_INSERT,
	UIK_DELETE,
	UIK_BEGIN,          /* the centre of the keypad (5 without Num Lock) */
	UIK_F0 = KEY_FN + 0x40,
	UIK_UNKNOWN = KEY_FN + 0x100, /* a whole escape sequence that is no key hoso knows */
	UIK_REPORT_LIGHT,   /* the terminal said its background is light */
	UIK_REPORT_DARK,    /* … dark */
};
#define UIK_F(n) (UIK_F0 + (n)) /* F1 … F20 */
#define UIK_SHIFT 0x1000000
#define UIK_ALT 0x2000000
#define UIK_CTRL 0x4000000
#define UIK_PASTED 0x8000000
#define UIK_MODS (UIK_SHIFT | UIK_ALT | UIK_CTRL)
#define UIK_BTAB (UIK_SHIFT | UIK_TAB)

/* The key without its modifier and paste bits. */
static inline ui_key ui_key_base(ui_key k)
{
	return k & ~(UIK_MODS | UIK_PASTED);
}

/* True when k types text: a printable character (pasted or not), no Alt or Ctrl. */
static inline bool ui_key_is_text(ui_key k)
{
	ui_key b = k & ~(UIK_PASTED | UIK_SHIFT);

	return b >= 0x20 && b < KEY_FN && b != 0x7f && !(b >= 0x80 && b < 0xa0);
}

/*
 * Parses one key name: a character ("j", "đ"), a named key ("Down", "PgDn",
 * "Enter", "F1" … "F20"), with modifiers before it ("C-Up", "S-Down",
 * "M-j" or "A-j" for Alt), or a control character ("C-s", "^S", "Ctrl-s").
 * Returns 0 and *out, or -1.
 */
int ui_key_parse(const char *name, ui_key *out);

/* The name of k ("Down", "C-l", "j", "C-Up", "M-x") into buf (n bytes); "" for none. */
void ui_key_name(ui_key k, char *buf, size_t n);

struct keymap;

/*
 * Builds the bindings from the defaults and the [keys] lines of s. Returns
 * 0 and *out, or -1 with err naming the file, the line and the keymap, action or
 * key at fault. Free with keymap_free.
 */
int keymap_new(struct keymap **out, const struct settings *s, struct error *err);

/* The action k stands for on the screens of map (their keymap, then the generic one), or ACTION_NONE. */
enum action keymap_lookup(const struct keymap *m, enum keymap_id map, ui_key k);

/* True when map itself (not the generic keymap) binds a key to a. */
bool keymap_binds(const struct keymap *m, enum keymap_id map, enum action a);

/*
 * The keys that reach a on the screens of map, as names joined by ", "
 * into buf (map's own first, then the generic ones map leaves alone); ""
 * when none.
 */
void keymap_describe(const struct keymap *m, enum keymap_id map, enum action a, char *buf, size_t n);

/* Frees *m and sets it to NULL; accepts NULL. */
void keymap_free(struct keymap **m);

#endif
