/* api_care: referrals, allocations and the start and stop of care.
 *
 *   GET  /api/v1/referrals                       the referrals the referrer's organisation made,
 *                                                with how far each got
 *   GET  /api/v1/referrals/{id}                  one of them
 *   GET  /api/v1/referrals/choices               the municipalities and forms to refer to
 *   POST /api/v1/referrals                       a referrer refers a child (by BSN, birth date
 *                                                and family name: app/referral.h)
 *   POST /api/v1/help-requests/{id}/allocations  a consulent or GI allocates care
 *   GET  /api/v1/help-requests/{id}/allocation-choices[?form=N&start=D]
 *                                                what the allocation form offers: per form the
 *                                                contracted providers and the regime's fields
 *   GET  /api/v1/allocations                     a provider's own allocations
 *   POST /api/v1/allocations/{id}/start | stop   the provider starts or stops care
 *   GET  /api/v1/providers                       the providers, to allocate to
 *
 * Each handler reads its input, calls one use case of app/care.c or app/referral.c (which check
 * reach and the rules: a referral judged by rule 7, an allocation against every allocation rule,
 * a refusal explained, 422) and renders the result with view/view_care.h. Reach is asked before
 * the body is read (jr_app_*_reach), so that a body tells nothing about records out of reach. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/care.h"
#include "app/provider.h"
#include "app/course.h"
#include "app/referral.h"
#include "core/alloc.h"
#include "core/ident.h"
#include "core/person.h"
#include "core/referral_letter.h"
#include "core/route.h"
#include "core/rules.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "http/views.h"
#include "json/json_writer.h"
#include "json/policy_set.h"
#include "view/view_care.h"
#include "view/view_provider.h"

/* Answers `status` with what `view` renders of `item` (one record, one line). */
#define ANSWER(r, status, view, ...)                                                               \
	answer_end((r), (status), (jr_buf_reset(&(r)->out), jr_jw_init(&jw, &(r)->out),           \
			       view(&jw, __VA_ARGS__), jr_jw_finish(&jw)))
static int answer_end(struct jr_http_request *r, int status, enum jr_err err)
{
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, status);
}

/* A list item rendered by the view. */
#define ITEM(ctx, view, row)                                                                       \
	do {                                                                                       \
		struct jr_list_writer *w_ = (ctx);                                                 \
		struct jr_json_writer jw_;                                                         \
		enum jr_err e_ = jr_view_item(w_);                                                 \
		if (e_)                                                                            \
			return e_;                                                                 \
		jr_jw_init(&jw_, w_->out);                                                         \
		view(&jw_, row);                                                                   \
		return jr_jw_finish(&jw_);                                                         \
	} while (0)

/* A list's use case, its refusal answered before the first item: `fill` runs it with the
 * request's context. */
struct list_run {
	struct jr_http_request *r;
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err; /* the use case's own */
};

static enum jr_err write_referral(void *ctx, const struct jr_referral_row *row)
{
	ITEM(ctx, jr_view_referral_row, row);
}

static enum jr_err fill_referrals(struct jr_list_writer *w)
{
	struct list_run *run = w->ctx;
	return run->err = jr_app_referrals_mine(&run->app, jr_page_offset(w->page),
						w->page->per_page, write_referral, w,
						&w->page->total);
}

/* Runs a paged list whose use case may refuse: the refusal answered as the use case says. */
static int run_page(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w))
{
	struct list_run run = {.r = r};
	int status;

	jr_http_app(r, &run.app, &run.diag);
	status = jr_reply_page(r, fill, &run);
	if (run.err == JR_ERR_FORBIDDEN || run.err == JR_ERR_USAGE || run.err == JR_ERR_NOT_FOUND)
		return jr_http_app_fail(r, run.err, &run.diag);
	return status;
}

int jr_api_referrals_list(struct jr_http_request *r)
{
	return run_page(r, fill_referrals);
}

/* GET /api/v1/referrals/{id}: one of the organisation's own referrals; another's and one that
 * does not exist are both 404 (both audited). */
int jr_api_referral_get(struct jr_http_request *r)
{
	struct jr_referral_row *row = jr_calloc(1, sizeof(*row));
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!row)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_http_app(r, &app, &diag);
	err = jr_app_referral_mine(&app, r->ids[0], row);
	status = err ? jr_http_app_fail(r, err, &diag) : ANSWER(r, 200, jr_view_referral_row, row);
	jr_free(row);
	return status;
}

