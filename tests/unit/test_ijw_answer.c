/* Unit tests for ijw/ijw_message, ijw_retour and ijw_allocation: a start-of-care message read into
 * values, and its answer at each level of checking (IV028): nothing found, an in-message rule
 * broken, a finding on the header, a finding on one line; the claim answer's totals; the
 * allocation message's name split and its refusal without an address. jeugdroute's own JW301
 * and JW319 read as their receiver reads them, and answered with a JW302 and a JW320 class by
 * class. The answers are checked by shape here, the JW302 and JW320 also by the structural
 * check; tests/ijw/round.sh and rules.sh check them with xmllint against the official schemas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/tree.h>

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

/* An allocation message: one client with a relation (a parent, by phone) and the BRP address,
 * and two allocations (written for these tests). */
static const char jw301[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"\n"
	"    xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">\n"
	"  <jw301:Header>\n"
	"    <jw301:BerichtCode>436</jw301:BerichtCode>\n"
	"    <jw301:BerichtVersie>3</jw301:BerichtVersie>\n"
	"    <jw301:BerichtSubversie>2</jw301:BerichtSubversie>\n"
	"    <jw301:Afzender>0153</jw301:Afzender>\n"
	"    <jw301:Ontvanger>87654321</jw301:Ontvanger>\n"
	"    <jw301:BerichtIdentificatie>\n"
	"      <ijw:Identificatie>TW-0001</ijw:Identificatie>\n"
	"      <ijw:Dagtekening>2026-11-02</ijw:Dagtekening>\n"
	"    </jw301:BerichtIdentificatie>\n"
	"    <jw301:XsdVersie>\n"
	"      <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>\n"
	"      <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>\n"
	"    </jw301:XsdVersie>\n"
	"  </jw301:Header>\n"
	"  <jw301:Client>\n"
	"    <jw301:Bsn>123456782</jw301:Bsn>\n"
	"    <jw301:Geboortedatum><ijw:Datum>2014-03-09</ijw:Datum></jw301:Geboortedatum>\n"
	"    <jw301:Geslacht>2</jw301:Geslacht>\n"
	"    <jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam>"
	"</ijw:Geslachtsnaam><ijw:NaamGebruik>1</ijw:NaamGebruik></jw301:Naam>\n"
	"    <jw301:Communicatie><ijw:Vorm>1</ijw:Vorm><ijw:Taal>Pools</ijw:Taal>"
	"</jw301:Communicatie>\n"
	"    <jw301:Relaties><jw301:Relatie>\n"
	"      <jw301:Nummer>R1</jw301:Nummer><jw301:Soort>10</jw301:Soort>\n"
	"      <jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam>"
	"</ijw:Geslachtsnaam><ijw:NaamGebruik>1</ijw:NaamGebruik></jw301:Naam>\n"
	"      <jw301:Contact><jw301:Soort>02</jw301:Soort><jw301:Telefoon><ijw:Telefoon01>"
	"<ijw:Telefoonnummer>0612345678</ijw:Telefoonnummer><ijw:Landnummer>0031</ijw:Landnummer>"
	"</ijw:Telefoon01></jw301:Telefoon></jw301:Contact>\n"
	"    </jw301:Relatie></jw301:Relaties>\n"
	"    <jw301:Contactgegevens><jw301:Contact><jw301:Soort>01</jw301:Soort><jw301:Adres>"
	"<ijw:Huis><ijw:Huisnummer>3</ijw:Huisnummer></ijw:Huis><ijw:Postcode>7511AB</ijw:Postcode>"
	"<ijw:LandCode>NL</ijw:LandCode></jw301:Adres></jw301:Contact></jw301:Contactgegevens>\n"
	"    <jw301:ToegewezenProducten>\n"
	"      <jw301:ToegewezenProduct>\n"
	"        <jw301:ToewijzingNummer>4711</jw301:ToewijzingNummer>\n"
	"        <jw301:ReferentieAanbieder>REF-9</jw301:ReferentieAanbieder>\n"
	"        <jw301:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A01</ijw:Code>"
	"</jw301:Product>\n"
	"        <jw301:Toewijzingsdatum>2026-10-01</jw301:Toewijzingsdatum>\n"
	"        <jw301:Toewijzingstijd>09:30:00</jw301:Toewijzingstijd>\n"
	"        <jw301:Ingangsdatum>2026-10-01</jw301:Ingangsdatum>\n"
	"        <jw301:Einddatum>2027-03-31</jw301:Einddatum>\n"
	"        <jw301:RedenWijziging>04</jw301:RedenWijziging>\n"
	"        <jw301:Omvang><ijw:Volume>2</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid>"
	"<ijw:Frequentie>2</ijw:Frequentie></jw301:Omvang>\n"
	"      </jw301:ToegewezenProduct>\n"
	"      <jw301:ToegewezenProduct>\n"
	"        <jw301:ToewijzingNummer>4712</jw301:ToewijzingNummer>\n"
	"        <jw301:Product><ijw:Categorie>43</ijw:Categorie></jw301:Product>\n"
	"        <jw301:Toewijzingsdatum>2026-10-01</jw301:Toewijzingsdatum>\n"
	"        <jw301:Toewijzingstijd>09:31:00</jw301:Toewijzingstijd>\n"
	"        <jw301:Ingangsdatum>2026-10-01</jw301:Ingangsdatum>\n"
	"        <jw301:Einddatum>2027-03-31</jw301:Einddatum>\n"
	"        <jw301:Budget>150000</jw301:Budget>\n"
	"      </jw301:ToegewezenProduct>\n"
	"    </jw301:ToegewezenProducten>\n"
	"  </jw301:Client>\n"
	"</jw301:Bericht>\n";

/* An answer to a request: refused, the residence principle (written for these tests). */
static const char jw319[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<jw319:Bericht xmlns:jw319=\"http://www.istandaarden.nl/ijw/3_2/jw319/schema\"\n"
	"    xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">\n"
	"  <jw319:Header>\n"
	"    <jw319:BerichtCode>488</jw319:BerichtCode>\n"
	"    <jw319:BerichtVersie>3</jw319:BerichtVersie>\n"
	"    <jw319:BerichtSubversie>2</jw319:BerichtSubversie>\n"
	"    <jw319:Afzender>0153</jw319:Afzender>\n"
	"    <jw319:Ontvanger>87654321</jw319:Ontvanger>\n"
	"    <jw319:BerichtIdentificatie><ijw:Identificatie>AW-0001</ijw:Identificatie>"
	"<ijw:Dagtekening>2026-11-02</ijw:Dagtekening></jw319:BerichtIdentificatie>\n"
	"    <jw319:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>"
	"<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw319:XsdVersie>\n"
	"  </jw319:Header>\n"
	"  <jw319:Antwoord>\n"
	"    <jw319:ReferentieAanbieder>REF-9</jw319:ReferentieAanbieder>\n"
	"    <jw319:VerzoekAntwoord>1</jw319:VerzoekAntwoord>\n"
	"    <jw319:RedenAfwijzingVerzoek>8</jw319:RedenAfwijzingVerzoek>\n"
	"    <jw319:Woonplaatsbeginsel><jw319:Gemeente>0141</jw319:Gemeente>"
	"</jw319:Woonplaatsbeginsel>\n"
	"  </jw319:Antwoord>\n"
	"</jw319:Bericht>\n";

/* Parses, checks and reads `xml` of kind `want`; 0 on success. */
static int read_own(const char *xml, size_t len, enum jr_ijw_message want, xmlDoc **doc,
		    struct jr_ijw_msg *m)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;

	if (jr_ijw_parse_once(xml, len, doc, &problem) ||
	    jr_ijw_check_structure(*doc, &kind, &problem) || kind != want)
		return -1;
	return jr_ijw_read(*doc, kind, m) ? -1 : 0;
}

/* Whether `xml` passes the structural check as a message of kind `want`. */
static bool valid_as(const struct jr_buf *xml, enum jr_ijw_message want)
{
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind = JR_IJW_UNKNOWN;
	xmlDoc *doc = NULL;
	bool ok = jr_ijw_parse_once(xml->data, xml->len, &doc, &problem) == JR_OK &&
		  jr_ijw_check_structure(doc, &kind, &problem) == JR_OK && kind == want;

	if (!ok)
		print_message("%s: %s %s\n", problem.path, problem.message, jr_buf_str(xml));
	xmlFreeDoc(doc);
	return ok;
}

/* JW301 read as its receiver reads it: the client, its relation and both contacts, and the
 * allocations; by the rules within the message it is valid. */
static void test_read_allocation(void **state)
{
	(void)state;
	xmlDoc *doc = NULL;
	struct jr_ijw_msg m = {0};
	struct jr_ijw_findings f = {0};

	assert_int_equal(read_own(jw301, sizeof(jw301) - 1, JR_IJW_JW301, &doc, &m), 0);
	assert_string_equal(m.header.afzender, "0153");
	assert_int_equal(m.client_count, 1);
	assert_string_equal(m.clients[0].naam_gebruik, "1");
	assert_string_equal(m.clients[0].communicatie_vorm, "1");
	assert_true(m.clients[0].has_taal);
	assert_int_equal(m.relation_count, 1);
	assert_string_equal(m.relations[0].nummer, "R1");
	assert_string_equal(m.relations[0].soort, "10");
	assert_int_equal(m.contact_count, 2);
	assert_int_equal(m.contacts[0].relation, 0); /* the relation's, read with it */
	assert_true(m.contacts[0].has_telefoon);
	assert_int_equal(m.contacts[1].relation, JR_IJW_NO_RELATION);
	assert_string_equal(m.contacts[1].soort, "01");
	assert_string_equal(m.contacts[1].postcode, "7511AB");
	assert_string_equal(m.contacts[1].landcode, "NL");
	assert_true(m.contacts[1].has_huis);
	assert_int_equal(m.line_count, 2);
	assert_int_equal(m.lines[0].toewijzing_nummer, 4711);
	assert_string_equal(m.lines[0].referentie, "REF-9");
	assert_int_equal(m.lines[0].toewijzingsdatum, jr_date_from_ymd(2026, 10, 1));
	assert_int_equal(m.lines[0].begin, jr_date_from_ymd(2026, 10, 1));
	assert_int_equal(m.lines[0].end, jr_date_from_ymd(2027, 3, 31));
	assert_string_equal(m.lines[0].reden_wijziging, "04");
	assert_true(m.lines[0].has_omvang);
	assert_string_equal(m.lines[0].omvang.frequentie, "2");
	assert_false(m.lines[1].has_omvang);
	assert_true(m.lines[1].has_budget);
	assert_int_equal(m.lines[1].budget, 150000);
	assert_string_equal(m.lines[1].product.code, "");
	assert_int_equal(jr_ijw_check_rules(&m, jr_date_from_ymd(2026, 11, 2), &f), JR_OK);
	assert_int_equal(f.count, 0);
	jr_ijw_findings_release(&f);
	jr_ijw_msg_release(&m);
	xmlFreeDoc(doc);
}

/* JW302: a broken in-message rule gives the header with 0001; a finding on the client's address
 * returns the client whole, every class of it (client, relation, both contacts, both
 * allocations) with its RetourCodes — and both answers pass the JW302 schema. */
static void test_answer_allocation(void **state)
{
	(void)state;
	xmlDoc *doc = NULL;
	struct jr_ijw_msg m = {0};
	struct jr_ijw_findings f = {0};
	struct jr_buf out;
	const char *x, *address;

	jr_buf_init(&out, 1 << 20);
	assert_int_equal(read_own(jw301, sizeof(jw301) - 1, JR_IJW_JW301, &doc, &m), 0);
	assert_int_equal(jr_ijw_retour_kind(JR_IJW_JW301), JR_IJW_JW302);
	assert_int_equal(jr_ijw_finding_add(&f, "CS089", "0001", JR_IJW_AT_CONTACT, 1, 0, "x"),
			 JR_OK);
	assert_int_equal(jr_ijw_retour_write(&m, &f, "R4", jr_date_from_ymd(2026, 11, 3), &out),
			 JR_OK);
	x = jr_buf_str(&out);
	assert_non_null(strstr(x, "<jw302:BerichtCode>437</jw302:BerichtCode>"));
	assert_non_null(strstr(x, "<jw302:Afzender>0153</jw302:Afzender>"));
	assert_non_null(strstr(x, "<ijw:Identificatie>TW-0001</ijw:Identificatie>"));
	assert_int_equal(count(x, "<jw302:RetourCode>"), 1);
	assert_non_null(strstr(x, "<jw302:RetourCode>0001</jw302:RetourCode>"));
	assert_null(strstr(x, "Client"));
	assert_true(valid_as(&out, JR_IJW_JW302));

	jr_ijw_findings_release(&f);
	jr_buf_reset(&out);
	assert_int_equal(jr_ijw_finding_add(&f, "TEST", "9019", JR_IJW_AT_CONTACT, 1, 0, "x"),
			 JR_OK);
	assert_int_equal(jr_ijw_retour_write(&m, &f, "R5", jr_date_from_ymd(2026, 11, 3), &out),
			 JR_OK);
	x = jr_buf_str(&out);
	assert_non_null(strstr(x, "<jw302:Client>"));
	/* 0200: header, client, relation, the relation's contact, two allocations */
	assert_int_equal(count(x, "<jw302:RetourCode>0200</jw302:RetourCode>"), 6);
	address = strstr(x, "<jw302:Contactgegevens>");
	assert_non_null(address);
	assert_non_null(strstr(address, "<jw302:RetourCode>9019</jw302:RetourCode>"));
	assert_true(strstr(address, "9019") < strstr(address, "<jw302:ToegewezenProducten>"));
	assert_null(strstr(x, "jw301:"));
	assert_true(valid_as(&out, JR_IJW_JW302));

	jr_ijw_findings_release(&f);
	jr_buf_release(&out);
	jr_ijw_msg_release(&m);
	xmlFreeDoc(doc);
}

/* JW319 read as its receiver reads it, and answered with a JW320: the Antwoord and its
 * Woonplaatsbeginsel returned with their codes when it has a finding; valid by the schema. */
static void test_answer_reply(void **state)
{
	(void)state;
	xmlDoc *doc = NULL;
	struct jr_ijw_msg m = {0};
	struct jr_ijw_findings f = {0};
	struct jr_buf out;
	const char *x;

	jr_buf_init(&out, 1 << 20);
	assert_int_equal(read_own(jw319, sizeof(jw319) - 1, JR_IJW_JW319, &doc, &m), 0);
	assert_int_equal(m.client_count, 0);
	assert_string_equal(m.reply.referentie, "REF-9");
	assert_string_equal(m.reply.antwoord, "1");
	assert_string_equal(m.reply.reden, "8");
	assert_true(m.reply.has_woonplaats);
	assert_string_equal(m.reply.gemeente, "0141");
	assert_int_equal(jr_ijw_check_rules(&m, jr_date_from_ymd(2026, 11, 2), &f), JR_OK);
	assert_int_equal(f.count, 0);
	assert_int_equal(jr_ijw_retour_write(&m, &f, "R6", jr_date_from_ymd(2026, 11, 3), &out),
			 JR_OK);
	x = jr_buf_str(&out);
	assert_non_null(strstr(x, "<jw320:BerichtCode>489</jw320:BerichtCode>"));
	assert_null(strstr(x, "RetourCode"));
	assert_true(valid_as(&out, JR_IJW_JW320));

	jr_buf_reset(&out);
	assert_int_equal(jr_ijw_finding_add(&f, "TEST", "9355", JR_IJW_AT_CLASS, 0, 0, "x"), JR_OK);
	assert_int_equal(jr_ijw_retour_write(&m, &f, "R7", jr_date_from_ymd(2026, 11, 3), &out),
			 JR_OK);
	x = jr_buf_str(&out);
	assert_non_null(strstr(x, "<jw320:Antwoord>"));
	assert_non_null(strstr(x, "<jw320:RetourCode>9355</jw320:RetourCode>"));
	/* header and Woonplaatsbeginsel */
	assert_int_equal(count(x, "<jw320:RetourCode>0200</jw320:RetourCode>"), 2);
	assert_true(valid_as(&out, JR_IJW_JW320));

	jr_ijw_findings_release(&f);
	jr_buf_release(&out);
	jr_ijw_msg_release(&m);
	xmlFreeDoc(doc);
}

/* The JW301 jeugdroute writes passes every rule its receiver checks (a round trip through the
 * structural check, the reader and the rules); what the records allow but a receiver would
 * refuse (TR302, CS338, TR134) is not written, naming the rule. */
static void test_allocation_self_check(void **state)
{
	(void)state;
	struct jr_person child = {.bsn = "123456782", .given_names = "Sem Jan",
				  .family_name = "van der Berg", .sex = '1'};
	struct jr_ijw_assigned products[2] = {
		{.toewijzing_nummer = 7, .has_product = true,
		 .product = {.categorie = "45", .code = "45A01"}, .toewijzingstijd = "10:00:00",
		 .has_end = true, .has_omvang = true,
		 .omvang = {.volume = 2, .eenheid = "04", .frequentie = "2"}},
		{.toewijzing_nummer = 8, .has_product = true, .product = {.categorie = "45"},
		 .toewijzingstijd = "10:01:00"},
	};
	struct jr_ijw_allocation_msg m = {.gemeente = "0141", .aanbieder = "12345678",
					  .identificatie = "JR1", .client = &child,
					  .products = products, .product_count = 2};
	struct jr_ijw_msg msg = {0};
	struct jr_ijw_findings f = {0};
	struct jr_buf out;
	xmlDoc *doc = NULL;
	const char *why = NULL;

	child.birth_date = jr_date_from_ymd(2014, 5, 6);
	child.address = (struct jr_address){.street = "Kerkstraat", .house_number = 3,
					    .postcode = "7607AB", .place = "Almelo"};
	m.dagtekening = jr_date_from_ymd(2026, 11, 2);
	products[0].toewijzingsdatum = products[1].toewijzingsdatum = jr_date_from_ymd(2026, 10, 1);
	products[0].ingangsdatum = jr_date_from_ymd(2026, 10, 1);
	products[0].einddatum = jr_date_from_ymd(2027, 3, 31);
	/* the category alone, after the product with its code ends: no overlap */
	products[1].ingangsdatum = jr_date_from_ymd(2027, 4, 1);
	jr_buf_init(&out, 1 << 20);
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_OK);
	assert_null(why);
	assert_int_equal(read_own(out.data, out.len, JR_IJW_JW301, &doc, &msg), 0);
	assert_int_equal(jr_ijw_check_rules(&msg, m.dagtekening, &f), JR_OK);
	assert_int_equal(f.count, 0);
	jr_ijw_findings_release(&f);
	jr_ijw_msg_release(&msg);
	xmlFreeDoc(doc);

	/* TR302: the category alone overlaps the product of that category */
	jr_buf_reset(&out);
	products[1].ingangsdatum = jr_date_from_ymd(2027, 3, 1);
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_ERR_INPUT);
	assert_non_null(strstr(why, "TR302"));
	assert_int_equal(out.len, 0);
	products[1].ingangsdatum = jr_date_from_ymd(2027, 4, 1);
	/* CS338: whole days per day */
	snprintf(products[0].omvang.eenheid, sizeof(products[0].omvang.eenheid), "14");
	snprintf(products[0].omvang.frequentie, sizeof(products[0].omvang.frequentie), "1");
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_ERR_INPUT);
	assert_non_null(strstr(why, "CS338"));
	snprintf(products[0].omvang.frequentie, sizeof(products[0].omvang.frequentie), "2");
	/* TR134: recorded after the message's date */
	m.dagtekening = jr_date_from_ymd(2026, 9, 30);
	assert_int_equal(jr_ijw_allocation_write(&m, &out, &why), JR_ERR_INPUT);
	assert_non_null(strstr(why, "TR134"));
	assert_int_equal(out.len, 0);
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
		cmocka_unit_test(test_read_allocation),
		cmocka_unit_test(test_answer_allocation),
		cmocka_unit_test(test_answer_reply),
		cmocka_unit_test(test_allocation_self_check),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
