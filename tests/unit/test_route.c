/* Unit tests for the routing engine (core/rules, core/route): each of the thirteen routing rules
 * of issue 2 at its edges, called directly where the rule is a function of its own, and the
 * composed answer of jr_route() under the real Twente and Amersfoort policies. Requests are built
 * as structs, not through JSON. A seeded sweep over many varied requests checks that every answer
 * keeps the rules as invariants, and every option's explanation names its rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/policy.h"
#include "core/route.h"
#include "core/rules.h"
#include "core/why.h"
#include "json/policy_json.h"

#define BIT(n) (1u << (n))
#define FLAG(f) JR_FLAG_BIT(JR_FLAG_##f)
#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

/* COD327 referrer masks as jr_rule_referrers returns them. */
#define REF_VOLUNTARY (BIT(1) | BIT(2) | BIT(3) | BIT(5))

#define ENSCHEDE "0153"
#define ALMELO "0141"
#define HOF_VAN_TWENTE "1735"
#define AMERSFOORT "0307"

/* Large structs live here, not on the test's stack. */
static struct jr_policy twente, amersfoort;
static struct jr_request rq;
static struct jr_answer ans;

static int group_setup(void **state)
{
	struct jr_diag diag;
	(void)state;
	if (jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &diag) ||
	    jr_policy_load_file(JR_TEST_POLICY_DIR "/amersfoort.json", &amersfoort, &diag)) {
		fprintf(stderr, "policy: %s: %s\n", diag.path, diag.message);
		return -1;
	}
	return 0;
}

/* ---- request helpers ---------------------------------------------------------------------- */

/* A ten-year-old in `muni` on 2024-06-01 with no needs, flags, measure, history or referrer. */
static void req_init(const char *muni)
{
	memset(&rq, 0, sizeof(rq));
	assert_true(strlen(muni) < sizeof(rq.municipality));
	memcpy(rq.municipality, muni, strlen(muni) + 1);
	rq.date = D(2024, 6, 1);
	rq.birth_date = D(2014, 3, 15);
	rq.measure = JR_MEASURE_NONE;
}

static void req_needs_all(unsigned char level)
{
	for (int d = 0; d < JR_NEED_COUNT; d++)
		rq.needs[d] = level;
}

static void hist(int form, enum jr_outcome outcome, jr_day start, jr_day end)
{
	assert_true(rq.history_count < JR_HISTORY_MAX);
	rq.history[rq.history_count++] = (struct jr_history_item){
		.form = form, .outcome = outcome, .start = start, .end = end, .ongoing = false};
}

static void hist_ongoing(int form, jr_day start)
{
	assert_true(rq.history_count < JR_HISTORY_MAX);
	rq.history[rq.history_count++] = (struct jr_history_item){
		.form = form, .outcome = JR_OUTCOME_NEUTRAL, .start = start, .ongoing = true};
}

static void referrer(int type, const char *agb)
{
	rq.has_referrer = true;
	rq.referrer_type = type;
	assert_true(strlen(agb) < sizeof(rq.agb));
	memcpy(rq.agb, agb, strlen(agb) + 1);
}

/* ---- answer helpers ----------------------------------------------------------------------- */

/* Appends every option's explanation to a buffer and checks that it names a rule. */
static void check_option_texts(const struct jr_answer *a)
{
	struct jr_buf b;

	jr_buf_init(&b, 1 << 16);
	for (size_t i = 0; i < a->option_count; i++) {
		jr_buf_reset(&b);
		assert_int_equal(jr_why_option(&b, a, &a->options[i]), JR_OK);
		if (!strstr(jr_buf_str(&b), "regel"))
			fail_msg("option %zu (kind %d, form %d, why %d): text \"%s\" names no rule", i,
				 (int)a->options[i].kind, a->options[i].form, (int)a->options[i].why,
				 jr_buf_str(&b));
		assert_non_null(jr_option_name(a, &a->options[i]));
	}
	jr_buf_release(&b);
}

/* Routes rq under p into ans; the request must pass jr_request_check. Every option carries a
 * reason (why) whose text names the rule. */
static void route(const struct jr_policy *p)
{
	const char *field = NULL, *message = NULL;

	assert_int_equal(jr_request_check(&rq, &field, &message), JR_OK);
	assert_int_equal(jr_route(p, &rq, &ans), JR_OK);
	for (size_t i = 0; i < ans.option_count; i++)
		assert_int_not_equal(ans.options[i].why, JR_WHY_NONE);
	for (size_t i = 0; i < ans.signal_count; i++)
		assert_int_not_equal(ans.signals[i].why, JR_WHY_NONE);
	check_option_texts(&ans);
}

static int count_kind(enum jr_option_kind k)
{
	int n = 0;
	for (size_t i = 0; i < ans.option_count; i++)
		n += ans.options[i].kind == k;
	return n;
}

/* Index of the youth-care option of `form`, or -1. */
static int idx_form(int form)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE && ans.options[i].form == form)
			return (int)i;
	return -1;
}

static const struct jr_option *opt_form(int form)
{
	int i = idx_form(form);
	return i < 0 ? NULL : &ans.options[i];
}

/* The lightest youth-care form of the answer, or 0 when there is none. */
static int lightest_youth_care(void)
{
	int min = 0;
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE &&
		    !jr_why_is_continuation(ans.options[i].why) && /* running care goes on */
		    (min == 0 || ans.options[i].form < min))
			min = ans.options[i].form;
	return min;
}

static const struct jr_signal *signal_of(enum jr_signal_code c)
{
	for (size_t i = 0; i < ans.signal_count; i++)
		if (ans.signals[i].code == c)
			return &ans.signals[i];
	return NULL;
}

static bool has_warning(enum jr_warning w)
{
	for (size_t i = 0; i < ans.warning_count; i++)
		if (ans.warnings[i] == w)
			return true;
	return false;
}

static bool has_why(enum jr_why w)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].why == w)
			return true;
	return false;
}

/* ---- rule 1: normalise -------------------------------------------------------------------- */

static void test_r1_all_needs_one_is_normalise(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	req_needs_all(1);
	assert_true(jr_rule_normalise(&twente, &rq));
	route(&twente);
	assert_true(ans.eligible);
	assert_true(ans.option_count > 0);
	assert_true(ans.option_count <= (size_t)twente.norms.max_first_offers);
	for (size_t i = 0; i < ans.option_count; i++) {
		assert_int_equal(ans.options[i].kind, JR_OPTION_SOCIAL_BASE);
		assert_int_equal(ans.options[i].why, JR_WHY_SB_NORMALISE);
		assert_false(ans.options[i].referral_required);
	}
	assert_null(jr_answer_first_youth_care(&ans));
	assert_int_equal(ans.framework, JR_FRAMEWORK_VOLUNTARY);
}

static void test_r1_no_needs_offers_access_points(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_true(jr_rule_normalise(&twente, &rq));
	route(&twente);
	assert_true(ans.option_count > 0);
	for (size_t i = 0; i < ans.option_count; i++) {
		int cat = ans.options[i].offer->category;
		assert_int_equal(ans.options[i].kind, JR_OPTION_SOCIAL_BASE);
		assert_true(cat == JR_SB_LOCAL_TEAM || cat == JR_SB_JGZ);
	}
	assert_int_equal(count_kind(JR_OPTION_YOUTH_CARE), 0);
}

static void test_r1_need_two_in_any_domain_is_not_normalise(void **state)
{
	(void)state;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		req_init(ENSCHEDE);
		req_needs_all(1);
		rq.needs[d] = 2;
		assert_false(jr_rule_normalise(&twente, &rq));
		route(&twente);
		assert_false(has_why(JR_WHY_SB_NORMALISE));
	}
}

static void test_r1_any_flag_is_not_normalise(void **state)
{
	(void)state;
	for (int f = 0; f < JR_FLAG_COUNT; f++) {
		req_init(ENSCHEDE);
		rq.flags = JR_FLAG_BIT(f);
		assert_false(jr_rule_normalise(&twente, &rq));
	}
}

static void test_r1_any_measure_is_not_normalise(void **state)
{
	(void)state;
	for (int m = JR_MEASURE_OTS; m < JR_MEASURE_COUNT; m++) {
		req_init(ENSCHEDE);
		rq.measure = (enum jr_measure)m;
		if (m == JR_MEASURE_JEUGDRECLASSERING)
			rq.birth_date = D(2010, 3, 15); /* 14: probation starts at 12 */
		assert_false(jr_rule_normalise(&twente, &rq));
		route(&twente);
		assert_true(count_kind(JR_OPTION_YOUTH_CARE) > 0);
	}
}

/* Principle 1 of issue 13: only offers whose ages include the child's. */
static bool offered(const char *id)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].offer && strcmp(ans.options[i].offer->id, id) == 0)
			return true;
	return false;
}

static void test_r1_offers_fit_the_age(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2022, 1, 1); /* 2 */
	rq.needs[JR_NEED_SOCIAL] = 2;
	rq.needs[JR_NEED_BEHAVIOUR] = 2;
	rq.needs[JR_NEED_DEVELOPMENT] = 2;
	route(&twente);
	assert_true(count_kind(JR_OPTION_SOCIAL_BASE) > 0);
	assert_false(offered("jongerenwerk"));
	assert_false(offered("school"));
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].offer)
			assert_true(jr_offer_fits_age(ans.options[i].offer, 2));

	req_init(AMERSFOORT);
	rq.birth_date = D(2007, 1, 1); /* 17 */
	rq.needs[JR_NEED_DEVELOPMENT] = 2;
	rq.needs[JR_NEED_PARENTING] = 2;
	route(&amersfoort);
	assert_false(offered("kinderopvang"));
	assert_false(offered("vve"));
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].offer)
			assert_true(jr_offer_fits_age(ans.options[i].offer, 17));

	req_init(ENSCHEDE); /* no needs: the local team and JGZ stand in, JGZ only to 17 */
	rq.birth_date = D(2005, 1, 1); /* 19 */
	rq.history[0] = (struct jr_history_item){.form = 2, .start = D(2022, 6, 1), .ongoing = true,
						 .outcome = JR_OUTCOME_NEUTRAL};
	rq.history_count = 1;
	route(&twente);
	assert_false(offered("jgz"));
}

static void test_r1_offers_serve_the_needs(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_SCHOOL] = 1;
	route(&twente);
	assert_true(ans.option_count > 0);
	for (size_t i = 0; i < ans.option_count; i++)
		assert_true(ans.options[i].offer->needs & BIT(JR_NEED_SCHOOL));
}

static void test_r1_amersfoort_light_no_referral_and_social_base_only(void **state)
{
	(void)state;
	req_init(AMERSFOORT);
	rq.needs[JR_NEED_PARENTING] = 1;
	route(&amersfoort);
	assert_true(count_kind(JR_OPTION_NO_REFERRAL) > 0);
	assert_int_equal(count_kind(JR_OPTION_YOUTH_CARE), 0);
	assert_int_equal(count_kind(JR_OPTION_COORDINATION), 0);
	assert_int_equal(ans.options[0].kind, JR_OPTION_NO_REFERRAL);
}

/* ---- rule 2: non-free-access help when needed --------------------------------------------- */

static void expect_youth_care_first(void)
{
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) > 0);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
	assert_false(has_why(JR_WHY_SB_FIRST));
	assert_false(has_why(JR_WHY_SB_NORMALISE));
}

static void test_r2_psychiatric_disorder_alone(void **state)
{
	unsigned n = 99, f = 0;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER);
	assert_true(jr_rule_non_free_access(&twente, &rq, &n, &f));
	assert_int_equal(n, 0);
	assert_int_equal(f, FLAG(PSYCHIATRIC_DISORDER));
	route(&twente);
	expect_youth_care_first();
	assert_non_null(opt_form(4));
}

static void test_r2_disability_alone(void **state)
{
	unsigned f = 0;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(DISABILITY);
	assert_true(jr_rule_non_free_access(&twente, &rq, NULL, &f));
	assert_int_equal(f, FLAG(DISABILITY));
	route(&twente);
	expect_youth_care_first();
	assert_true(opt_form(3)->why_flags & FLAG(DISABILITY));
}

static void test_r2_unsafe_alone(void **state)
{
	unsigned f = 0;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(UNSAFE);
	assert_true(jr_rule_non_free_access(&twente, &rq, NULL, &f));
	assert_int_equal(f, FLAG(UNSAFE));
	route(&twente);
	expect_youth_care_first();
	assert_non_null(opt_form(3));
	assert_true(count_kind(JR_OPTION_COORDINATION) == 1);
	assert_non_null(signal_of(JR_SIGNAL_SAFETY));
}

static void test_r2_not_participating_alone(void **state)
{
	unsigned f = 0;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(NOT_PARTICIPATING);
	assert_true(jr_rule_non_free_access(&twente, &rq, NULL, &f));
	assert_int_equal(f, FLAG(NOT_PARTICIPATING));
	route(&twente);
	expect_youth_care_first();
	assert_non_null(opt_form(2));
}

static void test_r2_other_flags_alone_do_not_trigger(void **state)
{
	const enum jr_flag others[] = {JR_FLAG_LONG_LASTING, JR_FLAG_OFFENCE};
	(void)state;
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		req_init(ENSCHEDE);
		rq.flags = JR_FLAG_BIT(others[i]);
		assert_false(jr_rule_non_free_access(&twente, &rq, NULL, NULL));
		route(&twente);
		assert_int_equal(ans.options[0].kind, JR_OPTION_SOCIAL_BASE);
	}
}

static void test_r2_need_three_in_each_domain(void **state)
{
	(void)state;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		unsigned n = 0;
		req_init(ENSCHEDE);
		rq.needs[d] = 3;
		if (twente.domain_kind[d] != JR_DOMAIN_YOUTH_CARE) {
			/* issue 13, principle 14: school and livelihood are answered elsewhere
			 * (test_p14_* below) */
			assert_false(jr_rule_non_free_access(&twente, &rq, &n, NULL));
			continue;
		}
		assert_true(jr_rule_non_free_access(&twente, &rq, &n, NULL));
		assert_int_equal(n, BIT(d));
		route(&twente);
		expect_youth_care_first();
	}
}

static void test_r2_need_two_does_not_trigger(void **state)
{
	(void)state;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		req_init(ENSCHEDE);
		rq.needs[d] = 2;
		assert_false(jr_rule_non_free_access(&twente, &rq, NULL, NULL));
		route(&twente);
		/* Moderate: social base first, youth care (if any) only as the next step; a need
		 * of another domain (livelihood) brings that domain's help before it (issue 13,
		 * principle 6). */
		if (twente.domain_kind[d] == JR_DOMAIN_OTHER) {
			assert_int_equal(ans.options[0].kind, JR_OPTION_OTHER_DOMAIN);
			assert_int_equal(ans.options[1].kind, JR_OPTION_SOCIAL_BASE);
			assert_int_equal(ans.options[1].why, JR_WHY_SB_FIRST);
			assert_null(jr_answer_first_youth_care(&ans));
			continue;
		}
		assert_int_equal(ans.options[0].kind, JR_OPTION_SOCIAL_BASE);
		assert_int_equal(ans.options[0].why, JR_WHY_SB_FIRST);
		for (size_t i = 0; i < ans.option_count; i++)
			if (ans.options[i].kind == JR_OPTION_YOUTH_CARE)
				assert_int_equal(ans.options[i].why, JR_WHY_YC_NEXT_STEP);
	}
}

static void test_r2_social_base_stands_beside_youth_care(void **state)
{
	int first_sb = -1, last_yc = -1;
	(void)state;
	req_init(ENSCHEDE);
	req_needs_all(2);
	rq.needs[JR_NEED_PARENTING] = 3;
	route(&twente);
	for (size_t i = 0; i < ans.option_count; i++) {
		if (ans.options[i].kind == JR_OPTION_SOCIAL_BASE && first_sb < 0)
			first_sb = (int)i;
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE)
			last_yc = (int)i;
		if (ans.options[i].kind == JR_OPTION_SOCIAL_BASE)
			assert_int_equal(ans.options[i].why, JR_WHY_SB_SUPPORT);
	}
	assert_true(last_yc >= 0);
	assert_true(first_sb > last_yc);
	assert_true(count_kind(JR_OPTION_SOCIAL_BASE) <= twente.norms.max_support_offers);
}

static void test_r2_youth_care_answers_the_triggering_need(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_PARENTING] = 2; /* beside it: for the social base */
	route(&twente);
	assert_non_null(opt_form(3));
	assert_true(opt_form(3)->why_needs & BIT(JR_NEED_BEHAVIOUR));
	assert_null(opt_form(1));
}

/* ---- rule 3: specialist in time ----------------------------------------------------------- */

static void test_r3_psychiatric_long_lasting_floor(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER) | FLAG(LONG_LASTING);
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), twente.norms.specialist_from_form);
	assert_int_equal(twente.norms.specialist_from_form, 4);
	route(&twente);
	assert_true(lightest_youth_care() >= 4);
	assert_int_equal(opt_form(4)->why, JR_WHY_YC_SPECIALIST);
}

static void test_r3_psychiatric_without_long_lasting(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER);
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 1);
	route(&twente);
	assert_non_null(opt_form(4));
	assert_int_not_equal(opt_form(4)->why, JR_WHY_YC_SPECIALIST);
}

static void test_r3_long_lasting_alone_not_specialist(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(LONG_LASTING);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 2;
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 1);
}

