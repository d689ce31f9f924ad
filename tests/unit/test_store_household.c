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
#include <string.h>

#include <cmocka.h>

#include "store/store.h"
#include "store_fixture.h"

/* set by the tests that add them, in order */
static int64_t org_team, org_office, user_anna, user_bram, household_a, child_a, parent_a;
static int bsn_seed = 10000000;

static int setup(void **state)
{
	(void)state;
	return fx_setup("store-household");
}

static int teardown(void **state)
{
	(void)state;
	return fx_teardown();
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
	assert_int_equal(jr_store_person_add(s, &fx_actor, &p), JR_OK);
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
	jr_store_close(fx_open(true));
}

static void test_organisation_add_and_get(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_organisation o = organisation("local_team", "Wijkteam \"Noord\" Enschede", "0153",
						"12345678"),
			       got;
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log"
				  " WHERE action = 'organisation.add'");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_OK);
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
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_OK);
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
		assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_OK);
	}

	assert_int_equal(jr_store_organisation_get(s, 999999, &got), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"
				  " WHERE action = 'organisation.add'"),
			 audits + 8);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"
				  " WHERE action = 'organisation.add'"
				  " AND person_id IS NOT NULL"),
			 0);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM organisations WHERE id = %lld"
				     " AND municipality IS NULL AND agb IS NULL",
				     org_office),
			 1);
}

static void test_organisation_bad_input_is_refused(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_organisation o;
	int64_t organisations = fx_count("SELECT COUNT(*) FROM organisations");
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log");
	o = organisation("school", "Een school", "", "");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("", "Geen soort", "", "");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("gi", "", "", ""); /* no name */
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("gi", "Met\tstuurteken", "", "");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("local_team", "Wijkteam", "015", "");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("local_team", "Wijkteam", "0000", "");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("gp_practice", "Huisarts", "", "00000000");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	o = organisation("gp_practice", "Huisarts", "", "1234567");
	assert_int_equal(jr_store_organisation_add(s, &fx_actor, &o), JR_ERR_INPUT);
	assert_int_equal(o.id, 0);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM organisations"), organisations);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_user_add(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add'");
	int64_t id = -1;
	bool exists = false;
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.b", "consulent", org_team,
					      "een goed wachtwoord", &id),
			 JR_OK);
	assert_true(id > 0);
	user_anna = id;
	/* without an organisation; the shortest and longest names */
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "bram", "policy", 0,
					      "nog een wachtwoord", &id),
			 JR_OK);
	assert_true(id > user_anna);
	user_bram = id;
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "c-d", "admin", 0, "x", &id), JR_OK);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "abcdefghijklmnopqrstuvwxyz_01234",
					      "contract_manager", org_office, "x", &id),
			 JR_OK);
	assert_int_equal(jr_store_user_exists(s, "anna.b", &exists), JR_OK);
	assert_true(exists);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add'"),
			 audits + 4);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM users"
				     " WHERE id = %lld AND username = 'anna.b' AND role = 'consulent'"
				     " AND password_hash LIKE '$argon2id$%%'",
				     user_anna),
			 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM users WHERE id = %lld"
				     " AND organisation_id IS NULL",
				     user_bram),
			 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM users WHERE organisation_id = %lld",
				     org_team),
			 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users WHERE password_hash LIKE"
				  " '%wachtwoord%'"),
			 0);
}

static void test_user_duplicate_and_unknown_organisation(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	int64_t users = fx_count("SELECT COUNT(*) FROM users");
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log");
	int64_t id = -1;
	bool exists = true;
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.b", "policy", 0,
					      "ander wachtwoord", &id),
			 JR_ERR_CONFLICT);
	assert_int_equal(id, 0);
	id = -1;
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "nieuw", "consulent", 999999,
					      "een goed wachtwoord", &id),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(id, 0);
	/* names, roles and organisations outside what is allowed */
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "ab", "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "abcdefghijklmnopqrstuvwxyz_012345",
					      "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "Anna", "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "an na", "policy", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "family", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "", 0, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "policy", -1, "x", &id),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "policy", 0, "", &id),
			 JR_ERR_INPUT);
	/* a role must fit its organisation's kind: no consulent without a local team, no GI
	 * worker at the regional office, no administrator at an organisation */
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "consulent", 0, "x", &id),
			 JR_ERR_REFUSED);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "gi", org_office, "x", &id),
			 JR_ERR_REFUSED);
	assert_int_equal(jr_store_user_add_in(s, &fx_actor, "anna.c", "admin", org_team, "x", &id),
			 JR_ERR_REFUSED);
	assert_int_equal(id, 0);
	/* the store is usable after the failed transactions */
	assert_int_equal(jr_store_user_exists(s, "nieuw", &exists), JR_OK);
	assert_false(exists);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users"), users);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), audits);
}

