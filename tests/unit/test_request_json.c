/* Unit tests for json/request_json: a full request parses into the struct; every kind of bad
 * input is rejected with the field it concerns; bounds on size, depth and counts hold. */
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
#include "json/request_fast.h"
#include "json/request_json.h"

static struct jr_request req;
static jr_day today;

static int setup(void **state)
{
	(void)state;
	json_set_alloc_funcs(jr_malloc, jr_free);
	today = jr_date_from_ymd(2026, 11, 23);
	return 0;
}

static enum jr_err parse(const char *text, struct jr_diag *d)
{
	return jr_request_parse(text, strlen(text), today, &req, d);
}

static void expect_bad(const char *text, const char *field, const char *message_part)
{
	struct jr_diag d;
	enum jr_err err = parse(text, &d);
	if (err != JR_ERR_INPUT && err != JR_ERR_TOO_BIG)
		fail_msg("accepted: %s", text);
	assert_string_equal(d.path, field);
	if (!strstr(d.message, message_part))
		fail_msg("message \"%s\" lacks \"%s\"", d.message, message_part);
}

static void test_full_request(void **state)
{
	(void)state;
	struct jr_diag d;
	assert_int_equal(parse("{\"id\":\"r1\",\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\","
			       "\"date\":\"2026-11-01\",\"needs\":{\"behaviour\":3,\"parenting\":0},"
			       "\"flags\":[\"unsafe\",\"long_lasting\"],\"court_measure\":\"ots\","
			       "\"broad_analysis\":true,\"waiting_since\":\"2026-09-01\","
			       "\"history\":[{\"form\":3,\"outcome\":\"negative\",\"start\":\"2025-01-01\","
			       "\"end\":\"2025-06-01\"},{\"form\":0,\"outcome\":\"neutral\","
			       "\"start\":\"2026-01-01\",\"end\":null}],"
			       "\"referrer\":{\"type\":\"02\",\"agb\":\"01012345\"},\"comment\":\"x\"}",
			       &d),
			 JR_OK);
	assert_string_equal(req.id, "r1");
	assert_string_equal(req.municipality, "0153");
	assert_int_equal(req.birth_date, jr_date_from_ymd(2015, 6, 1));
	assert_int_equal(req.date, jr_date_from_ymd(2026, 11, 1));
	assert_int_equal(req.needs[JR_NEED_BEHAVIOUR], 3);
	assert_int_equal(req.needs[JR_NEED_SAFETY], 0);
	assert_int_equal(req.flags, JR_FLAG_BIT(JR_FLAG_UNSAFE) | JR_FLAG_BIT(JR_FLAG_LONG_LASTING));
	assert_int_equal(req.measure, JR_MEASURE_OTS);
	assert_true(req.broad_analysis);
	assert_true(req.has_waiting_since);
	assert_int_equal(req.history_count, 2);
	assert_int_equal(req.history[0].form, 3);
	assert_int_equal(req.history[0].outcome, JR_OUTCOME_NEGATIVE);
	assert_false(req.history[0].ongoing);
	assert_true(req.history[1].ongoing);
	assert_true(req.has_referrer);
	assert_int_equal(req.referrer_type, 2);
	assert_string_equal(req.agb, "01012345");
}

static void test_minimal_request_defaults(void **state)
{
	(void)state;
	struct jr_diag d;
	assert_int_equal(parse("{\"municipality\":\"0307\",\"birth_date\":\"2020-02-29\"}", &d), JR_OK);
	assert_int_equal(req.date, today);
	assert_int_equal(req.measure, JR_MEASURE_NONE);
	assert_false(req.broad_analysis);
	assert_false(req.has_referrer);
	assert_int_equal(req.history_count, 0);
	assert_int_equal(req.flags, 0);
	assert_string_equal(req.id, "");
	/* null measure and null referrer are the same as absent */
	assert_int_equal(parse("{\"municipality\":\"0307\",\"birth_date\":\"2020-02-29\","
			       "\"court_measure\":null,\"referrer\":null}",
			       &d),
			 JR_OK);
	assert_false(req.has_referrer);
}

