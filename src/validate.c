#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "collate.h"
#include "date.h"
#include "fold.h"
#include "i18n.h"
#include "itemdetail.h"
#include "refdata.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "uuid.h"
#include "validate.h"

/* ------------------------------------------------------------------ text */

/* What a text may hold beyond printable characters. */
enum { ALLOW_LINES = 1, ALLOW_TABS = 2 };

/* A character no field stores: controls (a line break only in notes and lists) and bidi overrides. */
static bool refused_cp(uint32_t cp, int allow)
{
	if (cp == '\n')
		return !(allow & ALLOW_LINES);
	if (cp == '\t')
		return !(allow & ALLOW_TABS);
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x061c || cp == 0x200e ||
	       cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* s trimmed of spaces at both ends, in NFC; NULL when out of memory. */
static char *clean_text(const char *s)
{
	size_t n;
	char *nfc;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || (s[n - 1] == '\n')))
		n--;
	nfc = text_nfc_dup(s, n, NULL);
	return nfc;
}

/* Checks text: UTF-8, no refused character, at most max characters. */
static int check_text(const char *s, int allow, int max, char *why, size_t whysz)
{
	size_t i = 0, n = strlen(s);
	int chars = 0;

	if (!utf8_valid(s, n)) {
		snprintf(why, whysz, "%s", _("is not valid UTF-8 text"));
		return -1;
	}
	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		if (refused_cp(cp, allow)) {
			if (cp == '\n')
				snprintf(why, whysz, "%s", _("takes one line only"));
			else
				snprintf(why, whysz, _("holds a control character (U+%04X), which is not stored"),
				         (unsigned)cp);
			return -1;
		}
		chars++;
	}
	if (max > 0 && chars > max) {
		snprintf(why, whysz, _("is too long (%d characters; at most %d)"), chars, max);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ numbers and dates */

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (*s == '\0' || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* True when s looks like a date (digits and separators) but names no day: 31/02/2024. */
static bool date_shaped(const char *s)
{
	int d, m, y;
	char c;

	return sscanf(s, "%d/%d/%d%c", &d, &m, &y, &c) == 3 || sscanf(s, "%d-%d-%d%c", &y, &m, &d, &c) == 3;
}

static int parse_date(const char *s, char **out, char *why, size_t whysz)
{
	char iso[11];

	if (date_parse(s, iso) != 0) {
		if (date_shaped(s))
			snprintf(why, whysz, _("'%s' is not a day of the calendar"), s);
		else
			snprintf(why, whysz, _("'%s' is not a date (dd/mm/yyyy)"), s);
		return -1;
	}
	*out = strdup(iso);
	return *out == NULL ? -2 : 0;
}

/* A number of a target: decimal, '.' or ',' before the fraction. */
static int parse_number(const char *s, double *out)
{
	char buf[64], *end;
	size_t i;

	if (strlen(s) >= sizeof buf)
		return -1;
	for (i = 0; s[i] != '\0'; i++)
		buf[i] = s[i] == ',' ? '.' : s[i];
	buf[i] = '\0';
	errno = 0;
	*out = strtod(buf, &end);
	return errno == 0 && end != buf && *end == '\0' ? 0 : -1;
}

/* ------------------------------------------------------------------ references */

static int one_id(struct store *s, const char *sql, const char *arg, long no, char out[UUID_LEN + 1],
                  int *matches, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*matches = 0;
	if (store_cached(s, sql, &st, err) != 0)
		return -1;
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, no);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*matches == 0)
			store_column_uuid(st, 0, out);
		(*matches)++;
	}
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("looking a record up"));
}

/*
 * The key of the record of kind k a clerk means by typed. Returns 0 and
 * out, -1 with why when none or several match, -2 with err set.
 */
