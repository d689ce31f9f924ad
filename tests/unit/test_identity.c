/* Unit tests for core/identity: the family-name key (case, spaces, punctuation, diacritics,
 * prefixes before or after the name) and the identity check of a referral. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/identity.h"

static void expect_key(const char *name, const char *key)
{
	char out[256];

	if (!jr_family_name_key(name, out, sizeof(out)) || strcmp(out, key) != 0)
		fail_msg("key of \"%s\" is \"%s\", expected \"%s\"", name, out, key);
}

static void test_key(void **state)
{
	(void)state;
	expect_key("Jansen", "jansen");
	expect_key("  JANSEN  ", "jansen");
	expect_key("van der Berg", "berg");
	expect_key("Van Der Berg", "berg");
	expect_key("Berg, van der", "berg");
	expect_key("Berg,van der", "berg");
	expect_key("'t Hart", "hart");
	expect_key("\xe2\x80\x99t Hart", "hart"); /* ’t with a typographic apostrophe */
	expect_key("d'Ancona", "ancona");
	expect_key("Çelik", "celik");
	expect_key("Özdemir", "ozdemir");
	expect_key("Groß", "gross");
	expect_key("Ĳzerman", "ijzerman");
	expect_key("Søndergård", "sondergard");
	expect_key("Oe\xcc\x88zdemir", "oezdemir"); /* decomposed: O, e, combining diaeresis */
	expect_key("Jansen-de Vries", "jansen de vries");
	expect_key("Jansen  -  de   Vries", "jansen de vries");
	expect_key("de Vries-Jansen", "vries jansen");
	expect_key("van", "van"); /* only a prefix: the last part stays */
	expect_key("Van Den", "den");
	expect_key("Ζαχαρίου", "Ζαχαρίου"); /* another script, as written */
}

static void test_key_refuses_bad_text(void **state)
{
	char out[8];
	(void)state;
	assert_false(jr_family_name_key("Jan\xff", out, sizeof(out)));
	assert_string_equal(out, "");
	assert_false(jr_family_name_key("\xc3", out, sizeof(out)));
	assert_false(jr_family_name_key("Langenaam", out, 4)); /* does not fit */
	assert_true(jr_family_name_key("Kort", out, 5));
	assert_string_equal(out, "kort");
}

static void test_same(void **state)
{
	(void)state;
	assert_true(jr_family_name_same("van der Berg", "Berg, Van der"));
	assert_true(jr_family_name_same("van der Berg", "Berg"));
	assert_true(jr_family_name_same("Müller", "muller"));
	assert_true(jr_family_name_same("Jansen-de Vries", "jansen de vries"));
	assert_false(jr_family_name_same("Bergen", "Berg"));
	assert_false(jr_family_name_same("Jansen-de Vries", "de Vries"));
	assert_false(jr_family_name_same("Jansen", "Janssen"));
	assert_false(jr_family_name_same("", ""));
	assert_false(jr_family_name_same(" - ", "-"));
}

static void test_mismatch(void **state)
{
	struct jr_person known = {.birth_date = jr_date_from_ymd(2015, 4, 2)};
	(void)state;
	memcpy(known.family_name, "de Vries", 9);
	memcpy(known.given_names, "Sanne Maria", 12);
	assert_int_equal(
	    jr_identity_mismatch(&known, jr_date_from_ymd(2015, 4, 2), "DE VRIES", "sanne"), 0);
	assert_int_equal(
	    jr_identity_mismatch(&known, jr_date_from_ymd(2015, 4, 3), "Vries", "Sanne Maria"),
	    JR_IDENTITY_BIRTH_DATE);
	assert_int_equal(
	    jr_identity_mismatch(&known, jr_date_from_ymd(2015, 4, 2), "Visser", "Sanne"),
	    JR_IDENTITY_FAMILY_NAME);
	assert_int_equal(jr_identity_mismatch(&known, jr_date_from_ymd(2014, 4, 2), "", "Sanne"),
	                 JR_IDENTITY_BIRTH_DATE | JR_IDENTITY_FAMILY_NAME);
	/* the twin: same birth date and family name, another first name */
	assert_int_equal(
	    jr_identity_mismatch(&known, jr_date_from_ymd(2015, 4, 2), "de Vries", "Sophie"),
	    JR_IDENTITY_GIVEN_NAMES);
	assert_int_equal(jr_identity_mismatch(&known, jr_date_from_ymd(2014, 4, 2), "Visser", "Ot"),
	                 JR_IDENTITY_BIRTH_DATE | JR_IDENTITY_FAMILY_NAME |
	                     JR_IDENTITY_GIVEN_NAMES);
}

