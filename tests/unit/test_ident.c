/* Unit tests for core/ident: BSN eleven-test, AGB and CBS code shapes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/ident.h"

#define BSN(s) jr_bsn_valid((s), strlen(s))
#define AGB(s) jr_agb_valid((s), strlen(s))
#define CBS(s) jr_cbs_code_valid((s), strlen(s))

static void test_bsn_valid_numbers(void **state)
{
	(void)state;
	/* 9*1+8*1+7*1+6*1+5*1+4*1+3*1+2*1 = 44, minus 0 -> multiple of 11 */
	assert_true(BSN("111111110"));
	/* 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8 = 156; 156 - 2 = 154 = 14*11 */
	assert_true(BSN("123456782"));
	assert_true(BSN("999999990")); /* 9*44 = 396 = 36*11 */
}

static void test_bsn_invalid_numbers(void **state)
{
	(void)state;
	assert_false(BSN("123456789")); /* fails the eleven-test */
	assert_false(BSN("111111111"));
	assert_false(BSN("000000000")); /* all zero */
	assert_false(BSN("12345678"));  /* 8 digits */
	assert_false(BSN("1234567820")); /* 10 digits */
	assert_false(BSN("12345678a"));
	assert_false(BSN(""));
	assert_false(BSN("-23456782"));
}

static void test_bsn_checks_only_the_given_length(void **state)
{
	(void)state;
	assert_true(jr_bsn_valid("123456782999", 9));
	assert_false(jr_bsn_valid("123456782", 8));
}

static void test_agb(void **state)
{
	(void)state;
	assert_true(AGB("01012345"));
	assert_true(AGB("99999999"));
	assert_false(AGB("00000000"));
	assert_false(AGB("1234567"));
	assert_false(AGB("123456789"));
	assert_false(AGB("1234567x"));
	assert_false(AGB(""));
}

static void test_cbs_code(void **state)
{
	(void)state;
	assert_true(CBS("0153"));
	assert_true(CBS("1735"));
	assert_false(CBS("0000"));
	assert_false(CBS("153"));
	assert_false(CBS("01530"));
	assert_false(CBS("GM01"));
	assert_false(CBS(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bsn_valid_numbers),
		cmocka_unit_test(test_bsn_invalid_numbers),
		cmocka_unit_test(test_bsn_checks_only_the_given_length),
		cmocka_unit_test(test_agb),
		cmocka_unit_test(test_cbs_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
