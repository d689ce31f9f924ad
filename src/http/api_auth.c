/* api_auth: POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me.
 *
 * Login answers with the session in an HttpOnly, SameSite=Strict cookie (never readable by
 * scripts, never sent by another site) and the CSRF token in the body, which the browser UI
 * sends back as X-CSRF-Token on every write. A wrong name or password gets one answer, whatever
 * was wrong; a user who must wait gets 429 with Retry-After. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/api.h"

#define PASSWORD_MAX 1024

static int principal_json(struct jr_http_request *r, const struct jr_principal *p, bool csrf)
{
	struct jr_buf *b = &r->out;

	jr_buf_reset(b);
	if (jr_buf_printf(b, "{\"user_id\":%lld,\"username\":", (long long)p->user_id) ||
	    jr_buf_json_string(b, p->username) ||
	    jr_buf_printf(b, ",\"role\":\"%s\",\"organisation\":", p->role) ||
	    (p->organisation_id
		 ? jr_buf_printf(b, "{\"id\":%lld,\"kind\":\"%s\",\"municipality\":%s%s%s}",
				 (long long)p->organisation_id, p->org_kind,
				 p->municipality[0] ? "\"" : "",
				 p->municipality[0] ? p->municipality : "null",
				 p->municipality[0] ? "\"" : "")
		 : jr_buf_puts(b, "null")) ||
	    jr_buf_printf(b, ",\"must_change_password\":%s",
			  p->must_change_password ? "true" : "false") ||
	    (csrf ? jr_buf_printf(b, ",\"csrf\":\"%s\"", p->csrf) : 0) ||
	    jr_buf_puts(b, "}\n"))
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	return jr_reply_json(r, 200);
}

int jr_api_login(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	const char *username, *password;
	char token[JR_TOKEN_LEN + 1], cookie[160], retry_text[16];
	struct jr_principal p;
	int retry = 0, status;
	enum jr_err err;

	if (!body)
		return r->status;
	username = json_string_value(json_object_get(body, "username"));
	password = json_string_value(json_object_get(body, "password"));
	if (!username || !username[0] || strlen(username) > 32) {
		status = jr_reply_error(r, 422, "invalid", "username", "geef uw gebruikersnaam");
		goto out;
	}
	if (!password || !password[0] || strlen(password) > PASSWORD_MAX) {
		status = jr_reply_error(r, 422, "invalid", "password", "geef uw wachtwoord");
		goto out;
	}
	r->actor.who = "anonymous";
	err = jr_store_login(r->store, &r->actor, username, password, (int64_t)time(NULL), token,
			     &p, &retry);
	if (err == JR_ERR_REFUSED && retry > 0) {
		snprintf(retry_text, sizeof(retry_text), "%d", retry);
		jr_reply_header(r, "Retry-After", retry_text);
		status = jr_reply_error(r, 429, "wait", NULL,
					"te veel mislukte pogingen; wacht even en probeer het dan "
					"opnieuw");
		goto out;
	}
	if (err == JR_ERR_REFUSED) {
		status = jr_reply_error(r, 401, "bad_credentials", NULL,
					"gebruikersnaam of wachtwoord klopt niet");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	snprintf(cookie, sizeof(cookie),
		 "jr_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
		 JR_SESSION_SECONDS);
	jr_reply_header(r, "Set-Cookie", cookie);
	status = principal_json(r, &p, true);
out:
	/* the password leaves memory with the request: its copy in the JSON and the raw body */
	if (password)
		sodium_memzero((char *)password, strlen(password));
	sodium_memzero((char *)r->body, r->body_len);
	json_decref(body);
	return status;
}

int jr_api_logout(struct jr_http_request *r)
{
	const char *cookie = jr_http_header(r, "Cookie");
	char token[JR_TOKEN_LEN + 1] = "";
	const char *at = cookie ? strstr(cookie, "jr_session=") : NULL;
	enum jr_err err;

	if (at) {
		size_t n = strcspn(at + 11, "; ");
		if (n == JR_TOKEN_LEN) {
			memcpy(token, at + 11, n);
			token[n] = '\0';
		}
	}
	if (token[0] && (err = jr_store_session_end(r->store, &r->actor, token)))
		return jr_reply_err(r, err, NULL);
	jr_reply_header(r, "Set-Cookie", "jr_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	jr_buf_reset(&r->out);
	jr_buf_puts(&r->out, "{\"logged_out\":true}\n");
	return jr_reply_json(r, 200);
}

int jr_api_me(struct jr_http_request *r)
{
	return principal_json(r, &r->who, !r->who.api);
}
