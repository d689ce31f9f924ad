/* Unit tests for app/search.c and core/namekey.c: a search by name is blind to case and
 * accents and finds a prefix of the family name and/or the given names; by BSN through its
 * hash, by birth date exactly, and any combination; results are sorted by family name and given
 * names and limited, with "more". A user finds only the persons in its reach — one out of reach
 * is left out as if it did not exist — and every search is audited with the kinds of criteria
 * (never the values) and every person returned. Bad input names its field. Runs on SQLite, or on
 * PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/access.h"
#include "app/person.h"
#include "app/search.h"
#include "core/namekey.h"
#include "store/course.h"
#include "store_fixture.h"
#include "json/policy_set.h"

static struct jr_store *store;
static struct jr_policy_set policies;
static struct jr_diag diag;
static struct jr_search_answer ans;
static int64_t sanne, anna, jan, daan;

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

static int64_t add(const char *bsn, const char *given, const char *family, const char *birth,
                   const char *municipality)
{
	struct jr_person_input in = {.bsn = bsn,
	                             .given_names = given,
	                             .family_name = family,
	                             .birth_date = birth,
	                             .municipality = municipality};
	struct jr_app app = app_as(NULL);
	struct jr_person p;

	if (jr_app_person_add(&app, &in, &p))
		return 0;
	return p.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app-search"))
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
	sanne = add("123456782", "Sanne Émilie", "de Vries", "2015-04-02", "0153");
	anna = add("100000009", "Anna", "De Vries", "2016-06-30", "0153");
	jan = add("111222333", "Jan", "Öztürk", "2012-01-01", "0141");
	daan = add("100000010", "Daan", "Vriesema", "2014-03-03", "0153");
	return sanne && anna && jan && daan ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&policies);
	return fx_teardown();
}

static void test_fold(void **state)
{
	char out[JR_NAME_KEY_MAX], keys[JR_NAME_KEYS_MAX][JR_NAME_KEY_MAX];
	size_t n;
	(void)state;

	jr_name_fold("  DE   Vries-Öztürk ", out, sizeof(out));
	assert_string_equal(out, "de vries ozturk");
	jr_name_fold("'t Hart, Ĳsbrand Æsgeir Strauß", out, sizeof(out));
	assert_string_equal(out, "t hart ijsbrand aesgeir strauss");
	jr_name_fold("Zoe\xCC\x88", out, sizeof(out)); /* a combining diaeresis */
	assert_string_equal(out, "zoe");
	jr_name_fold("Łukasz Dvořák", out, sizeof(out));
	assert_string_equal(out, "lukasz dvorak");
	assert_int_equal(jr_name_fold("-- ' .", out, sizeof(out)), 0);
	assert_int_equal(jr_name_chars("é"), 1);
	/* too long for out: cut at a word */
	jr_name_fold("abc defgh", out, 6);
	assert_string_equal(out, "abc");

	n = jr_name_keys("Jan Pieter", "de Vries", keys);
	assert_int_equal(n, 8);
	assert_string_equal(keys[0], "de vries jan pieter");
	assert_string_equal(keys[1], "vries jan pieter");
	assert_string_equal(keys[4], "jan pieter de vries");
	jr_name_sort_key("Jan", "de Vries", out);
	assert_string_equal(out, "de vries jan");
}

/* The words of a folded query inside a folded text (the social map's text search). */
static void test_fold_has_words(void **state)
{
	char text[JR_NAME_KEY_MAX], query[JR_NAME_KEY_MAX];

	(void)state;
	jr_name_fold("Opvoedingsondersteuning: het Opvoedspreekuur", text, sizeof(text));
	jr_name_fold("STEUN", query, sizeof(query));
	assert_true(jr_name_fold_has_words(text, query)); /* inside a word */
	jr_name_fold("spreekuur opvoeding", query, sizeof(query));
	assert_true(jr_name_fold_has_words(text, query)); /* any order */
	jr_name_fold("spreekuur school", query, sizeof(query));
	assert_false(jr_name_fold_has_words(text, query)); /* every word */
	assert_true(jr_name_fold_has_words(text, ""));
	jr_name_fold("Café", text, sizeof(text));
	jr_name_fold("cafe", query, sizeof(query));
	assert_true(jr_name_fold_has_words(text, query));
}

