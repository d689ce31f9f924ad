/* Unit tests for app/care.c: the allocation rules checked once, on the facts the records hold
 * (provider status, contract, referral or decision, broad analysis, measure, regime), a change of
 * an allocation, a measure, and the start and stop of care — each refusal explained and nothing
 * written; and who may allocate. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/care.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store/db.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, analysed_id, bare_id, provider_id, suspended_id, team_id, other_team_id;

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

static int64_t add_team(const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team %s", municipality);
	memcpy(o.municipality, municipality, 5);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	char bad[256];
	(void)state;
	if (fx_setup("app_care"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
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
	team_id = add_team("0153");
	other_team_id = add_team("0141");
	return analysed_id && bare_id && provider_id && suspended_id && team_id && other_team_id
		       ? 0
		       : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = D(2026, 11, 20);
	app->diag = diag;
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

static void expect(enum jr_err got, enum jr_err want, const struct jr_diag *d, const char *path,
		   const char *part)
{
	assert_int_equal(got, want);
	assert_string_equal(d->path, path);
	if (!strstr(d->message, part))
		fail_msg("message \"%s\" lacks \"%s\"", d->message, part);
}

static void expect_refused_at(struct jr_allocation *al, bool decision, const char *path,
			      const char *part)
{
	struct jr_app app;
	struct jr_diag d;
	int64_t before = fx_count("SELECT COUNT(*) FROM allocations");

	context(&app, &d, NULL);
	expect(jr_app_allocation_add(&app, al, decision), JR_ERR_REFUSED, &d, path, part);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM allocations"), before);
}

#define expect_refused(al, decision, part) expect_refused_at((al), (decision), "provider_id", (part))

/* Runs `sql` on its own connection (a statement that returns no rows). */
static void exec_sql(const char *sql)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];

	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, sql), JR_OK);
	jr_db_close(db);
}

/* Every allocation made so far withdrawn (iJw JZ002 reason 13): the next test's allocations of
 * the same child and form do not run beside them. */
static void withdraw_all(void)
{
	exec_sql("UPDATE allocations SET change_reason = '13'");
}

static void test_allocation_rules_from_the_records(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = allocation(analysed_id, provider_id, 0, 3);
	expect_refused_at(&al, false, "referral_id", "geen geldige verwijzing");
	al = allocation(analysed_id, provider_id, referral(analysed_id, 2, true), 3);
	/* referral for another form */
	expect_refused_at(&al, false, "referral_id", "geen geldige verwijzing");
	al = allocation(analysed_id, provider_id, referral(analysed_id, 3, false), 3);
	/* an invalid referral */
	expect_refused_at(&al, false, "referral_id", "geen geldige verwijzing");
	al = allocation(analysed_id, suspended_id, 0, 3);
	expect_refused(&al, true, "geschorst");
	al = allocation(analysed_id, provider_id, 0, 5);
	expect_refused(&al, true, "geen contract"); /* contract covers forms 1-4 */
	al = allocation(analysed_id, provider_id, 0, 3);
	al.start = D(2025, 12, 31);
	expect_refused(&al, true, "geen contract"); /* before the contract starts */
	al = allocation(analysed_id, 99999, 0, 3);
	expect_refused(&al, true, "onbekende zorgaanbieder");
	al = allocation(bare_id, provider_id, 0, 3);
	expect_refused_at(&al, true, "", "brede verklarende analyse");
	al = allocation(analysed_id, provider_id, 0, 3);
	al.result_description[0] = '\0';
	expect_refused_at(&al, true, "result", "resultaat"); /* Enschede: result regime */
	al = allocation(analysed_id, provider_id, 0, 3);
	snprintf(al.product_code, sizeof(al.product_code), "45A03");
	al.volume = 2;
	/* the fields of another regime: Enschede buys results, not products */
	expect_refused_at(&al, true, "product_code", "resultaatgericht");
	al = allocation(analysed_id, provider_id, 0, 3);
	snprintf(al.frequency, sizeof(al.frequency), "per week");
	expect_refused_at(&al, true, "unit", "resultaatgericht");
	al = allocation(analysed_id, provider_id, 0, 3);
	al.has_end = true;
	al.end = D(2026, 11, 30);
	context(&app, &d, NULL);
	expect(jr_app_allocation_add(&app, &al, true), JR_ERR_INPUT, &d, "end", "vóór de begindatum");
}

