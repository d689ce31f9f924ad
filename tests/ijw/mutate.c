/* mutate: writes the messages of the differential test against xmllint (tests/ijw/run.sh).
 * Test-only program.
 *
 * Usage: ijw_mutate mutate MESSAGE.xml OUTDIR PREFIX
 *        ijw_mutate skeleton JWnnn full|min OUTFILE
 *
 * mutate writes OUTDIR/PREFIX-NNNNN-KIND.xml, one file per mutant, and prints their number. Each
 * mutant changes one thing of the message: an element dropped, duplicated or swapped with its
 * next sibling; an unknown element, text, whitespace, a comment, a CDATA section or a processing
 * instruction put into an element; an element moved to the other namespace or to none; an
 * attribute added (plain, xsi:nil, xsi:type, xsi:schemaLocation); a value replaced by one of a
 * set of edge cases chosen by the kind of value it was (date, time, number, code, text); the
 * root's namespace or name changed. Attributes, content and values are varied for the first
 * element of each type of the schema only: further elements of a type would add files, not
 * cases; order and occurrence are varied for every element. Some
 * mutants stay valid, most do not: the test asks that jeugdroute and xmllint agree on each one.
 *
 * skeleton writes a message of type JWnnn built from the compiled-in schema tables, with every
 * element (full: unbounded ones twice) or only the required ones (min), each value a plain valid
 * one. The examples of the standard leave many optional elements out; the skeletons reach them.
 * Whether a skeleton is valid is for xmllint to say, like for any other file of the test. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ijw/ijw_schema_internal.h"

#define MAX_ELEMENTS 4096
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define NS_BASIS "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

static const char *outdir, *prefix;
static unsigned written;
static int failures;

/* Values every leaf gets. */
static const char *const any_values[] = {
	"", " ", "\t\n", "x", "0", "a\nb", "a b", "&lt;&amp;&gt;", "Émile",
};
static const char *const date_values[] = {
	"2026-04-01", "2027-06-31", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29",
	"2026-13-01", "2026-00-10", "2026-04-00", "26-04-01", "2026-4-01", "2026-04-01Z",
	"2026-04-01+01:00", "2026-04-01-05:00", "-2026-04-01", "+2026-04-01", "12026-04-01",
	"02026-04-01", "0000-01-01", "-0004-02-29", " 2026-04-01 ", "2026-04-01T00:00:00",
	"2026 -04-01", "20260401",
};
static const char *const time_values[] = {
	"12:34:56", "00:00:00", "23:59:59", "24:00:00", "24:00:01", "25:00:00", "12:60:00",
	"12:34:60", "12:34:56.5", "12:34:56.", "23:59:59.9999999999999999999", "12:34",
	"1:02:03", "12:34:56Z", "12:34:56+01:00", "12:34:56-01:00", " 12:34:56 ", "24:00:00.0",
};
static const char *const number_values[] = {
	"1", "2", "3", "9", "01", "007", "-0", "+0", "-1", "+1", "1.0", "1e3", "12a", " 5 ",
	"99", "100", "99999", "100000", "99999999", "100000000", "999999999", "1000000000",
	"999999999999", "1000000000000", "0000000000000000000000000000005",
	"99999999999999999999999999", "1234", "12345678", "123456789", "1234567890",
	"123456789012", "436", "0436",
};
static const char *const code_values[] = {
	"1", "00", "99", "001", "ZZ", "nl", "E", "9999", " 01", "01 ",
};
static const char *const text_values[] = {
	"1.0.0", "0.0.0", "10.20.30", "01.0.0", "1.0", "1.0.0.0", "1..0", "ABC", "ÀỳÉ", "Ỵ",
	"A.B", "abc123", "abc-123", "xxxxxxxxxxxxx", "\xC2\xA0", " y ",
};

/* The elements of `doc` in document order. */
static size_t collect(xmlNode *node, xmlNode **out, size_t n)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (n < MAX_ELEMENTS)
			out[n++] = node;
		n = collect(node->children, out, n);
	}
	return n;
}

/* The type of each element of the message being mutated: its simple type, or its complex type
 * plus 1000, or -1 when unknown. */
static int type_of[MAX_ELEMENTS];
#define COMPLEX_BASE 1000

/* Like collect, noting each element's simple type from the schema tables: `complex` is the type
 * of the elements' parent, -1 when unknown. */
