/* api_course: the help requests of the records and their course.
 *
 *   GET  /api/v1/help-requests              the consulent's work list (its municipality)
 *   POST /api/v1/help-requests              a new help request for a child
 *   GET  /api/v1/help-requests/{id}         one, with what its course holds
 *   POST /api/v1/help-requests/{id}/analysis | goals | light-options | advice | move
 *
 * Reading needs the child within the principal's reach, changing a help request that it is the
 * principal's to change, opening one that the child lives in the principal's municipality
 * (app/access.c): a help request that does not exist and one out of reach are answered alike
 * (404), one seen but not the principal's to change is 403 with why. A step the course forbids is
 * 422 with the rule's explanation; a stale version is 409. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/advice.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/views.h"
#include "json/policy_set.h"

/* jr_raisers (core/course.h), for the message of a refusal */
static const char raisers_text[] =
	"family, child, school, childcare, gp, youth_health, police, veilig_thuis, local_team, gi "
	"of other";

static enum jr_err help_request_json(struct jr_buf *b, const struct jr_help_request *h,
				     const struct jr_course_facts *f)
{
	char raised[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(h->raised_on, raised);
	err = jr_buf_printf(b, "{\"id\":%lld,\"child_id\":%lld,\"household_id\":", (long long)h->id,
			    (long long)h->child_id);
	if (!err)
		err = h->household_id ? jr_buf_printf(b, "%lld", (long long)h->household_id)
				      : jr_buf_puts(b, "null");
	if (!err)
		err = jr_buf_printf(b, ",\"raised_by\":\"%s\",\"raised_on\":\"%s\",\"question\":",
				    h->raised_by, raised);
	if (!err)
		err = jr_buf_json_string(b, h->question);
	if (!err)
		err = jr_buf_printf(b,
				    ",\"municipality\":\"%s\",\"state\":\"%s\",\"state_label\":\"%s\","
				    "\"version\":%d",
				    h->municipality, jr_hr_state_name(h->state),
				    jr_hr_state_label(h->state), h->version);
	if (!err && f)
		err = jr_buf_printf(b,
				    ",\"course\":{\"broad_analysis\":%s,\"goals\":%d,"
				    "\"light_options_weighed\":%s,\"care_started\":%d,"
				    "\"care_running\":%d,\"outcomes_missing\":%d}",
				    f->broad_analysis ? "true" : "false", f->goals,
				    f->light_options_weighed ? "true" : "false", f->care_started,
				    f->care_running, f->outcomes_missing);
	if (!err)
		err = jr_buf_putc(b, '}');
	return err;
}

/* Answers with help request `id` and its course, `status` (200 or 201). */
static int answer_help_request(struct jr_http_request *r, int64_t id, int status)
{
	struct jr_help_request h;
	struct jr_course_facts f;
	char etag[32];
	enum jr_err err;

	if ((err = jr_store_help_request_get(r->store, &r->actor, id, &h)) ||
	    (err = jr_store_course_facts(r->store, id, &f)))
		return jr_reply_err(r, err, NULL);
	jr_buf_reset(&r->out);
	if ((err = help_request_json(&r->out, &h, &f)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	snprintf(etag, sizeof(etag), "\"%d\"", h.version);
	jr_reply_header(r, "ETag", etag);
	return jr_reply_json(r, status);
}

/* 0 when the principal may read (with `write`, change) help request r->ids[0]; otherwise the
 * status after answering: 403 for the role, or for a help request it sees but may not change;
 * 404 for one that does not exist or lies out of reach (one answer for both, audited). */
static int scope(struct jr_http_request *r, bool write)
{
	enum jr_access_verdict v;
	const char *why;
	int64_t child;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, write ? JR_CAP_PERSON_WRITE : JR_CAP_PERSON_READ)))
		return status;
	err = jr_app_access_help_request(r->store, &r->actor, &r->who, r->policies, r->ids[0],
					 jr_http_today(), write, false, &child, &v, &why);
	if (err)
		return jr_reply_err(r, err, NULL);
	if (v == JR_ACCESS_UNSEEN)
		return jr_api_unseen(r, "hulpvraag", NULL);
	return v == JR_ACCESS_REFUSED ? jr_reply_error(r, 403, "forbidden", NULL, why) : 0;
}

