#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "backup.h"
#include "i18n.h"
#include "paths.h"
#include "store.h"

int backup_to(struct store *s, const char *path, struct error *err)
{
	sqlite3 *dest = NULL;
	sqlite3_backup *b;
	char *tmp = NULL, *dir = NULL;
	int fd = -1, rc, ret = -1;
	struct stat st;

	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("backup: no file given"));
	if (lstat(path, &st) == 0)
		return error_set(err, ERROR_RUNTIME, _("%s: already exists; give a new file name"), path);
	dir = paths_dirname(path);
	if (dir == NULL || asprintf(&tmp, "%s/.hoso-backup-XXXXXX", dir) < 0) {
		tmp = NULL;
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot write the backup: %s"), path, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot write the backup: %s"), path,
		          dest != NULL ? sqlite3_errmsg(dest) : _("out of memory"));
		goto done;
	}
	b = sqlite3_backup_init(dest, "main", store_db(s), "main");
	if (b == NULL) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot start the backup: %s"), path, sqlite3_errmsg(dest));
		goto done;
	}
	/* All pages in one step: one read transaction, one consistent snapshot. */
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_FULL || rc == SQLITE_IOERR_WRITE)
			error_set(err, ERROR_RUNTIME, _("%s: cannot write the backup: the disk is full or failing"), path);
		else
			error_set(err, ERROR_RUNTIME, _("%s: the backup failed: %s"), path, sqlite3_errstr(rc));
		goto done;
	}
	if (sqlite3_close(dest) != SQLITE_OK) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot finish the backup: %s"), path, sqlite3_errmsg(dest));
		goto done;
	}
	dest = NULL;
	/* Make the copy durable before it takes its name. */
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		error_set(err, ERROR_RUNTIME, _("%s: cannot finish the backup: %s"), path, strerror(errno));
		goto done;
	}
	close(fd);
	fd = -1;
	if (link(tmp, path) != 0) {
		/* link refuses to replace a file that appeared meanwhile; rename would not. */
		error_set(err, ERROR_RUNTIME, _("%s: cannot write the backup: %s"), path, strerror(errno));
		goto done;
	}
	ret = 0;
done:
	if (fd >= 0)
		close(fd);
	if (dest != NULL)
		sqlite3_close(dest);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	free(dir);
	return ret;
}
