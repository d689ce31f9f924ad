/* Unit tests for store/store_care.c: referrals, allocations as the app decided them (their rules
 * are tests/unit/test_app_care.c's), changes, and the start and stop of care feeding the course.
 * Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "json/policy_json.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy twente;
static int64_t child_id, analysed_id, bare_id, provider_id, suspended_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_request(bool with_analysis)
{
	struct jr_help_request h = {.child_id = child_id, .raised_on = D(2026, 10, 1)};
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Zorgen om gedrag.");
	memcpy(h.municipality, "0153", 5);
	if (jr_store_help_request_add(store, &fx_actor, &h))
		return 0;
	if (with_analysis) {
		struct jr_broad_analysis b = {.help_request_id = h.id, .made_on = D(2026, 10, 10)};
		b.needs[JR_NEED_BEHAVIOUR] = 3;
		snprintf(b.explanation, sizeof(b.explanation), "x");
		snprintf(b.participants, sizeof(b.participants), "gezin");
		if (jr_store_analysis_add(store, &fx_actor, &b))
			return 0;
	}
	return h.id;
}

static int64_t add_provider(const char *agb, enum jr_provider_status status)
{
	struct jr_provider p = {.status = status};
	struct jr_contract c = {.forms = 0x1e /* forms 1-4 */, .start = D(2026, 1, 1)};
	snprintf(p.agb, sizeof(p.agb), "%s", agb);
	snprintf(p.name, sizeof(p.name), "Zorg %s", agb);
	if (jr_store_provider_add(store, &fx_actor, &p))
		return 0;
	c.provider_id = p.id;
	snprintf(c.region, sizeof(c.region), "twente");
	if (jr_store_contract_add(store, &fx_actor, &c))
		return 0;
	return p.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	(void)state;
	if (fx_setup("care"))
		return -1;
	if (jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &d) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "123456782", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Lotte");
	snprintf(p.family_name, sizeof(p.family_name), "Bos");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2013, 5, 5);
	if (jr_store_person_add(store, &fx_actor, &p))
		return -1;
	child_id = p.id;
	analysed_id = add_request(true);
	bare_id = add_request(false);
	provider_id = add_provider("75750011", JR_PROVIDER_ACTIVE);
	suspended_id = add_provider("75750012", JR_PROVIDER_SUSPENDED);
	return analysed_id && bare_id && provider_id && suspended_id ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

static int64_t referral(int64_t help_request, int form, bool valid)
{
	struct jr_referral r = {.help_request_id = help_request, .referrer_type = 2, .form = form,
				.referred_on = D(2026, 11, 1), .valid = valid};
	memcpy(r.agb, "01012345", 9);
	snprintf(r.referrer_name, sizeof(r.referrer_name), "Huisartsenpraktijk Noord");
	snprintf(r.source, sizeof(r.source), "cli");
	assert_int_equal(jr_store_referral_add(store, &fx_actor, &r), JR_OK);
	return r.id;
}

static struct jr_allocation allocation(int64_t help_request, int64_t provider, int64_t ref,
				       int form)
{
	struct jr_allocation al = {.help_request_id = help_request, .provider_id = provider,
				   .referral_id = ref, .form = form, .intensity = 2,
				   .start = D(2026, 12, 1)};
	snprintf(al.result_description, sizeof(al.result_description),
		 "Lotte gaat weer naar school.");
	return al;
}

/* Records `al` as the app would after its rules (Enschede: the result regime). */
static enum jr_err add_allocation(struct jr_allocation *al)
{
	al->regime = JR_REGIME_RESULT;
	snprintf(al->jz020, sizeof(al->jz020), "%s",
		 jr_policy_jz020(&twente, al->form, JR_MEASURE_NONE));
	return jr_store_allocation_add(store, &fx_actor, al);
}

static void test_referral_needs_a_request(void **state)
{
	(void)state;
	struct jr_referral r = {.help_request_id = 99999, .referrer_type = 1, .form = 2,
				.referred_on = D(2026, 11, 1), .valid = true};
	snprintf(r.referrer_name, sizeof(r.referrer_name), "Lokaal team");
	assert_int_equal(jr_store_referral_add(store, &fx_actor, &r), JR_ERR_INPUT); /* no source */
	snprintf(r.source, sizeof(r.source), "cli");
	assert_int_equal(jr_store_referral_add(store, &fx_actor, &r), JR_ERR_NOT_FOUND);
}

