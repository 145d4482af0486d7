#include "config.h"

#include <string.h>

#include "input.h"
#include "text.h"

/* A sequence longer than this is nobody's key: it is skipped whole. */
#define SEQ_MAX 64
/* A terminal's answer (OSC) or a device string longer than this is skipped. */
#define STRING_MAX 512

enum { ESC = 0x1b, BEL = 0x07 };

/* What a look at the start of the buffer found. */
enum scan { SCAN_KEY, SCAN_NOTHING, SCAN_PARTIAL };

void input_init(struct input *in)
{
	memset(in, 0, sizeof *in);
}

size_t input_feed(struct input *in, const void *bytes, size_t n)
{
	size_t room = sizeof in->buf - in->len;

	if (n > room)
		n = room;
	memcpy(in->buf + in->len, bytes, n);
	in->len += n;
	return n;
}

bool input_pending(const struct input *in)
{
	return in->len > 0;
}

static void consume(struct input *in, size_t n)
{
	if (n > in->len)
		n = in->len;
	memmove(in->buf, in->buf + n, in->len - n);
	in->len -= n;
}

/* The modifier bits of an xterm modifier parameter (1 + shift 1, alt 2, ctrl 4, meta 8). */
static ui_key modifiers(long m)
{
	ui_key k = 0;

	if (m < 2 || m > 16)
		return 0;
	m -= 1;
	if (m & 1)
		k |= UIK_SHIFT;
	if (m & (2 | 8))
		k |= UIK_ALT;
	if (m & 4)
		k |= UIK_CTRL;
	return k;
}

/* The key of "CSI n ~" (and rxvt's ^ $ @ endings). */
static ui_key tilde_key(long n)
{
	static const struct {
		long n;
		ui_key k;
	} keys[] = {
		{ 1, UIK_HOME },     { 2, UIK_INSERT },   { 3, UIK_DELETE },   { 4, UIK_END },
		{ 5, UIK_PGUP },     { 6, UIK_PGDN },     { 7, UIK_HOME },     { 8, UIK_END },
		{ 11, UIK_F(1) },    { 12, UIK_F(2) },    { 13, UIK_F(3) },    { 14, UIK_F(4) },
		{ 15, UIK_F(5) },    { 17, UIK_F(6) },    { 18, UIK_F(7) },    { 19, UIK_F(8) },
		{ 20, UIK_F(9) },    { 21, UIK_F(10) },   { 23, UIK_F(11) },   { 24, UIK_F(12) },
		{ 25, UIK_F(13) },   { 26, UIK_F(14) },   { 28, UIK_F(15) },   { 29, UIK_F(16) },
		{ 31, UIK_F(17) },   { 32, UIK_F(18) },   { 33, UIK_F(19) },   { 34, UIK_F(20) },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].n == n)
			return keys[i].k;
	return 0;
}

/* The key a letter ends: arrows, Home, End, F1-F4, the keypad's centre. */
static ui_key letter_key(unsigned char c)
{
	switch (c) {
	case 'A': return UIK_UP;
	case 'B': return UIK_DOWN;
	case 'C': return UIK_RIGHT;
	case 'D': return UIK_LEFT;
	case 'H': return UIK_HOME;
	case 'F': return UIK_END;
	case 'E': return UIK_BEGIN;
	case 'G': return UIK_BEGIN;
	case 'P': return UIK_F(1);
	case 'Q': return UIK_F(2);
	case 'R': return UIK_F(3);
	case 'S': return UIK_F(4);
	default: return 0;
	}
}

/* The numeric keypad in application mode (ESC O p … ESC O y and the rest): what it types. */
static ui_key keypad_key(unsigned char c)
{
	if (c >= 'p' && c <= 'y')
		return '0' + (c - 'p');
	switch (c) {
	case 'j': return '*';
	case 'k': return '+';
	case 'l': return ',';
	case 'm': return '-';
	case 'n': return '.';
	case 'o': return '/';
	case 'X': return '=';
	case 'M': return UIK_ENTER;
	default: return 0;
	}
}

