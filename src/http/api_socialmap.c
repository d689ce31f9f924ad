/* api_socialmap: GET /api/v1/socialmap[?municipality=&need=&age=&no_referral=true] — the social
 * map: what the neighbourhood offers, to find the lightest help first. An entry not verified
 * within the region's norm is flagged "stale", not left out. Not client data: every role that
 * works with families may search it. */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "http/api.h"
#include "http/fields.h"
#include "json/policy_set.h"

struct search {
	struct jr_buf *out;
	const struct jr_policy_set *set;
	jr_day today;
	int need; /* -1 = any */
	int age;  /* -1 = any */
	bool no_referral_only;
	size_t count;
	enum jr_err err;
};

static enum jr_err add_entry(void *ctx, const struct jr_social_entry *e)
{
	struct search *q = ctx;
	const struct jr_policy *p = jr_policy_set_find(q->set, e->municipality);
	char verified[JR_DATE_STRLEN];
	bool stale = p && q->today - e->verified_on > p->norms.social_map_stale_days;
	struct jr_buf *b = q->out;
	enum jr_err err;

	if ((q->need >= 0 && !(e->needs & 1u << q->need)) ||
	    (q->age >= 0 && ((e->age_min >= 0 && q->age < e->age_min) ||
			     (e->age_max >= 0 && q->age > e->age_max))) ||
	    (q->no_referral_only && !e->no_referral))
		return JR_OK;
	jr_date_format(e->verified_on, verified);
	err = jr_buf_printf(b, "%s{\"id\":%lld,\"organisation\":", q->count++ ? "," : "",
			    (long long)e->id);
	if (!err)
		err = jr_buf_json_string(b, e->organisation);
	if (!err)
		err = jr_buf_puts(b, ",\"service\":");
	if (!err)
		err = jr_buf_json_string(b, e->service);
	if (!err)
		err = jr_buf_puts(b, ",\"location\":");
	if (!err)
		err = jr_buf_json_string(b, e->location);
	if (!err)
		err = jr_buf_printf(b, ",\"municipality\":\"%s\",\"categories\":", e->municipality);
	if (!err)
		err = jr_buf_json_string(b, e->categories);
	if (!err)
		err = jr_buf_puts(b, ",\"cost\":");
	if (!err)
		err = jr_buf_json_string(b, e->cost);
	if (!err)
		err = jr_buf_puts(b, ",\"contact\":");
	if (!err)
		err = jr_buf_json_string(b, e->contact);
	if (!err)
		err = jr_buf_printf(b, ",\"age_min\":%d,\"age_max\":%d,\"no_referral\":%s,"
				       "\"verified_on\":\"%s\",\"stale\":%s}",
				    e->age_min, e->age_max, e->no_referral ? "true" : "false", verified,
				    stale ? "true" : "false");
	return err;
}

int jr_api_socialmap(struct jr_http_request *r)
{
	struct search q = {.out = &r->out, .set = r->policies, .today = jr_http_today(), .need = -1,
			   .age = -1};
	char municipality[8] = "", text[32];
	long long n;
	enum jr_err err;

	int status = jr_api_require(r, JR_CAP_SOCIAL_MAP);

	if (status)
		return status;
	jr_buf_reset(&r->out);
	if (jr_http_query(r, "municipality", text, sizeof(text))) {
		if (strlen(text) != 4 || !jr_policy_set_find(r->policies, text))
			return jr_reply_error(r, 422, "invalid", "municipality",
					      "verwacht de CBS-code van een gemeente van de regio");
		memcpy(municipality, text, 5);
	} else if (r->who.municipality[0]) {
		snprintf(municipality, sizeof(municipality), "%s", r->who.municipality);
	}
	if (jr_http_query(r, "need", text, sizeof(text)) && (q.need = jr_need_parse(text)) < 0)
		return jr_reply_error(r, 422, "invalid", "need", "onbekend levensdomein");
	if (jr_http_query(r, "age", text, sizeof(text))) {
		if (jr_http_number(text, 0, 27, &n))
			return jr_reply_error(r, 422, "invalid", "age", "verwacht een leeftijd van 0 tot en met 27");
		q.age = (int)n;
	}
	q.no_referral_only = jr_http_query(r, "no_referral", text, sizeof(text)) &&
			     strcmp(text, "true") == 0;
	err = jr_buf_printf(&r->out, "{\"municipality\":%s%s%s,\"items\":[",
			    municipality[0] ? "\"" : "", municipality[0] ? municipality : "null",
			    municipality[0] ? "\"" : "");
	if (!err)
		err = jr_store_social_each(r->store, municipality, add_entry, &q);
	if (!err)
		err = jr_buf_printf(&r->out, "],\"count\":%zu}\n", q.count);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}
