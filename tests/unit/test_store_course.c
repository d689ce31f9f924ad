/* Unit tests for store/store_course.c: help requests, their analysis, goals, light options and
 * route advice, and the steps of their course with version checks, history and audit. Runs on
 * SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static int64_t child_id;

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	(void)state;
	if (fx_setup("course"))
		return -1;
	if (jr_store_open(fx_db_path, fx_key_path, true, &store, &d)) {
		fprintf(stderr, "open: %s\n", d.message);
		return -1;
	}
	memcpy(p.bsn, "111111110", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = jr_date_from_ymd(2014, 3, 3);
	if (jr_store_person_add(store, &fx_actor, &p))
		return -1;
	child_id = p.id;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

static struct jr_help_request new_request(void)
{
	struct jr_help_request h = {0};
	h.child_id = child_id;
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	h.raised_on = jr_date_from_ymd(2026, 11, 2);
	snprintf(h.question, sizeof(h.question), "Daan slaapt slecht en is vaak boos.");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	return h;
}

static void test_add_and_get(void **state)
{
	(void)state;
	struct jr_help_request h = new_request(), got;
	assert_true(h.id > 0);
	assert_int_equal(h.state, JR_HR_REGISTERED);
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, h.id, &got), JR_OK);
	assert_string_equal(got.question, h.question);
	assert_string_equal(got.raised_by, "family");
	assert_int_equal(got.raised_on, h.raised_on);
	assert_int_equal(got.household_id, 0);
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, 99999, &got),
			 JR_ERR_NOT_FOUND);
}

static void test_unknown_child_or_household(void **state)
{
	(void)state;
	struct jr_help_request h = {.child_id = 99999, .raised_on = 20000};
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "x");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_ERR_NOT_FOUND);
	/* a household that does not exist is answered as one the child is not in */
	h.child_id = child_id;
	h.household_id = 99999;
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_ERR_INPUT);
}

/* A help request only on a household the child belongs to (issue 11). */
static void test_household_of_the_child(void **state)
{
	(void)state;
	struct jr_household mine = {0}, other = {0};
	struct jr_help_request h = {0};
	int64_t before = fx_count("SELECT COUNT(*) FROM help_requests");

	memcpy(mine.municipality, "0153", 5);
	memcpy(other.municipality, "0153", 5);
	assert_int_equal(jr_store_household_add(store, &fx_actor, &mine), JR_OK);
	assert_int_equal(jr_store_household_add(store, &fx_actor, &other), JR_OK);
	assert_int_equal(jr_store_household_add_member(store, &fx_actor, mine.id, child_id, "child"),
			 JR_OK);
	h.child_id = child_id;
	h.household_id = other.id;
	h.raised_on = jr_date_from_ymd(2026, 11, 2);
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "x");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_ERR_INPUT);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM help_requests"), before);
	h.household_id = mine.id;
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM help_requests"), before + 1);
}

static void test_whole_course(void **state)
{
	(void)state;
	struct jr_help_request h = new_request();
	struct jr_broad_analysis b = {.help_request_id = h.id, .made_on = 20400};
	struct jr_broad_analysis latest;
	struct jr_course_facts f;

	/* the store records what it is given and moves as told: the course's rules are the app's
	 * (tests/unit/test_app_course.c) */
	assert_int_equal(jr_store_course_facts(store, h.id, &f), JR_OK);
	assert_false(f.broad_analysis);
	b.needs[JR_NEED_BEHAVIOUR] = 3;
	b.needs[JR_NEED_SCHOOL] = 2;
	snprintf(b.explanation, sizeof(b.explanation), "Onrust thuis");
	snprintf(b.participants, sizeof(b.participants), "gezin, Daan");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_OK);
	assert_int_equal(jr_store_analysis_latest(store, h.id, &latest), JR_OK);
	assert_int_equal(latest.needs[JR_NEED_BEHAVIOUR], 3);
	assert_int_equal(latest.needs[JR_NEED_SCHOOL], 2);
	assert_int_equal(latest.needs[JR_NEED_SAFETY], 0);
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_ANALYSED), JR_OK);
	assert_int_equal(h.version, 2);
	assert_int_equal(h.state, JR_HR_ANALYSED);
	assert_int_equal(jr_store_goal_add(store, &fx_actor, h.id, "Daan slaapt weer door.", true,
					   jr_date_from_ymd(2027, 2, 1)),
			 JR_OK);
	assert_int_equal(jr_store_route_advice_add(store, &fx_actor, h.id, "twente",
						   "{\"options\":[]}"),
			 JR_OK);
	assert_int_equal(jr_store_light_option_add(store, &fx_actor, h.id, "social_base", "sport",
						   true, "Helpt, maar niet genoeg."),
			 JR_OK);
	assert_int_equal(jr_store_course_facts(store, h.id, &f), JR_OK);
	assert_true(f.broad_analysis);
	assert_int_equal(f.goals, 1);
	assert_true(f.light_options_weighed);
	assert_int_equal(f.state, JR_HR_ANALYSED);
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_PLANNED), JR_OK);
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN), JR_OK);
	assert_int_equal(h.version, 4);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM record_history WHERE record_table = 'help_requests'"),
			 3);
}

