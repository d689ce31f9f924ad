/* api_worklist: the consulent's work list and the assignment of help requests (issue 14
 * point 2; app/worklist.h, docs/worklist.md).
 *
 *   GET  /api/v1/help-requests                the work list of the consulent's municipality:
 *        ?assignee=me|none|any|ID  ?state=open|all|review_due|registered|…|withdrawn
 *        ?deadline=any|overdue|soon  ?sort=raised|deadline  ?page  ?per_page
 *        with the counts per step for the same filters but the step
 *   GET  /api/v1/help-requests/assignees      the consulents one may assign to
 *   POST /api/v1/help-requests/{id}/assignee  {"user_id": N|null, "version": V}
 *
 * Only a consulent has a work list and assigns (403 for every other role); a help request out of
 * reach is 404 as everywhere, a stale version 409, an assignee who is not an active consulent of
 * the help request's municipality 422 on user_id. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/worklist.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_course.h"
#include "view/view_worklist.h"

static enum jr_err write_item(void *ctx, const struct jr_work_item *it)
{
	struct jr_list_writer *w = ctx;
	struct jr_json_writer jw;
	enum jr_err err = jr_view_item(w);

	if (err)
		return err;
	jr_jw_init(&jw, w->out);
	jr_view_work_item(&jw, it);
	return jr_jw_finish(&jw);
}

/* A user's number written as 1 to 18 digits (no sign): true with *out. */
static bool user_number(const char *text, long long *out)
{
	size_t n = strlen(text);
	long long v = 0;

	if (n == 0 || n > 18)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		v = v * 10 + (text[i] - '0');
	}
	*out = v;
	return v > 0;
}

/* The query's filters into *q: 0, or the status after answering 422 naming the parameter. */
static int read_query(struct jr_http_request *r, struct jr_work_query *q)
{
	char text[24];
	long long id;
	int state;

	if (jr_http_query(r, "assignee", text, sizeof(text))) {
		if (strcmp(text, "me") == 0) {
			q->assignee = JR_ASSIGNEE_USER;
			q->user_id = r->who.user_id;
		} else if (strcmp(text, "none") == 0) {
			q->assignee = JR_ASSIGNEE_NOBODY;
		} else if (strcmp(text, "any") == 0) {
			q->assignee = JR_ASSIGNEE_ANY;
		} else if (user_number(text, &id)) {
			q->assignee = JR_ASSIGNEE_USER;
			q->user_id = id;
		} else {
			return jr_reply_error(r, 422, "invalid", "assignee",
					      "kies me, none, any of het nummer van een consulent");
		}
	}
	if (jr_http_query(r, "state", text, sizeof(text))) {
		if (strcmp(text, "open") == 0)
			q->steps = JR_WORK_OPEN;
		else if (strcmp(text, "all") == 0)
			q->steps = JR_WORK_ALL;
		else if (strcmp(text, "review_due") == 0)
			q->steps = JR_WORK_REVIEW_DUE;
		else if ((state = jr_hr_state_parse(text)) >= 0) {
			q->steps = JR_WORK_STEP;
			q->step = (enum jr_hr_state)state;
		} else
			return jr_reply_error(r, 422, "invalid", "state",
					      "kies open, all, review_due of een stap: registered, "
					      "analysed, planned, in_care, evaluated, closed, "
					      "withdrawn");
	}
	if (jr_http_query(r, "deadline", text, sizeof(text))) {
		if (strcmp(text, "any") == 0)
			q->deadline = JR_WORK_DEADLINE_ANY;
		else if (strcmp(text, "overdue") == 0)
			q->deadline = JR_WORK_DEADLINE_OVERDUE;
		else if (strcmp(text, "soon") == 0)
			q->deadline = JR_WORK_DEADLINE_SOON;
		else
			return jr_reply_error(r, 422, "invalid", "deadline",
					      "kies any, overdue of soon");
	}
	if (jr_http_query(r, "sort", text, sizeof(text))) {
		if (strcmp(text, "deadline") == 0)
			q->sort = JR_WORK_SORT_DEADLINE;
		else if (strcmp(text, "raised") == 0)
			q->sort = JR_WORK_SORT_RAISED;
		else
			return jr_reply_error(r, 422, "invalid", "sort", "kies raised of deadline");
	}
	return 0;
}

int jr_api_help_requests_list(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	struct jr_work_query q = {0};
	struct jr_work_counts counts;
	struct jr_json_writer jw;
	struct jr_page page;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_WORK_LIST)))
		return jr_http_app_fail(r, err, &diag);
	if ((status = read_query(r, &q)) || (status = jr_page_read(r, &page)))
		return status;
	q.offset = jr_page_offset(&page);
	q.limit = page.per_page;
	jr_list_open(&jw, &r->out);
	err = jr_app_work_list(&app, &q, write_item, &w, &counts);
	if (err && err != JR_ERR_NOMEM && err != JR_ERR_STORE)
		return jr_http_app_fail(r, err, &diag);
	page.total = counts.total;
	jr_list_close_items(&jw, &w);
	jr_list_page(&jw, &page);
	jr_jw_kstring(&jw, "municipality", r->who.municipality);
	jr_view_work_counts(&jw, &counts);
	jr_jw_end(&jw);
	if (!err)
		err = jr_jw_finish(&jw);
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

static enum jr_err write_assignee(void *ctx, const struct jr_assignee *u)
{
	struct jr_list_writer *w = ctx;
	struct jr_json_writer jw;
	enum jr_err err = jr_view_item(w);

	if (err)
		return err;
	jr_jw_init(&jw, w->out);
	jr_view_assignee(&jw, u);
	return jr_jw_finish(&jw);
}

int jr_api_help_request_assignees(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_WORK_LIST)))
		return jr_http_app_fail(r, err, &diag);
	jr_list_open(&jw, &r->out);
	err = jr_app_assignees(&app, NULL, write_assignee, &w);
	if (err && err != JR_ERR_NOMEM && err != JR_ERR_STORE)
		return jr_http_app_fail(r, err, &diag);
	jr_list_close_items(&jw, &w);
	jr_jw_kstring(&jw, "municipality", r->who.municipality);
	jr_jw_end(&jw);
	if (!err)
		err = jr_jw_finish(&jw);
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

int jr_api_help_request_assign(struct jr_http_request *r)
{
	static const char *const known[] = {"user_id", "version", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_course_view *v = NULL;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	int64_t user, version;
	char etag[32];
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	/* reach first (404 alike for absent and out of reach), then the role */
	if ((err = jr_app_help_request_reach(&app, r->ids[0], true)) ||
	    (err = jr_app_access_require(&app, JR_CAP_WORK_LIST))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)))
		goto out;
	if (!json_object_get(body, "user_id")) {
		status = jr_reply_error(r, 422, "invalid", "user_id",
					"ontbreekt; geef het nummer van een consulent, of null om de "
					"hulpvraag terug te zetten in de wachtrij van het team");
		goto out;
	}
	if ((status = jr_field_int(r, body, "user_id", false, 1, INT64_MAX, 0, &user)) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	if (!(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	if ((err = jr_app_help_request_assign(&app, r->ids[0], user, (int)version, v))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&jw, &r->out);
	jr_view_course(&jw, v);
	if ((err = jr_jw_finish(&jw)) || (err = jr_buf_putc(&r->out, '\n'))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	snprintf(etag, sizeof(etag), "\"%d\"", v->h.version);
	jr_reply_header(r, "ETag", etag);
	status = jr_reply_json(r, 200);
out:
	jr_free(v);
	json_decref(body);
	return status;
}
