/* api_course: the help requests of the records and their course.
 *
 *   POST /api/v1/help-requests              a new help request for a child
 *   GET  /api/v1/help-requests/{id}         one, with what its course holds: api_casefile.c
 *   POST /api/v1/help-requests/{id}/analysis | goals | light-options | advice | move
 *
 * Reading needs the child within the principal's reach, changing a help request that it is the
 * principal's to change, opening one that the child lives in the principal's municipality
 * (app/access.c): a help request that does not exist and one out of reach are answered alike
 * (404), one seen but not the principal's to change is 403 with why. A step the course forbids is
 * 422 with the rule's explanation; a stale version is 409. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/advice.h"
#include "app/course.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_course.h"

/* jr_raisers (core/course.h), for the message of a refusal */
static const char raisers_text[] =
	"family, child, school, childcare, gp, youth_health, police, veilig_thuis, local_team, gi "
	"of other";

/* Answers `status` with the help request and its course (ETag: its version). */
static int answer_course(struct jr_http_request *r, const struct jr_course_view *v, int status)
{
	struct jr_json_writer w;
	char etag[32];
	enum jr_err err;

	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_course(&w, v);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	snprintf(etag, sizeof(etag), "\"%d\"", v->h.version);
	jr_reply_header(r, "ETag", etag);
	return jr_reply_json(r, status);
}

/* The answer of a use case that returns the help request: `ok` with it, or its refusal. */
static int answer(struct jr_http_request *r, enum jr_err err, const struct jr_diag *diag,
		  const struct jr_course_view *v, int ok)
{
	return err ? jr_http_app_fail(r, err, diag) : answer_course(r, v, ok);
}

/* 0 when the principal may read (with `write`, change) help request r->ids[0]; otherwise the
 * status after answering (app/course.c: 403 for the role, or for one it sees but may not change;
 * 404 alike for one that does not exist or lies out of reach). Asked before the body is read, so
 * that a body tells nothing about a help request out of reach. */
static int scope(struct jr_http_request *r, struct jr_app *app, struct jr_diag *diag, bool write)
{
	enum jr_err err;

	jr_http_app(r, app, diag);
	err = jr_app_help_request_reach(app, r->ids[0], write);
	return err ? jr_http_app_fail(r, err, diag) : 0;
}

int jr_api_help_request_add(struct jr_http_request *r)
{
	static const char *const known[] = {"child_id", "raised_by", "question", "raised_on",
					    "household_id", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_help_request h = {0};
	struct jr_course_view *v = NULL;
	struct jr_diag diag;
	struct jr_app app;
	int64_t child_id, household;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_PERSON_WRITE))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "child_id", true, 1, INT64_MAX, 0, &child_id)) ||
	    (status = jr_field_int(r, body, "household_id", false, 1, INT64_MAX, 0, &household)) ||
	    (status = jr_field_word(r, body, "raised_by", jr_raisers, raisers_text, h.raised_by,
				    sizeof(h.raised_by))) ||
	    (status = jr_field_text(r, body, "question", true, h.question, sizeof(h.question))) ||
	    (status = jr_field_date(r, body, "raised_on", false, app.today, &h.raised_on)))
		goto out;
	h.child_id = child_id;
	h.household_id = household;
	if (!(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	err = jr_app_help_request_add(&app, &h, v);
	status = answer(r, err, &diag, v, 201);
out:
	jr_free(v);
	json_decref(body);
	return status;
}

int jr_api_help_request_analysis(struct jr_http_request *r)
{
	static const char *const known[] = {"needs", "explanation", "participants", "hypotheses",
					    "made_on", NULL};
	json_t *body = jr_http_json_body(r), *needs, *v;
	struct jr_broad_analysis *b = NULL;
	struct jr_course_view *cv = NULL;
	struct jr_diag diag;
	struct jr_app app;
	const char *key;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, &app, &diag, true)) || (status = jr_field_only(r, body, known)))
		goto out;
	b = jr_calloc(1, sizeof(*b));
	cv = jr_calloc(1, sizeof(*cv));
	if (!b || !cv) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	b->help_request_id = r->ids[0];
	needs = json_object_get(body, "needs");
	if (!json_is_object(needs) || !json_object_size(needs)) {
		status = jr_reply_error(r, 422, "invalid", "needs",
					"verwacht per levensdomein de ernst 0 tot en met 4, "
					"bijv. {\"behaviour\": 3}");
		goto out;
	}
	json_object_foreach(needs, key, v)
	{
		int d = jr_need_parse(key);
		char field[64];
		snprintf(field, sizeof(field), "needs.%.40s", key);
		if (d < 0) {
			status = jr_reply_error(r, 422, "invalid", field, "onbekend levensdomein");
			goto out;
		}
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 4) {
			status = jr_reply_error(r, 422, "invalid", field,
						"verwacht de ernst 0 tot en met 4");
			goto out;
		}
		b->needs[d] = (unsigned char)json_integer_value(v);
	}
	if ((status = jr_field_text(r, body, "explanation", true, b->explanation,
				    sizeof(b->explanation))) ||
	    (status = jr_field_text(r, body, "participants", true, b->participants,
				    sizeof(b->participants))) ||
	    (status = jr_field_text(r, body, "hypotheses", false, b->hypotheses,
				    sizeof(b->hypotheses))) ||
	    (status = jr_field_date(r, body, "made_on", false, app.today, &b->made_on)))
		goto out;
	status = answer(r, jr_app_analysis_add(&app, b, cv), &diag, cv, 201);
