/* ijw_xml: hardened parsing of one iJw message from memory with libxml2.
 *
 * An iJw message comes from outside and is never trusted. The parser reads it without network
 * access, without DTDs, entity substitution or XInclude; a document with a DOCTYPE is refused as
 * soon as the parser meets it, so entity declarations (billion laughs, external entities such as
 * file:///etc/passwd) are never read. Before libxml2 sees a message, one linear pass over its
 * bytes refuses what is beyond sane limits — its size, the attributes of an element, the
 * namespace declarations, the comments, the nesting depth, the number of elements — so that no message can make libxml2 do more than linear work
 * (many attributes on one element cost it quadratic time). libxml2 prints nothing: its errors
 * come back as one Dutch message with a line number in a struct jr_ijw_problem.
 *
 * Thread safety: libxml2 is initialised once (pthread_once). A struct jr_ijw_parser holds a
 * libxml2 parser context that is reused between messages; use one parser per thread (it is not
 * shared state: two threads with two parsers do not interfere). */
#ifndef JR_IJW_IJW_XML_H
#define JR_IJW_IJW_XML_H

#include <stddef.h>


#include "core/err.h"

/* libxml2's document and node, by name only: a module that does not parse need not compile
 * against libxml2 (the ijw/ sources include it themselves). */
struct _xmlDoc;
struct _xmlNode;

/* The largest message accepted, in bytes: checked before any parsing. */
#define JR_IJW_MAX_SIZE (16u * 1024u * 1024u)
/* The deepest element nesting accepted; the deepest iJw message is 8 levels. */
#define JR_IJW_MAX_DEPTH 32
/* The longest text one element may hold, in bytes (libxml2 refuses longer text nodes when it
 * reads a file, but not always from memory: this makes both the same). */
#define JR_IJW_MAX_TEXT 10000000
/* The most elements one message may have. A valid message spends some 40 bytes or more on an
 * element (a claim line written without any white space: 16 elements in about 700 bytes), so
 * even 16 MiB of it holds well under 450,000; a message of more is made to cost the parser, whose
 * time and memory go with the number of nodes. */
#define JR_IJW_MAX_ELEMENTS 500000

/* The most attributes (namespace declarations included) one element may have. iJw elements
 * carry none but the root's namespace declarations; libxml2 checks an element's attributes
 * against each other, so their number squared is its time. */
#define JR_IJW_MAX_ATTRIBUTES 32
/* The most namespace declarations in one message (an iJw message needs two or three): each
 * element's prefix is looked up among those in scope, so their number times the elements is
 * libxml2's time. */
#define JR_IJW_MAX_NAMESPACES 64
/* The most bytes of comments and processing instructions in one message: a message is data,
 * and 16 MiB of remarks would be parsed (and kept in the tree) for nothing. */
#define JR_IJW_MAX_COMMENTS (1024u * 1024u)

/* What is wrong with a message: the first problem found. `rule` is "XML" for a message that is
 * not well-formed or is refused by the parser, "XSD" for a violation of the schema; `path` is
 * the element's path such as /Bericht/Client/Bsn ("" when there is none) and `line` its line in
 * the file (0 when unknown). The message is Dutch, for people. */
struct jr_ijw_problem {
	char path[256];
	int line;
	char rule[16];
	char message[256];
};

/* Empties a problem (no path, no line, no rule, no message). */
void jr_ijw_problem_clear(struct jr_ijw_problem *problem);

struct jr_ijw_parser;

/* Creates a parser (and initialises libxml2 the first time). JR_ERR_NOMEM when out of memory. */
enum jr_err jr_ijw_parser_new(struct jr_ijw_parser **out);
/* Frees a parser; NULL is allowed. Documents it made stay valid (free them with xmlFreeDoc). */
void jr_ijw_parser_free(struct jr_ijw_parser *parser);

/* Parses `len` bytes of `data` into a new document (*doc, free with xmlFreeDoc).
 * JR_ERR_TOO_BIG when the message is larger than JR_IJW_MAX_SIZE, is nested deeper than
 * JR_IJW_MAX_DEPTH, has more than JR_IJW_MAX_ELEMENTS elements, an element with more than
 * JR_IJW_MAX_ATTRIBUTES attributes, more than JR_IJW_MAX_NAMESPACES namespace declarations, more
 * than JR_IJW_MAX_COMMENTS bytes of comments and processing instructions or a text longer than
 * JR_IJW_MAX_TEXT; JR_ERR_INPUT when it is not
 * well-formed XML (namespace errors included) or has a DOCTYPE; JR_ERR_NOMEM when memory ran out.
 * On any error *doc is NULL and `problem` says what and where (rule "XML"). */
enum jr_err jr_ijw_parse(struct jr_ijw_parser *parser, const char *data, size_t len, struct _xmlDoc **doc,
			 struct jr_ijw_problem *problem);

/* The same with a parser made and freed for this one message. */
enum jr_err jr_ijw_parse_once(const char *data, size_t len, struct _xmlDoc **doc,
			      struct jr_ijw_problem *problem);

#endif