static void test_allocation_made(void **state)
{
	(void)state;
	struct jr_allocation al = allocation(analysed_id, provider_id,
					     referral(analysed_id, 3, true), 3);
	char expected[24];
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	assert_true(al.id > 0);
	snprintf(expected, sizeof(expected), "%lld", (long long)al.id);
	assert_string_equal(al.number, expected);
	assert_string_equal(al.jz020, "45");
	assert_int_equal(al.regime, JR_REGIME_RESULT);
	/* form 2 needs no analysis: allowed on the bare request by municipal decision */
	al = allocation(bare_id, provider_id, 0, 2);
	assert_int_equal(add_allocation(&al),
			 JR_OK);
}

/* A change of an allocation: its end, with a JZ002 reason and its history; what cannot be is
 * refused with the reason, and changes nothing. */
static void test_allocation_change(void **state)
{
	(void)state;
	int honoured = -1;
	struct jr_allocation al = allocation(analysed_id, provider_id, 0, 3);
	struct jr_allocation_change c = {.reason = "05", .has_end = true, .end = D(2027, 3, 31)};
	char sql[160];
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	assert_int_equal(jr_store_allocation_change(store, &fx_actor, al.id, &c, &honoured),
			 JR_OK);
	assert_int_equal(honoured, 0);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM allocations WHERE id = %lld AND end_date = '2027-03-31'"
		 " AND change_reason = '05' AND version = 2 AND changed_at IS NOT NULL",
		 (long long)al.id);
	assert_int_equal(fx_count(sql), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM record_history WHERE record_table = 'allocations'"
		 " AND record_id = %lld",
		 (long long)al.id);
	assert_int_equal(fx_count(sql), 1);
	/* the rules of a change are the app's: the store changes what it is given */
	c = (struct jr_allocation_change){.reason = "04", .has_volume = true, .volume = 5};
	assert_int_equal(jr_store_allocation_change(store, &fx_actor, 99999, &c, &honoured),
			 JR_ERR_NOT_FOUND);
	snprintf(sql, sizeof(sql), "SELECT version FROM allocations WHERE id = %lld",
		 (long long)al.id);
	assert_int_equal(fx_count(sql), 2);
	/* withdrawn: ending on the day it starts (CS335) */
	c = (struct jr_allocation_change){.reason = "13", .has_end = true, .end = al.start};
	assert_int_equal(jr_store_allocation_change(store, &fx_actor, al.id, &c, &honoured),
			 JR_OK);
	assert_int_equal(fx_count(sql), 3);
}

static void test_care_start_and_stop(void **state)
{
	(void)state;
	struct jr_allocation al = allocation(analysed_id, provider_id, 0, 4);
	struct jr_care_outcome o = {.goals_reached = "partly", .continues_without_help = true,
				    .satisfaction = 8, .end_reason = "31"};
	struct jr_course_facts f;
	int64_t delivery;
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	assert_int_equal(jr_store_care_stop(store, &fx_actor, al.id, D(2026, 12, 5), &o),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_care_start(store, &fx_actor, al.id, D(2026, 12, 2), &delivery),
			 JR_OK);
	assert_true(delivery > 0);
	assert_int_equal(jr_store_course_facts(store, analysed_id, &f), JR_OK);
	assert_int_equal(f.care_started, 1);
	assert_int_equal(f.care_running, 1);
	assert_int_equal(jr_store_care_stop(store, &fx_actor, al.id, D(2027, 3, 1), &o), JR_OK);
	assert_int_equal(jr_store_course_facts(store, analysed_id, &f), JR_OK);
	assert_int_equal(f.care_running, 0);
	assert_int_equal(f.outcomes_missing, 0);
	assert_int_equal(jr_store_care_start(store, &fx_actor, 99999, D(2026, 12, 2), &delivery),
			 JR_ERR_NOT_FOUND);
}

struct seen {
	int cases;
	size_t items_of_analysed;
	bool stopped_item;
};

static enum jr_err count_case(void *arg, const struct jr_case *c)
{
	struct seen *seen = arg;
	seen->cases++;
	assert_int_equal(c->child_id, child_id);
	assert_string_equal(c->municipality, "0153");
	if (c->help_request_id == analysed_id) {
		seen->items_of_analysed = c->item_count;
		assert_true(c->analysis);
		assert_int_equal(c->needs[JR_NEED_BEHAVIOUR], 3);
		assert_int_equal(c->needs[JR_NEED_FAMILY], 0);
		for (size_t i = 0; i < c->item_count; i++)
			if (c->items[i].stopped && c->items[i].started)
				seen->stopped_item = true;
	}
	return JR_OK;
}

static void test_each_case_gathers_the_course(void **state)
{
	(void)state;
	struct seen seen = {0};
	assert_int_equal(jr_store_each_case(store, &fx_actor, count_case, &seen), JR_OK);
	assert_int_equal(seen.cases, 2);             /* both help requests are open */
	assert_true(seen.items_of_analysed >= 2);    /* the allocations of the child */
	assert_true(seen.stopped_item);
}

