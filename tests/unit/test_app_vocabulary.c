/* Unit tests of app/vocabulary.c without a server or records: which region a principal gets
 * (its own municipality's, one asked by municipality or id, the only one, or none), that the
 * region's words are its policy file's (read here with jansson, not through the loader), that the
 * standard's codes are those the records accept and that are in force on the day, and that the
 * records' own words cover what the core names (every signal, role and step). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "app/vocabulary.h"
#include "core/roles.h"
#include "core/route.h"
#include "core/signals.h"
#include "ijw/ijw_rules.h"
#include "view/view_vocabulary.h"

static struct jr_policy_set both, twente_only;
static jr_day today;

static int setup(void **state)
{
	struct jr_diag diag;
	const char *bad;
	char badf[JR_PATH_MAX];

	(void)state;
	jr_policy_set_init(&both);
	jr_policy_set_init(&twente_only);
	if (jr_date_parse("2026-11-23", 10, &today) ||
	    jr_policy_set_load_dir(&both, JR_TEST_POLICY_DIR, &diag, badf, sizeof(badf)) ||
	    jr_policy_set_add_file(&twente_only, JR_TEST_POLICY_DIR "/twente.json", &diag, &bad))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_policy_set_release(&both);
	jr_policy_set_release(&twente_only);
	return 0;
}

static struct jr_principal principal(const char *role, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = 7};
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	return p;
}

static bool has(const struct jr_vocab_list *l, const char *code)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].code, code) == 0)
			return true;
	return false;
}

/* The region's words are those of its policy file, in its order. */
static void check_region(const struct jr_vocabulary *v, const char *file)
{
	json_error_t e;
	json_t *doc = json_load_file(file, 0, &e), *x;
	size_t i;

	if (!doc)
		fail_msg("%s: %s", file, e.text);
	assert_non_null(v->region);
	assert_string_equal(v->region->id,
			    json_string_value(json_object_get(json_object_get(doc, "region"), "id")));
	assert_int_equal(v->form_count, json_array_size(json_object_get(doc, "forms")));
	json_array_foreach(json_object_get(doc, "forms"), i, x) {
		assert_int_equal(v->forms[i].number, json_integer_value(json_object_get(x, "form")));
		assert_int_equal(v->forms[i].number, (int)i + 1); /* light to heavy */
		assert_string_equal(v->forms[i].label, json_string_value(json_object_get(x, "name")));
		assert_string_equal(v->forms[i].setting,
				    json_string_value(json_object_get(x, "setting")));
	}
	assert_int_equal(v->municipality_count, json_array_size(json_object_get(doc, "municipalities")));
	json_array_foreach(json_object_get(doc, "municipalities"), i, x) {
		assert_string_equal(v->municipalities[i].code, json_string_value(json_object_get(x, "code")));
		assert_string_equal(v->municipalities[i].label, json_string_value(json_object_get(x, "name")));
		assert_string_equal(v->municipalities[i].regime,
				    json_string_value(json_object_get(x, "regime")));
	}
	assert_int_equal(v->regime_count, json_object_size(json_object_get(doc, "regimes")));
	for (size_t r = 0; r < v->regime_count; r++) {
		json_t *def = json_object_get(json_object_get(doc, "regimes"), v->regimes[r].code);
		json_t *terms = json_object_get(def, "intensities");
		assert_non_null(def);
		if (!terms)
			terms = json_object_get(def, "frequencies");
		assert_string_equal(v->regimes[r].description,
				    json_string_value(json_object_get(def, "description")));
		assert_int_equal(v->regimes[r].term_count, terms ? json_array_size(terms) : 0);
		for (size_t t = 0; t < v->regimes[r].term_count; t++)
			assert_string_equal(v->regimes[r].terms[t],
					    json_string_value(json_array_get(terms, t)));
	}
	assert_int_equal(v->light_option_count,
			 json_array_size(json_object_get(doc, "social_base")) +
				 json_array_size(json_object_get(doc, "no_referral")));
	json_array_foreach(json_object_get(doc, "no_referral"), i, x) {
		const struct jr_vocab_offer *o =
			&v->light_options[json_array_size(json_object_get(doc, "social_base")) + i];
		assert_string_equal(o->code, json_string_value(json_object_get(x, "id")));
		assert_string_equal(o->label, json_string_value(json_object_get(x, "name")));
		assert_string_equal(o->kind, "no_referral");
		assert_string_equal(o->category, json_string_value(json_object_get(x, "kind")));
	}
	assert_int_equal(v->referrer_type_count, json_array_size(json_object_get(doc, "referrers")));
	json_array_foreach(json_object_get(doc, "referrers"), i, x)
		assert_string_equal(v->referrer_types[i].label,
				    json_string_value(json_object_get(x, "name")));
	json_decref(doc);
}

