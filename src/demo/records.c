/* records: every write to the records the demo makes, and the few reads it needs — the one
 * file of src/demo/ that reaches the records.
 *
 * The help request's course, referrals, allocations, care, measures, providers, contracts and
 * the social map go through the app layer's use cases (src/app/), as the operator at the command
 * line does them: the rules are decided there, once, and not here. Loading is done in bulk
 * transactions of about DEMO_BATCH youths, so each use case runs in a savepoint of the batch
 * (jr_app_tx_begin: JR_APP_TX_PART): a refusal (JR_ERR_REFUSED, JR_ERR_CONFLICT) undoes only its
 * own part and is counted (allocations_refused, moves_refused); any other error stops the load.
 * Households, persons and organisations, the route advice and the few look-ups still call the
 * store (tools/layers-debt.txt lists these calls). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/accounts.h"
#include "app/advice.h"
#include "app/care.h"
#include "app/course.h"
#include "app/household.h"
#include "app/organisation.h"
#include "app/person.h"
#include "app/provider.h"
#include "app/refer.h"
#include "app/socialmap.h"
#include "core/person.h"
#include "demo/demo_internal.h"
#include "json/answer_json.h"

void jr_demo_app_init(struct jr_demo *d)
{
	/* the region's one policy as the set the use cases look municipalities up in; the set
	 * holds it without owning it (never released) */
	memset(&d->policies, 0, sizeof(d->policies));
	d->policies.policies[0] = (struct jr_policy *)d->p;
	d->policies.count = 1;
	d->app = (struct jr_app){
	    .store = d->store,
	    .actor = d->actor,
	    .principal = NULL,
	    .policies = &d->policies,
	    .today = d->today,
	    .diag = &d->diag,
	};
}

/* Whether a use case refused (its savepoint undone): counted, and the load goes on. */
static bool refused(enum jr_err err)
{
	return err == JR_ERR_REFUSED || err == JR_ERR_CONFLICT;
}

/* ---------------------------------------------------------------------------------------------
 * Set-up: where this load starts, organisations, providers, contracts, the social map
 * ------------------------------------------------------------------------------------------- */

/* Whether the store holds a person with the BSN at (or just after) `offset`. */
static enum jr_err bsn_taken(struct jr_demo *d, uint32_t offset, bool *taken)
{
	struct jr_person found;
	char bsn[10];
	enum jr_err err;

	jr_demo_bsn_from(offset, bsn);
	err = jr_app_person_find_bsn(&d->app, bsn, &found);
	sodium_memzero(bsn, sizeof(bsn));
	sodium_memzero(&found, sizeof(found));
	*taken = err == JR_OK;
	return err == JR_ERR_NOT_FOUND ? JR_OK : err;
}

/* Earlier demo loads took BSNs from 99999999x downward without gaps: find where they stopped
 * (exponential, then binary search; a few look-ups, each audited as a search). */
enum jr_err jr_demo_find_bsn_start(struct jr_demo *d)
{
	uint32_t lo = 0, hi = 1;
	bool taken;
	enum jr_err err;

	if ((err = bsn_taken(d, 0, &taken)))
		return err;
	if (!taken) {
		d->bsn_next = 0;
		return JR_OK;
	}
	for (;;) {
		if (hi >= BSN_OFFSET_MAX / 2)
			return JR_ERR_TOO_BIG;
		if ((err = bsn_taken(d, hi, &taken)))
			return err;
		if (!taken)
			break;
		lo = hi;
		hi *= 2;
	}
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if ((err = bsn_taken(d, mid, &taken)))
			return err;
		if (taken)
			lo = mid;
		else
			hi = mid;
	}
	d->bsn_next = hi;
	return JR_OK;
}

