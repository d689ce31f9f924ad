/* Unit tests for store/store_household.c: organisations are added and read back; users are added
 * once per name, for a known organisation or none, with an Argon2id hash; households are added,
 * gain members (each person once, known persons only, at most JR_HOUSEHOLD_MEMBERS_MAX) and get a
 * coordinator only from the version read, with history and an audit entry for every read and
 * change. Bad input and failures change nothing. The same tests run on SQLite (a temporary file)
 * and, with JR_TEST_DB_URL=postgres://… (tools/pg-test.sh), on PostgreSQL; counts are taken
 * relative to what was there, so the database may hold the rows of other store tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"

static char dir[64], db_path[128], key_path[128];
static const struct jr_actor actor = {.who = "test", .origin = "unit", .reason = "test"};
/* set by the tests that add them, in order */
static int64_t org_team, org_office, user_anna, user_bram, household_a, child_a, parent_a;
static int bsn_seed = 10000000;

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/jr-store-household-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	if (getenv("JR_TEST_DB_URL") && getenv("JR_TEST_DB_URL")[0])
		snprintf(db_path, sizeof(db_path), "%s", getenv("JR_TEST_DB_URL"));
	else
		snprintf(db_path, sizeof(db_path), "%s/t.db", dir);
	snprintf(key_path, sizeof(key_path), "%s/t.key", dir);
	umask(077);
	return 0;
}

static int teardown(void **state)
{
	char cmd[200];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct jr_store *open_store(bool init)
{
	struct jr_store *s = NULL;
	struct jr_diag d;
	enum jr_err err = jr_store_open(db_path, key_path, init, &s, &d);
	if (err)
		fail_msg("open: %s", d.message);
	return s;
}

/* Counts rows of a query through the database interface. */
static int64_t count(const char *sql)
{
	struct jr_db *db;
	struct jr_db_stmt *st;
	char msg[JR_DB_ERRMSG_MAX];
	bool row;
	int64_t n;
	assert_int_equal(jr_db_open(db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_prepare(db, sql, &st), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	assert_true(row);
	n = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	jr_db_close(db);
	return n;
}

/* count() of a query with one %lld. */
static int64_t count_id(const char *fmt, int64_t id)
{
	char sql[400];
	snprintf(sql, sizeof(sql), fmt, (long long)id);
	return count(sql);
}

/* Adds a person with the next BSN that passes the eleven-test; returns its id. */
static int64_t add_person(struct jr_store *s)
{
	struct jr_person p = {0};
	int check;
	do {
		int sum = 0, n = ++bsn_seed;
		snprintf(p.bsn, sizeof(p.bsn), "%08d", n);
		for (int i = 0; i < 8; i++)
			sum += (p.bsn[i] - '0') * (9 - i);
		check = sum % 11;
	} while (check == 10);
	p.bsn[8] = (char)('0' + check);
	p.bsn[9] = '\0';
	snprintf(p.given_names, sizeof(p.given_names), "Sanne");
	snprintf(p.family_name, sizeof(p.family_name), "de Vries");
	assert_int_equal(jr_date_parse("2015-04-02", 10, &p.birth_date), JR_OK);
	snprintf(p.municipality, sizeof(p.municipality), "0153");
	assert_int_equal(jr_store_person_add(s, &actor, &p), JR_OK);
	return p.id;
}

static struct jr_organisation organisation(const char *kind, const char *name,
					   const char *municipality, const char *agb)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%s", name);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	snprintf(o.agb, sizeof(o.agb), "%s", agb);
	return o;
}

static void test_init(void **state)
{
	(void)state;
	jr_store_close(open_store(true));
}

static void test_organisation_add_and_get(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_organisation o = organisation("local_team", "Wijkteam \"Noord\" Enschede", "0153",
						"12345678"),
			       got;
	int64_t audits = count("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.add'");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_OK);
	assert_true(o.id > 0);
	org_team = o.id;
	assert_int_equal(jr_store_organisation_get(s, o.id, &got), JR_OK);
	assert_int_equal(got.id, o.id);
	assert_string_equal(got.kind, "local_team");
	assert_string_equal(got.name, "Wijkteam \"Noord\" Enschede");
	assert_string_equal(got.municipality, "0153");
	assert_string_equal(got.agb, "12345678");

	/* a regional organisation: no municipality, no AGB code */
	o = organisation("regional_office", "OZJT", "", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_OK);
	assert_true(o.id > org_team);
	org_office = o.id;
	assert_int_equal(jr_store_organisation_get(s, o.id, &got), JR_OK);
	assert_string_equal(got.kind, "regional_office");
	assert_string_equal(got.municipality, "");
	assert_string_equal(got.agb, "");

	/* every kind of DESIGN.md is accepted */
	static const char *const kinds[] = {"gp_practice", "youth_health", "hospital", "gi",
					    "provider", "expert_team"};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		o = organisation(kinds[i], "Een organisatie", "", "");
		assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_OK);
	}

	assert_int_equal(jr_store_organisation_get(s, 999999, &got), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.add'"),
			 audits + 8);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.add'"
			       " AND person_id IS NOT NULL"),
			 0);
	assert_int_equal(count_id("SELECT COUNT(*) FROM organisations WHERE id = %lld"
				  " AND municipality IS NULL AND agb IS NULL",
				  org_office),
			 1);
}

