/* Unit tests for app/household.c and app/organisation.c: a household is added only for a
 * municipality of a policy file, gains members in a known role, and changes coordinator only
 * from the version read, each refusal explained with the field and a Dutch sentence; a family's
 * page is one read of the household, the members the reader may see and one timeline merged by
 * day, with one audit entry per person shown; a user who reaches none of its children is told
 * the same as for a household that does not exist, and a role that reads no persons is refused.
 * Organisations: the chain's kinds, a name, a municipality of a policy file (required for a
 * local team), an AGB code. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/household.h"
#include "app/organisation.h"
#include "store_fixture.h"
#include "json/policy_set.h"

static struct jr_store *store;
static struct jr_policy_set policies;
static struct jr_diag diag;
static int bsn_seed = 20000000;
static int64_t user; /* a user to coordinate households */

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app-household"))
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
	return jr_store_user_add_in(store, &fx_actor, "regisseur.app", "admin", 0,
	                            "een-wachtwoord-voor-de-test", &user) == JR_OK
	           ? 0
	           : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&policies);
	return fx_teardown();
}

/* The context of a use case: the operator at the command line (p NULL) or user p. */
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

static struct jr_principal consulent(const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 1};
	snprintf(p.username, sizeof(p.username), "c.test");
	snprintf(p.role, sizeof(p.role), "consulent");
	snprintf(p.org_kind, sizeof(p.org_kind), "local_team");
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	return p;
}

/* A person of `municipality` with the next BSN that passes the eleven-test. */
static int64_t add_person(const char *given, const char *municipality)
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
	snprintf(p.given_names, sizeof(p.given_names), "%s", given);
	snprintf(p.family_name, sizeof(p.family_name), "Eemland");
	p.birth_date = jr_date_from_ymd(2015, 4, 2);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	return p.id;
}

static void add_request(int64_t child, const char *municipality, jr_day on, const char *question)
{
	struct jr_help_request h = {.child_id = child, .raised_on = on};
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "%s", question);
	snprintf(h.municipality, sizeof(h.municipality), "%s", municipality);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
}

static int64_t new_household(const char *municipality)
{
	struct jr_app app = app_as(NULL);
	struct jr_household h = {0};
	snprintf(h.municipality, sizeof(h.municipality), "%s", municipality);
	assert_int_equal(jr_app_household_add(&app, &h), JR_OK);
	return h.id;
}

static void test_add_checks_the_municipality(void **state)
{
	(void)state;
	struct jr_app app = app_as(NULL);
	struct jr_household h = {0};
	int64_t before = fx_count("SELECT COUNT(*) FROM households");

	snprintf(h.municipality, sizeof(h.municipality), "15");
	assert_int_equal(jr_app_household_add(&app, &h), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	snprintf(h.municipality, sizeof(h.municipality), "0999");
	app = app_as(NULL);
	assert_int_equal(jr_app_household_add(&app, &h), JR_ERR_INPUT);
	assert_non_null(strstr(diag.message, "0999 staat in geen beleidsbestand"));
	assert_int_equal(fx_count("SELECT COUNT(*) FROM households"), before);

	snprintf(h.municipality, sizeof(h.municipality), "0153");
	app = app_as(NULL);
	assert_int_equal(jr_app_household_add(&app, &h), JR_OK);
	assert_true(h.id > 0);
	assert_int_equal(h.version, 1);
}

static void test_members_and_coordinator(void **state)
{
	(void)state;
	int64_t hh = new_household("0153"), child = add_person("Sanne", "0153");
	struct jr_household h = {.id = hh, .version = 1};
	struct jr_household_member m[JR_HOUSEHOLD_MEMBERS_MAX];
	struct jr_app app = app_as(NULL);
	size_t count;

	assert_int_equal(jr_app_household_add_member(&app, hh, child, "sibling"), JR_ERR_INPUT);
	assert_string_equal(diag.path, "role");
	app = app_as(NULL);
	assert_int_equal(jr_app_household_add_member(&app, hh, 999999, "child"), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "huishouden of persoon niet gevonden");
	app = app_as(NULL);
	assert_int_equal(jr_app_household_add_member(&app, hh, child, "child"), JR_OK);
	assert_int_equal(jr_app_household_add_member(&app, hh, child, "parent"), JR_ERR_CONFLICT);
	assert_string_equal(diag.message, "de persoon hoort al bij dit huishouden");

	app = app_as(NULL);
	assert_int_equal(jr_app_household_get(&app, hh, &h, m, &count), JR_OK);
	assert_int_equal(count, 1);
	assert_int_equal(m[0].person_id, child);
	assert_int_equal(jr_app_household_get(&app, 999999, &h, m, &count), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "huishouden niet gevonden");

	/* a coordinator only from the version read */
	h = (struct jr_household){.id = hh, .version = 1};
	app = app_as(NULL);
	assert_int_equal(jr_app_household_set_coordinator(&app, &h, user), JR_OK);
	assert_int_equal(h.version, 2);
	h.version = 1;
	assert_int_equal(jr_app_household_set_coordinator(&app, &h, user), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "intussen gewijzigd"));
}

