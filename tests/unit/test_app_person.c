/* Unit tests for app/person.c and app/retention.c: a person is registered and changed only with
 * fields that pass the checks (BSN eleven-test, a date that exists, a municipality of a policy
 * file, an address with a street), each refusal naming its field; a change names the version
 * read. A user reads a person only within its reach: one out of reach and one that does not
 * exist get the same answer (audited), a role that reads no persons is refused, and the same
 * holds for its involvement, timeline and access log and for a search by BSN. Erasing after the
 * retention period is the operator's alone. Runs on SQLite, or on PostgreSQL with
 * JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/person.h"
#include "app/retention.h"
#include "store_fixture.h"
#include "json/policy_set.h"

static struct jr_store *store;
static struct jr_policy_set policies;
static struct jr_diag diag;
static int64_t sanne; /* registered by test_add */

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app-person"))
		return -1;
	jr_policy_set_init(&policies);
	if (jr_policy_set_load_dir(&policies, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) != JR_OK) {
		fprintf(stderr, "policies: %s: %s\n", bad, d.message);
		return -1;
	}
	if (jr_store_open(fx_db_path, fx_key_path, true, &store, &d)) {
		fprintf(stderr, "open: %s\n", d.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&policies);
	return fx_teardown();
}

static struct jr_app app_as(const struct jr_principal *p)
{
	memset(&diag, 0, sizeof(diag));
	return (struct jr_app){.store = store,
	                       .actor = &fx_actor,
	                       .principal = p,
	                       .policies = &policies,
	                       .today = jr_date_from_ymd(2026, 12, 1),
	                       .diag = &diag};
}

static struct jr_principal user_of(const char *role, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 1};
	snprintf(p.username, sizeof(p.username), "u.test");
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	return p;
}

static struct jr_person_input sanne_input(void)
{
	return (struct jr_person_input){.bsn = "123456782",
	                                .given_names = "Sanne",
	                                .family_name = "de Vries",
	                                .birth_date = "2015-04-02",
	                                .municipality = "0153"};
}

static void test_add(void **state)
{
	(void)state;
	struct jr_person_input in = sanne_input();
	struct jr_person p;
	struct jr_app app = app_as(NULL);
	int64_t before = fx_count("SELECT COUNT(*) FROM persons");

	in.bsn = "123456789";
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "bsn");
	in = sanne_input();
	in.birth_date = "2015-02-30";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "birth_date");
	in = sanne_input();
	in.municipality = "9999";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	assert_non_null(strstr(diag.message, "9999 staat in geen beleidsbestand"));
	in = sanne_input();
	in.postcode = "7514AE";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "address.street");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), before);

	in = sanne_input();
	in.street = "Hengelosestraat";
	in.house_number = "12";
	in.postcode = "7514AE";
	in.place = "Enschede";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_OK);
	assert_true(p.id > 0);
	assert_int_equal(p.version, 1);
	assert_int_equal(p.address.house_number, 12);
	sanne = p.id;
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "al een persoon met dit BSN"));
}

static void test_update_from_the_version_read(void **state)
{
	(void)state;
	struct jr_person_input change = {.municipality = "0141", .house_number = "7"};
	struct jr_person p;
	struct jr_app app = app_as(NULL);

	assert_int_equal(jr_app_person_update(&app, sanne, 1, &change, &p), JR_OK);
	assert_int_equal(p.version, 2);
	assert_string_equal(p.municipality, "0141");
	assert_string_equal(p.family_name, "de Vries");
	assert_string_equal(p.bsn, "123456782");
	assert_int_equal(p.address.house_number, 7);
	app = app_as(NULL);
	assert_int_equal(jr_app_person_update(&app, sanne, 1, &change, &p), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "intussen gewijzigd"));
	change = (struct jr_person_input){.given_names = ""};
	app = app_as(NULL);
	assert_int_equal(jr_app_person_update(&app, sanne, 2, &change, &p), JR_ERR_INPUT);
	assert_string_equal(diag.path, "given_names");
	app = app_as(NULL);
	assert_int_equal(jr_app_person_update(&app, 999999, 1, &change, &p), JR_ERR_NOT_FOUND);
	/* back to Enschede for the tests below */
	change = (struct jr_person_input){.municipality = "0153"};
	app = app_as(NULL);
	assert_int_equal(jr_app_person_update(&app, sanne, 2, &change, &p), JR_OK);
}

static enum jr_err count_event(void *ctx, const struct jr_timeline_event *e)
{
	(void)e;
	(*(int *)ctx)++;
	return JR_OK;
}

