/* view_person: a person's records as JSON (view_person.h). */
#include "view/view_person.h"

#include <string.h>

void jr_view_address(struct jr_json_writer *w, const struct jr_address *a)
{
	if (!a->street[0]) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_kstring(w, "street", a->street);
	jr_jw_kint(w, "house_number", a->house_number);
	jr_jw_kstring(w, "house_letter", a->house_letter);
	jr_jw_kstring(w, "house_addition", a->house_addition);
	jr_jw_kstring(w, "postcode", a->postcode);
	jr_jw_kstring(w, "place", a->place);
	jr_jw_end(w);
}

void jr_view_person(struct jr_json_writer *w, const struct jr_person *p)
{
	const char sex[2] = {p->sex ? p->sex : '0', '\0'};

	jr_jw_object(w);
	jr_jw_kint(w, "id", p->id);
	jr_jw_kstring(w, "bsn", p->bsn);
	jr_jw_kstring(w, "given_names", p->given_names);
	jr_jw_kstring(w, "family_name", p->family_name);
	jr_jw_kdate(w, "birth_date", p->birth_date, true);
	jr_jw_kstring(w, "municipality", p->municipality);
	jr_jw_kstring(w, "sex", sex);
	jr_jw_key(w, "address");
	jr_view_address(w, &p->address);
	jr_jw_kbool(w, "demo", p->demo);
	jr_jw_kint(w, "version", p->version);
	if (p->responsible[0]) { /* principle 13: who is responsible, and on what basis */
		jr_jw_key(w, "responsible_municipality");
		jr_jw_object(w);
		jr_jw_kstring(w, "code", p->responsible);
		jr_jw_kstring(w, "basis",
		              p->responsible_before_stay ? "residence_before_stay" : "residence");
		jr_jw_end(w);
	}
	if (p->notice[0]) {
		jr_jw_key(w, "notices");
		jr_jw_array(w);
		jr_jw_string(w, p->notice);
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

void jr_view_involvement(struct jr_json_writer *w, int64_t person_id, jr_day on,
                         const struct jr_involvement *inv, size_t count, size_t shown)
{
	jr_jw_object(w);
	jr_jw_kint(w, "person_id", person_id);
	jr_jw_kdate(w, "date", on, true);
	jr_jw_kint(w, "count", (int64_t)count);
	jr_jw_key(w, "involved");
	jr_jw_array(w);
	for (size_t i = 0; i < shown && i < count; i++) {
		const struct jr_involvement *v = &inv[i];
		char type[4];
		jr_jw_object(w);
		jr_jw_kstring(w, "via", v->via);
		jr_jw_kint(w, "object_id", v->object_id);
		jr_jw_kstring(w, "kind", v->kind);
		jr_jw_key(w, strcmp(v->kind, "provider") == 0 ? "provider_id" : "organisation_id");
		if (v->organisation_id)
			jr_jw_int(w, v->organisation_id);
		else
			jr_jw_null(w);
		jr_jw_kstring(w, "name", v->name);
		jr_jw_kstring(w, "agb", v->agb);
		jr_jw_key(w, "referrer_type");
		if (v->referrer_type > 0 && v->referrer_type < 100) {
			type[0] = (char)('0' + v->referrer_type / 10);
			type[1] = (char)('0' + v->referrer_type % 10);
			type[2] = '\0';
			jr_jw_string(w, type);
		} else {
			jr_jw_null(w);
		}
		jr_jw_kdate(w, "since", v->since, true);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_timeline_event(struct jr_json_writer *w, const struct jr_timeline_event *e)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "day", e->day);
	jr_jw_kstring(w, "kind", e->kind);
	jr_jw_kint(w, "child_id", e->child_id);
	jr_jw_kint(w, "help_request_id", e->help_request_id);
	jr_jw_kint(w, "object_id", e->object_id);
	jr_jw_kstring(w, "text", e->text);
	jr_jw_kint(w, "number", e->number);
	jr_jw_kstring(w, "extra", e->extra);
	jr_jw_end(w);
}

void jr_view_access_entry(struct jr_json_writer *w, const struct jr_audit_entry *e)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "at", e->at);
	jr_jw_kstring(w, "who", e->actor);
	jr_jw_kstring(w, "role", e->role);
	jr_jw_key(w, "organisation_id");
	if (e->organisation_id)
		jr_jw_int(w, e->organisation_id);
	else
		jr_jw_null(w);
	jr_jw_kstring(w, "action", e->action);
	jr_jw_kstring(w, "reason", e->reason);
	jr_jw_end(w);
}

void jr_view_retention_candidate(struct jr_json_writer *w, int64_t child_id, jr_day last)
{
	jr_jw_object(w);
	jr_jw_kint(w, "child_id", child_id);
	jr_jw_kdate(w, "last_activity", last, true);
	jr_jw_end(w);
}

void jr_view_erased(struct jr_json_writer *w, int64_t child_id)
{
	jr_jw_object(w);
	jr_jw_kint(w, "child_id", child_id);
	jr_jw_kbool(w, "erased", true);
	jr_jw_end(w);
}
