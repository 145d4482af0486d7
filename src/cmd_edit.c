#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "cli.h"
#include "i18n.h"
#include "record.h"
#include "store.h"
#include "validate.h"

/*
 * The command line's writes, through the same write path and the same
 * checks as the forms: hoso add, set, archive, restore, undo, redo, comment.
 */

enum { OPT_KIND = OPT_FIRST_COMMAND_OPTION, OPT_TITLE, OPT_PARENT, OPT_RECORD, OPT_IF_VERSION, OPT_FORCE };

/* --record KIND: which kind of record (item by default). */
static int parse_record_kind(const char *arg, enum record_kind *k)
{
	*k = record_kind_parse(arg);
	if (*k == REC_COUNT)
		return cli_usage_error(_("--record: '%s' is not item, document, unit or locality"), arg);
	return EXIT_OK;
}

/* Opens the database for writing (refused read-only, with a message). */
static int open_for_writing(struct context *c)
{
	struct error err = { 0 };
	int status;

	if ((status = cli_prepare(c)) != EXIT_OK)
		return status;
	if (context_open_store(c, 0, cli_note, &err) != 0)
		return cli_fail(&err);
	if (store_read_only(c->store) != STORE_RO_NO) {
		error_set(&err, ERROR_RUNTIME, _("%s: the database is read-only here (opened with --read-only, or the file is not writable)"),
		          c->db_path);
		return cli_fail(&err);
	}
	return EXIT_OK;
}

/* Sets field name of r to what was typed, checked. Returns EXIT_OK or the status to exit with. */
static int set_field(struct context *c, struct record *r, const char *name, const char *typed)
{
	struct error err = { 0 };
	char why[256], *value = NULL;
	int f, rc;
	const struct field *fd = field_named(r->kind, name, &f);

	if (fd == NULL || (fd->flags & F_HIDDEN)) {
		int n, i;
		const struct field *fs = fields_of(r->kind, &n);
		char names[512] = "";

		for (i = 0; i < n; i++)
			if (!(fs[i].flags & F_HIDDEN))
				snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i > 0 ? ", " : "",
				         fs[i].name);
		return cli_usage_error(_("'%s' is not a field here; the fields are: %s"), name, names);
	}
	rc = field_parse(c->store, r->kind, f, typed, c->settings.date_format, &value, why, sizeof why, &err);
	if (rc == -2)
		return cli_fail(&err);
	if (rc == -1) {
		error_set(&err, ERROR_RUNTIME, "%s: %s", name, why);
		return cli_fail(&err);
	}
	rc = record_set(r, f, value);
	free(value);
	if (rc != 0) {
		error_set(&err, ERROR_RUNTIME, _("out of memory"));
		return cli_fail(&err);
	}
	return EXIT_OK;
}

/* Applies the FIELD=VALUE arguments argv[from..argc). */
static int set_fields(struct context *c, struct record *r, int argc, char **argv, int from)
{
	int i, status;

	for (i = from; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char name[64];

		if (eq == NULL || eq == argv[i])
			return cli_usage_error(_("'%s': give fields as FIELD=VALUE"), argv[i]);
		snprintf(name, sizeof name, "%.*s", (int)(eq - argv[i]), argv[i]);
		if ((status = set_field(c, r, name, eq + 1)) != EXIT_OK)
			return status;
	}
	return EXIT_OK;
}

/* What a save's outcome means on the command line. */
static int report_save(struct context *c, const struct record *r, const struct save_result *res,
                       const char *verb)
{
	struct error err = { 0 };
	int n, i;
	const struct field *fs = fields_of(r->kind, &n);

	switch (res->outcome) {
	case SAVE_DONE:
		if (res->no > 0)
			cli_printf(_("%s %s #%ld (version %ld).\n"), verb, record_kind_name(r->kind), res->no, res->version);
		else
			cli_printf(_("%s %s %s (version %ld).\n"), verb, record_kind_name(r->kind), res->id, res->version);
		return EXIT_OK;
	case SAVE_UNCHANGED:
		cli_printf("%s\n", _("Nothing changed: every field already had that value."));
		return EXIT_OK;
	case SAVE_INVALID:
		for (i = 0; i < res->nerrors; i++)
			cli_note(res->errors[i].msg);
		return EXIT_RUNTIME;
	case SAVE_STALE:
		error_set(&err, ERROR_RUNTIME,
		          _("%s: it is at version %ld now, not the one given; nothing was changed"),
		          c->db_path, res->theirs.version);
		return cli_fail(&err);
	case SAVE_CONFLICT:
		for (i = 0; i < res->nconflicts; i++) {
			char msg[512];

			snprintf(msg, sizeof msg, _("%s: another clerk changed it meanwhile"), fs[res->conflicts[i]].name);
			cli_note(msg);
		}
		return EXIT_RUNTIME;
	}
	return EXIT_RUNTIME;
}

