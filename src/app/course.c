/* course: a help request and its course (course.h). */
#include "app/course.h"

#include <string.h>

#include "app/access.h"
#include "app/person.h"
#include "json/policy_set.h"

/* Reach: the principal sees help request `id` (with `write`, may change it). */
static enum jr_err reach(struct jr_app *app, int64_t id, bool write)
{
	enum jr_access_verdict v;
	const char *why;
	int64_t child;
	enum jr_err err;

	if (!app->principal)
		return JR_OK;
	if ((err = jr_app_access_require(app, write ? JR_CAP_PERSON_WRITE : JR_CAP_PERSON_READ)))
		return err;
	err = jr_app_access_help_request(app->store, app->actor, app->principal, app->policies, id,
					 app->today, write, false, &child, &v, &why);
	return err ? err : jr_app_access_answer(app, v, "hulpvraag", NULL, why, NULL);
}

/* Help request `id` as read (audited). */
static enum jr_err read_request(struct jr_app *app, int64_t id, struct jr_help_request *h)
{
	enum jr_err err = jr_store_help_request_get(app->store, app->actor, id, h);

	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "hulpvraag niet gevonden: geen hulpvraag met dit "
						   "nummer");
	return err;
}

/* Help request `id` as read (audited) and what its course holds. */
static enum jr_err read_course(struct jr_app *app, int64_t id, struct jr_help_request *h,
			       struct jr_course_facts *f)
{
	enum jr_err err = jr_store_help_request_course(app->store, app->actor, id, h, f);

	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "hulpvraag niet gevonden: geen hulpvraag met dit "
						   "nummer");
	return err;
}

/* The help request and what its course holds. */
static enum jr_err view(struct jr_app *app, int64_t id, struct jr_course_view *out)
{
	memset(out, 0, sizeof(*out));
	return read_course(app, id, &out->h, &out->f);
}

enum jr_err jr_app_help_request_open(struct jr_app *app, struct jr_help_request *h,
				     const struct jr_person *known)
{
	struct jr_responsibility resp;
	struct jr_person child;
	enum jr_err err;

	if (h->raised_on > app->today)
		return jr_app_fail(app, JR_ERR_INPUT, "raised_on", "de datum ligt in de toekomst");
	if (!h->question[0])
		return jr_app_fail(app, JR_ERR_INPUT, "question",
				   "schrijf de vraag op, in de woorden van het gezin");
	/* Residence principle: the child's municipality is responsible. */
	if (known && known->id == h->child_id) {
		child = *known; /* read already by the caller (and audited there) */
	} else {
		err = jr_store_person_get(app->store, app->actor, h->child_id, &child);
		if (err == JR_ERR_NOT_FOUND)
			return jr_app_fail(app, err, "child_id",
					   "kind niet gevonden: geen persoon met dit nummer");
		if (err)
			return err;
	}
	/* Principle 13 (art. 1.1 Jeugdwet): during a running stay the municipality responsible for
	 * it — the residence just before the stay — not the present BRP address. */
	if ((err = jr_app_responsibility(app, &child, &resp)))
		return err;
	memcpy(h->municipality, resp.code, sizeof(h->municipality));
	memcpy(h->residence, child.municipality, sizeof(h->residence));
	h->before_stay = resp.before_stay;
	err = jr_store_help_request_add(app->store, app->actor, h);
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, "household_id",
				   "het kind hoort niet bij dit huishouden; geef het huishouden "
				   "waarvan het kind lid is, of geen");
	return err;
}

enum jr_err jr_app_help_request_add(struct jr_app *app, const struct jr_help_request *in,
				    struct jr_course_view *out)
{
	struct jr_help_request h = *in;
	enum jr_access_verdict v;
	enum jr_app_tx tx;
	const char *why;
	enum jr_err err;

	if (app->principal) {
		if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)))
			return err;
		/* the child in reach, and living in the principal's municipality (or under its
		 * measure) */
		if ((err = jr_app_access_open_case(app->store, app->actor, app->principal,
						   app->policies, h.child_id, app->today, &v,
						   &why)) ||
		    (err = jr_app_access_answer(app, v, "persoon", "child_id", why, "child_id")))
			return err;
	}
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_app_help_request_open(app, &h, NULL);
	if (!err)
		err = view(app, h.id, out);
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_help_request_reach(struct jr_app *app, int64_t id, bool write)
{
	return reach(app, id, write);
}

enum jr_err jr_app_help_request_get(struct jr_app *app, int64_t id, struct jr_course_view *out)
{
	enum jr_err err = reach(app, id, false);
	return err ? err : view(app, id, out);
}

