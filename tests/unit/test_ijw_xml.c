/* Unit tests for ijw/ijw_xml: what the hardened parser refuses (DOCTYPE, entities, external
 * entities, entity-expansion bombs, oversized and deeply nested input, malformed XML), that its
 * errors are Dutch with a line and never reach stderr, and that parsers work side by side in
 * threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "ijw/ijw_xml.h"

static const char valid_message[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<m:Bericht xmlns:m=\"http://www.istandaarden.nl/ijw/3_2/jw319/schema\">\n"
	"  <m:Header><m:BerichtCode>488</m:BerichtCode></m:Header>\n"
	"</m:Bericht>\n";

/* Counts libxml2's attempts to load anything from outside: there must be none. */
static int external_loads;

static xmlParserInputPtr counting_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	external_loads++;
	return xmlNewStringInputStream(ctxt, (const xmlChar *)"<!ENTITY x 'loaded'>");
}

static enum jr_err parse(const char *text, struct jr_ijw_problem *problem)
{
	xmlDoc *doc = NULL;
	enum jr_err err = jr_ijw_parse_once(text, strlen(text), &doc, problem);

	if (err)
		assert_null(doc);
	else
		assert_non_null(doc);
	xmlFreeDoc(doc);
	return err;
}

static void test_valid_message_parses(void **state)
{
	struct jr_ijw_problem problem;
	xmlDoc *doc = NULL;

	(void)state;
	assert_int_equal(jr_ijw_parse_once(valid_message, strlen(valid_message), &doc, &problem),
			 JR_OK);
	assert_non_null(doc);
	assert_string_equal((const char *)xmlDocGetRootElement(doc)->name, "Bericht");
	assert_string_equal(problem.message, "");
	xmlFreeDoc(doc);
}

static void test_doctype_refused(void **state)
{
	struct jr_ijw_problem problem;

	(void)state;
	assert_int_equal(parse("<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht>\n<Bericht/>", &problem),
			 JR_ERR_INPUT);
	assert_string_equal(problem.rule, "XML");
	assert_non_null(strstr(problem.message, "DOCTYPE"));
	assert_int_equal(problem.line, 2);
}

static void test_entity_declaration_refused(void **state)
{
	struct jr_ijw_problem problem;

	(void)state;
	assert_int_equal(parse("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", &problem),
			 JR_ERR_INPUT);
	assert_non_null(strstr(problem.message, "DOCTYPE"));
	/* Without a DOCTYPE an entity cannot be declared, so a reference is an error too. */
	assert_int_equal(parse("<x>&a;</x>", &problem), JR_ERR_INPUT);
	assert_non_null(strstr(problem.message, "entiteit"));
}

static void test_external_entities_never_read(void **state)
{
	static const char *const attacks[] = {
		"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
		"<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>",
		"<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><x/>",
		"<!DOCTYPE x PUBLIC \"-//x//y\" \"http://127.0.0.1:1/x.dtd\"><x/>",
		("<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include "
		 "href=\"file:///etc/passwd\" parse=\"text\"/></x>"),
	};
	xmlExternalEntityLoader before = xmlGetExternalEntityLoader();
	struct jr_ijw_problem problem;
	xmlDoc *doc = NULL;

	(void)state;
	xmlSetExternalEntityLoader(counting_loader);
	external_loads = 0;
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(parse(attacks[i], &problem), JR_ERR_INPUT);
		assert_non_null(strstr(problem.message, "DOCTYPE"));
	}
	/* XInclude is never processed: the element stays an element, nothing is read. */
	assert_int_equal(jr_ijw_parse_once(attacks[4], strlen(attacks[4]), &doc, &problem), JR_OK);
	assert_null(strstr((const char *)xmlDocGetRootElement(doc)->children->name, "root"));
	xmlFreeDoc(doc);
	assert_int_equal(external_loads, 0);
	xmlSetExternalEntityLoader(before);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_billion_laughs_refused_fast(void **state)
{
	struct jr_buf b;
	struct jr_ijw_problem problem;
	struct timespec t0;

	(void)state;
	jr_buf_init(&b, 1 << 16);
	assert_int_equal(jr_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
					 " <!ENTITY lol0 \"lol\">\n"),
			 JR_OK);
	for (int i = 1; i < 10; i++) {
		assert_int_equal(jr_buf_printf(&b, " <!ENTITY lol%d \"", i), JR_OK);
		for (int k = 0; k < 10; k++)
			assert_int_equal(jr_buf_printf(&b, "&lol%d;", i - 1), JR_OK);
		assert_int_equal(jr_buf_puts(&b, "\">\n"), JR_OK);
	}
	assert_int_equal(jr_buf_puts(&b, "]>\n<lolz>&lol9;</lolz>\n"), JR_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_INPUT);
	assert_true(seconds_since(&t0) < 0.5);
	assert_non_null(strstr(problem.message, "DOCTYPE"));
	jr_buf_release(&b);
}

