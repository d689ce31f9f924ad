/* care: allocations, care and measures, with their rules checked once (care.h). */
#include "app/care.h"

#include <stdio.h>
#include <string.h>

#include "app/course.h"
#include "core/alloc.h"
#include "core/ident.h"
#include "core/identity.h"
#include "core/region.h"
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

/* The birth date of child `id`; JR_ERR_NOT_FOUND when there is no such child. */
static enum jr_err child_birth(struct jr_app *app, int64_t id, jr_day *birth)
{
	struct jr_person *p = jr_calloc(1, sizeof(*p));
	enum jr_err err;

	*birth = 0;
	if (!p)
		return JR_ERR_NOMEM;
	err = jr_store_person_get(app->store, app->actor, id, p);
	if (!err)
		*birth = p->birth_date;
	jr_free(p);
	return err;
}

enum jr_err jr_app_measure_add(struct jr_app *app, struct jr_measure_record *m)
{
	const char *why, *field;
	jr_day birth;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	if (m->kind <= JR_MEASURE_NONE || m->kind >= JR_MEASURE_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "kind",
				   "kies ots, voorlopige_ots, voogdij, jeugdreclassering of "
				   "machtiging_gesloten");
	if (m->has_end && m->end < m->start)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "ligt vóór de start");
	if ((err = child_birth(app, m->child_id, &birth)) == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
				   "niet gevonden: geen kind (of gecertificeerde instelling) met "
				   "dit nummer");
	if (err)
		return err;
	/* principle 8 and issue 15 point 3: the term by kind (a provisional OTS at most three
	 * months, art. 1:257 BW; an OTS at most a year, art. 1:258 BW; the child's age) */
	why = jr_measure_term_check_field(&(struct jr_measure_term){.kind = m->kind,
								    .start = m->start,
								    .has_end = m->has_end,
								    .end = m->end,
								    .birth_date = birth},
					  &field);
	if (why)
		return jr_app_fail(app, JR_ERR_INPUT, field, "%s", why);
	err = jr_store_measure_add(app->store, app->actor, m);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
				   "niet gevonden: geen kind (of gecertificeerde instelling) met "
				   "dit nummer");
	return err;
}

/* The deadline of a measure ending (core/deadlines.c, the consulent's rule) on app->today,
 * under the norms of the policy of the child's municipality. */
static bool measure_deadline(struct jr_app *app, enum jr_measure kind, int64_t id, bool has_end,
			     jr_day end, const char *municipality, struct jr_deadline *out)
{
	static const struct jr_norms none;
	const struct jr_policy *p = NULL;
	struct jr_deadline_facts *f;
	struct jr_deadlines *d;
	bool found = false;

	if (!has_end || !end)
		return false;
	f = jr_calloc(1, sizeof(*f));
	d = jr_calloc(1, sizeof(*d));
	if (f && d) {
		if (municipality && municipality[0] && app->policies)
			p = jr_policy_set_find(app->policies, municipality, app->today);
		f->today = app->today;
		f->measure[0] = (struct jr_deadline_measure){.id = id, .kind = kind, .end = end};
		f->measure_count = 1;
		jr_deadlines_compute(f, p ? &p->norms : &none, d);
		for (size_t i = 0; i < d->count && !found; i++)
			if (d->items[i].kind == JR_DEADLINE_MEASURE_ENDING) {
				*out = d->items[i];
				found = true;
			}
	}
	jr_free(f);
	jr_free(d);
	return found;
}

struct measure_list {
	struct jr_app *app;
	jr_measure_item_fn fn;
	void *ctx;
	struct jr_measure_item item;
};

static enum jr_err measure_listed(void *ctx, const struct jr_measure_row *m)
{
	struct measure_list *l = ctx;
	int kind = jr_measure_parse(m->kind);

	memset(&l->item, 0, sizeof(l->item));
	l->item.row = *m;
	if (kind > 0)
		l->item.has_deadline = measure_deadline(l->app, (enum jr_measure)kind, m->id,
							m->end != 0, m->end, m->municipality,
							&l->item.deadline);
	return l->fn(l->ctx, &l->item);
}

