#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "strbuf.h"
#include "text.h"

/* Each cell holds one character with its combining marks; "" after a wide one. */
#define CELL_BYTES 24

struct text_canvas {
	struct canvas canvas;
	char *cells; /* rows × cols × CELL_BYTES */
};

static char *cell(struct text_canvas *t, int y, int x)
{
	return t->cells + ((size_t)y * (size_t)t->canvas.cols + (size_t)x) * CELL_BYTES;
}

static void set_cell(struct text_canvas *t, int y, int x, const char *s, size_t n)
{
	char *c;

	if (y < 0 || y >= t->canvas.rows || x < 0 || x >= t->canvas.cols)
		return;
	c = cell(t, y, x);
	if (n >= CELL_BYTES)
		n = CELL_BYTES - 1;
	memcpy(c, s, n);
	c[n] = '\0';
}

static void text_put(struct canvas *cv, int y, int x, int width, const char *text, int role,
                     int flags)
{
	struct text_canvas *t = (struct text_canvas *)cv;
	char buf[4096];
	size_t i = 0, n;
	int col = x;

	(void)role;
	if (width <= 0)
		return;
	text_fit(text, width, flags, buf, sizeof buf);
	n = strlen(buf);
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(buf + i, n - i, &cp), end = i + len;
		int w = text_cp_width(cp);

		/* Keep the following zero-width marks in the same cell. */
		while (end < n) {
			uint32_t next;
			size_t l2 = utf8_decode(buf + end, n - end, &next);

			if (text_cp_width(next) != 0)
				break;
			end += l2;
		}
		set_cell(t, y, col, buf + i, end - i);
		if (w == 2)
			set_cell(t, y, col + 1, "", 0);
		col += w > 0 ? w : 1;
		i = end;
	}
}

static void text_fill(struct canvas *cv, int y, int x, int width, int role)
{
	struct text_canvas *t = (struct text_canvas *)cv;
	int i;

	(void)role;
	for (i = 0; i < width; i++)
		set_cell(t, y, x + i, " ", 1);
}

static void text_frame(struct canvas *cv, int top, int left, int height, int width, int role)
{
	int y;

	if (height < 2 || width < 2)
		return;
	for (y = top; y < top + height; y++)
		text_fill(cv, y, left, width, role);
	for (y = 0; y < width; y++) {
		set_cell((struct text_canvas *)cv, top, left + y, "-", 1);
		set_cell((struct text_canvas *)cv, top + height - 1, left + y, "-", 1);
	}
	for (y = top; y < top + height; y++) {
		set_cell((struct text_canvas *)cv, y, left, "|", 1);
		set_cell((struct text_canvas *)cv, y, left + width - 1, "|", 1);
	}
	set_cell((struct text_canvas *)cv, top, left, "+", 1);
	set_cell((struct text_canvas *)cv, top, left + width - 1, "+", 1);
	set_cell((struct text_canvas *)cv, top + height - 1, left, "+", 1);
	set_cell((struct text_canvas *)cv, top + height - 1, left + width - 1, "+", 1);
}

static void text_clear(struct canvas *cv)
{
	struct text_canvas *t = (struct text_canvas *)cv;
	int y;

	for (y = 0; y < cv->rows; y++)
		text_fill(cv, y, 0, cv->cols, 0);
	(void)t;
}

static void text_cursor(struct canvas *cv, int y, int x)
{
	(void)cv;
	(void)y;
	(void)x;
}

static const struct canvas_ops text_ops = {
	.put = text_put,
	.fill = text_fill,
	.frame = text_frame,
	.clear = text_clear,
	.cursor = text_cursor,
};

struct text_canvas *text_canvas_new(int rows, int cols)
{
	struct text_canvas *t;

	if (rows <= 0 || cols <= 0)
		return NULL;
	t = calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->cells = calloc((size_t)rows * (size_t)cols, CELL_BYTES);
	if (t->cells == NULL) {
		free(t);
		return NULL;
	}
	t->canvas.ops = &text_ops;
	t->canvas.rows = rows;
	t->canvas.cols = cols;
	text_clear(&t->canvas);
	return t;
}

struct canvas *text_canvas_canvas(struct text_canvas *t)
{
	return &t->canvas;
}

char *text_canvas_string(const struct text_canvas *t)
{
	struct strbuf b = STRBUF_INIT;
	int y, x;

	for (y = 0; y < t->canvas.rows; y++) {
		size_t start = b.len, keep;

		for (x = 0; x < t->canvas.cols; x++)
			strbuf_puts(&b, cell((struct text_canvas *)t, y, x));
		keep = b.len;
		while (keep > start && b.s[keep - 1] == ' ')
			keep--;
		b.len = keep;
		strbuf_add(&b, "\n", 1);
	}
	if (b.failed) {
		strbuf_free(&b);
		return NULL;
	}
	return b.s != NULL ? b.s : strdup("");
}

void text_canvas_free(struct text_canvas **t)
{
	if (t == NULL || *t == NULL)
		return;
	free((*t)->cells);
	free(*t);
	*t = NULL;
}
