/* libFuzzer target: an iJw message from outside, parsed by the hardened parser and checked
 * against its schema. Any input must be refused cleanly (a Dutch message, a rule) or pass;
 * never a crash, leak, UB or output from libxml2. One parser serves every input, as in the
 * server. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ijw/ijw_schema.h"
#include "ijw/ijw_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jr_ijw_parser *parser;
	struct jr_ijw_problem problem;
	enum jr_ijw_message kind;
	xmlDoc *doc = NULL;
	enum jr_err err;

	if (!parser && jr_ijw_parser_new(&parser))
		abort();
	err = jr_ijw_parse(parser, (const char *)data, size, &doc, &problem);
	if (err) {
		if (doc || !problem.message[0] || strcmp(problem.rule, "XML") != 0)
			abort();
		return 0;
	}
	err = jr_ijw_check_structure(doc, &kind, &problem);
	if (err && (err != JR_ERR_INPUT || !problem.message[0] || strcmp(problem.rule, "XSD") != 0))
		abort();
	if (!err && (kind == JR_IJW_UNKNOWN || problem.message[0]))
		abort();
	xmlFreeDoc(doc);
	return 0;
}
