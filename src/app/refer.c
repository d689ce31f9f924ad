/* refer: a referral judged by rule 7 and recorded (refer.h). */
#include "app/refer.h"

#include <string.h>

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
	p = jr_policy_set_find(set, r->municipality);
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
