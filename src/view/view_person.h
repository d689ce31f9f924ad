/* view_person: a person's records as JSON, the same bytes for the command line and the API —
 * the person, its address, the organisations involved, an event of its timeline, an entry of
 * its access log, and the lines of `jeugdroute retention`. Each writes one JSON value with the
 * writer `w` (json/json_writer.h), which escapes every string. */
#ifndef JR_VIEW_VIEW_PERSON_H
#define JR_VIEW_VIEW_PERSON_H

#include "app/person.h"
#include "json/json_writer.h"

/* {"id","bsn","given_names","family_name","birth_date","municipality" (CBS code),"sex",
 *  "address","demo","version"} */
void jr_view_person(struct jr_json_writer *w, const struct jr_person *p);

/* {"street","house_number","house_letter","house_addition","postcode","place"}, or null when
 * the address is not known. */
void jr_view_address(struct jr_json_writer *w, const struct jr_address *a);

/* {"person_id","date","count","involved":[{"via","object_id","kind","provider_id" (a provider)
 * or "organisation_id" (null when the records name none),"name","agb","referrer_type" (the
 * COD327 code of a referrer, else null),"since"}]}: the first `shown` of `count`. */
void jr_view_involvement(struct jr_json_writer *w, int64_t person_id, jr_day on,
                         const struct jr_involvement *inv, size_t count, size_t shown);

/* {"day","kind","child_id","help_request_id","object_id","text","number","extra"} */
void jr_view_timeline_event(struct jr_json_writer *w, const struct jr_timeline_event *e);

/* {"at","who","role","organisation_id" (null for none),"action","reason"} */
void jr_view_access_entry(struct jr_json_writer *w, const struct jr_audit_entry *e);

/* {"child_id","last_activity"}: a child past the retention period. */
void jr_view_retention_candidate(struct jr_json_writer *w, int64_t child_id, jr_day last);
/* {"child_id","erased":true} */
void jr_view_erased(struct jr_json_writer *w, int64_t child_id);

#endif