static int resolve(struct store *s, enum record_kind k, const char *typed, char out[UUID_LEN + 1],
                   char *why, size_t whysz, struct error *err)
{
	int matches = 0;
	char *folded;
	long no;

	if (uuid_valid(typed)) {
		char sql[128];
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?1", record_table(k));
		if (store_cached(s, sql, &st, err) != 0)
			return -2;
		store_bind_uuid(st, 1, typed);
		rc = sqlite3_step(st);
		store_release(s, st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			store_fail(s, err, _("looking a record up"));
			return -2;
		}
		if (rc == SQLITE_ROW) {
			unsigned char b[UUID_BYTES];

			uuid_to_bytes(typed, b);
			uuid_from_bytes(b, out);
			return 0;
		}
		snprintf(why, whysz, _("there is no %s with the key %s"), record_kind_name(k), typed);
		return -1;
	}
	switch (k) {
	case REC_ITEM: {
		struct error e = { 0 };
		int rc = item_resolve(s, typed, &no, &e);

		if (rc < 0 && e.kind == ERROR_RUNTIME && strstr(e.msg, "items have") == NULL &&
		    strstr(e.msg, "no item") == NULL) {
			*err = e;
			return -2;
		}
		if (rc != 1) {
			snprintf(why, whysz, "%s", e.msg);
			return -1;
		}
		if (one_id(s, "SELECT id FROM item WHERE no = ?1", NULL, no, out, &matches, err) != 0)
			return -2;
		return 0;
	}
	case REC_DOCUMENT:
		if (parse_long(typed[0] == '#' ? typed + 1 : typed, 1, 1L << 40, &no) == 0) {
			if (one_id(s, "SELECT id FROM document WHERE no = ?1", NULL, no, out, &matches, err) != 0)
				return -2;
			if (matches == 1)
				return 0;
		}
		if (one_id(s, "SELECT id FROM document WHERE fold(number) = fold(?1)", typed, 0, out, &matches,
		           err) != 0)
			return -2;
		break;
	case REC_UNIT:
		if (one_id(s, "SELECT id FROM unit WHERE fold(name) = fold(?1) OR fold(short_name) = fold(?1)",
		           typed, 0, out, &matches, err) != 0)
			return -2;
		break;
	case REC_LOCALITY:
		if (one_id(s, "SELECT id FROM locality WHERE fold(name) = fold(?1)", typed, 0, out, &matches,
		           err) != 0)
			return -2;
		break;
	default:
		break;
	}
	if (matches == 1)
		return 0;
	folded = fold_dup(typed);
	if (matches > 1)
		snprintf(why, whysz, _("%d records are called '%s': give the key or the number"), matches, typed);
	else
		snprintf(why, whysz, _("there is no %s called '%s'"), record_kind_name(k), typed);
	free(folded);
	return -1;
}

int record_resolve(struct store *s, enum record_kind k, const char *typed, char out[UUID_LEN + 1],
                   char *why, size_t whysz, struct error *err)
{
	return resolve(s, k, typed, out, why, whysz, err);
}

/* ------------------------------------------------------------------ lists */

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Splits typed at the characters of seps into its non-blank parts (new
 * copies in *out, *n of them). trim: the spaces that begin a part are
 * left out. Returns 0, or -1 when out of memory.
 */
static int split_parts(const char *typed, const char *seps, bool trim, char ***out, int *n)
{
	char *copy = strdup(typed), *p, *save = NULL;
	char **v = NULL;
	int cap = 0;

	*out = NULL;
	*n = 0;
	if (copy == NULL)
		return -1;
	for (p = strtok_r(copy, seps, &save); p != NULL; p = strtok_r(NULL, seps, &save)) {
		if (trim)
			p += strspn(p, " ");
		if (p[strspn(p, " ")] == '\0')
			continue;
		if (*n == cap) {
			char **nv = realloc(v, (size_t)(cap = cap ? cap * 2 : 8) * sizeof *nv);

			if (nv == NULL)
				goto oom;
			v = nv;
		}
		if ((v[*n] = strdup(p)) == NULL)
			goto oom;
		(*n)++;
	}
	free(copy);
	*out = v;
	return 0;
oom:
	while (*n > 0)
		free(v[--*n]);
	free(v);
	free(copy);
	return -1;
}

/* Splits typed into entries at new lines and ';' (one entry a line in a form). */
static int split_entries(const char *typed, char ***out, int *n)
{
	return split_parts(typed, "\n;", true, out, n);
}

