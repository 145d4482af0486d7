#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "i18n.h"
#include "idset.h"
#include "itemlayout.h"
#include "itemquery.h"
#include "print.h"
#include "printjob.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/* The rows of the list drawn and written at a time. */
#define PRINT_PAGE_ROWS 200

/* The header of a printed page: the programme, what is printed, the date and the clerk, and a rule. */
static void header(struct app *a, FILE *out, const char *what, int cols)
{
	char today[11];
	int i;

	const char *prog = a->programme != NULL ? a->programme : "";
	size_t n = strlen(prog), off = 0;

	date_format(a->ctx->today, a->ctx->settings.date_format, today);
	/* The programme's title, wrapped to the page's width. */
	while (off < n) {
		size_t next, len = wrap_line(prog + off, n - off, cols, &next);

		fprintf(out, "%.*s\n", (int)len, prog + off);
		if (next == 0)
			break;
		off += next;
	}
	fprintf(out, "%s · %s · %s\n", what, today, store_login(a->store));
	for (i = 0; i < cols; i++)
		fputc('=', out);
	fputc('\n', out);
}

/* Says on the status line how printing went. */
static void tell(struct app *a, int rc, const struct print_result *res, const struct error *err)
{
	const char *command = a->ctx->settings.print_command != NULL && *a->ctx->settings.print_command != '\0'
		? a->ctx->settings.print_command : SETTINGS_DEFAULT_PRINT_COMMAND;
	char *shown = text_inert_dup(command);
	char *file = res->file != NULL ? text_inert_dup(res->file) : NULL;

	if (rc == 0)
		app_message(a, ROLE_MESSAGE, _("Sent to the printer: %s"), shown != NULL ? shown : "");
	else if (rc == 1)
		app_message(a, ROLE_ERROR, _("The page is in %s: printing with '%s' failed (%s)"), file != NULL ? file : "",
		            shown != NULL ? shown : "", res->why);
	else
		app_message(a, ROLE_ERROR, _("Printing failed: %s"), err->msg);
	free(shown);
	free(file);
}

/* ------------------------------------------------------------------ one screen */

struct screen_page {
	struct app *a;
	const char *what;
	const char *text;
	int cols;
};

static int produce_screen(void *ctx, FILE *out, struct error *err)
{
	struct screen_page *p = ctx;

	(void)err;
	header(p->a, out, p->what, p->cols);
	fputs(p->text, out);
	return 0;
}

/* What the printed screen is: its name, and its title when that says more. */
static void describe(struct app *a, const struct screen *leave_out, char *out, size_t n)
{
	struct screen *s = NULL;
	const char *name, *title;
	int i;

	for (i = a->depth - 1; i >= 0; i--) {
		if (a->stack[i] == leave_out)
			continue;
		s = a->stack[i];
		if (!s->ops->overlay)
			break;
	}
	if (s == NULL) {
		snprintf(out, n, "hoso");
		return;
	}
	title = s->ops->title(s);
	name = s->ops->name != NULL ? _(s->ops->name) : title;
	if (title != NULL && strcmp(title, name) != 0 && (a->programme == NULL || strcmp(title, a->programme) != 0))
		snprintf(out, n, "%s: %s", name, title);
	else
		snprintf(out, n, "%s", name);
}

