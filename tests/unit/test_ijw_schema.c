/* Unit tests for ijw/ijw_schema: recognising the message, the first violation with its path,
 * line and Dutch message, and the value semantics of XSD 1.0 as xmllint applies them (the
 * differential test in tests/ijw/ compares with xmllint itself over many more files). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/tree.h>

#include "core/alloc.h"
#include "ijw/ijw_schema.h"
#include "ijw/ijw_schema_internal.h"
#include "ijw/ijw_xml.h"

/* A start-zorg message (JW305), written for these tests. */
static const char jw305[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<jw305:Bericht xmlns:jw305=\"http://www.istandaarden.nl/ijw/3_2/jw305/schema\"\n"
	"    xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">\n"
	"  <jw305:Header>\n"
	"    <jw305:BerichtCode>438</jw305:BerichtCode>\n"
	"    <jw305:BerichtVersie>3</jw305:BerichtVersie>\n"
	"    <jw305:BerichtSubversie>2</jw305:BerichtSubversie>\n"
	"    <jw305:Afzender>87654321</jw305:Afzender>\n"
	"    <jw305:Ontvanger>0153</jw305:Ontvanger>\n"
	"    <jw305:BerichtIdentificatie>\n"
	"      <ijw:Identificatie>START-0001</ijw:Identificatie>\n"
	"      <ijw:Dagtekening>2026-11-02</ijw:Dagtekening>\n"
	"    </jw305:BerichtIdentificatie>\n"
	"    <jw305:XsdVersie>\n"
	"      <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>\n"
	"      <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>\n"
	"    </jw305:XsdVersie>\n"
	"  </jw305:Header>\n"
	"  <jw305:Client>\n"
	"    <jw305:Bsn>123456782</jw305:Bsn>\n"
	"    <jw305:Geboortedatum><ijw:Datum>2014-03-09</ijw:Datum></jw305:Geboortedatum>\n"
	"    <jw305:Geslacht>2</jw305:Geslacht>\n"
	"    <jw305:Naam>\n"
	"      <ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam>\n"
	"      <ijw:Voorletters>AB</ijw:Voorletters>\n"
	"    </jw305:Naam>\n"
	"    <jw305:StartProducten>\n"
	"      <jw305:StartProduct>\n"
	"        <jw305:ToewijzingNummer>4711</jw305:ToewijzingNummer>\n"
	"        <jw305:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A01</ijw:Code>"
	"</jw305:Product>\n"
	"        <jw305:ToewijzingIngangsdatum>2026-10-01</jw305:ToewijzingIngangsdatum>\n"
	"        <jw305:Begindatum>2026-10-05</jw305:Begindatum>\n"
	"        <jw305:StatusAanlevering>1</jw305:StatusAanlevering>\n"
	"      </jw305:StartProduct>\n"
	"      <jw305:StartProduct>\n"
	"        <jw305:ToewijzingNummer>4712</jw305:ToewijzingNummer>\n"
	"        <jw305:Begindatum>2026-10-06</jw305:Begindatum>\n"
	"        <jw305:StatusAanlevering>1</jw305:StatusAanlevering>\n"
	"      </jw305:StartProduct>\n"
	"    </jw305:StartProducten>\n"
	"  </jw305:Client>\n"
	"</jw305:Bericht>\n";

static char text[sizeof(jw305) + 1024];

/* jw305 with the first occurrence of `from` replaced by `to`. */
static const char *with(const char *from, const char *to)
{
	const char *at = strstr(jw305, from);
	size_t head;

	assert_non_null(at);
	head = (size_t)(at - jw305);
	assert_true(head + strlen(to) + strlen(at + strlen(from)) < sizeof(text));
	memcpy(text, jw305, head);
	snprintf(text + head, sizeof(text) - head, "%s%s", to, at + strlen(from));
	return text;
}

static enum jr_err check(const char *message, enum jr_ijw_message *kind,
			 struct jr_ijw_problem *problem)
{
	xmlDoc *doc = NULL;
	enum jr_err err = jr_ijw_parse_once(message, strlen(message), &doc, problem);

	*kind = JR_IJW_UNKNOWN;
	if (err)
		return err;
	err = jr_ijw_check_structure(doc, kind, problem);
	xmlFreeDoc(doc);
	return err;
}

/* The message with `from` replaced by `to` is invalid with `message` at `path`. */
static void invalid(const char *from, const char *to, const char *path, const char *message)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;

	if (check(with(from, to), &kind, &problem) != JR_ERR_INPUT)
		print_error("%s -> %s: not refused\n", from, to);
	assert_int_equal(check(with(from, to), &kind, &problem), JR_ERR_INPUT);
	assert_string_equal(problem.rule, "XSD");
	assert_string_equal(problem.path, path);
	assert_string_equal(problem.message, message);
	assert_true(problem.line > 0);
}

