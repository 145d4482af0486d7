#ifndef HOSO_DATE_H
#define HOSO_DATE_H

/*
 * Calendar dates. Stored as ISO text (YYYY-MM-DD); shown and typed as
 * dd/mm/yyyy (or ISO, as [ui] date_format says).
 */

#include <stdbool.h>

#include "error.h"
#include "settings.h"

/* True when y-m-d exists in the Gregorian calendar (year 1..9999). */
bool date_valid(int y, int m, int d);

/*
 * Parses "YYYY-MM-DD" (exactly) or "d/m/yyyy" (one or two digits for day and
 * month) into iso (YYYY-MM-DD). Returns 0, or -1 when s is not a date or
 * names a day that does not exist (31/02/2024).
 */
int date_parse(const char *s, char iso[11]);

/* Writes the ISO date iso as style says into out; "" stays "". */
void date_format(const char *iso, enum date_style style, char out[11]);

/*
 * Today as YYYY-MM-DD: $HOSO_TODAY when set (it must be a valid ISO date,
 * else -1 with err of kind ERROR_USAGE), else the local date.
 */
int date_today(char iso[11], struct error *err);

/* Days from ISO date a to ISO date b (b - a); 0 when either is not a date. */
long date_days_between(const char *a, const char *b);

#endif
