/* session: opens what a command's flags in the command table ask for, and closes it. */
#include "cli/session.h"

#include <string.h>
#include <sys/stat.h>

#include "cli/use_case.h"
#include "json/policy_set.h"

void jr_cli_session_init(struct jr_cli_session *s, const struct jr_cli_command *command,
			 struct jr_cli_db *db)
{
	memset(s, 0, sizeof(*s));
	s->command = command;
	s->db = db;
	s->what = command->name;
	jr_policy_set_init(&s->policies);
}

/* Loads the policy files of --policy-dir (or route's one --policy file); 0, or 2 after naming
 * the file, JSON path and reason. */
static int load_policies(struct jr_cli_session *s)
{
	struct jr_diag diag;
	char dir_bad[JR_PATH_MAX];
	const char *bad = dir_bad;
	enum jr_err err;

	if (s->db->policy_file)
		err = jr_policy_set_add_file(&s->policies, s->db->policy_file, &diag, &bad);
	else
		err = jr_policy_set_load_dir(&s->policies, s->db->policy_dir, &diag, dir_bad,
					     sizeof(dir_bad));
	if (err == JR_OK)
		return 0;
	jr_cli_error("%s: %s: %s", bad, diag.path, diag.message);
	return 2;
}

/* Creates var/ (mode 0700) when the database or key lives there; 1 after reporting a failure. */
static int ensure_var_dir(const struct jr_cli_db *o)
{
	struct stat st;

	if ((strncmp(o->db, "var/", 4) != 0 && strncmp(o->key, "var/", 4) != 0) ||
	    stat("var", &st) == 0)
		return 0;
	if (mkdir("var", 0700) != 0) {
		jr_cli_error("var: map maken mislukt");
		return 1;
	}
	return 0;
}

/* Opens (with JR_CMD_CREATE: creates or migrates) the records of --db with --key, --audit-key
 * and --audit-checkpoints; 0, or 1 after saying why (a missing or uninitialised database, a
 * newer schema, a bad key file). */
static int open_store(struct jr_cli_session *s)
{
	const struct jr_cli_db *o = s->db;
	const struct jr_store_files files = {
	    .key_file = o->key, .audit_key_file = o->audit_key, .checkpoint_file = o->checkpoints};
	const bool create = (s->command->flags & JR_CMD_CREATE) != 0;
	struct jr_diag diag;
	char shown[512];

	if (create && ensure_var_dir(o))
		return 1;
	if (jr_store_open_files(o->db, &files, create, &s->store, &diag) == JR_OK)
		return 0;
	jr_app_db_shown(o->db, shown, sizeof(shown));
	jr_cli_error("%s: %s: %s", s->what, shown, diag.message);
	return 1;
}

int jr_cli_session_open_only(struct jr_cli_session *s, unsigned need)
{
	int status;

	need &= JR_CMD_STORE | JR_CMD_POLICIES;
	if (need & ~s->command->flags) {
		jr_cli_error("%s: interne fout: de opdrachttabel geeft deze opdracht geen %s", s->what,
			     need & ~s->command->flags & JR_CMD_STORE ? "database" : "beleid");
		return 1;
	}
	if (!s->started) {
		jr_cli_actor(&s->actor, s->db);
		jr_cli_app(&s->app, NULL, &s->actor, NULL, &s->diag);
		s->started = true;
	}
	if ((need & JR_CMD_POLICIES) && !(s->opened & JR_CMD_POLICIES)) {
		if ((status = load_policies(s)))
			return status;
		s->opened |= JR_CMD_POLICIES;
		s->app.policies = &s->policies;
	}
	if ((need & JR_CMD_STORE) && !(s->opened & JR_CMD_STORE)) {
		if ((status = open_store(s)))
			return status;
		s->opened |= JR_CMD_STORE;
		s->app.store = s->store;
	}
	return 0;
}

int jr_cli_session_open(struct jr_cli_session *s)
{
	return jr_cli_session_open_only(s, s->command->flags);
}

void jr_cli_session_close(struct jr_cli_session *s)
{
	jr_store_close(s->store);
	s->store = NULL;
	jr_policy_set_release(&s->policies);
	s->opened = 0;
	s->app.store = NULL;
	s->app.policies = NULL;
}
