/* Unit tests for app/scenario.c on the records: the region's help requests read as a population
 * (the store's query, store_scenario.c), routed under base and scenario, counted, with the
 * history of advice and one audit entry; and the API's use case — the role, the own region, the
 * policy checked and named by field. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "app/course.h"
#include "app/scenario.h"
#include "core/alloc.h"
#include "core/region.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))
#define SCENARIO JR_TEST_POLICY_DIR "/../examples/scenarios/twente-drempel-jeugdhulp-2.json"

static struct jr_store *store;
static struct jr_policy_set set, scen_set;

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

static int64_t add_child(const char *bsn, const char *municipality)
{
	struct jr_person p = {0};
	memcpy(p.bsn, bsn, 10);
	snprintf(p.given_names, sizeof(p.given_names), "Kind");
	snprintf(p.family_name, sizeof(p.family_name), "Scenario");
	memcpy(p.municipality, municipality, 5);
	p.birth_date = D(2014, 3, 3);
	return jr_store_person_add(store, &fx_actor, &p) ? 0 : p.id;
}

/* A help request of `child`, with a broad analysis of one need at `level` when need >= 0. */
static int add_request(int64_t child, int need, int level)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_course_view v;
	struct jr_help_request h = {.child_id = child, .raised_on = D(2026, 11, 2)};
	struct jr_broad_analysis b = {.made_on = D(2026, 11, 3)};

	context(&app, &d, NULL);
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "Een vraag.");
	if (jr_app_help_request_add(&app, &h, &v))
		return -1;
	if (need < 0)
		return 0;
	b.help_request_id = v.h.id;
	b.needs[need] = (unsigned char)level;
	snprintf(b.participants, sizeof(b.participants), "gezin");
	snprintf(b.explanation, sizeof(b.explanation), "Uitleg");
	return jr_app_analysis_add(&app, &b, &v) ? -1 : 0;
}

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	const char *badp;
	int64_t enschede, amersfoort;
	(void)state;
	if (fx_setup("app_scenario"))
		return -1;
	jr_policy_set_init(&set);
	jr_policy_set_init(&scen_set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_policy_set_add_file(&scen_set, SCENARIO, &d, &badp) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	enschede = add_child("111111110", "0153");
	amersfoort = add_child("222222220", "0307");
	if (!enschede || !amersfoort)
		return -1;
	/* Enschede: behaviour 3 (youth care either way), parenting 2 (light now, youth care
	 * under a threshold of 2), one without analysis; Amersfoort: not of Twente */
	if (add_request(enschede, JR_NEED_BEHAVIOUR, 3) || add_request(enschede, JR_NEED_PARENTING, 2) ||
	    add_request(enschede, -1, 0) || add_request(amersfoort, JR_NEED_BEHAVIOUR, 3))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	jr_policy_set_release(&scen_set);
	return fx_teardown();
}

static void test_records_population(void **state)
{
	struct jr_scen_tally *t = jr_calloc(1, sizeof(*t));
	struct jr_scen_params *p = jr_calloc(1, sizeof(*p));
	struct jr_scen_run run = {0};
	struct jr_app app;
	struct jr_diag d;
	uint64_t yc[2] = {0, 0}, advised = 0;
	int64_t before = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.read'");
	int m;
	(void)state;

	context(&app, &d, NULL);
	run.base_set = &set;
	run.base = jr_region_by_id(&set, "twente", app.today);
	run.scen = scen_set.policies[0];
	run.today = app.today;
	assert_non_null(run.base);
	assert_int_equal(jr_app_scenario_records(&app, &run, true, t, p), JR_OK);
	/* the region's three, not Amersfoort's; the one without analysis refused */
	assert_int_equal(t->read, 3);
	assert_int_equal(t->refused, 1);
	assert_int_equal(t->accepted, 2);
	m = jr_app_scenario_municipality(run.base, "0153");
	assert_true(m >= 0);
	for (int b = 0; b < JR_SCEN_CATS; b++)
		for (int s = 0; s < JR_SCEN_CATS; s++) {
			yc[0] += b >= 1 && b <= JR_FORM_COUNT ? t->cls[m][b][s] : 0;
			yc[1] += s >= 1 && s <= JR_FORM_COUNT ? t->cls[m][b][s] : 0;
		}
	assert_int_equal(yc[0], 1); /* behaviour 3 */
	assert_int_equal(yc[1], 2); /* and parenting 2 under the lower threshold */
	/* the history: what the base advises for the two analysed; nothing allocated */
	for (int c = 0; c < JR_SCEN_CATS; c++) {
		advised += p->advised[c];
		assert_int_equal(p->realised[c], 0);
	}
	assert_int_equal(advised, 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.read'"),
			 before + 1);
	jr_free(t);
	jr_free(p);
}

/* The body of POST /api/v1/scenarios with the scenario file as policy, changed by `change`. */
static char *body(const char *region, void (*change)(json_t *policy))
{
	json_error_t e;
	json_t *pol = json_load_file(SCENARIO, 0, &e), *root;
	char *text;

	assert_non_null(pol);
	if (change)
		change(pol);
	root = json_pack("{s:o, s:s, s:i}", "policy", pol, "region", region, "resamples", 50);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	return text;
}

static void threshold_nine(json_t *policy)
{
	json_object_set_new(json_object_get(policy, "thresholds"), "youth_care_min", json_integer(9));
}

static struct jr_principal principal(const char *role, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 1};
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.org_kind, sizeof(p.org_kind), "regional_office");
	memcpy(p.municipality, municipality, 5);
	return p;
}

static void test_body(void **state)
{
	struct jr_principal policy_twente = principal("policy", "0153"),
			    policy_amersfoort = principal("policy", "0307"),
			    consulent = principal("consulent", "0153");
	struct jr_app app;
	struct jr_diag d;
	struct jr_buf out;
	char *good = body("twente", NULL), *bad = body("twente", threshold_nine),
	     *utrecht = body("utrecht", NULL);
	json_t *root;
	(void)state;

	jr_buf_init(&out, 1 << 22);
	context(&app, &d, &consulent);
	assert_int_equal(jr_app_scenario_body(&app, good, strlen(good), &out), JR_ERR_FORBIDDEN);
	context(&app, &d, &policy_amersfoort);
	assert_int_equal(jr_app_scenario_body(&app, good, strlen(good), &out), JR_ERR_FORBIDDEN);
	assert_string_equal(d.path, "region");
	context(&app, &d, &policy_twente);
	assert_int_equal(jr_app_scenario_body(&app, bad, strlen(bad), &out), JR_ERR_INPUT);
	assert_string_equal(d.path, "policy.thresholds.youth_care_min");
	assert_int_equal(jr_app_scenario_body(&app, utrecht, strlen(utrecht), &out), JR_ERR_INPUT);
	assert_string_equal(d.path, "region");
	assert_int_equal(jr_app_scenario_body(&app, "{\"region\":\"twente\",\"x\":1}", 25, &out),
			 JR_ERR_INPUT);
	assert_string_equal(d.path, "x");
	jr_buf_reset(&out);
	assert_int_equal(jr_app_scenario_body(&app, good, strlen(good), &out), JR_OK);
	root = json_loads(jr_buf_str(&out), 0, NULL);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(root, "population"), "read")), 3);
	assert_string_equal(json_string_value(json_object_get(root, "outcomes")), "ja");
	assert_int_equal(json_integer_value(json_object_get(root, "resamples")), 50);
	json_decref(root);
	free(good);
	free(bad);
	free(utrecht);
	jr_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_population),
		cmocka_unit_test(test_body),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
