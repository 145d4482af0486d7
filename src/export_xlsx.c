#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "atomicfile.h"
#include "export.h"
#include "fielddisplay.h"
#include "i18n.h"
#include "record.h"
#include "validate.h"

/*
 * The xlsx export, through libxlsxwriter: a sheet per kind of record, a
 * header row, dates as dates, column widths set. Linked into hoso-render
 * only (see render.h).
 */

struct xlsx_ctx {
	struct store *store;
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *date, *head;
	lxw_row_t row;
	int ncols;
	int widths[RECORD_MAX_FIELDS + 1];
};

/* A date "YYYY-MM-DD" as Excel's date. */
static int xlsx_date(const char *iso, lxw_datetime *d)
{
	memset(d, 0, sizeof *d);
	return iso != NULL && sscanf(iso, "%4d-%2d-%2d", &d->year, &d->month, &d->day) == 3 ? 0 : -1;
}

static int xlsx_row(void *ctx, const struct record *r, struct error *err)
{
	struct xlsx_ctx *x = ctx;
	int n, i, col = 0;
	const struct field *fs = fields_of(r->kind, &n);

	(void)err;
	x->row++;
	if (r->kind == REC_ITEM || r->kind == REC_DOCUMENT)
		worksheet_write_number(x->sheet, x->row, (lxw_col_t)col++, (double)r->no, NULL);
	for (i = 0; i < n; i++) {
		const char *v = r->v[i];
		lxw_datetime d;

		if (v == NULL) {
			col++;
			continue;
		}
		switch (fs[i].type) {
		case FT_DATE:
			if (xlsx_date(v, &d) == 0)
				worksheet_write_datetime(x->sheet, x->row, (lxw_col_t)col, &d, x->date);
			break;
		case FT_YEAR:
		case FT_PERCENT:
			worksheet_write_number(x->sheet, x->row, (lxw_col_t)col, strtod(v, NULL), NULL);
			break;
		default: {
			char *shown = field_display(x->store, r->kind, i, v, DATE_DMY);

			if (shown != NULL) {
				worksheet_write_string(x->sheet, x->row, (lxw_col_t)col, shown, NULL);
				free(shown);
			}
			break;
		}
		}
		col++;
	}
	return 0;
}

/* One sheet of records of kind k. */
static int xlsx_sheet(struct xlsx_ctx *x, enum record_kind k, const char *title, struct error *err)
{
	int n, i, col = 0;
	const struct field *fs = fields_of(k, &n);

	x->sheet = workbook_add_worksheet(x->book, title);
	if (x->sheet == NULL)
		return error_set(err, ERROR_RUNTIME, _("cannot make a sheet of the spreadsheet"));
	x->row = 0;
	if (k == REC_ITEM || k == REC_DOCUMENT) {
		worksheet_write_string(x->sheet, 0, (lxw_col_t)col, _("No."), x->head);
		worksheet_set_column(x->sheet, (lxw_col_t)col, (lxw_col_t)col, 7, NULL);
		col++;
	}
	for (i = 0; i < n; i++, col++) {
		double w = fs[i].type == FT_DATE ? 12 : fs[i].type == FT_TEXT && fs[i].max >= 300 ? 60
		         : fs[i].type == FT_NOTES || fs[i].type == FT_MULTI || fs[i].type == FT_TARGETS ? 40
		         : fs[i].type == FT_REF ? 30 : 14;

		worksheet_write_string(x->sheet, 0, (lxw_col_t)col, _(fs[i].label), x->head);
		worksheet_set_column(x->sheet, (lxw_col_t)col, (lxw_col_t)col, w, NULL);
	}
	worksheet_freeze_panes(x->sheet, 1, 0);
	return record_each(x->store, k, xlsx_row, x, err);
}

int export_xlsx(struct store *s, const char *path, struct error *err)
{
	struct atomicfile f;
	struct xlsx_ctx x;
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
	lxw_error rc;

	memset(&x, 0, sizeof x);
	x.store = s;
	if (atomicfile_open(&f, path, 0644, err) != 0)
		return -1;
	x.book = workbook_new_opt(f.tmp, &opt);
	if (x.book == NULL) {
		atomicfile_abort(&f);
		return error_set(err, ERROR_RUNTIME, _("%s: cannot start the spreadsheet"), path);
	}
	x.date = workbook_add_format(x.book);
	format_set_num_format(x.date, "dd/mm/yyyy");
	x.head = workbook_add_format(x.book);
	format_set_bold(x.head);
	if (xlsx_sheet(&x, REC_ITEM, _("Items"), err) != 0 || xlsx_sheet(&x, REC_DOCUMENT, _("Documents"), err) != 0 ||
	    xlsx_sheet(&x, REC_UNIT, _("Units"), err) != 0 || xlsx_sheet(&x, REC_LOCALITY, _("Localities"), err) != 0) {
		workbook_close(x.book);
		atomicfile_abort(&f);
		return -1;
	}
	rc = workbook_close(x.book);
	if (rc != LXW_NO_ERROR) {
		atomicfile_abort(&f);
		return error_set(err, ERROR_RUNTIME, _("%s: cannot write the spreadsheet: %s"), path, lxw_strerror(rc));
	}
	return atomicfile_commit(&f, err);
}
