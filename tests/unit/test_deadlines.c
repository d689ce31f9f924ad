/* Unit tests for core/deadlines: each kind from plain facts, its state and its source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/deadlines.h"

static jr_day d(const char *s)
{
	jr_day out = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &out), JR_OK);
	return out;
}

static const struct jr_norms norms = {
	.age_limit = 18, .start_within_days = 28, .ending_within_days = 42,
	.warn_within_days = 14, .warn_within_workdays = 2,
};

static struct jr_deadlines out;

static struct jr_deadline_facts base(const char *today)
{
	struct jr_deadline_facts f;

	memset(&f, 0, sizeof f);
	f.today = d(today);
	f.raised_on = d(today);
	f.open = true;
	f.birth_date = d("2015-01-01");
	return f;
}

static void test_decision_eight_weeks(void **state)
{
	struct jr_deadline_facts f = base("2026-10-01");

	(void)state;
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.items[0].kind, JR_DEADLINE_DECISION);
	assert_int_equal(out.items[0].due, d("2026-11-26"));
	assert_int_equal(out.items[0].days_left, 56);
	assert_int_equal(out.items[0].state, JR_DEADLINE_OK);
	assert_non_null(strstr(out.items[0].text, "26-11-2026"));
	assert_non_null(strstr(out.items[0].source, "4:13"));
	/* raised on Saturday 31 October: 56 days is Saturday 26 December (Tweede Kerstdag), the
	 * term ends on Monday 28 December (Atw art. 1) */
	f = base("2026-12-20");
	f.raised_on = d("2026-10-31");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.items[0].due, d("2026-12-28"));
	assert_int_equal(out.items[0].state, JR_DEADLINE_WARNING);
	f.today = d("2026-12-29");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.items[0].state, JR_DEADLINE_OVERDUE);
	assert_int_equal(out.items[0].days_left, -1);
	/* decided or closed: none */
	f.decided = true;
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 0);
	f.decided = false;
	f.open = false;
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 0);
}

static void test_ijw_answer_in_working_days(void **state)
{
	struct jr_deadline_facts f = base("2025-12-22");

	(void)state;
	f.decided = true;
	f.ijw_count = 2;
	f.ijw[0] = (struct jr_deadline_ijw){.id = 7, .kind = "JW315", .received = d("2025-12-19")};
	f.ijw[1] = (struct jr_deadline_ijw){.id = 8, .kind = "JW317", .received = d("2025-11-03"),
					    .investigating = true};
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 2);
	/* the answer: 30 December (Christmas and a weekend between), 4 working days left */
	assert_int_equal(out.items[0].kind, JR_DEADLINE_IJW_DECISION);
	assert_int_equal(out.items[0].due, d("2025-12-29"));
	assert_non_null(strstr(out.items[0].source, "OP274"));
	assert_int_equal(out.items[1].kind, JR_DEADLINE_IJW_ANSWER);
	assert_int_equal(out.items[1].subject_id, 7);
	assert_int_equal(out.items[1].due, d("2025-12-30"));
	assert_true(out.items[1].workdays);
	assert_int_equal(out.items[1].days_left, 4);
	assert_int_equal(out.items[1].state, JR_DEADLINE_OK);
	assert_non_null(strstr(out.items[1].source, "OP274"));
	f.today = d("2025-12-29");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.items[1].days_left, 1);
	assert_int_equal(out.items[1].state, JR_DEADLINE_WARNING);
	f.ijw[0].kind[4] = '7';
	jr_deadlines_compute(&f, &norms, &out);
	assert_non_null(strstr(out.items[1].source, "OP346"));
}

static void test_allocations(void **state)
{
	struct jr_deadline_facts f = base("2026-12-04");

	(void)state;
	f.decided = true;
	f.alloc_count = 2;
	f.alloc[0] = (struct jr_deadline_allocation){.id = 1, .number = "0307-1",
		.start = d("2026-11-01"), .has_end = true, .end = d("2027-11-01")};
	f.alloc[1] = (struct jr_deadline_allocation){.id = 2, .number = "0307-2",
		.start = d("2026-01-01"), .has_end = true, .end = d("2026-12-31"),
		.started = true, .running = true};
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.items[0].kind, JR_DEADLINE_NOT_STARTED);
	assert_int_equal(out.items[0].due, d("2026-11-29"));
	assert_int_equal(out.items[0].state, JR_DEADLINE_OVERDUE);
	assert_int_equal(out.items[1].kind, JR_DEADLINE_ENDING);
	assert_int_equal(out.items[1].due, d("2026-12-31"));
	assert_int_equal(out.items[1].days_left, 27);
	assert_int_equal(out.items[1].state, JR_DEADLINE_OK);
	/* started: no longer a deadline; an end beyond the window is not shown */
	f.alloc[0].started = f.alloc[0].running = true;
	f.alloc[1].end = d("2027-03-01");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 0);
	/* care running past its allocation's end: overdue */
	f.alloc[1].end = d("2026-12-01");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.items[0].state, JR_DEADLINE_OVERDUE);
}

static void test_goals_18_and_measures(void **state)
{
	struct jr_deadline_facts f = base("2026-12-04");

	(void)state;
	f.decided = true;
	f.birth_date = d("2009-03-01"); /* 18 on 1 March 2027: within six months */
	f.goal_count = 1;
	f.goal[0] = (struct jr_deadline_goal){.id = 3, .review_on = d("2026-12-10")};
	f.measure_count = 2;
	f.measure[0] = (struct jr_deadline_measure){.id = 4, .kind = JR_MEASURE_OTS,
						    .end = d("2027-02-01")};
	f.measure[1] = (struct jr_deadline_measure){.id = 5, .kind = JR_MEASURE_OTS,
						    .end = d("2027-06-01")}; /* not yet */
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 3);
	assert_int_equal(out.items[0].kind, JR_DEADLINE_GOAL_REVIEW);
	assert_int_equal(out.items[0].state, JR_DEADLINE_WARNING);
	assert_int_equal(out.items[1].kind, JR_DEADLINE_MEASURE_ENDING);
	assert_int_equal(out.items[1].subject_id, 4);
	assert_non_null(strstr(out.items[1].source, "1:260"));
	assert_int_equal(out.items[2].kind, JR_DEADLINE_TURNING_18);
	assert_int_equal(out.items[2].due, d("2027-03-01"));
	assert_non_null(strstr(out.items[2].text, "01-03-2027"));
	/* seven months before: not yet */
	f.birth_date = d("2009-07-05");
	jr_deadlines_compute(&f, &norms, &out);
	assert_int_equal(out.count, 2);
	assert_string_equal(jr_deadline_state_label(JR_DEADLINE_OVERDUE), "verlopen");
	assert_string_equal(jr_deadline_state_label(JR_DEADLINE_WARNING), "binnenkort");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decision_eight_weeks),
		cmocka_unit_test(test_ijw_answer_in_working_days),
		cmocka_unit_test(test_allocations),
		cmocka_unit_test(test_goals_18_and_measures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