/* The first run number whose GI worker does not exist yet. */
enum jr_err jr_demo_find_run(struct jr_demo *d)
{
	for (int r = 0; r < DEMO_RUNS_MAX; r++) {
		char name[32];
		bool exists;
		enum jr_err err;
		snprintf(name, sizeof(name), "demo%d-gi", r);
		if ((err = jr_app_user_exists(&d->app, name, &exists)))
			return err;
		if (!exists) {
			d->run = r;
			return JR_OK;
		}
	}
	return JR_ERR_TOO_BIG;
}

enum jr_err jr_demo_org_add(struct jr_demo *d, const char *kind, const char *name,
                            const char *municipality, const char *agb, int64_t *id)
{
	struct jr_organisation o;
	enum jr_err err;

	memset(&o, 0, sizeof(o));
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%.100s", name);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	snprintf(o.agb, sizeof(o.agb), "%s", agb);
	if ((err = jr_app_organisation_add(&d->app, &o)))
		return err;
	d->n.organisations++;
	if (id)
		*id = o.id;
	return JR_OK;
}

enum jr_err jr_demo_provider_add(struct jr_demo *d, const char *name, unsigned forms,
                                 enum jr_provider_status status, struct demo_provider **out)
{
	struct demo_provider *pr;
	enum jr_err err;

	if (d->provider_count >= DEMO_PROVIDERS_MAX)
		return JR_ERR_TOO_BIG;
	pr = &d->providers[d->provider_count];
	memset(pr, 0, sizeof(*pr));
	jr_demo_agb_code(d, 99, (int)d->provider_count + 1, pr->rec.agb);
	snprintf(pr->rec.kvk, sizeof(pr->rec.kvk), "99%02d%04zu", d->run, d->provider_count + 1);
	snprintf(pr->rec.name, sizeof(pr->rec.name), "%s", name);
	snprintf(pr->rec.quality, sizeof(pr->rec.quality), "%s",
	         status == JR_PROVIDER_UNDER_INVESTIGATION
	             ? "demo; onderzoek naar declaraties loopt"
	             : "demo; HKZ-certificaat, kwaliteitskader jeugd");
	pr->rec.status = status;
	pr->rec.demo = true;
	pr->forms = forms;
	if ((err = jr_app_provider_add(&d->app, &pr->rec)))
		return err;
	d->provider_count++;
	d->n.providers++;
	*out = pr;
	return JR_OK;
}

enum jr_err jr_demo_contract_add(struct jr_demo *d, struct jr_contract *c)
{
	enum jr_err err;

	if ((err = jr_app_contract_add(&d->app, c)))
		return err;
	d->n.contracts++;
	return JR_OK;
}

enum jr_err jr_demo_social_add(struct jr_demo *d, struct jr_social_entry *e)
{
	enum jr_err err;

	if ((err = jr_app_socialmap_add(&d->app, e)))
		return err;
	d->n.social_map++;
	return JR_OK;
}

/* The provider suspended after a fraud investigation: its clients stay on record, new
 * allocations to it are refused from now on. */
enum jr_err jr_demo_suspend_providers(struct jr_demo *d)
{
	enum jr_err err;

	for (size_t i = 0; i < d->provider_count; i++) {
		struct demo_provider *pr = &d->providers[i];
		if (pr->suspend_at_end &&
		    (err = jr_app_provider_set_status(&d->app, pr->rec.id, pr->rec.version,
		                                      JR_PROVIDER_SUSPENDED, &pr->rec)))
			return err;
	}
	return JR_OK;
}

/* The families whose regie `from_user` held go to `to_user`. */
enum jr_err jr_demo_hand_over(struct jr_demo *d, int64_t from_user, int64_t to_user)
{
	int64_t moved;

	return jr_app_households_hand_over(&d->app, from_user, to_user, &moved);
}

/* ---------------------------------------------------------------------------------------------
 * The course of a child's help: one use case each
 * ------------------------------------------------------------------------------------------- */

