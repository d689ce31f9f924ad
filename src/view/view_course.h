/* view_course: a help request and its course as JSON, the same for the command line and the API
 * (app/course.h returns them). */
#ifndef JR_VIEW_VIEW_COURSE_H
#define JR_VIEW_VIEW_COURSE_H

#include "app/course.h"
#include "json/json_writer.h"

/* {"id":…,"child_id":…,"household_id":…|null,"raised_by":…,"raised_on":…,"question":…,
 *  "municipality":…,"state":…,"state_label":…,"version":…,"assignee":{"id":…,"username":…}|null
 *  [,"course":{…}]}: the course only
 * when `f` is not NULL. */
void jr_view_help_request(struct jr_json_writer *w, const struct jr_help_request *h,
			  const struct jr_course_facts *f);
/* The members of that object, inside an object the caller opened (for a view that adds its
 * own, view_casefile.c). */
void jr_view_help_request_fields(struct jr_json_writer *w, const struct jr_help_request *h,
				 const struct jr_course_facts *f);
/* The same, with its course. */
void jr_view_course(struct jr_json_writer *w, const struct jr_course_view *v);
/* A work list's item: {"help_request":{…},"child":{names, birth date}}. */
void jr_view_help_request_row(struct jr_json_writer *w, const struct jr_help_request_row *row);

#endif
