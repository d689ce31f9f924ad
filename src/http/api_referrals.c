/* api_referrals: the local team's side of a referral (issue 15 point 1; app/referral.h).
 *
 *   GET  /api/v1/help-requests/{id}/referrals   {"help_request_id","items":[…]}: the referrals
 *                                               that led to the help request, each with its
 *                                               letter (urgency, what was tried, consent), its
 *                                               progress and the answer to the referrer
 *   POST /api/v1/referrals/{id}/answer          {"message"} → 200 the referral with its answer
 *
 * Only a consulent of the help request's municipality (and, to read, whoever may read the help
 * request); any other principal, and a help request or referral that does not exist, get the
 * same answer. Reach is asked before the body is read. The referrer sees the answer in its own
 * list (GET /api/v1/referrals) without opening the child's file. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/referral.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_care.h"
#include "json/json_writer.h"

static enum jr_err write_row(void *ctx, const struct jr_referral_row *row)
{
	jr_view_referral_row(ctx, row);
	return JR_OK;
}

int jr_api_help_request_referrals(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kint(&w, "help_request_id", r->ids[0]);
	jr_jw_key(&w, "items");
	jr_jw_array(&w);
	if ((err = jr_app_referrals_of_help_request(&app, r->ids[0], write_row, &w)))
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&w);
	jr_jw_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

int jr_api_referral_answer(struct jr_http_request *r)
{
	static const char *const known[] = {"message", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_referral_row *row = NULL;
	char *message = NULL;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	int64_t help_request;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_referral_answer_reach(&app, r->ids[0], &help_request))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if (!(row = jr_calloc(1, sizeof(*row))) ||
	    !(message = jr_calloc(1, JR_REFERRAL_ANSWER_MAX + 1))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "message", true, message, JR_REFERRAL_ANSWER_MAX + 1)))
		goto out;
	if ((err = jr_app_referral_answer(&app, r->ids[0], message, row))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_referral_row(&w, row);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		status = jr_reply_err(r, err, NULL);
	else
		status = jr_reply_json(r, 200);
out:
	jr_free(row);
	jr_free(message);
	json_decref(body);
	return status;
}
