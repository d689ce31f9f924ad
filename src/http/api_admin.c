/* api_admin: contract management and user administration — never client data.
 *
 *   POST /api/v1/providers/{id}/status   a contract manager sets active, suspended or
 *                                        under_investigation (from the version read: 409 when
 *                                        stale); a suspended provider gets no new allocations
 *   GET/POST /api/v1/providers/{id}/contracts   a provider's contracts; a new one
 *   GET  /api/v1/users                   an admin lists the users (never a password hash)
 *   POST /api/v1/users                   an admin adds a user whose role fits its organisation;
 *                                        the password is made and shown once
 *   GET  /api/v1/users/{id}              one user
 *   POST /api/v1/users/{id}/deactivate   its sessions and API tokens end at once; no login
 *   POST /api/v1/users/{id}/activate     it may log in again (no old session comes back)
 *   POST /api/v1/users/{id}/role         another role and/or organisation (its sessions end)
 *   POST /api/v1/users/{id}/password     a new random password, shown once, to be replaced at
 *                                        the next login; its browser sessions end
 *   GET/POST /api/v1/users/{id}/tokens   its API tokens (never the secret); a new one, shown
 *                                        once
 *   DELETE /api/v1/users/{id}/tokens/{id}   revokes one at once
 *   POST /api/v1/me/password             a user replaces its own password (the current one
 *                                        and a new one)
 *   GET  /api/v1/organisations           an admin lists the organisations
 * An administrator never deactivates, re-roles or resets itself, and the last active one stays
 * (app/accounts.h). A password is hashed and checked (Argon2id) between the steps of its request,
 * outside the database lock and off the worker, as a login's is. Only an administrator manages API tokens: a token outlives a password
 * change and a logout, so a user who could mint its own would keep a way in that its
 * administrator does not see. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/access.h"
#include "app/accounts.h"
#include "app/password.h"
#include "app/provider.h"
#include "app/access.h"
#include "core/alloc.h"
#include "core/roles.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_account.h"
#include "view/view_provider.h"

/* Starts the answer's JSON in r->out. */
static void reply_begin(struct jr_http_request *r, struct jr_json_writer *w)
{
	jr_buf_reset(&r->out);
	jr_jw_init(w, &r->out);
}

/* Answers `status` with what `w` wrote (a view's record) and a newline. */
static int reply_end(struct jr_http_request *r, int status, const struct jr_json_writer *w)
{
	enum jr_err err = jr_jw_finish(w);

	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, status);
}

int jr_api_provider_status(struct jr_http_request *r)
{
	static const char *const known[] = {"status", "version", NULL};
	static const char *const statuses[] = {"active", "suspended", "under_investigation", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_provider p;
	struct jr_json_writer w;
	struct jr_app app;
	struct jr_diag diag;
	char status_text[24];
	int64_t version;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_PROVIDERS_WRITE))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "status", statuses,
				    "active, suspended of under_investigation", status_text,
				    sizeof(status_text))) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	err = jr_app_provider_set_status(&app, r->ids[0], (int)version,
					 (enum jr_provider_status)jr_provider_status_parse(status_text),
					 &p);
	if (err) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	reply_begin(r, &w);
	jr_view_provider(&w, &p);
	status = reply_end(r, 200, &w);
out:
	json_decref(body);
	return status;
}

static enum jr_err write_user(void *ctx, const struct jr_user *u)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_user(&w, u);
	return jr_jw_finish(&w);
}

static enum jr_err fill_users(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_users(&app, write_user, w);
}

/* The role's refusal of a handler of the administrator's (403); 0 when it may. */
static int require_admin(struct jr_http_request *r)
{
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	return (err = jr_app_access_require(&app, JR_CAP_ADMIN)) ? jr_http_app_fail(r, err, &diag) : 0;
}

int jr_api_users_list(struct jr_http_request *r)
{
	int status = require_admin(r);
	return status ? status : jr_reply_list(r, fill_users, r);
}

/* Answers `status` with user `id` as it is now, with the password made (shown once; NULL for
 * none) and the sessions ended (`ended` < 0: not said). */
static int user_answer(struct jr_http_request *r, int64_t id, int status, const char *password,
		       int64_t ended)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	struct jr_user u;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_user_get(&app, id, &u)))
		return jr_http_app_fail(r, err, &diag);
	reply_begin(r, &w);
	jr_jw_object(&w);
	jr_view_user_members(&w, &u);
	if (password)
		jr_jw_kstring(&w, "password", password);
	if (ended >= 0)
		jr_jw_kint(&w, "ended_sessions", ended);
	jr_jw_end(&w);
	return reply_end(r, status, &w);
}

static const char *const roles_known[] = {"consulent", "verwijzer", "gi", "provider",
					  "contract_manager", "policy", "admin", NULL};