/* Involvement is derived from the records: the local team of an open request, a referrer (not
 * the municipality itself or no one), a provider while its care runs, the GI while the measure
 * is in force; a closed request no longer counts. */
static const struct jr_involvement *find_via(const struct jr_involvement *inv, size_t n,
					     const char *via)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(inv[i].via, via) == 0)
			return &inv[i];
	return NULL;
}

/* The links the reach rules decide on (app/access.c), per kind of principal, and the lookups
 * of the authorisation: a record that does not exist is *found false, not an error, so that
 * inside a request's transaction the refusal's audit entry is kept (issue 11, finding 9). */
static void test_links_for_the_reach(void **state)
{
	(void)state;
	struct jr_person p = {0};
	struct jr_organisation gi = {0};
	struct jr_principal consulent = {.organisation_id = 1, .role = "consulent"},
			    provider = {.organisation_id = 2, .role = "provider", .agb = "75750011"},
			    gi_worker = {.role = "gi"};
	struct jr_person_links l;
	struct jr_help_request h = {.raised_on = D(2026, 1, 5)};
	struct jr_measure_record m = {0};
	struct jr_allocation_owner owner;
	struct jr_allocation al;
	struct jr_care_outcome o = {.goals_reached = "yes", .continues_without_help = true,
				    .satisfaction = 7, .end_reason = "31"};
	int64_t child, delivery, kids[JR_HOUSEHOLD_MEMBERS_MAX];
	char municipality[5];
	size_t n;
	bool found;

	memcpy(p.bsn, "100000009", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Mila");
	snprintf(p.family_name, sizeof(p.family_name), "Verhuisd");
	memcpy(p.municipality, "0164", 5); /* moved to Hengelo */
	p.birth_date = D(2015, 4, 4);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	/* Enschede's help request from before the move, withdrawn on 1 June 2026 */
	memcpy(consulent.municipality, "0153", 5);
	h.child_id = p.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "x");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	assert_int_equal(jr_store_person_links(store, p.id, &consulent, &l), JR_OK);
	assert_true(l.found);
	assert_string_equal(l.municipality, "0164");
	assert_true(l.case_open);
	assert_int_equal(l.case_closed_on, 0);
	jr_store_set_record_day(store, D(2026, 6, 1));
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN),
			 JR_OK);
	jr_store_set_record_day(store, 0);
	assert_int_equal(jr_store_person_links(store, p.id, &consulent, &l), JR_OK);
	assert_false(l.case_open);
	assert_int_equal(l.case_closed_on, D(2026, 6, 1));
	/* Hengelo has none */
	memcpy(consulent.municipality, "0164", 5);
	assert_int_equal(jr_store_person_links(store, p.id, &consulent, &l), JR_OK);
	assert_false(l.case_open);
	assert_int_equal(l.case_closed_on, 0);

	/* the provider: an allocation without an end runs; with an end, that day; care stopped for
	 * good before it, the stop */
	h.id = 0;
	h.version = 0;
	memcpy(h.municipality, "0164", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	al = allocation(h.id, provider_id, 0, 2);
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	assert_int_equal(jr_store_person_links(store, p.id, &provider, &l), JR_OK);
	assert_true(l.allocation_open);
	provider.agb[0] = '9'; /* another provider's AGB */
	assert_int_equal(jr_store_person_links(store, p.id, &provider, &l), JR_OK);
	assert_false(l.allocation_open);
	assert_int_equal(l.allocation_ended_on, 0);
	provider.agb[0] = '7';
	{
		struct jr_allocation_change c = {.reason = "04", .has_end = true,
						 .end = D(2027, 6, 30)};
		int honoured;
		assert_int_equal(jr_store_allocation_change(store, &fx_actor, al.id, &c, &honoured),
				 JR_OK);
	}
	assert_int_equal(jr_store_person_links(store, p.id, &provider, &l), JR_OK);
	assert_false(l.allocation_open);
	assert_int_equal(l.allocation_ended_on, D(2027, 6, 30));
	assert_int_equal(jr_store_care_start(store, &fx_actor, al.id, D(2026, 12, 2), &delivery),
			 JR_OK);
	assert_int_equal(jr_store_care_stop(store, &fx_actor, al.id, D(2027, 2, 1), &o), JR_OK);
	assert_int_equal(jr_store_person_links(store, p.id, &provider, &l), JR_OK);
	assert_int_equal(l.allocation_ended_on, D(2027, 2, 1));

	/* the GI: a measure with it as GI, its end */
	snprintf(gi.kind, sizeof(gi.kind), "gi");
	snprintf(gi.name, sizeof(gi.name), "Jeugdbescherming West");
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gi), JR_OK);
	gi_worker.organisation_id = gi.id;
	m.child_id = p.id;
	m.kind = JR_MEASURE_OTS;
	m.court_date = m.start = D(2026, 3, 1);
	m.gi_organisation_id = gi.id;
	m.has_end = true;
	m.end = D(2026, 9, 1);
	assert_int_equal(jr_store_measure_add(store, &fx_actor, &m), JR_OK);
	assert_int_equal(jr_store_person_links(store, p.id, &gi_worker, &l), JR_OK);
	assert_false(l.measure_open);
	assert_int_equal(l.measure_ended_on, D(2026, 9, 1));
	assert_false(l.allocation_open);
	assert_int_equal(l.allocation_ended_on, 0); /* a GI has no AGB here: no provider link */

	/* the owners */
	assert_int_equal(jr_store_help_request_owner(store, h.id, &child, municipality, &found),
			 JR_OK);
	assert_true(found);
	assert_int_equal(child, p.id);
	assert_string_equal(municipality, "0164");
	assert_int_equal(jr_store_allocation_owner(store, al.id, &owner, &found), JR_OK);
	assert_true(found);
	assert_int_equal(owner.child_id, p.id);
	assert_int_equal(owner.help_request_id, h.id);
	assert_string_equal(owner.municipality, "0164");
	assert_string_equal(owner.provider_agb, "75750011");
	assert_int_equal(owner.gi_organisation_id, 0);
	/* a GI's own allocation says so */
	al = allocation(h.id, provider_id, 0, 2);
	al.gi_organisation_id = gi.id;
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	assert_int_equal(jr_store_allocation_owner(store, al.id, &owner, &found), JR_OK);
	assert_int_equal(owner.gi_organisation_id, gi.id);

	/* nothing found inside a request's transaction: no failure, the audit entry is kept */
	{
		int64_t before = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = "
					  "'access.denied'");
		assert_int_equal(jr_store_bulk_begin(store), JR_OK);
		assert_int_equal(jr_store_person_links(store, 99999, &consulent, &l), JR_OK);
		assert_false(l.found);
		assert_int_equal(jr_store_help_request_owner(store, 99999, &child, municipality,
							     &found),
				 JR_OK);
		assert_false(found);
		assert_int_equal(jr_store_allocation_owner(store, 99999, &owner, &found), JR_OK);
		assert_false(found);
		assert_int_equal(jr_store_household_children(store, 99999, kids, &n, &found), JR_OK);
		assert_false(found);
		assert_int_equal(jr_store_audit_event(store, &fx_actor, "access.denied", 0,
						      "person:99999"),
				 JR_OK);
		assert_int_equal(jr_store_bulk_end(store, true), JR_OK);
		assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = "
					  "'access.denied'"),
				 before + 1);
	}
}

