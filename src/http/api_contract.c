/* api_contract: the contract manager at work (issue 15 point 4) — never client data.
 *
 *   GET  /api/v1/contracts/{id}             one contract (with its version)
 *   POST /api/v1/contracts/{id}/edit        its forms, product codes, period, tariff, unit or
 *                                           capacity, from the version read (409 when stale)
 *   POST /api/v1/contracts/{id}/end         ends it on a day, from the version read
 *   GET/POST /api/v1/contracts/{id}/tariffs its tariffs per product code or result level; a new one
 *   GET  /api/v1/providers/{id}/budget?year=YYYY   the ceiling of the year, what the accepted
 *                                           claims (JW323) came to, and the warning at 80 % / 100 %
 *   POST /api/v1/providers/{id}/budget      sets the ceiling of a year (from the version read)
 *   GET  /api/v1/providers/{id}/capacity    places and running allocations per form
 *   POST /api/v1/providers/{id}/capacity    sets the places of a form
 * Reading: whoever may read providers (consulent, GI, contract manager); writing: the contract
 * manager. The store writes an audit entry for every change. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/contract.h"
#include "app/provider.h"
#include "core/budget.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "view/view_provider.h"

static void reply_begin(struct jr_http_request *r, struct jr_json_writer *w)
{
	jr_buf_reset(&r->out);
	jr_jw_init(w, &r->out);
}

static int reply_end(struct jr_http_request *r, int status, const struct jr_json_writer *w)
{
	enum jr_err err = jr_jw_finish(w);

	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, status);
}

/* 403 (explained) when the role lacks `cap`; 0 when it has it. */
static int require(struct jr_http_request *r, enum jr_capability cap)
{
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	return (err = jr_app_access_require(&app, cap)) ? jr_http_app_fail(r, err, &diag) : 0;
}

static int contract_answer(struct jr_http_request *r, int status, const struct jr_contract *c)
{
	struct jr_json_writer w;

	reply_begin(r, &w);
	jr_view_contract(&w, c);
	return reply_end(r, status, &w);
}

int jr_api_contract_get(struct jr_http_request *r)
{
	struct jr_contract c;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_contract_get(&app, r->ids[0], &c)))
		return jr_http_app_fail(r, err, &diag);
	return contract_answer(r, 200, &c);
}

/* The forms of a body ("forms": [5, 6]) into *forms; 0, or the 422 sent. */
static int forms_field(struct jr_http_request *r, json_t *body, unsigned *forms)
{
	json_t *list = json_object_get(body, "forms"), *v;
	size_t i;

	*forms = 0;
	if (!json_is_array(list) || !json_array_size(list))
		return jr_reply_error(r, 422, "invalid", "forms",
				      "verwacht een lijst van vormen 1 tot en met 10");
	json_array_foreach(list, i, v)
	{
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 10)
			return jr_reply_error(r, 422, "invalid", "forms",
					      "verwacht een lijst van vormen 1 tot en met 10");
		*forms |= 1u << json_integer_value(v);
	}
	return 0;
}

int jr_api_contract_edit(struct jr_http_request *r)
{
	static const char *const known[] = {"version", "forms", "product_codes", "start", "end",
					    "tariff_cents", "unit", "capacity", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_contract_edit e = {.id = r->ids[0]};
	struct jr_contract c;
	struct jr_diag diag;
	struct jr_app app;
	int64_t version, n;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	e.version = (int)version;
	if (json_object_get(body, "forms")) {
		if ((status = forms_field(r, body, &e.c.forms)))
			goto out;
		e.set |= JR_CONTRACT_SET_FORMS;
	}
	if (json_object_get(body, "product_codes")) {
		json_t *v = json_object_get(body, "product_codes");
		if (json_is_string(v) && !json_string_length(v))
			e.c.product_codes[0] = '\0';
		else if ((status = jr_field_text(r, body, "product_codes", true, e.c.product_codes,
						 sizeof(e.c.product_codes))))
			goto out;
		e.set |= JR_CONTRACT_SET_PRODUCT_CODES;
	}
	if (json_object_get(body, "start")) {
		if ((status = jr_field_date(r, body, "start", true, 0, &e.c.start)))
			goto out;
		e.set |= JR_CONTRACT_SET_START;
	}
	if (json_object_get(body, "end")) {
		/* null: no end any more */
		if (!json_is_null(json_object_get(body, "end"))) {
			if ((status = jr_field_date(r, body, "end", true, 0, &e.c.end)))
				goto out;
			e.c.has_end = true;
		}
		e.set |= JR_CONTRACT_SET_END;
	}
	if (json_object_get(body, "tariff_cents")) {
		if ((status = jr_field_int(r, body, "tariff_cents", true, 0, JR_BUDGET_CEILING_MAX, 0,
					   &n)))
			goto out;
		e.c.tariff_cents = n;
		e.set |= JR_CONTRACT_SET_TARIFF;
	}
	if (json_object_get(body, "unit")) {
		json_t *v = json_object_get(body, "unit");
		if (!(json_is_string(v) && !json_string_length(v)) &&
		    (status = jr_field_text(r, body, "unit", true, e.c.unit, sizeof(e.c.unit))))
			goto out;
		e.set |= JR_CONTRACT_SET_UNIT;
	}
	if (json_object_get(body, "capacity")) {
		if ((status = jr_field_int(r, body, "capacity", true, 0, JR_CAPACITY_MAX, 0, &n)))
			goto out;
		e.c.capacity = (int)n;
		e.set |= JR_CONTRACT_SET_CAPACITY;
	}
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_contract_edit(&app, &e, &c)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = contract_answer(r, 200, &c);
out:
	json_decref(body);
	return status;
}

int jr_api_contract_end(struct jr_http_request *r)
{
	static const char *const known[] = {"version", "end", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_contract c;
	struct jr_diag diag;
	struct jr_app app;
	int64_t version;
	jr_day end;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)) ||
	    (status = jr_field_date(r, body, "end", true, 0, &end)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_contract_end(&app, r->ids[0], (int)version, end, &c)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = contract_answer(r, 200, &c);
out:
	json_decref(body);
	return status;
}

static enum jr_err write_tariff(void *ctx, const struct jr_tariff *t)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_tariff(&w, t);
	return jr_jw_finish(&w);
}

