/* view_worklist: the work list, its counts and the consulents to assign to, as JSON, the same
 * for the command line and the API (app/worklist.h returns them). */
#ifndef JR_VIEW_VIEW_WORKLIST_H
#define JR_VIEW_VIEW_WORKLIST_H

#include "app/worklist.h"
#include "json/json_writer.h"

/* A work list's item: {"help_request":{… "assignee":{…}|null},"child":{names, birth date},
 * "deadline":{"kind":…,"label":…,"due":…,"days_left":…,"unit":…,"state":…,"state_label":…}|null}
 * — the nearest deadline; its full text and source are on GET …/deadlines. */
void jr_view_work_item(struct jr_json_writer *w, const struct jr_work_item *it);
/* "counts":{"registered":…,"analysed":…,"planned":…,"in_care":…,"evaluated":…[,"closed":…,
 * "withdrawn":…]} (closed and withdrawn when counted), as a member of the open object. */
void jr_view_work_counts(struct jr_json_writer *w, const struct jr_work_counts *c);
/* A consulent to assign to: {"id":…,"username":…}. */
void jr_view_assignee(struct jr_json_writer *w, const struct jr_assignee *u);

#endif
