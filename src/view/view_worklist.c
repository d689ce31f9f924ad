/* view_worklist: the work list as JSON (see view_worklist.h). */
#include "view/view_worklist.h"

#include "view/view_course.h"
#include "view/view_record.h"

void jr_view_work_item(struct jr_json_writer *w, const struct jr_work_item *it)
{
	const struct jr_work_deadline_item *d = &it->deadline;

	jr_jw_object(w);
	jr_jw_key(w, "help_request");
	jr_view_help_request(w, &it->row.h, NULL);
	jr_view_child_member(w, it->row.given_names, it->row.family_name, it->row.birth_date);
	jr_jw_key(w, "deadline");
	if (!it->has_deadline) {
		jr_jw_null(w);
	} else {
		jr_jw_object(w);
		jr_jw_kstring(w, "kind", jr_deadline_kind_name(d->kind));
		jr_jw_kstring(w, "label", d->label);
		jr_jw_kdate(w, "due", d->due, true);
		jr_jw_kint(w, "days_left", d->days_left);
		jr_jw_kstring(w, "unit", d->workdays ? "workdays" : "days");
		jr_jw_kstring(w, "state", jr_deadline_state_name(d->state));
		jr_jw_kstring(w, "state_label", jr_deadline_state_label(d->state));
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

void jr_view_work_counts(struct jr_json_writer *w, const struct jr_work_counts *c)
{
	jr_jw_key(w, "counts");
	jr_jw_object(w);
	for (int s = 0; s < JR_HR_STATE_COUNT; s++) {
		if (!c->all_steps && (s == JR_HR_CLOSED || s == JR_HR_WITHDRAWN))
			continue;
		jr_jw_kint(w, jr_hr_state_name((enum jr_hr_state)s), c->per_step[s]);
	}
	jr_jw_end(w);
}

void jr_view_assignee(struct jr_json_writer *w, const struct jr_assignee *u)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", u->user_id);
	jr_jw_kstring(w, "username", u->username);
	jr_jw_end(w);
}
