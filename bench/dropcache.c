/*
 * Drops the pages of each FILE from the kernel's page cache
 * (posix_fadvise POSIX_FADV_DONTNEED), so that the next program to read it
 * reads it from the disk, as after a reboot or on a server whose memory
 * other work has taken. The file must not be in use for writing (only clean
 * pages are dropped). Needs no privileges.
 *
 * Usage: dropcache FILE...
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: dropcache FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_CLOEXEC), rc;

		if (fd < 0) {
			if (errno != ENOENT) {
				fprintf(stderr, "dropcache: %s: %s\n", argv[i], strerror(errno));
				status = 1;
			}
			continue;
		}
		rc = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		if (rc != 0) {
			fprintf(stderr, "dropcache: %s: %s\n", argv[i], strerror(rc));
			status = 1;
		}
		close(fd);
	}
	return status;
}
