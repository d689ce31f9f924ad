/* Unit tests for core/course: each step of a help request at its edges, and every allocation
 * rule, each refusal explaining itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/course.h"
#include "json/policy_json.h"

static struct jr_policy twente;

static int setup(void **state)
{
	struct jr_diag d;
	(void)state;
	return jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &d) ? -1 : 0;
}

/* `whyp` is read after the call has filled it (arguments are evaluated in no fixed order). */
static void expect_refused(enum jr_err err, const char **whyp, const char *part)
{
	const char *why = *whyp;
	assert_int_equal(err, JR_ERR_REFUSED);
	assert_non_null(why);
	if (!strstr(why, part))
		fail_msg("\"%s\" lacks \"%s\"", why, part);
	assert_non_null(strchr(why, '[')); /* names the rule */
}

static void test_states_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < JR_HR_STATE_COUNT; s++) {
		assert_int_equal(jr_hr_state_parse(jr_hr_state_name((enum jr_hr_state)s)), s);
		assert_non_null(jr_hr_state_label((enum jr_hr_state)s));
	}
	assert_int_equal(jr_hr_state_parse("open"), -1);
	assert_int_equal(jr_provider_status_parse("suspended"), JR_PROVIDER_SUSPENDED);
	assert_int_equal(jr_provider_status_parse("gone"), -1);
}

static void test_analysed_needs_broad_analysis(void **state)
{
	(void)state;
	struct jr_course_facts f = {.state = JR_HR_REGISTERED};
	const char *why;
	expect_refused(jr_course_can_move(&f, JR_HR_ANALYSED, &why), &why, "brede verklarende analyse");
	f.broad_analysis = true;
	assert_int_equal(jr_course_can_move(&f, JR_HR_ANALYSED, &why), JR_OK);
}

static void test_no_skipping_steps(void **state)
{
	(void)state;
	struct jr_course_facts f = {.state = JR_HR_REGISTERED, .broad_analysis = true, .goals = 2,
				    .light_options_weighed = true, .care_started = 1};
	const char *why;
	expect_refused(jr_course_can_move(&f, JR_HR_PLANNED, &why), &why, "volgt niet");
	expect_refused(jr_course_can_move(&f, JR_HR_CLOSED, &why), &why, "volgt niet");
	expect_refused(jr_course_can_move(&f, JR_HR_REGISTERED, &why), &why, "volgt niet");
	f.state = JR_HR_PLANNED;
	expect_refused(jr_course_can_move(&f, JR_HR_ANALYSED, &why), &why, "volgt niet");
}

static void test_planned_needs_goal_and_light_options(void **state)
{
	(void)state;
	struct jr_course_facts f = {.state = JR_HR_ANALYSED, .broad_analysis = true};
	const char *why;
	expect_refused(jr_course_can_move(&f, JR_HR_PLANNED, &why), &why, "doel");
	f.goals = 1;
	expect_refused(jr_course_can_move(&f, JR_HR_PLANNED, &why), &why, "lichte optie");
	f.light_options_weighed = true;
	assert_int_equal(jr_course_can_move(&f, JR_HR_PLANNED, &why), JR_OK);
}

static void test_in_care_and_evaluated(void **state)
{
	(void)state;
	struct jr_course_facts f = {.state = JR_HR_PLANNED};
	const char *why;
	expect_refused(jr_course_can_move(&f, JR_HR_IN_CARE, &why), &why, "geen zorg gestart");
	f.care_started = 1;
	f.care_running = 1;
	assert_int_equal(jr_course_can_move(&f, JR_HR_IN_CARE, &why), JR_OK);
	f.state = JR_HR_IN_CARE;
	expect_refused(jr_course_can_move(&f, JR_HR_EVALUATED, &why), &why, "loopt nog zorg");
	f.care_running = 0;
	f.outcomes_missing = 1;
	expect_refused(jr_course_can_move(&f, JR_HR_EVALUATED, &why), &why, "uitkomst");
	f.outcomes_missing = 0;
	assert_int_equal(jr_course_can_move(&f, JR_HR_EVALUATED, &why), JR_OK);
	f.state = JR_HR_EVALUATED;
	assert_int_equal(jr_course_can_move(&f, JR_HR_CLOSED, &why), JR_OK);
}

