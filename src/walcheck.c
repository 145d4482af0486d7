#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "walcheck.h"

/*
 * Whether a -wal file belongs to the database beside it, read from the
 * files themselves (WAL and -shm formats of sqlite.org/fileformat.html).
 */

static uint32_t get32(const unsigned char *p, bool big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
	           : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* SQLite's WAL checksum of n bytes (a multiple of 8) continuing from c. */
static void wal_checksum(const unsigned char *p, size_t n, bool big, uint32_t c[2])
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		c[0] += get32(p + i, big) + c[1];
		c[1] += get32(p + i + 4, big) + c[0];
	}
}

/* The database file and its WAL as wal_check_foreign reads them. */
struct walscan {
	int db, wal;
	uint32_t page_size;    /* the database's */
	uint32_t pages;        /* pages in the database file */
	uint32_t header_pages; /* the size its first page records; 0 when not valid */
	unsigned char hdr[32]; /* the WAL's header */
	bool big;              /* the WAL's checksums are big-endian */
	uint32_t wal_page_size;
	unsigned char *frame;  /* 24 + wal_page_size bytes */
	unsigned char *page;   /* page_size bytes */
};

/* Reads frame i (from 1) into w->frame; true when it is valid in the chain c. */
static bool read_frame(struct walscan *w, uint32_t i, uint32_t c[2])
{
	size_t n = 24 + w->wal_page_size;
	off_t off = 32 + (off_t)(i - 1) * (off_t)n;

	if (pread(w->wal, w->frame, n, off) != (ssize_t)n || get32(w->frame, true) == 0 ||
	    memcmp(w->frame + 8, w->hdr + 16, 8) != 0)
		return false;
	wal_checksum(w->frame, 8, w->big, c);
	wal_checksum(w->frame + 24, w->wal_page_size, w->big, c);
	return c[0] == get32(w->frame + 16, true) && c[1] == get32(w->frame + 20, true);
}

/* True when page pgno of the database file is the page in w->frame, byte for byte. */
static bool db_has_frame(struct walscan *w, uint32_t pgno)
{
	return pgno <= w->pages &&
	       pread(w->db, w->page, w->page_size, (off_t)(pgno - 1) * w->page_size) == (ssize_t)w->page_size &&
	       memcmp(w->page, w->frame + 24, w->page_size) == 0;
}

/*
 * How many frames of the WAL the -shm file says were copied into the
 * database (SQLite's nBackfill), when it is about this WAL; else 0.
 */
static uint32_t wal_backfilled(const char *shm, const unsigned char *wal_hdr)
{
	unsigned char h[100];
	uint32_t version, backfilled;
	int fd = open(shm, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = pread(fd, h, sizeof h, 0);
	close(fd);
	/* Two equal copies of the index header (native byte order), then the checkpoint's. */
	if (n != (ssize_t)sizeof h || memcmp(h, h + 48, 48) != 0)
		return 0;
	memcpy(&version, h, 4);
	if (version != 3007000 || h[12] != 1 || memcmp(h + 32, wal_hdr + 16, 8) != 0)
		return 0;
	memcpy(&backfilled, h + 96, 4);
	return backfilled;
}

enum { PAGE_COPIED = 1, PAGE_OK = 2 };

/*
 * Whether the committed frames of the WAL fit the database file. A
 * checkpoint copies frames into the file byte for byte, and nothing else
 * writes the file while a WAL is in use: so a page the -shm file says was
 * copied holds that copy or a later one; a file written after the WAL (a
 * newer mtime) holds a copy of some frame; a file whose first page no frame
 * changed has the size every commit gives. Sets *foreign.
 */
static void wal_fits(struct walscan *w, const char *shm, const struct stat *db_st,
                     const struct stat *wal_st, bool *foreign)
{
	uint32_t c[2] = { 0, 0 }, i, last = 0, max_pgno = 0, backfilled;
	bool page1 = false, size_differs = false, page1_pending = false, size_pending = false;
	bool any_copy = false;
	unsigned char *state = NULL;

	*foreign = false;
	wal_checksum(w->hdr, 24, w->big, c);
	if (c[0] != get32(w->hdr + 24, true) || c[1] != get32(w->hdr + 28, true))
		return; /* SQLite ignores such a WAL */
	for (i = 1; read_frame(w, i, c); i++) {
		uint32_t pgno = get32(w->frame, true), commit = get32(w->frame + 4, true);

		page1_pending = page1_pending || pgno == 1;
		size_pending = size_pending || (commit != 0 && commit != w->header_pages);
		if (pgno > max_pgno)
			max_pgno = pgno;
		if (commit != 0) {
			last = i;
			page1 = page1 || page1_pending;
			size_differs = size_differs || size_pending;
			page1_pending = size_pending = false;
		}
	}
	if (last == 0)
		return; /* nothing committed: SQLite takes nothing from it */
	if (w->wal_page_size != w->page_size) {
		*foreign = true;
		return;
	}
	if (!page1 && w->header_pages != 0 && size_differs) {
		*foreign = true;
		return;
	}
	if (max_pgno > (1u << 28) || (state = calloc((size_t)max_pgno + 1, 1)) == NULL)
		return;
	backfilled = wal_backfilled(shm, w->hdr);
	c[0] = c[1] = 0;
	wal_checksum(w->hdr, 24, w->big, c);
	for (i = 1; i <= last && read_frame(w, i, c); i++) {
		uint32_t pgno = get32(w->frame, true);
		bool same = db_has_frame(w, pgno);

		any_copy = any_copy || same;
		if (i <= backfilled && pgno <= w->pages)
			state[pgno] = PAGE_COPIED | (same ? PAGE_OK : 0);
		else if (same)
			state[pgno] |= PAGE_OK;
	}
	for (i = 1; i <= max_pgno && !*foreign; i++)
		*foreign = (state[i] & PAGE_COPIED) && !(state[i] & PAGE_OK);
	if (!any_copy && (db_st->st_mtim.tv_sec > wal_st->st_mtim.tv_sec ||
	                  (db_st->st_mtim.tv_sec == wal_st->st_mtim.tv_sec &&
	                   db_st->st_mtim.tv_nsec > wal_st->st_mtim.tv_nsec)))
		*foreign = true;
	free(state);
}

/* True when a process other than this one has the WAL index at shm open. */
static bool shm_in_use(const char *shm)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
	int fd = open(shm, O_RDONLY | O_CLOEXEC);
	bool used;

	if (fd < 0)
		return errno != ENOENT; /* unreadable: let SQLite say what is wrong */
	/* Every connection holds a read lock on this byte (SQLite's "DMS" lock). */
	used = fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
	close(fd);
	return used;
}