static void test_household_add_and_get(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household h = {0}, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 99;
	int64_t adds = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.add'");
	int64_t reads = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'");
	snprintf(h.municipality, sizeof(h.municipality), "0153");
	h.coordinator_user_id = 5; /* ignored: a new household has none */
	assert_int_equal(jr_store_household_add(s, &fx_actor, &h), JR_OK);
	assert_true(h.id > 0);
	assert_int_equal(h.version, 1);
	assert_int_equal(h.coordinator_user_id, 0);
	household_a = h.id;
	assert_int_equal(jr_store_household_get(s, &fx_actor, h.id, &got, members, &n), JR_OK);
	assert_int_equal(got.id, h.id);
	assert_string_equal(got.municipality, "0153");
	assert_int_equal(got.coordinator_user_id, 0);
	assert_int_equal(got.version, 1);
	assert_int_equal(n, 0);
	n = 99;
	assert_int_equal(jr_store_household_get(s, &fx_actor, 999999, &got, members, &n),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(n, 0);
	/* a municipality that is no CBS code */
	memset(&h, 0, sizeof(h));
	assert_int_equal(jr_store_household_add(s, &fx_actor, &h), JR_ERR_INPUT);
	snprintf(h.municipality, sizeof(h.municipality), "15a");
	assert_int_equal(jr_store_household_add(s, &fx_actor, &h), JR_ERR_INPUT);
	assert_int_equal(h.id, 0);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.add'"),
			 adds + 1);
	/* a read that finds nothing writes nothing: its transaction is rolled back */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'"),
			 reads + 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM households WHERE id = %lld"
				     " AND coordinator_user_id IS NULL AND version = 1",
				     household_a),
			 1);
}

static void test_member_add(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t carer;
	parent_a = add_person(s);
	child_a = add_person(s);
	carer = add_person(s);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, child_a, "child"),
			 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, parent_a,
						       "parent"),
			 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, carer, "carer"),
			 JR_OK);
	assert_int_equal(jr_store_household_get(s, &fx_actor, household_a, &got, members, &n),
			 JR_OK);
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
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				     " 'household.member.add' AND person_id = %lld",
				     child_a),
			 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				     " 'household.member.add' AND person_id = %lld",
				     parent_a),
			 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM household_members WHERE household_id ="
				     " %lld",
				     household_a),
			 3);
}

static void test_member_refusals(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t rows = fx_count("SELECT COUNT(*) FROM household_members");
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log");
	/* already a member, under the same role or another */
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, child_a, "child"),
			 JR_ERR_CONFLICT);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, child_a,
						       "parent"),
			 JR_ERR_CONFLICT);
	/* unknown person, unknown household */
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, 999999, "child"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, 999999, child_a, "child"),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, 0, 0, "child"),
			 JR_ERR_NOT_FOUND);
	/* a role outside child, parent, carer */
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, child_a,
						       "sibling"),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, household_a, child_a, ""),
			 JR_ERR_INPUT);
	/* the store is usable after the failed transactions */
	assert_int_equal(jr_store_household_get(s, &fx_actor, household_a, &got, members, &n),
			 JR_OK);
	assert_int_equal(n, 3);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM household_members"), rows);
	/* the one successful read above is all the audit log gained */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), audits + 1);
}

static void test_member_in_two_households_and_the_limit(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household h = {0}, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	snprintf(h.municipality, sizeof(h.municipality), "0164");
	assert_int_equal(jr_store_household_add(s, &fx_actor, &h), JR_OK);
	/* a child of parents who live apart belongs to both households */
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, h.id, child_a, "child"),
			 JR_OK);
	for (int i = 1; i < JR_HOUSEHOLD_MEMBERS_MAX; i++)
		assert_int_equal(jr_store_household_add_member(s, &fx_actor, h.id, add_person(s),
							       "child"),
				 JR_OK);
	assert_int_equal(jr_store_household_add_member(s, &fx_actor, h.id, add_person(s), "parent"),
			 JR_ERR_TOO_BIG);
	assert_int_equal(jr_store_household_get(s, &fx_actor, h.id, &got, members, &n), JR_OK);
	assert_int_equal(n, JR_HOUSEHOLD_MEMBERS_MAX);
	assert_string_equal(got.municipality, "0164");
	assert_int_equal(members[0].person_id, child_a);
	jr_store_close(s);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM household_members WHERE household_id ="
				     " %lld",
				     h.id),
			 JR_HOUSEHOLD_MEMBERS_MAX);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM household_members"
				     " WHERE person_id = %lld",
				     child_a),
			 2);
}