static void test_involvement_is_derived(void **state)
{
	(void)state;
	struct jr_person p = {0};
	struct jr_organisation team = {0}, gp = {0}, gi = {0};
	struct jr_measure_record m = {0};
	struct jr_involvement inv[8];
	struct jr_help_request h = {.raised_on = D(2026, 10, 1)};
	struct jr_care_outcome o = {.goals_reached = "yes", .continues_without_help = true,
				    .satisfaction = 9, .end_reason = "01"};
	const struct jr_involvement *v;
	struct jr_allocation al;
	size_t n;
	int64_t delivery, ref;

	memcpy(p.bsn, "111222333", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Mulder");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2012, 2, 2);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	assert_int_equal(jr_store_involvement(store, &fx_actor, 99999, D(2026, 11, 23), inv, 8, &n),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2026, 11, 23), inv, 8, &n),
			 JR_OK);
	assert_int_equal(n, 0);

	snprintf(team.kind, sizeof(team.kind), "local_team");
	snprintf(team.name, sizeof(team.name), "Lokaal team Enschede");
	memcpy(team.municipality, "0153", 5);
	snprintf(gp.kind, sizeof(gp.kind), "gp_practice");
	snprintf(gp.name, sizeof(gp.name), "Huisartsen Noord");
	memcpy(gp.agb, "01012345", 9);
	snprintf(gi.kind, sizeof(gi.kind), "gi");
	snprintf(gi.name, sizeof(gi.name), "Jeugdbescherming Oost");
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &team), JR_OK);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gp), JR_OK);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gi), JR_OK);

	h.child_id = p.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "school");
	snprintf(h.question, sizeof(h.question), "Daan gaat niet meer naar school.");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	ref = referral(h.id, 2, true); /* a GP, AGB 01012345: the gp organisation */
	{
		struct jr_referral self = {.help_request_id = h.id, .referrer_type = 6, .form = 1,
					   .referred_on = D(2026, 11, 2), .valid = true};
		snprintf(self.referrer_name, sizeof(self.referrer_name), "Ouders");
		snprintf(self.source, sizeof(self.source), "cli");
		assert_int_equal(jr_store_referral_add(store, &fx_actor, &self), JR_OK);
	}
	al = allocation(h.id, provider_id, 0, 2);
	assert_int_equal(add_allocation(&al),
			 JR_OK);
	m.child_id = p.id;
	m.kind = JR_MEASURE_OTS;
	m.court_date = D(2026, 6, 1);
	m.gi_organisation_id = gi.id;
	m.start = D(2026, 6, 1);
	m.has_end = true;
	m.end = D(2026, 12, 31);
	assert_int_equal(jr_store_measure_add(store, &fx_actor, &m), JR_OK);

	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2026, 11, 23), inv, 8, &n),
			 JR_OK);
	assert_int_equal(n, 4); /* team, GP, provider, GI; the self-referral is no one */
	assert_non_null(v = find_via(inv, n, "help_request"));
	assert_string_equal(v->kind, "local_team");
	assert_int_equal(v->organisation_id, team.id);
	assert_string_equal(v->name, "Lokaal team Enschede");
	assert_non_null(v = find_via(inv, n, "referral"));
	assert_int_equal(v->object_id, ref);
	assert_int_equal(v->organisation_id, gp.id);
	assert_int_equal(v->referrer_type, 2);
	assert_non_null(v = find_via(inv, n, "allocation"));
	assert_int_equal(v->organisation_id, provider_id);
	assert_string_equal(v->kind, "provider");
	assert_non_null(v = find_via(inv, n, "measure"));
	assert_int_equal(v->organisation_id, gi.id);
	assert_int_equal(v->since, D(2026, 6, 1));
	/* oldest first; at most `max` kept, all counted */
	for (size_t i = 1; i < n; i++)
		assert_true(inv[i - 1].since <= inv[i].since);
	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2026, 11, 23), inv, 2, &n),
			 JR_OK);
	assert_int_equal(n, 4);

	/* the measure has ended by 2027; the provider leaves when its care stops */
	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2027, 1, 5), inv, 8, &n),
			 JR_OK);
	assert_null(find_via(inv, n, "measure"));
	assert_int_equal(jr_store_care_start(store, &fx_actor, al.id, D(2026, 12, 2), &delivery),
			 JR_OK);
	assert_int_equal(jr_store_care_stop(store, &fx_actor, al.id, D(2027, 2, 1), &o), JR_OK);
	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2027, 2, 2), inv, 8, &n),
			 JR_OK);
	assert_int_equal(n, 2);
	assert_null(find_via(inv, n, "allocation"));

	/* a withdrawn request: neither its local team nor its referrer is involved any more */
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, JR_HR_WITHDRAWN),
			 JR_OK);
	assert_int_equal(jr_store_involvement(store, &fx_actor, p.id, D(2027, 2, 2), inv, 8, &n),
			 JR_OK);
	assert_int_equal(n, 0);
}

