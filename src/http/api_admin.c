/* api_admin: contract management and user administration — never client data.
 *
 *   POST /api/v1/providers/{id}/status   a contract manager sets active, suspended or
 *                                        under_investigation (from the version read: 409 when
 *                                        stale); a suspended provider gets no new allocations
 *   GET/POST /api/v1/providers/{id}/contracts   a provider's contracts; a new one
 *   GET  /api/v1/users                   an admin lists the users (never a password hash)
 *   POST /api/v1/users                   an admin adds a user; the password is made and shown
 *                                        once
 *   GET  /api/v1/organisations           an admin lists the organisations */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/password.h"
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
	jr_app_password(password, sizeof(password)); /* shown once, in the answer */
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

static enum jr_err write_contract(void *ctx, const struct jr_contract *c)
{
	struct jr_list_writer *w = ctx;
	char start[JR_DATE_STRLEN], end[JR_DATE_STRLEN];
	enum jr_err err = jr_view_item(w);
	bool first = true;

	jr_date_format(c->start, start);
	jr_date_format(c->end, end);
	if (!err)
		err = jr_buf_printf(w->out,
				    "{\"id\":%lld,\"region\":\"%s\",\"municipality\":\"%s\",\"forms\":[",
				    (long long)c->id, c->region, c->municipality);
	for (int f = 1; !err && f <= JR_FORM_COUNT; f++)
		if (c->forms & 1u << f) {
			err = jr_buf_printf(w->out, "%s%d", first ? "" : ",", f);
			first = false;
		}
	if (!err)
		err = jr_buf_printf(w->out, "],\"product_codes\":\"%s\",\"start\":\"%s\",\"end\":%s%s%s}",
				    c->product_codes, start, c->has_end ? "\"" : "",
				    c->has_end ? end : "null", c->has_end ? "\"" : "");
	return err;
}

static enum jr_err fill_contracts(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_contract_each(r->store, r->ids[0], write_contract, w);
}

int jr_api_contracts_list(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_PROVIDERS_READ);
	return status ? status : jr_reply_list(r, fill_contracts, r);
}

int jr_api_contract_add(struct jr_http_request *r)
{
	static const char *const known[] = {"region", "municipality", "forms", "start", "end",
					    "product_codes", NULL};
	json_t *body = jr_http_json_body(r), *forms, *v;
	struct jr_contract c = {.provider_id = r->ids[0]};
	size_t i;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = jr_api_require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
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
	err = jr_store_contract_add(r->store, &r->actor, &c);
	if (err == JR_ERR_INPUT)
		status = jr_reply_error(r, 422, "invalid", NULL,
					"het contract klopt niet: regio, vormen en looptijd (einde na begin)");
	else if (err)
		status = jr_reply_err(r, err, err == JR_ERR_NOT_FOUND ? "deze zorgaanbieder bestaat niet"
								       : NULL);
	else {
		struct jr_list_writer w = {.out = &r->out};
		jr_buf_reset(&r->out);
		err = write_contract(&w, &c);
		if (!err)
			err = jr_buf_putc(&r->out, '\n');
		status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 201);
	}
out:
	json_decref(body);
	return status;
}
