#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fieldtext.h"
#include "fold.h"
#include "formfield.h"
#include "fielddisplay.h"
#include "i18n.h"
#include "refdata.h"
#include "text.h"
#include "validate.h"

void ffield_init(struct ffield *x, int f, const struct field *def)
{
	memset(x, 0, sizeof *x);
	x->f = f;
	x->def = def;
	switch (def->type) {
	case FT_NOTES:
	case FT_TARGETS:
		x->how = FF_LINES;
		x->edit.lines = true;
		break;
	case FT_CHOICE:
		x->how = FF_CHOICE;
		break;
	case FT_REF:
		x->how = FF_REF;
		break;
	default:
		x->how = FF_LINE;
		break;
	}
	/* Room for a field's longest value typed with combining marks, and a little more. */
	x->edit.max = (def->type == FT_TEXT || def->type == FT_NOTES) && def->max > 0 ? (size_t)def->max * 4 + 16
	                                                                             : 16000;
}

void ffield_free(struct ffield *x)
{
	lineedit_free(&x->edit);
	free(x->value);
	free(x->orig);
	free(x->shown);
	x->value = x->orig = x->shown = NULL;
}

bool ffield_as_text(const struct ffield *x)
{
	return x->how == FF_LINE || x->how == FF_LINES;
}

/* What the field holds now, as text ("" when empty). */
const char *ffield_content(const struct ffield *x)
{
	if (ffield_as_text(x))
		return lineedit_text(&x->edit);
	return x->value != NULL ? x->value : "";
}

bool ffield_changed(const struct ffield *x)
{
	return strcmp(ffield_content(x), x->orig != NULL ? x->orig : "") != 0;
}

/* Refreshes what an FF_REF shows for its value. */
void ffield_refresh(const struct ff_env *e, struct ffield *x)
{
	free(x->shown);
	x->shown = x->how == FF_REF && x->value != NULL
		? field_display(e->store, e->kind, x->f, x->value, e->style)
		: NULL;
}

/* Puts text (or a canonical value, for choices and references) into x. */
int ffield_set(const struct ff_env *e, struct ffield *x, const char *text)
{
	if (ffield_as_text(x)) {
		if (lineedit_set(&x->edit, text != NULL ? text : "") != 0)
			return -1;
		x->edit.scroll = 0;
	} else {
		char *v = text != NULL && *text != '\0' ? strdup(text) : NULL;

		if (text != NULL && *text != '\0' && v == NULL)
			return -1;
		free(x->value);
		x->value = v;
		x->ta[0] = '\0';
		ffield_refresh(e, x);
	}
	return 0;
}

/* The text a field shows for a canonical value. NULL when out of memory. */
char *ffield_text_for(const struct ff_env *e, const struct ffield *x, const char *value)
{
	if (ffield_as_text(x))
		return field_edit_text(e->store, e->kind, x->f, value, e->style);
	return strdup(value != NULL ? value : "");
}

/* Sets x to value (canonical) and makes it what the form started from. */
int ffield_start(const struct ff_env *e, struct ffield *x, const char *value)
{
	char *t = ffield_text_for(e, x, value);

	if (t == NULL || ffield_set(e, x, t) != 0) {
		free(t);
		return -1;
	}
	free(x->orig);
	x->orig = t;
	return 0;
}

