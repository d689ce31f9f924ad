/* api_provider_work: the provider's work list (issue 15 point 2; app/provider_work.h).
 *
 *   GET /api/v1/allocations/worklist
 *       ?group=all|new|not_started|running|ending|ended  ?form=1..10  ?page  ?per_page
 *       a page of the provider's own allocations in that group, with the counts of every group
 *       and the terms the groups were computed with (the policy's norms)
 *
 *   GET  /api/v1/allocations/{id}/claim?month=YYYY-MM
 *       the claim form of one's own allocation for a month, prefilled from the allocation: its
 *       product, the part of the month it runs, the unit and the units it allows, the tariff
 *   POST /api/v1/allocations/{id}/claims  {"month":"YYYY-MM","lines":[{"start","end","units"}]}
 *       the claim sent as a JW323 through the same checks as a JW323 file; answered with the
 *       outcome and the JW325 (as POST /api/v1/ijw/messages answers)
 *
 * Only a role that delivers care has these (403 otherwise); the list holds the allocations made
 * to the principal's own provider only, and another's allocation is 404 as one that does not
 * exist. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/care.h"
#include "app/ijw.h"
#include "app/provider_work.h"
#include "core/region.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_ijw.h"
#include "view/view_provider_work.h"

struct work_page {
	struct jr_list_writer w;
	const struct jr_policy_set *policies;
	jr_day today;
};

static enum jr_err write_row(void *ctx, const struct jr_pw_row *row)
{
	struct work_page *wp = ctx;
	const struct jr_policy *p = jr_region_find(wp->policies, row->municipality, wp->today);
	const struct jr_municipality *m = p ? jr_policy_municipality(p, row->municipality) : NULL;
	struct jr_json_writer jw;
	enum jr_err err = jr_view_item(&wp->w);

	if (err)
		return err;
	jr_jw_init(&jw, wp->w.out);
	jr_view_provider_work_row(&jw, row, m ? m->name : NULL);
	return jr_jw_finish(&jw);
}

/* ?group and ?form into *pw: 0, or the status after answering 422 naming the parameter. */
static int read_query(struct jr_http_request *r, struct jr_app_provider_work *pw)
{
	char text[24];
	long long form;

	pw->group = -1;
	if (jr_http_query(r, "group", text, sizeof(text)) && strcmp(text, "all") != 0 &&
	    (pw->group = jr_pw_group_parse(text)) < 0)
		return jr_reply_error(r, 422, "invalid", "group",
				      "kies all, new, not_started, running, ending of ended");
	if (jr_http_query(r, "form", text, sizeof(text))) {
		if (jr_http_number(text, 1, 10, &form))
			return jr_reply_error(r, 422, "invalid", "form",
					      "kies een vorm van 1 tot en met 10");
		pw->form = (int)form;
	}
	return 0;
}

