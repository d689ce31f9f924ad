/* stories: the course of one child's help, as a story draws it — the ordinary course (intake,
 * maybe a court measure, ambulant help or a stay after an intensive ambulant attempt), and on
 * purpose the families that hop from help to help, children with two providers and nobody
 * holding the regie, children waiting too long, withdrawn requests and crisis care first, so that
 * `jeugdroute signals` has something to find. Every step is a record operation of records.c; a
 * step whose date lies after the peildatum does not happen yet, nor what follows it. */
#include <string.h>

#include "app/care.h"
#include "core/course.h"
#include "demo/demo_internal.h"

/* A provider with a contract for this form in the child's municipality, other than `avoid`s. */
static int pick_provider(struct jr_demo *d, int form, size_t mi, int avoid1, int avoid2)
{
	int cand[DEMO_PROVIDERS_MAX], n = 0;

	for (size_t i = 0; i < d->provider_count; i++) {
		const struct demo_provider *pr = &d->providers[i];
		if (!(pr->forms & F(form)) || (int)i == avoid1 || (int)i == avoid2 ||
		    (!pr->regional && !(pr->munis & (UINT64_C(1) << mi))))
			continue;
		cand[n++] = (int)i;
	}
	if (n == 0)
		return avoid1 >= 0 ? pick_provider(d, form, mi, -1, -1) : -1;
	return cand[rng_below(&d->rng, n)];
}

/* One trajectory of youth care: the referral, the allocation, the start and (when the stop lies
 * before the peildatum) the end. A step whose date lies after the peildatum does not happen yet,
 * nor what follows it. The item is appended to the child's when allocated. */
struct traj {
	int form;
	int referrer;
	jr_day referred;
	jr_day alloc_start;
	jr_day care_start;
	jr_day stop;
	enum stop_kind stop_kind;
	int avoid1, avoid2;
	int provider; /* -1: pick one */
};

static enum jr_err trajectory(struct jr_demo *d, struct demo_child *c, const struct traj *t,
                              struct demo_item **out)
{
	struct demo_item *it;
	int64_t ref_id = 0;
	bool valid = false, made;
	int pi;
	enum jr_err err;

	*out = NULL;
	if (t->referred > d->today || c->item_count >= DEMO_ITEMS_MAX)
		return JR_OK;
	if ((err = jr_demo_op_referral(d, c, t->referrer, t->form, t->referred, &ref_id, &valid)))
		return err;
	if (t->alloc_start > d->today)
		return JR_OK;
	pi =
	    t->provider >= 0 ? t->provider : pick_provider(d, t->form, c->mi, t->avoid1, t->avoid2);
	it = &c->items[c->item_count];
	if ((err = jr_demo_op_allocate(d, c, t->form, pi, ref_id, valid, t->alloc_start, it,
	                               &made)) ||
	    !made)
		return err;
	c->item_count++;
	*out = it;
	if (t->care_start > d->today)
		return JR_OK;
	if ((err = jr_demo_op_start(d, it, t->care_start)))
		return err;
	if (t->stop_kind != STOP_NONE && t->stop <= d->today)
		err = jr_demo_op_stop(d, it, t->stop, t->stop_kind);
	return err;
}

/* Request, analysis (→ analysed), plan (→ planned) on the given days, as far as they lie before
 * the peildatum. *plan_on is the plan's day; false when the story stops before the plan. */
static enum jr_err intake(struct jr_demo *d, struct demo_child *c, const char *raised_by,
                          jr_day raised, jr_day analysed, jr_day planned, bool *reached)
{
	enum jr_err err;

	*reached = false;
	if ((err = jr_demo_op_request(d, c, raised_by, raised)))
		return err;
	if (analysed > d->today)
		return JR_OK;
	if ((err = jr_demo_op_analysis(d, c, analysed, JR_NEED_MAX_LEVEL, true)) ||
	    (err = jr_demo_op_move(d, c, JR_HR_ANALYSED)))
		return err;
	if (planned > d->today)
		return JR_OK;
	if ((err = jr_demo_op_plan(d, c, planned)))
		return err;
	*reached = c->planned;
	return JR_OK;
}

/* After the story: in care when care started, evaluated when all of it stopped, and closed some
 * time after that. */
