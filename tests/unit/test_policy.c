/* Unit tests for the policy model and its loader (core/policy, json/policy_json, policy_set):
 * both real policy files load with the values the issue names, and broken variants are rejected
 * with the JSON path and a reason. Broken variants are made by editing the real file's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "json/file.h"
#include "json/policy_json.h"
#include "json/policy_set.h"

static struct jr_policy twente, amersfoort, scratch;
static struct jr_buf twente_text;

static int setup(void **state)
{
	struct jr_diag diag;
	int errnum;
	(void)state;
	json_set_alloc_funcs(jr_malloc, jr_free);
	if (jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &diag) ||
	    jr_policy_load_file(JR_TEST_POLICY_DIR "/amersfoort.json", &amersfoort, &diag)) {
		fprintf(stderr, "policy: %s: %s\n", diag.path, diag.message);
		return -1;
	}
	jr_buf_init(&twente_text, JR_POLICY_FILE_MAX);
	return jr_file_read(JR_TEST_POLICY_DIR "/twente.json", JR_POLICY_FILE_MAX, &twente_text,
			    &errnum) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_buf_release(&twente_text);
	return 0;
}

/* Parses the Twente file with the first occurrence of `from` replaced by `to`. */
static enum jr_err parse_edited(const char *from, const char *to, struct jr_diag *diag)
{
	const char *text = jr_buf_str(&twente_text);
	const char *at = strstr(text, from);
	struct jr_buf b;
	enum jr_err err;

	assert_non_null(at);
	jr_buf_init(&b, JR_POLICY_FILE_MAX * 2);
	assert_int_equal(jr_buf_append(&b, text, (size_t)(at - text)), JR_OK);
	assert_int_equal(jr_buf_puts(&b, to), JR_OK);
	assert_int_equal(jr_buf_puts(&b, at + strlen(from)), JR_OK);
	err = jr_policy_parse(jr_buf_str(&b), b.len, &scratch, diag);
	jr_buf_release(&b);
	return err;
}

static void expect_rejected(const char *from, const char *to, const char *path,
			    const char *message_part)
{
	struct jr_diag diag;
	assert_int_equal(parse_edited(from, to, &diag), JR_ERR_POLICY);
	assert_string_equal(diag.path, path);
	if (!strstr(diag.message, message_part))
		fail_msg("message \"%s\" lacks \"%s\"", diag.message, message_part);
}

/* Parses the Twente file after `edit` changed its JSON tree (for edits that plain text
 * replacement cannot make, such as deleting a key). */
static enum jr_err parse_tree_edited(void (*edit)(json_t *root), struct jr_diag *diag)
{
	json_error_t e;
	json_t *root = json_loadb(jr_buf_str(&twente_text), twente_text.len, 0, &e);
	char *text;
	enum jr_err err;

	assert_non_null(root);
	edit(root);
	text = json_dumps(root, 0);
	assert_non_null(text);
	err = jr_policy_parse(text, strlen(text), &scratch, diag);
	jr_free(text);
	json_decref(root);
	return err;
}

static void expect_tree_rejected(void (*edit)(json_t *root), const char *path,
				 const char *message_part)
{
	struct jr_diag diag;
	assert_int_equal(parse_tree_edited(edit, &diag), JR_ERR_POLICY);
	assert_string_equal(diag.path, path);
	if (!strstr(diag.message, message_part))
		fail_msg("message \"%s\" lacks \"%s\"", diag.message, message_part);
}

static void test_twente_region(void **state)
{
	(void)state;
	assert_string_equal(twente.name, "Twente");
	assert_string_equal(twente.regional_body_short, "OZJT");
	assert_int_equal(twente.municipality_count, 14);
	assert_false(twente.no_referral_first);
	assert_int_equal(twente.no_referral_count, 0);
	assert_int_equal(twente.social_base_count, 13);
}

