/* setup: setting up the records (`jeugdroute init`) — the policy files recorded under their
 * region and fingerprint (once per distinct content, so that every route advice can name the
 * policy it came from), and the first administrator, "admin", when there is none.
 *
 * The store was opened with `init` by the caller (which creates or upgrades the schema and the
 * key files: start-up); this use case does what follows, and can be run again: it adds only what
 * is not there yet. */
#ifndef JR_APP_SETUP_H
#define JR_APP_SETUP_H

#include <stdbool.h>

#include "app/app.h"

#define JR_APP_SETUP_ADMIN "admin"

/* What the setup found and did. */
struct jr_app_setup {
	int schema_found, schema_now; /* the schema's version before (0: a new database) and now */
	int policy_files;             /* policy files recorded */
	int policies_added;           /* of those, new contents */
	bool audit_key;               /* the chain's audit key (below) is known */
	char audit_key_id[17];
	char audit_key_file[1024];
	char checkpoint_file[1024];
	bool admin_existed; /* "admin" was there already: nothing done */
	char password[21];  /* the password made for a new admin ("" when given or none made);
			     * shown once, then wiped by the caller */
};

/* Records every policy of app->policies (each read again from its file, as loaded) and adds
 * "admin" with `admin_password` (at least 12 characters), or with a password it makes (in
 * out->password) when that is NULL. A failure is explained in app->diag (naming the file). */
enum jr_err jr_app_setup(struct jr_app *app, const char *admin_password, struct jr_app_setup *out);

#endif
