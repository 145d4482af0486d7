#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_filter.h"
#include "date.h"
#include "i18n.h"
#include "refdata.h"

static int parse_statuses(const char *arg, unsigned *mask)
{
	char *copy = strdup(arg), *tok, *save = NULL;
	int status = EXIT_OK;

	if (copy == NULL)
		return EXIT_RUNTIME;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		int s;

		while (*tok == ' ')
			tok++;
		s = status_parse(tok);
		if (s == 0) {
			status = cli_usage_error(_("--status: unknown status '%s' (one of planned, in_progress, suspended, done, cancelled, overdue)"),
			                         tok);
			break;
		}
		*mask |= 1u << s;
	}
	if (status == EXIT_OK && *mask == 0)
		status = cli_usage_error(_("--status: no status given"));
	free(copy);
	return status;
}

static int parse_year(const char *arg, int *year)
{
	char *end;
	long y = strtol(arg, &end, 10);

	if (*arg < '0' || *arg > '9' || *end != '\0' || y < 1900 || y > 2200)
		return cli_usage_error(_("--year: '%s' is not a year (1900 to 2200)"), arg);
	*year = (int)y;
	return EXIT_OK;
}

int cli_parse_filter(const struct cli_filter_args *a, struct item_filter *f)
{
	int status;

	if (a->status != NULL && (status = parse_statuses(a->status, &f->statuses)) != EXIT_OK)
		return status;
	if (a->kind != NULL && (f->kind = kind_parse(a->kind)) == 0)
		return cli_usage_error(_("--kind: unknown kind '%s' (one of task, scheme, project, pilot, event, agreement, recommendation)"),
		                       a->kind);
	if (a->year != NULL && (status = parse_year(a->year, &f->year)) != EXIT_OK)
		return status;
	if (a->search != NULL) {
		if (strlen(a->search) >= sizeof f->search)
			return cli_usage_error(_("--search: the text is too long (at most %zu bytes)"),
			                       sizeof f->search - 1);
		snprintf(f->search, sizeof f->search, "%s", a->search);
	}
	return EXIT_OK;
}

int cli_parse_date(const char *option, const char *arg, char iso[11])
{
	if (date_parse(arg, iso) != 0)
		return cli_usage_error(_("%s: '%s' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), option, arg);
	return EXIT_OK;
}
