/* backup: the backup use case (see backup.h). */
#include "app/backup.h"

#include <string.h>

enum jr_err jr_app_backup(struct jr_app *app, const char *dir, jr_backup_progress_fn progress,
			  void *ctx, struct jr_backup_info *info)
{
	struct jr_diag diag = {.path = "", .message = ""};
	enum jr_err err = jr_store_backup(app->store, dir, progress, ctx, info, &diag);

	if (err)
		return jr_app_fail(app, err, diag.path[0] ? diag.path : NULL, "%s",
				   diag.message[0] ? diag.message : jr_err_name(err));
	/* who made a copy of the records, when and why; the object names nothing personal */
	err = jr_store_audit_event(app->store, app->actor, JR_APP_BACKUP_ACTION, 0, "");
	if (err)
		return jr_app_fail(app, err, NULL,
				   "de back-up is gemaakt, maar de auditregel ervan niet (%s)",
				   jr_err_name(err));
	return JR_OK;
}
