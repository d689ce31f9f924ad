/* Unit tests of app/monitor.c on the records (SQLite, or PostgreSQL with JR_TEST_DB_URL: the
 * same tests on both): a small demo region is loaded, and the monitor's four parts are read
 * through the use case — the counts checked against the records' own, the budgets against the
 * policy, the waits per month, the own-region rule, bad input naming its field, the audit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "app/figures.h"
#include "app/monitor.h"
#include "core/alloc.h"
#include "demo/demo.h"
#include "json/policy_set.h"
#include "store_fixture.h"

static struct jr_policy_set set;
static struct jr_store *store;
static jr_day today;

static int setup(void **state)
{
	struct jr_diag diag;
	char badf[512];
	struct jr_demo_options o = {0};
	struct jr_demo *d;
	enum jr_err err;

	(void)state;
	jr_policy_set_init(&set);
	if (fx_setup("app-monitor") || jr_date_parse("2026-06-30", 10, &today) ||
	    jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &diag, badf, sizeof(badf)))
		return -1;
	store = fx_open(true);
	o.store = store;
	o.actor = &fx_actor;
	o.policy = jr_region_by_id(&set, "twente", today);
	o.seed = 5;
	o.today = today;
	o.youths = 1500;
	if (!o.policy || !(d = jr_demo_new(&o)))
		return -1;
	err = jr_demo_prepare(d);
	if (!err)
		err = jr_demo_load(d);
	jr_demo_free(d);
	return err ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static struct jr_principal principal(const char *role, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 7};
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	return p;
}

/* Runs the use case and parses its JSON; NULL (and *err) on a refusal. */
static json_t *run(enum jr_app_monitor_kind kind, const char *region, int year,
		   const struct jr_principal *who, enum jr_err *err, struct jr_diag *diag)
{
	struct jr_app app = {.store = store, .actor = &fx_actor, .principal = who,
			     .policies = &set, .today = today, .diag = diag};
	struct jr_buf out;
	json_t *doc = NULL;
	json_error_t e;

	memset(diag, 0, sizeof(*diag));
	jr_buf_init(&out, 1 << 24);
	*err = jr_app_monitor(&app, kind, region, year, today, JR_MON_JSON, &out);
	if (!*err)
		doc = json_loads(jr_buf_str(&out), 0, &e);
	jr_buf_release(&out);
	return doc;
}

static json_t *table(json_t *doc, size_t i)
{
	return json_object_get(json_array_get(json_object_get(doc, "tables"), i), "rows");
}

static json_t *row_of(json_t *rows, const char *municipality, const char *indicator)
{
	size_t i;
	json_t *r;

	json_array_foreach(rows, i, r) {
		if (strcmp(json_string_value(json_object_get(r, "municipality")), municipality) == 0 &&
		    (!indicator ||
		     strcmp(json_string_value(json_object_get(r, "indicator")), indicator) == 0))
			return r;
	}
	return NULL;
}

/* 1 when row r shows its denominator, which must then be `count`; 0 when it hides it (null,
 * with the numerator and the value hidden too). */
static int denominator_is(json_t *r, int64_t count)
{
	json_t *d = json_object_get(r, "denominator");

	if (json_is_null(d)) {
		assert_true(json_is_null(json_object_get(r, "numerator")) &&
			    json_is_null(json_object_get(r, "value")));
		return 0;
	}
	assert_int_equal(json_integer_value(d), count);
	return 1;
}

