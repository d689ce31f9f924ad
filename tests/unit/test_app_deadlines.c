/* Unit tests for app/deadlines.c: a help request's deadlines read through the one road — reach
 * first (a consulent of another municipality is answered as for an unknown help request), the
 * facts from the records, the norms of the municipality's policy, and the read audited on the
 * child. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/course.h"
#include "app/deadlines.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, team_id, other_team_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_team(const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team %s", municipality);
	memcpy(o.municipality, municipality, 5);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	char bad[256];
	(void)state;
	if (fx_setup("app_deadlines"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "111111110", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2009, 3, 3); /* 18 on 3 March 2027 */
	if (jr_store_person_add(store, &fx_actor, &p))
		return -1;
	child_id = p.id;
	team_id = add_team("0153");
	other_team_id = add_team("0141");
	return team_id && other_team_id ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = D(2026, 12, 4);
	app->diag = diag;
}

static struct jr_principal consulent(int64_t org, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = org};
	snprintf(p.role, sizeof(p.role), "consulent");
	snprintf(p.org_kind, sizeof(p.org_kind), "local_team");
	memcpy(p.municipality, municipality, 5);
	return p;
}

static void test_deadlines_of_a_help_request(void **state)
{
	struct jr_principal mine = consulent(team_id, "0153");
	struct jr_principal other = consulent(other_team_id, "0141");
	struct jr_deadlines *d = calloc(1, sizeof(*d));
	struct jr_course_view *v = calloc(1, sizeof(*v));
	struct jr_help_request h = {.child_id = 0, .raised_on = D(2026, 10, 5)};
	struct jr_diag diag;
	struct jr_app app;
	int64_t audited;

	(void)state;
	assert_non_null(d);
	assert_non_null(v);
	h.child_id = child_id;
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "Daan slaapt slecht en is vaak boos.");
	context(&app, &diag, NULL);
	assert_int_equal(jr_app_help_request_add(&app, &h, v), JR_OK);
	assert_int_equal(jr_app_goal_add(&app, v->h.id, "Daan slaapt weer", D(2026, 12, 10), v),
			 JR_OK);

	context(&app, &diag, &mine);
	audited = fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action = "
			      "'help_request.deadlines' AND person_id = %lld", child_id);
	assert_int_equal(jr_app_help_request_deadlines(&app, v->h.id, d), JR_OK);
	assert_int_equal(d->count, 3);
	assert_int_equal(d->items[0].kind, JR_DEADLINE_DECISION);
	assert_int_equal(d->items[0].due, D(2026, 11, 30));
	assert_int_equal(d->items[0].state, JR_DEADLINE_OVERDUE);
	assert_int_equal(d->items[1].kind, JR_DEADLINE_GOAL_REVIEW);
	assert_int_equal(d->items[1].state, JR_DEADLINE_WARNING);
	assert_int_equal(d->items[2].kind, JR_DEADLINE_TURNING_18);
	assert_int_equal(d->items[2].due, D(2027, 3, 3));
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action = "
				     "'help_request.deadlines' AND person_id = %lld", child_id),
			 audited + 1);

	/* another municipality's consulent: as unknown, and nothing read is audited */
	context(&app, &diag, &other);
	assert_int_equal(jr_app_help_request_deadlines(&app, v->h.id, d), JR_ERR_NOT_FOUND);
	assert_int_equal(d->count, 0);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action = "
				     "'help_request.deadlines' AND person_id = %lld", child_id),
			 audited + 1);
	/* the command line, an unknown number */
	context(&app, &diag, NULL);
	assert_int_equal(jr_app_help_request_deadlines(&app, v->h.id + 100, d), JR_ERR_NOT_FOUND);
	assert_non_null(strstr(diag.message, "hulpvraag niet gevonden"));
	free(d);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadlines_of_a_help_request),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