static void test_r3_mental_health_three(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 4);
	route(&twente);
	assert_int_equal(lightest_youth_care(), 4);
	assert_int_equal(opt_form(4)->why, JR_WHY_YC_SPECIALIST);
}

static void test_r3_mental_health_two(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 2;
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 1);
	route(&twente);
	assert_int_equal(lightest_youth_care(), 3);
	assert_false(has_why(JR_WHY_YC_SPECIALIST));
}

static void test_r3_drops_lighter_ambulant_forms(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER) | FLAG(LONG_LASTING);
	rq.needs[JR_NEED_PARENTING] = 3; /* alone would select form 2 */
	rq.needs[JR_NEED_BEHAVIOUR] = 3; /* alone would select form 3 */
	route(&twente);
	assert_null(opt_form(1));
	assert_null(opt_form(2));
	assert_null(opt_form(3));
	assert_true(lightest_youth_care() >= 4);
}

static void test_r3_floor_with_stay_form(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_true(lightest_youth_care() >= 4);
	assert_true(idx_form(4) >= 0 && idx_form(4) < idx_form(5));
}

/* ---- rule 4: crisis ----------------------------------------------------------------------- */

static void test_r4_crisis_rule(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_false(jr_rule_crisis(&rq));
	rq.flags = FLAG(ACUTE_CRISIS);
	assert_true(jr_rule_crisis(&rq));
	assert_int_equal(jr_rule_crisis_due(&twente, &rq), rq.date + twente.norms.crisis_followup_days);
}

static void test_r4_crisis_form_is_first(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(twente.forms[8].setting, JR_SETTING_CRISIS);
	assert_int_equal(ans.options[0].why, JR_WHY_YC_CRISIS);
	assert_int_equal(ans.options[0].contracting, JR_CONTRACTING_REGIONAL);
}

static void test_r4_crisis_first_before_heavier_needs(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS) | FLAG(UNSAFE);
	rq.needs[JR_NEED_SAFETY] = 4;
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	route(&twente);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
	assert_true(idx_form(4) > 0);
	assert_true(idx_form(5) > 0);
}

static void test_r4_followup_signal_due_date(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	s = signal_of(JR_SIGNAL_CRISIS_FOLLOWUP);
	assert_non_null(s);
	assert_int_equal(s->day, rq.date + twente.norms.crisis_followup_days);
	assert_int_equal(s->count, twente.norms.crisis_followup_days);
}

static void test_r4_followup_due_across_year_end(void **state)
{
	const struct jr_signal *s;
	int y, m, d;
	(void)state;
	req_init(ENSCHEDE);
	rq.date = D(2024, 12, 25);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	s = signal_of(JR_SIGNAL_CRISIS_FOLLOWUP);
	assert_non_null(s);
	jr_date_to_ymd(s->day, &y, &m, &d);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 1);
	assert_int_equal(d, 8); /* 14 days: policy norms.crisis_followup_days */
}

static void test_r4_crisis_form_needs_no_broad_analysis_first(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	route(&twente);
	assert_false(opt_form(8)->requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_true(opt_form(4)->requires & JR_REQUIRE_BROAD_ANALYSIS);
	/* even in the compulsory framework */
	rq.measure = JR_MEASURE_OTS;
	route(&twente);
	assert_false(opt_form(8)->requires & JR_REQUIRE_BROAD_ANALYSIS);
}

static void test_r4_crisis_before_measure(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	rq.measure = JR_MEASURE_OTS;
	route(&twente);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(idx_form(10), 1);
}

static void test_r4_no_crisis_no_crisis_form(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	req_needs_all(4);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER) | FLAG(UNSAFE) | FLAG(LONG_LASTING);
	route(&twente);
	assert_int_equal(idx_form(8), -1);
	assert_null(signal_of(JR_SIGNAL_CRISIS_FOLLOWUP));
}

/* ---- rule 5: frameworks ------------------------------------------------------------------- */

static void test_r5_framework_per_measure(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_int_equal(jr_rule_framework(&rq), JR_FRAMEWORK_VOLUNTARY);
	for (int m = JR_MEASURE_OTS; m < JR_MEASURE_COUNT; m++) {
		rq.measure = (enum jr_measure)m;
		assert_int_equal(jr_rule_framework(&rq), JR_FRAMEWORK_COMPULSORY);
	}
}

static void test_r5_child_measure_and_secure_allowed(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_false(jr_rule_has_child_measure(&rq));
	assert_false(jr_rule_secure_allowed(&rq));
	rq.measure = JR_MEASURE_OTS;
	assert_true(jr_rule_has_child_measure(&rq));
	assert_false(jr_rule_secure_allowed(&rq));
	rq.measure = JR_MEASURE_VOOGDIJ;
	assert_true(jr_rule_has_child_measure(&rq));
	rq.measure = JR_MEASURE_JEUGDRECLASSERING;
	assert_true(jr_rule_has_child_measure(&rq));
	assert_false(jr_rule_secure_allowed(&rq));
	rq.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
	assert_false(jr_rule_has_child_measure(&rq));
	assert_true(jr_rule_secure_allowed(&rq));
}

static void expect_gi_refers_everywhere(void)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE)
			assert_true(ans.options[i].referrers & BIT(4));
}

static void test_r5_ots(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.needs[JR_NEED_PARENTING] = 3;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	o = opt_form(10);
	assert_non_null(o);
	assert_int_equal(idx_form(10), 0);
	assert_int_equal(o->why, JR_WHY_YC_MEASURE);
	assert_true(o->requires & JR_REQUIRE_COURT_ORDER);
	assert_string_equal(o->jz020, "48");
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) >= 3);
	expect_gi_refers_everywhere();
	assert_false(has_warning(JR_WARN_VEILIG_THUIS));
}

static void test_r5_voogdij(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_VOOGDIJ;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	assert_int_equal(idx_form(10), 0);
	expect_gi_refers_everywhere();
	/* principle 2: a ward has no parental home, so no ambulant alternative is put before the
	 * family it needs (rule 10 does not apply); a young ward's foster care comes right after
	 * the measure */
	rq.flags = FLAG(LONG_LASTING);
	route(&twente);
	assert_int_equal(idx_form(6), 1);
	assert_int_equal(ans.options[1].why, JR_WHY_YC_WARD_FAMILY);
	assert_int_equal(idx_form(3), -1);
	expect_gi_refers_everywhere();
}

static void test_r5_jeugdreclassering(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2008, 1, 1);
	rq.measure = JR_MEASURE_JEUGDRECLASSERING;
	rq.flags = FLAG(OFFENCE);
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	assert_int_equal(idx_form(10), 0);
	assert_string_equal(opt_form(10)->jz020, "47");
	assert_false(has_warning(JR_WARN_OFFENCE_NO_MEASURE));
	expect_gi_refers_everywhere();
}

static void test_r5_offence_without_probation_warns(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(OFFENCE);
	route(&twente);
	assert_true(has_warning(JR_WARN_OFFENCE_NO_MEASURE));
	assert_int_equal(idx_form(10), -1);
}

static void test_r5_unsafe_without_measure_is_voluntary_with_warning(void **state)
{
	struct jr_buf b;
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(UNSAFE);
	rq.needs[JR_NEED_SAFETY] = 3;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_VOLUNTARY);
	assert_true(has_warning(JR_WARN_VEILIG_THUIS));
	assert_int_equal(idx_form(10), -1);
	jr_buf_init(&b, 4096);
	assert_int_equal(jr_why_warning(&b, &ans, JR_WARN_VEILIG_THUIS), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), "Veilig Thuis"));
	assert_non_null(strstr(jr_buf_str(&b), "Raad voor de Kinderbescherming"));
	jr_buf_release(&b);
}

static void test_r5_unsafe_with_measure_no_warning(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(UNSAFE);
	rq.measure = JR_MEASURE_OTS;
	route(&twente);
	assert_false(has_warning(JR_WARN_VEILIG_THUIS));
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
}

static void test_r5_secure_only_with_authorisation(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	o = opt_form(9);
	assert_non_null(o);
	assert_int_equal(o->why, JR_WHY_YC_SECURE);
	assert_true(o->requires & JR_REQUIRE_COURT_ORDER);
	assert_true(o->referrers & BIT(8));
	assert_int_equal(idx_form(10), -1);
	assert_false(has_warning(JR_WARN_SECURE_NOT_OFFERED));
}

static void test_r5_no_secure_without_authorisation_even_extreme(void **state)
{
	const enum jr_measure measures[] = {JR_MEASURE_NONE, JR_MEASURE_OTS, JR_MEASURE_VOOGDIJ,
					    JR_MEASURE_JEUGDRECLASSERING};
	(void)state;
	for (size_t i = 0; i < sizeof(measures) / sizeof(measures[0]); i++) {
		req_init(ENSCHEDE);
		req_needs_all(4);
		rq.flags = FLAG(PSYCHIATRIC_DISORDER) | FLAG(LONG_LASTING) | FLAG(DISABILITY) |
			   FLAG(UNSAFE) | FLAG(NOT_PARTICIPATING) | FLAG(OFFENCE) |
			   FLAG(ACUTE_CRISIS);
		rq.measure = measures[i];
		if (rq.measure == JR_MEASURE_JEUGDRECLASSERING)
			rq.birth_date = D(2010, 3, 15); /* 14: probation starts at 12 */
		assert_false(jr_rule_secure_allowed(&rq));
		route(&twente);
		assert_int_equal(idx_form(9), -1);
		assert_true(has_warning(JR_WARN_SECURE_NOT_OFFERED));
	}
}

/* ---- rule 6: contracting ------------------------------------------------------------------ */

static void contracting(const struct jr_policy *p, const char *code, int form, struct jr_option *o)
{
	const struct jr_municipality *m = jr_policy_municipality(p, code);
	assert_non_null(m);
	memset(o, 0, sizeof(*o));
	jr_rule_contracting(p, m, form, o);
}

static void test_r6_forms_5_to_10_regional(void **state)
{
	const char *codes[] = {ENSCHEDE, ALMELO, HOF_VAN_TWENTE};
	struct jr_option o;
	(void)state;
	for (size_t c = 0; c < 3; c++)
		for (int f = 5; f <= 10; f++) {
			contracting(&twente, codes[c], f, &o);
			assert_int_equal(o.contracting, JR_CONTRACTING_REGIONAL);
			assert_false(o.has_regime);
			assert_int_equal(o.requires, 0);
		}
	for (int f = 5; f <= 10; f++) {
		contracting(&amersfoort, AMERSFOORT, f, &o);
		assert_int_equal(o.contracting, JR_CONTRACTING_REGIONAL);
		assert_false(o.has_regime);
	}
}

static void test_r6_enschede_result_regime(void **state)
{
	struct jr_option o;
	(void)state;
	for (int f = 1; f <= 4; f++) {
		contracting(&twente, ENSCHEDE, f, &o);
		assert_int_equal(o.contracting, JR_CONTRACTING_LOCAL);
		assert_true(o.has_regime);
		assert_int_equal(o.regime, JR_REGIME_RESULT);
		assert_int_equal(o.requires, JR_REQUIRE_RESULT_DESCRIPTION);
	}
}

static void test_r6_almelo_and_hof_van_twente_product_regime(void **state)
{
	const char *codes[] = {ALMELO, HOF_VAN_TWENTE};
	struct jr_option o;
	(void)state;
	for (size_t c = 0; c < 2; c++)
		for (int f = 1; f <= 4; f++) {
			contracting(&twente, codes[c], f, &o);
			assert_int_equal(o.contracting, JR_CONTRACTING_LOCAL);
			assert_int_equal(o.regime, JR_REGIME_PRODUCT);
			assert_int_equal(o.requires, JR_REQUIRE_PRODUCT_CODE);
		}
}

static void test_r6_amersfoort_generic_regime(void **state)
{
	struct jr_option o;
	(void)state;
	for (int f = 1; f <= 4; f++) {
		contracting(&amersfoort, AMERSFOORT, f, &o);
		assert_int_equal(o.contracting, JR_CONTRACTING_LOCAL);
		assert_true(o.has_regime);
		assert_int_equal(o.regime, JR_REGIME_GENERIC);
		assert_int_equal(o.requires, 0);
	}
}

static void test_r6_keeps_other_requirements(void **state)
{
	struct jr_option o;
	(void)state;
	contracting(&twente, ALMELO, 2, &o);
	o.requires = JR_REQUIRE_BROAD_ANALYSIS;
	jr_rule_contracting(&twente, jr_policy_municipality(&twente, ALMELO), 2, &o);
	assert_int_equal(o.requires, JR_REQUIRE_BROAD_ANALYSIS | JR_REQUIRE_PRODUCT_CODE);
}

static void test_r6_every_twente_municipality(void **state)
{
	(void)state;
	for (size_t i = 0; i < twente.municipality_count; i++) {
		const char *code = twente.municipalities[i].code;
		bool product = strcmp(code, ALMELO) == 0 || strcmp(code, HOF_VAN_TWENTE) == 0;
		req_init(code);
		rq.needs[JR_NEED_PARENTING] = 3; /* form 2 */
		rq.needs[JR_NEED_FAMILY] = 4;    /* form 5 */
		route(&twente);
		assert_string_equal(ans.municipality->code, code);
		assert_int_equal(opt_form(2)->contracting, JR_CONTRACTING_LOCAL);
		assert_int_equal(opt_form(2)->regime, product ? JR_REGIME_PRODUCT : JR_REGIME_RESULT);
		assert_true(opt_form(2)->requires & (product ? JR_REQUIRE_PRODUCT_CODE
							      : JR_REQUIRE_RESULT_DESCRIPTION));
		assert_false(opt_form(2)->requires & (product ? JR_REQUIRE_RESULT_DESCRIPTION
							       : JR_REQUIRE_PRODUCT_CODE));
		assert_int_equal(opt_form(5)->contracting, JR_CONTRACTING_REGIONAL);
		assert_false(opt_form(5)->has_regime);
		assert_false(opt_form(5)->requires &
			     (JR_REQUIRE_PRODUCT_CODE | JR_REQUIRE_RESULT_DESCRIPTION));
	}
}

/* ---- rule 7: referrers -------------------------------------------------------------------- */

static void test_r7_referrers_voluntary(void **state)
{
	(void)state;
	for (int f = 1; f <= 8; f++)
		assert_int_equal(jr_rule_referrers(&twente, f, JR_MEASURE_NONE), REF_VOLUNTARY);
	for (int f = 1; f <= 8; f++)
		assert_int_equal(jr_rule_referrers(&amersfoort, f, JR_MEASURE_NONE), REF_VOLUNTARY);
}

static void test_r7_gi_only_within_a_measure(void **state)
{
	(void)state;
	for (int f = 1; f <= 10; f++) {
		assert_false(jr_rule_referrers(&twente, f, JR_MEASURE_NONE) & BIT(4));
		assert_false(jr_rule_referrers(&twente, f, JR_MEASURE_MACHTIGING_GESLOTEN) & BIT(4));
		assert_true(jr_rule_referrers(&twente, f, JR_MEASURE_OTS) & BIT(4));
		assert_true(jr_rule_referrers(&twente, f, JR_MEASURE_VOOGDIJ) & BIT(4));
		assert_true(jr_rule_referrers(&twente, f, JR_MEASURE_JEUGDRECLASSERING) & BIT(4));
	}
	for (int f = 1; f <= 8; f++)
		assert_int_equal(jr_rule_referrers(&twente, f, JR_MEASURE_OTS), REF_VOLUNTARY | BIT(4));
}

static void test_r7_court_for_measures(void **state)
{
	(void)state;
	for (int f = 1; f <= 8; f++)
		assert_false(jr_rule_referrers(&twente, f, JR_MEASURE_OTS) & BIT(8));
	assert_true(jr_rule_referrers(&twente, 9, JR_MEASURE_MACHTIGING_GESLOTEN) & BIT(8));
	assert_int_equal(jr_rule_referrers(&twente, 10, JR_MEASURE_OTS), BIT(4) | BIT(8));
	assert_int_equal(jr_rule_referrers(&twente, 10, JR_MEASURE_JEUGDRECLASSERING),
			 BIT(4) | BIT(8));
}

static void test_r7_self_never(void **state)
{
	(void)state;
	for (int m = 0; m < JR_MEASURE_COUNT; m++)
		for (int f = 1; f <= 10; f++) {
			assert_false(jr_rule_referrers(&twente, f, (enum jr_measure)m) & BIT(6));
			assert_false(jr_rule_referrers(&amersfoort, f, (enum jr_measure)m) & BIT(6));
		}
}

/* Routes a behaviour-3 request (recommended form 3) with the given referrer. */
static void route_with_referrer(int type, const char *agb)
{
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	referrer(type, agb);
	route(&twente);
	assert_true(ans.has_referral_check);
	assert_int_equal(ans.referral_form, 3);
}

static void test_r7_check_gp_without_agb(void **state)
{
	(void)state;
	route_with_referrer(2, "");
	assert_false(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_AGB_MISSING);
	assert_int_equal(jr_rule_referral_check(&twente, &rq, 3), JR_WHY_RC_AGB_MISSING);
}

static void test_r7_check_gp_with_agb(void **state)
{
	(void)state;
	route_with_referrer(2, "12345678");
	assert_true(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_VALID);
}