static void test_allocation_made(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = allocation(analysed_id, provider_id,
					     referral(analysed_id, 3, true), 3);
	char expected[24];

	withdraw_all();
	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_add(&app, &al, false), JR_OK);
	assert_true(al.id > 0);
	snprintf(expected, sizeof(expected), "%lld", (long long)al.id);
	assert_string_equal(al.number, expected);
	assert_string_equal(al.jz020, "45");
	assert_int_equal(al.regime, JR_REGIME_RESULT);
	/* form 2 needs no analysis: allowed on the bare request by municipal decision */
	al = allocation(bare_id, provider_id, 0, 2);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	al = allocation(99999, provider_id, 0, 2);
	expect(jr_app_allocation_add(&app, &al, true), JR_ERR_NOT_FOUND, &d, "", "hulpvraag");
}

/* Issue 13, principle 11: an allocation is judged by the policy in force on its start; a start
 * no version covers is refused on "date", and nothing is written. */
static void test_allocation_on_a_day_without_policy(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = allocation(bare_id, provider_id, 0, 2);
	int64_t before = fx_count("SELECT COUNT(*) FROM allocations");

	al.start = D(2018, 6, 1); /* Twente's policy is in force from 2019-01-01 */
	context(&app, &d, NULL);
	expect(jr_app_allocation_add(&app, &al, true), JR_ERR_INPUT, &d, "date",
	       "geen beleid voor deze gemeente (0153) op 2018-06-01");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM allocations"), before);
}

static void test_who_allocates(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_principal mine = {.user_id = 1, .organisation_id = team_id};
	struct jr_principal other = {.user_id = 2, .organisation_id = other_team_id};
	struct jr_principal provider = {.user_id = 3, .organisation_id = team_id};
	struct jr_allocation al = allocation(bare_id, provider_id, 0, 2);

	snprintf(mine.role, sizeof(mine.role), "consulent");
	memcpy(mine.municipality, "0153", 5);
	snprintf(other.role, sizeof(other.role), "consulent");
	memcpy(other.municipality, "0141", 5);
	snprintf(provider.role, sizeof(provider.role), "provider");
	withdraw_all();
	context(&app, &d, &provider);
	expect(jr_app_allocation_add(&app, &al, true), JR_ERR_FORBIDDEN, &d, "", "uw rol");
	context(&app, &d, &other);
	expect(jr_app_allocation_add(&app, &al, true), JR_ERR_NOT_FOUND, &d, "",
	       "geen hulpvraag met dit nummer binnen uw bereik");
	context(&app, &d, &mine);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	assert_int_equal(al.gi_organisation_id, 0); /* the municipality's decision */
	/* the allocation is the municipality's to change: not the provider's */
	context(&app, &d, &provider);
	expect(jr_app_allocation_reach(&app, al.id, JR_ALLOCATION_CHANGE), JR_ERR_FORBIDDEN, &d, "",
	       "uw rol");
}

/* Principle 5 of issue 13: care under a court measure does not wait for the broad analysis. */
static void test_measure_does_not_wait_for_analysis(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_measure_record m = {.child_id = child_id, .kind = JR_MEASURE_OTS,
				      .court_date = D(2026, 6, 1), .start = D(2026, 6, 1),
				      .has_end = true, .end = D(2026, 5, 1)};
	struct jr_allocation al = allocation(bare_id, provider_id, 0, 1);

	context(&app, &d, NULL);
	expect(jr_app_measure_add(&app, &m), JR_ERR_INPUT, &d, "end", "vóór de start");
	m.child_id = 99999;
	m.has_end = false;
	expect(jr_app_measure_add(&app, &m), JR_ERR_NOT_FOUND, &d, "", "niet gevonden");
	m.child_id = child_id;
	/* issue 15 point 3: an OTS is imposed for at most a year (art. 1:258 BW) */
	expect(jr_app_measure_add(&app, &m), JR_ERR_INPUT, &d, "end", "art. 1:258 BW");
	m.has_end = true;
	m.end = D(2027, 6, 2);
	expect(jr_app_measure_add(&app, &m), JR_ERR_INPUT, &d, "end", "ten hoogste een jaar");
	m.end = D(2027, 6, 1);
	assert_int_equal(jr_app_measure_add(&app, &m), JR_OK);
	/* without the analysis the allocation is judged on: refused only by the regime's rule,
	 * which comes after the analysis's */
	al.result_description[0] = '\0';
	expect_refused_at(&al, true, "result", "resultaat");
	assert_int_equal(fx_count("DELETE FROM measures RETURNING 1"), 1);
}

