/* view_socialmap: an entry of the social map as JSON (see view_socialmap.h). */
#include "view/view_socialmap.h"

void jr_view_social_entry(struct jr_json_writer *w, const struct jr_social_entry *e, bool stale)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", e->id);
	jr_jw_kstring(w, "municipality", e->municipality);
	jr_jw_kstring(w, "organisation", e->organisation);
	jr_jw_kstring(w, "service", e->service);
	jr_jw_kstring(w, "location", e->location);
	jr_jw_kstring(w, "categories", e->categories);
	jr_jw_key(w, "needs");
	jr_jw_array(w);
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (e->needs & (1u << d))
			jr_jw_string(w, jr_need_name((enum jr_need)d));
	jr_jw_end(w);
	jr_jw_kint(w, "age_min", e->age_min);
	jr_jw_kint(w, "age_max", e->age_max);
	jr_jw_kstring(w, "cost", e->cost);
	jr_jw_kbool(w, "no_referral", e->no_referral);
	jr_jw_kstring(w, "contact", e->contact);
	jr_jw_kstring(w, "description", e->description);
	jr_jw_kstring(w, "address", e->address);
	jr_jw_kstring(w, "phone", e->phone);
	jr_jw_kstring(w, "email", e->email);
	jr_jw_kstring(w, "website", e->website);
	jr_jw_kdate(w, "verified_on", e->verified_on, true);
	jr_jw_kbool(w, "stale", stale);
	jr_jw_kbool(w, "demo", e->demo);
	jr_jw_end(w);
}
