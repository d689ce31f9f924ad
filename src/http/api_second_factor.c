/* api_second_factor: the second factor of a login (app/second_factor.h).
 *
 *   POST   /api/v1/login/second-factor       the code after the password (a pending session):
 *                                            a TOTP code or a recovery code; 401 when wrong,
 *                                            429 with Retry-After when it must wait
 *   GET    /api/v1/me/second-factor          whether the user has one, must have one, and how
 *                                            many recovery codes are left
 *   POST   /api/v1/me/second-factor          starts enrolment: the secret, shown once (text and
 *                                            otpauth:// URI)
 *   POST   /api/v1/me/second-factor/confirm  the first code; answers the ten recovery codes,
 *                                            shown once
 *   DELETE /api/v1/users/{id}/second-factor  an administrator resets a user's second factor
 *                                            (audited; its browser sessions end) */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/second_factor.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_account.h"

/* Answers `status` with what `w` wrote and a newline. */
static int reply_end(struct jr_http_request *r, int status, const struct jr_json_writer *w)
{
	enum jr_err err = jr_jw_finish(w);

	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	if (err)
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, status);
}

/* The body's "code": 1 to 31 characters. 0, or the status after answering. */
static int code_of(struct jr_http_request *r, json_t *body, char code[32])
{
	static const char *const known[] = {"code", NULL};
	int status;

	if ((status = jr_field_only(r, body, known)))
		return status;
	if ((status = jr_field_text(r, body, "code", true, code, 32)))
		return status;
	return 0;
}

int jr_api_login_second_factor(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	char code[32] = "", retry_text[16];
	int retry_after = 0, status;
	bool must_wait = false;
	enum jr_err err;

	if (!body)
		return r->status;
	if ((status = code_of(r, body, code)))
		goto out;
	jr_http_app(r, &app, &diag);
	err = jr_app_second_factor_login(&app, code, (int64_t)time(NULL), &retry_after, &must_wait);
	if (err == JR_ERR_REFUSED) {
		r->keep_refusal = true; /* the count of failures and the audit entry */
		if (retry_after > 0) {
			snprintf(retry_text, sizeof(retry_text), "%d", retry_after);
			jr_reply_header(r, "Retry-After", retry_text);
		}
		status = must_wait ? jr_reply_error(r, 429, "wait", "code",
						    "te veel verkeerde codes; wacht even en "
						    "probeer het dan opnieuw")
				   : jr_reply_error(r, 401, "bad_code", "code",
						    "deze code klopt niet; geef de code van 6 "
						    "cijfers uit de app of een herstelcode");
		goto out;
	}
	if (err) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	r->who.second_factor_pending = false;
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_principal(&w, &r->who, true);
	status = reply_end(r, 200, &w);
out:
	sodium_memzero(code, sizeof(code));
	sodium_memzero((char *)r->body, r->body_len);
	json_decref(body);
	return status;
}

int jr_api_me_second_factor(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int left = 0;

	jr_http_app(r, &app, &diag);
	if (r->who.second_factor && (err = jr_app_recovery_codes_left(&app, &left)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kbool(&w, "enrolled", r->who.second_factor);
	jr_jw_kbool(&w, "required",
		    r->second_factor_required && jr_app_second_factor_role(r->who.role));
	jr_jw_kint(&w, "recovery_codes_left", left);
	jr_jw_end(&w);
	return reply_end(r, 200, &w);
}

int jr_api_me_second_factor_begin(struct jr_http_request *r)
{
	struct jr_second_factor_enrolment e;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_second_factor_begin(&app, &e)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "secret", e.secret);
	jr_jw_kstring(&w, "uri", e.uri);
	jr_jw_kint(&w, "digits", 6);
	jr_jw_kint(&w, "period", JR_TOTP_STEP);
	jr_jw_end(&w);
	status = reply_end(r, 201, &w);
	sodium_memzero(&e, sizeof(e));
	return status;
}

int jr_api_me_second_factor_confirm(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	struct jr_recovery_codes codes;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	char code[32] = "";
	enum jr_err err;
	int status;

	memset(&codes, 0, sizeof(codes));
	if (!body)
		return r->status;
	if ((status = code_of(r, body, code)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_second_factor_confirm(&app, code, (int64_t)time(NULL), &codes))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kbool(&w, "enrolled", true);
	jr_jw_key(&w, "recovery_codes");
	jr_jw_array(&w);
	for (int i = 0; i < JR_RECOVERY_CODES; i++)
		jr_jw_string(&w, codes.code[i]);
	jr_jw_end(&w);
	jr_jw_end(&w);
	status = reply_end(r, 200, &w);
out:
	sodium_memzero(&codes, sizeof(codes));
	sodium_memzero(code, sizeof(code));
	json_decref(body);
	return status;
}

int jr_api_user_second_factor_reset(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	int64_t ended = 0;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_second_factor_reset(&app, r->ids[0], &ended)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kint(&w, "id", r->ids[0]);
	jr_jw_kbool(&w, "second_factor", false);
	jr_jw_kint(&w, "sessions_ended", ended);
	jr_jw_end(&w);
	return reply_end(r, 200, &w);
}