static void test_r7_check_youth_doctor_and_specialist_need_agb(void **state)
{
	const int types[] = {3, 5};
	(void)state;
	for (size_t i = 0; i < 2; i++) {
		route_with_referrer(types[i], "");
		assert_int_equal(ans.referral_why, JR_WHY_RC_AGB_MISSING);
		route_with_referrer(types[i], "87654321");
		assert_int_equal(ans.referral_why, JR_WHY_RC_VALID);
		assert_true(ans.referral_valid);
	}
}

static void test_r7_check_self_referral(void **state)
{
	(void)state;
	route_with_referrer(6, "");
	assert_false(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_SELF);
}

static void test_r7_check_gi_without_measure(void **state)
{
	(void)state;
	route_with_referrer(4, "");
	assert_false(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_MEASURE_ONLY);
}

static void test_r7_check_gi_within_measure(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	referrer(4, "");
	route(&twente);
	assert_int_equal(ans.referral_form, 10);
	assert_true(ans.referral_valid);
	for (int f = 1; f <= 10; f++)
		assert_int_equal(jr_rule_referral_check(&twente, &rq, f), JR_WHY_RC_VALID);
}

static void test_r7_check_municipality_agb_forbidden(void **state)
{
	(void)state;
	route_with_referrer(1, "12345678");
	assert_false(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_AGB_FORBIDDEN);
	route_with_referrer(1, "");
	assert_true(ans.referral_valid);
}

static void test_r7_check_no_youth_care(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	req_needs_all(1);
	referrer(2, "12345678");
	route(&twente);
	assert_true(ans.has_referral_check);
	assert_false(ans.referral_valid);
	assert_int_equal(ans.referral_why, JR_WHY_RC_NO_YOUTH_CARE);
	assert_int_equal(ans.referral_form, 0);
}

static void test_r7_check_not_for_form(void **state)
{
	(void)state;
	route_with_referrer(8, ""); /* the court does not refer to voluntary form 3 */
	assert_int_equal(ans.referral_why, JR_WHY_RC_NOT_FOR_FORM);
	assert_false(ans.referral_valid);
}

static void test_r7_check_unknown_code(void **state)
{
	(void)state;
	route_with_referrer(7, ""); /* COD327 07 is not in the policy */
	assert_int_equal(ans.referral_why, JR_WHY_RC_UNKNOWN);
	assert_false(ans.referral_valid);
}

static void test_r7_check_on_crisis_form(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	referrer(2, "12345678");
	route(&twente);
	assert_int_equal(ans.referral_form, 8);
	assert_true(ans.referral_valid);
}

static void test_r7_no_check_without_referrer(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	route(&twente);
	assert_false(ans.has_referral_check);
}

static void test_r7_answer_referrers_voluntary(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_FAMILY] = 4;
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	for (size_t i = 0; i < ans.option_count; i++) {
		if (ans.options[i].kind != JR_OPTION_YOUTH_CARE) {
			assert_int_equal(ans.options[i].referrers, 0);
			assert_false(ans.options[i].referral_required);
			continue;
		}
		assert_true(ans.options[i].referral_required);
		assert_int_equal(ans.options[i].referrers, REF_VOLUNTARY);
	}
}

/* ---- rule 8: broad analysis first --------------------------------------------------------- */

static void test_r8_rule_voluntary_edges(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_int_equal(jr_rule_broad_analysis(&twente, &rq, 1), 0);
	assert_int_equal(jr_rule_broad_analysis(&twente, &rq, 2), 0);
	for (int f = 3; f <= 10; f++)
		assert_int_equal(jr_rule_broad_analysis(&twente, &rq, f),
				 f == 8 ? 0u : (unsigned)JR_REQUIRE_BROAD_ANALYSIS);
}

/* Principle 5 of issue 13: care under a court measure does not wait for the broad analysis; it is
 * advised, to be made afterwards (with the local team), as after crisis care. */
static void test_r8_rule_measure_advises(void **state)
{
	(void)state;
	for (int m = JR_MEASURE_OTS; m < JR_MEASURE_COUNT; m++) {
		req_init(ENSCHEDE);
		rq.measure = (enum jr_measure)m;
		if (m == JR_MEASURE_JEUGDRECLASSERING)
			rq.birth_date = D(2010, 3, 15); /* 14: probation starts at 12 */
		for (int f = 1; f <= 10; f++) {
			assert_int_equal(jr_rule_broad_analysis(&twente, &rq, f), 0);
			assert_true(jr_rule_broad_analysis_advised(&twente, &rq, f) == (f != 8));
		}
	}
}

/* The same for the GP, the youth doctor and the medical specialist, for the forms they may refer
 * to (rule 7); the municipality's own referral and an invalid one wait. */
static void test_r8_rule_legal_referrers_advise(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.has_referrer = true;
	snprintf(rq.agb, sizeof(rq.agb), "01234567");
	for (int type = 2; type <= 5; type += 1) {
		if (type == 4)
			continue; /* the GI refers within a measure only */
		rq.referrer_type = type;
		assert_true(jr_referrer_legal_route(type) == (type != 4));
		for (int f = 3; f <= 7; f++) {
			bool valid = jr_rule_referral_check(&twente, &rq, f) == JR_WHY_RC_VALID;
			assert_int_equal(jr_rule_broad_analysis(&twente, &rq, f),
					 valid ? 0u : (unsigned)JR_REQUIRE_BROAD_ANALYSIS);
			assert_true(jr_rule_broad_analysis_advised(&twente, &rq, f) == valid);
		}
	}
	rq.referrer_type = 1; /* the municipality (local team): the region's working agreement */
	rq.agb[0] = '\0';
	assert_false(jr_referrer_legal_route(1));
	assert_int_equal(jr_rule_broad_analysis(&twente, &rq, 3), JR_REQUIRE_BROAD_ANALYSIS);
	assert_false(jr_rule_broad_analysis_advised(&twente, &rq, 3));
}

static void test_r8_rule_done_requires_nothing(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.broad_analysis = true;
	for (int f = 1; f <= 10; f++)
		assert_int_equal(jr_rule_broad_analysis(&twente, &rq, f), 0);
	rq.measure = JR_MEASURE_OTS;
	for (int f = 1; f <= 10; f++)
		assert_int_equal(jr_rule_broad_analysis(&twente, &rq, f), 0);
}

static void test_r8_answer_voluntary(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_PARENTING] = 3; /* form 2 */
	rq.needs[JR_NEED_BEHAVIOUR] = 3; /* form 3 */
	route(&twente);
	assert_false(opt_form(2)->requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_true(opt_form(3)->requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_non_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS));
}

static void test_r8_answer_compulsory_advises(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.needs[JR_NEED_PARENTING] = 2; /* form 1 */
	route(&twente);
	assert_non_null(opt_form(1));
	for (size_t i = 0; i < ans.option_count; i++)
		assert_false(ans.options[i].requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS));
	assert_non_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS_AFTER));
}

static void test_r8_answer_gp_referral_advises(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	rq.has_referrer = true;
	rq.referrer_type = 2; /* the GP */
	snprintf(rq.agb, sizeof(rq.agb), "01234567");
	route(&twente);
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) > 0);
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE &&
		    jr_rule_referral_check(&twente, &rq, ans.options[i].form) == JR_WHY_RC_VALID)
			assert_false(ans.options[i].requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_non_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS_AFTER));
}

static void test_r8_answer_made_requires_none(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.broad_analysis = true;
	rq.measure = JR_MEASURE_OTS;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) >= 3);
	for (size_t i = 0; i < ans.option_count; i++)
		assert_false(ans.options[i].requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS));
}

static void test_r8_light_voluntary_no_signal(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(NOT_PARTICIPATING); /* form 2 only */
	route(&twente);
	assert_false(opt_form(2)->requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS));
}

/* ---- rule 9: no hopping ------------------------------------------------------------------- */

/* n negative endings inside the window (the latest `days_ago` days before the request). */
static void negative_endings(int n, int days_ago)
{
	for (int i = 0; i < n; i++)
		hist(1 + i % 3, JR_OUTCOME_NEGATIVE, rq.date - days_ago - 60 * (i + 1),
		     rq.date - days_ago - 30 * i);
}

static void test_r9_exactly_count_is_hopping(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	negative_endings(twente.norms.hopping_count, 10);
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), twente.norms.hopping_count);
	assert_true(jr_rule_hopping(&twente, &rq));
	route(&twente);
	s = signal_of(JR_SIGNAL_HOPPING);
	assert_non_null(s);
	assert_int_equal(s->count, twente.norms.hopping_count);
	assert_int_equal(ans.options[0].kind, JR_OPTION_COORDINATION);
	assert_int_equal(ans.options[0].why, JR_WHY_COORD_HOPPING);
}

static void test_r9_one_fewer_is_not_hopping(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	negative_endings(twente.norms.hopping_count - 1, 10);
	assert_false(jr_rule_hopping(&twente, &rq));
	route(&twente);
	assert_null(signal_of(JR_SIGNAL_HOPPING));
	assert_false(has_why(JR_WHY_COORD_HOPPING));
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
}

static void test_r9_window_edge(void **state)
{
	int w;
	(void)state;
	req_init(ENSCHEDE);
	w = twente.norms.hopping_window_days;
	hist(2, JR_OUTCOME_NEGATIVE, rq.date - 500, rq.date - 20);
	hist(3, JR_OUTCOME_NEGATIVE, rq.date - 800, rq.date - w); /* last day of the window */
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), 2);
	rq.history[1].end = rq.date - w - 1; /* one day outside */
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), 1);
	route(&twente);
	assert_null(signal_of(JR_SIGNAL_HOPPING));
}

static void test_r9_ending_on_request_date_counts(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	hist(2, JR_OUTCOME_NEGATIVE, rq.date - 100, rq.date);
	hist(1, JR_OUTCOME_NEGATIVE, rq.date - 200, rq.date - 101);
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), 2);
}

static void test_r9_ongoing_never_counts(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	for (int i = 0; i < 4; i++) {
		hist_ongoing(2, rq.date - 30 * (i + 1));
		rq.history[i].outcome = JR_OUTCOME_NEGATIVE;
		rq.history[i].end = rq.date - 1; /* ignored: the item is ongoing */
	}
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), 0);
	route(&twente);
	assert_null(signal_of(JR_SIGNAL_HOPPING));
}

static void test_r9_positive_and_neutral_do_not_count(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	hist(1, JR_OUTCOME_POSITIVE, rq.date - 100, rq.date - 50);
	hist(2, JR_OUTCOME_NEUTRAL, rq.date - 100, rq.date - 40);
	hist(3, JR_OUTCOME_POSITIVE, rq.date - 100, rq.date - 30);
	hist(3, JR_OUTCOME_NEGATIVE, rq.date - 100, rq.date - 20);
	assert_int_equal(jr_rule_hopping_count(&twente, &rq), 1);
	assert_false(jr_rule_hopping(&twente, &rq));
}

static void test_r9_crisis_before_coordination(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	negative_endings(3, 5);
	route(&twente);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(ans.options[1].kind, JR_OPTION_COORDINATION);
	assert_int_equal(ans.options[1].why, JR_WHY_COORD_HOPPING);
	assert_non_null(signal_of(JR_SIGNAL_HOPPING));
}

static void test_r9_coordination_before_any_heavier_form(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_FAMILY] = 4;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.measure = JR_MEASURE_OTS;
	negative_endings(2, 1);
	route(&twente);
	assert_int_equal(ans.options[0].kind, JR_OPTION_COORDINATION);
	assert_int_equal(count_kind(JR_OPTION_COORDINATION), 1);
	for (size_t i = 1; i < ans.option_count; i++)
		assert_int_not_equal(ans.options[i].kind, JR_OPTION_COORDINATION);
}

static void test_r9_hopping_with_light_needs(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	req_needs_all(1);
	negative_endings(2, 30);
	route(&twente);
	assert_int_equal(ans.options[0].kind, JR_OPTION_COORDINATION);
	assert_int_equal(count_kind(JR_OPTION_YOUTH_CARE), 0);
	assert_true(count_kind(JR_OPTION_SOCIAL_BASE) > 0);
}

static void test_r9_escalate_when_failed_form_repeats(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(ENSCHEDE);
	/* form 4 failed and nothing ambulant is heavier: it stays, with the signal (principle 7
	 * replaces a failed form only by a heavier one of its setting) */
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	hist(4, JR_OUTCOME_NEGATIVE, rq.date - 200, rq.date - 30);
	route(&twente);
	assert_true(idx_form(4) >= 0);
	s = signal_of(JR_SIGNAL_ESCALATE);
	assert_non_null(s);
	assert_int_equal(s->count, 4);
	assert_int_equal(s->day, rq.date - 30);
}

/* ---- rule 10: home first ------------------------------------------------------------------ */

static size_t cands(struct jr_candidate *list, const int *forms, size_t n)
{
	for (size_t i = 0; i < n; i++)
		list[i] = (struct jr_candidate){.form = forms[i], .why = JR_WHY_YC_INDICATED};
	return n;
}

static void expect_forms(const struct jr_candidate *list, size_t len, const int *forms, size_t n)
{
	assert_int_equal(len, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(list[i].form, forms[i]);
}

static void test_r10_inserts_alternative_before_stay(void **state)
{
	struct jr_candidate l[8];
	size_t n = cands(l, (const int[]){5}, 1);
	(void)state;
	n = jr_rule_home_first(&twente, l, n, 8, 1);
	expect_forms(l, n, (const int[]){3, 5}, 2);
	assert_int_equal(l[0].why, JR_WHY_YC_HOME_FIRST);
	assert_int_equal(l[0].related_form, 5);
	assert_int_equal(l[1].why, JR_WHY_YC_INDICATED);
}

static void test_r10_no_insertion_with_alternative(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){4, 5}, 2), 8, 1);
	expect_forms(l, n, (const int[]){4, 5}, 2);
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){3, 6, 7}, 3), 8, 1);
	expect_forms(l, n, (const int[]){3, 6, 7}, 3);
}

static void test_r10_light_ambulant_is_no_alternative(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){1, 2, 5}, 3), 8, 1);
	expect_forms(l, n, (const int[]){1, 2, 3, 5}, 4);
	assert_int_equal(l[2].why, JR_WHY_YC_HOME_FIRST);
}

static void test_r10_one_insertion_for_several_stays(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){5, 6, 7}, 3), 8, 1);
	expect_forms(l, n, (const int[]){3, 5, 6, 7}, 4);
}

static void test_r10_secure_form_needs_alternative(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){9}, 1), 8, 1);
	expect_forms(l, n, (const int[]){3, 9}, 2);
	assert_int_equal(l[0].related_form, 9);
}

static void test_r10_measure_first_stays_first(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){10, 5}, 2), 8, 1);
	expect_forms(l, n, (const int[]){10, 3, 5}, 3);
}

static void test_r10_no_stay_no_change(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){1, 2, 8, 10}, 4), 8, 1);
	expect_forms(l, n, (const int[]){1, 2, 8, 10}, 4);
	n = jr_rule_home_first(&twente, l, 0, 8, 1);
	assert_int_equal(n, 0);
}

static void test_r10_capacity_limit(void **state)
{
	struct jr_candidate l[3];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){1, 2, 5}, 3), 3, 1);
	expect_forms(l, n, (const int[]){1, 2, 5}, 3);
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){5}, 1), 1, 1);
	expect_forms(l, n, (const int[]){5}, 1);
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){5}, 1), 2, 1);
	expect_forms(l, n, (const int[]){3, 5}, 2);
}

static void test_r10_floor_raises_alternative(void **state)
{
	struct jr_candidate l[8];
	size_t n;
	(void)state;
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){5}, 1), 8, 4);
	expect_forms(l, n, (const int[]){4, 5}, 2);
	n = jr_rule_home_first(&twente, l, cands(l, (const int[]){3, 5}, 2), 8, 4);
	expect_forms(l, n, (const int[]){3, 4, 5}, 3);
}

static void test_r10_answer_family_four(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_true(idx_form(3) >= 0);
	assert_true(idx_form(3) < idx_form(5));
	assert_int_equal(opt_form(3)->why, JR_WHY_YC_HOME_FIRST);
	assert_int_equal(opt_form(3)->why_form, 5);
	assert_int_equal(opt_form(5)->why, JR_WHY_YC_STAY);
}

static void test_r10_answer_complex_problems(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_SCHOOL] = 3;
	rq.needs[JR_NEED_SOCIAL] = 3;
	rq.needs[JR_NEED_FAMILY] = 3;
	route(&twente);
	assert_true(idx_form(7) > 0);
	assert_true(idx_form(3) >= 0 && idx_form(3) < idx_form(7));
	assert_int_equal(opt_form(7)->why, JR_WHY_YC_STAY);
	assert_true(has_why(JR_WHY_COORD_COMPLEX));
}

static void test_r10_answer_secure(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
	rq.flags = FLAG(UNSAFE);
	rq.needs[JR_NEED_SAFETY] = 4;
	rq.needs[JR_NEED_BEHAVIOUR] = 4;
	route(&twente);
	/* principle 8: the judge has weighed the lighter alternatives; rule 10 does not put one
	 * before secure care under the authorisation, but still before the other stays */
	assert_int_equal(idx_form(9), 0);
	assert_true(idx_form(3) > 0 && idx_form(3) < idx_form(5));
}

/* ---- rule 11: age ------------------------------------------------------------------------- */

