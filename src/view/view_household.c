/* view_household: households and a family's page as JSON (view_household.h). */
#include "view/view_household.h"

/* The household's own fields, inside an open object. */
static void household_fields(struct jr_json_writer *w, const struct jr_household *h)
{
	jr_jw_kint(w, "id", h->id);
	jr_jw_kstring(w, "municipality", h->municipality);
	jr_jw_key(w, "coordinator_user_id");
	if (h->coordinator_user_id)
		jr_jw_int(w, h->coordinator_user_id);
	else
		jr_jw_null(w);
	jr_jw_kint(w, "version", h->version);
}

void jr_view_household(struct jr_json_writer *w, const struct jr_household *h,
                       const struct jr_household_member *members, size_t count, bool with_members)
{
	jr_jw_object(w);
	household_fields(w, h);
	if (with_members) {
		jr_jw_key(w, "members");
		jr_jw_array(w);
		for (size_t i = 0; i < count; i++) {
			jr_jw_object(w);
			jr_jw_kint(w, "person_id", members[i].person_id);
			jr_jw_kstring(w, "role", members[i].role);
			jr_jw_end(w);
		}
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

void jr_view_membership(struct jr_json_writer *w, int64_t household_id, int64_t person_id,
                        const char *role)
{
	jr_jw_object(w);
	jr_jw_kint(w, "household_id", household_id);
	jr_jw_kint(w, "person_id", person_id);
	jr_jw_kstring(w, "role", role);
	jr_jw_end(w);
}

void jr_view_household_row(struct jr_json_writer *w, const struct jr_household_row *h)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", h->id);
	jr_jw_kstring(w, "municipality", h->municipality);
	jr_jw_kint(w, "version", h->version);
	jr_jw_kint(w, "first_child_id", h->first_child_id);
	jr_jw_kstring(w, "family_name", h->family_name);
	jr_jw_kint(w, "children", h->children);
	jr_jw_kint(w, "open_help_requests", h->open_help_requests);
	jr_jw_end(w);
}

void jr_view_family(struct jr_json_writer *w, const struct jr_family *f, const char *timeline_json)
{
	jr_jw_object(w);
	household_fields(w, &f->household);
	jr_jw_key(w, "members");
	jr_jw_array(w);
	for (size_t i = 0; i < f->count; i++) {
		const struct jr_family_member *m = &f->members[i];
		jr_jw_object(w);
		jr_jw_kint(w, "person_id", m->person_id);
		jr_jw_kstring(w, "role", m->role);
		jr_jw_kstring(w, "given_names", m->given_names);
		jr_jw_kstring(w, "family_name", m->family_name);
		jr_jw_kdate(w, "birth_date", m->birth_date, true);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_key(w, "timeline");
	jr_jw_raw(w, timeline_json);
	jr_jw_end(w);
}
