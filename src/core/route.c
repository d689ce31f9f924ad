/* route: composes the rules into one answer (see route.h). The order of the options is the order
 * a consulent should consider them in; docs/routing.md describes it. */
#include "core/route.h"

#include <string.h>

#include "core/rules.h"

/* Which band of need the request falls in; it decides what comes first. */
enum tier {
	TIER_NORMALISE, /* rule 1: social base only */
	TIER_MODERATE,  /* no rule demands youth care: social base first, youth care as next step */
	TIER_YOUTH_CARE /* rule 2, crisis or a measure: youth care first */
};

static void add_option(struct jr_answer *a, const struct jr_option *o)
{
	if (a->option_count < JR_OPTIONS_MAX)
		a->options[a->option_count++] = *o;
}

static void add_signal(struct jr_answer *a, enum jr_signal_code code, enum jr_why why, int count,
		       jr_day day)
{
	if (a->signal_count < JR_SIGNALS_MAX)
		a->signals[a->signal_count++] =
			(struct jr_signal){.code = code, .why = why, .count = count, .day = day};
}

static void add_warning(struct jr_answer *a, enum jr_warning w)
{
	if (a->warning_count < JR_WARNINGS_MAX)
		a->warnings[a->warning_count++] = w;
}

static bool has_candidate(const struct jr_candidate *list, size_t len, int form)
{
	for (size_t i = 0; i < len; i++)
		if (list[i].form == form)
			return true;
	return false;
}

/* Inserts keeping ascending form order; the measure form, when first, stays first. */
static size_t insert_sorted(struct jr_candidate *list, size_t len, size_t cap, size_t from,
			    struct jr_candidate c)
{
	size_t i = from;

	if (len >= cap)
		return len;
	while (i < len && list[i].form < c.form)
		i++;
	memmove(&list[i + 1], &list[i], (len - i) * sizeof(list[0]));
	list[i] = c;
	return len + 1;
}

/* Principle 7: a form that ended negatively within the window is not offered again by default;
 * the next heavier form of the same setting takes its place (dropped when that one is in the
 * list already). When there is nothing heavier of its setting the form stays, and the escalate
 * signal asks for another approach. The forms the rules place themselves and a ward's family
 * keep their place. */
static size_t step_past_failures(const struct jr_policy *p, struct jr_candidate *list, size_t len,
				 size_t from, unsigned failed)
{
	size_t out = from;

	for (size_t i = from; i < len; i++) {
		struct jr_candidate c = list[i];
		bool placed = c.why == JR_WHY_YC_MEASURE || c.why == JR_WHY_YC_SECURE ||
			      c.why == JR_WHY_YC_WARD_FAMILY;

		if (!placed && (failed & (1u << c.form))) {
			int next = jr_rule_step_up(p, c.form, failed);
			if (!next) {
				list[out++] = c; /* nothing heavier of its kind: signal escalate */
				continue;
			}
			if (has_candidate(list, out, next) ||
			    has_candidate(list + i + 1, len - i - 1, next))
				continue;
			c = (struct jr_candidate){.form = next, .why = JR_WHY_YC_STEP_UP,
						  .needs = c.needs, .flags = c.flags,
						  .related_form = c.form};
		}
		list[out++] = c;
	}
	return out;
}

/* The youth-care forms for this request, in order, before the crisis form is put in front.
 * Forms in `running` continue on their own (principle 4) and are not candidates again. */
static size_t youth_care_candidates(const struct jr_policy *p, const struct jr_request *r,
				    enum tier tier, bool needed, int age, unsigned running,
				    struct jr_candidate *list, size_t cap)
{
	size_t len = 0, first_free, kept;
	int floor = jr_rule_specialist_in_time(p, r);
	int measure_form = jr_policy_form_with_setting(p, JR_SETTING_MEASURE);
	int secure_form = jr_policy_form_with_setting(p, JR_SETTING_SECURE);
	int family_form = jr_policy_family_like_form(p);
	bool have_floor = false, ward = r->measure == JR_MEASURE_VOOGDIJ;
	bool running_stay = false;
	unsigned use_needs, use_flags, selected, failed = jr_rule_failed_forms(p, r);
	unsigned fit_needs[JR_FORM_COUNT + 1], fit_flags[JR_FORM_COUNT + 1];

	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if ((running & (1u << f)) && jr_setting_is_stay(p->forms[f].setting))
			running_stay = true;
	if (jr_rule_has_child_measure(r) && measure_form)
		list[len++] = (struct jr_candidate){.form = measure_form, .why = JR_WHY_YC_MEASURE};
	/* Principle 2: a ward has no parental home; without a place to live already, a young ward
	 * grows up in a family first (foster care, a family home). The guardian decides. */
	if (ward && family_form && !running_stay && age < p->norms.family_like_first_until)
		list[len++] = (struct jr_candidate){.form = family_form,
						    .why = JR_WHY_YC_WARD_FAMILY};
	first_free = len;
	if (tier == TIER_NORMALISE)
		return len;

