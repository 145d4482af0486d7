#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "text.h"

static size_t max_of(const struct lineedit *e)
{
	return e->max > 0 ? e->max : LINEEDIT_MAX;
}

const char *lineedit_text(const struct lineedit *e)
{
	return e->text != NULL ? e->text : "";
}

void lineedit_clear(struct lineedit *e)
{
	if (e->text != NULL)
		e->text[0] = '\0';
	e->len = e->cursor = 0;
	e->scroll = 0;
}

void lineedit_free(struct lineedit *e)
{
	size_t max = e->max;

	free(e->text);
	memset(e, 0, sizeof *e);
	e->max = max;
}

static int reserve(struct lineedit *e, size_t need)
{
	size_t cap;
	char *p;

	if (need + 1 <= e->cap)
		return 0;
	cap = e->cap > 0 ? e->cap : 64;
	while (cap < need + 1)
		cap *= 2;
	p = realloc(e->text, cap);
	if (p == NULL)
		return -1;
	if (e->text == NULL)
		p[0] = '\0';
	e->text = p;
	e->cap = cap;
	return 0;
}

/* True for a code point drawn on the character before it (a combining mark). */
static bool is_mark(uint32_t cp)
{
	return text_cp_width(cp) == 0;
}

/* The end of the character (with its marks) that starts at i. */
static size_t cluster_end(const char *s, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len)
		return len;
	i += utf8_decode(s + i, len - i, &cp);
	while (i < len) {
		size_t l = utf8_decode(s + i, len - i, &cp);

		if (!is_mark(cp))
			break;
		i += l;
	}
	return i;
}

/* The start of the character (with its marks) that ends at i. */
static size_t cluster_start(const char *s, size_t i)
{
	while (i > 0) {
		size_t j = i - 1;
		uint32_t cp;

		while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;
		utf8_decode(s + j, i - j, &cp);
		i = j;
		if (!is_mark(cp))
			break; /* a base character: the marks after it came with it */
	}
	return i;
}

/* Largest byte count <= n at which s (of len bytes) may be cut between characters. */
static size_t cut_at(const char *s, size_t len, size_t n)
{
	size_t i = 0;

	while (i < len) {
		size_t next = cluster_end(s, len, i);

		if (next > n)
			break;
		i = next;
	}
	return i;
}

/* Replaces bytes [from, to) by the n bytes of r; the cursor goes after them. */
static int splice(struct lineedit *e, size_t from, size_t to, const char *r, size_t n)
{
	size_t newlen = e->len - (to - from) + n;

	if (reserve(e, newlen) != 0)
		return -1;
	memmove(e->text + from + n, e->text + to, e->len - to + 1);
	memcpy(e->text + from, r, n);
	e->len = newlen;
	e->cursor = from + n;
	return 0;
}

int lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = 0;
	char *nfc = text_nfc_dup(text, strlen(text != NULL ? text : ""), &n);

	if (nfc == NULL)
		return -1;
	n = cut_at(nfc, n, max_of(e));
	if (reserve(e, n) != 0) {
		free(nfc);
		return -1;
	}
	memcpy(e->text, nfc, n);
	e->text[n] = '\0';
	e->len = e->cursor = n;
	e->scroll = 0;
	free(nfc);
	return 0;
}

/* Inserts the character cp at the cursor, composing a mark with the letter before it. */
static enum lineedit_result insert(struct lineedit *e, uint32_t cp)
{
	char buf[4];
	size_t n = utf8_encode(cp, buf), start;
	char *nfc;
	size_t nfc_len;

	if (!is_mark(cp) || e->cursor == 0) {
		if (e->len + n > max_of(e))
			return LINEEDIT_REFUSED;
		return splice(e, e->cursor, e->cursor, buf, n) == 0 ? LINEEDIT_CHANGED : LINEEDIT_REFUSED;
	}
	/* A combining mark: the letter before the cursor and the mark, composed. */
	start = cluster_start(e->text, e->cursor);
	{
		size_t m = e->cursor - start;
		char *tmp = malloc(m + n);

		if (tmp == NULL)
			return LINEEDIT_REFUSED;
		memcpy(tmp, e->text + start, m);
		memcpy(tmp + m, buf, n);
		nfc = text_nfc_dup(tmp, m + n, &nfc_len);
		free(tmp);
	}
	if (nfc == NULL)
		return LINEEDIT_REFUSED;
	if (e->len - (e->cursor - start) + nfc_len > max_of(e) ||
	    splice(e, start, e->cursor, nfc, nfc_len) != 0) {
		free(nfc);
		return LINEEDIT_REFUSED;
	}
	free(nfc);
	return LINEEDIT_CHANGED;
}

static bool is_space_at(const struct lineedit *e, size_t i)
{
	return e->text[i] == ' ' || e->text[i] == '\n';
}