static void test_twente_regimes(void **state)
{
	(void)state;
	int result = 0, product = 0;
	for (size_t i = 0; i < twente.municipality_count; i++) {
		result += twente.municipalities[i].regime == JR_REGIME_RESULT;
		product += twente.municipalities[i].regime == JR_REGIME_PRODUCT;
	}
	assert_int_equal(result, 12);
	assert_int_equal(product, 2);
	assert_int_equal(jr_policy_municipality(&twente, "0141")->regime, JR_REGIME_PRODUCT);
	assert_int_equal(jr_policy_municipality(&twente, "1735")->regime, JR_REGIME_PRODUCT);
	assert_int_equal(jr_policy_municipality(&twente, "0153")->regime, JR_REGIME_RESULT);
	assert_string_equal(jr_policy_municipality(&twente, "0153")->name, "Enschede");
	assert_null(jr_policy_municipality(&twente, "0307"));
	assert_int_equal(twente.regimes[JR_REGIME_RESULT].term_count, 4);
	assert_string_equal(twente.regimes[JR_REGIME_RESULT].terms[0], "OB1");
}

static void test_twente_forms(void **state)
{
	(void)state;
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		assert_int_equal(twente.forms[f].number, f);
		assert_int_equal(twente.forms[f].contracting,
				 f <= 4 ? JR_CONTRACTING_LOCAL : JR_CONTRACTING_REGIONAL);
	}
	assert_int_equal(twente.forms[6].setting, JR_SETTING_OUT_OF_HOME);
	assert_int_equal(jr_policy_form_with_setting(&twente, JR_SETTING_CRISIS), 8);
	assert_int_equal(jr_policy_form_with_setting(&twente, JR_SETTING_SECURE), 9);
	assert_int_equal(jr_policy_form_with_setting(&twente, JR_SETTING_MEASURE), 10);
	assert_string_equal(jr_policy_jz020(&twente, 8, JR_MEASURE_NONE), "46");
	assert_string_equal(jr_policy_jz020(&twente, 10, JR_MEASURE_OTS), "48");
	assert_string_equal(jr_policy_jz020(&twente, 10, JR_MEASURE_JEUGDRECLASSERING), "47");
}

/* A provisional OTS is declared as the OTS is, unless the policy names it itself. */
static void test_jz020_provisional_ots_follows_ots(void **state)
{
	static struct jr_policy p;
	(void)state;
	p = twente;
	assert_string_equal(jr_policy_jz020(&p, 10, JR_MEASURE_VOORLOPIGE_OTS), "48");
	memcpy(p.forms[10].jz020_by_measure[JR_MEASURE_OTS], "49", 3);
	assert_string_equal(jr_policy_jz020(&p, 10, JR_MEASURE_VOORLOPIGE_OTS), "49");
	memcpy(p.forms[10].jz020_by_measure[JR_MEASURE_VOORLOPIGE_OTS], "50", 3);
	assert_string_equal(jr_policy_jz020(&p, 10, JR_MEASURE_VOORLOPIGE_OTS), "50");
	assert_string_equal(jr_policy_jz020(&p, 10, JR_MEASURE_OTS), "49");
}

static void test_twente_referrers_and_norms(void **state)
{
	(void)state;
	assert_true(twente.referrers[2].agb_required);
	assert_true(twente.referrers[3].agb_required);
	assert_true(twente.referrers[5].agb_required);
	assert_true(twente.referrers[4].within_measure_only);
	assert_int_equal(twente.referrers[6].forms, 0);
	assert_false(twente.referrers[7].defined);
	assert_true(twente.referrers[8].forms & (1u << 10));
	assert_int_equal(twente.norms.age_limit, 18);
	assert_int_equal(twente.norms.continuation_until, 23);
	assert_int_equal(twente.norms.hopping_count, 2);
	assert_int_equal(twente.norms.hopping_window_days, 365);
	assert_int_equal(twente.thresholds.youth_care_min, 3);
}

