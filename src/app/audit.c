/* audit: the audit log's use cases (see audit.h). */
#include "app/audit.h"

#include <string.h>

enum jr_err jr_app_audit_verify(struct jr_app *app, struct jr_audit_verdict *v)
{
	enum jr_err err;

	memset(v, 0, sizeof(*v));
	err = jr_store_audit_verify(app->store, app->actor, v);
	if (err)
		return jr_app_fail(app, err, NULL, "het auditlog kon niet worden nagelopen (%s)%s%s",
				   jr_err_name(err), v->checkpoint_problem[0] ? ": " : "",
				   v->checkpoint_problem);
	return JR_OK;
}

enum jr_err jr_app_audit_rotate_key(struct jr_app *app, char new_id[17])
{
	char msg[JR_STORE_AUDIT_MSG_MAX] = "";
	enum jr_err err = jr_store_audit_rotate_key(app->store, app->actor, new_id, msg);

	if (err)
		return jr_app_fail(app, err, NULL, "mislukt: %s", msg[0] ? msg : jr_err_name(err));
	return JR_OK;
}

enum jr_err jr_app_audit_keys(struct jr_app *app, struct jr_audit_key_info *keys, size_t max,
			      size_t *count)
{
	*count = 0;
	while (*count < max && jr_store_audit_key_info(app->store, (int)*count, &keys[*count]) == JR_OK)
		(*count)++;
	return JR_OK;
}

enum jr_err jr_app_audit_checkpoint(struct jr_app *app, bool always)
{
	char msg[JR_STORE_AUDIT_MSG_MAX] = "";
	enum jr_err err = jr_store_audit_checkpoint(app->store, always, NULL, msg);

	if (err)
		return jr_app_fail(app, err, NULL, "%s", msg[0] ? msg : jr_err_name(err));
	return JR_OK;
}

enum jr_err jr_app_audit_event(struct jr_app *app, const char *action, int64_t person_id,
			       const char *object)
{
	return jr_store_audit_event(app->store, app->actor, action, person_id, object);
}