static void test_r11_seventeen_is_youth(void **state)
{
	int age = -1;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2006, 6, 2); /* turns 18 tomorrow */
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_YOUTH);
	assert_int_equal(age, 17);
	route(&twente);
	assert_true(ans.eligible);
	assert_int_equal(ans.age, 17);
	assert_null(signal_of(JR_SIGNAL_CONTINUATION));
}

static void test_r11_eighteenth_birthday_without_continuation(void **state)
{
	int age = -1;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2006, 6, 1);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
	assert_int_equal(age, 18);
	route(&twente);
	assert_false(ans.eligible);
	assert_int_equal(ans.why, JR_WHY_INELIGIBLE_ADULT);
	assert_int_equal(ans.option_count, 0);
}

static void test_r11_continuation_of_ongoing_care(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2006, 6, 1);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	hist_ongoing(4, D(2023, 9, 1));
	route(&twente);
	assert_true(ans.eligible);
	assert_int_equal(ans.age_status, JR_AGE_CONTINUATION);
	s = signal_of(JR_SIGNAL_CONTINUATION);
	assert_non_null(s);
	assert_int_equal(s->count, 18);
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) > 0);
}

static void test_r11_continuation_resume_edge(void **state)
{
	int age, days;
	(void)state;
	req_init(ENSCHEDE);
	days = twente.norms.continuation_resume_days;
	rq.birth_date = D(2005, 1, 1); /* 19 */
	hist(3, JR_OUTCOME_POSITIVE, D(2022, 1, 1), rq.date - days);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_CONTINUATION);
	rq.history[0].end = rq.date - days - 1;
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
	route(&twente);
	assert_false(ans.eligible);
	assert_int_equal(ans.why, JR_WHY_INELIGIBLE_ADULT);
}

static void test_r11_care_started_at_eighteen_is_no_continuation(void **state)
{
	int age;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2006, 1, 10);
	hist_ongoing(3, D(2024, 1, 10)); /* the 18th birthday */
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
	rq.history[0].start = D(2024, 1, 9);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_CONTINUATION);
}

static void test_r11_social_base_is_not_youth_care_to_continue(void **state)
{
	int age;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2005, 1, 1);
	hist_ongoing(0, D(2020, 1, 1));
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
}

static void test_r11_twenty_with_probation(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2004, 3, 1);
	rq.measure = JR_MEASURE_JEUGDRECLASSERING;
	rq.flags = FLAG(OFFENCE) | FLAG(ACUTE_CRISIS);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_true(ans.eligible);
	assert_int_equal(ans.age, 20);
	assert_int_equal(ans.age_status, JR_AGE_PROBATION_ONLY);
	assert_int_equal(count_kind(JR_OPTION_YOUTH_CARE), 1);
	assert_int_equal(ans.options[0].form, 10);
	assert_int_equal(ans.options[0].why, JR_WHY_YC_PROBATION_ADULT);
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE)
			assert_int_equal(ans.options[i].form, 10);
	assert_true(has_warning(JR_WARN_ADULT_PROBATION_ONLY));
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
}

static void test_r11_twenty_with_ots_not_eligible(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2004, 3, 1);
	rq.measure = JR_MEASURE_OTS;
	route(&twente);
	assert_false(ans.eligible);
	assert_int_equal(ans.why, JR_WHY_INELIGIBLE_ADULT);
}

static void test_r11_twenty_three_too_old(void **state)
{
	struct jr_buf b;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2001, 6, 1); /* 23 today */
	rq.measure = JR_MEASURE_JEUGDRECLASSERING;
	hist_ongoing(4, D(2018, 1, 1));
	route(&twente);
	assert_false(ans.eligible);
	assert_int_equal(ans.age, 23);
	assert_int_equal(ans.why, JR_WHY_INELIGIBLE_TOO_OLD);
	assert_int_equal(ans.option_count, 0);
	jr_buf_init(&b, 4096);
	assert_int_equal(jr_why_eligibility(&b, &ans), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), "Wmo"));
	assert_non_null(strstr(jr_buf_str(&b), "regel 11"));
	jr_buf_release(&b);
}

static void test_r11_last_day_before_twenty_three(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2001, 6, 2);
	hist_ongoing(4, D(2018, 1, 1));
	route(&twente);
	assert_true(ans.eligible);
	assert_int_equal(ans.age, 22);
	assert_int_equal(ans.age_status, JR_AGE_CONTINUATION);
}

static void test_r11_adult_why_names_wmo(void **state)
{
	struct jr_buf b;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2005, 1, 1);
	route(&twente);
	assert_false(ans.eligible);
	jr_buf_init(&b, 4096);
	assert_int_equal(jr_why_eligibility(&b, &ans), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), "Wmo"));
	assert_non_null(strstr(jr_buf_str(&b), "Zorgverzekeringswet"));
	jr_buf_release(&b);
}

static void test_r11_leap_day_birthday(void **state)
{
	int age;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2004, 2, 29);
	assert_int_equal(jr_date_add_years(rq.birth_date, 18), D(2022, 3, 1));
	rq.date = D(2022, 2, 28);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_YOUTH);
	assert_int_equal(age, 17);
	rq.date = D(2022, 3, 1);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
	assert_int_equal(age, 18);
	/* care begun the day before the 18th birthday continues */
	hist_ongoing(2, D(2022, 2, 28));
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_CONTINUATION);
	/* care begun on 1 March, the 18th birthday in a common year, does not */
	rq.history[0].start = D(2022, 3, 1);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
}

static void test_r11_leap_day_birthday_in_leap_year(void **state)
{
	int age;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2004, 2, 29);
	rq.date = D(2024, 2, 28);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_INELIGIBLE);
	assert_int_equal(age, 19);
	rq.date = D(2024, 2, 29);
	jr_rule_age(&twente, &rq, &age);
	assert_int_equal(age, 20);
	rq.birth_date = D(2008, 2, 29);
	rq.date = D(2026, 2, 28);
	assert_int_equal(jr_rule_age(&twente, &rq, &age), JR_AGE_YOUTH);
	route(&twente);
	assert_true(ans.eligible);
}

/* ---- rule 12: Amersfoort, no referral first ----------------------------------------------- */

static void test_r12_rule(void **state)
{
	(void)state;
	assert_true(jr_rule_no_referral_first(&amersfoort, false));
	assert_false(jr_rule_no_referral_first(&amersfoort, true));
	assert_false(jr_rule_no_referral_first(&twente, false));
	assert_false(jr_rule_no_referral_first(&twente, true));
}

static void test_r12_amersfoort_moderate_no_referral_first(void **state)
{
	int last_nr = -1, first_yc = -1;
	(void)state;
	req_init(AMERSFOORT);
	rq.needs[JR_NEED_PARENTING] = 2;
	rq.needs[JR_NEED_MENTAL_HEALTH] = 2;
	route(&amersfoort);
	assert_int_equal(ans.options[0].kind, JR_OPTION_NO_REFERRAL);
	assert_int_equal(ans.options[0].why, JR_WHY_NR_FIRST);
	assert_false(ans.options[0].referral_required);
	for (size_t i = 0; i < ans.option_count; i++) {
		const struct jr_option *o = &ans.options[i];
		if (o->kind == JR_OPTION_NO_REFERRAL)
			last_nr = (int)i;
		if (o->kind == JR_OPTION_YOUTH_CARE) {
			if (first_yc < 0)
				first_yc = (int)i;
			assert_int_equal(o->why, JR_WHY_YC_SUPPLEMENTARY);
			if (o->has_regime)
				assert_int_equal(o->regime, JR_REGIME_GENERIC);
			assert_false(o->requires &
				     (JR_REQUIRE_RESULT_DESCRIPTION | JR_REQUIRE_PRODUCT_CODE));
		}
	}
	assert_true(first_yc > last_nr);
	assert_true(count_kind(JR_OPTION_NO_REFERRAL) <= amersfoort.norms.max_first_offers);
	assert_true(opt_form(1) != NULL || opt_form(3) != NULL);
	assert_true(opt_form(1) == NULL || opt_form(1)->regime == JR_REGIME_GENERIC);
}

static void test_r12_amersfoort_connects_to_help_in_place(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(AMERSFOORT);
	rq.needs[JR_NEED_PARENTING] = 2;
	hist_ongoing(0, rq.date - 40);
	route(&amersfoort);
	assert_true(count_kind(JR_OPTION_YOUTH_CARE) > 0);
	s = signal_of(JR_SIGNAL_CONNECT);
	assert_non_null(s);
	assert_int_equal(s->count, 1);
}

static void test_r12_amersfoort_need_three_youth_care_first(void **state)
{
	(void)state;
	req_init(AMERSFOORT);
	rq.needs[JR_NEED_PARENTING] = 3;
	route(&amersfoort);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
	assert_int_equal(ans.options[0].regime, JR_REGIME_GENERIC);
	assert_int_equal(ans.options[0].requires & (JR_REQUIRE_RESULT_DESCRIPTION |
						    JR_REQUIRE_PRODUCT_CODE), 0);
	assert_false(has_why(JR_WHY_NR_FIRST));
}

static void test_r12_amersfoort_crisis_first(void **state)
{
	(void)state;
	req_init(AMERSFOORT);
	rq.flags = FLAG(ACUTE_CRISIS);
	rq.needs[JR_NEED_PARENTING] = 2;
	route(&amersfoort);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
}

static void test_r12_twente_moderate_has_no_no_referral(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_PARENTING] = 2;
	rq.needs[JR_NEED_MENTAL_HEALTH] = 2;
	route(&twente);
	assert_int_equal(count_kind(JR_OPTION_NO_REFERRAL), 0);
	assert_int_equal(ans.options[0].kind, JR_OPTION_SOCIAL_BASE);
	assert_true(has_why(JR_WHY_YC_NEXT_STEP));
	assert_false(has_why(JR_WHY_YC_SUPPLEMENTARY));
	assert_null(signal_of(JR_SIGNAL_CONNECT));
}

/* ---- rule 13: residence ------------------------------------------------------------------- */

static void test_r13_unknown_municipality(void **state)
{
	(void)state;
	req_init("0999");
	assert_null(jr_rule_residence(&twente, "0999"));
	assert_int_equal(jr_route(&twente, &rq, &ans), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_route(&amersfoort, &rq, &ans), JR_ERR_NOT_FOUND);
}

static void test_r13_municipality_of_other_region(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	assert_int_equal(jr_route(&amersfoort, &rq, &ans), JR_ERR_NOT_FOUND);
	req_init(AMERSFOORT);
	assert_int_equal(jr_route(&twente, &rq, &ans), JR_ERR_NOT_FOUND);
}

static void test_r13_answer_names_municipality(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	route(&twente);
	assert_non_null(ans.municipality);
	assert_string_equal(ans.municipality->code, ENSCHEDE);
	assert_string_equal(ans.municipality->name, "Enschede");
	assert_ptr_equal(jr_rule_residence(&twente, ENSCHEDE), ans.municipality);
	req_init("0327");
	route(&amersfoort);
	assert_string_equal(ans.municipality->name, "Leusden");
}

/* ---- principle 13: woonplaatsbeginsel, the residence before a running stay ------------------ */

#define HENGELO "0164"

static void set_before_stay(const char *code)
{
	memcpy(rq.residence_before_stay, code, strlen(code) + 1);
}

static void why_responsible_contains(const char *part)
{
	struct jr_buf b;

	jr_buf_init(&b, 4096);
	assert_int_equal(jr_why_responsible(&b, &ans), JR_OK);
	if (!strstr(jr_buf_str(&b), part))
		fail_msg("why \"%s\" lacks \"%s\"", jr_buf_str(&b), part);
	jr_buf_release(&b);
}

/* Without residence_before_stay the BRP municipality is responsible, also during a stay. */
static void test_p13_brp_residence_by_default(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	hist_ongoing(6, D(2023, 9, 1));
	route(&twente);
	assert_string_equal(ans.municipality->code, ENSCHEDE);
	assert_int_equal(ans.responsible_why, JR_WHY_RESP_RESIDENCE);
	assert_null(ans.stay);
	assert_string_equal(jr_request_responsible(&twente, &rq), ENSCHEDE);
	why_responsible_contains("Gemeente Enschede is verantwoordelijk: daar woont het kind "
				 "volgens de BRP");
	why_responsible_contains("regel 13 woonplaatsbeginsel");
}

/* Each stay setting (out-of-home, secure) of the policy counts; ambulant, crisis and the
 * measure form do not, nor a stay that ended. Judged by the settings, not the numbers. */
static void test_p13_running_stay_by_setting(void **state)
{
	(void)state;
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		bool stay = jr_setting_is_stay(twente.forms[f].setting);
		req_init(ENSCHEDE);
		hist_ongoing(f, D(2023, 9, 1));
		if ((f == 5 || f == 6 || f == 7 || f == 9) != stay)
			fail_msg("form %d: Twente's stay forms are 5, 6, 7 and 9", f);
		assert_int_equal(jr_request_running_stay(&twente, &rq) != NULL, stay);
		set_before_stay(HENGELO);
		assert_string_equal(jr_request_responsible(&twente, &rq), stay ? HENGELO : ENSCHEDE);
	}
	req_init(ENSCHEDE);
	hist(6, JR_OUTCOME_POSITIVE, D(2022, 1, 1), D(2023, 1, 1)); /* ended: no stay now */
	set_before_stay(HENGELO);
	assert_null(jr_request_running_stay(&twente, &rq));
	assert_string_equal(jr_request_responsible(&twente, &rq), ENSCHEDE);
}

/* A child from Hengelo in long-term foster care in Enschede: Hengelo stays responsible. */
static void test_p13_before_stay_is_responsible(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_FAMILY] = 3;
	hist(3, JR_OUTCOME_NEGATIVE, D(2022, 1, 1), D(2022, 12, 1));
	hist_ongoing(6, D(2023, 1, 1));
	set_before_stay(HENGELO);
	route(&twente);
	assert_string_equal(ans.municipality->code, HENGELO);
	assert_int_equal(ans.responsible_why, JR_WHY_RESP_BEFORE_STAY);
	assert_non_null(ans.stay);
	assert_int_equal(ans.stay->form, 6);
	why_responsible_contains("Gemeente Hengelo is verantwoordelijk");
	why_responsible_contains("sinds 2023-01-01");
	why_responsible_contains("BRP in Enschede");
	why_responsible_contains("art. 1.1 Jeugdwet");
	why_responsible_contains("forms[5].setting = out-of-home");
}

/* The latest of several running stays is the one named. */
static void test_p13_latest_running_stay(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	hist_ongoing(5, D(2022, 1, 1));
	hist_ongoing(9, D(2024, 1, 1));
	hist_ongoing(2, D(2024, 3, 1));
	assert_int_equal(jr_request_running_stay(&twente, &rq)->form, 9);
}

/* Before the stay in another region: that region's policy governs; under the policy of the
 * child's present region the responsible municipality is not found. */
static void test_p13_other_region_governs(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	hist_ongoing(6, D(2023, 1, 1));
	set_before_stay(AMERSFOORT);
	route(&amersfoort);
	assert_string_equal(ans.municipality->code, AMERSFOORT);
	assert_int_equal(ans.municipality->regime, JR_REGIME_GENERIC);
	why_responsible_contains("BRP in gemeente 0153 woont, buiten regio Amersfoort");
	assert_int_equal(jr_route(&twente, &rq, &ans), JR_ERR_NOT_FOUND);
}

/* residence_before_stay without a running stay is bad input naming the field. */
static void test_p13_check_stay(void **state)
{
	const char *field = NULL, *message = NULL;

	(void)state;
	req_init(ENSCHEDE);
	assert_int_equal(jr_request_check_stay(&twente, &rq, &field, &message), JR_OK);
	set_before_stay(HENGELO);
	assert_int_equal(jr_request_check_stay(&twente, &rq, &field, &message), JR_ERR_INPUT);
	assert_string_equal(field, "residence_before_stay");
	assert_non_null(strstr(message, "verblijf"));
	hist_ongoing(3, D(2023, 1, 1));
	assert_int_equal(jr_request_check_stay(&twente, &rq, &field, &message), JR_ERR_INPUT);
	hist_ongoing(7, D(2023, 1, 1));
	assert_int_equal(jr_request_check_stay(&twente, &rq, &field, &message), JR_OK);
}

/* ---- jr_request_check ---------------------------------------------------------------------- */

static enum jr_err check(const char **field)
{
	const char *message = NULL;
	enum jr_err err;

	*field = NULL;
	err = jr_request_check(&rq, field, &message);
	if (err) {
		assert_non_null(*field);
		assert_non_null(message);
		assert_true(strlen(message) > 0);
	}
	return err;
}

static void test_check_birth_after_date(void **state)
{
	const char *field;
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = rq.date + 1;
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "birth_date");
	rq.birth_date = rq.date; /* born today: fine */
	assert_int_equal(check(&field), JR_OK);
}

static void test_check_history_end_before_start(void **state)
{
	const char *field;
	(void)state;
	req_init(ENSCHEDE);
	hist(2, JR_OUTCOME_NEUTRAL, rq.date - 10, rq.date - 11);
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "history");
	rq.history[0].end = rq.date - 10; /* one-day item */
	assert_int_equal(check(&field), JR_OK);
}

static void test_check_history_in_future(void **state)
{
	const char *field;
	(void)state;
	req_init(ENSCHEDE);
	hist_ongoing(2, rq.date + 1);
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "history");
	rq.history[0].start = rq.date;
	assert_int_equal(check(&field), JR_OK);
	req_init(ENSCHEDE);
	hist(2, JR_OUTCOME_NEUTRAL, rq.date - 10, rq.date + 1);
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "history");
}