static void test_coordinator_needs_the_version_read(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household h, stale, got;
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	int64_t audits = fx_count("SELECT COUNT(*) FROM audit_log WHERE action ="
				  " 'household.coordinator'");
	assert_int_equal(jr_store_household_get(s, &fx_actor, household_a, &h, members, &n), JR_OK);
	stale = h;
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &h, user_anna), JR_OK);
	assert_int_equal(h.version, 2);
	assert_int_equal(h.coordinator_user_id, user_anna);
	assert_string_equal(h.municipality, "0153");
	/* a writer holding version 1 is refused and changes nothing */
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &stale, user_bram),
			 JR_ERR_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(stale.coordinator_user_id, 0);
	assert_int_equal(jr_store_household_get(s, &fx_actor, household_a, &got, members, &n),
			 JR_OK);
	assert_int_equal(got.coordinator_user_id, user_anna);
	assert_int_equal(got.version, 2);
	assert_int_equal(n, 3);
	/* a version from the future is as stale as one from the past */
	got.version = 3;
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &got, user_bram),
			 JR_ERR_CONFLICT);
	/* unknown user, unknown household, no user */
	got.version = 2;
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &got, 999999),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(got.version, 2);
	got.id = 999999;
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &got, user_bram),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &h, 0), JR_ERR_INPUT);
	/* another coordinator, from the version now read */
	assert_int_equal(jr_store_household_set_coordinator(s, &fx_actor, &h, user_bram), JR_OK);
	assert_int_equal(h.version, 3);
	assert_int_equal(h.coordinator_user_id, user_bram);
	jr_store_close(s);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				     " 'households' AND record_id = %lld AND changed_by = 'test'",
				     household_a),
			 2);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
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
	assert_int_equal(fx_count(sql), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action ="
				  " 'household.coordinator'"),
			 audits + 2);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM households WHERE id = %lld AND coordinator_user_id = %lld"
		 " AND version = 3",
		 (long long)household_a, (long long)user_bram);
	assert_int_equal(fx_count(sql), 1);
}

/* show and list read users back without their password hash, and organisations by kind and
 * municipality. */
struct listed {
	int count;
	int64_t last_id;
	char last[JR_PERSON_NAME_MAX];
};

static enum jr_err see_user(void *ctx, const struct jr_user *u)
{
	struct listed *l = ctx;
	assert_true(u->id > l->last_id); /* oldest first */
	l->last_id = u->id;
	l->count++;
	snprintf(l->last, sizeof(l->last), "%s", u->username);
	return JR_OK;
}

static enum jr_err see_organisation(void *ctx, const struct jr_organisation *o)
{
	struct listed *l = ctx;
	assert_true(o->id > l->last_id);
	l->last_id = o->id;
	l->count++;
	snprintf(l->last, sizeof(l->last), "%s", o->name);
	return JR_OK;
}

static enum jr_err stop_early(void *ctx, const struct jr_user *u)
{
	(void)ctx;
	(void)u;
	return JR_ERR_IO;
}

static void test_users_and_organisations_read_back(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_user u;
	struct listed l = {0};
	assert_int_equal(jr_store_user_get(s, user_anna, &u), JR_OK);
	assert_string_equal(u.username, "anna.b");
	assert_string_equal(u.role, "consulent");
	assert_int_equal(u.organisation_id, org_team);
	assert_int_equal(strlen(u.created_at), 20);
	assert_string_equal(u.org_kind, "local_team");
	assert_true(u.active);
	assert_false(u.must_change_password);
	assert_int_equal(jr_store_user_get(s, user_bram, &u), JR_OK);
	assert_int_equal(u.organisation_id, 0);
	assert_string_equal(u.org_kind, "");
	assert_int_equal(jr_store_user_get(s, 999999, &u), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_user_each(s, see_user, &l), JR_OK);
	assert_int_equal(l.count, fx_count("SELECT COUNT(*) FROM users"));
	assert_int_equal(jr_store_user_each(s, stop_early, NULL), JR_ERR_IO);

	memset(&l, 0, sizeof(l));
	assert_int_equal(jr_store_organisation_each(s, "", "", see_organisation, &l), JR_OK);
	assert_int_equal(l.count, fx_count("SELECT COUNT(*) FROM organisations"));
	memset(&l, 0, sizeof(l));
	assert_int_equal(jr_store_organisation_each(s, "local_team", "", see_organisation, &l),
			 JR_OK);
	assert_int_equal(l.count, fx_count("SELECT COUNT(*) FROM organisations"
					 " WHERE kind = 'local_team'"));
	memset(&l, 0, sizeof(l));
	assert_int_equal(jr_store_organisation_each(s, "", "9999", see_organisation, &l), JR_OK);
	assert_int_equal(l.count, 0);
	jr_store_close(s);
}

