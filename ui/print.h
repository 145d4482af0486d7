#ifndef HOSO_PRINT_H
#define HOSO_PRINT_H

/*
 * Printing from the screens (p): what the clerk sees, drawn on a text
 * canvas of the terminal's size (line drawing as + - |), or the whole item
 * list, under a header naming the programme, the screen, the date and the
 * clerk; sent to the [print] command, or to a file when it fails (see
 * printjob.h). The status line says where the page went.
 */

struct app;
struct screen;
struct item_view;
struct idset;

/* Prints the screens on the stack but leave_out (may be NULL: a menu that asked). */
void print_screen(struct app *a, const struct screen *leave_out);

/*
 * Prints every row of view v (the tree with the nodes in expanded open, or
 * the flat list of a search or filter), read a page at a time and streamed
 * to the command; title names the list.
 */
void print_item_list(struct app *a, const struct item_view *v, const struct idset *expanded, const char *title);

#endif
