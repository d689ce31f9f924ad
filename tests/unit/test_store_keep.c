/* Unit tests for store/store_keep.c: a request of the server is one bulk transaction; when it is
 * refused or an operation inside fails, what it wrote is undone but its audit entries stay on
 * record, written again and chained anew (jr_store_keep_audit). Entries of a part undone on
 * purpose go with it; a bulk load (keeping off) keeps nothing. SQLite, or PostgreSQL with
 * JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;

static int setup(void **state)
{
	(void)state;
	if (fx_setup("keep"))
		return -1;
	store = fx_open(true);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

static struct jr_person child(const char *bsn)
{
	struct jr_person p = {0};
	snprintf(p.bsn, sizeof(p.bsn), "%s", bsn);
	snprintf(p.given_names, sizeof(p.given_names), "Noor");
	snprintf(p.family_name, sizeof(p.family_name), "Bakker");
	snprintf(p.municipality, sizeof(p.municipality), "0153");
	p.birth_date = jr_date_from_ymd(2016, 5, 1);
	return p;
}

static int64_t entries(const char *action)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM audit_log WHERE action = '%s'", action);
	return fx_count(sql);
}

static void chain_holds(void)
{
	struct jr_audit_verdict v;
	assert_int_equal(jr_store_audit_verify(store, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
}

/* A request that is refused after it wrote: the person is gone, the entries are not. */
static void test_refused_request_keeps_its_audit_entries(void **state)
{
	struct jr_person p = child("111222333");
	int64_t persons = fx_count("SELECT COUNT(*) FROM persons");
	(void)state;
	jr_store_keep_audit(store, true);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "access.denied", p.id, "x"), JR_OK);
	assert_int_equal(jr_store_bulk_end(store, false), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), persons);
	assert_int_equal(entries("person.add"), 1);
	assert_int_equal(entries("access.denied"), 1);
	chain_holds();
}

/* An operation that fails inside (a lookup of nobody) fails the transaction: it is undone, the
 * entries made before stay. */
static void test_failed_operation_keeps_the_entries_before(void **state)
{
	struct jr_person p;
	(void)state;
	jr_store_keep_audit(store, true);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "before.failure", 0, ""), JR_OK);
	assert_int_equal(jr_store_person_get(store, &fx_actor, 987654, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_bulk_end(store, true), JR_ERR_REFUSED);
	assert_int_equal(entries("before.failure"), 1);
	chain_holds();
}

/* A part undone on purpose (a rejected iJw message) takes its entries with it. */
static void test_part_undone_on_purpose_goes_whole(void **state)
{
	(void)state;
	jr_store_keep_audit(store, true);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "outside.part", 0, ""), JR_OK);
	assert_int_equal(jr_store_part_begin(store), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "inside.part", 0, ""), JR_OK);
	assert_int_equal(jr_store_part_end(store, false), JR_OK);
	assert_int_equal(jr_store_bulk_end(store, false), JR_OK);
	assert_int_equal(entries("outside.part"), 1);
	assert_int_equal(entries("inside.part"), 0);
	chain_holds();
}

/* A committed request writes its entries once; a bulk load without keeping keeps nothing of
 * what it undid. */
static void test_commit_once_and_bulk_loads_keep_nothing(void **state)
{
	(void)state;
	jr_store_keep_audit(store, true);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "committed", 0, ""), JR_OK);
	assert_int_equal(jr_store_bulk_end(store, true), JR_OK);
	assert_int_equal(entries("committed"), 1);
	jr_store_keep_audit(store, false);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_audit_event(store, &fx_actor, "bulk.undone", 0, ""), JR_OK);
	assert_int_equal(jr_store_bulk_end(store, false), JR_OK);
	assert_int_equal(entries("bulk.undone"), 0);
	chain_holds();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_request_keeps_its_audit_entries),
		cmocka_unit_test(test_failed_operation_keeps_the_entries_before),
		cmocka_unit_test(test_part_undone_on_purpose_goes_whole),
		cmocka_unit_test(test_commit_once_and_bulk_loads_keep_nothing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
