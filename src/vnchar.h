#ifndef HOSO_VNCHAR_H
#define HOSO_VNCHAR_H

/*
 * Latin letters as Vietnamese sees them: a base letter (a–z), a modifier
 * that makes another letter of the alphabet (ă â ê ô ơ ư đ) and a tone
 * (huyền, hỏi, ngã, sắc, nặng). The one table folding and collation share,
 * for precomposed letters and for combining marks alike.
 */

#include <stdbool.h>
#include <stdint.h>

enum vn_mod {
	VN_MOD_NONE = 0,
	VN_MOD_BREVE = 1,      /* ă */
	VN_MOD_CIRCUMFLEX = 2, /* â ê ô */
	VN_MOD_HORN = 3,       /* ơ ư */
	VN_MOD_STROKE = 4,     /* đ */
	VN_MOD_OTHER = 5,      /* any other accent (é is a tone; ü, ç, å are "other") */
};

enum vn_tone {
	VN_TONE_NONE = 0,
	VN_TONE_HUYEN = 1, /* grave */
	VN_TONE_HOI = 2,   /* hook above */
	VN_TONE_NGA = 3,   /* tilde */
	VN_TONE_SAC = 4,   /* acute */
	VN_TONE_NANG = 5,  /* dot below */
};

struct vnchar {
	char base;          /* 'a'..'z' */
	enum vn_mod mod;
	enum vn_tone tone;
	bool upper;
};

/*
 * Describes the Latin letter cp (ASCII or precomposed) in *out and returns
 * true; false when cp is not a Latin letter hoso knows.
 */
bool vnchar_letter(uint32_t cp, struct vnchar *out);

/* True for a combining (zero-width) mark that folding drops. */
bool vnchar_is_mark(uint32_t cp);

/*
 * Applies the combining mark cp to the letter *c: a tone sets the tone, the
 * breve, circumflex or horn the modifier when the base letter takes it,
 * any other mark makes the modifier VN_MOD_OTHER.
 */
void vnchar_apply_mark(struct vnchar *c, uint32_t cp);

/*
 * The position of c's letter in the alphabet a ă â b c d đ e ê f g h i j k
 * l m n o ô ơ p q r s t u ư v w x y z (0..32), VN_MOD_OTHER counting as the
 * base letter.
 */
int vnchar_alphabet_index(const struct vnchar *c);

#endif