static void test_oversized_refused_before_parsing(void **state)
{
	size_t len = JR_IJW_MAX_SIZE + 1u;
	char *big = jr_malloc(len);
	struct jr_ijw_problem problem;
	xmlDoc *doc = (xmlDoc *)1;

	(void)state;
	assert_non_null(big);
	memset(big, '<', len); /* would be malformed at once if it were parsed */
	assert_int_equal(jr_ijw_parse_once(big, len, &doc, &problem), JR_ERR_TOO_BIG);
	assert_null(doc);
	assert_non_null(strstr(problem.message, "16 MiB"));
	jr_free(big);
}

static void test_malformed_dutch_with_line(void **state)
{
	struct jr_ijw_problem problem;

	(void)state;
	assert_int_equal(parse("<Bericht>\n<a>\n</Bericht>\n", &problem), JR_ERR_INPUT);
	assert_string_equal(problem.rule, "XML");
	assert_int_equal(problem.line, 3);
	assert_string_equal(problem.message, "geen geldige XML: eindtag past niet bij de begintag");
	assert_int_equal(parse("", &problem), JR_ERR_INPUT);
	assert_string_equal(problem.message, "het bericht is leeg");
	assert_int_equal(parse("<a>\n<b x='1' x='2'/></a>", &problem), JR_ERR_INPUT);
	assert_int_equal(problem.line, 2);
	assert_non_null(strstr(problem.message, "twee keer"));
	assert_int_equal(parse("<a/>\n<b/>", &problem), JR_ERR_INPUT);
	assert_int_equal(parse("<p:a/>", &problem), JR_ERR_INPUT);
	assert_non_null(strstr(problem.message, "namespace"));
	assert_int_equal(parse("<a>\xff</a>", &problem), JR_ERR_INPUT);
}

