/* api_figures: GET /api/v1/figures[?from=…&to=…&format=csv] — the regional figures per
 * municipality and for the region (report/figures.c), small cells suppressed together with the
 * figures they could be recomputed from; the JSON and the CSV hide the same ones. For policy
 * makers and contract managers. Default period: the twelve months up to today. */
#include <string.h>

#include "app/access.h"
#include "http/api.h"
#include "http/fields.h"
#include "json/policy_set.h"
#include "report/figures.h"

static const char *municipality_name(void *ctx, const char *code)
{
	const struct jr_policy_set *set = ctx;
	const struct jr_policy *p = jr_policy_set_find(set, code);
	const struct jr_municipality *m = p ? jr_policy_municipality(p, code) : NULL;
	return m ? m->name : NULL;
}

static int date_param(struct jr_http_request *r, const char *name, jr_day dflt, jr_day *out)
{
	char text[16];

	*out = dflt;
	if (jr_http_query(r, name, text, sizeof(text)) && jr_date_parse(text, strlen(text), out))
		return jr_reply_error(r, 422, "invalid", name, "verwacht een datum JJJJ-MM-DD");
	return 0;
}

int jr_api_figures(struct jr_http_request *r)
{
	struct jr_figures_raw rows[JR_MUNICIPALITY_MAX * 4];
	char format[8] = "json";
	size_t count = 0;
	jr_day today = jr_http_today(), from, to;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_FIGURES)) ||
	    (status = date_param(r, "to", today, &to)) ||
	    (status = date_param(r, "from", jr_date_add_years(to, -1) + 1, &from)))
		return status;
	if (from > to)
		return jr_reply_error(r, 422, "invalid", "from", "het begin ligt na het einde");
	if (jr_http_query(r, "format", format, sizeof(format)) && strcmp(format, "csv") &&
	    strcmp(format, "json"))
		return jr_reply_error(r, 422, "invalid", "format", "kies json of csv");
	if ((err = jr_store_figures(r->store, &r->actor, from, to, rows,
				    sizeof(rows) / sizeof(rows[0]), &count)))
		return jr_reply_err(r, err, NULL);
	jr_buf_reset(&r->out);
	if (strcmp(format, "csv") == 0) {
		err = jr_figures_csv(&r->out, rows, count, municipality_name, (void *)r->policies);
		if (!err) {
			r->content_type = "text/csv; charset=utf-8";
			r->status = 200;
			jr_reply_header(r, "Content-Disposition",
					"attachment; filename=\"jeugdroute-cijfers.csv\"");
		}
	} else {
		err = jr_figures_json(&r->out, rows, count, from, to, municipality_name,
				      (void *)r->policies);
		if (!err)
			jr_reply_json(r, 200);
	}
	jr_store_figures_release(rows, count);
	if (err == JR_ERR_TOO_BIG)
		return jr_reply_error(r, 422, "too_many_municipalities", NULL,
				      "de cijfers zijn per regio: de gegevens gaan over meer gemeenten "
				      "dan één regio heeft");
	return err ? jr_reply_err(r, err, NULL) : r->status;
}
