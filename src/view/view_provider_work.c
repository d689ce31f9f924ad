/* view_provider_work: the provider's work list as JSON (view_provider_work.h). */
#include "view/view_provider_work.h"

#include "view/view_record.h"

static void kstring_or_null(struct jr_json_writer *w, const char *key, const char *s)
{
	jr_jw_kstring(w, key, s && s[0] ? s : NULL);
}

void jr_view_provider_work_row(struct jr_json_writer *w, const struct jr_pw_row *r,
			       const char *municipality_name)
{
	const struct jr_allocation_row *a = &r->a;

	jr_jw_object(w);
	jr_jw_kint(w, "id", a->id);
	jr_jw_kstring(w, "number", a->number);
	jr_jw_kint(w, "help_request_id", a->help_request_id);
	jr_jw_kint(w, "form", a->form);
	jr_jw_kdate(w, "start", a->start, true);
	jr_jw_kdate(w, "end", a->end, a->end != 0);
	jr_jw_kstring(w, "regime", a->regime);
	kstring_or_null(w, "result", a->result_description);
	kstring_or_null(w, "product_code", a->product_code);
	if (r->intensity)
		jr_jw_kint(w, "intensity", r->intensity);
	else
		jr_jw_kstring(w, "intensity", NULL);
	if (r->has_volume)
		jr_jw_kint(w, "volume", r->volume);
	else
		jr_jw_kstring(w, "volume", NULL);
	kstring_or_null(w, "unit", r->unit);
	kstring_or_null(w, "frequency", r->frequency);
	jr_jw_kstring(w, "group", jr_pw_group_name(r->group));
	jr_view_child_member(w, a->given_names, a->family_name, a->birth_date);
	jr_jw_key(w, "care");
	jr_jw_object(w);
	jr_jw_kbool(w, "running", a->care_running);
	if (a->care_started)
		jr_jw_kdate(w, "started_on", a->care_started, true);
	if (a->care_stopped)
		jr_jw_kdate(w, "stopped_on", a->care_stopped, true);
	jr_jw_end(w);
	jr_jw_key(w, "contact");
	jr_jw_object(w);
	kstring_or_null(w, "consulent", r->contact);
	jr_jw_kstring(w, "municipality", r->municipality);
	jr_jw_kstring(w, "municipality_name",
		      municipality_name && municipality_name[0] ? municipality_name
								: r->municipality);
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_provider_work_counts(struct jr_json_writer *w, const struct jr_app_provider_work *pw)
{
	int64_t all = 0;

	jr_jw_kstring(w, "group", pw->group < 0 ? "all" : jr_pw_group_name(pw->group));
	jr_jw_key(w, "counts");
	jr_jw_object(w);
	for (int g = 0; g < JR_PW_GROUP_COUNT; g++) {
		jr_jw_kint(w, jr_pw_group_name(g), pw->counts[g]);
		all += pw->counts[g];
	}
	jr_jw_kint(w, "all", all);
	jr_jw_end(w);
	jr_jw_key(w, "terms");
	jr_jw_object(w);
	jr_jw_kint(w, "start_within_days", pw->start_within_days);
	jr_jw_kint(w, "ending_within_days", pw->ending_within_days);
	jr_jw_end(w);
}

void jr_view_claim_form(struct jr_json_writer *w, const struct jr_app_claim_form *f)
{
	char month[JR_DATE_STRLEN];

	jr_date_format(f->month_start, month);
	month[7] = '\0';
	jr_jw_object(w);
	jr_jw_kint(w, "allocation_id", f->allocation_id);
	jr_jw_kstring(w, "month", month);
	jr_jw_kdate(w, "month_start", f->month_start, true);
	jr_jw_kdate(w, "month_end", f->month_end, true);
	jr_jw_key(w, "product");
	jr_jw_object(w);
	jr_jw_kstring(w, "category", f->category);
	kstring_or_null(w, "code", f->product_code);
	jr_jw_end(w);
	jr_jw_key(w, "line");
	jr_jw_object(w);
	jr_jw_kdate(w, "start", f->begin, true);
	jr_jw_kdate(w, "end", f->end, true);
	jr_jw_kint(w, "units", f->volume);
	jr_jw_end(w);
	jr_jw_kstring(w, "unit", f->unit);
	jr_jw_kstring(w, "unit_code", f->unit_code);
	if (f->has_tariff)
		jr_jw_kint(w, "tariff_cents", f->tariff_cents);
	else
		jr_jw_kstring(w, "tariff_cents", NULL);
	jr_jw_end(w);
}