/* Settled without youth care: a planned request with no allocation may be closed; with one,
 * or before the plan, not. */
static void test_settled_without_youth_care(void **state)
{
	(void)state;
	struct jr_course_facts f = {.state = JR_HR_PLANNED, .broad_analysis = true, .goals = 1,
				    .light_options_weighed = true};
	const char *why;
	assert_int_equal(jr_course_can_move(&f, JR_HR_CLOSED, &why), JR_OK);
	f.allocations = 1;
	expect_refused(jr_course_can_move(&f, JR_HR_CLOSED, &why), &why, "volgt niet");
	f.allocations = 0;
	f.state = JR_HR_ANALYSED;
	expect_refused(jr_course_can_move(&f, JR_HR_CLOSED, &why), &why, "volgt niet");
}

static void test_withdraw_and_finality(void **state)
{
	(void)state;
	const char *why;
	for (int s = JR_HR_REGISTERED; s <= JR_HR_EVALUATED; s++) {
		struct jr_course_facts f = {.state = (enum jr_hr_state)s};
		assert_int_equal(jr_course_can_move(&f, JR_HR_WITHDRAWN, &why), JR_OK);
	}
	struct jr_course_facts closed = {.state = JR_HR_CLOSED};
	expect_refused(jr_course_can_move(&closed, JR_HR_WITHDRAWN, &why), &why, "al afgesloten");
	struct jr_course_facts withdrawn = {.state = JR_HR_WITHDRAWN, .broad_analysis = true};
	expect_refused(jr_course_can_move(&withdrawn, JR_HR_ANALYSED, &why), &why, "al afgesloten");
}

/* The field a refusal names (jr_allocation_check). */
static const char *field_;

/* An allocation that passes every rule; each test breaks one thing. */
static struct jr_allocation_facts good(int form, enum jr_regime regime)
{
	return (struct jr_allocation_facts){
		.form = form,
		.broad_analysis = true,
		.referral_valid = true,
		.provider_known = true,
		.provider_status = JR_PROVIDER_ACTIVE,
		.contract_covers = true,
		.product_listed = true,
		.regime = regime,
		.result_description = regime == JR_REGIME_RESULT,
		.intensity = regime == JR_REGIME_RESULT ? 2 : 0,
		.product_code = regime == JR_REGIME_PRODUCT,
		.volume = regime == JR_REGIME_PRODUCT ? 8 : 0,
		.start = jr_date_from_ymd(2026, 12, 1),
	};
}

static void test_allocation_passes(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(3, JR_REGIME_RESULT);
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a = good(4, JR_REGIME_PRODUCT);
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a = good(2, JR_REGIME_GENERIC);
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a = good(6, JR_REGIME_RESULT); /* regional: the local regime's fields do not apply */
	a.result_description = false;
	a.intensity = 0;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
}

/* Principle 8: a stay under an (provisional) OTS rests on the judge's machtiging
 * uithuisplaatsing; a ward's or an ambulant form does not need it. */
static void test_allocation_stay_under_ots_needs_machtiging(void **state)
{
	struct jr_allocation_facts a = good(6, JR_REGIME_RESULT);
	const char *why;
	(void)state;
	a.measure = JR_MEASURE_OTS;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "machtiging uithuisplaatsing");
	a.measure = JR_MEASURE_VOORLOPIGE_OTS;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "machtiging uithuisplaatsing");
	a.authorisations = JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING);
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.authorisations = JR_AUTH_BIT(JR_AUTH_GESLOTEN); /* another authorisation does not do */
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "machtiging uithuisplaatsing");
	a.authorisations = 0;
	a.measure = JR_MEASURE_VOOGDIJ; /* the guardian decides the stay */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a = good(3, JR_REGIME_RESULT);
	a.measure = JR_MEASURE_OTS; /* ambulant care under an OTS */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
}

