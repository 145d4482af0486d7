/*
 * Drives a full-screen program in a pseudo-terminal as a clerk would, and
 * measures what the clerk feels: the time to the first full screen, and for
 * each key the time until the screen has been sent and the bytes sent. The
 * program tells it when a screen is out by writing a line "N idle" or
 * "N busy" on file descriptor 3 ($HOSO_FRAME_FD); idle when no work is left
 * in the background (the count of the status line is in). Also the time
 * from the start, and from each key, to the first idle screen after it, and
 * the peak resident memory.
 *
 * Usage: drive COLS ROWS SCRIPT -- PROGRAM ARGS...
 * SCRIPT is a list of steps separated by spaces:
 *   name=KEYS   send KEYS (C escapes: \e \r \t \s \x..), measure, name the
 *               result, then wait until the program is idle and quiet
 *   -name=KEYS  the same, but the next step follows at once, while the
 *               program's background work goes on; the line gets a fourth
 *               word: "busy" when the last screen before the key was busy.
 *               A screen the background work sends could be taken for the
 *               key's: so the driver waits until the program has read the
 *               key from the terminal ("name.read ms 0"), forgets the
 *               screens that came before, and times the next one (when the
 *               key's own screen came before the driver saw the read, the
 *               time is that of a later screen: too long, never too short);
 *               its bytes are those read by the time of its screen
 *   !name=CMD   run CMD (escapes as for keys: \s is a space) with /bin/sh,
 *               as another process would, while the program sits idle;
 *               then wait for the screen the program sends without a key
 *   KEYS        send KEYS without measuring
 * Output: "first_screen ms bytes", "totals_in ms 0" (the first idle
 * screen), then per measured step "name ms bytes" and "name.total ms 0"
 * (from the key to the first idle screen after it), and "peak_rss_kb N".
 * A command step gives "name ms bytes" from the command's end to the next
 * screen (below 0 when the screen came before the command had ended), and
 * "name.cmd ms 0", the command's own time.
 *
 * Nothing waits forever: the whole run ends after $DRIVE_TIMEOUT seconds
 * (600) with a message and status 1, and the program is killed when it does
 * not end within 5 s of SIGTERM.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1, frames = -1;
static int slave = -1;            /* the terminal's other side, to see what the program has read */
static pid_t child = -1;
static double command_frame = -1; /* a screen that came while a command ran */
static long bytes_out;
static double idle_at = -1;    /* when the last idle frame came */
static int last_idle;          /* the last frame was idle */
static char frame_line[64];    /* a frame line read in part */
static size_t frame_len;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads what is there from the terminal (counted) and the frame pipe; returns frames seen. */
static int pump(int timeout_ms)
{
	struct pollfd fds[2] = { { master, POLLIN, 0 }, { frames, POLLIN, 0 } };
	char buf[65536];
	int seen = 0;

	if (poll(fds, 2, timeout_ms) <= 0)
		return 0;
	if (fds[0].revents & POLLIN) {
		ssize_t n = read(master, buf, sizeof buf);

		if (n > 0)
			bytes_out += n;
	}
	if (fds[1].revents & POLLIN) {
		ssize_t n = read(frames, buf, sizeof buf), i;

		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (frame_len + 1 < sizeof frame_line)
					frame_line[frame_len++] = buf[i];
				continue;
			}
			frame_line[frame_len] = '\0';
			/* A program with no background work (bench/floor) writes neither word: idle. */
			last_idle = strstr(frame_line, "busy") == NULL;
			if (last_idle)
				idle_at = now_ms();
			frame_len = 0;
			seen++;
		}
	}
	if ((fds[0].revents | fds[1].revents) & (POLLHUP | POLLERR))
		return -1;
	return seen;
}

/* Waits for a frame; returns its time, or a negative number on timeout. */
static double wait_frame(int timeout_ms)
{
	double end = now_ms() + timeout_ms;

	while (now_ms() < end) {
		int f = pump(10);

		if (f < 0)
			return -1;
		if (f > 0)
			return now_ms();
	}
	return -1;
}

