/* Unit tests for the scenario computation (report/scenario.c, app/scenario.c): the category of
 * an answer, the tally, the binomial draws, the bootstrap (no spread without variation, the
 * spread around the value, the same seed the same figures), the historical outcomes, the
 * suppression of small cells in the JSON, and the tariff file's checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "app/scenario.h"
#include "core/alloc.h"
#include "json/policy_set.h"
#include "report/scenario.h"

/* An eligible answer whose options are youth-care forms `forms` (0 ends; 0 first: light). */
static void answer(struct jr_answer *a, const int *forms, size_t n)
{
	memset(a, 0, sizeof(*a));
	a->eligible = true;
	for (size_t i = 0; i < n; i++) {
		struct jr_option *o = &a->options[a->option_count++];
		o->kind = forms[i] ? JR_OPTION_YOUTH_CARE : JR_OPTION_SOCIAL_BASE;
		o->form = forms[i];
	}
}

/* Adds `n` requests of municipality `m` going from category b to s. */
static void add(struct jr_scen_tally *t, size_t m, int b, int s, int n)
{
	struct jr_answer *x = jr_calloc(2, sizeof(*x));
	int fb[1] = {b}, fs[1] = {s};

	answer(&x[0], fb, 1);
	answer(&x[1], fs, 1);
	for (int i = 0; i < n; i++)
		jr_scen_count(t, m, &x[0], &x[1]);
	t->read += (uint64_t)n;
	jr_free(x);
}

static void test_category(void **state)
{
	struct jr_answer *a = jr_calloc(1, sizeof(*a));
	const int light_then_3[] = {0, 3, 5}, none[] = {0};
	(void)state;

	/* the advice is the first option: light help first, youth care as the next step */
	answer(a, light_then_3, 3);
	assert_int_equal(jr_scen_category(a), JR_SCEN_LIGHT);
	answer(a, light_then_3 + 1, 2);
	assert_int_equal(jr_scen_category(a), 3);
	/* coordination goes beside help: passed over */
	a->options[0].kind = JR_OPTION_COORDINATION;
	a->options[0].form = 0;
	assert_int_equal(jr_scen_category(a), 5);
	answer(a, none, 1);
	assert_int_equal(jr_scen_category(a), JR_SCEN_LIGHT);
	a->eligible = false;
	assert_int_equal(jr_scen_category(a), JR_SCEN_NOT_ELIGIBLE);
	jr_free(a);
}

static void test_tally_options_and_merge(void **state)
{
	struct jr_scen_tally *t = jr_calloc(2, sizeof(*t));
	struct jr_answer *x = jr_calloc(2, sizeof(*x));
	const int base[] = {3, 0, 5}, scen[] = {0, 1};
	(void)state;

	answer(&x[0], base, 3);
	answer(&x[1], scen, 2);
	jr_scen_count(&t[0], 2, &x[0], &x[1]);
	jr_scen_count(&t[1], 2, &x[0], &x[1]);
	jr_scen_merge(&t[0], &t[1]);
	assert_int_equal(t[0].accepted, 2);
	assert_int_equal(t[0].cls[2][3][JR_SCEN_LIGHT], 2); /* youth care first → light first */
	assert_int_equal(t[0].options[0][2][JR_SCEN_LIGHT], 2);
	assert_int_equal(t[0].options[0][2][3], 2);
	assert_int_equal(t[0].options[0][2][5], 2);
	assert_int_equal(t[0].options[1][2][1], 2);
	assert_int_equal(t[0].options[1][2][5], 0);
	jr_free(t);
	jr_free(x);
}

