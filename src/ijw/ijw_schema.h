/* ijw_schema: the structural check of an iJw 3.2 message against its XSD, from compiled-in
 * tables (ijw_schema_tables.c, generated from the schemas by tools/ijw/gen-schema.py).
 *
 * The check recognises the message by its root element Bericht and the root's namespace
 * (http://www.istandaarden.nl/ijw/3_2/jw3nn/schema), walks the tree against the message's
 * schema and reports the first violation in document order, as a validating XSD 1.0 processor
 * (xmllint --schema) would judge it: element order and occurrences, element namespaces, no text
 * in element-only content, no attributes but xsi:schemaLocation, xsi:noNamespaceSchemaLocation
 * and an xsi:type that names the declared type, and each value's base type (string, integer,
 * date, time) with its length, range, pattern and enumeration facets. Code lists are checked
 * for membership only; their validity dates are a rule-level check (ijw_codes.h). */
#ifndef JR_IJW_IJW_SCHEMA_H
#define JR_IJW_IJW_SCHEMA_H


#include "core/err.h"
#include "ijw/ijw_xml.h"

/* libxml2's document and node, by name only: a module that does not parse need not compile
 * against libxml2 (the ijw/ sources include it themselves). */
struct _xmlDoc;
struct _xmlNode;

/* The fourteen messages of iJw 3.2. */
enum jr_ijw_message {
	JR_IJW_UNKNOWN = 0,
	JR_IJW_JW301, /* toewijzing */
	JR_IJW_JW302, /* retour toewijzing */
	JR_IJW_JW305, /* start zorg */
	JR_IJW_JW306, /* retour start zorg */
	JR_IJW_JW307, /* stop zorg */
	JR_IJW_JW308, /* retour stop zorg */
	JR_IJW_JW315, /* verzoek om toewijzing */
	JR_IJW_JW316, /* retour verzoek om toewijzing */
	JR_IJW_JW317, /* verzoek om wijziging */
	JR_IJW_JW318, /* retour verzoek om wijziging */
	JR_IJW_JW319, /* antwoord op een verzoek */
	JR_IJW_JW320, /* retour antwoord */
	JR_IJW_JW323, /* declaratie */
	JR_IJW_JW325, /* declaratie-antwoord */
	JR_IJW_MESSAGE__COUNT
};

/* "JW301" …; NULL for JR_IJW_UNKNOWN or a value out of range. */
const char *jr_ijw_message_name(enum jr_ijw_message kind);

/* The message called `name` ("JW301", case-sensitive); JR_IJW_UNKNOWN when there is none. */
enum jr_ijw_message jr_ijw_message_by_name(const char *name);

/* Checks the structure of a parsed message. *kind receives the message recognised from the
 * root (JR_IJW_UNKNOWN when the root is not an iJw 3.2 Bericht). JR_OK when the message is
 * valid; JR_ERR_INPUT when it is not, with the first violation in `problem` (rule "XSD", the
 * element's path such as /Bericht/Client/Bsn with [n] for a repeated element, its line and a
 * Dutch message); JR_ERR_NOMEM when memory ran out. Reads the document only; safe to call
 * from several threads on different documents. */
enum jr_err jr_ijw_check_structure(struct _xmlDoc *doc, enum jr_ijw_message *kind,
				   struct jr_ijw_problem *problem);

#endif
