/* session: what a command needs opened — the policy files, the records, the actor of the audit
 * log and the context of its use cases — opened in one place from the command's flags in the
 * command table (main.c), and closed in one place.
 *
 * A command initialises its session first (closing is safe from then on), parses its options
 * into the session's struct jr_cli_db, opens the session, calls its use cases with &s.app, and
 * closes the session at `out:`. The flags are the source: a session opens nothing the command's
 * entry does not ask for. */
#ifndef JR_CLI_SESSION_H
#define JR_CLI_SESSION_H

#include <stdbool.h>

#include "app/app.h"
#include "cli/cli.h"
#include "core/diag.h"
#include "core/region.h"

struct jr_cli_session {
	const struct jr_cli_command *command; /* its flags say what may be opened */
	struct jr_cli_db *db;                 /* the options it is opened with */
	/* The name a failure to open the records is reported under: the command's, unless the
	 * command sets a longer one ("ijw import") before opening. */
	const char *what;
	unsigned opened; /* the JR_CMD_* of what is open */
	bool started;    /* actor and app filled (at the first open) */
	struct jr_policy_set policies;
	struct jr_store *store;
	struct jr_actor actor; /* jr_cli_actor of the options, at the first open */
	struct jr_diag diag;
	/* The context of the command's use cases (jr_cli_app): the store and the policies once
	 * open (NULL before), the actor, today, and diag. It points into the session, which is
	 * therefore not copied once opened. */
	struct jr_app app;
};

/* An empty session of command `command` (the entry main handed it) with the options `db`,
 * which the command fills in before opening. Nothing is opened; closing is safe. */
void jr_cli_session_init(struct jr_cli_session *s, const struct jr_cli_command *command,
			 struct jr_cli_db *db);

/* Opens what the command's flags ask that is not open yet: first the policy files of
 * --policy-dir (JR_CMD_POLICIES), then the records of --db (JR_CMD_STORE; created or migrated
 * with JR_CMD_CREATE, var/ made when they live there), and fills s->actor and s->app.
 * 0, or the exit status after saying why: 2 for a policy file (naming the file, JSON path and
 * reason), 1 for the records ("<what>: <db>: <reason>"). */
int jr_cli_session_open(struct jr_cli_session *s);

/* jr_cli_session_open for `need`, a part of the command's flags, only: for a command that
 * checks its input against the policies before it opens the records (and then calls
 * jr_cli_session_open), or a subcommand that needs less than its command. What is open stays
 * open. Asking for what the flags do not give is a programming error: 1 after saying so. */
int jr_cli_session_open_only(struct jr_cli_session *s, unsigned need);

/* Closes the records and releases the policies; safe on a session initialised and opened in
 * part or not at all, and twice. */
void jr_cli_session_close(struct jr_cli_session *s);

#endif
