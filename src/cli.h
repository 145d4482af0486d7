#ifndef HOSO_CLI_H
#define HOSO_CLI_H

/*
 * The command line: options, commands, messages and exit statuses
 * (0 success, 1 runtime error, 2 usage error; one line on standard error).
 */

#include <getopt.h>
#include <stdbool.h>

#include "context.h"
#include "error.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

/*
 * Runs the program with its arguments; returns the exit status. With no
 * command, runs fullscreen (the screen layer, which the core does not know;
 * NULL: hoso-render, which has none). writers: the PDF and xlsx writers
 * (NULL in hoso, which hands those commands over to hoso-render).
 */
int cli_main(int argc, char **argv, int (*fullscreen)(struct context *c),
             const struct render_writers *writers);

/*
 * Runs the command line c was given in hoso-render (render.h), which has
 * the writers of what (named in the message when it cannot be found: "a
 * PDF report"): beside the running program (the build tree), else in
 * hoso's libexec directory. Returns only when that fails: EXIT_RUNTIME,
 * with the message written.
 */
int cli_hand_over(struct context *c, const char *what);

/* Option values shared by every command (getopt_long "val" numbers). */
enum {
	OPT_DB = 1000,
	OPT_CONFIG,
	OPT_READ_ONLY,
	OPT_HELP,
	OPT_VERSION,
	OPT_FIRST_COMMAND_OPTION, /* commands number their own options from here */
};

#define CLI_GLOBAL_OPTIONS \
	{ "db", required_argument, NULL, OPT_DB }, \
	{ "config", required_argument, NULL, OPT_CONFIG }, \
	{ "read-only", no_argument, NULL, OPT_READ_ONLY }, \
	{ "help", no_argument, NULL, OPT_HELP }

/*
 * Handles a global option returned by getopt_long in a command's loop.
 * Returns 1 when it was one (and stored it in c), 0 when it is not global.
 * OPT_HELP prints the command's usage and sets *exit_now to EXIT_OK.
 */
int cli_global_option(struct context *c, int opt, const char *arg, const char *command,
                      int *exit_now);

/*
 * Every message hoso writes to standard error goes through these, in one
 * rendering: the inert form of text.h, so that a name or a value from the
 * command line, the configuration or the database never reaches the
 * terminal as an escape sequence.
 */

/* Prints "hoso: <message> (see 'hoso --help')" on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The message for getopt_long's '?' or ':' result at argv[optind - 1]; returns EXIT_USAGE. */
int cli_bad_option(char **argv);

/* Prints "hoso: <e->msg>" on stderr; returns the exit status for e. */
int cli_fail(const struct error *e);

/* Prints "hoso: <msg>" on stderr (a note, not an error). */
void cli_note(const char *msg);

/*
 * Prints to standard output what fmt and its arguments make, each line in
 * its inert form (the newlines stay). For the text a command prints about
 * a file or the database. Returns 0, or -1 when out of memory.
 */
int cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Reads the settings, chooses the language, takes today's date and decides
 * the database path. Returns EXIT_OK or the exit status of the failure
 * (after printing it).
 */
int cli_prepare(struct context *c);

/* The commands. Each parses its own options (argv[0] is the command name). */
int cmd_init(struct context *c, int argc, char **argv);
int cmd_list(struct context *c, int argc, char **argv);
int cmd_show(struct context *c, int argc, char **argv);
int cmd_check(struct context *c, int argc, char **argv);
int cmd_backup(struct context *c, int argc, char **argv);
int cmd_add(struct context *c, int argc, char **argv);
int cmd_set(struct context *c, int argc, char **argv);
int cmd_archive(struct context *c, int argc, char **argv);
int cmd_restore(struct context *c, int argc, char **argv);
int cmd_undo(struct context *c, int argc, char **argv);
int cmd_redo(struct context *c, int argc, char **argv);
int cmd_comment(struct context *c, int argc, char **argv);
int cmd_export(struct context *c, int argc, char **argv);
int cmd_import(struct context *c, int argc, char **argv);
int cmd_report(struct context *c, int argc, char **argv);

#endif