enum jr_err jr_demo_op_request(struct jr_demo *d, struct demo_child *c, const char *raised_by,
                               jr_day on)
{
	enum jr_err err;

	memset(&c->hr, 0, sizeof(c->hr));
	c->hr.child_id = c->person.id;
	c->hr.household_id = c->household_id;
	snprintf(c->hr.raised_by, sizeof(c->hr.raised_by), "%s", raised_by);
	c->hr.raised_on = on;
	snprintf(c->hr.question, sizeof(c->hr.question), "%s",
	         jr_demo_domain_texts[c->main_need].question);
	memcpy(c->hr.municipality, c->person.municipality, sizeof(c->hr.municipality));
	c->planned = false;
	if ((err = jr_app_help_request_add(&d->app, &c->hr, &d->view)))
		return err;
	c->hr = d->view.h;
	d->n.help_requests++;
	return JR_OK;
}

/* Moves the help request when the course's rules allow it; a refused move is counted. */
enum jr_err jr_demo_op_move(struct jr_demo *d, struct demo_child *c, enum jr_hr_state to)
{
	enum jr_err err;

	if (c->hr.state == to) /* a start of care took it there already */
		return JR_OK;
	err = jr_app_help_request_move(&d->app, c->hr.id, to, c->hr.version, &d->view);
	if (err == JR_ERR_CONFLICT) {
		/* the start of care moved a planned request into care by itself (app/course.c,
		 * jr_app_help_request_care_started): read it again, and move on from there */
		if ((err = jr_app_help_request_get(&d->app, c->hr.id, &d->view)))
			return err;
		c->hr = d->view.h;
		if (c->hr.state == to)
			return JR_OK;
		err = jr_app_help_request_move(&d->app, c->hr.id, to, c->hr.version, &d->view);
	}
	if (refused(err)) {
		d->n.moves_refused++;
		return JR_OK;
	}
	if (err)
		return err;
	c->hr = d->view.h;
	d->n.moves++;
	return JR_OK;
}

/* A broad analysis with the child's current needs (capped at `cap`: a review that found less). */
enum jr_err jr_demo_op_analysis(struct jr_demo *d, struct demo_child *c, jr_day on, int cap,
                                bool first)
{
	struct jr_broad_analysis *b = &d->analysis;
	enum jr_err err;
	int strong = 0;

	memset(b, 0, sizeof(*b));
	b->help_request_id = c->hr.id;
	b->made_on = on;
	for (int i = 0; i < JR_NEED_COUNT; i++) {
		b->needs[i] = (unsigned char)(c->needs[i] > cap ? cap : c->needs[i]);
		strong += b->needs[i] >= 3;
	}
	snprintf(b->explanation, sizeof(b->explanation),
	         "%s Samen met het gezin besproken: %s staat voorop%s.",
	         first ? "Brede verklarende analyse." : "Evaluatie van de analyse.",
	         jr_need_label((enum jr_need)c->main_need),
	         strong >= 2 ? "; de zorgen raken meerdere leefgebieden" : "");
	snprintf(b->participants, sizeof(b->participants), "%s",
	         PICK(&d->rng, jr_demo_participants));
	snprintf(b->hypotheses, sizeof(b->hypotheses), "%s",
	         jr_demo_domain_texts[c->main_need].hypothesis);
	if ((err = jr_app_analysis_add(&d->app, b, &d->view)))
		return err;
	c->hr = d->view.h;
	d->n.analyses++;
	return JR_OK;
}

/* The route advice of the real engine for this child on `on`, with the help it had so far,
 * stored as given; then the light options it offered, weighed. */
static enum jr_err record_advice(struct jr_demo *d, struct demo_child *c, jr_day on, bool weigh)
{
	struct jr_request *req = &d->req;
	struct jr_answer *ans = &d->ans;
	const char *field, *message;
	size_t weighed = 0;
	enum jr_err err;