static void test_allocation_provider_and_contract(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(3, JR_REGIME_RESULT);
	a.provider_status = JR_PROVIDER_SUSPENDED;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "geschorst");
	a = good(3, JR_REGIME_RESULT);
	a.provider_status = JR_PROVIDER_UNDER_INVESTIGATION; /* allowed; a signal watches it */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.provider_known = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "onbekende zorgaanbieder");
	a = good(3, JR_REGIME_RESULT);
	a.contract_covers = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "geen contract");
}

static void test_allocation_referral_or_decision(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(2, JR_REGIME_RESULT);
	a.referral_valid = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "geen geldige verwijzing");
	a.municipal_decision = true;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
}

static void test_allocation_broad_analysis_edges(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(2, JR_REGIME_RESULT);
	a.broad_analysis = false;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK); /* form 2: not needed */
	a.form = 3;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "brede verklarende analyse");
	/* a legal route does not wait for it (principle 5 of issue 13): a court measure, or a
	 * valid referral by the GP (02), youth doctor (03) or medical specialist (05) */
	a.measure = JR_MEASURE_OTS;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.measure = JR_MEASURE_NONE;
	a.referrer_type = 2;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.referrer_type = 1; /* the municipality's own route waits */
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "brede verklarende analyse");
	a.referrer_type = 5;
	a.referral_valid = false; /* an invalid referral opens no route */
	a.municipal_decision = true;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "brede verklarende analyse");
}

static void test_allocation_regime_fields(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(1, JR_REGIME_RESULT);
	a.result_description = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "resultaat");
	a = good(1, JR_REGIME_RESULT);
	a.intensity = 5;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "OB1");
	a = good(1, JR_REGIME_PRODUCT);
	a.volume = 0;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "productcode");
	a = good(1, JR_REGIME_GENERIC);
	a.has_end_date = true;
	a.end = jr_date_from_ymd(2027, 6, 1);
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "zonder product, en zonder einddatum");
	/* under a measure the GI's allocation keeps its end date: the care ends with the measure */
	a.measure = JR_MEASURE_OTS;
	a.broad_analysis = true;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.product_code = true; /* but never a product: the regime has none */
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "zonder product");
	a = good(1, JR_REGIME_RESULT);
	a.has_end_date = true;
	a.end = jr_date_from_ymd(2026, 11, 30);
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "einddatum");
	a.form = 11;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "vorm");
}

/* Issue 14 point 7: a refusal names its field; only the regime's fields; never a GI by choice;
 * a product from the contract's list. */
static void test_allocation_fields_named(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(3, JR_REGIME_RESULT);
	a.contract_covers = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "geen contract");
	assert_string_equal(field_, "provider_id");
	a = good(3, JR_REGIME_RESULT);
	a.referral_valid = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "verwijzing");
	assert_string_equal(field_, "referral_id");
	a = good(3, JR_REGIME_RESULT);
	a.broad_analysis = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "brede");
	assert_null(field_);
	a = good(3, JR_REGIME_RESULT);
	a.intensity = 0;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "OB1");
	assert_string_equal(field_, "intensity");
	a = good(3, JR_REGIME_RESULT);
	a.has_end_date = true;
	a.end = a.start - 1;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "einddatum");
	assert_string_equal(field_, "end");
	a.end = a.start; /* one day */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
}