static enum jr_err fill_tariffs(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_tariffs(&app, r->ids[0], write_tariff, w);
}

int jr_api_contract_tariffs(struct jr_http_request *r)
{
	struct jr_contract c;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_contract_get(&app, r->ids[0], &c)))
		return jr_http_app_fail(r, err, &diag);
	return jr_reply_list(r, fill_tariffs, r);
}

int jr_api_contract_tariff_add(struct jr_http_request *r)
{
	static const char *const known[] = {"product_code", "level",     "amount_cents", "unit",
					    "valid_from",   "valid_to", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_tariff t = {.contract_id = r->ids[0]};
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	int64_t level, amount;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "product_code", false, t.product_code,
				    sizeof(t.product_code))) ||
	    (status = jr_field_int(r, body, "level", false, 1, 4, 0, &level)) ||
	    (status = jr_field_int(r, body, "amount_cents", true, 0, JR_BUDGET_CEILING_MAX, 0,
				   &amount)) ||
	    (status = jr_field_text(r, body, "unit", true, t.unit, sizeof(t.unit))) ||
	    (status = jr_field_date(r, body, "valid_from", true, 0, &t.valid_from)) ||
	    (status = jr_field_date(r, body, "valid_to", false, 0, &t.valid_to)))
		goto out;
	t.level = (int)level;
	t.amount_cents = amount;
	t.has_to = t.valid_to != 0;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_tariff_add(&app, &t))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	reply_begin(r, &w);
	jr_view_tariff(&w, &t);
	status = reply_end(r, 201, &w);
out:
	json_decref(body);
	return status;
}

static int budget_answer(struct jr_http_request *r, int status, const struct jr_app_budget *b)
{
	struct jr_json_writer w;

	reply_begin(r, &w);
	jr_view_budget(&w, b);
	return reply_end(r, status, &w);
}

int jr_api_provider_budget(struct jr_http_request *r)
{
	struct jr_app_budget b;
	struct jr_diag diag;
	struct jr_app app;
	char text[8];
	long year;
	char *end = NULL;
	enum jr_err err;
	char day[JR_DATE_STRLEN];

	jr_http_app(r, &app, &diag);
	jr_date_format(app.today, day);
	year = strtol(day, NULL, 10);
	if (jr_http_query(r, "year", text, sizeof(text))) {
		year = strtol(text, &end, 10);
		if (!text[0] || *end || year < 2000 || year > 2100)
			return jr_reply_error(r, 422, "invalid", "year",
					      "verwacht een jaar van 2000 tot en met 2100");
	}
	if ((err = jr_app_budget_get(&app, r->ids[0], (int)year, &b)))
		return jr_http_app_fail(r, err, &diag);
	return budget_answer(r, 200, &b);
}

int jr_api_provider_budget_set(struct jr_http_request *r)
{
	static const char *const known[] = {"year", "ceiling_cents", "version", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_app_budget b;
	struct jr_diag diag;
	struct jr_app app;
	int64_t year, ceiling, version;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "year", true, 2000, 2100, 0, &year)) ||
	    (status = jr_field_int(r, body, "ceiling_cents", true, 1, JR_BUDGET_CEILING_MAX, 0,
				   &ceiling)) ||
	    (status = jr_field_int(r, body, "version", false, 0, 1000000000, 0, &version)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_budget_set(&app, r->ids[0], (int)year, ceiling, (int)version, &b)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = budget_answer(r, 200, &b);
out:
	json_decref(body);
	return status;
}

static enum jr_err write_capacity(void *ctx, int form, const struct jr_occupancy *o)
{
	struct jr_list_writer *lw = ctx;
	struct jr_json_writer w;
	enum jr_err err = jr_view_item(lw);

	if (err)
		return err;
	jr_jw_init(&w, lw->out);
	jr_view_capacity(&w, form, o);
	return jr_jw_finish(&w);
}

static enum jr_err fill_capacity(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	struct jr_diag diag;
	struct jr_app app;

	jr_http_app(r, &app, &diag);
	return jr_app_capacity(&app, r->ids[0], write_capacity, w);
}

int jr_api_provider_capacity(struct jr_http_request *r)
{
	struct jr_provider p;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_provider_get(&app, r->ids[0], &p)))
		return jr_http_app_fail(r, err, &diag);
	return jr_reply_list(r, fill_capacity, r);
}

int jr_api_provider_capacity_set(struct jr_http_request *r)
{
	static const char *const known[] = {"form", "places", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_diag diag;
	struct jr_app app;
	int64_t form, places;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = require(r, JR_CAP_PROVIDERS_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "form", true, 1, 10, 0, &form)) ||
	    (status = jr_field_int(r, body, "places", true, 0, JR_CAPACITY_MAX, 0, &places)))
		goto out;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_capacity_set(&app, r->ids[0], (int)form, (int)places)))
		status = jr_http_app_fail(r, err, &diag);
	else
		status = jr_api_provider_capacity(r);
out:
	json_decref(body);
	return status;
}