static void test_amersfoort(void **state)
{
	(void)state;
	assert_int_equal(amersfoort.municipality_count, 7);
	assert_true(amersfoort.no_referral_first);
	assert_true(amersfoort.no_referral_count >= 6);
	for (size_t i = 0; i < amersfoort.municipality_count; i++) {
		assert_int_equal(amersfoort.municipalities[i].regime, JR_REGIME_GENERIC);
		assert_true(amersfoort.municipalities[i].main_provider[0] != '\0');
	}
	assert_non_null(jr_policy_municipality(&amersfoort, "0351"));
}

static void test_policy_names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		assert_int_equal(jr_need_parse(jr_need_name((enum jr_need)i)), i);
	for (int i = 0; i < JR_FLAG_COUNT; i++)
		assert_int_equal(jr_flag_parse(jr_flag_name((enum jr_flag)i)), i);
	for (int i = 1; i < JR_MEASURE_COUNT; i++)
		assert_int_equal(jr_measure_parse(jr_measure_name((enum jr_measure)i)), i);
	assert_int_equal(jr_measure_parse(""), -1);
	assert_int_equal(jr_need_parse("happiness"), -1);
	assert_null(jr_need_name(JR_NEED_COUNT));
	assert_int_equal(jr_sb_category_parse("jgz"), JR_SB_JGZ);
	assert_int_equal(jr_nr_kind_parse("e_health"), JR_NR_E_HEALTH);
}

static void test_rejects_bad_municipality_code(void **state)
{
	(void)state;
	expect_rejected("\"code\": \"0141\"", "\"code\": \"14\"", "$.municipalities[0].code",
			"CBS-gemeentecode");
}

static void test_rejects_duplicate_municipality(void **state)
{
	(void)state;
	expect_rejected("\"code\": \"0147\"", "\"code\": \"0141\"", "$.municipalities[1].code",
			"komt al voor");
}

static void test_rejects_unknown_regime(void **state)
{
	(void)state;
	expect_rejected("\"regime\": \"product\"", "\"regime\": \"budget\"",
			"$.municipalities[0].regime", "result, product, generic");
}

static void test_rejects_unknown_setting(void **state)
{
	(void)state;
	expect_rejected("\"setting\": \"ambulant\"", "\"setting\": \"ambulance\"",
			"$.forms[0].setting", "onbekende waarde");
}

static void test_rejects_forms_out_of_order(void **state)
{
	(void)state;
	expect_rejected("\"form\": 2", "\"form\": 3", "$.forms[1].form", "volgorde");
}

static void test_rejects_bad_jz020(void **state)
{
	(void)state;
	expect_rejected("\"jz020\": \"46\"", "\"jz020\": \"99\"", "$.forms[7].jz020", "JZ020");
}

static void test_rejects_unknown_key(void **state)
{
	(void)state;
	expect_rejected("\"norms\": {", "\"norms\": {\"hoping_count\": 3, ", "$.norms.hoping_count",
			"onbekende sleutel");
}

static void test_rejects_out_of_range_norm(void **state)
{
	(void)state;
	expect_rejected("\"hopping_count\": 2", "\"hopping_count\": 0", "$.norms.hopping_count",
			"1 tot en met 20");
	expect_rejected("\"continuation_until\": 23", "\"continuation_until\": 17",
			"$.norms.continuation_until", "age_limit");
}

/* reach: the section and its closed_case_days are required, the days within 0..3650. */
static void test_reach(void **state)
{
	(void)state;
	assert_int_equal(twente.reach.closed_case_days, 182);
	assert_int_equal(twente.reach.care_ended_days, 91);
	assert_int_equal(twente.reach.measure_ended_days, 91);
	expect_rejected("\"closed_case_days\": 182", "\"closed_case_days\": -1",
			"$.reach.closed_case_days", "0 tot en met 3650");
	expect_rejected("\"closed_case_days\": 182,", "", "$.reach.closed_case_days", "ontbreekt");
	expect_rejected("\"reach\": {", "\"reik\": {", "$.reik", "onbekende sleutel");
	expect_rejected("\"care_ended_days\": 91", "\"care_ended_days\": \"91\"",
			"$.reach.care_ended_days", "geheel getal");
}