/* GET /api/v1/referrals/choices: what the referral form offers, from the policies — every
 * municipality of the regions (code, name, region), and per region the forms of youth care with
 * their names and whether this referrer may refer to them (rule 7, without a court measure). */
int jr_api_referral_choices(struct jr_http_request *r)
{
	struct jr_referring_org who;
	struct jr_request *req;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	jr_day today;

	jr_http_app(r, &app, &diag);
	today = app.today;
	if ((err = jr_app_referrer(&app, &who)))
		return jr_http_app_fail(r, err, &diag);
	req = jr_calloc(1, sizeof(*req));
	if (!req)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	req->has_referrer = true;
	req->referrer_type = who.type;
	memcpy(req->agb, who.agb, sizeof(req->agb));
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "own_municipality", who.municipality);
	jr_jw_key(&w, "municipalities");
	jr_jw_array(&w);
	for (size_t i = 0; i < r->policies->count; i++) {
		const struct jr_policy *p = r->policies->policies[i];
		if (!jr_region_listed(r->policies, i, today))
			continue; /* each region once: the version in force today (principle 11) */
		for (size_t m = 0; m < p->municipality_count; m++) {
			jr_jw_object(&w);
			jr_jw_kstring(&w, "code", p->municipalities[m].code);
			jr_jw_kstring(&w, "name", p->municipalities[m].name);
			jr_jw_kstring(&w, "region", p->id);
			jr_jw_end(&w);
		}
	}
	jr_jw_end(&w);
	jr_jw_key(&w, "regions");
	jr_jw_array(&w);
	for (size_t i = 0; i < r->policies->count; i++) {
		const struct jr_policy *p = r->policies->policies[i];
		if (!jr_region_listed(r->policies, i, today))
			continue; /* each region once: the version in force today (principle 11) */
		jr_jw_object(&w);
		jr_jw_kstring(&w, "id", p->id);
		jr_jw_kstring(&w, "name", p->name);
		jr_jw_key(&w, "forms");
		jr_jw_array(&w);
		for (int f = 1; f <= JR_FORM_COUNT; f++) {
			jr_jw_object(&w);
			jr_jw_kint(&w, "number", f);
			jr_jw_kstring(&w, "name", p->forms[f].name);
			jr_jw_kbool(&w, "may_refer",
				    jr_rule_referral_check(p, req, f) == JR_WHY_RC_VALID);
			jr_jw_end(&w);
		}
		jr_jw_end(&w);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	/* the referral letter's own words: how urgent, who consented (core/referral_letter.h) */
	jr_jw_key(&w, "urgencies");
	jr_jw_array(&w);
	for (size_t i = 0; i < jr_referral_urgency_count; i++) {
		jr_jw_object(&w);
		jr_jw_kstring(&w, "code", jr_referral_urgencies[i].code);
		jr_jw_kstring(&w, "label", jr_referral_urgencies[i].label);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_key(&w, "consents");
	jr_jw_array(&w);
	for (size_t i = 0; i < jr_referral_consent_count; i++) {
		jr_jw_object(&w);
		jr_jw_kstring(&w, "code", jr_referral_consents[i].code);
		jr_jw_kstring(&w, "label", jr_referral_consents[i].label);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_end(&w);
	jr_free(req);
	return answer_end(r, 200, jr_jw_finish(&w));
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
	struct jr_json_writer w;
	enum jr_err err;

	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_key(&w, "error");
	jr_jw_object(&w);
	jr_jw_kint(&w, "status", 422);
	jr_jw_kstring(&w, "code", "identity_mismatch");
	jr_jw_kstring(&w, "message", res->message);
	jr_jw_kstring(&w, "field", res->field);
	jr_jw_key(&w, "fields");
	jr_jw_array(&w);
	if (res->mismatch & JR_IDENTITY_BIRTH_DATE)
		jr_jw_string(&w, "birth_date");
	if (res->mismatch & JR_IDENTITY_FAMILY_NAME)
		jr_jw_string(&w, "family_name");
	if (res->mismatch & JR_IDENTITY_GIVEN_NAMES)
		jr_jw_string(&w, "given_names");
	jr_jw_end(&w);
	jr_jw_end(&w);
	jr_jw_end(&w);
	if (!(err = jr_jw_finish(&w)))
		err = jr_buf_putc(&r->out, '\n');
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

int jr_api_referral_add(struct jr_http_request *r)
{
	static const char *const known[] = {"bsn",      "birth_date", "family_name", "given_names",
					    "municipality", "form",   "question",    "urgency",
					    "tried",    "consent",    NULL};
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
	struct jr_referral_order *o = jr_calloc(1, sizeof(*o));
	struct jr_referral_result *res = jr_calloc(1, sizeof(*res));
	struct jr_referring_org who;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	struct jr_buf why;
	const char *bsn, *field = NULL;
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
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_referrer(&app, &who))) {
		status = jr_http_app_fail(r, err, &diag);
		err = JR_OK;
		goto out;
	}
	if ((status = jr_field_only(r, body, known))) {
		field = "unknown";
		goto refused;
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
				    sizeof(o->question))) ||
	    (status = jr_field_text(r, body, field = "urgency", true, o->urgency,
				    sizeof(o->urgency))) ||
	    (status = jr_field_text(r, body, field = "tried", true, o->tried, sizeof(o->tried))) ||
	    (status = jr_field_text(r, body, field = "consent", true, o->consent,
				    sizeof(o->consent))))
		goto refused;
	o->form = (int)form;
	err = jr_app_referral_add(&app, o, res, &why);
	if (err == JR_ERR_REFUSED) {
		status = reply_refused(r, res);
		err = JR_OK;
		goto out;
	}
	if (err) {
		status = jr_http_app_fail(r, err, &diag);
		err = JR_OK;
		goto out;
	}
	status = ANSWER(r, res->outcome == JR_REFERRAL_MADE ? 201 : 200, jr_view_referral_result,
			outcomes[res->outcome], said[res->outcome], res, jr_buf_str(&why));
	goto out;
