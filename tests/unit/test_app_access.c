/* Unit tests of app/access.c without a server or records: the role table of DESIGN.md §4 and
 * the reach rules — who sees a child's file, who may open or change a help request, take a
 * municipal decision, change an allocation — for every role, on its own and another's
 * municipality, with links that run, ended within the policy's period and ended before it, a
 * child who moved, and a GP after referring. And the periods taken from the region's policy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/access.h"
#include "json/policy_set.h"

static const char *const all_roles[] = {"consulent", "verwijzer", "gi", "provider",
					"contract_manager", "policy", "admin"};
#define ROLES (sizeof(all_roles) / sizeof(all_roles[0]))

static jr_day today;
static const struct jr_reach reach = {.closed_case_days = 182, .care_ended_days = 91,
				      .measure_ended_days = 91};

/* A principal of `role` at an organisation of Almelo (0141) with an AGB code, as every kind of
 * organisation may have; the rules must look only at what the role is about. */
static struct jr_principal principal(const char *role)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 7};
	snprintf(p.role, sizeof(p.role), "%s", role);
	memcpy(p.municipality, "0141", 5);
	memcpy(p.agb, "12345678", 9);
	return p;
}

/* A child living in `municipality`, with no link yet. */
static struct jr_person_links child(const char *municipality)
{
	struct jr_person_links l = {.found = true};
	snprintf(l.municipality, sizeof(l.municipality), "%s", municipality);
	return l;
}

static bool sees(const char *role, const struct jr_person_links *l)
{
	struct jr_principal p = principal(role);
	return jr_app_access_sees(&p, l, &reach, today);
}

/* The role table of DESIGN.md §4, capability by capability. */
static void test_role_matrix(void **state)
{
	(void)state;
	static const struct {
		const char *role;
		const char *caps; /* the capabilities it has, space-separated */
	} expect[] = {
		{"consulent", "route person_read person_write providers_read signals work_list social_map"},
		{"verwijzer", "route refer social_map"}, /* no person_read: its referrals only */
		{"gi", "route person_read person_write providers_read social_map measures"},
		{"provider", "person_read care_delivery social_map"},
		{"contract_manager", "providers_read providers_write figures"},
		{"policy", "figures scenarios"}, /* issue 16: scenarios of its own region */
		{"admin", "admin"},
		{"family", ""}, /* not a role yet */
		{"", ""},
	};
	for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		struct jr_principal p = {0};
		char padded[128];
		snprintf(p.role, sizeof(p.role), "%s", expect[i].role);
		snprintf(padded, sizeof(padded), " %s ", expect[i].caps);
		for (int c = 0; c < JR_CAP_COUNT; c++) {
			char word[40];
			bool want;
			snprintf(word, sizeof(word), " %s ", jr_app_capability_name((enum jr_capability)c));
			want = strstr(padded, word) != NULL;
			if (jr_app_access_may(&p, (enum jr_capability)c) != want)
				fail_msg("role %s, capability %s: expected %s", expect[i].role,
					 jr_app_capability_name((enum jr_capability)c),
					 want ? "allowed" : "refused");
		}
	}
	assert_false(jr_app_access_may(&(struct jr_principal){.role = "consulent"}, JR_CAP_COUNT));
	assert_string_equal(jr_app_capability_name(JR_CAP_COUNT), "?");
}

/* Which link opens the file, per role: exactly the role's own kind. */
static void test_each_role_its_own_link(void **state)
{
	(void)state;
	for (size_t i = 0; i < ROLES; i++) {
		const char *r = all_roles[i];
		bool consulent = strcmp(r, "consulent") == 0;
		struct jr_person_links none = child("0153"), resident = child("0141"), open_case,
				       measure, allocation, unknown = {0};
		open_case = measure = allocation = none;
		open_case.case_open = true;
		measure.measure_open = true;
		allocation.allocation_open = true;
		assert_false(sees(r, &none));
		assert_false(sees(r, &unknown));
		assert_int_equal(sees(r, &resident), consulent);
		assert_int_equal(sees(r, &open_case), consulent);
		assert_int_equal(sees(r, &measure), strcmp(r, "gi") == 0);
		assert_int_equal(sees(r, &allocation), strcmp(r, "provider") == 0);
		/* without an organisation nobody sees anyone */
		{
			struct jr_principal p = principal(r);
			p.organisation_id = 0;
			assert_false(jr_app_access_sees(&p, &resident, &reach, today));
			assert_false(jr_app_access_sees(&p, &measure, &reach, today));
			assert_false(jr_app_access_sees(&p, &allocation, &reach, today));
		}
	}
	/* a consulent of an organisation without a municipality, a provider without an AGB code */
	{
		struct jr_principal p = principal("consulent");
		struct jr_person_links l = child("");
		p.municipality[0] = '\0';
		assert_false(jr_app_access_sees(&p, &l, &reach, today));
		p = principal("provider");
		p.agb[0] = '\0';
		l.allocation_open = true;
		assert_false(jr_app_access_sees(&p, &l, &reach, today));
	}
}

