/* view_deadline: a help request's deadlines as JSON, the same for the command line and the API
 * (app/deadlines.h returns them). */
#ifndef JR_VIEW_VIEW_DEADLINE_H
#define JR_VIEW_VIEW_DEADLINE_H

#include "core/deadlines.h"
#include "json/json_writer.h"

/* One deadline: {"kind","subject_id"|null,"due","days_left","unit","state","state_label",
 * "label","text","source"}. */
void jr_view_deadline(struct jr_json_writer *w, const struct jr_deadline *x);
/* {"help_request_id":…,"today":…,"deadlines":[{"kind":…,"subject_id":…|null,"due":…,
 *  "days_left":…,"unit":"workdays"|"days","state":"ok"|"warning"|"overdue","state_label":…,
 *  "label":…,"text":…,"source":…},…],"counts":{"overdue":…,"warning":…,"ok":…}} */
void jr_view_deadlines(struct jr_json_writer *w, int64_t help_request_id, jr_day today,
		       const struct jr_deadlines *d);

#endif