enum jr_err jr_app_measures_mine(struct jr_app *app, enum jr_measure_status status,
				 int64_t offset, int64_t limit, jr_measure_item_fn fn, void *ctx,
				 int64_t *total)
{
	struct measure_list *l;
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
	if (!(l = jr_calloc(1, sizeof(*l))))
		return JR_ERR_NOMEM;
	l->app = app;
	l->fn = fn;
	l->ctx = ctx;
	err = jr_store_measures_by_gi(app->store, app->actor, app->principal->organisation_id,
				      status, app->today, offset, limit, measure_listed, l, total);
	jr_free(l);
	return err;
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
	jr_day birth = 0;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)) ||
	    (err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = measure_for_change(app, e->measure_id, &m)) ||
	    (err = child_birth(app, m.child_id, &birth)))
		goto out;
	why = jr_measure_extension_check(&(struct jr_measure_term){.kind = m.kind, .start = m.start,
								    .has_end = m.has_end,
								    .end = m.end,
								    .birth_date = birth},
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

/* The child of order `o`: the one the records hold with its BSN when the birth date and family
 * name fit, or a new one from the order's fields (not yet stored: p->id 0). */
static enum jr_err measure_child(struct jr_app *app, const struct jr_measure_order *o,
				 struct jr_person *p, int64_t *mismatch_of, unsigned *mismatch_kind)
{
	const char *field, *message;
	unsigned mismatch;
	enum jr_err err;

	err = jr_store_person_find_bsn(app->store, app->actor, o->bsn, p);
	if (!err) {
		/* given names are compared when the order states them (twins share the rest) */
		if (!(mismatch = jr_identity_mismatch(p, o->birth_date, o->family_name,
						      o->given_names[0] ? o->given_names
									: p->given_names)))
			return JR_OK;
		/* the refusal is audited by the caller, after the undo; nothing of the child is
		 * told but that its data do not fit */
		*mismatch_of = p->id;
		*mismatch_kind = mismatch;
		if (mismatch == JR_IDENTITY_GIVEN_NAMES)
			return jr_app_fail(app, JR_ERR_INPUT, "given_names",
					   "de voornamen passen niet bij dit BSN; controleer de "
					   "gegevens in de uitspraak en probeer het opnieuw. Er is "
					   "niets vastgelegd.");
		return jr_app_fail(app, JR_ERR_INPUT,
				   mismatch & JR_IDENTITY_BIRTH_DATE ? "birth_date" : "family_name",
				   "%s niet bij dit BSN; controleer de gegevens in de uitspraak en "
				   "probeer het opnieuw. Er is niets vastgelegd.",
				   (mismatch & JR_IDENTITY_BIRTH_DATE) && (mismatch & JR_IDENTITY_FAMILY_NAME)
				       ? "de geboortedatum en de achternaam passen"
				   : mismatch & JR_IDENTITY_BIRTH_DATE ? "de geboortedatum past"
								       : "de achternaam past");
	}
	if (err != JR_ERR_NOT_FOUND)
		return err;
	memset(p, 0, sizeof(*p));
	memcpy(p->bsn, o->bsn, sizeof(p->bsn));
	memcpy(p->given_names, o->given_names, sizeof(p->given_names));
	memcpy(p->family_name, o->family_name, sizeof(p->family_name));
	memcpy(p->municipality, o->municipality, sizeof(p->municipality));
	p->birth_date = o->birth_date;
	p->sex = '0';
	if (!o->given_names[0])
		return jr_app_fail(app, JR_ERR_INPUT, "given_names",
				   "dit kind staat nog niet in het systeem: geef ook de voornamen");
	if (!o->municipality[0])
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "dit kind staat nog niet in het systeem: kies ook de gemeente "
				   "waar het kind staat ingeschreven");
	if (jr_person_check(p, app->today, &field, &message))
		return jr_app_fail(app, JR_ERR_INPUT, field, "%s", message);
	if (!jr_region_knows(app->policies, o->municipality))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "deze gemeente hoort bij geen regio van dit systeem; kies de "
				   "gemeente waar het kind staat ingeschreven uit de lijst");
	return JR_OK;
}

enum jr_err jr_app_measure_register(struct jr_app *app, const struct jr_measure_order *o,
				    struct jr_measure_record *out, bool *child_new)
{
	struct jr_person *child = NULL;
	const char *why, *field;
	int64_t mismatch_of = 0;
	unsigned mismatch = 0;
	enum jr_app_tx tx;
	enum jr_err err, audit;

