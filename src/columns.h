#ifndef HOSO_COLUMNS_H
#define HOSO_COLUMNS_H

/*
 * Fitting table columns into a width in terminal cells: each column wants a
 * width; one flexible column (a title) takes what is left; when the width
 * is short, the columns of lowest priority are dropped first, and nothing
 * wraps. Used by the list on screen and by `hoso list` on a terminal.
 */

struct column_spec {
	int want;      /* cells wanted (for the flexible column: the minimum) */
	int priority;  /* higher stays longer; the flexible column is never dropped */
	int flex;      /* non-zero for the one column that takes the slack */
};

/*
 * Decides the width of each of the n columns for a line of `width` cells
 * with `sep` cells between shown columns; widths[i] is 0 for a dropped
 * column. A width of 0 or less means unlimited: every column at its wanted
 * width and the flexible one at its minimum. Returns the cells used.
 */
int columns_fit(const struct column_spec *cols, int n, int width, int sep, int *widths);

#endif