static void test_parse_resets_previous_request(void **state)
{
	(void)state;
	struct jr_diag d;
	assert_int_equal(parse("{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\","
			       "\"needs\":{\"safety\":4},\"flags\":[\"unsafe\"],"
			       "\"referrer\":{\"type\":\"01\"}}",
			       &d),
			 JR_OK);
	assert_int_equal(parse("{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\"}", &d),
			 JR_OK);
	assert_int_equal(req.needs[JR_NEED_SAFETY], 0);
	assert_int_equal(req.flags, 0);
	assert_false(req.has_referrer);
}

#define BASE "\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\""

static void test_bad_json(void **state)
{
	(void)state;
	expect_bad("{\"municipality\":", "(json)", "JSON");
	expect_bad("", "(json)", "JSON");
	expect_bad("[1,2]", "(verzoek)", "object");
	expect_bad("{" BASE ",\"municipality\":\"0164\"}", "(json)", "duplicate");
}

static void test_bad_fields(void **state)
{
	(void)state;
	expect_bad("{" BASE ",\"neds\":{}}", "neds", "onbekend veld");
	expect_bad("{\"birth_date\":\"2015-06-01\"}", "municipality", "ontbreekt");
	expect_bad("{\"municipality\":\"153\",\"birth_date\":\"2015-06-01\"}", "municipality",
		   "4 cijfers");
	expect_bad("{\"municipality\":153,\"birth_date\":\"2015-06-01\"}", "municipality",
		   "4 cijfers");
	expect_bad("{\"municipality\":\"0153\"}", "birth_date", "ontbreekt");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2024-02-30\"}", "birth_date",
		   "bestaande datum");
	expect_bad("{" BASE ",\"date\":\"2023-02-29\"}", "date", "bestaande datum");
	expect_bad("{" BASE ",\"date\":20231001}", "date", "JJJJ-MM-DD");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2027-01-01\"}", "birth_date",
		   "na de datum");
}

/* principle 13: residence_before_stay, a CBS code (or null); the running stay is judged later,
 * under the policy of that municipality (app/route.c) */
static void test_residence_before_stay(void **state)
{
	struct jr_diag d;
	(void)state;
	assert_int_equal(parse("{" BASE ",\"residence_before_stay\":\"0164\"}", &d), JR_OK);
	assert_string_equal(req.residence_before_stay, "0164");
	assert_int_equal(parse("{" BASE ",\"residence_before_stay\":null}", &d), JR_OK);
	assert_string_equal(req.residence_before_stay, "");
	assert_int_equal(parse("{" BASE "}", &d), JR_OK); /* the fast path resets it too */
	assert_string_equal(req.residence_before_stay, "");
	expect_bad("{" BASE ",\"residence_before_stay\":\"164\"}", "residence_before_stay",
		   "CBS-code");
	expect_bad("{" BASE ",\"residence_before_stay\":164}", "residence_before_stay", "CBS-code");
	expect_bad("{" BASE ",\"residence_before_stay\":true}", "residence_before_stay",
		   "CBS-code");
}

static void test_bad_needs(void **state)
{
	(void)state;
	expect_bad("{" BASE ",\"needs\":{\"happiness\":2}}", "needs.happiness", "onbekend domein");
	expect_bad("{" BASE ",\"needs\":{\"behaviour\":5}}", "needs.behaviour", "0 tot en met 4");
	expect_bad("{" BASE ",\"needs\":{\"behaviour\":-1}}", "needs.behaviour", "0 tot en met 4");
	expect_bad("{" BASE ",\"needs\":{\"behaviour\":\"3\"}}", "needs.behaviour", "tekst");
	expect_bad("{" BASE ",\"needs\":{\"behaviour\":2.5}}", "needs.behaviour", "kommagetal");
	expect_bad("{" BASE ",\"needs\":[3]}", "needs", "object");
}

