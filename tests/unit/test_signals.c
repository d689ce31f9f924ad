/* Unit tests for core/signals: each record signal at its edges, with its explanation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/signals.h"
#include "json/policy_json.h"

static struct jr_policy twente;
static const jr_day today = 20780; /* 2026-11-23 */

static int setup(void **state)
{
	struct jr_diag d;
	(void)state;
	return jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &d) ? -1 : 0;
}

static int has(const struct jr_case *c, enum jr_case_signal_code code, struct jr_case_signal *got)
{
	struct jr_case_signal s[16];
	size_t n = jr_case_signals(&twente, c, today, s, 16);
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		struct jr_buf b;
		jr_buf_init(&b, 4096);
		assert_int_equal(jr_case_signal_why(&b, &twente, &s[i]), JR_OK);
		assert_non_null(strchr(jr_buf_str(&b), '['));
		jr_buf_release(&b);
		if (s[i].code == code) {
			found++;
			if (got)
				*got = s[i];
		}
	}
	return found;
}

static struct jr_case_item item(int form, jr_day start, bool stopped, jr_day stop, bool negative)
{
	return (struct jr_case_item){.form = form, .allocated = start, .started = true,
				     .start = start, .stopped = stopped, .stop = stop,
				     .negative = negative};
}

static void test_today_is_what_we_think(void **state)
{
	(void)state;
	assert_int_equal(today, jr_date_from_ymd(2026, 11, 23));
}

static void test_hopping_edges(void **state)
{
	(void)state;
	struct jr_case c = {.item_count = 2};
	c.items[0] = item(2, today - 300, true, today - 200, true);
	c.items[1] = item(3, today - 190, true, today - 10, true);
	assert_int_equal(has(&c, JR_CS_HOPPING, NULL), 1);
	c.items[0].stop = today - 366; /* outside the 365-day window */
	c.items[0].start = c.items[0].allocated = today - 400;
	assert_int_equal(has(&c, JR_CS_HOPPING, NULL), 0);
	c.items[0].stop = today - 365; /* on the edge: inside */
	assert_int_equal(has(&c, JR_CS_HOPPING, NULL), 1);
	c.items[1].negative = false;
	assert_int_equal(has(&c, JR_CS_HOPPING, NULL), 0);
}

static void test_multi_agency(void **state)
{
	(void)state;
	struct jr_case c = {.organisations = 2};
	assert_int_equal(has(&c, JR_CS_MULTI_AGENCY, NULL), 1);
	c.coordinator = true;
	assert_int_equal(has(&c, JR_CS_MULTI_AGENCY, NULL), 0);
	c.coordinator = false;
	c.organisations = 1;
	assert_int_equal(has(&c, JR_CS_MULTI_AGENCY, NULL), 0);
}

static void test_waiting(void **state)
{
	(void)state;
	struct jr_case_signal s;
	struct jr_case c = {.referrals_waiting = 1, .oldest_referral = today - 42};
	assert_int_equal(has(&c, JR_CS_WAITING_REFERRAL, NULL), 0); /* 42 days: the norm itself */
	c.oldest_referral = today - 43;
	assert_int_equal(has(&c, JR_CS_WAITING_REFERRAL, &s), 1);
	assert_int_equal(s.count, 43);
	c = (struct jr_case){.item_count = 1};
	c.items[0] = (struct jr_case_item){.form = 3, .allocated = today - 50};
	assert_int_equal(has(&c, JR_CS_WAITING_START, NULL), 1);
	c.items[0].started = true;
	c.items[0].start = today - 45;
	assert_int_equal(has(&c, JR_CS_WAITING_START, NULL), 0);
}

static void test_crisis_followup(void **state)
{
	(void)state;
	struct jr_case c = {.item_count = 1};
	c.items[0] = item(8, today - 15, false, 0, false);
	assert_int_equal(has(&c, JR_CS_CRISIS_FOLLOWUP, NULL), 1);
	c.items[0].start = c.items[0].allocated = today - 14; /* within the 14 days */
	assert_int_equal(has(&c, JR_CS_CRISIS_FOLLOWUP, NULL), 0);
	c.items[0].start = c.items[0].allocated = today - 20;
	c.analysis = true;
	c.analysis_on = today - 18; /* made after the crisis began */
	assert_int_equal(has(&c, JR_CS_CRISIS_FOLLOWUP, NULL), 0);
	c.analysis_on = today - 30; /* an older analysis does not count */
	assert_int_equal(has(&c, JR_CS_CRISIS_FOLLOWUP, NULL), 1);
}

static void test_out_of_home_without_ambulant_attempt(void **state)
{
	(void)state;
	struct jr_case c = {.item_count = 1};
	c.items[0] = item(5, today - 10, false, 0, false);
	assert_int_equal(has(&c, JR_CS_OUT_OF_HOME, NULL), 1);
	c.items[1] = item(2, today - 100, true, today - 20, false); /* too light */
	c.item_count = 2;
	assert_int_equal(has(&c, JR_CS_OUT_OF_HOME, NULL), 1);
	c.items[1].form = 3; /* intensive ambulant before it */
	assert_int_equal(has(&c, JR_CS_OUT_OF_HOME, NULL), 0);
	c.items[1].start = today - 5; /* but only if it came first */
	assert_int_equal(has(&c, JR_CS_OUT_OF_HOME, NULL), 1);
}

static void test_escalate(void **state)
{
	(void)state;
	struct jr_case c = {.item_count = 1, .needs[JR_NEED_BEHAVIOUR] = 3};
	c.items[0] = item(1, today - 183, false, 0, false);
	assert_int_equal(has(&c, JR_CS_ESCALATE, NULL), 1);
	c.needs[JR_NEED_BEHAVIOUR] = 2;
	assert_int_equal(has(&c, JR_CS_ESCALATE, NULL), 0);
	/* debts and school are other domains' and the social base's: no heavier youth care
	 * (principles 6 and 14) */
	c.needs[JR_NEED_LIVELIHOOD] = 4;
	c.needs[JR_NEED_SCHOOL] = 4;
	assert_int_equal(has(&c, JR_CS_ESCALATE, NULL), 0);
	c.needs[JR_NEED_BEHAVIOUR] = 4;
	c.items[0].start = today - 182;
	assert_int_equal(has(&c, JR_CS_ESCALATE, NULL), 0);
	c.items[0].start = today - 300;
	c.items[0].form = 3; /* not light help */
	assert_int_equal(has(&c, JR_CS_ESCALATE, NULL), 0);
}

static void test_quiet_case(void **state)
{
	(void)state;
	struct jr_case c = {.item_count = 1, .organisations = 1, .needs[JR_NEED_FAMILY] = 2};
	struct jr_case_signal s[4];
	c.items[0] = item(2, today - 30, false, 0, false);
	assert_int_equal(jr_case_signals(&twente, &c, today, s, 4), 0);
	assert_string_equal(jr_case_signal_name(JR_CS_WAITING_START), "waiting");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_today_is_what_we_think),
		cmocka_unit_test(test_hopping_edges),
		cmocka_unit_test(test_multi_agency),
		cmocka_unit_test(test_waiting),
		cmocka_unit_test(test_crisis_followup),
		cmocka_unit_test(test_out_of_home_without_ambulant_attempt),
		cmocka_unit_test(test_escalate),
		cmocka_unit_test(test_quiet_case),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
