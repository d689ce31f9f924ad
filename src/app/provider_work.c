/* provider_work: the provider's work list (provider_work.h). */
#include "app/provider_work.h"

#include <string.h>

#include "app/access.h"
#include "core/region.h"

static const char *const group_names[JR_PW_GROUP_COUNT] = {
	[JR_PW_NEW] = "new",         [JR_PW_NOT_STARTED] = "not_started",
	[JR_PW_RUNNING] = "running", [JR_PW_ENDING] = "ending",
	[JR_PW_ENDED] = "ended",
};

const char *jr_pw_group_name(int g)
{
	return g >= 0 && g < JR_PW_GROUP_COUNT ? group_names[g] : NULL;
}

int jr_pw_group_parse(const char *name)
{
	for (int g = 0; name && g < JR_PW_GROUP_COUNT; g++)
		if (strcmp(name, group_names[g]) == 0)
			return g;
	return -1;
}

void jr_app_provider_work_terms(const struct jr_policy_set *set, jr_day today, int *start_days,
				int *ending_days)
{
	bool any = false;

	*start_days = 28;
	*ending_days = 42;
	for (size_t i = 0; set && i < set->count; i++) {
		const struct jr_norms *n = &set->policies[i]->norms;
		if (!jr_region_listed(set, i, today))
			continue;
		if (!any || n->start_within_days < *start_days)
			*start_days = n->start_within_days;
		if (!any || n->ending_within_days > *ending_days)
			*ending_days = n->ending_within_days;
		any = true;
	}
}

enum jr_err jr_app_provider_work(struct jr_app *app, struct jr_app_provider_work *w,
				 jr_pw_row_fn fn, void *ctx)
{
	struct jr_pw_query q = {0};
	enum jr_err err;

	w->total = 0;
	for (int g = 0; g < JR_PW_GROUP_COUNT; g++)
		w->counts[g] = 0;
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "de werklijst is die van de aanbieder van een ingelogde gebruiker");
	if ((err = jr_app_access_require(app, JR_CAP_CARE_DELIVERY)))
		return err;
	if (!app->principal->agb[0])
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "uw organisatie heeft geen AGB-code: er zijn geen toewijzingen "
				   "op uw naam");
	if (w->group < -1 || w->group >= JR_PW_GROUP_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "group",
				   "kies new, not_started, running, ending, ended of all");
	if (w->form < 0 || w->form > JR_FORM_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "form", "kies een vorm van 1 tot en met 10");
	jr_app_provider_work_terms(app->policies, app->today, &w->start_within_days,
				   &w->ending_within_days);
	q.agb = app->principal->agb;
	q.today = app->today;
	q.start_within_days = w->start_within_days;
	q.ending_within_days = w->ending_within_days;
	q.group = w->group;
	q.form = w->form;
	q.offset = w->offset;
	q.limit = w->limit;
	return jr_store_provider_worklist(app->store, app->actor, &q, w->counts, &w->total, fn,
					  ctx);
}
