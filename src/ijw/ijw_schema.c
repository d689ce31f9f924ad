/* ijw_schema: walks a parsed iJw message against the compiled-in schema tables (see
 * ijw_schema.h and ijw_schema_internal.h).
 *
 * Semantics follow XSD 1.0 as libxml2 (xmllint --schema) applies it to these schemas; the
 * differential test in tests/ijw/ holds the two side by side. A sequence is matched greedily,
 * which is exact because element names are unique within each sequence (the generator checks).
 * Values: xs:string keeps whitespace, the other bases collapse it; xs:integer is [+-]?[0-9]+;
 * xs:date and xs:time are parsed as libxml2 parses them (years of any length but no leading
 * zero beyond four digits and no year 0, 24:00:00 as the end of the day, seconds summed as a
 * double), and each pattern is a small function rather than a regular-expression engine. */
#include "ijw/ijw_schema.h"

#include <libxml/tree.h>

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "ijw/ijw_schema_internal.h"

#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

struct walk {
	const struct jr_ijw_message_def *msg;
	struct jr_ijw_problem *problem;
	enum jr_err err;
	/* The path to the element being checked: names and 1-based positions (0: no position,
	 * the element cannot repeat). */
	const char *names[JR_IJW_MAX_DEPTH + 1];
	unsigned positions[JR_IJW_MAX_DEPTH + 1];
	int depth;
	/* The namespace nodes seen to be the message's and the basisschema's: a message declares
	 * each once, so most elements are matched by pointer, not by comparing the URI. */
	const xmlNs *ns_seen[2];
	struct jr_buf text; /* a value split over several text nodes, joined */
};

const char *jr_ijw_message_name(enum jr_ijw_message kind)
{
	if (kind <= JR_IJW_UNKNOWN || kind >= JR_IJW_MESSAGE__COUNT)
		return NULL;
	return jr_ijw_messages[kind].name;
}

enum jr_ijw_message jr_ijw_message_by_name(const char *name)
{
	for (int k = JR_IJW_UNKNOWN + 1; k < JR_IJW_MESSAGE__COUNT; k++)
		if (strcmp(jr_ijw_messages[k].name, name) == 0)
			return (enum jr_ijw_message)k;
	return JR_IJW_UNKNOWN;
}

/* ---- reporting ------------------------------------------------------------------------------ */

static void path_render(const struct walk *w, const char *last, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i <= w->depth + (last != NULL); i++) {
		const char *name = i <= w->depth ? w->names[i] : last;
		int n;

		if (i <= w->depth && w->positions[i])
			n = snprintf(out + len, cap - len, "/%s[%u]", name, w->positions[i]);
		else
			n = snprintf(out + len, cap - len, "/%s", name);
		if (n < 0 || (size_t)n >= cap - len)
			return; /* truncated: the path's beginning is still useful */
		len += (size_t)n;
	}
}

static int line_of(const xmlNode *node)
{
	long line = node ? xmlGetLineNo(node) : 0;

	return line > 0 && line <= INT_MAX ? (int)line : 0;
}

/* Records a violation at the current path (plus `last` when not NULL) and the line of `at`. */
static void fail(struct walk *w, const xmlNode *at, const char *last, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail(struct walk *w, const xmlNode *at, const char *last, const char *fmt, ...)
{
	va_list ap;

	if (w->err)
		return;
	w->err = JR_ERR_INPUT;
	path_render(w, last, w->problem->path, sizeof(w->problem->path));
	w->problem->line = line_of(at);
	if (!w->problem->line && at && at->parent)
		w->problem->line = line_of(at->parent);
	snprintf(w->problem->rule, sizeof(w->problem->rule), "XSD");
	va_start(ap, fmt);
	vsnprintf(w->problem->message, sizeof(w->problem->message), fmt, ap);
	va_end(ap);
}

/* A value for a message: at most 40 bytes, cut at a character boundary, with line breaks and
 * tabs shown as spaces. */
static const char *shown(const char *s, size_t len, char out[64])
{
	size_t n = 0, i = 0;

	while (i < len && n < 40) {
		unsigned char c = (unsigned char)s[i];
		size_t clen = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (i + clen > len || n + clen > 40)
			break;
		for (size_t k = 0; k < clen; k++)
			out[n++] = c < 0x20 ? ' ' : s[i + k];
		i += clen;
	}
	if (i < len) {
		memcpy(out + n, "…", sizeof("…") - 1);
		n += sizeof("…") - 1;
	}
	out[n] = '\0';
	return out;
}

/* ---- values --------------------------------------------------------------------------------- */

static bool is_xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The number of characters of UTF-8 text (libxml2 hands over valid UTF-8 only). */
static size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* The code point at s[*i] (valid UTF-8), advancing *i. */
static unsigned long utf8_next(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	unsigned long cp;
	size_t extra;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
	cp = c & (0x3F >> extra);
	(*i)++;
	while (extra-- && *i < len)
		cp = (cp << 6) | ((unsigned char)s[(*i)++] & 0x3F);
	return cp;
}

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_digit((unsigned char)s[i]))
			return false;
	return true;
}

