/*
 * The floor the list's cursor movement is held against: a screen of rows
 * of Vietnamese text (read from FILE, one per line) drawn with
 * ncurses; each key moves a highlighted row down by one, as a list does.
 * The bytes sent for one such move are the least any list can send for
 * repainting two rows of that text. Signals a frame on $HOSO_FRAME_FD like
 * hoso does.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

int main(int argc, char **argv)
{
	char lines[64][512];
	int n = 0, cur = 0, fd, i;
	const char *frame = getenv("HOSO_FRAME_FD");

	FILE *f;

	setlocale(LC_ALL, "");
	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: floor FILE\n");
		return 2;
	}
	while (n < 64 && fgets(lines[n], sizeof lines[n], f) != NULL) {
		lines[n][strcspn(lines[n], "\n")] = '\0';
		n++;
	}
	fclose(f);
	fd = frame != NULL ? atoi(frame) : -1;
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	leaveok(stdscr, TRUE);
	for (;;) {
		erase();
		for (i = 0; i < LINES && i < n; i++) {
			if (i == cur)
				attron(A_REVERSE);
			mvaddnstr(i, 0, lines[i], -1);
			if (i == cur) {
				for (int x = getcurx(stdscr); x < COLS - 1; x++)
					addch(' ');
				attroff(A_REVERSE);
			}
		}
		refresh();
		if (fd >= 0 && write(fd, "\n", 1) != 1)
			break;
		i = getch();
		if (i == 'q')
			break;
		if (cur < n - 1)
			cur++;
	}
	endwin();
	return 0;
}