static const char roles_expected[] =
	"consulent, verwijzer, gi, provider, contract_manager, policy of admin";

/* The passwords of a request between its steps: the hashing and checking (Argon2id) run between
 * them, outside the database lock and off the worker (server.c), and the store takes what was
 * made (jr_app_password_prepare). Wiped when the request ends. */
struct password_work {
	char username[40], role[24];
	char full_name[101], email[255]; /* a new user's details ("" = not given) */
	int64_t organisation;
	char password[JR_PASSWORD_MAX + 1]; /* the new one (made, or chosen by the user) */
	char old[JR_PASSWORD_MAX + 1];      /* one's own current password */
	char stored[128];                   /* its stored hash, read in the first step */
	char hash[128];                     /* the new one's, made between the steps */
	bool hashed, checked, matches, must_wait;
};

static void password_work_free(void *state)
{
	sodium_memzero(state, sizeof(struct password_work));
	jr_free(state);
}

static struct password_work *password_work_new(struct jr_http_request *r)
{
	struct password_work *w = jr_calloc(1, sizeof(*w));

	if (w) {
		r->state = w;
		r->state_free = password_work_free;
	}
	return w;
}

/* Between the steps: the new password's hash, and (when there is one to check) whether the
 * current password is right — only when it is may the new one be hashed. */
static void password_work_do(struct jr_http_request *r)
{
	struct password_work *w = r->state;

	if (w->stored[0]) {
		w->checked = true;
		w->matches = jr_app_password_matches(w->stored, w->old);
		if (!w->matches)
			return;
	}
	w->hashed = jr_app_password_hash(w->password, w->hash);
}

/* Hands what was made between the steps to the store for the step that writes. */
static void password_work_prepare(struct jr_http_request *r)
{
	struct password_work *w = r->state;

	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	jr_app_password_prepare(&app, w->password, w->hashed ? w->hash : NULL,
				w->checked ? w->old : NULL, w->checked ? w->stored : NULL,
				w->matches);
}

static int user_add_write(struct jr_http_request *r)
{
	struct password_work *w = r->state;
	struct jr_diag diag;
	struct jr_app app;
	int64_t id;
	enum jr_err err;

	password_work_prepare(r);
	jr_http_app(r, &app, &diag);
	err = jr_app_user_add(&app, w->username, w->role, w->organisation, w->password, &id);
	if (!err && (w->full_name[0] || w->email[0]))
		err = jr_app_user_set_details(&app, id, w->full_name, w->email);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	return user_answer(r, id, 201, w->password, -1);
}

int jr_api_user_add(struct jr_http_request *r)
{
	static const char *const known[] = {"username", "role", "organisation_id", "full_name",
					    "email", NULL};
	json_t *body = jr_http_json_body(r);
	struct password_work *w = NULL;
	int status;

	if (!body)
		return r->status;
	if ((status = require_admin(r)) || (status = jr_field_only(r, body, known)))
		goto out;
	if (!(w = password_work_new(r))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	if ((status = jr_field_text(r, body, "username", true, w->username, sizeof(w->username))) ||
	    (status = jr_field_word(r, body, "role", roles_known, roles_expected, w->role,
				    sizeof(w->role))) ||
	    (status = jr_field_int(r, body, "organisation_id", false, 1, INT64_MAX, 0,
				   &w->organisation)) ||
	    (status = jr_field_text(r, body, "full_name", false, w->full_name,
				    sizeof(w->full_name))) ||
	    (status = jr_field_text(r, body, "email", false, w->email, sizeof(w->email))))
		goto out;
	if (w->email[0] && !jr_app_email_valid(w->email)) {
		status = jr_reply_error(r, 422, "invalid", "email",
					"verwacht een e-mailadres zoals naam@gemeente.nl");
		goto out;
	}
	jr_app_password(w->password, JR_RESET_PASSWORD_LEN + 1); /* shown once, in the answer */
	r->work = password_work_do;
	r->work_slow = true;
	r->next = user_add_write;
out:
	json_decref(body);
	return status;
}

int jr_api_user_get(struct jr_http_request *r)
{
	int status;

	if ((status = require_admin(r)))
		return status;
	return user_answer(r, r->ids[0], 200, NULL, -1);
}

static int set_active(struct jr_http_request *r, bool active)
{
	struct jr_diag diag;
	struct jr_app app;
	int64_t ended;
	enum jr_err err;
	int status;

	if ((status = require_admin(r)))
		return status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_user_set_active(&app, r->ids[0], active, &ended)))
		return jr_http_app_fail(r, err, &diag);
	return user_answer(r, r->ids[0], 200, NULL, ended);
}

int jr_api_user_deactivate(struct jr_http_request *r)
{
	return set_active(r, false);
}

