/* Unit tests for store/store_provider.c: providers are added once per AGB code, read back, and
 * change status only from the version read, with history and an audit entry; contracts belong to
 * a known provider and cover a form, a municipality or the whole region, and a period, at their
 * edges. The same tests run on SQLite (a temporary file) and, with JR_TEST_DB_URL=postgres://…
 * (tools/pg-test.sh), on PostgreSQL; counts are taken relative to what was there, so the
 * database may hold the rows of other store tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/store.h"
#include "store_fixture.h"

static int64_t provider_a, provider_b; /* set by the tests that add them, in order */

static int setup(void **state)
{
	(void)state;
	return fx_setup("store-provider");
}

static int teardown(void **state)
{
	(void)state;
	return fx_teardown();
}

static struct jr_provider provider(const char *agb, const char *name)
{
	struct jr_provider p = {0};
	snprintf(p.agb, sizeof(p.agb), "%s", agb);
	snprintf(p.name, sizeof(p.name), "%s", name);
	return p;
}

static jr_day day(const char *s)
{
	jr_day d = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &d), JR_OK);
	return d;
}

static struct jr_contract contract(int64_t provider_id, const char *region,
				   const char *municipality, unsigned forms, const char *start,
				   const char *end)
{
	struct jr_contract c = {0};
	c.provider_id = provider_id;
	snprintf(c.region, sizeof(c.region), "%s", region);
	snprintf(c.municipality, sizeof(c.municipality), "%s", municipality);
	c.forms = forms;
	c.start = day(start);
	c.has_end = end != NULL;
	if (end)
		c.end = day(end);
	return c;
}

static bool covers(int64_t provider_id, int form, const char *region, const char *municipality,
		   const char *date)
{
	struct jr_store *s = fx_open(false);
	bool yes = true;
	assert_int_equal(jr_store_contract_covers(s, provider_id, form, region, municipality,
						  day(date), &yes),
			 JR_OK);
	jr_store_close(s);
	return yes;
}

static void test_init(void **state)
{
	(void)state;
	jr_store_close(fx_open(true));
}

static void test_provider_add_and_get(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_provider p = provider("12345678", "Jeugdhulp Oost"), got;
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'provider.add'");
	snprintf(p.kvk, sizeof(p.kvk), "87654321");
	snprintf(p.quality, sizeof(p.quality), "HKZ, Keurmerk \"Kwaliteit\"");
	p.status = JR_PROVIDER_UNDER_INVESTIGATION;
	p.demo = true;
	assert_int_equal(jr_store_provider_add(s, &fx_actor, &p), JR_OK);
	assert_true(p.id > 0);
	assert_int_equal(p.version, 1);
	provider_a = p.id;
	assert_int_equal(jr_store_provider_get(s, p.id, &got), JR_OK);
	assert_int_equal(got.id, p.id);
	assert_string_equal(got.agb, "12345678");
	assert_string_equal(got.kvk, "87654321");
	assert_string_equal(got.name, "Jeugdhulp Oost");
	assert_int_equal(got.status, JR_PROVIDER_UNDER_INVESTIGATION);
	assert_string_equal(got.quality, "HKZ, Keurmerk \"Kwaliteit\"");
	assert_true(got.demo);
	assert_int_equal(got.version, 1);

	/* without a KvK number, quality marks or demo mark */
	p = provider("23456789", "Pleegzorg Twente");
	assert_int_equal(jr_store_provider_add(s, &fx_actor, &p), JR_OK);
	assert_true(p.id > provider_a);
	provider_b = p.id;
	assert_int_equal(jr_store_provider_get(s, p.id, &got), JR_OK);
	assert_string_equal(got.kvk, "");
	assert_string_equal(got.quality, "");
	assert_int_equal(got.status, JR_PROVIDER_ACTIVE);
	assert_false(got.demo);

	assert_int_equal(jr_store_provider_get(s, 999999, &got), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'provider.add'"),
			 audits + 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'provider.add'"
				  " AND person_id IS NOT NULL"),
			 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM providers WHERE agb = '23456789'"
				  " AND kvk IS NULL"),
			 1);
}