/* (0|[1-9][0-9]*) at s[*i], advancing *i. */
static bool version_part(const char *s, size_t len, size_t *i)
{
	size_t start = *i;

	while (*i < len && is_digit((unsigned char)s[*i]))
		(*i)++;
	return *i > start && (s[start] != '0' || *i - start == 1);
}

/* Whether `s` matches one pattern; the comment of each enum jr_ijw_pattern gives the regular
 * expression. XSD's `.` is any character but \n and \r, `\s` is [ \t\n\r]. */
static bool pattern_matches(unsigned pattern, const char *s, size_t len)
{
	size_t i = 0;
	bool seen = false;

	switch (pattern) {
	case JR_IJW_PAT_TEXT_LINE:
		for (i = 0; i < len; i++) {
			if (s[i] == '\n' || s[i] == '\r')
				return false;
			seen |= !is_xml_space((unsigned char)s[i]);
		}
		return seen;
	case JR_IJW_PAT_TEXT:
		for (i = 0; i < len; i++)
			if (!is_xml_space((unsigned char)s[i]))
				return true;
		return false;
	case JR_IJW_PAT_DIGITS: return all_digits(s, len);
	case JR_IJW_PAT_DIGITS_4: return len == 4 && all_digits(s, len);
	case JR_IJW_PAT_DIGITS_8: return len == 8 && all_digits(s, len);
	case JR_IJW_PAT_DIGITS_9: return len == 9 && all_digits(s, len);
	case JR_IJW_PAT_ALNUM:
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if (!is_digit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'))
				return false;
		}
		return len > 0;
	case JR_IJW_PAT_INITIALS:
		while (i < len) {
			unsigned long c = utf8_next(s, len, &i);
			if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
			    !(c >= 0xC0 && c <= 0x1EF3))
				return false;
		}
		return len > 0;
	case JR_IJW_PAT_VERSION:
		for (int part = 0; part < 3; part++) {
			if (part && (i >= len || s[i++] != '.'))
				return false;
			if (!version_part(s, len, &i))
				return false;
		}
		return i == len;
	case JR_IJW_PAT_NO_COLON_Z:
		for (i = 0; i < len; i++)
			if (s[i] == ':' || s[i] == 'Z')
				return false;
		return true;
	case JR_IJW_PAT_NO_Z_PLUS_MINUS:
		/* libxml2 (and so xmllint) reads the '-' that ends the class [^Z+-] as no member
		 * of it, against XSD 1.0, and lets a negative time zone through; this does the
		 * same, so that both judge a message alike. The rule layer is where "no time zone"
		 * (RS032) can be enforced in full. */
		for (i = 0; i < len; i++)
			if (s[i] == 'Z' || s[i] == '+')
				return false;
		return len > 0;
	default: return false;
	}
}