	/* Youth care answers the needs that make it necessary (rule 2); lighter needs beside them
	 * are for the social base. When nothing makes it necessary (moderate needs, or only a
	 * crisis or a measure), every need counts. */
	if (tier != TIER_YOUTH_CARE || !jr_rule_non_free_access(p, r, &use_needs, &use_flags)) {
		use_needs = 0;
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if (r->needs[d] > 0)
				use_needs |= 1u << d;
		use_flags = r->flags;
	}
	/* Principle 14, the analysis decides: a need of another domain (livelihood) never points
	 * to youth care for the child; a need of the social base (school) only when something
	 * else makes youth care necessary. */
	use_needs &= ~p->domains_other;
	if (tier == TIER_YOUTH_CARE) {
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if ((p->domains_social_base & (1u << d)) &&
			    r->needs[d] >= p->thresholds.youth_care_min)
				use_needs |= 1u << d;
	} else {
		use_needs &= ~p->domains_social_base;
	}
	selected = jr_rule_fit_forms(p, r, use_needs, use_flags, fit_needs, fit_flags);
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		const struct jr_form *form = &p->forms[f];
		struct jr_candidate c = {.form = f, .why = JR_WHY_YC_INDICATED,
					 .needs = fit_needs[f], .flags = fit_flags[f]};

		if (!(selected & (1u << f)) || (running & (1u << f)) || has_candidate(list, len, f))
			continue;
		if (form->setting == JR_SETTING_AMBULANT && f < floor)
			continue; /* rule 3: too light for a specialist need */
		if (floor > 1 && f == floor)
			c.why = JR_WHY_YC_SPECIALIST;
		if (form->setting == JR_SETTING_AMBULANT && f >= floor)
			have_floor = true;
		if (len < cap)
			list[len++] = c;
	}
	if (floor > 1 && !have_floor && p->forms[floor].setting == JR_SETTING_AMBULANT &&
	    !(running & (1u << floor)))
		len = insert_sorted(list, len, cap, first_free,
				    (struct jr_candidate){.form = floor, .why = JR_WHY_YC_SPECIALIST});
	/* Principle 2: an older ward without a place to live is offered a family too, in order. */
	if (ward && family_form && !running_stay && !has_candidate(list, len, family_form))
		len = insert_sorted(list, len, cap, first_free,
				    (struct jr_candidate){.form = family_form,
							  .why = JR_WHY_YC_WARD_FAMILY});
	if (needed && len == 0 && !running && !jr_rule_crisis(r) && !jr_rule_secure_allowed(r)) {
		/* Rule 2: youth care is needed but no form's indication matched: the lightest form
		 * allowed (form 1, or the specialist floor). */
		for (int f = floor; f <= JR_FORM_COUNT; f++) {
			if (p->forms[f].setting == JR_SETTING_AMBULANT) {
				struct jr_candidate c = {.form = f, .why = JR_WHY_YC_FALLBACK};
				jr_rule_non_free_access(p, r, &c.needs, &c.flags);
				list[len++] = c;
				break;
			}
		}
	}
	/* Rule 10 weighs a stay against staying at home; a ward has no parental home (principle 2),
	 * and a running stay continues on its own (principle 4). */
	if (!ward && !running_stay)
		len = jr_rule_home_first(p, list, len, cap, floor);
	len = step_past_failures(p, list, len, first_free, failed);
	/* Running care is offered as its continuation (principle 4), not as new care: it may also
	 * be rule 10's alternative or a step up. */
	kept = first_free;
	for (size_t i = first_free; i < len; i++)
		if (!(running & (1u << list[i].form)))
			list[kept++] = list[i];
	len = kept;
	for (size_t i = first_free; i < len; i++)
		if (!ward && jr_setting_is_stay(p->forms[list[i].form].setting) &&
		    list[i].why == JR_WHY_YC_INDICATED)
			list[i].why = JR_WHY_YC_STAY;
	if (tier == TIER_MODERATE)
		for (size_t i = first_free; i < len; i++)
			if (list[i].why == JR_WHY_YC_INDICATED)
				list[i].why = p->no_referral_first ? JR_WHY_YC_SUPPLEMENTARY
								   : JR_WHY_YC_NEXT_STEP;
	/* Principle 8: with the judge's machtiging gesloten jeugdhulp the judge has found secure
	 * care necessary (art. 6.1.2 Jeugdwet): it comes first, before the measure form, and rule
	 * 10 puts no lighter alternative before it. */
	if (jr_rule_secure_allowed(r) && secure_form && !has_candidate(list, len, secure_form) &&
	    len < cap) {
		memmove(&list[1], &list[0], len * sizeof(list[0]));
		list[0] = (struct jr_candidate){.form = secure_form, .why = JR_WHY_YC_SECURE};
		len++;
	}
	return len;
}