/* A consulent leaves: her families go to a colleague, by an administrator or the operator only. */
static void test_hand_over(void **state)
{
	(void)state;
	struct jr_principal c = consulent("0153");
	struct jr_app app = app_as(NULL);
	int64_t hh = new_household("0153"), colleague = 0, moved = -1;
	struct jr_household h = {.id = hh, .version = 1};

	assert_int_equal(jr_store_user_add_in(store, &fx_actor, "collega.app", "admin", 0,
	                                      "een-wachtwoord-voor-de-test", &colleague),
	                 JR_OK);
	assert_int_equal(jr_app_household_set_coordinator(&app, &h, user), JR_OK);

	app = app_as(&c); /* a consulent hands no families over */
	assert_int_equal(jr_app_households_hand_over(&app, user, colleague, &moved),
	                 JR_ERR_FORBIDDEN);
	assert_int_equal(moved, 0);
	app = app_as(NULL);
	assert_int_equal(jr_app_households_hand_over(&app, user, user, &moved), JR_ERR_INPUT);
	assert_string_equal(diag.path, "to");
	app = app_as(NULL);
	assert_int_equal(jr_app_households_hand_over(&app, user, 999999, &moved), JR_ERR_NOT_FOUND);
	assert_non_null(strstr(diag.message, "999999 bestaat niet"));

	app = app_as(NULL);
	assert_int_equal(jr_app_households_hand_over(&app, user, colleague, &moved), JR_OK);
	assert_true(moved >= 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM households WHERE coordinator_user_id = %lld",
	                             user),
	                 0);
	/* and back, so that the other tests find the households where they left them */
	assert_int_equal(jr_app_households_hand_over(&app, colleague, user, &moved), JR_OK);
}

/* What a family's page handed out. */
struct seen {
	size_t count;
	char day[16][11];
	int64_t child[16];
};

static enum jr_err collect(void *ctx, const struct jr_timeline_event *e)
{
	struct seen *s = ctx;
	if (s->count < 16) {
		memcpy(s->day[s->count], e->day, sizeof(e->day));
		s->child[s->count] = e->child_id;
	}
	s->count++;
	return JR_OK;
}

static int64_t family_reads(int64_t person)
{
	return fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action = 'family.read'"
	                   " AND person_id = %lld",
	                   person);
}

static void test_family_page(void **state)
{
	(void)state;
	int64_t hh = new_household("0153");
	int64_t a = add_person("Anna", "0153"), b = add_person("Bram", "0164"),
	        parent = add_person("Petra", "0153");
	struct jr_family f;
	struct seen seen = {0};
	struct jr_app app = app_as(NULL);

	assert_int_equal(jr_app_household_add_member(&app, hh, a, "child"), JR_OK);
	assert_int_equal(jr_app_household_add_member(&app, hh, b, "child"), JR_OK);
	assert_int_equal(jr_app_household_add_member(&app, hh, parent, "parent"), JR_OK);
	/* the children's courses interleave by day */
	add_request(a, "0153", jr_date_from_ymd(2026, 3, 1), "Anna eerst");
	add_request(b, "0164", jr_date_from_ymd(2026, 4, 1), "Bram daarna");
	add_request(a, "0153", jr_date_from_ymd(2026, 5, 1), "Anna weer");

	/* the operator: everybody, one timeline merged by day, one entry per person */
	int64_t before_a = family_reads(a), before_b = family_reads(b);
	int64_t before_all = fx_count("SELECT COUNT(*) FROM audit_log");
	assert_int_equal(jr_app_household_family(&app, hh, &f, collect, &seen), JR_OK);
	assert_int_equal(f.household.id, hh);
	assert_int_equal(f.count, 3);
	assert_string_equal(f.members[0].given_names, "Anna");
	assert_string_equal(f.members[2].role, "parent");
	assert_int_equal(seen.count, 3);
	assert_string_equal(seen.day[0], "2026-03-01");
	assert_int_equal(seen.child[1], b);
	assert_string_equal(seen.day[2], "2026-05-01");
	assert_int_equal(family_reads(a), before_a + 1);
	assert_int_equal(family_reads(b), before_b + 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), before_all + 3);

	/* a household without members: found, nobody in it, no course (one query reads the
	 * household with its members) */
	int64_t empty = new_household("0153");
	memset(&seen, 0, sizeof(seen));
	app = app_as(NULL);
	assert_int_equal(jr_app_household_family(&app, empty, &f, collect, &seen), JR_OK);
	assert_int_equal(f.household.id, empty);
	assert_string_equal(f.household.municipality, "0153");
	assert_int_equal(f.count, 0);
	assert_int_equal(seen.count, 0);

	/* the consulent of Enschede sees Anna (its resident) and the parent, not Bram of Hengelo:
	 * not among the members, nor in the timeline, nor audited */
	struct jr_principal enschede = consulent("0153");
	memset(&seen, 0, sizeof(seen));
	app = app_as(&enschede);
	before_b = family_reads(b);
	assert_int_equal(jr_app_household_family(&app, hh, &f, collect, &seen), JR_OK);
	assert_int_equal(f.count, 2);
	assert_int_equal(f.members[0].person_id, a);
	assert_int_equal(f.members[1].person_id, parent);
	assert_int_equal(seen.count, 2);
	assert_int_equal(seen.child[0], a);
	assert_int_equal(seen.child[1], a);
	assert_int_equal(family_reads(b), before_b);

	/* a consulent of Almelo reaches none of the children: as if there were no household, and
	 * the refusal audited */
	struct jr_principal almelo = consulent("0141");
	char unseen[sizeof(diag.message)];
	int64_t denied = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'");
	app = app_as(&almelo);
	assert_int_equal(jr_app_household_family(&app, hh, &f, collect, &seen), JR_ERR_NOT_FOUND);
	snprintf(unseen, sizeof(unseen), "%s", diag.message);
	app = app_as(&almelo);
	assert_int_equal(jr_app_household_family(&app, 999999, &f, collect, &seen),
	                 JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, unseen);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'"),
	                 denied + 2);

	/* a GP reads no child's file at all */
	struct jr_principal gp = consulent("0153");
	snprintf(gp.role, sizeof(gp.role), "verwijzer");
	app = app_as(&gp);
	assert_int_equal(jr_app_household_family(&app, hh, &f, collect, &seen), JR_ERR_FORBIDDEN);
	app = app_as(&gp);
	assert_int_equal(jr_app_household_add_member(&app, hh, parent, "carer"), JR_ERR_FORBIDDEN);
}