struct events {
	int count;
	char last_day[11];
	int last_rank;
	bool ordered;
	unsigned kinds; /* bit per kind seen, in the order of `kind_names` */
};

static const char *const kind_names[] = {"help_request", "analysis", "goal", "advice",
					 "light_option", "referral", "measure", "allocation",
					 "care_start", "care_stop"};

static enum jr_err see_event(void *ctx, const struct jr_timeline_event *e)
{
	struct events *ev = ctx;
	int rank = -1;
	for (int i = 0; i < 10; i++)
		if (strcmp(kind_names[i], e->kind) == 0)
			rank = i;
	assert_true(rank >= 0);
	if (strcmp(e->day, ev->last_day) < 0)
		ev->ordered = false;
	ev->kinds |= 1u << rank;
	snprintf(ev->last_day, sizeof(ev->last_day), "%s", e->day);
	ev->last_rank = rank;
	ev->count++;
	return JR_OK;
}

/* A child's course as one timeline, by day, with every kind of step the records hold. */
static void test_timeline(void **state)
{
	(void)state;
	struct events ev = {.ordered = true};
	assert_int_equal(jr_store_timeline(store, &fx_actor, child_id, see_event, &ev), JR_OK);
	assert_true(ev.ordered);
	assert_true(ev.count >= 6);
	assert_true(ev.kinds & 1u << 0); /* help requests */
	assert_true(ev.kinds & 1u << 1); /* the analysis */
	assert_true(ev.kinds & 1u << 5); /* referrals */
	assert_true(ev.kinds & 1u << 7); /* allocations */
	assert_true(ev.kinds & 1u << 8); /* care started */
	assert_true(ev.kinds & 1u << 9); /* and stopped */
	assert_int_equal(jr_store_timeline(store, &fx_actor, 99999, see_event, &ev),
			 JR_ERR_NOT_FOUND);
}