refused:
	if ((err = jr_app_referral_refused(&app, field)))
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

/* POST /api/v1/help-requests/{id}/allocations: the consulent of the help request's municipality,
 * or the GI under whose running measure the child is (its own decision, app/care.c). */
int jr_api_allocation_add(struct jr_http_request *r)
{
	static const char *const known[] = {"provider_id", "form", "referral_id",
					    "municipal_decision", "start", "end", "result",
					    "intensity", "product_code", "volume", "unit",
					    "frequency", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation al = {0};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	int64_t provider, form, referral, intensity, volume;
	bool decision;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_help_request_reach(&app, r->ids[0], true))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
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
	al.help_request_id = r->ids[0];
	al.provider_id = provider;
	al.form = (int)form;
	al.referral_id = referral;
	al.has_end = al.end != 0;
	al.intensity = (int)intensity;
	al.volume = (int)volume;
	err = jr_app_allocation_add(&app, &al, decision);
	status = err ? jr_http_app_fail(r, err, &diag)
		     : ANSWER(r, 201, jr_view_allocation_made, &al);
out:
	json_decref(body);
	return status;
}

/* GET /api/v1/help-requests/{id}/allocation-choices[?form=N&start=YYYY-MM-DD]: per form of youth
 * care the providers contracted for it in the help request's municipality on the start date
 * (today when none is given), never a GI, and the fields the municipality's regime asks. The
 * same reach as the allocation itself. */
int jr_api_allocation_choices(struct jr_http_request *r)
{
	struct jr_app_allocation_choices c;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	char text[32];
	long long form = 0;
	jr_day start = 0;
	enum jr_err err;
	int status;

	if (jr_http_query(r, "form", text, sizeof(text)) && jr_http_number(text, 1, 10, &form))
		return jr_reply_error(r, 422, "invalid", "form", "kies een vorm van 1 tot en met 10");
	if (jr_http_query(r, "start", text, sizeof(text)) &&
	    jr_date_parse(text, strlen(text), &start))
		return jr_reply_error(r, 422, "invalid", "start",
				      "verwacht een datum als JJJJ-MM-DD");
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_allocation_choices(&app, r->ids[0], (int)form, start, &c)))
		return jr_http_app_fail(r, err, &diag);
	status = ANSWER(r, 200, jr_view_allocation_choices, &c);
	jr_app_allocation_choices_release(&c);
	return status;
}

static enum jr_err write_allocation(void *ctx, const struct jr_allocation_row *a)
{
	ITEM(ctx, jr_view_allocation, a);
}

