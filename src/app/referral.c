/* referral: a referrer refers a child by BSN, after checking who the child is (referral.h). */
#include "app/referral.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/access.h"
#include "app/app.h"
#include "app/refer.h"
#include "app/course.h"
#include "core/alloc.h"
#include "core/referral_letter.h"
#include "core/text.h"
#include "core/route.h"
#include "core/rules.h"
#include "json/policy_set.h"

/* Refuses with `kind`, `field` and the message; returns JR_ERR_REFUSED. */
static enum jr_err refuse(struct jr_referral_result *res, enum jr_referral_refusal kind,
                          const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static enum jr_err refuse(struct jr_referral_result *res, enum jr_referral_refusal kind,
                          const char *field, const char *fmt, ...)
{
	va_list ap;

	res->refusal = kind;
	res->field = field;
	va_start(ap, fmt);
	vsnprintf(res->message, sizeof(res->message), fmt, ap);
	va_end(ap);
	return JR_ERR_REFUSED;
}

/* The order's fields as one text for its fingerprint: each field ends with a unit separator,
 * which no field can hold (names and questions refuse control characters). */
static enum jr_err order_text(const struct jr_referral_order *o, struct jr_buf *b)
{
	char birth[JR_DATE_STRLEN];

	jr_date_format(o->birth_date, birth);
	return jr_buf_printf(b, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f", o->bsn, o->given_names,
	                     o->family_name, birth, o->municipality, o->form) ||
	               jr_buf_puts(b, o->question) || jr_buf_putc(b, '\x1f') ||
	               jr_buf_printf(b, "%s\x1f%s\x1f", o->urgency, o->consent) ||
	               jr_buf_puts(b, o->tried) || jr_buf_putc(b, '\x1f')
	           ? JR_ERR_NOMEM
	           : JR_OK;
}

/* The UTC moment `seconds` ago, as the audit log writes its time. */
static void moment_ago(long seconds, char out[21])
{
	time_t t = time(NULL) - seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The fields of the order a new child would be recorded with, checked as every person is. */
static enum jr_err check_fields(const struct jr_policy_set *set, const struct jr_referral_order *o,
                                struct jr_person *p, struct jr_referral_result *res)
{
	const char *field, *message;

	memset(p, 0, sizeof(*p));
	memcpy(p->bsn, o->bsn, sizeof(p->bsn));
	memcpy(p->given_names, o->given_names, sizeof(p->given_names));
	memcpy(p->family_name, o->family_name, sizeof(p->family_name));
	memcpy(p->municipality, o->municipality, sizeof(p->municipality));
	p->birth_date = o->birth_date;
	p->sex = '0';
	if (jr_person_check(p, o->on, &field, &message))
		return refuse(res, JR_REFUSED_FIELD, field, "%s", message);
	if (!jr_region_knows(set, o->municipality))
		return refuse(
		    res, JR_REFUSED_FIELD, "municipality",
		    "deze gemeente hoort bij geen regio van dit systeem; kies de gemeente "
		    "waar het kind staat ingeschreven uit de lijst");
	if (o->form < 1 || o->form > JR_FORM_COUNT)
		return refuse(res, JR_REFUSED_FIELD, "form",
		              "kies een vorm van jeugdhulp van 1 tot en met %d", JR_FORM_COUNT);
	if (!o->question[0])
		return refuse(res, JR_REFUSED_FIELD, "question",
		              "schrijf de vraag en de reden van de verwijzing op");
	if (!jr_referral_word_label(jr_referral_urgencies, jr_referral_urgency_count, o->urgency))
		return refuse(res, JR_REFUSED_FIELD, "urgency",
		              "kies hoe dringend de verwijzing is: regulier, met voorrang of spoed");
	if (!o->tried[0])
		return refuse(res, JR_REFUSED_FIELD, "tried",
		              "schrijf op wat al is geprobeerd (of dat er nog niets is geprobeerd)");
	if (!jr_referral_word_label(jr_referral_consents, jr_referral_consent_count, o->consent))
		return refuse(res, JR_REFUSED_FIELD, "consent",
		              "kies wie toestemming gaf voor de verwijzing: zonder uitdrukkelijke "
		              "toestemming van ouders en/of jeugdige wordt niet verwezen");
	return JR_OK;
}

static enum jr_err refuse_mismatch(struct jr_referral_result *res, unsigned mismatch)
{
	char what[96];
	bool plural;
	const char *first = jr_identity_mismatch_words(mismatch, what, sizeof(what), &plural);

	res->mismatch = mismatch;
	return refuse(res, JR_REFUSED_MISMATCH, first,
	              "%s %s niet bij dit BSN. Controleer %s (bijvoorbeeld met het identiteitsbewijs "
	              "of de zorgpas van het kind) en ook het BSN zelf: een verkeerd getypt BSN kan "
	              "van een ander kind zijn. Verstuur de verwijzing daarna opnieuw; er is niets "
	              "vastgelegd.",
	              what, plural ? "passen" : "past", plural ? "ze" : "die");
}

static enum jr_err refuse_adult(struct jr_referral_result *res, const struct jr_policy *p)
{
	int limit = p->norms.age_limit;

	return refuse(
	    res, JR_REFUSED_ADULT, "birth_date",
	    "Dit kind is op de dag van verwijzing %d jaar of ouder: dan geldt de Jeugdwet "
	    "niet meer en kan het niet naar jeugdhulp worden verwezen. Hulp voor "
	    "volwassenen loopt via de Wmo (het Wmo-loket van de gemeente) of via de "
	    "Zorgverzekeringswet (de zorgverzekeraar; bij psychische klachten verwijst u "
	    "naar de GGZ voor volwassenen). Of jeugdhulp na het %de jaar doorloopt, "
	    "beslist de gemeente zelf; daar is geen verwijzing voor nodig.",
	    limit, limit);
}

/* Whether the child is younger than the policy's age limit on the day of referral (rule 11,
 * jr_rule_age: a referral is no continuation of care, so only JR_AGE_YOUTH counts). */
static enum jr_err is_youth(const struct jr_policy *p, jr_day birth, jr_day on, bool *youth,
                            int *age)
{
	struct jr_request *req = jr_calloc(1, sizeof(*req));

	if (!req)
		return JR_ERR_NOMEM;
	req->birth_date = birth;
	req->date = on;
	*youth = jr_rule_age(p, req, age) == JR_AGE_YOUTH;
	jr_free(req);
	return JR_OK;
}

/* The referral found again (by key or by day): judged again for its explanation, with the child
 * as the records hold it (the read is audited). */
static enum jr_err found_again(struct jr_store *s, const struct jr_actor *a,
                               const struct jr_policy_set *set, int64_t org, int64_t id,
                               struct jr_referral_result *res, struct jr_buf *why)
{
	struct jr_referral_row *row = jr_calloc(1, sizeof(*row));
	enum jr_err err;
	bool found;

	if (!row)
		return JR_ERR_NOMEM;
	err = jr_store_referral_of_organisation(s, a, org, id, row, &found);
	if (!err && !found)
		err = JR_ERR_INTERNAL;
	if (!err) {
		res->ref = row->r;
		memcpy(res->given_names, row->given_names, sizeof(res->given_names));
		memcpy(res->family_name, row->family_name, sizeof(res->family_name));
		res->birth_date = row->birth_date;
		err = jr_app_refer_judge(s, a, set, &res->ref, why);
	}
	jr_free(row);
	return err;
}

/* Everything but the transaction and the audit entry of a refusal (*child: the known child,
 * 0 when none, for that entry). */
static enum jr_err make(struct jr_store *s, const struct jr_actor *a,
                        const struct jr_policy_set *set, const struct jr_referral_order *o,
                        struct jr_referral_result *res, struct jr_buf *why, int64_t *child_id)
{
	struct jr_person *given = jr_calloc(1, sizeof(*given));
	struct jr_person *child = jr_calloc(1, sizeof(*child));
	struct jr_help_request *h = jr_calloc(1, sizeof(*h));
	struct jr_referral *same = jr_calloc(1, sizeof(*same));
	struct jr_buf text;
	const struct jr_policy *p;
	char fingerprint[JR_FINGERPRINT_HEX + 1], since[21];
	const char *problem;
	int64_t mismatches;
	enum jr_err err;
	unsigned mismatch;
	bool found, youth;
	int age = 0;

	jr_buf_init(&text, 2 * JR_TEXT_FIELD_MAX + 1024);
	if (!given || !child || !h || !same) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	if ((err = check_fields(set, o, given, res)) || (err = order_text(o, &text)))
		goto out;
	jr_store_fingerprint(s, jr_buf_str(&text), fingerprint);
	/* the same key again: the answer it had, or a refusal when the request is another */
	if (o->idempotency_key[0]) {
		if ((err = jr_store_referral_by_key(s, o->organisation_id, o->idempotency_key, same,
		                                    &found)))
			goto out;
		if (found && strcmp(same->fingerprint, fingerprint) != 0) {
			err = refuse(res, JR_REFUSED_KEY, "Idempotency-Key",
			             "deze Idempotency-Key hoort bij een andere verwijzing van uw "
			             "organisatie; geef elke nieuwe verwijzing een nieuwe sleutel");
			goto out;
		}
		if (found) {
			res->outcome = JR_REFERRAL_REPLAYED;
			err = found_again(s, a, set, o->organisation_id, same->id, res, why);
			goto out;
		}
	}
	if ((err = jr_store_person_find_bsn(s, a, o->bsn, child)) && err != JR_ERR_NOT_FOUND)
		goto out;
	found = err == JR_OK;
	err = JR_OK;
	if (found) {
		*child_id = child->id;
		moment_ago(JR_REFERRAL_MISMATCH_WINDOW_SECONDS, since);
		if ((err = jr_store_referral_mismatches(s, o->organisation_id, child->id, since,
		                                        &mismatches)))
			goto out;
		if (mismatches >= JR_REFERRAL_MISMATCHES_MAX) {
			err = refuse(
			    res, JR_REFUSED_TOO_MANY, "bsn",
			    "Voor dit BSN zijn vandaag al %d keer gegevens gestuurd die niet "
			    "klopten; verwijzen met dit BSN kan pas morgen weer. Neem zo "
			    "nodig contact op met het lokale team van de gemeente.",
			    JR_REFERRAL_MISMATCHES_MAX);
			goto out;
		}
		if ((mismatch = jr_identity_mismatch(child, o->birth_date, o->family_name,
		                                         o->given_names))) {
			err = refuse_mismatch(res, mismatch);
			goto out;
		}
	} else {
		*child = *given;
	}
	/* the age limit of the region responsible: the child's municipality as the records hold it
	 */
	p = jr_policy_set_find(set, child->municipality, o->on); /* principle 11 */
	if (!p && jr_region_knows(set, child->municipality)) {
		char msg[JR_DIAG_MESSAGE_MAX];
		jr_region_no_policy_message(set, child->municipality, o->on, msg, sizeof(msg));
		err = refuse(res, JR_REFUSED_FIELD, "date", "%s", msg);
		goto out;
	}
	if (!p) {
		err = refuse(res, JR_REFUSED_FIELD, "municipality",
		             "de gemeente van dit kind hoort bij geen regio van dit systeem; neem "
		             "contact op met de gemeente waar het kind staat ingeschreven");
		goto out;
	}
	if ((err = is_youth(p, child->birth_date, o->on, &youth, &age)))
		goto out;
	if (!youth) {
		err = refuse_adult(res, p);
		goto out;
	}
	/* consent as the child's age asks it (the age as the records hold it) */
	if ((problem = jr_referral_consent_problem(o->consent, age))) {
		err = refuse(res, JR_REFUSED_FIELD, "consent", "%s", problem);
		goto out;
	}
	/* the same referral today: the first one */
	if (found) {
		if ((err = jr_store_referral_same_day(s, o->organisation_id, child->id, o->form,
		                                      o->on, same, &found)))
			goto out;
		if (found) {
			res->outcome = JR_REFERRAL_SAME_DAY;
			err = found_again(s, a, set, o->organisation_id, same->id, res, why);
			goto out;
		}
	}
	if (!child->id && (err = jr_store_person_add(s, a, child)))
		goto out;
	h->child_id = child->id;
	h->raised_on = o->on;
	snprintf(h->raised_by, sizeof(h->raised_by), "%s", o->raised_by);
	memcpy(h->question, o->question, sizeof(h->question));
	memcpy(h->municipality, child->municipality, sizeof(h->municipality));
	if ((err = jr_store_help_request_add(s, a, h)))
		goto out;
	memset(&res->ref, 0, sizeof(res->ref));
	res->ref.help_request_id = h->id;
	res->ref.referrer_type = o->referrer_type;
	memcpy(res->ref.agb, o->agb, sizeof(res->ref.agb));
	memcpy(res->ref.referrer_name, o->referrer_name, sizeof(res->ref.referrer_name));
	res->ref.referred_on = o->on;
	res->ref.form = o->form;
	memcpy(res->ref.source, o->source, sizeof(res->ref.source));
	res->ref.organisation_id = o->organisation_id;
	memcpy(res->ref.idempotency_key, o->idempotency_key, sizeof(res->ref.idempotency_key));
	memcpy(res->ref.fingerprint, fingerprint, sizeof(res->ref.fingerprint));
	res->ref.once_a_day = true;
	memcpy(res->ref.urgency, o->urgency, sizeof(res->ref.urgency));
	memcpy(res->ref.tried, o->tried, sizeof(res->ref.tried));
	memcpy(res->ref.consent, o->consent, sizeof(res->ref.consent));
	if ((err = jr_app_refer(s, a, set, &res->ref, why)))
		goto out;
	res->outcome = JR_REFERRAL_MADE;
	memcpy(res->given_names, child->given_names, sizeof(res->given_names));
	memcpy(res->family_name, child->family_name, sizeof(res->family_name));
	res->birth_date = child->birth_date;
out:
	jr_buf_release(&text);
	jr_free(given);
	jr_free(child);
	jr_free(h);
	jr_free(same);
	return err;
}

/* The audit entry of a refusal: which rule, and the fields that did not fit (never values). */
static enum jr_err audit_refusal(struct jr_store *s, const struct jr_actor *a,
                                 const struct jr_referral_result *res, int64_t child)
{
	static const char *const kinds[] = {
	    [JR_REFUSED_FIELD] = "field:",
	    [JR_REFUSED_MISMATCH] = "mismatch:",
	    [JR_REFUSED_ADULT] = "adult",
	    [JR_REFUSED_KEY] = "idempotency-key",
	    [JR_REFUSED_TOO_MANY] = "too-many-mismatches",
	};
	char object[64];

	if (res->refusal == JR_REFUSED_MISMATCH)
		snprintf(object, sizeof(object), "mismatch:%s%s%s%s%s",
		         res->mismatch & JR_IDENTITY_BIRTH_DATE ? "birth_date" : "",
		         (res->mismatch & JR_IDENTITY_BIRTH_DATE) &&
		                 (res->mismatch & (JR_IDENTITY_FAMILY_NAME | JR_IDENTITY_GIVEN_NAMES))
		             ? ","
		             : "",
		         res->mismatch & JR_IDENTITY_FAMILY_NAME ? "family_name" : "",
		         (res->mismatch & JR_IDENTITY_FAMILY_NAME) &&
		                 (res->mismatch & JR_IDENTITY_GIVEN_NAMES)
		             ? ","
		             : "",
		         res->mismatch & JR_IDENTITY_GIVEN_NAMES ? "given_names" : "");
	else if (res->refusal == JR_REFUSED_FIELD)
		snprintf(object, sizeof(object), "field:%.40s", res->field ? res->field : "");
	else
		snprintf(object, sizeof(object), "%s", kinds[res->refusal]);
	return jr_store_audit_event(
	    s, a, res->refusal == JR_REFUSED_MISMATCH ? "referral.mismatch" : "referral.refused",
	    child, object);
}

enum jr_err jr_app_referral_make(struct jr_store *s, const struct jr_actor *a,
                                 const struct jr_policy_set *set, const struct jr_referral_order *o,
                                 struct jr_referral_result *res, struct jr_buf *why)
{
	bool outer = jr_store_in_bulk(s);
	int64_t child = 0;
	enum jr_err err, end;

	memset(res, 0, sizeof(*res));
	if (!o->organisation_id || !o->source[0] || !o->raised_by[0] || o->referrer_type < 1 ||
	    o->referrer_type >= JR_REFERRER_CODES)
		return JR_ERR_INPUT;
	if ((err = outer ? jr_store_part_begin(s) : jr_store_bulk_begin(s)))
		return err;
	err = make(s, a, set, o, res, why, &child);
	/* a refusal writes nothing: whatever was read or written on the way is undone */
	end = outer ? jr_store_part_end(s, err == JR_OK) : jr_store_bulk_end(s, err == JR_OK);
	if (!err && end)
		err = end == JR_ERR_REFUSED ? JR_ERR_STORE : end;
	if (err == JR_ERR_REFUSED) {
		enum jr_err audited = audit_refusal(s, a, res, child);
		if (audited)
			return audited;
	}
	return err;
}

/* ------------------------------------------------------------------------------------------
 * The referrer's own use cases
 * ---------------------------------------------------------------------------------------- */

/* The principal may refer and belongs to an organisation (whose referrals it sees). */
static enum jr_err may_refer(struct jr_app *app)
{
	enum jr_err err;

	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "een verwijzing op naam van een organisatie maakt een ingelogde "
				   "verwijzer; op de opdrachtregel: jeugdroute care referral");
	if ((err = jr_app_access_require(app, JR_CAP_REFER)))
		return err;
	if (!app->principal->organisation_id)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "u hoort bij geen organisatie: verwijzingen staan op naam van een "
				   "praktijk of instelling");
	return JR_OK;
}

