/* letter: the decision letter (beschikking) of an allocation — made and kept when the
 * municipality decides (jr_app_allocation_add, jr_app_allocation_change call jr_app_letter_issue
 * in their transaction), listed and read again, for the command line and the API.
 *
 * What a letter holds and why: core/letter.h and docs/letter.md. The letter is rendered once,
 * when the decision is made, from the records and the policy in force on the allocation's
 * start; it is kept as rendered (HTML) with the facts it came from and the document's SHA-256,
 * which also goes into the audit entry "letter.issue". Printing it again gives the kept
 * document, its hash checked first: a letter whose hash no longer matches is not handed out.
 *
 * A GI's allocation within its measure is the GI's decision (Jeugdwet chapter 3), not the
 * college's: it gets no letter from the municipality (a bezwaar clause to the college would be
 * wrong), and jr_app_letter_issue makes none.
 *
 * Who reads a letter: the consulents of the municipality that decided (the allocation's), and
 * the operator at the command line. Nobody else: a provider, a GI, a referrer and the roles
 * without client data get JR_ERR_NOT_FOUND as for an allocation that does not exist. Every list
 * and read is audited ("letter.list", "letter.read" with the hash). */
#ifndef JR_APP_LETTER_H
#define JR_APP_LETTER_H

#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "core/buf.h"
#include "core/letter.h"

/* Makes and keeps the next letter of allocation `id` as it now stands (the first: the
 * allocation; a later one: its change), dated app->today; none for a GI's own allocation.
 * `out` (may be NULL) the letter kept (sequence 0 when none was made). Called by the use cases
 * that decide, inside their transaction; checks no reach of its own. */
enum jr_err jr_app_letter_issue(struct jr_app *app, int64_t id, struct jr_letter_row *out);

/* The facts of a letter of allocation `id` as the records and the policy say them now, and the
 * letter's number for `sequence`. For jr_app_letter_issue and the tests. */
enum jr_err jr_app_letter_facts(struct jr_app *app, int64_t id, int sequence,
                                struct jr_letter_facts *f, int64_t *child_id);

/* Whether the principal may read the letters of allocation `id`: JR_OK, or JR_ERR_NOT_FOUND
 * (audited "access.denied") as for an allocation that does not exist. */
enum jr_err jr_app_letter_reach(struct jr_app *app, int64_t id);

/* The help request allocation `id` belongs to, for a principal who may read its letters
 * (jr_app_letter_reach first; not audited beyond that): the letter screen's way back. */
enum jr_err jr_app_letter_help_request(struct jr_app *app, int64_t id, int64_t *help_request_id);

/* The letters of allocation `id`, by sequence, each to `fn`. */
enum jr_err jr_app_letters_list(struct jr_app *app, int64_t id, jr_letter_fn fn, void *ctx);

/* Letter `sequence` of allocation `id` (0: the latest) as kept: its row and its HTML into
 * `html`. JR_ERR_NOT_FOUND when there is none; JR_ERR_STORE when the kept document no longer
 * matches its hash (it is not handed out). */
enum jr_err jr_app_letter_get(struct jr_app *app, int64_t id, int sequence,
                              struct jr_letter_row *out, struct jr_buf *html);

#endif
