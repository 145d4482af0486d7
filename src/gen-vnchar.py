#!/usr/bin/env python3
"""Prints the letter tables of src/vnchar.c from Python's Unicode database.

Each precomposed letter is decomposed (NFD, then NFKD for ligatures and
digraphs) and its marks applied with the same rules as vn_letter_mark() in
src/vnchar.c, so that a precomposed letter reads exactly as its decomposed
form; letters without a decomposition are described from their names. Run it
after a change of those rules (or of Unicode) and paste the output over the
tables: python3 src/gen-vnchar.py
"""
import unicodedata

TONES = {0x300: 'HUYEN', 0x340: 'HUYEN', 0x301: 'SAC', 0x341: 'SAC',
         0x303: 'NGA', 0x309: 'HOI', 0x323: 'NANG'}
TONE_ORDER = ['NONE', 'HUYEN', 'HOI', 'NGA', 'SAC', 'NANG']
MODS = {0x306: 'BREVE', 0x302: 'CIRCUMFLEX', 0x31B: 'HORN'}
MOD_ORDER = ['NONE', 'BREVE', 'CIRCUMFLEX', 'HORN', 'STROKE']
VALID_MODS = {('a', 'BREVE'), ('a', 'CIRCUMFLEX'), ('e', 'CIRCUMFLEX'),
              ('o', 'CIRCUMFLEX'), ('o', 'HORN'), ('u', 'HORN'), ('d', 'STROKE')}

# Letters with no decomposition to an ASCII letter: base letters and whether
# some other diacritic is on them (mod STROKE for the two forms of đ).
NAMED = {
    'AE': ('a', 'e', 0), 'OE': ('o', 'e', 0), 'SHARP S': ('s', 's', 0),
    'ETH': ('d', '', 'STROKE'), 'D WITH STROKE': ('d', '', 'STROKE'),
    'THORN': ('t', 'h', 0), 'DOTLESS I': ('i', '', 1), 'KRA': ('k', '', 1),
    'ENG': ('n', '', 1), 'LONG S': ('s', '', 1), 'SCHWA': ('e', '', 1),
    'TURNED E': ('e', '', 1), 'REVERSED E': ('e', '', 1), 'OPEN E': ('e', '', 1),
    'OPEN O': ('o', '', 1), 'ESH': ('s', '', 1), 'EZH': ('z', '', 1),
    'EZH REVERSED': ('z', '', 1), 'GAMMA': ('g', '', 1), 'IOTA': ('i', '', 1),
    'UPSILON': ('u', '', 1), 'YOGH': ('y', '', 1), 'OU': ('o', 'u', 0),
    'WYNN': ('w', '', 1), 'HWAIR': ('h', 'v', 0), 'HV': ('h', 'v', 0),
    'DB DIGRAPH': ('d', 'b', 0), 'QP DIGRAPH': ('q', 'p', 0),
    'OI': ('o', 'i', 0), 'LAMBDA WITH STROKE': ('l', '', 1),
    'TURNED DELTA': ('d', '', 1), 'DELTA': ('d', '', 1),
    'MIDDLE-WELSH LL': ('l', 'l', 0), 'MIDDLE-WELSH V': ('v', '', 1),
    'TURNED M': ('m', '', 1), 'TURNED V': ('v', '', 1), 'ALPHA': ('a', '', 1),
    'TURNED ALPHA': ('a', '', 1), 'REVERSED OPEN E': ('e', '', 1),
    'AFRICAN D': ('d', '', 1), 'DOTLESS J': ('j', '', 1), 'U BAR': ('u', '', 1),
    'SMALL Q': ('q', '', 1), 'YR': ('r', '', 1),
    'N PRECEDED BY APOSTROPHE': ('n', '', 1),
}


