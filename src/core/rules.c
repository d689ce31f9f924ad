/* rules: the thirteen routing rules (see rules.h and docs/routing.md). */
#include "core/rules.h"

#include <string.h>

/* Flags that by themselves make non-free-access help necessary (rule 2). */
#define NON_FREE_ACCESS_FLAGS                                                                      \
	(JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER) | JR_FLAG_BIT(JR_FLAG_DISABILITY) |            \
	 JR_FLAG_BIT(JR_FLAG_UNSAFE) | JR_FLAG_BIT(JR_FLAG_NOT_PARTICIPATING))

bool jr_rule_normalise(const struct jr_policy *p, const struct jr_request *r)
{
	if (r->flags != 0 || r->measure != JR_MEASURE_NONE || r->authorisations != 0)
		return false;
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (r->needs[d] > p->thresholds.normalise_max)
			return false;
	return true;
}

bool jr_rule_non_free_access(const struct jr_policy *p, const struct jr_request *r,
			     unsigned *needs, unsigned *flags)
{
	unsigned n = 0, f = r->flags & NON_FREE_ACCESS_FLAGS;
	/* Principle 14: only the domains the policy maps to youth care can make it necessary; a
	 * need of the social base or of another domain (livelihood) never does by itself. */
	unsigned elsewhere = p->domains_social_base | p->domains_other;

	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (r->needs[d] >= p->thresholds.youth_care_min && !(elsewhere & (1u << d)))
			n |= 1u << d;
	if (needs)
		*needs = n;
	if (flags)
		*flags = f;
	return n != 0 || f != 0;
}

int jr_rule_specialist_in_time(const struct jr_policy *p, const struct jr_request *r)
{
	bool psychiatric_long = (r->flags & JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)) &&
				(r->flags & JR_FLAG_BIT(JR_FLAG_LONG_LASTING));

	if (psychiatric_long ||
	    r->needs[JR_NEED_MENTAL_HEALTH] >= p->thresholds.specialist_mental_health ||
	    r->needs[JR_NEED_SUBSTANCE_USE] >= p->thresholds.specialist_substance_use)
		return p->norms.specialist_from_form;
	return 1;
}

bool jr_rule_crisis(const struct jr_request *r)
{
	return (r->flags & JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS)) != 0;
}

bool jr_rule_acute_psychiatric(const struct jr_request *r)
{
	return (r->flags & JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS)) &&
	       ((r->flags & JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)) ||
		r->needs[JR_NEED_MENTAL_HEALTH] >= JR_NEED_MAX_LEVEL);
}

jr_day jr_rule_crisis_due(const struct jr_policy *p, const struct jr_request *r)
{
	return r->date + p->norms.crisis_followup_days;
}

enum jr_framework jr_rule_framework(const struct jr_request *r)
{
	/* an authorisation is a decision of the judge too, also without a measure beside it */
	return r->measure == JR_MEASURE_NONE && r->authorisations == 0 ? JR_FRAMEWORK_VOLUNTARY
									: JR_FRAMEWORK_COMPULSORY;
}

bool jr_rule_has_child_measure(const struct jr_request *r)
{
	enum jr_measure m = jr_measure_routes_as(r->measure);

	return m == JR_MEASURE_OTS || m == JR_MEASURE_VOOGDIJ || m == JR_MEASURE_JEUGDRECLASSERING;
}

bool jr_rule_secure_allowed(const struct jr_request *r)
{
	return r->measure == JR_MEASURE_MACHTIGING_GESLOTEN ||
	       (r->authorisations & JR_AUTH_BIT(JR_AUTH_GESLOTEN));
}

void jr_rule_contracting(const struct jr_policy *p, const struct jr_municipality *m, int form,
			 struct jr_option *opt)
{
	opt->contracting = p->forms[form].contracting;
	opt->has_regime = opt->contracting == JR_CONTRACTING_LOCAL;
	if (!opt->has_regime)
		return;
	opt->regime = m->regime;
	if (m->regime == JR_REGIME_RESULT)
		opt->requires |= JR_REQUIRE_RESULT_DESCRIPTION;
	else if (m->regime == JR_REGIME_PRODUCT)
		opt->requires |= JR_REQUIRE_PRODUCT_CODE;
}

unsigned jr_rule_referrers(const struct jr_policy *p, int form, enum jr_measure measure)
{
	unsigned mask = 0;
	enum jr_measure m = jr_measure_routes_as(measure);
	bool child_measure = m == JR_MEASURE_OTS || m == JR_MEASURE_VOOGDIJ ||
			     m == JR_MEASURE_JEUGDRECLASSERING;

	for (int c = 1; c < JR_REFERRER_CODES; c++) {
		const struct jr_referrer *ref = &p->referrers[c];
		if (!ref->defined || !(ref->forms & (1u << form)))
			continue;
		if (ref->within_measure_only && !child_measure)
			continue;
		mask |= 1u << c;
	}
	return mask;
}