static void test_allocation_foreign_fields(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(2, JR_REGIME_RESULT);
	a.product_code = true;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "resultaatgericht");
	assert_string_equal(field_, "product_code");
	a = good(2, JR_REGIME_RESULT);
	a.unit_or_frequency = true;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "resultaatgericht");
	assert_string_equal(field_, "unit");
	a = good(2, JR_REGIME_PRODUCT);
	a.intensity = 2;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "productgericht");
	assert_string_equal(field_, "intensity");
	a = good(2, JR_REGIME_PRODUCT);
	a.unit_or_frequency = true; /* the product regime's own */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a = good(2, JR_REGIME_GENERIC);
	a.result_description = true;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "generieke verwijzing");
	assert_string_equal(field_, "result");
	a = good(6, JR_REGIME_GENERIC); /* a regional form: no regime, the fields are left */
	a.product_code = true;
	a.volume = 3;
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	/* the fields the form asks */
	assert_int_equal(jr_allocation_fields(&twente, 2, JR_REGIME_RESULT, false),
			 JR_AF_RESULT | JR_AF_INTENSITY | JR_AF_END);
	assert_int_equal(jr_allocation_fields(&twente, 2, JR_REGIME_PRODUCT, false),
			 JR_AF_PRODUCT_CODE | JR_AF_VOLUME | JR_AF_UNIT | JR_AF_FREQUENCY | JR_AF_END);
	assert_int_equal(jr_allocation_fields(&twente, 2, JR_REGIME_GENERIC, false), 0);
	assert_int_equal(jr_allocation_fields(&twente, 2, JR_REGIME_GENERIC, true), JR_AF_END);
	assert_int_equal(jr_allocation_fields(&twente, 6, JR_REGIME_PRODUCT, false), JR_AF_END);
}

static void test_allocation_product_listed(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(2, JR_REGIME_PRODUCT);
	a.product_listed = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why, "niet in het contract");
	assert_string_equal(field_, "product_code");
}

static void test_allocation_never_a_gi_by_choice(void **state)
{
	(void)state;
	const char *why;
	struct jr_allocation_facts a = good(10, JR_REGIME_RESULT);
	a.provider_gi = true;
	a.municipal_decision = true;
	a.referral_valid = false;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why,
		       "gecertificeerde instelling");
	assert_string_equal(field_, "provider_id");
	a.referral_valid = true; /* a GP's referral does not make the GI a provider to choose */
	a.referrer_type = 2;
	expect_refused(jr_allocation_check(&twente, &a, &why, &field_), &why,
		       "gecertificeerde instelling");
	a.referrer_type = 8; /* the judge's */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
	a.referral_valid = false;
	a.measure = JR_MEASURE_OTS; /* under the measure it carries out */
	assert_int_equal(jr_allocation_check(&twente, &a, &why, &field_), JR_OK);
}

/* The rule against two allocations of one kind at once, at its edges. */
static struct jr_allocation_period period(int form, const char *code, int y1, int m1, int d1,
					  int y2, int m2, int d2)
{
	struct jr_allocation_period p = {.form = form, .start = jr_date_from_ymd(y1, m1, d1)};

	snprintf(p.product_code, sizeof(p.product_code), "%s", code);
	if (y2) {
		p.has_end = true;
		p.end = jr_date_from_ymd(y2, m2, d2);
	}
	return p;
}

static void test_allocation_overlaps(void **state)
{
	(void)state;
	struct jr_allocation_period a = period(3, "", 2026, 1, 1, 2026, 6, 30);
	struct jr_allocation_period b = period(3, "", 2026, 6, 30, 2026, 12, 31);

	assert_true(jr_allocation_overlaps(&a, &b)); /* one shared day */
	b.start = jr_date_from_ymd(2026, 7, 1);      /* adjacent: the day after */
	assert_false(jr_allocation_overlaps(&a, &b));
	assert_false(jr_allocation_overlaps(&b, &a));
	b = period(3, "", 2025, 1, 1, 2025, 12, 31); /* adjacent, before */
	assert_false(jr_allocation_overlaps(&a, &b));
	b.end = jr_date_from_ymd(2026, 1, 1);
	assert_true(jr_allocation_overlaps(&a, &b));
	/* open ends run on */
	a = period(3, "", 2026, 1, 1, 0, 0, 0);
	b = period(3, "", 2030, 1, 1, 0, 0, 0);
	assert_true(jr_allocation_overlaps(&a, &b));
	assert_true(jr_allocation_overlaps(&b, &a));
	b = period(3, "", 2025, 1, 1, 2025, 12, 31); /* ends before the open one starts */
	assert_false(jr_allocation_overlaps(&a, &b));
	/* another form, another product: another kind */
	b = period(4, "", 2026, 3, 1, 2026, 4, 1);
	assert_false(jr_allocation_overlaps(&a, &b));
	a = period(3, "45A03", 2026, 1, 1, 2026, 12, 31);
	b = period(3, "45A04", 2026, 3, 1, 2026, 4, 1);
	assert_false(jr_allocation_overlaps(&a, &b));
	b.product_code[0] = '\0'; /* without a code: the same form is the same kind */
	assert_true(jr_allocation_overlaps(&a, &b));
	snprintf(b.product_code, sizeof(b.product_code), "45A03");
	assert_true(jr_allocation_overlaps(&a, &b));
	/* a stopped allocation counts until the day its care stopped */
	a.stopped = true;
	a.stopped_on = jr_date_from_ymd(2026, 2, 28);
	assert_false(jr_allocation_overlaps(&a, &b));
	b.start = jr_date_from_ymd(2026, 2, 28);
	assert_true(jr_allocation_overlaps(&a, &b));
	a.has_end = false; /* stopped, with no end date */
	b.start = jr_date_from_ymd(2026, 3, 1);
	assert_false(jr_allocation_overlaps(&a, &b));
	a.stopped_on = jr_date_from_ymd(2027, 1, 1); /* stopped after its end: the end holds */
	a.has_end = true;
	b.start = jr_date_from_ymd(2027, 1, 1);
	b.has_end = false;
	assert_false(jr_allocation_overlaps(&a, &b));
	/* a withdrawn one (JZ002 reason 13) overlaps nothing */
	a = period(3, "", 2026, 1, 1, 2026, 1, 1);
	b = period(3, "", 2026, 1, 1, 0, 0, 0);
	assert_true(jr_allocation_overlaps(&a, &b));
	a.withdrawn = true;
	assert_false(jr_allocation_overlaps(&a, &b));
}

