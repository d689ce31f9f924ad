/* deadlines: gathers a help request's facts and computes its deadlines (see deadlines.h). */
#include "app/deadlines.h"

#include <stdlib.h>

#include "app/course.h"
#include "core/policy.h"
#include "store/deadlines.h"

/* The norms' defaults when no policy holds the municipality: as the policy loader's. */
static const struct jr_norms default_norms = {
	.age_limit = 18,
	.start_within_days = 28,
	.ending_within_days = 42,
	.warn_within_days = 14,
	.warn_within_workdays = 2,
};

enum jr_err jr_app_deadline_norms(struct jr_app *app, const char *municipality,
				  const struct jr_norms **n)
{
	const struct jr_policy *p = NULL;
	enum jr_err err = JR_OK;

	if (app->policies && (err = jr_app_region(app, JR_ERR_INPUT, municipality, app->today, &p)))
		return err;
	*n = p ? &p->norms : &default_norms;
	return JR_OK;
}

enum jr_err jr_app_help_request_deadlines(struct jr_app *app, int64_t id,
					  struct jr_deadlines *out)
{
	struct jr_deadline_facts *f = calloc(1, sizeof *f);
	const struct jr_norms *n;
	char municipality[5];
	int64_t child;
	enum jr_err err;

	out->count = 0;
	if (!f)
		return JR_ERR_NOMEM;
	if ((err = jr_app_help_request_reach(app, id, false)))
		goto out;
	f->today = app->today;
	err = jr_store_deadline_facts(app->store, app->actor, id, f, &child, municipality);
	if (err == JR_ERR_NOT_FOUND) {
		err = jr_app_fail(app, err, NULL,
				  "hulpvraag niet gevonden: geen hulpvraag met dit nummer");
		goto out;
	}
	if (err)
		goto out;
	if ((err = jr_app_deadline_norms(app, municipality, &n)))
		goto out;
	jr_deadlines_compute(f, n, out);
out:
	free(f);
	return err;
}