static enum jr_err count_entry(void *ctx, const struct jr_audit_entry *e)
{
	(void)e;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_reach(void **state)
{
	(void)state;
	struct jr_principal enschede = user_of("consulent", "0153"),
	                    almelo = user_of("consulent", "0141"), gp = user_of("verwijzer", "");
	struct jr_involvement inv[8];
	struct jr_person p;
	struct jr_app app = app_as(&enschede);
	char unseen[sizeof(diag.message)];
	size_t count;
	int n = 0;

	/* its own resident: the file, its involvement, timeline and access log */
	assert_int_equal(jr_app_person_get(&app, sanne, &p), JR_OK);
	assert_string_equal(p.given_names, "Sanne");
	assert_int_equal(jr_app_person_involvement(&app, sanne, app.today, inv, 8, &count), JR_OK);
	assert_int_equal(jr_app_person_timeline(&app, sanne, count_event, &n), JR_OK);
	assert_int_equal(jr_app_person_access_log(&app, sanne, 100, count_entry, &n), JR_OK);
	assert_true(n > 0);
	assert_int_equal(jr_app_person_find_bsn(&app, "123456782", &p), JR_OK);
	assert_int_equal(p.id, sanne);

	/* another municipality's child and no child at all: the same answer, both audited */
	int64_t denied = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'");
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_get(&app, sanne, &p), JR_ERR_NOT_FOUND);
	snprintf(unseen, sizeof(unseen), "%s", diag.message);
	assert_string_equal(p.given_names, "");
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_get(&app, 999999, &p), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, unseen);
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_timeline(&app, sanne, count_event, &n), JR_ERR_NOT_FOUND);
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_involvement(&app, sanne, app.today, inv, 8, &count),
	                 JR_ERR_NOT_FOUND);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'"),
	                 denied + 4);
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_find_bsn(&app, "123456782", &p), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.path, "bsn");
	snprintf(unseen, sizeof(unseen), "%s", diag.message);
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_find_bsn(&app, "111222333", &p), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, unseen);
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_find_bsn(&app, "12345", &p), JR_ERR_INPUT);

	/* a GP reads no child's file, whatever it asks */
	app = app_as(&gp);
	assert_int_equal(jr_app_person_get(&app, sanne, &p), JR_ERR_FORBIDDEN);
	app = app_as(&gp);
	assert_int_equal(jr_app_person_find_bsn(&app, "12345", &p), JR_ERR_FORBIDDEN);
	app = app_as(&gp);
	assert_int_equal(jr_app_person_access_log(&app, sanne, 10, count_entry, &n),
	                 JR_ERR_FORBIDDEN);
	struct jr_person_input in = sanne_input();
	app = app_as(&gp);
	assert_int_equal(jr_app_person_add(&app, &in, &p), JR_ERR_FORBIDDEN);
}

static enum jr_err count_candidate(void *ctx, int64_t child, jr_day last)
{
	(void)child;
	(void)last;
	(*(int *)ctx)++;
	return JR_OK;
}

static enum jr_err count_erased(void *ctx, int64_t child)
{
	(void)child;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_retention(void **state)
{
	(void)state;
	struct jr_principal admin = user_of("admin", "");
	struct jr_app app = app_as(&admin);
	struct jr_help_request h = {.child_id = sanne, .raised_on = jr_date_from_ymd(2026, 1, 1)};
	int n = 0, erased = 0;

	/* a course that ended: a help request withdrawn */
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Vraag.");
	snprintf(h.municipality, sizeof(h.municipality), "0153");
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN),
	                 JR_OK);

	assert_int_equal(
	    jr_app_retention_candidates(&app, jr_date_from_ymd(2100, 1, 1), count_candidate, &n),
	    JR_ERR_FORBIDDEN);
	app = app_as(&admin);
	assert_int_equal(
	    jr_app_retention_erase(&app, jr_date_from_ymd(2100, 1, 1), count_erased, &erased),
	    JR_ERR_FORBIDDEN);
	app = app_as(NULL);
	assert_int_equal(
	    jr_app_retention_candidates(&app, jr_date_from_ymd(2030, 1, 1), count_candidate, &n),
	    JR_OK);
	assert_int_equal(n, 0); /* registered this year: far from the end of the period */
	assert_int_equal(
	    jr_app_retention_candidates(&app, jr_date_from_ymd(2100, 1, 1), count_candidate, &n),
	    JR_OK);
	assert_true(n >= 1);
	assert_int_equal(
	    jr_app_retention_erase(&app, jr_date_from_ymd(2100, 1, 1), count_erased, &erased),
	    JR_OK);
	assert_int_equal(erased, n);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM persons WHERE id = %lld", sanne), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add),
	    cmocka_unit_test(test_update_from_the_version_read),
	    cmocka_unit_test(test_reach),
	    cmocka_unit_test(test_retention),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
