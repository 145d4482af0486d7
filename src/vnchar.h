#ifndef HOSO_VNCHAR_H
#define HOSO_VNCHAR_H

/*
 * Latin letters as Vietnamese reads them: the one table that folding and
 * collation share. A letter of A-Z, a-z, U+00C0..U+024F or U+1E00..U+1EFF is
 * described by its base letter (a-z), the modifier that makes it another
 * letter of the Vietnamese alphabet (ă â đ ê ô ơ ư), its tone, whether it
 * carries some other diacritic, and its case. A combining mark
 * U+0300..U+036F that follows a letter changes the description exactly as the
 * precomposed letter reads, so "e" U+0323 U+0302 (NFD), "e" U+0302 U+0323 and
 * "ệ" U+1EC7 (NFC) describe the same letter. Nothing here depends on the
 * locale.
 */

#include <stdbool.h>
#include <stdint.h>

enum vn_mod {
	VN_MOD_NONE = 0,
	VN_MOD_BREVE,      /* ă */
	VN_MOD_CIRCUMFLEX, /* â ê ô */
	VN_MOD_HORN,       /* ơ ư */
	VN_MOD_STROKE,     /* đ */
};

/* Numbered in their collation order. */
enum vn_tone {
	VN_TONE_NONE = 0,
	VN_TONE_HUYEN, /* à, U+0300 */
	VN_TONE_HOI,   /* ả, U+0309 */
	VN_TONE_NGA,   /* ã, U+0303 */
	VN_TONE_SAC,   /* á, U+0301 */
	VN_TONE_NANG,  /* ạ, U+0323 */
};

struct vn_letter {
	char base;          /* 'a'..'z' */
	char base2;         /* second letter of a ligature or digraph (æ "ae",
	                       ß "ss", ǆ "dz"), else 0 */
	unsigned char mod;  /* enum vn_mod, only on the base that takes it:
	                       breve on a; circumflex on a e o; horn on o u;
	                       stroke on d (Đ đ, and Ð ð which look the same) */
	unsigned char tone; /* enum vn_tone: the mark, whatever the language
	                       (ñ is n with the ngã mark, é is e with sắc) */
	bool accent;        /* some other diacritic too (ü ç å ø ĉ), or a
	                       second tone mark */
	bool upper;         /* base is a capital */
	bool upper2;        /* base2 is a capital (Æ, but not titlecase ǅ) */
};

/*
 * Fills *l with the description of the Latin letter cp and returns true.
 * Returns false, leaving *l untouched, for anything else: digits, marks,
 * symbols such as U+00D7, letters of other scripts, and the few Latin
 * letters with no base in a-z (the clicks, the glottal stop, the tone
 * letters of Zhuang).
 */
bool vn_letter(uint32_t cp, struct vn_letter *l);

/* True for a combining diacritical mark, U+0300..U+036F. */
static inline bool vn_is_mark(uint32_t cp)
{
	return cp >= 0x0300 && cp <= 0x036F;
}

/*
 * The tone a combining mark writes: U+0300 and U+0340 huyền, U+0309 hỏi,
 * U+0303 ngã, U+0301 and U+0341 sắc, U+0323 nặng, and sắc for U+0344 (which
 * also carries a diaeresis); VN_TONE_NONE for any other code point.
 */
enum vn_tone vn_mark_tone(uint32_t cp);

/*
 * The modifier a combining mark writes: U+0306 breve, U+0302 circumflex,
 * U+031B horn; VN_MOD_NONE for any other code point.
 */
enum vn_mod vn_mark_mod(uint32_t cp);

/*
 * Adds the combining mark cp, which follows the letter, to *l. A tone mark
 * sets the tone; a modifier sets the modifier when the base takes it (ô) and
 * is another diacritic otherwise (ĉ); any other mark is another diacritic. A
 * second tone or modifier keeps the greater one and counts as another
 * diacritic, so the order of the marks never matters. Does nothing when cp
 * is not in U+0300..U+036F.
 */
void vn_letter_mark(struct vn_letter *l, uint32_t cp);

#endif
