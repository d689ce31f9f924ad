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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_json_and_csv),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
