/* Unit tests for app/course.c: a help request opened, read and moved through the one road — the
 * course's rules (core/course.c) checked on the records, reach checked first (a consulent of
 * another municipality does not see it, a referrer may not read it, the command line may do all
 * the rules allow), and every refusal explained on its field. Runs on SQLite, or on PostgreSQL
 * with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/course.h"
#include "app/worklist.h"
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
	if (fx_setup("app_course"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "111111110", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2014, 3, 3);
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

/* The context of the command line (principal NULL) or of `who`. */
static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = D(2026, 11, 20);
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

static struct jr_help_request request(void)
{
	struct jr_help_request h = {.child_id = child_id, .raised_on = D(2026, 11, 2)};
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "Daan slaapt slecht en is vaak boos.");
	return h;
}

static void expect(enum jr_err got, enum jr_err want, const struct jr_diag *d, const char *path,
		   const char *part)
{
	assert_int_equal(got, want);
	assert_string_equal(d->path, path);
	if (!strstr(d->message, part))
		fail_msg("message \"%s\" lacks \"%s\"", d->message, part);
}

static void test_opening(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_course_view v;
	struct jr_help_request h = request();

	context(&app, &d, NULL);
	h.raised_on = D(2026, 11, 21);
	expect(jr_app_help_request_add(&app, &h, &v), JR_ERR_INPUT, &d, "raised_on", "toekomst");
	h = request();
	h.child_id = 99999;
	expect(jr_app_help_request_add(&app, &h, &v), JR_ERR_NOT_FOUND, &d, "child_id",
	       "niet gevonden");
	h = request();
	h.household_id = 99999;
	expect(jr_app_help_request_add(&app, &h, &v), JR_ERR_INPUT, &d, "household_id",
	       "huishouden");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM help_requests"), 0);
	h = request();
	assert_int_equal(jr_app_help_request_add(&app, &h, &v), JR_OK);
	assert_true(v.h.id > 0);
	assert_string_equal(v.h.municipality, "0153"); /* the child's: residence principle */
	assert_int_equal(v.h.state, JR_HR_REGISTERED);
	assert_int_equal(v.h.version, 1);
	assert_false(v.f.broad_analysis);
}

static void test_the_course_keeps_its_rules(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_course_view v;
	struct jr_help_request h = request();
	struct jr_broad_analysis b = {.made_on = D(2026, 11, 3)};
	int64_t id;

	context(&app, &d, NULL);
	assert_int_equal(jr_app_help_request_add(&app, &h, &v), JR_OK);
	id = v.h.id;
	expect(jr_app_help_request_move(&app, id, JR_HR_ANALYSED, 1, &v), JR_ERR_REFUSED, &d, "to",
	       "brede verklarende analyse");
	b.help_request_id = id;
	b.needs[JR_NEED_BEHAVIOUR] = 3;
	snprintf(b.participants, sizeof(b.participants), "gezin, Daan");
	expect(jr_app_analysis_add(&app, &b, &v), JR_ERR_INPUT, &d, "explanation", "verklaring");
	snprintf(b.explanation, sizeof(b.explanation), "Onrust thuis");
	assert_int_equal(jr_app_analysis_add(&app, &b, &v), JR_OK);
	assert_true(v.f.broad_analysis);
	expect(jr_app_help_request_move(&app, id, JR_HR_ANALYSED, 7, &v), JR_ERR_CONFLICT, &d,
	       "version", "intussen gewijzigd");
	assert_int_equal(jr_app_help_request_move(&app, id, JR_HR_ANALYSED, 1, &v), JR_OK);
	assert_int_equal(v.h.state, JR_HR_ANALYSED);
	assert_int_equal(v.h.version, 2);
	expect(jr_app_help_request_move(&app, id, JR_HR_PLANNED, 2, &v), JR_ERR_REFUSED, &d, "to",
	       "doel");
	assert_int_equal(jr_app_goal_add(&app, id, "Daan slaapt weer door.", D(2027, 2, 1), &v),
			 JR_OK);
	assert_int_equal(v.f.goals, 1);
	expect(jr_app_light_option_add(&app, id, "paardrijden", false, "x", &v), JR_ERR_INPUT, &d,
	       "option_id", "geen licht aanbod");
	expect(jr_app_light_option_add(&app, id, "sport", true, "", &v), JR_ERR_INPUT, &d,
	       "why_not_enough", "waarom");
	assert_int_equal(jr_app_light_option_add(&app, id, "sport", true, "Helpt niet genoeg.", &v),
			 JR_OK);
	assert_int_equal(jr_store_route_advice_add(store, &fx_actor, id, "twente",
						   "{\"options\":[]}"),
			 JR_OK);
	assert_int_equal(jr_app_help_request_move(&app, id, JR_HR_PLANNED, 2, &v), JR_OK);
	expect(jr_app_help_request_move(&app, id, JR_HR_IN_CARE, 3, &v), JR_ERR_REFUSED, &d, "to",
	       "geen zorg");
	assert_int_equal(jr_app_help_request_move(&app, id, JR_HR_WITHDRAWN, 3, &v), JR_OK);
	expect(jr_app_help_request_move(&app, id, JR_HR_ANALYSED, 4, &v), JR_ERR_REFUSED, &d, "to",
	       "al afgesloten");
	assert_int_equal(v.h.version, 4);
}

