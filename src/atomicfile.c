#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "i18n.h"
#include "paths.h"

/* One line for a failed write of path, kept apart from what the error was. */
static int write_failed(struct error *err, const char *path, int e)
{
	if (e == ENOSPC || e == EDQUOT)
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: cannot write: the disk is full (the file is left as it was)"), path);
	return error_set(err, ERROR_RUNTIME, _("%s: cannot write: %s (the file is left as it was)"), path,
	                 strerror(e != 0 ? e : EIO));
}

/* The file to replace: path itself, or the target of the link path names. */
static char *target_of(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(path, NULL)) != NULL)
		return real;
	return strdup(path);
}

int atomicfile_open(struct atomicfile *f, const char *path, mode_t mode, struct error *err)
{
	char *dir = NULL;
	const char *base;
	struct stat st;
	int fd = -1, e;

	f->fp = NULL;
	f->path = NULL;
	f->tmp = NULL;
	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("no file name given"));
	if ((f->path = target_of(path)) == NULL)
		goto nomem;
	if (stat(f->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		error_set(err, ERROR_RUNTIME, _("%s: not a regular file; nothing was written"), path);
		goto fail;
	}
	base = strrchr(f->path, '/');
	base = base != NULL ? base + 1 : f->path;
	if (*base == '\0') {
		error_set(err, ERROR_RUNTIME, _("%s: not a regular file; nothing was written"), path);
		goto fail;
	}
	if ((dir = paths_dirname(f->path)) == NULL ||
	    asprintf(&f->tmp, "%s/.%s.XXXXXX", dir, base) < 0) {
		f->tmp = NULL;
		goto nomem;
	}
	if ((fd = mkostemp(f->tmp, O_CLOEXEC)) < 0) {
		e = errno;
		free(f->tmp);
		f->tmp = NULL;
		if (e == ENOENT || e == ENOTDIR)
			error_set(err, ERROR_RUNTIME, _("%s: cannot write: the directory %s does not exist"), path, dir);
		else if (e == ENOSPC || e == EDQUOT)
			write_failed(err, path, e);
		else
			error_set(err, ERROR_RUNTIME, _("%s: cannot write: %s"), path, strerror(e));
		goto fail;
	}
	if (fchmod(fd, mode) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot write: %s"), path, strerror(errno));
		goto fail;
	}
	if ((f->fp = fdopen(fd, "w")) == NULL)
		goto nomem;
	free(dir);
	return 0;
nomem:
	error_set(err, ERROR_RUNTIME, _("out of memory"));
fail:
	if (fd >= 0)
		close(fd);
	if (f->tmp != NULL)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	free(dir);
	f->tmp = NULL;
	f->path = NULL;
	return -1;
}

/* Syncs the directory that holds path, so that its new name survives a crash. */
static void sync_dir(const char *path)
{
	char *dir = paths_dirname(path);
	int dfd;

	if (dir == NULL)
		return;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		/* Some file systems cannot sync a directory (EINVAL): the rename stands. */
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
}

int atomicfile_commit(struct atomicfile *f, struct error *err)
{
	int e = 0, failed;
	FILE *fp = f->fp;

	if (fp == NULL || f->tmp == NULL)
		return error_set(err, ERROR_RUNTIME, _("%s: cannot write: %s (the file is left as it was)"),
		                 f->path != NULL ? f->path : "", strerror(EBADF));
	f->fp = NULL;
	errno = 0;
	/* A write that failed earlier leaves ferror set; fflush tries the rest again and says why. */
	failed = ferror(fp);
	if (fflush(fp) != 0 || failed) {
		failed = 1;
		e = errno;
	}
	if (!failed && fsync(fileno(fp)) != 0) {
		failed = 1;
		e = errno;
	}
	if (fclose(fp) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed && rename(f->tmp, f->path) != 0) {
		failed = 1;
		e = errno;
	}
	if (failed) {
		write_failed(err, f->path, e);
		atomicfile_abort(f);
		return -1;
	}
	free(f->tmp);
	f->tmp = NULL;
	sync_dir(f->path);
	free(f->path);
	f->path = NULL;
	return 0;
}

void atomicfile_abort(struct atomicfile *f)
{
	if (f == NULL)
		return;
	if (f->fp != NULL) {
		fclose(f->fp);
		f->fp = NULL;
	}
	if (f->tmp != NULL) {
		unlink(f->tmp);
		free(f->tmp);
		f->tmp = NULL;
	}
	free(f->path);
	f->path = NULL;
}
