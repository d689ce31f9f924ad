/* api_figures: GET /api/v1/figures[?from=…&to=…&format=csv] — the regional figures per
 * municipality and for the region (report/figures.c), small cells suppressed together with the
 * figures they could be recomputed from; the JSON and the CSV hide the same ones. For policy
 * makers and contract managers. One region: `region`, or the user's own; another is 403. One
 * month, quarter or calendar year (default: the calendar year of `to`, of today); with `grain`
 * (maand, kwartaal, jaar) a series of whole periods (docs/figures.md). */
#include <string.h>

#include "app/figures.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"

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
	char format[8] = "json", grain[16] = "";
	struct jr_app_figures_query q = {.grain = JR_APP_FIGURES_YEAR};
	bool series = false;
	jr_day today = jr_http_today(), from, to;
	int y, m, d;
	struct jr_app app;
	struct jr_diag diag;
	bool csv;
	enum jr_err err;
	int status;

	jr_date_to_ymd(today, &y, &m, &d);
	if ((status = date_param(r, "to", jr_date_from_ymd(y, 12, 31), &to)))
		return status;
	jr_date_to_ymd(to, &y, &m, &d);
	if ((status = date_param(r, "from", jr_date_from_ymd(y, 1, 1), &from)))
		return status;
	if (jr_http_query(r, "format", format, sizeof(format)) && strcmp(format, "csv") &&
	    strcmp(format, "json"))
		return jr_reply_error(r, 422, "invalid", "format", "kies json of csv");
	if (jr_http_query(r, "grain", grain, sizeof(grain))) {
		series = true;
		if (jr_app_figures_grain_parse(grain, &q.grain))
			return jr_reply_error(r, 422, "invalid", "grain", "kies maand, kwartaal of jaar");
	}
	if (jr_http_query(r, "region", q.region, sizeof(q.region))) {
		if (!q.region[0])
			return jr_reply_error(r, 422, "invalid", "region", "onbekende regio");
	}
	if (from > to)
		return jr_reply_error(r, 422, "invalid", "from", "het begin ligt na het einde");
	q.from = from;
	q.to = to;
	csv = strcmp(format, "csv") == 0;
	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	err = series ? jr_app_figures_series(&app, &q, csv ? JR_APP_FIGURES_CSV : JR_APP_FIGURES_JSON,
					     &r->out)
		     : jr_app_figures(&app, &q, csv ? JR_APP_FIGURES_CSV : JR_APP_FIGURES_JSON,
				      &r->out);
	if (err == JR_ERR_TOO_BIG)
		return jr_reply_error(r, 422, "too_many_municipalities", NULL, diag.message);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	if (!csv)
		return jr_reply_json(r, 200);
	return jr_reply_csv(r, "jeugdroute-cijfers.csv");
}
