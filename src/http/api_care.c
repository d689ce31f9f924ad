/* api_care: referrals, allocations and the start and stop of care.
 *
 *   GET  /api/v1/referrals                       a referrer's own referrals (by its AGB)
 *   POST /api/v1/referrals                       a referrer refers a child (by BSN)
 *   POST /api/v1/help-requests/{id}/allocations  a consulent or GI allocates care
 *   GET  /api/v1/allocations                     a provider's own allocations
 *   POST /api/v1/allocations/{id}/start | stop   the provider starts or stops care
 *   GET  /api/v1/providers                       the providers, to allocate to
 *
 * A referral is judged by rule 7 and kept with that judgement (app/refer.c); an allocation is
 * checked against every allocation rule by the store, a refusal explained (422). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/refer.h"
#include "core/ident.h"
#include "core/person.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/views.h"
#include "json/policy_set.h"

/* The COD327 referrer type and help-request source of the principal's kind of organisation. */
static bool referrer_of(const struct jr_principal *p, int *type, const char **raised_by)
{
	static const struct {
		const char *kind;
		int type;
		const char *raised_by;
	} kinds[] = {
		{"gp_practice", 2, "gp"},
		{"youth_health", 3, "youth_health"},
		{"hospital", 5, "other"},
		{"local_team", 1, "local_team"},
		{"gi", 4, "gi"},
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, p->org_kind) == 0) {
			*type = kinds[i].type;
			*raised_by = kinds[i].raised_by;
			return true;
		}
	return false;
}

static enum jr_err referral_json(struct jr_buf *b, const struct jr_referral *r, const char *why)
{
	char on[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(r->referred_on, on);
	err = jr_buf_printf(b,
			    "{\"id\":%lld,\"help_request_id\":%lld,\"type\":\"%02d\",\"form\":%d,"
			    "\"referred_on\":\"%s\",\"valid\":%s",
			    (long long)r->id, (long long)r->help_request_id, r->referrer_type, r->form,
			    on, r->valid ? "true" : "false");
	if (!err && why) {
		err = jr_buf_puts(b, ",\"why\":");
		if (!err)
			err = jr_buf_json_string(b, why);
	}
	if (!err)
		err = jr_buf_putc(b, '}');
	return err;
}

/* 0 when the principal has `cap` and its organisation an AGB code (the key of its referrals or
 * allocations); otherwise the status after answering 403. */
static int require_agb(struct jr_http_request *r, int cap, const char *what)
{
	char message[160];
	int status = jr_api_require(r, cap);

	if (status || r->who.agb[0])
		return status;
	snprintf(message, sizeof(message),
		 "uw organisatie heeft geen AGB-code: er zijn geen %s op uw naam", what);
	return jr_reply_error(r, 403, "forbidden", NULL, message);
}

static enum jr_err write_referral(void *ctx, const struct jr_referral_row *row)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_puts(w->out, "{\"referral\":");
	if (!err)
		err = referral_json(w->out, &row->r, NULL);
	if (!err)
		err = jr_buf_putc(w->out, ',');
	if (!err)
		err = jr_view_child(w->out, row->given_names, row->family_name, row->birth_date);
	if (!err)
		err = jr_buf_printf(w->out, ",\"help_request_state\":\"%s\",\"allocated\":%s}",
				    row->state, row->allocated ? "true" : "false");
	return err;
}

static enum jr_err fill_referrals(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_referrals_by_agb(r->store, &r->actor, r->who.agb, jr_page_offset(w->page),
					 w->page->per_page, write_referral, w, &w->page->total);
}

int jr_api_referrals_list(struct jr_http_request *r)
{
	int status = require_agb(r, JR_CAP_REFER, "verwijzingen");
	return status ? status : jr_reply_page(r, fill_referrals, r);
}

/* The child with this BSN, registered first when it is new and the body says who it is. */
static int find_or_register(struct jr_http_request *r, json_t *body, const char *bsn,
			    struct jr_person *child)
{
	const char *field, *message;
	enum jr_err err = jr_store_person_find_bsn(r->store, &r->actor, bsn, child);
	int status;