int jr_api_provider_worklist(struct jr_http_request *r)
{
	struct work_page wp = {.w = {.out = &r->out}, .policies = r->policies};
	struct jr_app_provider_work pw = {0};
	struct jr_json_writer jw;
	struct jr_page page;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	jr_http_app(r, &app, &diag);
	wp.today = app.today;
	if ((err = jr_app_access_require(&app, JR_CAP_CARE_DELIVERY)))
		return jr_http_app_fail(r, err, &diag);
	if ((status = read_query(r, &pw)) || (status = jr_page_read(r, &page)))
		return status;
	pw.offset = jr_page_offset(&page);
	pw.limit = page.per_page;
	jr_list_open(&jw, &r->out);
	err = jr_app_provider_work(&app, &pw, write_row, &wp);
	if (err && err != JR_ERR_NOMEM && err != JR_ERR_STORE)
		return jr_http_app_fail(r, err, &diag);
	page.total = pw.total;
	jr_list_close_items(&jw, &wp.w);
	jr_list_page(&jw, &page);
	jr_view_provider_work_counts(&jw, &pw);
	jr_jw_end(&jw);
	if (!err)
		err = jr_jw_finish(&jw);
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

/* "YYYY-MM" into the first day of that month: true when it is one. */
static bool month_parse(const char *s, jr_day *out)
{
	char day[11];

	if (!s || strlen(s) != 7)
		return false;
	snprintf(day, sizeof(day), "%s-01", s);
	return jr_date_parse(day, 10, out) == JR_OK;
}

int jr_api_allocation_claim_form(struct jr_http_request *r)
{
	struct jr_app_claim_form f;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	char text[16];
	jr_day month;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_CARE_DELIVERY)) ||
	    (err = jr_app_allocation_reach(&app, r->ids[0], JR_ALLOCATION_CARE)))
		return jr_http_app_fail(r, err, &diag);
	if (!jr_http_query(r, "month", text, sizeof(text)) || !month_parse(text, &month))
		return jr_reply_error(r, 422, "invalid", "month",
				      "kies een maand, JJJJ-MM (bijvoorbeeld 2026-11)");
	if ((err = jr_app_claim_form(&app, r->ids[0], month, &f)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&jw, &r->out);
	jr_view_claim_form(&jw, &f);
	if ((err = jr_jw_finish(&jw)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

/* The body's lines into lines[]: 0, or the status after answering 422 naming the field. */
static int read_lines(struct jr_http_request *r, json_t *body, struct jr_app_claim_line *lines,
		      size_t *n)
{
	static const char *const known[] = {"start", "end", "units", NULL};
	json_t *list = json_object_get(body, "lines"), *item;
	size_t i;

	*n = 0;
	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > JR_APP_CLAIM_LINES_MAX)
		return jr_reply_error(r, 422, "invalid", "lines",
				      "geef 1 tot en met 5 regels, elk met start, end en units");
	json_array_foreach(list, i, item)
	{
		int64_t units;
		int status;
		if (!json_is_object(item))
			return jr_reply_error(r, 422, "invalid", "lines",
					      "elke regel is een object met start, end en units");
		if ((status = jr_field_only(r, item, known)) ||
		    (status = jr_field_date(r, item, "start", true, 0, &lines[i].begin)) ||
		    (status = jr_field_date(r, item, "end", true, 0, &lines[i].end)) ||
		    (status = jr_field_int(r, item, "units", true, 1, 99999999, 0, &units)))
			return status;
		lines[i].volume = units;
	}
	*n = json_array_size(list);
	return 0;
}

int jr_api_allocation_claim(struct jr_http_request *r)
{
	static const char *const known[] = {"month", "lines", NULL};
	struct jr_app_claim_line lines[JR_APP_CLAIM_LINES_MAX];
	json_t *body = jr_http_json_body(r);
	struct jr_ijw_outcome o;
	struct jr_diag diag;
	struct jr_app app;
	jr_day month;
	size_t n = 0;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_app_ijw_outcome_init(&o);
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_CARE_DELIVERY)) ||
	    (err = jr_app_allocation_reach(&app, r->ids[0], JR_ALLOCATION_CARE))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)))
		goto out;
	if (!month_parse(json_string_value(json_object_get(body, "month")), &month)) {
		status = jr_reply_error(r, 422, "invalid", "month",
					"kies een maand, JJJJ-MM (bijvoorbeeld 2026-11)");
		goto out;
	}
	if ((status = read_lines(r, body, lines, &n)))
		goto out;
	if ((err = jr_app_claim_submit(&app, r->ids[0], month, lines, n, &o))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if (o.not_sender) {
		status = jr_reply_error(r, 403, "forbidden", NULL, o.problem.message);
		goto out;
	}
	jr_buf_reset(&r->out);
	if ((err = jr_view_ijw_message(&r->out, &o))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	/* a rejected claim is an answer (its JW325), kept in the audit log */
	r->keep_refusal = true;
	status = jr_reply_json(r, o.problem.rule[0] ? 422 : 200);
out:
	jr_app_ijw_outcome_release(&o);
	json_decref(body);
	return status;
}
