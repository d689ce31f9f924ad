/* care: allocations, care and measures, with their rules checked once (care.h). */
#include "app/care.h"

#include <stdio.h>
#include <string.h>

#include "app/course.h"
#include "core/alloc.h"
#include "app/letter.h"
#include "json/policy_set.h"

/* The help request `id` as read (audited), and the policy of its municipality in force on
 * `day` (the allocation's start: principle 11). */
static enum jr_err request_policy(struct jr_app *app, int64_t id, jr_day day,
				  struct jr_help_request *h, const struct jr_policy **p)
{
	enum jr_err err = jr_store_help_request_get(app->store, app->actor, id, h);

	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
				   "hulpvraag niet gevonden: geen hulpvraag met dit nummer");
	if (err)
		return err;
	if ((err = jr_app_region(app, JR_ERR_INPUT, h->municipality, day, p)))
		return err;
	if (!*p)
		return jr_app_fail(app, JR_ERR_INPUT, NULL,
				   "de gemeente van de hulpvraag (%s) staat in geen beleidsbestand",
				   h->municipality);
	return JR_OK;
}

/* Who may allocate on help request `id`, and whether the allocation is the GI's own decision. */
static enum jr_err allocation_reach(struct jr_app *app, struct jr_allocation *al,
				    bool *municipal_decision)
{
	enum jr_access_verdict v;
	const char *why;
	int64_t child;
	enum jr_err err;

	if (!app->principal)
		return JR_OK;
	if ((err = jr_app_help_request_reach(app, al->help_request_id, true)))
		return err;
	/* a municipal decision only by a consulent of the help request's municipality */
	if (*municipal_decision) {
		err = jr_app_access_help_request(app->store, app->actor, app->principal,
						 app->policies, al->help_request_id, app->today,
						 true, true, &child, &v, &why);
		if (err || (err = jr_app_access_answer(app, v, "hulpvraag", NULL, why,
						       "municipal_decision")))
			return err;
	}
	if (strcmp(app->principal->role, "gi") == 0) {
		/* the GI decides the youth care within its measure (Jeugdwet, chapter 3): its own
		 * allocation, which only it changes; without a referral its decision is the basis */
		al->gi_organisation_id = app->principal->organisation_id;
		*municipal_decision = !al->referral_id;
	}
	return JR_OK;
}

/* The rule against two allocations of the same kind at once: the first allocation held for the
 * child that jr_allocation_overlaps names. */
struct overlap {
	struct jr_allocation_period new;
	struct jr_allocation_held found;
	bool any;
};

static enum jr_err held(void *ctx, const struct jr_allocation_held *h)
{
	struct overlap *o = ctx;

	if (!o->any && jr_allocation_overlaps(&h->period, &o->new)) {
		o->found = *h;
		o->any = true;
	}
	return JR_OK;
}

