/* api_care: referrals, allocations and the start and stop of care.
 *
 *   GET  /api/v1/referrals                       the referrals the referrer's organisation made,
 *                                                with how far each got
 *   GET  /api/v1/referrals/{id}                  one of them
 *   GET  /api/v1/referrals/choices               the municipalities and forms to refer to
 *   POST /api/v1/referrals                       a referrer refers a child (by BSN, birth date
 *                                                and family name: app/referral.h)
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
#include "app/referral.h"
#include "core/alloc.h"
#include "core/ident.h"
#include "core/person.h"
#include "core/route.h"
#include "core/rules.h"
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

/* 0 when the principal may refer and belongs to an organisation (whose referrals it sees);
 * otherwise the status after answering 403. */
static int require_referrer(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_REFER);

	if (status || r->who.organisation_id)
		return status;
	return jr_reply_error(r, 403, "forbidden", NULL,
			      "u hoort bij geen organisatie: verwijzingen staan op naam van een "
			      "praktijk of instelling");
}

static enum jr_err day_json(struct jr_buf *b, const char *name, jr_day day)
{
	char text[JR_DATE_STRLEN];

	if (!day)
		return jr_buf_printf(b, "\"%s\":null", name);
	jr_date_format(day, text);
	return jr_buf_printf(b, "\"%s\":\"%s\"", name, text);
}

/* A referral as its referrer sees it: the referral, the child by name and birth date, the
 * question, and the progress — received, accepted, allocated (provider, from when, care), closed
 * (how, when). Nothing else of the child's file. */
static enum jr_err referral_row_json(struct jr_buf *b, const struct jr_referral_row *row)
{
	bool withdrawn = strcmp(row->state, "withdrawn") == 0;
	const char *step = row->closed_on ? "closed"
			   : row->allocated ? "allocated"
			   : row->accepted  ? "accepted"
					    : "received";
	const char *label = row->closed_on ? (withdrawn ? "ingetrokken" : "afgesloten")
			    : row->allocated ? "toegewezen"
			    : row->accepted  ? "opgepakt door het lokale team"
					     : "ontvangen";
	enum jr_err err;

	TRY(jr_buf_puts(b, "{\"referral\":"));
	TRY(referral_json(b, &row->r, NULL));
	TRY(jr_buf_putc(b, ','));
	TRY(jr_view_child(b, row->given_names, row->family_name, row->birth_date));
	TRY(jr_buf_puts(b, ",\"question\":"));
	TRY(jr_buf_json_string(b, row->question));
	TRY(jr_buf_printf(b, ",\"progress\":{\"step\":\"%s\",\"label\":\"%s\",", step, label));
	TRY(day_json(b, "received_on", row->r.referred_on));
	TRY(jr_buf_printf(b, ",\"accepted\":%s,\"allocation\":",
			       row->accepted ? "true" : "false"));
	if (row->allocated) {
		TRY(jr_buf_puts(b, "{\"provider\":"));
		TRY(jr_buf_json_string(b, row->provider_name));
		TRY(jr_buf_putc(b, ','));
		TRY(day_json(b, "from", row->allocated_from));
		TRY(jr_buf_putc(b, ','));
		TRY(day_json(b, "care_started_on", row->care_started));
		TRY(jr_buf_putc(b, ','));
		TRY(day_json(b, "care_stopped_on", row->care_stopped));
		TRY(jr_buf_putc(b, '}'));
	} else {
		TRY(jr_buf_puts(b, "null"));
	}
	TRY(jr_buf_puts(b, ",\"closed\":"));
	if (row->closed_on) {
		TRY(jr_buf_putc(b, '{'));
		TRY(day_json(b, "on", row->closed_on));
		TRY(jr_buf_printf(b, ",\"how\":\"%s\",\"label\":\"%s\"}",
				       withdrawn ? "withdrawn" : "closed",
				       withdrawn ? "ingetrokken" : "afgesloten"));
	} else {
		TRY(jr_buf_puts(b, "null"));
	}
	TRY(jr_buf_puts(b, "}}"));
out:
	return err;
}

static enum jr_err write_referral(void *ctx, const struct jr_referral_row *row)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);
	return err ? err : referral_row_json(w->out, row);
}

static enum jr_err fill_referrals(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_referrals_of_organisation(r->store, &r->actor, r->who.organisation_id,
						  jr_page_offset(w->page), w->page->per_page,
						  write_referral, w, &w->page->total);
}

