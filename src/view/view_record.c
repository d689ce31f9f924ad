/* view_record: the rendering pieces several resources share (see view_record.h). */
#include "view/view_record.h"

void jr_view_child_member(struct jr_json_writer *w, const char *given_names,
			  const char *family_name, jr_day birth_date)
{
	jr_jw_key(w, "child");
	jr_jw_object(w);
	jr_jw_kstring(w, "given_names", given_names);
	jr_jw_kstring(w, "family_name", family_name);
	jr_jw_kdate(w, "birth_date", birth_date, true);
	jr_jw_end(w);
}