static void add_youth_care(struct jr_answer *a, const struct jr_candidate *c)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	struct jr_option o = {
		.kind = JR_OPTION_YOUTH_CARE,
		.form = c->form,
		.referral_required = true,
		.referrers = jr_rule_referrers(p, c->form, r->measure),
		.jz020 = jr_policy_jz020(p, c->form, r->measure),
		.why = c->why,
		.why_needs = c->needs,
		.why_flags = c->flags,
		.why_form = c->related_form,
	};
	enum jr_setting s = p->forms[c->form].setting;

	jr_rule_contracting(p, a->municipality, c->form, &o);
	/* running care needs no new analysis (principle 4); urgent care in a crisis does not wait
	 * for it: it follows, as after crisis care (rule 4's follow-up) */
	if (!jr_why_is_continuation(c->why) && c->why != JR_WHY_YC_URGENT_MENTAL_HEALTH)
		o.requires |= jr_rule_broad_analysis(p, r, c->form);
	if (s == JR_SETTING_SECURE || s == JR_SETTING_MEASURE)
		o.requires |= JR_REQUIRE_COURT_ORDER;
	o.requires |= jr_rule_stay_court_order(p, r, c->form); /* principle 8 */
	add_option(a, &o);
}

/* Adds up to `max` offers that serve the request's needs, the best-serving first (sum of the
 * severities of the needs served; ties keep the policy's order). With no need above 0 the
 * access points (local team, youth health care) stand in. */
static void add_offers(struct jr_answer *a, const struct jr_offer *offers, size_t count,
		       enum jr_option_kind kind, enum jr_why why, int max)
{
	const struct jr_request *r = a->request;
	int score[JR_OFFER_MAX];
	bool used[JR_OFFER_MAX] = {false};
	int added = 0;

	for (size_t i = 0; i < count; i++) {
		score[i] = 0;
		if (!jr_offer_fits_age(&offers[i], a->age))
			continue; /* principle 1: only what serves a child of this age */
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if (offers[i].needs & (1u << d))
				score[i] += r->needs[d];
	}
	while (added < max) {
		int best = -1;
		for (size_t i = 0; i < count; i++)
			if (!used[i] && score[i] > 0 && (best < 0 || score[i] > score[best]))
				best = (int)i;
		if (best < 0)
			break;
		used[best] = true;
		struct jr_option o = {.kind = kind, .offer = &offers[best], .why = why};
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if ((offers[best].needs & (1u << d)) && r->needs[d] > 0)
				o.why_needs |= 1u << d;
		add_option(a, &o);
		added++;
	}
	if (added == 0 && kind == JR_OPTION_SOCIAL_BASE) {
		for (size_t i = 0; i < count && added < max; i++) {
			if ((offers[i].category != JR_SB_LOCAL_TEAM && offers[i].category != JR_SB_JGZ) ||
			    !jr_offer_fits_age(&offers[i], a->age))
				continue;
			add_option(a, &(struct jr_option){.kind = kind, .offer = &offers[i], .why = why});
			added++;
		}
	}
}

/* Principle 4: running care continues first, without a new broad analysis; after 18, foster
 * care continues to norms.foster_care_until and other care as the Jeugdwet's continuation. */