int jr_api_user_activate(struct jr_http_request *r)
{
	return set_active(r, true);
}

int jr_api_user_role(struct jr_http_request *r)
{
	static const char *const known[] = {"role", "organisation_id", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_diag diag;
	struct jr_app app;
	char role[24];
	int64_t organisation, ended;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require_admin(r)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "role", roles_known, roles_expected, role,
				    sizeof(role))) ||
	    (status = jr_field_int(r, body, "organisation_id", false, 1, INT64_MAX, 0, &organisation)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_user_set_role(&app, r->ids[0], role, organisation, &ended))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	status = user_answer(r, r->ids[0], 200, NULL, ended);
out:
	json_decref(body);
	return status;
}

static int password_reset_write(struct jr_http_request *r)
{
	struct password_work *w = r->state;
	struct jr_diag diag;
	struct jr_app app;
	int64_t ended;
	enum jr_err err;

	password_work_prepare(r);
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_user_reset_password_to(&app, r->ids[0], w->password, &ended)))
		return jr_http_app_fail(r, err, &diag);
	/* shown once, in this answer (Cache-Control: no-store); never stored in clear or logged */
	return user_answer(r, r->ids[0], 200, w->password, ended);
}

int jr_api_user_password_reset(struct jr_http_request *r)
{
	struct password_work *w;
	int status;

	if ((status = require_admin(r)))
		return status;
	if (!(w = password_work_new(r)))
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_app_password(w->password, JR_RESET_PASSWORD_LEN + 1);
	r->work = password_work_do;
	r->work_slow = true;
	r->next = password_reset_write;
	return 0;
}

static enum jr_err write_token(void *ctx, const struct jr_api_token *t)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_token(&w, t);
	return jr_jw_finish(&w);
}

static enum jr_err fill_tokens(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_tokens(&app, r->ids[0], write_token, w);
}

int jr_api_user_tokens_list(struct jr_http_request *r)
{
	struct jr_diag diag;
	struct jr_app app;
	struct jr_user u;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	/* looked up first so that an unknown user is a plain 404 */
	if ((err = jr_app_user_get(&app, r->ids[0], &u)))
		return jr_http_app_fail(r, err, &diag);
	return jr_reply_list(r, fill_tokens, r);
}

int jr_api_user_token_add(struct jr_http_request *r)
{
	static const char *const known[] = {"name", "days", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_api_token t = {0};
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	char token[JR_TOKEN_LEN + 1] = "";
	int64_t days;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require_admin(r)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "name", true, t.name, sizeof(t.name))) ||
	    (status = jr_field_int(r, body, "days", false, 1, JR_TOKEN_DAYS_MAX, 90, &days)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_token_issue(&app, r->ids[0], t.name, (int)days, token, &t))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	/* the token is shown once, in this answer (Cache-Control: no-store) */
	reply_begin(r, &w);
	jr_jw_object(&w);
	jr_view_token_members(&w, &t);
	jr_jw_kint(&w, "user_id", r->ids[0]);
	jr_jw_kstring(&w, "token", token);
	jr_jw_end(&w);
	status = reply_end(r, 201, &w);
out:
	sodium_memzero(token, sizeof(token));
	json_decref(body);
	return status;
}

int jr_api_user_token_revoke(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_token_revoke(&app, r->ids[0], r->ids[1])))
		return jr_http_app_fail(r, err, &diag);
	reply_begin(r, &w);
	jr_view_token_revoked(&w, r->ids[0], r->ids[1]);
	return reply_end(r, 200, &w);
}

static int password_change_write(struct jr_http_request *r)
{
	struct password_work *w = r->state;
	struct jr_diag diag;
	struct jr_app app;
	char retry_text[16];
	int retry = 0;
	enum jr_err err;

	password_work_prepare(r);
	jr_http_app(r, &app, &diag);
	err = jr_app_password_change(&app, w->old, w->password, (int64_t)time(NULL), &retry);
	if (err == JR_ERR_REFUSED && retry > 0) {
		snprintf(retry_text, sizeof(retry_text), "%d", retry);
		jr_reply_header(r, "Retry-After", retry_text);
		return jr_reply_error(r, 429, "wait", diag.path, diag.message);
	}
	if (err) {
		/* a wrong current password counts as a failed login: that write is the refusal's */
		r->keep_refusal = err == JR_ERR_REFUSED;
		return jr_http_app_fail(r, err, &diag);
	}
	r->who.must_change_password = false;
	jr_buf_reset(&r->out);
	jr_buf_puts(&r->out, "{\"changed\":true,\"must_change_password\":false}\n");
	return jr_reply_json(r, 200);
}