/* A consulent of Almelo gets Twente's words, and its municipality; one of Amersfoort its own. */
static void test_own_region(void **state)
{
	struct jr_vocabulary v;
	struct jr_principal almelo = principal("consulent", "0141"),
			    amersfoort = principal("consulent", "0307");
	const char *bad = "x";

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &almelo, NULL, NULL, today, &v, &bad), JR_OK);
	assert_null(bad);
	assert_string_equal(v.municipality, "0141");
	check_region(&v, JR_TEST_POLICY_DIR "/twente.json");
	assert_int_equal(v.region_count, 2);
	assert_string_equal(v.regions[0].code, "amersfoort");
	assert_string_equal(v.regions[1].code, "twente");

	assert_int_equal(jr_app_vocabulary(&both, &amersfoort, NULL, NULL, today, &v, &bad), JR_OK);
	assert_string_equal(v.municipality, "0307");
	check_region(&v, JR_TEST_POLICY_DIR "/amersfoort.json");
	assert_int_equal(v.regime_count, 1);
	assert_string_equal(v.regimes[0].code, "generic");
}

/* Another region asked for, by a municipality of it or by its id; unknown ones named. */
static void test_region_asked(void **state)
{
	struct jr_vocabulary v;
	struct jr_principal almelo = principal("consulent", "0141");
	const char *bad;

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &almelo, "0307", NULL, today, &v, &bad), JR_OK);
	assert_string_equal(v.municipality, "0307");
	check_region(&v, JR_TEST_POLICY_DIR "/amersfoort.json");
	assert_int_equal(jr_app_vocabulary(&both, &almelo, NULL, "amersfoort", today, &v, &bad), JR_OK);
	assert_string_equal(v.municipality, "");
	check_region(&v, JR_TEST_POLICY_DIR "/amersfoort.json");

	assert_int_equal(jr_app_vocabulary(&both, &almelo, "9999", NULL, today, &v, &bad),
			 JR_ERR_NOT_FOUND);
	assert_string_equal(bad, "municipality");
	assert_null(v.region);
	assert_int_equal(v.form_count, 0);
	assert_int_equal(jr_app_vocabulary(&both, &almelo, "01410", NULL, today, &v, &bad),
			 JR_ERR_NOT_FOUND);
	assert_string_equal(bad, "municipality");
	assert_int_equal(jr_app_vocabulary(&both, &almelo, "", NULL, today, &v, &bad),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_app_vocabulary(&both, &almelo, NULL, "nergens", today, &v, &bad),
			 JR_ERR_NOT_FOUND);
	assert_string_equal(bad, "region");
}

/* No municipality of its own: the only region when there is one, else none. */
static void test_no_municipality(void **state)
{
	struct jr_vocabulary v;
	struct jr_principal office = principal("policy", "");
	const char *bad;

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &office, NULL, NULL, today, &v, &bad), JR_OK);
	assert_null(v.region);
	assert_int_equal(v.form_count + v.municipality_count + v.regime_count +
				 v.light_option_count + v.referrer_type_count,
			 0);
	assert_int_equal(v.region_count, 2);
	assert_true(v.needs.count > 0 && v.roles.count > 0); /* the rest is there */
	assert_int_equal(jr_app_vocabulary(&twente_only, &office, NULL, NULL, today, &v, &bad), JR_OK);
	assert_string_equal(v.municipality, "");
	check_region(&v, JR_TEST_POLICY_DIR "/twente.json");
	/* a municipality in no policy of the set: as none */
	office = principal("consulent", "0307");
	assert_int_equal(jr_app_vocabulary(&twente_only, &office, NULL, NULL, today, &v, &bad), JR_OK);
	assert_string_equal(v.region->id, "twente");
	assert_string_equal(v.municipality, "");
}

