/* libFuzzer target: an iJw message from outside, parsed by the hardened parser and checked
 * against its schema; a message that passes is read (JW305, JW307, JW315, JW317, JW323; JW301
 * and JW319 as their receiver reads them; and the answers JW302, JW320), checked against the
 * rules within it and answered (the return message — JW302 and JW320 too — or claim answer). Any input must
 * be refused cleanly (a Dutch message, a rule) or pass; never a crash, leak, UB or output from
 * libxml2. One parser serves every input, as in the server. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/buf.h"
#include "ijw/ijw_message.h"
#include "ijw/ijw_retour.h"
#include "ijw/ijw_rules.h"
#include "ijw/ijw_schema.h"
#include "ijw/ijw_xml.h"

/* The readers, the rules and the answer over a message that passed the structure check. */
static void read_check_answer(xmlDoc *doc, enum jr_ijw_message kind)
{
	struct jr_ijw_msg msg;
	struct jr_ijw_findings f = {0};
	struct jr_buf answer;
	enum jr_err err;

	if (kind != JR_IJW_JW305 && kind != JR_IJW_JW307 && kind != JR_IJW_JW315 &&
	    kind != JR_IJW_JW317 && kind != JR_IJW_JW323 && kind != JR_IJW_JW302 &&
	    kind != JR_IJW_JW320 && kind != JR_IJW_JW301 && kind != JR_IJW_JW319)
		return;
	jr_buf_init(&answer, 1 << 26);
	err = jr_ijw_read(doc, kind, &msg);
	if (err == JR_ERR_INPUT || err == JR_ERR_TOO_BIG)
		goto out;
	if (err)
		abort();
	if (kind == JR_IJW_JW302 || kind == JR_IJW_JW320) { /* an answer to ours: read only */
		if (msg.retour.code_count > JR_IJW_RETOUR_CODES)
			abort();
		jr_ijw_msg_release(&msg);
		goto out;
	}
	if (jr_ijw_check_rules(&msg, jr_date_from_ymd(2026, 11, 23), &f) ||
	    jr_ijw_retour_write(&msg, &f, "R1", jr_date_from_ymd(2026, 11, 23), &answer))
		abort();
	for (size_t i = 0; i < f.count; i++)
		if (!f.items[i].rule[0] || !f.items[i].code[0] || !f.items[i].message[0] ||
		    (f.items[i].at == JR_IJW_AT_RELATION && f.items[i].index >= msg.relation_count) ||
		    (f.items[i].at == JR_IJW_AT_CONTACT && f.items[i].index >= msg.contact_count))
			abort();
	if (answer.len == 0)
		abort();
	jr_ijw_msg_release(&msg);
out:
	jr_ijw_findings_release(&f);
	jr_buf_release(&answer);
}

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
	if (!err)
		read_check_answer(doc, kind);
	xmlFreeDoc(doc);
	return 0;
}