	memset(req, 0, sizeof(*req));
	snprintf(req->id, sizeof(req->id), "hulpvraag-%lld", (long long)c->hr.id);
	memcpy(req->municipality, c->person.municipality, sizeof(req->municipality));
	req->birth_date = c->person.birth_date;
	req->date = on;
	memcpy(req->needs, c->needs, sizeof(req->needs));
	req->flags = c->flags;
	req->measure = measure_in_force(c, on) ? c->measure : JR_MEASURE_NONE;
	req->broad_analysis = true;
	for (size_t i = 0; i < c->item_count && req->history_count < JR_HISTORY_MAX; i++) {
		const struct demo_item *it = &c->items[i];
		struct jr_history_item *h = &req->history[req->history_count];
		if (!it->started || it->care_start > on)
			continue;
		h->form = it->form;
		h->start = it->care_start;
		h->ongoing = !it->stopped || it->stop > on;
		h->end = h->ongoing ? 0 : it->stop;
		h->outcome = h->ongoing     ? JR_OUTCOME_NEUTRAL
		             : it->negative ? JR_OUTCOME_NEGATIVE
		                            : JR_OUTCOME_POSITIVE;
		req->history_count++;
	}
	if (jr_request_check(req, &field, &message))
		return JR_OK; /* nothing the engine could judge: no advice recorded */
	memset(ans, 0, sizeof(*ans));
	if ((err = jr_route(d->p, req, ans)))
		return err == JR_ERR_NOT_FOUND ? JR_OK : err;
	jr_buf_reset(&d->out);
	jr_buf_reset(&d->scratch);
	if ((err = jr_answer_write_json(&d->out, &d->scratch, ans)) ||
	    (err = jr_app_advice_record(&d->app, c->hr.id, d->p->id, jr_buf_str(&d->out))))
		return err;
	d->n.route_advice++;
	if (!weigh)
		return JR_OK;
	/* Lightest help first, recorded: the light options the advice named, tried or not. */
	for (size_t i = 0; i < ans->option_count && weighed < 2; i++) {
		const struct jr_option *o = &ans->options[i];
		bool tried;
		if ((o->kind != JR_OPTION_SOCIAL_BASE && o->kind != JR_OPTION_NO_REFERRAL) ||
		    !o->offer)
			continue;
		tried = rng_permille(&d->rng, weighed ? 300 : 700);
		if ((err = jr_app_light_option_add(
		         &d->app, c->hr.id, o->offer->id, tried,
		         jr_demo_not_enough[rng_below(&d->rng, tried ? 2 : 4)], &d->view)))
			return err;
		c->hr = d->view.h;
		weighed++;
		d->n.light_options++;
	}
	/* The advice named none (heavy needs): the local team itself, not enough alone. */
	for (size_t i = 0; !weighed && i < d->p->social_base_count; i++) {
		const struct jr_offer *o = &d->p->social_base[i];
		if (!(o->needs & F(c->main_need)))
			continue;
		if ((err = jr_app_light_option_add(&d->app, c->hr.id, o->id, false,
		                                   jr_demo_not_enough[1], &d->view)))
			return err;
		c->hr = d->view.h;
		weighed++;
		d->n.light_options++;
	}
	return JR_OK;
}

/* The route advice of `on`, stamped with that day. */
enum jr_err jr_demo_op_advice(struct jr_demo *d, struct demo_child *c, jr_day on, bool weigh)
{
	enum jr_err err;

	jr_app_stamp_day(&d->app, on);
	err = record_advice(d, c, on, weigh);
	jr_app_stamp_day(&d->app, 0);
	return err;
}

/* The plan: goals in the family's words with a review date, the route advice and the light
 * options weighed; then the step to planned. */
enum jr_err jr_demo_op_plan(struct jr_demo *d, struct demo_child *c, jr_day on)
{
	enum jr_err err;
	int second = -1;

	/* goals, advice and light options are stamped with the day of the plan, not today */
	jr_app_stamp_day(&d->app, on);

