/* api_signals: GET /api/v1/signals — the open signals of the consulent's own municipality
 * (hopping, multi_agency, waiting, escalate, crisis_followup, out_of_home, stale_social_map),
 * each with the numbers of child and help request and why, never names (app/signals.c). */
#include <string.h>

#include "app/access.h"
#include "app/signals.h"
#include "http/api.h"
#include "http/views.h"
#include "http/fields.h"

static enum jr_err add_signal(void *ctx, const char *json)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);
	return err ? err : jr_buf_puts(w->out, json);
}

int jr_api_signals(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	char text[16], day[JR_DATE_STRLEN];
	jr_day date = jr_http_today();
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_SIGNALS)))
		return status;
	if (!r->who.municipality[0])
		return jr_reply_error(r, 403, "forbidden", NULL, "uw organisatie hoort bij geen gemeente");
	if (jr_http_query(r, "date", text, sizeof(text)) &&
	    jr_date_parse(text, strlen(text), &date))
		return jr_reply_error(r, 422, "invalid", "date", "verwacht een datum JJJJ-MM-DD");
	jr_date_format(date, day);
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"municipality\":\"%s\",\"date\":\"%s\",\"signals\":[",
			    r->who.municipality, day);
	if (!err)
		err = jr_app_signals(r->store, &r->actor, r->policies, date, r->who.municipality,
				     add_signal, &w);
	if (!err)
		err = jr_buf_printf(&r->out, "],\"count\":%zu}\n", w.count);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}