static void test_rejects_bad_referrer_code(void **state)
{
	(void)state;
	expect_rejected("\"code\": \"06\"", "\"code\": \"07\"", "$.referrers[5].code", "COD327");
}

static void test_rejects_wrong_type(void **state)
{
	(void)state;
	expect_rejected("\"no_referral_first\": false", "\"no_referral_first\": \"nee\"",
			"$.region.no_referral_first", "true of false");
}

static void test_rejects_unknown_need_in_offer(void **state)
{
	(void)state;
	expect_rejected("\"needs\": [\n        \"parenting\",\n        \"development\",\n        "
			"\"social\"",
			"\"needs\": [\"parenting\", \"happiness\"", "$.social_base[0].needs[1]",
			"onbekende waarde");
}

/* Principle 1 of issue 13: an offer names the ages it serves, young to old. */
static void test_rejects_offer_without_ages(void **state)
{
	(void)state;
	expect_rejected("\"age_min\": 0,\n      \"age_max\": 12", "\"age_max\": 12",
			"$.social_base[0].age_min", "ontbreekt");
	expect_rejected("\"age_min\": 0,\n      \"age_max\": 12",
			"\"age_min\": 12,\n      \"age_max\": 4", "$.social_base[0].age_max",
			"jonger dan age_min");
	expect_rejected("\"age_min\": 0,\n      \"age_max\": 12",
			"\"age_min\": 0,\n      \"age_max\": 30", "$.social_base[0].age_max",
			"0 tot en met 22");
}

static void test_family_like_is_a_stay(void **state)
{
	(void)state;
	assert_true(twente.forms[6].family_like);
	assert_false(twente.forms[5].family_like);
	assert_int_equal(twente.norms.family_like_first_until, 12);
	assert_int_equal(twente.norms.foster_care_until, 21);
	assert_int_equal(twente.thresholds.specialist_substance_use, 3);
	/* only a stay can be family-like */
	expect_rejected("\"setting\": \"crisis\",", "\"setting\": \"crisis\",\n      \"family_like\": true,",
			"$.forms[7].family_like", "zonder verblijf");
	expect_rejected("\"foster_care_until\": 21", "\"foster_care_until\": 25",
			"$.norms.foster_care_until", "tussen age_limit");
}

static void test_offers_carry_ages(void **state)
{
	(void)state;
	for (size_t i = 0; i < twente.social_base_count; i++) {
		const struct jr_offer *o = &twente.social_base[i];
		assert_true(o->age_min <= o->age_max);
		if (strcmp(o->id, "vve") == 0) {
			assert_false(jr_offer_fits_age(o, 17));
			assert_true(jr_offer_fits_age(o, 3));
		}
		if (strcmp(o->id, "jongerenwerk") == 0)
			assert_false(jr_offer_fits_age(o, 2));
	}
}

static void test_rejects_missing_crisis_form(void **state)
{
	(void)state;
	expect_rejected("\"setting\": \"crisis\"", "\"setting\": \"out-of-home\"", "$.forms",
			"crisis");
}