static void test_bad_flags_and_measure(void **state)
{
	(void)state;
	expect_bad("{" BASE ",\"flags\":[\"sad\"]}", "flags[0]", "onbekend signaal");
	expect_bad("{" BASE ",\"flags\":[\"unsafe\",3]}", "flags[1]", "onbekend signaal");
	expect_bad("{" BASE ",\"flags\":\"unsafe\"}", "flags", "lijst");
	expect_bad("{" BASE ",\"court_measure\":\"ondertoezicht\"}", "court_measure", "\"ots\"");
	expect_bad("{" BASE ",\"broad_analysis\":\"yes\"}", "broad_analysis", "true of false");
}

static void test_bad_history(void **state)
{
	(void)state;
	expect_bad("{" BASE ",\"history\":{}}", "history", "lijst");
	expect_bad("{" BASE ",\"history\":[{\"form\":11,\"outcome\":\"negative\",\"start\":"
		   "\"2025-01-01\"}]}",
		   "history[0].form", "0 (sociale basis) tot en met 10");
	expect_bad("{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"bad\",\"start\":"
		   "\"2025-01-01\"}]}",
		   "history[0].outcome", "negative");
	expect_bad("{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"negative\"}]}",
		   "history[0].start", "ontbreekt");
	expect_bad("{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"negative\",\"start\":"
		   "\"2025-05-01\",\"end\":\"2025-04-01\"}]}",
		   "history[0].end", "vóór start");
	expect_bad("{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"negative\",\"start\":"
		   "\"2025-05-01\",\"until\":\"2025-06-01\"}]}",
		   "history[0].until", "onbekend veld");
	expect_bad("{" BASE ",\"date\":\"2026-01-01\",\"history\":[{\"form\":1,\"outcome\":"
		   "\"negative\",\"start\":\"2026-05-01\"}]}",
		   "history", "na de datum");
	expect_bad("{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"negative\",\"start\":"
		   "\"2015-05-31\"}]}",
		   "history", "vóór de geboortedatum");
}

static void test_bad_referrer(void **state)
{
	(void)state;
	expect_bad("{" BASE ",\"referrer\":{\"type\":\"07\"}}", "referrer.type", "verwijzerscode");
	expect_bad("{" BASE ",\"referrer\":{\"type\":\"99\"}}", "referrer.type", "verwijzerscode");
	expect_bad("{" BASE ",\"referrer\":{\"type\":2}}", "referrer.type", "COD327");
	expect_bad("{" BASE ",\"referrer\":{\"type\":\"02\",\"agb\":\"123\"}}", "referrer.agb",
		   "8 cijfers");
	expect_bad("{" BASE ",\"referrer\":{\"type\":\"02\",\"name\":\"dr. X\"}}", "referrer.name",
		   "onbekend veld");
}

static void test_too_large_and_too_deep(void **state)
{
	(void)state;
	struct jr_buf b;
	struct jr_diag d;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_buf_puts(&b, "{" BASE ",\"comment\":\""), JR_OK);
	for (int i = 0; i < 70000; i++)
		assert_int_equal(jr_buf_putc(&b, 'x'), JR_OK);
	assert_int_equal(jr_buf_puts(&b, "\"}"), JR_OK);
	assert_int_equal(jr_request_parse(jr_buf_str(&b), b.len, today, &req, &d), JR_ERR_TOO_BIG);
	assert_string_equal(d.path, "(verzoek)");
	jr_buf_reset(&b);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(jr_buf_putc(&b, '['), JR_OK);
	assert_int_equal(jr_request_parse(jr_buf_str(&b), b.len, today, &req, &d), JR_ERR_TOO_BIG);
	assert_non_null(strstr(d.message, "genest"));
	/* brackets inside strings do not count as nesting */
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_puts(&b, "{" BASE ",\"comment\":\"[[[[[[[[[[[[[[[[[[\\\"[[[[\"}"),
			 JR_OK);
	assert_int_equal(jr_request_parse(jr_buf_str(&b), b.len, today, &req, &d), JR_OK);
	jr_buf_release(&b);
}

