/* Files written whole or not at all: a temporary file, checked, then renamed. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

#include "atomicfile.h"

/* The whole content of path into buf (bufsz bytes, NUL-terminated); -1 when it cannot be read. */
static int slurp(const char *path, char *buf, size_t bufsz)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL)
		return -1;
	n = fread(buf, 1, bufsz - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return 0;
}

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* How many entries dir holds besides . and .. (a temporary file left behind shows here). */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *join(const char *dir, const char *name)
{
	char *p = NULL;

	assert_true(asprintf(&p, "%s/%s", dir, name) > 0);
	return p;
}

static void test_bad_arguments(void **state)
{
	struct atomicfile f;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(atomicfile_open(&f, NULL, 0644, &err), -1);
	assert_int_equal(err.kind, ERROR_USAGE);
	assert_int_equal(atomicfile_open(&f, "", 0644, &err), -1);
	atomicfile_abort(&f); /* harmless after a failed open */
	atomicfile_abort(NULL);
	assert_int_equal(atomicfile_open(&f, "/", 0644, &err), -1);
	assert_non_null(strstr(err.msg, "not a regular file"));
	assert_int_equal(atomicfile_open(&f, "/dev/null", 0644, &err), -1);
	assert_non_null(strstr(err.msg, "/dev/null: not a regular file"));
}

static void test_new_file(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "report.txt"), buf[256];
	struct atomicfile f;
	struct error err = { 0 };

	(void)state;
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), 0);
	fputs("Báo cáo tình hình\n", f.fp);
	assert_int_equal(slurp(path, buf, sizeof buf), -1); /* not there before the commit */
	assert_int_equal(entries(dir), 1);                   /* the temporary file */
	assert_int_equal(atomicfile_commit(&f, &err), 0);
	assert_null(f.fp);
	atomicfile_abort(&f); /* harmless after a commit */
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "Báo cáo tình hình\n");
	assert_int_equal(entries(dir), 1); /* and nothing else */
	free(path);
	unit_rmdir(dir);
}

static void test_replaces_old(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "r.html"), buf[256];
	struct atomicfile f;
	struct error err = { 0 };

	(void)state;
	spit(path, "old\n");
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), 0);
	fputs("new\n", f.fp);
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "old\n"); /* untouched while writing */
	assert_int_equal(atomicfile_commit(&f, &err), 0);
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "new\n");
	assert_int_equal(entries(dir), 1);
	free(path);
	unit_rmdir(dir);
}

static void test_abort_keeps_old(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "r.pdf"), buf[256];
	struct atomicfile f;
	struct error err = { 0 };

	(void)state;
	spit(path, "old\n");
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), 0);
	fputs("half a report", f.fp);
	atomicfile_abort(&f);
	atomicfile_abort(&f); /* twice is harmless */
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "old\n");
	assert_int_equal(entries(dir), 1); /* the temporary file is gone */
	free(path);
	unit_rmdir(dir);
}

static void test_mode(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "m"), *other = join(dir, "n");
	struct atomicfile f;
	struct error err = { 0 };
	struct stat st;
	mode_t old = umask(077);

	(void)state;
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), 0);
	assert_int_equal(atomicfile_commit(&f, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644); /* as asked, whatever the umask */
	spit(other, "x");
	chmod(other, 0666);
	assert_int_equal(atomicfile_open(&f, other, 0600, &err), 0);
	assert_int_equal(atomicfile_commit(&f, &err), 0);
	assert_int_equal(stat(other, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	umask(old);
	free(path);
	free(other);
	unit_rmdir(dir);
}

static void test_symlink_kept(void **state)
{
	char *dir = unit_tmpdir(), *target = join(dir, "target"), *link = join(dir, "link"), buf[64];
	struct atomicfile f;
	struct error err = { 0 };
	struct stat st;

	(void)state;
	spit(target, "old");
	assert_int_equal(symlink("target", link), 0);
	assert_int_equal(atomicfile_open(&f, link, 0644, &err), 0);
	fputs("new", f.fp);
	assert_int_equal(atomicfile_commit(&f, &err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(slurp(target, buf, sizeof buf), 0);
	assert_string_equal(buf, "new");
	free(target);
	free(link);
	unit_rmdir(dir);
}

static void test_missing_directory(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "nowhere/report.txt");
	struct atomicfile f;
	struct error err = { 0 };
	char want[1200];

	(void)state;
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), -1);
	assert_int_equal(err.kind, ERROR_RUNTIME);
	snprintf(want, sizeof want, "%s: cannot write: the directory %s/nowhere does not exist", path, dir);
	assert_string_equal(err.msg, want);
	assert_null(f.fp);
	atomicfile_abort(&f);
	assert_int_equal(entries(dir), 0);
	free(path);
	unit_rmdir(dir);
}

/*
 * Writes 1 MiB to path through an atomicfile; returns what commit returned,
 * and the message in err.
 */
static int write_big(const char *path, struct error *err)
{
	struct atomicfile f;
	static char block[4096];
	int i;

	memset(block, 'x', sizeof block);
	if (atomicfile_open(&f, path, 0644, err) != 0)
		return -2;
	for (i = 0; i < 256; i++)
		fwrite(block, 1, sizeof block, f.fp);
	if (atomicfile_commit(&f, err) != 0) {
		atomicfile_abort(&f);
		return -1;
	}
	return 0;
}

/*
 * A file that cannot grow: with a file size limit (RLIMIT_FSIZE) and SIGXFSZ
 * ignored, write() fails with EFBIG past the limit, as it fails with ENOSPC
 * on a full disk. The old file stays, the temporary file goes.
 */
static void test_file_size_limit(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "r.txt"), buf[256], want[1200];
	struct error err = { 0 };
	struct rlimit old, lim;
	void (*oldsig)(int);

	(void)state;
	spit(path, "old\n");
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 64 * 1024;
	oldsig = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(write_big(path, &err), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, oldsig);
	snprintf(want, sizeof want, "%s: cannot write: %s (the file is left as it was)", path, strerror(EFBIG));
	assert_string_equal(err.msg, want);
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "old\n");
	assert_int_equal(entries(dir), 1);
	free(path);
	unit_rmdir(dir);
}