struct rows_seen {
	int count;
	struct jr_referral_row rows[8];
};

static enum jr_err see_referral(void *ctx, const struct jr_referral_row *r)
{
	struct rows_seen *seen = ctx;
	if (seen->count < 8)
		seen->rows[seen->count] = *r;
	seen->count++;
	return JR_OK;
}

static struct jr_referral_row listed(int64_t org, int64_t id, int64_t *total)
{
	struct rows_seen seen = {0};
	struct jr_referral_row none = {0};
	assert_int_equal(jr_store_referrals_of_organisation(store, &fx_actor, org, 0, 8, see_referral,
							    &seen, total),
			 JR_OK);
	assert_int_equal(seen.count, *total);
	for (int i = 0; i < seen.count && i < 8; i++)
		if (seen.rows[i].r.id == id)
			return seen.rows[i];
	return none;
}

static struct jr_referral gp_referral(int64_t org, int64_t help_request, int form, jr_day on,
				      const char *key)
{
	struct jr_referral r = {.help_request_id = help_request, .referrer_type = 2, .form = form,
				.referred_on = on, .valid = true, .organisation_id = org,
				.once_a_day = true};
	memcpy(r.agb, "01019999", 9);
	snprintf(r.referrer_name, sizeof(r.referrer_name), "Huisartsen Zuid");
	snprintf(r.source, sizeof(r.source), "api");
	snprintf(r.idempotency_key, sizeof(r.idempotency_key), "%s", key);
	jr_store_fingerprint(store, key, r.fingerprint);
	return r;
}

/* A referrer's referrals: made once per key and per child, form and day; found by key and by day;
 * listed for the organisation that made them (not for one a provider's message names) with how
 * far each got; another's referral is not found and that is audited. */
