/* ijw_xml: hardened libxml2 parsing of one iJw message (see ijw_xml.h).
 *
 * The parser context's SAX handler is libxml2's own tree builder with four hooks: a DOCTYPE or an
 * entity declaration stops the parse at once, every start tag is counted against the depth and
 * element limits, and the context's structured error handler records the first error instead of
 * printing it. Nothing here is global except libxml2's one-time initialisation. */
#include "ijw/ijw_xml.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "core/alloc.h"

/* No network, no entities, no DTD, no XInclude (none of XML_PARSE_NOENT, DTDLOAD, DTDATTR,
 * DTDVALID, XINCLUDE); BIG_LINES keeps line numbers past 65535; COMPACT stores short texts in
 * their node. Blank text nodes are kept: whether text is blank is the schema check's business. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

/* A reused context interns every element and attribute name it meets in its dictionary; after
 * this many distinct names (a stream of odd messages) the context is replaced, so a long-lived
 * parser cannot grow without bound. */
#define DICT_MAX 8192

struct jr_ijw_parser {
	xmlParserCtxtPtr ctxt;
	startElementNsSAX2Func build_element; /* libxml2's tree builder for a start tag */
	charactersSAXFunc build_text;         /* and for text */
	/* State of the parse under way. */
	struct jr_ijw_problem *problem;
	enum jr_err err;  /* the first error; JR_OK while none */
	unsigned long elements;
	const xmlNode *text_node; /* the text node the last text went into, and its length */
	size_t text_len;
};

static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

static char *xml_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = jr_malloc(n);

	if (copy)
		memcpy(copy, s, n);
	return copy;
}

/* libxml2 allocates through the project's wrappers (so tests can make its allocations fail) and
 * is initialised once for all threads, as its documentation asks of threaded programs. */