static void test_binomial(void **state)
{
	uint64_t st = 42, sum = 0;
	(void)state;

	assert_int_equal(jr_scen_binomial(&st, 0, 0.5), 0);
	assert_int_equal(jr_scen_binomial(&st, 10, 0), 0);
	assert_int_equal(jr_scen_binomial(&st, 10, 1), 10);
	/* small mean (inversion): 2000 draws of Bin(20, 0.1), mean 2 */
	for (int i = 0; i < 2000; i++) {
		uint64_t k = jr_scen_binomial(&st, 20, 0.1);
		assert_true(k <= 20);
		sum += k;
	}
	assert_in_range(sum, 3700, 4300);
	/* large mean (normal): 2000 draws of Bin(1e6, 0.3), mean 300000, sd 458 */
	sum = 0;
	for (int i = 0; i < 2000; i++) {
		uint64_t k = jr_scen_binomial(&st, 1000000, 0.3);
		assert_in_range(k, 297000, 303000);
		sum += k;
	}
	assert_in_range(sum / 2000, 299900, 300100);
	/* p above one half is drawn as its complement */
	sum = 0;
	for (int i = 0; i < 2000; i++)
		sum += jr_scen_binomial(&st, 20, 0.9);
	assert_in_range(sum, 35700, 36300);
}

static struct jr_scen_params *params(int resamples, uint64_t seed)
{
	struct jr_scen_params *p = jr_calloc(1, sizeof(*p));

	p->resamples = resamples;
	p->seed = seed;
	p->out_of_home[0][5] = p->out_of_home[1][5] = true;
	return p;
}

static void test_bootstrap_no_variation(void **state)
{
	struct jr_scen_tally *t = jr_calloc(1, sizeof(*t));
	struct jr_scen_params *p = params(200, 1);
	struct jr_scen_spread sp;
	(void)state;

	/* every request the same class: every resample is the population itself */
	add(t, 0, 3, 5, 400);
	assert_int_equal(jr_scen_bootstrap(t, p, &sp), JR_OK);
	assert_int_equal(sp.resamples, 200);
	assert_true(sp.stat[JR_SCEN_ST_YOUTH_CARE_BASE].p5 == 400);
	assert_true(sp.stat[JR_SCEN_ST_YOUTH_CARE_BASE].p95 == 400);
	assert_true(sp.stat[JR_SCEN_ST_OUT_OF_HOME_SCEN].p50 == 400);
	assert_true(sp.stat[JR_SCEN_ST_OUT_OF_HOME_BASE].p50 == 0);
	assert_true(sp.stat[JR_SCEN_ST_SHARE_DIFF].p50 == 1.0);
	assert_true(sp.stat[JR_SCEN_ST_FORM_DIFF + 3].p5 == -400);
	/* the resample count is bounded */
	p->resamples = 0;
	assert_int_equal(jr_scen_bootstrap(t, p, &sp), JR_ERR_INPUT);
	p->resamples = JR_SCEN_RESAMPLES_MAX + 1;
	assert_int_equal(jr_scen_bootstrap(t, p, &sp), JR_ERR_INPUT);
	jr_free(t);
	jr_free(p);
}

static void test_bootstrap_spread(void **state)
{
	struct jr_scen_tally *t = jr_calloc(1, sizeof(*t));
	struct jr_scen_params *p = params(1000, 7);
	struct jr_scen_spread a, b;
	double point[JR_SCEN_ST_COUNT];
	const struct jr_scen_pct *yc;
	(void)state;

	/* 1000 requests: 700 stay light, 300 move from light to form 1 */
	add(t, 0, JR_SCEN_LIGHT, JR_SCEN_LIGHT, 700);
	add(t, 1, JR_SCEN_LIGHT, 1, 300);
	p->tariff[1] = 1000;
	jr_scen_point(t, p, point);
	assert_true(point[JR_SCEN_ST_YOUTH_CARE_SCEN] == 300);
	assert_true(point[JR_SCEN_ST_COST_DIFF] == 300000);
	assert_int_equal(jr_scen_bootstrap(t, p, &a), JR_OK);
	/* Bin(1000, 0.3): sd 14.5, so the 90 % band is about 300 ± 24 */
	yc = &a.stat[JR_SCEN_ST_YOUTH_CARE_SCEN];
	assert_true(yc->p5 < yc->p50 && yc->p50 < yc->p95);
	assert_true(yc->p5 > 260 && yc->p5 < 290);
	assert_true(yc->p50 >= 290 && yc->p50 <= 310);
	assert_true(yc->p95 > 310 && yc->p95 < 340);
	assert_true(a.stat[JR_SCEN_ST_COST_DIFF].p50 == yc->p50 * 1000);
	assert_true(a.stat[JR_SCEN_ST_YOUTH_CARE_BASE].p95 == 0);
	/* the same seed, the same spread; another seed, another */
	assert_int_equal(jr_scen_bootstrap(t, p, &b), JR_OK);
	assert_memory_equal(&a, &b, sizeof(a));
	p->seed = 8;
	assert_int_equal(jr_scen_bootstrap(t, p, &b), JR_OK);
	assert_true(memcmp(&a, &b, sizeof(a)) != 0);
	jr_free(t);
	jr_free(p);
}