static void test_allocation_change(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	int honoured = -1;
	struct jr_allocation al = allocation(analysed_id, provider_id, 0, 3);
	struct jr_allocation_change c = {.reason = "05", .has_end = true, .end = D(2027, 3, 31)};
	char sql[160];

	withdraw_all();
	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	assert_int_equal(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_OK);
	assert_int_equal(honoured, 0);
	snprintf(sql, sizeof(sql), "SELECT version FROM allocations WHERE id = %lld",
		 (long long)al.id);
	assert_int_equal(fx_count(sql), 2);
	/* refused, each with its reason, and nothing changed */
	expect(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_ERR_REFUSED, &d, "",
	       "verandert niets");
	c = (struct jr_allocation_change){.reason = "01", .has_end = true, .end = D(2027, 1, 31)};
	expect(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_ERR_REFUSED, &d, "",
	       "JZ002");
	c = (struct jr_allocation_change){.reason = "05", .has_end = true, .end = D(2026, 11, 30)};
	expect(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_ERR_REFUSED, &d, "",
	       "vóór de ingangsdatum");
	c = (struct jr_allocation_change){.reason = "13", .has_end = true, .end = D(2027, 1, 31)};
	expect(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_ERR_REFUSED, &d, "",
	       "CS335");
	c = (struct jr_allocation_change){.reason = "04", .has_volume = true, .volume = 5};
	expect(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_ERR_REFUSED, &d, "",
	       "geen volume"); /* the result regime has no volume */
	expect(jr_app_allocation_change(&app, 99999, &c, &honoured), JR_ERR_NOT_FOUND, &d, "",
	       "niet gevonden");
	assert_int_equal(fx_count(sql), 2);
	/* withdrawn: ending on the day it starts (CS335) */
	c = (struct jr_allocation_change){.reason = "13", .has_end = true, .end = al.start};
	assert_int_equal(jr_app_allocation_change(&app, al.id, &c, &honoured), JR_OK);
	assert_int_equal(fx_count(sql), 3);
}

static void test_care_start_and_stop(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = allocation(analysed_id, provider_id, 0, 4);
	struct jr_care_outcome o = {.goals_reached = "partly", .continues_without_help = true,
				    .satisfaction = 8, .end_reason = "31"};
	struct jr_allocation_row row;
	int64_t delivery;

	withdraw_all();
	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	expect(jr_app_care_stop(&app, al.id, D(2026, 12, 5), &o, NULL), JR_ERR_CONFLICT, &d, "",
	       "er loopt geen zorg");
	assert_int_equal(jr_app_care_start(&app, al.id, D(2026, 12, 2), &delivery, &row), JR_OK);
	assert_true(delivery > 0);
	assert_true(row.care_running);
	assert_int_equal(row.care_started, D(2026, 12, 2));
	expect(jr_app_care_start(&app, al.id, D(2026, 12, 3), &delivery, NULL), JR_ERR_CONFLICT,
	       &d, "", "loopt al");
	expect(jr_app_care_stop(&app, al.id, D(2026, 12, 1), &o, NULL), JR_ERR_INPUT, &d, "on",
	       "voor hij begon");
	assert_int_equal(jr_app_care_stop(&app, al.id, D(2027, 3, 1), &o, &row), JR_OK);
	assert_false(row.care_running);
	assert_int_equal(row.care_stopped, D(2027, 3, 1));
	expect(jr_app_care_start(&app, 99999, D(2026, 12, 2), &delivery, NULL), JR_ERR_NOT_FOUND,
	       &d, "", "niet gevonden");
}

/* Principle 8 of issue 13: a provisional OTS's term, extensions, the judge's authorisations,
 * who records them, and the advice's view of what is in force. */
