/* Unit tests for core/referral_letter: the letter's words and whose consent a child's age asks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/referral_letter.h"

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(jr_referral_urgency_count, 3);
	assert_int_equal(jr_referral_consent_count, 3);
	assert_non_null(jr_referral_word_label(jr_referral_urgencies, jr_referral_urgency_count,
	                                       "urgent"));
	assert_non_null(
	    jr_referral_word_label(jr_referral_consents, jr_referral_consent_count, "youth"));
	assert_null(jr_referral_word_label(jr_referral_urgencies, jr_referral_urgency_count, ""));
	assert_null(jr_referral_word_label(jr_referral_urgencies, jr_referral_urgency_count,
	                                   "Urgent")); /* codes are exact */
	assert_null(jr_referral_word_label(jr_referral_consents, jr_referral_consent_count, NULL));
	assert_null(jr_referral_word_label(jr_referral_consents, jr_referral_consent_count,
	                                   "regular")); /* another list's code */
}

static void test_consent_by_age(void **state)
{
	(void)state;
	/* under 12: the parents */
	assert_null(jr_referral_consent_problem("parents", 0));
	assert_null(jr_referral_consent_problem("parents", 11));
	assert_null(jr_referral_consent_problem("parents_and_youth", 11));
	assert_non_null(jr_referral_consent_problem("youth", 11));
	/* 12 to 15: both */
	assert_non_null(jr_referral_consent_problem("parents", 12));
	assert_non_null(jr_referral_consent_problem("youth", 15));
	assert_null(jr_referral_consent_problem("parents_and_youth", 12));
	assert_null(jr_referral_consent_problem("parents_and_youth", 15));
	/* from 16: the youth */
	assert_non_null(jr_referral_consent_problem("parents", 16));
	assert_null(jr_referral_consent_problem("youth", 16));
	assert_null(jr_referral_consent_problem("parents_and_youth", 17));
	/* the sentence names whose consent is needed */
	assert_non_null(strstr(jr_referral_consent_problem("youth", 9), "ouders"));
	assert_non_null(strstr(jr_referral_consent_problem("parents", 17), "16 jaar"));
	/* no code at all is no consent */
	assert_non_null(jr_referral_consent_problem("", 5));
	assert_non_null(jr_referral_consent_problem("", 16));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_consent_by_age),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
