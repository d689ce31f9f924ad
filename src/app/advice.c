/* advice: route a help request from its records and record the answer (advice.h). */
#include "app/advice.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/route.h"
#include "json/answer_json.h"
#include "json/policy_set.h"

enum jr_err jr_app_advise(struct jr_store *s, const struct jr_actor *a,
			  const struct jr_policy_set *set, int64_t id,
			  const struct jr_advice_input *in, struct jr_buf *answer, const char **why)
{
	struct jr_help_request r;
	struct jr_person child;
	struct jr_broad_analysis *b = jr_calloc(1, sizeof(*b));
	struct jr_request *req = jr_calloc(1, sizeof(*req));
	struct jr_answer *ans = jr_calloc(1, sizeof(*ans));
	const struct jr_policy *p;
	struct jr_buf scratch;
	enum jr_err err = JR_ERR_NOMEM;

	*why = NULL;
	jr_buf_init(&scratch, 1 << 20);
	if (!b || !req || !ans)
		goto out;
	if ((err = jr_store_help_request_get(s, a, id, &r)) ||
	    (err = jr_store_person_get(s, a, r.child_id, &child)))
		goto out;
	err = jr_store_analysis_latest(s, id, b);
	if (err == JR_ERR_NOT_FOUND) {
		*why = "leg eerst de brede analyse vast: het advies gaat uit van de ernst per domein";
		err = JR_ERR_REFUSED;
	}
	if (err)
		goto out;
	p = jr_policy_set_find(set, r.municipality);
	if (!p) {
		*why = "de gemeente van de hulpvraag staat in geen beleidsbestand";
		err = JR_ERR_REFUSED;
		goto out;
	}
	req->date = in->date;
	req->flags = in->flags;
	req->measure = in->measure;
	if (!in->measure_given && (err = jr_store_measure_on(s, r.child_id, in->date, &req->measure)))
		goto out;
	snprintf(req->id, sizeof(req->id), "hulpvraag-%lld", (long long)id);
	memcpy(req->municipality, r.municipality, sizeof(req->municipality));
	req->birth_date = child.birth_date;
	memcpy(req->needs, b->needs, sizeof(req->needs));
	req->broad_analysis = true;
	if (req->birth_date > req->date) {
		*why = "de geboortedatum van het kind ligt na de datum van het advies";
		err = JR_ERR_REFUSED;
		goto out;
	}
	jr_buf_reset(answer);
	if ((err = jr_route(p, req, ans)) || (err = jr_answer_write_json(answer, &scratch, ans)))
		goto out;
	err = jr_store_route_advice_add(s, a, id, p->id, jr_buf_str(answer));
out:
	jr_buf_release(&scratch);
	jr_free(b);
	jr_free(req);
	jr_free(ans);
	return err;
}
