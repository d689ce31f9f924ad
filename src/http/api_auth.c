/* api_auth: POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me.
 *
 * Login answers with the session in an HttpOnly, SameSite=Strict cookie (never readable by
 * scripts, never sent by another site) and the CSRF token in the body, which the browser UI
 * sends back as X-CSRF-Token on every write. A wrong name or password gets one answer, whatever
 * was wrong; an attempt that must wait gets 429 with Retry-After (app/login.c throttles). The
 * login is three steps: the account read, the password checked off the worker and outside the
 * database lock, the outcome written. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/login.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/use_case.h"
#include "view/view_account.h"

static int principal_json(struct jr_http_request *r, const struct jr_principal *p, bool csrf)
{
	struct jr_json_writer w;
	enum jr_err err;

	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_principal(&w, p, csrf);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

/* A login between its steps (app/login.h): the attempt, and the password until it is checked. */
struct login_state {
	struct jr_login l;
	char password[JR_LOGIN_PASSWORD_MAX + 1];
	size_t password_len;
};

static void login_state_free(void *state)
{
	sodium_memzero(state, sizeof(struct login_state));
	jr_free(state);
}

/* Outside every lock, on a thread of its own: the slow part. */
static void login_check(struct jr_http_request *r)
{
	struct login_state *st = r->state;

	jr_app_login_check(&st->l, st->password, st->password_len);
	sodium_memzero(st->password, sizeof(st->password));
}

static int login_finish(struct jr_http_request *r)
{
	struct login_state *st = r->state;
	char token[JR_TOKEN_LEN + 1], cookie[200];
	struct jr_principal p;
	enum jr_err err;
	int status;

	err = jr_app_login_finish(r->store, &r->actor, r->login_guard, &st->l, (int64_t)time(NULL),
				  token, &p);
	if (err == JR_ERR_REFUSED) {
		r->keep_refusal = true; /* the count of failures and the audit entry */
		return jr_reply_error(r, 401, "bad_credentials", NULL,
				      "gebruikersnaam of wachtwoord klopt niet");
	}
	if (err)
		return jr_reply_err(r, err, NULL);
	jr_http_session_cookie(r, token, cookie, sizeof(cookie));
	sodium_memzero(token, sizeof(token));
	jr_reply_header(r, "Set-Cookie", cookie);
	sodium_memzero(cookie, sizeof(cookie));
	status = principal_json(r, &p, true);
	sodium_memzero(&p, sizeof(p));
	return status;
}

int jr_api_login(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	const char *username, *password;
	struct login_state *st = NULL;
	char retry_text[16];
	enum jr_err err;
	int status = 0;

	if (!body)
		return r->status;
	username = json_string_value(json_object_get(body, "username"));
	password = json_string_value(json_object_get(body, "password"));
	if (!username || !username[0] || strlen(username) > JR_LOGIN_NAME_MAX) {
		status = jr_reply_error(r, 422, "invalid", "username", "geef uw gebruikersnaam");
		goto out;
	}
	if (!password || !password[0] || strlen(password) > JR_LOGIN_PASSWORD_MAX) {
		status = jr_reply_error(r, 422, "invalid", "password", "geef uw wachtwoord");
		goto out;
	}
	if (!(st = jr_calloc(1, sizeof(*st)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	st->password_len = strlen(password);
	memcpy(st->password, password, st->password_len + 1);
	r->state = st;
	r->state_free = login_state_free;
	r->actor.who = "anonymous";
	err = jr_app_login_begin(r->store, &r->actor, r->login_guard, username, (int64_t)time(NULL),
				 &st->l);
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	if (st->l.retry_after > 0) {
		snprintf(retry_text, sizeof(retry_text), "%d", st->l.retry_after);
		jr_reply_header(r, "Retry-After", retry_text);
		status = jr_reply_error(r, 429, "wait",
					NULL, "te veel mislukte pogingen; wacht even en probeer het dan "
					      "opnieuw");
		goto out;
	}
	/* the password is checked outside the database lock, off the worker (server.c) */
	r->work = login_check;
	r->work_slow = true;
	r->next = login_finish;
out:
	/* the password leaves memory: its copy in the JSON and the raw body (the state's copy
	 * after the check) */
	if (password)
		sodium_memzero((char *)password, strlen(password));
	sodium_memzero((char *)r->body, r->body_len);
	json_decref(body);
	return status;
}

int jr_api_logout(struct jr_http_request *r)
{
	const char *cookie = jr_http_header(r, "Cookie");
	char token[JR_TOKEN_LEN + 1] = "", cookie_out[200];
	const char *at = cookie ? strstr(cookie, "jr_session=") : NULL;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	if (at) {
		size_t n = strcspn(at + 11, "; ");
		if (n == JR_TOKEN_LEN) {
			memcpy(token, at + 11, n);
			token[n] = '\0';
		}
	}
	jr_http_app(r, &app, &diag);
	if (token[0] && (err = jr_app_session_end(&app, token)))
		return jr_reply_err(r, err, NULL);
	jr_http_session_cookie(r, "", cookie_out, sizeof(cookie_out));
	jr_reply_header(r, "Set-Cookie", cookie_out);
	jr_buf_reset(&r->out);
	jr_buf_puts(&r->out, "{\"logged_out\":true}\n");
	return jr_reply_json(r, 200);
}

int jr_api_me(struct jr_http_request *r)
{
	return principal_json(r, &r->who, !r->who.api);
}
