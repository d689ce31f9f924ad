/* socialmap: the social map's use cases and its one staleness rule (see socialmap.h). */
#include "app/socialmap.h"

#include <string.h>

#include "app/access.h"
#include "core/region.h"

bool jr_app_socialmap_stale(const struct jr_policy_set *set, const struct jr_social_entry *e,
			    jr_day date)
{
	const struct jr_policy *p = jr_region_find(set, e->municipality, date);

	return p && date - e->verified_on > p->norms.social_map_stale_days;
}

struct search {
	const struct jr_app_social_query *q;
	const struct jr_policy_set *set;
	jr_day date;
	jr_app_social_fn fn;
	void *ctx;
};

static enum jr_err found(void *arg, const struct jr_social_entry *e)
{
	struct search *s = arg;
	const struct jr_app_social_query *q = s->q;

	if ((q->need_mask && !(e->needs & q->need_mask)) ||
	    (q->age >= 0 && ((e->age_min >= 0 && q->age < e->age_min) ||
			     (e->age_max >= 0 && q->age > e->age_max))) ||
	    (q->no_referral_only && !e->no_referral))
		return JR_OK;
	return s->fn(s->ctx, e, jr_app_socialmap_stale(s->set, e, s->date));
}

enum jr_err jr_app_socialmap_search(struct jr_app *app, const struct jr_app_social_query *q,
				    jr_app_social_fn fn, void *ctx)
{
	struct search s = {.q = q, .set = app->policies, .date = q->date ? q->date : app->today,
			   .fn = fn, .ctx = ctx};
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_SOCIAL_MAP)))
		return err;
	if (q->municipality[0] &&
	    (strlen(q->municipality) != 4 || !jr_region_knows(app->policies, q->municipality)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "verwacht de CBS-code van een gemeente van de regio");
	return jr_store_social_each(app->store, q->municipality, found, &s);
}

enum jr_err jr_app_socialmap_add(struct jr_app *app, struct jr_social_entry *e)
{
	if (strlen(e->municipality) != 4 || !jr_region_knows(app->policies, e->municipality))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "geef een CBS-code die in een beleidsbestand staat");
	if (!e->organisation[0])
		return jr_app_fail(app, JR_ERR_INPUT, "organisation", "geef de organisatie");
	if (!e->service[0])
		return jr_app_fail(app, JR_ERR_INPUT, "service", "geef de voorziening");
	if (!e->needs || e->needs >= 1u << JR_NEED_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "needs",
				   "geef behoeften, bijv. parenting,school");
	if (!e->verified_on)
		return jr_app_fail(app, JR_ERR_INPUT, "verified_on",
				   "wanneer is dit item nagekeken?");
	if (e->verified_on > app->today)
		return jr_app_fail(app, JR_ERR_INPUT, "verified_on", "ligt in de toekomst");
	if (e->age_min < -1 || e->age_max > 27 || e->age_min > 27 || e->age_max < -1 ||
	    (e->age_min >= 0 && e->age_max >= 0 && e->age_max < e->age_min))
		return jr_app_fail(app, JR_ERR_INPUT, "age",
				   "verwacht een leeftijd van-tot tussen 0 en 27, bijv. 4-12");
	if (jr_store_social_add(app->store, app->actor, e))
		return jr_app_fail(app, JR_ERR_STORE, NULL, "vastleggen mislukt");
	return JR_OK;
}