/* Finding 4: reach ends a policy period after the last help request of the municipality closed;
 * closed help requests do not open the file for ever. */
static void test_closed_case_period(void **state)
{
	(void)state;
	struct jr_person_links l = child("0164");
	struct jr_principal p = principal("consulent");
	struct jr_reach none = reach;

	l.case_closed_on = today - 181;
	assert_true(sees("consulent", &l));
	l.case_closed_on = today - 182;
	assert_false(sees("consulent", &l));
	l.case_closed_on = today - 3000;
	assert_false(sees("consulent", &l));
	l.case_open = true; /* a later one open */
	assert_true(sees("consulent", &l));
	/* 0 days: only while it is open */
	none.closed_case_days = 0;
	l.case_open = false;
	l.case_closed_on = today;
	assert_false(jr_app_access_sees(&p, &l, &none, today));
	/* its own residents a consulent always sees */
	l = child("0141");
	assert_true(jr_app_access_sees(&p, &l, &none, today));
}

/* A provider: while an allocation to it runs, and care_ended_days after; a GI the same with
 * measure_ended_days, but it acts only while the measure runs. */
static void test_provider_and_gi_periods(void **state)
{
	(void)state;
	struct jr_person_links l = child("0153");
	struct jr_principal gi = principal("gi");

	l.allocation_ended_on = today + 30; /* ends ahead: runs */
	assert_true(sees("provider", &l));
	l.allocation_ended_on = today - 90;
	assert_true(sees("provider", &l));
	l.allocation_ended_on = today - 91;
	assert_false(sees("provider", &l));
	l = child("0153");
	l.measure_ended_on = today;
	assert_true(sees("gi", &l));
	assert_true(jr_app_access_opens_case(&gi, &l, &reach, today));
	assert_true(jr_app_access_changes_case(&gi, &l, &reach, today, "0153"));
	l.measure_ended_on = today - 1; /* ended yesterday: reads, no longer acts */
	assert_true(sees("gi", &l));
	assert_false(jr_app_access_opens_case(&gi, &l, &reach, today));
	assert_false(jr_app_access_changes_case(&gi, &l, &reach, today, "0153"));
	l.measure_ended_on = today - 91;
	assert_false(sees("gi", &l));
	l.measure_open = true; /* another measure runs */
	assert_true(jr_app_access_changes_case(&gi, &l, &reach, today, "0153"));
}

/* Finding 4: a child moved from Almelo (0141) to Hengelo (0164). Almelo's help request is still
 * open (or recently closed); Hengelo opened one. Almelo's consulent still reads the file, may go
 * on with (and close) its own help request, but neither changes Hengelo's nor opens a new one in
 * its name; Hengelo's consulent does both. */
static void test_moved_child(void **state)
{
	(void)state;
	struct jr_principal almelo = principal("consulent"), hengelo = principal("consulent");
	struct jr_person_links by_almelo = child("0164"), by_hengelo = child("0164");

	memcpy(hengelo.municipality, "0164", 5);
	by_almelo.case_open = true;   /* Almelo's own, before the move */
	by_hengelo.case_open = true;  /* Hengelo's, after it */
	assert_true(jr_app_access_sees(&almelo, &by_almelo, &reach, today));
	assert_true(jr_app_access_changes_case(&almelo, &by_almelo, &reach, today, "0141"));
	assert_false(jr_app_access_changes_case(&almelo, &by_almelo, &reach, today, "0164"));
	assert_false(jr_app_access_opens_case(&almelo, &by_almelo, &reach, today));
	assert_false(jr_app_access_decides(&almelo, "0164"));
	assert_true(jr_app_access_changes_case(&hengelo, &by_hengelo, &reach, today, "0164"));
	assert_true(jr_app_access_opens_case(&hengelo, &by_hengelo, &reach, today));
	assert_true(jr_app_access_decides(&hengelo, "0164"));
	/* Almelo's closed half a year and a day ago: Almelo no longer sees the child at all */
	by_almelo.case_open = false;
	by_almelo.case_closed_on = today - 183;
	assert_false(jr_app_access_sees(&almelo, &by_almelo, &reach, today));
	assert_false(jr_app_access_changes_case(&almelo, &by_almelo, &reach, today, "0141"));
}

/* Principle 13 of issue 13 (woonplaatsbeginsel): Almelo placed the child in foster care, and the
 * child's address moved to the foster family in Hengelo. While that care runs Almelo's
 * consulent keeps the child in reach, with no help request open, and may open a new one; the
 * day after the care ends (no closed case to count) it does not. Other roles and other
 * municipalities gain nothing from it. */