/* Given names: every word stated is a recorded one, in order; initials fit a word that starts
 * with them; at least one whole name. */
static void test_given_names(void **state)
{
	(void)state;
	assert_true(jr_given_names_fit("Sanne Maria", "Sanne"));
	assert_true(jr_given_names_fit("Sanne Maria", "Maria"));      /* the name she goes by */
	assert_true(jr_given_names_fit("Sanne Maria", "SANNE maria")); /* case */
	assert_true(jr_given_names_fit("Sanne Maria", "Sanne M."));    /* an initial after */
	assert_true(jr_given_names_fit("Zoë", "Zoe"));                 /* diacritics */
	assert_true(jr_given_names_fit("Anne-Fleur Johanna", "Anne Fleur"));
	assert_true(jr_given_names_fit("Çağan", "Cagan"));
	assert_false(jr_given_names_fit("Sanne Maria", "Sophie"));   /* the twin */
	assert_false(jr_given_names_fit("Sanne Maria", "S."));       /* an initial alone */
	assert_false(jr_given_names_fit("Sanne Maria", "S. M."));    /* initials alone */
	assert_false(jr_given_names_fit("Sanne Maria", "Maria Sanne")); /* another order */
	assert_false(jr_given_names_fit("Sanne Maria", "Sanne Maria Els"));
	assert_false(jr_given_names_fit("Sanne", "San"));             /* part of a name */
	assert_false(jr_given_names_fit("Sanne", ""));
	assert_false(jr_given_names_fit("Sanne", " - "));
	assert_false(jr_given_names_fit("", "Sanne"));
	assert_false(jr_given_names_fit("Sanne", "Sa\xffnne"));     /* not UTF-8 */
}

/* The words of a mismatch, for the GP's refusal and a JW315's: capitalised, joined as Dutch
 * lists are, the verb's number, the first part's API field. */
static void test_mismatch_words(void **state)
{
	char out[64];
	bool plural;

	(void)state;
	assert_string_equal(jr_identity_mismatch_words(JR_IDENTITY_BIRTH_DATE, out, sizeof(out),
	                                               &plural),
	                    "birth_date");
	assert_string_equal(out, "De geboortedatum");
	assert_false(plural);
	assert_string_equal(jr_identity_mismatch_words(JR_IDENTITY_FAMILY_NAME |
	                                                   JR_IDENTITY_GIVEN_NAMES,
	                                               out, sizeof(out), &plural),
	                    "family_name");
	assert_string_equal(out, "De achternaam en de voornamen");
	assert_true(plural);
	jr_identity_mismatch_words(JR_IDENTITY_BIRTH_DATE | JR_IDENTITY_FAMILY_NAME |
	                               JR_IDENTITY_GIVEN_NAMES,
	                           out, sizeof(out), &plural);
	assert_string_equal(out, "De geboortedatum, de achternaam en de voornamen");
	jr_identity_mismatch_words(JR_IDENTITY_GIVEN_NAMES, out, sizeof(out), &plural);
	assert_string_equal(out, "De voornamen");
	assert_true(plural); /* "de voornamen passen" */
	assert_null(jr_identity_mismatch_words(0, out, sizeof(out), &plural));
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_key_refuses_bad_text),
	    cmocka_unit_test(test_same),
	    cmocka_unit_test(test_mismatch),
	    cmocka_unit_test(test_given_names),
	    cmocka_unit_test(test_mismatch_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
