/* setup: the records' policies and first administrator (see setup.h). */
#include "app/setup.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/accounts.h"
#include "app/password.h"
#include "json/file.h"
#include "json/policy_json.h"
#include "json/policy_set.h"

/* Records the content of every loaded policy file. */
static enum jr_err record_policies(struct jr_app *app, struct jr_app_setup *out)
{
	const struct jr_policy_set *set = app->policies;
	enum jr_err err = JR_OK;

	for (size_t i = 0; set && i < set->count && !err; i++) {
		struct jr_buf text;
		bool added = false;
		int errnum = 0;

		jr_buf_init(&text, JR_POLICY_FILE_MAX);
		err = jr_file_read(set->files[i], JR_POLICY_FILE_MAX, &text, &errnum);
		if (err)
			jr_app_fail(app, err, NULL, "%s: lezen mislukt: %s", set->files[i],
				    errnum ? strerror(errnum) : jr_err_name(err));
		else if ((err = jr_store_policy_record(app->store, app->actor, set->policies[i]->id,
						       jr_buf_str(&text), &added)))
			jr_app_fail(app, err, NULL, "%s: vastleggen mislukt: %s", set->files[i],
				    jr_err_name(err));
		jr_buf_release(&text);
		if (!err) {
			out->policy_files++;
			out->policies_added += added;
		}
	}
	return err;
}

enum jr_err jr_app_setup(struct jr_app *app, const char *admin_password, struct jr_app_setup *out)
{
	struct jr_audit_key_info key;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if (admin_password && strlen(admin_password) < 12)
		return jr_app_fail(app, JR_ERR_INPUT, "password",
				   "het wachtwoord van de beheerder is korter dan 12 tekens");
	jr_store_versions(app->store, &out->schema_found, &out->schema_now);
	if ((err = record_policies(app, out)))
		return err;
	for (int i = 0; jr_store_audit_key_info(app->store, i, &key) == JR_OK; i++)
		if (key.in_use) {
			out->audit_key = true;
			snprintf(out->audit_key_id, sizeof(out->audit_key_id), "%s", key.id);
			snprintf(out->audit_key_file, sizeof(out->audit_key_file), "%s", key.key_file);
			snprintf(out->checkpoint_file, sizeof(out->checkpoint_file), "%s",
				 key.checkpoint_file);
		}
	if ((err = jr_app_user_exists(app, JR_APP_SETUP_ADMIN, &out->admin_existed)))
		return jr_app_fail(app, err, NULL, "gebruikers lezen mislukt");
	if (out->admin_existed)
		return JR_OK;
	if (!admin_password) {
		jr_app_password(out->password, sizeof(out->password));
		admin_password = out->password;
	}
	if ((err = jr_store_user_add(app->store, app->actor, JR_APP_SETUP_ADMIN, "admin",
				     admin_password))) {
		sodium_memzero(out->password, sizeof(out->password));
		return jr_app_fail(app, err, NULL, "beheerder aanmaken mislukt");
	}
	return JR_OK;
}
