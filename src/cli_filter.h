#ifndef HOSO_CLI_FILTER_H
#define HOSO_CLI_FILTER_H

/*
 * The options that choose items on the command line, as `hoso list` takes
 * them (--status S[,S…] --kind K --year Y --search TEXT), and dates as a
 * clerk types them (dd/mm/yyyy or YYYY-MM-DD). Each parser prints its one
 * line on standard error (cli_usage_error) and returns EXIT_USAGE on bad
 * input, EXIT_OK otherwise.
 */

#include "itemquery.h"

/* The option values given (NULL: not given). */
struct cli_filter_args {
	const char *status, *kind, *year, *search;
};

/* Fills f from a (f's other fields are left as they are). */
int cli_parse_filter(const struct cli_filter_args *a, struct item_filter *f);

/* Parses arg, the value of option (named in the message: "--as-of"), into iso. */
int cli_parse_date(const char *option, const char *arg, char iso[11]);

#endif