static void init_libxml(void)
{
	xmlMemSetup(jr_free, jr_malloc, jr_realloc, xml_strdup);
	xmlInitParser();
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void jr_ijw_problem_clear(struct jr_ijw_problem *problem)
{
	memset(problem, 0, sizeof(*problem));
}

static struct jr_ijw_parser *parser_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

/* Records the first error of a parse, stops the parser and says where. */
static void refuse(struct jr_ijw_parser *p, enum jr_err err, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void refuse(struct jr_ijw_parser *p, enum jr_err err, int line, const char *fmt, ...)
{
	va_list ap;

	if (p->err)
		return;
	p->err = err;
	p->problem->line = line;
	snprintf(p->problem->rule, sizeof(p->problem->rule), "XML");
	va_start(ap, fmt);
	vsnprintf(p->problem->message, sizeof(p->problem->message), fmt, ap);
	va_end(ap);
	xmlStopParser(p->ctxt);
}

static int current_line(struct jr_ijw_parser *p)
{
	return p->ctxt->input ? p->ctxt->input->line : 0;
}

/* The Dutch words for libxml2's well-formedness errors that people meet; the rest are named by
 * number. */
static const char *dutch_error(int code)
{
	switch (code) {
	case XML_ERR_DOCUMENT_EMPTY: return "het bericht is leeg";
	case XML_ERR_DOCUMENT_END: return "tekst na het einde van het bericht";
	case XML_ERR_DOCUMENT_START: return "het bericht begint niet met XML";
	case XML_ERR_TAG_NAME_MISMATCH: return "eindtag past niet bij de begintag";
	case XML_ERR_TAG_NOT_FINISHED: return "een element is niet afgesloten";
	case XML_ERR_LTSLASH_REQUIRED: return "eindtag ontbreekt";
	case XML_ERR_GT_REQUIRED: return "'>' ontbreekt";
	case XML_ERR_NAME_REQUIRED: return "naam van een element of attribuut ontbreekt";
	case XML_ERR_ATTRIBUTE_REDEFINED: return "een attribuut staat twee keer in één element";
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "attribuut zonder geldige waarde tussen aanhalingstekens";
	case XML_ERR_LT_IN_ATTRIBUTE: return "'<' in de waarde van een attribuut";
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY: return "onbekende entiteit (alleen &lt; &gt; &amp; &apos; &quot; en tekenverwijzingen zijn toegestaan)";
	case XML_ERR_ENTITYREF_SEMICOL_MISSING: return "';' ontbreekt na een entiteit";
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF: return "teken dat in XML niet is toegestaan";
	case XML_ERR_INVALID_ENCODING: return "ongeldige tekens voor de tekenset (verwacht UTF-8)";
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING: return "onbekende tekenset";
	case XML_ERR_RESERVED_XML_NAME: return "XML-declaratie staat niet aan het begin";
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_XMLDECL_NOT_STARTED: return "onvolledige XML-declaratie";
	case XML_ERR_VERSION_MISSING: return "versie ontbreekt in de XML-declaratie";
	case XML_ERR_COMMENT_NOT_FINISHED: return "commentaar is niet afgesloten";
	case XML_ERR_CDATA_NOT_FINISHED: return "CDATA-sectie is niet afgesloten";
	case XML_ERR_PI_NOT_FINISHED: return "verwerkingsinstructie is niet afgesloten";
	case XML_ERR_MISPLACED_CDATA_END: return "']]>' in tekst";
	case XML_ERR_HYPHEN_IN_COMMENT: return "'--' in commentaar";
	case XML_ERR_EXTRA_CONTENT: return "tekst of elementen na het einde van het bericht";
	case XML_NS_ERR_UNDEFINED_NAMESPACE: return "voorvoegsel zonder namespace-declaratie";
	case XML_NS_ERR_QNAME: return "ongeldige gekwalificeerde naam";
	case XML_NS_ERR_XML_NAMESPACE: return "ongeldige namespace-declaratie";
	case XML_NS_ERR_ATTRIBUTE_REDEFINED: return "een attribuut staat twee keer in één element";
	case XML_NS_ERR_EMPTY: return "lege namespace bij een voorvoegsel";
	case XML_ERR_NO_MEMORY: return "onvoldoende geheugen";
	default: return NULL;
	}
}

/* The structured error handler of the context: records the first error, never prints.
 * Warnings (an XML version other than 1.0, a relative namespace URI) do not refuse a message. */
static void on_error(void *ctx, xmlErrorPtr e)
{
	struct jr_ijw_parser *p = parser_of(ctx);
	const char *text;

	if (!p || p->err || e->level < XML_ERR_ERROR)
		return;
	text = dutch_error(e->code);
	if (text)
		refuse(p, e->code == XML_ERR_NO_MEMORY ? JR_ERR_NOMEM : JR_ERR_INPUT, e->line,
		       "geen geldige XML: %s", text);
	else
		refuse(p, JR_ERR_INPUT, e->line, "geen geldige XML (libxml2-fout %d)", e->code);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
		       const xmlChar *system_id)
{
	struct jr_ijw_parser *p = parser_of(ctx);

	(void)name;
	(void)external_id;
	(void)system_id;
	refuse(p, JR_ERR_INPUT, current_line(p),
	       "een DOCTYPE is in een iJw-bericht niet toegestaan");
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
			   const xmlChar *system_id, xmlChar *content)
{
	struct jr_ijw_parser *p = parser_of(ctx);

	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	refuse(p, JR_ERR_INPUT, current_line(p),
	       "een entiteitsdeclaratie is in een iJw-bericht niet toegestaan");
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	struct jr_ijw_parser *p = parser_of(ctx);

	if (p->err)
		return;
	/* nameNr counts the open ancestors: this element is one deeper. */
	if (p->ctxt->nameNr + 1 > JR_IJW_MAX_DEPTH) {
		refuse(p, JR_ERR_TOO_BIG, current_line(p),
		       "elementen te diep genest (meer dan %d niveaus)", JR_IJW_MAX_DEPTH);
		return;
	}
	if (++p->elements > JR_IJW_MAX_ELEMENTS) {
		refuse(p, JR_ERR_TOO_BIG, current_line(p), "meer dan %d elementen",
		       JR_IJW_MAX_ELEMENTS);
		return;
	}
	p->build_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
			 nb_defaulted, attributes);
}

/* Whitespace after a child element is dropped instead of becoming a text node: between the
 * elements of element-only content it means nothing, and in a value (no element inside) it
 * cannot occur, as an element in a value makes the message invalid whatever follows. Half the
 * nodes of a pretty-printed message are such whitespace; not allocating them makes parsing
 * faster. Whitespace before the first child stays, as the element may turn out to hold a value.
 * (libxml2's own XML_PARSE_NOBLANKS guesses, and can drop whitespace that is a value.) */
static void on_text(void *ctx, const xmlChar *text, int len)
{
	struct jr_ijw_parser *p = parser_of(ctx);
	xmlNode *node = p->ctxt->node;

	if (node && node->last && node->last->type == XML_ELEMENT_NODE) {
		int i = 0;
		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
				   text[i] == '\r'))
			i++;
		if (i == len)
			return;
	}
	if (p->err)
		return;
	p->build_text(ctx, text, len);
	/* libxml2 hands a long text over in pieces and joins them in one node. */
	if (node && node->last && node->last == p->text_node) {
		p->text_len += (size_t)len;
	} else {
		p->text_node = node ? node->last : NULL;
		p->text_len = (size_t)len;
	}
	if (p->text_len > JR_IJW_MAX_TEXT)
		refuse(p, JR_ERR_TOO_BIG, current_line(p), "tekst van meer dan %d tekens",
		       JR_IJW_MAX_TEXT);
}