static size_t collect_typed(xmlNode *node, int complex, xmlNode **out, size_t n)
{
	for (; node; node = node->next) {
		int inner = -1;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (n < MAX_ELEMENTS) {
			type_of[n] = -1;
			if (complex >= 0) {
				const struct jr_ijw_complex_type *ct = &jr_ijw_complex_types[complex];
				for (unsigned k = 0; k < ct->count; k++) {
					const struct jr_ijw_particle *p = &jr_ijw_particles[ct->first + k];
					if (strcmp((const char *)node->name, p->name) != 0)
						continue;
					if (p->complex)
						inner = p->type;
					type_of[n] = p->complex ? COMPLEX_BASE + p->type : p->type;
				}
			}
			out[n++] = node;
		}
		n = collect_typed(node->children, inner, out, n);
	}
	return n;
}

/* The complex type of the root of `doc` by its namespace, or -1. */
static int root_type(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	for (int k = JR_IJW_UNKNOWN + 1; k < JR_IJW_MESSAGE__COUNT; k++)
		if (root && root->ns &&
		    strcmp((const char *)root->ns->href, jr_ijw_messages[k].ns) == 0)
			return jr_ijw_messages[k].root;
	return -1;
}

static bool is_leaf(const xmlNode *e)
{
	for (const xmlNode *c = e->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return false;
	return true;
}

static void save(xmlDoc *doc, const char *kind)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s-%05u-%s.xml", outdir, prefix, written, kind);
	if (xmlSaveFileEnc(path, doc, "UTF-8") < 0) {
		fprintf(stderr, "ijw_mutate: cannot write %s\n", path);
		failures++;
		return;
	}
	written++;
}

/* A copy of `orig` and its i-th element. */
static xmlDoc *copy(xmlDoc *orig, size_t i, xmlNode **element)
{
	static xmlNode *all[MAX_ELEMENTS];
	xmlDoc *doc = xmlCopyDoc(orig, 1);

	if (!doc) {
		fprintf(stderr, "ijw_mutate: out of memory\n");
		exit(1);
	}
	collect(xmlDocGetRootElement(doc), all, 0);
	*element = all[i];
	return doc;
}

static xmlNs *namespace_of(xmlDoc *doc, xmlNode *e, const char *href)
{
	xmlNs *ns = xmlSearchNsByHref(doc, e, (const xmlChar *)href);

	return ns ? ns : xmlNewNs(e, (const xmlChar *)href, (const xmlChar *)"nsx");
}

/* Replaces the content of leaf `e` by `value` (entities such as &lt; are decoded). */
static void set_value(xmlNode *e, const char *value)
{
	xmlNodeSetContent(e, NULL);
	if (strchr(value, '&'))
		xmlNodeSetContent(e, (const xmlChar *)value);
	else
		xmlNodeAddContent(e, (const xmlChar *)value);
}

static void mutate_value(xmlDoc *orig, size_t i, const char *value, const char *kind)
{
	xmlNode *e;
	xmlDoc *doc = copy(orig, i, &e);

	set_value(e, value);
	save(doc, kind);
	xmlFreeDoc(doc);
}

