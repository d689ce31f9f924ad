/* ijw_retour: the answer to an incoming iJw message — the return message (JW306 to a JW305,
 * JW308 to a JW307, JW316 to a JW315, JW318 to a JW317, and as a provider answers jeugdroute's
 * own, JW302 to a JW301 and JW320 to a JW319) and the claim answer (JW325 to a JW323) — built
 * from the message as received and the findings of its checks, as the standard's fill-in
 * instructions say (IV028, IV032 for return messages; IV087, IV088 for the claim answer):
 *   - nothing found: the header only, without return codes;
 *   - an in-message rule broken (code 0001): the header only, with 0001;
 *   - a finding on the header (cross-message or external, e.g. 8848): the header only, with it;
 *   - findings on a client or its lines: the header with 0200, and each client with findings
 *     returned whole, every class with its codes (0200 where nothing was found); in a JW320
 *     the Antwoord, with its Woonplaatsbeginsel.
 * The answer is written as XML text; it validates against the return message's schema. */
#ifndef JR_IJW_IJW_RETOUR_H
#define JR_IJW_IJW_RETOUR_H

#include "core/buf.h"
#include "core/date.h"
#include "ijw/ijw_message.h"
#include "ijw/ijw_rules.h"

/* The XsdVersie jeugdroute writes (basisschema and message): release 3.2's schemas. */
#define JR_IJW_XSD_VERSION "1.0.0"

/* The return message's kind for an incoming kind (JW305 -> JW306, …), JR_IJW_UNKNOWN if none. */
enum jr_ijw_message jr_ijw_retour_kind(enum jr_ijw_message in);

/* Writes the return message to `m` (JW301, JW305, JW307, JW315, JW317 or JW319) with
 * identification `id` (1 to 12
 * characters) and date `on`, from the findings `f`, appending to `out`. For a JW323 it writes
 * the claim answer JW325: the rejected lines with their codes, and the totals claimed and
 * granted. JR_ERR_INPUT for another kind. */
enum jr_err jr_ijw_retour_write(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f,
				const char *id, jr_day on, struct jr_buf *out);

/* JW319: the municipality's answer to a request (JW315, JW317) it does not honour with an
 * allocation: refused (VerzoekAntwoord 1, with a WJ759 reason; reason 8 names the municipality
 * responsible by the residence principle) or under investigation (2, no reason). */
struct jr_ijw_answer {
	char gemeente[5];        /* Afzender */
	char aanbieder[9];       /* Ontvanger: AGB code */
	char identificatie[13];
	jr_day dagtekening;
	char referentie[36 * 4 + 1];
	char antwoord[2];        /* WJ760: "1" or "2" */
	char reden[3];           /* WJ759, "" with "2" */
	char woonplaats[5];      /* with reason 8 */
};
enum jr_err jr_ijw_answer_write(const struct jr_ijw_answer *a, struct jr_buf *out);

/* Appends `s` with the five XML special characters escaped. */
enum jr_err jr_ijw_put_text(struct jr_buf *out, const char *s);

/* The namespace of message `kind` ("http://www.istandaarden.nl/ijw/3_2/jw301/schema"), and of
 * the basisschema. */
const char *jr_ijw_namespace(enum jr_ijw_message kind);
#define JR_IJW_BASIS_NAMESPACE "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

/* The BerichtCode (COD002) of `kind`: 436 for JW301, …; 0 for JR_IJW_UNKNOWN. */
int jr_ijw_message_code(enum jr_ijw_message kind);

#endif
