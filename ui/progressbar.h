#ifndef HOSO_PROGRESSBAR_H
#define HOSO_PROGRESSBAR_H

/* A progress bar and its percentage, as the status screen and the locality matrix draw them. */

struct canvas;

/*
 * Draws at row y, column x of c a bar of `bar` cells filled to progress
 * percent (in colour, else '#' and '.'), then the percentage right-aligned
 * in pct cells; a progress below 0 (not known) draws "-". sel is or-ed into
 * the roles (the cursor's line).
 */
void progress_bar_draw(struct canvas *c, int y, int x, int bar, int pct, int progress, int sel);

#endif
