/* db_opts: the options every data command shares (--db, --key, --audit-key,
 * --audit-checkpoints, --reason, --policy-dir) and the actor the audit log records for the
 * command line. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "cli/cli.h"

int jr_cli_db_option(int argc, char **argv, int *i, struct jr_cli_db *o)
{
	const char *a = argv[*i];
	const char **slot = strcmp(a, "--db") == 0		? &o->db
			    : strcmp(a, "--key") == 0		? &o->key
			    : strcmp(a, "--reason") == 0	? &o->reason
			    : strcmp(a, "--policy-dir") == 0	? &o->policy_dir
			    : strcmp(a, "--audit-key") == 0	? &o->audit_key
			    : strcmp(a, "--audit-checkpoints") == 0 ? &o->checkpoints
								: NULL;

	if (!slot)
		return 0;
	if (*i + 1 >= argc || argv[*i + 1][0] == '\0') {
		jr_cli_error("%s verwacht een waarde", a);
		return -1;
	}
	*slot = argv[++*i];
	return 1;
}

void jr_cli_db_defaults(struct jr_cli_db *o)
{
	/* Records are personal data: what this process creates (database, WAL, key) is the
	 * owner's alone. */
	umask(077);
	if (!o->db)
		o->db = JR_CLI_DEFAULT_DB;
	if (!o->key) {
		/* A key per database file, beside it; one shared file for a server database. */
		if (jr_app_db_is_postgres(o->db))
			snprintf(o->key_buf, sizeof(o->key_buf), "var/jeugdroute.key");
		else
			snprintf(o->key_buf, sizeof(o->key_buf), "%s.key", o->db);
		o->key = o->key_buf;
	}
	if (!o->reason)
		o->reason = "beheer via de opdrachtregel";
	if (!o->policy_dir)
		o->policy_dir = jr_cli_policy_dir();
}

void jr_cli_actor(struct jr_actor *a, struct jr_cli_db *o)
{
	const struct passwd *pw = getpwuid(getuid());

	snprintf(o->who_buf, sizeof(o->who_buf), "cli:%s", pw && pw->pw_name ? pw->pw_name : "?");
	/* The command line acts with direct access to the database: its role says so. */
	*a = (struct jr_actor){.who = o->who_buf, .origin = "cli", .reason = o->reason,
			       .role = "cli"};
}