/* Finds the record argv names: its key into r->id (loaded into *r). */
static int find(struct context *c, enum record_kind k, const char *ref, struct record *r)
{
	struct error err = { 0 };
	char id[UUID_LEN + 1], why[256];
	int rc = record_resolve(c->store, k, ref, id, why, sizeof why, &err);

	if (rc == -2)
		return cli_fail(&err);
	if (rc == -1) {
		error_set(&err, ERROR_RUNTIME, "%s", why);
		return cli_fail(&err);
	}
	rc = record_load(c->store, k, id, r, &err);
	if (rc <= 0) {
		if (rc == 0)
			error_set(&err, ERROR_RUNTIME, _("there is no %s with the key %s"), record_kind_name(k), id);
		return cli_fail(&err);
	}
	return EXIT_OK;
}

int cmd_add(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "parent", required_argument, NULL, OPT_PARENT },
		{ "record", required_argument, NULL, OPT_RECORD },
		{ NULL, 0, NULL, 0 },
	};
	const char *kind = NULL, *title = NULL, *parent = NULL;
	enum record_kind k = REC_ITEM;
	struct record r;
	struct save_result res;
	struct error err = { 0 };
	int opt, status, exit_now = -1;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "add", &exit_now))
			continue;
		switch (opt) {
		case OPT_KIND:
			kind = optarg;
			break;
		case OPT_TITLE:
			title = optarg;
			break;
		case OPT_PARENT:
			parent = optarg;
			break;
		case OPT_RECORD:
			if ((status = parse_record_kind(optarg, &k)) != EXIT_OK)
				return status;
			break;
		default:
			return cli_bad_option(argv);
		}
	}
	if (exit_now >= 0)
		return exit_now;
	if (k == REC_ITEM && (kind == NULL || title == NULL))
		return cli_usage_error(_("add: an item needs --kind and --title"));
	if (k != REC_ITEM && (kind != NULL || title != NULL || parent != NULL))
		return cli_usage_error(_("add: --kind, --title and --parent are for items; give the fields of a %s as FIELD=VALUE"),
		                       record_kind_name(k));
	if ((status = open_for_writing(c)) != EXIT_OK)
		return status;
	record_init(&r, k);
	if (k == REC_ITEM) {
		/* A new item is planned unless the command says otherwise. */
		if ((status = set_field(c, &r, "status", "planned")) != EXIT_OK ||
		    (status = set_field(c, &r, "kind", kind)) != EXIT_OK ||
		    (status = set_field(c, &r, "title", title)) != EXIT_OK ||
		    (parent != NULL && (status = set_field(c, &r, "parent", parent)) != EXIT_OK))
			goto done;
	} else if (k == REC_DOCUMENT && (status = set_field(c, &r, "state", "issued")) != EXIT_OK) {
		goto done;
	}
	if ((status = set_fields(c, &r, argc, argv, optind)) != EXIT_OK)
		goto done;
	if (record_save(c->store, NULL, &r, NULL, &res, &err) != 0) {
		status = cli_fail(&err);
		goto done;
	}
	status = report_save(c, &r, &res, _("Added"));
	save_result_clear(&res);
done:
	record_clear(&r);
	return status;
}

int cmd_set(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "record", required_argument, NULL, OPT_RECORD },
		{ "if-version", required_argument, NULL, OPT_IF_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	enum record_kind k = REC_ITEM;
	struct record base, mine;
	struct save_result res;
	struct save_options o = { NULL, false, false };
	struct error err = { 0 };
	long if_version = 0;
	int opt, status, exit_now = -1;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, "set", &exit_now))
			continue;
		if (opt == OPT_RECORD) {
			if ((status = parse_record_kind(optarg, &k)) != EXIT_OK)
				return status;
		} else if (opt == OPT_IF_VERSION) {
			char *end;

			if_version = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || if_version < 1)
				return cli_usage_error(_("--if-version: '%s' is not a version (a whole number from 1)"), optarg);
			o.strict = true;
		} else {
			return cli_bad_option(argv);
		}
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(_("set: which record? give its number, code, name or key"));
	if (optind + 1 >= argc)
		return cli_usage_error(_("set: what to change? give FIELD=VALUE"));
	if ((status = open_for_writing(c)) != EXIT_OK)
		return status;
	record_init(&base, k);
	record_init(&mine, k);
	if ((status = find(c, k, argv[optind], &base)) != EXIT_OK)
		goto done;
	if (record_copy(&mine, &base) != 0) {
		status = cli_fail(&(struct error){ ERROR_RUNTIME, "out of memory" });
		goto done;
	}
	if ((status = set_fields(c, &mine, argc, argv, optind + 1)) != EXIT_OK)
		goto done;
	if (o.strict)
		base.version = if_version;
	if (record_save(c->store, &base, &mine, &o, &res, &err) != 0) {
		status = cli_fail(&err);
		goto done;
	}
	status = report_save(c, &mine, &res, _("Saved"));
	save_result_clear(&res);
done:
	record_clear(&base);
	record_clear(&mine);
	return status;
}