/* The standard's codes: those the records accept, in force on the day. */
static void test_standard(void **state)
{
	struct jr_vocabulary v;
	struct jr_principal p = principal("provider", "");
	const char *bad;
	jr_day before;
	size_t n = 0;

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &p, NULL, NULL, today, &v, &bad), JR_OK);
	for (n = 0; jr_end_reasons[n]; n++)
		assert_true(has(&v.end_reasons, jr_end_reasons[n]));
	assert_int_equal(v.end_reasons.count, n);
	assert_string_equal(v.end_reasons.items[2].code, "31");
	assert_string_equal(v.end_reasons.items[2].label, "Levering is volgens plan beeindigd.");
	assert_false(has(&v.change_reasons, "01")); /* lapsed: the records refuse it */
	assert_true(has(&v.change_reasons, "13") && has(&v.change_reasons, "14"));
	for (size_t i = 0; i < v.change_reasons.count; i++)
		assert_true(jr_change_reason_known(v.change_reasons.items[i].code));
	assert_string_equal(v.units[1].code, "uur");
	assert_string_equal(v.units[1].ijw, "04");
	assert_string_equal(v.units[1].label, "Uur");

	/* before 2021 codes 36-39 (JZ588), 12-14 (JZ002) and unit 84 were not yet in force */
	assert_int_equal(jr_date_parse("2020-06-01", 10, &before), JR_OK);
	assert_int_equal(jr_app_vocabulary(&both, &p, NULL, NULL, before, &v, &bad), JR_OK);
	assert_false(has(&v.end_reasons, "36") || has(&v.end_reasons, "39"));
	assert_true(has(&v.end_reasons, "35"));
	assert_false(has(&v.change_reasons, "12") || has(&v.change_reasons, "14"));
	for (size_t i = 0; i < v.unit_count; i++)
		assert_string_not_equal(v.units[i].ijw, "84");
}

