#ifndef HOSO_UI_H
#define HOSO_UI_H

/* The full-screen application. */

struct context;

/*
 * Runs the full-screen application on c (settings read, database path
 * decided) until the clerk quits. Restores the terminal on every way out.
 * Returns the exit status.
 */
int ui_run(struct context *c);

#endif