static void test_outcomes(void **state)
{
	struct jr_scen_tally *t = jr_calloc(1, sizeof(*t));
	struct jr_scen_params *p = params(500, 3);
	struct jr_scen_spread sp;
	double point[JR_SCEN_ST_COUNT];
	(void)state;

	/* 200 requests advised form 3 under base, form 5 under the scenario; history: half of
	 * form 3's advice was allocated, all of form 5's */
	add(t, 0, 3, 5, 200);
	p->has_outcomes = true;
	p->advised[3] = 100;
	p->realised[3] = 50;
	p->advised[5] = 40;
	p->realised[5] = 40;
	jr_scen_point(t, p, point);
	assert_true(point[JR_SCEN_ST_FORM_BASE + 3] == 100);
	assert_true(point[JR_SCEN_ST_FORM_SCEN + 5] == 200);
	assert_true(point[JR_SCEN_ST_YOUTH_CARE_DIFF] == 100);
	assert_int_equal(jr_scen_bootstrap(t, p, &sp), JR_OK);
	/* the spread now comes from the history: rate Bin(100, 0.5)/100, sd 0.05 → ±10 of 200 */
	assert_true(sp.stat[JR_SCEN_ST_FORM_BASE + 3].p5 < 100);
	assert_true(sp.stat[JR_SCEN_ST_FORM_BASE + 3].p95 > 100);
	assert_true(sp.stat[JR_SCEN_ST_FORM_SCEN + 5].p5 == 200);
	/* a history with a small cell is not used: 3 of 6 realised, 3 not */
	p->advised[3] = 6;
	p->realised[3] = 3;
	assert_false(jr_scen_history_used(p, 3));
	assert_true(jr_scen_history_used(p, 5));
	jr_scen_point(t, p, point);
	assert_true(point[JR_SCEN_ST_FORM_BASE + 3] == 200);
	p->realised[3] = 6; /* all realised: nothing small */
	assert_true(jr_scen_history_used(p, 3));
	jr_free(t);
	jr_free(p);
}

static const struct jr_policy *twente(struct jr_policy_set *set)
{
	struct jr_diag diag;
	const char *bad;

	jr_policy_set_init(set);
	assert_int_equal(jr_policy_set_add_file(set, JR_TEST_POLICY_DIR "/twente.json", &diag, &bad),
			 JR_OK);
	return set->policies[0];
}

