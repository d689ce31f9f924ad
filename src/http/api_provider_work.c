/* api_provider_work: the provider's work list (issue 15 point 2; app/provider_work.h).
 *
 *   GET /api/v1/allocations/worklist
 *       ?group=all|new|not_started|running|ending|ended  ?form=1..10  ?page  ?per_page
 *       a page of the provider's own allocations in that group, with the counts of every group
 *       and the terms the groups were computed with (the policy's norms)
 *
 * Only a role that delivers care has one (403 otherwise); the list holds the allocations made
 * to the principal's own provider only. */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/provider_work.h"
#include "core/region.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
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