/* The message of a record check without the label before it. */
void ffield_message(struct ffield *x, const char *msg)
{
	const char *label = _(x->def->label);
	size_t n = strlen(label);

	if (strncmp(msg, label, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	snprintf(x->msg, sizeof x->msg, "%s", msg);
}

/* The choice whose name or code begins with what was typed ahead (folded), or 0. */
int ffield_choice_ahead(const struct ffield *x, const char *typed)
{
	enum choice_list l = (enum choice_list)x->def->max;
	char *want = fold_dup(typed);
	int i, found = 0;

	for (i = 1; want != NULL && i <= choice_count(l) && found == 0; i++) {
		char *name = fold_dup(choice_name(l, i));

		if (name != NULL && strncmp(name, want, strlen(want)) == 0)
			found = i;
		else if (strncmp(choice_code(l, i), want, strlen(want)) == 0)
			found = i;
		free(name);
	}
	free(want);
	return found;
}

int ffield_choice(const struct ffield *x)
{
	return x->value != NULL ? choice_parse((enum choice_list)x->def->max, x->value) : 0;
}

/* True when row y of the form is in view. */
static bool visible(const struct ff_view *v, int y)
{
	return y >= v->first && y < v->first + v->height;
}

void ffield_draw(struct ffield *x, struct canvas *c, const struct ff_view *v, bool is_cur, int *cursor_y,
                 int *cursor_x)
{
	int y = v->top + x->y - v->first, fx = v->field_x, fw = v->field_w, role = ROLE_INPUT;
	char label[300];

	snprintf(label, sizeof label, "%s%s:", _(x->def->label), x->def->flags & F_REQUIRED ? "*" : "");
	if (visible(v, x->y)) {
		canvas_put(c, y, 0, 2, is_cur ? ">" : "", ROLE_LABEL, TEXT_PAD);
		canvas_put(c, y, 2, v->label_w, label, ROLE_LABEL, TEXT_PAD | TEXT_ELLIPSIS);
	}
	switch (x->how) {
	case FF_LINE: {
		char shown[2048];
		int col;

		if (!visible(v, x->y))
			break;
		if (is_cur) {
			lineedit_view(&x->edit, fw, shown, sizeof shown, &col);
			canvas_put(c, y, fx, fw, shown, role, TEXT_PAD);
		} else {
			canvas_put(c, y, fx, fw, lineedit_text(&x->edit), role, TEXT_PAD | TEXT_ELLIPSIS);
		}
		if (is_cur) {
			*cursor_y = y;
			*cursor_x = fx + col;
		}
		break;
	}
	case FF_LINES: {
		char (*rows)[512] = calloc((size_t)x->rows, sizeof *rows);
		int n, r, crow = 0, ccol = 0;

		if (rows == NULL)
			break;
		if (is_cur) {
			n = lineedit_view_rows(&x->edit, fw, x->rows, rows, &crow, &ccol);
		} else {
			/* Not being typed in: its first lines. */
			size_t keep = x->edit.cursor;

			x->edit.cursor = 0;
			x->edit.scroll = 0;
			n = lineedit_view_rows(&x->edit, fw, x->rows, rows, &crow, &ccol);
			x->edit.cursor = keep;
		}
		for (r = 0; r < x->rows; r++)
			if (visible(v, x->y + r))
				canvas_put(c, y + r, fx, fw, r < n ? rows[r] : "", role, TEXT_PAD);
		if (is_cur && visible(v, x->y + crow)) {
			*cursor_y = y + crow;
			*cursor_x = fx + ccol;
		}
		free(rows);
		break;
	}
	case FF_CHOICE:
	case FF_REF: {
		const char *shown = x->how == FF_REF ? (x->shown != NULL ? x->shown : "")
		                    : ffield_choice(x) > 0 ? choice_name((enum choice_list)x->def->max, ffield_choice(x))
		                    : x->value != NULL ? x->value : "";

		if (!visible(v, x->y))
			break;
		canvas_put(c, y, fx, fw, shown, role, TEXT_PAD | TEXT_ELLIPSIS);
		if (is_cur) {
			*cursor_y = y;
			*cursor_x = fx + (x->how == FF_CHOICE ? text_width(x->ta) : 0);
		}
		break;
	}
	}
	if (x->msg[0] != '\0' && visible(v, x->y + x->rows)) {
		char line[400];

		snprintf(line, sizeof line, "! %s", x->msg);
		canvas_put(c, y + x->rows, fx, fw, line, ROLE_ERROR, TEXT_ELLIPSIS);
	}
}