static bool looks_like(const char *v, const char *shape)
{
	/* shape: 9 = digit, anything else literal */
	size_t n = strlen(shape);

	if (strlen(v) != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (shape[k] == '9' ? !(v[k] >= '0' && v[k] <= '9') : v[k] != shape[k])
			return false;
	return true;
}

static bool digits_only(const char *v)
{
	if (!*v)
		return false;
	for (; *v; v++)
		if (*v < '0' || *v > '9')
			return false;
	return true;
}

#define EACH(list, kind)                                                                           \
	for (size_t k = 0; k < sizeof(list) / sizeof(list[0]); k++)                                \
	mutate_value(orig, i, list[k], kind)

/* A run of n copies of c in buf (at most 300). */
static const char *run_of(char *buf, char c, long long n)
{
	if (n < 0)
		n = 0;
	if (n > 300)
		n = 300;
	memset(buf, c, (size_t)n);
	buf[n] = '\0';
	return buf;
}

/* Values for leaf i: edge cases of every kind, the ones of its kind of value, lengths and
 * numbers at the bounds of its type (type < 0: not known), and variations of its own value. */
static void leaf_mutants(xmlDoc *orig, size_t i, xmlNode *e, int type)
{
	const struct jr_ijw_simple_type *st = type >= 0 ? &jr_ijw_simple_types[type] : NULL;
	xmlChar *content = xmlNodeGetContent(e);
	const char *v = content ? (const char *)content : "";
	size_t len = strlen(v);
	char buf[512];

	EACH(any_values, "value");
	if (looks_like(v, "9999-99-99"))
		EACH(date_values, "date");
	else if (looks_like(v, "99:99:99"))
		EACH(time_values, "time");
	else if (digits_only(v) && len <= 2)
		EACH(code_values, "code");
	else if (digits_only(v))
		EACH(number_values, "number");
	else
		EACH(text_values, "text");
	if (st && st->max_length >= 0) {
		mutate_value(orig, i, run_of(buf, '7', st->max_length), "max-digits");
		mutate_value(orig, i, run_of(buf, '7', st->max_length + 1), "max-digits-1");
		mutate_value(orig, i, run_of(buf, 'y', st->max_length), "max-text");
		mutate_value(orig, i, run_of(buf, 'y', st->max_length + 1), "max-text-1");
	}
	if (st && st->min_length > 1)
		mutate_value(orig, i, run_of(buf, '7', st->min_length - 1), "min-digits-1");
	if (st && st->has_range) {
		snprintf(buf, sizeof(buf), "%lld", st->min_inclusive - 1);
		mutate_value(orig, i, buf, "min-1");
		snprintf(buf, sizeof(buf), "%lld", st->max_inclusive);
		mutate_value(orig, i, buf, "max");
		snprintf(buf, sizeof(buf), "+%lld", st->max_inclusive);
		mutate_value(orig, i, buf, "plus-max");
		snprintf(buf, sizeof(buf), "%lld", st->max_inclusive + 1);
		mutate_value(orig, i, buf, "max+1");
		snprintf(buf, sizeof(buf), "000%lld", st->max_inclusive);
		mutate_value(orig, i, buf, "zeros-max");
	}
	/* Each code of the list (of a long list such as LandCode the first eight and the last
	 * two), and the last one padded. */
	for (unsigned k = 0; st && k < st->enum_count;
	     k = k == 7 && st->enum_count > 10 ? st->enum_count - 2u : k + 1) {
		snprintf(buf, sizeof(buf), "%s", st->enums[k]);
		mutate_value(orig, i, buf, "code-each");
		if (k + 1 == st->enum_count) {
			snprintf(buf, sizeof(buf), "%s ", st->enums[k]);
			mutate_value(orig, i, buf, "code-space");
			snprintf(buf, sizeof(buf), "0%s", st->enums[k]);
			mutate_value(orig, i, buf, "code-zero");
		}
	}
	if (len < 200) {
		snprintf(buf, sizeof(buf), " %s", v);
		mutate_value(orig, i, buf, "lead-space");
		snprintf(buf, sizeof(buf), "%s\n", v);
		mutate_value(orig, i, buf, "trail-newline");
		snprintf(buf, sizeof(buf), "%s%s", v, v);
		mutate_value(orig, i, buf, "doubled");
		snprintf(buf, sizeof(buf), "%sX", v);
		mutate_value(orig, i, buf, "plus-x");
		if (len > 1) {
			mutate_value(orig, i, v + 1, "chopped");
			snprintf(buf, sizeof(buf), "%.*s", (int)(len - 1), v);
			mutate_value(orig, i, buf, "chopped-end");
		}
	}
	xmlFree(content);
}

/* Inserts `child` as the first or last child of element i. */
static void insert(xmlDoc *orig, size_t i, bool first, int what, const char *kind)
{
	xmlNode *e, *node = NULL;
	xmlDoc *doc = copy(orig, i, &e);

	switch (what) {
	case 0: node = xmlNewDocNode(doc, e->ns, (const xmlChar *)"Onbekend", NULL); break;
	case 1: node = xmlNewDocText(doc, (const xmlChar *)"x"); break;
	case 2: node = xmlNewDocText(doc, (const xmlChar *)" \r\n\t"); break;
	case 3: node = xmlNewDocComment(doc, (const xmlChar *)" c "); break;
	case 4: node = xmlNewCDataBlock(doc, (const xmlChar *)" ", 1); break;
	case 5: node = xmlNewDocPI(doc, (const xmlChar *)"pi", (const xmlChar *)"x"); break;
	case 6: node = xmlNewDocText(doc, (const xmlChar *)"\xC2\xA0"); break;
	case 7: node = xmlNewCDataBlock(doc, (const xmlChar *)"", 0); break;
	}
	if (first && e->children)
		xmlAddPrevSibling(e->children, node);
	else
		xmlAddChild(e, node);
	save(doc, kind);
	xmlFreeDoc(doc);
}

static void element_mutants(xmlDoc *orig, size_t i)
{
	xmlNode *e, *next;
	xmlDoc *doc;

	if (i > 0) {
		doc = copy(orig, i, &e);
		xmlUnlinkNode(e);
		xmlFreeNode(e);
		save(doc, "drop");
		xmlFreeDoc(doc);

		doc = copy(orig, i, &e);
		xmlAddNextSibling(e, xmlCopyNode(e, 1));
		save(doc, "dup");
		xmlFreeDoc(doc);

		doc = copy(orig, i, &e);
		next = xmlNextElementSibling(e);
		if (next) {
			xmlUnlinkNode(next);
			xmlAddPrevSibling(e, next);
			save(doc, "swap");
		}
		xmlFreeDoc(doc);

		doc = copy(orig, i, &e);
		if (e->ns && strcmp((const char *)e->ns->href, NS_BASIS) == 0)
			xmlSetNs(e, namespace_of(doc, xmlDocGetRootElement(doc),
						 (const char *)xmlDocGetRootElement(doc)->ns->href));
		else
			xmlSetNs(e, namespace_of(doc, xmlDocGetRootElement(doc), NS_BASIS));
		save(doc, "other-ns");
		xmlFreeDoc(doc);

		doc = copy(orig, i, &e);
		xmlSetNs(e, NULL);
		save(doc, "no-ns");
		xmlFreeDoc(doc);
	}
}

/* Attributes on element i. */
static void attribute_mutants(xmlDoc *orig, size_t i, int type)
{
	static const char *const xsi_types[] = {"ijw:LDT_Datum", "ijw:CDT_Geboortedatum",
						"ijw:LDT_Commentaar", "ijw:CDT_XsdVersie",
						"ijw:LDT_Nummer", "xs:string"};
	xmlNode *e;
	xmlDoc *doc;

	doc = copy(orig, i, &e);
	xmlNewProp(e, (const xmlChar *)"foo", (const xmlChar *)"1");
	save(doc, "attr");
	xmlFreeDoc(doc);

	doc = copy(orig, i, &e);
	xmlNewNsProp(e, namespace_of(doc, e, NS_XSI), (const xmlChar *)"nil",
		     (const xmlChar *)(i % 2 ? "true" : "false"));
	save(doc, "xsi-nil");
	xmlFreeDoc(doc);

	doc = copy(orig, i, &e);
	xmlNewNsProp(e, namespace_of(doc, e, NS_XSI), (const xmlChar *)"schemaLocation",
		     (const xmlChar *)"urn:x x.xsd");
	save(doc, "xsi-schemaLocation");
	xmlFreeDoc(doc);

	doc = copy(orig, i, &e);
	xmlNewNs(e, (const xmlChar *)"http://www.w3.org/2001/XMLSchema", (const xmlChar *)"xs");
	xmlNewNsProp(e, namespace_of(doc, e, NS_XSI), (const xmlChar *)"type",
		     (const xmlChar *)xsi_types[i % (sizeof(xsi_types) / sizeof(xsi_types[0]))]);
	save(doc, "xsi-type");
	xmlFreeDoc(doc);

	/* xsi:type naming the element's own type, as a QName with the prefix in scope. */
	if (type >= 0) {
		const char *name = type >= COMPLEX_BASE ? jr_ijw_complex_types[type - COMPLEX_BASE].name
							: jr_ijw_simple_types[type].name;
		bool basis = type < COMPLEX_BASE ||
			     jr_ijw_complex_types[type - COMPLEX_BASE].basisschema;
		xmlNs *ns;
		char qname[128];

		if (!name)
			return;
		doc = copy(orig, i, &e);
		ns = namespace_of(doc, e,
				  basis ? NS_BASIS
					: (const char *)xmlDocGetRootElement(doc)->ns->href);
		if (ns->prefix)
			snprintf(qname, sizeof(qname), "%s:%s", (const char *)ns->prefix, name);
		else
			snprintf(qname, sizeof(qname), "%s", name);
		xmlNewNsProp(e, namespace_of(doc, e, NS_XSI), (const xmlChar *)"type",
			     (const xmlChar *)qname);
		save(doc, "xsi-type-own");
		xmlFreeDoc(doc);
	}
}

static void container_mutants(xmlDoc *orig, size_t i)
{
	insert(orig, i, false, 0, "unknown-last");
	insert(orig, i, true, 0, "unknown-first");
	insert(orig, i, i % 2, 1, "text");
	insert(orig, i, i % 2, 2, "blank");
	insert(orig, i, i % 2, 3, "comment");
	insert(orig, i, i % 2, 4, "cdata");
	insert(orig, i, i % 2, 5, "pi");
	insert(orig, i, i % 2, 6, "nbsp");
	insert(orig, i, !(i % 2), 7, "cdata-empty");
}

static void leaf_node_mutants(xmlDoc *orig, size_t i)
{
	xmlNode *e;
	xmlDoc *doc;
	xmlChar *content;

	insert(orig, i, false, 0, "leaf-child");
	insert(orig, i, i % 2, 3, "leaf-comment");
	insert(orig, i, i % 2, 5, "leaf-pi");

	/* The value as CDATA, and split by a comment. */
	doc = copy(orig, i, &e);
	content = xmlNodeGetContent(e);
	xmlNodeSetContent(e, NULL);
	xmlAddChild(e, xmlNewCDataBlock(doc, content, (int)strlen((const char *)content)));
	save(doc, "leaf-cdata");
	xmlFreeDoc(doc);
	if (content && strlen((const char *)content) > 1) {
		doc = copy(orig, i, &e);
		xmlNodeSetContent(e, NULL);
		xmlAddChild(e, xmlNewDocTextLen(doc, content, 1));
		xmlAddChild(e, xmlNewDocComment(doc, (const xmlChar *)"split"));
		xmlAddChild(e, xmlNewDocText(doc, content + 1));
		save(doc, "leaf-split");
		xmlFreeDoc(doc);
	}
	xmlFree(content);
}

static void root_mutants(xmlDoc *orig)
{
	static const char *const hrefs[] = {
		"http://www.istandaarden.nl/ijw/3_2/jw302/schema",
		"http://www.istandaarden.nl/ijw/3_2/jw999/schema",
		"http://www.istandaarden.nl/ijw/3_1/jw301/schema",
	};
	xmlNode *root;
	xmlDoc *doc;

	for (size_t k = 0; k < sizeof(hrefs) / sizeof(hrefs[0]); k++) {
		doc = copy(orig, 0, &root);
		xmlFree((xmlChar *)root->ns->href);
		root->ns->href = xmlStrdup((const xmlChar *)hrefs[k]);
		save(doc, "root-ns");
		xmlFreeDoc(doc);
	}
	doc = copy(orig, 0, &root);
	xmlNodeSetName(root, (const xmlChar *)"Berichten");
	save(doc, "root-name");
	xmlFreeDoc(doc);
}

/* A plain valid value of a simple type. */
static const char *sample(const struct jr_ijw_simple_type *st, char *buf, size_t cap)
{
	static const char text[] = "Tekst van een bericht";
	size_t n;

	if (st->literal)
		return st->literal;
	if (st->enums)
		return st->enums[st->enum_count - 1];
	switch (st->base) {
	case JR_IJW_BASE_DATE: return "2026-01-15";
	case JR_IJW_BASE_TIME: return "12:30:00";
	case JR_IJW_BASE_INTEGER: {
		long long v = 1;
		if (v < st->min_inclusive)
			v = st->min_inclusive;
		if (v > st->max_inclusive)
			v = st->max_inclusive;
		snprintf(buf, cap, "%lld", v);
		return buf;
	}
	default: break;
	}
	if (st->patterns & JR_IJW_PAT_DIGITS_4)
		return "0363";
	if (st->patterns & JR_IJW_PAT_DIGITS_8)
		return "12345678";
	if (st->patterns & JR_IJW_PAT_DIGITS_9)
		return "999999990";
	if (st->patterns & JR_IJW_PAT_DIGITS)
		return "0612345678";
	if (st->patterns & JR_IJW_PAT_VERSION)
		return "1.0.0";
	if (st->patterns & JR_IJW_PAT_ALNUM)
		return "D2026";
	if (st->patterns & JR_IJW_PAT_INITIALS)
		return "AB";
	n = sizeof(text) - 1;
	if (st->max_length >= 0 && (size_t)st->max_length < n)
		n = (size_t)st->max_length;
	snprintf(buf, cap, "%.*s", (int)n, text);
	return buf;
}

static void fill(xmlNode *parent, unsigned complex, xmlNs *ns_msg, xmlNs *ns_basis, bool full)
{
	const struct jr_ijw_complex_type *ct = &jr_ijw_complex_types[complex];
	char buf[64];

	for (unsigned k = 0; k < ct->count; k++) {
		const struct jr_ijw_particle *p = &jr_ijw_particles[ct->first + k];
		unsigned times = full ? (p->max == 0 ? 2 : 1) : p->min;

		for (unsigned t = 0; t < times; t++) {
			xmlNode *e = xmlNewChild(parent, ct->basisschema ? ns_basis : ns_msg,
						 (const xmlChar *)p->name, NULL);
			if (p->complex)
				fill(e, p->type, ns_msg, ns_basis, full);
			else
				xmlNodeAddContent(e, (const xmlChar *)sample(
							     &jr_ijw_simple_types[p->type], buf,
							     sizeof(buf)));
		}
	}
}

static int skeleton(const char *name, bool full, const char *path)
{
	enum jr_ijw_message kind = jr_ijw_message_by_name(name);
	xmlDoc *doc;
	xmlNode *root;
	xmlNs *ns_msg, *ns_basis;
	int ok;

	if (kind == JR_IJW_UNKNOWN) {
		fprintf(stderr, "ijw_mutate: unknown message %s\n", name);
		return 2;
	}
	doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"Bericht", NULL);
	xmlDocSetRootElement(doc, root);
	ns_msg = xmlNewNs(root, (const xmlChar *)jr_ijw_messages[kind].ns, (const xmlChar *)"m");
	ns_basis = xmlNewNs(root, (const xmlChar *)NS_BASIS, (const xmlChar *)"ijw");
	xmlSetNs(root, ns_msg);
	fill(root, jr_ijw_messages[kind].root, ns_msg, ns_basis, full);
	ok = xmlSaveFormatFileEnc(path, doc, "UTF-8", 1) >= 0;
	xmlFreeDoc(doc);
	if (!ok)
		fprintf(stderr, "ijw_mutate: cannot write %s\n", path);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	static xmlNode *all[MAX_ELEMENTS];
	static unsigned char seen[2000]; /* per type (type_of): how many elements were varied */
	xmlDoc *orig;
	size_t count;

	if (argc == 5 && strcmp(argv[1], "skeleton") == 0)
		return skeleton(argv[2], strcmp(argv[3], "full") == 0, argv[4]);
	if (argc != 5 || strcmp(argv[1], "mutate") != 0) {
		fprintf(stderr, "usage: ijw_mutate mutate MESSAGE.xml OUTDIR PREFIX\n"
				"       ijw_mutate skeleton JWnnn full|min OUTFILE\n");
		return 2;
	}
	outdir = argv[3];
	prefix = argv[4];
	orig = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
	if (!orig) {
		fprintf(stderr, "ijw_mutate: cannot parse %s\n", argv[2]);
		return 1;
	}
	save(orig, "original");
	all[0] = xmlDocGetRootElement(orig);
	type_of[0] = -1;
	count = collect_typed(all[0]->children, root_type(orig), all, 1);
	for (size_t i = 0; i < count; i++) {
		/* Order and occurrence depend on the place, so every element gets those; what
		 * depends on the type only (attributes, content, values) the first two of a type. */
		bool novel = type_of[i] < 0 || type_of[i] >= (int)sizeof(seen) || !seen[type_of[i]]++;

		element_mutants(orig, i);
		if (!novel)
			continue;
		attribute_mutants(orig, i, type_of[i]);
		if (is_leaf(all[i])) {
			leaf_mutants(orig, i, all[i],
				     type_of[i] >= 0 && type_of[i] < COMPLEX_BASE ? type_of[i] : -1);
			leaf_node_mutants(orig, i);
		} else {
			container_mutants(orig, i);
		}
	}
	root_mutants(orig);
	xmlFreeDoc(orig);
	xmlCleanupParser();
	printf("%u\n", written);
	return failures ? 1 : 0;
}