/* Day `d` as DD-MM-JJJJ, as a consulent reads a date. */
static void dutch_day(jr_day d, char out[JR_DATE_STRLEN])
{
	char iso[JR_DATE_STRLEN];

	jr_date_format(d, iso);
	snprintf(out, JR_DATE_STRLEN, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
}

/* JR_ERR_REFUSED (field "start") naming the allocation that `al` would run beside, if any: one
 * care of a kind at a time, changed or ended rather than doubled (iJw: one allocation per
 * product per period). */
static enum jr_err overlap_refused(struct jr_app *app, const struct jr_allocation *al)
{
	struct overlap o = {.new = {.form = al->form, .start = al->start, .has_end = al->has_end,
				    .end = al->end}};
	char from[JR_DATE_STRLEN], to[JR_DATE_STRLEN];
	jr_day last;
	bool ends;
	enum jr_err err;

	memcpy(o.new.product_code, al->product_code, sizeof(o.new.product_code));
	if ((err = jr_store_allocations_held(app->store, app->actor, al->help_request_id, al->form,
					     held, &o)))
		return err;
	if (!o.any)
		return JR_OK;
	ends = jr_allocation_last_day(&o.found.period, &last);
	dutch_day(o.found.period.start, from);
	dutch_day(last, to);
	return jr_app_fail(app, JR_ERR_REFUSED, "start",
			   "er loopt al een toewijzing van deze vorm%s voor dit kind in deze periode: "
			   "toewijzing %s, van %s %s%s; wijzig of beëindig die, of laat deze "
			   "toewijzing beginnen na het einde ervan [toewijzing; één toewijzing per "
			   "soort zorg tegelijk]",
			   o.found.period.product_code[0] ? " en dit product" : "", o.found.number, from,
			   ends ? "tot en met " : "", ends ? to : "zonder einddatum");
}

enum jr_err jr_app_allocation_add(struct jr_app *app, struct jr_allocation *al,
				  bool municipal_decision)
{
	const struct jr_municipality *m;
	const struct jr_policy *p;
	struct jr_help_request h;
	struct jr_allocation_facts f;
	const char *why = NULL, *field = NULL;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = allocation_reach(app, al, &municipal_decision)))
		return err;
	if (al->has_end && al->end < al->start)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "de einddatum ligt vóór de begindatum");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = request_policy(app, al->help_request_id, al->start, &h, &p)))
		goto out;
	m = jr_policy_municipality(p, h.municipality);
	f = (struct jr_allocation_facts){
		.form = al->form,
		.municipal_decision = municipal_decision,
		.regime = m ? m->regime : JR_REGIME_RESULT,
		.result_description = al->result_description[0] != '\0',
		.intensity = al->intensity,
		.product_code = al->product_code[0] != '\0',
		.volume = al->volume,
		.unit_or_frequency = al->unit[0] != '\0' || al->frequency[0] != '\0',
		.has_end_date = al->has_end,
		.start = al->start,
		.end = al->end,
	};
	if ((err = jr_store_allocation_facts(app->store, al, p->id, &f)))
		goto out;
	/* every rule of an allocation, here and nowhere else (core/course.c) */
	if (jr_allocation_check(p, &f, &why, &field)) {
		err = jr_app_fail(app, JR_ERR_REFUSED, field, "%s",
				  why ? why : "deze toewijzing kan niet");
		goto out;
	}
	if ((err = overlap_refused(app, al)))
		goto out;
	al->regime = f.regime;
	snprintf(al->jz020, sizeof(al->jz020), "%s", jr_policy_jz020(p, al->form, f.measure));
	/* principle 13: the help request's municipality is responsible (set when it was opened,
	 * by the woonplaatsbeginsel); the allocation keeps it, whatever address follows */
	memcpy(al->responsible, h.municipality, sizeof(al->responsible));
	err = jr_store_allocation_add(app->store, app->actor, al);
	if (!err) /* issue 14 point 5: the decision letter, kept in the same transaction */
		err = jr_app_letter_issue(app, al->id, NULL);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_allocation_reach(struct jr_app *app, int64_t id, enum jr_allocation_act act)
{
	struct jr_allocation_owner owner;
	enum jr_access_verdict v;
	const char *why;
	enum jr_err err;

	if (!app->principal)
		return JR_OK;
	if ((err = jr_app_access_require(app, act == JR_ALLOCATION_CARE ? JR_CAP_CARE_DELIVERY
									 : JR_CAP_PERSON_WRITE)))
		return err;
	err = jr_app_access_allocation(app->store, app->actor, app->principal, app->policies, id,
				       app->today, act, &owner, &v, &why);
	return err ? err : jr_app_access_answer(app, v, "toewijzing", NULL, why, NULL);
}

/* The reason of a change as a number (0 when it is not two digits). */
static int reason_number(const char *r)
{
	if (strlen(r) != 2 || r[0] < '0' || r[0] > '9' || r[1] < '0' || r[1] > '9')
		return 0;
	return (r[0] - '0') * 10 + (r[1] - '0');
}