/* The pre-scan: one pass over the bytes, before libxml2, that refuses a message beyond the
 * limits (JR_ERR_TOO_BIG, with the line) — attributes per element, namespace declarations,
 * bytes of comments and processing instructions, depth, elements. It reads
 * just enough XML to count: tags, quoted attribute values, comments, CDATA sections, processing
 * instructions. Where the text is not XML it understands it stops and leaves the verdict to
 * libxml2, which then stops at that same place: everything libxml2 reads was counted first. */
static const char *find(const char *at, const char *end, const char *what)
{
	size_t n = strlen(what);

	for (; at + n <= end; at++) {
		at = memchr(at, what[0], (size_t)(end - at));
		if (!at || at + n > end)
			return NULL;
		if (memcmp(at, what, n) == 0)
			return at;
	}
	return NULL;
}

static int line_at(const char *data, const char *at)
{
	int line = 1;

	for (const char *p = data; p < at; p++) {
		p = memchr(p, '\n', (size_t)(at - p));
		if (!p)
			break;
		line++;
	}
	return line;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static enum jr_err prescan(const char *data, size_t len, struct jr_ijw_problem *problem)
{
	const char *p = data, *end = data + len;
	unsigned long elements = 0;
	size_t remarks = 0; /* bytes of comments and processing instructions */
	unsigned namespaces = 0;
	int depth = 0;

	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		const char *close;
		unsigned attributes = 0;
		if (p + 1 >= end)
			return JR_OK;
		if (p[1] == '?' || p[1] == '!') {
			const char *stop = p[1] == '?'                               ? "?>"
					   : end - p >= 4 && memcmp(p, "<!--", 4) == 0 ? "-->"
					   : end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0 ? "]]>"
											    : ">";
			if (!(close = find(p + 2, end, stop)))
				return JR_OK;
			if (stop[0] != ']' && stop[0] != '>' &&
			    (remarks += (size_t)(close - p)) > JR_IJW_MAX_COMMENTS) {
				problem->line = line_at(data, p);
				snprintf(problem->message, sizeof(problem->message),
					 "meer dan %u KiB aan commentaar en verwerkingsinstructies",
					 JR_IJW_MAX_COMMENTS / 1024u);
				return JR_ERR_TOO_BIG;
			}
			p = close + strlen(stop);
			continue;
		}
		if (p[1] == '/') {
			depth--;
			p += 2;
			continue;
		}
		/* a start tag: its name, then attributes up to '>' or "/>" */
		p++;
		while (p < end && !space(*p) && *p != '>' && *p != '/')
			p++;
		for (;;) {
			char quote;
			while (p < end && space(*p))
				p++;
			if (p >= end)
				return JR_OK;
			if (*p == '>' || *p == '/')
				break;
			if (end - p > 5 && memcmp(p, "xmlns", 5) == 0 &&
			    (p[5] == '=' || p[5] == ':' || space(p[5])) &&
			    ++namespaces > JR_IJW_MAX_NAMESPACES) {
				problem->line = line_at(data, p);
				snprintf(problem->message, sizeof(problem->message),
					 "meer dan %d namespace-declaraties", JR_IJW_MAX_NAMESPACES);
				return JR_ERR_TOO_BIG;
			}
			while (p < end && *p != '=' && *p != '>' && *p != '<')
				p++;
			if (p >= end || *p != '=')
				return JR_OK; /* not an attribute: libxml2 says what is wrong */
			p++;
			while (p < end && space(*p))
				p++;
			if (p >= end || (*p != '"' && *p != '\''))
				return JR_OK;
			quote = *p++;
			if (!(p = memchr(p, quote, (size_t)(end - p))))
				return JR_OK;
			p++;
			if (++attributes > JR_IJW_MAX_ATTRIBUTES) {
				problem->line = line_at(data, p);
				snprintf(problem->message, sizeof(problem->message),
					 "een element met meer dan %d attributen",
					 JR_IJW_MAX_ATTRIBUTES);
				return JR_ERR_TOO_BIG;
			}
		}
		if (++elements > JR_IJW_MAX_ELEMENTS) {
			problem->line = line_at(data, p);
			snprintf(problem->message, sizeof(problem->message), "meer dan %d elementen",
				 JR_IJW_MAX_ELEMENTS);
			return JR_ERR_TOO_BIG;
		}
		if (*p == '/') {
			p++;
			continue; /* an empty element: no deeper */
		}
		if (++depth > JR_IJW_MAX_DEPTH) {
			problem->line = line_at(data, p);
			snprintf(problem->message, sizeof(problem->message),
				 "elementen te diep genest (meer dan %d niveaus)", JR_IJW_MAX_DEPTH);
			return JR_ERR_TOO_BIG;
		}
	}
	return JR_OK;
}

