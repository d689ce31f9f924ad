/* use_case: how a command runs a use case of src/app/ — its context at the command line, and
 * the one way to report when it refuses or fails.
 *
 * A command parses its options, opens its session (session.h: the records and policies its
 * flags ask for, and a struct jr_app filled by jr_cli_app), calls one jr_app_* function with
 * it, and prints what it returns (src/view/, text.c); on an error it returns jr_cli_app_fail's
 * exit status. */
#ifndef JR_CLI_USE_CASE_H
#define JR_CLI_USE_CASE_H

#include "app/app.h"
#include "core/diag.h"

/* The context of a use case run by the operator of the machine (principal NULL): `store`,
 * `actor` (jr_cli_actor), `policies` (may be NULL), today, and `diag` (cleared). */
void jr_cli_app(struct jr_app *app, struct jr_store *store, const struct jr_actor *actor,
		const struct jr_policy_set *policies, struct jr_diag *diag);

/* Reports the error `err` of command `what` on stderr — "<what>: veld <path>: <message>", or
 * "<what>: <message>" without a path, or the error's kind when the use case said nothing — and
 * returns the exit status (jr_err_exit_status). */
int jr_cli_app_fail(const char *what, enum jr_err err, const struct jr_diag *diag);

#endif