static void test_measure_extensions_and_authorisations(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_organisation gi = {0}, other_gi = {0};
	struct jr_principal mine = {.user_id = 1}, other = {.user_id = 2}, team = {.user_id = 3};
	struct jr_measure_record vots = {.child_id = child_id, .kind = JR_MEASURE_VOORLOPIGE_OTS,
					 .court_date = D(2026, 6, 1), .start = D(2026, 6, 1)};
	struct jr_measure_record ots, voogdij, after;
	struct jr_measure_extension e;
	struct jr_measure_authorisation au;
	enum jr_measure kind;
	unsigned auths;

	snprintf(gi.kind, sizeof(gi.kind), "gi");
	snprintf(gi.name, sizeof(gi.name), "Jeugdbescherming Overijssel");
	other_gi = gi;
	snprintf(other_gi.name, sizeof(other_gi.name), "William Schrikker");
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gi), JR_OK);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &other_gi), JR_OK);
	snprintf(mine.role, sizeof(mine.role), "gi");
	mine.organisation_id = gi.id;
	snprintf(other.role, sizeof(other.role), "gi");
	other.organisation_id = other_gi.id;
	snprintf(team.role, sizeof(team.role), "consulent");
	team.organisation_id = team_id;

	/* a provisional OTS: at most three months (art. 1:257 BW) */
	context(&app, &d, NULL);
	expect(jr_app_measure_add(&app, &vots), JR_ERR_INPUT, &d, "end", "geef de einddatum");
	vots.has_end = true;
	vots.end = D(2026, 9, 2);
	expect(jr_app_measure_add(&app, &vots), JR_ERR_INPUT, &d, "end", "drie maanden");
	vots.end = D(2026, 8, 1);
	assert_int_equal(jr_app_measure_add(&app, &vots), JR_OK);
	e = (struct jr_measure_extension){.measure_id = vots.id, .court_date = D(2026, 7, 20),
					  .new_end = D(2026, 9, 2)};
	expect(jr_app_measure_extend(&app, &e, &after), JR_ERR_INPUT, &d, "end", "1:257");
	e.new_end = D(2026, 9, 1);
	assert_int_equal(jr_app_measure_extend(&app, &e, &after), JR_OK);
	assert_int_equal(e.previous_end, D(2026, 8, 1));
	assert_true(after.has_end && after.end == D(2026, 9, 1));

	/* an OTS with its GI after it */
	ots = (struct jr_measure_record){.child_id = child_id, .kind = JR_MEASURE_OTS,
					 .court_date = D(2026, 8, 25), .gi_organisation_id = gi.id,
					 .start = D(2026, 9, 2), .has_end = true,
					 .end = D(2027, 9, 1)};
	assert_int_equal(jr_app_measure_add(&app, &ots), JR_OK);
	e = (struct jr_measure_extension){.measure_id = ots.id, .court_date = D(2027, 8, 1),
					  .new_end = D(2028, 9, 1)};
	context(&app, &d, &team);
	expect(jr_app_measure_extend(&app, &e, NULL), JR_ERR_FORBIDDEN, &d, "", "uw rol");
	context(&app, &d, &other);
	expect(jr_app_measure_extend(&app, &e, NULL), JR_ERR_NOT_FOUND, &d, "", "niet gevonden");
	context(&app, &d, &mine);
	e.new_end = D(2028, 9, 2);
	expect(jr_app_measure_extend(&app, &e, NULL), JR_ERR_INPUT, &d, "end", "1:260 BW");
	e.new_end = D(2028, 9, 1);
	assert_int_equal(jr_app_measure_extend(&app, &e, &after), JR_OK);
	assert_int_equal(after.end, D(2028, 9, 1));
	e.measure_id = 99999;
	expect(jr_app_measure_extend(&app, &e, NULL), JR_ERR_NOT_FOUND, &d, "", "niet gevonden");

	/* authorisations beside it */
	au = (struct jr_measure_authorisation){.measure_id = ots.id, .kind = JR_AUTH_UITHUISPLAATSING,
					       .court_date = D(2026, 9, 2), .start = D(2026, 9, 2)};
	expect(jr_app_authorisation_add(&app, &au), JR_ERR_INPUT, &d, "end", "einddatum");
	au.has_end = true;
	au.end = D(2027, 9, 3);
	expect(jr_app_authorisation_add(&app, &au), JR_ERR_INPUT, &d, "end", "1:265c BW");
	au.end = D(2027, 9, 1);
	assert_int_equal(jr_app_authorisation_add(&app, &au), JR_OK);
	assert_true(au.id > 0);
	au = (struct jr_measure_authorisation){.measure_id = ots.id, .kind = JR_AUTH_GESLOTEN,
					       .court_date = D(2026, 11, 1), .start = D(2026, 11, 1),
					       .has_end = true, .end = D(2027, 4, 30)};
	context(&app, &d, &other);
	expect(jr_app_authorisation_add(&app, &au), JR_ERR_NOT_FOUND, &d, "", "niet gevonden");
	context(&app, &d, &mine);
	assert_int_equal(jr_app_authorisation_add(&app, &au), JR_OK);
	au.kind = (enum jr_authorisation)JR_AUTH_COUNT;
	expect(jr_app_authorisation_add(&app, &au), JR_ERR_INPUT, &d, "kind", "uithuisplaatsing");

	/* in force on a day: the measure and what the judge authorised beside it */
	assert_int_equal(jr_store_measure_in_force(store, child_id, D(2026, 12, 1), &kind, &auths),
			 JR_OK);
	assert_int_equal(kind, JR_MEASURE_OTS);
	assert_int_equal(auths, JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING) | JR_AUTH_BIT(JR_AUTH_GESLOTEN));
	assert_int_equal(jr_store_measure_in_force(store, child_id, D(2027, 6, 1), &kind, &auths),
			 JR_OK);
	assert_int_equal(auths, JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING));
	assert_int_equal(jr_store_measure_in_force(store, child_id, D(2026, 8, 15), &kind, &auths),
			 JR_OK);
	assert_int_equal(kind, JR_MEASURE_VOORLOPIGE_OTS); /* extended to 1 September */
	assert_int_equal(auths, 0);

	/* a machtiging uithuisplaatsing only under an OTS */
	context(&app, &d, NULL);
	voogdij = (struct jr_measure_record){.child_id = child_id, .kind = JR_MEASURE_VOOGDIJ,
					     .court_date = D(2028, 9, 2), .start = D(2028, 9, 2)};
	assert_int_equal(jr_app_measure_add(&app, &voogdij), JR_OK);
	au = (struct jr_measure_authorisation){.measure_id = voogdij.id,
					       .kind = JR_AUTH_UITHUISPLAATSING,
					       .court_date = D(2028, 9, 2), .start = D(2028, 9, 2),
					       .has_end = true, .end = D(2029, 3, 1)};
	expect(jr_app_authorisation_add(&app, &au), JR_ERR_INPUT, &d, "kind", "1:265b BW");
	e = (struct jr_measure_extension){.measure_id = voogdij.id, .court_date = D(2028, 10, 1),
					  .new_end = D(2029, 1, 1)};
	expect(jr_app_measure_extend(&app, &e, NULL), JR_ERR_INPUT, &d, "end", "geen einddatum");

	/* every write audited on the child; nothing of the refusals recorded */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'measure.extend'"), 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'measure.authorise'"),
			 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measure_extensions"), 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measure_authorisations"), 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measures"), 3);
	fx_count("DELETE FROM measure_extensions RETURNING 1");
	fx_count("DELETE FROM measure_authorisations RETURNING 1");
	fx_count("DELETE FROM measures RETURNING 1");
}