static void valid(const char *from, const char *to)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;
	enum jr_err err = check(with(from, to), &kind, &problem);

	if (err)
		print_error("%s -> %s: %s at %s\n", from, to, problem.message, problem.path);
	assert_int_equal(err, JR_OK);
	assert_int_equal(kind, JR_IJW_JW305);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(jr_ijw_message_name(JR_IJW_JW301), "JW301");
	assert_string_equal(jr_ijw_message_name(JR_IJW_JW325), "JW325");
	assert_null(jr_ijw_message_name(JR_IJW_UNKNOWN));
	assert_null(jr_ijw_message_name(JR_IJW_MESSAGE__COUNT));
	assert_int_equal(jr_ijw_message_by_name("JW318"), JR_IJW_JW318);
	assert_int_equal(jr_ijw_message_by_name("JW399"), JR_IJW_UNKNOWN);
	for (int k = JR_IJW_JW301; k < JR_IJW_MESSAGE__COUNT; k++)
		assert_int_equal(jr_ijw_message_by_name(jr_ijw_message_name(k)), k);
}

/* The generated tables hold together: indexes in range, enumerations sorted for bsearch, no
 * message deeper than the parser allows. */
static void test_tables_consistent(void **state)
{
	(void)state;
	assert_true(jr_ijw_schema_depth < JR_IJW_MAX_DEPTH);
	for (unsigned i = 0; i < jr_ijw_complex_type_count; i++) {
		const struct jr_ijw_complex_type *ct = &jr_ijw_complex_types[i];
		assert_true(ct->count > 0);
		for (unsigned k = 0; k < ct->count; k++) {
			const struct jr_ijw_particle *p = &jr_ijw_particles[ct->first + k];
			assert_true(p->type < (p->complex ? jr_ijw_complex_type_count
							  : jr_ijw_simple_type_count));
			assert_true(p->min <= 1);
		}
	}
	for (unsigned i = 0; i < jr_ijw_simple_type_count; i++) {
		const struct jr_ijw_simple_type *st = &jr_ijw_simple_types[i];
		for (unsigned k = 1; k < st->enum_count; k++)
			assert_true(strcmp(st->enums[k - 1], st->enums[k]) < 0);
	}
}

static void test_valid_message(void **state)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;

	(void)state;
	assert_int_equal(check(jw305, &kind, &problem), JR_OK);
	assert_int_equal(kind, JR_IJW_JW305);
	assert_string_equal(problem.message, "");
	/* Whitespace, comments and processing instructions between elements are fine, and so
	 * are other prefixes and a default namespace. */
	valid("<jw305:Client>", "<jw305:Client> <!-- c --> <?pi x?>\r\n\t");
	valid("<jw305:Bsn>123456782</jw305:Bsn>",
	      "<Bsn xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw305/schema\">123456782</Bsn>");
}