static enum jr_err fill_allocations(struct jr_list_writer *w)
{
	struct list_run *run = w->ctx;
	return run->err = jr_app_allocations_mine(&run->app, jr_page_offset(w->page),
						  w->page->per_page, write_allocation, w,
						  &w->page->total);
}

int jr_api_allocations_list(struct jr_http_request *r)
{
	return run_page(r, fill_allocations);
}

/* 0 when the principal may do `act` on allocation r->ids[0]; otherwise the status after
 * answering (app/care.c: 403 for the role, or for one it sees but did not decide; 404 alike for
 * one that does not exist or is not its to see). */
static int allocation_scope(struct jr_http_request *r, struct jr_app *app, struct jr_diag *diag,
			    enum jr_allocation_act act)
{
	enum jr_err err;

	jr_http_app(r, app, diag);
	err = jr_app_allocation_reach(app, r->ids[0], act);
	return err ? jr_http_app_fail(r, err, diag) : 0;
}

int jr_api_care_start(struct jr_http_request *r)
{
	static const char *const known[] = {"on", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation_row *a = NULL;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	int64_t delivery;
	jr_day on;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, &app, &diag, JR_ALLOCATION_CARE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "on", false, app.today, &on)))
		goto out;
	if (!(a = jr_calloc(1, sizeof(*a)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	err = jr_app_care_start(&app, r->ids[0], on, &delivery, a);
	status = err ? jr_http_app_fail(r, err, &diag) : ANSWER(r, 200, jr_view_allocation, a);
out:
	jr_free(a);
	json_decref(body);
	return status;
}

int jr_api_care_stop(struct jr_http_request *r)
{
	static const char *const known[] = {"on", "goals_reached", "continues_without_help",
					    "satisfaction", "end_reason", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation_row *a = NULL;
	struct jr_care_outcome o = {0};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	int64_t satisfaction;
	jr_day on;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, &app, &diag, JR_ALLOCATION_CARE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "on", false, app.today, &on)) ||
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
	if (!(a = jr_calloc(1, sizeof(*a)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	err = jr_app_care_stop(&app, r->ids[0], on, &o, a);
	status = err ? jr_http_app_fail(r, err, &diag) : ANSWER(r, 200, jr_view_allocation, a);
out:
	jr_free(a);
	json_decref(body);
	return status;
}

static enum jr_err write_provider(void *ctx, const struct jr_provider *p)
{
	ITEM(ctx, jr_view_provider, p);
}

static enum jr_err fill_providers(struct jr_list_writer *w)
{
	struct list_run *run = w->ctx;
	return run->err = jr_app_providers(&run->app, write_provider, w);
}

int jr_api_providers_list(struct jr_http_request *r)
{
	struct list_run run = {.r = r};
	enum jr_err err;

	jr_http_app(r, &run.app, &run.diag);
	/* asked first: a list answer cannot take a refusal back */
	if ((err = jr_app_access_require(&run.app, JR_CAP_PROVIDERS_READ)))
		return jr_http_app_fail(r, err, &run.diag);
	return jr_reply_list(r, fill_providers, &run);
}

/* The measures listed: their writer and the status asked (?status=running|ended|all). */
struct measure_page {
	struct jr_list_writer *w;
	jr_day today;
};

static enum jr_err write_measure(void *ctx, const struct jr_measure_item *m)
{
	struct measure_page *mp = ctx;
	struct jr_json_writer jw;
	enum jr_err err = jr_view_item(mp->w);

	if (err)
		return err;
	jr_jw_init(&jw, mp->w->out);
	jr_view_measure_row(&jw, m, mp->today);
	return jr_jw_finish(&jw);
}

static enum jr_measure_status measure_status_asked(struct jr_http_request *r)
{
	char status[12];

	if (!jr_http_query(r, "status", status, sizeof(status)) || strcmp(status, "all") == 0)
		return JR_MEASURES_ALL;
	return strcmp(status, "running") == 0 ? JR_MEASURES_RUNNING : JR_MEASURES_ENDED;
}

static enum jr_err fill_measures(struct jr_list_writer *w)
{
	struct list_run *run = w->ctx;
	struct measure_page mp = {.w = w, .today = run->app.today};

	return run->err = jr_app_measures_mine(&run->app, measure_status_asked(run->r),
					       jr_page_offset(w->page), w->page->per_page,
					       write_measure, &mp, &w->page->total);
}

/* GET /api/v1/measures[?status=running|ended|all]: the GI's own measures, running (soonest end
 * first) or ended (latest end first), each with its deadline. */
int jr_api_measures_list(struct jr_http_request *r)
{
	char status[12];

	if (jr_http_query(r, "status", status, sizeof(status)) && strcmp(status, "running") != 0 &&
	    strcmp(status, "ended") != 0 && strcmp(status, "all") != 0)
		return jr_reply_error(r, 422, "invalid", "status",
				      "kies running (lopend), ended (beëindigd) of all (alle)");
	return run_page(r, fill_measures);
}

/* The kinds of measure the API takes (their Dutch labels come from the vocabulary). */
static const char *const measure_kinds[] = {"ots", "voorlopige_ots", "voogdij",
					    "jeugdreclassering", "machtiging_gesloten", NULL};

/* POST /api/v1/measures: the GI records a measure the judge imposed, for a child named by BSN,
 * birth date and family name (and, when new to the records, given names and municipality). */
int jr_api_measure_add(struct jr_http_request *r)
{
	static const char *const known[] = {"bsn",	   "birth_date", "family_name",
					    "given_names", "municipality", "kind",
					    "court_date",  "reference",	 "start",
					    "end",	   NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_measure_order *o = jr_calloc(1, sizeof(*o));
	struct jr_measure_record m = {0};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	char kind[24];
	bool child_new = false;
	enum jr_err err;
	int status;

	if (!body || !o) {
		jr_free(o);
		json_decref(body);
		return body ? jr_reply_err(r, JR_ERR_NOMEM, NULL) : r->status;
	}
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_access_require(&app, JR_CAP_MEASURES))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "bsn", true, o->bsn, sizeof(o->bsn))) ||
	    (status = jr_field_date(r, body, "birth_date", true, 0, &o->birth_date)) ||
	    (status = jr_field_text(r, body, "family_name", true, o->family_name,
				    sizeof(o->family_name))) ||
	    (status = jr_field_text(r, body, "given_names", false, o->given_names,
				    sizeof(o->given_names))) ||
	    (status = jr_field_text(r, body, "municipality", false, o->municipality,
				    sizeof(o->municipality))) ||
	    (status = jr_field_word(r, body, "kind", measure_kinds,
				    "ots, voorlopige_ots, voogdij, jeugdreclassering of "
				    "machtiging_gesloten",
				    kind, sizeof(kind))) ||
	    (status = jr_field_date(r, body, "court_date", true, 0, &o->court_date)) ||
	    (status = jr_field_text(r, body, "reference", true, o->reference,
				    sizeof(o->reference))) ||
	    (status = jr_field_date(r, body, "start", true, 0, &o->start)) ||
	    (status = jr_field_date(r, body, "end", false, 0, &o->end)))
		goto out;
	o->kind = (enum jr_measure)jr_measure_parse(kind);
	o->has_end = o->end != 0;
	err = jr_app_measure_register(&app, o, &m, &child_new);
	status = err ? jr_http_app_fail(r, err, &diag) : ANSWER(r, 201, jr_view_measure, &m);
out:
	jr_free(o);
	json_decref(body);
	return status;
}

/* The extensions of one measure, collected for its view (a measure is extended at most yearly
 * until the child is 18: JR_MEASURE_EXTENSIONS_MAX is more than enough; more are not shown). */
#define JR_MEASURE_EXTENSIONS_MAX 32
struct extension_list {
	struct jr_measure_extension items[JR_MEASURE_EXTENSIONS_MAX];
	size_t count;
};

static enum jr_err extension_seen(void *ctx, const struct jr_measure_extension *e)
{
	struct extension_list *l = ctx;

	if (l->count < JR_MEASURE_EXTENSIONS_MAX)
		l->items[l->count++] = *e;
	return JR_OK;
}

/* GET /api/v1/measures/{id}: one of the GI's own measures with its extensions, kept as the judge
 * decided them, and its deadline; another's and one that does not exist are both 404. */
int jr_api_measure_get(struct jr_http_request *r)
{
	struct extension_list *l = jr_calloc(1, sizeof(*l));
	struct jr_measure_record m = {0};
	struct jr_deadline deadline;
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	bool has_deadline = false;
	enum jr_err err;
	int status;

	if (!l)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_http_app(r, &app, &diag);
	err = jr_app_measure_get(&app, r->ids[0], &m, extension_seen, l, &has_deadline, &deadline);
	status = err ? jr_http_app_fail(r, err, &diag)
		     : ANSWER(r, 200, jr_view_measure_detail, &m, l->items, l->count, app.today,
			      has_deadline, &deadline);
	jr_free(l);
	return status;
}

/* POST /api/v1/allocations/{id}/change: who decided an allocation changes its end or volume, with
 * its reason (iJw JZ002): the consulent of the help request's municipality, or the GI whose
 * decision within its running measure it was (app/care.c). */
int jr_api_allocation_change(struct jr_http_request *r)
{
	static const char *const known[] = {"reason_code", "end", "volume", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_allocation_change c = {0};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	int64_t volume;
	int honoured = 0, status;
	enum jr_err err;

	if (!body)
		return r->status;
	if ((status = allocation_scope(r, &app, &diag, JR_ALLOCATION_CHANGE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "reason_code", true, c.reason, sizeof(c.reason))) ||
	    (status = jr_field_date(r, body, "end", false, 0, &c.end)) ||
	    (status = jr_field_int(r, body, "volume", false, 1, 100000, 0, &volume)))
		goto out;
	c.has_end = c.end != 0;
	c.has_volume = volume != 0;
	c.volume = (int)volume;
	err = jr_app_allocation_change(&app, r->ids[0], &c, &honoured);
	status = err ? jr_http_app_fail(r, err, &diag)
		     : ANSWER(r, 200, jr_view_allocation_change, r->ids[0], &c, honoured);
out:
	json_decref(body);
	return status;
}

/* Principle 8: the records of the judge's decisions on a measure, by the measure's own GI. */
static int measure_scope(struct jr_http_request *r, struct jr_app *app, struct jr_diag *diag)
{
	enum jr_err err;

	jr_http_app(r, app, diag);
	err = jr_app_measure_reach(app, r->ids[0]);
	return err ? jr_http_app_fail(r, err, diag) : 0;
}

/* POST /api/v1/measures/{id}/extensions: the judge extended the measure to a new end
 * {"court_date","end"} (app/care.c: a later end; a provisional OTS within its three months, an
 * OTS by at most a year). */
int jr_api_measure_extend(struct jr_http_request *r)
{
	static const char *const known[] = {"court_date", "end", "reference", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_measure_extension e = {.measure_id = r->ids[0]};
	struct jr_measure_record after = {0};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = measure_scope(r, &app, &diag)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "court_date", true, 0, &e.court_date)) ||
	    (status = jr_field_date(r, body, "end", true, 0, &e.new_end)) ||
	    (status = jr_field_text(r, body, "reference", false, e.reference,
				    sizeof(e.reference))))
		goto out;
	err = jr_app_measure_extend(&app, &e, &after);
	status = err ? jr_http_app_fail(r, err, &diag)
		     : ANSWER(r, 201, jr_view_measure_extension, &e, &after);
out:
	json_decref(body);
	return status;
}

