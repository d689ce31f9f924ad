/* Unit tests for ijw/ijw_message, ijw_retour and ijw_allocation: a start-of-care message read into
 * values, and its answer at each level of checking (IV028): nothing found, an in-message rule
 * broken, a finding on the header, a finding on one line; the claim answer's totals; the
 * allocation message's name split and its refusal without an address. The answers are checked
 * by shape here; tests/ijw/round.sh checks them with xmllint against the official schemas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "ijw/ijw_allocation.h"
#include "ijw/ijw_message.h"
#include "ijw/ijw_retour.h"
#include "ijw/ijw_rules.h"
#include "ijw/ijw_schema.h"
#include "ijw/ijw_xml.h"

/* Two starts of one client (written for these tests). */
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
	"      <ijw:Geslachtsnaam><ijw:Achternaam>Jansen &amp; Co</ijw:Achternaam>"
	"<ijw:Voorvoegsel>de</ijw:Voorvoegsel></ijw:Geslachtsnaam>\n"
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

struct fixture {
	xmlDoc *doc;
	struct jr_ijw_msg msg;
	struct jr_ijw_findings f;
	struct jr_buf out;
};

static int setup(void **state)
{
	static struct fixture fx;
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;

	memset(&fx, 0, sizeof(fx));
	if (jr_ijw_parse_once(jw305, sizeof(jw305) - 1, &fx.doc, &problem) ||
	    jr_ijw_check_structure(fx.doc, &kind, &problem) || kind != JR_IJW_JW305 ||
	    jr_ijw_read(fx.doc, kind, &fx.msg))
		return -1;
	jr_buf_init(&fx.out, 1 << 20);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	jr_ijw_msg_release(&fx->msg);
	jr_ijw_findings_release(&fx->f);
	jr_buf_release(&fx->out);
	xmlFreeDoc(fx->doc);
	return 0;
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void test_read(void **state)
{
	struct fixture *fx = *state;
	const struct jr_ijw_msg *m = &fx->msg;
	assert_string_equal(m->header.afzender, "87654321");
	assert_string_equal(m->header.ontvanger, "0153");
	assert_string_equal(m->header.identificatie, "START-0001");
	assert_int_equal(m->header.dagtekening, jr_date_from_ymd(2026, 11, 2));
	assert_int_equal(m->client_count, 1);
	assert_string_equal(m->clients[0].bsn, "123456782");
	assert_string_equal(m->clients[0].family_name, "Jansen & Co");
	assert_string_equal(m->clients[0].prefix, "de");
	assert_int_equal(m->clients[0].sex, '2');
	assert_int_equal(m->line_count, 2);
	assert_true(m->lines[0].has_toewijzing_nummer);
	assert_int_equal(m->lines[0].toewijzing_nummer, 4711);
	assert_true(m->lines[0].has_product);
	assert_string_equal(m->lines[0].product.code, "45A01");
	assert_int_equal(m->lines[0].begin, jr_date_from_ymd(2026, 10, 5));
	assert_int_equal(m->lines[0].status, '1');
	assert_false(m->lines[1].has_product);
	assert_true(m->lines[1].line > m->lines[0].line);
	/* valid by the rules within the message, on the day it is dated and after */
	assert_int_equal(jr_ijw_check_rules(m, jr_date_from_ymd(2026, 11, 2), &fx->f), JR_OK);
	assert_int_equal(fx->f.count, 0);
}

/* IV028: nothing found — the header only, without return codes. */
static void test_answer_accepted(void **state)
{
	struct fixture *fx = *state;
	const char *x;
	jr_ijw_findings_release(&fx->f);
	jr_buf_reset(&fx->out);
	assert_int_equal(jr_ijw_retour_write(&fx->msg, &fx->f, "R1", jr_date_from_ymd(2026, 11, 3),
					     &fx->out),
			 JR_OK);
	x = jr_buf_str(&fx->out);
	assert_non_null(strstr(x, "<jw306:BerichtCode>439</jw306:BerichtCode>"));
	assert_non_null(strstr(x, "<jw306:IdentificatieRetour>R1</jw306:IdentificatieRetour>"));
	assert_non_null(strstr(x, "<jw306:DagtekeningRetour>2026-11-03</jw306:DagtekeningRetour>"));
	/* the header of the message answered: its sender and identification unchanged */
	assert_non_null(strstr(x, "<jw306:Afzender>87654321</jw306:Afzender>"));
	assert_non_null(strstr(x, "<ijw:Identificatie>START-0001</ijw:Identificatie>"));
	assert_null(strstr(x, "RetourCode"));
	assert_null(strstr(x, "Client"));
}

/* IV028 level 2: an in-message rule broken — the header only, with 0001. */
static void test_answer_technical(void **state)
{
	struct fixture *fx = *state;
	const char *x;
	jr_ijw_findings_release(&fx->f);
	jr_buf_reset(&fx->out);
	assert_int_equal(jr_ijw_finding_add(&fx->f, "CS058", "0001", JR_IJW_AT_LINE, 1, 0, "x"),
			 JR_OK);
	assert_true(jr_ijw_findings_technical(&fx->f));
	assert_int_equal(jr_ijw_retour_write(&fx->msg, &fx->f, "R2", jr_date_from_ymd(2026, 11, 3),
					     &fx->out),
			 JR_OK);
	x = jr_buf_str(&fx->out);
	assert_int_equal(count(x, "<jw306:RetourCode>"), 1);
	assert_non_null(strstr(x, "<jw306:RetourCode>0001</jw306:RetourCode>"));
	assert_null(strstr(x, "Client"));
}

/* IV028 levels 3 and 4: a finding on the second line — the client returned whole, its class
 * and the first line with 0200, the second with the rule's code; the text escaped again. */
static void test_answer_line(void **state)
{
	struct fixture *fx = *state;
	const char *x, *second;
	jr_ijw_findings_release(&fx->f);
	jr_buf_reset(&fx->out);
	assert_int_equal(jr_ijw_finding_add(&fx->f, "TR019", "9019", JR_IJW_AT_LINE, 1, 0, "x"),
			 JR_OK);
	assert_false(jr_ijw_findings_technical(&fx->f));
	assert_int_equal(jr_ijw_retour_write(&fx->msg, &fx->f, "R3", jr_date_from_ymd(2026, 11, 3),
					     &fx->out),
			 JR_OK);
	x = jr_buf_str(&fx->out);
	assert_non_null(strstr(x, "<jw306:Client>"));
	assert_non_null(strstr(x, "<ijw:Achternaam>Jansen &amp; Co</ijw:Achternaam>"));
	assert_int_equal(count(x, "<jw306:RetourCode>0200</jw306:RetourCode>"), 3); /* header,
										       client,
										       line 1 */
	second = strstr(x, "<jw306:ToewijzingNummer>4712");
	assert_non_null(second);
	assert_non_null(strstr(second, "<jw306:RetourCode>9019</jw306:RetourCode>"));
	assert_null(strstr(x, "jw305:"));
}

static void test_family_name_split(void **state)
{
	(void)state;
	char prefix[41], rest[101];
	jr_ijw_split_family_name("van der Berg", prefix, sizeof(prefix), rest, sizeof(rest));
	assert_string_equal(prefix, "van der");
	assert_string_equal(rest, "Berg");
	jr_ijw_split_family_name("op den Dinkelhues", prefix, sizeof(prefix), rest, sizeof(rest));
	assert_string_equal(prefix, "op den");
	assert_string_equal(rest, "Dinkelhues");
	jr_ijw_split_family_name("Yılmaz", prefix, sizeof(prefix), rest, sizeof(rest));
	assert_string_equal(prefix, "");
	assert_string_equal(rest, "Yılmaz");
	/* a name of lower-case words only keeps its last one as the name */
	jr_ijw_split_family_name("de", prefix, sizeof(prefix), rest, sizeof(rest));
	assert_string_equal(rest, "de");
}

static void test_allocation_needs_an_address(void **state)
{
	(void)state;
	struct jr_person child = {0};
	struct jr_ijw_assigned product = {.toewijzing_nummer = 7};
	struct jr_ijw_allocation_msg m = {.client = &child, .products = &product,
					  .product_count = 1};
	struct jr_buf out;
	const char *why = NULL;
	jr_buf_init(&out, 1 << 16);
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_ERR_INPUT);
	assert_non_null(strstr(why, "TR061"));
	assert_int_equal(out.len, 0);
	snprintf(child.address.street, sizeof(child.address.street), "Kerkstraat");
	m.product_count = 0;
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_ERR_INPUT);
	jr_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_answer_accepted),
		cmocka_unit_test(test_answer_technical),
		cmocka_unit_test(test_answer_line),
		cmocka_unit_test(test_family_name_split),
		cmocka_unit_test(test_allocation_needs_an_address),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
