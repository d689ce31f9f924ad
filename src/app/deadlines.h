/* deadlines: the terms that run on a help request (core/deadlines.c), from the facts the
 * records hold, for whoever sees the help request (the reach of app/course.h). */
#ifndef JR_APP_DEADLINES_H
#define JR_APP_DEADLINES_H

#include "app/app.h"
#include "core/deadlines.h"

/* The deadlines of help request `id` on app->today under the norms of the policy in force
 * today for its municipality (the loader's defaults when none holds it), nearest first.
 * Audited as help_request.deadlines on the child. JR_ERR_NOT_FOUND as app/course.h answers
 * one not found or out of reach. `out` is large: the caller allocates it. */
enum jr_err jr_app_help_request_deadlines(struct jr_app *app, int64_t id,
					  struct jr_deadlines *out);

/* The deadlines' norms for `municipality` on app->today: those of the policy in force for it,
 * the loader's defaults when no policy holds it. JR_ERR_INPUT explained (field "date") when a
 * policy holds it but none is in force today. */
enum jr_err jr_app_deadline_norms(struct jr_app *app, const char *municipality,
				  const struct jr_norms **n);

#endif