static int write_map(const char *file, const char *text)
{
	int fd = open(file, O_WRONLY | O_CLOEXEC), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return ok ? 0 : -1;
}

/*
 * A real full disk: a 64 KiB tmpfs mounted in a user and mount namespace of
 * a child process (no privilege needed where the kernel allows unprivileged
 * user namespaces; the test is skipped where it does not). The child exits
 * 0 when the old file survived with the "disk is full" message, 77 when it
 * could not mount, 1 otherwise.
 */
static void test_full_disk(void **state)
{
	char *dir = unit_tmpdir();
	pid_t pid;
	int st;

	(void)state;
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char map[64], *path = NULL, buf[64];
		uid_t uid = getuid();
		gid_t gid = getgid();
		struct error err = { 0 };

		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
			_exit(77);
		snprintf(map, sizeof map, "0 %ld 1", (long)uid);
		write_map("/proc/self/setgroups", "deny");
		if (write_map("/proc/self/uid_map", map) != 0)
			_exit(77);
		snprintf(map, sizeof map, "0 %ld 1", (long)gid);
		if (write_map("/proc/self/gid_map", map) != 0)
			_exit(77);
		if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
		    mount("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
			_exit(77);
		if (asprintf(&path, "%s/r.txt", dir) < 0)
			_exit(1);
		{
			FILE *fp = fopen(path, "w");

			if (fp == NULL || fputs("old\n", fp) < 0 || fclose(fp) != 0)
				_exit(1);
		}
		if (write_big(path, &err) != -1) {
			fprintf(stderr, "a 1 MiB file fitted on a 64 KiB disk\n");
			_exit(1);
		}
		if (strstr(err.msg, ": cannot write: the disk is full (the file is left as it was)") == NULL ||
		    strncmp(err.msg, path, strlen(path)) != 0) {
			fprintf(stderr, "message: %s\n", err.msg);
			_exit(1);
		}
		if (slurp(path, buf, sizeof buf) != 0 || strcmp(buf, "old\n") != 0 || entries(dir) != 1) {
			fprintf(stderr, "the old file was damaged or a temporary file stayed\n");
			_exit(1);
		}
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	unit_rmdir(dir);
	assert_true(WIFEXITED(st));
	if (WEXITSTATUS(st) == 77)
		skip();
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* A write error before the commit (a closed descriptor) is found by the commit. */
static void test_earlier_write_error(void **state)
{
	char *dir = unit_tmpdir(), *path = join(dir, "r.txt"), buf[64];
	struct atomicfile f;
	struct error err = { 0 };

	(void)state;
	spit(path, "old\n");
	assert_int_equal(atomicfile_open(&f, path, 0644, &err), 0);
	fputs("new", f.fp);
	close(fileno(f.fp)); /* the flush will fail with EBADF */
	assert_int_equal(atomicfile_commit(&f, &err), -1);
	assert_non_null(strstr(err.msg, "(the file is left as it was)"));
	atomicfile_abort(&f);
	assert_int_equal(slurp(path, buf, sizeof buf), 0);
	assert_string_equal(buf, "old\n");
	assert_int_equal(entries(dir), 1);
	free(path);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_new_file),
		cmocka_unit_test(test_replaces_old),
		cmocka_unit_test(test_abort_keeps_old),
		cmocka_unit_test(test_mode),
		cmocka_unit_test(test_symlink_kept),
		cmocka_unit_test(test_missing_directory),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_earlier_write_error),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