/* The help request and its facts in one read say what the two reads say. */
static void test_course_read_at_once(void **state)
{
	(void)state;
	struct jr_help_request h = new_request(), alone, with;
	struct jr_broad_analysis b = {.help_request_id = h.id, .made_on = 20400};
	struct jr_course_facts f_alone, f_with;

	snprintf(b.explanation, sizeof(b.explanation), "x");
	snprintf(b.participants, sizeof(b.participants), "gezin");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_OK);
	assert_int_equal(jr_store_goal_add(store, &fx_actor, h.id, "Een doel.", false, 0), JR_OK);
	assert_int_equal(jr_store_goal_add(store, &fx_actor, h.id, "Nog een.", false, 0), JR_OK);
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_ANALYSED), JR_OK);
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, h.id, &alone), JR_OK);
	assert_int_equal(jr_store_course_facts(store, h.id, &f_alone), JR_OK);
	assert_int_equal(jr_store_help_request_course(store, &fx_actor, h.id, &with, &f_with),
			 JR_OK);
	assert_memory_equal(&alone, &with, sizeof(alone));
	assert_memory_equal(&f_alone, &f_with, sizeof(f_alone));
	assert_int_equal(f_with.state, JR_HR_ANALYSED);
	assert_true(f_with.broad_analysis);
	assert_int_equal(f_with.goals, 2);
	assert_int_equal(jr_store_help_request_course(store, &fx_actor, 99999, &with, &f_with),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_course_facts(store, 99999, &f_with), JR_ERR_NOT_FOUND);
}

static void test_stale_version_is_refused(void **state)
{
	(void)state;
	struct jr_help_request h = new_request(), stale;
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN), JR_OK);
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, h.id, &stale), JR_OK);
	stale.version = 1;
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &stale, JR_HR_WITHDRAWN),
			 JR_ERR_CONFLICT);
	/* the refused move leaves nothing behind: no history row, the request as it was */
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				     " 'help_requests' AND record_id = %lld",
				     h.id),
			 1);
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, h.id, &stale), JR_OK);
	assert_int_equal(stale.version, 2);
}

static void test_rows_need_an_existing_request(void **state)
{
	(void)state;
	struct jr_broad_analysis b = {.help_request_id = 99999};
	struct jr_broad_analysis latest;
	snprintf(b.explanation, sizeof(b.explanation), "x");
	snprintf(b.participants, sizeof(b.participants), "x");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_goal_add(store, &fx_actor, 99999, "x", false, 0),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_light_option_add(store, &fx_actor, 99999, "social_base", "sport",
						   false, "x"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_route_advice_add(store, &fx_actor, 99999, "twente", "{}"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_analysis_latest(store, 99999, &latest), JR_ERR_NOT_FOUND);
}

static void test_history_and_audit(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_db_stmt *st;
	char msg[JR_DB_ERRMSG_MAX];
	bool row;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_prepare(db,
				       "SELECT (SELECT COUNT(*) FROM record_history WHERE"
				       " record_table = 'help_requests'),"
				       " (SELECT COUNT(*) FROM audit_log WHERE action ="
				       " 'help_request.move' AND person_id = $1)",
				       &st),
			 JR_OK);
	assert_int_equal(jr_db_bind_int(st, 1, child_id), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	assert_true(row);
	/* analysed, planned, withdrawn ×2, analysed (the read at once); not the refused move */
	assert_int_equal(jr_db_col_int(st, 0), 5);
	assert_int_equal(jr_db_col_int(st, 1), 5);
	jr_db_finalize(st);
	jr_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_get),
		cmocka_unit_test(test_unknown_child_or_household),
		cmocka_unit_test(test_household_of_the_child),
		cmocka_unit_test(test_whole_course),
		cmocka_unit_test(test_course_read_at_once),
		cmocka_unit_test(test_stale_version_is_refused),
		cmocka_unit_test(test_rows_need_an_existing_request),
		cmocka_unit_test(test_history_and_audit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
