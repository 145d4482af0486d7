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
#include "migrate.h"
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

/* Checks that the file at path is a whole hoso database this hoso can take. */
static int check_copy(struct store *src, const char *path, struct error *err)
{
	sqlite3_stmt *st;
	long app_id = 0;
	int version = store_schema_version(src), rc;
	char msg[512] = "";

	if (store_query_long(src, "PRAGMA application_id", &app_id, err) != 0)
		return -1;
	if (app_id != STORE_APPLICATION_ID || version < 1)
		return error_set(err, ERROR_RUNTIME, _("%s: not a hoso database; nothing was restored"), path);
	if (version > migrate_latest())
		return error_set(err, ERROR_RUNTIME,
		                 _("%s: made by a newer hoso (schema version %d; this hoso knows up to %d); nothing was restored"),
		                 path, version, migrate_latest());
	if (store_prepare(src, "PRAGMA integrity_check(1)", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(msg, sizeof msg, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(store_db(src)));
	sqlite3_finalize(st);
	if (strcmp(msg, "ok") != 0)
		return error_set(err, ERROR_RUNTIME, _("%s: the copy is damaged (%s); nothing was restored"), path, msg);
	return 0;
}

int backup_restore(struct store *s, const char *path, struct error *err)
{
	struct store *src = NULL;
	sqlite3_backup *b;
	struct stat a, c;
	int rc, ret = -1;

	if (path == NULL || *path == '\0')
		return error_set(err, ERROR_USAGE, _("backup: no file given"));
	if (store_read_only(s) != STORE_RO_NO)
		return error_set(err, ERROR_RUNTIME, _("%s: the database is read-only here; nothing was restored"),
		                 store_path(s));
	if (stat(path, &a) == 0 && stat(store_path(s), &c) == 0 && a.st_dev == c.st_dev && a.st_ino == c.st_ino)
		return error_set(err, ERROR_RUNTIME, _("%s: is the database itself; nothing was restored"), path);
	if (store_open(&src, path, STORE_READ_ONLY | STORE_NO_MIGRATE, 0, err) != 0)
		return -1;
	if (check_copy(src, path, err) != 0)
		goto done;
	b = sqlite3_backup_init(store_db(s), "main", store_db(src), "main");
	if (b == NULL) {
		store_fail(s, err, _("restoring"));
		goto done;
	}
	/* One step: one write transaction, waiting the busy timeout for another writer. */
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		error_set(err, ERROR_RUNTIME,
		          _("%s: another clerk or program is writing the database; nothing was restored: try again"),
		          store_path(s));
	else if (rc == SQLITE_READONLY)
		error_set(err, ERROR_RUNTIME,
		          _("%s: cannot restore %s into it (its page size differs, or it is read-only); nothing was restored"),
		          store_path(s), path);
	else if (rc != SQLITE_DONE)
		error_set(err, ERROR_RUNTIME, _("%s: the restore failed (%s); nothing was restored"),
		          store_path(s), sqlite3_errstr(rc));
	else
		ret = 0;
done:
	store_close(&src);
	return ret;
}

int backup_restore_fill(struct store *s, void *ctx, struct error *err)
{
	return backup_restore(s, ctx, err);
}
