/* Unit tests for core/budget: the budget ceiling's percentage and warnings (80 % and 100 %, exact
 * at the border, credits, overflow-safe) and the occupancy of the places of a form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/budget.h"

static void test_ceiling_levels(void **state)
{
	struct jr_budget_state b;
	(void)state;

	assert_int_equal(jr_budget_compute(100000, 0, &b), JR_OK);
	assert_int_equal(b.percent, 0);
	assert_int_equal(b.level, JR_BUDGET_UNDER);
	assert_int_equal(b.left_cents, 100000);
	/* one cent below 80 %: no warning yet */
	assert_int_equal(jr_budget_compute(100000, 79999, &b), JR_OK);
	assert_int_equal(b.percent, 79);
	assert_int_equal(b.level, JR_BUDGET_UNDER);
	/* exactly 80 %: the warning */
	assert_int_equal(jr_budget_compute(100000, 80000, &b), JR_OK);
	assert_int_equal(b.percent, 80);
	assert_int_equal(b.level, JR_BUDGET_NEAR);
	assert_string_equal(jr_budget_level_name(b.level), "near");
	/* one cent below the ceiling: still near, 99 % */
	assert_int_equal(jr_budget_compute(100000, 99999, &b), JR_OK);
	assert_int_equal(b.percent, 99);
	assert_int_equal(b.level, JR_BUDGET_NEAR);
	assert_int_equal(b.left_cents, 1);
	/* the ceiling itself, and beyond it */
	assert_int_equal(jr_budget_compute(100000, 100000, &b), JR_OK);
	assert_int_equal(b.percent, 100);
	assert_int_equal(b.level, JR_BUDGET_REACHED);
	assert_int_equal(b.left_cents, 0);
	assert_int_equal(jr_budget_compute(100000, 150050, &b), JR_OK);
	assert_int_equal(b.percent, 150);
	assert_int_equal(b.level, JR_BUDGET_REACHED);
	assert_int_equal(b.left_cents, -50050);
}

static void test_ceiling_border_not_rounded(void **state)
{
	struct jr_budget_state b;
	(void)state;

	/* 80 % of 3 cents is 2.4: 2 cents is below it, 3 reaches the ceiling */
	assert_int_equal(jr_budget_compute(3, 2, &b), JR_OK);
	assert_int_equal(b.level, JR_BUDGET_UNDER);
	assert_int_equal(b.percent, 66);
	/* 80 % of 7 cents is 5.6: 6 cents is near */
	assert_int_equal(jr_budget_compute(7, 5, &b), JR_OK);
	assert_int_equal(b.level, JR_BUDGET_UNDER);
	assert_int_equal(jr_budget_compute(7, 6, &b), JR_OK);
	assert_int_equal(b.level, JR_BUDGET_NEAR);
	assert_int_equal(b.percent, 85);
}

static void test_ceiling_credits_and_bounds(void **state)
{
	struct jr_budget_state b;
	(void)state;

	/* more credited than debited: counts as nothing claimed */
	assert_int_equal(jr_budget_compute(100000, -500, &b), JR_OK);
	assert_int_equal(b.claimed_cents, 0);
	assert_int_equal(b.percent, 0);
	assert_int_equal(b.level, JR_BUDGET_UNDER);
	/* a ceiling must be there and not absurd */
	assert_int_equal(jr_budget_compute(0, 10, &b), JR_ERR_INPUT);
	assert_int_equal(jr_budget_compute(-1, 10, &b), JR_ERR_INPUT);
	assert_int_equal(jr_budget_compute(JR_BUDGET_CEILING_MAX + 1, 10, &b), JR_ERR_INPUT);
	/* the largest ceiling, fully claimed, and a claim far beyond a small one: no overflow */
	assert_int_equal(jr_budget_compute(JR_BUDGET_CEILING_MAX, JR_BUDGET_CEILING_MAX, &b), JR_OK);
	assert_int_equal(b.percent, 100);
	assert_int_equal(b.level, JR_BUDGET_REACHED);
	assert_int_equal(jr_budget_compute(1, INT64_MAX, &b), JR_OK);
	assert_int_equal(b.percent, 999);
	assert_int_equal(b.level, JR_BUDGET_REACHED);
}

static void test_ceiling_warning_text(void **state)
{
	struct jr_budget_state b;
	char text[256];
	(void)state;

	assert_int_equal(jr_budget_compute(100000, 85000, &b), JR_OK);
	jr_budget_warning(&b, 2026, text, sizeof(text));
	assert_non_null(strstr(text, "85 %"));
	assert_non_null(strstr(text, "2026"));
	assert_non_null(strstr(text, "80 %"));
	assert_int_equal(jr_budget_compute(100000, 100000, &b), JR_OK);
	jr_budget_warning(&b, 2026, text, sizeof(text));
	assert_non_null(strstr(text, "bereikt"));
	assert_int_equal(jr_budget_compute(100000, 1000, &b), JR_OK);
	jr_budget_warning(&b, 2026, text, sizeof(text));
	assert_string_equal(text, "");
}

static void test_occupancy(void **state)
{
	struct jr_occupancy o;
	(void)state;

	assert_int_equal(jr_occupancy_compute(12, 3, &o), JR_OK);
	assert_int_equal(o.free, 9);
	assert_int_equal(o.percent, 25);
	assert_false(o.full);
	assert_int_equal(jr_occupancy_compute(12, 12, &o), JR_OK);
	assert_int_equal(o.free, 0);
	assert_int_equal(o.percent, 100);
	assert_true(o.full);
	/* more running than places: over, and said so */
	assert_int_equal(jr_occupancy_compute(4, 6, &o), JR_OK);
	assert_int_equal(o.free, -2);
	assert_int_equal(o.percent, 150);
	assert_true(o.full);
	/* no places given: occupancy counted, never full, no percentage */
	assert_int_equal(jr_occupancy_compute(0, 5, &o), JR_OK);
	assert_int_equal(o.occupied, 5);
	assert_int_equal(o.percent, 0);
	assert_false(o.full);
	assert_int_equal(jr_occupancy_compute(-1, 0, &o), JR_ERR_INPUT);
	assert_int_equal(jr_occupancy_compute(3, -1, &o), JR_ERR_INPUT);
	assert_int_equal(jr_occupancy_compute(JR_CAPACITY_MAX + 1, 0, &o), JR_ERR_INPUT);
	assert_int_equal(jr_occupancy_compute(1, 100000, &o), JR_OK);
	assert_int_equal(o.percent, 999);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ceiling_levels),
		cmocka_unit_test(test_ceiling_border_not_rounded),
		cmocka_unit_test(test_ceiling_credits_and_bounds),
		cmocka_unit_test(test_ceiling_warning_text),
		cmocka_unit_test(test_occupancy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
