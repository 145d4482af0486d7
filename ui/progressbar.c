#include "config.h"

#include <stdio.h>
#include <string.h>

#include "canvas.h"
#include "progressbar.h"
#include "text.h"

void progress_bar_draw(struct canvas *c, int y, int x, int bar, int pct, int progress, int sel)
{
	char text[16];
	int filled;

	if (progress < 0) {
		canvas_put(c, y, x, bar + pct, "-", ROLE_DIM | sel, TEXT_PAD);
		return;
	}
	if (bar > 63)
		bar = 63;
	filled = (progress * bar + 50) / 100;
	if (c->colour) {
		canvas_fill(c, y, x, filled, ROLE_BAR);
		canvas_fill(c, y, x + filled, bar - filled, ROLE_BAR_EMPTY);
	} else {
		char marks[64];

		memset(marks, '#', (size_t)filled);
		memset(marks + filled, '.', (size_t)(bar - filled));
		marks[bar] = '\0';
		canvas_put(c, y, x, bar, marks, ROLE_NORMAL | sel, 0);
	}
	snprintf(text, sizeof text, "%d%%", progress);
	canvas_put(c, y, x + bar, pct, text, ROLE_NORMAL | sel, TEXT_PAD | TEXT_RIGHT);
}