static void test_check_later_history_item(void **state)
{
	const char *field;
	(void)state;
	req_init(ENSCHEDE);
	hist(1, JR_OUTCOME_POSITIVE, rq.date - 100, rq.date - 50);
	hist_ongoing(2, rq.date - 40);
	hist(3, JR_OUTCOME_NEGATIVE, rq.date - 5, rq.date - 6);
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "history");
}

static void test_check_waiting_since_in_future(void **state)
{
	const char *field;
	(void)state;
	req_init(ENSCHEDE);
	rq.has_waiting_since = true;
	rq.waiting_since = rq.date + 1;
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "waiting_since");
}

/* Principle 3 of issue 13: juvenile probation starts at the age of criminal responsibility. */
static void test_check_probation_from_twelve(void **state)
{
	const char *field = NULL;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_JEUGDRECLASSERING;
	rq.birth_date = D(2012, 6, 2); /* 11 on 2024-06-01, 12 the next day */
	assert_int_equal(check(&field), JR_ERR_INPUT);
	assert_string_equal(field, "court_measure");
	rq.date = D(2024, 6, 2);
	assert_int_equal(check(&field), JR_OK);
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	/* the same young child under a supervision order is fine */
	rq.date = D(2024, 6, 1);
	rq.measure = JR_MEASURE_OTS;
	assert_int_equal(check(&field), JR_OK);
}

static void test_waiting_signal_edge(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.has_waiting_since = true;
	rq.waiting_since = rq.date - twente.norms.max_waiting_days;
	route(&twente);
	assert_null(signal_of(JR_SIGNAL_WAITING));
	rq.waiting_since--;
	route(&twente);
	assert_non_null(signal_of(JR_SIGNAL_WAITING));
	assert_int_equal(signal_of(JR_SIGNAL_WAITING)->count, twente.norms.max_waiting_days + 1);
}

/* ---- explanations -------------------------------------------------------------------------- */

/* ---- principle 8: the compulsory framework ------------------------------------------------ */

/* The option's explanation, in a static buffer (one at a time). */
static const char *why_text(const struct jr_option *o)
{
	static char text[4096];
	struct jr_buf b;

	jr_buf_init(&b, sizeof(text));
	assert_int_equal(jr_why_option(&b, &ans, o), JR_OK);
	snprintf(text, sizeof(text), "%s", jr_buf_str(&b));
	jr_buf_release(&b);
	return text;
}

static const struct jr_option *opt_why(enum jr_why why)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].why == why)
			return &ans.options[i];
	return NULL;
}

static void test_p8_secure_first_with_machtiging(void **state)
{
	(void)state;
	req_init(ALMELO);
	rq.birth_date = D(2009, 2, 1); /* 15 */
	rq.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
	rq.flags = FLAG(UNSAFE);
	rq.needs[JR_NEED_BEHAVIOUR] = 4;
	rq.needs[JR_NEED_SAFETY] = 4;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	assert_int_equal(ans.options[0].kind, JR_OPTION_YOUTH_CARE);
	assert_int_equal(ans.options[0].form, 9);
	assert_int_equal(ans.options[0].why, JR_WHY_YC_SECURE);
	assert_int_equal(jr_answer_first_youth_care(&ans)->form, 9);
	assert_non_null(strstr(why_text(&ans.options[0]), "art. 6.1.2 Jeugdwet"));
	assert_null(strstr(why_text(&ans.options[0]), "thuis eerst"));
	assert_false(has_warning(JR_WARN_SECURE_NOT_OFFERED));
}

static void test_p8_secure_first_as_authorisation_beside_ots(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_GESLOTEN);
	rq.needs[JR_NEED_BEHAVIOUR] = 4;
	route(&twente);
	assert_int_equal(idx_form(9), 0);
	assert_int_equal(idx_form(10), 1); /* the OTS itself right after */
	assert_int_equal(ans.options[1].why, JR_WHY_YC_MEASURE);
	assert_true(ans.options[0].referrers & BIT(4)); /* the GI refers within its OTS */
}

static void test_p8_secure_first_even_in_crisis(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_GESLOTEN);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	assert_int_equal(idx_form(9), 0);
	assert_int_equal(idx_form(8), 1);
	assert_non_null(signal_of(JR_SIGNAL_CRISIS_FOLLOWUP));
}

static void test_p8_no_secure_without_authorisation(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING);
	rq.flags = FLAG(UNSAFE);
	rq.needs[JR_NEED_BEHAVIOUR] = 4;
	rq.needs[JR_NEED_SAFETY] = 4;
	route(&twente);
	assert_int_equal(idx_form(9), -1);
	assert_true(has_warning(JR_WARN_SECURE_NOT_OFFERED));
}

static void test_p8_ots_stay_needs_machtiging_uithuisplaatsing(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.needs[JR_NEED_SAFETY] = 4;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	o = opt_form(5);
	assert_non_null(o);
	assert_true(o->requires & JR_REQUIRE_COURT_ORDER);
	assert_int_equal(jr_rule_stay_court_order(&twente, &rq, 5), JR_REQUIRE_COURT_ORDER);
	assert_int_equal(jr_rule_stay_court_order(&twente, &rq, 3), 0);
	assert_false(opt_form(3)->requires & JR_REQUIRE_COURT_ORDER);
	assert_true(has_warning(JR_WARN_OTS_NO_UITHUISPLAATSING));
	assert_non_null(strstr(why_text(o), "machtiging uithuisplaatsing"));
	assert_non_null(strstr(why_text(o), "1:265b"));

	/* with the judge's authorisation nothing more is needed */
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING);
	route(&twente);
	o = opt_form(5);
	assert_non_null(o);
	assert_false(o->requires & JR_REQUIRE_COURT_ORDER);
	assert_false(has_warning(JR_WARN_OTS_NO_UITHUISPLAATSING));
	assert_non_null(strstr(why_text(o), "is er"));
}

static void test_p8_stay_under_voogdij_needs_no_machtiging(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_VOOGDIJ;
	rq.needs[JR_NEED_SAFETY] = 4;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_non_null(opt_form(5));
	assert_false(opt_form(5)->requires & JR_REQUIRE_COURT_ORDER);
	assert_false(has_warning(JR_WARN_OTS_NO_UITHUISPLAATSING));
	assert_null(opt_why(JR_WHY_COORD_GI)); /* the OTS's; guardianship is another principle */
}

static void test_p8_gi_coordinates_under_ots(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.flags = FLAG(UNSAFE);
	rq.needs[JR_NEED_FAMILY] = 3;
	rq.needs[JR_NEED_PARENTING] = 3;
	route(&twente);
	o = opt_why(JR_WHY_COORD_GI);
	assert_non_null(o);
	assert_int_equal(o->kind, JR_OPTION_COORDINATION);
	assert_null(opt_why(JR_WHY_COORD_COMPLEX)); /* not the local team's regie */
	assert_non_null(strstr(jr_option_name(&ans, o), "gecertificeerde instelling"));
	assert_non_null(strstr(why_text(o), "lokale team ondersteunt"));
	assert_true(idx_form(10) >= 0 && idx_form(10) < (int)(o - ans.options));
	/* the local team supports: social base beside it */
	assert_true(count_kind(JR_OPTION_SOCIAL_BASE) > 0);
}

static void test_p8_gi_coordination_gives_way_to_hopping(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_OTS;
	rq.needs[JR_NEED_FAMILY] = 3;
	hist(3, JR_OUTCOME_NEGATIVE, D(2023, 9, 1), D(2024, 1, 1));
	hist(4, JR_OUTCOME_NEGATIVE, D(2024, 1, 2), D(2024, 4, 1));
	route(&twente);
	assert_non_null(opt_why(JR_WHY_COORD_HOPPING));
	assert_null(opt_why(JR_WHY_COORD_GI));
	assert_int_equal(count_kind(JR_OPTION_COORDINATION), 1);
}

static void test_p8_provisional_ots_routes_as_ots(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.measure = JR_MEASURE_VOORLOPIGE_OTS;
	rq.needs[JR_NEED_SAFETY] = 4;
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_int_equal(ans.framework, JR_FRAMEWORK_COMPULSORY);
	assert_true(jr_rule_has_child_measure(&rq));
	assert_true(jr_rule_ots(&rq));
	o = jr_answer_first_youth_care(&ans);
	assert_int_equal(o->form, 10);
	assert_int_equal(o->why, JR_WHY_YC_MEASURE);
	assert_string_equal(o->jz020, "48"); /* declared as the OTS */
	assert_non_null(strstr(why_text(o), "ten hoogste 3 maanden"));
	assert_non_null(strstr(why_text(o), "1:257"));
	assert_true(o->referrers & BIT(4));
	assert_int_equal(jr_rule_referrers(&twente, 3, JR_MEASURE_VOORLOPIGE_OTS),
			 jr_rule_referrers(&twente, 3, JR_MEASURE_OTS));
	assert_true(opt_form(5)->requires & JR_REQUIRE_COURT_ORDER);
	assert_true(has_warning(JR_WARN_OTS_NO_UITHUISPLAATSING));
	assert_non_null(opt_why(JR_WHY_COORD_GI));
	assert_non_null(strstr(why_text(opt_why(JR_WHY_COORD_GI)), "Voorlopige"));
}

static void test_p8_authorisation_alone_is_compulsory(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_GESLOTEN);
	rq.flags = FLAG(UNSAFE);
	assert_int_equal(jr_rule_framework(&rq), JR_FRAMEWORK_COMPULSORY);
	assert_false(jr_rule_normalise(&twente, &rq));
	assert_true(jr_rule_secure_allowed(&rq));
	assert_true(jr_rule_legal_route(&twente, &rq, 9));
	route(&twente);
	assert_false(has_warning(JR_WARN_VEILIG_THUIS)); /* not voluntary */
	assert_false(jr_rule_has_child_measure(&rq)); /* no measure form, no GI referral */
	assert_int_equal(idx_form(10), -1);
	assert_false(opt_form(9)->referrers & BIT(4));
}

static void test_p8_check_uithuisplaatsing_only_under_ots(void **state)
{
	const char *field = NULL, *message = NULL;
	const enum jr_measure others[] = {JR_MEASURE_NONE, JR_MEASURE_VOOGDIJ,
					  JR_MEASURE_JEUGDRECLASSERING,
					  JR_MEASURE_MACHTIGING_GESLOTEN};
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2010, 3, 15); /* 14: old enough for juvenile probation */
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		rq.measure = others[i];
		assert_int_equal(jr_request_check(&rq, &field, &message), JR_ERR_INPUT);
		assert_string_equal(field, "authorisations");
		assert_non_null(strstr(message, "ondertoezichtstelling"));
	}
	rq.measure = JR_MEASURE_OTS;
	assert_int_equal(jr_request_check(&rq, &field, &message), JR_OK);
	rq.measure = JR_MEASURE_VOORLOPIGE_OTS;
	assert_int_equal(jr_request_check(&rq, &field, &message), JR_OK);
	/* a machtiging gesloten goes with any measure, or none */
	rq.authorisations = JR_AUTH_BIT(JR_AUTH_GESLOTEN);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		rq.measure = others[i];
		assert_int_equal(jr_request_check(&rq, &field, &message), JR_OK);
	}
}

static void test_p8_measure_names(void **state)
{
	(void)state;
	assert_int_equal(jr_measure_parse("voorlopige_ots"), JR_MEASURE_VOORLOPIGE_OTS);
	assert_int_equal(jr_measure_routes_as(JR_MEASURE_VOORLOPIGE_OTS), JR_MEASURE_OTS);
	assert_int_equal(jr_measure_routes_as(JR_MEASURE_VOOGDIJ), JR_MEASURE_VOOGDIJ);
	assert_true(jr_measure_is_ots(JR_MEASURE_OTS));
	assert_true(jr_measure_is_ots(JR_MEASURE_VOORLOPIGE_OTS));
	assert_false(jr_measure_is_ots(JR_MEASURE_VOOGDIJ));
	assert_false(jr_measure_is_ots(JR_MEASURE_NONE));
	assert_int_equal(jr_authorisation_parse("uithuisplaatsing"), JR_AUTH_UITHUISPLAATSING);
	assert_int_equal(jr_authorisation_parse("gesloten"), JR_AUTH_GESLOTEN);
	assert_int_equal(jr_authorisation_parse("machtiging_gesloten"), -1);
	assert_int_equal(jr_authorisation_parse(""), -1);
	assert_string_equal(jr_authorisation_label(JR_AUTH_UITHUISPLAATSING),
			    "machtiging uithuisplaatsing");
}

static void test_why_texts_of_varied_answers(void **state)
{
	struct jr_buf b;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	for (int c = 0; c < 8; c++) {
		const struct jr_policy *p = c % 2 ? &amersfoort : &twente;
		req_init(c % 2 ? AMERSFOORT : (c % 4 == 2 ? ALMELO : ENSCHEDE));
		switch (c) {
		case 0:
			rq.needs[JR_NEED_PARENTING] = 1;
			break;
		case 1:
			rq.needs[JR_NEED_PARENTING] = 2;
			rq.needs[JR_NEED_MENTAL_HEALTH] = 2;
			break;
		case 2:
			rq.needs[JR_NEED_FAMILY] = 4;
			rq.flags = FLAG(UNSAFE);
			break;
		case 3:
			rq.flags = FLAG(ACUTE_CRISIS);
			rq.measure = JR_MEASURE_OTS;
			break;
		case 4:
			rq.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
			negative_endings(2, 3);
			break;
		case 5:
			rq.flags = FLAG(PSYCHIATRIC_DISORDER) | FLAG(LONG_LASTING);
			break;
		case 6:
			rq.birth_date = D(2004, 1, 1);
			rq.measure = JR_MEASURE_JEUGDRECLASSERING;
			break;
		default:
			rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
			rq.needs[JR_NEED_SCHOOL] = 3;
			break;
		}
		referrer(2, "");
		route(p); /* checks every option's text */
		assert_true(ans.option_count > 0);
		for (size_t i = 0; i < ans.signal_count; i++) {
			jr_buf_reset(&b);
			assert_int_equal(jr_why_signal(&b, &ans, &ans.signals[i]), JR_OK);
			assert_true(b.len > 0);
		}
		for (size_t i = 0; i < ans.warning_count; i++) {
			jr_buf_reset(&b);
			assert_int_equal(jr_why_warning(&b, &ans, ans.warnings[i]), JR_OK);
			assert_non_null(strstr(jr_buf_str(&b), "regel"));
		}
		jr_buf_reset(&b);
		assert_int_equal(jr_why_referral(&b, &ans), JR_OK);
		assert_non_null(strstr(jr_buf_str(&b), "regel 7"));
	}
	jr_buf_release(&b);
}

/* ---- issue 13: as a professional would decide ----------------------------------------------- */

/* Principle 2: a young ward has no parental home: family-like care right after the measure, no
 * ambulant alternative before it, the guardian leads. */
static void test_p2_young_ward_grows_up_in_a_family(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2019, 2, 1); /* 5 */
	rq.measure = JR_MEASURE_VOOGDIJ;
	route(&twente);
	assert_int_equal(idx_form(10), 0);
	assert_int_equal(idx_form(6), 1);
	assert_int_equal(ans.options[1].why, JR_WHY_YC_WARD_FAMILY);
	assert_false(has_why(JR_WHY_YC_HOME_FIRST));
	assert_false(has_why(JR_WHY_YC_STAY));
	assert_false(has_why(JR_WHY_COORD_COMPLEX)); /* the guardian coordinates */
	assert_true(twente.forms[6].family_like);
	assert_int_equal(jr_policy_family_like_form(&twente), 6);
}

/* Principle 2: an older ward is offered a family too, after the care the needs point to. */
static void test_p2_older_ward_is_offered_a_family_in_order(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2009, 2, 1); /* 15 */
	rq.measure = JR_MEASURE_VOOGDIJ;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	route(&twente);
	assert_int_equal(idx_form(10), 0);
	assert_true(idx_form(3) > 0 && idx_form(3) < idx_form(6));
	assert_int_equal(opt_form(6)->why, JR_WHY_YC_WARD_FAMILY);
	assert_int_equal(opt_form(3)->why, JR_WHY_YC_INDICATED);
}

/* Principle 2 and 4: a ward who lives in foster care stays there; no new family is sought. */
static void test_p2_ward_in_foster_care_stays(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2019, 2, 1);
	rq.measure = JR_MEASURE_VOOGDIJ;
	hist_ongoing(6, D(2022, 1, 1));
	route(&twente);
	assert_int_equal(opt_form(6)->why, JR_WHY_YC_CONTINUE);
	assert_false(has_why(JR_WHY_YC_WARD_FAMILY));
}

/* Principle 4: running care continues first, without a new broad analysis, and is not offered
 * again as new care. */
static void test_p4_running_care_continues_first(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	hist_ongoing(3, D(2024, 1, 10));
	route(&twente);
	o = jr_answer_first_youth_care(&ans);
	assert_non_null(o);
	assert_int_equal(o->form, 3);
	assert_int_equal(o->why, JR_WHY_YC_CONTINUE);
	assert_false(o->requires & JR_REQUIRE_BROAD_ANALYSIS);
	assert_int_equal(ans.options[0].form, 3);
	for (size_t i = 1; i < ans.option_count; i++)
		assert_false(ans.options[i].kind == JR_OPTION_YOUTH_CARE && ans.options[i].form == 3);
	assert_null(signal_of(JR_SIGNAL_BROAD_ANALYSIS_AFTER));
	/* crisis stays in front of it */
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(ans.options[1].form, 3);
	assert_int_equal(ans.options[1].why, JR_WHY_YC_CONTINUE);
}

