#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "input.h"
#include "settings.h"
#include "terminal.h"

/* Esc alone is Esc after this long with nothing behind it ($ESCDELAY overrides). */
#define ESC_DELAY_MS 100
/* A sequence already begun (ESC [ …) waits this long for its end, on a slow link. */
#define SEQ_DELAY_MS 1000

/* Bracketed paste on and off: pasted text comes marked, never as commands. */
#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"
/* Asks the terminal for its background colour (xterm's OSC 11). */
#define ASK_BACKGROUND "\033]11;?\033\\"

struct terminal {
	SCREEN *screen;
	bool colour;
	bool no_rmcup;   /* the terminal has no alternate screen: clear it on the way out */
	int frame_fd;    /* $HOSO_FRAME_FD, or -1 */
	bool frame_title; /* $HOSO_FRAME_TITLE: the frame line goes into the title too */
	unsigned long frames;
	int esc_delay_ms;
	struct input in;
};

/*
 * What the signal handlers must reach: the pipe that wakes the loop, and
 * what puts the terminal back after a crash. Nothing else is global.
 */
static int signal_pipe[2] = { -1, -1 };
static volatile sig_atomic_t signal_caught;
static struct termios saved_termios;
static bool have_saved_termios;
static char reset_seq[512];
static size_t reset_len;

static void on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig != SIGWINCH && sig != SIGCONT && sig != SIGTSTP)
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