int jr_api_referrals_list(struct jr_http_request *r)
{
	int status = require_referrer(r);
	return status ? status : jr_reply_page(r, fill_referrals, r);
}

/* GET /api/v1/referrals/{id}: one of the organisation's own referrals; another's and one that
 * does not exist are both 404 (both audited). */
int jr_api_referral_get(struct jr_http_request *r)
{
	struct jr_referral_row *row;
	enum jr_err err;
	bool found = false;
	int status = require_referrer(r);

	if (status)
		return status;
	row = jr_calloc(1, sizeof(*row));
	if (!row)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	err = jr_store_referral_of_organisation(r->store, &r->actor, r->who.organisation_id,
						r->ids[0], row, &found);
	jr_buf_reset(&r->out);
	if (!err && found && !(err = referral_row_json(&r->out, row)))
		err = jr_buf_putc(&r->out, '\n');
	status = err		? jr_reply_err(r, err, NULL)
		 : !found	? jr_reply_error(r, 404, "not_found", NULL,
						 "uw organisatie heeft geen verwijzing met dit nummer")
				: jr_reply_json(r, 200);
	jr_free(row);
	return status;
}

/* GET /api/v1/referrals/choices: what the referral form offers, from the policies — every
 * municipality of the regions (code, name, region), and per region the forms of youth care with
 * their names and whether this referrer may refer to them (rule 7, without a court measure). */
int jr_api_referral_choices(struct jr_http_request *r)
{
	struct jr_request *req;
	const char *raised_by;
	enum jr_err err = JR_OK;
	int type, status = require_referrer(r);

	if (status)
		return status;
	if (!referrer_of(&r->who, &type, &raised_by))
		return jr_reply_error(r, 403, "forbidden", NULL,
				      "uw organisatie is geen verwijzer (huisarts, jeugdarts, "
				      "medisch specialist, lokaal team of GI)");
	req = jr_calloc(1, sizeof(*req));
	if (!req)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	req->has_referrer = true;
	req->referrer_type = type;
	memcpy(req->agb, r->who.agb, sizeof(req->agb));
	jr_buf_reset(&r->out);
	TRY(jr_buf_printf(&r->out, "{\"own_municipality\":\"%s\",\"municipalities\":[",
			       r->who.municipality));
	for (size_t i = 0, n = 0; i < r->policies->count; i++) {
		const struct jr_policy *p = r->policies->policies[i];
		for (size_t m = 0; m < p->municipality_count; m++, n++) {
			TRY(jr_buf_printf(&r->out, "%s{\"code\":\"%s\",\"name\":", n ? "," : "",
					       p->municipalities[m].code));
			TRY(jr_buf_json_string(&r->out, p->municipalities[m].name));
			TRY(jr_buf_puts(&r->out, ",\"region\":"));
			TRY(jr_buf_json_string(&r->out, p->id));
			TRY(jr_buf_putc(&r->out, '}'));
		}
	}
	TRY(jr_buf_puts(&r->out, "],\"regions\":["));
	for (size_t i = 0; i < r->policies->count; i++) {
		const struct jr_policy *p = r->policies->policies[i];
		TRY(jr_buf_puts(&r->out, i ? ",{\"id\":" : "{\"id\":"));
		TRY(jr_buf_json_string(&r->out, p->id));
		TRY(jr_buf_puts(&r->out, ",\"name\":"));
		TRY(jr_buf_json_string(&r->out, p->name));
		TRY(jr_buf_puts(&r->out, ",\"forms\":["));
		for (int f = 1; f <= JR_FORM_COUNT; f++) {
			bool may = jr_rule_referral_check(p, req, f) == JR_WHY_RC_VALID;
			TRY(jr_buf_printf(&r->out, "%s{\"number\":%d,\"name\":", f > 1 ? "," : "",
					       f));
			TRY(jr_buf_json_string(&r->out, p->forms[f].name));
			TRY(jr_buf_printf(&r->out, ",\"may_refer\":%s}", may ? "true" : "false"));
		}
		TRY(jr_buf_puts(&r->out, "]}"));
	}
	TRY(jr_buf_puts(&r->out, "]}\n"));
out:
	jr_free(req);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

/* A visible-ASCII Idempotency-Key of 1 to JR_IDEMPOTENCY_KEY_MAX characters into key ("" when
 * the request has none); otherwise the status after answering 422. */
static int idempotency_key(struct jr_http_request *r, char key[JR_IDEMPOTENCY_KEY_MAX + 1])
{
	const char *v = jr_http_header(r, "Idempotency-Key");
	size_t n = v ? strlen(v) : 0;

	key[0] = '\0';
	if (!v)
		return 0;
	for (size_t i = 0; i < n && n <= JR_IDEMPOTENCY_KEY_MAX; i++)
		if (v[i] < 0x21 || v[i] > 0x7e)
			n = 0;
	if (n == 0 || n > JR_IDEMPOTENCY_KEY_MAX)
		return jr_reply_error(r, 422, "invalid", "Idempotency-Key",
				      "de Idempotency-Key moet 1 tot 64 zichtbare ASCII-tekens zijn "
				      "(letters, cijfers, leestekens; geen spaties)");
	memcpy(key, v, n + 1);
	return 0;
}

/* 422 naming the fields that do not fit the BSN (error.fields lists them all). */
static int reply_mismatch(struct jr_http_request *r, const struct jr_referral_result *res)
{
	bool both = res->mismatch == (JR_IDENTITY_BIRTH_DATE | JR_IDENTITY_FAMILY_NAME);
	enum jr_err err;

	jr_buf_reset(&r->out);
	TRY(jr_buf_puts(&r->out, "{\"error\":{\"status\":422,\"code\":\"identity_mismatch\","
				      "\"message\":"));
	TRY(jr_buf_json_string(&r->out, res->message));
	TRY(jr_buf_printf(&r->out, ",\"field\":\"%s\",\"fields\":[%s%s%s]}}\n", res->field,
			       res->mismatch & JR_IDENTITY_BIRTH_DATE ? "\"birth_date\"" : "",
			       both ? "," : "",
			       res->mismatch & JR_IDENTITY_FAMILY_NAME ? "\"family_name\"" : ""));
out:
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 422);
}