static void test_duplicate_agb_is_a_conflict(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_provider p = provider("12345678", "Een andere naam");
	int64_t providers = fx_count("SELECT COUNT(*) FROM providers");
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log");
	assert_int_equal(jr_store_provider_add(s, &fx_actor, &p), JR_ERR_CONFLICT);
	/* a status outside the enum is refused before anything is written */
	p = provider("34567890", "Onbekende status");
	p.status = JR_PROVIDER_STATUS_COUNT;
	assert_int_equal(jr_store_provider_add(s, &fx_actor, &p), JR_ERR_INPUT);
	/* the store is usable after the failed transaction */
	assert_int_equal(jr_store_provider_get(s, provider_a, &p), JR_OK);
	assert_string_equal(p.name, "Jeugdhulp Oost");
	jr_store_close(s);
	/* nothing half-written: no provider, no audit entry */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM providers"), providers);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_status_change_needs_the_version_read(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_provider p, stale, got;
	char sql[300];
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log"
				  " WHERE action = 'provider.status'");
	assert_int_equal(jr_store_provider_get(s, provider_b, &p), JR_OK);
	stale = p;
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &p, JR_PROVIDER_SUSPENDED),
			 JR_OK);
	assert_int_equal(p.version, 2);
	assert_int_equal(p.status, JR_PROVIDER_SUSPENDED);
	assert_string_equal(p.name, "Pleegzorg Twente");
	/* a writer holding version 1 is refused and changes nothing */
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &stale, JR_PROVIDER_ACTIVE),
			 JR_ERR_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(jr_store_provider_get(s, provider_b, &got), JR_OK);
	assert_int_equal(got.status, JR_PROVIDER_SUSPENDED);
	assert_int_equal(got.version, 2);
	/* a version from the future is as stale as one from the past */
	got.version = 3;
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &got, JR_PROVIDER_ACTIVE),
			 JR_ERR_CONFLICT);
	/* unknown provider, unknown status */
	got = p;
	got.id = 999999;
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &got, JR_PROVIDER_ACTIVE),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &p, JR_PROVIDER_STATUS_COUNT),
			 JR_ERR_INPUT);
	/* and back, from the version now read */
	assert_int_equal(jr_store_provider_set_status(s, &fx_actor, &p, JR_PROVIDER_ACTIVE), JR_OK);
	assert_int_equal(p.version, 3);
	jr_store_close(s);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM record_history WHERE record_table = 'providers'"
		 " AND record_id = %lld AND changed_by = 'test'",
		 (long long)provider_b);
	assert_int_equal(fx_count(sql), 2);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM record_history WHERE record_table = 'providers'"
		 " AND record_id = %lld AND version = 1"
		 " AND before_json LIKE '%%\"status\":\"active\"%%'",
		 (long long)provider_b);
	assert_int_equal(fx_count(sql), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM record_history WHERE record_table = 'providers'"
		 " AND record_id = %lld AND version = 2"
		 " AND before_json LIKE '%%\"status\":\"suspended\"%%'",
		 (long long)provider_b);
	assert_int_equal(fx_count(sql), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"
				  " WHERE action = 'provider.status'"),
			 audits + 2);
}

static void test_contract_for_unknown_provider_is_not_found(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_contract c = contract(999999, "twente", "", 1u << 5, "2024-01-01", NULL);
	int64_t contracts = fx_count("SELECT COUNT(*) FROM contracts");
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log");
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_NOT_FOUND);
	assert_int_equal(c.id, 0);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM contracts"), contracts);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_contract_bad_input_is_refused(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_contract c;
	int64_t contracts = fx_count("SELECT COUNT(*) FROM contracts");
	c = contract(provider_a, "twente", "", 0, "2024-01-01", NULL); /* no form */
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "twente", "", 1u << 0, "2024-01-01", NULL); /* form 0 */
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "twente", "", 1u << 11, "2024-01-01", NULL); /* form 11 */
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "", "", 1u << 5, "2024-01-01", NULL); /* no region */
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "twente", "", 1u << 5, "2024-01-02", "2024-01-01");
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "twente", "", 1u << 5, "2024-01-01", NULL);
	c.tariff_cents = -1;
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	c = contract(provider_a, "twente", "", 1u << 5, "2024-01-01", NULL);
	c.capacity = -1;
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_ERR_INPUT);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM contracts"), contracts);
}