static const char *pattern_message(unsigned pattern, const char *s, size_t len)
{
	switch (pattern) {
	case JR_IJW_PAT_TEXT_LINE:
		return memchr(s, '\n', len) || memchr(s, '\r', len)
			       ? "waarde mag geen regeleinde bevatten"
			       : "waarde bestaat alleen uit witruimte";
	case JR_IJW_PAT_TEXT: return "waarde bestaat alleen uit witruimte";
	case JR_IJW_PAT_DIGITS: return "waarde '%s' mag alleen cijfers bevatten";
	case JR_IJW_PAT_DIGITS_4: return "waarde '%s' moet uit precies 4 cijfers bestaan";
	case JR_IJW_PAT_DIGITS_8: return "waarde '%s' moet uit precies 8 cijfers bestaan";
	case JR_IJW_PAT_DIGITS_9: return "waarde '%s' moet uit precies 9 cijfers bestaan";
	case JR_IJW_PAT_ALNUM: return "waarde '%s' mag alleen letters en cijfers bevatten";
	case JR_IJW_PAT_INITIALS: return "waarde '%s' mag alleen letters bevatten";
	case JR_IJW_PAT_VERSION: return "waarde '%s' is geen versienummer zoals 1.0.0";
	case JR_IJW_PAT_NO_COLON_Z: return "datum '%s' mag geen tijdzone hebben";
	case JR_IJW_PAT_NO_Z_PLUS_MINUS: return "tijd '%s' mag geen tijdzone Z of +hh:mm hebben";
	default: return "waarde '%s' past niet in het patroon";
	}
}

/* Exactly two digits at s[*i] into *out. */
static bool two_digits(const char *s, size_t len, size_t *i, int *out)
{
	if (*i + 2 > len || !is_digit((unsigned char)s[*i]) || !is_digit((unsigned char)s[*i + 1]))
		return false;
	*out = (s[*i] - '0') * 10 + (s[*i + 1] - '0');
	*i += 2;
	return true;
}

/* An optional time zone at s[*i] that must end the value: Z or (+|-)hh:mm within ±14:00. */
static bool time_zone_to_end(const char *s, size_t len, size_t i)
{
	int hh, mm;

	if (i == len)
		return true;
	if (s[i] == 'Z')
		return i + 1 == len;
	if (s[i] != '+' && s[i] != '-')
		return false;
	i++;
	if (!two_digits(s, len, &i, &hh) || hh > 23 || i >= len || s[i++] != ':' ||
	    !two_digits(s, len, &i, &mm) || mm > 59)
		return false;
	return hh * 60 + mm <= 840 && i == len;
}

static bool leap_year(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* xs:date: -?YYYY-MM-DD with an optional time zone; the year has at least four digits, no
 * leading zero when longer, is not 0 and fits a long. */
static bool lexical_date(const char *s, size_t len)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t i = 0, first;
	long long year = 0;
	int month, day;

	if (i < len && s[i] == '-')
		i++;
	first = i;
	while (i < len && is_digit((unsigned char)s[i])) {
		int digit = s[i] - '0';
		if (year > (LONG_MAX - digit) / 10)
			return false;
		year = year * 10 + digit;
		i++;
	}
	if (i - first < 4 || (i - first > 4 && s[first] == '0') || year == 0)
		return false;
	if (first)
		year = -year;
	if (i >= len || s[i++] != '-' || !two_digits(s, len, &i, &month) || month < 1 ||
	    month > 12)
		return false;
	if (i >= len || s[i++] != '-' || !two_digits(s, len, &i, &day) || day < 1)
		return false;
	if (day > days[month - 1] + (month == 2 && leap_year(year)))
		return false;
	return time_zone_to_end(s, len, i);
}

/* xs:time: hh:mm:ss with optional fraction and time zone; 24:00:00 is the end of the day. The
 * seconds are summed as a double digit by digit, as libxml2 does, so that a fraction that
 * rounds up to 60 is refused alike. */
static bool lexical_time(const char *s, size_t len)
{
	size_t i = 0;
	int hh, mm, ss;
	double sec;

	if (!two_digits(s, len, &i, &hh) || hh > 24 || i >= len || s[i++] != ':')
		return false;
	if (!two_digits(s, len, &i, &mm) || mm > 59 || i >= len || s[i++] != ':')
		return false;
	if (!two_digits(s, len, &i, &ss))
		return false;
	sec = ss;
	if (i < len && s[i] == '.') {
		double mult = 1;
		i++;
		if (i >= len || !is_digit((unsigned char)s[i]))
			return false;
		while (i < len && is_digit((unsigned char)s[i])) {
			mult /= 10;
			sec += (s[i] - '0') * mult;
			i++;
		}
	}
	if (hh == 24) {
		if (mm != 0 || sec != 0)
			return false;
	} else if (!(sec >= 0 && sec < 60)) {
		return false;
	}
	return time_zone_to_end(s, len, i);
}