/* Issue 13, principle 11: a policy has a period of validity; without one it is always valid. */
static void test_validity(void **state)
{
	struct jr_diag diag;
	(void)state;
	assert_int_equal(twente.valid_from, jr_date_from_ymd(2019, 1, 1));
	assert_int_equal(twente.valid_until, JR_POLICY_VALID_OPEN_UNTIL);
	assert_int_equal(amersfoort.valid_from, jr_date_from_ymd(2024, 1, 1));
	assert_true(jr_policy_in_force(&amersfoort, jr_date_from_ymd(2024, 1, 1)));
	assert_false(jr_policy_in_force(&amersfoort, jr_date_from_ymd(2023, 12, 31)));
	/* no dates: in force on any day, so older files keep loading */
	assert_int_equal(parse_edited("\"valid_from\": \"2019-01-01\",", "", &diag), JR_OK);
	assert_int_equal(scratch.valid_from, JR_POLICY_VALID_OPEN_FROM);
	assert_true(jr_policy_in_force(&scratch, jr_date_from_ymd(1900, 1, 1)));
	assert_int_equal(parse_edited("\"valid_from\": \"2019-01-01\",",
				      "\"valid_from\": \"2019-01-01\", \"valid_until\": \"2020-06-30\",",
				      &diag),
			 JR_OK);
	assert_int_equal(scratch.valid_until, jr_date_from_ymd(2020, 6, 30));
	expect_rejected("\"valid_from\": \"2019-01-01\",", "\"valid_from\": \"2019-02-30\",",
			"$.valid_from", "geen bestaande datum");
	expect_rejected("\"valid_from\": \"2019-01-01\",", "\"valid_from\": 2019,",
			"$.valid_from", "JJJJ-MM-DD");
	expect_rejected("\"valid_from\": \"2019-01-01\",",
			"\"valid_from\": \"2019-01-01\", \"valid_until\": \"2018-12-31\",",
			"$.valid_until", "vóór valid_from");
}

/* Issue 13, principle 9: every region names its 24/7 crisis service. */
static void test_crisis_service(void **state)
{
	(void)state;
	assert_string_equal(twente.crisis_service.name, "Coördinatiepunt Spoedhulp Jeugd Twente");
	assert_string_equal(twente.crisis_service.reachability, "24/7");
	assert_true(twente.crisis_service.has_since);
	assert_int_equal(twente.crisis_service.since, jr_date_from_ymd(2019, 1, 1));
	assert_string_equal(twente.crisis_service.phone, "");
	/* Amersfoort's is a marked placeholder: the sources do not name it */
	assert_non_null(strstr(amersfoort.crisis_service.name, "plaatshouder"));
	expect_rejected("\"crisis_service\": {", "\"crisis_service_x\": {",
			"$.region.crisis_service_x", "onbekende sleutel");
	expect_rejected("\"crisis_service\": {\n      \"name\": \"Coördinatiepunt Spoedhulp Jeugd "
			"Twente\",",
			"\"crisis_service\": {", "$.region.crisis_service.name", "ontbreekt");
	expect_rejected("\"reachability\": \"24/7\",", "", "$.region.crisis_service.reachability",
			"ontbreekt");
	expect_rejected("\"since\": \"2019-01-01\",", "\"since\": \"gisteren\",",
			"$.region.crisis_service.since", "geen bestaande datum");
}

/* Without a crisis service the policy is refused, with a message saying what to name. */
static void test_rejects_missing_crisis_service(void **state)
{
	struct jr_diag diag;
	const char *text = jr_buf_str(&twente_text);
	const char *from = strstr(text, ",\n    \"crisis_service\": {");
	const char *to = from ? strstr(from, "\n    }") : NULL;
	struct jr_buf b;

	(void)state;
	assert_non_null(to);
	jr_buf_init(&b, JR_POLICY_FILE_MAX);
	assert_int_equal(jr_buf_append(&b, text, (size_t)(from - text)), JR_OK);
	assert_int_equal(jr_buf_puts(&b, to + strlen("\n    }")), JR_OK);
	assert_int_equal(jr_policy_parse(jr_buf_str(&b), b.len, &scratch, &diag), JR_ERR_POLICY);
	jr_buf_release(&b);
	assert_string_equal(diag.path, "$.region.crisis_service");
	assert_non_null(strstr(diag.message, "ontbreekt"));
	assert_non_null(strstr(diag.message, "24/7"));
}

static void test_rejects_invalid_json(void **state)
{
	(void)state;
	expect_rejected("\"region\": {", "\"region\": {,", "$", "regel");
}

static void test_rejects_duplicate_key(void **state)
{
	(void)state;
	expect_rejected("\"format\": ", "\"norms\": {}, \"format\": ", "$", "duplicate");
}

static void test_rejects_wrong_format_version(void **state)
{
	(void)state;
	expect_rejected("jeugdroute-policy/1", "jeugdroute-policy/9", "$.format", "leest");
}

