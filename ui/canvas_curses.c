#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "canvas.h"
#include "settings.h"
#include "text.h"

struct curses_canvas {
	struct canvas canvas; /* first: the ops take a struct canvas * */
	attr_t attrs[ROLE_COUNT];
};

/* Colour pairs: one per role that has colours. */
struct role_colours {
	short fg, bg;
	attr_t extra;
};

static void set_role(attr_t *attrs, int role, short fg, short bg, attr_t extra)
{
	if (fg != -1 || bg != -1) {
		init_pair((short)(role + 1), fg, bg);
		attrs[role] = COLOR_PAIR(role + 1) | extra;
	} else {
		attrs[role] = extra;
	}
}

static void theme(struct curses_canvas *cc, bool colour, int theme_id)
{
	attr_t *attrs = cc->attrs;
	bool light = theme_id == THEME_LIGHT;
	int r;

	for (r = 0; r < ROLE_COUNT; r++)
		attrs[r] = A_NORMAL;
	cc->canvas.colour = colour;
	if (!colour) {
		attrs[ROLE_TITLE] = A_REVERSE | A_BOLD;
		attrs[ROLE_STATUS] = A_REVERSE;
		attrs[ROLE_HEADER] = A_BOLD | A_UNDERLINE;
		attrs[ROLE_DIM] = A_DIM;
		attrs[ROLE_CANCELLED] = A_DIM;
		attrs[ROLE_OVERDUE] = A_BOLD | A_UNDERLINE;
		attrs[ROLE_DONE] = A_NORMAL;
		attrs[ROLE_BAR] = A_NORMAL;
		attrs[ROLE_MESSAGE] = A_BOLD;
		attrs[ROLE_ERROR] = A_BOLD | A_REVERSE;
		attrs[ROLE_SECTION] = A_BOLD;
		attrs[ROLE_LABEL] = A_BOLD;
		attrs[ROLE_INPUT] = A_UNDERLINE;
		return;
	}
	set_role(attrs, ROLE_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD);
	set_role(attrs, ROLE_STATUS, light ? COLOR_WHITE : COLOR_BLACK, light ? COLOR_BLUE : COLOR_CYAN, 0);
	set_role(attrs, ROLE_HEADER, -1, -1, A_BOLD | A_UNDERLINE);
	set_role(attrs, ROLE_DIM, -1, -1, A_DIM);
	set_role(attrs, ROLE_PLANNED, -1, -1, 0);
	/* Only what needs attention is coloured: every colour costs bytes on each line. */
	set_role(attrs, ROLE_IN_PROGRESS, -1, -1, 0);
	set_role(attrs, ROLE_SUSPENDED, light ? COLOR_MAGENTA : COLOR_YELLOW, -1, 0);
	set_role(attrs, ROLE_DONE, -1, -1, 0);
	set_role(attrs, ROLE_CANCELLED, -1, -1, A_DIM);
	set_role(attrs, ROLE_OVERDUE, COLOR_RED, -1, A_BOLD);
	set_role(attrs, ROLE_BAR, -1, COLOR_GREEN, 0);
	set_role(attrs, ROLE_BAR_EMPTY, -1, -1, 0);
	set_role(attrs, ROLE_MESSAGE, light ? COLOR_BLUE : COLOR_YELLOW, -1, A_BOLD);
	set_role(attrs, ROLE_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD);
	set_role(attrs, ROLE_SECTION, light ? COLOR_BLUE : COLOR_CYAN, -1, A_BOLD);
	set_role(attrs, ROLE_LABEL, -1, -1, A_BOLD);
	set_role(attrs, ROLE_POPUP, -1, -1, 0);
	set_role(attrs, ROLE_INPUT, -1, -1, A_UNDERLINE);
}

static attr_t attr_of(struct canvas *c, int role)
{
	attr_t a = ((struct curses_canvas *)c)->attrs[role & 0xff];

	if (role & ROLE_SELECTED)
		a |= A_REVERSE;
	return a;
}

static void c_put(struct canvas *c, int y, int x, int width, const char *text, int role, int flags)
{
	char buf[4096];

	if (width <= 0 || y < 0 || y >= c->rows || x < 0 || x >= c->cols)
		return;
	if (x + width > c->cols)
		width = c->cols - x;
	text_fit(text, width, flags, buf, sizeof buf);
	attrset(attr_of(c, role));
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
}

static void c_fill(struct canvas *c, int y, int x, int width, int role)
{
	if (width <= 0 || y < 0 || y >= c->rows || x < 0 || x >= c->cols)
		return;
	if (x + width > c->cols)
		width = c->cols - x;
	attrset(attr_of(c, role));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

static void c_frame(struct canvas *c, int top, int left, int height, int width, int role)
{
	int y;

	if (height < 2 || width < 2)
		return;
	for (y = top; y < top + height; y++)
		c_fill(c, y, left, width, role);
	attrset(attr_of(c, role));
	mvhline(top, left + 1, ACS_HLINE, width - 2);
	mvhline(top + height - 1, left + 1, ACS_HLINE, width - 2);
	mvvline(top + 1, left, ACS_VLINE, height - 2);
	mvvline(top + 1, left + width - 1, ACS_VLINE, height - 2);
	mvaddch(top, left, ACS_ULCORNER);
	mvaddch(top, left + width - 1, ACS_URCORNER);
	mvaddch(top + height - 1, left, ACS_LLCORNER);
	mvaddch(top + height - 1, left + width - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
}

static void c_clear(struct canvas *c)
{
	(void)c;
	erase();
}

static void c_cursor(struct canvas *c, int y, int x)
{
	(void)c;
	if (y < 0) {
		curs_set(0);
		leaveok(stdscr, TRUE);
		return;
	}
	leaveok(stdscr, FALSE);
	curs_set(1);
	move(y, x);
}

static const struct canvas_ops curses_ops = {
	.put = c_put,
	.fill = c_fill,
	.frame = c_frame,
	.clear = c_clear,
	.cursor = c_cursor,
};

struct canvas *curses_canvas_new(bool colour, int theme_id)
{
	struct curses_canvas *cc = calloc(1, sizeof *cc);

	if (cc == NULL)
		return NULL;
	cc->canvas.ops = &curses_ops;
	theme(cc, colour, theme_id);
	curses_canvas_resize(&cc->canvas);
	return &cc->canvas;
}

void curses_canvas_set_theme(struct canvas *c, int theme_id)
{
	if (c->colour)
		theme((struct curses_canvas *)c, true, theme_id);
}

void curses_canvas_resize(struct canvas *c)
{
	c->rows = LINES;
	c->cols = COLS;
}

void curses_canvas_free(struct canvas **c)
{
	if (c == NULL || *c == NULL)
		return;
	free((struct curses_canvas *)*c);
	*c = NULL;
}