/* A fresh libxml2 context with the hooks in its own copy of the SAX handler. */
static enum jr_err new_context(struct jr_ijw_parser *p)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlSAXHandlerPtr sax;

	if (!ctxt || !ctxt->sax || ctxt->sax->initialized != XML_SAX2_MAGIC) {
		xmlFreeParserCtxt(ctxt);
		return JR_ERR_NOMEM;
	}
	sax = ctxt->sax;
	p->build_element = sax->startElementNs;
	sax->startElementNs = on_start_element;
	p->build_text = sax->characters;
	sax->characters = on_text;
	sax->ignorableWhitespace = on_text;
	sax->internalSubset = on_doctype;
	sax->externalSubset = on_doctype;
	sax->entityDecl = on_entity_decl;
	sax->serror = on_error;
	ctxt->_private = p;
	p->ctxt = ctxt;
	return JR_OK;
}

enum jr_err jr_ijw_parser_new(struct jr_ijw_parser **out)
{
	struct jr_ijw_parser *p;
	enum jr_err err;

	*out = NULL;
	pthread_once(&libxml_once, init_libxml);
	xmlSetGenericErrorFunc(NULL, silent);
	p = jr_calloc(1, sizeof(*p));
	if (!p)
		return JR_ERR_NOMEM;
	err = new_context(p);
	if (err) {
		jr_free(p);
		return err;
	}
	*out = p;
	return JR_OK;
}

