#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atomicfile.h"
#include "i18n.h"
#include "paths.h"
#include "printjob.h"
#include "settings.h"

/* True when the environment names a UTF-8 locale for the characters. */
static bool env_utf8(void)
{
	const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = getenv(names[i]);

		if (v != NULL && *v != '\0')
			return strcasestr(v, "utf-8") != NULL || strcasestr(v, "utf8") != NULL;
	}
	return false;
}

/* The child: the pipe as its input, its output thrown away, then the command. */
static void run_child(int in, const char *command)
{
	int null = open("/dev/null", O_WRONLY);

	if (dup2(in, STDIN_FILENO) < 0)
		_exit(126);
	if (in != STDIN_FILENO)
		close(in);
	if (null >= 0) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
	signal(SIGPIPE, SIG_DFL);
	if (!env_utf8())
		setenv("LC_ALL", "C.UTF-8", 1);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/* Runs command with the page on its input. 0 when it printed; -1 with res->why set. */
static int to_command(const char *command, print_produce_fn produce, void *ctx, struct print_result *res,
                      struct error *err)
{
	struct sigaction ign, old;
	int fds[2], status = 0, rc = 0, werr = 0;
	pid_t pid;
	FILE *fp;

	if (pipe(fds) != 0) {
		snprintf(res->why, sizeof res->why, "%s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		snprintf(res->why, sizeof res->why, "%s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		run_child(fds[0], command);
	}
	close(fds[0]);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	fp = fdopen(fds[1], "w");
	if (fp == NULL) {
		werr = errno;
		close(fds[1]);
	} else {
		if (produce(ctx, fp, err) != 0)
			rc = -2;
		if (fflush(fp) != 0 || ferror(fp))
			werr = errno != 0 ? errno : EIO;
		if (fclose(fp) != 0 && werr == 0)
			werr = errno;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	sigaction(SIGPIPE, &old, NULL);
	if (rc == -2)
		return -2;
	if (status == -1)
		snprintf(res->why, sizeof res->why, "%s", strerror(errno));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(res->why, sizeof res->why, "%s", _("the command was not found"));
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		snprintf(res->why, sizeof res->why, _("it exited with status %d"), WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(res->why, sizeof res->why, _("it was ended by signal %d"), WTERMSIG(status));
	else if (werr != 0)
		snprintf(res->why, sizeof res->why, _("it did not read the whole page (%s)"), strerror(werr));
	else
		return 0;
	return -1;
}

/* A new file name in the data directory for a page printed now; NULL with err set. */
static char *fallback_path(struct error *err)
{
	char *dir = paths_app_dir("data", err), *path = NULL;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	int i;

	if (dir == NULL)
		return NULL;
	if (paths_mkdir_p(dir, 0700, err) != 0) {
		free(dir);
		return NULL;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (i = 1; i < 100; i++) {
		struct stat st;
		int n = i == 1 ? asprintf(&path, "%s/print-%s.txt", dir, stamp)
		               : asprintf(&path, "%s/print-%s-%d.txt", dir, stamp, i);

		if (n < 0) {
			path = NULL;
			break;
		}
		if (lstat(path, &st) != 0)
			break;
		free(path);
		path = NULL;
	}
	free(dir);
	if (path == NULL)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return path;
}

static int to_file(const char *path, print_produce_fn produce, void *ctx, struct error *err)
{
	struct atomicfile af;
	mode_t mask = umask(0);

	umask(mask);
	if (atomicfile_open(&af, path, 0666 & ~mask, err) != 0)
		return -1;
	if (produce(ctx, af.fp, err) != 0 || atomicfile_commit(&af, err) != 0) {
		atomicfile_abort(&af);
		return -1;
	}
	return 0;
}

int print_job(const char *command, print_produce_fn produce, void *ctx, struct print_result *res,
              struct error *err)
{
	int rc;

	memset(res, 0, sizeof *res);
	if (command == NULL || *command == '\0')
		command = SETTINGS_DEFAULT_PRINT_COMMAND;
	rc = to_command(command, produce, ctx, res, err);
	if (rc == 0)
		return 0;
	if (rc == -2)
		return -1;
	if ((res->file = fallback_path(err)) == NULL)
		return -1;
	if (to_file(res->file, produce, ctx, err) != 0) {
		free(res->file);
		res->file = NULL;
		return -1;
	}
	return 1;
}

void print_result_free(struct print_result *res)
{
	if (res == NULL)
		return;
	free(res->file);
	res->file = NULL;
}
