/* view_record: the one rendering of records as JSON, shared by the command line and the API.
 *
 * src/view/ sits between the app layer and the adapters: a renderer takes the plain structs a
 * jr_app_* use case returns and writes them with the JSON writer (json/json_writer.h), which
 * escapes every string; `jeugdroute … --json`-style output and the API's answers are the same
 * bytes for the same record. One file per resource (view_household.c, view_care.c, …); this
 * one holds the pieces several resources share. */
#ifndef JR_VIEW_VIEW_RECORD_H
#define JR_VIEW_VIEW_RECORD_H

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "json/json_writer.h"

/* Writes "child":{"given_names":…,"family_name":…,"birth_date":…} as a member of the object `w`
 * is in: the child as a list shows it, never with its BSN. */
void jr_view_child_member(struct jr_json_writer *w, const char *given_names,
			  const char *family_name, jr_day birth_date);

#endif
