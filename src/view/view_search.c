/* view_search: a person search's answer as JSON (view_search.h). */
#include "view/view_search.h"

#include <string.h>

#include "core/date.h"

static void criteria(struct jr_json_writer *w, const char *kinds)
{
	char copy[sizeof(((struct jr_search_answer *)0)->criteria)];

	memcpy(copy, kinds, sizeof(copy));
	jr_jw_key(w, "criteria");
	jr_jw_array(w);
	for (char *save = NULL, *k = strtok_r(copy, "+", &save); k; k = strtok_r(NULL, "+", &save))
		jr_jw_string(w, k);
	jr_jw_end(w);
}

void jr_view_person_search(struct jr_json_writer *w, const struct jr_search_answer *a)
{
	char date[JR_DATE_STRLEN];

	jr_jw_object(w);
	criteria(w, a->criteria);
	jr_jw_key(w, "results");
	jr_jw_array(w);
	for (size_t i = 0; i < a->count; i++) {
		const struct jr_search_result *r = &a->results[i];
		jr_jw_object(w);
		jr_jw_kint(w, "id", r->person.id);
		jr_jw_kstring(w, "given_names", r->person.given_names);
		jr_jw_kstring(w, "family_name", r->person.family_name);
		jr_date_format(r->person.birth_date, date);
		jr_jw_kstring(w, "birth_date", date);
		jr_jw_kint(w, "age", r->age);
		jr_jw_kstring(w, "municipality", r->person.municipality);
		jr_jw_key(w, "open_help_requests");
		jr_jw_array(w);
		for (size_t j = 0; j < r->open_count && j < JR_SEARCH_OPEN_MAX; j++) {
			const struct jr_open_request *o = &r->open[j];
			jr_jw_object(w);
			jr_jw_kint(w, "id", o->id);
			jr_jw_kstring(w, "state", o->state);
			jr_jw_kstring(w, "municipality", o->municipality);
			jr_date_format(o->raised_on, date);
			jr_jw_kstring(w, "raised_on", date);
			jr_jw_end(w);
		}
		jr_jw_end(w);
		jr_jw_kint(w, "open_help_request_count", (int64_t)r->open_count);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_kint(w, "count", (int64_t)a->count);
	jr_jw_kint(w, "limit", JR_SEARCH_LIMIT);
	jr_jw_kbool(w, "more", a->more);
	jr_jw_end(w);
}