static void test_failed_parse_leaves_output_untouched(void **state)
{
	(void)state;
	struct jr_diag diag;
	memset(&scratch, 0x5a, sizeof(scratch));
	assert_int_equal(parse_edited("\"code\": \"0141\"", "\"code\": \"14\"", &diag),
			 JR_ERR_POLICY);
	assert_int_equal(((unsigned char *)&scratch)[0], 0x5a);
}

static void test_allocation_failure_is_reported(void **state)
{
	(void)state;
	struct jr_diag diag;
	enum jr_err err = JR_ERR_NOMEM;
	/* Fail each allocation in turn until parsing succeeds: every failure must be NOMEM (or
	 * a jansson failure surfacing as a parse error), never a crash or leak. */
	for (long n = 0; n < 100000 && err != JR_OK; n++) {
		jr_alloc_fail_after(n);
		err = jr_policy_parse(jr_buf_str(&twente_text), twente_text.len, &scratch, &diag);
		jr_alloc_fail_after(-1);
		assert_true(err == JR_OK || err == JR_ERR_NOMEM);
	}
	assert_int_equal(err, JR_OK);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct jr_diag diag;
	assert_int_equal(jr_policy_load_file("/nonexistent/x.json", &scratch, &diag), JR_ERR_IO);
	assert_string_equal(diag.path, "$");
}

static void test_set_finds_region_by_municipality(void **state)
{
	(void)state;
	struct jr_policy_set set;
	struct jr_diag diag;
	char bad[JR_PATH_MAX];
	jr_policy_set_init(&set);
	assert_int_equal(jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &diag, bad, sizeof(bad)),
			 JR_OK);
	assert_true(set.count >= 2);
	assert_string_equal(jr_policy_set_find(&set, "0153", jr_date_from_ymd(2026, 1, 1))->name,
			    "Twente");
	assert_string_equal(jr_policy_set_find(&set, "0307", jr_date_from_ymd(2026, 1, 1))->name,
			    "Amersfoort");
	assert_null(jr_policy_set_find(&set, "9999", jr_date_from_ymd(2026, 1, 1)));
	jr_policy_set_release(&set);
}

static void test_set_rejects_municipality_in_two_regions(void **state)
{
	(void)state;
	struct jr_policy_set set;
	struct jr_diag diag;
	const char *bad;
	jr_policy_set_init(&set);
	assert_int_equal(jr_policy_set_add_file(&set, JR_TEST_POLICY_DIR "/twente.json", &diag, &bad),
			 JR_OK);
	assert_int_equal(jr_policy_set_add_file(&set, JR_TEST_POLICY_DIR "/twente.json", &diag, &bad),
			 JR_ERR_POLICY);
	/* the same region twice is two versions whose periods overlap (principle 11); a
	 * municipality in two different regions: test_region.c */
	assert_string_equal(diag.path, "$.valid_from");
	assert_non_null(strstr(diag.message, "Twente"));
	assert_non_null(strstr(diag.message, "twente.json"));
	assert_int_equal(set.count, 1);
	jr_policy_set_release(&set);
}

static void test_set_empty_dir(void **state)
{
	(void)state;
	struct jr_policy_set set;
	struct jr_diag diag;
	char bad[JR_PATH_MAX];
	jr_policy_set_init(&set);
	assert_int_equal(jr_policy_set_load_dir(&set, JR_TEST_DATA_DIR "/empty", &diag, bad,
						sizeof(bad)),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_policy_set_load_dir(&set, "/nonexistent", &diag, bad, sizeof(bad)),
			 JR_ERR_IO);
	jr_policy_set_release(&set);
}

/* ---- issue 13, principles 6 and 14: the domains table and the other domains' help ---- */

