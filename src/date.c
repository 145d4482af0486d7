#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "i18n.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_valid(int y, int m, int d)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && leap(y));
}

/* Reads 1..maxd digits at *s; advances *s. Returns -1 when there are none. */
static int digits(const char **s, int mind, int maxd)
{
	int v = 0, n = 0;

	while (n < maxd && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= mind ? v : -1;
}

int date_parse(const char *s, char iso[11])
{
	const char *p = s;
	int y, m, d;

	if (s == NULL)
		return -1;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		y = digits(&p, 4, 4);
		p++;
		m = digits(&p, 2, 2);
		p++;
		d = digits(&p, 2, 2);
	} else {
		d = digits(&p, 1, 2);
		if (d < 0 || *p++ != '/')
			return -1;
		m = digits(&p, 1, 2);
		if (m < 0 || *p++ != '/')
			return -1;
		y = digits(&p, 4, 4);
	}
	if (y < 0 || m < 0 || d < 0 || *p != '\0' || !date_valid(y, m, d))
		return -1;
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return 0;
}

void date_format(const char *iso, enum date_style style, char out[11])
{
	if (iso == NULL || strlen(iso) != 10) {
		out[0] = '\0';
		return;
	}
	if (style == DATE_ISO) {
		memcpy(out, iso, 11);
		return;
	}
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

int date_today(char iso[11], struct error *err)
{
	const char *env = getenv("HOSO_TODAY");
	time_t t;
	struct tm tm;

	if (env != NULL && *env != '\0') {
		const char *p = env;
		int y = digits(&p, 4, 4), m, d;

		if (y < 0 || *p++ != '-' || (m = digits(&p, 2, 2)) < 0 || *p++ != '-' ||
		    (d = digits(&p, 2, 2)) < 0 || *p != '\0' || !date_valid(y, m, d))
			return error_set(err, ERROR_USAGE,
			                 _("HOSO_TODAY: \"%s\" is not a date of the form YYYY-MM-DD"), env);
		snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
		return 0;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(iso, 11, "%Y-%m-%d", &tm);
	return 0;
}

/* Days since 1970-01-01 of a valid date (civil calendar arithmetic). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long date_days_between(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;

	if (a == NULL || b == NULL || sscanf(a, "%4d-%2d-%2d", &ya, &ma, &da) != 3 ||
	    sscanf(b, "%4d-%2d-%2d", &yb, &mb, &db) != 3 || !date_valid(ya, ma, da) ||
	    !date_valid(yb, mb, db))
		return 0;
	return days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da);
}