static void test_targets_match_the_records(void **state)
{
	struct jr_diag diag;
	enum jr_err err;
	json_t *doc = run(JR_APP_MONITOR_TARGETS, "twente", 2026, NULL, &err, &diag), *rows, *r;
	int64_t requests, allocations;
	int shown = 0;
	(void)state;

	assert_int_equal(err, JR_OK);
	assert_non_null(doc);
	rows = table(doc, 0);
	assert_int_equal(json_array_size(rows), 5 * 15);
	requests = fx_count("SELECT COUNT(*) FROM help_requests WHERE raised_on >= '2026-01-01'"
			    " AND raised_on <= '2026-12-31'");
	allocations = fx_count("SELECT COUNT(*) FROM allocations WHERE start_date >= '2026-01-01'"
			       " AND start_date <= '2026-12-31'");
	assert_true(requests > 0 && allocations > 0);
	/* the region's denominators are the records' own counts where they are shown (a share whose
	 * count is hidden, or must be so that no hidden municipality can be worked out from the
	 * region, hides its denominator with it); this small region shows at least one */
	r = row_of(rows, "regio", "social_base_share");
	assert_non_null(r);
	shown += denominator_is(r, requests);
	r = row_of(rows, "regio", "compulsory_share");
	assert_non_null(r);
	shown += denominator_is(r, allocations);
	assert_true(shown >= 1);
	/* the line of secure care for 2026: 60 less 5 % a year for three years */
	r = row_of(rows, "regio", "secure_admissions");
	assert_float_equal(json_number_value(json_object_get(r, "target_value")), 51.4, 0.001);
	json_decref(doc);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'monitor.targets.read'") >=
		    1);
}

/* The targets the figures also publish are cut from the figures' own pattern: a share is shown
 * in the monitor only where the figures' table of the year shows its parts, and then with the
 * same counts — so the two cannot be set against each other to work out a hidden cell. */
static void test_targets_shown_where_the_figures_show(void **state)
{
	static const char *const checks[][3] = {
		{"compulsory_share", "allocations_compulsory", "allocations_started"},
		{"social_base_share", NULL, "help_requests"},
		{"at_home_share", NULL, "children_in_youth_care"},
	};
	struct jr_diag diag, fdiag = {0};
	struct jr_app app = {.store = store, .actor = &fx_actor, .policies = &set, .today = today,
			     .diag = &fdiag};
	struct jr_app_figures_query q = {.region = "twente"};
	enum jr_err err;
	json_t *doc = run(JR_APP_MONITOR_TARGETS, "twente", 2026, NULL, &err, &diag), *fig, *fr, *r;
	struct jr_buf out;
	json_error_t e;
	size_t i, shown = 0, hidden = 0;
	(void)state;

	assert_int_equal(err, JR_OK);
	jr_buf_init(&out, 1 << 22);
	q.from = jr_date_from_ymd(2026, 1, 1);
	q.to = jr_date_from_ymd(2026, 12, 31);
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &out), JR_OK);
	fig = json_loads(jr_buf_str(&out), 0, &e);
	assert_non_null(fig);
	json_array_foreach(json_object_get(fig, "rows"), i, fr) {
		const char *code = json_is_null(json_object_get(fr, "municipality"))
					   ? "regio"
					   : json_string_value(json_object_get(fr, "municipality"));
		for (size_t c = 0; c < sizeof(checks) / sizeof(checks[0]); c++) {
			json_t *den = json_object_get(fr, checks[c][2]);
			json_t *num = checks[c][1] ? json_object_get(fr, checks[c][1]) : NULL;
			r = row_of(table(doc, 0), code, checks[c][0]);
			assert_non_null(r);
			if (json_is_null(den) || (checks[c][1] && json_is_null(num))) {
				assert_true(json_is_null(json_object_get(r, "denominator")));
				assert_true(json_is_null(json_object_get(r, "value")));
				hidden++;
			} else if (!json_is_null(json_object_get(r, "denominator"))) {
				assert_int_equal(json_integer_value(json_object_get(r, "denominator")),
						 json_integer_value(den));
				if (num)
					assert_int_equal(
						json_integer_value(json_object_get(r, "numerator")),
						json_integer_value(num));
				shown++;
			}
		}
	}
	assert_true(shown > 0); /* both happen in this demo region */
	assert_true(hidden > 0);
	json_decref(fig);
	json_decref(doc);
	jr_buf_release(&out);
}