	*child_new = false;
	memset(out, 0, sizeof(*out));
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "een maatregel vastleggen als GI kan alleen ingelogd; gebruik "
				   "anders care measure");
	if ((err = jr_app_access_require(app, JR_CAP_MEASURES)))
		return err;
	if (!app->principal->organisation_id || strcmp(app->principal->org_kind, "gi") != 0)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "alleen een gecertificeerde instelling legt haar maatregelen vast");
	/* the order's own fields first, the child's and the term's after */
	if (!jr_bsn_valid(o->bsn, strlen(o->bsn)))
		return jr_app_fail(app, JR_ERR_INPUT, "bsn",
				   "geen geldig BSN: 9 cijfers die de elfproef doorstaan");
	if (!o->birth_date)
		return jr_app_fail(app, JR_ERR_INPUT, "birth_date", "geef de geboortedatum");
	if (!o->family_name[0])
		return jr_app_fail(app, JR_ERR_INPUT, "family_name", "geef de achternaam");
	if (o->kind <= JR_MEASURE_NONE || o->kind >= JR_MEASURE_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "kind", "kies de soort maatregel");
	if (!o->court_date)
		return jr_app_fail(app, JR_ERR_INPUT, "court_date",
				   "geef de datum van de uitspraak van de rechter");
	if (o->court_date > app->today)
		return jr_app_fail(app, JR_ERR_INPUT, "court_date",
				   "de datum van de uitspraak ligt in de toekomst");
	if (!o->reference[0])
		return jr_app_fail(app, JR_ERR_INPUT, "reference",
				   "geef het kenmerk van de uitspraak (zaak- of rekestnummer)");
	if (!o->start)
		return jr_app_fail(app, JR_ERR_INPUT, "start", "geef de startdatum");
	if (o->start < o->court_date && o->kind != JR_MEASURE_JEUGDRECLASSERING)
		return jr_app_fail(app, JR_ERR_INPUT, "start",
				   "de maatregel begint niet vóór de uitspraak van de rechter");
	if (!(child = jr_calloc(1, sizeof(*child))))
		return JR_ERR_NOMEM;
	if ((err = jr_app_tx_begin(app, &tx))) {
		jr_free(child);
		return err;
	}
	if ((err = measure_child(app, o, child, &mismatch_of, &mismatch)))
		goto out;
	why = jr_measure_term_check_field(&(struct jr_measure_term){.kind = o->kind,
								    .start = o->start,
								    .has_end = o->has_end,
								    .end = o->end,
								    .birth_date = child->birth_date},
					  &field);
	if (why) {
		err = jr_app_fail(app, JR_ERR_INPUT, field, "%s", why);
		goto out;
	}
	if (!child->id) {
		if ((err = jr_store_person_add(app->store, app->actor, child)))
			goto out;
		*child_new = true;
	}
	out->child_id = child->id;
	out->kind = o->kind;
	out->court_date = o->court_date;
	out->gi_organisation_id = app->principal->organisation_id;
	out->start = o->start;
	out->has_end = o->has_end;
	out->end = o->end;
	memcpy(out->reference, o->reference, sizeof(out->reference));
	err = jr_store_measure_add(app->store, app->actor, out);
out:
	jr_free(child);
	err = jr_app_tx_end(app, tx, err);
	/* a mismatch is audited on the child, in a transaction of its own */
	if (mismatch_of &&
	    (audit = jr_store_audit_event(app->store, app->actor, "measure.mismatch", mismatch_of,
					  mismatch & JR_IDENTITY_BIRTH_DATE ? "field:birth_date"
									    : "field:family_name")))
		return audit;
	return err;
}

enum jr_err jr_app_measure_get(struct jr_app *app, int64_t id, struct jr_measure_record *m,
			       jr_measure_extension_fn fn, void *ctx, bool *has_deadline,
			       struct jr_deadline *deadline)
{
	struct jr_person *child;
	enum jr_err err;

	*has_deadline = false;
	if ((err = jr_app_measure_reach(app, id)))
		return err;
	if ((err = jr_store_measure_read(app->store, app->actor, id, m, fn, ctx)))
		return err;
	if (!(child = jr_calloc(1, sizeof(*child))))
		return JR_ERR_NOMEM;
	err = jr_store_person_get(app->store, app->actor, m->child_id, child);
	if (!err)
		*has_deadline = measure_deadline(app, m->kind, m->id, m->has_end, m->end,
						 child->municipality, deadline);
	jr_free(child);
	return err;
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
	out->gi_decision = app->principal && strcmp(app->principal->role, "gi") == 0;
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