static void test_domains_table(void **state)
{
	(void)state;
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		enum jr_domain_kind want = d == JR_NEED_LIVELIHOOD ? JR_DOMAIN_OTHER
					   : d == JR_NEED_SCHOOL   ? JR_DOMAIN_SOCIAL_BASE
								   : JR_DOMAIN_YOUTH_CARE;
		assert_int_equal(twente.domain_kind[d], want);
		assert_int_equal(amersfoort.domain_kind[d], want);
	}
	assert_int_equal(twente.domain_other[JR_NEED_LIVELIHOOD], JR_OTHER_INCOME_SUPPORT);
	assert_int_equal(twente.domains_other, 1u << JR_NEED_LIVELIHOOD);
	assert_int_equal(twente.domains_social_base, 1u << JR_NEED_SCHOOL);
	/* no form's indication names a need of another domain any more */
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		assert_int_equal(twente.forms[f].indication.need_min[JR_NEED_LIVELIHOOD], 0);
		assert_int_equal(amersfoort.forms[f].indication.need_min[JR_NEED_LIVELIHOOD], 0);
	}
}

static void test_other_domain_names(void **state)
{
	const struct jr_municipality *enschede = jr_policy_municipality(&twente, "0153");
	const struct jr_municipality *soest = jr_policy_municipality(&amersfoort, "0342");
	(void)state;
	for (int h = 0; h < JR_OTHER_COUNT; h++) {
		assert_true(twente.other_domains[h].name[0] != '\0');
		assert_true(amersfoort.other_domains[h].name[0] != '\0');
		assert_int_equal(jr_other_help_parse(jr_other_help_name((enum jr_other_help)h)), h);
		assert_non_null(jr_other_help_label((enum jr_other_help)h));
	}
	/* the municipality's own organisation, else the region's default */
	assert_string_equal(jr_policy_other_name(&twente, JR_OTHER_DEBT_HELP, enschede),
			    "Schuldhulpverlening gemeente Enschede");
	assert_string_equal(jr_policy_other_name(&amersfoort, JR_OTHER_DEBT_HELP, soest),
			    "Schuldhulpverlening gemeente Soest");
	assert_string_equal(jr_policy_other_name(&twente, JR_OTHER_HOUSING, enschede),
			    twente.other_domains[JR_OTHER_HOUSING].name);
	/* a municipality of another region gets the default, never another's name */
	assert_string_equal(jr_policy_other_name(&twente, JR_OTHER_DEBT_HELP, soest),
			    twente.other_domains[JR_OTHER_DEBT_HELP].name);
	for (int c = 0; c < JR_FC_COUNT; c++) {
		assert_int_equal(jr_family_context_parse(
					 jr_family_context_name((enum jr_family_context)c)),
				 c);
		assert_true(jr_family_context_helps((enum jr_family_context)c) != 0);
	}
	assert_int_equal(jr_family_context_parse("divorce"), -1);
}

static void drop_domains(json_t *root) { json_object_del(root, "domains"); }
static void drop_school(json_t *root)
{
	json_object_del(json_object_get(root, "domains"), "school");
}
static void drop_other_domains(json_t *root) { json_object_del(root, "other_domains"); }
static void drop_housing(json_t *root)
{
	json_object_del(json_object_get(root, "other_domains"), "housing");
}
static void foreign_municipality(json_t *root)
{
	json_object_set_new(json_object_get(json_object_get(json_object_get(root, "other_domains"),
							    "debt_help"),
					    "municipalities"),
			    "0307", json_string("Schuldhulpverlening gemeente Amersfoort"));
}
static void empty_name(json_t *root)
{
	json_object_set_new(json_object_get(json_object_get(root, "other_domains"), "wmo"), "name",
			    json_string(""));
}
static void livelihood_indicates(json_t *root)
{
	json_t *form1 = json_array_get(json_object_get(root, "forms"), 0);
	json_object_set_new(json_object_get(json_object_get(form1, "indication"), "needs"),
			    "livelihood", json_integer(2));
}
static void livelihood_youth_care(json_t *root)
{
	livelihood_indicates(root);
	json_object_set_new(json_object_get(root, "domains"), "livelihood",
			    json_string("youth_care"));
}