enum jr_why jr_rule_referral_check(const struct jr_policy *p, const struct jr_request *r, int form)
{
	const struct jr_referrer *ref;

	if (r->referrer_type <= 0 || r->referrer_type >= JR_REFERRER_CODES)
		return JR_WHY_RC_UNKNOWN;
	ref = &p->referrers[r->referrer_type];
	if (!ref->defined)
		return JR_WHY_RC_UNKNOWN;
	if (ref->forms == 0)
		return JR_WHY_RC_SELF;
	if (ref->within_measure_only && !jr_rule_has_child_measure(r))
		return JR_WHY_RC_MEASURE_ONLY;
	if (!(jr_rule_referrers(p, form, r->measure) & (1u << r->referrer_type)))
		return JR_WHY_RC_NOT_FOR_FORM;
	if (ref->agb_required && r->agb[0] == '\0')
		return JR_WHY_RC_AGB_MISSING;
	if (ref->agb_forbidden && r->agb[0] != '\0')
		return JR_WHY_RC_AGB_FORBIDDEN;
	return JR_WHY_RC_VALID;
}

bool jr_referrer_legal_route(int type)
{
	return type == 2 || type == 3 || type == 5;
}

bool jr_rule_legal_route(const struct jr_policy *p, const struct jr_request *r, int form)
{
	if (jr_rule_framework(r) == JR_FRAMEWORK_COMPULSORY)
		return true;
	return r->has_referrer && jr_referrer_legal_route(r->referrer_type) &&
	       jr_rule_referral_check(p, r, form) == JR_WHY_RC_VALID;
}

/* Whether the municipal route would ask the broad analysis before care in `form` starts. */
static bool analysis_first(const struct jr_policy *p, const struct jr_request *r, int form)
{
	if (r->broad_analysis || p->forms[form].setting == JR_SETTING_CRISIS)
		return false;
	return form >= p->norms.broad_analysis_from_form ||
	       jr_rule_framework(r) == JR_FRAMEWORK_COMPULSORY;
}

unsigned jr_rule_broad_analysis(const struct jr_policy *p, const struct jr_request *r, int form)
{
	return analysis_first(p, r, form) && !jr_rule_legal_route(p, r, form)
		       ? JR_REQUIRE_BROAD_ANALYSIS
		       : 0;
}

bool jr_rule_broad_analysis_advised(const struct jr_policy *p, const struct jr_request *r,
				    int form)
{
	return analysis_first(p, r, form) && jr_rule_legal_route(p, r, form);
}

int jr_rule_hopping_count(const struct jr_policy *p, const struct jr_request *r)
{
	int n = 0;
	jr_day from = r->date - p->norms.hopping_window_days;

	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		if (h->outcome == JR_OUTCOME_NEGATIVE && !h->ongoing && h->end >= from &&
		    h->end <= r->date)
			n++;
	}
	return n;
}

bool jr_rule_hopping(const struct jr_policy *p, const struct jr_request *r)
{
	return jr_rule_hopping_count(p, r) >= p->norms.hopping_count;
}

/* The lightest ambulant form of at least `min`, or 0. */
static int lightest_ambulant_from(const struct jr_policy *p, int min)
{
	for (int f = min < 1 ? 1 : min; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].setting == JR_SETTING_AMBULANT)
			return f;
	return 0;
}

size_t jr_rule_home_first(const struct jr_policy *p, struct jr_candidate *list, size_t len,
			  size_t cap, int floor)
{
	int min = p->norms.intensive_ambulant_from_form > floor ? p->norms.intensive_ambulant_from_form
								 : floor;
	bool have_alternative = false;

	for (size_t i = 0; i < len; i++) {
		enum jr_setting s = p->forms[list[i].form].setting;
		int alt;

		if (s == JR_SETTING_AMBULANT && list[i].form >= min) {
			have_alternative = true;
			continue;
		}
		if (!jr_setting_is_stay(s) || have_alternative)
			continue;
		alt = lightest_ambulant_from(p, min);
		if (alt == 0 || len >= cap)
			return len; /* the policy validator guarantees an alternative exists */
		memmove(&list[i + 1], &list[i], (len - i) * sizeof(list[0]));
		/* the alternative answers the same problem as the stay it precedes: its needs */
		list[i] = (struct jr_candidate){.form = alt,
						.why = JR_WHY_YC_HOME_FIRST,
						.needs = list[i + 1].needs,
						.flags = list[i + 1].flags,
						.related_form = list[i + 1].form};
		len++;
		have_alternative = true;
		i++; /* skip the stay form just moved behind it */
	}
	return len;
}