static void add_continuations(struct jr_answer *a, unsigned running)
{
	const struct jr_policy *p = a->policy;

	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		enum jr_why why = JR_WHY_YC_CONTINUE;
		if (!(running & (1u << f)))
			continue;
		if (p->forms[f].family_like && a->age >= p->norms.age_limit &&
		    a->age < p->norms.foster_care_until)
			why = JR_WHY_YC_CONTINUE_FOSTER;
		add_youth_care(a, &(struct jr_candidate){.form = f, .why = why});
	}
}

static void add_coordination(struct jr_answer *a, enum jr_why why, unsigned needs)
{
	add_option(a, &(struct jr_option){.kind = JR_OPTION_COORDINATION, .why = why,
					   .why_needs = needs});
}

/* Principle 6: the help of the family's other domains, each its own option, for the parent
 * or the family and never youth care for the child. */
static void add_other_domains(struct jr_answer *a)
{
	unsigned needs[JR_OTHER_COUNT], context[JR_OTHER_COUNT];
	unsigned helps = jr_rule_other_domains(a->policy, a->request, needs, context);

	for (int h = 0; helps && h < JR_OTHER_COUNT; h++)
		if (helps & (1u << h))
			add_option(a, &(struct jr_option){.kind = JR_OPTION_OTHER_DOMAIN,
							   .other = (enum jr_other_help)h,
							   .why = JR_WHY_OTHER_DOMAIN,
							   .why_needs = needs[h],
							   .why_context = context[h]});
}

/* Whether a need the policy maps away from youth care reaches youth_care_min: the social base
 * then answers a need that would otherwise have called for youth care (principle 14). */
static bool need_served_elsewhere(const struct jr_policy *p, const struct jr_request *r)
{
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (((p->domains_social_base | p->domains_other) & (1u << d)) &&
		    r->needs[d] >= p->thresholds.youth_care_min)
			return true;
	return false;
}

static int domains_at(const struct jr_request *r, int level, unsigned *mask)
{
	int n = 0;
	*mask = 0;
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (r->needs[d] >= level) {
			n++;
			*mask |= 1u << d;
		}
	return n;
}

/* The most recent intervention of youth care that ended negatively in the hopping window. */
static const struct jr_history_item *last_failed_youth_care(const struct jr_policy *p,
							     const struct jr_request *r)
{
	const struct jr_history_item *last = NULL;
	jr_day from = r->date - p->norms.hopping_window_days;

	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		if (h->form < 1 || h->outcome != JR_OUTCOME_NEGATIVE || h->ongoing ||
		    h->end < from || h->end > r->date)
			continue;
		if (!last || h->form > last->form || (h->form == last->form && h->end > last->end))
			last = h;
	}
	return last;
}

