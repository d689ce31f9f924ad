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

enum jr_err jr_view_child(struct jr_buf *b, const char *given_names, const char *family_name,
			  jr_day birth_date)
{
	char birth[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(birth_date, birth);
	TRY(jr_buf_puts(b, "\"child\":{\"given_names\":"));
	TRY(jr_json_put_string(b, given_names));
	TRY(jr_buf_puts(b, ",\"family_name\":"));
	TRY(jr_json_put_string(b, family_name));
	TRY(jr_buf_printf(b, ",\"birth_date\":\"%s\"}", birth));
out:
	return err;
}
