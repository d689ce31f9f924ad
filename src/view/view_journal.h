/* view_journal: the journal of a help request as JSON, the same for `jeugdroute help-request
 * note(s)` and /api/v1/help-requests/{id}/notes. A note: {"id","help_request_id","date","kind",
 * "kind_label","text","author","corrects","corrected_by","created_at"} (corrects and
 * corrected_by null when none). The kinds: [{"code","label"}], for a form to offer. */
#ifndef JR_VIEW_VIEW_JOURNAL_H
#define JR_VIEW_VIEW_JOURNAL_H

#include "app/journal.h"
#include "json/json_writer.h"

void jr_view_note(struct jr_json_writer *w, const struct jr_note *n);

/* The kinds as an array. */
void jr_view_note_kinds(struct jr_json_writer *w);

/* The journal's frame, {"help_request_id","kinds","notes":[…]}: begin opens it up to the notes'
 * array, the notes follow (jr_app_journal_list with jr_view_note_each), end closes it. */
void jr_view_journal_begin(struct jr_json_writer *w, int64_t help_request_id);
void jr_view_journal_end(struct jr_json_writer *w);

/* A jr_note_fn that writes each note with jr_view_note to the writer `ctx` (inside an array). */
enum jr_err jr_view_note_each(void *ctx, const struct jr_note *n);

#endif