/* Principle 4: after 18, foster care continues to 21 (verlengde pleegzorg), other care begun
 * before 18 to 23 as the Jeugdwet's continuation; care begun after 18 does not. */
static void test_p4_continuation_after_eighteen(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2005, 3, 1); /* 19 on 2024-06-01 */
	hist_ongoing(6, D(2015, 1, 1));
	route(&twente);
	assert_true(ans.eligible);
	assert_int_equal(ans.age_status, JR_AGE_CONTINUATION);
	assert_int_equal(opt_form(6)->why, JR_WHY_YC_CONTINUE_FOSTER);
	assert_non_null(signal_of(JR_SIGNAL_CONTINUATION));
	rq.birth_date = D(2002, 3, 1); /* 22 */
	route(&twente);
	assert_int_equal(opt_form(6)->why, JR_WHY_YC_CONTINUE);
	/* begun at 19: not the Jeugdwet's (rule 11), so nothing continues */
	req_init(ENSCHEDE);
	rq.birth_date = D(2004, 3, 1); /* 20 */
	hist_ongoing(3, D(2023, 6, 1));
	route(&twente);
	assert_false(ans.eligible);
}

/* Principle 7: a form that ended negatively in the window is not offered again: the next step
 * of its setting takes its place. */
static void test_p7_failed_form_is_not_offered_again(void **state)
{
	const struct jr_option *o;
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3; /* form 3 */
	hist(3, JR_OUTCOME_NEGATIVE, rq.date - 200, rq.date - 30);
	route(&twente);
	assert_int_equal(idx_form(3), -1);
	o = opt_form(4);
	assert_non_null(o);
	assert_int_equal(o->why, JR_WHY_YC_STEP_UP);
	assert_int_equal(o->why_form, 3);
	assert_null(signal_of(JR_SIGNAL_ESCALATE));
	/* outside the window it may be tried again */
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	hist(3, JR_OUTCOME_NEGATIVE, rq.date - 900, rq.date - 400);
	route(&twente);
	assert_int_equal(opt_form(3)->why, JR_WHY_YC_INDICATED);
	assert_int_equal(jr_rule_step_up(&twente, 3, 0), 4);
	assert_int_equal(jr_rule_step_up(&twente, 5, 1u << 6), 7);
	assert_int_equal(jr_rule_step_up(&twente, 4, 0), 0);
}

/* Principle 7: after repeated failure, a new broad analysis and the regional expert team. */
static void test_p7_repeated_failure_asks_a_new_analysis(void **state)
{
	const struct jr_signal *s;
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.broad_analysis = true;
	negative_endings(2, 30);
	route(&twente);
	assert_int_equal(ans.options[0].why, JR_WHY_COORD_HOPPING);
	s = signal_of(JR_SIGNAL_NEW_BROAD_ANALYSIS);
	assert_non_null(s);
	assert_int_equal(s->count, 2);
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	negative_endings(1, 30);
	route(&twente);
	assert_null(signal_of(JR_SIGNAL_NEW_BROAD_ANALYSIS));
}

/* Principle 7: a complex case brings in the regional expert team without hopping. */
static void test_p7_complex_case_brings_in_the_expert_team(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_FAMILY] = 3;
	rq.flags = FLAG(LONG_LASTING);
	route(&twente);
	assert_true(jr_rule_complex_case(&twente, &rq));
	assert_true(has_why(JR_WHY_COORD_EXPERT_TEAM));
	assert_false(has_why(JR_WHY_COORD_COMPLEX));
	/* several domains without a lasting problem or a disorder: the local team's regie */
	rq.flags = 0;
	route(&twente);
	assert_false(jr_rule_complex_case(&twente, &rq));
	assert_true(has_why(JR_WHY_COORD_COMPLEX));
	/* one domain with a disorder: not complex */
	rq.needs[JR_NEED_FAMILY] = 0;
	rq.flags = FLAG(PSYCHIATRIC_DISORDER);
	assert_false(jr_rule_complex_case(&twente, &rq));
}

/* Principle 10: severe substance use is treated (form 4), not supported alone; clinical only
 * when very severe. */
static void test_p10_severe_substance_use_is_treated(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.birth_date = D(2008, 3, 1);
	rq.needs[JR_NEED_SUBSTANCE_USE] = 3;
	route(&twente);
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 4);
	assert_int_equal(lightest_youth_care(), 4);
	assert_int_equal(idx_form(3), -1);
	assert_int_equal(idx_form(7), -1);
	assert_int_equal(opt_form(4)->why, JR_WHY_YC_SPECIALIST);
	rq.needs[JR_NEED_SUBSTANCE_USE] = 4;
	route(&twente);
	assert_true(idx_form(4) >= 0 && idx_form(4) < idx_form(7));
	rq.needs[JR_NEED_SUBSTANCE_USE] = 2;
	assert_int_equal(jr_rule_specialist_in_time(&twente, &rq), 1);
}

/* ---- sweep: the rules as invariants over many varied requests ----------------------------- */

static uint32_t rng = 2463534242u;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng % n;
}

static void random_request(const struct jr_policy *p)
{
	static const unsigned char levels[10] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 4};
	const struct jr_municipality *m = &p->municipalities[rnd((uint32_t)p->municipality_count)];

	bool light = rnd(6) == 0; /* ordinary growing up: rule 1's side of the edge */

	req_init(m->code);
	rq.date = D(2024, 1, 1) + (jr_day)rnd(800);
	rq.birth_date = rq.date - (jr_day)rnd(24 * 366);
	for (int d = 0; d < JR_NEED_COUNT; d++)
		rq.needs[d] = light ? (unsigned char)rnd(2) : levels[rnd(10)];
	for (int f = 0; f < JR_FLAG_COUNT; f++)
		if (!light && rnd(7) == 0)
			rq.flags |= JR_FLAG_BIT(f);
	if (!light)
		rq.measure = rnd(2) ? JR_MEASURE_NONE : (enum jr_measure)rnd(JR_MEASURE_COUNT);
	/* juvenile probation only from 12 (jr_request_check) */
	if (rq.measure == JR_MEASURE_JEUGDRECLASSERING &&
	    jr_date_age_years(rq.birth_date, rq.date) < JR_PROBATION_AGE_MIN)
		rq.measure = JR_MEASURE_NONE;
	/* the judge's authorisations (principle 8): out-of-home placement only under an OTS */
	if (!light && rnd(5) == 0)
		rq.authorisations |= JR_AUTH_BIT(JR_AUTH_GESLOTEN);
	if (!light && jr_measure_is_ots(rq.measure) && rnd(2))
		rq.authorisations |= JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING);
	rq.broad_analysis = rnd(3) == 0;
	rq.history_count = rnd(5);
	for (size_t i = 0; i < rq.history_count; i++) {
		struct jr_history_item *h = &rq.history[i];
		h->form = (int)rnd(JR_FORM_COUNT + 1);
		h->outcome = (enum jr_outcome)rnd(JR_OUTCOME_COUNT);
		h->start = rq.date - (jr_day)rnd(2000);
		if (h->start < rq.birth_date) /* no help before birth (jr_request_check) */
			h->start = rq.birth_date;
		h->ongoing = rnd(4) == 0;
		if (!h->ongoing)
			h->end = h->start + (jr_day)rnd((uint32_t)(rq.date - h->start) + 1);
	}
	if (rnd(2)) {
		rq.has_referrer = true;
		rq.referrer_type = 1 + (int)rnd(8);
		if (rnd(2))
			memcpy(rq.agb, "12345678", 9);
	}
	if (rnd(4) == 0) {
		rq.has_waiting_since = true;
		rq.waiting_since = rq.date - (jr_day)rnd(100);
	}
	if (rnd(4) == 0)
		rq.family_context = rnd(1u << JR_FC_COUNT);
}

/* The options, signals and history of the answer under test, for a failure message. */
static const char *dump_answer(void)
{
	static char buf[2048];
	size_t n = 0;

	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\n  age %d measure %d options:", ans.age,
			      (int)rq.measure);
	for (size_t i = 0; i < ans.option_count && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, " [kind %d form %d why %d]",
				      (int)ans.options[i].kind, ans.options[i].form,
				      (int)ans.options[i].why);
	for (size_t i = 0; i < rq.history_count && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, " (history form %d outcome %d%s)",
				      rq.history[i].form, (int)rq.history[i].outcome,
				      rq.history[i].ongoing ? " running" : "");
	return buf;
}

#define EXPECT(cond)                                                                               \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fail_msg("sweep request %d (%s): %s%s", iter, p->id, #cond,                \
				 dump_answer());                                                   \
	} while (0)

static void check_rules(const struct jr_policy *p, int iter)
{
	const struct jr_request *r = &rq;
	const struct jr_answer *a = &ans;
	const struct jr_option *first_yc;
	int age, first_noncrisis = 0, last_nr = -1, first_yc_idx = -1;
	enum jr_age_status status = jr_rule_age(p, r, &age);
	bool crisis = jr_rule_crisis(r);
	bool nfa = jr_rule_non_free_access(p, r, NULL, NULL);
	bool needed = nfa || crisis || r->measure != JR_MEASURE_NONE || r->authorisations;
	bool child_measure = jr_rule_has_child_measure(r);
	bool hopping = jr_rule_hopping(p, r);
	bool compulsory = r->measure != JR_MEASURE_NONE || r->authorisations;
	bool secure = jr_rule_secure_allowed(r);
	bool stay_order = false;
	unsigned forms_seen = 0, running = jr_rule_running_forms(p, r, status);
	bool running_stay = false;

	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if ((running & (1u << f)) && jr_setting_is_stay(p->forms[f].setting))
			running_stay = true;

	/* rule 13 */
	EXPECT(a->municipality && strcmp(a->municipality->code, r->municipality) == 0);
	/* rule 5: framework */
	EXPECT(a->framework == (compulsory ? JR_FRAMEWORK_COMPULSORY : JR_FRAMEWORK_VOLUNTARY));
	/* rule 11 */
	EXPECT(a->age == age);
	EXPECT(a->eligible == (status != JR_AGE_INELIGIBLE));
	if (age < p->norms.age_limit)
		EXPECT(a->eligible);
	if (age >= p->norms.continuation_until)
		EXPECT(!a->eligible && a->why == JR_WHY_INELIGIBLE_TOO_OLD);
	if (!a->eligible) {
		EXPECT(a->option_count == 0);
		EXPECT(a->why == JR_WHY_INELIGIBLE_ADULT || a->why == JR_WHY_INELIGIBLE_TOO_OLD);
		return;
	}
	EXPECT((status == JR_AGE_CONTINUATION) == (signal_of(JR_SIGNAL_CONTINUATION) != NULL));
	EXPECT(a->option_count > 0);

	for (size_t i = 0; i < a->option_count; i++) {
		const struct jr_option *o = &a->options[i];
		EXPECT(o->why != JR_WHY_NONE);
		if (o->kind == JR_OPTION_NO_REFERRAL)
			last_nr = (int)i;
		if (o->kind != JR_OPTION_YOUTH_CARE) {
			EXPECT(o->form == 0 && !o->referral_required && o->referrers == 0);
			EXPECT(o->kind != JR_OPTION_NO_REFERRAL || p->no_referral_first);
			continue;
		}
		if (first_yc_idx < 0 && !jr_why_is_continuation(o->why)) /* new care */
			first_yc_idx = (int)i;
		EXPECT(o->form >= 1 && o->form <= JR_FORM_COUNT);
		EXPECT(!(forms_seen & BIT(o->form))); /* no form twice */
		forms_seen |= BIT(o->form);
		EXPECT(o->referral_required);
		/* rule 6 */
		EXPECT(o->contracting == p->forms[o->form].contracting);
		if (o->contracting == JR_CONTRACTING_REGIONAL) {
			EXPECT(o->form >= 5);
			EXPECT(!o->has_regime);
			EXPECT(!(o->requires &
				 (JR_REQUIRE_RESULT_DESCRIPTION | JR_REQUIRE_PRODUCT_CODE)));
		} else {
			EXPECT(o->form <= 4);
			EXPECT(o->has_regime && o->regime == a->municipality->regime);
			EXPECT(!!(o->requires & JR_REQUIRE_RESULT_DESCRIPTION) ==
			       (o->regime == JR_REGIME_RESULT));
			EXPECT(!!(o->requires & JR_REQUIRE_PRODUCT_CODE) ==
			       (o->regime == JR_REGIME_PRODUCT));
		}
		/* rule 7 */
		EXPECT(!(o->referrers & BIT(6)));
		EXPECT(!!(o->referrers & BIT(4)) == child_measure);
		EXPECT(!!(o->referrers & BIT(8)) == (o->form >= 9));
		EXPECT(!!(o->referrers & BIT(1)) == (o->form <= 9));
		EXPECT((o->referrers & (BIT(2) | BIT(3) | BIT(5))) ==
		       (o->form <= 8 ? (BIT(2) | BIT(3) | BIT(5)) : 0u));
		/* rule 8 */
		EXPECT(!!(o->requires & JR_REQUIRE_BROAD_ANALYSIS) ==
		       (!r->broad_analysis && o->form != 8 && o->form >= 3 && !compulsory &&
			!jr_why_is_continuation(o->why) && /* principle 4 */
			o->why != JR_WHY_YC_URGENT_MENTAL_HEALTH && /* principle 9: like crisis care */
			!(r->has_referrer && jr_referrer_legal_route(r->referrer_type) &&
			  jr_rule_referral_check(p, r, o->form) == JR_WHY_RC_VALID)));
		/* principle 8: a stay under an OTS without machtiging uithuisplaatsing */
		EXPECT(!!(o->requires & JR_REQUIRE_COURT_ORDER) ==
		       (o->form >= 9 || (jr_measure_is_ots(r->measure) &&
					 p->forms[o->form].setting == JR_SETTING_OUT_OF_HOME &&
					 !(r->authorisations & JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING)))));
		if (o->form < 9 && (o->requires & JR_REQUIRE_COURT_ORDER))
			stay_order = true;
		/* rule 10, except secure care under the judge's authorisation (principle 8), for a
		 * ward, who has no parental home, and beside a running stay (principles 2 and 4) */
		if (jr_setting_is_stay(p->forms[o->form].setting) && o->why != JR_WHY_YC_SECURE &&
		    r->measure != JR_MEASURE_VOOGDIJ && !running_stay) {
			bool alt = false;
			for (size_t j = 0; j < i; j++)
				if (a->options[j].kind == JR_OPTION_YOUTH_CARE &&
				    p->forms[a->options[j].form].setting == JR_SETTING_AMBULANT &&
				    a->options[j].form >= p->norms.intensive_ambulant_from_form)
					alt = true;
			EXPECT(alt);
		}
		/* rule 11: juvenile probation only */
		if (status == JR_AGE_PROBATION_ONLY)
			EXPECT(o->form == 10);
	}
	first_yc = jr_answer_first_youth_care(a);

	/* rule 1 */
	if (jr_rule_normalise(p, r)) {
		/* only running care continues (principle 4) */
		for (size_t i = 0; i < a->option_count; i++) {
			EXPECT(a->options[i].kind != JR_OPTION_COORDINATION || hopping);
			EXPECT(a->options[i].kind != JR_OPTION_YOUTH_CARE ||
			       (jr_why_is_continuation(a->options[i].why) &&
				(running & (1u << a->options[i].form))));
		}
	}
	/* rule 2 */
	if (nfa)
		EXPECT(first_yc != NULL);
	/* rule 3 */
	if (jr_rule_specialist_in_time(p, r) > 1 && status != JR_AGE_PROBATION_ONLY) {
		/* new care: running care may be what already answers the need */
		int lightest = lightest_youth_care();
		EXPECT(lightest >= p->norms.specialist_from_form || (lightest == 0 && running));
	}
	/* principle 8: secure care under the judge's authorisation first */
	if (secure && status != JR_AGE_PROBATION_ONLY) {
		EXPECT(a->options[0].kind == JR_OPTION_YOUTH_CARE && a->options[0].form == 9 &&
		       a->options[0].why == JR_WHY_YC_SECURE);
		first_noncrisis = 1;
	}
	/* rule 4 */
	if (crisis && status != JR_AGE_PROBATION_ONLY) {
		const struct jr_signal *s = signal_of(JR_SIGNAL_CRISIS_FOLLOWUP);
		EXPECT(a->options[first_noncrisis].kind == JR_OPTION_YOUTH_CARE &&
		       a->options[first_noncrisis].form == 8);
		EXPECT(s != NULL && s->day == r->date + p->norms.crisis_followup_days);
		first_noncrisis++;
		/* principle 9: an acute psychiatric crisis brings urgent youth mental health care
		 * right after the crisis form, and that form only once */
		if (jr_rule_acute_psychiatric(r)) {
			EXPECT(a->options[first_noncrisis].kind == JR_OPTION_YOUTH_CARE &&
			       a->options[first_noncrisis].form == p->norms.specialist_from_form &&
			       a->options[first_noncrisis].why == JR_WHY_YC_URGENT_MENTAL_HEALTH);
			first_noncrisis++;
		} else {
			EXPECT(!has_why(JR_WHY_YC_URGENT_MENTAL_HEALTH));
		}
	}
	EXPECT((forms_seen & BIT(8)) == 0 || crisis);
	/* rule 5 */
	EXPECT(!!(forms_seen & BIT(10)) == child_measure);
	EXPECT(!!(forms_seen & BIT(9)) == (secure && status != JR_AGE_PROBATION_ONLY));
	EXPECT(has_warning(JR_WARN_VEILIG_THUIS) == ((r->flags & FLAG(UNSAFE)) && !compulsory));
	/* principle 8: under an OTS the GI coordinates; a stay needs the machtiging */
	EXPECT(has_why(JR_WHY_COORD_GI) ==
	       (jr_measure_is_ots(r->measure) && !hopping && status != JR_AGE_PROBATION_ONLY));
	EXPECT(has_warning(JR_WARN_OTS_NO_UITHUISPLAATSING) == stay_order);
	/* rule 9 */
	EXPECT((signal_of(JR_SIGNAL_HOPPING) != NULL) == hopping);
	EXPECT(has_why(JR_WHY_COORD_HOPPING) == hopping);
	if (hopping)
		EXPECT(a->options[first_noncrisis].kind == JR_OPTION_COORDINATION &&
		       a->options[first_noncrisis].why == JR_WHY_COORD_HOPPING);
	/* rule 11 */
	EXPECT(has_warning(JR_WARN_ADULT_PROBATION_ONLY) == (status == JR_AGE_PROBATION_ONLY));
	/* rule 12 */
	if (p->no_referral_first && !needed && first_yc_idx >= 0)
		EXPECT(first_yc_idx > last_nr);
	/* referral check */
	EXPECT(a->has_referral_check == r->has_referrer);
	if (r->has_referrer) {
		EXPECT(a->referral_valid == (a->referral_why == JR_WHY_RC_VALID));
		if (!first_yc) {
			EXPECT(a->referral_why == JR_WHY_RC_NO_YOUTH_CARE);
		} else {
			EXPECT(a->referral_form == first_yc->form);
			if (a->referral_valid)
				EXPECT(first_yc->referrers & BIT(r->referrer_type));
		}
		if (r->referrer_type == 6 && first_yc)
			EXPECT(a->referral_why == JR_WHY_RC_SELF);
	}
}