static void test_referrals_of_an_organisation(void **state)
{
	(void)state;
	struct jr_organisation gp = {0}, gp2 = {0};
	struct jr_person p = {0};
	struct jr_help_request h = {.raised_on = D(2026, 11, 5)}, h2;
	struct jr_referral api, later, named, found;
	struct jr_referral_row row;
	struct jr_actor doctor = fx_actor, doctor2 = fx_actor;
	struct jr_care_outcome o = {.goals_reached = "yes", .continues_without_help = true,
				    .satisfaction = 8, .end_reason = "01"};
	struct jr_broad_analysis b = {.made_on = D(2026, 11, 10)};
	struct jr_allocation al;
	char fp1[JR_FINGERPRINT_HEX + 1], fp2[JR_FINGERPRINT_HEX + 1];
	int64_t total, count, delivery;
	bool is;

	snprintf(gp.kind, sizeof(gp.kind), "gp_practice");
	snprintf(gp.name, sizeof(gp.name), "Huisartsen Zuid");
	memcpy(gp.agb, "01019999", 9);
	snprintf(gp2.kind, sizeof(gp2.kind), "gp_practice");
	snprintf(gp2.name, sizeof(gp2.name), "Huisartsen West");
	memcpy(gp2.agb, "01018888", 9);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gp), JR_OK);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gp2), JR_OK);
	doctor.organisation_id = gp.id;
	doctor2.organisation_id = gp2.id;
	memcpy(p.bsn, "100000046", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Fleur");
	snprintf(p.family_name, sizeof(p.family_name), "Kok");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2014, 3, 3);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	h.child_id = p.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Fleur slaapt slecht en is angstig.");
	memcpy(h.municipality, "0153", 5);
	h2 = h;
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h2), JR_OK);

	/* once per key, once per child, form and day */
	api = gp_referral(gp.id, h.id, 2, D(2026, 11, 5), "sleutel-1");
	assert_int_equal(jr_store_referral_add(store, &doctor, &api), JR_OK);
	found = gp_referral(gp.id, h.id, 3, D(2026, 11, 5), "sleutel-1");
	assert_int_equal(jr_store_referral_add(store, &doctor, &found), JR_ERR_CONFLICT);
	found = gp_referral(gp.id, h.id, 2, D(2026, 11, 5), "");
	assert_int_equal(jr_store_referral_add(store, &doctor, &found), JR_ERR_CONFLICT);
	later = gp_referral(gp.id, h2.id, 2, D(2026, 11, 6), "");
	assert_int_equal(jr_store_referral_add(store, &doctor, &later), JR_OK);
	/* a provider's JW315 names the GP: no organisation made it */
	named = gp_referral(0, h.id, 2, D(2026, 11, 7), "");
	named.once_a_day = false;
	named.fingerprint[0] = '\0';
	snprintf(named.source, sizeof(named.source), "ijw");
	assert_int_equal(jr_store_referral_add(store, &fx_actor, &named), JR_OK);

	assert_int_equal(jr_store_referral_by_key(store, gp.id, "sleutel-1", &found, &is), JR_OK);
	assert_true(is);
	assert_int_equal(found.id, api.id);
	assert_string_equal(found.fingerprint, api.fingerprint);
	assert_string_equal(found.source, "api");
	assert_int_equal(found.organisation_id, gp.id);
	assert_true(found.once_a_day);
	assert_int_equal(jr_store_referral_by_key(store, gp2.id, "sleutel-1", &found, &is), JR_OK);
	assert_false(is);
	assert_int_equal(jr_store_referral_by_key(store, gp.id, "sleutel-2", &found, &is), JR_OK);
	assert_false(is);
	assert_int_equal(jr_store_referral_same_day(store, gp.id, p.id, 2, D(2026, 11, 5), &found,
						    &is),
			 JR_OK);
	assert_true(is);
	assert_int_equal(found.id, api.id);
	assert_int_equal(jr_store_referral_same_day(store, gp.id, p.id, 3, D(2026, 11, 5), &found,
						    &is),
			 JR_OK);
	assert_false(is);
	assert_int_equal(jr_store_referral_same_day(store, gp2.id, p.id, 2, D(2026, 11, 5), &found,
						    &is),
			 JR_OK);
	assert_false(is);

	/* the organisation's own list: received, with the child's name and the question */
	row = listed(gp.id, api.id, &total);
	assert_int_equal(total, 2);
	assert_int_equal(row.r.id, api.id);
	assert_string_equal(row.given_names, "Fleur");
	assert_int_equal(row.birth_date, D(2014, 3, 3));
	assert_string_equal(row.question, "Fleur slaapt slecht en is angstig.");
	assert_false(row.accepted);
	assert_false(row.allocated);
	assert_int_equal(row.closed_on, 0);
	assert_int_equal(listed(gp.id, named.id, &total).r.id, 0);
	assert_int_equal(listed(gp2.id, api.id, &total).r.id, 0);
	assert_int_equal(total, 0);

	/* one referral: own, another's, named in a message, none — the last three alike */
	assert_int_equal(jr_store_referral_of_organisation(store, &doctor, gp.id, api.id, &row, &is),
			 JR_OK);
	assert_true(is);
	assert_int_equal(row.child_id, p.id);
	assert_int_equal(jr_store_referral_of_organisation(store, &doctor2, gp2.id, api.id, &row,
							   &is),
			 JR_OK);
	assert_false(is);
	assert_int_equal(row.r.id, 0);
	assert_int_equal(jr_store_referral_of_organisation(store, &doctor, gp.id, named.id, &row,
							   &is),
			 JR_OK);
	assert_false(is);
	assert_int_equal(jr_store_referral_of_organisation(store, &doctor, gp.id, 999999, &row, &is),
			 JR_OK);
	assert_false(is);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'"
				     " AND object = 'referral:' || %lld",
				     api.id),
			 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = "
				  "'referral.read.none' AND object = 'referral:999999'"),
			 1);

	/* the local team takes it up, allocates, care runs and stops; the other is withdrawn */
	b.help_request_id = h.id;
	b.needs[JR_NEED_MENTAL_HEALTH] = 2;
	snprintf(b.explanation, sizeof(b.explanation), "x");
	snprintf(b.participants, sizeof(b.participants), "gezin");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_OK);
	assert_true(listed(gp.id, api.id, &total).accepted);
	al = allocation(h.id, provider_id, api.id, 2);
	assert_int_equal(add_allocation(&al), JR_OK);
	row = listed(gp.id, api.id, &total);
	assert_true(row.allocated);
	assert_string_equal(row.provider_name, "Zorg 75750011");
	assert_int_equal(row.allocated_from, D(2026, 12, 1));
	assert_int_equal(row.care_started, 0);
	assert_int_equal(jr_store_care_start(store, &fx_actor, al.id, D(2026, 12, 2), &delivery),
			 JR_OK);
	row = listed(gp.id, api.id, &total);
	assert_int_equal(row.care_started, D(2026, 12, 2));
	assert_int_equal(row.care_stopped, 0);
	assert_int_equal(jr_store_care_stop(store, &fx_actor, al.id, D(2027, 1, 15), &o), JR_OK);
	assert_int_equal(listed(gp.id, api.id, &total).care_stopped, D(2027, 1, 15));
	assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h2, JR_HR_WITHDRAWN),
			 JR_OK);
	row = listed(gp.id, later.id, &total);
	assert_string_equal(row.state, "withdrawn");
	assert_true(row.closed_on > 0);
	assert_false(row.accepted);

	/* the mismatches of one organisation for one child, since a moment */
	assert_int_equal(jr_store_audit_event(store, &doctor, "referral.mismatch", p.id,
					      "mismatch:birth_date"),
			 JR_OK);
	assert_int_equal(jr_store_audit_event(store, &doctor, "referral.mismatch", p.id,
					      "mismatch:family_name"),
			 JR_OK);
	assert_int_equal(jr_store_audit_event(store, &doctor2, "referral.mismatch", p.id,
					      "mismatch:birth_date"),
			 JR_OK);
	assert_int_equal(jr_store_audit_event(store, &doctor, "referral.refused", p.id, "adult"),
			 JR_OK);
	assert_int_equal(jr_store_referral_mismatches(store, gp.id, p.id, "2000-01-01T00:00:00Z",
						      &count),
			 JR_OK);
	assert_int_equal(count, 2);
	assert_int_equal(jr_store_referral_mismatches(store, gp2.id, p.id, "2000-01-01T00:00:00Z",
						      &count),
			 JR_OK);
	assert_int_equal(count, 1);
	assert_int_equal(jr_store_referral_mismatches(store, gp.id, p.id, "2999-01-01T00:00:00Z",
						      &count),
			 JR_OK);
	assert_int_equal(count, 0);

	/* a fingerprint: keyed, the same for the same text, 64 hex digits */
	jr_store_fingerprint(store, "100000009\x1f" "Fleur", fp1);
	jr_store_fingerprint(store, "100000009\x1f" "Fleur", fp2);
	assert_string_equal(fp1, fp2);
	assert_int_equal(strlen(fp1), JR_FINGERPRINT_HEX);
	assert_int_equal(strspn(fp1, "0123456789abcdef"), JR_FINGERPRINT_HEX);
	jr_store_fingerprint(store, "100000009\x1f" "Floor", fp2);
	assert_string_not_equal(fp1, fp2);
}

