/* Unit tests for core/workdays: Easter, the Algemene termijnenwet's holidays, working days. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/workdays.h"

static jr_day d(const char *s)
{
	jr_day out = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &out), JR_OK);
	return out;
}

static void test_easter_known_years(void **state)
{
	(void)state;
	assert_int_equal(jr_easter(2024), d("2024-03-31"));
	assert_int_equal(jr_easter(2025), d("2025-04-20"));
	assert_int_equal(jr_easter(2026), d("2026-04-05"));
	assert_int_equal(jr_easter(2027), d("2027-03-28"));
	assert_int_equal(jr_easter(2000), d("2000-04-23"));
	assert_int_equal(jr_easter(2008), d("2008-03-23")); /* early */
	assert_int_equal(jr_easter(2038), d("2038-04-25")); /* the latest possible */
	assert_int_equal(jr_easter(1943), d("1943-04-25"));
}

static void test_holidays(void **state)
{
	(void)state;
	assert_true(jr_holiday(d("2025-01-01")));
	assert_true(jr_holiday(d("2025-04-20")));  /* Eerste Paasdag */
	assert_true(jr_holiday(d("2025-04-21")));  /* Tweede Paasdag */
	assert_false(jr_holiday(d("2025-04-18"))); /* Goede Vrijdag is not an Atw holiday */
	/* 27 April 2025 is a Sunday: Koningsdag is Saturday 26 April */
	assert_true(jr_holiday(d("2025-04-26")));
	assert_false(jr_holiday(d("2025-04-27")));
	assert_true(jr_holiday(d("2026-04-27")));
	assert_false(jr_holiday(d("2026-04-26")));
	assert_true(jr_holiday(d("2014-04-26")));  /* also a Sunday 27th */
	assert_true(jr_holiday(d("2025-05-05")));  /* Bevrijdingsdag, every year */
	assert_true(jr_holiday(d("2026-05-05")));
	assert_true(jr_holiday(d("2025-05-29")));  /* Hemelvaartsdag */
	assert_true(jr_holiday(d("2025-06-08")));  /* Pinksteren */
	assert_true(jr_holiday(d("2025-06-09")));
	assert_true(jr_holiday(d("2026-05-14")));
	assert_true(jr_holiday(d("2026-05-25")));
	assert_true(jr_holiday(d("2026-12-25")));
	assert_true(jr_holiday(d("2026-12-26")));
	assert_false(jr_holiday(d("2026-12-24")));
	assert_false(jr_holiday(d("2026-12-31")));
}

static void test_workday(void **state)
{
	(void)state;
	assert_true(jr_workday(d("2026-12-04")));  /* a Friday */
	assert_false(jr_workday(d("2026-12-05"))); /* Saturday */
	assert_false(jr_workday(d("2026-12-06"))); /* Sunday */
	assert_false(jr_workday(d("2026-04-06"))); /* Tweede Paasdag, a Monday */
	assert_true(jr_workday(d("2026-04-03")));  /* Goede Vrijdag */
}

static void test_workdays_add(void **state)
{
	(void)state;
	assert_int_equal(jr_workdays_add(d("2026-12-04"), 0), d("2026-12-04"));
	assert_int_equal(jr_workdays_add(d("2026-12-04"), 1), d("2026-12-07"));
	/* Friday 19 December 2025: 22, 23, 24, (Christmas, weekend) 29, 30 */
	assert_int_equal(jr_workdays_add(d("2025-12-19"), 5), d("2025-12-30"));
	/* Thursday 2 April 2026: 3, (weekend, Tweede Paasdag) 7, 8, 9, 10 */
	assert_int_equal(jr_workdays_add(d("2026-04-02"), 5), d("2026-04-10"));
	/* a request received on a Saturday counts from the Monday */
	assert_int_equal(jr_workdays_add(d("2026-12-05"), 5), d("2026-12-11"));
}

static void test_workdays_between(void **state)
{
	(void)state;
	assert_int_equal(jr_workdays_between(d("2025-12-19"), d("2025-12-30")), 5);
	assert_int_equal(jr_workdays_between(d("2025-12-30"), d("2025-12-19")), -5);
	assert_int_equal(jr_workdays_between(d("2026-12-04"), d("2026-12-04")), 0);
	assert_int_equal(jr_workdays_between(d("2026-12-04"), d("2026-12-06")), 0);
	for (int n = 0; n < 40; n++)
		assert_int_equal(jr_workdays_between(d("2026-04-01"),
						     jr_workdays_add(d("2026-04-01"), n)), n);
}

static void test_term_end(void **state)
{
	(void)state;
	assert_int_equal(jr_term_end(d("2026-12-04")), d("2026-12-04"));
	assert_int_equal(jr_term_end(d("2026-12-05")), d("2026-12-07"));
	assert_int_equal(jr_term_end(d("2025-05-05")), d("2025-05-06"));
	/* Saturday 25 April 2026, Sunday, Koningsdag Monday 27: Tuesday 28 */
	assert_int_equal(jr_term_end(d("2026-04-25")), d("2026-04-28"));
	/* Saturday 26 December 2026 (Tweede Kerstdag), Sunday: Monday 28 */
	assert_int_equal(jr_term_end(d("2026-12-26")), d("2026-12-28"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_known_years),
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_workday),
		cmocka_unit_test(test_workdays_add),
		cmocka_unit_test(test_workdays_between),
		cmocka_unit_test(test_term_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