static void add_signals_and_warnings(struct jr_answer *a, enum tier tier, int hops,
				     const struct jr_option *first_care)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	const struct jr_history_item *failed;
	bool needs_analysis = false, analysis_after = false;
	int secure_form = jr_policy_form_with_setting(p, JR_SETTING_SECURE);
	unsigned n, f;

	if (jr_rule_crisis(r) && a->age_status != JR_AGE_PROBATION_ONLY)
		add_signal(a, JR_SIGNAL_CRISIS_FOLLOWUP, JR_WHY_SIG_CRISIS_FOLLOWUP,
			   p->norms.crisis_followup_days, jr_rule_crisis_due(p, r));
	if (hops >= p->norms.hopping_count) {
		add_signal(a, JR_SIGNAL_HOPPING, JR_WHY_SIG_HOPPING, hops, 0);
		/* Principle 7: after repeated failure, look again at what lies behind the question
		 * instead of more of the same. */
		add_signal(a, JR_SIGNAL_NEW_BROAD_ANALYSIS, JR_WHY_SIG_NEW_ANALYSIS, hops, 0);
	}
	if ((r->flags & JR_FLAG_BIT(JR_FLAG_UNSAFE)) ||
	    r->needs[JR_NEED_SAFETY] >= p->thresholds.youth_care_min)
		add_signal(a, JR_SIGNAL_SAFETY, JR_WHY_SIG_SAFETY, r->needs[JR_NEED_SAFETY], 0);
	failed = last_failed_youth_care(p, r);
	if (failed && first_care && p->forms[first_care->form].setting != JR_SETTING_CRISIS &&
	    p->forms[first_care->form].setting != JR_SETTING_MEASURE &&
	    first_care->form <= failed->form)
		add_signal(a, JR_SIGNAL_ESCALATE, JR_WHY_SIG_ESCALATE, failed->form, failed->end);
	if (a->age_status == JR_AGE_CONTINUATION)
		add_signal(a, JR_SIGNAL_CONTINUATION, JR_WHY_SIG_CONTINUATION, a->age, 0);
	if (r->has_waiting_since && r->date - r->waiting_since > p->norms.max_waiting_days)
		add_signal(a, JR_SIGNAL_WAITING, JR_WHY_SIG_WAITING, r->date - r->waiting_since,
			   r->waiting_since);
	for (size_t i = 0; i < a->option_count; i++) {
		const struct jr_option *o = &a->options[i];
		if (o->requires & JR_REQUIRE_BROAD_ANALYSIS)
			needs_analysis = true;
		else if (o->kind == JR_OPTION_YOUTH_CARE && !jr_why_is_continuation(o->why) &&
			 jr_rule_broad_analysis_advised(p, r, o->form))
			analysis_after = true;
	}
	if (needs_analysis)
		add_signal(a, JR_SIGNAL_BROAD_ANALYSIS, JR_WHY_SIG_BROAD_ANALYSIS, 0, 0);
	if (analysis_after)
		add_signal(a, JR_SIGNAL_BROAD_ANALYSIS_AFTER, JR_WHY_SIG_BROAD_ANALYSIS_AFTER, 0, 0);
	if (tier == TIER_MODERATE && p->no_referral_first && first_care) {
		int ongoing = 0;
		for (size_t i = 0; i < r->history_count; i++)
			ongoing += r->history[i].ongoing;
		add_signal(a, JR_SIGNAL_CONNECT, JR_WHY_SIG_CONNECT, ongoing, 0);
	}

	if ((r->flags & JR_FLAG_BIT(JR_FLAG_UNSAFE)) && a->framework == JR_FRAMEWORK_VOLUNTARY)
		add_warning(a, JR_WARN_VEILIG_THUIS);
	if (secure_form && !jr_rule_secure_allowed(r) &&
	    jr_form_indicated(&p->forms[secure_form].indication, r, &n, &f))
		add_warning(a, JR_WARN_SECURE_NOT_OFFERED);
	if ((r->flags & JR_FLAG_BIT(JR_FLAG_OFFENCE)) && r->measure != JR_MEASURE_JEUGDRECLASSERING)
		add_warning(a, JR_WARN_OFFENCE_NO_MEASURE);
	if (a->age_status == JR_AGE_PROBATION_ONLY)
		add_warning(a, JR_WARN_ADULT_PROBATION_ONLY);
	for (size_t i = 0; i < a->option_count; i++)
		if (a->options[i].kind == JR_OPTION_YOUTH_CARE &&
		    jr_rule_stay_court_order(p, r, a->options[i].form)) {
			add_warning(a, JR_WARN_OTS_NO_UITHUISPLAATSING);
			break;
		}
}

enum jr_err jr_request_check(const struct jr_request *req, const char **field, const char **message)
{
	if (req->birth_date > req->date) {
		*field = "birth_date";
		*message = "de geboortedatum ligt na de datum van het verzoek";
		return JR_ERR_INPUT;
	}
	/* Juvenile probation follows a criminal case, and criminal responsibility starts at 12
	 * (art. 486 Sv, art. 77a Sr): a younger child cannot be under it (docs/routing.md). */
	if (req->measure == JR_MEASURE_JEUGDRECLASSERING &&
	    jr_date_age_years(req->birth_date, req->date) < JR_PROBATION_AGE_MIN) {
		*field = "court_measure";
		*message = "jeugdreclassering kan pas vanaf 12 jaar (de leeftijd van strafrechtelijke "
			   "verantwoordelijkheid); controleer de maatregel of de geboortedatum";
		return JR_ERR_INPUT;
	}
	/* The machtiging uithuisplaatsing is given within a supervision order (art. 1:265b BW);
	 * a guardian decides on the child's stay itself. */
	if ((req->authorisations & JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING)) &&
	    !jr_measure_is_ots(req->measure)) {
		*field = "authorisations";
		*message = "een machtiging uithuisplaatsing hoort bij een ondertoezichtstelling: geef "
			   "court_measure \"ots\" of \"voorlopige_ots\"";
		return JR_ERR_INPUT;
	}
	if (req->has_waiting_since && req->waiting_since > req->date) {
		*field = "waiting_since";
		*message = "de wachtdatum ligt na de datum van het verzoek";
		return JR_ERR_INPUT;
	}
	for (size_t i = 0; i < req->history_count; i++) {
		const struct jr_history_item *h = &req->history[i];
		*field = "history";
		if (h->start < req->birth_date) {
			*message = "een hulptraject begint vóór de geboortedatum";
			return JR_ERR_INPUT;
		}
		if (h->start > req->date) {
			*message = "een hulptraject begint na de datum van het verzoek";
			return JR_ERR_INPUT;
		}
		if (!h->ongoing && h->end < h->start) {
			*message = "een hulptraject eindigt vóór het begint";
			return JR_ERR_INPUT;
		}
		if (!h->ongoing && h->end > req->date) {
			*message = "een hulptraject eindigt na de datum van het verzoek";
			return JR_ERR_INPUT;
		}
	}
	return JR_OK;
}

