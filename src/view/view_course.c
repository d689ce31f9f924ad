/* view_course: help requests as JSON (view_course.h). */
#include "view/view_course.h"

#include "view/view_record.h"

void jr_view_help_request(struct jr_json_writer *w, const struct jr_help_request *h,
			  const struct jr_course_facts *f)
{
	jr_jw_object(w);
	jr_view_help_request_fields(w, h, f);
	jr_jw_end(w);
}

void jr_view_help_request_fields(struct jr_json_writer *w, const struct jr_help_request *h,
				 const struct jr_course_facts *f)
{
	jr_jw_kint(w, "id", h->id);
	jr_jw_kint(w, "child_id", h->child_id);
	jr_jw_key(w, "household_id");
	if (h->household_id)
		jr_jw_int(w, h->household_id);
	else
		jr_jw_null(w);
	jr_jw_kstring(w, "raised_by", h->raised_by);
	jr_jw_kdate(w, "raised_on", h->raised_on, true);
	jr_jw_kstring(w, "question", h->question);
	jr_jw_kstring(w, "municipality", h->municipality);
	/* principle 13: municipality is the responsible one; on what basis, and the BRP
	 * residence when the help request was opened */
	if (h->residence[0]) { /* read in full (a work list's rows leave it out) */
		jr_jw_kstring(w, "responsible_basis",
			      h->before_stay ? "residence_before_stay" : "residence");
		jr_jw_kstring(w, "residence_municipality", h->residence);
	}
	jr_jw_kstring(w, "state", jr_hr_state_name(h->state));
	jr_jw_kstring(w, "state_label", jr_hr_state_label(h->state));
	jr_jw_kint(w, "version", h->version);
	/* issue 14 point 2: the consulent it is assigned to; null: in the team's queue */
	jr_jw_key(w, "assignee");
	if (h->assignee_id) {
		jr_jw_object(w);
		jr_jw_kint(w, "id", h->assignee_id);
		jr_jw_kstring(w, "username", h->assignee);
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	if (f) {
		jr_jw_key(w, "course");
		jr_jw_object(w);
		jr_jw_kbool(w, "broad_analysis", f->broad_analysis);
		jr_jw_kint(w, "goals", f->goals);
		jr_jw_kbool(w, "light_options_weighed", f->light_options_weighed);
		jr_jw_kint(w, "care_started", f->care_started);
		jr_jw_kint(w, "care_running", f->care_running);
		jr_jw_kint(w, "outcomes_missing", f->outcomes_missing);
		jr_jw_end(w);
	}
}

void jr_view_course(struct jr_json_writer *w, const struct jr_course_view *v)
{
	jr_view_help_request(w, &v->h, &v->f);
}

void jr_view_help_request_row(struct jr_json_writer *w, const struct jr_help_request_row *row)
{
	jr_jw_object(w);
	jr_jw_key(w, "help_request");
	jr_view_help_request(w, &row->h, NULL);
	jr_view_child_member(w, row->given_names, row->family_name, row->birth_date);
	jr_jw_end(w);
}
