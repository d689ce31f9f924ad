/* refer: a referral judged by rule 7 and recorded (refer.h). */
#include "app/refer.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/course.h"
#include "core/alloc.h"
#include "core/route.h"
#include "core/rules.h"
#include "core/why.h"
#include "json/policy_set.h"

enum jr_err jr_app_refer_judge(struct jr_store *s, const struct jr_actor *a,
			       const struct jr_policy_set *set, struct jr_referral *ref,
			       struct jr_buf *why)
{
	struct jr_help_request *r = jr_calloc(1, sizeof(*r));
	struct jr_request *req = jr_calloc(1, sizeof(*req));
	struct jr_answer *ans = jr_calloc(1, sizeof(*ans));
	const struct jr_policy *p;
	enum jr_err err = JR_ERR_NOMEM;

	if (!r || !req || !ans)
		goto out;
	if ((err = jr_store_help_request_get(s, a, ref->help_request_id, r)))
		goto out;
	p = jr_policy_set_find(set, r->municipality, ref->referred_on); /* principle 11 */
	if (!p) {
		err = JR_ERR_POLICY;
		goto out;
	}
	/* Rule 7 judges the referral, under the child's court measure on the day of referral. */
	if ((err = jr_store_measure_on(s, r->child_id, ref->referred_on, &req->measure)))
		goto out;
	req->has_referrer = true;
	req->referrer_type = ref->referrer_type;
	memcpy(req->agb, ref->agb, sizeof(req->agb));
	ans->policy = p;
	ans->request = req;
	ans->referral_form = ref->form;
	ans->referral_why = jr_rule_referral_check(p, req, ref->form);
	ref->valid = ans->referral_why == JR_WHY_RC_VALID;
	jr_buf_reset(why);
	err = jr_why_referral(why, ans);
out:
	jr_free(r);
	jr_free(req);
	jr_free(ans);
	return err;
}

enum jr_err jr_app_refer(struct jr_store *s, const struct jr_actor *a,
			 const struct jr_policy_set *set, struct jr_referral *ref, struct jr_buf *why)
{
	enum jr_err err = jr_app_refer_judge(s, a, set, ref, why);
	return err ? err : jr_store_referral_add(s, a, ref);
}

enum jr_err jr_app_referral_record(struct jr_app *app, struct jr_referral *ref,
				   struct jr_buf *why)
{
	enum jr_err err;

	if ((err = jr_app_help_request_reach(app, ref->help_request_id, true)))
		return err;
	if (ref->form < 1 || ref->form > JR_FORM_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "form",
				   "kies een vorm van jeugdhulp van 1 tot en met %d", JR_FORM_COUNT);
	if (ref->referrer_type < 1 || ref->referrer_type >= JR_REFERRER_CODES ||
	    ref->referrer_type == 7)
		return jr_app_fail(app, JR_ERR_INPUT, "type",
				   "kies een verwijzerscode uit iJw COD327: 01 tot en met 06 of 08");
	if (!ref->source[0])
		snprintf(ref->source, sizeof(ref->source), "cli");
	err = jr_app_refer(app->store, app->actor, app->policies, ref, why);
	if (err == JR_ERR_POLICY)
		return jr_app_fail(app, JR_ERR_INPUT, NULL,
				   "de gemeente van de hulpvraag staat in geen beleidsbestand");
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
				   "hulpvraag niet gevonden: geen hulpvraag met dit nummer");
	return err;
}
