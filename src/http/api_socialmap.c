/* api_socialmap: GET /api/v1/socialmap[?q=&municipality=&need=&age=&no_referral=true] — the social
 * map: what the neighbourhood offers, to find the lightest help first; q= words in its name or
 * description (case and accents aside). An entry not verified
 * within the region's norm is flagged "stale", not left out. Not client data: every role that
 * works with families may search it. */
#include <stdio.h>
#include <string.h>

#include "app/socialmap.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_socialmap.h"

struct listing {
	struct jr_json_writer *w;
	size_t count;
};

static enum jr_err add_entry(void *ctx, const struct jr_social_entry *e, bool stale)
{
	struct listing *l = ctx;

	jr_view_social_entry(l->w, e, stale);
	l->count++;
	return l->w->err;
}

int jr_api_socialmap(struct jr_http_request *r)
{
	struct jr_app_social_query q = {.age = -1};
	struct jr_json_writer w;
	struct listing l = {.w = &w};
	struct jr_app app;
	struct jr_diag diag;
	char text[32];
	long long n;
	int need;
	enum jr_err err;

	if (jr_http_query(r, "municipality", text, sizeof(text))) {
		if (strlen(text) != 4)
			return jr_reply_error(r, 422, "invalid", "municipality",
					      "verwacht de CBS-code van een gemeente van de regio");
		memcpy(q.municipality, text, 5);
	} else if (r->who.municipality[0]) {
		snprintf(q.municipality, sizeof(q.municipality), "%s", r->who.municipality);
	}
	if (jr_http_query(r, "need", text, sizeof(text))) {
		if ((need = jr_need_parse(text)) < 0)
			return jr_reply_error(r, 422, "invalid", "need", "onbekend levensdomein");
		q.need_mask = 1u << need;
	}
	if (jr_http_query(r, "age", text, sizeof(text))) {
		if (jr_http_number(text, 0, 27, &n))
			return jr_reply_error(r, 422, "invalid", "age", "verwacht een leeftijd van 0 tot en met 27");
		q.age = (int)n;
	}
	if (r->argument && r->argument(r->conn, "q") &&
	    !jr_http_query(r, "q", q.q, sizeof(q.q))) /* there, but too long */
		return jr_reply_error(r, 422, "invalid", "q", "zoek met ten hoogste 100 tekens");
	q.no_referral_only = jr_http_query(r, "no_referral", text, sizeof(text)) &&
			     strcmp(text, "true") == 0;
	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "municipality", q.municipality[0] ? q.municipality : NULL);
	jr_jw_key(&w, "items");
	jr_jw_array(&w);
	if ((err = jr_app_socialmap_search(&app, &q, add_entry, &l)))
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&w);
	jr_jw_kint(&w, "count", (int64_t)l.count);
	jr_jw_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}