int jr_api_password_change(struct jr_http_request *r)
{
	static const char *const known[] = {"old_password", "new_password", NULL};
	json_t *body = jr_http_json_body(r);
	const char *old = NULL, *new_password = NULL;
	struct password_work *w = NULL;
	struct jr_diag diag;
	struct jr_app app;
	bool found;
	enum jr_err err;
	int status = 0;

	if (!body)
		return r->status;
	if (r->who.api) {
		/* a token must not become a password, and with it a session */
		status = jr_reply_error(r, 403, "forbidden", NULL,
					"met een API-token wijzigt u geen wachtwoord; log in met uw "
					"wachtwoord");
		goto out;
	}
	if ((status = jr_field_only(r, body, known)))
		goto out;
	old = json_string_value(json_object_get(body, "old_password"));
	new_password = json_string_value(json_object_get(body, "new_password"));
	if (!old || !old[0] || strlen(old) > JR_PASSWORD_MAX) {
		status = jr_reply_error(r, 422, "invalid", "old_password", "geef uw huidige wachtwoord");
		goto out;
	}
	if (!new_password) {
		status = jr_reply_error(r, 422, "invalid", "new_password",
					"geef het nieuwe wachtwoord, ten minste 12 tekens");
		goto out;
	}
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_password_acceptable(&app, r->who.username, old, new_password))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if (!(w = password_work_new(r))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	snprintf(w->old, sizeof(w->old), "%s", old);
	snprintf(w->password, sizeof(w->password), "%s", new_password);
	/* the stored hash, to check the current password against between the steps; one that
	 * must wait first (after failed attempts) is refused unchecked by the step that writes */
	if ((err = jr_app_password_stored(&app, r->who.user_id, (int64_t)time(NULL), w->stored,
					  &w->must_wait, &found))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	if (!found || w->must_wait)
		w->stored[0] = '\0';
	else {
		r->work = password_work_do;
		r->work_slow = true;
	}
	r->next = password_change_write;
out:
	/* the passwords leave memory: their copies in the JSON and the raw body (the state's
	 * copies when the request ends) */
	if (old)
		sodium_memzero((char *)old, strlen(old));
	if (new_password)
		sodium_memzero((char *)new_password, strlen(new_password));
	sodium_memzero((char *)r->body, r->body_len);
	json_decref(body);
	return status;
}

static enum jr_err write_organisation(void *ctx, const struct jr_organisation *o)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_organisation(&w, o);
	return jr_jw_finish(&w);
}

static enum jr_err fill_organisations(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_admin_organisations(&app, write_organisation, w);
}

int jr_api_organisations_list(struct jr_http_request *r)
{
	int status = require_admin(r);
	return status ? status : jr_reply_list(r, fill_organisations, r);
}

static enum jr_err write_contract(void *ctx, const struct jr_contract *c)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_contract(&w, c);
	return jr_jw_finish(&w);
}

static enum jr_err fill_contracts(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_contracts(&app, r->ids[0], write_contract, w);
}

int jr_api_contracts_list(struct jr_http_request *r)
{
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_PROVIDERS_READ)))
		return jr_http_app_fail(r, err, &diag);
	return jr_reply_list(r, fill_contracts, r);
}

int jr_api_contract_add(struct jr_http_request *r)
{
	static const char *const known[] = {"region", "municipality", "forms", "start", "end",
					    "product_codes", NULL};
	json_t *body = jr_http_json_body(r), *forms, *v;
	struct jr_contract c = {.provider_id = r->ids[0]};
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	size_t i;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_PROVIDERS_WRITE))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "region", true, c.region, sizeof(c.region))) ||
	    (status = jr_field_text(r, body, "municipality", false, c.municipality,
				    sizeof(c.municipality))) ||
	    (status = jr_field_date(r, body, "start", true, 0, &c.start)) ||
	    (status = jr_field_date(r, body, "end", false, 0, &c.end)) ||
	    (status = jr_field_text(r, body, "product_codes", false, c.product_codes,
				    sizeof(c.product_codes))))
		goto out;
	c.has_end = c.end != 0;
	forms = json_object_get(body, "forms");
	if (!json_is_array(forms) || !json_array_size(forms)) {
		status = jr_reply_error(r, 422, "invalid", "forms", "verwacht een lijst van vormen 1 tot en met 10");
		goto out;
	}
	json_array_foreach(forms, i, v)
	{
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 10) {
			status = jr_reply_error(r, 422, "invalid", "forms",
						"verwacht een lijst van vormen 1 tot en met 10");
			goto out;
		}
		c.forms |= 1u << json_integer_value(v);
	}
	if ((err = jr_app_contract_add(&app, &c)))
		status = jr_http_app_fail(r, err, &diag);
	else
	{
		reply_begin(r, &w);
		jr_view_contract(&w, &c);
		status = reply_end(r, 201, &w);
	}
out:
	json_decref(body);
	return status;
}
