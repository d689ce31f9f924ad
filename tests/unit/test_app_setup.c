/* Unit tests for app/setup.c: the first run records every policy file and makes "admin" (with
 * a made password when none is given); a second run adds nothing. On the store fixture: SQLite,
 * or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/setup.h"
#include "app_test_context.h"

static int setup(void **state)
{
	(void)state;
	return ctx_setup("app-setup", ctx_day("2026-11-23"));
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static void test_a_short_password_is_refused(void **state)
{
	struct jr_app_setup done;

	(void)state;
	assert_int_equal(jr_app_setup(&app, "kort", &done), JR_ERR_INPUT);
	assert_string_equal(diag.path, "password");
}

static void test_first_and_second_run(void **state)
{
	struct jr_app_setup done;
	bool existed;

	(void)state;
	/* the fixture's database may be shared (PostgreSQL): admin may exist already */
	assert_int_equal(jr_store_user_exists(ctx_store, JR_APP_SETUP_ADMIN, &existed), JR_OK);
	assert_int_equal(jr_app_setup(&app, NULL, &done), JR_OK);
	assert_int_equal(done.policy_files, (int)ctx_set.count);
	assert_true(done.schema_now > 0);
	assert_true(done.audit_key);
	assert_int_equal(done.admin_existed, existed);
	if (!existed)
		assert_int_equal(strlen(done.password), 20);
	assert_int_equal(jr_app_setup(&app, NULL, &done), JR_OK);
	assert_int_equal(done.policies_added, 0);
	assert_true(done.admin_existed);
	assert_string_equal(done.password, "");
}

/* A --db as shown in messages and logs: never its password. */
static void test_database_url_shown_without_password(void **state)
{
	char out[256];
	(void)state;
	jr_app_db_shown("postgres://jr:geheim@db1:5432,db2:5432/jr?target_session_attrs=read-write",
			out, sizeof(out));
	assert_string_equal(out, "postgres://jr:***@db1:5432,db2:5432/jr?target_session_attrs=read-write");
	jr_app_db_shown("postgresql://jr@db1/jr?sslmode=require&password=geheim&x=1", out, sizeof(out));
	assert_string_equal(out, "postgresql://jr@db1/jr?sslmode=require&password=***&x=1");
	jr_app_db_shown("host=db1,db2 password='ge heim\\'' dbname=jr", out, sizeof(out));
	assert_string_equal(out, "host=db1,db2 password=*** dbname=jr");
	jr_app_db_shown("host=db1 password=geheim", out, sizeof(out));
	assert_string_equal(out, "host=db1 password=***");
	jr_app_db_shown("var/jeugdroute.db", out, sizeof(out));
	assert_string_equal(out, "var/jeugdroute.db");
	jr_app_db_shown("postgres://jr:geheim@db1/jr", out, 12); /* cut short, still no password */
	assert_string_equal(out, "postgres://");
	assert_true(jr_app_db_is_postgres("host=db1,db2 dbname=jr target_session_attrs=read-write"));
	assert_false(jr_app_db_is_postgres("var/jeugdroute.db"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_short_password_is_refused),
		cmocka_unit_test(test_database_url_shown_without_password),
		cmocka_unit_test(test_first_and_second_run),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