static void test_history_limit(void **state)
{
	(void)state;
	struct jr_buf b;
	struct jr_diag d;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_buf_puts(&b, "{" BASE ",\"history\":["), JR_OK);
	for (int i = 0; i <= JR_HISTORY_MAX; i++)
		assert_int_equal(jr_buf_printf(&b, "%s{\"form\":1,\"outcome\":\"neutral\",\"start\":"
						   "\"2020-01-01\"}",
					       i ? "," : ""),
				 JR_OK);
	assert_int_equal(jr_buf_puts(&b, "]}"), JR_OK);
	assert_int_equal(jr_request_parse(jr_buf_str(&b), b.len, today, &req, &d), JR_ERR_INPUT);
	assert_string_equal(d.path, "history");
	jr_buf_release(&b);
}

static void test_nul_inside_is_rejected(void **state)
{
	(void)state;
	static const char text[] = "{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\"}\0xx";
	struct jr_diag d;
	assert_int_equal(jr_request_parse(text, sizeof(text) - 1, today, &req, &d), JR_ERR_INPUT);
	assert_string_equal(d.path, "(json)");
	/* jansson refuses \u0000 in strings, so no field can carry a hidden NUL */
	assert_int_equal(parse("{" BASE ",\"id\":\"a\\u0000b\"}", &d), JR_ERR_INPUT);
	assert_string_equal(d.path, "(json)");
}

static void test_allocation_failures(void **state)
{
	(void)state;
	/* The comment's UTF-8 sends this past the fast path, into jansson's allocations. */
	static const char text[] = "{" BASE ",\"needs\":{\"behaviour\":3},\"history\":[{\"form\":1,"
				   "\"outcome\":\"negative\",\"start\":\"2025-01-01\"}],"
				   "\"comment\":\"één\"}";
	long n;
	struct jr_diag d;
	enum jr_err err = JR_ERR_NOMEM;
	for (n = 0; n < 10000 && err != JR_OK; n++) {
		jr_alloc_fail_after(n);
		err = parse(text, &d);
		jr_alloc_fail_after(-1);
		assert_true(err == JR_OK || err == JR_ERR_NOMEM);
	}
	assert_int_equal(err, JR_OK);
	assert_true(n > 5); /* several allocations were made to fail on the way */
}

/* The fast path must take plain valid requests and give exactly what the full parser gives. */
/* Principle 8: the judge's authorisations beside the measure. */
static void test_authorisations(void **state)
{
	struct jr_diag d;
	(void)state;
	assert_int_equal(parse("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
			       "\"court_measure\":\"voorlopige_ots\","
			       "\"authorisations\":[\"uithuisplaatsing\",\"gesloten\"]}",
			       &d),
			 JR_OK);
	assert_int_equal(req.measure, JR_MEASURE_VOORLOPIGE_OTS);
	assert_int_equal(req.authorisations,
			 JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING) | JR_AUTH_BIT(JR_AUTH_GESLOTEN));
	/* the next request starts without them, also on the fast path */
	assert_int_equal(parse("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\"}", &d),
			 JR_OK);
	assert_int_equal(req.authorisations, 0);
	assert_int_equal(parse("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
			       "\"authorisations\":[]}",
			       &d),
			 JR_OK);
	assert_int_equal(req.authorisations, 0);
	{
		const char *t = "{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
				"\"authorisations\":[]}";
		assert_false(jr_request_parse_fast(t, strlen(t), today, &req)); /* the full parser's */
	}
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"authorisations\":\"gesloten\"}",
		   "authorisations", "verwacht een lijst");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"authorisations\":[\"machtiging_gesloten\"]}",
		   "authorisations", "\"uithuisplaatsing\" of \"gesloten\"");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"authorisations\":[\"gesloten\",\"gesloten\"]}",
		   "authorisations", "staat er al");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"authorisations\":[1]}",
		   "authorisations", "element 0");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"court_measure\":\"voogdij\",\"authorisations\":[\"uithuisplaatsing\"]}",
		   "authorisations", "ondertoezichtstelling");
	expect_bad("{\"municipality\":\"0153\",\"birth_date\":\"2012-01-01\","
		   "\"authorisations\":[\"uithuisplaatsing\"]}",
		   "authorisations", "ondertoezichtstelling");
}