out:
	jr_free(b);
	jr_free(cv);
	json_decref(body);
	return status;
}

int jr_api_help_request_goal(struct jr_http_request *r)
{
	static const char *const known[] = {"text", "review_on", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_course_view *v = NULL;
	char text[JR_TEXT_FIELD_MAX];
	struct jr_diag diag;
	struct jr_app app;
	jr_day review = 0;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, &app, &diag, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "text", true, text, sizeof(text))) ||
	    (status = jr_field_date(r, body, "review_on", false, 0, &review)))
		goto out;
	if (!(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	status = answer(r, jr_app_goal_add(&app, r->ids[0], text, review, v), &diag, v, 201);
out:
	jr_free(v);
	json_decref(body);
	return status;
}

int jr_api_help_request_light_option(struct jr_http_request *r)
{
	static const char *const known[] = {"option_id", "tried", "why_not_enough", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_course_view *v = NULL;
	char option[64], why[JR_TEXT_FIELD_MAX];
	struct jr_diag diag;
	struct jr_app app;
	bool tried;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, &app, &diag, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "option_id", true, option, sizeof(option))) ||
	    (status = jr_field_bool(r, body, "tried", true, false, &tried)) ||
	    (status = jr_field_text(r, body, "why_not_enough", true, why, sizeof(why))))
		goto out;
	if (!(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	status = answer(r, jr_app_light_option_add(&app, r->ids[0], option, tried, why, v), &diag,
			v, 201);
out:
	jr_free(v);
	json_decref(body);
	return status;
}

int jr_api_help_request_advice(struct jr_http_request *r)
{
	static const char *const known[] = {"flags", "court_measure", "date", "family_context",
					    NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_advice_input in = {0};
	const char *measure;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	/* reach before the body is judged: a refusal says nothing of what was sent */
	if ((status = scope(r, &app, &diag, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "date", false, app.today, &in.date)))
		goto out;
	/* the signals seen, and the parents' own problems (issue 13, principle 6), as in a routing
	 * request */
	if ((status = jr_field_names(r, body, "flags", jr_flag_parse,
				     "verwacht een lijst van signalen",
				     "onbekend signaal; kies uit acute_crisis, psychiatric_disorder, "
				     "long_lasting, disability, unsafe, not_participating, offence",
				     &in.flags)) ||
	    (status = jr_field_names(r, body, "family_context", jr_family_context_parse,
				     "verwacht een lijst zoals [\"debts\"]",
				     "onbekende gezinsomstandigheid; kies uit debts, housing, "
				     "parent_mental_health, parent_addiction, fighting_divorce",
				     &in.family_context)))
		goto out;
	measure = json_string_value(json_object_get(body, "court_measure"));
	if (json_object_get(body, "court_measure") && (!measure || jr_measure_parse(measure) < 0)) {
		status = jr_reply_error(r, 422, "invalid", "court_measure",
					"kies ots, voogdij, jeugdreclassering of machtiging_gesloten");
		goto out;
	}
	in.measure_given = measure != NULL;
	in.measure = measure ? (enum jr_measure)jr_measure_parse(measure) : JR_MEASURE_NONE;
	if ((err = jr_app_advise(&app, r->ids[0], &in, &r->out))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	status = jr_reply_json(r, 201);
out:
	json_decref(body);
	return status;
}

int jr_api_help_request_move(struct jr_http_request *r)
{
	static const char *const known[] = {"to", "version", NULL};
	static const char *const states[] = {"analysed", "planned", "in_care", "evaluated",
					     "closed",   "withdrawn", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_course_view *v = NULL;
	struct jr_diag diag;
	struct jr_app app;
	char to[16];
	int64_t version;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, &app, &diag, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "to", states,
				    "analysed, planned, in_care, evaluated, closed of withdrawn", to,
				    sizeof(to))) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	if (!(v = jr_calloc(1, sizeof(*v)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	status = answer(r,
			jr_app_help_request_move(&app, r->ids[0],
						 (enum jr_hr_state)jr_hr_state_parse(to),
						 (int)version, v),
			&diag, v, 200);
out:
	jr_free(v);
	json_decref(body);
	return status;
}