/* POST /api/v1/measures/{id}/authorisations: an authorisation of the judge beside the measure
 * {"kind": "uithuisplaatsing"|"gesloten", "court_date", "start", "end"} (app/care.c). */
int jr_api_measure_authorise(struct jr_http_request *r)
{
	static const char *const known[] = {"kind", "court_date", "start", "end", NULL};
	static const char *const kinds[] = {"uithuisplaatsing", "gesloten", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_measure_authorisation au = {.measure_id = r->ids[0]};
	struct jr_json_writer jw;
	struct jr_diag diag;
	struct jr_app app;
	char kind[24];
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = measure_scope(r, &app, &diag)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "kind", kinds, "uithuisplaatsing of gesloten", kind,
				    sizeof(kind))) ||
	    (status = jr_field_date(r, body, "court_date", true, 0, &au.court_date)) ||
	    (status = jr_field_date(r, body, "start", true, 0, &au.start)) ||
	    (status = jr_field_date(r, body, "end", false, 0, &au.end)))
		goto out;
	au.kind = (enum jr_authorisation)jr_authorisation_parse(kind);
	au.has_end = au.end != 0;
	err = jr_app_authorisation_add(&app, &au);
	status = err ? jr_http_app_fail(r, err, &diag) : ANSWER(r, 201, jr_view_authorisation, &au);
out:
	json_decref(body);
	return status;
}
