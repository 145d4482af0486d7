#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "settings.h"
#include "term.h"

struct term {
	SCREEN *screen;
	bool colour;
	int frame_fd; /* $HOSO_FRAME_FD, or -1 */
};

/*
 * What the signal handlers must reach: the pipe that wakes the loop, and
 * what puts the terminal back after a crash. Nothing else is global.
 */
static int signal_pipe[2] = { -1, -1 };
static volatile sig_atomic_t signal_caught;
static struct termios saved_termios;
static bool have_saved_termios;
static char reset_seq[256];
static size_t reset_len;

static void on_exit_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	signal_caught = sig;
	if (signal_pipe[1] >= 0)
		(void)!write(signal_pipe[1], &c, 1);
	errno = saved;
}

/* A crash: restore the terminal with async-signal-safe calls, then die as asked. */
static void on_fatal_signal(int sig)
{
	if (reset_len > 0)
		(void)!write(STDOUT_FILENO, reset_seq, reset_len);
	if (have_saved_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void add_reset(const char *cap)
{
	char *s = tigetstr((char *)cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static void install_signals(void)
{
	static const int exits[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	static const int fatals[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_exit_signal;
	for (i = 0; i < sizeof exits / sizeof exits[0]; i++)
		sigaction(exits[i], &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatals / sizeof fatals[0]; i++)
		sigaction(fatals[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
}

static void restore_signals(void)
{
	static const int all[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS,
	                           SIGFPE, SIGILL };
	size_t i;

	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		signal(all[i], SIG_DFL);
}

/* PuTTY sends these while declaring TERM=xterm; xterm sends the others. */
static void define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) },
		{ "\033[14~", KEY_F(4) }, { "\033[15~", KEY_F(5) }, { "\033OP", KEY_F(1) },
		{ "\033OQ", KEY_F(2) },   { "\033OR", KEY_F(3) },   { "\033OS", KEY_F(4) },
		{ "\033[1~", KEY_HOME },  { "\033[4~", KEY_END },   { "\033[7~", KEY_HOME },
		{ "\033[8~", KEY_END },   { "\033[H", KEY_HOME },   { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME },   { "\033OF", KEY_END },    { "\033[2~", KEY_IC },
		{ "\033[3~", KEY_DC },    { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[Z", KEY_BTAB },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		define_key(keys[i].seq, keys[i].key);
}

static bool want_colour(const struct settings *s)
{
	const char *no_colour = getenv("NO_COLOR");

	if (s->colour == COLOUR_OFF || s->theme == THEME_MONO)
		return false;
	if (s->colour == COLOUR_AUTO && no_colour != NULL && *no_colour != '\0')
		return false;
	return has_colors();
}

int term_start(struct term **out, const struct settings *s, struct error *err)
{
	struct term *t;
	const char *frame = getenv("HOSO_FRAME_FD");
	const char *term_name = getenv("TERM");

	*out = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(err, ERROR_RUNTIME,
		                 _("the full-screen application needs a terminal; in a script use 'hoso list' or 'hoso show'"));
	t = calloc(1, sizeof *t);
	if (t == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	t->frame_fd = frame != NULL && *frame != '\0' ? atoi(frame) : -1;
	if (pipe(signal_pipe) != 0) {
		free(t);
		return error_set(err, ERROR_RUNTIME, "pipe: %s", strerror(errno));
	}
	fcntl(signal_pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(signal_pipe[1], F_SETFL, O_NONBLOCK);
	fcntl(signal_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(signal_pipe[1], F_SETFD, FD_CLOEXEC);
	have_saved_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;

	/* Unicode line drawing in PuTTY and UTF-8 xterms, unless the user chose. */
	setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	t->screen = newterm(NULL, stdout, stdin);
	if (t->screen == NULL) {
		close(signal_pipe[0]);
		close(signal_pipe[1]);
		signal_pipe[0] = signal_pipe[1] = -1;
		free(t);
		return error_set(err, ERROR_RUNTIME,
		                 _("cannot use the terminal type '%s'; set TERM to one this system knows, such as xterm-256color or linux"),
		                 term_name != NULL ? term_name : "");
	}
	reset_len = 0;
	add_reset("sgr0");
	add_reset("cnorm");
	add_reset("rmkx");
	add_reset("rmcup");
	install_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(100);
	curs_set(0);
	leaveok(stdscr, TRUE);
	idlok(stdscr, TRUE);
	define_keys();
	t->colour = want_colour(s);
	if (t->colour) {
		start_color();
		use_default_colors();
	}
	*out = t;
	return 0;
}

void term_stop(struct term **tp)
{
	struct term *t;

	if (tp == NULL || *tp == NULL)
		return;
	t = *tp;
	endwin();
	delscreen(t->screen);
	if (have_saved_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	restore_signals();
	reset_len = 0;
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	signal_pipe[0] = signal_pipe[1] = -1;
	free(t);
	*tp = NULL;
}

bool term_colour(const struct term *t)
{
	return t->colour;
}

static enum term_event read_key(ui_key *key)
{
	wint_t ch;
	int rc = wget_wch(stdscr, &ch);

	if (rc == ERR)
		return TERM_NONE;
	if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
		return TERM_RESIZE;
	*key = key_from_curses(rc == KEY_CODE_YES, (int)ch);
	return TERM_KEY;
}

enum term_event term_read(struct term *t, int timeout_ms, ui_key *key, int *sig)
{
	struct pollfd fds[2];
	enum term_event ev;
	char c;

	(void)t;
	for (;;) {
		if (read(signal_pipe[0], &c, 1) == 1) {
			*sig = (unsigned char)c;
			return TERM_SIGNAL;
		}
		ev = read_key(key);
		if (ev != TERM_NONE)
			return ev;
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[1].fd = signal_pipe[0];
		fds[1].events = POLLIN;
		if (poll(fds, 2, timeout_ms) == 0)
			return TERM_NONE;
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			return TERM_EOF;
		/* EINTR (a resize) or something to read: go round. */
	}
}

bool term_pending(struct term *t)
{
	struct pollfd fds[2];

	(void)t;
	fds[0].fd = STDIN_FILENO;
	fds[0].events = POLLIN;
	fds[1].fd = signal_pipe[0];
	fds[1].events = POLLIN;
	return signal_caught != 0 || poll(fds, 2, 0) > 0;
}

void term_repaint(struct term *t)
{
	(void)t;
	clearok(curscr, TRUE);
}

void term_flush(struct term *t)
{
	doupdate();
	if (t->frame_fd >= 0)
		(void)!write(t->frame_fd, "\n", 1);
}
