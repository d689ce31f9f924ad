/* cli: the subcommands of the jeugdroute program and what they share.
 *
 * Each subcommand is one file (cmd_*.c) with an entry point taking the arguments after its name.
 * Exit statuses: 0 success, 1 an internal or I/O failure, 2 bad input or usage (jr_err_exit_status).
 * Messages for people are Dutch; they go to stderr, one line each, prefixed "jeugdroute: ". */
#ifndef JR_CLI_CLI_H
#define JR_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "app/app.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/route.h"

struct jr_cli_command;
/* The entry points of the commands: `self` is the command's entry of the table below (its flags
 * say what jr_cli_session_open opens for it), argv[0] its name. */
int jr_cmd_route(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_policy(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_init(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_person(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_provider(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_contract(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_help_request(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_household(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_organisation(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_user(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_care(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_signals(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_demo(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_retention(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_socialmap(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_audit(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_backup(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_ijw(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_figures(const struct jr_cli_command *self, int argc, char **argv);
int jr_cmd_scenario(const struct jr_cli_command *self, int argc, char **argv); /* issue 16 */
int jr_cmd_serve(const struct jr_cli_command *self, int argc, char **argv);
/* issue 16: `figures targets|costs|waiting|capacity` (cmd_monitor.c) and the usage of such a
 * subcommand word of a command (NULL when it has none), for its own --help */
int jr_cmd_monitor(const struct jr_cli_command *self, int argc, char **argv);
const char *jr_cli_sub_usage(const char *command, const char *sub);

/* The command table (main.c): each command with what it needs, a one-line Dutch summary and its
 * usage text. Help (jeugdroute help CMD, CMD -h|--help) is answered from the table, before the
 * command runs. The flags say what the command needs opened: main hands the command its entry,
 * and the command, once it has parsed its options, opens what the flags say with
 * jr_cli_session_open (session.h) — the one place where policies are loaded and the records
 * opened — and closes it with jr_cli_session_close. */
enum {
	JR_CMD_STORE = 1 << 0,    /* opens the records of --db/--key/--audit-key/… */
	JR_CMD_POLICIES = 1 << 1, /* loads the policy files of --policy-dir */
	JR_CMD_CREATE = 1 << 2,   /* with JR_CMD_STORE: creates or migrates the records (init) */
};
struct jr_cli_command {
	const char *name;
	int (*run)(const struct jr_cli_command *self, int argc, char **argv);
	unsigned flags;
	const char *summary;
	const char *usage;
};
/* The usage text of each command, defined beside it in its cmd_*.c. */
extern const char jr_usage_route[], jr_usage_policy[], jr_usage_init[], jr_usage_person[],
    jr_usage_provider[], jr_usage_contract[], jr_usage_help_request[], jr_usage_care[],
    jr_usage_signals[], jr_usage_demo[], jr_usage_retention[], jr_usage_socialmap[],
    jr_usage_household[], jr_usage_organisation[], jr_usage_user[], jr_usage_audit[],
    jr_usage_ijw[], jr_usage_figures[], jr_usage_serve[];
extern const char jr_usage_scenario[]; /* issue 16 */
extern const char jr_usage_backup[];   /* issue 17 */

/* The options of every command that touches records (db_opts.c). */
#define JR_CLI_DEFAULT_DB "var/jeugdroute.db"
struct jr_cli_db {
	const char *db;         /* --db: SQLite file or postgres:// URL */
	const char *key;        /* --key: the BSN key file (default: beside the database) */
	const char *reason;     /* --reason: why, for the audit log */
	const char *policy_dir; /* --policy-dir */
	const char *policy_file; /* route's --policy: this one file instead of --policy-dir */
	const char *audit_key;  /* --audit-key: the audit key file (NULL: beside --key) */
	const char *checkpoints; /* --audit-checkpoints: the checkpoint file (NULL: beside --key) */
	char key_buf[512];
	char who_buf[96];
};
/* Consumes argv[*i] (and its value) when it is one of these options: 1 consumed, 0 not one of
 * them, -1 an error already reported. */
int jr_cli_db_option(int argc, char **argv, int *i, struct jr_cli_db *o);
/* Fills in the defaults of what was not given. */
void jr_cli_db_defaults(struct jr_cli_db *o);
/* The command line's actor for the audit log: cli:<user>, from "cli", for --reason. */
void jr_cli_actor(struct jr_actor *a, struct jr_cli_db *o);

/* Options of the record commands (args.c): `--name value` pairs and one positional id. */
#define JR_ARGS_MAX 20
struct jr_args {
	const char *command; /* for messages: "help-request", "care", … */
	struct jr_cli_db db;
	const char *id; /* the positional argument, if any */
	const char *names[JR_ARGS_MAX];
	const char *values[JR_ARGS_MAX];
	int count;
};
/* Collects argv[first..]; 0, or 2 after reporting. Both this and jr_cli_parse_table are the one
 * option parser of args.c, set up for free `--name value` pairs or for a table of options. */
int jr_args_parse(int argc, char **argv, int first, struct jr_args *h);
/* The value of --name, or NULL. */
const char *jr_args_get(const struct jr_args *h, const char *name);
/* 2 (reported) when an option outside the NULL-terminated `allowed` was given. */
int jr_args_only(const struct jr_args *h, const char *sub, const char *const *allowed);
/* A positive integer id; -1 when `s` is not one (not reported). */
int jr_args_id(const char *s, int64_t *out);
/* --name as a date (default `dflt` when absent); 2 after reporting a bad one. */
int jr_args_date(const struct jr_args *h, const char *name, jr_day dflt, jr_day *out);
/* --name as checked free text into dst; 2 after reporting. */
int jr_args_text(const struct jr_args *h, const char *name, bool required, char *dst, size_t cap);
/* Today's date (local time). */
jr_day jr_args_today(void);

/* Table-driven options (args.c), for commands whose options belong to some subcommands only:
 * an option, the subcommands it belongs to (space-separated) and where its value goes. */
struct jr_cli_opt {
	const char *name;
	const char *cmds;
	const char **slot;
};
/* Parses argv[2..] of subcommand argv[1]: the shared database options, the table's options (an
 * option of another subcommand is refused), `--demo` for "add" when `demo` is given, and one
 * positional id for every subcommand but "add" when `id` is given. Fills in the database
 * defaults. 0, or 2 after reporting. */
int jr_cli_parse_table(int argc, char **argv, const char *what, const struct jr_cli_opt *opts,
		       size_t nopts, struct jr_cli_db *db, const char **id, bool *demo);
/* A whole number in [min, max] written as plain digits (no sign, no spaces); -1 otherwise. */
int jr_cli_number(const char *s, long long min, long long max, long long *out);
/* Reports "<what>: veld <field>: <message>" and returns 2. */
int jr_cli_field_error(const char *what, const char *field, const char *message);

/* `care letters ID` (list) and `care letter ID [--n N] [--html F | --pdf F]` (cmd_letter.c),
 * for cmd_care.c once its session is open; 0, or the exit status after reporting. */
struct jr_app;
int jr_cli_care_letter(struct jr_app *app, struct jr_args *h, int64_t id, bool list);

/* Prints "jeugdroute: <message>\n" on stderr. */
void jr_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when `arg` is -h or --help. */
bool jr_cli_is_help(const char *arg);

/* The policy directory: JEUGDROUTE_POLICY_DIR, else the one built in. */
const char *jr_cli_policy_dir(void);

/* Appends a readable Dutch rendering of an answer (text.c). */
enum jr_err jr_text_answer(struct jr_buf *out, struct jr_buf *scratch, const struct jr_answer *a);

#endif