static enum jr_err count_row(void *ctx, const struct jr_household_row *h)
{
	(void)h;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_households_mine_needs_a_user(void **state)
{
	(void)state;
	struct jr_app app = app_as(NULL);
	int rows = 0;
	int64_t total;

	assert_int_equal(jr_app_households_mine(&app, 0, 50, count_row, &rows, &total),
	                 JR_ERR_FORBIDDEN);
	struct jr_principal c = consulent("0153");
	c.user_id = user;
	app = app_as(&c);
	assert_int_equal(jr_app_households_mine(&app, 0, 50, count_row, &rows, &total), JR_OK);
	assert_int_equal(total, rows);
	assert_true(rows >= 1); /* the household of test_members_and_coordinator */
}

static enum jr_err count_organisation(void *ctx, const struct jr_organisation *o)
{
	(void)o;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_organisations(void **state)
{
	(void)state;
	struct jr_app app = app_as(NULL);
	struct jr_organisation o = {0}, got;
	int n = 0;

	snprintf(o.kind, sizeof(o.kind), "school");
	snprintf(o.name, sizeof(o.name), "De Bron");
	assert_int_equal(jr_app_organisation_add(&app, &o), JR_ERR_INPUT);
	assert_string_equal(diag.path, "kind");
	snprintf(o.kind, sizeof(o.kind), "local_team");
	app = app_as(NULL);
	assert_int_equal(jr_app_organisation_check(&app, &o), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	assert_non_null(strstr(diag.message, "lokaal team hoort bij een gemeente"));
	snprintf(o.municipality, sizeof(o.municipality), "0153");
	snprintf(o.agb, sizeof(o.agb), "1234");
	app = app_as(NULL);
	assert_int_equal(jr_app_organisation_add(&app, &o), JR_ERR_INPUT);
	assert_string_equal(diag.path, "agb");
	o.agb[0] = '\0';
	app = app_as(NULL);
	assert_int_equal(jr_app_organisation_add(&app, &o), JR_OK);
	assert_int_equal(jr_app_organisation_get(&app, o.id, &got), JR_OK);
	assert_string_equal(got.name, "De Bron");
	assert_int_equal(jr_app_organisation_get(&app, 999999, &got), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "organisatie niet gevonden");
	app = app_as(NULL);
	assert_int_equal(
	    jr_app_organisations_list(&app, "local_team", "0153", count_organisation, &n), JR_OK);
	assert_true(n >= 1);
	assert_int_equal(jr_app_organisations_list(&app, "bakker", NULL, count_organisation, &n),
	                 JR_ERR_INPUT);

	/* organisations are the admin's */
	struct jr_principal c = consulent("0153");
	app = app_as(&c);
	assert_int_equal(jr_app_organisation_add(&app, &o), JR_ERR_FORBIDDEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add_checks_the_municipality),
	    cmocka_unit_test(test_members_and_coordinator),
	    cmocka_unit_test(test_family_page),
	    cmocka_unit_test(test_households_mine_needs_a_user),
	    cmocka_unit_test(test_hand_over),
	    cmocka_unit_test(test_organisations),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