static void free_entries(char **v, int n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

/* Several records, each with a word after ':' or a tab (a role, a relation). */
static int parse_multi(struct store *s, const struct field *f, const char *typed, char **out,
                       char *why, size_t whysz, struct error *err)
{
	char **entries, **lines;
	int n, i, rc = 0, kept = 0;
	struct strbuf b = STRBUF_INIT;

	if (split_entries(typed, &entries, &n) != 0)
		return -2;
	lines = calloc((size_t)(n > 0 ? n : 1), sizeof *lines);
	if (lines == NULL) {
		free_entries(entries, n);
		return -2;
	}
	for (i = 0; i < n && rc == 0; i++) {
		char id[UUID_LEN + 1], *word = strchr(entries[i], '\t');
		char line[256];

		if (word == NULL && (f->flags & F_ROLE || f->type == FT_LINKS) && !uuid_valid(entries[i]))
			word = strrchr(entries[i], ':');
		if (word != NULL) {
			*word++ = '\0';
			while (*word == ' ')
				word++;
		}
		{
			size_t len = strlen(entries[i]);

			while (len > 0 && entries[i][len - 1] == ' ')
				entries[i][--len] = '\0';
		}
		rc = resolve(s, (enum record_kind)f->max, entries[i], id, why, whysz, err);
		if (rc != 0)
			break;
		if (f->type == FT_LINKS) {
			int rel = word != NULL ? choice_parse(CHOICE_DOC_RELATION, word) : 0;

			if (rel == 0) {
				snprintf(why, whysz, _("'%s': say how it relates (implements, amends, replaces, reviews)"),
				         entries[i]);
				rc = -1;
				break;
			}
			snprintf(line, sizeof line, "%s\t%s", id, choice_code(CHOICE_DOC_RELATION, rel));
		} else if (word != NULL && *word != '\0') {
			if ((rc = check_text(word, 0, 100, why, whysz)) != 0)
				break;
			snprintf(line, sizeof line, "%s\t%s", id, word);
		} else {
			snprintf(line, sizeof line, "%s", id);
		}
		if ((lines[kept++] = strdup(line)) == NULL)
			rc = -2;
	}
	if (rc == 0) {
		qsort(lines, (size_t)kept, sizeof *lines, by_string);
		for (i = 0; i < kept; i++) {
			/* The same record twice: once is enough. */
			if (i > 0 && strncmp(lines[i], lines[i - 1], UUID_LEN) == 0 && f->type != FT_LINKS)
				continue;
			if (b.len > 0)
				strbuf_puts(&b, "\n");
			strbuf_puts(&b, lines[i]);
		}
		if (b.failed)
			rc = -2;
		else if (b.len > 0)
			*out = strbuf_detach(&b);
	}
	strbuf_free(&b);
	free_entries(lines, kept);
	free_entries(entries, n);
	if (rc == -2 && err->kind == ERROR_NONE)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return rc;
}

/* Splits typed into its lines, leaving the blank ones out (targets: one a line; a ';' is text). */
static int split_lines(const char *typed, char ***out, int *n)
{
	return split_parts(typed, "\n", false, out, n);
}

/*
 * Cuts a target's line into its six parts, in place. A line with a tab is
 * as exports write it: parts between tabs, taken as they are. Otherwise
 * parts are between '|', and a '|' or a backslash inside a part is written
 * after a backslash ("\|", "\\"); any other backslash is itself.
 */
static void target_parts(char *line, char *part[6])
{
	bool tabs = strchr(line, '\t') != NULL;
	char *r = line, *w = line;
	int k = 0;

	part[0] = line;
	while (*r != '\0') {
		if (!tabs && r[0] == '\\' && (r[1] == '|' || r[1] == '\\')) {
			*w++ = r[1];
			r += 2;
		} else if (*r == (tabs ? '\t' : '|') && k < 5) {
			*w++ = '\0';
			r++;
			part[++k] = w;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/*
 * Targets: a line each, "text | measure | min | max | actual | notes" (or
 * tabs, as exports write them; see target_parts).
 */
static int parse_targets(const char *typed, char **out, char *why, size_t whysz)
{
	char **entries;
	int n, i, rc = 0;
	struct strbuf b = STRBUF_INIT;

	if (split_lines(typed, &entries, &n) != 0)
		return -2;
	for (i = 0; i < n && rc == 0; i++) {
		char *part[6] = { 0 };
		double v[3];
		bool have[3] = { false, false, false };
		int k;

		target_parts(entries[i], part);
		for (k = 0; k < 6; k++) {
			if (part[k] == NULL)
				continue;
			while (*part[k] == ' ')
				part[k]++;
			{
				size_t len = strlen(part[k]);

				while (len > 0 && part[k][len - 1] == ' ')
					part[k][--len] = '\0';
			}
		}
		if (part[0] == NULL || *part[0] == '\0') {
			snprintf(why, whysz, _("target %d has no text"), i + 1);
			rc = -1;
			break;
		}
		for (k = 0; k < 6 && rc == 0; k++)
			if (part[k] != NULL && (k < 2 || k == 5))
				rc = check_text(part[k], 0, 500, why, whysz);
		for (k = 0; k < 3 && rc == 0; k++) {
			if (part[k + 2] == NULL || *part[k + 2] == '\0')
				continue;
			if (parse_number(part[k + 2], &v[k]) != 0) {
				snprintf(why, whysz, _("target %d: '%s' is not a number"), i + 1, part[k + 2]);
				rc = -1;
			}
			have[k] = true;
		}
		if (rc == 0 && have[0] && have[1] && v[0] > v[1]) {
			snprintf(why, whysz, _("target %d: the minimum (%.15g) is above the maximum (%.15g)"), i + 1,
			         v[0], v[1]);
			rc = -1;
		}
		if (rc != 0)
			break;
		if (b.len > 0)
			strbuf_puts(&b, "\n");
		strbuf_printf(&b, "%s\t%s", part[0], part[1] != NULL ? part[1] : "");
		for (k = 0; k < 3; k++) {
			strbuf_puts(&b, "\t");
			if (have[k])
				strbuf_printf(&b, "%.15g", v[k]);
		}
		strbuf_printf(&b, "\t%s", part[5] != NULL ? part[5] : "");
	}
	free_entries(entries, n);
	if (rc == 0 && b.failed)
		rc = -2;
	if (rc == 0 && b.len > 0)
		*out = strbuf_detach(&b);
	strbuf_free(&b);
	return rc;
}

/* ------------------------------------------------------------------ fields */

int field_parse(struct store *s, enum record_kind k, int fi, const char *typed,
                enum date_style style, char **out, char *why, size_t whysz, struct error *err)
{
	int n;
	const struct field *f = &fields_of(k, &n)[fi];
	char *t;
	long v;
	int rc = 0;

	(void)style; /* dd/mm/yyyy and ISO are both taken, whatever is shown */
	*out = NULL;
	why[0] = '\0';
	if (typed == NULL)
		typed = "";
	if (!utf8_valid(typed, strlen(typed))) {
		snprintf(why, whysz, "%s", _("is not valid UTF-8 text"));
		return -1;
	}
	t = f->type == FT_NOTES ? text_nfc_dup(typed, strlen(typed), NULL) : clean_text(typed);
	if (t == NULL) {
		if (!utf8_valid(typed, strlen(typed))) {
			snprintf(why, whysz, "%s", _("is not valid UTF-8 text"));
			return -1;
		}
		error_set(err, ERROR_RUNTIME, _("out of memory"));
		return -2;
	}
	if (f->type == FT_NOTES) {
		/* Notes keep their lines; spaces at the ends of the whole go. */
		size_t len = strlen(t);

		while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\n'))
			t[--len] = '\0';
	}
	if (*t == '\0') {
		free(t);
		return 0; /* empty: whether it may be is record_check's */
	}
	switch (f->type) {
	case FT_TEXT:
	case FT_NOTES:
		rc = check_text(t, f->type == FT_NOTES ? ALLOW_LINES : 0, f->max, why, whysz);
		if (rc == 0) {
			*out = t;
			t = NULL;
		}
		break;
	case FT_DATE:
		rc = parse_date(t, out, why, whysz);
		break;
	case FT_YEAR:
		if (parse_long(t, 1900, 2200, &v) != 0) {
			snprintf(why, whysz, _("'%s' is not a year from 1900 to 2200"), t);
			rc = -1;
		} else if (asprintf(out, "%ld", v) < 0) {
			rc = -2;
		}
		break;
	case FT_PERCENT: {
		size_t len = strlen(t);

		if (len > 0 && t[len - 1] == '%')
			t[--len] = '\0';
		while (len > 0 && t[len - 1] == ' ')
			t[--len] = '\0';
		if (parse_long(t, 0, 100, &v) != 0) {
			snprintf(why, whysz, _("'%s' is not a whole number from 0 to 100 (leave it empty when not known)"), t);
			rc = -1;
		} else if (asprintf(out, "%ld", v) < 0) {
			rc = -2;
		}
		break;
	}
	case FT_FLAG:
		if (strcmp(t, "1") == 0 || strcmp(t, "yes") == 0 || strcmp(t, "true") == 0)
			*out = strdup("1");
		else if (strcmp(t, "0") == 0 || strcmp(t, "no") == 0 || strcmp(t, "false") == 0)
			*out = NULL;
		else {
			snprintf(why, whysz, _("'%s' is not 0 or 1"), t);
			rc = -1;
		}
		break;
	case FT_CHOICE: {
		int c = choice_parse((enum choice_list)f->max, t);

		if (c == 0) {
			struct strbuf b = STRBUF_INIT;
			int i;

			for (i = 1; i <= choice_count((enum choice_list)f->max); i++)
				strbuf_printf(&b, "%s%s", i > 1 ? ", " : "", choice_code((enum choice_list)f->max, i));
			snprintf(why, whysz, _("'%s' is not one of: %s"), t, strbuf_str(&b));
			strbuf_free(&b);
			rc = -1;
		} else if ((*out = strdup(choice_code((enum choice_list)f->max, c))) == NULL) {
			rc = -2;
		}
		break;
	}
	case FT_REF: {
		char id[UUID_LEN + 1];

		rc = resolve(s, (enum record_kind)f->max, t, id, why, whysz, err);
		if (rc == 0 && (*out = strdup(id)) == NULL)
			rc = -2;
		break;
	}
	case FT_MULTI:
	case FT_LINKS:
		/* Entries a line each; a tab before a role or a relation (as exports write them). */
		if (check_text(t, ALLOW_LINES | ALLOW_TABS, 0, why, whysz) != 0)
			rc = -1;
		else
			rc = parse_multi(s, f, t, out, why, whysz, err);
		break;
	case FT_TARGETS:
		rc = parse_targets(t, out, why, whysz);
		break;
	}
	free(t);
	if (rc == -2 && err->kind == ERROR_NONE)
		error_set(err, ERROR_RUNTIME, _("out of memory"));
	return rc;
}

/* ------------------------------------------------------------------ the record */

static void add_error(struct field_error *errs, int max, int *n, int field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void add_error(struct field_error *errs, int max, int *n, int field, const char *fmt, ...)
{
	va_list ap;
	int i;

	for (i = 0; i < *n; i++)
		if (errs[i].field == field)
			return; /* one message a field */
	if (*n >= max)
		return;
	errs[*n].field = field;
	va_start(ap, fmt);
	vsnprintf(errs[*n].msg, sizeof errs[*n].msg, fmt, ap);
	va_end(ap);
	(*n)++;
}

/* True when another record than r has value in column (of r's table); -1 on error. */
static int taken(struct store *s, const struct record *r, const char *column, const char *value,
                 const char *also, struct error *err)
{
	char sql[320];
	sqlite3_stmt *st;
	int rc;
	unsigned char lo[1024];
	size_t nlo = 0;
	bool by_key = false;

	/*
	 * An item's code: the codes with the same letters (whatever the tones and
	 * case), found through the index on code_key, and of those the ones that
	 * fold alike.
	 */
	if (r->kind == REC_ITEM && strcmp(column, "code") == 0) {
		nlo = collate_vi_primary(value, strlen(value), lo, sizeof lo - 1);
		by_key = nlo < sizeof lo - 1;
		if (by_key)
			also = " AND code_key >= ?3 AND code_key < ?4";
	}
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE fold(%s) = fold(?1) AND id IS NOT ?2%s LIMIT 1",
	         record_table(r->kind), column, also != NULL ? also : "");
	if (store_cached(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
	store_bind_uuid(st, 2, r->id);
	if (by_key) {
		size_t trimmed = nlo;

		while (trimmed > 0 && lo[trimmed - 1] == 0)
			trimmed--;
		sqlite3_bind_blob(st, 3, lo, (int)trimmed, SQLITE_TRANSIENT);
		lo[nlo] = 0x01;
		sqlite3_bind_blob(st, 4, lo, (int)nlo + 1, SQLITE_TRANSIENT);
	} else if (sqlite3_bind_parameter_count(st) >= 3) {
		sqlite3_bind_int(st, 3, choice_parse(CHOICE_DOC_TYPE, record_get(r, F_DOC_TYPE)));
	}
	rc = sqlite3_step(st);
	store_release(s, st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, _("checking a record"));
}

/* True when putting r under parent would make a cycle (parent is r or under r); -1 on error. */
static int makes_cycle(struct store *s, const struct record *r, const char *parent, struct error *err)
{
	char sql[256], cur[UUID_LEN + 1];
	sqlite3_stmt *st;
	int guard = 0, rc;

	if (r->id[0] == '\0')
		return 0; /* a new record has nothing under it */
	snprintf(sql, sizeof sql, "SELECT parent_id FROM %s WHERE id = ?1", record_table(r->kind));
	if (store_cached(s, sql, &st, err) != 0)
		return -1;
	snprintf(cur, sizeof cur, "%s", parent);
	while (cur[0] != '\0') {
		if (strcmp(cur, r->id) == 0) {
			store_release(s, st);
			return 1;
		}
		if (++guard > 100000)
			break; /* a cycle already in the file: check reports it */
		store_bind_uuid(st, 1, cur);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			store_column_uuid(st, 0, cur);
		else
			cur[0] = '\0';
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			store_release(s, st);
			return store_fail(s, err, _("checking a record"));
		}
	}
	store_release(s, st);
	return 0;
}

/* True when a value of links (lines of a key, a tab and a relation) names the key id. */
static bool links_to(const char *value, const char *id)
{
	size_t n = strlen(id);
	const char *p = value;

	while (*p != '\0') {
		if (strncmp(p, id, n) == 0 && (p[n] == '\t' || p[n] == '\n' || p[n] == '\0'))
			return true;
		p += strcspn(p, "\n");
		if (*p == '\n')
			p++;
	}
	return false;
}

int record_check(struct store *s, const struct record *r, struct field_error *errs, int max,
                 struct error *err)
{
	int n, i, count = 0, parent_f = -1;
	const struct field *fs = fields_of(r->kind, &n);

	for (i = 0; i < n; i++) {
		const char *v = record_get(r, i);

		if ((fs[i].flags & F_REQUIRED) && v == NULL)
			add_error(errs, max, &count, i, _("%s: cannot be empty"), _(fs[i].label));
		if (fs[i].type == FT_REF && fs[i].max == (int)r->kind)
			parent_f = i;
		if (fs[i].type == FT_LINKS && fs[i].max == (int)r->kind && v != NULL && r->id[0] != '\0' &&
		    links_to(v, r->id))
			add_error(errs, max, &count, i, _("%s: a %s cannot be linked to itself"), _(fs[i].label),
			          record_kind_name(r->kind));
		if ((fs[i].flags & F_UNIQUE) && v != NULL) {
			int t = taken(s, r, fs[i].column, v,
			              r->kind == REC_DOCUMENT ? " AND type = ?3" : NULL, err);

			if (t < 0)
				return -1;
			if (t)
				add_error(errs, max, &count, i, _("%s: another %s already has '%s'"), _(fs[i].label),
				          record_kind_name(r->kind), v);
		}
	}
	if (r->kind == REC_ITEM) {
		const char *start = record_get(r, F_ITEM_START), *due = record_get(r, F_ITEM_DUE);
		const char *done = record_get(r, F_ITEM_DONE);

		if (start != NULL && due != NULL && strcmp(due, start) < 0)
			add_error(errs, max, &count, F_ITEM_DUE, _("%s: due before it starts"), _(fs[F_ITEM_DUE].label));
		if (start != NULL && done != NULL && strcmp(done, start) < 0)
			add_error(errs, max, &count, F_ITEM_DONE, _("%s: completed before it starts"),
			          _(fs[F_ITEM_DONE].label));
	}
	if (parent_f >= 0 && record_get(r, parent_f) != NULL) {
		int c = makes_cycle(s, r, record_get(r, parent_f), err);

		if (c < 0)
			return -1;
		if (c)
			add_error(errs, max, &count, parent_f, _("%s: it cannot be under itself or under what is under it"),
			          _(fs[parent_f].label));
	}
	return count;
}
