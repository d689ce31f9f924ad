/* api_signals: GET /api/v1/signals — the open signals of the consulent's own municipality
 * (hopping, multi_agency, waiting, escalate, crisis_followup, out_of_home, stale_social_map),
 * each with the numbers of child and help request and why, never names (app/signals.c). */
#include <string.h>

#include "app/access.h"
#include "app/signals.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_signal.h"

struct signals_out {
	struct jr_json_writer *w;
	size_t count;
};

static enum jr_err add_signal(void *ctx, const struct jr_open_signal *s)
{
	struct signals_out *o = ctx;

	jr_view_signal(o->w, s);
	o->count++;
	return o->w->err;
}

int jr_api_signals(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct signals_out o = {.w = &w};
	struct jr_diag diag;
	struct jr_app app;
	char text[16];
	jr_day date = jr_http_today();
	enum jr_err err;

	int status;

	/* the role before the query is judged (the use case checks it again, for every adapter) */
	if ((status = jr_api_require(r, JR_CAP_SIGNALS)))
		return status;
	jr_http_app(r, &app, &diag);
	if (jr_http_query(r, "date", text, sizeof(text)) &&
	    jr_date_parse(text, strlen(text), &date))
		return jr_reply_error(r, 422, "invalid", "date", "verwacht een datum JJJJ-MM-DD");
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "municipality", r->who.municipality);
	jr_jw_kdate(&w, "date", date, true);
	jr_jw_key(&w, "signals");
	jr_jw_array(&w);
	if ((err = jr_app_signals(&app, date, add_signal, &o)))
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&w);
	jr_jw_kint(&w, "count", (int64_t)o.count);
	jr_jw_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}
