/* advice: route a help request from its records and record the answer (advice.h). */
#include "app/advice.h"

#include <stdio.h>
#include <string.h>

#include "app/course.h"
#include "core/alloc.h"
#include "core/route.h"
#include "json/answer_json.h"
#include "json/policy_set.h"

enum jr_err jr_app_advice_record(struct jr_app *app, int64_t id, const char *policy_id,
				 const char *answer_json)
{
	enum jr_err err;

	if ((err = jr_app_help_request_reach(app, id, true)))
		return err;
	err = jr_store_route_advice_add(app->store, app->actor, id, policy_id, answer_json);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "hulpvraag %lld niet gevonden", (long long)id);
	return err;
}

enum jr_err jr_app_advise(struct jr_app *app, int64_t id, const struct jr_advice_input *in,
			  struct jr_buf *answer)
{
	struct jr_help_request r;
	struct jr_person child;
	struct jr_broad_analysis *b = jr_calloc(1, sizeof(*b));
	struct jr_request *req = jr_calloc(1, sizeof(*req));
	struct jr_answer *ans = jr_calloc(1, sizeof(*ans));
	const struct jr_policy *p;
	struct jr_buf scratch;
	enum jr_err err = JR_ERR_NOMEM;

	jr_buf_init(&scratch, 1 << 20);
	if (!b || !req || !ans)
		goto out;
	if ((err = jr_app_help_request_reach(app, id, true)))
		goto out;
	err = jr_store_help_request_get(app->store, app->actor, id, &r);
	if (!err)
		err = jr_store_person_get(app->store, app->actor, r.child_id, &child);
	if (err == JR_ERR_NOT_FOUND)
		err = jr_app_fail(app, err, NULL, "hulpvraag %lld of het kind ervan niet gevonden",
				  (long long)id);
	if (err)
		goto out;
	err = jr_store_analysis_latest(app->store, id, b);
	if (err == JR_ERR_NOT_FOUND)
		err = jr_app_fail(app, JR_ERR_REFUSED, NULL,
				  "leg eerst de brede analyse vast: het advies gaat uit van de ernst "
				  "per domein");
	if (err)
		goto out;
	if ((err = jr_app_region(app, JR_ERR_REFUSED, r.municipality, in->date, &p)))
		goto out;
	if (!p) {
		err = jr_app_fail(app, JR_ERR_REFUSED, NULL,
				  "de gemeente %s van de hulpvraag staat in geen beleidsbestand",
				  r.municipality);
		goto out;
	}
	req->date = in->date;
	req->flags = in->flags;
	req->family_context = in->family_context;
	req->measure = in->measure;
	/* the measure in force that day, with the judge's authorisations beside it (principle 8) */
	if (!in->measure_given &&
	    (err = jr_store_measure_in_force(app->store, r.child_id, in->date, &req->measure,
					     &req->authorisations)))
		goto out;
	snprintf(req->id, sizeof(req->id), "hulpvraag-%lld", (long long)id);
	memcpy(req->municipality, r.municipality, sizeof(req->municipality));
	req->birth_date = child.birth_date;
	memcpy(req->needs, b->needs, sizeof(req->needs));
	req->broad_analysis = true;
	if (req->birth_date > req->date) {
		err = jr_app_fail(app, JR_ERR_REFUSED, "date",
				  "de geboortedatum van het kind ligt na de datum van het advies");
		goto out;
	}
	jr_buf_reset(answer);
	if ((err = jr_route(p, req, ans)) || (err = jr_answer_write_json(answer, &scratch, ans)))
		goto out;
	err = jr_store_route_advice_add(app->store, app->actor, id, p->id, jr_buf_str(answer));
out:
	jr_buf_release(&scratch);
	jr_free(b);
	jr_free(req);
	jr_free(ans);
	return err;
}
