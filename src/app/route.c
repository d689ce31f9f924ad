/* route: parse, find the municipality's policy, route. */
#include "app/route.h"

#include <stdio.h>

#include "core/region.h"
#include "json/policy_set.h"
#include "json/request_json.h"

/* Principle 11: whether municipality `code` has a policy, but none in force on `day`; if so
 * *diag says so on the field `date`. */
static bool no_policy_on_date(const struct jr_policy_set *set, const char *code, jr_day day,
			      struct jr_diag *diag)
{
	if (!jr_region_knows(set, code))
		return false;
	jr_region_no_policy_message(set, code, day, diag->message, sizeof(diag->message));
	snprintf(diag->path, sizeof(diag->path), "date");
	return true;
}

/* Principle 13: a child in care with a stay belongs to the municipality where it lived just
 * before the stay (art. 1.1 Jeugdwet), and that municipality's policy governs — also when the
 * child now lives in another region, or in a municipality no loaded policy holds. Whether the
 * history holds a running stay is judged by that policy's settings. */
static enum jr_err route_before_stay(const struct jr_policy_set *set, struct jr_request *req,
				     struct jr_answer *ans, struct jr_diag *diag)
{
	const struct jr_policy *p = jr_region_find(set, req->residence_before_stay, req->date);
	const char *field, *message;

	if (!p && no_policy_on_date(set, req->residence_before_stay, req->date, diag))
		return JR_ERR_NOT_FOUND;
	if (!p) {
		if (set->count == 1)
			jr_diag_set(diag, "residence_before_stay",
				    "gemeente %s hoort niet bij regio %s (%s)",
				    req->residence_before_stay, set->policies[0]->name, set->files[0]);
		else
			jr_diag_set(diag, "residence_before_stay",
				    "gemeente %s staat in geen beleidsbestand; geef de CBS-code van "
				    "de gemeente waar het kind vlak vóór het verblijf woonde",
				    req->residence_before_stay);
		return JR_ERR_INPUT;
	}
	if (jr_request_check_stay(p, req, &field, &message)) {
		jr_diag_set(diag, field, "%s", message);
		return JR_ERR_INPUT;
	}
	return jr_route(p, req, ans);
}

enum jr_err jr_app_route(const struct jr_policy_set *set, const char *text, size_t len,
			 jr_day today, struct jr_request *req, struct jr_answer *ans,
			 struct jr_diag *diag)
{
	const struct jr_policy *p;
	enum jr_err err;

	if ((err = jr_request_parse(text, len, today, req, diag)))
		return err;
	if (req->residence_before_stay[0])
		return route_before_stay(set, req, ans, diag);
	p = jr_region_find(set, req->municipality, req->date); /* rule 13, principle 11 */
	if (!p && no_policy_on_date(set, req->municipality, req->date, diag))
		return JR_ERR_NOT_FOUND;
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