static void test_organisation_bad_input_is_refused(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_organisation o;
	int64_t organisations = count("SELECT COUNT(*) FROM organisations");
	int64_t audits = count("SELECT COUNT(*) FROM audit_log");
	o = organisation("school", "Een school", "", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("", "Geen soort", "", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("gi", "", "", ""); /* no name */
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("gi", "Met\tstuurteken", "", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("local_team", "Wijkteam", "015", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("local_team", "Wijkteam", "0000", "");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("gp_practice", "Huisarts", "", "00000000");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	o = organisation("gp_practice", "Huisarts", "", "1234567");
	assert_int_equal(jr_store_organisation_add(s, &actor, &o), JR_ERR_INPUT);
	assert_int_equal(o.id, 0);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM organisations"), organisations);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_user_add(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	int64_t audits = count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add'");
	int64_t id = -1;
	bool exists = false;
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.b", "consulent", org_team,
					      "een goed wachtwoord", &id),
			 JR_OK);
	assert_true(id > 0);
	user_anna = id;
	/* without an organisation; the shortest and longest names */
	assert_int_equal(jr_store_user_add_in(s, &actor, "bram", "policy", 0, "nog een wachtwoord",
					      &id),
			 JR_OK);
	assert_true(id > user_anna);
	user_bram = id;
	assert_int_equal(jr_store_user_add_in(s, &actor, "c-d", "admin", 0, "x", &id), JR_OK);
	assert_int_equal(jr_store_user_add_in(s, &actor, "abcdefghijklmnopqrstuvwxyz_01234", "gi",
					      org_office, "x", &id),
			 JR_OK);
	assert_int_equal(jr_store_user_exists(s, "anna.b", &exists), JR_OK);
	assert_true(exists);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add'"),
			 audits + 4);
	assert_int_equal(count_id("SELECT COUNT(*) FROM users WHERE id = %lld AND username = 'anna.b'"
				  " AND role = 'consulent' AND password_hash LIKE '$argon2id$%%'",
				  user_anna),
			 1);
	assert_int_equal(count_id("SELECT COUNT(*) FROM users WHERE id = %lld"
				  " AND organisation_id IS NULL",
				  user_bram),
			 1);
	assert_int_equal(count_id("SELECT COUNT(*) FROM users WHERE organisation_id = %lld",
				  org_team),
			 1);
	assert_int_equal(count("SELECT COUNT(*) FROM users WHERE password_hash LIKE"
			       " '%wachtwoord%'"),
			 0);
}