	if ((err = jr_app_goal_add(&d->app, c->hr.id, jr_demo_domain_texts[c->main_need].goal,
	                           on + 91, &d->view)))
		goto out;
	c->hr = d->view.h;
	d->n.goals++;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		if (i != c->main_need && c->needs[i] >= 3)
			second = i;
	if (second >= 0) {
		if ((err = jr_app_goal_add(&d->app, c->hr.id, jr_demo_domain_texts[second].goal,
		                           on + 182, &d->view)))
			goto out;
		c->hr = d->view.h;
		d->n.goals++;
	}
	err = record_advice(d, c, on, true);
out:
	jr_app_stamp_day(&d->app, 0);
	if (err || (err = jr_demo_op_move(d, c, JR_HR_PLANNED)))
		return err;
	c->planned = c->hr.state == JR_HR_PLANNED;
	return JR_OK;
}

/* A referral to `form` by a referrer of COD327 type `type`, judged by rule 7 (the use case,
 * with the child's measure on that day). */
enum jr_err jr_demo_op_referral(struct jr_demo *d, struct demo_child *c, int type, int form,
                                jr_day on, int64_t *id, bool *valid)
{
	struct jr_referral ref;
	struct demo_muni *m = &d->munis[c->mi];
	enum jr_err err;
	int g = rng_below(&d->rng, DEMO_GPS);

	memset(&ref, 0, sizeof(ref));
	snprintf(ref.source, sizeof(ref.source), "demo");
	ref.help_request_id = c->hr.id;
	ref.referrer_type = type;
	ref.referred_on = on;
	ref.form = form;
	switch (type) {
	case 1:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Lokaal team %.80s",
		         m->pm->name);
		ref.organisation_id = m->local_team_id;
		break;
	case 2:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%s", m->gp_name[g]);
		memcpy(ref.agb, m->gp_agb[g], sizeof(ref.agb));
		ref.organisation_id = m->gp_org_id[g];
		break;
	case 3:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Jeugdarts, %.80s",
		         d->youth_health_name);
		memcpy(ref.agb, d->youth_health_agb, sizeof(ref.agb));
		ref.organisation_id = d->youth_health_id;
		break;
	case 4:
		if (c->measure_provider >= 0) {
			const struct demo_provider *gi = &d->providers[c->measure_provider];
			snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%s", gi->rec.name);
			memcpy(ref.agb, gi->rec.agb, sizeof(ref.agb));
			ref.organisation_id = gi->org_id;
		} else {
			snprintf(ref.referrer_name, sizeof(ref.referrer_name),
			         "Gecertificeerde instelling");
		}
		break;
	case 5:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Kinderarts, %.80s",
		         d->hospital_name);
		memcpy(ref.agb, d->hospital_agb, sizeof(ref.agb));
		ref.organisation_id = d->hospital_id;
		break;
	case 8:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Kinderrechter (demo)");
		break;
	default: snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Gezin zelf"); break;
	}
	if ((err = jr_app_referral_record(&d->app, &ref, &d->scratch)))
		return err;
	d->n.referrals++;
	d->n.referrals_valid += ref.valid;
	*id = ref.id;
	*valid = ref.valid;
	return JR_OK;
}

/* Principle 8: a stay under an OTS rests on the judge's machtiging uithuisplaatsing, given for
 * at most a year from the stay's start and within the measure. A refusal (the measure's term)
 * is left to the allocation, which is then refused and counted. */
static enum jr_err authorise_stay(struct jr_demo *d, const struct demo_child *c, jr_day start)
{
	struct jr_measure_authorisation au = {
		.measure_id = c->measure_id,
		.kind = JR_AUTH_UITHUISPLAATSING,
		.court_date = start,
		.start = start,
		.has_end = true,
		.end = jr_date_add_years(start, 1) - 1,
	};
	enum jr_err err;

	if (c->measure_has_end && au.end > c->measure_end)
		au.end = c->measure_end;
	if (c->measure_recorded_end && au.end > c->measure_recorded_end)
		au.end = c->measure_recorded_end;
	err = jr_app_authorisation_add(&d->app, &au);
	return refused(err) || err == JR_ERR_INPUT ? JR_OK : err;
}