/* Principle 8: the terms of the court measures and the judge's authorisations. */
static void test_measure_terms(void **state)
{
	struct jr_measure_term m = {.kind = JR_MEASURE_VOORLOPIGE_OTS,
				    .start = jr_date_from_ymd(2026, 11, 30)};
	(void)state;
	assert_non_null(strstr(jr_measure_term_check(&m), "geef de einddatum"));
	m.has_end = true;
	m.end = jr_date_from_ymd(2027, 2, 28); /* three months, clamped */
	assert_null(jr_measure_term_check(&m));
	m.end = jr_date_from_ymd(2027, 3, 1);
	assert_non_null(strstr(jr_measure_term_check(&m), "art. 1:257 BW"));
	m.end = jr_date_from_ymd(2026, 11, 29);
	assert_non_null(strstr(jr_measure_term_check(&m), "vóór de start"));
	/* issue 15 point 3: an OTS is imposed for at most a year (art. 1:258 BW) */
	m.kind = JR_MEASURE_OTS;
	m.has_end = false;
	assert_non_null(strstr(jr_measure_term_check(&m), "art. 1:258 BW"));
	m.has_end = true;
	m.end = jr_date_from_ymd(2027, 11, 30);
	assert_null(jr_measure_term_check(&m));
	m.end = jr_date_from_ymd(2027, 12, 1);
	assert_non_null(strstr(jr_measure_term_check(&m), "ten hoogste een jaar"));
	/* voogdij and juvenile probation need no end */
	m.kind = JR_MEASURE_VOOGDIJ;
	m.has_end = false;
	assert_null(jr_measure_term_check(&m));
}

/* Issue 15 point 3: the child's age bounds a measure: a child-protection measure ends at its
 * majority (art. 1:233 BW), juvenile probation starts at twelve (DOMAIN.md). */
