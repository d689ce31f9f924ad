/* view_care: referrals, allocations, care and measures as JSON, the same for the command line and
 * the API (app/care.h, app/referral.h and app/refer.h return them). */
#ifndef JR_VIEW_VIEW_CARE_H
#define JR_VIEW_VIEW_CARE_H

#include "app/care.h"
#include "app/referral.h"
#include "json/json_writer.h"
#include "view/view_deadline.h"

/* {"id":…,"help_request_id":…,"type":"02","form":…,"referred_on":…,"valid":…[,"why":…]}: the
 * explanation of rule 7 when `why` is not NULL. */
void jr_view_referral(struct jr_json_writer *w, const struct jr_referral *r, const char *why);
/* A referral as its referrer sees it: {"referral":{…},"child":{…},"question":…,"progress":{step,
 * label, received_on, accepted, allocation (provider, from, care started and stopped) or null,
 * closed (on, how, label) or null}}. Nothing else of the child's file. */
void jr_view_referral_row(struct jr_json_writer *w, const struct jr_referral_row *row);
/* A referral the referrer made or got back: {"outcome":…,"message":…,"referral":{… why},
 * "child":{…}}. */
void jr_view_referral_result(struct jr_json_writer *w, const char *outcome, const char *message,
			     const struct jr_referral_result *res, const char *why);

/* An allocation just made: {"id","number","help_request_id","provider_id","form","jz020",
 * "regime","start","end"|null,"result"|null,"intensity"|null,"product_code"|null,
 * "volume"|null,"unit"|null,"frequency"|null,"responsible_municipality"}. */
void jr_view_allocation_made(struct jr_json_writer *w, const struct jr_allocation *al);
/* What the allocation form offers (issue 14 point 7): {"help_request_id","municipality",
 * "municipality_name","region","regime","date","under_measure","forms":[{"number","label",
 * "contracting","fields":[the request fields the form asks: "result","intensity",
 * "product_code","volume","unit","frequency","end"],"intensities":[…],"frequencies":[…],
 * "providers":[{"id","name","agb","status","status_label","contract_id","contract_scope":
 * "municipality"|"region","product_codes":[…],"unit"|null,"contract_end"|null}]}]}: every form,
 * or the one asked, with its contracted providers (never a GI, never a suspended one). */
void jr_view_allocation_choices(struct jr_json_writer *w,
				const struct jr_app_allocation_choices *c);
/* An allocation with its child and care: {"id","number","help_request_id","form","start",
 * "regime","result","product_code","child":{…},"care":{"running"[,"started_on"][,"stopped_on"]}}. */
void jr_view_allocation(struct jr_json_writer *w, const struct jr_allocation_row *a);
/* A change made: {"allocation_id","reason_code","end"|null,"volume"|null,"requests_honoured"}. */
void jr_view_allocation_change(struct jr_json_writer *w, int64_t id,
			       const struct jr_allocation_change *c, int honoured);

/* A measure as its GI lists it (issue 15 point 3): {"id","child_id","kind","label",
 * "court_date","reference"|null,"start","end"|null,"running","extensions","municipality",
 * "child":{…},"deadline":{as jr_view_deadline}|null}; running on `today`. */
void jr_view_measure_row(struct jr_json_writer *w, const struct jr_measure_item *it, jr_day today);
/* A measure just recorded: {"id","child_id","kind","court_date","reference"|null,"start",
 * "end"|null,"framework":"compulsory"}. */
void jr_view_measure(struct jr_json_writer *w, const struct jr_measure_record *m);
/* One measure with its extensions, oldest first (issue 15 point 3): as jr_view_measure plus
 * "label","running","deadline" and "extensions":[{"id","court_date","reference"|null,
 * "previous_end","end"}]. */
void jr_view_measure_detail(struct jr_json_writer *w, const struct jr_measure_record *m,
			    const struct jr_measure_extension *ext, size_t n_ext, jr_day today,
			    bool has_deadline, const struct jr_deadline *deadline);
/* An extension recorded (principle 8): {"id","measure_id","court_date","reference","previous_end",
 * "end","measure":{the measure after, as jr_view_measure}}. */
void jr_view_measure_extension(struct jr_json_writer *w, const struct jr_measure_extension *e,
			       const struct jr_measure_record *after);
/* An authorisation recorded (principle 8): {"id","measure_id","kind","court_date","start",
 * "end"|null}. */
void jr_view_authorisation(struct jr_json_writer *w, const struct jr_measure_authorisation *au);

#endif