enum jr_err jr_route(const struct jr_policy *p, const struct jr_request *r, struct jr_answer *a)
{
	struct jr_candidate cands[JR_FORM_COUNT + 4];
	size_t ncands, from = 0;
	unsigned complex_needs;
	int hops, complex_domains;
	unsigned running;
	bool needed, crisis, hopping;
	int urgent_form = 0; /* principle 9: the specialist form offered urgently, or 0 */
	enum tier tier;
	const struct jr_option *first_care;

	a->policy = p;
	a->request = r;
	a->option_count = 0;
	a->signal_count = 0;
	a->warning_count = 0;
	a->has_referral_check = false;
	a->referral_valid = false;
	a->referral_form = 0;
	a->why = JR_WHY_NONE;

	/* principle 13: only a named residence before a running stay moves the responsibility
	 * (and only then is the history searched: the batch path stays as it was) */
	a->stay = r->residence_before_stay[0] ? jr_request_running_stay(p, r) : NULL;
	a->responsible_why = a->stay ? JR_WHY_RESP_BEFORE_STAY : JR_WHY_RESP_RESIDENCE;
	a->municipality = jr_rule_residence(p, a->stay ? r->residence_before_stay
						       : r->municipality); /* rule 13 */
	if (!a->municipality)
		return JR_ERR_NOT_FOUND;
	a->framework = jr_rule_framework(r); /* rule 5 */
	a->age_status = jr_rule_age(p, r, &a->age); /* rule 11 */
	a->eligible = a->age_status != JR_AGE_INELIGIBLE;
	if (!a->eligible) {
		a->why = a->age >= p->norms.continuation_until ? JR_WHY_INELIGIBLE_TOO_OLD
							       : JR_WHY_INELIGIBLE_ADULT;
		return JR_OK;
	}

	crisis = jr_rule_crisis(r);
	needed = jr_rule_non_free_access(p, r, NULL, NULL) || crisis ||
		 a->framework == JR_FRAMEWORK_COMPULSORY;
	if (jr_rule_normalise(p, r))
		tier = TIER_NORMALISE;
	else
		tier = needed ? TIER_YOUTH_CARE : TIER_MODERATE;
	hops = jr_rule_hopping_count(p, r);
	hopping = hops >= p->norms.hopping_count;
	running = jr_rule_running_forms(p, r, a->age_status);

	if (a->age_status == JR_AGE_PROBATION_ONLY) {
		int mf = jr_policy_form_with_setting(p, JR_SETTING_MEASURE);
		ncands = 0;
		if (mf)
			cands[ncands++] = (struct jr_candidate){.form = mf,
								.why = JR_WHY_YC_PROBATION_ADULT};
	} else {
		ncands = youth_care_candidates(p, r, tier, needed, a->age, running, cands,
					       sizeof(cands) / sizeof(cands[0]));
	}