static enum jr_err conclude(struct jr_demo *d, struct demo_child *c)
{
	bool started = false, running = false, stay = false;
	jr_day last = 0;
	enum jr_err err;

	for (size_t i = 0; i < c->item_count; i++) {
		const struct demo_item *it = &c->items[i];
		started |= it->started;
		running |= !it->stopped;
		if (it->stopped && it->stop > last)
			last = it->stop;
		stay |= jr_setting_is_stay(d->p->forms[it->form].setting);
	}
	if (c->item_count)
		d->n.youths_in_care++;
	d->n.out_of_home += stay;
	if (!c->planned || !started)
		return JR_OK;
	if ((err = jr_demo_op_move(d, c, JR_HR_IN_CARE)))
		return err;
	if (running)
		return JR_OK;
	if ((err = jr_demo_op_move(d, c, JR_HR_EVALUATED)))
		return err;
	if (last < d->today - 60 && rng_permille(&d->rng, 850))
		err = jr_demo_op_move(d, c, JR_HR_CLOSED);
	return err;
}

/* Light help that runs long: most get a review that finds the needs lower (else the escalate
 * signal stands, as it should). */
static enum jr_err review(struct jr_demo *d, struct demo_child *c)
{
	for (size_t i = 0; i < c->item_count; i++) {
		const struct demo_item *it = &c->items[i];
		if (it->form <= 2 && it->started && !it->stopped &&
		    d->today - it->care_start > d->p->norms.escalate_after_days &&
		    jr_demo_max_need(c) >= d->p->thresholds.youth_care_min &&
		    rng_permille(&d->rng, 750))
			return jr_demo_op_analysis(d, c,
			                           it->care_start + rng_range(&d->rng, 120, 170),
			                           d->p->thresholds.youth_care_min - 1, false);
	}
	return JR_OK;
}

/* A court measure from `start`, carried out by a GI: recorded, and the GI allocated form 10 on
 * the court's referral. */
static enum jr_err measure(struct jr_demo *d, struct demo_child *c, struct demo_household *hh,
                           jr_day start)
{
	struct jr_measure_record m;
	struct demo_item *it;
	struct traj t;
	enum jr_err err;
	int len;

	c->measure_start = start;
	len = c->measure == JR_MEASURE_OTS                 ? rng_range(&d->rng, 365, 1095)
	      : c->measure == JR_MEASURE_JEUGDRECLASSERING ? rng_range(&d->rng, 180, 540)
	                                                   : 0;
	/* the law's bounds (issue 15 point 3): juvenile probation from twelve, a child-protection
	 * measure ends at the child's majority at the latest */
	if (c->measure == JR_MEASURE_JEUGDRECLASSERING &&
	    start < jr_date_add_years(c->person.birth_date, JR_JEUGDRECLASSERING_MIN_AGE))
		start = jr_date_add_years(c->person.birth_date, JR_JEUGDRECLASSERING_MIN_AGE);
	if (c->measure == JR_MEASURE_OTS &&
	    start + len > jr_date_add_years(c->person.birth_date, JR_MAJORITY_AGE))
		len = jr_date_add_years(c->person.birth_date, JR_MAJORITY_AGE) - start;
	if ((c->measure == JR_MEASURE_OTS || c->measure == JR_MEASURE_VOOGDIJ) &&
	    start >= jr_date_add_years(c->person.birth_date, JR_MAJORITY_AGE)) {
		c->measure = JR_MEASURE_NONE;
		return JR_OK;
	}
	c->measure_start = start;
	c->measure_has_end = len > 0 && start + len <= d->today;
	c->measure_end = start + len;
	c->measure_provider = pick_provider(d, 10, c->mi, -1, -1);
	if (start > d->today || c->measure_provider < 0) {
		c->measure = JR_MEASURE_NONE;
		return JR_OK;
	}
	memset(&m, 0, sizeof(m));
	m.child_id = c->person.id;
	m.kind = c->measure;
	m.court_date = start - rng_range(&d->rng, 0, 5);
	m.gi_organisation_id = d->providers[c->measure_provider].org_id;
	m.start = start;
	m.has_end = c->measure_has_end;
	m.end = c->measure_end;
	/* an OTS is imposed for at most a year (art. 1:258 BW) and extended by the judge a year at
	 * a time (art. 1:260 BW): its first term, then the extensions decided by today */
	if (m.kind == JR_MEASURE_OTS) {
		m.has_end = true;
		m.end = jr_date_add_years(start, 1);
		if (m.end > c->measure_end)
			m.end = c->measure_end;
	}
	if ((err = jr_demo_measure_add(d, &m)))
		return err;
	while (m.kind == JR_MEASURE_OTS && m.end < c->measure_end && m.end - 14 <= d->today) {
		struct jr_measure_extension e = {.measure_id = m.id, .court_date = m.end - 14};

		e.new_end = jr_date_add_years(m.end, 1);
		if (e.new_end > c->measure_end)
			e.new_end = c->measure_end;
		if ((err = jr_app_measure_extend(&d->app, &e, NULL)))
			return err;
		m.end = e.new_end;
	}
	c->measure_id = m.id;
	c->measure_recorded_end = m.has_end ? m.end : 0;
	/* In the compulsory framework the GI's worker mostly holds the regie. */
	if (rng_permille(&d->rng, 850))
		hh->coordinator = 2;
	t = (struct traj){.form = 10,
	                  .referrer = 8,
	                  .referred = start,
	                  .alloc_start = start,
	                  .care_start = start,
	                  .stop = c->measure_end,
	                  .stop_kind = c->measure_has_end ? STOP_PLANNED : STOP_NONE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = c->measure_provider};
	return trajectory(d, c, &t, &it);
}