/* Principle 6 as an invariant: the family's other domains (a need the policy maps to another
 * domain, family_context) change no youth care for the child. Routes the same request without
 * them and compares the youth-care options; checks the other-domain options against the rule. */
static void check_other_domains(const struct jr_policy *p, int iter)
{
	static struct jr_request bare;
	static struct jr_answer without;
	unsigned needs[JR_OTHER_COUNT], context[JR_OTHER_COUNT], helps, got = 0;
	size_t k = 0;

	if (!ans.eligible)
		return;
	helps = jr_rule_other_domains(p, &rq, needs, context);
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_OTHER_DOMAIN) {
			EXPECT(!(got & BIT(ans.options[i].other)));
			got |= BIT(ans.options[i].other);
			EXPECT(ans.options[i].why_needs == needs[ans.options[i].other]);
			EXPECT(ans.options[i].why_context == context[ans.options[i].other]);
		}
	EXPECT(got == helps);
	bare = rq;
	bare.family_context = 0;
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (p->domains_other & BIT(d))
			bare.needs[d] = 0;
	EXPECT(jr_route(p, &bare, &without) == JR_OK);
	for (size_t i = 0; i < ans.option_count; i++) {
		if (ans.options[i].kind != JR_OPTION_YOUTH_CARE)
			continue;
		while (k < without.option_count && without.options[k].kind != JR_OPTION_YOUTH_CARE)
			k++;
		EXPECT(k < without.option_count && without.options[k].form == ans.options[i].form);
		EXPECT(!(ans.options[i].why_needs & p->domains_other));
		k++;
	}
	while (k < without.option_count)
		EXPECT(without.options[k++].kind != JR_OPTION_YOUTH_CARE);
}

static void test_sweep_rules_hold_for_varied_requests(void **state)
{
	(void)state;
	for (int iter = 0; iter < 20000; iter++) {
		const struct jr_policy *p = iter % 3 == 2 ? &amersfoort : &twente;
		const char *field, *message;
		random_request(p);
		assert_int_equal(jr_request_check(&rq, &field, &message), JR_OK);
		assert_int_equal(jr_route(p, &rq, &ans), JR_OK);
		check_rules(p, iter);
		check_other_domains(p, iter);
		if (iter % 50 == 0)
			check_option_texts(&ans);
	}
}

/* ---- issue 13, principle 9: crisis around the clock ---------------------------------------- */

static void why_of(const struct jr_option *o, char *out, size_t cap)
{
	struct jr_buf b;

	jr_buf_init(&b, 1 << 16);
	assert_int_equal(jr_why_option(&b, &ans, o), JR_OK);
	snprintf(out, cap, "%s", jr_buf_str(&b));
	jr_buf_release(&b);
}

static void test_p9_crisis_option_names_the_service(void **state)
{
	char why[2048];
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&twente);
	assert_int_equal(ans.options[0].why, JR_WHY_YC_CRISIS);
	why_of(&ans.options[0], why, sizeof(why));
	assert_non_null(strstr(why, "Coördinatiepunt Spoedhulp Jeugd Twente"));
	assert_non_null(strstr(why, "24/7"));
	assert_non_null(strstr(why, "region.crisis_service"));
	req_init(AMERSFOORT);
	rq.flags = FLAG(ACUTE_CRISIS);
	route(&amersfoort);
	why_of(&ans.options[0], why, sizeof(why));
	assert_non_null(strstr(why, "plaatshouder"));
}

static void test_p9_acute_psychiatric_gets_urgent_mental_health(void **state)
{
	char why[2048];
	(void)state;
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS) | FLAG(PSYCHIATRIC_DISORDER);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	route(&twente);
	assert_int_equal(ans.options[0].form, 8);
	assert_int_equal(ans.options[1].kind, JR_OPTION_YOUTH_CARE);
	assert_int_equal(ans.options[1].form, twente.norms.specialist_from_form);
	assert_int_equal(ans.options[1].why, JR_WHY_YC_URGENT_MENTAL_HEALTH);
	/* urgent: the analysis follows, as after crisis care */
	assert_false(ans.options[1].requires & JR_REQUIRE_BROAD_ANALYSIS);
	/* the specialist form is not offered a second time further down */
	for (size_t i = 2; i < ans.option_count; i++)
		assert_false(ans.options[i].kind == JR_OPTION_YOUTH_CARE &&
			     ans.options[i].form == twente.norms.specialist_from_form);
	why_of(&ans.options[1], why, sizeof(why));
	assert_non_null(strstr(why, "Acute psychiatrische crisis"));
	assert_non_null(strstr(why, "jeugd-ggz"));
	assert_non_null(strstr(why, "norms.specialist_from_form = 4"));
}

static void test_p9_mental_health_four_with_crisis(void **state)
{
	(void)state;
	req_init(AMERSFOORT);
	rq.flags = FLAG(ACUTE_CRISIS);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 4;
	route(&amersfoort);
	assert_int_equal(ans.options[0].why, JR_WHY_YC_CRISIS);
	assert_int_equal(ans.options[1].why, JR_WHY_YC_URGENT_MENTAL_HEALTH);
	assert_int_equal(ans.options[1].form, amersfoort.norms.specialist_from_form);
	assert_true(ans.options[1].has_regime);
	assert_int_equal(ans.options[1].regime, JR_REGIME_GENERIC);
}

static void test_p9_not_without_psychiatric_signs(void **state)
{
	(void)state;
	/* a crisis without psychiatric signs: shelter, no urgent mental health care */
	req_init(ENSCHEDE);
	rq.flags = FLAG(ACUTE_CRISIS);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	route(&twente);
	assert_false(has_why(JR_WHY_YC_URGENT_MENTAL_HEALTH));
	/* psychiatric signs without a crisis: rule 3 as before, nothing urgent */
	req_init(ENSCHEDE);
	rq.flags = FLAG(PSYCHIATRIC_DISORDER);
	rq.needs[JR_NEED_MENTAL_HEALTH] = 4;
	route(&twente);
	assert_false(has_why(JR_WHY_YC_URGENT_MENTAL_HEALTH));
	assert_int_equal(opt_form(4)->why, JR_WHY_YC_SPECIALIST);
}

/* ---- issue 13, principles 6 and 14: the child is not the problem; the analysis decides ---- */

/* The option of other-domain help `h`, or NULL. */
static const struct jr_option *opt_other(enum jr_other_help h)
{
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_OTHER_DOMAIN && ans.options[i].other == h)
			return &ans.options[i];
	return NULL;
}

static int idx_other(enum jr_other_help h)
{
	const struct jr_option *o = opt_other(h);
	return o ? (int)(o - ans.options) : -1;
}

/* The explanation of option `o` of ans. */
static const char *why_text_buf(struct jr_buf *b, const struct jr_option *o)
{
	jr_buf_reset(b);
	assert_int_equal(jr_why_option(b, &ans, o), JR_OK);
	return jr_buf_str(b);
}

static void expect_text(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("text \"%s\" lacks \"%s\"", text, part);
}

static void test_p6_rule_other_domains(void **state)
{
	unsigned needs[JR_OTHER_COUNT], context[JR_OTHER_COUNT];
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_LIVELIHOOD] = 1; /* at normalise_max: ordinary life */
	assert_int_equal(jr_rule_other_domains(&twente, &rq, needs, context), 0);
	rq.needs[JR_NEED_LIVELIHOOD] = 2;
	assert_int_equal(jr_rule_other_domains(&twente, &rq, needs, context),
			 BIT(JR_OTHER_INCOME_SUPPORT));
	assert_int_equal(needs[JR_OTHER_INCOME_SUPPORT], BIT(JR_NEED_LIVELIHOOD));
	assert_int_equal(context[JR_OTHER_INCOME_SUPPORT], 0);
	rq.needs[JR_NEED_LIVELIHOOD] = 0;
	rq.family_context = BIT(JR_FC_PARENT_ADDICTION);
	assert_int_equal(jr_rule_other_domains(&twente, &rq, needs, context),
			 BIT(JR_OTHER_ADDICTION_CARE) | BIT(JR_OTHER_WMO));
	assert_int_equal(context[JR_OTHER_WMO], BIT(JR_FC_PARENT_ADDICTION));
	/* a family need names the divorce help only at youth_care_min, in a fighting divorce */
	rq.family_context = BIT(JR_FC_FIGHTING_DIVORCE);
	rq.needs[JR_NEED_FAMILY] = 2;
	jr_rule_other_domains(&twente, &rq, needs, context);
	assert_int_equal(needs[JR_OTHER_DIVORCE_HELP], 0);
	rq.needs[JR_NEED_FAMILY] = 3;
	jr_rule_other_domains(&twente, &rq, needs, context);
	assert_int_equal(needs[JR_OTHER_DIVORCE_HELP], BIT(JR_NEED_FAMILY));
	assert_int_equal(context[JR_OTHER_DIVORCE_HELP], BIT(JR_FC_FIGHTING_DIVORCE));
}

/* Livelihood at 4 and nothing else: income support and the social base, no youth care. */
static void test_p6_livelihood_alone_is_no_youth_care(void **state)
{
	const struct jr_policy *ps[] = {&twente, &amersfoort};
	const char *munis[] = {ENSCHEDE, AMERSFOORT};
	struct jr_buf b;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	for (int i = 0; i < 2; i++) {
		for (int level = 2; level <= 4; level++) {
			req_init(munis[i]);
			rq.needs[JR_NEED_LIVELIHOOD] = (unsigned char)level;
			assert_false(jr_rule_non_free_access(ps[i], &rq, NULL, NULL));
			route(ps[i]);
			assert_null(jr_answer_first_youth_care(&ans));
			assert_int_equal(ans.options[0].kind, JR_OPTION_OTHER_DOMAIN);
			assert_int_equal(ans.options[0].other, JR_OTHER_INCOME_SUPPORT);
			assert_int_equal(count_kind(JR_OPTION_OTHER_DOMAIN), 1);
			assert_true(count_kind(JR_OPTION_SOCIAL_BASE) > 0);
			assert_int_equal(count_kind(JR_OPTION_COORDINATION), 0);
		}
	}
	/* the why names the domain, the help and that it is no youth care for the child */
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_LIVELIHOOD] = 4;
	route(&twente);
	assert_string_equal(jr_option_name(&ans, &ans.options[0]),
			    "Bijstand en bijzondere bijstand, gemeente Enschede");
	expect_text(why_text_buf(&b, &ans.options[0]), "bestaanszekerheid (4)");
	expect_text(why_text_buf(&b, &ans.options[0]), "geen jeugdhulp voor het kind");
	expect_text(why_text_buf(&b, &ans.options[0]), "Participatiewet");
	expect_text(why_text_buf(&b, &ans.options[0]),
		    "beleid domains.livelihood = income_support, other_domains.income_support]");
	/* the social base beside it says why it is not youth care */
	assert_int_equal(ans.options[1].why, JR_WHY_SB_DOMAIN);
	expect_text(why_text_buf(&b, &ans.options[1]),
		    "bestaanszekerheid (4) vraagt om hulp uit een ander domein");
	expect_text(why_text_buf(&b, &ans.options[1]), "domains.livelihood = income_support");
	/* a GP's referral does not change that: there is no youth care to refer to */
	referrer(2, "01012345");
	route(&twente);
	assert_int_equal(ans.referral_why, JR_WHY_RC_NO_YOUTH_CARE);
	jr_buf_release(&b);
}

/* Each item of family_context brings its domain's help, and never youth care by itself. */
static void test_p6_family_context_brings_its_help(void **state)
{
	struct jr_buf b;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	for (int c = 0; c < JR_FC_COUNT; c++) {
		unsigned helps = jr_family_context_helps((enum jr_family_context)c), got = 0;
		req_init(ENSCHEDE);
		rq.family_context = BIT(c);
		route(&twente);
		assert_null(jr_answer_first_youth_care(&ans));
		for (size_t i = 0; i < ans.option_count; i++)
			if (ans.options[i].kind == JR_OPTION_OTHER_DOMAIN) {
				got |= BIT(ans.options[i].other);
				assert_int_equal(ans.options[i].why_context, BIT(c));
				expect_text(why_text_buf(&b, &ans.options[i]),
					    jr_family_context_label((enum jr_family_context)c));
				expect_text(why_text_buf(&b, &ans.options[i]), "principe 6");
			}
		assert_int_equal(got, helps);
		/* ordinary growing up for the child: the social base after the family's help */
		assert_int_equal(ans.options[ans.option_count - 1].kind, JR_OPTION_SOCIAL_BASE);
		assert_int_equal(ans.options[ans.option_count - 1].why, JR_WHY_SB_NORMALISE);
	}
	/* all at once: each help once, in the fixed order */
	req_init(ENSCHEDE);
	rq.family_context = BIT(JR_FC_COUNT) - 1;
	rq.needs[JR_NEED_LIVELIHOOD] = 3;
	route(&twente);
	assert_int_equal(count_kind(JR_OPTION_OTHER_DOMAIN), JR_OTHER_COUNT);
	for (int h = 0; h < JR_OTHER_COUNT; h++)
		assert_int_equal(idx_other((enum jr_other_help)h), h);
	assert_null(jr_answer_first_youth_care(&ans));
	jr_buf_release(&b);
}

/* The divorce help comes as its own option beside whatever the child needs. */
static void test_p6_fighting_divorce_beside_child_care(void **state)
{
	struct jr_buf b;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_FAMILY] = 3;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.family_context = BIT(JR_FC_FIGHTING_DIVORCE);
	route(&twente);
	expect_youth_care_first();
	assert_true(idx_form(2) >= 0); /* family 3 */
	assert_true(idx_form(3) >= 0); /* behaviour 3 */
	assert_true(idx_other(JR_OTHER_DIVORCE_HELP) > idx_form(3));
	assert_int_equal(opt_other(JR_OTHER_DIVORCE_HELP)->why_needs, BIT(JR_NEED_FAMILY));
	expect_text(why_text_buf(&b, opt_other(JR_OTHER_DIVORCE_HELP)), "gezin (3), vechtscheiding");
	expect_text(why_text_buf(&b, opt_other(JR_OTHER_DIVORCE_HELP)),
		    "wat het kind zelf nodig heeft, staat ernaast");
	assert_string_equal(jr_option_name(&ans, opt_other(JR_OTHER_DIVORCE_HELP)),
			    twente.other_domains[JR_OTHER_DIVORCE_HELP].name);
	/* the same child without the divorce: the same youth care, no divorce help */
	rq.family_context = 0;
	route(&twente);
	assert_true(idx_form(2) >= 0 && idx_form(3) >= 0);
	assert_null(opt_other(JR_OTHER_DIVORCE_HELP));
	jr_buf_release(&b);
}