enum jr_age_status jr_rule_age(const struct jr_policy *p, const struct jr_request *r, int *age)
{
	jr_day adult;

	*age = jr_date_age_years(r->birth_date, r->date);
	if (*age < p->norms.age_limit)
		return JR_AGE_YOUTH;
	if (*age >= p->norms.continuation_until)
		return JR_AGE_INELIGIBLE;
	adult = jr_date_add_years(r->birth_date, p->norms.age_limit);
	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		if (h->form < 1 || h->start >= adult)
			continue;
		if (h->ongoing || h->end + p->norms.continuation_resume_days >= r->date)
			return JR_AGE_CONTINUATION;
	}
	if (r->measure == JR_MEASURE_JEUGDRECLASSERING)
		return JR_AGE_PROBATION_ONLY;
	return JR_AGE_INELIGIBLE;
}

bool jr_rule_no_referral_first(const struct jr_policy *p, bool youth_care_needed)
{
	return p->no_referral_first && !youth_care_needed;
}

const struct jr_municipality *jr_rule_residence(const struct jr_policy *p, const char *code)
{
	return jr_policy_municipality(p, code);
}

/* The measures a policy's indication sees in a request (1u << enum jr_measure): the measure as
 * it routes (a provisional OTS as an OTS), and a machtiging gesloten jeugdhulp given as an
 * authorisation as the measure value of the same name. */
static unsigned measure_bits(const struct jr_request *r)
{
	unsigned bits = 1u << jr_measure_routes_as(r->measure);

	if (r->authorisations & JR_AUTH_BIT(JR_AUTH_GESLOTEN))
		bits |= 1u << JR_MEASURE_MACHTIGING_GESLOTEN;
	return bits;
}

static bool fit_candidate(const struct jr_form *f, const struct jr_request *r)
{
	return f->indication.present &&
	       (f->setting == JR_SETTING_AMBULANT || f->setting == JR_SETTING_OUT_OF_HOME) &&
	       (r->flags & f->indication.all_flags) == f->indication.all_flags;
}

unsigned jr_rule_fit_forms(const struct jr_policy *p, const struct jr_request *r,
			   unsigned use_needs, unsigned use_flags,
			   unsigned needs[JR_FORM_COUNT + 1], unsigned flags[JR_FORM_COUNT + 1])
{
	unsigned selected = 0;

	for (int f = 0; f <= JR_FORM_COUNT; f++)
		needs[f] = flags[f] = 0;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		int best = 0;
		if (!(use_needs & (1u << d)))
			continue;
		for (int f = 1; f <= JR_FORM_COUNT; f++) {
			int min = p->forms[f].indication.need_min[d];
			if (fit_candidate(&p->forms[f], r) && min && min <= r->needs[d] && min > best)
				best = min;
		}
		for (int f = 1; best && f <= JR_FORM_COUNT; f++)
			if (fit_candidate(&p->forms[f], r) && p->forms[f].indication.need_min[d] == best) {
				needs[f] |= 1u << d;
				selected |= 1u << f;
			}
	}
	for (int fl = 0; fl < JR_FLAG_COUNT; fl++) {
		if (!(use_flags & r->flags & JR_FLAG_BIT(fl)))
			continue;
		for (int f = JR_FORM_COUNT; f >= 1; f--)
			if (fit_candidate(&p->forms[f], r) &&
			    (p->forms[f].indication.any_flags & JR_FLAG_BIT(fl))) {
				flags[f] |= JR_FLAG_BIT(fl);
				selected |= 1u << f;
				break;
			}
	}
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		const struct jr_indication *ind = &p->forms[f].indication;
		int at_level = 0;
		unsigned level_needs = 0;
		if (!fit_candidate(&p->forms[f], r))
			continue;
		if (ind->any_measures & measure_bits(r))
			selected |= 1u << f;
		if (!ind->domains_count)
			continue;
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if (r->needs[d] >= ind->domains_level && !(p->domains_other & (1u << d))) {
				/* another domain's need (livelihood) is no problem of the child's:
				 * it does not make the child's problems complex (principle 6) */
				at_level++;
				level_needs |= 1u << d;
			}
		if (at_level >= ind->domains_count) {
			needs[f] |= level_needs;
			selected |= 1u << f;
		}
	}
	if (selected)
		for (int f = 1; f <= JR_FORM_COUNT; f++)
			if ((selected & (1u << f)) && (p->forms[f].indication.all_flags & r->flags))
				flags[f] |= p->forms[f].indication.all_flags;
	return selected;
}

