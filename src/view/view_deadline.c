/* view_deadline: deadlines as JSON (see view_deadline.h). */
#include "view/view_deadline.h"

void jr_view_deadline(struct jr_json_writer *w, const struct jr_deadline *x)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "kind", jr_deadline_kind_name(x->kind));
	jr_jw_key(w, "subject_id");
	if (x->subject_id)
		jr_jw_int(w, x->subject_id);
	else
		jr_jw_null(w);
	jr_jw_kdate(w, "due", x->due, true);
	jr_jw_kint(w, "days_left", x->days_left);
	jr_jw_kstring(w, "unit", x->workdays ? "workdays" : "days");
	jr_jw_kstring(w, "state", jr_deadline_state_name(x->state));
	jr_jw_kstring(w, "state_label", jr_deadline_state_label(x->state));
	jr_jw_kstring(w, "label", x->label);
	jr_jw_kstring(w, "text", x->text);
	jr_jw_kstring(w, "source", x->source);
	jr_jw_end(w);
}

void jr_view_deadlines(struct jr_json_writer *w, int64_t help_request_id, jr_day today,
		       const struct jr_deadlines *d)
{
	int64_t counts[3] = {0, 0, 0};

	jr_jw_object(w);
	jr_jw_kint(w, "help_request_id", help_request_id);
	jr_jw_kdate(w, "today", today, true);
	jr_jw_key(w, "deadlines");
	jr_jw_array(w);
	for (size_t i = 0; i < d->count; i++) {
		counts[d->items[i].state]++;
		jr_view_deadline(w, &d->items[i]);
	}
	jr_jw_end(w);
	jr_jw_key(w, "counts");
	jr_jw_object(w);
	jr_jw_kint(w, "overdue", counts[JR_DEADLINE_OVERDUE]);
	jr_jw_kint(w, "warning", counts[JR_DEADLINE_WARNING]);
	jr_jw_kint(w, "ok", counts[JR_DEADLINE_OK]);
	jr_jw_end(w);
	jr_jw_end(w);
}
