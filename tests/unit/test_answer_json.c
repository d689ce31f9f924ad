/* Unit tests for json/answer_json and core/why: answers are valid JSON with the contract's
 * fields, every option explains itself naming a rule, and errors render as error objects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/buf.h"
#include "core/why.h"
#include "json/answer_json.h"
#include "json/policy_json.h"
#include "json/request_json.h"

static struct jr_policy twente;
static struct jr_request req;
static struct jr_answer ans;

static int setup(void **state)
{
	struct jr_diag d;
	(void)state;
	return jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &d) ? -1 : 0;
}

/* Routes `text` under Twente and returns the answer parsed back with jansson. */
static json_t *route_json(const char *text)
{
	struct jr_diag d;
	struct jr_buf out, scratch;
	json_error_t jerr;
	json_t *root;

	assert_int_equal(jr_request_parse(text, strlen(text), jr_date_from_ymd(2026, 11, 23), &req, &d),
			 JR_OK);
	assert_int_equal(jr_route(&twente, &req, &ans), JR_OK);
	jr_buf_init(&out, 1 << 20);
	jr_buf_init(&scratch, 1 << 16);
	assert_int_equal(jr_answer_write_json(&out, &scratch, &ans), JR_OK);
	assert_null(strchr(jr_buf_str(&out), '\n'));
	root = json_loads(jr_buf_str(&out), JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		fail_msg("invalid JSON (%s): %s", jerr.text, jr_buf_str(&out));
	jr_buf_release(&out);
	jr_buf_release(&scratch);
	return root;
}

static void test_answer_has_contract_fields(void **state)
{
	(void)state;
	json_t *a = route_json("{\"id\":\"x\\\"1\",\"municipality\":\"0141\",\"birth_date\":"
			       "\"2015-06-01\",\"needs\":{\"behaviour\":3},\"flags\":[\"unsafe\"],"
			       "\"referrer\":{\"type\":\"02\"}}");
	json_t *m = json_object_get(a, "municipality"), *opts = json_object_get(a, "options");
	size_t i;
	json_t *o;

	assert_string_equal(json_string_value(json_object_get(a, "id")), "x\"1");
	assert_string_equal(json_string_value(json_object_get(m, "code")), "0141");
	assert_string_equal(json_string_value(json_object_get(m, "name")), "Almelo");
	assert_string_equal(json_string_value(json_object_get(m, "region")), "Twente");
	assert_true(json_is_true(json_object_get(a, "eligible")));
	assert_string_equal(json_string_value(json_object_get(a, "framework")), "voluntary");
	assert_true(json_array_size(opts) > 0);
	json_array_foreach(opts, i, o) {
		const char *kind = json_string_value(json_object_get(o, "kind"));
		const char *why = json_string_value(json_object_get(o, "why"));
		assert_non_null(kind);
		assert_non_null(json_string_value(json_object_get(o, "name")));
		assert_true(json_is_boolean(json_object_get(o, "referral_required")));
		assert_true(json_is_array(json_object_get(o, "allowed_referrers")));
		assert_true(json_is_array(json_object_get(o, "requires")));
		assert_non_null(why);
		assert_non_null(strstr(why, "regel"));
		if (strcmp(kind, "youth_care") == 0) {
			json_int_t form = json_integer_value(json_object_get(o, "form"));
			assert_true(form >= 1 && form <= 10);
			assert_non_null(json_string_value(json_object_get(o, "jz020")));
			assert_non_null(json_string_value(json_object_get(o, "contracting")));
			if (form <= 4)
				assert_string_equal(json_string_value(json_object_get(o, "regime")),
						    "product");
			else
				assert_null(json_object_get(o, "regime"));
		} else {
			assert_null(json_object_get(o, "form"));
			assert_null(json_object_get(o, "contracting"));
		}
	}
	assert_true(json_is_array(json_object_get(a, "signals")));
	assert_true(json_array_size(json_object_get(a, "warnings")) >= 1);
	/* a GP without AGB code: the referral is not valid, and the reason says so */
	assert_true(json_is_false(json_object_get(json_object_get(a, "referral_check"), "valid")));
	assert_non_null(strstr(json_string_value(json_object_get(json_object_get(a, "referral_check"),
								  "why")),
			       "AGB"));
	json_decref(a);
}

static void test_ineligible_answer(void **state)
{
	(void)state;
	json_t *a = route_json("{\"municipality\":\"0153\",\"birth_date\":\"2000-01-01\"}");
	assert_true(json_is_false(json_object_get(a, "eligible")));
	assert_non_null(strstr(json_string_value(json_object_get(a, "why")), "Wmo"));
	assert_int_equal(json_array_size(json_object_get(a, "options")), 0);
	assert_null(json_object_get(a, "referral_check"));
	json_decref(a);
}

static void test_crisis_signal_has_due_date(void **state)
{
	(void)state;
	json_t *a = route_json("{\"municipality\":\"0164\",\"birth_date\":\"2011-06-02\","
			       "\"flags\":[\"acute_crisis\"]}");
	json_t *s = json_array_get(json_object_get(a, "signals"), 0);
	assert_string_equal(json_string_value(json_object_get(s, "code")), "crisis_followup");
	assert_string_equal(json_string_value(json_object_get(s, "due")), "2026-12-07");
	json_decref(a);
}

/* Issue 13, principle 9: the crisis option names the region's 24/7 crisis service; an acute
 * psychiatric crisis brings an urgent specialist option right after it. */
static void test_crisis_option_names_service(void **state)
{
	(void)state;
	json_t *a = route_json("{\"municipality\":\"0164\",\"birth_date\":\"2011-06-02\","
			       "\"flags\":[\"acute_crisis\",\"psychiatric_disorder\"]}");
	json_t *o = json_array_get(json_object_get(a, "options"), 0);
	json_t *c = json_object_get(o, "crisis_service");
	json_t *u = json_array_get(json_object_get(a, "options"), 1);
	assert_non_null(c);
	assert_string_equal(json_string_value(json_object_get(c, "name")),
			    "Coördinatiepunt Spoedhulp Jeugd Twente");
	assert_string_equal(json_string_value(json_object_get(c, "reachability")), "24/7");
	assert_string_equal(json_string_value(json_object_get(c, "since")), "2019-01-01");
	assert_null(json_object_get(c, "phone"));
	assert_null(json_object_get(o, "urgent"));
	assert_int_equal(json_integer_value(json_object_get(u, "form")), 4);
	assert_true(json_is_true(json_object_get(u, "urgent")));
	assert_null(json_object_get(u, "crisis_service"));
	json_decref(a);
}

static void test_every_why_renders(void **state)
{
	(void)state;
	static const char *const requests[] = {
		"{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\"}",
		"{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\",\"needs\":{\"family\":4,"
		"\"safety\":4,\"behaviour\":4},\"flags\":[\"unsafe\",\"offence\",\"long_lasting\"],"
		"\"court_measure\":\"machtiging_gesloten\",\"waiting_since\":\"2026-01-01\"}",
		"{\"municipality\":\"0153\",\"birth_date\":\"2008-01-01\",\"court_measure\":"
		"\"jeugdreclassering\"}",
		"{\"municipality\":\"0153\",\"birth_date\":\"2008-01-01\",\"history\":[{\"form\":4,"
		"\"outcome\":\"neutral\",\"start\":\"2025-01-01\"}],\"needs\":{\"mental_health\":3}}",
		"{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\",\"flags\":[\"psychiatric_disorder\","
		"\"long_lasting\"],\"history\":[{\"form\":4,\"outcome\":\"negative\",\"start\":"
		"\"2025-01-01\",\"end\":\"2026-01-01\"},{\"form\":3,\"outcome\":\"negative\",\"start\":"
		"\"2026-02-01\",\"end\":\"2026-06-01\"}],\"referrer\":{\"type\":\"06\"}}",
	};
	struct jr_buf b;
	jr_buf_init(&b, 1 << 16);
	for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++) {
		json_decref(route_json(requests[i]));
		if (!ans.eligible) {
			jr_buf_reset(&b);
			assert_int_equal(jr_why_eligibility(&b, &ans), JR_OK);
			assert_true(b.len > 20);
		}
		for (size_t k = 0; k < ans.option_count; k++) {
			jr_buf_reset(&b);
			assert_int_not_equal(ans.options[k].why, JR_WHY_NONE);
			assert_int_equal(jr_why_option(&b, &ans, &ans.options[k]), JR_OK);
			assert_non_null(strstr(jr_buf_str(&b), "[regel"));
		}
		for (size_t k = 0; k < ans.signal_count; k++) {
			jr_buf_reset(&b);
			assert_int_equal(jr_why_signal(&b, &ans, &ans.signals[k]), JR_OK);
			assert_true(b.len > 20);
		}
		for (size_t k = 0; k < ans.warning_count; k++) {
			jr_buf_reset(&b);
			assert_int_equal(jr_why_warning(&b, &ans, ans.warnings[k]), JR_OK);
			assert_true(b.len > 20);
		}
	}
	jr_buf_release(&b);
}