static void test_reach(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_course_view v;
	struct jr_help_request h = request();
	struct jr_principal mine = consulent(team_id, "0153");
	struct jr_principal other = consulent(other_team_id, "0141");
	struct jr_principal gp = {.user_id = 3, .organisation_id = team_id};
	struct jr_work_query open_list = {.limit = 50};
	struct jr_work_counts counts;
	int64_t id;

	snprintf(gp.role, sizeof(gp.role), "verwijzer");
	context(&app, &d, &mine);
	assert_int_equal(jr_app_help_request_add(&app, &h, &v), JR_OK);
	id = v.h.id;
	assert_int_equal(jr_app_help_request_get(&app, id, &v), JR_OK);
	/* another municipality's consulent: as if it did not exist, and audited */
	context(&app, &d, &other);
	expect(jr_app_help_request_get(&app, id, &v), JR_ERR_NOT_FOUND, &d, "",
	       "geen hulpvraag met dit nummer binnen uw bereik");
	expect(jr_app_help_request_get(&app, 99999, &v), JR_ERR_NOT_FOUND, &d, "",
	       "geen hulpvraag met dit nummer binnen uw bereik");
	expect(jr_app_goal_add(&app, id, "x", 0, &v), JR_ERR_NOT_FOUND, &d, "", "binnen uw bereik");
	expect(jr_app_help_request_add(&app, &h, &v), JR_ERR_NOT_FOUND, &d, "child_id",
	       "geen persoon");
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'") >= 3);
	/* a referrer follows its referrals, never the child's file */
	context(&app, &d, &gp);
	expect(jr_app_help_request_get(&app, id, &v), JR_ERR_FORBIDDEN, &d, "", "uw rol");
	expect(jr_app_work_list(&app, &open_list, NULL, NULL, &counts), JR_ERR_FORBIDDEN, &d, "",
	       "uw rol");
	/* at the command line, the work list is that of the municipality asked for */
	context(&app, &d, NULL);
	expect(jr_app_work_list(&app, &open_list, NULL, NULL, &counts), JR_ERR_INPUT, &d,
	       "municipality", "geef de gemeente");
}

static enum jr_err count_row(void *ctx, const struct jr_work_item *row)
{
	(void)row;
	++*(int *)ctx;
	return JR_OK;
}

static void test_work_list(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_principal mine = consulent(team_id, "0153");
	struct jr_principal other = consulent(other_team_id, "0141");
	struct jr_work_query all = {.steps = JR_WORK_ALL, .limit = 50};
	struct jr_work_counts counts;
	int rows = 0;

	context(&app, &d, &mine);
	assert_int_equal(jr_app_work_list(&app, &all, count_row, &rows, &counts), JR_OK);
	assert_true(counts.total >= 3);
	assert_int_equal(rows, counts.total);
	rows = 0;
	context(&app, &d, &other);
	assert_int_equal(jr_app_work_list(&app, &all, count_row, &rows, &counts), JR_OK);
	assert_int_equal(counts.total, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opening),
		cmocka_unit_test(test_the_course_keeps_its_rules),
		cmocka_unit_test(test_reach),
		cmocka_unit_test(test_work_list),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