	/* Principle 8: secure care under the judge's authorisation first, even in a crisis:
	 * JeugdzorgPlus admits in crisis itself. */
	if (ncands && cands[0].why == JR_WHY_YC_SECURE)
		add_youth_care(a, &cands[from++]);
	/* Rule 4: crisis care first. */
	if (crisis && a->age_status != JR_AGE_PROBATION_ONLY) {
		int cf = jr_policy_form_with_setting(p, JR_SETTING_CRISIS);
		if (cf)
			add_youth_care(a, &(struct jr_candidate){.form = cf, .why = JR_WHY_YC_CRISIS});
		/* Principle 9: an acute psychiatric crisis needs urgent youth mental health care
		 * (the specialist form, rule 3's floor) right after the crisis form, not only
		 * shelter; it is not offered again further down. */
		if (jr_rule_acute_psychiatric(r)) {
			struct jr_candidate u = {
				.form = p->norms.specialist_from_form,
				.why = JR_WHY_YC_URGENT_MENTAL_HEALTH,
				.flags = r->flags & (JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS) |
						     JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)),
			};
			if (r->needs[JR_NEED_MENTAL_HEALTH] > 0)
				u.needs = 1u << JR_NEED_MENTAL_HEALTH;
			urgent_form = u.form;
			add_youth_care(a, &u);
		}
	}
	/* Rule 9: one coordinator before any heavier form. */
	if (hopping)
		add_coordination(a, JR_WHY_COORD_HOPPING, 0);
	/* principle 4; running treatment that an acute psychiatric crisis makes urgent stands once,
	 * as the urgent option (principle 9) */
	add_continuations(a, urgent_form ? running & ~(1u << urgent_form) : running);

	switch (tier) {
	case TIER_NORMALISE:
	case TIER_MODERATE:
		/* The other domains' help comes first: the regions put support on other domains
		 * before help for the child ("voorliggend", principle 6, docs/routing.md). */
		add_other_domains(a);
		if (jr_rule_no_referral_first(p, false)) /* rule 12 */
			add_offers(a, p->no_referral, p->no_referral_count, JR_OPTION_NO_REFERRAL,
				   JR_WHY_NR_FIRST, p->norms.max_first_offers);
		add_offers(a, p->social_base, p->social_base_count, JR_OPTION_SOCIAL_BASE,
			   tier == TIER_NORMALISE	   ? JR_WHY_SB_NORMALISE
			   : need_served_elsewhere(p, r) ? JR_WHY_SB_DOMAIN
						       : JR_WHY_SB_FIRST,
			   p->norms.max_first_offers);
		for (size_t i = from; i < ncands; i++)
			if (cands[i].form != urgent_form)
				add_youth_care(a, &cands[i]);
		break;
	case TIER_YOUTH_CARE:
		for (size_t i = from; i < ncands; i++)
			if (cands[i].form != urgent_form)
				add_youth_care(a, &cands[i]);
		/* Beside the child's help, the family's own (principle 6). */
		add_other_domains(a);
		complex_domains = domains_at(r, p->thresholds.youth_care_min, &complex_needs);
		/* Under a child-protection or probation measure the GI coordinates. */
		if (!hopping && !jr_rule_has_child_measure(r) && jr_rule_complex_case(p, r))
			add_coordination(a, JR_WHY_COORD_EXPERT_TEAM, complex_needs); /* principle 7 */
		else if (!hopping && !jr_rule_has_child_measure(r) &&
			 (complex_domains >= p->thresholds.coordination_domains ||
			  (r->flags & JR_FLAG_BIT(JR_FLAG_UNSAFE))))
			add_coordination(a, JR_WHY_COORD_COMPLEX, complex_needs);
		/* Principle 8: under an OTS the GI holds the coordination, the local team supports
		 * the family beside it (art. 1:255, 1:262 BW). */
		if (!hopping && jr_rule_ots(r) && a->age_status != JR_AGE_PROBATION_ONLY)
			add_coordination(a, JR_WHY_COORD_GI, complex_needs);
		if (a->age_status != JR_AGE_PROBATION_ONLY)
			add_offers(a, p->social_base, p->social_base_count, JR_OPTION_SOCIAL_BASE,
				   JR_WHY_SB_SUPPORT, p->norms.max_support_offers);
		break;
	}

	first_care = jr_answer_first_youth_care(a);
	add_signals_and_warnings(a, tier, hops, first_care);

	if (r->has_referrer) {
		a->has_referral_check = true;
		if (!first_care) {
			a->referral_why = JR_WHY_RC_NO_YOUTH_CARE;
		} else {
			a->referral_form = first_care->form;
			a->referral_why = jr_rule_referral_check(p, r, first_care->form);
		}
		a->referral_valid = a->referral_why == JR_WHY_RC_VALID;
	}
	return JR_OK;
}

