#include "config.h"

#include <stdint.h>

#include "text.h"
#include "wrap.h"

size_t wrap_line(const char *s, size_t n, int width, size_t *next)
{
	size_t i = 0, last_space = 0, end;
	int cells = 0;
	int found_space = 0;

	if (width < 1)
		width = 1;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp), j = i + len;
		int w = text_cp_width(cp);

		if (cp == '\n') {
			*next = i + 1;
			return i;
		}
		/* A character travels with its combining marks. */
		while (j < n) {
			uint32_t mark;
			size_t l2 = utf8_decode(s + j, n - j, &mark);

			if (text_cp_width(mark) != 0 || mark == '\n')
				break;
			j += l2;
		}
		if (cells + w > width) {
			if (cp == ' ') { /* the line fills the width exactly */
				end = i;
				break;
			}
			if (found_space) {
				end = last_space;
				break;
			}
			end = i > 0 ? i : j; /* at least one character per line */
			*next = end;
			goto skip;
		}
		if (cp == ' ') {
			last_space = i;
			found_space = 1;
		}
		cells += w;
		i = j;
	}
	if (i >= n) {
		*next = n;
		return n;
	}
	*next = end;
skip:
	while (*next < n && s[*next] == ' ')
		(*next)++;
	return end;
}