static void test_user_duplicate_and_unknown_organisation(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	int64_t users = count("SELECT COUNT(*) FROM users");
	int64_t audits = count("SELECT COUNT(*) FROM audit_log");
	int64_t id = -1;
	bool exists = true;
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.b", "policy", 0, "ander wachtwoord",
					      &id),
			 JR_ERR_CONFLICT);
	assert_int_equal(id, 0);
	id = -1;
	assert_int_equal(jr_store_user_add_in(s, &actor, "nieuw", "consulent", 999999,
					      "een goed wachtwoord", &id),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(id, 0);
	/* names, roles and organisations outside what is allowed */
	assert_int_equal(jr_store_user_add_in(s, &actor, "ab", "policy", 0, "x", &id), JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "abcdefghijklmnopqrstuvwxyz_012345",
					      "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "Anna", "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "an na", "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.c", "family", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.c", "", 0, "x", &id), JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.c", "policy", -1, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &actor, "anna.c", "policy", 0, "", &id),
			 JR_ERR_INPUT);
	/* the store is usable after the failed transactions */
	assert_int_equal(jr_store_user_exists(s, "nieuw", &exists), JR_OK);
	assert_false(exists);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM users"), users);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_household_add_and_get(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_household h = {0}, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 99;
	int64_t adds = count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.add'");
	int64_t reads = count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'");
	snprintf(h.municipality, sizeof(h.municipality), "0153");
	h.coordinator_user_id = 5; /* ignored: a new household has none */
	assert_int_equal(jr_store_household_add(s, &actor, &h), JR_OK);
	assert_true(h.id > 0);
	assert_int_equal(h.version, 1);
	assert_int_equal(h.coordinator_user_id, 0);
	household_a = h.id;
	assert_int_equal(jr_store_household_get(s, &actor, h.id, &got, members, &n), JR_OK);
	assert_int_equal(got.id, h.id);
	assert_string_equal(got.municipality, "0153");
	assert_int_equal(got.coordinator_user_id, 0);
	assert_int_equal(got.version, 1);
	assert_int_equal(n, 0);
	n = 99;
	assert_int_equal(jr_store_household_get(s, &actor, 999999, &got, members, &n),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(n, 0);
	/* a municipality that is no CBS code */
	memset(&h, 0, sizeof(h));
	assert_int_equal(jr_store_household_add(s, &actor, &h), JR_ERR_INPUT);
	snprintf(h.municipality, sizeof(h.municipality), "15a");
	assert_int_equal(jr_store_household_add(s, &actor, &h), JR_ERR_INPUT);
	assert_int_equal(h.id, 0);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.add'"),
			 adds + 1);
	/* a read that finds nothing writes nothing: its transaction is rolled back */
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'"),
			 reads + 1);
	assert_int_equal(count_id("SELECT COUNT(*) FROM households WHERE id = %lld"
				  " AND coordinator_user_id IS NULL AND version = 1",
				  household_a),
			 1);
}

static void test_member_add(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_household got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t carer;
	parent_a = add_person(s);
	child_a = add_person(s);
	carer = add_person(s);
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, child_a, "child"),
			 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, parent_a, "parent"),
			 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, carer, "carer"),
			 JR_OK);
	assert_int_equal(jr_store_household_get(s, &actor, household_a, &got, members, &n), JR_OK);
	assert_int_equal(n, 3);
	/* in order of person id, each with its role */
	assert_int_equal(members[0].person_id, parent_a);
	assert_string_equal(members[0].role, "parent");
	assert_int_equal(members[1].person_id, child_a);
	assert_string_equal(members[1].role, "child");
	assert_int_equal(members[2].person_id, carer);
	assert_string_equal(members[2].role, "carer");
	/* adding members is not a change of the household record itself */
	assert_int_equal(got.version, 1);
	jr_store_close(s);
	/* each membership is audited under the person it concerns */
	assert_int_equal(count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				  " 'household.member.add' AND person_id = %lld",
				  child_a),
			 1);
	assert_int_equal(count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				  " 'household.member.add' AND person_id = %lld",
				  parent_a),
			 1);
	assert_int_equal(count_id("SELECT COUNT(*) FROM household_members WHERE household_id ="
				  " %lld",
				  household_a),
			 3);
}

static void test_member_refusals(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_household got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t rows = count("SELECT COUNT(*) FROM household_members");
	int64_t audits = count("SELECT COUNT(*) FROM audit_log");
	/* already a member, under the same role or another */
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, child_a, "child"),
			 JR_ERR_CONFLICT);
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, child_a, "parent"),
			 JR_ERR_CONFLICT);
	/* unknown person, unknown household */
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, 999999, "child"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_add_member(s, &actor, 999999, child_a, "child"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_add_member(s, &actor, 0, 0, "child"), JR_ERR_NOT_FOUND);
	/* a role outside child, parent, carer */
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, child_a, "sibling"),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_household_add_member(s, &actor, household_a, child_a, ""),
			 JR_ERR_INPUT);
	/* the store is usable after the failed transactions */
	assert_int_equal(jr_store_household_get(s, &actor, household_a, &got, members, &n), JR_OK);
	assert_int_equal(n, 3);
	jr_store_close(s);
	assert_int_equal(count("SELECT COUNT(*) FROM household_members"), rows);
	/* the one successful read above is all the audit log gained */
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log"), audits + 1);
}