bool jr_form_indicated(const struct jr_indication *ind, const struct jr_request *r,
		       unsigned *needs, unsigned *flags)
{
	unsigned n = 0, f;
	int at_level = 0;
	bool any;

	*needs = 0;
	*flags = 0;
	if (!ind->present || (r->flags & ind->all_flags) != ind->all_flags)
		return false;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		if (ind->need_min[d] && r->needs[d] >= ind->need_min[d])
			n |= 1u << d;
		if (ind->domains_count && r->needs[d] >= ind->domains_level)
			at_level++;
	}
	f = r->flags & ind->any_flags;
	any = n != 0 || f != 0 || (ind->any_measures & measure_bits(r)) ||
	      (ind->domains_count && at_level >= ind->domains_count);
	if (!any)
		return false;
	if (ind->domains_count && at_level >= ind->domains_count)
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if (r->needs[d] >= ind->domains_level)
				n |= 1u << d;
	*needs = n;
	*flags = f | (r->flags & ind->all_flags);
	return true;
}

unsigned jr_rule_running_forms(const struct jr_policy *p, const struct jr_request *r,
			       enum jr_age_status status)
{
	jr_day adult = jr_date_add_years(r->birth_date, p->norms.age_limit);
	unsigned forms = 0;

	if (status == JR_AGE_PROBATION_ONLY || status == JR_AGE_INELIGIBLE)
		return 0;
	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		enum jr_setting s;
		if (!h->ongoing || h->form < 1 || h->form > JR_FORM_COUNT)
			continue;
		s = p->forms[h->form].setting;
		if (s != JR_SETTING_AMBULANT && s != JR_SETTING_OUT_OF_HOME)
			continue;
		if (status == JR_AGE_CONTINUATION && h->start >= adult)
			continue;
		forms |= 1u << h->form;
	}
	return forms;
}

unsigned jr_rule_failed_forms(const struct jr_policy *p, const struct jr_request *r)
{
	jr_day from = r->date - p->norms.hopping_window_days;
	unsigned forms = 0;

	for (size_t i = 0; i < r->history_count; i++) {
		const struct jr_history_item *h = &r->history[i];
		enum jr_setting s;
		if (h->ongoing || h->outcome != JR_OUTCOME_NEGATIVE || h->form < 1 ||
		    h->form > JR_FORM_COUNT || h->end < from || h->end > r->date)
			continue;
		s = p->forms[h->form].setting;
		if (s == JR_SETTING_AMBULANT || s == JR_SETTING_OUT_OF_HOME)
			forms |= 1u << h->form;
	}
	return forms;
}

int jr_rule_step_up(const struct jr_policy *p, int form, unsigned avoid)
{
	for (int f = form + 1; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].setting == p->forms[form].setting && !(avoid & (1u << f)))
			return f;
	return 0;
}

bool jr_rule_complex_case(const struct jr_policy *p, const struct jr_request *r)
{
	int severe = 0;

	if (!(r->flags & (JR_FLAG_BIT(JR_FLAG_LONG_LASTING) |
			  JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER))))
		return false;
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (r->needs[d] >= p->thresholds.youth_care_min)
			severe++;
	return severe >= p->thresholds.coordination_domains;
}

bool jr_rule_ots(const struct jr_request *r)
{
	return jr_measure_is_ots(r->measure);
}

unsigned jr_rule_stay_court_order(const struct jr_policy *p, const struct jr_request *r, int form)
{
	return jr_rule_ots(r) && p->forms[form].setting == JR_SETTING_OUT_OF_HOME &&
			       !(r->authorisations & JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING))
		       ? JR_REQUIRE_COURT_ORDER
		       : 0;
}

unsigned jr_rule_other_domains(const struct jr_policy *p, const struct jr_request *r,
			       unsigned needs[JR_OTHER_COUNT], unsigned context[JR_OTHER_COUNT])
{
	unsigned helps = 0;

	for (int h = 0; h < JR_OTHER_COUNT; h++)
		needs[h] = context[h] = 0;
	if (p->domains_other)
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if ((p->domains_other & (1u << d)) &&
			    r->needs[d] > p->thresholds.normalise_max) {
				needs[p->domain_other[d]] |= 1u << d;
				helps |= 1u << p->domain_other[d];
			}
	if (!r->family_context)
		return helps;
	for (int c = 0; c < JR_FC_COUNT; c++) {
		unsigned hs;
		if (!(r->family_context & (1u << c)))
			continue;
		hs = jr_family_context_helps((enum jr_family_context)c);
		helps |= hs;
		for (int h = 0; h < JR_OTHER_COUNT; h++)
			if (hs & (1u << h))
				context[h] |= 1u << c;
	}
	/* A family need at youth_care_min in a fighting divorce: the divorce help names it, as
	 * the help beside whatever the child needs. */
	if ((r->family_context & (1u << JR_FC_FIGHTING_DIVORCE)) &&
	    r->needs[JR_NEED_FAMILY] >= p->thresholds.youth_care_min)
		needs[JR_OTHER_DIVORCE_HELP] |= 1u << JR_NEED_FAMILY;
	return helps;
}
