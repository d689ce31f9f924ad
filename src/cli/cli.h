/* cli: the subcommands of the jeugdroute program and what they share.
 *
 * Each subcommand is one file (cmd_*.c) with an entry point taking the arguments after its name.
 * Exit statuses: 0 success, 1 an internal or I/O failure, 2 bad input or usage (jr_err_exit_status).
 * Messages for people are Dutch; they go to stderr, one line each, prefixed "jeugdroute: ". */
#ifndef JR_CLI_CLI_H
#define JR_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/route.h"

int jr_cmd_route(int argc, char **argv);
int jr_cmd_policy(int argc, char **argv);

/* Prints "jeugdroute: <message>\n" on stderr. */
void jr_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when `arg` is -h or --help. */
bool jr_cli_is_help(const char *arg);

/* The policy directory: JEUGDROUTE_POLICY_DIR, else the one built in. */
const char *jr_cli_policy_dir(void);

/* Appends a readable Dutch rendering of an answer (text.c). */
enum jr_err jr_text_answer(struct jr_buf *out, struct jr_buf *scratch, const struct jr_answer *a);

#endif