/* See walcheck.h; wal_fits says what is taken as certain. */
int wal_check_foreign(const char *path, struct error *err)
{
	char *wal = paths_suffixed(path, "-wal"), *shm = paths_suffixed(path, "-shm");
	struct walscan w = { .db = -1, .wal = -1 };
	unsigned char head[100];
	struct stat db_st, wal_st;
	uint32_t magic;
	int ret = 0;
	bool foreign = false;

	if (wal == NULL || shm == NULL || stat(wal, &wal_st) != 0 || wal_st.st_size <= 32 || shm_in_use(shm))
		goto done;
	w.db = open(path, O_RDONLY | O_CLOEXEC);
	w.wal = open(wal, O_RDONLY | O_CLOEXEC);
	if (w.db < 0 || w.wal < 0 || fstat(w.db, &db_st) != 0 || fstat(w.wal, &wal_st) != 0 ||
	    pread(w.db, head, sizeof head, 0) != (ssize_t)sizeof head ||
	    pread(w.wal, w.hdr, sizeof w.hdr, 0) != (ssize_t)sizeof w.hdr)
		goto done;
	w.page_size = (uint32_t)head[16] << 8 | head[17];
	if (w.page_size == 1)
		w.page_size = 65536;
	magic = get32(w.hdr, true);
	w.big = (magic & 1) != 0;
	w.wal_page_size = get32(w.hdr + 8, true);
	if (w.page_size < 512 || (w.page_size & (w.page_size - 1)) != 0 ||
	    (magic & 0xfffffffe) != 0x377f0682 || get32(w.hdr + 4, true) != 3007000 ||
	    w.wal_page_size < 512 || w.wal_page_size > 65536 || (w.wal_page_size & (w.wal_page_size - 1)) != 0)
		goto done; /* not a WAL SQLite would use: it says what is wrong with the file itself */
	w.pages = (uint32_t)(db_st.st_size / w.page_size);
	/* The size in the header is valid when written with the change counter it names. */
	if (get32(head + 92, true) == get32(head + 24, true))
		w.header_pages = get32(head + 28, true);
	w.frame = malloc(24 + (size_t)w.wal_page_size);
	w.page = malloc(w.page_size);
	if (w.frame == NULL || w.page == NULL)
		goto done;
	wal_fits(&w, shm, &db_st, &wal_st, &foreign);
	if (foreign)
		ret = error_set(err, ERROR_RUNTIME,
		                _("%s: the file %s does not belong to this database (it was left by another copy of it); SQLite would mix its changes in. If a backup was copied over the database, move %s and %s away; to restore a backup safely use 'hoso backup --restore FILE'"),
		                path, wal, wal, shm);
done:
	if (w.db >= 0)
		close(w.db);
	if (w.wal >= 0)
		close(w.wal);
	free(w.frame);
	free(w.page);
	free(wal);
	free(shm);
	return ret;
}
