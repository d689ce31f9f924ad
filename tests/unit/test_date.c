/* Unit tests for core/date: parsing real dates, day arithmetic, ages and anniversaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

static jr_day d(const char *s)
{
	jr_day out = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &out), JR_OK);
	return out;
}

static void test_date_epoch_and_known_days(void **state)
{
	(void)state;
	assert_int_equal(d("1970-01-01"), 0);
	assert_int_equal(d("1970-01-02"), 1);
	assert_int_equal(d("1969-12-31"), -1);
	assert_int_equal(d("2000-03-01") - d("2000-02-28"), 2); /* 2000 is a leap year */
	assert_int_equal(d("1900-03-01") - d("1900-02-28"), 1); /* 1900 is not */
	assert_int_equal(d("2026-11-23") - d("2025-11-23"), 365);
}

static void test_date_round_trip(void **state)
{
	(void)state;
	char s[JR_DATE_STRLEN];
	for (jr_day day = d("1900-01-01"); day <= d("2199-12-31"); day += 97) {
		int y, m, dd;
		jr_date_to_ymd(day, &y, &m, &dd);
		assert_true(jr_date_valid(y, m, dd));
		assert_int_equal(jr_date_from_ymd(y, m, dd), day);
		jr_date_format(day, s);
		assert_int_equal(d(s), day);
	}
	jr_date_format(d("2024-02-29"), s);
	assert_string_equal(s, "2024-02-29");
}

static void test_date_rejects_impossible_and_malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
		"1899-12-31", "2200-01-01", "2024-1-01",  "2024/01/01", "20240101",   "",
		"2024-01-01T", "abcd-ef-gh", "2024-01-0a", " 2024-01-01", "+024-01-01",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		jr_day out;
		assert_int_equal(jr_date_parse(bad[i], strlen(bad[i]), &out), JR_ERR_INPUT);
	}
}

static void test_date_length_is_respected(void **state)
{
	(void)state;
	jr_day out;
	/* a slice of a longer string */
	assert_int_equal(jr_date_parse("2024-05-06xyz", 10, &out), JR_OK);
	assert_int_equal(out, d("2024-05-06"));
}

static void test_date_age(void **state)
{
	(void)state;
	assert_int_equal(jr_date_age_years(d("2008-11-23"), d("2026-11-23")), 18);
	assert_int_equal(jr_date_age_years(d("2008-11-24"), d("2026-11-23")), 17);
	assert_int_equal(jr_date_age_years(d("2026-11-23"), d("2026-11-23")), 0);
	assert_int_equal(jr_date_age_years(d("2026-11-24"), d("2026-11-23")), -1);
	/* born on 29 February: 18 on 1 March in a common year */
	assert_int_equal(jr_date_age_years(d("2008-02-29"), d("2026-02-28")), 17);
	assert_int_equal(jr_date_age_years(d("2008-02-29"), d("2026-03-01")), 18);
}

static void test_date_add_years(void **state)
{
	(void)state;
	assert_int_equal(jr_date_add_years(d("2008-11-23"), 18), d("2026-11-23"));
	assert_int_equal(jr_date_add_years(d("2008-02-29"), 18), d("2026-03-01"));
	assert_int_equal(jr_date_add_years(d("2008-02-29"), 16), d("2024-02-29"));
}

/* IV076's example: an allocation of 11 July to 4 September 2022, three hours a week, claimed by
 * calendar month: July's product period touches 3 weeks, August's 5, September's (1 to 4) 1, the
 * whole allocation 8. */
static void test_date_add_months(void **state)
{
	(void)state;
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 10, 1), 3),
			 jr_date_from_ymd(2027, 1, 1));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 11, 30), 3),
			 jr_date_from_ymd(2027, 2, 28));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2027, 11, 30), 3),
			 jr_date_from_ymd(2028, 2, 29));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 1, 31), 1),
			 jr_date_from_ymd(2026, 2, 28));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 5, 31), 12),
			 jr_date_from_ymd(2027, 5, 31));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 1, 15), -1),
			 jr_date_from_ymd(2025, 12, 15));
	assert_int_equal(jr_date_add_months(jr_date_from_ymd(2026, 12, 15), 0),
			 jr_date_from_ymd(2026, 12, 15));
}

static void test_date_weeks(void **state)
{
	jr_day jul11 = jr_date_from_ymd(2022, 7, 11), sep4 = jr_date_from_ymd(2022, 9, 4);

	(void)state;
	assert_int_equal(jr_date_monday(jul11), jul11);
	assert_int_equal(jr_date_monday(sep4), jr_date_from_ymd(2022, 8, 29));
	assert_int_equal(jr_date_monday(0), jr_date_from_ymd(1969, 12, 29));
	assert_int_equal(jr_date_monday(-2), jr_date_from_ymd(1969, 12, 29));
	assert_int_equal(jr_date_weeks_touched(jul11, jr_date_from_ymd(2022, 7, 31)), 3);
	assert_int_equal(jr_date_weeks_touched(jr_date_from_ymd(2022, 8, 1),
					       jr_date_from_ymd(2022, 8, 31)), 5);
	assert_int_equal(jr_date_weeks_touched(jr_date_from_ymd(2022, 9, 1), sep4), 1);
	assert_int_equal(jr_date_weeks_touched(jul11, sep4), 8);
	assert_int_equal(jr_date_weeks_touched(sep4, sep4), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_epoch_and_known_days),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_date_rejects_impossible_and_malformed),
		cmocka_unit_test(test_date_length_is_respected),
		cmocka_unit_test(test_date_age),
		cmocka_unit_test(test_date_add_years),
		cmocka_unit_test(test_date_weeks),
		cmocka_unit_test(test_date_add_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
