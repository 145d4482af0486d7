#ifndef HOSO_ATOMICFILE_H
#define HOSO_ATOMICFILE_H

/*
 * Files the program writes (configuration, exports, reports, drafts) replace
 * the old file whole or not at all: the new content goes to a temporary file
 * in the same directory, is flushed to the disk and checked, and only then
 * takes the file's name. A full disk, a crash or a kill halfway leaves the old
 * file as it was, and no temporary file behind (but after a crash: a hidden
 * ".NAME.XXXXXX" beside it).
 *
 *   struct atomicfile f;
 *   if (atomicfile_open(&f, path, 0644, err) != 0)
 *           return -1;
 *   fputs(..., f.fp);  ...
 *   if (atomicfile_commit(&f, err) != 0) {
 *           atomicfile_abort(&f);
 *           return -1;
 *   }
 */

#include <stdio.h>
#include <sys/types.h>

#include "error.h"

struct atomicfile {
	FILE *fp;   /* where to write; NULL once committed or aborted */
	char *path; /* the file replaced (a symbolic link's target) */
	char *tmp;  /* the temporary file, NULL once renamed or removed */
};

/*
 * Opens a temporary file beside path (created with mkostemp, so no other file
 * is ever overwritten by it), with permissions mode exactly (the umask is not
 * applied: pass what the file should have), and sets f->fp to write to it.
 * When path is a symbolic link, its target is the file replaced, and the link
 * stays. Fails with -1 and err set (naming path) when the directory does not
 * exist or cannot be written, when path is not a regular file (a directory, a
 * device, a FIFO), or when memory runs out; then f holds nothing to free.
 */
int atomicfile_open(struct atomicfile *f, const char *path, mode_t mode, struct error *err);

/*
 * Finishes the file: flushes f->fp, syncs it to the disk, closes it (checked),
 * renames it over the path and syncs the directory. Returns 0, or -1 with err
 * set (one line naming the file: "the disk is full" for ENOSPC and EDQUOT)
 * when anything failed, including a write error on f->fp before the call;
 * then the old file is untouched and the temporary file removed. Either way
 * f->fp is closed; atomicfile_abort after it is harmless.
 */
int atomicfile_commit(struct atomicfile *f, struct error *err);

/*
 * Gives the new content up: closes f->fp and removes the temporary file,
 * leaving the old file as it was. Safe on a committed, a failed or an
 * already aborted f, and on one whose open failed.
 */
void atomicfile_abort(struct atomicfile *f);

#endif