/* The shifted arrows of rxvt (CSI a … d) and its ctrl arrows (SS3 a … d). */
static ui_key rxvt_arrow(unsigned char c)
{
	switch (c) {
	case 'a': return UIK_UP;
	case 'b': return UIK_DOWN;
	case 'c': return UIK_RIGHT;
	case 'd': return UIK_LEFT;
	default: return 0;
	}
}

/* A control character, or the character code of a CSI u / modifyOtherKeys key. */
static ui_key plain_char(long c)
{
	if (c == '\r' || c == '\n')
		return UIK_ENTER;
	if (c == 8 || c == 127)
		return UIK_BACKSPACE;
	return (ui_key)c;
}

/*
 * Reads "CSI params final" at p (p[0] = ESC, p[1] = '['), n bytes. Sets
 * *used and returns the scan result; *key gets the key (or UIK_UNKNOWN).
 */
static enum scan scan_csi(struct input *in, const unsigned char *p, size_t n, size_t *used,
                          ui_key *key)
{
	long params[4] = { 0, 0, 0, 0 };
	int np = 0;
	bool have_digit = false, private_mark = false;
	size_t i = 2;
	unsigned char final;
	ui_key k = 0, mods;

	if (n < 3)
		return SCAN_PARTIAL;
	if (p[2] == '[') { /* the Linux console's F1 … F5: ESC [ [ A … E */
		if (n < 4)
			return SCAN_PARTIAL;
		*used = 4;
		*key = p[3] >= 'A' && p[3] <= 'E' ? UIK_F(p[3] - 'A' + 1) : UIK_UNKNOWN;
		return SCAN_KEY;
	}
	for (;; i++) {
		if (i >= n)
			return n >= SEQ_MAX ? (*used = n, *key = UIK_UNKNOWN, SCAN_KEY) : SCAN_PARTIAL;
		if (i >= SEQ_MAX) {
			/* Nobody's key: skip to its end (or what is there). */
			while (i < n && !(p[i] >= 0x40 && p[i] <= 0x7e))
				i++;
			*used = i < n ? i + 1 : n;
			*key = UIK_UNKNOWN;
			return SCAN_KEY;
		}
		if (p[i] >= '0' && p[i] <= '9') {
			if (np == 0)
				np = 1;
			if (np <= 4 && params[np - 1] < 100000)
				params[np - 1] = params[np - 1] * 10 + (p[i] - '0');
			have_digit = true;
		} else if (p[i] == ';' || p[i] == ':') {
			np = np == 0 ? 2 : np + 1;
		} else if (p[i] >= 0x3c && p[i] <= 0x3f) {
			private_mark = true; /* < = > ?: answers, not keys */
		} else if (p[i] == '$' && have_digit) {
			break; /* rxvt's shifted keys end with $ */
		} else if (p[i] >= 0x20 && p[i] <= 0x2f) {
			continue; /* intermediate bytes */
		} else if (p[i] >= 0x40 && p[i] <= 0x7e) {
			break;
		} else {
			/* A byte no sequence holds: the sequence ends before it. */
			*used = i;
			*key = UIK_UNKNOWN;
			return SCAN_KEY;
		}
	}
	final = p[i];
	*used = i + 1;
	if (np > 4)
		np = 4;
	mods = np >= 2 ? modifiers(params[1]) : 0;
	if (private_mark) {
		*key = UIK_UNKNOWN;
		return SCAN_KEY;
	}
	switch (final) {
	case '~':
		if (params[0] == 200) {
			in->paste = true;
			return SCAN_NOTHING;
		}
		if (params[0] == 201) {
			in->paste = false;
			return SCAN_NOTHING;
		}
		if (params[0] == 27 && np >= 3) { /* xterm's modifyOtherKeys */
			k = plain_char(params[2]);
			break;
		}
		k = tilde_key(params[0]);
		break;
	case '^':
		k = tilde_key(params[0]);
		mods = UIK_CTRL;
		break;
	case '$':
		k = tilde_key(params[0]);
		mods = UIK_SHIFT;
		break;
	case '@':
		k = np > 0 ? tilde_key(params[0]) : 0;
		mods = UIK_CTRL | UIK_SHIFT;
		break;
	case 'u': /* CSI code ; mods u */
		k = np > 0 && params[0] > 0 ? plain_char(params[0]) : 0;
		break;
	case 'Z':
		k = UIK_TAB;
		mods |= UIK_SHIFT;
		break;
	case 'I': /* focus in and out: not keys */
	case 'O':
		return SCAN_NOTHING;
	case 'R':
		/* F3 with modifiers (CSI 1 ; m R) or a cursor position report. */
		if (np == 2 && params[0] == 1)
			k = UIK_F(3);
		else
			return SCAN_NOTHING;
		break;
	default:
		k = letter_key(final);
		if (k == 0 && (k = rxvt_arrow(final)) != 0)
			mods = UIK_SHIFT;
		if (k != 0 && np >= 1 && params[0] > 1 && np < 2)
			k = 0; /* "CSI 5 A" and the like: nobody's key */
		break;
	}
	*key = k != 0 ? (k | mods) : UIK_UNKNOWN;
	return SCAN_KEY;
}