static void test_by_name(void **state)
{
	(void)state;
	struct jr_search_input in = {.name = "DE VRIES"};
	struct jr_app app = app_as(NULL);

	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 2);
	assert_int_equal(ans.results[0].person.id, anna); /* de vries anna < de vries sanne */
	assert_int_equal(ans.results[1].person.id, sanne);
	assert_false(ans.more);
	assert_string_equal(ans.criteria, "name");
	assert_int_equal(ans.results[1].age, 11);

	in.name = "vries";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 3);
	assert_int_equal(ans.results[2].person.id, daan);

	in.name = "emilie";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_int_equal(ans.results[0].person.id, sanne);

	in.name = "ÖZT";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_int_equal(ans.results[0].person.id, jan);

	in.name = "jan ozturk";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);

	in.name = "vriesx";
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 0);
}

static void test_by_bsn_and_birth_date(void **state)
{
	(void)state;
	struct jr_search_input in = {.bsn = "123456782"};
	struct jr_app app = app_as(NULL);

	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_int_equal(ans.results[0].person.id, sanne);
	in = (struct jr_search_input){.birth_date = "2016-06-30"};
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_int_equal(ans.results[0].person.id, anna);
	in = (struct jr_search_input){.name = "de vries", .birth_date = "2015-04-02"};
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_string_equal(ans.criteria, "name+birth_date");
	in = (struct jr_search_input){.bsn = "123456782", .name = "anna"};
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 0);
}

static void expect_input(const struct jr_search_input *in, const char *field)
{
	struct jr_app app = app_as(NULL);

	assert_int_equal(jr_app_person_search(&app, in, &ans), JR_ERR_INPUT);
	assert_string_equal(diag.path, field);
}

static void test_bad_input(void **state)
{
	(void)state;
	struct jr_search_input none = {.bsn = "", .name = ""};
	struct jr_search_input bsn = {.bsn = "123456789"};
	struct jr_search_input name = {.name = "é-"};
	struct jr_search_input birth = {.birth_date = "30-06-2016"};
	int64_t before = fx_count("SELECT COUNT(*) FROM audit_log");

	expect_input(&none, "");
	assert_non_null(strstr(diag.message, "ten minste één"));
	expect_input(&bsn, "bsn");
	expect_input(&name, "name");
	expect_input(&birth, "birth_date");
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), before);
}

static void test_reach_and_audit(void **state)
{
	(void)state;
	struct jr_principal enschede = user_of("consulent", "0153"),
	                    almelo = user_of("consulent", "0141"), gp = user_of("verwijzer", "");
	struct jr_search_input in = {.name = "de vries"};
	struct jr_help_request h = {.child_id = jan, .raised_on = jr_date_from_ymd(2026, 10, 1)};
	struct jr_app app = app_as(&almelo);
	const char *sanne_found = "SELECT COUNT(*) FROM audit_log WHERE person_id = %lld"
	                          " AND action LIKE 'person.search%%'";
	const char *jan_found = "SELECT COUNT(*) FROM audit_log WHERE person_id = %lld"
	                        " AND action = 'person.search' AND object = 'criteria:name'";
	int64_t before = fx_count_id(sanne_found, sanne);

	/* Almelo sees no child of Enschede: left out, as nobody */
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 0);
	assert_false(ans.more);
	in = (struct jr_search_input){.bsn = "123456782"};
	app = app_as(&almelo);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 0);
	assert_int_equal(fx_count_id(sanne_found, sanne), before);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = "
	                          "'person.search.none' AND object = 'criteria:bsn'"),
	                 1);

	/* Enschede: its residents; Jan (Almelo) only once Enschede has a help request for him */
	in = (struct jr_search_input){.name = "jan"};
	app = app_as(&enschede);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 0);
	snprintf(h.raised_by, sizeof(h.raised_by), "school");
	snprintf(h.question, sizeof(h.question), "Zorgen.");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	before = fx_count_id(jan_found, jan);
	app = app_as(&enschede);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, 1);
	assert_int_equal(ans.results[0].person.id, jan);
	assert_int_equal(ans.results[0].open_count, 1);
	assert_int_equal(ans.results[0].open[0].id, h.id);
	assert_string_equal(ans.results[0].open[0].municipality, "0153");
	assert_int_equal(fx_count_id(jan_found, jan), before + 1);
	/* never a value in the audit log */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE object LIKE '%jan%'"
	                          " OR object LIKE '%123456782%'"),
	                 0);

	/* a role that reads no persons */
	app = app_as(&gp);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_ERR_FORBIDDEN);
}