enum int_result { INT_OK, INT_SYNTAX, INT_LOW, INT_HIGH };

/* xs:integer within [lo, hi]: [+-]?[0-9]+ with leading zeros allowed. */
static enum int_result lexical_integer(const char *s, size_t len, long long lo, long long hi)
{
	size_t i = 0, digits = 0;
	bool negative = false;
	long long v = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		negative = s[i++] == '-';
	if (i == len)
		return INT_SYNTAX;
	for (size_t k = i; k < len; k++)
		if (!is_digit((unsigned char)s[k]))
			return INT_SYNTAX;
	while (i < len && s[i] == '0')
		i++;
	for (; i < len; i++) {
		if (++digits > 18) /* beyond any bound the schemas use */
			return negative ? INT_LOW : INT_HIGH;
		v = v * 10 + (s[i] - '0');
	}
	if (negative)
		v = -v;
	if (v < lo)
		return INT_LOW;
	if (v > hi)
		return INT_HIGH;
	return INT_OK;
}

static int compare_code(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

/* Checks one value against a simple type; reports on `at` (the element). */
static void check_value(struct walk *w, const xmlNode *at, const struct jr_ijw_simple_type *st,
			const char *value, size_t len)
{
	char v[64];
	const char *s = value;
	size_t n = len;

	if (st->base != JR_IJW_BASE_STRING) {
		/* whiteSpace collapse: around the value it goes; inside, it makes the value invalid
		 * for every base but xs:string anyway. */
		while (n && is_xml_space((unsigned char)s[0])) {
			s++;
			n--;
		}
		while (n && is_xml_space((unsigned char)s[n - 1]))
			n--;
	}
	switch (st->base) {
	case JR_IJW_BASE_STRING: {
		size_t chars = st->min_length >= 0 || st->max_length >= 0 ? utf8_length(s, n) : 0;
		if (st->min_length >= 0 && chars < (size_t)st->min_length) {
			if (chars == 0)
				fail(w, at, NULL, "waarde is leeg");
			else
				fail(w, at, NULL, "waarde '%s' is korter dan %d tekens",
				     shown(s, n, v), st->min_length);
			return;
		}
		if (st->max_length >= 0 && chars > (size_t)st->max_length) {
			fail(w, at, NULL, "waarde '%s' is langer dan %d %s", shown(s, n, v),
			     st->max_length, st->max_length == 1 ? "teken" : "tekens");
			return;
		}
		break;
	}
	case JR_IJW_BASE_INTEGER:
		switch (lexical_integer(s, n, st->min_inclusive, st->max_inclusive)) {
		case INT_OK: break;
		case INT_SYNTAX:
			fail(w, at, NULL, "waarde '%s' is geen geheel getal", shown(s, n, v));
			return;
		case INT_LOW:
			fail(w, at, NULL, "waarde '%s' is kleiner dan %lld", shown(s, n, v),
			     st->min_inclusive);
			return;
		case INT_HIGH:
			fail(w, at, NULL, "waarde '%s' is groter dan %lld", shown(s, n, v),
			     st->max_inclusive);
			return;
		}
		break;
	case JR_IJW_BASE_DATE:
		if (!lexical_date(s, n)) {
			fail(w, at, NULL, "waarde '%s' is geen geldige datum (JJJJ-MM-DD)",
			     shown(s, n, v));
			return;
		}
		break;
	case JR_IJW_BASE_TIME:
		if (!lexical_time(s, n)) {
			fail(w, at, NULL, "waarde '%s' is geen geldige tijd (UU:MM:SS)",
			     shown(s, n, v));
			return;
		}
		break;
	default:
		w->err = JR_ERR_INTERNAL;
		return;
	}
	for (unsigned bits = st->patterns; bits; bits &= bits - 1) {
		unsigned pattern = bits & -bits;
		if (!pattern_matches(pattern, s, n)) {
			fail(w, at, NULL, pattern_message(pattern, s, n), shown(s, n, v));
			return;
		}
	}
	if (st->literal && (strlen(st->literal) != n || memcmp(st->literal, s, n) != 0)) {
		fail(w, at, NULL, "waarde '%s' moet '%s' zijn", shown(s, n, v), st->literal);
		return;
	}
	if (st->enums) {
		char key[32]; /* longer than any code */
		bool found = false;
		if (n < sizeof(key)) {
			memcpy(key, s, n);
			key[n] = '\0';
			found = bsearch(key, st->enums, st->enum_count, sizeof(st->enums[0]),
					compare_code) != NULL;
		}
		if (!found)
			fail(w, at, NULL, "waarde '%s' staat niet in de codelijst", shown(s, n, v));
	}
}

/* ---- the tree ------------------------------------------------------------------------------- */

/* Whether element `node` is in namespace `ns` (0 the message's, 1 the basisschema's). */
static bool in_namespace(struct walk *w, const xmlNode *node, int which)
{
	const char *uri = which ? JR_IJW_NS_BASIS : w->msg->ns;

	if (!node->ns)
		return false;
	if (node->ns == w->ns_seen[which])
		return true;
	if (!node->ns->href || strcmp((const char *)node->ns->href, uri) != 0)
		return false;
	w->ns_seen[which] = node->ns;
	return true;
}

static bool is_blank(const xmlChar *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!is_xml_space(*s))
			return false;
	return true;
}

