/* The terminal's bytes turned into keys: every terminal's sequences, Esc, paste, reports. */
#include "config.h"

#include "unit.h"

#include "input.h"

/* Decodes bytes fed at once; the keys (at most 16) into keys; returns how many. */
static int decode(const char *bytes, size_t n, bool timed_out, ui_key *keys)
{
	struct input in;
	int got = 0;

	input_init(&in);
	input_feed(&in, bytes, n);
	while (got < 16 && input_next(&in, false, &keys[got]))
		got++;
	if (timed_out)
		while (got < 16 && input_next(&in, true, &keys[got]))
			got++;
	return got;
}

/* s decodes, after the escape delay, to exactly one key k. */
static void one(const char *s, ui_key k)
{
	ui_key keys[16];
	int n = decode(s, strlen(s), true, keys);

	if (n != 1 || keys[0] != k)
		fail_msg("\"%s\" gave %d keys, the first %#x; expected %#x", s + (s[0] == 27), n,
		         n > 0 ? keys[0] : 0, k);
}

/* An escape sequence hoso did not know quit it (Esc, then letters): each is one key. */
static void test_sequences_of_every_terminal(void **state)
{
	static const struct {
		const char *seq;
		ui_key key;
	} cases[] = {
		/* xterm, normal and application cursor keys */
		{ "\033[A", UIK_UP }, { "\033[B", UIK_DOWN }, { "\033[C", UIK_RIGHT }, { "\033[D", UIK_LEFT },
		{ "\033OA", UIK_UP }, { "\033OB", UIK_DOWN }, { "\033OH", UIK_HOME }, { "\033OF", UIK_END },
		{ "\033[H", UIK_HOME }, { "\033[F", UIK_END }, { "\033OP", UIK_F(1) }, { "\033OS", UIK_F(4) },
		{ "\033[15~", UIK_F(5) }, { "\033[21~", UIK_F(10) }, { "\033[24~", UIK_F(12) },
		{ "\033[2~", UIK_INSERT }, { "\033[3~", UIK_DELETE }, { "\033[5~", UIK_PGUP }, { "\033[6~", UIK_PGDN },
		{ "\033[Z", UIK_BTAB },
		/* xterm modifiers (also screen and tmux passing them on) */
		{ "\033[1;5A", UIK_CTRL | UIK_UP }, { "\033[1;2B", UIK_SHIFT | UIK_DOWN },
		{ "\033[1;3C", UIK_ALT | UIK_RIGHT }, { "\033[1;6D", UIK_CTRL | UIK_SHIFT | UIK_LEFT },
		{ "\033[3;5~", UIK_CTRL | UIK_DELETE }, { "\033[1;2P", UIK_SHIFT | UIK_F(1) },
		{ "\033[1;5R", UIK_CTRL | UIK_F(3) }, { "\033[1;9A", UIK_ALT | UIK_UP },
		{ "\033[27;5;9~", UIK_CTRL | UIK_TAB }, { "\033[106;3u", UIK_ALT | 'j' },
		/* PuTTY */
		{ "\033[11~", UIK_F(1) }, { "\033[14~", UIK_F(4) }, { "\033[1~", UIK_HOME }, { "\033[4~", UIK_END },
		{ "\033\033[A", UIK_ALT | UIK_UP }, { "\033\033OB", UIK_ALT | UIK_DOWN },
		/* rxvt */
		{ "\033[a", UIK_SHIFT | UIK_UP }, { "\033Od", UIK_CTRL | UIK_LEFT }, { "\033[7~", UIK_HOME },
		{ "\033[8~", UIK_END }, { "\033[3^", UIK_CTRL | UIK_DELETE }, { "\033[2$", UIK_SHIFT | UIK_INSERT },
		/* the Linux console */
		{ "\033[[A", UIK_F(1) }, { "\033[[E", UIK_F(5) },
		/* old xterm and others: the modifier in SS3 */
		{ "\033O5A", UIK_CTRL | UIK_UP }, { "\033O1;2B", UIK_SHIFT | UIK_DOWN },
		/* the keypad's centre */
		{ "\033[E", UIK_BEGIN }, { "\033[G", UIK_BEGIN },
		/* Alt and a character */
		{ "\033j", UIK_ALT | 'j' }, { "\033\xc4\x91", UIK_ALT | 0x111 }, { "\033\r", UIK_ALT | UIK_ENTER },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		one(cases[i].seq, cases[i].key);
}

/* Sequences that are no key are one UIK_UNKNOWN, never Esc and letters. */
static void test_unknown_sequences_are_one_key(void **state)
{
	static const char *const unknown[] = {
		"\033[99~", "\033[5A", "\033[1;5X", "\033[[Z", "\033Oz", "\033[?1;2c", "\033[200;3x",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		one(unknown[i], UIK_UNKNOWN);
}

/* PuTTY's keypad in application mode: digits type digits, not commands. */
static void test_keypad_types_digits(void **state)
{
	const char *digits = "0123456789";
	int i;

	(void)state;
	for (i = 0; i < 10; i++) {
		char seq[4] = { 27, 'O', (char)('p' + i), 0 };

		one(seq, digits[i]);
	}
	one("\033On", '.');
	one("\033Ok", '+');
	one("\033Om", '-');
	one("\033Oj", '*');
	one("\033Oo", '/');
	one("\033OM", UIK_ENTER);
}

/* Only a lone Esc is Esc, and only once nothing follows it. */
static void test_lone_escape(void **state)
{
	struct input in;
	ui_key k;

	(void)state;
	input_init(&in);
	input_feed(&in, "\033", 1);
	assert_false(input_next(&in, false, &k)); /* it may begin a sequence: wait */
	assert_true(input_pending(&in));
	input_feed(&in, "[B", 2);                /* … and it did */
	assert_true(input_next(&in, false, &k));
	assert_int_equal(k, UIK_DOWN);
	assert_false(input_pending(&in));

	input_feed(&in, "\033", 1);
	assert_false(input_next(&in, false, &k));
	assert_true(input_next(&in, true, &k)); /* nothing came: Esc */
	assert_int_equal(k, UIK_ESC);

	/* Two Escs pressed quickly are two Escs. */
	input_feed(&in, "\033\033", 2);
	assert_false(input_next(&in, false, &k));
	assert_true(input_next(&in, true, &k));
	assert_int_equal(k, UIK_ESC);
	assert_true(input_next(&in, true, &k));
	assert_int_equal(k, UIK_ESC);

	/* A sequence split over two reads (a slow link) is still one key. */
	input_feed(&in, "\033[1;", 4);
	assert_false(input_next(&in, false, &k));
	input_feed(&in, "5A", 2);
	assert_true(input_next(&in, false, &k));
	assert_int_equal(k, UIK_CTRL | UIK_UP);

	/* A sequence cut short for good is one unknown key, not Esc and letters. */
	input_feed(&in, "\033[1;", 4);
	assert_true(input_next(&in, true, &k));
	assert_int_equal(k, UIK_UNKNOWN);
	assert_false(input_pending(&in));
}

static void test_characters(void **state)
{
	ui_key keys[16];
	int n;

	(void)state;
	n = decode("a\xe1\xba\xbf\r\x7f\x08\x03\x1a\t", 10, false, keys);
	assert_int_equal(n, 8);
	assert_int_equal(keys[0], 'a');
	assert_int_equal(keys[1], 0x1ebf); /* ế */
	assert_int_equal(keys[2], UIK_ENTER);
	assert_int_equal(keys[3], UIK_BACKSPACE);
	assert_int_equal(keys[4], UIK_BACKSPACE);
	assert_int_equal(keys[5], 0x03);
	assert_int_equal(keys[6], 0x1a);
	assert_int_equal(keys[7], UIK_TAB);
	/* A character split over reads waits for its end; a broken one is U+FFFD. */
	n = decode("\xe1\xba", 2, false, keys);
	assert_int_equal(n, 0);
	n = decode("\xe1\xba", 2, true, keys);
	assert_int_equal(n, 1);
	assert_int_equal(keys[0], 0xfffd);
	n = decode("\xff" "b", 2, false, keys);
	assert_int_equal(n, 2);
	assert_int_equal(keys[0], 0xfffd);
	assert_int_equal(keys[1], 'b');
}

/* Pasted text comes marked: never a command, its Esc no sequence. */
static void test_bracketed_paste(void **state)
{
	static const char paste[] = "x\033[200~q\r\033[A\033[201~j";
	ui_key keys[16];
	int n;

	(void)state;
	n = decode(paste, sizeof paste - 1, true, keys);
	assert_int_equal(n, 7);
	assert_int_equal(keys[0], 'x');
	assert_int_equal(keys[1], 'q' | UIK_PASTED);
	assert_int_equal(keys[2], UIK_ENTER | UIK_PASTED);
	assert_int_equal(keys[3], UIK_ESC | UIK_PASTED);
	assert_int_equal(keys[4], '[' | UIK_PASTED);
	assert_int_equal(keys[5], 'A' | UIK_PASTED);
	assert_int_equal(keys[6], 'j'); /* after the end mark: typed again */
}

/* The terminal's answers: its background colour; the cursor position and focus are dropped. */
static void test_reports(void **state)
{
	ui_key keys[16];
	int n;

	(void)state;
	one("\033]11;rgb:ffff/ffff/dddd\033\\", UIK_REPORT_LIGHT);
	one("\033]11;rgb:0000/0000/0000\007", UIK_REPORT_DARK);
	one("\033]11;rgb:fd/f6/e3\007", UIK_REPORT_LIGHT);
	n = decode("\033]0;title\007\033[12;40R\033[I\033[Oa", 25, true, keys);
	assert_int_equal(n, 1);
	assert_int_equal(keys[0], 'a');
}

/* Garbage never grows the buffer without end, nor hangs: it all comes out. */
static void test_garbage(void **state)
{
	struct input in;
	char junk[3000];
	ui_key k;
	int i, n = 0;

	(void)state;
	input_init(&in);
	memcpy(junk, "\033[", 2);
	for (i = 2; i < (int)sizeof junk; i++)
		junk[i] = (char)('0' + i % 10);
	assert_int_equal(input_feed(&in, junk, sizeof junk), sizeof junk);
	while (input_next(&in, true, &k) && n < 10000)
		n++;
	assert_false(input_pending(&in));
	assert_true(n < 100);
	/* A full buffer takes no more. */
	input_init(&in);
	for (i = 0; i < INPUT_BUFSZ / 100 + 2; i++)
		n = (int)input_feed(&in, junk, 100);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequences_of_every_terminal),
		cmocka_unit_test(test_unknown_sequences_are_one_key),
		cmocka_unit_test(test_keypad_types_digits),
		cmocka_unit_test(test_lone_escape),
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_bracketed_paste),
		cmocka_unit_test(test_reports),
		cmocka_unit_test(test_garbage),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