static void test_measure_ages(void **state)
{
	const char *field;
	struct jr_measure_term m = {.kind = JR_MEASURE_OTS, .start = jr_date_from_ymd(2026, 6, 1),
				    .has_end = true, .end = jr_date_from_ymd(2027, 5, 31),
				    .birth_date = jr_date_from_ymd(2009, 3, 1)};
	(void)state;
	assert_non_null(strstr(jr_measure_term_check_field(&m, &field), "18e verjaardag"));
	assert_string_equal(field, "end");
	m.end = jr_date_from_ymd(2027, 3, 1); /* the eighteenth birthday itself */
	assert_null(jr_measure_term_check_field(&m, &field));
	m.start = jr_date_from_ymd(2027, 3, 1);
	m.end = jr_date_from_ymd(2027, 6, 1);
	assert_non_null(strstr(jr_measure_term_check_field(&m, &field), "minderjarige"));
	assert_string_equal(field, "start");
	m.kind = JR_MEASURE_VOOGDIJ;
	m.has_end = false;
	assert_non_null(jr_measure_term_check_field(&m, &field));
	/* juvenile probation: from twelve, also after eighteen (DOMAIN.md: 12 to 23) */
	m.kind = JR_MEASURE_JEUGDRECLASSERING;
	assert_null(jr_measure_term_check_field(&m, &field));
	m.birth_date = jr_date_from_ymd(2015, 6, 2);
	m.start = jr_date_from_ymd(2027, 6, 1); /* a day before the twelfth birthday */
	assert_non_null(strstr(jr_measure_term_check_field(&m, &field), "12 jaar"));
	assert_string_equal(field, "start");
	m.start = jr_date_from_ymd(2027, 6, 2);
	assert_null(jr_measure_term_check_field(&m, &field));
	/* an extension beyond the eighteenth birthday is refused too */
	m = (struct jr_measure_term){.kind = JR_MEASURE_OTS, .start = jr_date_from_ymd(2026, 1, 1),
				     .has_end = true, .end = jr_date_from_ymd(2026, 12, 31),
				     .birth_date = jr_date_from_ymd(2009, 6, 1)};
	assert_non_null(strstr(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 12, 1),
							  jr_date_from_ymd(2027, 6, 2), &field),
			       "18e verjaardag"));
	assert_null(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 12, 1),
					       jr_date_from_ymd(2027, 6, 1), &field));
}

static void test_measure_extensions(void **state)
{
	const char *field;
	struct jr_measure_term m = {.kind = JR_MEASURE_OTS, .start = jr_date_from_ymd(2026, 1, 1),
				    .has_end = true, .end = jr_date_from_ymd(2026, 12, 31)};
	(void)state;
	assert_null(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 12, 1),
					       jr_date_from_ymd(2027, 12, 31), &field));
	assert_non_null(strstr(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 12, 1),
							  jr_date_from_ymd(2028, 1, 1), &field),
			       "art. 1:260 BW"));
	assert_string_equal(field, "end");
	assert_non_null(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 12, 1), m.end,
						   &field));
	assert_non_null(strstr(jr_measure_extension_check(&m, jr_date_from_ymd(2027, 1, 1),
							  jr_date_from_ymd(2027, 6, 30), &field),
			       "afgelopen"));
	assert_string_equal(field, "court_date");
	/* on its last day it may still be extended */
	assert_null(jr_measure_extension_check(&m, m.end, jr_date_from_ymd(2027, 6, 30), &field));
	m.kind = JR_MEASURE_VOORLOPIGE_OTS;
	m.start = jr_date_from_ymd(2026, 10, 1);
	m.end = jr_date_from_ymd(2026, 11, 30);
	assert_null(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 11, 20),
					       jr_date_from_ymd(2027, 1, 1), &field));
	assert_non_null(strstr(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 11, 20),
							  jr_date_from_ymd(2027, 1, 2), &field),
			       "art. 1:257 BW"));
	m.kind = JR_MEASURE_VOOGDIJ;
	m.has_end = false;
	assert_non_null(strstr(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 11, 20),
							  jr_date_from_ymd(2027, 1, 2), &field),
			       "geen einddatum"));
	/* other measures: any later end */
	m.kind = JR_MEASURE_JEUGDRECLASSERING;
	m.has_end = true;
	assert_null(jr_measure_extension_check(&m, jr_date_from_ymd(2026, 11, 20),
					       jr_date_from_ymd(2029, 1, 2), &field));
}