enum jr_err jr_app_referrer(struct jr_app *app, struct jr_referring_org *out)
{
	/* the COD327 referrer type and help-request source of each kind of organisation */
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
	struct jr_organisation org;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = may_refer(app)))
		return err;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, app->principal->org_kind) == 0) {
			out->type = kinds[i].type;
			snprintf(out->raised_by, sizeof(out->raised_by), "%s", kinds[i].raised_by);
		}
	if (!out->type || jr_store_organisation_get(app->store, app->principal->organisation_id,
						    &org))
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "uw organisatie is geen verwijzer (huisarts, jeugdarts, medisch "
				   "specialist, lokaal team of GI)");
	out->organisation_id = app->principal->organisation_id;
	memcpy(out->agb, app->principal->agb, sizeof(out->agb));
	memcpy(out->municipality, app->principal->municipality, sizeof(out->municipality));
	snprintf(out->name, sizeof(out->name), "%s", org.name);
	return JR_OK;
}

enum jr_err jr_app_referral_add(struct jr_app *app, const struct jr_referral_order *in,
				struct jr_referral_result *res, struct jr_buf *why)
{
	struct jr_referral_order *o = jr_calloc(1, sizeof(*o));
	struct jr_referring_org who;
	enum jr_err err;

	memset(res, 0, sizeof(*res));
	if (!o)
		return JR_ERR_NOMEM;
	if ((err = jr_app_referrer(app, &who)))
		goto out;
	*o = *in;
	o->on = app->today;
	o->organisation_id = who.organisation_id;
	o->referrer_type = who.type;
	snprintf(o->raised_by, sizeof(o->raised_by), "%s", who.raised_by);
	memcpy(o->agb, who.agb, sizeof(o->agb));
	snprintf(o->referrer_name, sizeof(o->referrer_name), "%s", who.name);
	snprintf(o->source, sizeof(o->source), "api");
	err = jr_app_referral_make(app->store, app->actor, app->policies, o, res, why);
	if (err == JR_ERR_REFUSED)
		jr_app_fail(app, err, res->field, "%s", res->message);
	else if (err == JR_ERR_CONFLICT)
		jr_app_fail(app, err, NULL,
			    "dezelfde verwijzing werd op hetzelfde moment ook verstuurd; verstuur "
			    "opnieuw: u krijgt dan die verwijzing terug");
out:
	jr_free(o);
	return err;
}

