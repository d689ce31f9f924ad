/* letter: the decision letter (beschikking) of an allocation, rendered as one HTML document from
 * its facts — what Dutch administrative law asks of a decision (Awb 3:46-3:47: the reasons and
 * the legal basis; Awb 6:7 and 6:8: bezwaar within six weeks after the day it was sent; Awb
 * 6:5: what a bezwaarschrift holds; Awb 8:81: a voorlopige voorziening), under the Jeugdwet
 * (art. 2.3 for the municipality's decision; art. 2.6 lid 1 onder g for a medical referral).
 *
 * Pure: the same facts give the same bytes, so that a letter rendered again can be checked
 * against the one kept (app/letter.c keeps the HTML and its SHA-256). Every text from the records
 * is escaped for HTML; nothing else is written between tags. The document's own structure is a
 * small set of tags (h1, h2, p, table/tr/th/td, ul/li, address, strong) that the PDF renderer
 * (view/view_letter.c) reads back into the same text. */
#ifndef JR_CORE_LETTER_H
#define JR_CORE_LETTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"

#define JR_LETTER_NAME_MAX    208 /* a person's full name, an organisation's name */
#define JR_LETTER_TEXT_MAX    1024
#define JR_LETTER_PARENTS_MAX 4
#define JR_LETTER_HTML_MAX    (64 * 1024)

/* A parent or custody holder to whom the letter is addressed. */
struct jr_letter_parent {
	char name[JR_LETTER_NAME_MAX];
	char role[32]; /* Dutch: "ouder", "verzorger" */
};

/* Everything a letter says, as plain text (escaped when rendered). "" is "not stated". */
struct jr_letter_facts {
	char number[48]; /* the letter's number: the allocation's number and the sequence */
	int sequence;    /* 1: the allocation; 2, 3, …: its changes */
	bool change;     /* a change of an earlier decision */
	jr_day issued_on;
	/* the municipality that decides: name and postal address (policy) */
	char municipality[JR_LETTER_NAME_MAX];
	char postal_address[JR_LETTER_NAME_MAX];
	char postcode[16];
	char place[JR_LETTER_NAME_MAX];
	/* the child, and the household's parents and carers */
	char child_name[JR_LETTER_NAME_MAX];
	jr_day child_birth;
	char address_line[JR_LETTER_NAME_MAX];  /* the child's street and number; "" */
	char address_place[JR_LETTER_NAME_MAX]; /* postcode and place; "" */
	struct jr_letter_parent parents[JR_LETTER_PARENTS_MAX];
	size_t parent_count;
	/* the decision */
	char allocation_number[24];
	int form;
	char form_name[JR_LETTER_NAME_MAX];
	char provider[JR_LETTER_NAME_MAX];
	char regime[80];                 /* Dutch: how the care is bought */
	char result[JR_LETTER_TEXT_MAX]; /* result regime: the result to reach */
	char intensity[8];               /* OB1..OB4 */
	char product_code[17];
	int volume; /* 0: none */
	char unit[40];
	char frequency[40];
	jr_day start;
	bool has_end;
	jr_day end;
	/* the reasons and the legal basis */
	char reasons[JR_LETTER_TEXT_MAX]; /* what the decision rests on (referral, analysis) */
	char change_reason[JR_LETTER_TEXT_MAX]; /* a change: its reason (iJw JZ002, in words) */
	char legal_basis[JR_LETTER_TEXT_MAX];
};

/* Writes the letter of `f` as a complete HTML document (with its print style sheet) to `out`.
 * JR_ERR_TOO_BIG when it does not fit the buffer's maximum. */
enum jr_err jr_letter_html(const struct jr_letter_facts *f, struct jr_buf *out);

/* Appends `s` escaped for HTML text and attribute values (&, <, >, ", '). */
enum jr_err jr_letter_escape(struct jr_buf *out, const char *s);

/* Writes day `d` as Dutch words, "4 december 2026", into `out` (at least 24 bytes). */
void jr_letter_date(jr_day d, char out[24]);

#endif