static void test_limit(void **state)
{
	(void)state;
	struct jr_search_input in = {.name = "kind"};
	struct jr_app app;
	char bsn[10], given[16];

	for (int i = 0; i < JR_SEARCH_LIMIT + 15; i++) {
		/* 2000000NN with the eleven-test: the check digit makes the sum divisible */
		int d[9] = {2, 0, 0, 0, 0, 0, (i / 10) % 10, i % 10, 0}, sum = 0;
		for (int k = 0; k < 8; k++)
			sum += (9 - k) * d[k];
		d[8] = sum % 11;
		if (d[8] == 10)
			continue;
		for (int k = 0; k < 9; k++)
			bsn[k] = (char)('0' + d[k]);
		bsn[9] = '\0';
		snprintf(given, sizeof(given), "K%03d", i);
		assert_true(add(bsn, given, "Kind", "2015-01-01", "0153") > 0);
	}
	app = app_as(NULL);
	assert_int_equal(jr_app_person_search(&app, &in, &ans), JR_OK);
	assert_int_equal(ans.count, JR_SEARCH_LIMIT);
	assert_true(ans.more);
	assert_string_equal(ans.results[0].person.given_names, "K000");
	assert_string_equal(ans.results[1].person.given_names, "K001");
}

/* The store's prefilter of a user's candidates (jr_person_query.linked) is a necessary
 * condition of reach: nobody the rule lets a principal see is left out by it. */
static void test_prefilter_hides_nobody_in_reach(void **state)
{
	(void)state;
	struct jr_principal who[] = {user_of("consulent", "0153"), user_of("consulent", "0141"),
	                             user_of("gi", ""), user_of("provider", "")};
	static struct jr_person_hit hits[256];
	int64_t max = fx_count("SELECT MAX(id) FROM persons");

	snprintf(who[3].agb, sizeof(who[3].agb), "12345678");
	for (size_t w = 0; w < sizeof(who) / sizeof(who[0]); w++) {
		struct jr_person_query q = {.linked = &who[w]};
		size_t n = 0, seen_count = 0;
		assert_int_equal(jr_store_person_candidates(store, &q, "", 0, hits, 256, &n), JR_OK);
		assert_true(n < 256);
		for (int64_t id = 1; id <= max; id++) {
			bool seen = false, listed = false;
			assert_int_equal(jr_app_access_sees_person(store, &who[w], &policies, id,
			                                           jr_date_from_ymd(2026, 12, 1), &seen),
			                 JR_OK);
			for (size_t i = 0; i < n && !listed; i++)
				listed = hits[i].id == id;
			if (seen) {
				seen_count++;
				assert_true(listed);
			}
		}
		if (w < 2) /* the consulents see someone: the check checked something */
			assert_true(seen_count > 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_has_words),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_by_bsn_and_birth_date),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_reach_and_audit),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_prefilter_hides_nobody_in_reach),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