/*
 * Takes what the terminal still has: the kernel hands a pseudo-terminal's
 * output over a little after the program wrote it, so read until it has
 * been quiet for 20 ms. The bytes of a key are thus those of its screen and
 * of any update its background work (a count on the status line) makes.
 */
static void drain(void)
{
	struct pollfd fds[2] = { { master, POLLIN, 0 }, { frames, POLLIN, 0 } };
	char buf[65536];

	for (;;) {
		ssize_t n;

		fds[0].revents = fds[1].revents = 0;
		if (poll(fds, 1, 20) <= 0 || !(fds[0].revents & POLLIN))
			return;
		n = read(master, buf, sizeof buf);
		if (n <= 0)
			return;
		bytes_out += n;
	}
}

/* Waits until the last frame was idle (background work done) and none has come for quiet_ms. */
static void settle(int quiet_ms, int max_ms)
{
	double end = now_ms() + max_ms, last = now_ms();

	while (now_ms() < end && (now_ms() - last < quiet_ms || !last_idle)) {
		int f = pump(5);

		if (f < 0)
			return;
		if (f > 0)
			last = now_ms();
	}
	drain();
}

/* Waits until the program has read all that was typed; the time then, or -1. */
static double wait_read(int timeout_ms)
{
	double end = now_ms() + timeout_ms;
	int queued = 0;

	while (now_ms() < end) {
		if (ioctl(slave, FIONREAD, &queued) != 0)
			return -1;
		if (queued == 0)
			return now_ms();
		if (pump(0) < 0)
			return -1;
		usleep(50); /* leave the CPU to the program */
	}
	return -1;
}

static size_t unescape(const char *s, char *out)
{
	size_t n = 0;

	while (*s != '\0') {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			switch (*s) {
			case 'e': out[n++] = 27; break;
			case 'r': out[n++] = '\r'; break;
			case 't': out[n++] = '\t'; break;
			case 's': out[n++] = ' '; break;
			case 'x': {
				char hex[3] = { s[1], s[2], 0 };

				out[n++] = (char)strtol(hex, NULL, 16);
				s += 2;
				break;
			}
			default: out[n++] = *s;
			}
			s++;
		} else {
			out[n++] = *s++;
		}
	}
	return n;
}