static enum jr_err write_row(void *ctx, const struct jr_help_request_row *row)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_puts(w->out, "{\"help_request\":");
	if (!err)
		err = help_request_json(w->out, &row->h, NULL);
	if (!err)
		err = jr_buf_putc(w->out, ',');
	if (!err)
		err = jr_view_child(w->out, row->given_names, row->family_name, row->birth_date);
	if (!err)
		err = jr_buf_putc(w->out, '}');
	return err;
}

int jr_api_help_requests_list(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	enum jr_help_request_filter filter = JR_HELP_REQUESTS_OPEN;
	struct jr_page page;
	char text[16];
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_WORK_LIST)))
		return status;
	if (!r->who.municipality[0])
		return jr_reply_error(r, 403, "forbidden", NULL,
				      "uw organisatie hoort bij geen gemeente");
	if (jr_http_query(r, "state", text, sizeof(text))) {
		if (strcmp(text, "open") == 0)
			filter = JR_HELP_REQUESTS_OPEN;
		else if (strcmp(text, "all") == 0)
			filter = JR_HELP_REQUESTS_ALL;
		else if (strcmp(text, "review_due") == 0)
			filter = JR_HELP_REQUESTS_REVIEW_DUE;
		else
			return jr_reply_error(r, 422, "invalid", "state",
					      "kies open, all of review_due");
	}
	if ((status = jr_page_read(r, &page)))
		return status;
	jr_buf_reset(&r->out);
	err = jr_buf_puts(&r->out, "{\"items\":[");
	if (!err)
		err = jr_store_help_requests_of(r->store, &r->actor, r->who.municipality, filter,
						jr_http_today(), jr_page_offset(&page),
						page.per_page, write_row, &w, &page.total);
	if (!err)
		err = jr_buf_printf(&r->out,
				    "],\"count\":%zu,\"page\":%lld,\"per_page\":%lld,\"total\":%lld,"
				    "\"municipality\":\"%s\"}\n",
				    w.count, (long long)page.page, (long long)page.per_page,
				    (long long)page.total, r->who.municipality);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

