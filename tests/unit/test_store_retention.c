/* Unit tests for store/store_retention.c: who is past the retention period, and erasing them
 * completely while never touching a child with open help. SQLite, or PostgreSQL with
 * JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/care.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static int64_t closed_child, open_child, closed_request;

static int64_t child_with_request(const char *bsn, bool withdraw)
{
	struct jr_person p = {0};
	struct jr_help_request h = {0};
	snprintf(p.bsn, sizeof(p.bsn), "%s", bsn);
	snprintf(p.given_names, sizeof(p.given_names), "Kind");
	snprintf(p.family_name, sizeof(p.family_name), "Test");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = jr_date_from_ymd(2012, 1, 1);
	if (jr_store_person_add(store, &fx_actor, &p))
		return 0;
	h.child_id = p.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	h.raised_on = jr_date_from_ymd(2026, 1, 1);
	snprintf(h.question, sizeof(h.question), "Vraag");
	memcpy(h.municipality, "0153", 5);
	if (jr_store_help_request_add(store, &fx_actor, &h))
		return 0;
	if (withdraw && jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN))
		return 0;
	if (withdraw)
		closed_request = h.id;
	return p.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	(void)state;
	if (fx_setup("ret"))
		return -1;
	if (jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	closed_child = child_with_request("123456782", true);
	open_child = child_with_request("111111110", false);
	return closed_child && open_child ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

struct found {
	int64_t ids[8];
	int count;
};

static enum jr_err note(void *arg, int64_t child, jr_day last)
{
	struct found *f = arg;
	(void)last;
	if (f->count < 8)
		f->ids[f->count++] = child;
	return JR_OK;
}

static void test_candidates_respect_the_period(void **state)
{
	(void)state;
	struct found f = {0};
	/* the last activity is today: not past a cut-off 20 years before a date in 2046 */
	assert_int_equal(jr_store_retention_candidates(store, &fx_actor,
						       jr_date_from_ymd(2026, 1, 1), note, &f),
			 JR_OK);
	assert_int_equal(f.count, 0);
	/* far enough in the future, only the child without open help is a candidate */
	assert_int_equal(jr_store_retention_candidates(store, &fx_actor,
						       jr_date_from_ymd(2100, 1, 1), note, &f),
			 JR_OK);
	assert_int_equal(f.count, 1);
	assert_int_equal(f.ids[0], closed_child);
}

static void test_erase(void **state)
{
	(void)state;
	struct jr_person p;
	struct found f = {0};
	/* a measure with its extension and an authorisation (principle 8) goes with the child */
	struct jr_measure_record m = {.child_id = closed_child, .kind = JR_MEASURE_OTS,
				      .court_date = jr_date_from_ymd(2026, 1, 1),
				      .start = jr_date_from_ymd(2026, 1, 1), .has_end = true,
				      .end = jr_date_from_ymd(2026, 6, 30)};
	struct jr_measure_extension e = {.court_date = jr_date_from_ymd(2026, 6, 1),
					 .new_end = jr_date_from_ymd(2026, 12, 31)};
	struct jr_measure_authorisation au = {.kind = JR_AUTH_UITHUISPLAATSING,
					      .court_date = jr_date_from_ymd(2026, 2, 1),
					      .start = jr_date_from_ymd(2026, 2, 1), .has_end = true,
					      .end = jr_date_from_ymd(2026, 6, 30)};
	assert_int_equal(jr_store_measure_add(store, &fx_actor, &m), JR_OK);
	e.measure_id = au.measure_id = m.id;
	assert_int_equal(jr_store_measure_extend(store, &fx_actor, &e), JR_OK);
	assert_int_equal(jr_store_authorisation_add(store, &fx_actor, &au), JR_OK);
	/* the journal, append-only otherwise, goes with the child too: a note and its correction */
	struct jr_note n = {.help_request_id = closed_request, .date = jr_date_from_ymd(2026, 1, 2)};
	snprintf(n.kind, sizeof(n.kind), "conversation");
	snprintf(n.text, sizeof(n.text), "Gesprek met moeder.");
	assert_int_equal(jr_store_note_add(store, &fx_actor, &n), JR_OK);
	n.corrects = n.id;
	snprintf(n.text, sizeof(n.text), "Verbetering: met vader.");
	assert_int_equal(jr_store_note_add(store, &fx_actor, &n), JR_OK);
	assert_int_equal(jr_store_erase_child(store, &fx_actor, open_child), JR_ERR_REFUSED);
	assert_int_equal(jr_store_erase_child(store, &fx_actor, 99999), JR_ERR_REFUSED);
	assert_int_equal(jr_store_erase_child(store, &fx_actor, closed_child), JR_OK);
	assert_int_equal(jr_store_person_get(store, &fx_actor, closed_child, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_person_get(store, &fx_actor, open_child, &p), JR_OK);
	assert_int_equal(jr_store_retention_candidates(store, &fx_actor,
						       jr_date_from_ymd(2100, 1, 1), note, &f),
			 JR_OK);
	assert_int_equal(f.count, 0);
}

static void test_erase_leaves_no_rows_behind(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_db_stmt *st;
	char msg[JR_DB_ERRMSG_MAX];
	bool row;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_prepare(db,
				       "SELECT (SELECT COUNT(*) FROM help_requests WHERE child_id = $1)"
				       " + (SELECT COUNT(*) FROM measures WHERE child_id = $1)"
				       " + (SELECT COUNT(*) FROM measure_extensions)"
				       " + (SELECT COUNT(*) FROM measure_authorisations)"
				       " + (SELECT COUNT(*) FROM journal_notes)"
				       " + (SELECT COUNT(*) FROM persons WHERE id = $1)"
				       " + (SELECT COUNT(*) FROM record_history WHERE record_table ="
				       " 'persons' AND record_id = $1),"
				       " (SELECT COUNT(*) FROM audit_log WHERE action = 'retention.erase'"
				       " AND person_id = $1)",
				       &st),
			 JR_OK);
	assert_int_equal(jr_db_bind_int(st, 1, closed_child), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	assert_int_equal(jr_db_col_int(st, 0), 0);
	assert_int_equal(jr_db_col_int(st, 1), 1);
	jr_db_finalize(st);
	jr_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_candidates_respect_the_period),
		cmocka_unit_test(test_erase),
		cmocka_unit_test(test_erase_leaves_no_rows_behind),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
