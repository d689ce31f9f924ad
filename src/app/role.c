/* role: a role's access to a part of the program, refused the one way (see role.h). */
#include "app/role.h"

enum jr_err jr_app_role_require(struct jr_app *app, enum jr_capability cap)
{
	if (!app->principal || jr_app_access_may(app->principal, cap))
		return JR_OK;
	return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
			   "uw rol geeft geen toegang tot dit onderdeel");
}