/* Whether xsi:type's value (a QName, not whitespace-collapsed: libxml2 takes it as it is)
 * names the element's declared type: a named type of the basisschema or of the message. */
static bool xsi_type_matches(struct walk *w, xmlNode *node, const xmlAttr *attr, bool complex,
			     unsigned short type)
{
	const char *type_name = complex ? jr_ijw_complex_types[type].name
					: jr_ijw_simple_types[type].name;
	const char *type_ns = complex && !jr_ijw_complex_types[type].basisschema ? w->msg->ns
										   : JR_IJW_NS_BASIS;
	xmlChar *value = xmlNodeListGetString(node->doc, attr->children, 1);
	const char *colon, *local;
	char prefix[64];
	xmlNs *ns;
	bool ok = false;

	if (!value) {
		w->err = attr->children ? JR_ERR_NOMEM : JR_OK;
		return false;
	}
	if (!type_name)
		goto out;
	colon = strchr((const char *)value, ':');
	local = colon ? colon + 1 : (const char *)value;
	if (colon) {
		size_t plen = (size_t)(colon - (const char *)value);
		if (plen == 0 || plen >= sizeof(prefix))
			goto out;
		memcpy(prefix, value, plen);
		prefix[plen] = '\0';
	}
	ns = xmlSearchNs(node->doc, node, colon ? (const xmlChar *)prefix : NULL);
	ok = ns && ns->href && strcmp((const char *)ns->href, type_ns) == 0 &&
	     strcmp(local, type_name) == 0;
out:
	xmlFree(value);
	return ok;
}

/* No attributes are declared: only the xsi attributes a validator takes itself are allowed
 * (xsi:schemaLocation and xsi:noNamespaceSchemaLocation, which it ignores here, and xsi:type
 * naming the declared type; xsi:nil is refused as no element is nillable). Namespace
 * declarations are not attributes in the tree. */
static void check_attributes(struct walk *w, xmlNode *node, bool complex, unsigned short type)
{
	for (xmlAttr *a = node->properties; a && !w->err; a = a->next) {
		const char *name = (const char *)a->name;
		bool xsi = a->ns && a->ns->href && strcmp((const char *)a->ns->href, NS_XSI) == 0;

		if (xsi && (strcmp(name, "schemaLocation") == 0 ||
			    strcmp(name, "noNamespaceSchemaLocation") == 0))
			continue;
		if (xsi && strcmp(name, "type") == 0) {
			if (!xsi_type_matches(w, node, a, complex, type) && !w->err)
				fail(w, node, NULL,
				     "attribuut xsi:type noemt niet het type van dit element");
			continue;
		}
		if (xsi && strcmp(name, "nil") == 0)
			fail(w, node, NULL, "attribuut xsi:nil is niet toegestaan: het element "
					    "mag niet leeg (nil) zijn");
		else
			fail(w, node, NULL, "attribuut %s%s%s is hier niet toegestaan",
			     a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
			     a->ns && a->ns->prefix ? ":" : "", name);
	}
}

