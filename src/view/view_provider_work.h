/* view_provider_work: the provider's work list (app/provider_work.h) as JSON. */
#ifndef JR_VIEW_VIEW_PROVIDER_WORK_H
#define JR_VIEW_VIEW_PROVIDER_WORK_H

#include "app/ijw.h"
#include "app/provider_work.h"
#include "json/json_writer.h"

/* One row: {"id","number","help_request_id","form","start","end","regime","result",
 * "product_code","intensity","volume","unit","frequency","group","child":{given_names,
 * family_name,birth_date},"care":{running,started_on?,stopped_on?},"contact":{"consulent",
 * "municipality","municipality_name"}}; absent values are null. `municipality_name` is the
 * name of the help request's municipality (the local team), from the policy. */
void jr_view_provider_work_row(struct jr_json_writer *w, const struct jr_pw_row *r,
			       const char *municipality_name);

/* The members "group" (asked, "all" for every group), "counts" ({"new":N,…,"all":N}) and
 * "terms" ({"start_within_days","ending_within_days"}) of the list's answer. */
void jr_view_provider_work_counts(struct jr_json_writer *w, const struct jr_app_provider_work *pw);

/* The claim form of an allocation for a month (app/ijw.h, jr_app_claim_form):
 * {"allocation_id","month","month_start","month_end","product":{"category","code"},
 *  "line":{"start","end","units"},"unit","unit_code","tariff_cents"} (tariff null when the
 * contract names none). */
void jr_view_claim_form(struct jr_json_writer *w, const struct jr_app_claim_form *f);

#endif
