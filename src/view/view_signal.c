/* view_signal: an open signal as JSON (see view_signal.h). */
#include "view/view_signal.h"

void jr_view_signal(struct jr_json_writer *w, const struct jr_open_signal *s)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "code", s->code);
	jr_jw_key(w, "subject");
	jr_jw_object(w);
	if (s->entry_id) {
		jr_jw_kint(w, "entry_id", s->entry_id);
	} else {
		jr_jw_kint(w, "child_id", s->child_id);
		jr_jw_kint(w, "help_request_id", s->help_request_id);
	}
	jr_jw_kstring(w, "municipality", s->municipality);
	jr_jw_end(w);
	jr_jw_kdate(w, "since", s->since, true);
	jr_jw_kstring(w, "why", s->why);
	jr_jw_end(w);
}