	if (err != JR_ERR_NOT_FOUND)
		return err ? jr_reply_err(r, err, NULL) : 0;
	if (!json_object_get(body, "given_names"))
		return jr_reply_error(r, 422, "invalid", "bsn",
				      "dit kind staat nog niet in de dossiers; geef ook given_names, "
				      "family_name, birth_date en municipality");
	memset(child, 0, sizeof(*child));
	memcpy(child->bsn, bsn, sizeof(child->bsn));
	if ((status = jr_field_text(r, body, "given_names", true, child->given_names,
				    sizeof(child->given_names))) ||
	    (status = jr_field_text(r, body, "family_name", true, child->family_name,
				    sizeof(child->family_name))) ||
	    (status = jr_field_date(r, body, "birth_date", true, 0, &child->birth_date)) ||
	    (status = jr_field_text(r, body, "municipality", true, child->municipality,
				    sizeof(child->municipality))))
		return status;
	if (jr_person_check(child, jr_http_today(), &field, &message))
		return jr_reply_error(r, 422, "invalid", field, message);
	if (!jr_policy_set_find(r->policies, child->municipality))
		return jr_reply_error(r, 422, "invalid", "municipality",
				      "deze gemeente staat in geen beleidsbestand van de regio");
	err = jr_store_person_add(r->store, &r->actor, child);
	return err ? jr_reply_err(r, err, NULL) : 0;
}

int jr_api_referral_add(struct jr_http_request *r)
{
	static const char *const known[] = {"bsn", "form", "question", "given_names",
					    "family_name", "birth_date", "municipality", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_organisation org;
	struct jr_help_request h = {0};
	struct jr_referral ref = {0};
	struct jr_person child;
	struct jr_buf why;
	const char *raised_by, *bsn;
	int64_t form;
	enum jr_err err;
	int status;

	jr_buf_init(&why, 8192);
	if (!body)
		return r->status;
	if ((status = jr_api_require(r, JR_CAP_REFER)) || (status = jr_field_only(r, body, known)))
		goto out;
	if (!referrer_of(&r->who, &ref.referrer_type, &raised_by) ||
	    jr_store_organisation_get(r->store, r->who.organisation_id, &org)) {
		status = jr_reply_error(r, 403, "forbidden", NULL,
					"uw organisatie is geen verwijzer (huisarts, jeugdarts, "
					"medisch specialist, lokaal team of GI)");
		goto out;
	}
	bsn = json_string_value(json_object_get(body, "bsn"));
	if (!bsn || !jr_bsn_valid(bsn, strlen(bsn))) {
		status = jr_reply_error(r, 422, "invalid", "bsn",
					"verwacht een geldig BSN (9 cijfers, elfproef)");
		goto out;
	}
	if ((status = jr_field_int(r, body, "form", true, 1, 10, 0, &form)) ||
	    (status = jr_field_text(r, body, "question", true, h.question, sizeof(h.question))) ||
	    (status = find_or_register(r, body, bsn, &child)))
		goto out;
	h.child_id = child.id;
	h.raised_on = jr_http_today();
	snprintf(h.raised_by, sizeof(h.raised_by), "%s", raised_by);
	memcpy(h.municipality, child.municipality, sizeof(h.municipality));
	if ((err = jr_store_help_request_add(r->store, &r->actor, &h))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	ref.help_request_id = h.id;
	ref.form = (int)form;
	ref.referred_on = h.raised_on;
	memcpy(ref.agb, r->who.agb, sizeof(ref.agb));
	snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%s", org.name);
	if ((err = jr_app_refer(r->store, &r->actor, r->policies, &ref, &why))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"child_id\":%lld,\"referral\":", (long long)child.id);
	if (!err)
		err = referral_json(&r->out, &ref, jr_buf_str(&why));
	if (!err)
		err = jr_buf_puts(&r->out, "}\n");
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 201);
out:
	jr_buf_release(&why);
	json_decref(body);
	return status;
}

/* 0 when the principal may change help request r->ids[0] (with `decision`, also take a
 * municipal decision on it); otherwise the status after answering: 403 for the role, or for a
 * help request it sees but may not change (or decide on); 404 for one that does not exist or
 * lies out of reach (one answer for both, audited). */
static int case_scope(struct jr_http_request *r, bool decision)
{
	enum jr_access_verdict v;
	const char *why;
	int64_t child;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_PERSON_WRITE)))
		return status;
	err = jr_app_access_help_request(r->store, &r->actor, &r->who, r->policies, r->ids[0],
					 jr_http_today(), true, decision, &child, &v, &why);
	if (err)
		return jr_reply_err(r, err, NULL);
	if (v == JR_ACCESS_UNSEEN)
		return jr_api_unseen(r, "hulpvraag", NULL);
	if (v == JR_ACCESS_REFUSED)
		return jr_reply_error(r, 403, "forbidden", decision ? "municipal_decision" : NULL,
				      why);
	return 0;
}

/* POST /api/v1/help-requests/{id}/allocations: the consulent of the help request's municipality,
 * or the GI under whose running measure the child is (its own decision, app/access.c). */