static void add_reset_string(const char *s)
{
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static void add_reset(const char *cap)
{
	add_reset_string(tigetstr((char *)cap));
}

static const int exit_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static const int fatal_signals[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
static const int loop_signals[] = { SIGWINCH, SIGTSTP, SIGCONT };

static void install_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (i = 0; i < sizeof exit_signals / sizeof exit_signals[0]; i++)
		sigaction(exit_signals[i], &sa, NULL);
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof loop_signals / sizeof loop_signals[0]; i++)
		sigaction(loop_signals[i], &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		sigaction(fatal_signals[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
}

static void restore_signals(void)
{
	size_t i;

	for (i = 0; i < sizeof exit_signals / sizeof exit_signals[0]; i++)
		signal(exit_signals[i], SIG_DFL);
	for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		signal(fatal_signals[i], SIG_DFL);
	for (i = 0; i < sizeof loop_signals / sizeof loop_signals[0]; i++)
		signal(loop_signals[i], SIG_DFL);
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

/* Writes s to the terminal at once (outside curses' own output). */
static void emit(const char *s)
{
	fflush(stdout);
	(void)!write(STDOUT_FILENO, s, strlen(s));
}

/* Terminals that answer the background query, or pass it on (tmux, screen). */
static bool asks_background(const char *name)
{
	static const char *const prefixes[] = { "xterm", "putty", "tmux", "screen", "rxvt",
		                                    "alacritty", "foot", "kitty", "vte", "gnome",
		                                    "konsole", "st-", NULL };
	size_t i;

	for (i = 0; prefixes[i] != NULL; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* The terminal's kind, checked before curses is given it. */
static int check_term_name(const char *name, struct error *err)
{
	int rc = 0;

	if (name == NULL || *name == '\0')
		return error_set(err, ERROR_RUNTIME,
		                 _("TERM is not set, so hoso does not know the terminal; set it, for example: export TERM=xterm-256color (or linux on the console)"));
	if (setupterm((char *)name, STDOUT_FILENO, &rc) != OK || rc != 1)
		return error_set(err, ERROR_RUNTIME,
		                 _("cannot use the terminal type '%s'; set TERM to one this system knows, such as xterm-256color or linux"),
		                 name);
	if (tigetstr((char *)"cup") == NULL || tigetstr((char *)"cup") == (char *)-1) {
		del_curterm(cur_term);
		return error_set(err, ERROR_RUNTIME,
		                 _("the terminal type '%s' cannot place the cursor, so a full screen cannot be drawn; set TERM to your terminal's, such as xterm-256color, or use 'hoso list'"),
		                 name);
	}
	del_curterm(cur_term);
	return 0;
}

static int env_ms(const char *name, int dflt)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return dflt;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= 0 && n <= 10000 ? (int)n : dflt;
}

int term_start(struct terminal **out, const struct settings *s, struct error *err)
{
	struct terminal *t;
	const char *frame = getenv("HOSO_FRAME_FD");
	const char *term_name = getenv("TERM");
	char *rmcup;

	*out = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(err, ERROR_RUNTIME,
		                 _("the full-screen application needs a terminal; in a script use 'hoso list' or 'hoso show'"));
	if (check_term_name(term_name, err) != 0)
		return -1;
	t = calloc(1, sizeof *t);
	if (t == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	t->frame_fd = frame != NULL && *frame != '\0' ? atoi(frame) : -1;
	t->frame_title = getenv("HOSO_FRAME_TITLE") != NULL && *getenv("HOSO_FRAME_TITLE") != '\0';
	t->esc_delay_ms = env_ms("ESCDELAY", ESC_DELAY_MS);
	input_init(&t->in);
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
	/* Our own handler for resizes, set before curses would set its own. */
	install_signals();
	t->screen = newterm(NULL, stdout, stdin);
	if (t->screen == NULL) {
		restore_signals();
		close(signal_pipe[0]);
		close(signal_pipe[1]);
		signal_pipe[0] = signal_pipe[1] = -1;
		free(t);
		return error_set(err, ERROR_RUNTIME,
		                 _("cannot use the terminal type '%s'; set TERM to one this system knows, such as xterm-256color or linux"),
		                 term_name);
	}
	rmcup = tigetstr((char *)"rmcup");
	t->no_rmcup = rmcup == NULL || rmcup == (char *)-1;
	reset_len = 0;
	add_reset_string(PASTE_OFF);
	add_reset("sgr0");
	add_reset("cnorm");
	add_reset("rmcup");
	raw();
	noecho();
	nonl();
	/*
	 * hoso reads the keys itself (input.h): curses' keypad mode stays off, so
	 * the terminal's keypad stays numeric (PuTTY's digits type digits) and no
	 * sequence curses does not know can turn into Esc and letters.
	 */
	keypad(stdscr, FALSE);
	typeahead(-1);
	curs_set(0);
	leaveok(stdscr, TRUE);
	idlok(stdscr, TRUE);
	t->colour = want_colour(s);
	if (t->colour) {
		start_color();
		use_default_colors();
	}
	{
		char *rmkx = tigetstr((char *)"rmkx");

		if (rmkx != NULL && rmkx != (char *)-1)
			putp(rmkx); /* a keypad left in application mode by another program */
	}
	fflush(stdout);
	if (strcmp(term_name, "linux") != 0 && strncmp(term_name, "vt", 2) != 0)
		emit(PASTE_ON);
	if (s->theme == THEME_DEFAULT && t->colour && asks_background(term_name))
		emit(ASK_BACKGROUND);
	*out = t;
	return 0;
}

void term_stop(struct terminal **tp)
{
	struct terminal *t;

	if (tp == NULL || *tp == NULL)
		return;
	t = *tp;
	if (t->no_rmcup) {
		/* No alternate screen to leave: leave a clean one, the cursor at the top. */
		clear();
		refresh();
	}
	endwin();
	emit(PASTE_OFF);
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

bool term_colour(const struct terminal *t)
{
	return t->colour;
}

/* Takes the terminal's size after SIGWINCH. */
static void take_size(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	/* The terminal may have reflowed what it showed: draw everything again. */
	clearok(curscr, TRUE);
}

/* Reads what the terminal has sent into the decoder. Returns -1 when it went away. */
static int fill(struct terminal *t)
{
	unsigned char buf[1024];
	size_t room = sizeof t->in.buf - t->in.len;
	ssize_t n;

	if (room == 0)
		return 0;
	n = read(STDIN_FILENO, buf, room < sizeof buf ? room : sizeof buf);
	if (n == 0)
		return -1;
	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	input_feed(&t->in, buf, (size_t)n);
	return 0;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum term_event term_read(struct terminal *t, int timeout_ms, ui_key *key, int *sig)
{
	long long deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : -1;
	bool timed_out = false;

	for (;;) {
		struct pollfd fds[2];
		char c;
		int wait, rc;

		if (read(signal_pipe[0], &c, 1) == 1) {
			*sig = (unsigned char)c;
			switch (*sig) {
			case SIGWINCH:
				take_size();
				return TERM_RESIZE;
			case SIGTSTP:
				return TERM_SUSPEND;
			case SIGCONT:
				return TERM_RESUMED;
			default:
				return TERM_SIGNAL;
			}
		}
		if (input_next(&t->in, timed_out, key))
			return TERM_KEY;
		timed_out = false;
		if (input_pending(&t->in)) {
			/* The start of a sequence: wait a little for the rest. */
			wait = t->in.len == 1 ? t->esc_delay_ms : SEQ_DELAY_MS;
		} else if (deadline < 0) {
			wait = -1;
		} else {
			long long left = deadline - now_ms();

			if (left <= 0)
				return TERM_NONE;
			wait = (int)left;
		}
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		fds[1].fd = signal_pipe[0];
		fds[1].events = POLLIN;
		fds[1].revents = 0;
		rc = poll(fds, 2, wait);
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			return TERM_EOF;
		}
		if (rc == 0) {
			if (input_pending(&t->in))
				timed_out = true;
			continue;
		}
		if (fds[0].revents & POLLIN) {
			if (fill(t) != 0)
				return TERM_EOF;
		} else if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			return TERM_EOF;
		}
	}
}

bool term_pending(struct terminal *t)
{
	struct pollfd fds[2];

	if (signal_caught != 0 || input_pending(&t->in))
		return true;
	fds[0].fd = STDIN_FILENO;
	fds[0].events = POLLIN;
	fds[0].revents = 0;
	fds[1].fd = signal_pipe[0];
	fds[1].events = POLLIN;
	fds[1].revents = 0;
	return poll(fds, 2, 0) > 0;
}

void term_suspend(struct terminal *t)
{
	sigset_t set, old;

	def_prog_mode();
	if (t->no_rmcup) {
		clear();
		refresh();
	}
	endwin();
	emit(PASTE_OFF);
	if (have_saved_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	/* Stop as the shell expects; SIGCONT brings us back here. */
	signal(SIGTSTP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	kill(getpid(), SIGTSTP);
	sigprocmask(SIG_SETMASK, &old, NULL);
	{
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGTSTP, &sa, NULL);
	}
	term_resume(t);
}

void term_resume(struct terminal *t)
{
	reset_prog_mode();
	take_size();
	if (strcmp(getenv("TERM") != NULL ? getenv("TERM") : "", "linux") != 0)
		emit(PASTE_ON);
	clearok(curscr, TRUE);
	(void)t;
}

void term_repaint(struct terminal *t)
{
	(void)t;
	clearok(curscr, TRUE);
}

void term_flush(struct terminal *t, bool idle)
{
	const char *state = idle ? "idle" : "busy";

	wnoutrefresh(stdscr);
	doupdate();
	t->frames++;
	if (t->frame_fd >= 0) {
		char line[64];
		int n = snprintf(line, sizeof line, "%lu %s\n", t->frames, state);

		(void)!write(t->frame_fd, line, (size_t)n);
	}
	if (t->frame_title) {
		/* After the screen's bytes: a terminal that shows this title has the whole screen. */
		char title[64];

		snprintf(title, sizeof title, "\033]2;hoso-frame-%lu-%s\007", t->frames, state);
		emit(title);
	}
}