/* Why change `c` cannot be made to an allocation in state `st`; NULL when it can. */
static const char *change_refused(const struct jr_allocation_change *c,
				  const struct jr_allocation_state *st)
{
	if (!jr_change_reason_known(c->reason))
		return "kies een reden van wijziging uit iJw JZ002: 02 tot en met 14 (01 vervalt)";
	if (!c->has_end && !c->has_volume)
		return "geef een nieuwe einddatum of een nieuw volume";
	if (c->has_end && c->end < st->start)
		return "de nieuwe einddatum ligt vóór de ingangsdatum van de toewijzing";
	if (reason_number(c->reason) == 13 && (!c->has_end || c->end != st->start))
		return "reden 13 (verwijderd) kan alleen met een einddatum gelijk aan de "
		       "ingangsdatum (iJw CS335)";
	if (c->has_volume && (!st->has_volume || c->volume <= 0))
		return "deze toewijzing heeft geen volume om te wijzigen, of het nieuwe volume is "
		       "niet groter dan 0";
	if ((!c->has_end || (st->has_end && c->end == st->end)) &&
	    (!c->has_volume || c->volume == st->volume))
		return "er verandert niets aan de toewijzing";
	return NULL;
}

static enum jr_err allocation_missing(struct jr_app *app, enum jr_err err)
{
	return err == JR_ERR_NOT_FOUND
		       ? jr_app_fail(app, err, NULL,
				     "toewijzing niet gevonden: geen toewijzing met dit nummer")
		       : err;
}

enum jr_err jr_app_allocation_change(struct jr_app *app, int64_t id,
				     const struct jr_allocation_change *c, int *honoured)
{
	struct jr_allocation_state st;
	const char *why;
	enum jr_app_tx tx;
	enum jr_err err;

	*honoured = 0;
	if ((err = jr_app_allocation_reach(app, id, JR_ALLOCATION_CHANGE)) ||
	    (err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = allocation_missing(app, jr_store_allocation_state(app->store, id, &st))))
		goto out;
	if ((why = change_refused(c, &st))) {
		err = jr_app_fail(app, JR_ERR_REFUSED, NULL, "%s", why);
		goto out;
	}
	err = allocation_missing(app, jr_store_allocation_change(app->store, app->actor, id, c,
								 honoured));
	if (!err) /* issue 14 point 5: a changed allocation gets a new letter */
		err = jr_app_letter_issue(app, id, NULL);
out:
	return jr_app_tx_end(app, tx, err);
}

/* The allocation after a start or stop, when asked. */
static enum jr_err read_after(struct jr_app *app, int64_t id, struct jr_allocation_row *out)
{
	return out ? jr_store_allocation_get(app->store, app->actor, id, out) : JR_OK;
}

enum jr_err jr_app_care_start(struct jr_app *app, int64_t id, jr_day on, int64_t *delivery_id,
			      struct jr_allocation_row *out)
{
	int64_t running;
	jr_day started;
	enum jr_app_tx tx;
	enum jr_err err;

	*delivery_id = 0;
	if ((err = jr_app_allocation_reach(app, id, JR_ALLOCATION_CARE)) ||
	    (err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = allocation_missing(app, jr_store_care_running(app->store, id, &running,
								  &started))))
		goto out;
	if (running) { /* one running start per allocation (iJw OP289) */
		err = jr_app_fail(app, JR_ERR_CONFLICT, NULL, "de zorg loopt al");
		goto out;
	}
	if (!(err = jr_store_care_start(app->store, app->actor, id, on, delivery_id)) &&
	    !(err = jr_app_help_request_care_started(app, id)))
		err = read_after(app, id, out);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_care_stop(struct jr_app *app, int64_t id, jr_day on,
			     const struct jr_care_outcome *o, struct jr_allocation_row *out)
{
	int64_t running;
	jr_day started;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = jr_app_allocation_reach(app, id, JR_ALLOCATION_CARE)))
		return err;
	if (!jr_goals_reached_label(o->goals_reached))
		return jr_app_fail(app, JR_ERR_INPUT, "goals_reached", "kies yes, partly of no");
	if (o->satisfaction < 1 || o->satisfaction > 10)
		return jr_app_fail(app, JR_ERR_INPUT, "satisfaction",
				   "verwacht een geheel getal van 1 tot en met 10");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = allocation_missing(app, jr_store_care_running(app->store, id, &running,
								  &started))))
		goto out;
	if (!running) {
		err = jr_app_fail(app, JR_ERR_CONFLICT, NULL, "er loopt geen zorg om te stoppen");
		goto out;
	}
	if (on < started) {
		err = jr_app_fail(app, JR_ERR_INPUT, "on", "de zorg kan niet stoppen voor hij begon");
		goto out;
	}
	if (!(err = jr_store_care_stop(app->store, app->actor, id, on, o)))
		err = read_after(app, id, out);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_allocations_mine(struct jr_app *app, int64_t offset, int64_t limit,
				    jr_allocation_row_fn fn, void *ctx, int64_t *total)
{
	enum jr_err err;

	*total = 0;
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "de toewijzingen zijn die van de aanbieder van een ingelogde "
				   "gebruiker");
	if ((err = jr_app_access_require(app, JR_CAP_CARE_DELIVERY)))
		return err;
	if (!app->principal->agb[0])
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "uw organisatie heeft geen AGB-code: er zijn geen toewijzingen "
				   "op uw naam");
	return jr_store_allocations_by_agb(app->store, app->actor, app->principal->agb, offset,
					   limit, fn, ctx, total);
}