static int archive_or_restore(struct context *c, int argc, char **argv, bool archived)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "record", required_argument, NULL, OPT_RECORD },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = archived ? "archive" : "restore";
	enum record_kind k = REC_ITEM;
	struct record r;
	struct save_result res;
	struct error err = { 0 };
	int opt, status, exit_now = -1;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, name, &exit_now))
			continue;
		if (opt != OPT_RECORD)
			return cli_bad_option(argv);
		if ((status = parse_record_kind(optarg, &k)) != EXIT_OK)
			return status;
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind >= argc)
		return cli_usage_error(_("%s: which record? give its number, code, name or key"), name);
	if (optind + 1 < argc)
		return cli_usage_error(_("%s: unexpected argument '%s'"), name, argv[optind + 1]);
	if ((status = open_for_writing(c)) != EXIT_OK)
		return status;
	record_init(&r, k);
	if ((status = find(c, k, argv[optind], &r)) != EXIT_OK)
		goto done;
	if (record_archive(c->store, k, r.id, archived, &res, &err) != 0) {
		status = cli_fail(&err);
		goto done;
	}
	if (res.outcome == SAVE_UNCHANGED) {
		cli_printf("%s\n", archived ? _("It was archived already.") : _("It was not archived."));
		status = EXIT_OK;
	} else {
		status = report_save(c, &r, &res, archived ? _("Archived") : _("Restored"));
	}
	save_result_clear(&res);
done:
	record_clear(&r);
	return status;
}

int cmd_archive(struct context *c, int argc, char **argv)
{
	return archive_or_restore(c, argc, argv, true);
}

int cmd_restore(struct context *c, int argc, char **argv)
{
	return archive_or_restore(c, argc, argv, false);
}

static int undo_or_redo(struct context *c, int argc, char **argv, bool redo)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ "force", no_argument, NULL, OPT_FORCE },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = redo ? "redo" : "undo";
	struct undo_result res;
	struct error err = { 0 };
	bool force = false;
	int opt, status, exit_now = -1;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (cli_global_option(c, opt, optarg, name, &exit_now))
			continue;
		if (opt != OPT_FORCE)
			return cli_bad_option(argv);
		force = true;
	}
	if (exit_now >= 0)
		return exit_now;
	if (optind < argc)
		return cli_usage_error(_("%s: unexpected argument '%s'"), name, argv[optind]);
	if ((status = open_for_writing(c)) != EXIT_OK)
		return status;
	if (change_undo(c->store, redo, force, &res, &err) != 0)
		return cli_fail(&err);
	switch (res.outcome) {
	case UNDO_NOTHING:
		error_set(&err, ERROR_RUNTIME, redo ? _("%s has nothing to redo") : _("%s has nothing to undo"),
		          store_login(c->store));
		return cli_fail(&err);
	case UNDO_OVERWRITES:
		if (res.other_login[0] != '\0')
			error_set(&err, ERROR_RUNTIME,
			          _("%s changed %s since; undoing would overwrite it (give --force to undo all the same)"),
			          res.other_login, res.other_field);
		else
			error_set(&err, ERROR_RUNTIME,
			          _("%s was changed since, outside hoso; undoing would overwrite it (give --force to undo all the same)"),
			          res.other_field);
		return cli_fail(&err);
	case UNDO_INVALID:
		error_set(&err, ERROR_RUNTIME, _("it cannot be undone: %s"), res.why);
		return cli_fail(&err);
	case UNDO_DONE:
		if (res.no > 0)
			cli_printf(redo ? _("Redone: %s #%ld (%s).\n") : _("Undone: %s #%ld (%s).\n"),
			           record_kind_name(res.kind), res.no, res.fields);
		else
			cli_printf(redo ? _("Redone: %s %s (%s).\n") : _("Undone: %s %s (%s).\n"),
			           record_kind_name(res.kind), res.entity_id, res.fields);
		return EXIT_OK;
	}
	return EXIT_RUNTIME;
}

int cmd_undo(struct context *c, int argc, char **argv)
{
	return undo_or_redo(c, argc, argv, false);
}

int cmd_redo(struct context *c, int argc, char **argv)
{
	return undo_or_redo(c, argc, argv, true);
}

int cmd_comment(struct context *c, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct record r;
	struct error err = { 0 };
	char change_id[UUID_LEN + 1], why[256];
	int opt, status, exit_now = -1, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1)
		if (!cli_global_option(c, opt, optarg, "comment", &exit_now))
			return cli_bad_option(argv);
	if (exit_now >= 0)
		return exit_now;
	if (optind + 2 != argc)
		return cli_usage_error(_("comment: give the item and the text: hoso comment ID TEXT"));
	if ((status = open_for_writing(c)) != EXIT_OK)
		return status;
	record_init(&r, REC_ITEM);
	if ((status = find(c, REC_ITEM, argv[optind], &r)) != EXIT_OK)
		goto done;
	rc = comment_add(c->store, r.id, argv[optind + 1], change_id, why, sizeof why, &err);
	if (rc < 0) {
		status = cli_fail(&err);
	} else if (rc > 0) {
		error_set(&err, ERROR_RUNTIME, _("comment: %s"), why);
		status = cli_fail(&err);
	} else {
		cli_printf(_("Comment added to item #%ld.\n"), r.no);
		status = EXIT_OK;
	}
done:
	record_clear(&r);
	return status;
}