int jr_api_allocation_add(struct jr_http_request *r)
{
	static const char *const known[] = {"provider_id", "form", "referral_id",
					    "municipal_decision", "start", "end", "result",
					    "intensity", "product_code", "volume", "unit",
					    "frequency", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation al = {0};
	struct jr_help_request h;
	const struct jr_policy *p;
	const char *why = NULL;
	int64_t provider, form, referral, intensity, volume;
	bool decision;
	char start[JR_DATE_STRLEN];
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = case_scope(r, false)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "provider_id", true, 1, INT64_MAX, 0, &provider)) ||
	    (status = jr_field_int(r, body, "form", true, 1, 10, 0, &form)) ||
	    (status = jr_field_int(r, body, "referral_id", false, 1, INT64_MAX, 0, &referral)) ||
	    (status = jr_field_bool(r, body, "municipal_decision", false, false, &decision)) ||
	    (status = jr_field_date(r, body, "start", true, 0, &al.start)) ||
	    (status = jr_field_date(r, body, "end", false, 0, &al.end)) ||
	    (status = jr_field_text(r, body, "result", false, al.result_description,
				    sizeof(al.result_description))) ||
	    (status = jr_field_int(r, body, "intensity", false, 1, 4, 0, &intensity)) ||
	    (status = jr_field_text(r, body, "product_code", false, al.product_code,
				    sizeof(al.product_code))) ||
	    (status = jr_field_int(r, body, "volume", false, 1, 100000, 0, &volume)) ||
	    (status = jr_field_text(r, body, "unit", false, al.unit, sizeof(al.unit))) ||
	    (status = jr_field_text(r, body, "frequency", false, al.frequency,
				    sizeof(al.frequency))))
		goto out;
	/* a municipal decision only by the consulent of the help request's municipality */
	if (decision && (status = case_scope(r, true)))
		goto out;
	if ((err = jr_store_help_request_get(r->store, &r->actor, r->ids[0], &h))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	p = jr_policy_set_find(r->policies, h.municipality);
	if (!p) {
		status = jr_reply_error(r, 422, "invalid", NULL,
					"de gemeente van de hulpvraag staat in geen beleidsbestand");
		goto out;
	}
	al.help_request_id = r->ids[0];
	al.provider_id = provider;
	al.form = (int)form;
	al.referral_id = referral;
	al.has_end = al.end != 0;
	al.intensity = (int)intensity;
	al.volume = (int)volume;
	if (strcmp(r->who.role, "gi") == 0) {
		/* the GI decides the youth care within its measure (Jeugdwet, chapter 3): its own
		 * allocation, which only it changes; without a referral its decision is the basis */
		al.gi_organisation_id = r->who.organisation_id;
		decision = !referral;
	}
	/* Call first: `why` is filled by the call (argument order is unspecified). */
	err = jr_store_allocation_add(r->store, &r->actor, p, &al, decision, &why);
	if (err == JR_ERR_REFUSED) {
		status = jr_reply_error(r, 422, "refused", NULL, why ? why : "deze toewijzing kan niet");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_date_format(al.start, start);
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out,
			    "{\"id\":%lld,\"number\":\"%s\",\"help_request_id\":%lld,"
			    "\"provider_id\":%lld,\"form\":%d,\"jz020\":\"%s\",\"regime\":\"%s\","
			    "\"start\":\"%s\"}\n",
			    (long long)al.id, al.number, (long long)al.help_request_id,
			    (long long)al.provider_id, al.form, al.jz020, jr_regime_name(al.regime),
			    start);
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 201);
out:
	json_decref(body);
	return status;
}

static enum jr_err allocation_json(struct jr_buf *b, const struct jr_allocation_row *a)
{
	char start[JR_DATE_STRLEN], started[JR_DATE_STRLEN], stopped[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(a->start, start);
	jr_date_format(a->care_started, started);
	jr_date_format(a->care_stopped, stopped);
	err = jr_buf_printf(b,
			    "{\"id\":%lld,\"number\":\"%s\",\"help_request_id\":%lld,\"form\":%d,"
			    "\"start\":\"%s\",\"regime\":\"%s\",\"result\":",
			    (long long)a->id, a->number, (long long)a->help_request_id, a->form,
			    start, a->regime);
	if (!err)
		err = jr_buf_json_string(b, a->result_description);
	if (!err)
		err = jr_buf_printf(b, ",\"product_code\":\"%s\",", a->product_code);
	if (!err)
		err = jr_view_child(b, a->given_names, a->family_name, a->birth_date);
	if (!err)
		err = jr_buf_printf(b, ",\"care\":{\"running\":%s", a->care_running ? "true" : "false");
	if (!err && a->care_started)
		err = jr_buf_printf(b, ",\"started_on\":\"%s\"", started);
	if (!err && a->care_stopped)
		err = jr_buf_printf(b, ",\"stopped_on\":\"%s\"", stopped);
	if (!err)
		err = jr_buf_puts(b, "}}");
	return err;
}

static enum jr_err write_allocation(void *ctx, const struct jr_allocation_row *a)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);
	return err ? err : allocation_json(w->out, a);
}

