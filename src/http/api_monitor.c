/* api_monitor: GET /api/v1/monitor/{targets,costs,waiting,capacity}?region=&year=&date=&format=
 * — the Regiovisie monitor of one region (app/monitor.c, docs/monitor.md): targets with their
 * state, costs against budgets, the waiting list and waits, contracted places against
 * occupancy. For policy makers and contract managers, of their own region only (default: it);
 * the store audits the read. JSON, or CSV with format=csv. */
#include <stdlib.h>
#include <string.h>

#include "app/monitor.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"

static int monitor(struct jr_http_request *r, enum jr_app_monitor_kind kind)
{
	char region[48] = "", year_s[8] = "", date_s[16] = "", format[8] = "json";
	bool by_year = kind == JR_APP_MONITOR_TARGETS || kind == JR_APP_MONITOR_COSTS;
	jr_day day = jr_http_today();
	int year, m, d;
	struct jr_app app;
	struct jr_diag diag;
	bool csv;
	enum jr_err err;

	jr_date_to_ymd(day, &year, &m, &d);
	jr_http_query(r, "region", region, sizeof(region));
	if (jr_http_query(r, "date", date_s, sizeof(date_s))) {
		if (jr_date_parse(date_s, strlen(date_s), &day))
			return jr_reply_error(r, 422, "invalid", "date", "verwacht een datum JJJJ-MM-DD");
		jr_date_to_ymd(day, &year, &m, &d);
	}
	if (jr_http_query(r, "year", year_s, sizeof(year_s))) {
		char *end = NULL;
		long y = strtol(year_s, &end, 10);
		if (!by_year)
			return jr_reply_error(r, 422, "invalid", "year",
					      "hoort niet bij deze tabel; geef date");
		if (!year_s[0] || *end || y < JR_MON_YEAR_MIN || y > JR_MON_YEAR_MAX)
			return jr_reply_error(r, 422, "invalid", "year",
					      "verwacht een jaar van 2015 tot en met 2100");
		year = (int)y;
	}
	if (jr_http_query(r, "format", format, sizeof(format)) && strcmp(format, "csv") &&
	    strcmp(format, "json"))
		return jr_reply_error(r, 422, "invalid", "format", "kies json of csv");
	csv = strcmp(format, "csv") == 0;
	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	err = jr_app_monitor(&app, kind, region, year, day, csv ? JR_MON_CSV : JR_MON_JSON,
			     &r->out);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	if (!csv)
		return jr_reply_json(r, 200);
	return jr_reply_csv(r, "jeugdroute-monitor.csv");
}

int jr_api_monitor_targets(struct jr_http_request *r)
{
	return monitor(r, JR_APP_MONITOR_TARGETS);
}

int jr_api_monitor_costs(struct jr_http_request *r)
{
	return monitor(r, JR_APP_MONITOR_COSTS);
}

int jr_api_monitor_waiting(struct jr_http_request *r)
{
	return monitor(r, JR_APP_MONITOR_WAITING);
}

int jr_api_monitor_capacity(struct jr_http_request *r)
{
	return monitor(r, JR_APP_MONITOR_CAPACITY);
}