static void test_rejects_bad_domains(void **state)
{
	struct jr_diag diag;
	(void)state;
	expect_tree_rejected(drop_domains, "$.domains", "ontbreekt");
	expect_tree_rejected(drop_school, "$.domains", "school");
	expect_rejected("\"livelihood\": \"income_support\"", "\"livelihood\": \"bank\"",
			"$.domains.livelihood", "onbekende waarde \"bank\"");
	expect_rejected("\"livelihood\": \"income_support\"", "\"livelihood\": 3",
			"$.domains.livelihood", "youth_care, social_base");
	expect_rejected("\"livelihood\": \"income_support\"",
			"\"livelihood\": \"income_support\", \"sleep\": \"youth_care\"",
			"$.domains.sleep", "onbekend domein");
	/* a form that youth care would select on a need of another domain contradicts the table */
	expect_tree_rejected(livelihood_indicates, "$.forms[0].indication.needs.livelihood",
			     "income_support");
	/* ... unless the region maps the domain to youth care */
	assert_int_equal(parse_tree_edited(livelihood_youth_care, &diag), JR_OK);
	assert_int_equal(scratch.domain_kind[JR_NEED_LIVELIHOOD], JR_DOMAIN_YOUTH_CARE);
	assert_int_equal(scratch.domains_other, 0);
}

static void test_rejects_bad_other_domains(void **state)
{
	(void)state;
	expect_tree_rejected(drop_other_domains, "$.other_domains", "ontbreekt");
	expect_tree_rejected(drop_housing, "$.other_domains", "housing");
	expect_tree_rejected(foreign_municipality, "$.other_domains.debt_help.municipalities.0307",
			     "geen gemeente van deze regio");
	expect_tree_rejected(empty_name, "$.other_domains.wmo.name", "leeg");
	expect_rejected("\"divorce_help\": {", "\"mediation\": {", "$.other_domains.mediation",
			"onbekende hulp");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_twente_region),
		cmocka_unit_test(test_twente_regimes),
		cmocka_unit_test(test_twente_forms),
		cmocka_unit_test(test_twente_referrers_and_norms),
		cmocka_unit_test(test_amersfoort),
		cmocka_unit_test(test_policy_names_round_trip),
		cmocka_unit_test(test_rejects_bad_municipality_code),
		cmocka_unit_test(test_rejects_duplicate_municipality),
		cmocka_unit_test(test_rejects_unknown_regime),
		cmocka_unit_test(test_rejects_unknown_setting),
		cmocka_unit_test(test_rejects_forms_out_of_order),
		cmocka_unit_test(test_rejects_bad_jz020),
		cmocka_unit_test(test_rejects_unknown_key),
		cmocka_unit_test(test_rejects_out_of_range_norm),
		cmocka_unit_test(test_reach),
		cmocka_unit_test(test_rejects_bad_referrer_code),
		cmocka_unit_test(test_rejects_wrong_type),
		cmocka_unit_test(test_rejects_unknown_need_in_offer),
		cmocka_unit_test(test_rejects_offer_without_ages),
		cmocka_unit_test(test_offers_carry_ages),
		cmocka_unit_test(test_family_like_is_a_stay),
		cmocka_unit_test(test_rejects_missing_crisis_form),
		cmocka_unit_test(test_rejects_invalid_json),
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_crisis_service),
		cmocka_unit_test(test_rejects_missing_crisis_service),
		cmocka_unit_test(test_rejects_duplicate_key),
		cmocka_unit_test(test_rejects_wrong_format_version),
		cmocka_unit_test(test_failed_parse_leaves_output_untouched),
		cmocka_unit_test(test_allocation_failure_is_reported),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_set_finds_region_by_municipality),
		cmocka_unit_test(test_set_rejects_municipality_in_two_regions),
		cmocka_unit_test(test_set_empty_dir),
		cmocka_unit_test(test_jz020_provisional_ots_follows_ots),
		cmocka_unit_test(test_domains_table),
		cmocka_unit_test(test_other_domain_names),
		cmocka_unit_test(test_rejects_bad_domains),
		cmocka_unit_test(test_rejects_bad_other_domains),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