/* The coordinator's list, and handing one's families over to a colleague. */
static enum jr_err see_household(void *ctx, const struct jr_household_row *h)
{
	struct jr_household_row *last = ctx;
	*last = *h;
	return JR_OK;
}

static void test_coordinated_households_and_hand_over(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_household_row row = {0};
	int64_t total = -1, moved = -1;
	int64_t listed = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.list'");
	int64_t changes = fx_count("SELECT COUNT(*) FROM audit_log WHERE action ="
				   " 'household.coordinator'");
	/* bram coordinates household_a since the coordinator test */
	assert_int_equal(jr_store_households_coordinated(s, &fx_actor, user_bram, 0, 10,
							 see_household, &row, &total),
			 JR_OK);
	assert_int_equal(total, 1);
	assert_int_equal(row.id, household_a);
	assert_string_equal(row.municipality, "0153");
	assert_int_equal(row.children, fx_count_id("SELECT COUNT(*) FROM household_members WHERE"
						   " household_id = %lld AND role = 'child'",
						   household_a));
	assert_true(row.children >= 1);
	assert_int_equal(row.first_child_id,
			 fx_count_id("SELECT MIN(person_id) FROM household_members WHERE"
				     " household_id = %lld AND role = 'child'",
				     household_a));
	assert_true(row.family_name[0] != '\0');
	assert_int_equal(row.open_help_requests, 0);
	/* a page past the end lists nothing and still counts */
	memset(&row, 0, sizeof(row));
	assert_int_equal(jr_store_households_coordinated(s, &fx_actor, user_bram, 1, 10,
							 see_household, &row, &total),
			 JR_OK);
	assert_int_equal(total, 1);
	assert_int_equal(row.id, 0);
	assert_int_equal(jr_store_households_coordinated(s, &fx_actor, user_anna, 0, 10,
							 see_household, &row, &total),
			 JR_OK);
	assert_int_equal(total, 0);

	/* refused hand-overs change nothing */
	assert_int_equal(jr_store_households_hand_over(s, &fx_actor, user_bram, 999999, &moved),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(moved, 0);
	assert_int_equal(jr_store_households_hand_over(s, &fx_actor, user_bram, user_bram, &moved),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_households_hand_over(s, &fx_actor, user_bram, user_anna, &moved),
			 JR_OK);
	assert_int_equal(moved, 1);
	assert_int_equal(jr_store_households_coordinated(s, &fx_actor, user_anna, 0, 10,
							 see_household, &row, &total),
			 JR_OK);
	assert_int_equal(total, 1);
	assert_int_equal(row.id, household_a);
	assert_int_equal(jr_store_households_hand_over(s, &fx_actor, user_bram, user_anna, &moved),
			 JR_OK);
	assert_int_equal(moved, 0);
	jr_store_close(s);
	/* one history row and one audit entry per household moved, like any change */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action ="
				  " 'household.coordinator'"),
			 changes + 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				     " 'households' AND record_id = %lld AND version = 3",
				     household_a),
			 1);
	/* every list that showed the family's name is an access to the child named */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.list'"),
			 listed + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_organisation_add_and_get),
		cmocka_unit_test(test_organisation_bad_input_is_refused),
		cmocka_unit_test(test_user_add),
		cmocka_unit_test(test_user_duplicate_and_unknown_organisation),
		cmocka_unit_test(test_users_and_organisations_read_back),
		cmocka_unit_test(test_household_add_and_get),
		cmocka_unit_test(test_member_add),
		cmocka_unit_test(test_member_refusals),
		cmocka_unit_test(test_member_in_two_households_and_the_limit),
		cmocka_unit_test(test_coordinator_needs_the_version_read),
		cmocka_unit_test(test_coordinated_households_and_hand_over),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