enum jr_err jr_app_measure_add(struct jr_app *app, struct jr_measure_record *m)
{
	const char *why;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	if (m->kind <= JR_MEASURE_NONE || m->kind >= JR_MEASURE_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "kind",
				   "kies ots, voorlopige_ots, voogdij, jeugdreclassering of "
				   "machtiging_gesloten");
	if (m->has_end && m->end < m->start)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "ligt vóór de start");
	/* principle 8: a provisional OTS lasts at most three months (art. 1:257 BW) */
	why = jr_measure_term_check(&(struct jr_measure_term){.kind = m->kind, .start = m->start,
							       .has_end = m->has_end, .end = m->end});
	if (why)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "%s", why);
	err = jr_store_measure_add(app->store, app->actor, m);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
				   "niet gevonden: geen kind (of gecertificeerde instelling) met "
				   "dit nummer");
	return err;
}

enum jr_err jr_app_measures_mine(struct jr_app *app, int64_t offset, int64_t limit,
				 jr_measure_row_fn fn, void *ctx, int64_t *total)
{
	enum jr_err err;

	*total = 0;
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "de maatregelen zijn die van de GI van een ingelogde gebruiker");
	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	if (!app->principal->organisation_id)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "de maatregelen staan op naam van een gecertificeerde instelling");
	return jr_store_measures_by_gi(app->store, app->actor, app->principal->organisation_id,
				       offset, limit, fn, ctx, total);
}

/* The measure `id` for a change by the principal (read inside the caller's transaction): an
 * operator at the command line reaches every measure, a GI only those with it as GI; another
 * GI's measure is answered as one that does not exist. */
static enum jr_err measure_for_change(struct jr_app *app, int64_t id, struct jr_measure_record *m)
{
	enum jr_err err = jr_store_measure_get(app->store, id, m);

	if (!err && app->principal &&
	    (!app->principal->organisation_id ||
	     m->gi_organisation_id != app->principal->organisation_id))
		err = JR_ERR_NOT_FOUND;
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "maatregel niet gevonden: geen maatregel met dit "
						   "nummer%s",
				   app->principal ? " op naam van uw gecertificeerde instelling" : "");
	return err;
}