/* Reads "SS3 [params] final" at p (p[0] = ESC, p[1] = 'O'). */
static enum scan scan_ss3(const unsigned char *p, size_t n, size_t *used, ui_key *key)
{
	size_t i = 2;
	long mod = 0;
	ui_key k;

	/* Some terminals put the modifier in: ESC O 5 A, ESC O 1 ; 5 A. */
	while (i < n && i < 8 && ((p[i] >= '0' && p[i] <= '9') || p[i] == ';')) {
		if (p[i] == ';')
			mod = 0;
		else
			mod = mod * 10 + (p[i] - '0');
		i++;
	}
	if (i >= n)
		return SCAN_PARTIAL;
	*used = i + 1;
	if ((k = keypad_key(p[i])) != 0) {
		*key = k;
	} else if ((k = letter_key(p[i])) != 0) {
		*key = k | modifiers(mod);
	} else if ((k = rxvt_arrow(p[i])) != 0) {
		*key = k | UIK_CTRL;
	} else {
		*key = UIK_UNKNOWN;
	}
	return SCAN_KEY;
}

/*
 * Reads a string the terminal sends (OSC, DCS, APC, PM) up to BEL or ST.
 * An answer to the background colour query (OSC 11 ; rgb:RRRR/GGGG/BBBB)
 * gives a report key; the rest is dropped.
 */
static enum scan scan_string(const unsigned char *p, size_t n, size_t *used, ui_key *key)
{
	size_t i, end = 0, body = 2;

	for (i = 2; i < n; i++) {
		if (p[i] == BEL) {
			end = i + 1;
			break;
		}
		if (p[i] == ESC) {
			if (i + 1 >= n)
				return SCAN_PARTIAL;
			end = i + 2; /* ESC \ (or anything: the string ends) */
			break;
		}
		if (i >= STRING_MAX)
			break;
	}
	if (end == 0) {
		if (i < STRING_MAX && i >= n)
			return SCAN_PARTIAL;
		end = i;
	}
	*used = end;
	if (p[1] == ']' && end - body > 4 && memcmp(p + body, "11;rgb:", 7) == 0) {
		unsigned long rgb[3] = { 0, 0, 0 };
		int part = 0, digits = 0;
		unsigned long luma;

		for (i = body + 7; i < end && part < 3; i++) {
			int v = p[i] >= '0' && p[i] <= '9'   ? p[i] - '0'
			        : p[i] >= 'a' && p[i] <= 'f' ? p[i] - 'a' + 10
			        : p[i] >= 'A' && p[i] <= 'F' ? p[i] - 'A' + 10
			                                     : -1;

			if (v >= 0 && digits < 4) {
				rgb[part] = rgb[part] * 16 + (unsigned long)v;
				digits++;
			} else if (p[i] == '/') {
				if (digits == 0)
					break;
				/* Scale 1 to 4 hex digits to 16 bits. */
				rgb[part] = rgb[part] * 0xffff / ((1ul << (4 * digits)) - 1);
				part++;
				digits = 0;
			} else {
				break;
			}
		}
		if (part == 2 && digits > 0) {
			rgb[2] = rgb[2] * 0xffff / ((1ul << (4 * digits)) - 1);
			luma = (299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2]) / 1000;
			*key = luma > 0x8000 ? UIK_REPORT_LIGHT : UIK_REPORT_DARK;
			return SCAN_KEY;
		}
	}
	return SCAN_NOTHING;
}