static long peak_rss(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* The whole run took too long: say so, and take the program down with it. */
static void on_alarm(int sig)
{
	static const char msg[] = "drive: timed out ($DRIVE_TIMEOUT); the program is killed\n";

	(void)sig;
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	if (child > 0)
		kill(child, SIGKILL);
	_exit(1);
}

/* Runs cmd with /bin/sh, reading the terminal meanwhile; its time in ms, or -1 when it failed. */
static double run_command(const char *cmd)
{
	double start = now_ms();
	int status, f;
	pid_t p = fork();

	if (p < 0)
		return -1;
	if (p == 0) {
		int null = open("/dev/null", O_RDWR);

		close(master);
		close(frames);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	for (;;) {
		pid_t w = waitpid(p, &status, WNOHANG);

		if (w == p)
			break;
		if (w < 0)
			return -1;
		f = pump(1);
		if (f > 0 && command_frame < 0)
			command_frame = now_ms(); /* the program saw the commit before the command ended */
		if (f < 0)
			usleep(1000); /* the program is gone: only wait for the command */
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "drive: '%s' failed (status %d)\n", cmd, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return now_ms() - start;
}

/* Ends the program: SIGTERM, its last output read, SIGKILL when it does not go within 5 s. */
static void finish(pid_t pid)
{
	double end;

	kill(pid, SIGTERM);
	end = now_ms() + 5000;
	while (now_ms() < end) {
		if (waitpid(pid, NULL, WNOHANG) != 0)
			return;
		pump(10); /* a program blocked writing to its terminal would never end */
	}
	fprintf(stderr, "drive: the program did not end within 5 s of SIGTERM; killed\n");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
	struct winsize ws = { 0 };
	int pipefd[2], argi;
	pid_t pid;
	double t0, t;
	char *script, *step, *save = NULL;
	long peak = -1, rss;

	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fprintf(stderr, "usage: drive COLS ROWS SCRIPT -- PROGRAM ARGS...\n");
		return 2;
	}
	ws.ws_col = (unsigned short)atoi(argv[1]);
	ws.ws_row = (unsigned short)atoi(argv[2]);
	script = strdup(argv[3]);
	argi = 5;
	if (pipe(pipefd) != 0)
		return 1;
	t0 = now_ms();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		close(pipefd[0]);
		if (pipefd[1] != 3) {
			dup2(pipefd[1], 3);
			close(pipefd[1]);
		}
		setenv("HOSO_FRAME_FD", "3", 1);
		execvp(argv[argi], argv + argi);
		_exit(127);
	}
	child = pid;
	signal(SIGALRM, on_alarm);
	alarm(getenv("DRIVE_TIMEOUT") != NULL ? (unsigned)atoi(getenv("DRIVE_TIMEOUT")) : 600);
	close(pipefd[1]);
	frames = pipefd[0];
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	fcntl(master, F_SETFL, O_NONBLOCK);
	fcntl(frames, F_SETFL, O_NONBLOCK);

	t = wait_frame(60000);
	if (t < 0) {
		fprintf(stderr, "drive: no first screen\n");
		kill(pid, SIGKILL);
		return 1;
	}
	drain();
	printf("first_screen %.3f %ld\n", t - t0, bytes_out);
	fflush(stdout);
	settle(300, 120000);
	if (idle_at >= 0)
		printf("totals_in %.3f 0\n", idle_at - t0);
	peak = peak_rss(pid);

	for (step = strtok_r(script, " ", &save); step != NULL; step = strtok_r(NULL, " ", &save)) {
		char keys[1024], *eq = strchr(step, '=');
		bool no_settle = eq != NULL && step[0] == '-', command = eq != NULL && step[0] == '!';
		size_t n = unescape(eq != NULL ? eq + 1 : step, keys);
		double sent, got, took = 0, taken = -1;
		long before;
		const char *state = last_idle ? "idle" : "busy";

		if (strlen(step) >= sizeof keys) {
			fprintf(stderr, "drive: step too long: %.40s…\n", step);
			return 2;
		}
		if (no_settle || command)
			step++;
		if (command) {
			drain();
			before = bytes_out;
			keys[n] = '\0';
			command_frame = -1;
			took = run_command(keys);
			if (took < 0)
				break;
			sent = now_ms();
			got = command_frame >= 0 ? command_frame : wait_frame(10000);
			idle_at = -1;
		} else {
			drain();
			before = bytes_out;
			idle_at = -1;
			sent = now_ms();
			if (write(master, keys, n) != (ssize_t)n) {
				perror("drive: write");
				break;
			}
			if (no_settle && slave >= 0 && (taken = wait_read(120000)) >= 0) {
				while (pump(0) > 0)
					; /* screens sent before the key was read are not its */
			}
			got = wait_frame(eq != NULL ? 120000 : 2000);
		}
		if (!no_settle)
			drain();
		if (got < 0 && eq == NULL && waitpid(pid, NULL, WNOHANG) == 0)
			fprintf(stderr, "drive: no screen after '%s' (2 s)\n", step);
		if (eq != NULL) {
			*eq = '\0';
			if (got < 0)
				printf("%s timeout %ld\n", step, bytes_out - before);
			else if (no_settle)
				printf("%s %.3f %ld %s\n", step, got - sent, bytes_out - before, state);
			else
				printf("%s %.3f %ld\n", step, got - sent, bytes_out - before);
			if (command)
				printf("%s.cmd %.3f 0\n", step, took);
			if (taken >= 0)
				printf("%s.read %.3f 0\n", step, taken - sent);
			fflush(stdout);
			if (got < 0)
				fprintf(stderr, "drive: no screen after '%s'\n", step);
		}
		if (!no_settle)
			settle(150, 120000);
		if (eq != NULL && !no_settle && got >= 0 && idle_at >= 0)
			printf("%s.total %.3f 0\n", step, idle_at - sent);
		if ((rss = peak_rss(pid)) > peak)
			peak = rss; /* read after each step: the last one may end the program */
	}
	printf("peak_rss_kb %ld\n", peak);
	fflush(stdout);
	finish(pid);
	return 0;
}