def apply_mark(letter, mark):
    if mark in TONES:
        t = TONES[mark]
        if letter['tone'] == 'NONE':
            letter['tone'] = t
        else:
            letter['tone'] = max(letter['tone'], t, key=TONE_ORDER.index)
            letter['accent'] = 1
    elif mark == 0x344:  # diaeresis and acute
        apply_mark(letter, 0x308)
        apply_mark(letter, 0x301)
    elif mark in MODS and not letter['base2'] and \
            (letter['base'], MODS[mark]) in VALID_MODS:
        m = MODS[mark]
        if letter['mod'] == 'NONE':
            letter['mod'] = m
        else:
            letter['mod'] = max(letter['mod'], m, key=MOD_ORDER.index)
            letter['accent'] = 1
    else:
        letter['accent'] = 1


def new_letter(base, base2, upper, upper2):
    return {'base': base, 'base2': base2, 'mod': 'NONE', 'tone': 'NONE',
            'accent': 0, 'upper': upper, 'upper2': upper2}


def entry(cp):
    ch = chr(cp)
    cat = unicodedata.category(ch)
    if cat not in ('Lu', 'Ll', 'Lt'):
        return None
    upper = 1 if cat in ('Lu', 'Lt') else 0
    upper2 = 1 if cat == 'Lu' else 0

    # A canonical decomposition: the letter it starts with, then its marks,
    # exactly as a decomposed (NFD) text would be read.
    d = unicodedata.normalize('NFD', ch)
    if d != ch:
        marks = [ord(c) for c in d[1:]]
        assert all(0x300 <= m <= 0x36F for m in marks), hex(cp)
        if d[0].isascii():
            letter = new_letter(d[0].lower(), '', upper, upper2)
        else:
            letter = entry(ord(d[0]))
            if letter is None:
                return None
        for m in marks:
            apply_mark(letter, m)
        return letter

    # A compatibility decomposition: ligatures and digraphs (ǆ, ĳ), "ſ".
    d = unicodedata.normalize('NFKD', ch)
    if d != ch and d[0].isascii():
        letters = [c for c in d if c.isascii() and c.isalpha()]
        others = [c for c in d if not (c.isascii() and c.isalpha())]
        letter = new_letter(letters[0].lower(), '', upper, upper2)
        if len(letters) == 2:
            letter['base2'] = letters[1].lower()
            letter['upper2'] = 1 if letters[1].isupper() else 0
        if others:
            letter['accent'] = 1
        return letter

    # No decomposition to an ASCII letter: go by the name.
    name = unicodedata.name(ch, '')
    for prefix in ('LATIN CAPITAL LETTER ', 'LATIN SMALL LETTER ',
                   'LATIN CAPITAL LIGATURE ', 'LATIN SMALL LIGATURE ',
                   'LATIN LETTER SMALL CAPITAL ', 'LATIN LETTER '):
        if name.startswith(prefix):
            rest = name[len(prefix):]
            break
    else:
        return None
    key = rest if rest in NAMED else rest.split(' WITH ')[0]
    if key in NAMED:
        b, b2, extra = NAMED[key]
        letter = new_letter(b, b2, upper, upper2)
        if extra == 'STROKE':
            letter['mod'] = 'STROKE'
        elif extra or key != rest:
            letter['accent'] = 1
        return letter
    if len(key) == 1 and key.isalpha():
        letter = new_letter(key.lower(), '', upper, upper2)
        letter['accent'] = 1 if key != rest else 0
        return letter
    return None


def main():
    for lo, hi, name in ((0xC0, 0x24F, 'latin'), (0x1E00, 0x1EFF, 'latin_additional')):
        print('static const struct vn_letter %s[0x%04X - 0x%04X + 1] = {' % (name, hi, lo))
        for cp in range(lo, hi + 1):
            e = entry(cp)
            ch = chr(cp)
            if e is None:
                print('\tNOLETTER, /* %04X %s */' % (cp, unicodedata.name(ch, '?').lower()))
                continue
            if e['base2']:
                print("\tLIG('%s', '%s', %s, %s, %d, %d, %d), /* %04X %s */" % (
                    e['base'], e['base2'], e['mod'], e['tone'], e['accent'],
                    e['upper'], e['upper2'], cp, ch))
            else:
                print("\tL('%s', %s, %s, %d, %d), /* %04X %s */" % (
                    e['base'], e['mod'], e['tone'], e['accent'], e['upper'],
                    cp, ch))
        print('};')
        if lo == 0xC0:
            print()


main()