/* The links of a page of persons read at once (a search's reach, jr_store_person_links_many)
 * are those read one by one: for a principal of each kind, over every person on record (after
 * the tests above: help requests open, withdrawn and closed in two municipalities, allocations
 * running, ended and stopped, measures), newest first, with an id on no record among them. */
static void test_links_of_many_are_those_of_each(void **state)
{
	(void)state;
	struct jr_principal who[] = {
	    {.organisation_id = 1, .role = "consulent", .municipality = "0153"},
	    {.organisation_id = 1, .role = "consulent", .municipality = "0164"},
	    {.organisation_id = 2, .role = "provider", .agb = "75750011"},
	    {.organisation_id = 0, .role = "gi"}};
	int64_t max = fx_count("SELECT MAX(id) FROM persons");
	size_t linked = 0;

	who[3].organisation_id = fx_count("SELECT MIN(gi_organisation_id) FROM measures");
	assert_true(who[3].organisation_id > 0);
	for (size_t w = 0; w < sizeof(who) / sizeof(who[0]); w++) {
		for (int64_t top = max + 1; top > 0; top -= 2) {
			struct jr_person_links many[3], one;
			int64_t ids[3] = {top, top - 1, top - 2}; /* max + 1 is on no record */
			size_t n = top > 2 ? 3 : (size_t)top;
			assert_int_equal(jr_store_person_links_many(store, ids, n, &who[w], many),
			                 JR_OK);
			for (size_t i = 0; i < n; i++) {
				assert_int_equal(jr_store_person_links(store, ids[i], &who[w], &one),
				                 JR_OK);
				assert_memory_equal(&many[i], &one, sizeof(one));
				linked += one.case_open || one.case_closed_on || one.care_open ||
				          one.care_ended_on || one.allocation_open ||
				          one.allocation_ended_on || one.measure_open ||
				          one.measure_ended_on;
			}
			if (top == max + 1)
				assert_false(many[0].found);
		}
	}
	assert_true(linked >= 4); /* the records gave the comparison something to compare */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_referral_needs_a_request),
		cmocka_unit_test(test_allocation_made),
		cmocka_unit_test(test_care_start_and_stop),
		cmocka_unit_test(test_each_case_gathers_the_course),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_allocation_change),
		cmocka_unit_test(test_links_for_the_reach),
		cmocka_unit_test(test_involvement_is_derived), /* adds a second child: last */
		cmocka_unit_test(test_referrals_of_an_organisation), /* and a third one */
		cmocka_unit_test(test_links_of_many_are_those_of_each),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