static void test_fast_path_takes_plain_requests(void **state)
{
	(void)state;
	static const char *const plain[] = {
		"{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\"}",
		" {\r\n\t\"id\" : \"a-1\" , \"municipality\":\"0307\",\"birth_date\":\"2020-02-29\","
		"\"date\":\"2026-01-01\",\"needs\":{},\"flags\":[],\"history\":[],\"referrer\":null,"
		"\"court_measure\":null} \n",
		"{\"municipality\":\"0153\",\"birth_date\":\"2015-06-01\",\"date\":\"2026-11-01\","
		"\"needs\":{\"behaviour\":3,\"parenting\":0,\"safety\":4},\"flags\":[\"unsafe\","
		"\"long_lasting\",\"unsafe\"],\"court_measure\":\"ots\",\"broad_analysis\":false,"
		"\"waiting_since\":\"2026-09-01\",\"history\":[{\"form\":3,\"outcome\":\"negative\","
		"\"start\":\"2025-01-01\",\"end\":\"2025-06-01\"},{\"end\":null,\"form\":0,"
		"\"outcome\":\"neutral\",\"start\":\"2026-01-01\",\"comment\":\"x\"},{\"form\":10,"
		"\"outcome\":\"positive\",\"start\":\"2026-02-01\"}],\"referrer\":{\"agb\":\"01012345\","
		"\"type\":\"02\"},\"comment\":\"plain\",\"id\":\"\"}",
	};
	static struct jr_request full;
	struct jr_diag d;
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		assert_true(jr_request_parse_fast(plain[i], strlen(plain[i]), today, &req));
		assert_int_equal(jr_request_parse_full(plain[i], strlen(plain[i]), today, &full, &d),
				 JR_OK);
		assert_string_equal(req.id, full.id);
		assert_string_equal(req.municipality, full.municipality);
		assert_int_equal(req.date, full.date);
		assert_memory_equal(req.needs, full.needs, sizeof(req.needs));
		assert_int_equal(req.flags, full.flags);
		assert_int_equal(req.measure, full.measure);
		assert_int_equal(req.history_count, full.history_count);
		for (size_t k = 0; k < req.history_count; k++) {
			assert_int_equal(req.history[k].form, full.history[k].form);
			assert_int_equal(req.history[k].ongoing, full.history[k].ongoing);
			assert_int_equal(req.history[k].start, full.history[k].start);
		}
		assert_int_equal(req.has_referrer, full.has_referrer);
		assert_string_equal(req.agb, full.agb);
		assert_int_equal(req.has_waiting_since, full.has_waiting_since);
	}
}

/* Anything unusual or wrong is declined, so that the full parser decides (and explains). */
static void test_fast_path_declines_the_unusual(void **state)
{
	(void)state;
	static const char *const declined[] = {
		"{\"munic\\u0069pality\":\"0153\",\"birth_date\":\"2015-06-01\"}", /* escape */
		"{" BASE ",\"comment\":\"\u00e9\u00e9n\"}",                    /* escape */
		"{" BASE ",\"comment\":\"\xc3\xa9\xc3\xa9n\"}",                  /* UTF-8 */
		"{" BASE ",\"needs\":{\"behaviour\":3,\"behaviour\":2}}",          /* duplicate */
		"{" BASE ",\"needs\":{\"behaviour\":5}}",
		"{" BASE ",\"needs\":{\"behaviour\":03}}",
		"{" BASE ",\"needs\":{\"behaviour\":3.0}}",
		"{" BASE ",\"needs\":{\"behaviour\":3e0}}",
		"{" BASE ",\"needs\":{\"behaviour\":-0}}",
		"{" BASE "} x",
		"{" BASE "}{}",
		"{" BASE ",}",
		"{\"municipality\":\"0153\"}",
		"{" BASE ",\"history\":[{\"form\":1,\"outcome\":\"negative\",\"start\":"
		"\"2025-05-01\",\"end\":\"2025-04-01\"}]}",
		"{" BASE ",\"history\":[{\"form\":1,\"start\":\"2025-05-01\"}]}",
		"{" BASE ",\"referrer\":{\"agb\":\"01012345\"}}",
		"{" BASE ",\"referrer\":{\"type\":\"07\"}}",
		"{" BASE ",\"broad_analysis\":nul}",
		"{" BASE ",\"broad_analysis\":truex}",
		"{" BASE ",\"unknown\":1}",
		"{" BASE ",\"comment\":3}",
		"{\"municipality\":\"0153\",\"birth_date\":\"2027-06-01\"}", /* after date */
		"[" BASE "]",
		"",
	};
	for (size_t i = 0; i < sizeof(declined) / sizeof(declined[0]); i++)
		if (jr_request_parse_fast(declined[i], strlen(declined[i]), today, &req))
			fail_msg("fast path accepted: %s", declined[i]);
}