int jr_api_help_request_add(struct jr_http_request *r)
{
	static const char *const known[] = {"child_id", "raised_by", "question", "raised_on",
					    "household_id", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_help_request h = {0};
	struct jr_person child;
	enum jr_access_verdict v;
	const char *why;
	int64_t child_id, household;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = jr_api_require(r, JR_CAP_PERSON_WRITE)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_int(r, body, "child_id", true, 1, INT64_MAX, 0, &child_id)) ||
	    (status = jr_field_int(r, body, "household_id", false, 1, INT64_MAX, 0, &household)) ||
	    (status = jr_field_word(r, body, "raised_by", jr_raisers, raisers_text, h.raised_by,
				    sizeof(h.raised_by))) ||
	    (status = jr_field_text(r, body, "question", true, h.question, sizeof(h.question))) ||
	    (status = jr_field_date(r, body, "raised_on", false, jr_http_today(), &h.raised_on)))
		goto out;
	if (h.raised_on > jr_http_today()) {
		status = jr_reply_error(r, 422, "invalid", "raised_on", "de datum ligt in de toekomst");
		goto out;
	}
	/* the child in reach, and living in the principal's municipality (or under its measure) */
	if ((err = jr_app_access_open_case(r->store, &r->actor, &r->who, r->policies, child_id,
					   jr_http_today(), &v, &why))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	if (v != JR_ACCESS_ALLOWED) {
		status = v == JR_ACCESS_UNSEEN ? jr_api_unseen(r, "persoon", "child_id")
					       : jr_reply_error(r, 403, "forbidden", "child_id", why);
		goto out;
	}
	h.child_id = child_id;
	h.household_id = household;
	/* Residence principle: the child's municipality is responsible. */
	if ((err = jr_store_person_get(r->store, &r->actor, child_id, &child))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	memcpy(h.municipality, child.municipality, sizeof(h.municipality));
	err = jr_store_help_request_add(r->store, &r->actor, &h);
	if (err == JR_ERR_INPUT) {
		status = jr_reply_error(r, 422, "invalid", "household_id",
					"het kind hoort niet bij dit huishouden; geef het huishouden "
					"waarvan het kind lid is, of geen");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = answer_help_request(r, h.id, 201);
out:
	json_decref(body);
	return status;
}

int jr_api_help_request_get(struct jr_http_request *r)
{
	int status = scope(r, false);
	return status ? status : answer_help_request(r, r->ids[0], 200);
}

int jr_api_help_request_analysis(struct jr_http_request *r)
{
	static const char *const known[] = {"needs", "explanation", "participants", "hypotheses",
					    "made_on", NULL};
	json_t *body = jr_http_json_body(r), *needs, *v;
	struct jr_broad_analysis *b = NULL;
	const char *key;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, true)) || (status = jr_field_only(r, body, known)))
		goto out;
	b = jr_calloc(1, sizeof(*b));
	if (!b) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	b->help_request_id = r->ids[0];
	needs = json_object_get(body, "needs");
	if (!json_is_object(needs) || !json_object_size(needs)) {
		status = jr_reply_error(r, 422, "invalid", "needs",
					"verwacht per levensdomein de ernst 0 tot en met 4, "
					"bijv. {\"behaviour\": 3}");
		goto out;
	}
	json_object_foreach(needs, key, v)
	{
		int d = jr_need_parse(key);
		char field[64];
		snprintf(field, sizeof(field), "needs.%.40s", key);
		if (d < 0) {
			status = jr_reply_error(r, 422, "invalid", field, "onbekend levensdomein");
			goto out;
		}
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 4) {
			status = jr_reply_error(r, 422, "invalid", field,
						"verwacht de ernst 0 tot en met 4");
			goto out;
		}
		b->needs[d] = (unsigned char)json_integer_value(v);
	}
	if ((status = jr_field_text(r, body, "explanation", true, b->explanation,
				    sizeof(b->explanation))) ||
	    (status = jr_field_text(r, body, "participants", true, b->participants,
				    sizeof(b->participants))) ||
	    (status = jr_field_text(r, body, "hypotheses", false, b->hypotheses,
				    sizeof(b->hypotheses))) ||
	    (status = jr_field_date(r, body, "made_on", false, jr_http_today(), &b->made_on)))
		goto out;
	if ((err = jr_store_analysis_add(r->store, &r->actor, b))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = answer_help_request(r, r->ids[0], 201);
out:
	jr_free(b);
	json_decref(body);
	return status;
}

int jr_api_help_request_goal(struct jr_http_request *r)
{
	static const char *const known[] = {"text", "review_on", NULL};
	json_t *body = jr_http_json_body(r);
	char text[JR_TEXT_FIELD_MAX];
	jr_day review = 0;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "text", true, text, sizeof(text))) ||
	    (status = jr_field_date(r, body, "review_on", false, 0, &review)))
		goto out;
	if ((err = jr_store_goal_add(r->store, &r->actor, r->ids[0], text, review != 0, review))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = answer_help_request(r, r->ids[0], 201);
out:
	json_decref(body);
	return status;
}

/* The policy of a help request's municipality, or NULL after answering. */
static const struct jr_policy *policy_of(struct jr_http_request *r, int64_t id)
{
	struct jr_help_request h;
	const struct jr_policy *p;
	enum jr_err err = jr_store_help_request_get(r->store, &r->actor, id, &h);

	if (err) {
		jr_reply_err(r, err, NULL);
		return NULL;
	}
	p = jr_policy_set_find(r->policies, h.municipality);
	if (!p)
		jr_reply_error(r, 422, "invalid", NULL,
			       "de gemeente van de hulpvraag staat in geen beleidsbestand");
	return p;
}