/* Livelihood beside the child's own needs: the same youth care as without it. */
static void test_p6_livelihood_selects_no_form(void **state)
{
	int without[JR_OPTIONS_MAX], n = 0;
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_PARENTING] = 2;
	route(&twente);
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE)
			without[n++] = ans.options[i].form;
	rq.needs[JR_NEED_LIVELIHOOD] = 4;
	route(&twente);
	assert_non_null(opt_other(JR_OTHER_INCOME_SUPPORT));
	for (int i = 0, k = 0; i < (int)ans.option_count; i++)
		if (ans.options[i].kind == JR_OPTION_YOUTH_CARE) {
			assert_true(k < n);
			assert_int_equal(ans.options[i].form, without[k++]);
			assert_false(ans.options[i].why_needs & BIT(JR_NEED_LIVELIHOOD));
		}
	/* moderate needs and money trouble: livelihood no longer points to form 1 or 2 */
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_LIVELIHOOD] = 3;
	rq.needs[JR_NEED_BEHAVIOUR] = 2;
	route(&twente);
	assert_null(jr_answer_first_youth_care(&ans));
}

/* Debts do not make a child's problems complex: three domains at 3 and livelihood at 3 are not
 * the four domains that call for form 7 (highly specialist care with a stay). */
static void test_p6_livelihood_is_no_complex_domain(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	rq.needs[JR_NEED_FAMILY] = 3;
	rq.needs[JR_NEED_SOCIAL] = 3;
	rq.needs[JR_NEED_LIVELIHOOD] = 3;
	route(&twente);
	assert_int_equal(idx_form(7), -1);
	assert_non_null(opt_other(JR_OTHER_INCOME_SUPPORT));
	/* a fourth domain of the child's own does */
	rq.needs[JR_NEED_MENTAL_HEALTH] = 3;
	route(&twente);
	assert_true(idx_form(7) > 0);
}

/* School at 4 alone: the school's care team and the social base, no youth care. */
static void test_p14_school_alone_is_social_base(void **state)
{
	struct jr_buf b;
	bool school = false;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_SCHOOL] = 4;
	assert_false(jr_rule_non_free_access(&twente, &rq, NULL, NULL));
	route(&twente);
	assert_null(jr_answer_first_youth_care(&ans));
	assert_int_equal(count_kind(JR_OPTION_OTHER_DOMAIN), 0);
	assert_int_equal(ans.options[0].kind, JR_OPTION_SOCIAL_BASE);
	for (size_t i = 0; i < ans.option_count; i++) {
		assert_int_equal(ans.options[i].why, JR_WHY_SB_DOMAIN);
		school |= ans.options[i].offer->category == JR_SB_SCHOOL;
	}
	assert_true(school);
	expect_text(why_text_buf(&b, &ans.options[0]), "school (4) vraagt om sociale basis");
	expect_text(why_text_buf(&b, &ans.options[0]), "principe 14");
	expect_text(why_text_buf(&b, &ans.options[0]), "domains.school = social_base");
	/* a child who cannot take part in school at all needs youth care (rule 2) */
	rq.flags = FLAG(NOT_PARTICIPATING);
	route(&twente);
	expect_youth_care_first();
	/* Amersfoort alike: no-referral help and the social base */
	req_init(AMERSFOORT);
	rq.needs[JR_NEED_SCHOOL] = 3;
	route(&amersfoort);
	assert_null(jr_answer_first_youth_care(&ans));
	jr_buf_release(&b);
}

/* School counts towards youth care when another domain makes youth care necessary. */
static void test_p14_school_counts_beside_youth_care(void **state)
{
	(void)state;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_SCHOOL] = 3;
	rq.needs[JR_NEED_BEHAVIOUR] = 3;
	route(&twente);
	expect_youth_care_first();
	assert_non_null(opt_form(2)); /* forms[1].indication: school 3 */
	assert_true(opt_form(2)->why_needs & BIT(JR_NEED_SCHOOL));
	assert_true(opt_form(3)->why_needs & BIT(JR_NEED_BEHAVIOUR));
	/* moderate needs: school 2 points to no youth care, parenting 2 still does */
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_SCHOOL] = 2;
	rq.needs[JR_NEED_PARENTING] = 2;
	route(&twente);
	assert_non_null(opt_form(1));
	assert_int_equal(opt_form(1)->why_needs, BIT(JR_NEED_PARENTING));
}

/* A policy that maps nothing away (all youth care) routes as before the domains table. */
static void test_p14_all_youth_care_policy(void **state)
{
	static struct jr_policy p;
	(void)state;
	p = twente;
	p.domains_social_base = p.domains_other = 0;
	for (int d = 0; d < JR_NEED_COUNT; d++)
		p.domain_kind[d] = JR_DOMAIN_YOUTH_CARE;
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_LIVELIHOOD] = 4;
	route(&p);
	expect_youth_care_first();
	assert_int_equal(count_kind(JR_OPTION_OTHER_DOMAIN), 0);
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_SCHOOL] = 3;
	route(&p);
	expect_youth_care_first();
	/* the family's own problems still bring their help */
	rq.family_context = BIT(JR_FC_DEBTS);
	route(&p);
	assert_non_null(opt_other(JR_OTHER_DEBT_HELP));
}

/* The home-first alternative names the problem behind the stay it precedes. */
static void test_p14_home_first_names_the_domain(void **state)
{
	struct jr_buf b;
	(void)state;
	jr_buf_init(&b, 1 << 16);
	req_init(ENSCHEDE);
	rq.needs[JR_NEED_FAMILY] = 4;
	route(&twente);
	assert_non_null(opt_form(5));
	assert_true(has_why(JR_WHY_YC_HOME_FIRST));
	for (size_t i = 0; i < ans.option_count; i++)
		if (ans.options[i].why == JR_WHY_YC_HOME_FIRST) {
			assert_true(ans.options[i].why_needs & BIT(JR_NEED_FAMILY));
			expect_text(why_text_buf(&b, &ans.options[i]), "voor gezin (4)");
		}
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r1_all_needs_one_is_normalise),
		cmocka_unit_test(test_r1_no_needs_offers_access_points),
		cmocka_unit_test(test_r1_need_two_in_any_domain_is_not_normalise),
		cmocka_unit_test(test_r1_any_flag_is_not_normalise),
		cmocka_unit_test(test_r1_any_measure_is_not_normalise),
		cmocka_unit_test(test_r1_offers_fit_the_age),
		cmocka_unit_test(test_r1_offers_serve_the_needs),
		cmocka_unit_test(test_r1_amersfoort_light_no_referral_and_social_base_only),
		cmocka_unit_test(test_r2_psychiatric_disorder_alone),
		cmocka_unit_test(test_r2_disability_alone),
		cmocka_unit_test(test_r2_unsafe_alone),
		cmocka_unit_test(test_r2_not_participating_alone),
		cmocka_unit_test(test_r2_other_flags_alone_do_not_trigger),
		cmocka_unit_test(test_r2_need_three_in_each_domain),
		cmocka_unit_test(test_r2_need_two_does_not_trigger),
		cmocka_unit_test(test_r2_social_base_stands_beside_youth_care),
		cmocka_unit_test(test_r2_youth_care_answers_the_triggering_need),
		cmocka_unit_test(test_r3_psychiatric_long_lasting_floor),
		cmocka_unit_test(test_r3_psychiatric_without_long_lasting),
		cmocka_unit_test(test_r3_long_lasting_alone_not_specialist),
		cmocka_unit_test(test_r3_mental_health_three),
		cmocka_unit_test(test_r3_mental_health_two),
		cmocka_unit_test(test_r3_drops_lighter_ambulant_forms),
		cmocka_unit_test(test_r3_floor_with_stay_form),
		cmocka_unit_test(test_r4_crisis_rule),
		cmocka_unit_test(test_r4_crisis_form_is_first),
		cmocka_unit_test(test_r4_crisis_first_before_heavier_needs),
		cmocka_unit_test(test_r4_followup_signal_due_date),
		cmocka_unit_test(test_r4_followup_due_across_year_end),
		cmocka_unit_test(test_r4_crisis_form_needs_no_broad_analysis_first),
		cmocka_unit_test(test_r4_crisis_before_measure),
		cmocka_unit_test(test_r4_no_crisis_no_crisis_form),
		cmocka_unit_test(test_r5_framework_per_measure),
		cmocka_unit_test(test_r5_child_measure_and_secure_allowed),
		cmocka_unit_test(test_r5_ots),
		cmocka_unit_test(test_r5_voogdij),
		cmocka_unit_test(test_r5_jeugdreclassering),
		cmocka_unit_test(test_r5_offence_without_probation_warns),
		cmocka_unit_test(test_r5_unsafe_without_measure_is_voluntary_with_warning),
		cmocka_unit_test(test_r5_unsafe_with_measure_no_warning),
		cmocka_unit_test(test_r5_secure_only_with_authorisation),
		cmocka_unit_test(test_r5_no_secure_without_authorisation_even_extreme),
		cmocka_unit_test(test_r6_forms_5_to_10_regional),
		cmocka_unit_test(test_r6_enschede_result_regime),
		cmocka_unit_test(test_r6_almelo_and_hof_van_twente_product_regime),
		cmocka_unit_test(test_r6_amersfoort_generic_regime),
		cmocka_unit_test(test_r6_keeps_other_requirements),
		cmocka_unit_test(test_r6_every_twente_municipality),
		cmocka_unit_test(test_r7_referrers_voluntary),
		cmocka_unit_test(test_r7_gi_only_within_a_measure),
		cmocka_unit_test(test_r7_court_for_measures),
		cmocka_unit_test(test_r7_self_never),
		cmocka_unit_test(test_r7_check_gp_without_agb),
		cmocka_unit_test(test_r7_check_gp_with_agb),
		cmocka_unit_test(test_r7_check_youth_doctor_and_specialist_need_agb),
		cmocka_unit_test(test_r7_check_self_referral),
		cmocka_unit_test(test_r7_check_gi_without_measure),
		cmocka_unit_test(test_r7_check_gi_within_measure),
		cmocka_unit_test(test_r7_check_municipality_agb_forbidden),
		cmocka_unit_test(test_r7_check_no_youth_care),
		cmocka_unit_test(test_r7_check_not_for_form),
		cmocka_unit_test(test_r7_check_unknown_code),
		cmocka_unit_test(test_r7_check_on_crisis_form),
		cmocka_unit_test(test_r7_no_check_without_referrer),
		cmocka_unit_test(test_r7_answer_referrers_voluntary),
		cmocka_unit_test(test_r8_rule_voluntary_edges),
		cmocka_unit_test(test_r8_rule_measure_advises),
		cmocka_unit_test(test_r8_rule_legal_referrers_advise),
		cmocka_unit_test(test_r8_rule_done_requires_nothing),
		cmocka_unit_test(test_r8_answer_voluntary),
		cmocka_unit_test(test_r8_answer_compulsory_advises),
		cmocka_unit_test(test_r8_answer_gp_referral_advises),
		cmocka_unit_test(test_r8_answer_made_requires_none),
		cmocka_unit_test(test_r8_light_voluntary_no_signal),
		cmocka_unit_test(test_r9_exactly_count_is_hopping),
		cmocka_unit_test(test_r9_one_fewer_is_not_hopping),
		cmocka_unit_test(test_r9_window_edge),
		cmocka_unit_test(test_r9_ending_on_request_date_counts),
		cmocka_unit_test(test_r9_ongoing_never_counts),
		cmocka_unit_test(test_r9_positive_and_neutral_do_not_count),
		cmocka_unit_test(test_r9_crisis_before_coordination),
		cmocka_unit_test(test_r9_coordination_before_any_heavier_form),
		cmocka_unit_test(test_r9_hopping_with_light_needs),
		cmocka_unit_test(test_r9_escalate_when_failed_form_repeats),
		cmocka_unit_test(test_r10_inserts_alternative_before_stay),
		cmocka_unit_test(test_r10_no_insertion_with_alternative),
		cmocka_unit_test(test_r10_light_ambulant_is_no_alternative),
		cmocka_unit_test(test_r10_one_insertion_for_several_stays),
		cmocka_unit_test(test_r10_secure_form_needs_alternative),
		cmocka_unit_test(test_r10_measure_first_stays_first),
		cmocka_unit_test(test_r10_no_stay_no_change),
		cmocka_unit_test(test_r10_capacity_limit),
		cmocka_unit_test(test_r10_floor_raises_alternative),
		cmocka_unit_test(test_r10_answer_family_four),
		cmocka_unit_test(test_r10_answer_complex_problems),
		cmocka_unit_test(test_r10_answer_secure),
		cmocka_unit_test(test_r11_seventeen_is_youth),
		cmocka_unit_test(test_r11_eighteenth_birthday_without_continuation),
		cmocka_unit_test(test_r11_continuation_of_ongoing_care),
		cmocka_unit_test(test_r11_continuation_resume_edge),
		cmocka_unit_test(test_r11_care_started_at_eighteen_is_no_continuation),
		cmocka_unit_test(test_r11_social_base_is_not_youth_care_to_continue),
		cmocka_unit_test(test_r11_twenty_with_probation),
		cmocka_unit_test(test_r11_twenty_with_ots_not_eligible),
		cmocka_unit_test(test_r11_twenty_three_too_old),
		cmocka_unit_test(test_r11_last_day_before_twenty_three),
		cmocka_unit_test(test_r11_adult_why_names_wmo),
		cmocka_unit_test(test_r11_leap_day_birthday),
		cmocka_unit_test(test_r11_leap_day_birthday_in_leap_year),
		cmocka_unit_test(test_r12_rule),
		cmocka_unit_test(test_r12_amersfoort_moderate_no_referral_first),
		cmocka_unit_test(test_r12_amersfoort_connects_to_help_in_place),
		cmocka_unit_test(test_r12_amersfoort_need_three_youth_care_first),
		cmocka_unit_test(test_r12_amersfoort_crisis_first),
		cmocka_unit_test(test_r12_twente_moderate_has_no_no_referral),
		cmocka_unit_test(test_r13_unknown_municipality),
		cmocka_unit_test(test_r13_municipality_of_other_region),
		cmocka_unit_test(test_r13_answer_names_municipality),
		cmocka_unit_test(test_p13_brp_residence_by_default),
		cmocka_unit_test(test_p13_running_stay_by_setting),
		cmocka_unit_test(test_p13_before_stay_is_responsible),
		cmocka_unit_test(test_p13_latest_running_stay),
		cmocka_unit_test(test_p13_other_region_governs),
		cmocka_unit_test(test_p13_check_stay),
		cmocka_unit_test(test_check_birth_after_date),
		cmocka_unit_test(test_check_history_end_before_start),
		cmocka_unit_test(test_check_history_in_future),
		cmocka_unit_test(test_check_later_history_item),
		cmocka_unit_test(test_check_waiting_since_in_future),
		cmocka_unit_test(test_check_probation_from_twelve),
		cmocka_unit_test(test_waiting_signal_edge),
		cmocka_unit_test(test_why_texts_of_varied_answers),
		cmocka_unit_test(test_p2_young_ward_grows_up_in_a_family),
		cmocka_unit_test(test_p2_older_ward_is_offered_a_family_in_order),
		cmocka_unit_test(test_p2_ward_in_foster_care_stays),
		cmocka_unit_test(test_p4_running_care_continues_first),
		cmocka_unit_test(test_p4_continuation_after_eighteen),
		cmocka_unit_test(test_p7_failed_form_is_not_offered_again),
		cmocka_unit_test(test_p7_repeated_failure_asks_a_new_analysis),
		cmocka_unit_test(test_p7_complex_case_brings_in_the_expert_team),
		cmocka_unit_test(test_p10_severe_substance_use_is_treated),
		cmocka_unit_test(test_p8_secure_first_with_machtiging),
		cmocka_unit_test(test_p8_secure_first_as_authorisation_beside_ots),
		cmocka_unit_test(test_p8_secure_first_even_in_crisis),
		cmocka_unit_test(test_p8_no_secure_without_authorisation),
		cmocka_unit_test(test_p8_ots_stay_needs_machtiging_uithuisplaatsing),
		cmocka_unit_test(test_p8_stay_under_voogdij_needs_no_machtiging),
		cmocka_unit_test(test_p8_gi_coordinates_under_ots),
		cmocka_unit_test(test_p8_gi_coordination_gives_way_to_hopping),
		cmocka_unit_test(test_p8_provisional_ots_routes_as_ots),
		cmocka_unit_test(test_p8_authorisation_alone_is_compulsory),
		cmocka_unit_test(test_p8_check_uithuisplaatsing_only_under_ots),
		cmocka_unit_test(test_p8_measure_names),
		cmocka_unit_test(test_sweep_rules_hold_for_varied_requests),
		cmocka_unit_test(test_p9_crisis_option_names_the_service),
		cmocka_unit_test(test_p9_acute_psychiatric_gets_urgent_mental_health),
		cmocka_unit_test(test_p9_mental_health_four_with_crisis),
		cmocka_unit_test(test_p9_not_without_psychiatric_signs),
		cmocka_unit_test(test_p6_rule_other_domains),
		cmocka_unit_test(test_p6_livelihood_alone_is_no_youth_care),
		cmocka_unit_test(test_p6_family_context_brings_its_help),
		cmocka_unit_test(test_p6_fighting_divorce_beside_child_care),
		cmocka_unit_test(test_p6_livelihood_selects_no_form),
		cmocka_unit_test(test_p6_livelihood_is_no_complex_domain),
		cmocka_unit_test(test_p14_school_alone_is_social_base),
		cmocka_unit_test(test_p14_school_counts_beside_youth_care),
		cmocka_unit_test(test_p14_all_youth_care_policy),
		cmocka_unit_test(test_p14_home_first_names_the_domain),
	};
	return cmocka_run_group_tests(tests, group_setup, NULL);
}