static enum jr_err fill_allocations(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_allocations_by_agb(r->store, &r->actor, r->who.agb,
					   jr_page_offset(w->page), w->page->per_page,
					   write_allocation, w, &w->page->total);
}

int jr_api_allocations_list(struct jr_http_request *r)
{
	int status = require_agb(r, JR_CAP_CARE_DELIVERY, "toewijzingen");
	return status ? status : jr_reply_page(r, fill_allocations, r);
}

/* 0 when the principal may act on allocation r->ids[0] (`act`); otherwise the status after
 * answering: 403 for the role, or for an allocation it sees but did not decide; 404 for one that
 * does not exist or is not its to see (one answer for both, audited). */
static int allocation_scope(struct jr_http_request *r, enum jr_allocation_act act)
{
	struct jr_allocation_owner owner;
	enum jr_access_verdict v;
	const char *why;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, act == JR_ALLOCATION_CARE ? JR_CAP_CARE_DELIVERY
								   : JR_CAP_PERSON_WRITE)))
		return status;
	err = jr_app_access_allocation(r->store, &r->actor, &r->who, r->policies, r->ids[0],
				       jr_http_today(), act, &owner, &v, &why);
	if (err)
		return jr_reply_err(r, err, NULL);
	if (v == JR_ACCESS_UNSEEN)
		return jr_api_unseen(r, "toewijzing", NULL);
	return v == JR_ACCESS_REFUSED ? jr_reply_error(r, 403, "forbidden", NULL, why) : 0;
}

static int answer_allocation(struct jr_http_request *r, int status)
{
	struct jr_allocation_row a;
	enum jr_err err = jr_store_allocation_get(r->store, &r->actor, r->ids[0], &a);

	jr_buf_reset(&r->out);
	if (!err)
		err = allocation_json(&r->out, &a);
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, status);
}

int jr_api_care_start(struct jr_http_request *r)
{
	static const char *const known[] = {"on", NULL};
	json_t *body = jr_http_json_body(r);
	int64_t delivery;
	jr_day on;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, JR_ALLOCATION_CARE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "on", false, jr_http_today(), &on)))
		goto out;
	err = jr_store_care_start(r->store, &r->actor, r->ids[0], on, &delivery);
	if (err == JR_ERR_CONFLICT)
		status = jr_reply_error(r, 409, "conflict", NULL, "de zorg loopt al");
	else if (err == JR_ERR_INPUT)
		status = jr_reply_error(r, 422, "invalid", "on",
					"de zorg kan niet starten voor de toewijzing begint");
	else if (err)
		status = jr_reply_err(r, err, NULL);
	else
		status = answer_allocation(r, 200);
out:
	json_decref(body);
	return status;
}

int jr_api_care_stop(struct jr_http_request *r)
{
	static const char *const known[] = {"on", "goals_reached", "continues_without_help",
					    "satisfaction", "end_reason", NULL};
	static const char *const goals[] = {"yes", "partly", "no", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_care_outcome o = {0};
	int64_t satisfaction;
	jr_day on;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, JR_ALLOCATION_CARE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "on", false, jr_http_today(), &on)) ||
	    (status = jr_field_word(r, body, "goals_reached", goals, "yes, partly of no",
				    o.goals_reached, sizeof(o.goals_reached))) ||
	    (status = jr_field_bool(r, body, "continues_without_help", true, false,
				    &o.continues_without_help)) ||
	    (status = jr_field_int(r, body, "satisfaction", true, 1, 10, 0, &satisfaction)) ||
	    (status = jr_field_word(r, body, "end_reason", jr_end_reasons,
				    "een reden uit iJw JZ588: 02, 20, 31 tot en met 39", o.end_reason,
				    sizeof(o.end_reason))))
		goto out;
	o.satisfaction = (int)satisfaction;
	err = jr_store_care_stop(r->store, &r->actor, r->ids[0], on, &o);
	if (err == JR_ERR_NOT_FOUND)
		status = jr_reply_error(r, 409, "conflict", NULL, "er loopt geen zorg om te stoppen");
	else if (err == JR_ERR_INPUT)
		status = jr_reply_error(r, 422, "invalid", "on",
					"de zorg kan niet stoppen voor hij begon");
	else if (err)
		status = jr_reply_err(r, err, NULL);
	else
		status = answer_allocation(r, 200);
