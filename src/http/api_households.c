/* api_households: GET /api/v1/households — the families one coordinates (regisseur), in pages;
 * GET /api/v1/households/{id} — a family's page: the household, its members and one timeline of
 * every child's course; and GET /api/v1/persons/{id}/timeline.
 *
 * Each is one use case of app/household.c or app/person.c, which checks reach: only the
 * children the principal may see are shown, with the parents of a household in which it sees
 * at least one child; a household without such a child is answered as one that does not exist
 * (404, the same body, both audited). Rendered by src/view/. */
#include <stdio.h>

#include "app/household.h"
#include "app/person.h"
#include "http/api.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_household.h"
#include "view/view_person.h"

/* Items of a list written one by one, and how many. */
struct items {
	struct jr_json_writer w;
	int64_t count;
};

static enum jr_err write_event(void *ctx, const struct jr_timeline_event *e)
{
	struct items *it = ctx;

	jr_view_timeline_event(&it->w, e);
	it->count++;
	return it->w.err;
}

static enum jr_err write_household(void *ctx, const struct jr_household_row *h)
{
	struct items *it = ctx;

	jr_view_household_row(&it->w, h);
	it->count++;
	return it->w.err;
}

int jr_api_households_mine(struct jr_http_request *r)
{
	struct items it = {0};
	struct jr_app app;
	struct jr_diag diag;
	struct jr_page page;
	enum jr_err err;
	int status;

	if ((status = jr_page_read(r, &page)))
		return status;
	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&it.w, &r->out);
	jr_jw_object(&it.w);
	jr_jw_key(&it.w, "items");
	jr_jw_array(&it.w);
	err = jr_app_households_mine(&app, jr_page_offset(&page), page.per_page, write_household,
				     &it, &page.total);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&it.w);
	jr_jw_kint(&it.w, "count", it.count);
	jr_jw_kint(&it.w, "page", page.page);
	jr_jw_kint(&it.w, "per_page", page.per_page);
	jr_jw_kint(&it.w, "total", page.total);
	jr_jw_end(&it.w);
	if ((err = jr_jw_finish(&it.w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

int jr_api_household_get(struct jr_http_request *r)
{
	struct items timeline = {0};
	struct jr_family family;
	struct jr_json_writer w;
	struct jr_app app;
	struct jr_diag diag;
	struct jr_buf events;
	char etag[32];
	enum jr_err err;
	int status;

	/* the timeline is read after the members, but shown after them too: written aside first */
	jr_buf_init(&events, JR_HTTP_REPLY_MAX);
	jr_http_app(r, &app, &diag);
	jr_jw_init(&timeline.w, &events);
	jr_jw_array(&timeline.w);
	err = jr_app_household_family(&app, r->ids[0], &family, write_event, &timeline);
	if (err) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_jw_end(&timeline.w);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_family(&w, &family, jr_buf_str(&events));
	if ((err = jr_jw_finish(&timeline.w)) || (err = jr_jw_finish(&w)) ||
	    (err = jr_buf_putc(&r->out, '\n'))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	snprintf(etag, sizeof(etag), "\"%d\"", family.household.version);
	jr_reply_header(r, "ETag", etag);
	status = jr_reply_json(r, 200);
out:
	jr_buf_release(&events);
	return status;
}

int jr_api_person_timeline(struct jr_http_request *r)
{
	struct items timeline = {0};
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&timeline.w, &r->out);
	jr_jw_object(&timeline.w);
	jr_jw_kint(&timeline.w, "person_id", r->ids[0]);
	jr_jw_key(&timeline.w, "timeline");
	jr_jw_array(&timeline.w);
	err = jr_app_person_timeline(&app, r->ids[0], write_event, &timeline);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&timeline.w);
	jr_jw_end(&timeline.w);
	if ((err = jr_jw_finish(&timeline.w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}