static void check_element(struct walk *w, xmlNode *node, bool complex, unsigned short type);

/* The value of a simple element: its text and CDATA, comments and processing instructions
 * skipped; an element inside is a violation. */
static void check_simple(struct walk *w, xmlNode *node, const struct jr_ijw_simple_type *st)
{
	const xmlNode *only = NULL;
	int texts = 0;

	for (xmlNode *c = node->children; c; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			only = c;
			texts++;
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE: break;
		case XML_ELEMENT_NODE:
			fail(w, c, (const char *)c->name,
			     "element %s hoort hier niet: %s bevat alleen een waarde",
			     (const char *)c->name, (const char *)node->name);
			return;
		default:
			fail(w, c, NULL, "onverwachte inhoud in %s", (const char *)node->name);
			return;
		}
	}
	if (texts <= 1) {
		const char *value = only && only->content ? (const char *)only->content : "";
		check_value(w, node, st, value, strlen(value));
		return;
	}
	jr_buf_reset(&w->text);
	for (xmlNode *c = node->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			enum jr_err err = jr_buf_puts(&w->text, (const char *)c->content);
			if (err) {
				w->err = err;
				snprintf(w->problem->message, sizeof(w->problem->message),
					 "onvoldoende geheugen");
				return;
			}
		}
	}
	check_value(w, node, st, jr_buf_str(&w->text), w->text.len);
}

/* The index of the particle of `ct` (from `from` on) that `node` is, or -1. */
static int find_particle(struct walk *w, const struct jr_ijw_complex_type *ct, unsigned from,
			 const xmlNode *node)
{
	for (unsigned i = from; i < ct->count; i++)
		if (strcmp((const char *)node->name, jr_ijw_particles[ct->first + i].name) == 0 &&
		    in_namespace(w, node, ct->basisschema))
			return (int)i;
	return -1;
}

/* The first required particle of `ct` from `from` on that is missing, given `count`
 * occurrences of particle `from`; NULL when none is. */
static const struct jr_ijw_particle *missing(const struct jr_ijw_complex_type *ct, unsigned from,
					     unsigned count)
{
	for (unsigned i = from; i < ct->count; i++) {
		const struct jr_ijw_particle *p = &jr_ijw_particles[ct->first + i];
		if ((i == from ? count : 0) < p->min)
			return p;
	}
	return NULL;
}

/* Reports an element that no particle at or after the current one takes. */
static void unexpected(struct walk *w, const struct jr_ijw_complex_type *ct, unsigned at,
		       const xmlNode *c)
{
	const char *name = (const char *)c->name;
	int known = -1;

	for (unsigned i = 0; i < ct->count; i++)
		if (strcmp(name, jr_ijw_particles[ct->first + i].name) == 0)
			known = (int)i;
	if (known < 0)
		fail(w, c, name, "element %s hoort hier niet", name);
	else if (!in_namespace(w, c, ct->basisschema))
		fail(w, c, name, "element %s staat in de verkeerde namespace (verwacht %s)", name,
		     ct->basisschema ? JR_IJW_NS_BASIS : w->msg->ns);
	else if ((unsigned)known == at)
		fail(w, c, name, "element %s komt vaker voor dan toegestaan (hoogstens %u keer)",
		     name, (unsigned)jr_ijw_particles[ct->first + at].max);
	else
		fail(w, c, name, "element %s staat op de verkeerde plaats of komt te vaak voor",
		     name);
}

