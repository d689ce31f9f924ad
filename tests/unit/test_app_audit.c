/* Unit tests for app/audit.c: the chain holds after the use cases wrote to it, an event and a
 * checkpoint are written, a rotation adds a key that the chain then uses. On the store fixture:
 * SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/audit.h"
#include "app_test_context.h"

static int setup(void **state)
{
	(void)state;
	return ctx_setup("app-audit", ctx_day("2026-11-23"));
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static void test_an_event_and_a_checkpoint_and_the_chain_holds(void **state)
{
	struct jr_audit_verdict v;

	(void)state;
	assert_int_equal(jr_app_audit_event(&app, "request.refused", 0, "GET /x 403"), JR_OK);
	assert_int_equal(jr_app_audit_checkpoint(&app, true), JR_OK);
	assert_int_equal(jr_app_audit_verify(&app, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.bad_checkpoint_line, 0);
	assert_true(v.entries >= 1);
	assert_true(v.checkpoints >= 1);
}

static void test_a_rotation_adds_the_key_in_use(void **state)
{
	struct jr_audit_key_info keys[JR_APP_AUDIT_KEYS_MAX];
	struct jr_audit_verdict v;
	size_t before, after;
	char id[17];

	(void)state;
	assert_int_equal(jr_app_audit_keys(&app, keys, JR_APP_AUDIT_KEYS_MAX, &before), JR_OK);
	assert_true(before >= 1);
	assert_int_equal(jr_app_audit_rotate_key(&app, id), JR_OK);
	assert_int_equal(jr_app_audit_keys(&app, keys, JR_APP_AUDIT_KEYS_MAX, &after), JR_OK);
	assert_int_equal(after, before + 1);
	assert_string_equal(keys[after - 1].id, id);
	assert_true(keys[after - 1].in_use);
	assert_false(keys[0].in_use);
	assert_int_equal(jr_app_audit_verify(&app, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	/* at most `max` are listed */
	assert_int_equal(jr_app_audit_keys(&app, keys, 1, &after), JR_OK);
	assert_int_equal(after, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_event_and_a_checkpoint_and_the_chain_holds),
		cmocka_unit_test(test_a_rotation_adds_the_key_in_use),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