static void test_recognition(void **state)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;

	(void)state;
	assert_int_equal(check(with("jw305/schema", "jw399/schema"), &kind, &problem),
			 JR_ERR_INPUT);
	assert_int_equal(kind, JR_IJW_UNKNOWN);
	assert_non_null(strstr(problem.message, "onbekend bericht: namespace"));
	assert_int_equal(check("<Bericht/>", &kind, &problem), JR_ERR_INPUT);
	assert_string_equal(problem.message, "onbekend bericht: Bericht zonder namespace");
	assert_int_equal(check("<Toewijzing xmlns='x'/>", &kind, &problem), JR_ERR_INPUT);
	assert_string_equal(problem.path, "/Toewijzing");
	/* Another message's namespace: recognised as that one, and then wrong in structure. */
	assert_int_equal(check(with("jw305/schema", "jw301/schema"), &kind, &problem),
			 JR_ERR_INPUT);
	assert_int_equal(kind, JR_IJW_JW301);
}

static void test_structure(void **state)
{
	(void)state;
	invalid("<jw305:Bsn>123456782</jw305:Bsn>", "", "/Bericht/Client/Bsn",
		"verplicht element Bsn ontbreekt (vóór Geboortedatum)");
	invalid("<jw305:Begindatum>2026-10-06</jw305:Begindatum>", "",
		"/Bericht/Client/StartProducten/StartProduct[2]/Begindatum",
		"verplicht element Begindatum ontbreekt (vóór StatusAanlevering)");
	invalid("<jw305:StartProducten>", "<jw305:StartProducten><jw305:Foo/>",
		"/Bericht/Client/StartProducten/Foo", "element Foo hoort hier niet");
	invalid("<jw305:Geslacht>2</jw305:Geslacht>",
		"<jw305:Geslacht>2</jw305:Geslacht><jw305:Geslacht>2</jw305:Geslacht>",
		"/Bericht/Client/Geslacht",
		"element Geslacht komt vaker voor dan toegestaan (hoogstens 1 keer)");
	invalid("<jw305:StartProducten>", "<jw305:Geslacht>2</jw305:Geslacht><jw305:StartProducten>",
		"/Bericht/Client/Geslacht",
		"element Geslacht staat op de verkeerde plaats of komt te vaak voor");
	invalid("<jw305:Bsn>123456782</jw305:Bsn>", "<ijw:Bsn>123456782</ijw:Bsn>",
		"/Bericht/Client/Bsn",
		"element Bsn staat in de verkeerde namespace (verwacht "
		"http://www.istandaarden.nl/ijw/3_2/jw305/schema)");
	invalid("<ijw:Achternaam>Jansen</ijw:Achternaam>", "",
		"/Bericht/Client/Naam/Geslachtsnaam/Achternaam",
		"verplicht element Achternaam ontbreekt");
	valid("<ijw:Voorletters>AB</ijw:Voorletters>", ""); /* optional */
	invalid("<jw305:Client>", "<jw305:Client>x", "/Bericht/Client",
		"tekst hoort hier niet: Client bevat alleen elementen");
	invalid("<jw305:Client>", "<jw305:Client><![CDATA[ ]]>", "/Bericht/Client",
		"CDATA hoort hier niet: Client bevat alleen elementen");
	invalid("<jw305:Geslacht>2</jw305:Geslacht>", "<jw305:Geslacht>2<ijw:x/></jw305:Geslacht>",
		"/Bericht/Client/Geslacht/x",
		"element x hoort hier niet: Geslacht bevat alleen een waarde");
	invalid("<jw305:Header>", "<jw305:Header foo=\"1\">", "/Bericht/Header",
		"attribuut foo is hier niet toegestaan");
	invalid("<jw305:Header>", "<jw305:Header xml:lang=\"nl\">", "/Bericht/Header",
		"attribuut xml:lang is hier niet toegestaan");
	invalid("<jw305:Geslacht>2", "<jw305:Geslacht xmlns:xsi="
		"\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"false\">2",
		"/Bericht/Client/Geslacht",
		"attribuut xsi:nil is niet toegestaan: het element mag niet leeg (nil) zijn");
	invalid("<jw305:Geslacht>2", "<jw305:Geslacht xmlns:xsi="
		"\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"ijw:LDT_Datum\">2",
		"/Bericht/Client/Geslacht", "attribuut xsi:type noemt niet het type van dit element");
	/* xsi:type naming the declared type, and the schema locations, are allowed. */
	valid("<jw305:Geslacht>2", "<jw305:Geslacht xmlns:xsi="
	      "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"ijw:LDT_Geslacht\">2");
	valid("<jw305:Client>", "<jw305:Client xmlns:xsi="
	      "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"jw305:Client\">");
	valid("<jw305:Header>", "<jw305:Header xmlns:xsi="
	      "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"a b\">");
	/* Comments and CDATA inside a value are part of it. */
	valid("<jw305:Begindatum>2026-10-05", "<jw305:Begindatum>2026-<!-- x -->10-05");
	valid("<jw305:Begindatum>2026-10-05", "<jw305:Begindatum><![CDATA[2026-10-05]]>");
}