enum jr_err jr_app_measure_extend(struct jr_app *app, struct jr_measure_extension *e,
				  struct jr_measure_record *after)
{
	struct jr_measure_record m;
	const char *why, *field;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)) ||
	    (err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = measure_for_change(app, e->measure_id, &m)))
		goto out;
	why = jr_measure_extension_check(&(struct jr_measure_term){.kind = m.kind, .start = m.start,
								    .has_end = m.has_end,
								    .end = m.end},
					 e->court_date, e->new_end, &field);
	if (why) {
		err = jr_app_fail(app, JR_ERR_INPUT, field, "%s", why);
		goto out;
	}
	if ((err = jr_store_measure_extend(app->store, app->actor, e)))
		goto out;
	if (after)
		err = jr_store_measure_get(app->store, e->measure_id, after);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_authorisation_add(struct jr_app *app, struct jr_measure_authorisation *au)
{
	struct jr_measure_record m;
	const char *why, *field;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	if ((unsigned)au->kind >= JR_AUTH_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "kind", "kies uithuisplaatsing of gesloten");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = measure_for_change(app, au->measure_id, &m)))
		goto out;
	why = jr_authorisation_check(&(struct jr_measure_term){.kind = m.kind, .start = m.start,
								.has_end = m.has_end, .end = m.end},
				     au->kind, au->start, au->has_end, au->end, &field);
	if (why) {
		err = jr_app_fail(app, JR_ERR_INPUT, field, "%s", why);
		goto out;
	}
	err = jr_store_authorisation_add(app->store, app->actor, au);
out:
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_measure_reach(struct jr_app *app, int64_t id)
{
	struct jr_measure_record m;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	return measure_for_change(app, id, &m);
}

struct gather {
	struct jr_app_allocation_choices *c;
	size_t cap;
};

static enum jr_err contracted(void *ctx, const struct jr_provider *p, const struct jr_contract *k,
			      bool gi)
{
	struct gather *g = ctx;
	struct jr_app_allocation_choices *c = g->c;

	/* never a GI, never a suspended provider (jr_allocation_check refuses both) */
	if (gi || p->status == JR_PROVIDER_SUSPENDED || (c->form && !(k->forms & (1u << c->form))))
		return JR_OK;
	if (c->count == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;
		struct jr_app_contracted *more;
		if (cap > JR_APP_CONTRACTED_MAX)
			return JR_ERR_TOO_BIG;
		if (!(more = jr_realloc(c->items, cap * sizeof(*more))))
			return JR_ERR_NOMEM;
		c->items = more;
		g->cap = cap;
	}
	c->items[c->count].provider = *p;
	c->items[c->count].contract = *k;
	c->count++;
	return JR_OK;
}

enum jr_err jr_app_allocation_choices(struct jr_app *app, int64_t id, int form, jr_day date,
				      struct jr_app_allocation_choices *out)
{
	const struct jr_municipality *m;
	struct jr_help_request h;
	struct gather g = {.c = out};
	enum jr_measure measure = JR_MEASURE_NONE;
	enum jr_app_tx tx;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if (form < 0 || form > JR_FORM_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "form", "kies een vorm van 1 tot en met 10");
	out->help_request_id = id;
	out->form = form;
	out->date = date ? date : app->today;
	if (app->principal && (err = jr_app_help_request_reach(app, id, true)))
		return err;
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = request_policy(app, id, out->date, &h, &out->policy)))
		goto out;
	memcpy(out->municipality, h.municipality, sizeof(out->municipality));
	m = jr_policy_municipality(out->policy, h.municipality);
	out->regime = m ? m->regime : JR_REGIME_RESULT;
	if ((err = jr_store_measure_on(app->store, h.child_id, out->date, &measure)))
		goto out;
	out->under_measure = measure != JR_MEASURE_NONE;
	err = jr_store_contracted_each(app->store, out->policy->id, h.municipality, out->date,
				       contracted, &g);
	if (err == JR_ERR_TOO_BIG)
		err = jr_app_fail(app, err, NULL, "te veel contracten om te tonen");
out:
	if (err)
		jr_app_allocation_choices_release(out);
	return jr_app_tx_end(app, tx, err);
}

void jr_app_allocation_choices_release(struct jr_app_allocation_choices *c)
{
	jr_free(c->items);
	c->items = NULL;
	c->count = 0;
}

bool jr_app_allocation_choice_for(const struct jr_app_allocation_choices *c, size_t i, int form)
{
	if (i >= c->count || form < 1 || form > JR_FORM_COUNT ||
	    !(c->items[i].contract.forms & (1u << form)))
		return false;
	for (size_t j = 0; j < i; j++)
		if (c->items[j].provider.id == c->items[i].provider.id &&
		    (c->items[j].contract.forms & (1u << form)))
			return false;
	return true;
}
