#include "config.h"

#include "columns.h"

static int used(const int *widths, int n, int sep)
{
	int i, total = 0, shown = 0;

	for (i = 0; i < n; i++) {
		if (widths[i] > 0) {
			total += widths[i];
			shown++;
		}
	}
	return shown > 1 ? total + sep * (shown - 1) : total;
}

int columns_fit(const struct column_spec *cols, int n, int width, int sep, int *widths)
{
	int i, flex = -1, total;

	for (i = 0; i < n; i++) {
		widths[i] = cols[i].want > 0 ? cols[i].want : 1;
		if (cols[i].flex && flex < 0)
			flex = i;
	}
	if (width <= 0)
		return used(widths, n, sep);
	/* Drop the lowest priority until the wanted widths fit. */
	while ((total = used(widths, n, sep)) > width) {
		int drop = -1;

		for (i = 0; i < n; i++) {
			if (i == flex || widths[i] == 0)
				continue;
			if (drop < 0 || cols[i].priority < cols[drop].priority)
				drop = i;
		}
		if (drop < 0)
			break;
		widths[drop] = 0;
	}
	total = used(widths, n, sep);
	if (flex >= 0) {
		/* The flexible column takes the slack, or gives up cells down to 1. */
		int w = widths[flex] + (width - total);

		widths[flex] = w > 0 ? w : 1;
	}
	return used(widths, n, sep);
}