static void test_json_suppression(void **state)
{
	struct jr_policy_set set;
	const struct jr_policy *pol = twente(&set);
	struct jr_scen_tally *t = jr_calloc(1, sizeof(*t));
	struct jr_scen_params *p = params(50, 1);
	struct jr_scen_spread sp;
	struct jr_buf out;
	json_t *root, *m0, *m1, *f;
	json_error_t jerr;
	(void)state;

	jr_buf_init(&out, 1 << 22);
	jr_scen_out_of_home(p, 0, pol);
	jr_scen_out_of_home(p, 1, pol);
	/* municipality 0: 40 light, 3 to form 2 (a small cell); municipality 1: 40 light, 20 to
	 * form 2 */
	add(t, 0, JR_SCEN_LIGHT, JR_SCEN_LIGHT, 40);
	add(t, 0, 2, 2, 3);
	add(t, 1, JR_SCEN_LIGHT, JR_SCEN_LIGHT, 40);
	add(t, 1, 2, 2, 20);
	assert_int_equal(jr_scen_bootstrap(t, p, &sp), JR_OK);
	assert_int_equal(jr_scen_write_json(&out, t, p, &sp, pol, pol, "nee"), JR_OK);
	root = json_loads(jr_buf_str(&out), 0, &jerr);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(root, "population"),
							      "accepted")),
			 103);
	m0 = json_array_get(json_object_get(root, "municipalities"), 0);
	m1 = json_array_get(json_object_get(root, "municipalities"), 1);
	assert_string_equal(json_string_value(json_object_get(m0, "name")), "Almelo");
	/* the small cell is hidden ... */
	f = json_object_get(json_array_get(json_object_get(m0, "forms"), 2), "allocations");
	assert_true(json_is_null(json_object_get(f, "base")));
	assert_true(json_is_null(json_object_get(f, "difference")));
	/* ... and so is what it could be worked out from: the municipality's light help (43 - 3)
	 * or its youth care (3) */
	f = json_object_get(json_array_get(json_object_get(m0, "forms"), 0), "allocations");
	assert_true(json_is_null(json_object_get(f, "base")) ||
		    json_is_null(json_object_get(m0, "requests")));
	assert_true(json_is_null(json_object_get(json_object_get(m0, "youth_care"), "base")));
	/* the other municipality's 20 could give the 3 away from the region's 23: hidden too,
	 * or the region's total of form 2 is */
	f = json_object_get(json_array_get(json_object_get(m1, "forms"), 2), "allocations");
	assert_true(json_is_null(json_object_get(f, "base")) ||
		    json_is_null(json_object_get(
			    json_object_get(json_array_get(json_object_get(root, "forms"), 2),
					    "allocations"),
			    "base")));
	/* empty cells are shown as 0 */
	f = json_object_get(json_array_get(json_object_get(m1, "forms"), 9), "allocations");
	assert_int_equal(json_integer_value(json_object_get(f, "base")), 0);
	json_decref(root);
	jr_buf_release(&out);
	jr_policy_set_release(&set);
	jr_free(t);
	jr_free(p);
}

static void test_tariffs(void **state)
{
	double tariff[JR_SCEN_CATS];
	struct jr_diag diag;
	const char *good = "{\"tariffs\": {\"1\": 3500, \"9\": 145000.5}}";
	(void)state;

	assert_int_equal(jr_app_scenario_tariffs(good, strlen(good), tariff, &diag), JR_OK);
	assert_true(tariff[1] == 3500 && tariff[9] == 145000.5 && tariff[2] == 0);
	assert_int_equal(jr_app_scenario_tariffs("{\"tariffs\": {\"11\": 1}}", 22, tariff, &diag),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "tariffs");
	assert_int_equal(jr_app_scenario_tariffs("{\"tariffs\": {\"3\": -1}}", 22, tariff, &diag),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "tariffs.3");
	assert_int_equal(jr_app_scenario_tariffs("{\"tariffs\": [1]}", 16, tariff, &diag),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "tariffs");
	assert_int_equal(jr_app_scenario_tariffs("{\"tariffs\": ", 12, tariff, &diag),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "$");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_category),
		cmocka_unit_test(test_tally_options_and_merge),
		cmocka_unit_test(test_binomial),
		cmocka_unit_test(test_bootstrap_no_variation),
		cmocka_unit_test(test_bootstrap_spread),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_json_suppression),
		cmocka_unit_test(test_tariffs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