void print_screen(struct app *a, const struct screen *leave_out)
{
	struct text_canvas *tc = text_canvas_new(a->canvas->rows, a->canvas->cols);
	struct print_result res;
	struct error err = { 0 };
	char what[512], *text;
	int rc;

	if (tc == NULL) {
		app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	app_draw(a, text_canvas_canvas(tc), leave_out);
	text = text_canvas_string(tc);
	text_canvas_free(&tc);
	if (text == NULL) {
		app_message(a, ROLE_ERROR, "%s", _("Out of memory"));
		return;
	}
	describe(a, leave_out, what, sizeof what);
	{
		struct screen_page p = { a, what, text, a->canvas->cols };

		rc = print_job(a->ctx->settings.print_command, produce_screen, &p, &res, &err);
	}
	tell(a, rc, &res, &err);
	print_result_free(&res);
	free(text);
}

/* ------------------------------------------------------------------ the whole list */

struct list_page {
	struct app *a;
	const struct item_view *v;
	const struct idset *expanded;
	const char *title;
	int cols;
};

/* Writes rows[0..n) drawn as the list draws them. */
static int write_rows(struct list_page *p, const struct list_layout *l, struct item_row *rows, int n, FILE *out,
                      struct error *err)
{
	struct text_canvas *tc = text_canvas_new(n, p->cols);
	bool tree = item_view_is_tree(p->v);
	char *text;
	int i;

	if (tc == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	for (i = 0; i < n; i++) {
		bool open = tree && rows[i].has_children &&
		            (p->expanded != NULL && idset_has(p->expanded, rows[i].id));

		list_draw_row(text_canvas_canvas(tc), i, l, &rows[i], tree, open, false,
		              p->a->ctx->settings.date_format, NULL);
	}
	text = text_canvas_string(tc);
	text_canvas_free(&tc);
	if (text == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	fputs(text, out);
	free(text);
	return ferror(out) ? error_set(err, ERROR_RUNTIME, _("cannot write the page")) : 0;
}

/* The search and the filters of v, for the header. */
static void describe_view(const struct item_view *v, struct strbuf *b)
{
	const struct item_filter *f = &v->filter;
	int s;
	bool first = true;

	if (f->search[0] != '\0')
		strbuf_printf(b, " · /%s", f->search);
	if (f->statuses != 0) {
		strbuf_printf(b, " · %s:", _("Status"));
		for (s = 1; s <= STATUS_MAX; s++)
			if (f->statuses & (1u << s)) {
				strbuf_printf(b, "%s%s", first ? " " : ", ", status_name(s));
				first = false;
			}
	}
	if (f->kind != 0)
		strbuf_printf(b, " · %s: %s", _("Kind"), kind_name(f->kind));
	if (f->year != 0)
		strbuf_printf(b, " · %s: %d", _("Year"), f->year);
	if (f->unit_id[0] != '\0' || f->locality_id[0] != '\0')
		strbuf_printf(b, " · %s", _("filtered by unit or locality"));
}

static int produce_list(void *ctx, FILE *out, struct error *err)
{
	struct list_page *p = ctx;
	struct item_pager *pager = NULL;
	struct item_row *rows = calloc(PRINT_PAGE_ROWS, sizeof *rows);
	struct list_layout l;
	struct strbuf what = STRBUF_INIT;
	struct text_canvas *head = NULL;
	int got, i, rc = -1;
	char *text;

	if (rows == NULL)
		return error_set(err, ERROR_RUNTIME, _("out of memory"));
	strbuf_puts(&what, p->title);
	describe_view(p->v, &what);
	header(p->a, out, strbuf_str(&what), p->cols);
	list_layout_compute(&l, p->cols);
	if ((head = text_canvas_new(1, p->cols)) == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	list_draw_header(text_canvas_canvas(head), 0, &l, p->v->sort, p->v->desc);
	if ((text = text_canvas_string(head)) == NULL) {
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		goto done;
	}
	fputs(text, out);
	free(text);
	if (item_pager_open(&pager, p->a->store, p->v, p->expanded, 0, err) != 0)
		goto done;
	got = item_pager_first(pager, rows, PRINT_PAGE_ROWS, err);
	while (got > 0) {
		struct item_row last = { 0 };

		if (write_rows(p, &l, rows, got, out, err) != 0)
			goto done;
		if (got < PRINT_PAGE_ROWS)
			break;
		if (item_row_copy(&last, &rows[got - 1]) != 0) {
			error_set(err, ERROR_RUNTIME, _("out of memory"));
			goto done;
		}
		got = item_pager_next(pager, &last, rows, PRINT_PAGE_ROWS, err);
		item_row_clear(&last);
	}
	rc = got < 0 ? -1 : 0;
done:
	for (i = 0; i < PRINT_PAGE_ROWS; i++)
		item_row_clear(&rows[i]);
	free(rows);
	item_pager_close(&pager);
	text_canvas_free(&head);
	strbuf_free(&what);
	return rc;
}

void print_item_list(struct app *a, const struct item_view *v, const struct idset *expanded, const char *title)
{
	struct list_page p = { a, v, expanded, title, a->canvas->cols };
	struct print_result res;
	struct error err = { 0 };
	int rc;

	rc = print_job(a->ctx->settings.print_command, produce_list, &p, &res, &err);
	tell(a, rc, &res, &err);
	print_result_free(&res);
}
