/* rules: the thirteen routing rules, one named function each, so that each can be tested at its
 * edges and each answer can say which rule it came from (see docs/routing.md).
 *
 * All functions are pure: they read the policy and the request and return a value. route.c
 * composes them into an answer. */
#ifndef JR_CORE_RULES_H
#define JR_CORE_RULES_H

#include <stdbool.h>

#include "core/policy.h"
#include "core/route.h"

/* Rule 1, normalise: every need at most thresholds.normalise_max, no flags and no court measure.
 * Ordinary growing up: social base (and no-referral) offers only. */
bool jr_rule_normalise(const struct jr_policy *p, const struct jr_request *r);

/* Rule 2, non-free-access help when needed: a psychiatric disorder, a disability, the child's
 * safety at stake, the child not participating, or any need at thresholds.youth_care_min or
 * more. Sets the needs and flags that triggered it (either pointer may be NULL). */
bool jr_rule_non_free_access(const struct jr_policy *p, const struct jr_request *r,
			     unsigned *needs, unsigned *flags);

/* Rule 3, specialist in time: a psychiatric disorder that is long-lasting, mental_health at
 * thresholds.specialist_mental_health or more, or (principle 10) substance_use at
 * thresholds.specialist_substance_use or more: severe addiction needs treatment, not support
 * alone. Returns the lightest form that may be offered: norms.specialist_from_form when the rule
 * applies, else 1. */
int jr_rule_specialist_in_time(const struct jr_policy *p, const struct jr_request *r);

/* Rule 4, crisis: an acute crisis puts the crisis form first; referral and broad analysis follow
 * by the returned due date (date + norms.crisis_followup_days). */
bool jr_rule_crisis(const struct jr_request *r);

/* Issue 13, principle 9: an acute psychiatric crisis — acute_crisis with psychiatric_disorder,
 * or with mental_health at the highest level — needs urgent youth mental health care (the
 * policy's specialist form, norms.specialist_from_form) right after the crisis form, not only
 * crisis shelter. */
bool jr_rule_acute_psychiatric(const struct jr_request *r);
jr_day jr_rule_crisis_due(const struct jr_policy *p, const struct jr_request *r);

/* Rule 5, frameworks: any court measure or authorisation makes the framework compulsory.
 * Child-protection and probation measures (OTS, provisional OTS, voogdij, jeugdreclassering)
 * bring the measure form; secure care is offered only with the judge's authorisation
 * (machtiging_gesloten as the measure, or the authorisation "gesloten" beside one), and then
 * first (principle 8). */
enum jr_framework jr_rule_framework(const struct jr_request *r);
bool jr_rule_has_child_measure(const struct jr_request *r);
bool jr_rule_secure_allowed(const struct jr_request *r);

/* Rule 6, contracting: forms contracted by the regional body are regional; local forms follow the
 * municipality's regime, which adds result_description (result) or product_code (product) to
 * the option's requirements. Fills contracting, regime and requires of `opt`. */
void jr_rule_contracting(const struct jr_policy *p, const struct jr_municipality *m, int form,
			 struct jr_option *opt);

/* Rule 7, referrers: the COD327 codes (as 1u << code) that may refer to `form` under `measure`.
 * A referrer marked within_measure_only (the GI) counts only under a child-protection or
 * probation measure; a referrer without forms (self-referral) never opens youth care. */
unsigned jr_rule_referrers(const struct jr_policy *p, int form, enum jr_measure measure);

/* Rule 7 applied to the request's referrer and one form: JR_WHY_RC_VALID when the referral is
 * valid, else the reason it is not. */
enum jr_why jr_rule_referral_check(const struct jr_policy *p, const struct jr_request *r, int form);

/* Whether a referrer of COD327 type `type` refers by a route of the law itself rather than the
 * municipality's: the GP (02), the youth doctor (03) and the medical specialist (05), art. 2.6
 * lid 1 sub g Jeugdwet. The GI (04) and the court (08) come with a court measure. */
bool jr_referrer_legal_route(int type);

/* Whether youth care in `form` comes by a legal route that does not wait for the region's broad
 * analysis: a court measure, or a valid referral (rule 7) for that form by such a referrer. */
bool jr_rule_legal_route(const struct jr_policy *p, const struct jr_request *r, int form);

/* Rule 8, broad analysis first: the region's working agreement for the municipal route. Forms
 * from norms.broad_analysis_from_form need a broad explanatory analysis before they start;
 * crisis care gets it afterwards, and so does care by a legal route (jr_rule_legal_route: the
 * GP's referral, a court measure), which never waits for it. Returns JR_REQUIRE_BROAD_ANALYSIS
 * when the option must carry it (the analysis is not yet made). */
unsigned jr_rule_broad_analysis(const struct jr_policy *p, const struct jr_request *r, int form);

/* Rule 8 for a legal route: true when the analysis would be required on the municipal route
 * but is advised instead, to be made with the local team afterwards. */
bool jr_rule_broad_analysis_advised(const struct jr_policy *p, const struct jr_request *r,
				    int form);

/* Rule 9, no hopping: the number of interventions that ended negatively within
 * norms.hopping_window_days before the request date. Hopping when >= norms.hopping_count. */
int jr_rule_hopping_count(const struct jr_policy *p, const struct jr_request *r);
bool jr_rule_hopping(const struct jr_policy *p, const struct jr_request *r);