static void test_output_bound_is_an_error_not_a_crash(void **state)
{
	(void)state;
	struct jr_buf out, scratch;
	json_decref(route_json("{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\","
			       "\"needs\":{\"behaviour\":3}}"));
	jr_buf_init(&out, 100);
	jr_buf_init(&scratch, 1 << 16);
	assert_int_equal(jr_answer_write_json(&out, &scratch, &ans), JR_ERR_TOO_BIG);
	jr_buf_release(&out);
	jr_buf_release(&scratch);
}

static void test_policy_text_is_escaped_wherever_it_stands(void **state)
{
	(void)state;
	/* Explanations are quoted in place and only escaped when needed: put characters JSON must
	 * escape at every offset of a name that appears in them, and check the JSON stays valid
	 * and carries the name unchanged. */
	static const char *const nasty[] = {"\"", "\\", "\n", "\t", "\x01"};
	struct jr_policy saved = twente;
	for (size_t k = 0; k < sizeof(nasty) / sizeof(nasty[0]); k++) {
		for (int at = 0; at < 20; at++) {
			char name[32];
			json_t *a, *o;
			size_t i;
			snprintf(name, sizeof(name), "%.*s%sRegio", at, "Oost-Nederland-Twente-Noord",
				 nasty[k]);
			snprintf(twente.forms[3].name, sizeof(twente.forms[3].name), "%s", name);
			snprintf(twente.regional_body_short, sizeof(twente.regional_body_short), "%s",
				 name);
			a = route_json("{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\","
				       "\"needs\":{\"behaviour\":3,\"safety\":4},\"flags\":[\"unsafe\"]}");
			json_array_foreach(json_object_get(a, "options"), i, o) {
				if (json_integer_value(json_object_get(o, "form")) == 3)
					assert_string_equal(json_string_value(json_object_get(o, "name")),
							    name);
				if (json_integer_value(json_object_get(o, "form")) == 5)
					assert_non_null(strstr(json_string_value(json_object_get(o, "why")),
							       name));
			}
			json_decref(a);
		}
	}
	twente = saved;
}

static void test_error_object(void **state)
{
	(void)state;
	struct jr_diag d = {.path = "needs.behaviour", .message = "is 5; verwacht \"0-4\""};
	struct jr_buf b;
	jr_buf_init(&b, 1000);
	assert_int_equal(jr_error_write_json(&b, &d, "r7"), JR_OK);
	assert_string_equal(jr_buf_str(&b), "{\"id\":\"r7\",\"error\":{\"field\":\"needs.behaviour\","
					    "\"message\":\"is 5; verwacht \\\"0-4\\\"\"}}");
	jr_buf_reset(&b);
	assert_int_equal(jr_error_write_json(&b, &d, ""), JR_OK);
	assert_int_equal(strncmp(jr_buf_str(&b), "{\"error\":", 9), 0);
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_has_contract_fields),
		cmocka_unit_test(test_ineligible_answer),
		cmocka_unit_test(test_crisis_signal_has_due_date),
		cmocka_unit_test(test_crisis_option_names_service),
		cmocka_unit_test(test_every_why_renders),
		cmocka_unit_test(test_output_bound_is_an_error_not_a_crash),
		cmocka_unit_test(test_policy_text_is_escaped_wherever_it_stands),
		cmocka_unit_test(test_error_object),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