/* Reads one UTF-8 character at p; a broken one is U+FFFD. */
static enum scan scan_char(const unsigned char *p, size_t n, bool timed_out, size_t *used,
                           ui_key *key)
{
	size_t want = p[0] < 0x80 ? 1 : (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3
	              : (p[0] & 0xf8) == 0xf0 ? 4 : 1;
	uint32_t cp;
	size_t i;

	if (want > n) {
		/* Wait for the rest, unless what is there already cannot continue. */
		for (i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				break;
		if (i == n && !timed_out)
			return SCAN_PARTIAL;
	}
	*used = utf8_decode((const char *)p, n, &cp);
	*key = plain_char((long)cp);
	return SCAN_KEY;
}

/* Reads whatever starts with ESC at p. */
static enum scan scan_escape(struct input *in, const unsigned char *p, size_t n, bool timed_out,
                             size_t *used, ui_key *key)
{
	enum scan r;

	if (n == 1) {
		if (!timed_out)
			return SCAN_PARTIAL;
		*used = 1;
		*key = UIK_ESC;
		return SCAN_KEY;
	}
	switch (p[1]) {
	case '[':
		r = scan_csi(in, p, n, used, key);
		break;
	case 'O':
		r = n == 2 && timed_out ? (*used = 2, *key = UIK_ALT | 'O', SCAN_KEY)
		                        : scan_ss3(p, n, used, key);
		break;
	case ']':
	case 'P':
	case '_':
	case '^':
		r = scan_string(p, n, used, key);
		break;
	case ESC:
		/* ESC ESC [ … and ESC ESC O …: Alt and a key (PuTTY); else two Escs. */
		if (n == 2 && !timed_out)
			return SCAN_PARTIAL;
		if (n > 2 && (p[2] == '[' || p[2] == 'O')) {
			r = scan_escape(in, p + 1, n - 1, timed_out, used, key);
			if (r == SCAN_KEY) {
				(*used)++;
				if (*key != UIK_UNKNOWN)
					*key |= UIK_ALT;
			}
			return r;
		}
		*used = 1;
		*key = UIK_ESC;
		return SCAN_KEY;
	default:
		/* Alt and a character. */
		r = scan_char(p + 1, n - 1, timed_out, used, key);
		if (r == SCAN_KEY) {
			(*used)++;
			*key |= UIK_ALT;
		}
		return r;
	}
	if (r == SCAN_PARTIAL && timed_out) {
		/* Cut short: take what is there as one unknown sequence. */
		*used = n;
		*key = UIK_UNKNOWN;
		return SCAN_KEY;
	}
	return r;
}

bool input_next(struct input *in, bool timed_out, ui_key *key)
{
	while (in->len > 0) {
		const unsigned char *p = in->buf;
		size_t used = 0;
		enum scan r;
		ui_key k = 0;

		if (p[0] == ESC && in->paste) {
			/* Inside a paste only the end mark is a sequence. */
			static const char end_mark[] = "\033[201~";
			size_t m = in->len < 6 ? in->len : 6;

			if (memcmp(p, end_mark, m) == 0) {
				if (m < 6 && !timed_out)
					return false;
				if (m == 6) {
					in->paste = false;
					consume(in, 6);
					continue;
				}
			}
			r = SCAN_KEY;
			used = 1;
			k = UIK_ESC;
		} else if (p[0] == ESC) {
			r = scan_escape(in, p, in->len, timed_out, &used, &k);
		} else {
			r = scan_char(p, in->len, timed_out, &used, &k);
		}
		if (r == SCAN_PARTIAL)
			return false;
		consume(in, used);
		if (r == SCAN_NOTHING)
			continue;
		if (in->paste && k < KEY_FN)
			k |= UIK_PASTED;
		*key = k;
		return true;
	}
	return false;
}