/* Issue 15 point 3: the GI records its own measures for a child named by BSN, birth date and
 * family name, checked by kind; lists them running or ended with their deadlines; reads one
 * with its extensions, each kept with its reference. */
static int64_t listed, with_deadline;
static enum jr_err count_item(void *ctx, const struct jr_measure_item *m)
{
	(void)ctx;
	listed++;
	if (m->has_deadline) {
		with_deadline++;
		assert_int_equal(m->deadline.kind, JR_DEADLINE_MEASURE_ENDING);
	}
	return JR_OK;
}

static struct jr_measure_extension seen_ext[4];
static size_t seen_count;
static enum jr_err seen(void *ctx, const struct jr_measure_extension *e)
{
	(void)ctx;
	if (seen_count < 4)
		seen_ext[seen_count++] = *e;
	return JR_OK;
}

static void test_measure_register(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_organisation gi = {0}, other_gi = {0};
	struct jr_principal mine = {.user_id = 1}, other = {.user_id = 2}, team = {.user_id = 3};
	struct jr_measure_order o = {.bsn = "123456782", .birth_date = D(2013, 5, 5),
				     .family_name = "Bos", .kind = JR_MEASURE_OTS,
				     .court_date = D(2026, 11, 1), .reference = "C/08/123456 / JE RK 26-1",
				     .start = D(2026, 11, 1), .has_end = true,
				     .end = D(2027, 11, 2)};
	struct jr_measure_record m, got;
	struct jr_measure_extension e;
	struct jr_deadline deadline;
	bool child_new, has_deadline;
	int64_t total;

	snprintf(gi.kind, sizeof(gi.kind), "gi");
	snprintf(gi.name, sizeof(gi.name), "Jeugdbescherming Overijssel");
	other_gi = gi;
	snprintf(other_gi.name, sizeof(other_gi.name), "Leger des Heils");
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gi), JR_OK);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &other_gi), JR_OK);
	snprintf(mine.role, sizeof(mine.role), "gi");
	snprintf(mine.org_kind, sizeof(mine.org_kind), "gi");
	mine.organisation_id = gi.id;
	other = mine;
	other.user_id = 2;
	other.organisation_id = other_gi.id;
	snprintf(team.role, sizeof(team.role), "consulent");
	snprintf(team.org_kind, sizeof(team.org_kind), "local_team");
	team.organisation_id = team_id;

	/* only a GI records its measures */
	context(&app, &d, &team);
	assert_int_equal(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_FORBIDDEN);
	/* the child must fit its BSN; the refusal is audited, nothing else written */
	context(&app, &d, &mine);
	o.birth_date = D(2013, 5, 6);
	expect(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_INPUT, &d, "birth_date",
	       "geboortedatum past niet");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'measure.mismatch'"),
			 1);
	o.birth_date = D(2013, 5, 5);
	/* an OTS at most a year (art. 1:258 BW), with the court's reference */
	expect(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_INPUT, &d, "end",
	       "art. 1:258 BW");
	o.reference[0] = '\0';
	o.end = D(2027, 1, 31);
	expect(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_INPUT, &d, "reference",
	       "kenmerk");
	snprintf(o.reference, sizeof(o.reference), "C/08/123456 / JE RK 26-1");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measures"), 0);
	assert_int_equal(jr_app_measure_register(&app, &o, &m, &child_new), JR_OK);
	assert_false(child_new);
	assert_int_equal(m.child_id, child_id);
	assert_int_equal(m.gi_organisation_id, gi.id);
	/* juvenile probation from twelve: a child of eight is refused on its start */
	o = (struct jr_measure_order){.bsn = "111222333", .birth_date = D(2018, 1, 1),
				      .family_name = "Jansen", .kind = JR_MEASURE_JEUGDRECLASSERING,
				      .court_date = D(2026, 10, 1), .reference = "RK 26-9",
				      .start = D(2026, 10, 1)};
	expect(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_INPUT, &d, "given_names",
	       "voornamen");
	snprintf(o.given_names, sizeof(o.given_names), "Daan");
	memcpy(o.municipality, "0153", 5);
	expect(jr_app_measure_register(&app, &o, &m, &child_new), JR_ERR_INPUT, &d, "start",
	       "12 jaar");
	/* a provisional OTS of a child new to the records, which is recorded with it */
	o.kind = JR_MEASURE_VOORLOPIGE_OTS;
	o.has_end = true;
	o.end = D(2026, 12, 31);
	assert_int_equal(jr_app_measure_register(&app, &o, &m, &child_new), JR_OK);
	assert_true(child_new);
	/* an ended one */
	o.start = D(2026, 9, 1);
	o.court_date = D(2026, 9, 1);
	o.end = D(2026, 10, 31);
	o.kind = JR_MEASURE_VOORLOPIGE_OTS;
	assert_int_equal(jr_app_measure_register(&app, &o, &m, &child_new), JR_OK);
	assert_false(child_new);

	/* running and ended apart; both running ones end within three months: their deadline */
	listed = with_deadline = 0;
	assert_int_equal(jr_app_measures_mine(&app, JR_MEASURES_RUNNING, 0, 50, count_item, NULL,
					      &total),
			 JR_OK);
	assert_int_equal(total, 2);
	assert_int_equal(listed, 2);
	assert_int_equal(with_deadline, 2);
	listed = 0;
	assert_int_equal(jr_app_measures_mine(&app, JR_MEASURES_ENDED, 0, 50, count_item, NULL,
					      &total),
			 JR_OK);
	assert_int_equal(total, 1);
	/* another GI lists none and reads none */
	context(&app, &d, &other);
	assert_int_equal(jr_app_measures_mine(&app, JR_MEASURES_ALL, 0, 50, count_item, NULL,
					      &total),
			 JR_OK);
	assert_int_equal(total, 0);
	expect(jr_app_measure_get(&app, m.id, &got, seen, NULL, &has_deadline, &deadline),
	       JR_ERR_NOT_FOUND, &d, "", "niet gevonden");
	/* the first OTS extended by a year, with its reference; both ends kept */
	context(&app, &d, &mine);
	e = (struct jr_measure_extension){.court_date = D(2027, 1, 15), .new_end = D(2028, 1, 31),
					  .reference = "JE RK 27-4"};
	e.measure_id = fx_count("SELECT MIN(id) FROM measures");
	assert_int_equal(jr_app_measure_extend(&app, &e, NULL), JR_OK);
	seen_count = 0;
	assert_int_equal(jr_app_measure_get(&app, e.measure_id, &got, seen, NULL, &has_deadline,
					    &deadline),
			 JR_OK);
	assert_string_equal(got.reference, "C/08/123456 / JE RK 26-1");
	assert_true(got.has_end && got.end == D(2028, 1, 31));
	assert_false(has_deadline); /* more than three months ahead */
	assert_int_equal(seen_count, 1);
	assert_int_equal(seen_ext[0].previous_end, D(2027, 1, 31));
	assert_int_equal(seen_ext[0].new_end, D(2028, 1, 31));
	assert_string_equal(seen_ext[0].reference, "JE RK 27-4");
	fx_count("DELETE FROM measure_extensions RETURNING 1");
	fx_count("DELETE FROM measures RETURNING 1");
}