/* Issue 13, principle 6: the parents' own problems, read by both paths alike; an unknown or
 * mistyped value is bad input naming the field. */
static void test_family_context(void **state)
{
	(void)state;
	static const char *const text =
		"{" BASE ",\"family_context\":[\"debts\",\"fighting_divorce\",\"debts\"]}";
	static struct jr_request full;
	struct jr_diag d;

	assert_true(jr_request_parse_fast(text, strlen(text), today, &req));
	assert_int_equal(req.family_context,
			 (1u << JR_FC_DEBTS) | (1u << JR_FC_FIGHTING_DIVORCE));
	assert_int_equal(jr_request_parse_full(text, strlen(text), today, &full, &d), JR_OK);
	assert_int_equal(full.family_context, req.family_context);
	assert_int_equal(parse("{" BASE ",\"family_context\":[]}", &d), JR_OK);
	assert_int_equal(req.family_context, 0);
	/* every value by name */
	for (int c = 0; c < JR_FC_COUNT; c++) {
		char buf[160];
		snprintf(buf, sizeof(buf), "{" BASE ",\"family_context\":[\"%s\"]}",
			 jr_family_context_name((enum jr_family_context)c));
		assert_int_equal(parse(buf, &d), JR_OK);
		assert_int_equal(req.family_context, 1u << c);
	}
	/* a later request without it starts clean */
	assert_int_equal(parse(text, &d), JR_OK);
	assert_int_equal(parse("{" BASE "}", &d), JR_OK);
	assert_int_equal(req.family_context, 0);
	expect_bad("{" BASE ",\"family_context\":[\"debts\",\"divorce\"]}", "family_context[1]",
		   "fighting_divorce");
	expect_bad("{" BASE ",\"family_context\":[3]}", "family_context[0]", "onbekende");
	expect_bad("{" BASE ",\"family_context\":\"debts\"}", "family_context", "lijst");
	expect_bad("{" BASE ",\"family_contexts\":[]}", "family_contexts", "family_context");
	assert_false(jr_request_parse_fast("{" BASE ",\"family_context\":[\"poverty\"]}",
					   strlen("{" BASE ",\"family_context\":[\"poverty\"]}"),
					   today, &req));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_request),
		cmocka_unit_test(test_minimal_request_defaults),
		cmocka_unit_test(test_parse_resets_previous_request),
		cmocka_unit_test(test_bad_json),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_residence_before_stay),
		cmocka_unit_test(test_bad_needs),
		cmocka_unit_test(test_bad_flags_and_measure),
		cmocka_unit_test(test_bad_history),
		cmocka_unit_test(test_bad_referrer),
		cmocka_unit_test(test_too_large_and_too_deep),
		cmocka_unit_test(test_history_limit),
		cmocka_unit_test(test_nul_inside_is_rejected),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_authorisations),
		cmocka_unit_test(test_fast_path_takes_plain_requests),
		cmocka_unit_test(test_fast_path_declines_the_unusual),
		cmocka_unit_test(test_family_context),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