enum jr_err jr_app_referral_refused(struct jr_app *app, const char *field)
{
	char object[64];

	snprintf(object, sizeof(object), "field:%.40s", field ? field : "");
	return jr_store_audit_event(app->store, app->actor, "referral.refused", 0, object);
}

enum jr_err jr_app_referrals_mine(struct jr_app *app, int64_t offset, int64_t limit,
				  jr_referral_row_fn fn, void *ctx, int64_t *total)
{
	enum jr_err err;

	*total = 0;
	if ((err = may_refer(app)))
		return err;
	return jr_store_referrals_of_organisation(app->store, app->actor,
						  app->principal->organisation_id, offset, limit,
						  fn, ctx, total);
}

enum jr_err jr_app_referral_mine(struct jr_app *app, int64_t id, struct jr_referral_row *out)
{
	enum jr_err err;
	bool found = false;

	if ((err = may_refer(app)))
		return err;
	if ((err = jr_store_referral_of_organisation(app->store, app->actor,
						     app->principal->organisation_id, id, out,
						     &found)))
		return err;
	return found ? JR_OK
		     : jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
				   "uw organisatie heeft geen verwijzing met dit nummer");
}

/* The one referral of a help request's list that is asked for. */
struct picked {
	int64_t id;
	struct jr_referral_row *out;
};

