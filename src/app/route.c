/* route: parse, find the municipality's policy, route. */
#include "app/route.h"

#include <stdio.h>

#include "core/region.h"
#include "json/policy_set.h"
#include "json/request_json.h"

enum jr_err jr_app_route(const struct jr_policy_set *set, const char *text, size_t len,
			 jr_day today, struct jr_request *req, struct jr_answer *ans,
			 struct jr_diag *diag)
{
	const struct jr_policy *p;
	enum jr_err err;

	if ((err = jr_request_parse(text, len, today, req, diag)))
		return err;
	p = jr_region_find(set, req->municipality, req->date); /* rule 13, principle 11 */
	if (!p && jr_region_knows(set, req->municipality)) {
		/* the municipality has a policy, but none in force on the request's date */
		jr_region_no_policy_message(set, req->municipality, req->date, diag->message,
					    sizeof(diag->message));
		snprintf(diag->path, sizeof(diag->path), "date");
		return JR_ERR_NOT_FOUND;
	}
	if (!p) {
		/* one region loaded (a --policy file, or a server of one region): name it, so that
		 * the reader sees the municipality belongs elsewhere rather than nowhere */
		if (set->count == 1)
			jr_diag_set(diag, "municipality", "gemeente %s hoort niet bij regio %s (%s)",
				    req->municipality, set->policies[0]->name, set->files[0]);
		else
			jr_diag_set(diag, "municipality",
				    "gemeente %s staat in geen beleidsbestand; elke gemeente hoort bij "
				    "de regio van haar beleidsbestand (policy/*.json)",
				    req->municipality);
		return JR_ERR_NOT_FOUND;
	}
	return jr_route(p, req, ans);
}