/* Issue 14 point 7: one allocation of a kind at a time, for the child across its help
 * requests; the refusal names the allocation and its period, on "start". */
static void test_overlap_refused(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation first = allocation(analysed_id, provider_id, 0, 1), al;
	struct jr_care_outcome o = {.goals_reached = "yes", .continues_without_help = true,
				    .satisfaction = 9, .end_reason = "31"};
	char part[96];
	int64_t delivery;

	withdraw_all();
	context(&app, &d, NULL);
	first.has_end = true;
	first.end = D(2027, 5, 31);
	assert_int_equal(jr_app_allocation_add(&app, &first, true), JR_OK);
	al = allocation(bare_id, provider_id, 0, 1); /* another help request of the same child */
	al.start = D(2027, 5, 31);
	snprintf(part, sizeof(part), "toewijzing %s, van 01-12-2026 tot en met 31-05-2027",
		 first.number);
	expect_refused_at(&al, true, "start", part);
	al.start = D(2026, 11, 1); /* before it, open-ended */
	expect_refused_at(&al, true, "start", part);
	al.has_end = true;
	al.end = D(2026, 11, 30); /* ends the day before: adjacent */
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	al = allocation(bare_id, provider_id, 0, 2); /* another form: another kind */
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	al = allocation(bare_id, provider_id, 0, 1);
	al.start = D(2027, 6, 1); /* the day after the end */
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	/* an open-ended one whose care stopped counts until the stop */
	al = allocation(analysed_id, provider_id, 0, 4);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	assert_int_equal(jr_app_care_start(&app, al.id, D(2026, 12, 2), &delivery, NULL), JR_OK);
	first = allocation(analysed_id, provider_id, 0, 4);
	first.start = D(2027, 1, 15);
	snprintf(part, sizeof(part), "toewijzing %s, van 01-12-2026 zonder einddatum", al.number);
	expect_refused_at(&first, true, "start", part);
	assert_int_equal(jr_app_care_stop(&app, al.id, D(2027, 1, 14), &o, NULL), JR_OK);
	assert_int_equal(jr_app_allocation_add(&app, &first, true), JR_OK);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = "
			     "'allocation.overlap_check'") > 0);
}

