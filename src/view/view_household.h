/* view_household: households and a family's page as JSON, the same
 * bytes for the command line and the API. Each writes one JSON value with the writer `w`
 * (json/json_writer.h), which escapes every string. */
#ifndef JR_VIEW_VIEW_HOUSEHOLD_H
#define JR_VIEW_VIEW_HOUSEHOLD_H

#include <stdbool.h>

#include "app/household.h"
#include "json/json_writer.h"

/* {"id","municipality" (CBS code),"coordinator_user_id" (null for none),"version"} and, with
 * `with_members`, "members":[{"person_id","role"}] — ids and roles, never names. */
void jr_view_household(struct jr_json_writer *w, const struct jr_household *h,
                       const struct jr_household_member *members, size_t count, bool with_members);

/* {"household_id","person_id","role"}: a membership just made. */
void jr_view_membership(struct jr_json_writer *w, int64_t household_id, int64_t person_id,
                        const char *role);

/* {"id","municipality","version","first_child_id","family_name","children",
 *  "open_help_requests"}: a household in a coordinator's list. */
void jr_view_household_row(struct jr_json_writer *w, const struct jr_household_row *h);

/* A family's page: the household as jr_view_household without members, then
 * "members":[{"person_id","role","given_names","family_name","birth_date"}] and
 * "timeline": `timeline_json`, the events already written as one JSON array
 * (jr_view_timeline_event of view_person.h). */
void jr_view_family(struct jr_json_writer *w, const struct jr_family *f, const char *timeline_json);

#endif