/* Secure care (JeugdzorgPlus) only with the juvenile court's authorisation (machtiging gesloten
 * jeugdhulp, half a year), on the court's referral. */
static enum jr_err secure_authorisation(struct jr_demo *d, struct demo_child *c, jr_day on)
{
	struct jr_measure_record m;
	enum jr_err err;

	memset(&m, 0, sizeof(m));
	m.child_id = c->person.id;
	m.kind = JR_MEASURE_MACHTIGING_GESLOTEN;
	m.court_date = on;
	m.start = on;
	m.has_end = true;
	m.end = on + 182;
	if ((err = jr_demo_measure_add(d, &m)))
		return err;
	c->measure = m.kind;
	c->measure_start = m.start;
	c->measure_has_end = true;
	c->measure_end = m.end;
	c->referrer = 8;
	return JR_OK;
}

/* The ordinary course: intake, maybe a measure, then ambulant help, or a stay after an intensive
 * ambulant attempt (home first, rule 10). */
static enum jr_err story_course(struct jr_demo *d, struct demo_child *c, struct demo_household *hh)
{
	struct rng *r = &d->rng;
	struct demo_item *it;
	struct traj t;
	jr_day raised, analysed, planned;
	bool reached, stay;
	int form;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	if (rng_permille(r, d->measure_permille)) {
		int k = rng_below(r, 100);
		c->measure = k < 70   ? JR_MEASURE_OTS
		             : k < 82 ? JR_MEASURE_VOOGDIJ
		                      : JR_MEASURE_JEUGDRECLASSERING;
		if (c->measure == JR_MEASURE_JEUGDRECLASSERING && c->age < 13)
			c->measure = JR_MEASURE_OTS;
	}
	stay = c->measure != JR_MEASURE_NONE ? rng_permille(r, 450)
	                                     : rng_permille(r, d->stay_permille);
	if (c->measure == JR_MEASURE_VOOGDIJ)
		stay = true;
	if (stay) {
		form = jr_demo_stay_forms[rng_weighted(r, jr_demo_stay_mix, 4)];
		if (c->measure == JR_MEASURE_VOOGDIJ)
			form = 6;
		if (form == 9 && (c->measure != JR_MEASURE_NONE || c->age < 12))
			form = 5;
	} else {
		form = 1 + rng_weighted(r, jr_demo_ambulant_mix, 4);
	}
	c->referrer = jr_demo_draw_referrer(d);
	if (c->measure != JR_MEASURE_NONE && rng_permille(r, 600))
		c->referrer = 4;
	jr_demo_gen_needs(d, c, form);
	raised = jr_demo_not_before(c, jr_demo_back(d, 10, d->span_days));
	if (raised > d->today)
		return JR_OK;
	analysed = raised + rng_range(r, 5, 25);
	planned = analysed + rng_range(r, 3, 20);
	if (c->measure != JR_MEASURE_NONE) {
		/* The measure comes with the analysis; the plan follows it. */
		if ((err = jr_demo_op_request(d, c, rng_permille(r, 500) ? "veilig_thuis" : "gi",
		                              raised)))
			return err;
		if (analysed > d->today)
			return conclude(d, c);
		if ((err = jr_demo_op_analysis(d, c, analysed, JR_NEED_MAX_LEVEL, true)) ||
		    (err = jr_demo_op_move(d, c, JR_HR_ANALYSED)) ||
		    (err = measure(d, c, hh, analysed + rng_range(r, 0, 10))))
			return err;
		if (planned > d->today)
			return conclude(d, c);
		if ((err = jr_demo_op_plan(d, c, planned)))
			return err;
		reached = c->planned;
	} else if ((err = intake(d, c, jr_demo_raised_by_for(d, c->referrer), raised, analysed,
	                         planned, &reached))) {
		return err;
	}
	if (!reached)
		return conclude(d, c);
	if (stay && (form == 9 || rng_permille(r, 900))) {
		/* Home first: intensive ambulant help, then the stay when it is not enough. */
		int amb = rng_permille(r, 500) ? 3 : 4;
		t = (struct traj){.form = amb,
		                  .referrer = c->referrer,
		                  .referred = planned + rng_range(r, 0, 10),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_SWITCH};
		t.alloc_start = t.referred + rng_range(r, 7, 35);
		t.care_start = t.alloc_start + rng_range(r, 0, 7);
		t.stop = t.care_start + rng_range(r, 60, 240);
		if ((err = trajectory(d, c, &t, &it)))
			return err;
		if (!it || !it->stopped)
			return conclude(d, c);
		planned = it->stop - rng_range(r, 5, 20);
		if (form == 9 && (err = secure_authorisation(d, c, planned)))
			return err;
		t = (struct traj){.form = form,
		                  .referrer = c->referrer,
		                  .referred = planned,
		                  .alloc_start = it->stop,
		                  .care_start = it->stop,
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		t.stop = t.care_start + jr_demo_duration(d, c->referrer);
	} else {
		t = (struct traj){.form = form,
		                  .referrer = c->referrer,
		                  .referred = planned + rng_range(r, 0, 10),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		t.alloc_start = t.referred + rng_range(r, 5, 38);
		t.care_start = t.alloc_start + rng_range(r, 0, 10);
		t.stop = t.care_start + jr_demo_duration(d, c->referrer);
	}
	if ((err = trajectory(d, c, &t, &it)) || (err = review(d, c)))
		return err;
	/* Several domains at once: the local team often takes the regie. */
	if (!hh->coordinator && jr_demo_max_need(c) >= 3 && c->needs[JR_NEED_FAMILY] >= 3 &&
	    rng_permille(r, 400))
		hh->coordinator = 1;
	return conclude(d, c);
}

/* Hopping: two interventions at two providers ended negatively within the year, a third runs. */
static enum jr_err story_hopping(struct jr_demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	struct demo_item *a = NULL, *b = NULL, *x;
	struct traj t;
	jr_day stop1 = d->today - rng_range(r, 200, 320), care1 = stop1 - rng_range(r, 60, 150);
	jr_day referred1 = care1 - rng_range(r, 10, 35), planned = referred1 - rng_range(r, 0, 10);
	jr_day analysed = planned - rng_range(r, 5, 15), raised = analysed - rng_range(r, 5, 20);
	bool reached;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 500) ? 1 : 2;
	jr_demo_gen_needs(d, c, 3);
	if ((err = intake(d, c, jr_demo_raised_by_for(d, c->referrer), raised, analysed, planned,
	                  &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){.form = 3,
	                  .referrer = c->referrer,
	                  .referred = referred1,
	                  .alloc_start = care1 - rng_range(r, 0, 7),
	                  .care_start = care1,
	                  .stop = stop1,
	                  .stop_kind = STOP_NEGATIVE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	if ((err = trajectory(d, c, &t, &a)))
		return err;
	t.form = rng_permille(r, 500) ? 3 : 4;
	t.referrer = rng_permille(r, 500) ? 1 : 2;
	t.referred = stop1 + rng_range(r, 5, 15);
	t.alloc_start = t.referred + rng_range(r, 7, 20);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	t.stop = t.care_start + rng_range(r, 40, 100);
	t.avoid1 = a ? a->provider : -1;
	if ((err = trajectory(d, c, &t, &b)))
		return err;
	if (!b || !b->stopped)
		return conclude(d, c);
	/* A new advice with the history: the engine itself now names the hopping (rule 9). */
	if ((err = jr_demo_op_advice(d, c, b->stop + rng_range(r, 2, 6), false)))
		return err;
	t.form = rng_permille(r, 500) ? 3 : 2;
	t.referred = b->stop + rng_range(r, 7, 12);
	t.alloc_start = t.referred + rng_range(r, 5, 14);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	t.stop_kind = STOP_NONE;
	t.avoid2 = b->provider;
	if ((err = trajectory(d, c, &t, &x)))
		return err;
	return conclude(d, c);
}

/* Two providers at once: specialist support and, later, treatment elsewhere. */
static enum jr_err story_multi(struct jr_demo *d, struct demo_child *c, struct demo_household *hh,
                               bool forced)
{
	struct rng *r = &d->rng;
	struct demo_item *a = NULL, *b;
	struct traj t;
	jr_day raised = jr_demo_not_before(c, d->today - rng_range(r, 200, 500));
	jr_day analysed = raised + rng_range(r, 5, 20), planned = analysed + rng_range(r, 3, 15);
	bool reached;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 500) ? 1 : 2;
	jr_demo_gen_needs(d, c, 3);
	c->needs[JR_NEED_MENTAL_HEALTH] = 3;
	if ((err = intake(d, c, jr_demo_raised_by_for(d, c->referrer), raised, analysed, planned,
	                  &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){.form = 3,
	                  .referrer = c->referrer,
	                  .referred = planned + rng_range(r, 0, 7),
	                  .stop_kind = STOP_NONE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	t.alloc_start = t.referred + rng_range(r, 7, 21);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	if ((err = trajectory(d, c, &t, &a)))
		return err;
	if (!a)
		return conclude(d, c);
	t.form = 4;
	t.referrer = rng_permille(r, 500) ? 5 : 2;
	t.referred = t.care_start + rng_range(r, 20, 60);
	if (t.referred > d->today - 20)
		t.referred = d->today - 20 > t.care_start ? d->today - 20 : t.care_start;
	t.alloc_start = t.referred + rng_range(r, 3, 10);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	if (t.care_start > d->today)
		t.care_start = d->today;
	t.avoid1 = a->provider;
	if ((err = trajectory(d, c, &t, &b)))
		return err;
	if (forced || rng_permille(r, 750))
		hh->no_coordinator = true;
	else
		hh->coordinator = hh->coordinator ? hh->coordinator : 1;
	return conclude(d, c);
}

/* Waiting: a valid referral without allocation, or an allocation without start, past the norm. */
static enum jr_err story_waiting(struct jr_demo *d, struct demo_child *c, bool start)
{
	struct rng *r = &d->rng;
	int norm = d->p->norms.max_waiting_days;
	jr_day alloc = d->today - rng_range(r, norm + 1, norm + 70);
	jr_day referred = alloc - rng_range(r, 7, 30);
	jr_day planned = referred - rng_range(r, 0, 10), analysed = planned - rng_range(r, 5, 15);
	jr_day raised = analysed - rng_range(r, 5, 20);
	struct demo_item *it;
	struct traj t;
	bool reached;
	enum jr_err err;

	if (!start) {
		/* Waiting for an allocation: the referral itself is past the norm. */
		referred = d->today - rng_range(r, norm + 1, norm + 120);
		planned = referred - rng_range(r, 0, 10);
		analysed = planned - rng_range(r, 5, 15);
		raised = analysed - rng_range(r, 5, 20);
	}
	c->measure = JR_MEASURE_NONE;
	c->referrer = 1 + rng_below(r, 3); /* local team, GP or youth doctor: a valid referral */
	jr_demo_gen_needs(d, c, rng_permille(r, 500) ? 3 : 4);
	if ((err = intake(d, c, jr_demo_raised_by_for(d, c->referrer),
	                  jr_demo_not_before(c, raised), analysed, planned, &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){
	    .form = c->main_need == JR_NEED_MENTAL_HEALTH && c->needs[c->main_need] >= 3 ? 4 : 3,
	    .referrer = c->referrer,
	    .referred = referred,
	    .alloc_start = start ? alloc : d->today + 1,
	    .care_start = d->today + 1,
	    .stop_kind = STOP_NONE,
	    .avoid1 = -1,
	    .avoid2 = -1,
	    .provider = -1};
	if ((err = trajectory(d, c, &t, &it)))
		return err;
	return conclude(d, c);
}

/* The family withdraws the request, sometimes after the analysis. */
static enum jr_err story_withdrawn(struct jr_demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	jr_day raised = jr_demo_not_before(c, jr_demo_back(d, 10, d->span_days * 9 / 10));
	enum jr_err err;

	if (raised > d->today)
		return JR_OK;
	c->measure = JR_MEASURE_NONE;
	jr_demo_gen_needs(d, c, 1 + rng_below(r, 2));
	if ((err = jr_demo_op_request(d, c, jr_demo_raised_by_for(d, jr_demo_draw_referrer(d)),
	                              raised)))
		return err;
	if (rng_permille(r, 500) && raised + 14 <= d->today &&
	    (err =
	         jr_demo_op_analysis(d, c, raised + rng_range(r, 5, 14), JR_NEED_MAX_LEVEL, true)))
		return err;
	return jr_demo_op_move(d, c, JR_HR_WITHDRAWN);
}

/* Crisis first: a quick analysis, crisis care, the full analysis within the follow-up norm
 * (mostly), then a plan and often ambulant help. */
static enum jr_err story_crisis(struct jr_demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	jr_day raised = jr_demo_not_before(c, jr_demo_back(d, 20, d->span_days * 9 / 10)), follow;
	struct demo_item *crisis, *it;
	struct traj t;
	enum jr_err err;

	if (raised > d->today)
		return JR_OK;
	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 700) ? 1 : 2;
	jr_demo_gen_needs(d, c, 8);
	if ((err = jr_demo_op_request(d, c, rng_permille(r, 600) ? "veilig_thuis" : "police",
	                              raised)) ||
	    (err = jr_demo_op_analysis(d, c, raised, JR_NEED_MAX_LEVEL, true)) ||
	    (err = jr_demo_op_move(d, c, JR_HR_ANALYSED)))
		return err;
	t = (struct traj){.form = 8,
	                  .referrer = c->referrer,
	                  .referred = raised,
	                  .alloc_start = raised,
	                  .care_start = raised + rng_range(r, 0, 1),
	                  .stop_kind = STOP_PLANNED,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	t.stop = t.care_start + rng_range(r, 7, 42);
	if ((err = trajectory(d, c, &t, &crisis)))
		return err;
	if (!crisis || !crisis->started || !rng_permille(r, 900))
		return conclude(d, c); /* the follow-up did not come (the signal stands) */
	follow = crisis->care_start + rng_range(r, 3, 12);
	if (follow > d->today)
		return conclude(d, c);
	c->needs[JR_NEED_SAFETY] = 3;
	c->flags &= ~JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS);
	if ((err = jr_demo_op_analysis(d, c, follow, JR_NEED_MAX_LEVEL, true)))
		return err;
	if (follow + 5 > d->today)
		return conclude(d, c);
	if ((err = jr_demo_op_plan(d, c, follow + rng_range(r, 2, 5))))
		return err;
	if (c->planned && rng_permille(r, 600)) {
		t = (struct traj){.form = 3,
		                  .referrer = c->referrer,
		                  .referred = follow + rng_range(r, 5, 15),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		if (crisis->stopped && t.referred < crisis->stop)
			t.referred = crisis->stop;
		t.alloc_start = t.referred + rng_range(r, 5, 30);
		t.care_start = t.alloc_start + rng_range(r, 0, 7);
		t.stop = t.care_start + jr_demo_duration(d, c->referrer);
		if ((err = trajectory(d, c, &t, &it)))
			return err;
	}
	return conclude(d, c);
}
/* The story of a child in care; the first ones of a load are forced (see jr_demo_forced_stories).
 */
enum jr_err jr_demo_child_care(struct jr_demo *d, struct demo_child *c, struct demo_household *hh)
{
	enum jr_demo_story st =
	    (enum jr_demo_story)rng_weighted(&d->rng, jr_demo_story_mix, JR_DEMO_ST_COUNT);
	enum jr_err err;

	if (c->age >= 4 &&
	    d->forced < sizeof(jr_demo_forced_stories) / sizeof(jr_demo_forced_stories[0]))
		st = jr_demo_forced_stories[d->forced++];
	else if (c->age < 4 && st != JR_DEMO_ST_COURSE && st != JR_DEMO_ST_WITHDRAWN)
		st = JR_DEMO_ST_COURSE;
	d->n.stories[st]++;
	d->n.youths_with_request++;
	switch (st) {
	case JR_DEMO_ST_HOPPING: err = story_hopping(d, c); break;
	case JR_DEMO_ST_MULTI:
		err = story_multi(d, c, hh, d->n.stories[JR_DEMO_ST_MULTI] == 1);
		break;
	case JR_DEMO_ST_WAIT_REFERRAL: err = story_waiting(d, c, false); break;
	case JR_DEMO_ST_WAIT_START: err = story_waiting(d, c, true); break;
	case JR_DEMO_ST_WITHDRAWN: err = story_withdrawn(d, c); break;
	case JR_DEMO_ST_CRISIS: err = story_crisis(d, c); break;
	default: err = story_course(d, c, hh); break;
	}
	return err;
}

jr_day jr_demo_back(struct jr_demo *d, int lo, int hi)
{
	jr_day day = d->today - rng_range(&d->rng, lo, hi);

	return day < d->earliest ? d->earliest : day;
}

/* One help request settled without youth care: raised, analysed, planned with the light options
 * weighed (the local team's own help or the social base is enough) and closed some weeks later
 * without any allocation. *closed is the day it closed, 0 when it is still open on the
 * peildatum. */
static enum jr_err settle(struct jr_demo *d, struct demo_child *c, jr_day raised, jr_day *closed)
{
	struct rng *r = &d->rng;
	jr_day analysed = raised + rng_range(r, 5, 20), planned = analysed + rng_range(r, 3, 15);
	jr_day done = planned + rng_range(r, 20, 90);
	bool reached;
	enum jr_err err;

	*closed = 0;
	if ((err = intake(d, c, jr_demo_raised_by_for(d, jr_demo_draw_referrer(d)), raised,
	                  analysed, planned, &reached)))
		return err;
	if (!reached || done > d->today)
		return JR_OK;
	if ((err = jr_demo_op_move(d, c, JR_HR_CLOSED)))
		return err;
	if (c->hr.state == JR_HR_CLOSED) {
		d->n.settled++;
		*closed = done;
	}
	return JR_OK;
}

static enum jr_err settled_story(struct jr_demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	jr_day raised = jr_demo_not_before(c, jr_demo_back(d, 10, d->span_days)), closed, again;
	bool comes_back = rng_permille(r, 250);
	int gap = rng_range(r, 20, 200);
	enum jr_err err;

	if (raised > d->today)
		return JR_OK;
	c->measure = JR_MEASURE_NONE;
	c->item_count = 0;
	jr_demo_gen_needs(d, c, 1 + rng_below(r, 2));
	d->n.youths_with_request++;
	if ((err = settle(d, c, raised, &closed)) || !closed || !comes_back)
		return err;
	/* back within the year: a repeat request, settled the same way */
	again = closed + gap;
	if (again > d->today || again - raised > 365)
		return JR_OK;
	d->n.repeat_requests++;
	return settle(d, c, again, &closed);
}

enum jr_err jr_demo_child_settled(struct jr_demo *d, struct demo_child *c, int permille)
{
	struct rng keep = d->rng;
	enum jr_err err = JR_OK;

	/* the story draws from its own stream, so that the rest of the region stays as it was */
	d->rng = d->rng_settled;
	if (rng_permille(&d->rng, permille))
		err = settled_story(d, c);
	d->rng_settled = d->rng;
	d->rng = keep;
	return err;
}