int jr_api_help_request_light_option(struct jr_http_request *r)
{
	static const char *const known[] = {"option_id", "tried", "why_not_enough", NULL};
	json_t *body = jr_http_json_body(r);
	char option[64], why[JR_TEXT_FIELD_MAX];
	const struct jr_policy *p;
	const char *kind;
	bool tried;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "option_id", true, option, sizeof(option))) ||
	    (status = jr_field_bool(r, body, "tried", true, false, &tried)) ||
	    (status = jr_field_text(r, body, "why_not_enough", true, why, sizeof(why))))
		goto out;
	if (!(p = policy_of(r, r->ids[0]))) {
		status = r->status;
		goto out;
	}
	kind = jr_policy_offer_kind(p, option);
	if (!kind) {
		status = jr_reply_error(r, 422, "invalid", "option_id",
					"geen licht aanbod van deze regio (sociale basis of vrij "
					"toegankelijk)");
		goto out;
	}
	if ((err = jr_store_light_option_add(r->store, &r->actor, r->ids[0], kind, option, tried,
					     why))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = answer_help_request(r, r->ids[0], 201);
out:
	json_decref(body);
	return status;
}

int jr_api_help_request_advice(struct jr_http_request *r)
{
	static const char *const known[] = {"flags", "court_measure", "date", NULL};
	json_t *body = jr_http_json_body(r), *flags, *v;
	struct jr_advice_input in = {0};
	const char *why = NULL, *measure;
	size_t i;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_date(r, body, "date", false, jr_http_today(), &in.date)))
		goto out;
	flags = json_object_get(body, "flags");
	if (flags && !json_is_array(flags)) {
		status = jr_reply_error(r, 422, "invalid", "flags", "verwacht een lijst van signalen");
		goto out;
	}
	json_array_foreach(flags, i, v)
	{
		int f = json_is_string(v) ? jr_flag_parse(json_string_value(v)) : -1;
		if (f < 0) {
			status = jr_reply_error(r, 422, "invalid", "flags",
						"onbekend signaal; kies uit acute_crisis, "
						"psychiatric_disorder, long_lasting, disability, unsafe, "
						"not_participating, offence");
			goto out;
		}
		in.flags |= JR_FLAG_BIT(f);
	}
	measure = json_string_value(json_object_get(body, "court_measure"));
	if (json_object_get(body, "court_measure") && (!measure || jr_measure_parse(measure) < 0)) {
		status = jr_reply_error(r, 422, "invalid", "court_measure",
					"kies ots, voogdij, jeugdreclassering of machtiging_gesloten");
		goto out;
	}
	in.measure_given = measure != NULL;
	in.measure = measure ? (enum jr_measure)jr_measure_parse(measure) : JR_MEASURE_NONE;
	/* Call first: `why` is filled by the call (argument order is unspecified). */
	err = jr_app_advise(r->store, &r->actor, r->policies, r->ids[0], &in, &r->out, &why);
	if (err == JR_ERR_REFUSED) {
		status = jr_reply_error(r, 422, "refused", NULL, why);
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = jr_reply_json(r, 201);
out:
	json_decref(body);
	return status;
}

int jr_api_help_request_move(struct jr_http_request *r)
{
	static const char *const known[] = {"to", "version", NULL};
	static const char *const states[] = {"analysed", "planned", "in_care", "evaluated",
					     "closed",   "withdrawn", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_help_request h;
	char to[16];
	const char *why = NULL;
	int64_t version;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	if ((status = scope(r, true)) || (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_word(r, body, "to", states,
				    "analysed, planned, in_care, evaluated, closed of withdrawn", to,
				    sizeof(to))) ||
	    (status = jr_field_int(r, body, "version", true, 1, 1000000000, 0, &version)))
		goto out;
	if ((err = jr_store_help_request_get(r->store, &r->actor, r->ids[0], &h))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	h.version = (int)version;
	/* Call first: `why` is filled by the call (argument order is unspecified). */
	err = jr_store_help_request_move(r->store, &r->actor, &h,
					 (enum jr_hr_state)jr_hr_state_parse(to), &why);
	if (err == JR_ERR_REFUSED) {
		status = jr_reply_error(r, 422, "refused", "to", why ? why : "deze stap kan nu niet");
		goto out;
	}
	if (err == JR_ERR_CONFLICT) {
		status = jr_reply_error(r, 409, "conflict", "version",
					"de hulpvraag is intussen gewijzigd; lees opnieuw en geef de "
					"nieuwe versie");
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = answer_help_request(r, r->ids[0], 200);
out:
	json_decref(body);
	return status;
}
