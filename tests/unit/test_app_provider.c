/* Unit tests for app/provider.c: the field rules of a provider and a contract live in the use
 * case (each refusal names its field), a status changes only from the version read, a role
 * without providers is refused, and a contract check says whether and why a contract covers a
 * form in a municipality. On the store fixture: SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/provider.h"
#include "json/policy_set.h"
#include "store_fixture.h"

static struct jr_policy_set set;
static struct jr_store *store;
static struct jr_diag diag;
static struct jr_app app;
static int64_t provider_id;

static int setup(void **state)
{
	struct jr_diag d;
	char bad[512];

	(void)state;
	if (fx_setup("app-provider"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)))
		return -1;
	store = fx_open(true);
	memset(&app, 0, sizeof(app));
	app.store = store;
	app.actor = &fx_actor;
	app.policies = &set;
	app.today = 20000;
	app.diag = &diag;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static jr_day day(const char *s)
{
	jr_day d = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &d), JR_OK);
	return d;
}

static struct jr_provider provider(const char *agb, const char *name)
{
	struct jr_provider p = {0};
	snprintf(p.agb, sizeof(p.agb), "%s", agb);
	snprintf(p.name, sizeof(p.name), "%s", name);
	return p;
}

static void test_provider_fields_are_checked(void **state)
{
	struct jr_provider p = provider("1234567", "Jeugdhulp Oost");

	(void)state;
	assert_int_equal(jr_app_provider_add(&app, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "agb");
	p = provider("81234567", "Jeugdhulp Oost");
	snprintf(p.kvk, sizeof(p.kvk), "8765432A");
	assert_int_equal(jr_app_provider_add(&app, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "kvk");
	p = provider("81234567", "");
	assert_int_equal(jr_app_provider_add(&app, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "name");
}

static void test_provider_added_once_per_agb(void **state)
{
	struct jr_provider p = provider("81234567", "Jeugdhulp Oost"), again, got;

	(void)state;
	assert_int_equal(jr_app_provider_add(&app, &p), JR_OK);
	assert_true(p.id > 0);
	assert_int_equal(p.version, 1);
	provider_id = p.id;
	again = provider("81234567", "Een andere naam");
	assert_int_equal(jr_app_provider_add(&app, &again), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "AGB-code"));
	assert_int_equal(jr_app_provider_get(&app, provider_id, &got), JR_OK);
	assert_string_equal(got.name, "Jeugdhulp Oost");
	assert_int_equal(jr_app_provider_get(&app, provider_id + 1000, &got), JR_ERR_NOT_FOUND);
	assert_non_null(strstr(diag.message, "niet gevonden"));
}

static void test_status_from_the_version_read(void **state)
{
	struct jr_provider p;

	(void)state;
	assert_int_equal(jr_app_provider_set_status(&app, provider_id, 1, JR_PROVIDER_SUSPENDED, &p),
			 JR_OK);
	assert_int_equal(p.status, JR_PROVIDER_SUSPENDED);
	assert_int_equal(p.version, 2);
	assert_int_equal(jr_app_provider_set_status(&app, provider_id, 1, JR_PROVIDER_ACTIVE, &p),
			 JR_ERR_CONFLICT);
	assert_string_equal(diag.path, "version");
	assert_int_equal(jr_app_provider_set_status(&app, provider_id, 2, JR_PROVIDER_ACTIVE, &p),
			 JR_OK);
}

static void test_a_role_without_providers_is_refused(void **state)
{
	struct jr_principal who = {.user_id = 7};
	struct jr_app as = app;
	struct jr_provider p;

	(void)state;
	snprintf(who.role, sizeof(who.role), "policy");
	as.principal = &who;
	assert_int_equal(jr_app_provider_get(&as, provider_id, &p), JR_ERR_FORBIDDEN);
	snprintf(who.role, sizeof(who.role), "contract_manager");
	assert_int_equal(jr_app_provider_get(&as, provider_id, &p), JR_OK);
}

static void test_contract_fields_are_checked(void **state)
{
	struct jr_contract c = {.provider_id = 0};

	(void)state;
	c.provider_id = provider_id;
	snprintf(c.region, sizeof(c.region), "utrecht");
	c.forms = 1u << 5;
	c.start = day("2024-01-01");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	assert_non_null(strstr(diag.message, "twente"));
	snprintf(c.region, sizeof(c.region), "twente");
	snprintf(c.municipality, sizeof(c.municipality), "0307");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	c.municipality[0] = '\0';
	c.forms = 1u << 11;
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "forms");
	c.forms = 1u << 5;
	c.has_end = true;
	c.end = day("2023-12-31");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "end");
	c.has_end = false;
	snprintf(c.unit, sizeof(c.unit), "Uur");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "unit");
	c.unit[0] = '\0';
	snprintf(c.product_codes, sizeof(c.product_codes), "45A01,,45A02");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_INPUT);
	assert_string_equal(diag.path, "product_codes");
	c.product_codes[0] = '\0';
	c.provider_id = provider_id + 1000;
	assert_int_equal(jr_app_contract_add(&app, &c), JR_ERR_NOT_FOUND);
}

static enum jr_err count_contract(void *ctx, const struct jr_contract *c)
{
	(void)c;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_contract_added_listed_and_checked(void **state)
{
	struct jr_contract c = {0};
	struct jr_app_contract_cover cover;
	int count = 0;

	(void)state;
	c.provider_id = provider_id;
	snprintf(c.region, sizeof(c.region), "twente");
	c.forms = 1u << 5 | 1u << 6;
	c.start = day("2024-01-01");
	assert_int_equal(jr_app_contract_add(&app, &c), JR_OK);
	assert_true(c.id > 0);
	assert_int_equal(jr_app_contracts(&app, provider_id, count_contract, &count), JR_OK);
	assert_int_equal(count, 1);
	assert_int_equal(jr_app_contracts(&app, provider_id + 1000, count_contract, &count),
			 JR_ERR_NOT_FOUND);

	assert_int_equal(jr_app_contract_check(&app, provider_id, 6, "0164", day("2030-06-01"),
					       &cover),
			 JR_OK);
	assert_true(cover.covers);
	assert_string_equal(cover.region, "twente");
	assert_string_equal(cover.municipality_name, "Hengelo");
	assert_non_null(strstr(cover.why, "dekt vorm 6"));
	assert_int_equal(jr_app_contract_check(&app, provider_id, 3, "0164", day("2030-06-01"),
					       &cover),
			 JR_OK);
	assert_false(cover.covers);
	assert_int_equal(jr_app_contract_check(&app, provider_id, 3, "9999", day("2030-06-01"),
					       &cover),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	assert_int_equal(jr_app_contract_check(&app, provider_id, 11, "0164", day("2030-06-01"),
					       &cover),
			 JR_ERR_INPUT);
	assert_string_equal(diag.path, "form");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_provider_fields_are_checked),
		cmocka_unit_test(test_provider_added_once_per_agb),
		cmocka_unit_test(test_status_from_the_version_read),
		cmocka_unit_test(test_a_role_without_providers_is_refused),
		cmocka_unit_test(test_contract_fields_are_checked),
		cmocka_unit_test(test_contract_added_listed_and_checked),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