static void test_deep_nesting_refused(void **state)
{
	struct jr_buf b;
	struct jr_ijw_problem problem;

	(void)state;
	jr_buf_init(&b, 1 << 20);
	for (int i = 0; i < JR_IJW_MAX_DEPTH; i++)
		assert_int_equal(jr_buf_puts(&b, "<a>"), JR_OK);
	for (int i = 0; i < JR_IJW_MAX_DEPTH; i++)
		assert_int_equal(jr_buf_puts(&b, "</a>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_OK); /* exactly the limit */
	jr_buf_reset(&b);
	for (int i = 0; i < 100000; i++)
		assert_int_equal(jr_buf_puts(&b, "<a>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_TOO_BIG);
	assert_non_null(strstr(problem.message, "te diep genest"));
	assert_int_equal(problem.line, 1);
	jr_buf_release(&b);
}

/* Issue 11, finding 6: a message with tens of thousands of attributes on one element cost
 * libxml2 quadratic time (13 s for 95,000). The pre-scan refuses it before libxml2 reads it:
 * the message is the pre-scan's own, with the line where the limit was passed. */
static void test_many_attributes_refused_before_libxml2(void **state)
{
	struct jr_buf b = {0};
	struct jr_ijw_problem problem;

	(void)state;
	jr_buf_init(&b, 4u << 20);
	assert_int_equal(jr_buf_puts(&b, "<?xml version=\"1.0\"?>\n<Bericht\n"), JR_OK);
	for (int i = 0; i < 95000; i++)
		assert_int_equal(jr_buf_printf(&b, " a%d=\"%d\"", i, i), JR_OK);
	assert_int_equal(jr_buf_puts(&b, "/>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_TOO_BIG);
	assert_string_equal(problem.rule, "XML");
	assert_string_equal(problem.message, "een element met meer dan 32 attributen");
	assert_int_equal(problem.line, 3);
	/* namespace declarations count as attributes; exactly the limit is fine */
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_puts(&b, "<Bericht xmlns=\"urn:x\""), JR_OK);
	for (int i = 1; i < JR_IJW_MAX_ATTRIBUTES; i++)
		assert_int_equal(jr_buf_printf(&b, " xmlns:p%d='urn:p%d'", i, i), JR_OK);
	assert_int_equal(jr_buf_puts(&b, "><Header/></Bericht>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_OK);
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_puts(&b, "<a><b"), JR_OK);
	for (int i = 0; i <= JR_IJW_MAX_ATTRIBUTES; i++)
		assert_int_equal(jr_buf_printf(&b, " xmlns:p%d='urn:p%d'", i, i), JR_OK);
	assert_int_equal(jr_buf_puts(&b, "/></a>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_TOO_BIG);
	/* namespaces in scope are searched for every element: no more than 64 in a message */
	jr_buf_reset(&b);
	for (int d = 0; d < 3; d++) {
		assert_int_equal(jr_buf_puts(&b, "<a"), JR_OK);
		for (int i = 0; i < 30; i++)
			assert_int_equal(jr_buf_printf(&b, " xmlns:n%d_%d='urn:%d'", d, i, i), JR_OK);
		assert_int_equal(jr_buf_puts(&b, ">"), JR_OK);
	}
	assert_int_equal(jr_buf_puts(&b, "</a></a></a>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_TOO_BIG);
	assert_string_equal(problem.message, "meer dan 64 namespace-declaraties");
	jr_buf_release(&b);
}

/* The pre-scan is not misled by what looks like tags or attributes inside comments, CDATA,
 * processing instructions and attribute values: those messages are libxml2's to judge. */
static void test_prescan_reads_past_markup(void **state)
{
	struct jr_buf b, attrs;
	struct jr_ijw_problem problem;

	(void)state;
	jr_buf_init(&b, 4u << 20);
	jr_buf_init(&attrs, 1 << 20);
	for (int i = 0; i < 100; i++)
		assert_int_equal(jr_buf_printf(&attrs, " x%d='1'", i), JR_OK);
	assert_int_equal(jr_buf_printf(&b,
				       "<?xml version='1.0'?><?pi <a %s> ?><a t=\"> b %s/>\">"
				       "<!-- <c %s> --><![CDATA[<d %s>]]><e f=\"/>\"/></a>",
				       jr_buf_str(&attrs), jr_buf_str(&attrs), jr_buf_str(&attrs),
				       jr_buf_str(&attrs)),
			 JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_OK);
	/* comments and processing instructions: at most 1 MiB of them in a message */
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_puts(&b, "<a>"), JR_OK);
	for (int i = 0; i < 50000; i++)
		assert_int_equal(jr_buf_puts(&b, "<!-- een opmerking --><?pi x?>"), JR_OK);
	assert_int_equal(jr_buf_puts(&b, "</a>"), JR_OK);
	assert_int_equal(parse(jr_buf_str(&b), &problem), JR_ERR_TOO_BIG);
	assert_string_equal(problem.message,
			    "meer dan 1024 KiB aan commentaar en verwerkingsinstructies");
	/* malformed where the pre-scan stops: libxml2 says what is wrong */
	assert_int_equal(parse("<a b=1 c='2'/>", &problem), JR_ERR_INPUT);
	assert_int_equal(parse("<a b='1", &problem), JR_ERR_INPUT);
	assert_int_equal(parse("<a><!-- open", &problem), JR_ERR_INPUT);
	jr_buf_release(&b);
	jr_buf_release(&attrs);
}

/* A message cut off right after an attribute name that could be a namespace declaration: the
 * pre-scan must not look at the byte after the end (found by fuzz_ijw; the copy is exactly as
 * long as the message, so that ASan sees a read past it). */
static void test_prescan_stops_at_the_end(void **state)
{
	static const char *const cut[] = {"<a xmlns", "<a b='1' xmlns", "<jw305:Bericht xmlns"};
	struct jr_ijw_problem problem;
	xmlDoc *doc = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		size_t len = strlen(cut[i]);
		char *exact = malloc(len);

		assert_non_null(exact);
		memcpy(exact, cut[i], len); /* no NUL after it */
		assert_int_equal(jr_ijw_parse_once(exact, len, &doc, &problem), JR_ERR_INPUT);
		assert_null(doc);
		free(exact);
	}
}

/* A text longer than JR_IJW_MAX_TEXT is refused, however libxml2 hands it over. */
static void test_huge_text_refused(void **state)
{
	size_t n = JR_IJW_MAX_TEXT + 1;
	char *big = jr_malloc(n + 16);
	struct jr_ijw_problem problem;
	xmlDoc *doc;

	(void)state;
	assert_non_null(big);
	memcpy(big, "<a>", 3);
	memset(big + 3, 'x', n);
	memcpy(big + 3 + n, "</a>", 5);
	assert_int_equal(jr_ijw_parse_once(big, strlen(big), &doc, &problem), JR_ERR_TOO_BIG);
	assert_non_null(strstr(problem.message, "tekst van meer dan"));
	/* Exactly the limit, split by a comment into two nodes of half: fine. */
	big[3 + n - 1] = '\0';
	memcpy(big + 3 + n / 2, "<!---->", 7);
	memcpy(big + 3 + n - 1, "</a>", 5);
	assert_int_equal(jr_ijw_parse_once(big, strlen(big), &doc, &problem), JR_OK);
	xmlFreeDoc(doc);
	jr_free(big);
}

/* libxml2 prints nothing, not even for errors it raises without a context. */
static void test_nothing_on_stderr(void **state)
{
	char path[] = "/tmp/jr-ijw-stderr-XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	struct jr_ijw_problem problem;
	char buf[16];

	(void)state;
	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	assert_int_equal(dup2(fd, 2), 2);
	parse("<a>\n<b></a>", &problem);
	parse("<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>", &problem);
	parse("<?xml version='1.1'?><a xmlns:p='rel/ative'><p:b/></a>", &problem);
	parse("<a>&undefined;</a>", &problem);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_int_equal(pread(fd, buf, sizeof(buf), 0), 0);
	close(fd);
	unlink(path);
}

/* One parser serves many messages, good and bad alternating; its hooks stay in place. */
static void test_parser_reused(void **state)
{
	struct jr_ijw_parser *p;
	struct jr_ijw_problem problem;
	xmlDoc *doc;

	(void)state;
	assert_int_equal(jr_ijw_parser_new(&p), JR_OK);
	for (int i = 0; i < 50; i++) {
		assert_int_equal(jr_ijw_parse(p, valid_message, strlen(valid_message), &doc,
					      &problem),
				 JR_OK);
		xmlFreeDoc(doc);
		assert_int_equal(jr_ijw_parse(p, "<!DOCTYPE a><a/>", 16, &doc, &problem),
				 JR_ERR_INPUT);
		assert_null(doc);
		assert_non_null(strstr(problem.message, "DOCTYPE"));
	}
	jr_ijw_parser_free(p);
	jr_ijw_parser_free(NULL);
}

/* Thousands of distinct names do not make a reused parser grow without bound. */
static void test_parser_dictionary_renewed(void **state)
{
	struct jr_ijw_parser *p;
	struct jr_ijw_problem problem;
	xmlDoc *doc;
	char text[64];

	(void)state;
	assert_int_equal(jr_ijw_parser_new(&p), JR_OK);
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(text, sizeof(text), "<name%d attr%d='1'/>", i, i);
		assert_int_equal(jr_ijw_parse(p, text, (size_t)n, &doc, &problem), JR_OK);
		xmlFreeDoc(doc);
	}
	jr_ijw_parser_free(p);
}

static void *parse_many(void *arg)
{
	struct jr_ijw_parser *p;
	struct jr_ijw_problem problem;
	xmlDoc *doc;
	long bad = 0;

	(void)arg;
	if (jr_ijw_parser_new(&p))
		return (void *)1;
	for (int i = 0; i < 300; i++) {
		if (jr_ijw_parse(p, valid_message, strlen(valid_message), &doc, &problem))
			bad++;
		xmlFreeDoc(doc);
		if (jr_ijw_parse(p, "<a>\n</b>", 8, &doc, &problem) != JR_ERR_INPUT ||
		    problem.line != 2)
			bad++;
	}
	jr_ijw_parser_free(p);
	return (void *)bad;
}

static void test_threads(void **state)
{
	pthread_t threads[4];

	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, parse_many, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *bad;
		assert_int_equal(pthread_join(threads[i], &bad), 0);
		assert_null(bad);
	}
}

/* Running out of memory anywhere gives JR_ERR_NOMEM (or success), never a crash or leak. */
static void test_out_of_memory(void **state)
{
	struct jr_ijw_problem problem;
	xmlDoc *doc;

	(void)state;
	for (long n = 0; n < 400; n++) {
		enum jr_err err;
		jr_alloc_fail_after(n);
		err = jr_ijw_parse_once(valid_message, strlen(valid_message), &doc, &problem);
		jr_alloc_fail_after(-1);
		assert_true(err == JR_OK || err == JR_ERR_NOMEM);
		if (err == JR_OK) {
			assert_non_null(doc);
			xmlFreeDoc(doc);
		} else {
			assert_null(doc);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_message_parses),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_entity_declaration_refused),
		cmocka_unit_test(test_external_entities_never_read),
		cmocka_unit_test(test_billion_laughs_refused_fast),
		cmocka_unit_test(test_oversized_refused_before_parsing),
		cmocka_unit_test(test_malformed_dutch_with_line),
		cmocka_unit_test(test_deep_nesting_refused),
		cmocka_unit_test(test_huge_text_refused),
		cmocka_unit_test(test_many_attributes_refused_before_libxml2),
		cmocka_unit_test(test_prescan_reads_past_markup),
		cmocka_unit_test(test_prescan_stops_at_the_end),
		cmocka_unit_test(test_nothing_on_stderr),
		cmocka_unit_test(test_parser_reused),
		cmocka_unit_test(test_parser_dictionary_renewed),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