static void test_costs_against_budgets(void **state)
{
	struct jr_diag diag;
	enum jr_err err;
	json_t *doc = run(JR_APP_MONITOR_COSTS, "twente", 2026, NULL, &err, &diag), *rows, *r;
	double sum = 0;
	size_t i;
	(void)state;

	assert_int_equal(err, JR_OK);
	rows = table(doc, 0);
	assert_int_equal(json_array_size(rows), 15);
	json_array_foreach(rows, i, r) {
		if (i + 1 < json_array_size(rows))
			sum += json_number_value(json_object_get(r, "budget"));
	}
	r = row_of(rows, "regio", NULL);
	assert_float_equal(json_number_value(json_object_get(r, "budget")), sum, 0.005);
	/* Enschede's budget for 2026 from the policy: 82 million euros plus 3 % */
	assert_float_equal(json_number_value(json_object_get(row_of(rows, "0153", NULL), "budget")),
			   84460000.0, 0.005);
	/* the demo's result tariffs make the expected costs more than nothing */
	assert_true(json_number_value(json_object_get(r, "expected")) > 0);
	/* and its providers' accepted claims the actual costs, below the expected ones (the months
	 * before the peildatum not all claimed yet) */
	assert_true(json_number_value(json_object_get(r, "actual")) > 0);
	assert_true(json_number_value(json_object_get(r, "actual")) <
		    json_number_value(json_object_get(r, "expected")));
	json_decref(doc);
}

static void test_waiting_and_capacity(void **state)
{
	struct jr_diag diag;
	enum jr_err err;
	json_t *doc = run(JR_APP_MONITOR_WAITING, "twente", 0, NULL, &err, &diag), *rows, *r;
	size_t i;
	(void)state;

	assert_int_equal(err, JR_OK);
	rows = table(doc, 1);
	assert_int_equal(json_array_size(rows), 12);
	assert_string_equal(json_string_value(json_object_get(json_array_get(rows, 11), "month")),
			    "2026-06");
	json_array_foreach(table(doc, 0), i, r) {
		json_t *n = json_object_get(r, "waiting");
		assert_true(json_is_null(n) || json_integer_value(n) >= 5);
	}
	json_decref(doc);
	doc = run(JR_APP_MONITOR_CAPACITY, "twente", 0, NULL, &err, &diag);
	assert_int_equal(err, JR_OK);
	assert_true(json_array_size(table(doc, 0)) > 0);
	json_decref(doc);
}

static void test_refusals(void **state)
{
	struct jr_principal amf = principal("policy", "0307"), tw = principal("policy", "0153"),
			    cons = principal("consulent", "0153");
	struct jr_diag diag;
	enum jr_err err;
	json_t *doc;
	(void)state;

	assert_null(run(JR_APP_MONITOR_TARGETS, "twente", 2026, &amf, &err, &diag));
	assert_int_equal(err, JR_ERR_FORBIDDEN);
	assert_string_equal(diag.path, "region");
	assert_null(run(JR_APP_MONITOR_TARGETS, "twente", 2026, &cons, &err, &diag));
	assert_int_equal(err, JR_ERR_FORBIDDEN);
	assert_null(run(JR_APP_MONITOR_COSTS, "utrecht", 2026, NULL, &err, &diag));
	assert_int_equal(err, JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	assert_null(run(JR_APP_MONITOR_COSTS, "twente", 1999, NULL, &err, &diag));
	assert_int_equal(err, JR_ERR_INPUT);
	assert_string_equal(diag.path, "year");
	/* one's own region, also without naming it */
	doc = run(JR_APP_MONITOR_CAPACITY, NULL, 0, &tw, &err, &diag);
	assert_int_equal(err, JR_OK);
	assert_string_equal(json_string_value(json_object_get(doc, "region")), "twente");
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_targets_match_the_records),
		cmocka_unit_test(test_targets_shown_where_the_figures_show),
		cmocka_unit_test(test_costs_against_budgets),
		cmocka_unit_test(test_waiting_and_capacity),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