static void test_member_in_two_households_and_the_limit(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_household h = {0}, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	snprintf(h.municipality, sizeof(h.municipality), "0164");
	assert_int_equal(jr_store_household_add(s, &actor, &h), JR_OK);
	/* a child of parents who live apart belongs to both households */
	assert_int_equal(jr_store_household_add_member(s, &actor, h.id, child_a, "child"), JR_OK);
	for (int i = 1; i < JR_HOUSEHOLD_MEMBERS_MAX; i++)
		assert_int_equal(jr_store_household_add_member(s, &actor, h.id, add_person(s),
							       "child"),
				 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &actor, h.id, add_person(s), "parent"),
			 JR_ERR_TOO_BIG);
	assert_int_equal(jr_store_household_get(s, &actor, h.id, &got, members, &n), JR_OK);
	assert_int_equal(n, JR_HOUSEHOLD_MEMBERS_MAX);
	assert_string_equal(got.municipality, "0164");
	assert_int_equal(members[0].person_id, child_a);
	jr_store_close(s);
	assert_int_equal(count_id("SELECT COUNT(*) FROM household_members WHERE household_id ="
				  " %lld",
				  h.id),
			 JR_HOUSEHOLD_MEMBERS_MAX);
	assert_int_equal(count_id("SELECT COUNT(*) FROM household_members WHERE person_id = %lld",
				  child_a),
			 2);
}

static void test_coordinator_needs_the_version_read(void **state)
{
	(void)state;
	struct jr_store *s = open_store(false);
	struct jr_household h, stale, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t audits = count("SELECT COUNT(*) FROM audit_log WHERE action ="
			       " 'household.coordinator'");
	assert_int_equal(jr_store_household_get(s, &actor, household_a, &h, members, &n), JR_OK);
	stale = h;
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &h, user_anna), JR_OK);
	assert_int_equal(h.version, 2);
	assert_int_equal(h.coordinator_user_id, user_anna);
	assert_string_equal(h.municipality, "0153");
	/* a writer holding version 1 is refused and changes nothing */
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &stale, user_bram),
			 JR_ERR_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(stale.coordinator_user_id, 0);
	assert_int_equal(jr_store_household_get(s, &actor, household_a, &got, members, &n), JR_OK);
	assert_int_equal(got.coordinator_user_id, user_anna);
	assert_int_equal(got.version, 2);
	assert_int_equal(n, 3);
	/* a version from the future is as stale as one from the past */
	got.version = 3;
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &got, user_bram),
			 JR_ERR_CONFLICT);
	/* unknown user, unknown household, no user */
	got.version = 2;
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &got, 999999),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(got.version, 2);
	got.id = 999999;
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &got, user_bram),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &h, 0), JR_ERR_INPUT);
	/* another coordinator, from the version now read */
	assert_int_equal(jr_store_household_set_coordinator(s, &actor, &h, user_bram), JR_OK);
	assert_int_equal(h.version, 3);
	assert_int_equal(h.coordinator_user_id, user_bram);
	jr_store_close(s);
	assert_int_equal(count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				  " 'households' AND record_id = %lld AND changed_by = 'test'",
				  household_a),
			 2);
	assert_int_equal(count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				  " 'households' AND record_id = %lld AND version = 1 AND"
				  " before_json = '{\"municipality\":\"0153\","
				  "\"coordinator_user_id\":null,\"version\":1}'",
				  household_a),
			 1);
	char sql[400];
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM record_history WHERE record_table = 'households'"
		 " AND record_id = %lld AND version = 2 AND before_json ="
		 " '{\"municipality\":\"0153\",\"coordinator_user_id\":%lld,\"version\":2}'",
		 (long long)household_a, (long long)user_anna);
	assert_int_equal(count(sql), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE action ="
			       " 'household.coordinator'"),
			 audits + 2);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM households WHERE id = %lld AND coordinator_user_id = %lld"
		 " AND version = 3",
		 (long long)household_a, (long long)user_bram);
	assert_int_equal(count(sql), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_organisation_add_and_get),
		cmocka_unit_test(test_organisation_bad_input_is_refused),
		cmocka_unit_test(test_user_add),
		cmocka_unit_test(test_user_duplicate_and_unknown_organisation),
		cmocka_unit_test(test_household_add_and_get),
		cmocka_unit_test(test_member_add),
		cmocka_unit_test(test_member_refusals),
		cmocka_unit_test(test_member_in_two_households_and_the_limit),
		cmocka_unit_test(test_coordinator_needs_the_version_read),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