const struct jr_history_item *jr_request_running_stay(const struct jr_policy *p,
						      const struct jr_request *r)
{
	const struct jr_history_item *stay = NULL;

	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		if (!h->ongoing || h->form < 1 || h->form > JR_FORM_COUNT ||
		    !jr_setting_is_stay(p->forms[h->form].setting))
			continue;
		if (!stay || h->start > stay->start)
			stay = h;
	}
	return stay;
}

const char *jr_request_responsible(const struct jr_policy *p, const struct jr_request *r)
{
	if (r->residence_before_stay[0] && jr_request_running_stay(p, r))
		return r->residence_before_stay;
	return r->municipality;
}

enum jr_err jr_request_check_stay(const struct jr_policy *p, const struct jr_request *r,
				  const char **field, const char **message)
{
	if (!r->residence_before_stay[0] || jr_request_running_stay(p, r))
		return JR_OK;
	*field = "residence_before_stay";
	*message = "de woonplaats vóór het verblijf telt alleen bij jeugdhulp met verblijf die nu "
		   "loopt (een vorm met verblijf zonder einddatum in history); laat het veld weg "
		   "of geef het lopende verblijf";
	return JR_ERR_INPUT;
}

const struct jr_option *jr_answer_first_youth_care(const struct jr_answer *a)
{
	for (size_t i = 0; i < a->option_count; i++)
		if (a->options[i].kind == JR_OPTION_YOUTH_CARE)
			return &a->options[i];
	return NULL;
}

const char *jr_option_kind_name(enum jr_option_kind k)
{
	static const char *const names[JR_OPTION_KIND_COUNT] = {
		"social_base", "no_referral", "coordination", "youth_care", "other_domain"};
	return (unsigned)k < JR_OPTION_KIND_COUNT ? names[k] : NULL;
}

const char *jr_option_kind_label(enum jr_option_kind k)
{
	static const char *const labels[JR_OPTION_KIND_COUNT] = {
		"sociale basis", "zonder verwijzing", "regie", "jeugdhulp", "ander domein"};
	return (unsigned)k < JR_OPTION_KIND_COUNT ? labels[k] : NULL;
}

const char *jr_framework_name(enum jr_framework f)
{
	return f == JR_FRAMEWORK_COMPULSORY ? "compulsory" : "voluntary";
}

const char *jr_signal_code_name(enum jr_signal_code c)
{
	static const char *const names[JR_SIGNAL_COUNT] = {
		[JR_SIGNAL_HOPPING] = "hopping",
		[JR_SIGNAL_CRISIS_FOLLOWUP] = "crisis_followup",
		[JR_SIGNAL_SAFETY] = "safety",
		[JR_SIGNAL_ESCALATE] = "escalate",
		[JR_SIGNAL_CONTINUATION] = "continuation",
		[JR_SIGNAL_WAITING] = "waiting",
		[JR_SIGNAL_BROAD_ANALYSIS] = "broad_analysis",
		[JR_SIGNAL_BROAD_ANALYSIS_AFTER] = "broad_analysis_after",
		[JR_SIGNAL_CONNECT] = "connect",
		[JR_SIGNAL_NEW_BROAD_ANALYSIS] = "new_broad_analysis",
	};
	return (unsigned)c < JR_SIGNAL_COUNT ? names[c] : NULL;
}

static const char *const outcome_names[JR_OUTCOME_COUNT] = {"positive", "negative", "neutral"};

const char *jr_outcome_name(enum jr_outcome o)
{
	return (unsigned)o < JR_OUTCOME_COUNT ? outcome_names[o] : NULL;
}

int jr_outcome_parse(const char *s)
{
	for (int i = 0; i < JR_OUTCOME_COUNT; i++)
		if (strcmp(outcome_names[i], s) == 0)
			return i;
	return -1;
}

const char *jr_require_name(enum jr_require r)
{
	switch (r) {
	case JR_REQUIRE_BROAD_ANALYSIS: return "broad_analysis";
	case JR_REQUIRE_RESULT_DESCRIPTION: return "result_description";
	case JR_REQUIRE_PRODUCT_CODE: return "product_code";
	case JR_REQUIRE_COURT_ORDER: return "court_order";
	}
	return NULL;
}