static int reply_refused(struct jr_http_request *r, const struct jr_referral_result *res)
{
	static const char *const codes[] = {
		[JR_REFUSED_FIELD] = "invalid",
		[JR_REFUSED_MISMATCH] = "identity_mismatch",
		[JR_REFUSED_ADULT] = "adult",
		[JR_REFUSED_KEY] = "idempotency_key_reused",
		[JR_REFUSED_TOO_MANY] = "too_many_mismatches",
	};
	char retry[24];

	if (res->refusal == JR_REFUSED_MISMATCH)
		return reply_mismatch(r, res);
	if (res->refusal == JR_REFUSED_TOO_MANY) {
		snprintf(retry, sizeof(retry), "%d", JR_REFERRAL_MISMATCH_WINDOW_SECONDS);
		jr_reply_header(r, "Retry-After", retry);
		return jr_reply_error(r, 429, codes[res->refusal], res->field, res->message);
	}
	return jr_reply_error(r, 422, codes[res->refusal], res->field, res->message);
}

/* POST /api/v1/referrals: a referrer refers a child (app/referral.h): 201 for a new referral,
 * 200 with the first one for the same referral again (the same day, or the same
 * Idempotency-Key), 422 naming the field when it may not be, nothing written. */
int jr_api_referral_add(struct jr_http_request *r)
{
	static const char *const known[] = {"bsn", "birth_date", "family_name", "given_names",
					    "municipality", "form", "question", NULL};
	static const char *const said[] = {
		[JR_REFERRAL_MADE] = "De verwijzing is vastgelegd.",
		[JR_REFERRAL_SAME_DAY] = ("Uw organisatie heeft dit kind vandaag al naar deze vorm "
					  "verwezen; er is geen tweede verwijzing vastgelegd. Dit is "
					  "de eerste."),
		[JR_REFERRAL_REPLAYED] = ("Deze aanvraag (dezelfde Idempotency-Key) was al verwerkt; "
					  "dit is de verwijzing die toen is vastgelegd."),
	};
	static const char *const outcomes[] = {[JR_REFERRAL_MADE] = "made",
					       [JR_REFERRAL_SAME_DAY] = "same_day",
					       [JR_REFERRAL_REPLAYED] = "replayed"};
	json_t *body = jr_http_json_body(r);
	struct jr_organisation org;
	struct jr_referral_order *o = jr_calloc(1, sizeof(*o));
	struct jr_referral_result *res = jr_calloc(1, sizeof(*res));
	struct jr_buf why;
	const char *raised_by, *bsn, *field = NULL;
	char object[40];
	int64_t form;
	enum jr_err err = JR_OK;
	int status = 0;

	jr_buf_init(&why, 8192);
	if (!body) {
		status = r->status;
		goto out;
	}
	if (!o || !res) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	if ((status = require_referrer(r)))
		goto out;
	if ((status = jr_field_only(r, body, known))) {
		field = "unknown";
		goto refused;
	}
	if (!referrer_of(&r->who, &o->referrer_type, &raised_by) ||
	    jr_store_organisation_get(r->store, r->who.organisation_id, &org)) {
		status = jr_reply_error(r, 403, "forbidden", NULL,
					"uw organisatie is geen verwijzer (huisarts, jeugdarts, "
					"medisch specialist, lokaal team of GI)");
		goto out;
	}
	/* a refusal of a field is audited as every refusal of a referral is (app/referral.c) */
	field = "Idempotency-Key";
	if ((status = idempotency_key(r, o->idempotency_key)))
		goto refused;
	field = "bsn";
	bsn = json_string_value(json_object_get(body, "bsn"));
	if (!bsn || !jr_bsn_valid(bsn, strlen(bsn))) {
		status = jr_reply_error(r, 422, "invalid", "bsn",
					"verwacht een geldig BSN (9 cijfers, elfproef)");
		goto refused;
	}
	memcpy(o->bsn, bsn, sizeof(o->bsn) - 1);
	/* who the child is, always all of it: the form is the same for a child known or new */
	if ((status = jr_field_date(r, body, field = "birth_date", true, 0, &o->birth_date)) ||
	    (status = jr_field_text(r, body, field = "family_name", true, o->family_name,
				    sizeof(o->family_name))) ||
	    (status = jr_field_text(r, body, field = "given_names", true, o->given_names,
				    sizeof(o->given_names))) ||
	    (status = jr_field_text(r, body, field = "municipality", true, o->municipality,
				    sizeof(o->municipality))) ||
	    (status = jr_field_int(r, body, field = "form", true, 1, JR_FORM_COUNT, 0, &form)) ||
	    (status = jr_field_text(r, body, field = "question", true, o->question,
				    sizeof(o->question))))
		goto refused;
	o->form = (int)form;
	o->on = jr_http_today();
	o->organisation_id = r->who.organisation_id;
	snprintf(o->raised_by, sizeof(o->raised_by), "%s", raised_by);
	memcpy(o->agb, r->who.agb, sizeof(o->agb));
	snprintf(o->referrer_name, sizeof(o->referrer_name), "%s", org.name);
	snprintf(o->source, sizeof(o->source), "api");
	err = jr_app_referral_make(r->store, &r->actor, r->policies, o, res, &why);
	if (err == JR_ERR_REFUSED) {
		status = reply_refused(r, res);
		goto out;
	}
	if (err == JR_ERR_CONFLICT) {
		status = jr_reply_error(r, 409, "conflict", NULL,
					"dezelfde verwijzing werd op hetzelfde moment ook verstuurd; "
					"verstuur opnieuw: u krijgt dan die verwijzing terug");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_buf_reset(&r->out);
	TRY(jr_buf_printf(&r->out, "{\"outcome\":\"%s\",\"message\":", outcomes[res->outcome]));
	TRY(jr_buf_json_string(&r->out, said[res->outcome]));
	TRY(jr_buf_puts(&r->out, ",\"referral\":"));
	TRY(referral_json(&r->out, &res->ref, jr_buf_str(&why)));
	TRY(jr_buf_putc(&r->out, ','));
	TRY(jr_view_child(&r->out, res->given_names, res->family_name, res->birth_date));
	TRY(jr_buf_puts(&r->out, "}\n"));
	status = jr_reply_json(r, res->outcome == JR_REFERRAL_MADE ? 201 : 200);
	goto out;
refused:
	snprintf(object, sizeof(object), "field:%s", field);
	if ((err = jr_store_audit_event(r->store, &r->actor, "referral.refused", 0, object)))
		status = jr_reply_err(r, err, NULL);
out:
	if (err && !status)
		status = jr_reply_err(r, err, NULL);
	jr_buf_release(&why);
	jr_free(o);
	jr_free(res);
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
	    (status = jr_field_word(r, body, "goals_reached", jr_goals_reached, "yes, partly of no",
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