static void test_contracts_are_stored(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_contract c;
	char sql[300];
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'contract.add'");
	/* provider A: forms 5 and 6 for all of Twente, open-ended */
	c = contract(provider_a, "twente", "", 1u << 5 | 1u << 6, "2024-01-01", NULL);
	c.tariff_cents = 18950;
	snprintf(c.unit, sizeof(c.unit), "dag");
	c.capacity = 12;
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_OK);
	assert_true(c.id > 0);
	/* provider A: form 3 in Enschede alone, for 2024 */
	c = contract(provider_a, "twente", "0153", 1u << 3, "2024-01-01", "2024-12-31");
	snprintf(c.product_codes, sizeof(c.product_codes), "45A01,45A02");
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_OK);
	/* provider A: form 10 in Amersfoort's region for one day (form 1 must not match ",10,") */
	c = contract(provider_a, "amersfoort", "", 1u << 10, "2024-01-01", "2024-01-01");
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_OK);
	/* provider B: form 4 in Hengelo */
	c = contract(provider_b, "twente", "0164", 1u << 4, "2024-01-01", NULL);
	assert_int_equal(jr_store_contract_add(s, &fx_actor, &c), JR_OK);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'contract.add'"),
			 audits + 4);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM contracts WHERE provider_id = %lld AND municipality IS NULL"
		 " AND forms = ',5,6,' AND tariff_cents = 18950 AND unit = 'dag' AND capacity = 12"
		 " AND start_date = '2024-01-01' AND end_date IS NULL",
		 (long long)provider_a);
	assert_int_equal(fx_count(sql), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM contracts WHERE provider_id = %lld AND municipality = '0153'"
		 " AND forms = ',3,' AND product_codes = '45A01,45A02' AND tariff_cents IS NULL"
		 " AND unit IS NULL AND capacity IS NULL AND end_date = '2024-12-31'",
		 (long long)provider_a);
	assert_int_equal(fx_count(sql), 1);
}

static void test_covers_region_wide_and_open_ended(void **state)
{
	(void)state;
	/* any municipality of the region, from the first day, without end */
	assert_true(covers(provider_a, 5, "twente", "0164", "2024-01-01"));
	assert_true(covers(provider_a, 6, "twente", "0153", "2030-06-15"));
	assert_true(covers(provider_a, 5, "twente", "0141", "2199-12-31"));
	assert_false(covers(provider_a, 5, "twente", "0164", "2023-12-31")); /* before start */
	/* not in another region */
	assert_false(covers(provider_a, 5, "amersfoort", "0307", "2024-06-01"));
}

static void test_covers_one_municipality_and_its_period(void **state)
{
	(void)state;
	assert_true(covers(provider_a, 3, "twente", "0153", "2024-01-01"));  /* first day */
	assert_true(covers(provider_a, 3, "twente", "0153", "2024-12-31"));  /* last day */
	assert_false(covers(provider_a, 3, "twente", "0153", "2023-12-31")); /* before start */
	assert_false(covers(provider_a, 3, "twente", "0153", "2025-01-01")); /* after end */
	/* only that municipality, not the rest of its region */
	assert_false(covers(provider_a, 3, "twente", "0164", "2024-06-01"));
	/* a one-day contract */
	assert_true(covers(provider_a, 10, "amersfoort", "0307", "2024-01-01"));
	assert_false(covers(provider_a, 10, "amersfoort", "0307", "2024-01-02"));
}

static void test_covers_only_the_contracted_forms(void **state)
{
	(void)state;
	assert_false(covers(provider_a, 4, "twente", "0153", "2024-06-01"));
	assert_false(covers(provider_a, 7, "twente", "0164", "2024-06-01"));
	assert_false(covers(provider_a, 1, "amersfoort", "0307", "2024-01-01")); /* not ",10," */
	assert_false(covers(provider_a, 2, "twente", "0153", "2024-06-01"));
	/* a form outside 1..10 is bad input, not "no" */
	struct jr_store *s = fx_open(false);
	bool yes = true;
	assert_int_equal(jr_store_contract_covers(s, provider_a, 0, "twente", "0153",
						  day("2024-06-01"), &yes),
			 JR_ERR_INPUT);
	assert_false(yes);
	assert_int_equal(jr_store_contract_covers(s, provider_a, 11, "twente", "0153",
						  day("2024-06-01"), &yes),
			 JR_ERR_INPUT);
	jr_store_close(s);
}

static void test_covers_only_its_own_provider(void **state)
{
	(void)state;
	assert_true(covers(provider_b, 4, "twente", "0164", "2024-06-01"));
	assert_false(covers(provider_a, 4, "twente", "0164", "2024-06-01"));
	assert_false(covers(provider_b, 5, "twente", "0164", "2024-06-01"));
	assert_false(covers(provider_b, 3, "twente", "0153", "2024-06-01"));
	assert_false(covers(999999, 5, "twente", "0164", "2024-06-01"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_provider_add_and_get),
		cmocka_unit_test(test_duplicate_agb_is_a_conflict),
		cmocka_unit_test(test_status_change_needs_the_version_read),
		cmocka_unit_test(test_contract_for_unknown_provider_is_not_found),
		cmocka_unit_test(test_contract_bad_input_is_refused),
		cmocka_unit_test(test_contracts_are_stored),
		cmocka_unit_test(test_covers_region_wide_and_open_ended),
		cmocka_unit_test(test_covers_one_municipality_and_its_period),
		cmocka_unit_test(test_covers_only_the_contracted_forms),
		cmocka_unit_test(test_covers_only_its_own_provider),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