void jr_ijw_parser_free(struct jr_ijw_parser *parser)
{
	if (!parser)
		return;
	xmlFreeParserCtxt(parser->ctxt);
	jr_free(parser);
}

enum jr_err jr_ijw_parse(struct jr_ijw_parser *p, const char *data, size_t len, xmlDoc **doc,
			 struct jr_ijw_problem *problem)
{
	xmlDoc *d;
	enum jr_err err;
	unsigned long failures;

	*doc = NULL;
	jr_ijw_problem_clear(problem);
	snprintf(problem->rule, sizeof(problem->rule), "XML");
	if (len > JR_IJW_MAX_SIZE) {
		snprintf(problem->message, sizeof(problem->message),
			 "het bericht is groter dan %u MiB", JR_IJW_MAX_SIZE / (1024u * 1024u));
		return JR_ERR_TOO_BIG;
	}
	if (len == 0) {
		snprintf(problem->message, sizeof(problem->message), "het bericht is leeg");
		return JR_ERR_INPUT;
	}
	if ((err = prescan(data, len, problem)))
		return err;
	/* The thread's generic channel is where libxml2 reports the few errors it raises without a
	 * context (out of memory while building a node); it must not reach stderr either. */
	xmlSetGenericErrorFunc(NULL, silent);
	if (!p->ctxt && new_context(p)) {
		snprintf(problem->message, sizeof(problem->message), "onvoldoende geheugen");
		return JR_ERR_NOMEM;
	}
	p->problem = problem;
	p->err = JR_OK;
	p->elements = 0;
	p->text_node = NULL;
	p->text_len = 0;
	p->ctxt->_private = p;
	failures = jr_alloc_failure_count();
	d = xmlCtxtReadMemory(p->ctxt, data, (int)len, NULL, NULL, PARSE_OPTIONS);
	err = p->err;
	if (jr_alloc_failure_count() != failures && err != JR_ERR_TOO_BIG) {
		/* libxml2 reports some failed allocations as something else (an empty document,
		 * an encoding error); the allocator's count says what really happened. */
		err = JR_ERR_NOMEM;
		problem->line = 0;
		snprintf(problem->message, sizeof(problem->message), "onvoldoende geheugen");
	}
	if (!err && (!d || !p->ctxt->wellFormed || !p->ctxt->nsWellFormed)) {
		/* Refused without a reported error: only running out of memory does that. */
		err = p->ctxt->errNo == XML_ERR_NO_MEMORY || !d ? JR_ERR_NOMEM : JR_ERR_INPUT;
		snprintf(problem->message, sizeof(problem->message), "%s",
			 err == JR_ERR_NOMEM ? "onvoldoende geheugen" : "geen geldige XML");
	}
	p->problem = NULL;
	if (err) {
		xmlFreeDoc(d);
		d = NULL;
	}
	if (p->ctxt->dict && xmlDictSize(p->ctxt->dict) > DICT_MAX) {
		/* Documents keep their own reference to the old dictionary; the next parse makes a
		 * new context. */
		xmlFreeParserCtxt(p->ctxt);
		p->ctxt = NULL;
	}
	*doc = d;
	return err;
}

enum jr_err jr_ijw_parse_once(const char *data, size_t len, xmlDoc **doc,
			      struct jr_ijw_problem *problem)
{
	struct jr_ijw_parser *p;
	enum jr_err err;

	*doc = NULL;
	jr_ijw_problem_clear(problem);
	err = jr_ijw_parser_new(&p);
	if (err) {
		snprintf(problem->rule, sizeof(problem->rule), "XML");
		snprintf(problem->message, sizeof(problem->message), "onvoldoende geheugen");
		return err;
	}
	err = jr_ijw_parse(p, data, len, doc, problem);
	jr_ijw_parser_free(p);
	return err;
}
