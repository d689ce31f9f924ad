/* views: list answers and the child in a list (views.h). */
#include "http/views.h"

enum jr_err jr_view_item(struct jr_list_writer *w)
{
	return w->count++ ? jr_buf_putc(w->out, ',') : JR_OK;
}

int jr_reply_list(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx)
{
	struct jr_list_writer w = {.out = &r->out, .ctx = ctx};
	enum jr_err err;

	jr_buf_reset(&r->out);
	err = jr_buf_puts(&r->out, "{\"items\":[");
	if (!err)
		err = fill(&w);
	if (!err)
		err = jr_buf_printf(&r->out, "],\"count\":%zu}\n", w.count);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

enum jr_err jr_view_child(struct jr_buf *b, const char *given_names, const char *family_name,
			  jr_day birth_date)
{
	char birth[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(birth_date, birth);
	err = jr_buf_puts(b, "\"child\":{\"given_names\":");
	if (!err)
		err = jr_buf_json_string(b, given_names);
	if (!err)
		err = jr_buf_puts(b, ",\"family_name\":");
	if (!err)
		err = jr_buf_json_string(b, family_name);
	if (!err)
		err = jr_buf_printf(b, ",\"birth_date\":\"%s\"}", birth);
	return err;
}