/* Allocates `form` to provider `pi` (-1: none the story could find) from `start`: on the valid
 * referral, or else by the municipality's own decision. The use case decides on the facts the
 * records hold; a refusal is counted and its savepoint undone. *made tells whether it was made. */
enum jr_err jr_demo_op_allocate(struct jr_demo *d, struct demo_child *c, int form, int pi,
                                int64_t referral_id, bool referral_valid, jr_day start,
                                struct demo_item *it, bool *made)
{
	struct jr_allocation *al = &d->alloc;
	const struct demo_provider *pr = pi >= 0 ? &d->providers[pi] : NULL;
	const struct jr_municipality *m = d->munis[c->mi].pm;
	bool local = d->p->forms[form].contracting == JR_CONTRACTING_LOCAL;
	enum jr_err err;

	*made = false;
	memset(al, 0, sizeof(*al));
	al->help_request_id = c->hr.id;
	al->provider_id = pr ? pr->rec.id : 0;
	al->referral_id = referral_valid ? referral_id : 0;
	al->form = form;
	al->start = start;
	if (local && m->regime == JR_REGIME_RESULT) {
		snprintf(al->result_description, sizeof(al->result_description), "%s",
		         jr_demo_domain_texts[c->main_need].goal);
		al->intensity = form <= 4 ? form : 4;
		if (rng_permille(&d->rng, 250))
			al->intensity += al->intensity < 4 ? 1 : -1;
		al->has_end = true;
		al->end = start + (form <= 2 ? 182 : 365);
	} else if (local && m->regime == JR_REGIME_PRODUCT) {
		snprintf(al->product_code, sizeof(al->product_code), "%sA0%d",
		         d->p->forms[form].jz020, form);
		al->volume = rng_range(&d->rng, 1, form <= 2 ? 4 : 3);
		snprintf(al->unit, sizeof(al->unit), "uur");
		snprintf(al->frequency, sizeof(al->frequency), "per week");
		al->has_end = true;
		al->end = start + (form <= 2 ? 182 : 365);
	} else if (!local && form != 6 && form != 10) {
		al->has_end = true;
		al->end = start + (form == 8 ? 28 : form == 9 ? 182 : 365);
	} else if (form == 10 && c->measure_has_end && c->measure_end >= start) {
		al->has_end = true;
		al->end = c->measure_end;
	}
	if (d->p->forms[form].setting == JR_SETTING_OUT_OF_HOME && jr_measure_is_ots(c->measure) &&
	    c->measure_id && measure_in_force(c, start) && (err = authorise_stay(d, c, start)))
		return err;
	err = jr_app_allocation_add(&d->app, al, !referral_valid);
	if (refused(err)) {
		d->n.allocations_refused++;
		return JR_OK;
	}
	if (err)
		return err;
	d->n.allocations++;
	d->providers[pi].allocations++;
	memset(it, 0, sizeof(*it));
	it->form = form;
	it->provider = pi;
	it->allocation_id = al->id;
	it->start = start;
	it->has_end = al->has_end;
	it->end = al->end;
	it->level = al->intensity;
	it->volume = al->volume;
	*made = true;
	return JR_OK;
}

enum jr_err jr_demo_op_start(struct jr_demo *d, struct demo_item *it, jr_day on)
{
	int64_t delivery;
	enum jr_err err;

	if (on < it->start)
		on = it->start;
	if ((err = jr_app_care_start(&d->app, it->allocation_id, on, &delivery, NULL)))
		return err;
	it->started = true;
	it->care_start = on;
	d->n.deliveries++;
	return JR_OK;
}

/* Stops running care with an outcome that fits how it ended. */
enum jr_err jr_demo_op_stop(struct jr_demo *d, struct demo_item *it, jr_day on, enum stop_kind kind)
{
	struct jr_care_outcome o;
	const char *reason;
	int goals; /* 0 no, 1 partly, 2 yes */
	enum jr_err err;

