/* view_signal: an open signal as JSON, the same for `jeugdroute signals` (one a line) and
 * GET /api/v1/signals: {"code","subject":{"child_id","help_request_id","municipality"} or
 * {"entry_id","municipality"},"since","why"} — numbers, never names or BSNs. */
#ifndef JR_VIEW_VIEW_SIGNAL_H
#define JR_VIEW_VIEW_SIGNAL_H

#include "app/signals.h"
#include "json/json_writer.h"

void jr_view_signal(struct jr_json_writer *w, const struct jr_open_signal *s);

#endif