/* Walks the children of an element of complex type `ct` against its sequence. */
static void check_complex(struct walk *w, xmlNode *node, const struct jr_ijw_complex_type *ct)
{
	unsigned at = 0, count = 0; /* the current particle and how often it occurred */
	const struct jr_ijw_particle *need;

	for (xmlNode *c = node->children; c && !w->err; c = c->next) {
		const struct jr_ijw_particle *p;
		int found;

		switch (c->type) {
		case XML_ELEMENT_NODE: break;
		case XML_TEXT_NODE:
			if (!is_blank(c->content))
				fail(w, c, NULL, "tekst hoort hier niet: %s bevat alleen elementen",
				     (const char *)node->name);
			continue;
		case XML_CDATA_SECTION_NODE:
			fail(w, c, NULL, "CDATA hoort hier niet: %s bevat alleen elementen",
			     (const char *)node->name);
			continue;
		case XML_COMMENT_NODE:
		case XML_PI_NODE: continue;
		default:
			fail(w, c, NULL, "onverwachte inhoud in %s", (const char *)node->name);
			continue;
		}
		found = find_particle(w, ct, at, c);
		if (found < 0 || (found == (int)at && jr_ijw_particles[ct->first + at].max &&
				  count >= jr_ijw_particles[ct->first + at].max)) {
			unexpected(w, ct, at, c);
			return;
		}
		if ((unsigned)found != at) {
			need = missing(ct, at, count);
			if (need && need < &jr_ijw_particles[ct->first + found]) {
				fail(w, c, need->name, "verplicht element %s ontbreekt (vóór %s)",
				     need->name, (const char *)c->name);
				return;
			}
			at = (unsigned)found;
			count = 0;
		}
		count++;
		p = &jr_ijw_particles[ct->first + at];
		if (w->depth + 1 > JR_IJW_MAX_DEPTH - 1) {
			w->err = JR_ERR_INTERNAL; /* the generated schema is deeper than parsing allows */
			return;
		}
		w->depth++;
		w->names[w->depth] = p->name;
		w->positions[w->depth] = p->max != 1 ? count : 0;
		check_element(w, c, p->complex, p->type);
		w->depth--;
	}
	if (!w->err && (need = missing(ct, at, count)) != NULL)
		fail(w, node, need->name, "verplicht element %s ontbreekt", need->name);
}

static void check_element(struct walk *w, xmlNode *node, bool complex, unsigned short type)
{
	check_attributes(w, node, complex, type);
	if (w->err)
		return;
	if (complex)
		check_complex(w, node, &jr_ijw_complex_types[type]);
	else
		check_simple(w, node, &jr_ijw_simple_types[type]);
}

enum jr_err jr_ijw_check_structure(xmlDoc *doc, enum jr_ijw_message *kind,
				   struct jr_ijw_problem *problem)
{
	struct walk w = {.problem = problem};
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	char v[64];

	*kind = JR_IJW_UNKNOWN;
	jr_ijw_problem_clear(problem);
	w.names[0] = "Bericht";
	if (!root) {
		fail(&w, NULL, NULL, "onbekend bericht: er is geen hoofdelement");
		return w.err;
	}
	if (strcmp((const char *)root->name, "Bericht") != 0) {
		w.names[0] = (const char *)root->name;
		fail(&w, root, NULL, "onbekend bericht: het hoofdelement is %s, verwacht Bericht",
		     (const char *)root->name);
		return w.err;
	}
	if (!root->ns || !root->ns->href) {
		fail(&w, root, NULL, "onbekend bericht: Bericht zonder namespace");
		return w.err;
	}
	for (int k = JR_IJW_UNKNOWN + 1; k < JR_IJW_MESSAGE__COUNT; k++)
		if (strcmp((const char *)root->ns->href, jr_ijw_messages[k].ns) == 0)
			*kind = (enum jr_ijw_message)k;
	if (*kind == JR_IJW_UNKNOWN) {
		const char *href = (const char *)root->ns->href;
		fail(&w, root, NULL, "onbekend bericht: namespace '%s' is geen iJw 3.2-bericht",
		     shown(href, strlen(href), v));
		return w.err;
	}
	w.msg = &jr_ijw_messages[*kind];
	w.ns_seen[0] = root->ns;
	jr_buf_init(&w.text, JR_IJW_MAX_SIZE);
	check_element(&w, root, true, w.msg->root);
	jr_buf_release(&w.text);
	if (w.err && !problem->message[0])
		snprintf(problem->message, sizeof(problem->message), "%s",
			 w.err == JR_ERR_NOMEM ? "onvoldoende geheugen" : "interne fout");
	return w.err;
}