/* The start and the end of the line (between line breaks) the cursor is on. */
static size_t line_start(const struct lineedit *e)
{
	size_t i = e->cursor;

	while (i > 0 && e->text[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct lineedit *e)
{
	size_t i = e->cursor;

	while (i < e->len && e->text[i] != '\n')
		i++;
	return i;
}

static size_t word_left(const struct lineedit *e)
{
	size_t i = e->cursor;

	while (i > 0 && is_space_at(e, cluster_start(e->text, i)))
		i = cluster_start(e->text, i);
	while (i > 0 && !is_space_at(e, cluster_start(e->text, i)))
		i = cluster_start(e->text, i);
	return i;
}

static size_t word_right(const struct lineedit *e)
{
	size_t i = e->cursor;

	while (i < e->len && is_space_at(e, i))
		i = cluster_end(e->text, e->len, i);
	while (i < e->len && !is_space_at(e, i))
		i = cluster_end(e->text, e->len, i);
	return i;
}

static enum lineedit_result delete_range(struct lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return LINEEDIT_MOVED;
	splice(e, from, to, "", 0);
	return LINEEDIT_CHANGED;
}

static enum lineedit_result move_to(struct lineedit *e, size_t i)
{
	e->cursor = i;
	return LINEEDIT_MOVED;
}

enum lineedit_result lineedit_key(struct lineedit *e, ui_key k)
{
	ui_key plain = k & ~UIK_PASTED;

	if (e->text == NULL && reserve(e, 0) != 0)
		return LINEEDIT_REFUSED;
	if (k & UIK_PASTED) {
		/* A pasted line break or tab is a space in one line; other controls are refused. */
		if (e->lines && (plain == UIK_ENTER || plain == '\n'))
			return insert(e, '\n');
		if (plain == UIK_ENTER || plain == UIK_TAB || plain == '\n')
			return insert(e, ' ');
		if (!ui_key_is_text(k))
			return LINEEDIT_REFUSED;
		return insert(e, (uint32_t)plain);
	}
	if (e->lines) {
		switch (k) {
		case UIK_ENTER:
			return insert(e, '\n');
		case UIK_HOME:
		case 0x01:
			return move_to(e, line_start(e));
		case UIK_END:
		case 0x05:
			return move_to(e, line_end(e));
		case 0x15:
			return delete_range(e, line_start(e), e->cursor);
		case 0x0b:
			return delete_range(e, e->cursor, line_end(e));
		default:
			break;
		}
	}
	switch (k) {
	case UIK_LEFT:
		return move_to(e, cluster_start(e->text, e->cursor));
	case UIK_RIGHT:
		return move_to(e, cluster_end(e->text, e->len, e->cursor));
	case UIK_HOME:
	case 0x01: /* Ctrl-A */
		return move_to(e, 0);
	case UIK_END:
	case 0x05: /* Ctrl-E */
		return move_to(e, e->len);
	case UIK_CTRL | UIK_LEFT:
	case UIK_ALT | 'b':
		return move_to(e, word_left(e));
	case UIK_CTRL | UIK_RIGHT:
	case UIK_ALT | 'f':
		return move_to(e, word_right(e));
	case UIK_BACKSPACE:
		return delete_range(e, cluster_start(e->text, e->cursor), e->cursor);
	case UIK_DELETE:
	case 0x04: /* Ctrl-D */
		return delete_range(e, e->cursor, cluster_end(e->text, e->len, e->cursor));
	case 0x17: /* Ctrl-W */
	case UIK_ALT | UIK_BACKSPACE:
		return delete_range(e, word_left(e), e->cursor);
	case 0x15: /* Ctrl-U */
		return delete_range(e, 0, e->cursor);
	case 0x0b: /* Ctrl-K */
		return delete_range(e, e->cursor, e->len);
	default:
		break;
	}
	if (ui_key_is_text(k) && !(k & UIK_SHIFT))
		return insert(e, (uint32_t)k);
	return LINEEDIT_IGNORED;
}

void lineedit_view(struct lineedit *e, int width, char *out, size_t outsz, int *cursor_col)
{
	const char *s = lineedit_text(e);
	int before, start_cells = 0;
	size_t i = 0;

	if (width < 1)
		width = 1;
	before = text_width_n(s, e->cursor);
	if (before < e->scroll)
		e->scroll = before;
	if (before >= e->scroll + width)
		e->scroll = before - width + 1;
	{
		/* Wider than the text needs (a larger window): show as much of it as fits. */
		int total = text_width_n(s, e->len);

		if (e->scroll > total - width + 1)
			e->scroll = total - width + 1 > 0 ? total - width + 1 : 0;
	}
	/* Skip whole characters up to the first cell shown. */
	while (i < e->len) {
		size_t next = cluster_end(s, e->len, i);
		int w = text_width_n(s + i, next - i);

		if (start_cells + w > e->scroll)
			break;
		start_cells += w;
		i = next;
	}
	if (start_cells < e->scroll && i < e->cursor) {
		/* A wide character straddles the edge: start after it. */
		size_t next = cluster_end(s, e->len, i);

		start_cells += text_width_n(s + i, next - i);
		i = next;
	}
	e->scroll = start_cells;
	text_fit(s + i, width, 0, out, outsz);
	*cursor_col = before - start_cells;
	if (*cursor_col >= width)
		*cursor_col = width - 1;
}

int lineedit_layout(const struct lineedit *e, int width, struct lineedit_row *rows, int max,
                    int *cursor_row, int *cursor_col)
{
	const char *s = lineedit_text(e);
	size_t i = 0, start = 0, brk = 0; /* brk: after the last space of the row, 0 when none */
	int row = 0, cells = 0, brk_cells = 0;

	if (width < 1)
		width = 1;
	*cursor_row = 0;
	*cursor_col = 0;
#define CLOSE_ROW(end) do { \
		if (row < max) { rows[row].off = start; rows[row].len = (end) - start; } \
		row++; \
	} while (0)
	while (i < e->len) {
		size_t next = cluster_end(s, e->len, i);
		int w = s[i] == '\n' ? 0 : text_width_n(s + i, next - i);

		if (s[i] == '\n') {
			if (i == e->cursor) {
				*cursor_row = row;
				*cursor_col = cells;
			}
			CLOSE_ROW(i);
			start = next;
			cells = 0;
			brk = 0;
			i = next;
			continue;
		}
		if (cells + w > width && cells > 0 && s[i] == ' ') {
			/* A space at the edge ends the row (the next starts after it). */
			if (i == e->cursor) {
				*cursor_row = row;
				*cursor_col = cells;
			}
			CLOSE_ROW(next);
			start = next;
			cells = 0;
			brk = 0;
			i = next;
			continue;
		}
		if (cells + w > width && cells > 0) {
			if (brk > start) {
				/* Cut after the last space: the word goes to the next row whole. */
				CLOSE_ROW(brk);
				if (*cursor_row == row - 1 && e->cursor >= brk && e->cursor < i) {
					*cursor_row = row;
					*cursor_col -= brk_cells;
				}
				start = brk;
				cells -= brk_cells;
			} else {
				CLOSE_ROW(i);
				start = i;
				cells = 0;
			}
			brk = 0;
		}
		if (i == e->cursor) {
			*cursor_row = row;
			*cursor_col = cells;
		}
		cells += w;
		i = next;
		if (s[i - 1] == ' ') {
			brk = i;
			brk_cells = cells;
		}
	}
	if (e->cursor >= e->len) {
		if (cells >= width) {
			CLOSE_ROW(e->len);
			start = e->len;
			cells = 0;
		}
		*cursor_row = row;
		*cursor_col = cells;
	}
	CLOSE_ROW(e->len);
#undef CLOSE_ROW
	return row;
}

/* All the rows of the text (a new array, *n of them), or NULL when out of memory. */
static struct lineedit_row *all_rows(const struct lineedit *e, int width, int *n, int *crow, int *ccol)
{
	struct lineedit_row *rows;

	*n = lineedit_layout(e, width, NULL, 0, crow, ccol);
	rows = calloc((size_t)*n, sizeof *rows);
	if (rows != NULL)
		lineedit_layout(e, width, rows, *n, crow, ccol);
	return rows;
}

bool lineedit_vertical(struct lineedit *e, int width, int dir)
{
	const char *s = lineedit_text(e);
	struct lineedit_row *rows;
	int n, crow, ccol, target, cells = 0;
	size_t i, end;

	rows = all_rows(e, width, &n, &crow, &ccol);
	if (rows == NULL)
		return false;
	target = crow + (dir < 0 ? -1 : 1);
	if (target < 0 || target >= n) {
		free(rows);
		return false;
	}
	i = rows[target].off;
	end = rows[target].off + rows[target].len;
	while (i < end) {
		size_t next = cluster_end(s, e->len, i);
		int w = text_width_n(s + i, next - i);

		if (cells + w > ccol)
			break;
		cells += w;
		i = next;
	}
	/* The end of a full row is the next row's start: stay before its last character. */
	if (i == end && target < n - 1 && rows[target + 1].off == end && i > rows[target].off)
		i = cluster_start(s, i);
	e->cursor = i;
	free(rows);
	return true;
}

int lineedit_view_rows(struct lineedit *e, int width, int n, char (*out)[512], int *cursor_row,
                       int *cursor_col)
{
	const char *s = lineedit_text(e);
	struct lineedit_row *rows;
	int total, crow, ccol, i;

	*cursor_row = *cursor_col = 0;
	if (n < 1)
		return 0;
	rows = all_rows(e, width, &total, &crow, &ccol);
	if (rows == NULL) {
		out[0][0] = '\0';
		return 1;
	}
	if (crow < e->scroll)
		e->scroll = crow;
	if (crow >= e->scroll + n)
		e->scroll = crow - n + 1;
	if (e->scroll > total - n)
		e->scroll = total - n > 0 ? total - n : 0;
	for (i = 0; i < n && e->scroll + i < total; i++) {
		const struct lineedit_row *r = &rows[e->scroll + i];
		char *piece = malloc(r->len + 1);

		if (piece == NULL) {
			out[i][0] = '\0';
			continue;
		}
		memcpy(piece, s + r->off, r->len);
		piece[r->len] = '\0';
		text_fit(piece, width, 0, out[i], 512);
		free(piece);
	}
	*cursor_row = crow - e->scroll;
	*cursor_col = ccol < width ? ccol : width - 1;
	free(rows);
	return i;
}