static void test_authorisations(void **state)
{
	const char *field;
	struct jr_measure_term ots = {.kind = JR_MEASURE_OTS, .start = jr_date_from_ymd(2026, 1, 1),
				      .has_end = true, .end = jr_date_from_ymd(2026, 12, 31)};
	struct jr_measure_term voogdij = {.kind = JR_MEASURE_VOOGDIJ,
					  .start = jr_date_from_ymd(2025, 1, 1)};
	jr_day s = jr_date_from_ymd(2026, 3, 1);
	(void)state;
	assert_null(jr_authorisation_check(&ots, JR_AUTH_UITHUISPLAATSING, s, true,
					   jr_date_from_ymd(2026, 12, 31), &field));
	assert_null(jr_authorisation_check(&ots, JR_AUTH_GESLOTEN, s, true,
					   jr_date_from_ymd(2026, 8, 31), &field));
	ots.kind = JR_MEASURE_VOORLOPIGE_OTS;
	assert_null(jr_authorisation_check(&ots, JR_AUTH_UITHUISPLAATSING, s, true,
					   jr_date_from_ymd(2026, 5, 31), &field));
	ots.kind = JR_MEASURE_OTS;
	assert_non_null(strstr(jr_authorisation_check(&voogdij, JR_AUTH_UITHUISPLAATSING, s, true,
						      jr_date_from_ymd(2026, 5, 31), &field),
			       "1:265b BW"));
	assert_string_equal(field, "kind");
	assert_null(jr_authorisation_check(&voogdij, JR_AUTH_GESLOTEN, s, true,
					   jr_date_from_ymd(2027, 3, 1), &field));
	assert_non_null(strstr(jr_authorisation_check(&voogdij, JR_AUTH_GESLOTEN, s, true,
						      jr_date_from_ymd(2027, 3, 2), &field),
			       "6.1.12 Jeugdwet"));
	assert_string_equal(field, "end");
	assert_non_null(jr_authorisation_check(&ots, JR_AUTH_UITHUISPLAATSING, s, false, 0, &field));
	assert_string_equal(field, "end");
	assert_non_null(strstr(jr_authorisation_check(&ots, JR_AUTH_UITHUISPLAATSING, s, true,
						      jr_date_from_ymd(2027, 1, 1), &field),
			       "niet langer dan de maatregel"));
	assert_non_null(jr_authorisation_check(&ots, JR_AUTH_UITHUISPLAATSING,
					       jr_date_from_ymd(2025, 12, 31), true,
					       jr_date_from_ymd(2026, 6, 1), &field));
	assert_string_equal(field, "start");
	assert_non_null(jr_authorisation_check(&ots, JR_AUTH_GESLOTEN, s, true,
					       jr_date_from_ymd(2026, 2, 1), &field));
	assert_string_equal(field, "end");
	ots.kind = JR_MEASURE_MACHTIGING_GESLOTEN;
	assert_non_null(jr_authorisation_check(&ots, JR_AUTH_GESLOTEN, s, true,
					       jr_date_from_ymd(2026, 6, 1), &field));
	assert_string_equal(field, "kind");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states_round_trip),
		cmocka_unit_test(test_analysed_needs_broad_analysis),
		cmocka_unit_test(test_no_skipping_steps),
		cmocka_unit_test(test_planned_needs_goal_and_light_options),
		cmocka_unit_test(test_in_care_and_evaluated),
		cmocka_unit_test(test_withdraw_and_finality),
		cmocka_unit_test(test_settled_without_youth_care),
		cmocka_unit_test(test_allocation_passes),
		cmocka_unit_test(test_allocation_provider_and_contract),
		cmocka_unit_test(test_allocation_stay_under_ots_needs_machtiging),
		cmocka_unit_test(test_allocation_referral_or_decision),
		cmocka_unit_test(test_allocation_broad_analysis_edges),
		cmocka_unit_test(test_allocation_regime_fields),
		cmocka_unit_test(test_allocation_fields_named),
		cmocka_unit_test(test_allocation_foreign_fields),
		cmocka_unit_test(test_allocation_product_listed),
		cmocka_unit_test(test_allocation_never_a_gi_by_choice),
		cmocka_unit_test(test_allocation_overlaps),
		cmocka_unit_test(test_measure_terms),
		cmocka_unit_test(test_measure_ages),
		cmocka_unit_test(test_measure_extensions),
		cmocka_unit_test(test_authorisations),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
