#include "config.h"

#include <stdbool.h>
#include <stdint.h>

#include "vnchar.h"

/*
 * The letters of U+00C0..U+024F and U+1E00..U+1EFF, printed by
 * src/gen-vnchar.py from the Unicode database: each precomposed letter is
 * its base letter with its canonical marks added by the rules of
 * vn_letter_mark() below, so that both forms of a text read alike.
 *   L(base, modifier, tone, other diacritic, capital)
 *   LIG(base, base2, modifier, tone, other diacritic, capital, base2 capital)
 */
#define L(b, m, t, acc, up) { (b), 0, VN_MOD_##m, VN_TONE_##t, (acc), (up), false }
#define LIG(b, b2, m, t, acc, up, up2) \
	{ (b), (b2), VN_MOD_##m, VN_TONE_##t, (acc), (up), (up2) }
#define NOLETTER { 0, 0, VN_MOD_NONE, VN_TONE_NONE, false, false, false }

static const struct vn_letter latin[0x024F - 0x00C0 + 1] = {
	L('a', NONE, HUYEN, 0, 1), /* 00C0 À */
	L('a', NONE, SAC, 0, 1), /* 00C1 Á */
	L('a', CIRCUMFLEX, NONE, 0, 1), /* 00C2 Â */
	L('a', NONE, NGA, 0, 1), /* 00C3 Ã */
	L('a', NONE, NONE, 1, 1), /* 00C4 Ä */
	L('a', NONE, NONE, 1, 1), /* 00C5 Å */
	LIG('a', 'e', NONE, NONE, 0, 1, 1), /* 00C6 Æ */
	L('c', NONE, NONE, 1, 1), /* 00C7 Ç */
	L('e', NONE, HUYEN, 0, 1), /* 00C8 È */
	L('e', NONE, SAC, 0, 1), /* 00C9 É */
	L('e', CIRCUMFLEX, NONE, 0, 1), /* 00CA Ê */
	L('e', NONE, NONE, 1, 1), /* 00CB Ë */
	L('i', NONE, HUYEN, 0, 1), /* 00CC Ì */
	L('i', NONE, SAC, 0, 1), /* 00CD Í */
	L('i', NONE, NONE, 1, 1), /* 00CE Î */
	L('i', NONE, NONE, 1, 1), /* 00CF Ï */
	L('d', STROKE, NONE, 0, 1), /* 00D0 Ð */
	L('n', NONE, NGA, 0, 1), /* 00D1 Ñ */
	L('o', NONE, HUYEN, 0, 1), /* 00D2 Ò */
	L('o', NONE, SAC, 0, 1), /* 00D3 Ó */
	L('o', CIRCUMFLEX, NONE, 0, 1), /* 00D4 Ô */
	L('o', NONE, NGA, 0, 1), /* 00D5 Õ */
	L('o', NONE, NONE, 1, 1), /* 00D6 Ö */
	NOLETTER, /* 00D7 multiplication sign */
	L('o', NONE, NONE, 1, 1), /* 00D8 Ø */
	L('u', NONE, HUYEN, 0, 1), /* 00D9 Ù */
	L('u', NONE, SAC, 0, 1), /* 00DA Ú */
	L('u', NONE, NONE, 1, 1), /* 00DB Û */
	L('u', NONE, NONE, 1, 1), /* 00DC Ü */
	L('y', NONE, SAC, 0, 1), /* 00DD Ý */
	LIG('t', 'h', NONE, NONE, 0, 1, 1), /* 00DE Þ */
	LIG('s', 's', NONE, NONE, 0, 0, 0), /* 00DF ß */
	L('a', NONE, HUYEN, 0, 0), /* 00E0 à */
	L('a', NONE, SAC, 0, 0), /* 00E1 á */
	L('a', CIRCUMFLEX, NONE, 0, 0), /* 00E2 â */
	L('a', NONE, NGA, 0, 0), /* 00E3 ã */
	L('a', NONE, NONE, 1, 0), /* 00E4 ä */
	L('a', NONE, NONE, 1, 0), /* 00E5 å */
	LIG('a', 'e', NONE, NONE, 0, 0, 0), /* 00E6 æ */
	L('c', NONE, NONE, 1, 0), /* 00E7 ç */
	L('e', NONE, HUYEN, 0, 0), /* 00E8 è */
	L('e', NONE, SAC, 0, 0), /* 00E9 é */
	L('e', CIRCUMFLEX, NONE, 0, 0), /* 00EA ê */
	L('e', NONE, NONE, 1, 0), /* 00EB ë */
	L('i', NONE, HUYEN, 0, 0), /* 00EC ì */
	L('i', NONE, SAC, 0, 0), /* 00ED í */
	L('i', NONE, NONE, 1, 0), /* 00EE î */
	L('i', NONE, NONE, 1, 0), /* 00EF ï */
	L('d', STROKE, NONE, 0, 0), /* 00F0 ð */
	L('n', NONE, NGA, 0, 0), /* 00F1 ñ */
	L('o', NONE, HUYEN, 0, 0), /* 00F2 ò */
	L('o', NONE, SAC, 0, 0), /* 00F3 ó */
	L('o', CIRCUMFLEX, NONE, 0, 0), /* 00F4 ô */
	L('o', NONE, NGA, 0, 0), /* 00F5 õ */
	L('o', NONE, NONE, 1, 0), /* 00F6 ö */
	NOLETTER, /* 00F7 division sign */
	L('o', NONE, NONE, 1, 0), /* 00F8 ø */
	L('u', NONE, HUYEN, 0, 0), /* 00F9 ù */
	L('u', NONE, SAC, 0, 0), /* 00FA ú */
	L('u', NONE, NONE, 1, 0), /* 00FB û */
	L('u', NONE, NONE, 1, 0), /* 00FC ü */
	L('y', NONE, SAC, 0, 0), /* 00FD ý */
	LIG('t', 'h', NONE, NONE, 0, 0, 0), /* 00FE þ */
	L('y', NONE, NONE, 1, 0), /* 00FF ÿ */
	L('a', NONE, NONE, 1, 1), /* 0100 Ā */
	L('a', NONE, NONE, 1, 0), /* 0101 ā */
	L('a', BREVE, NONE, 0, 1), /* 0102 Ă */
	L('a', BREVE, NONE, 0, 0), /* 0103 ă */
	L('a', NONE, NONE, 1, 1), /* 0104 Ą */
	L('a', NONE, NONE, 1, 0), /* 0105 ą */
	L('c', NONE, SAC, 0, 1), /* 0106 Ć */
	L('c', NONE, SAC, 0, 0), /* 0107 ć */
	L('c', NONE, NONE, 1, 1), /* 0108 Ĉ */
	L('c', NONE, NONE, 1, 0), /* 0109 ĉ */
	L('c', NONE, NONE, 1, 1), /* 010A Ċ */
	L('c', NONE, NONE, 1, 0), /* 010B ċ */
	L('c', NONE, NONE, 1, 1), /* 010C Č */
	L('c', NONE, NONE, 1, 0), /* 010D č */
	L('d', NONE, NONE, 1, 1), /* 010E Ď */
	L('d', NONE, NONE, 1, 0), /* 010F ď */
	L('d', STROKE, NONE, 0, 1), /* 0110 Đ */
	L('d', STROKE, NONE, 0, 0), /* 0111 đ */
	L('e', NONE, NONE, 1, 1), /* 0112 Ē */
	L('e', NONE, NONE, 1, 0), /* 0113 ē */
	L('e', NONE, NONE, 1, 1), /* 0114 Ĕ */
	L('e', NONE, NONE, 1, 0), /* 0115 ĕ */
	L('e', NONE, NONE, 1, 1), /* 0116 Ė */
	L('e', NONE, NONE, 1, 0), /* 0117 ė */
	L('e', NONE, NONE, 1, 1), /* 0118 Ę */
	L('e', NONE, NONE, 1, 0), /* 0119 ę */
	L('e', NONE, NONE, 1, 1), /* 011A Ě */
	L('e', NONE, NONE, 1, 0), /* 011B ě */
	L('g', NONE, NONE, 1, 1), /* 011C Ĝ */
	L('g', NONE, NONE, 1, 0), /* 011D ĝ */
	L('g', NONE, NONE, 1, 1), /* 011E Ğ */
	L('g', NONE, NONE, 1, 0), /* 011F ğ */
	L('g', NONE, NONE, 1, 1), /* 0120 Ġ */
	L('g', NONE, NONE, 1, 0), /* 0121 ġ */
	L('g', NONE, NONE, 1, 1), /* 0122 Ģ */
	L('g', NONE, NONE, 1, 0), /* 0123 ģ */
	L('h', NONE, NONE, 1, 1), /* 0124 Ĥ */
	L('h', NONE, NONE, 1, 0), /* 0125 ĥ */
	L('h', NONE, NONE, 1, 1), /* 0126 Ħ */
	L('h', NONE, NONE, 1, 0), /* 0127 ħ */
	L('i', NONE, NGA, 0, 1), /* 0128 Ĩ */
	L('i', NONE, NGA, 0, 0), /* 0129 ĩ */
	L('i', NONE, NONE, 1, 1), /* 012A Ī */
	L('i', NONE, NONE, 1, 0), /* 012B ī */
	L('i', NONE, NONE, 1, 1), /* 012C Ĭ */
	L('i', NONE, NONE, 1, 0), /* 012D ĭ */
	L('i', NONE, NONE, 1, 1), /* 012E Į */
	L('i', NONE, NONE, 1, 0), /* 012F į */
	L('i', NONE, NONE, 1, 1), /* 0130 İ */
	L('i', NONE, NONE, 1, 0), /* 0131 ı */
	LIG('i', 'j', NONE, NONE, 0, 1, 1), /* 0132 Ĳ */
	LIG('i', 'j', NONE, NONE, 0, 0, 0), /* 0133 ĳ */
	L('j', NONE, NONE, 1, 1), /* 0134 Ĵ */
	L('j', NONE, NONE, 1, 0), /* 0135 ĵ */
	L('k', NONE, NONE, 1, 1), /* 0136 Ķ */
	L('k', NONE, NONE, 1, 0), /* 0137 ķ */
	L('k', NONE, NONE, 1, 0), /* 0138 ĸ */
	L('l', NONE, SAC, 0, 1), /* 0139 Ĺ */
	L('l', NONE, SAC, 0, 0), /* 013A ĺ */
	L('l', NONE, NONE, 1, 1), /* 013B Ļ */
	L('l', NONE, NONE, 1, 0), /* 013C ļ */
	L('l', NONE, NONE, 1, 1), /* 013D Ľ */
	L('l', NONE, NONE, 1, 0), /* 013E ľ */
	L('l', NONE, NONE, 1, 1), /* 013F Ŀ */
	L('l', NONE, NONE, 1, 0), /* 0140 ŀ */
	L('l', NONE, NONE, 1, 1), /* 0141 Ł */
	L('l', NONE, NONE, 1, 0), /* 0142 ł */
	L('n', NONE, SAC, 0, 1), /* 0143 Ń */
	L('n', NONE, SAC, 0, 0), /* 0144 ń */
	L('n', NONE, NONE, 1, 1), /* 0145 Ņ */
	L('n', NONE, NONE, 1, 0), /* 0146 ņ */
	L('n', NONE, NONE, 1, 1), /* 0147 Ň */
	L('n', NONE, NONE, 1, 0), /* 0148 ň */
	L('n', NONE, NONE, 1, 0), /* 0149 ŉ */
	L('n', NONE, NONE, 1, 1), /* 014A Ŋ */
	L('n', NONE, NONE, 1, 0), /* 014B ŋ */
	L('o', NONE, NONE, 1, 1), /* 014C Ō */
	L('o', NONE, NONE, 1, 0), /* 014D ō */
	L('o', NONE, NONE, 1, 1), /* 014E Ŏ */
	L('o', NONE, NONE, 1, 0), /* 014F ŏ */
	L('o', NONE, NONE, 1, 1), /* 0150 Ő */
	L('o', NONE, NONE, 1, 0), /* 0151 ő */
	LIG('o', 'e', NONE, NONE, 0, 1, 1), /* 0152 Œ */
	LIG('o', 'e', NONE, NONE, 0, 0, 0), /* 0153 œ */
	L('r', NONE, SAC, 0, 1), /* 0154 Ŕ */
	L('r', NONE, SAC, 0, 0), /* 0155 ŕ */
	L('r', NONE, NONE, 1, 1), /* 0156 Ŗ */
	L('r', NONE, NONE, 1, 0), /* 0157 ŗ */
	L('r', NONE, NONE, 1, 1), /* 0158 Ř */
	L('r', NONE, NONE, 1, 0), /* 0159 ř */
	L('s', NONE, SAC, 0, 1), /* 015A Ś */
	L('s', NONE, SAC, 0, 0), /* 015B ś */
	L('s', NONE, NONE, 1, 1), /* 015C Ŝ */
	L('s', NONE, NONE, 1, 0), /* 015D ŝ */
	L('s', NONE, NONE, 1, 1), /* 015E Ş */
	L('s', NONE, NONE, 1, 0), /* 015F ş */
	L('s', NONE, NONE, 1, 1), /* 0160 Š */
	L('s', NONE, NONE, 1, 0), /* 0161 š */
	L('t', NONE, NONE, 1, 1), /* 0162 Ţ */
	L('t', NONE, NONE, 1, 0), /* 0163 ţ */
	L('t', NONE, NONE, 1, 1), /* 0164 Ť */
	L('t', NONE, NONE, 1, 0), /* 0165 ť */
	L('t', NONE, NONE, 1, 1), /* 0166 Ŧ */
	L('t', NONE, NONE, 1, 0), /* 0167 ŧ */
	L('u', NONE, NGA, 0, 1), /* 0168 Ũ */
	L('u', NONE, NGA, 0, 0), /* 0169 ũ */
	L('u', NONE, NONE, 1, 1), /* 016A Ū */
	L('u', NONE, NONE, 1, 0), /* 016B ū */
	L('u', NONE, NONE, 1, 1), /* 016C Ŭ */
	L('u', NONE, NONE, 1, 0), /* 016D ŭ */
	L('u', NONE, NONE, 1, 1), /* 016E Ů */
	L('u', NONE, NONE, 1, 0), /* 016F ů */
	L('u', NONE, NONE, 1, 1), /* 0170 Ű */
	L('u', NONE, NONE, 1, 0), /* 0171 ű */
	L('u', NONE, NONE, 1, 1), /* 0172 Ų */
	L('u', NONE, NONE, 1, 0), /* 0173 ų */
	L('w', NONE, NONE, 1, 1), /* 0174 Ŵ */
	L('w', NONE, NONE, 1, 0), /* 0175 ŵ */
	L('y', NONE, NONE, 1, 1), /* 0176 Ŷ */
	L('y', NONE, NONE, 1, 0), /* 0177 ŷ */
	L('y', NONE, NONE, 1, 1), /* 0178 Ÿ */
	L('z', NONE, SAC, 0, 1), /* 0179 Ź */
	L('z', NONE, SAC, 0, 0), /* 017A ź */
	L('z', NONE, NONE, 1, 1), /* 017B Ż */
	L('z', NONE, NONE, 1, 0), /* 017C ż */
	L('z', NONE, NONE, 1, 1), /* 017D Ž */
	L('z', NONE, NONE, 1, 0), /* 017E ž */
	L('s', NONE, NONE, 0, 0), /* 017F ſ */
	L('b', NONE, NONE, 1, 0), /* 0180 ƀ */
	L('b', NONE, NONE, 1, 1), /* 0181 Ɓ */
	L('b', NONE, NONE, 1, 1), /* 0182 Ƃ */
	L('b', NONE, NONE, 1, 0), /* 0183 ƃ */
	NOLETTER, /* 0184 latin capital letter tone six */
	NOLETTER, /* 0185 latin small letter tone six */
	L('o', NONE, NONE, 1, 1), /* 0186 Ɔ */
	L('c', NONE, NONE, 1, 1), /* 0187 Ƈ */
	L('c', NONE, NONE, 1, 0), /* 0188 ƈ */
	L('d', NONE, NONE, 1, 1), /* 0189 Ɖ */
	L('d', NONE, NONE, 1, 1), /* 018A Ɗ */
	L('d', NONE, NONE, 1, 1), /* 018B Ƌ */
	L('d', NONE, NONE, 1, 0), /* 018C ƌ */
	L('d', NONE, NONE, 1, 0), /* 018D ƍ */
	L('e', NONE, NONE, 1, 1), /* 018E Ǝ */
	L('e', NONE, NONE, 1, 1), /* 018F Ə */
	L('e', NONE, NONE, 1, 1), /* 0190 Ɛ */
	L('f', NONE, NONE, 1, 1), /* 0191 Ƒ */
	L('f', NONE, NONE, 1, 0), /* 0192 ƒ */
	L('g', NONE, NONE, 1, 1), /* 0193 Ɠ */
	L('g', NONE, NONE, 1, 1), /* 0194 Ɣ */
	LIG('h', 'v', NONE, NONE, 0, 0, 0), /* 0195 ƕ */
	L('i', NONE, NONE, 1, 1), /* 0196 Ɩ */
	L('i', NONE, NONE, 1, 1), /* 0197 Ɨ */
	L('k', NONE, NONE, 1, 1), /* 0198 Ƙ */
	L('k', NONE, NONE, 1, 0), /* 0199 ƙ */
	L('l', NONE, NONE, 1, 0), /* 019A ƚ */
	L('l', NONE, NONE, 1, 0), /* 019B ƛ */
	L('m', NONE, NONE, 1, 1), /* 019C Ɯ */
	L('n', NONE, NONE, 1, 1), /* 019D Ɲ */
	L('n', NONE, NONE, 1, 0), /* 019E ƞ */
	L('o', NONE, NONE, 1, 1), /* 019F Ɵ */
	L('o', HORN, NONE, 0, 1), /* 01A0 Ơ */
	L('o', HORN, NONE, 0, 0), /* 01A1 ơ */
	LIG('o', 'i', NONE, NONE, 0, 1, 1), /* 01A2 Ƣ */
	LIG('o', 'i', NONE, NONE, 0, 0, 0), /* 01A3 ƣ */
	L('p', NONE, NONE, 1, 1), /* 01A4 Ƥ */
	L('p', NONE, NONE, 1, 0), /* 01A5 ƥ */
	L('r', NONE, NONE, 1, 1), /* 01A6 Ʀ */
	NOLETTER, /* 01A7 latin capital letter tone two */
	NOLETTER, /* 01A8 latin small letter tone two */
	L('s', NONE, NONE, 1, 1), /* 01A9 Ʃ */
	NOLETTER, /* 01AA latin letter reversed esh loop */
	L('t', NONE, NONE, 1, 0), /* 01AB ƫ */
	L('t', NONE, NONE, 1, 1), /* 01AC Ƭ */
	L('t', NONE, NONE, 1, 0), /* 01AD ƭ */
	L('t', NONE, NONE, 1, 1), /* 01AE Ʈ */
	L('u', HORN, NONE, 0, 1), /* 01AF Ư */
	L('u', HORN, NONE, 0, 0), /* 01B0 ư */
	L('u', NONE, NONE, 1, 1), /* 01B1 Ʊ */
	L('v', NONE, NONE, 1, 1), /* 01B2 Ʋ */
	L('y', NONE, NONE, 1, 1), /* 01B3 Ƴ */
	L('y', NONE, NONE, 1, 0), /* 01B4 ƴ */
	L('z', NONE, NONE, 1, 1), /* 01B5 Ƶ */
	L('z', NONE, NONE, 1, 0), /* 01B6 ƶ */
	L('z', NONE, NONE, 1, 1), /* 01B7 Ʒ */
	L('z', NONE, NONE, 1, 1), /* 01B8 Ƹ */
	L('z', NONE, NONE, 1, 0), /* 01B9 ƹ */
	L('z', NONE, NONE, 1, 0), /* 01BA ƺ */
	NOLETTER, /* 01BB latin letter two with stroke */
	NOLETTER, /* 01BC latin capital letter tone five */
	NOLETTER, /* 01BD latin small letter tone five */
	NOLETTER, /* 01BE latin letter inverted glottal stop with stroke */
	L('w', NONE, NONE, 1, 0), /* 01BF ƿ */
	NOLETTER, /* 01C0 latin letter dental click */
	NOLETTER, /* 01C1 latin letter lateral click */
	NOLETTER, /* 01C2 latin letter alveolar click */
	NOLETTER, /* 01C3 latin letter retroflex click */
	LIG('d', 'z', NONE, NONE, 1, 1, 1), /* 01C4 Ǆ */
	LIG('d', 'z', NONE, NONE, 1, 1, 0), /* 01C5 ǅ */
	LIG('d', 'z', NONE, NONE, 1, 0, 0), /* 01C6 ǆ */
	LIG('l', 'j', NONE, NONE, 0, 1, 1), /* 01C7 Ǉ */
	LIG('l', 'j', NONE, NONE, 0, 1, 0), /* 01C8 ǈ */
	LIG('l', 'j', NONE, NONE, 0, 0, 0), /* 01C9 ǉ */
	LIG('n', 'j', NONE, NONE, 0, 1, 1), /* 01CA Ǌ */
	LIG('n', 'j', NONE, NONE, 0, 1, 0), /* 01CB ǋ */
	LIG('n', 'j', NONE, NONE, 0, 0, 0), /* 01CC ǌ */
	L('a', NONE, NONE, 1, 1), /* 01CD Ǎ */
	L('a', NONE, NONE, 1, 0), /* 01CE ǎ */
	L('i', NONE, NONE, 1, 1), /* 01CF Ǐ */
	L('i', NONE, NONE, 1, 0), /* 01D0 ǐ */
	L('o', NONE, NONE, 1, 1), /* 01D1 Ǒ */
	L('o', NONE, NONE, 1, 0), /* 01D2 ǒ */
	L('u', NONE, NONE, 1, 1), /* 01D3 Ǔ */
	L('u', NONE, NONE, 1, 0), /* 01D4 ǔ */
	L('u', NONE, NONE, 1, 1), /* 01D5 Ǖ */
	L('u', NONE, NONE, 1, 0), /* 01D6 ǖ */
	L('u', NONE, SAC, 1, 1), /* 01D7 Ǘ */
	L('u', NONE, SAC, 1, 0), /* 01D8 ǘ */
	L('u', NONE, NONE, 1, 1), /* 01D9 Ǚ */
	L('u', NONE, NONE, 1, 0), /* 01DA ǚ */
	L('u', NONE, HUYEN, 1, 1), /* 01DB Ǜ */
	L('u', NONE, HUYEN, 1, 0), /* 01DC ǜ */
	L('e', NONE, NONE, 1, 0), /* 01DD ǝ */
	L('a', NONE, NONE, 1, 1), /* 01DE Ǟ */
	L('a', NONE, NONE, 1, 0), /* 01DF ǟ */
	L('a', NONE, NONE, 1, 1), /* 01E0 Ǡ */
	L('a', NONE, NONE, 1, 0), /* 01E1 ǡ */
	LIG('a', 'e', NONE, NONE, 1, 1, 1), /* 01E2 Ǣ */
	LIG('a', 'e', NONE, NONE, 1, 0, 0), /* 01E3 ǣ */
	L('g', NONE, NONE, 1, 1), /* 01E4 Ǥ */
	L('g', NONE, NONE, 1, 0), /* 01E5 ǥ */
	L('g', NONE, NONE, 1, 1), /* 01E6 Ǧ */
	L('g', NONE, NONE, 1, 0), /* 01E7 ǧ */
	L('k', NONE, NONE, 1, 1), /* 01E8 Ǩ */
	L('k', NONE, NONE, 1, 0), /* 01E9 ǩ */
	L('o', NONE, NONE, 1, 1), /* 01EA Ǫ */
	L('o', NONE, NONE, 1, 0), /* 01EB ǫ */
	L('o', NONE, NONE, 1, 1), /* 01EC Ǭ */
	L('o', NONE, NONE, 1, 0), /* 01ED ǭ */
	L('z', NONE, NONE, 1, 1), /* 01EE Ǯ */
	L('z', NONE, NONE, 1, 0), /* 01EF ǯ */
	L('j', NONE, NONE, 1, 0), /* 01F0 ǰ */
	LIG('d', 'z', NONE, NONE, 0, 1, 1), /* 01F1 Ǳ */
	LIG('d', 'z', NONE, NONE, 0, 1, 0), /* 01F2 ǲ */
	LIG('d', 'z', NONE, NONE, 0, 0, 0), /* 01F3 ǳ */
	L('g', NONE, SAC, 0, 1), /* 01F4 Ǵ */
	L('g', NONE, SAC, 0, 0), /* 01F5 ǵ */
	LIG('h', 'v', NONE, NONE, 0, 1, 1), /* 01F6 Ƕ */
	L('w', NONE, NONE, 1, 1), /* 01F7 Ƿ */
	L('n', NONE, HUYEN, 0, 1), /* 01F8 Ǹ */
	L('n', NONE, HUYEN, 0, 0), /* 01F9 ǹ */
	L('a', NONE, SAC, 1, 1), /* 01FA Ǻ */
	L('a', NONE, SAC, 1, 0), /* 01FB ǻ */
	LIG('a', 'e', NONE, SAC, 0, 1, 1), /* 01FC Ǽ */
	LIG('a', 'e', NONE, SAC, 0, 0, 0), /* 01FD ǽ */
	L('o', NONE, SAC, 1, 1), /* 01FE Ǿ */
	L('o', NONE, SAC, 1, 0), /* 01FF ǿ */
	L('a', NONE, NONE, 1, 1), /* 0200 Ȁ */
	L('a', NONE, NONE, 1, 0), /* 0201 ȁ */
	L('a', NONE, NONE, 1, 1), /* 0202 Ȃ */
	L('a', NONE, NONE, 1, 0), /* 0203 ȃ */
	L('e', NONE, NONE, 1, 1), /* 0204 Ȅ */
	L('e', NONE, NONE, 1, 0), /* 0205 ȅ */
	L('e', NONE, NONE, 1, 1), /* 0206 Ȇ */
	L('e', NONE, NONE, 1, 0), /* 0207 ȇ */
	L('i', NONE, NONE, 1, 1), /* 0208 Ȉ */
	L('i', NONE, NONE, 1, 0), /* 0209 ȉ */
	L('i', NONE, NONE, 1, 1), /* 020A Ȋ */
	L('i', NONE, NONE, 1, 0), /* 020B ȋ */
	L('o', NONE, NONE, 1, 1), /* 020C Ȍ */
	L('o', NONE, NONE, 1, 0), /* 020D ȍ */
	L('o', NONE, NONE, 1, 1), /* 020E Ȏ */
	L('o', NONE, NONE, 1, 0), /* 020F ȏ */
	L('r', NONE, NONE, 1, 1), /* 0210 Ȑ */
	L('r', NONE, NONE, 1, 0), /* 0211 ȑ */
	L('r', NONE, NONE, 1, 1), /* 0212 Ȓ */
	L('r', NONE, NONE, 1, 0), /* 0213 ȓ */
	L('u', NONE, NONE, 1, 1), /* 0214 Ȕ */
	L('u', NONE, NONE, 1, 0), /* 0215 ȕ */
	L('u', NONE, NONE, 1, 1), /* 0216 Ȗ */
	L('u', NONE, NONE, 1, 0), /* 0217 ȗ */
	L('s', NONE, NONE, 1, 1), /* 0218 Ș */
	L('s', NONE, NONE, 1, 0), /* 0219 ș */
	L('t', NONE, NONE, 1, 1), /* 021A Ț */
	L('t', NONE, NONE, 1, 0), /* 021B ț */
	L('y', NONE, NONE, 1, 1), /* 021C Ȝ */
	L('y', NONE, NONE, 1, 0), /* 021D ȝ */
	L('h', NONE, NONE, 1, 1), /* 021E Ȟ */
	L('h', NONE, NONE, 1, 0), /* 021F ȟ */
	L('n', NONE, NONE, 1, 1), /* 0220 Ƞ */
	L('d', NONE, NONE, 1, 0), /* 0221 ȡ */
	LIG('o', 'u', NONE, NONE, 0, 1, 1), /* 0222 Ȣ */
	LIG('o', 'u', NONE, NONE, 0, 0, 0), /* 0223 ȣ */
	L('z', NONE, NONE, 1, 1), /* 0224 Ȥ */
	L('z', NONE, NONE, 1, 0), /* 0225 ȥ */
	L('a', NONE, NONE, 1, 1), /* 0226 Ȧ */
	L('a', NONE, NONE, 1, 0), /* 0227 ȧ */
	L('e', NONE, NONE, 1, 1), /* 0228 Ȩ */
	L('e', NONE, NONE, 1, 0), /* 0229 ȩ */
	L('o', NONE, NONE, 1, 1), /* 022A Ȫ */
	L('o', NONE, NONE, 1, 0), /* 022B ȫ */
	L('o', NONE, NGA, 1, 1), /* 022C Ȭ */
	L('o', NONE, NGA, 1, 0), /* 022D ȭ */
	L('o', NONE, NONE, 1, 1), /* 022E Ȯ */
	L('o', NONE, NONE, 1, 0), /* 022F ȯ */
	L('o', NONE, NONE, 1, 1), /* 0230 Ȱ */
	L('o', NONE, NONE, 1, 0), /* 0231 ȱ */
	L('y', NONE, NONE, 1, 1), /* 0232 Ȳ */
	L('y', NONE, NONE, 1, 0), /* 0233 ȳ */
	L('l', NONE, NONE, 1, 0), /* 0234 ȴ */
	L('n', NONE, NONE, 1, 0), /* 0235 ȵ */
	L('t', NONE, NONE, 1, 0), /* 0236 ȶ */
	L('j', NONE, NONE, 1, 0), /* 0237 ȷ */
	LIG('d', 'b', NONE, NONE, 0, 0, 0), /* 0238 ȸ */
	LIG('q', 'p', NONE, NONE, 0, 0, 0), /* 0239 ȹ */
	L('a', NONE, NONE, 1, 1), /* 023A Ⱥ */
	L('c', NONE, NONE, 1, 1), /* 023B Ȼ */
	L('c', NONE, NONE, 1, 0), /* 023C ȼ */
	L('l', NONE, NONE, 1, 1), /* 023D Ƚ */
	L('t', NONE, NONE, 1, 1), /* 023E Ⱦ */
	L('s', NONE, NONE, 1, 0), /* 023F ȿ */
	L('z', NONE, NONE, 1, 0), /* 0240 ɀ */
	NOLETTER, /* 0241 latin capital letter glottal stop */
	NOLETTER, /* 0242 latin small letter glottal stop */
	L('b', NONE, NONE, 1, 1), /* 0243 Ƀ */
	L('u', NONE, NONE, 1, 1), /* 0244 Ʉ */
	L('v', NONE, NONE, 1, 1), /* 0245 Ʌ */
	L('e', NONE, NONE, 1, 1), /* 0246 Ɇ */
	L('e', NONE, NONE, 1, 0), /* 0247 ɇ */
	L('j', NONE, NONE, 1, 1), /* 0248 Ɉ */
	L('j', NONE, NONE, 1, 0), /* 0249 ɉ */
	L('q', NONE, NONE, 1, 1), /* 024A Ɋ */
	L('q', NONE, NONE, 1, 0), /* 024B ɋ */
	L('r', NONE, NONE, 1, 1), /* 024C Ɍ */
	L('r', NONE, NONE, 1, 0), /* 024D ɍ */
	L('y', NONE, NONE, 1, 1), /* 024E Ɏ */
	L('y', NONE, NONE, 1, 0), /* 024F ɏ */
};

static const struct vn_letter latin_additional[0x1EFF - 0x1E00 + 1] = {
	L('a', NONE, NONE, 1, 1), /* 1E00 Ḁ */
	L('a', NONE, NONE, 1, 0), /* 1E01 ḁ */
	L('b', NONE, NONE, 1, 1), /* 1E02 Ḃ */
	L('b', NONE, NONE, 1, 0), /* 1E03 ḃ */
	L('b', NONE, NANG, 0, 1), /* 1E04 Ḅ */
	L('b', NONE, NANG, 0, 0), /* 1E05 ḅ */
	L('b', NONE, NONE, 1, 1), /* 1E06 Ḇ */
	L('b', NONE, NONE, 1, 0), /* 1E07 ḇ */
	L('c', NONE, SAC, 1, 1), /* 1E08 Ḉ */
	L('c', NONE, SAC, 1, 0), /* 1E09 ḉ */
	L('d', NONE, NONE, 1, 1), /* 1E0A Ḋ */
	L('d', NONE, NONE, 1, 0), /* 1E0B ḋ */
	L('d', NONE, NANG, 0, 1), /* 1E0C Ḍ */
	L('d', NONE, NANG, 0, 0), /* 1E0D ḍ */
	L('d', NONE, NONE, 1, 1), /* 1E0E Ḏ */
	L('d', NONE, NONE, 1, 0), /* 1E0F ḏ */
	L('d', NONE, NONE, 1, 1), /* 1E10 Ḑ */
	L('d', NONE, NONE, 1, 0), /* 1E11 ḑ */
	L('d', NONE, NONE, 1, 1), /* 1E12 Ḓ */
	L('d', NONE, NONE, 1, 0), /* 1E13 ḓ */
	L('e', NONE, HUYEN, 1, 1), /* 1E14 Ḕ */
	L('e', NONE, HUYEN, 1, 0), /* 1E15 ḕ */
	L('e', NONE, SAC, 1, 1), /* 1E16 Ḗ */
	L('e', NONE, SAC, 1, 0), /* 1E17 ḗ */
	L('e', NONE, NONE, 1, 1), /* 1E18 Ḙ */
	L('e', NONE, NONE, 1, 0), /* 1E19 ḙ */
	L('e', NONE, NONE, 1, 1), /* 1E1A Ḛ */
	L('e', NONE, NONE, 1, 0), /* 1E1B ḛ */
	L('e', NONE, NONE, 1, 1), /* 1E1C Ḝ */
	L('e', NONE, NONE, 1, 0), /* 1E1D ḝ */
	L('f', NONE, NONE, 1, 1), /* 1E1E Ḟ */
	L('f', NONE, NONE, 1, 0), /* 1E1F ḟ */
	L('g', NONE, NONE, 1, 1), /* 1E20 Ḡ */
	L('g', NONE, NONE, 1, 0), /* 1E21 ḡ */
	L('h', NONE, NONE, 1, 1), /* 1E22 Ḣ */
	L('h', NONE, NONE, 1, 0), /* 1E23 ḣ */
	L('h', NONE, NANG, 0, 1), /* 1E24 Ḥ */
	L('h', NONE, NANG, 0, 0), /* 1E25 ḥ */
	L('h', NONE, NONE, 1, 1), /* 1E26 Ḧ */
	L('h', NONE, NONE, 1, 0), /* 1E27 ḧ */
	L('h', NONE, NONE, 1, 1), /* 1E28 Ḩ */
	L('h', NONE, NONE, 1, 0), /* 1E29 ḩ */
	L('h', NONE, NONE, 1, 1), /* 1E2A Ḫ */
	L('h', NONE, NONE, 1, 0), /* 1E2B ḫ */
	L('i', NONE, NONE, 1, 1), /* 1E2C Ḭ */
	L('i', NONE, NONE, 1, 0), /* 1E2D ḭ */
	L('i', NONE, SAC, 1, 1), /* 1E2E Ḯ */
	L('i', NONE, SAC, 1, 0), /* 1E2F ḯ */
	L('k', NONE, SAC, 0, 1), /* 1E30 Ḱ */
	L('k', NONE, SAC, 0, 0), /* 1E31 ḱ */
	L('k', NONE, NANG, 0, 1), /* 1E32 Ḳ */
	L('k', NONE, NANG, 0, 0), /* 1E33 ḳ */
	L('k', NONE, NONE, 1, 1), /* 1E34 Ḵ */
	L('k', NONE, NONE, 1, 0), /* 1E35 ḵ */
	L('l', NONE, NANG, 0, 1), /* 1E36 Ḷ */
	L('l', NONE, NANG, 0, 0), /* 1E37 ḷ */
	L('l', NONE, NANG, 1, 1), /* 1E38 Ḹ */
	L('l', NONE, NANG, 1, 0), /* 1E39 ḹ */
	L('l', NONE, NONE, 1, 1), /* 1E3A Ḻ */
	L('l', NONE, NONE, 1, 0), /* 1E3B ḻ */
	L('l', NONE, NONE, 1, 1), /* 1E3C Ḽ */
	L('l', NONE, NONE, 1, 0), /* 1E3D ḽ */
	L('m', NONE, SAC, 0, 1), /* 1E3E Ḿ */
	L('m', NONE, SAC, 0, 0), /* 1E3F ḿ */
	L('m', NONE, NONE, 1, 1), /* 1E40 Ṁ */
	L('m', NONE, NONE, 1, 0), /* 1E41 ṁ */
	L('m', NONE, NANG, 0, 1), /* 1E42 Ṃ */
	L('m', NONE, NANG, 0, 0), /* 1E43 ṃ */
	L('n', NONE, NONE, 1, 1), /* 1E44 Ṅ */
	L('n', NONE, NONE, 1, 0), /* 1E45 ṅ */
	L('n', NONE, NANG, 0, 1), /* 1E46 Ṇ */
	L('n', NONE, NANG, 0, 0), /* 1E47 ṇ */
	L('n', NONE, NONE, 1, 1), /* 1E48 Ṉ */
	L('n', NONE, NONE, 1, 0), /* 1E49 ṉ */
	L('n', NONE, NONE, 1, 1), /* 1E4A Ṋ */
	L('n', NONE, NONE, 1, 0), /* 1E4B ṋ */
	L('o', NONE, SAC, 1, 1), /* 1E4C Ṍ */
	L('o', NONE, SAC, 1, 0), /* 1E4D ṍ */
	L('o', NONE, NGA, 1, 1), /* 1E4E Ṏ */
	L('o', NONE, NGA, 1, 0), /* 1E4F ṏ */
	L('o', NONE, HUYEN, 1, 1), /* 1E50 Ṑ */
	L('o', NONE, HUYEN, 1, 0), /* 1E51 ṑ */
	L('o', NONE, SAC, 1, 1), /* 1E52 Ṓ */
	L('o', NONE, SAC, 1, 0), /* 1E53 ṓ */
	L('p', NONE, SAC, 0, 1), /* 1E54 Ṕ */
	L('p', NONE, SAC, 0, 0), /* 1E55 ṕ */
	L('p', NONE, NONE, 1, 1), /* 1E56 Ṗ */
	L('p', NONE, NONE, 1, 0), /* 1E57 ṗ */
	L('r', NONE, NONE, 1, 1), /* 1E58 Ṙ */
	L('r', NONE, NONE, 1, 0), /* 1E59 ṙ */
	L('r', NONE, NANG, 0, 1), /* 1E5A Ṛ */
	L('r', NONE, NANG, 0, 0), /* 1E5B ṛ */
	L('r', NONE, NANG, 1, 1), /* 1E5C Ṝ */
	L('r', NONE, NANG, 1, 0), /* 1E5D ṝ */
	L('r', NONE, NONE, 1, 1), /* 1E5E Ṟ */
	L('r', NONE, NONE, 1, 0), /* 1E5F ṟ */
	L('s', NONE, NONE, 1, 1), /* 1E60 Ṡ */
	L('s', NONE, NONE, 1, 0), /* 1E61 ṡ */
	L('s', NONE, NANG, 0, 1), /* 1E62 Ṣ */
	L('s', NONE, NANG, 0, 0), /* 1E63 ṣ */
	L('s', NONE, SAC, 1, 1), /* 1E64 Ṥ */
	L('s', NONE, SAC, 1, 0), /* 1E65 ṥ */
	L('s', NONE, NONE, 1, 1), /* 1E66 Ṧ */
	L('s', NONE, NONE, 1, 0), /* 1E67 ṧ */
	L('s', NONE, NANG, 1, 1), /* 1E68 Ṩ */
	L('s', NONE, NANG, 1, 0), /* 1E69 ṩ */
	L('t', NONE, NONE, 1, 1), /* 1E6A Ṫ */
	L('t', NONE, NONE, 1, 0), /* 1E6B ṫ */
	L('t', NONE, NANG, 0, 1), /* 1E6C Ṭ */
	L('t', NONE, NANG, 0, 0), /* 1E6D ṭ */
	L('t', NONE, NONE, 1, 1), /* 1E6E Ṯ */
	L('t', NONE, NONE, 1, 0), /* 1E6F ṯ */
	L('t', NONE, NONE, 1, 1), /* 1E70 Ṱ */
	L('t', NONE, NONE, 1, 0), /* 1E71 ṱ */
	L('u', NONE, NONE, 1, 1), /* 1E72 Ṳ */
	L('u', NONE, NONE, 1, 0), /* 1E73 ṳ */
	L('u', NONE, NONE, 1, 1), /* 1E74 Ṵ */
	L('u', NONE, NONE, 1, 0), /* 1E75 ṵ */
	L('u', NONE, NONE, 1, 1), /* 1E76 Ṷ */
	L('u', NONE, NONE, 1, 0), /* 1E77 ṷ */
	L('u', NONE, SAC, 1, 1), /* 1E78 Ṹ */
	L('u', NONE, SAC, 1, 0), /* 1E79 ṹ */
	L('u', NONE, NONE, 1, 1), /* 1E7A Ṻ */
	L('u', NONE, NONE, 1, 0), /* 1E7B ṻ */
	L('v', NONE, NGA, 0, 1), /* 1E7C Ṽ */
	L('v', NONE, NGA, 0, 0), /* 1E7D ṽ */
	L('v', NONE, NANG, 0, 1), /* 1E7E Ṿ */
	L('v', NONE, NANG, 0, 0), /* 1E7F ṿ */
	L('w', NONE, HUYEN, 0, 1), /* 1E80 Ẁ */
	L('w', NONE, HUYEN, 0, 0), /* 1E81 ẁ */
	L('w', NONE, SAC, 0, 1), /* 1E82 Ẃ */
	L('w', NONE, SAC, 0, 0), /* 1E83 ẃ */
	L('w', NONE, NONE, 1, 1), /* 1E84 Ẅ */
	L('w', NONE, NONE, 1, 0), /* 1E85 ẅ */
	L('w', NONE, NONE, 1, 1), /* 1E86 Ẇ */
	L('w', NONE, NONE, 1, 0), /* 1E87 ẇ */
	L('w', NONE, NANG, 0, 1), /* 1E88 Ẉ */
	L('w', NONE, NANG, 0, 0), /* 1E89 ẉ */
	L('x', NONE, NONE, 1, 1), /* 1E8A Ẋ */
	L('x', NONE, NONE, 1, 0), /* 1E8B ẋ */
	L('x', NONE, NONE, 1, 1), /* 1E8C Ẍ */
	L('x', NONE, NONE, 1, 0), /* 1E8D ẍ */
	L('y', NONE, NONE, 1, 1), /* 1E8E Ẏ */
	L('y', NONE, NONE, 1, 0), /* 1E8F ẏ */
	L('z', NONE, NONE, 1, 1), /* 1E90 Ẑ */
	L('z', NONE, NONE, 1, 0), /* 1E91 ẑ */
	L('z', NONE, NANG, 0, 1), /* 1E92 Ẓ */
	L('z', NONE, NANG, 0, 0), /* 1E93 ẓ */
	L('z', NONE, NONE, 1, 1), /* 1E94 Ẕ */
	L('z', NONE, NONE, 1, 0), /* 1E95 ẕ */
	L('h', NONE, NONE, 1, 0), /* 1E96 ẖ */
	L('t', NONE, NONE, 1, 0), /* 1E97 ẗ */
	L('w', NONE, NONE, 1, 0), /* 1E98 ẘ */
	L('y', NONE, NONE, 1, 0), /* 1E99 ẙ */
	L('a', NONE, NONE, 1, 0), /* 1E9A ẚ */
	L('s', NONE, NONE, 1, 0), /* 1E9B ẛ */
	L('s', NONE, NONE, 1, 0), /* 1E9C ẜ */
	L('s', NONE, NONE, 1, 0), /* 1E9D ẝ */
	LIG('s', 's', NONE, NONE, 0, 1, 1), /* 1E9E ẞ */
	L('d', NONE, NONE, 1, 0), /* 1E9F ẟ */
	L('a', NONE, NANG, 0, 1), /* 1EA0 Ạ */
	L('a', NONE, NANG, 0, 0), /* 1EA1 ạ */
	L('a', NONE, HOI, 0, 1), /* 1EA2 Ả */
	L('a', NONE, HOI, 0, 0), /* 1EA3 ả */
	L('a', CIRCUMFLEX, SAC, 0, 1), /* 1EA4 Ấ */
	L('a', CIRCUMFLEX, SAC, 0, 0), /* 1EA5 ấ */
	L('a', CIRCUMFLEX, HUYEN, 0, 1), /* 1EA6 Ầ */
	L('a', CIRCUMFLEX, HUYEN, 0, 0), /* 1EA7 ầ */
	L('a', CIRCUMFLEX, HOI, 0, 1), /* 1EA8 Ẩ */
	L('a', CIRCUMFLEX, HOI, 0, 0), /* 1EA9 ẩ */
	L('a', CIRCUMFLEX, NGA, 0, 1), /* 1EAA Ẫ */
	L('a', CIRCUMFLEX, NGA, 0, 0), /* 1EAB ẫ */
	L('a', CIRCUMFLEX, NANG, 0, 1), /* 1EAC Ậ */
	L('a', CIRCUMFLEX, NANG, 0, 0), /* 1EAD ậ */
	L('a', BREVE, SAC, 0, 1), /* 1EAE Ắ */
	L('a', BREVE, SAC, 0, 0), /* 1EAF ắ */
	L('a', BREVE, HUYEN, 0, 1), /* 1EB0 Ằ */
	L('a', BREVE, HUYEN, 0, 0), /* 1EB1 ằ */
	L('a', BREVE, HOI, 0, 1), /* 1EB2 Ẳ */
	L('a', BREVE, HOI, 0, 0), /* 1EB3 ẳ */
	L('a', BREVE, NGA, 0, 1), /* 1EB4 Ẵ */
	L('a', BREVE, NGA, 0, 0), /* 1EB5 ẵ */
	L('a', BREVE, NANG, 0, 1), /* 1EB6 Ặ */
	L('a', BREVE, NANG, 0, 0), /* 1EB7 ặ */
	L('e', NONE, NANG, 0, 1), /* 1EB8 Ẹ */
	L('e', NONE, NANG, 0, 0), /* 1EB9 ẹ */
	L('e', NONE, HOI, 0, 1), /* 1EBA Ẻ */
	L('e', NONE, HOI, 0, 0), /* 1EBB ẻ */
	L('e', NONE, NGA, 0, 1), /* 1EBC Ẽ */
	L('e', NONE, NGA, 0, 0), /* 1EBD ẽ */
	L('e', CIRCUMFLEX, SAC, 0, 1), /* 1EBE Ế */
	L('e', CIRCUMFLEX, SAC, 0, 0), /* 1EBF ế */
	L('e', CIRCUMFLEX, HUYEN, 0, 1), /* 1EC0 Ề */
	L('e', CIRCUMFLEX, HUYEN, 0, 0), /* 1EC1 ề */
	L('e', CIRCUMFLEX, HOI, 0, 1), /* 1EC2 Ể */
	L('e', CIRCUMFLEX, HOI, 0, 0), /* 1EC3 ể */
	L('e', CIRCUMFLEX, NGA, 0, 1), /* 1EC4 Ễ */
	L('e', CIRCUMFLEX, NGA, 0, 0), /* 1EC5 ễ */
	L('e', CIRCUMFLEX, NANG, 0, 1), /* 1EC6 Ệ */
	L('e', CIRCUMFLEX, NANG, 0, 0), /* 1EC7 ệ */
	L('i', NONE, HOI, 0, 1), /* 1EC8 Ỉ */
	L('i', NONE, HOI, 0, 0), /* 1EC9 ỉ */
	L('i', NONE, NANG, 0, 1), /* 1ECA Ị */
	L('i', NONE, NANG, 0, 0), /* 1ECB ị */
	L('o', NONE, NANG, 0, 1), /* 1ECC Ọ */
	L('o', NONE, NANG, 0, 0), /* 1ECD ọ */
	L('o', NONE, HOI, 0, 1), /* 1ECE Ỏ */
	L('o', NONE, HOI, 0, 0), /* 1ECF ỏ */
	L('o', CIRCUMFLEX, SAC, 0, 1), /* 1ED0 Ố */
	L('o', CIRCUMFLEX, SAC, 0, 0), /* 1ED1 ố */
	L('o', CIRCUMFLEX, HUYEN, 0, 1), /* 1ED2 Ồ */
	L('o', CIRCUMFLEX, HUYEN, 0, 0), /* 1ED3 ồ */
	L('o', CIRCUMFLEX, HOI, 0, 1), /* 1ED4 Ổ */
	L('o', CIRCUMFLEX, HOI, 0, 0), /* 1ED5 ổ */
	L('o', CIRCUMFLEX, NGA, 0, 1), /* 1ED6 Ỗ */
	L('o', CIRCUMFLEX, NGA, 0, 0), /* 1ED7 ỗ */
	L('o', CIRCUMFLEX, NANG, 0, 1), /* 1ED8 Ộ */
	L('o', CIRCUMFLEX, NANG, 0, 0), /* 1ED9 ộ */
	L('o', HORN, SAC, 0, 1), /* 1EDA Ớ */
	L('o', HORN, SAC, 0, 0), /* 1EDB ớ */
	L('o', HORN, HUYEN, 0, 1), /* 1EDC Ờ */
	L('o', HORN, HUYEN, 0, 0), /* 1EDD ờ */
	L('o', HORN, HOI, 0, 1), /* 1EDE Ở */
	L('o', HORN, HOI, 0, 0), /* 1EDF ở */
	L('o', HORN, NGA, 0, 1), /* 1EE0 Ỡ */
	L('o', HORN, NGA, 0, 0), /* 1EE1 ỡ */
	L('o', HORN, NANG, 0, 1), /* 1EE2 Ợ */
	L('o', HORN, NANG, 0, 0), /* 1EE3 ợ */
	L('u', NONE, NANG, 0, 1), /* 1EE4 Ụ */
	L('u', NONE, NANG, 0, 0), /* 1EE5 ụ */
	L('u', NONE, HOI, 0, 1), /* 1EE6 Ủ */
	L('u', NONE, HOI, 0, 0), /* 1EE7 ủ */
	L('u', HORN, SAC, 0, 1), /* 1EE8 Ứ */
	L('u', HORN, SAC, 0, 0), /* 1EE9 ứ */
	L('u', HORN, HUYEN, 0, 1), /* 1EEA Ừ */
	L('u', HORN, HUYEN, 0, 0), /* 1EEB ừ */
	L('u', HORN, HOI, 0, 1), /* 1EEC Ử */
	L('u', HORN, HOI, 0, 0), /* 1EED ử */
	L('u', HORN, NGA, 0, 1), /* 1EEE Ữ */
	L('u', HORN, NGA, 0, 0), /* 1EEF ữ */
	L('u', HORN, NANG, 0, 1), /* 1EF0 Ự */
	L('u', HORN, NANG, 0, 0), /* 1EF1 ự */
	L('y', NONE, HUYEN, 0, 1), /* 1EF2 Ỳ */
	L('y', NONE, HUYEN, 0, 0), /* 1EF3 ỳ */
	L('y', NONE, NANG, 0, 1), /* 1EF4 Ỵ */
	L('y', NONE, NANG, 0, 0), /* 1EF5 ỵ */
	L('y', NONE, HOI, 0, 1), /* 1EF6 Ỷ */
	L('y', NONE, HOI, 0, 0), /* 1EF7 ỷ */
	L('y', NONE, NGA, 0, 1), /* 1EF8 Ỹ */
	L('y', NONE, NGA, 0, 0), /* 1EF9 ỹ */
	LIG('l', 'l', NONE, NONE, 0, 1, 1), /* 1EFA Ỻ */
	LIG('l', 'l', NONE, NONE, 0, 0, 0), /* 1EFB ỻ */
	L('v', NONE, NONE, 1, 1), /* 1EFC Ỽ */
	L('v', NONE, NONE, 1, 0), /* 1EFD ỽ */
	L('y', NONE, NONE, 1, 1), /* 1EFE Ỿ */
	L('y', NONE, NONE, 1, 0), /* 1EFF ỿ */
};

#undef L
#undef LIG
#undef NOLETTER

bool vn_letter(uint32_t cp, struct vn_letter *l)
{
	const struct vn_letter *found;

	if (cp < 0x80) {
		bool upper = cp >= 'A' && cp <= 'Z';

		if (!upper && !(cp >= 'a' && cp <= 'z'))
			return false;
		*l = (struct vn_letter){
			.base = (char)(upper ? cp - 'A' + 'a' : cp),
			.upper = upper,
		};
		return true;
	}
	if (cp >= 0x00C0 && cp <= 0x024F)
		found = &latin[cp - 0x00C0];
	else if (cp >= 0x1E00 && cp <= 0x1EFF)
		found = &latin_additional[cp - 0x1E00];
	else
		return false;
	if (found->base == 0)
		return false;
	*l = *found;
	return true;
}

enum vn_tone vn_mark_tone(uint32_t cp)
{
	switch (cp) {
	case 0x0300: case 0x0340: return VN_TONE_HUYEN;
	case 0x0309: return VN_TONE_HOI;
	case 0x0303: return VN_TONE_NGA;
	case 0x0301: case 0x0341: case 0x0344: return VN_TONE_SAC;
	case 0x0323: return VN_TONE_NANG;
	default: return VN_TONE_NONE;
	}
}

enum vn_mod vn_mark_mod(uint32_t cp)
{
	switch (cp) {
	case 0x0306: return VN_MOD_BREVE;
	case 0x0302: return VN_MOD_CIRCUMFLEX;
	case 0x031B: return VN_MOD_HORN;
	default: return VN_MOD_NONE;
	}
}

/* Whether Vietnamese writes modifier m on the letter l: ă â ê ô ơ ư. */
static bool takes_mod(const struct vn_letter *l, enum vn_mod m)
{
	if (l->base2 != 0)
		return false;
	switch (l->base) {
	case 'a': return m == VN_MOD_BREVE || m == VN_MOD_CIRCUMFLEX;
	case 'e': return m == VN_MOD_CIRCUMFLEX;
	case 'o': return m == VN_MOD_CIRCUMFLEX || m == VN_MOD_HORN;
	case 'u': return m == VN_MOD_HORN;
	default: return false;
	}
}

void vn_letter_mark(struct vn_letter *l, uint32_t cp)
{
	enum vn_tone tone;
	enum vn_mod mod;

	if (!vn_is_mark(cp))
		return;
	if (cp == 0x0344) /* diaeresis with acute */
		l->accent = true;
	tone = vn_mark_tone(cp);
	mod = vn_mark_mod(cp);
	if (tone != VN_TONE_NONE) {
		if (l->tone != VN_TONE_NONE)
			l->accent = true;
		if (tone > l->tone)
			l->tone = tone;
	} else if (mod != VN_MOD_NONE && takes_mod(l, mod)) {
		if (l->mod != VN_MOD_NONE)
			l->accent = true;
		if (mod > l->mod)
			l->mod = mod;
	} else {
		l->accent = true;
	}
}
