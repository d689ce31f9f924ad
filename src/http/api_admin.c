/* api_admin: contract management and user administration — never client data.
 *
 *   POST /api/v1/providers/{id}/status   a contract manager sets active, suspended or
 *                                        under_investigation (from the version read: 409 when
 *                                        stale); a suspended provider gets no new allocations
 *   GET  /api/v1/users                   an admin lists the users (never a password hash)
 *   POST /api/v1/users                   an admin adds a user; the password is made and shown
 *                                        once
 *   GET  /api/v1/organisations           an admin lists the organisations */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "http/access.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/views.h"

int jr_api_provider_status(struct jr_http_request *r)
{
	static const char *const known[] = {"status", "version", NULL};
	static const char *const statuses[] = {"active", "suspended", "under_investigation", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_provider p;
	char status_text[24];
	int64_t version;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = jr_api_require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "status", statuses,
				    "active, suspended of under_investigation", status_text,
				    sizeof(status_text))) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	if ((err = jr_store_provider_get(r->store, r->ids[0], &p))) {
		status = jr_reply_err(r, err, err == JR_ERR_NOT_FOUND ? "deze zorgaanbieder bestaat niet"
								       : NULL);
		goto out;
	}
	p.version = (int)version;
	err = jr_store_provider_set_status(r->store, &r->actor, &p,
					   (enum jr_provider_status)jr_provider_status_parse(status_text));
	if (err == JR_ERR_CONFLICT) {
		status = jr_reply_error(r, 409, "conflict", "version",
					"de zorgaanbieder is intussen gewijzigd; lees opnieuw");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"id\":%lld,\"agb\":\"%s\",\"status\":\"%s\",\"version\":%d}\n",
			    (long long)p.id, p.agb, jr_provider_status_name(p.status), p.version);
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
out:
	json_decref(body);
	return status;
}

static enum jr_err write_user(void *ctx, const struct jr_user *u)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out, "{\"id\":%lld,\"username\":", (long long)u->id);
	if (!err)
		err = jr_buf_json_string(w->out, u->username);
	if (!err)
		err = jr_buf_printf(w->out, ",\"role\":\"%s\",\"organisation_id\":", u->role);
	if (!err)
		err = u->organisation_id ? jr_buf_printf(w->out, "%lld", (long long)u->organisation_id)
					 : jr_buf_puts(w->out, "null");
	if (!err)
		err = jr_buf_printf(w->out, ",\"created_at\":\"%s\"}", u->created_at);
	return err;
}

static enum jr_err fill_users(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_user_each(r->store, write_user, w);
}

int jr_api_users_list(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_ADMIN);
	return status ? status : jr_reply_list(r, fill_users, r);
}

int jr_api_user_add(struct jr_http_request *r)
{
	static const char *const known[] = {"username", "role", "organisation_id", NULL};
	static const char *const roles[] = {"consulent", "verwijzer",	     "gi",    "provider",
					    "contract_manager", "policy", "admin", NULL};
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	json_t *body = jr_http_json_body(r);
	char username[40], role[24], password[21];
	int64_t organisation, id;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = jr_api_require(r, JR_CAP_ADMIN)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "username", true, username, sizeof(username))) ||
	    (status = jr_field_word(r, body, "role", roles,
				    "consulent, verwijzer, gi, provider, contract_manager, policy of "
				    "admin",
				    role, sizeof(role))) ||
	    (status = jr_field_int(r, body, "organisation_id", false, 1, INT64_MAX, 0, &organisation)))
		goto out;
	/* made up here and shown once; no look-alikes (0/O, 1/l/I) */
	for (size_t i = 0; i + 1 < sizeof(password); i++)
		password[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	password[sizeof(password) - 1] = '\0';
	err = jr_store_user_add_in(r->store, &r->actor, username, role, organisation, password, &id);
	if (err == JR_ERR_INPUT)
		status = jr_reply_error(r, 422, "invalid", "username",
					"verwacht 3 tot 32 tekens: kleine letters, cijfers, punt, liggend "
					"streepje of koppelteken");
	else if (err == JR_ERR_CONFLICT)
		status = jr_reply_error(r, 409, "conflict", "username", "de gebruikersnaam is al in gebruik");
	else if (err == JR_ERR_NOT_FOUND)
		status = jr_reply_error(r, 422, "invalid", "organisation_id", "deze organisatie bestaat niet");
	else if (err)
		status = jr_reply_err(r, err, NULL);
	else {
		jr_buf_reset(&r->out);
		err = jr_buf_printf(&r->out, "{\"id\":%lld,\"username\":", (long long)id);
		if (!err)
			err = jr_buf_json_string(&r->out, username);
		if (!err)
			err = jr_buf_printf(&r->out, ",\"role\":\"%s\",\"password\":\"%s\"}\n", role,
					    password);
		status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 201);
	}
out:
	sodium_memzero(password, sizeof(password));
	json_decref(body);
	return status;
}

static enum jr_err write_organisation(void *ctx, const struct jr_organisation *o)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out, "{\"id\":%lld,\"kind\":\"%s\",\"name\":", (long long)o->id,
				    o->kind);
	if (!err)
		err = jr_buf_json_string(w->out, o->name);
	if (!err)
		err = jr_buf_printf(w->out, ",\"municipality\":\"%s\",\"agb\":\"%s\"}", o->municipality,
				    o->agb);
	return err;
}

static enum jr_err fill_organisations(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_organisation_each(r->store, "", "", write_organisation, w);
}

int jr_api_organisations_list(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_ADMIN);
	return status ? status : jr_reply_list(r, fill_organisations, r);
}