	if (on < it->care_start)
		on = it->care_start;
	memset(&o, 0, sizeof(o));
	switch (kind) {
	case STOP_NEGATIVE:
		reason = rng_permille(&d->rng, 600) ? "32" : "33";
		goals = rng_permille(&d->rng, 700) ? 0 : 1;
		break;
	case STOP_SWITCH:
		reason = rng_permille(&d->rng, 500) ? "37" : "38";
		goals = 1;
		break;
	case STOP_PLANNED:
		reason = "31";
		goals = rng_permille(&d->rng, 750) ? 2 : 1;
		break;
	default:
		reason = jr_demo_end_reasons[rng_weighted(
		    &d->rng, jr_demo_end_mix,
		    (int)(sizeof(jr_demo_end_mix) / sizeof(jr_demo_end_mix[0])))];
		if (strcmp(reason, "31") == 0)
			goals = rng_permille(&d->rng, 650) ? 2 : 1;
		else if (strcmp(reason, "32") == 0 || strcmp(reason, "33") == 0)
			goals = rng_permille(&d->rng, 600) ? 0 : 1;
		else
			goals = rng_below(&d->rng, 3) == 0 ? 0 : 1;
		break;
	}
	snprintf(o.end_reason, sizeof(o.end_reason), "%s", reason);
	snprintf(o.goals_reached, sizeof(o.goals_reached), "%s",
	         goals == 2   ? "yes"
	         : goals == 1 ? "partly"
	                      : "no");
	o.continues_without_help = rng_permille(&d->rng, goals == 2 ? 850 : goals == 1 ? 450 : 150);
	o.satisfaction = goals == 2   ? rng_range(&d->rng, 7, 10)
	                 : goals == 1 ? rng_range(&d->rng, 5, 8)
	                              : rng_range(&d->rng, 3, 6);
	if ((err = jr_app_care_stop(&d->app, it->allocation_id, on, &o, NULL)))
		return err;
	it->stopped = true;
	it->stop = on;
	it->negative = goals == 0 || strcmp(reason, "32") == 0 || strcmp(reason, "33") == 0;
	d->n.care_stopped++;
	return JR_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Households and persons
 * ------------------------------------------------------------------------------------------- */

/* A demo person with the next free demo BSN, checked and stored by the app layer. */
enum jr_err jr_demo_person_add(struct jr_demo *d, struct jr_person *p)
{
	enum jr_err err;

	if (d->bsn_next >= BSN_OFFSET_MAX)
		return JR_ERR_TOO_BIG;
	d->bsn_next = jr_demo_bsn_from(d->bsn_next, p->bsn) + 1;
	p->demo = true;
	err = jr_app_person_add_record(&d->app, p);
	if (err == JR_ERR_INPUT)
		err = JR_ERR_INTERNAL; /* a generator bug: the demo makes only valid persons */
	sodium_memzero(p->bsn, sizeof(p->bsn));
	if (!err)
		d->n.persons++;
	return err;
}

enum jr_err jr_demo_household_add(struct jr_demo *d, struct jr_household *h)
{
	enum jr_err err;

	if ((err = jr_app_household_add(&d->app, h)))
		return err;
	d->n.households++;
	return JR_OK;
}

enum jr_err jr_demo_member_add(struct jr_demo *d, int64_t household_id, int64_t person_id,
                               const char *role)
{
	return jr_app_household_add_member(&d->app, household_id, person_id, role);
}

enum jr_err jr_demo_set_coordinator(struct jr_demo *d, struct jr_household *h, int64_t user)
{
	enum jr_err err;

	if ((err = jr_app_household_set_coordinator(&d->app, h, user)))
		return err;
	d->n.coordinators++;
	return JR_OK;
}

/* A court measure of the child (the story decided it), counted. */
enum jr_err jr_demo_measure_add(struct jr_demo *d, struct jr_measure_record *m)
{
	enum jr_err err;

	if ((err = jr_app_measure_add(&d->app, m)))
		return err;
	d->n.measures++;
	return JR_OK;
}