static void test_dates(void **state)
{
	(void)state;
	invalid("2026-10-05", "2027-06-31",
		"/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '2027-06-31' is geen geldige datum (JJJJ-MM-DD)");
	valid("2026-10-05", "2024-02-29");
	valid("2026-10-05", "2000-02-29");
	valid("2026-10-05", " 2026-10-05\n");   /* xs:date collapses whitespace */
	valid("2026-10-05", "12026-10-05");     /* a five-digit year */
	valid("2026-10-05", "-0004-02-29");     /* a negative leap year, as libxml2 counts */
	invalid("2026-10-05", "2023-02-29", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '2023-02-29' is geen geldige datum (JJJJ-MM-DD)");
	invalid("2026-10-05", "1900-02-29", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '1900-02-29' is geen geldige datum (JJJJ-MM-DD)");
	invalid("2026-10-05", "0000-01-01", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '0000-01-01' is geen geldige datum (JJJJ-MM-DD)");
	invalid("2026-10-05", "02026-10-05", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '02026-10-05' is geen geldige datum (JJJJ-MM-DD)");
	invalid("2026-10-05", "2026-10-05Z", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"datum '2026-10-05Z' mag geen tijdzone hebben");
	invalid("2026-10-05", "2026-10-05+01:00",
		"/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"datum '2026-10-05+01:00' mag geen tijdzone hebben");
	invalid("2026-10-05", "", "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum",
		"waarde '' is geen geldige datum (JJJJ-MM-DD)");
}

static void test_numbers_and_text(void **state)
{
	(void)state;
	valid(">4711<", "> 004711\n<");
	valid(">4711<", ">+0<");
	valid(">4711<", ">-0<");
	valid(">4711<", ">999999999<");
	invalid(">4711<", ">1000000000<",
		"/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer",
		"waarde '1000000000' is groter dan 999999999");
	invalid(">4711<", ">-1<", "/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer",
		"waarde '-1' is kleiner dan 0");
	invalid(">4711<", ">47 11<",
		"/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer",
		"waarde '47 11' is geen geheel getal");
	/* The literal patterns of the header: on the collapsed value, digit for digit. */
	valid(">3<", "> 3 <");
	invalid(">3<", ">03<", "/Bericht/Header/BerichtVersie", "waarde '03' moet '3' zijn");
	invalid(">438<", "> 438<", "/Bericht/Header/BerichtCode", "waarde ' 438' is langer dan 3 tekens");
	invalid(">438<", ">439<", "/Bericht/Header/BerichtCode", "waarde '439' moet '438' zijn");
	/* xs:string keeps whitespace. */
	invalid(">START-0001<", ">START-0001-XYZ<", "/Bericht/Header/BerichtIdentificatie/Identificatie",
		"waarde 'START-0001-XYZ' is langer dan 12 tekens");
	valid(">START-0001<", "> START-0001<");
	invalid(">START-0001<", "> <", "/Bericht/Header/BerichtIdentificatie/Identificatie",
		"waarde bestaat alleen uit witruimte");
	invalid(">START-0001<", "><", "/Bericht/Header/BerichtIdentificatie/Identificatie",
		"waarde is leeg");
	invalid(">START-0001<", ">START\n0001<",
		"/Bericht/Header/BerichtIdentificatie/Identificatie",
		"waarde mag geen regeleinde bevatten");
	/* Lengths count characters, not bytes. */
	valid(">Jansen<", ">Ñañez-Öztürk<");
	valid(">AB<", ">ÀỳÉ<");
	invalid(">AB<", ">A.<", "/Bericht/Client/Naam/Voorletters",
		"waarde 'A.' mag alleen letters bevatten");
	invalid(">123456782<", ">12345678<", "/Bericht/Client/Bsn",
		"waarde '12345678' moet uit precies 9 cijfers bestaan");
	invalid(">0153<", ">153<", "/Bericht/Header/Ontvanger",
		"waarde '153' moet uit precies 4 cijfers bestaan");
	invalid(">1.0.0<", ">1.0<", "/Bericht/Header/XsdVersie/BasisschemaXsdVersie",
		"waarde '1.0' is geen versienummer zoals 1.0.0");
	valid(">1.0.0<", ">10.0.20<");
	invalid(">1.0.0<", ">01.0.0<", "/Bericht/Header/XsdVersie/BasisschemaXsdVersie",
		"waarde '01.0.0' is geen versienummer zoals 1.0.0");
	/* Code lists: the enumeration of the type, exactly. */
	invalid(">45<", ">99<", "/Bericht/Client/StartProducten/StartProduct[1]/Product/Categorie",
		"waarde '99' staat niet in de codelijst");
	invalid(">2</jw305:Geslacht>", ">7</jw305:Geslacht>", "/Bericht/Client/Geslacht",
		"waarde '7' staat niet in de codelijst");
	invalid(">2</jw305:Geslacht>", "> 2</jw305:Geslacht>", "/Bericht/Client/Geslacht",
		"waarde ' 2' is langer dan 1 teken");
	invalid(">45<", ">455<", "/Bericht/Client/StartProducten/StartProduct[1]/Product/Categorie",
		"waarde '455' is langer dan 2 tekens");
}

static void test_long_value_shown_short(void **state)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;
	char value[300];

	(void)state;
	memset(value, 'x', sizeof(value) - 1);
	value[sizeof(value) - 1] = '\0';
	assert_int_equal(check(with("Jansen", value), &kind, &problem), JR_ERR_INPUT);
	assert_string_equal(problem.message,
			    "waarde 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is langer dan 200 tekens");
}

static void test_out_of_memory(void **state)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;
	xmlDoc *doc = NULL;
	/* A value in three text nodes needs the buffer that joins them. */
	const char *message = with("2026-10-05", "2026-<!--a-->10<!--b-->-05");

	(void)state;
	assert_int_equal(jr_ijw_parse_once(message, strlen(message), &doc, &problem), JR_OK);
	jr_alloc_fail_after(0);
	assert_int_equal(jr_ijw_check_structure(doc, &kind, &problem), JR_ERR_NOMEM);
	jr_alloc_fail_after(-1);
	assert_string_equal(problem.message, "onvoldoende geheugen");
	assert_int_equal(jr_ijw_check_structure(doc, &kind, &problem), JR_OK);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_tables_consistent),
		cmocka_unit_test(test_valid_message),
		cmocka_unit_test(test_recognition),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_numbers_and_text),
		cmocka_unit_test(test_long_value_shown_short),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
