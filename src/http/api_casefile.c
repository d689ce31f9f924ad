/* api_casefile: the page of a help request and what is done from it (app/casefile.h).
 *
 *   GET  /api/v1/help-requests/{id}              the help request with its course, the child
 *                                                (BSN masked), household and coordinator, the
 *                                                latest analysis and advice, goals, evaluations
 *   POST /api/v1/help-requests/{id}/evaluations  {"kind","goals_reached","family_view",
 *                                                "next_steps"?,"held_on"?} → 201 the evaluation
 *                                                and the help request after it
 *   GET  /api/v1/households/{id}/coordinators    the consulents who may coordinate the family
 *   POST /api/v1/households/{id}/coordinator     {"user_id","version"} → the household after
 *
 * Reach as for the help request and the household: what is out of reach is 404, like what does
 * not exist; reach is asked before a body is read. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/casefile.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_casefile.h"
#include "view/view_course.h"

/* The end of an answer written in r->out: a newline, and `status`. */
static int finish(struct jr_http_request *r, struct jr_json_writer *w, int status)
{
	enum jr_err err;

	if ((err = jr_jw_finish(w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, status);
}

int jr_api_help_request_case(struct jr_http_request *r)
{
	struct jr_case_page *c = jr_calloc(1, sizeof(*c));
	struct jr_json_writer w;
	struct jr_buf advice;
	struct jr_diag diag;
	struct jr_app app;
	char etag[32];
	enum jr_err err;
	int status;

	jr_buf_init(&advice, JR_HTTP_REPLY_MAX);
	if (!c) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_help_request_case(&app, r->ids[0], c, &advice))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_case(&w, c, jr_buf_str(&advice));
	snprintf(etag, sizeof(etag), "\"%d\"", c->course.h.version);
	jr_reply_header(r, "ETag", etag);
	status = finish(r, &w, 200);
out:
	jr_buf_release(&advice);
	jr_free(c);
	return status;
}

int jr_api_help_request_evaluation_add(struct jr_http_request *r)
{
	static const char *const known[] = {"kind",       "goals_reached", "family_view",
					    "next_steps", "held_on",       NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_evaluation *e = NULL;
	struct jr_course_view *v = NULL;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_help_request_reach(&app, r->ids[0], true))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if (!(e = jr_calloc(1, sizeof(*e))) || !(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	/* nothing here has a default but the day: what the evaluation found is stated, never
	 * assumed */
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "kind", jr_evaluation_kinds, "interim of closing",
				    e->kind, sizeof(e->kind))) ||
	    (status = jr_field_word(r, body, "goals_reached", jr_goals_reached,
				    "yes, partly of no", e->goals_reached,
				    sizeof(e->goals_reached))) ||
	    (status = jr_field_text(r, body, "family_view", true, e->family_view,
				    sizeof(e->family_view))) ||
	    (status = jr_field_text(r, body, "next_steps", false, e->next_steps,
				    sizeof(e->next_steps))) ||
	    (status = jr_field_date(r, body, "held_on", false, app.today, &e->held_on)))
		goto out;
	e->help_request_id = r->ids[0];
	if ((err = jr_app_evaluation_add(&app, e, v))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_key(&w, "evaluation");
	jr_view_evaluation(&w, e);
	jr_jw_key(&w, "help_request");
	jr_view_course(&w, v);
	jr_jw_end(&w);
	status = finish(r, &w, 201);
out:
	jr_free(e);
	jr_free(v);
	json_decref(body);
	return status;
}

struct coordinators {
	struct jr_json_writer *w;
	int64_t count;
};

static enum jr_err write_coordinator(void *ctx, const struct jr_user *u)
{
	struct coordinators *c = ctx;

	jr_view_coordinator(c->w, u);
	c->count++;
	return c->w->err;
}

int jr_api_household_coordinators(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct coordinators c = {.w = &w};
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kint(&w, "household_id", r->ids[0]);
	jr_jw_key(&w, "items");
	jr_jw_array(&w);
	if ((err = jr_app_household_coordinators(&app, r->ids[0], write_coordinator, &c)))
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&w);
	jr_jw_kint(&w, "count", c.count);
	jr_jw_end(&w);
	return finish(r, &w, 200);
}

int jr_api_household_coordinator(struct jr_http_request *r)
{
	static const char *const known[] = {"user_id", "version", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_household h = {.id = r->ids[0]};
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	int64_t user, version;
	char name[33];
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	/* reach before the body is judged: a refusal says nothing of what was sent */
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_household_coordination_reach(&app, r->ids[0]))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "user_id", true, 1, INT64_MAX, 0, &user)) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	h.version = (int)version;
	if ((err = jr_app_household_assign_coordinator(&app, &h, user, name))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kint(&w, "id", h.id);
	jr_jw_kstring(&w, "municipality", h.municipality);
	jr_jw_kint(&w, "version", h.version);
	jr_jw_key(&w, "coordinator");
	jr_jw_object(&w);
	jr_jw_kint(&w, "user_id", h.coordinator_user_id);
	jr_jw_kstring(&w, "name", name);
	jr_jw_end(&w);
	jr_jw_end(&w);
	status = finish(r, &w, 200);
out:
	json_decref(body);
	return status;
}
