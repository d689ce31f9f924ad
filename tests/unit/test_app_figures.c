/* Unit tests for app/figures.c: a role without the figures is refused, a period that ends
 * before it begins is named, and the table comes as JSON or CSV. On the store fixture: SQLite,
 * or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/figures.h"
#include "app_test_context.h"

static int setup(void **state)
{
	(void)state;
	return ctx_setup("app-figures", ctx_day("2026-11-23"));
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static void test_refusals(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	jr_buf_init(&out, 1 << 20);
	assert_int_equal(jr_app_figures(&app, app.today, app.today - 1, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "from");
	snprintf(who.role, sizeof(who.role), "consulent");
	as.principal = &who;
	assert_int_equal(jr_app_figures(&as, app.today - 365, app.today, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_FORBIDDEN);
	jr_buf_release(&out);
}

static void test_json_and_csv(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	snprintf(who.role, sizeof(who.role), "policy");
	as.principal = &who;
	jr_buf_init(&out, 1 << 20);
	assert_int_equal(jr_app_figures(&as, app.today - 365, app.today, JR_APP_FIGURES_JSON, &out),
			 JR_OK);
	assert_non_null(strstr(jr_buf_str(&out), "\"suppressed_below\":5"));
	jr_buf_reset(&out);
	assert_int_equal(jr_app_figures(&as, app.today - 365, app.today, JR_APP_FIGURES_CSV, &out),
			 JR_OK);
	assert_null(strchr(jr_buf_str(&out), '{'));
	jr_buf_release(&out);
}

/* The series: the fields of bad input are named, another region than the user's own is
 * refused, and the answer is the region's series per calendar period. */
static void test_series_refusals(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.region = "twente", .grain = JR_APP_FIGURES_MONTH};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	jr_buf_init(&out, 1 << 20);
	q.from = ctx_day("2026-05-01");
	q.to = ctx_day("2026-04-30");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "from");
	q.to = ctx_day("2026-06-30");
	q.grain = (enum jr_app_figures_grain)7;
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "grain");
	q.grain = JR_APP_FIGURES_MONTH;
	snprintf(q.region, sizeof(q.region), "atlantis");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	q.region[0] = '\0'; /* the command line has no region of its own */
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	q.from = ctx_day("2010-01-01");
	snprintf(q.region, sizeof(q.region), "twente");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "to");
	/* a policy maker of Twente (a municipality of Twente) asks for Amersfoort */
	snprintf(who.role, sizeof(who.role), "policy");
	snprintf(who.municipality, sizeof(who.municipality), "0141");
	as.principal = &who;
	q.from = ctx_day("2026-01-01");
	snprintf(q.region, sizeof(q.region), "amersfoort");
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_FORBIDDEN);
	/* a consulent has no figures at all */
	snprintf(who.role, sizeof(who.role), "consulent");
	snprintf(q.region, sizeof(q.region), "twente");
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_FORBIDDEN);
	jr_buf_release(&out);
}

static void test_series_json_and_csv(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.grain = JR_APP_FIGURES_QUARTER};
	struct jr_app as = app;
	struct jr_buf out;
	enum jr_app_figures_grain g;
	const char *s;

	(void)state;
	assert_int_equal(jr_app_figures_grain_parse("kwartaal", &g), JR_OK);
	assert_int_equal(g, JR_APP_FIGURES_QUARTER);
	assert_int_equal(jr_app_figures_grain_parse("week", &g), JR_ERR_INPUT);
	assert_string_equal(jr_app_figures_grain_word(JR_APP_FIGURES_YEAR), "jaar");
	snprintf(who.role, sizeof(who.role), "policy");
	snprintf(who.municipality, sizeof(who.municipality), "0307");
	as.principal = &who;
	jr_buf_init(&out, 1 << 22);
	q.from = ctx_day("2026-02-15");
	q.to = ctx_day("2026-11-23");
	/* no region asked for: the user's own, Amersfoort */
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out), JR_OK);
	s = jr_buf_str(&out);
	assert_non_null(strstr(s, "{\"region\":\"amersfoort\",\"from\":\"2026-02-15\","
				  "\"to\":\"2026-11-23\",\"grain\":\"kwartaal\""));
	assert_non_null(strstr(s, "{\"period\":\"2026-K1\",\"from\":\"2026-02-15\","
				  "\"to\":\"2026-03-31\",\"rows\":[{\"municipality\":\"0307\""));
	assert_non_null(strstr(s, "{\"period\":\"2026-K4\",\"from\":\"2026-10-01\","
				  "\"to\":\"2026-11-23\""));
	assert_null(strstr(s, "2026-K5"));
	assert_null(strstr(s, "\"0141\"")); /* never a municipality of another region */
	jr_buf_reset(&out);
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_CSV, &out), JR_OK);
	s = jr_buf_str(&out);
	assert_memory_equal(s, "gemeentecode;gemeente;periode;indicator;waarde\r\n", 48);
	assert_non_null(strstr(s, "\r\n0307;Amersfoort;2026-K1;help_requests;"));
	assert_non_null(strstr(s, "\r\n;regio;2026-K4;help_requests;"));
	assert_null(strstr(s, "0141;"));
	jr_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_json_and_csv),
		cmocka_unit_test(test_series_refusals),
		cmocka_unit_test(test_series_json_and_csv),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