/* Never a GI by a consulent's choice; a product from the contract's list; and the choices the
 * form offers. */
static void test_gi_product_and_choices(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_organisation gi = {0};
	struct jr_provider pp = {.status = JR_PROVIDER_ACTIVE};
	struct jr_contract c = {.forms = 0x6 /* forms 1-2 */, .start = D(2026, 1, 1)};
	struct jr_help_request h = {.child_id = child_id, .raised_on = D(2026, 10, 1)};
	struct jr_app_allocation_choices ch;
	int64_t gi_provider = add_provider("75750013", JR_PROVIDER_ACTIVE);
	struct jr_allocation al = allocation(bare_id, gi_provider, 0, 3);
	bool seen_own = false, seen_gi = false, seen_suspended = false, seen_product = false;

	withdraw_all();
	snprintf(gi.kind, sizeof(gi.kind), "gi");
	snprintf(gi.name, sizeof(gi.name), "GI Twente");
	memcpy(gi.agb, "75750013", 9);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &gi), JR_OK);
	al = allocation(analysed_id, gi_provider, 0, 3);
	expect_refused(&al, true, "gecertificeerde instelling");

	/* Almelo buys products: a code from the contract's list */
	snprintf(pp.agb, sizeof(pp.agb), "75750014");
	snprintf(pp.name, sizeof(pp.name), "Product Zorg");
	assert_int_equal(jr_store_provider_add(store, &fx_actor, &pp), JR_OK);
	c.provider_id = pp.id;
	snprintf(c.region, sizeof(c.region), "twente");
	memcpy(c.municipality, "0141", 5);
	snprintf(c.product_codes, sizeof(c.product_codes), "45A01,45A02");
	assert_int_equal(jr_store_contract_add(store, &fx_actor, &c), JR_OK);
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Zorgen.");
	memcpy(h.municipality, "0141", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	al = (struct jr_allocation){.help_request_id = h.id, .provider_id = pp.id, .form = 2,
				    .volume = 2, .start = D(2026, 12, 1)};
	snprintf(al.product_code, sizeof(al.product_code), "45A09");
	expect_refused_at(&al, true, "product_code", "niet in het contract");
	snprintf(al.product_code, sizeof(al.product_code), "45A02");
	snprintf(al.unit, sizeof(al.unit), "uur");
	al.intensity = 2; /* the result regime's */
	expect_refused_at(&al, true, "intensity", "productgericht");
	al.intensity = 0;
	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);

	/* the choices: contracted for the form in the municipality, never a GI nor suspended */
	assert_int_equal(jr_app_allocation_choices(&app, analysed_id, 0, D(2026, 12, 1), &ch), JR_OK);
	assert_string_equal(ch.municipality, "0153");
	assert_int_equal(ch.regime, JR_REGIME_RESULT);
	for (size_t i = 0; i < ch.count; i++) {
		seen_own |= ch.items[i].provider.id == provider_id &&
			    jr_app_allocation_choice_for(&ch, i, 3);
		seen_gi |= ch.items[i].provider.id == gi_provider;
		seen_suspended |= ch.items[i].provider.id == suspended_id;
		seen_product |= ch.items[i].provider.id == pp.id; /* Almelo's, not Enschede's */
		assert_false(jr_app_allocation_choice_for(&ch, i, 5));
	}
	assert_true(seen_own);
	assert_false(seen_gi || seen_suspended || seen_product);
	jr_app_allocation_choices_release(&ch);
	assert_int_equal(jr_app_allocation_choices(&app, h.id, 2, D(2026, 12, 1), &ch), JR_OK);
	assert_int_equal(ch.regime, JR_REGIME_PRODUCT);
	seen_product = false;
	for (size_t i = 0; i < ch.count; i++)
		if (ch.items[i].provider.id == pp.id) {
			seen_product = true;
			assert_string_equal(ch.items[i].contract.product_codes, "45A01,45A02");
		}
	assert_true(seen_product);
	jr_app_allocation_choices_release(&ch);
	/* before the contracts: nothing to choose */
	assert_int_equal(jr_app_allocation_choices(&app, h.id, 2, D(2025, 6, 1), &ch), JR_OK);
	assert_int_equal(ch.count, 0);
	jr_app_allocation_choices_release(&ch);
	expect(jr_app_allocation_choices(&app, h.id, 11, 0, &ch), JR_ERR_INPUT, &d, "form", "vorm");
	expect(jr_app_allocation_choices(&app, 99999, 0, 0, &ch), JR_ERR_NOT_FOUND, &d, "",
	       "hulpvraag");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allocation_rules_from_the_records),
		cmocka_unit_test(test_allocation_made),
		cmocka_unit_test(test_allocation_on_a_day_without_policy),
		cmocka_unit_test(test_who_allocates),
		cmocka_unit_test(test_measure_does_not_wait_for_analysis),
		cmocka_unit_test(test_allocation_change),
		cmocka_unit_test(test_care_start_and_stop),
		cmocka_unit_test(test_measure_extensions_and_authorisations),
		cmocka_unit_test(test_measure_register),
		cmocka_unit_test(test_overlap_refused),
		cmocka_unit_test(test_gi_product_and_choices),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