/* Rule 10, home first: in an ordered list of forms, every out-of-home or secure form must be
 * preceded by an ambulant form of at least max(norms.intensive_ambulant_from_form, floor).
 * Inserts the lightest such form before the first stay form that lacks one. The list has
 * room for `cap` entries; returns the new length. */
struct jr_candidate {
	int form;
	enum jr_why why;
	unsigned needs;
	unsigned flags;
	int related_form;
};
size_t jr_rule_home_first(const struct jr_policy *p, struct jr_candidate *list, size_t len,
			  size_t cap, int floor);

/* Rule 11, age: under norms.age_limit the Jeugdwet applies; up to norms.continuation_until only
 * as continuation of youth care begun before the age limit (ongoing, or ended no longer than
 * norms.continuation_resume_days ago), or for juvenile probation. Sets *age. */
enum jr_age_status jr_rule_age(const struct jr_policy *p, const struct jr_request *r, int *age);

/* Rule 12, no referral first (Amersfoort): in a region with region.no_referral_first, light and
 * moderate needs (youth care not needed) start with no-referral offers. */
bool jr_rule_no_referral_first(const struct jr_policy *p, bool youth_care_needed);

/* Rule 13, residence: municipality `code` as this policy holds it (NULL when it does not). The
 * code is the responsible one (woonplaatsbeginsel, jr_request_responsible in route.h): the
 * request's municipality, or during a running stay the municipality of residence before it. */
const struct jr_municipality *jr_rule_residence(const struct jr_policy *p, const char *code);

/* Rule 2's mapping from needs to forms, per the policy's indications. Only the needs in
 * `use_needs` and the flags in `use_flags` count. Each need selects the form(s) whose minimum for
 * that domain is the highest the need reaches (severity 4 in `family` selects the form that asks
 * family >= 4, not every lighter form that asks family >= 2); each flag selects the heaviest form
 * naming it; a measure or a number of domains at a level selects the forms that name them. A
 * form whose all_flags are not all present selects nothing. Only ambulant and out-of-home forms
 * take part: crisis, secure care and measures are placed by their own rules. Fills needs[f] and
 * flags[f] with what selected form f and returns the set of selected forms (1u << f). */
unsigned jr_rule_fit_forms(const struct jr_policy *p, const struct jr_request *r,
			   unsigned use_needs, unsigned use_flags,
			   unsigned needs[JR_FORM_COUNT + 1], unsigned flags[JR_FORM_COUNT + 1]);

/* Principle 4, running care counts: the forms (1u << form) of youth care in the history without an
 * end date whose continuation is offered first, without a new broad analysis. Crisis care, secure
 * care and the measure form are placed by their own rules and never continue by themselves. From
 * the age limit on, only care that began before it continues (rule 11). */
unsigned jr_rule_running_forms(const struct jr_policy *p, const struct jr_request *r,
			       enum jr_age_status status);

/* Principle 7, stepped care learns from history: the ambulant and out-of-home forms
 * (1u << form) that ended negatively within norms.hopping_window_days. */
unsigned jr_rule_failed_forms(const struct jr_policy *p, const struct jr_request *r);

/* Principle 7: the next form heavier than `form` with the same setting that is not in `avoid`
 * (1u << form), or 0 when there is none. */
int jr_rule_step_up(const struct jr_policy *p, int form, unsigned avoid);

/* Principle 7: a complex case — thresholds.coordination_domains or more domains at
 * thresholds.youth_care_min, with a problem that is long-lasting or a psychiatric disorder —
 * brings in the regional expert team even when the family does not hop. */
bool jr_rule_complex_case(const struct jr_policy *p, const struct jr_request *r);

/* Whether a form's policy indication matches the request at all (any need at or above its
 * minimum, any flag, measure or domain count, with all_flags present); sets what matched. */
bool jr_form_indicated(const struct jr_indication *ind, const struct jr_request *r,
		       unsigned *needs, unsigned *flags);

/* Rule 5 under a supervision order: whether the request's measure is an OTS, provisional (art.
 * 1:257 BW) or not (art. 1:255 BW). The GI supervises and coordinates; the parents keep custody,
 * so a stay away from home needs the judge's machtiging uithuisplaatsing (art. 1:265b BW). */
bool jr_rule_ots(const struct jr_request *r);

/* Rule 5 for a stay under an OTS: JR_REQUIRE_COURT_ORDER when `form` is an out-of-home form, the
 * request is under an (provisional) OTS and carries no machtiging uithuisplaatsing; else 0. */
unsigned jr_rule_stay_court_order(const struct jr_policy *p, const struct jr_request *r, int form);
/* Principles 6 and 14, the child is not the problem: the help of the family's other domains.
 * A need the policy maps to another domain (domains: livelihood -> income_support) above
 * thresholds.normalise_max, and each item of the request's family_context (debts, housing, a
 * parent's mental health or addiction, a fighting divorce), bring that domain's help; with a
 * fighting divorce, a family need at thresholds.youth_care_min is named by the divorce help.
 * Fills needs[h] and context[h] with what led to help h and returns the helps (1u << h). These
 * never make youth care for the child necessary (jr_rule_non_free_access). */
unsigned jr_rule_other_domains(const struct jr_policy *p, const struct jr_request *r,
			       unsigned needs[JR_OTHER_COUNT], unsigned context[JR_OTHER_COUNT]);

#endif