/* The write `err` of a step on help request `id`, and the help request after it, as one. */
static enum jr_err after(struct jr_app *app, enum jr_app_tx tx, int64_t id, enum jr_err err,
			 struct jr_course_view *out)
{
	if (err == JR_ERR_NOT_FOUND)
		err = jr_app_fail(app, err, NULL, "hulpvraag niet gevonden: geen hulpvraag met dit "
						  "nummer");
	if (!err)
		err = view(app, id, out);
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_analysis_add(struct jr_app *app, const struct jr_broad_analysis *b,
				struct jr_course_view *out)
{
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = reach(app, b->help_request_id, true)))
		return err;
	if (!b->explanation[0])
		return jr_app_fail(app, JR_ERR_INPUT, "explanation",
				   "schrijf de verklaring op: hoe hangen de problemen samen");
	if (!b->participants[0])
		return jr_app_fail(app, JR_ERR_INPUT, "participants",
				   "zeg wie de analyse samen maakten (bijv. gezin, kind, school)");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_analysis_add(app->store, app->actor, b);
	return after(app, tx, b->help_request_id, err, out);
}

enum jr_err jr_app_goal_add(struct jr_app *app, int64_t id, const char *text, jr_day review_on,
			    struct jr_course_view *out)
{
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = reach(app, id, true)))
		return err;
	if (!text || !text[0])
		return jr_app_fail(app, JR_ERR_INPUT, "text", "schrijf het doel op");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_goal_add(app->store, app->actor, id, text, review_on != 0, review_on);
	return after(app, tx, id, err, out);
}

enum jr_err jr_app_light_option_add(struct jr_app *app, int64_t id, const char *option_id,
				    bool tried, const char *why_not_enough,
				    struct jr_course_view *out)
{
	struct jr_help_request h;
	const struct jr_policy *p;
	const char *kind;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = reach(app, id, true)) || (err = read_request(app, id, &h)))
		return err;
	if ((err = jr_app_region(app, JR_ERR_INPUT, h.municipality, app->today, &p)))
		return err;
	if (!p)
		return jr_app_fail(app, JR_ERR_INPUT, NULL,
				   "de gemeente van de hulpvraag staat in geen beleidsbestand");
	kind = option_id ? jr_policy_offer_kind(p, option_id) : NULL;
	if (!kind)
		return jr_app_fail(app, JR_ERR_INPUT, "option_id",
				   "geen licht aanbod van deze regio: kies een aanbod van de sociale "
				   "basis of een vrij toegankelijk aanbod uit het beleid van de regio");
	if (!why_not_enough || !why_not_enough[0])
		return jr_app_fail(app, JR_ERR_INPUT, "why_not_enough",
				   "zeg waarom dit aanbod niet (genoeg) helpt");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_light_option_add(app->store, app->actor, id, kind, option_id, tried,
					why_not_enough);
	return after(app, tx, id, err, out);
}

enum jr_err jr_app_help_request_move(struct jr_app *app, int64_t id, enum jr_hr_state to,
				     int version, struct jr_course_view *out)
{
	struct jr_help_request h;
	struct jr_course_facts f;
	const char *why = NULL;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((unsigned)to >= JR_HR_STATE_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "to",
				   "kies analysed, planned, in_care, evaluated, closed of withdrawn");
	if ((err = reach(app, id, true)) || (err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = read_course(app, id, &h, &f)))
		goto out;
	if (h.version != version) {
		err = jr_app_fail(app, JR_ERR_CONFLICT, "version",
				  "de hulpvraag is intussen gewijzigd; lees opnieuw en geef de "
				  "nieuwe versie");
		goto out;
	}
	/* the rules of the course, on what the records hold (core/course.c) */
	if (jr_course_can_move(&f, to, &why)) {
		err = jr_app_fail(app, JR_ERR_REFUSED, "to", "%s", why ? why : "deze stap kan nu niet");
		goto out;
	}
	err = jr_store_help_request_move(app->store, app->actor, &h, to);
	if (err == JR_ERR_CONFLICT)
		err = jr_app_fail(app, err, "version",
				  "de hulpvraag is intussen gewijzigd; lees opnieuw en geef de "
				  "nieuwe versie");
	if (!err)
		err = view(app, id, out);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_help_request_care_started(struct jr_app *app, int64_t allocation_id)
{
	struct jr_help_request h;
	struct jr_course_facts f;
	const char *why = NULL;
	int64_t id;
	enum jr_err err;

	/* not a read of the help request by whoever started care: only where it stands */
	if ((err = jr_store_help_request_of_allocation(app->store, allocation_id, &id)) ||
	    (err = jr_store_help_request_standing(app->store, id, &h)))
		return err;
	if (h.state != JR_HR_PLANNED)
		return JR_OK;
	if ((err = jr_store_course_facts(app->store, id, &f)))
		return err;
	if (jr_course_can_move(&f, JR_HR_IN_CARE, &why))
		return JR_OK; /* the rules say not yet: the consulent moves it by hand later */
	return jr_store_help_request_move(app->store, app->actor, &h, JR_HR_IN_CARE);
}