static void test_responsible_for_running_care(void **state)
{
	(void)state;
	struct jr_principal almelo = principal("consulent");
	struct jr_person_links l = child("0164");

	assert_false(jr_app_access_sees(&almelo, &l, &reach, today));
	l.care_open = true;
	assert_true(jr_app_access_sees(&almelo, &l, &reach, today));
	assert_true(jr_app_access_opens_case(&almelo, &l, &reach, today));
	assert_false(jr_app_access_changes_case(&almelo, &l, &reach, today, "0164"));
	l.care_open = false;
	l.care_ended_on = today; /* its last day: still runs */
	assert_true(jr_app_access_sees(&almelo, &l, &reach, today));
	l.care_ended_on = today - 1;
	assert_false(jr_app_access_sees(&almelo, &l, &reach, today));
	assert_false(jr_app_access_opens_case(&almelo, &l, &reach, today));
	/* the links are the principal's own municipality's (the store's query): a GI or provider
	 * does not reach a child by them */
	l.care_open = true;
	assert_false(sees("gi", &l));
	assert_false(sees("provider", &l));
	assert_false(sees("verwijzer", &l));
}

/* Finding 4 and item 1: who changes a help request, takes a municipal decision, changes an
 * allocation — every role, own and other municipality. */
static void test_acting(void **state)
{
	(void)state;
	for (size_t i = 0; i < ROLES; i++) {
		const char *r = all_roles[i];
		struct jr_principal p = principal(r);
		bool consulent = strcmp(r, "consulent") == 0, gi = strcmp(r, "gi") == 0;
		struct jr_person_links l = child("0141");
		struct jr_allocation_owner municipal = {.municipality = "0141"},
					   other = {.municipality = "0164"},
					   by_gi = {.municipality = "0141", .gi_organisation_id = 7},
					   by_other_gi = {.municipality = "0141", .gi_organisation_id = 8};
		l.case_open = l.measure_open = l.allocation_open = true;
		assert_int_equal(jr_app_access_changes_case(&p, &l, &reach, today, "0141"),
				 consulent || gi);
		assert_int_equal(jr_app_access_changes_case(&p, &l, &reach, today, "0164"), gi);
		assert_int_equal(jr_app_access_opens_case(&p, &l, &reach, today), consulent || gi);
		assert_int_equal(jr_app_access_decides(&p, "0141"), consulent);
		assert_false(jr_app_access_decides(&p, "0164"));
		assert_int_equal(jr_app_access_changes_allocation(&p, &l, &reach, today, &municipal),
				 consulent);
		assert_false(jr_app_access_changes_allocation(&p, &l, &reach, today, &other));
		assert_int_equal(jr_app_access_changes_allocation(&p, &l, &reach, today, &by_gi), gi);
		assert_false(jr_app_access_changes_allocation(&p, &l, &reach, today, &by_other_gi));
	}
}

/* A GP after referring: its referral opens nothing (it follows the referral in its own list). */
static void test_gp_after_referring(void **state)
{
	(void)state;
	struct jr_principal gp = principal("verwijzer");
	struct jr_person_links l = child("0141"); /* same municipality as the practice */
	l.case_open = true;                       /* the help request its referral opened */
	assert_false(jr_app_access_sees(&gp, &l, &reach, today));
	assert_false(jr_app_access_opens_case(&gp, &l, &reach, today));
	assert_false(jr_app_access_changes_case(&gp, &l, &reach, today, "0141"));
}

/* The periods: the consulent's own municipality's policy; a provider's and a GI's from the
 * child's municipality; none known: 0 days. */
static void test_periods_from_policy(void **state)
{
	(void)state;
	struct jr_policy_set set;
	struct jr_diag diag;
	char bad[256];
	struct jr_reach r;
	struct jr_principal p = principal("consulent");
	struct jr_person_links l = child("0307"); /* Amersfoort */

	jr_policy_set_init(&set);
	assert_int_equal(jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &diag, bad, sizeof(bad)), JR_OK);
	jr_app_access_periods(&set, &p, &l, jr_date_from_ymd(2026, 1, 1), &r); /* Almelo's (Twente) */
	assert_int_equal(r.closed_case_days, 182);
	p = principal("provider");
	jr_app_access_periods(&set, &p, &l, jr_date_from_ymd(2026, 1, 1), &r); /* Amersfoort's */
	assert_int_equal(r.care_ended_days, 91);
	memcpy(l.municipality, "9999", 5);
	jr_app_access_periods(&set, &p, &l, jr_date_from_ymd(2026, 1, 1), &r);
	assert_int_equal(r.care_ended_days, 0);
	assert_int_equal(r.closed_case_days, 0);
	jr_policy_set_release(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_matrix),
		cmocka_unit_test(test_each_role_its_own_link),
		cmocka_unit_test(test_closed_case_period),
		cmocka_unit_test(test_provider_and_gi_periods),
		cmocka_unit_test(test_moved_child),
		cmocka_unit_test(test_responsible_for_running_care),
		cmocka_unit_test(test_acting),
		cmocka_unit_test(test_gp_after_referring),
		cmocka_unit_test(test_periods_from_policy),
	};
	today = jr_date_from_ymd(2026, 11, 23);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