static enum jr_err pick_referral(void *ctx, const struct jr_referral_row *r)
{
	struct picked *p = ctx;

	if (r->r.id == p->id)
		*p->out = *r;
	return JR_OK;
}

enum jr_err jr_app_referrals_of_help_request(struct jr_app *app, int64_t help_request_id,
					     jr_referral_row_fn fn, void *ctx)
{
	enum jr_err err;

	/* the letter is for whoever decides on the help request, not for every reader of it */
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)) ||
	    (err = jr_app_help_request_reach(app, help_request_id, false)))
		return err;
	return jr_store_referrals_of_help_request(app->store, app->actor, help_request_id, fn,
						  ctx);
}

enum jr_err jr_app_referral_answer_reach(struct jr_app *app, int64_t id, int64_t *help_request)
{
	enum jr_err err;
	bool found = false;

	*help_request = 0;
	if (!app->principal || strcmp(app->principal->role, "consulent") != 0)
		return jr_app_fail(app, app->principal ? JR_ERR_FORBIDDEN : JR_ERR_USAGE, NULL,
				   "alleen een consulent van het lokale team beantwoordt een "
				   "verwijzer");
	if ((err = jr_store_referral_help_request(app->store, id, help_request, &found)))
		return err;
	/* one out of reach answers as one that does not exist: the same words */
	if (!found || (err = jr_app_help_request_reach(app, *help_request, true)) ==
	                  JR_ERR_NOT_FOUND)
		return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
				   "verwijzing niet gevonden: geen verwijzing met dit nummer");
	return err;
}

enum jr_err jr_app_referral_answer(struct jr_app *app, int64_t id, const char *answer,
				   struct jr_referral_row *out)
{
	enum jr_app_tx tx;
	int64_t help_request = 0;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_referral_answer_reach(app, id, &help_request)))
		return err;
	if (!answer || !answer[0])
		return jr_app_fail(app, JR_ERR_INPUT, "message",
				   "schrijf een kort bericht voor de verwijzer");
	if (strlen(answer) > JR_REFERRAL_ANSWER_MAX ||
	    !jr_text_valid(answer, JR_REFERRAL_ANSWER_MAX, true))
		return jr_app_fail(app, JR_ERR_INPUT, "message",
				   "het bericht is te lang of bevat tekens die niet in een tekst "
				   "horen: ten hoogste %d tekens gewone tekst",
				   JR_REFERRAL_ANSWER_MAX);
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_referral_answer(app->store, app->actor, id, answer, app->today,
				       app->principal->username);
	if (!err)
		err = jr_store_referrals_of_help_request(app->store, app->actor, help_request,
							 pick_referral, &(struct picked){id, out});
	return jr_app_tx_end(app, tx, err);
}
