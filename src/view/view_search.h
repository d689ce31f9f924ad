/* view_search: a person search's answer as JSON, for `jeugdroute person search` and
 * POST /api/v1/persons/search alike. */
#ifndef JR_VIEW_SEARCH_H
#define JR_VIEW_SEARCH_H

#include "app/search.h"
#include "json/json_writer.h"

/* {"criteria":["name",…],"results":[{"id","given_names","family_name","birth_date","age",
 * "municipality","open_help_requests":[{"id","state","municipality","raised_on"}],
 * "open_help_request_count"}],"count","limit","more"} */
void jr_view_person_search(struct jr_json_writer *w, const struct jr_search_answer *a);

#endif