out:
	json_decref(body);
	return status;
}

static enum jr_err write_provider(void *ctx, const struct jr_provider *p)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out, "{\"id\":%lld,\"agb\":\"%s\",\"name\":", (long long)p->id,
				    p->agb);
	if (!err)
		err = jr_buf_json_string(w->out, p->name);
	if (!err)
		err = jr_buf_printf(w->out, ",\"status\":\"%s\",\"version\":%d}",
				    jr_provider_status_name(p->status), p->version);
	return err;
}

static enum jr_err fill_providers(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_provider_each(r->store, write_provider, w);
}

int jr_api_providers_list(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_PROVIDERS_READ);
	return status ? status : jr_reply_list(r, fill_providers, r);
}

static enum jr_err write_measure(void *ctx, const struct jr_measure_row *m)
{
	struct jr_list_writer *w = ctx;
	char start[JR_DATE_STRLEN], end[JR_DATE_STRLEN];
	enum jr_err err = jr_view_item(w);

	jr_date_format(m->start, start);
	jr_date_format(m->end, end);
	if (!err)
		err = jr_buf_printf(w->out,
				    "{\"id\":%lld,\"child_id\":%lld,\"kind\":\"%s\",\"start\":\"%s\","
				    "\"end\":%s%s%s,\"municipality\":\"%s\",",
				    (long long)m->id, (long long)m->child_id, m->kind, start,
				    m->end ? "\"" : "", m->end ? end : "null", m->end ? "\"" : "",
				    m->municipality);
	if (!err)
		err = jr_view_child(w->out, m->given_names, m->family_name, m->birth_date);
	if (!err)
		err = jr_buf_putc(w->out, '}');
	return err;
}

static enum jr_err fill_measures(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_measures_by_gi(r->store, &r->actor, r->who.organisation_id,
				       jr_page_offset(w->page), w->page->per_page, write_measure, w,
				       &w->page->total);
}

int jr_api_measures_list(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_MEASURES);

	if (status)
		return status;
	if (!r->who.organisation_id)
		return jr_reply_error(r, 403, "forbidden", NULL,
				      "de maatregelen staan op naam van een gecertificeerde instelling");
	return jr_reply_page(r, fill_measures, r);
}

/* POST /api/v1/allocations/{id}/change: who decided an allocation changes its end or volume, with
 * its reason (iJw JZ002): the consulent of the help request's municipality, or the GI whose
 * decision within its running measure it was (app/access.c). */
int jr_api_allocation_change(struct jr_http_request *r)
{
	static const char *const known[] = {"reason_code", "end", "volume", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation_change c = {0};
	const char *why = NULL;
	char day[JR_DATE_STRLEN];
	int64_t volume;
	int honoured = 0, status;
	enum jr_err err;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, JR_ALLOCATION_CHANGE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "reason_code", true, c.reason, sizeof(c.reason))) ||
	    (status = jr_field_date(r, body, "end", false, 0, &c.end)) ||
	    (status = jr_field_int(r, body, "volume", false, 1, 100000, 0, &volume)))
		goto out;
	c.has_end = c.end != 0;
	c.has_volume = volume != 0;
	c.volume = (int)volume;
	/* Call first: `why` is filled by the call (argument order is unspecified). */
	err = jr_store_allocation_change(r->store, &r->actor, r->ids[0], &c, &honoured, &why);
	if (err == JR_ERR_REFUSED) {
		status = jr_reply_error(r, 422, "refused", NULL, why ? why : "deze wijziging kan niet");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"allocation_id\":%lld,\"reason_code\":\"%s\",\"end\":",
			    (long long)r->ids[0], c.reason);
	if (!err && c.has_end) {
		jr_date_format(c.end, day);
		err = jr_buf_printf(&r->out, "\"%s\"", day);
	} else if (!err) {
		err = jr_buf_puts(&r->out, "null");
	}
	if (!err && c.has_volume)
		err = jr_buf_printf(&r->out, ",\"volume\":%d", c.volume);
	else if (!err)
		err = jr_buf_puts(&r->out, ",\"volume\":null");
	if (!err)
		err = jr_buf_printf(&r->out, ",\"requests_honoured\":%d}\n", honoured);
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
out:
	json_decref(body);
	return status;
}
