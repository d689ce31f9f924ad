/* Unit tests for app/provider_work.c (issue 15 point 2): the names of the work list's groups,
 * the terms taken from the policies, and who has a work list at all (a provider with an AGB
 * code; the operator at the command line, a consulent and a provider without an AGB code are
 * refused; a group or form out of range named). The groups against real allocations are
 * tests/http/provider.sh. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/provider_work.h"
#include "core/region.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;

static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = jr_date_from_ymd(2026, 12, 6);
	app->diag = diag;
}

static struct jr_principal provider(const char *agb)
{
	struct jr_principal p = {.user_id = 7, .organisation_id = 3};
	snprintf(p.role, sizeof(p.role), "provider");
	snprintf(p.org_kind, sizeof(p.org_kind), "provider");
	snprintf(p.agb, sizeof(p.agb), "%s", agb);
	return p;
}

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app_provider_work"))
		return -1;
	jr_policy_set_init(&set);
	return jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
			       jr_store_open(fx_db_path, fx_key_path, true, &store, &d)
		       ? -1
		       : 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static enum jr_err never(void *ctx, const struct jr_pw_row *r)
{
	(void)ctx;
	(void)r;
	fail_msg("no row was expected");
	return JR_ERR_INTERNAL;
}

static void test_group_names(void **state)
{
	(void)state;
	for (int g = 0; g < JR_PW_GROUP_COUNT; g++) {
		assert_non_null(jr_pw_group_name(g));
		assert_int_equal(jr_pw_group_parse(jr_pw_group_name(g)), g);
	}
	assert_string_equal(jr_pw_group_name(JR_PW_NOT_STARTED), "not_started");
	assert_string_equal(jr_pw_group_name(JR_PW_ENDING), "ending");
	assert_null(jr_pw_group_name(-1));
	assert_null(jr_pw_group_name(JR_PW_GROUP_COUNT));
	assert_int_equal(jr_pw_group_parse("all"), -1); /* every group is the caller's -1 */
	assert_int_equal(jr_pw_group_parse("Running"), -1);
	assert_int_equal(jr_pw_group_parse(""), -1);
	assert_int_equal(jr_pw_group_parse(NULL), -1);
}

static void test_terms(void **state)
{
	int start, ending;
	(void)state;
	/* Twente and Amersfoort: 28 days to start care, 42 days' notice of an end */
	jr_app_provider_work_terms(&set, jr_date_from_ymd(2026, 12, 6), &start, &ending);
	assert_int_equal(start, set.policies[0]->norms.start_within_days);
	for (size_t i = 0; i < set.count; i++) {
		assert_true(start <= set.policies[i]->norms.start_within_days ||
			    !jr_region_listed(&set, i, jr_date_from_ymd(2026, 12, 6)));
		assert_true(ending >= set.policies[i]->norms.ending_within_days ||
			    !jr_region_listed(&set, i, jr_date_from_ymd(2026, 12, 6)));
	}
	jr_app_provider_work_terms(NULL, 0, &start, &ending);
	assert_int_equal(start, 28);
	assert_int_equal(ending, 42);
}

static void test_who(void **state)
{
	struct jr_principal mine = provider("75750001"), none = provider("");
	struct jr_principal c = {.user_id = 8, .organisation_id = 4};
	struct jr_app_provider_work w = {.group = -1, .limit = 25};
	struct jr_diag d;
	struct jr_app app;
	(void)state;
	snprintf(c.role, sizeof(c.role), "consulent");
	snprintf(c.org_kind, sizeof(c.org_kind), "local_team");
	memcpy(c.municipality, "0153", 5);

	context(&app, &d, NULL);
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_ERR_USAGE);
	context(&app, &d, &c);
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_ERR_FORBIDDEN);
	context(&app, &d, &none);
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_ERR_FORBIDDEN);
	assert_non_null(strstr(d.message, "AGB-code"));
	context(&app, &d, &mine);
	w.group = JR_PW_GROUP_COUNT;
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_ERR_INPUT);
	assert_string_equal(d.path, "group");
	w.group = JR_PW_RUNNING;
	w.form = 11;
	context(&app, &d, &mine);
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_ERR_INPUT);
	assert_string_equal(d.path, "form");
	/* a provider with nothing allocated to it: every count 0, the terms filled in */
	w.form = 0;
	w.group = -1;
	context(&app, &d, &mine);
	assert_int_equal(jr_app_provider_work(&app, &w, never, NULL), JR_OK);
	for (int g = 0; g < JR_PW_GROUP_COUNT; g++)
		assert_int_equal(w.counts[g], 0);
	assert_int_equal(w.total, 0);
	assert_true(w.start_within_days > 0 && w.ending_within_days > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_names),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_who),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
