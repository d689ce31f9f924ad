/* api_organisations: the administrator's organisations and users' details (issue 15 point 5).
 *
 *   POST /api/v1/organisations                  a new organisation: kind, name, municipality
 *                                               (a local team's), AGB
 *   GET  /api/v1/organisations/{id}             one
 *   POST /api/v1/organisations/{id}             its kind, name, municipality and AGB changed
 *                                               (a kind that its users' roles do not fit: 409)
 *   POST /api/v1/organisations/{id}/deactivate  its users' sessions and API tokens end at once;
 *                                               they cannot log in while it lasts
 *   POST /api/v1/organisations/{id}/activate    they may log in again (no session comes back)
 *   POST /api/v1/users/{id}/details             a user's name and work e-mail address
 * All for the administrator alone (app/organisation.h, app/accounts.h); each change audited. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/accounts.h"
#include "app/organisation.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_account.h"

static const char *const kinds_known[] = {"local_team", "gp_practice", "youth_health",
					  "hospital",   "gi",          "provider",
					  "regional_office", "expert_team", NULL};
static const char kinds_expected[] = "local_team, gp_practice, youth_health, hospital, gi, "
				     "provider, regional_office of expert_team";

/* Answers `status` with organisation *o (and the sessions ended, when ended >= 0). */
static int organisation_answer(struct jr_http_request *r, int status,
			       const struct jr_organisation *o, int64_t ended)
{
	struct jr_json_writer w;
	enum jr_err err;

	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	if (ended < 0) {
		jr_view_organisation(&w, o);
	} else {
		jr_jw_object(&w);
		jr_jw_key(&w, "organisation");
		jr_view_organisation(&w, o);
		jr_jw_kint(&w, "ended_sessions", ended);
		jr_jw_end(&w);
	}
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, status);
}

/* The body's fields of an organisation into *o. 0, or the status after answering. */
static int organisation_fields(struct jr_http_request *r, json_t *body, struct jr_organisation *o)
{
	static const char *const known[] = {"kind", "name", "municipality", "agb", NULL};
	int status;

	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "kind", kinds_known, kinds_expected, o->kind,
				    sizeof(o->kind))) ||
	    (status = jr_field_text(r, body, "name", true, o->name, sizeof(o->name))) ||
	    (status = jr_field_text(r, body, "municipality", false, o->municipality,
				    sizeof(o->municipality))) ||
	    (status = jr_field_text(r, body, "agb", false, o->agb, sizeof(o->agb))))
		return status;
	return 0;
}

int jr_api_organisation_add(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	struct jr_organisation o;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	memset(&o, 0, sizeof(o));
	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_ADMIN))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = organisation_fields(r, body, &o)))
		goto out;
	if ((err = jr_app_organisation_add(&app, &o)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = organisation_answer(r, 201, &o, -1);
out:
	json_decref(body);
	return status;
}

int jr_api_organisation_get(struct jr_http_request *r)
{
	struct jr_organisation o;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_organisation_get(&app, r->ids[0], &o)))
		return jr_http_app_fail(r, err, &diag);
	return organisation_answer(r, 200, &o, -1);
}

int jr_api_organisation_update(struct jr_http_request *r)
{
	json_t *body = jr_http_json_body(r);
	struct jr_organisation o;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	memset(&o, 0, sizeof(o));
	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_ADMIN))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = organisation_fields(r, body, &o)))
		goto out;
	o.id = r->ids[0];
	if ((err = jr_app_organisation_update(&app, &o)) ||
	    (err = jr_app_organisation_get(&app, o.id, &o)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = organisation_answer(r, 200, &o, -1);
out:
	json_decref(body);
	return status;
}

static int set_active(struct jr_http_request *r, bool active)
{
	struct jr_organisation o;
	struct jr_diag diag;
	struct jr_app app;
	int64_t ended = 0;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_organisation_set_active(&app, r->ids[0], active, &ended)) ||
	    (err = jr_app_organisation_get(&app, r->ids[0], &o)))
		return jr_http_app_fail(r, err, &diag);
	return organisation_answer(r, 200, &o, ended);
}

int jr_api_organisation_deactivate(struct jr_http_request *r)
{
	return set_active(r, false);
}

int jr_api_organisation_activate(struct jr_http_request *r)
{
	return set_active(r, true);
}

int jr_api_user_details(struct jr_http_request *r)
{
	static const char *const known[] = {"full_name", "email", NULL};
	json_t *body = jr_http_json_body(r);
	char full_name[101] = "", email[255] = "";
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	struct jr_user u;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_ADMIN))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "full_name", false, full_name, sizeof(full_name))) ||
	    (status = jr_field_text(r, body, "email", false, email, sizeof(email))))
		goto out;
	if ((err = jr_app_user_set_details(&app, r->ids[0], full_name, email)) ||
	    (err = jr_app_user_get(&app, r->ids[0], &u))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_user(&w, &u);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		status = jr_reply_err(r, err, NULL);
	else
		status = jr_reply_json(r, 200);
out:
	json_decref(body);
	return status;
}
