/* role: the one refusal of a role that has no access to a part of the program at all (a
 * contract manager asking for users, a policy maker for providers), for the use cases of
 * app/ — the rule itself is jr_app_access_may (app/access.c). */
#ifndef JR_APP_ROLE_H
#define JR_APP_ROLE_H

#include "app/access.h"
#include "app/app.h"

/* JR_OK when app->principal is NULL (the operator at the command line) or its role has `cap`;
 * otherwise JR_ERR_FORBIDDEN, explained in app->diag. */
enum jr_err jr_app_role_require(struct jr_app *app, enum jr_capability cap);

#endif