/* The records' and the engine's own words cover what the core names. */
static void test_records_words(void **state)
{
	struct jr_vocabulary v;
	struct jr_principal p = principal("admin", "");
	const char *bad, *code, *label;
	size_t i;

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &p, NULL, NULL, today, &v, &bad), JR_OK);
	for (int c = 0; c < JR_CS_COUNT; c++)
		assert_true(has(&v.signals, jr_case_signal_name((enum jr_case_signal_code)c)));
	assert_true(has(&v.signals, "stale_social_map"));
	for (i = 0; (code = jr_role_at(i, &label)); i++) {
		assert_true(jr_role_known(code));
		assert_string_equal(v.roles.items[i].code, code);
	}
	assert_int_equal(v.roles.count, 7);
	assert_true(has(&v.organisation_kinds, "local_team") &&
		    has(&v.organisation_kinds, "expert_team"));
	assert_int_equal(v.help_request_state_count, JR_HR_STATE_COUNT);
	for (i = 0; i < v.help_request_state_count; i++) {
		const struct jr_vocab_state *s = &v.help_request_states[i];
		int next = jr_hr_state_next((enum jr_hr_state)i);
		assert_int_equal(jr_hr_state_parse(s->code), (int)i);
		if (next < 0)
			assert_null(s->next);
		else
			assert_int_equal(jr_hr_state_parse(s->next), next);
	}
	assert_string_equal(v.help_request_states[JR_HR_EVALUATED].next, "closed");
	assert_null(v.help_request_states[JR_HR_WITHDRAWN].next);
	for (i = 0; jr_raisers[i]; i++)
		assert_string_equal(v.raised_by.items[i].code, jr_raisers[i]);
	assert_int_equal(v.raised_by.count, i);
	assert_string_equal(v.raised_by.items[0].label, "Het gezin");
	assert_int_equal(v.needs.count, JR_NEED_COUNT);
	for (i = 0; i < v.needs.count; i++)
		assert_int_equal(jr_need_parse(v.needs.items[i].code), (int)i);
	assert_int_equal(v.need_max_level, JR_NEED_MAX_LEVEL);
	assert_int_equal(v.measures.count, JR_MEASURE_COUNT - 1); /* not "none" */
	for (i = 0; i < v.measures.count; i++)
		assert_int_equal(jr_measure_parse(v.measures.items[i].code), (int)i + 1);
	assert_true(has(&v.measures, "voorlopige_ots"));
	assert_int_equal(v.authorisations.count, JR_AUTH_COUNT);
	assert_true(has(&v.authorisations, "uithuisplaatsing") && has(&v.authorisations, "gesloten"));
	/* issue 13, principle 6: the new option kind, the request's family context and the
	 * other domains' help, so that the UI hard-codes none of them */
	assert_int_equal(v.option_kinds.count, JR_OPTION_KIND_COUNT);
	assert_true(has(&v.option_kinds, "other_domain"));
	assert_int_equal(v.family_context.count, JR_FC_COUNT);
	for (i = 0; i < v.family_context.count; i++)
		assert_int_equal(jr_family_context_parse(v.family_context.items[i].code), (int)i);
	assert_int_equal(v.other_domain_help.count, JR_OTHER_COUNT);
	assert_true(has(&v.other_domain_help, "debt_help"));
	assert_int_equal(v.provider_statuses.count, JR_PROVIDER_STATUS_COUNT);
	assert_string_equal(v.provider_statuses.items[1].label, "geschorst");
	assert_true(has(&v.goals_reached, "partly"));
	assert_true(has(&v.household_roles, "carer"));
	assert_true(has(&v.event_kinds, "care_stop") && has(&v.involvement_kinds, "referrer"));
	assert_int_equal(v.ijw_places.count, JR_IJW_AT_CONTACT + 1); /* every enum jr_ijw_place */
	assert_string_equal(v.ijw_places.items[JR_IJW_AT_CLIENT].code, "client");
	assert_string_equal(v.ijw_places.items[JR_IJW_AT_CLIENT].label, "cliënt");
}

/* The answer of GET /api/v1/vocabulary (view/view_vocabulary.c) escapes every word: a policy
 * text with a quote or a backslash comes out escaped and reads back as it was. */
static void test_rendered_escaped(void **state)
{
	static const char label[] = "Vorm \"licht\" \\ thuis";
	struct jr_vocabulary v;
	struct jr_principal almelo = principal("consulent", "0141");
	const char *bad = NULL;
	struct jr_json_writer w;
	struct jr_buf b;
	json_error_t e;
	json_t *doc;

	(void)state;
	assert_int_equal(jr_app_vocabulary(&both, &almelo, NULL, NULL, today, &v, &bad), JR_OK);
	v.forms[0].label = label;
	v.municipalities[0].regime = "res\"ult";
	jr_buf_init(&b, 1 << 20);
	jr_jw_init(&w, &b);
	jr_view_vocabulary(&w, &v);
	assert_int_equal(jr_jw_finish(&w), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), "\"label\":\"Vorm \\\"licht\\\" \\\\ thuis\""));
	assert_non_null(strstr(jr_buf_str(&b), "\"regime\":\"res\\\"ult\""));
	doc = json_loads(jr_buf_str(&b), JSON_REJECT_DUPLICATES, &e);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(json_object_get(doc, "forms"), 0), "label")),
			    label);
	assert_string_equal(json_string_value(json_object_get(doc, "municipality")), "0141");
	json_decref(doc);
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_region),     cmocka_unit_test(test_region_asked),
		cmocka_unit_test(test_no_municipality), cmocka_unit_test(test_standard),
		cmocka_unit_test(test_records_words), cmocka_unit_test(test_rendered_escaped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
