/* ijw (app): iJw messages against the records — what the command line and the server share.
 *
 * Taking a message in goes through the standard's four levels (IV032):
 *   1. structure (ijw_schema): a message that fails is refused with no return message;
 *   2. the rules within the message (ijw_rules, return code 0001): the whole message is
 *      rejected, answered with the header only;
 *   3. and 4. the rules across messages and against the records and the system date (TR019,
 *      TR056, TR063, TR074, TR326, TR338, TR418, …, checked here): a start, stop or request
 *      with a finding rejects the whole message; a claim line with a finding is rejected on its
 *      own and the rest of the claim is granted (IV087).
 * A rejected message changes nothing in the records (its transaction is rolled back; only the
 * audit log notes it). Every message taken in, and every answer, is logged without content.
 *
 * The use cases live in src/app/ijw/: import.c (reading, checking and taking messages in),
 * claim.c (JW323 against the records), export.c (JW301) and answer.c (JW319). An adapter
 * reaches iJw through this header only: the parser and a message read are opaque, the outcome
 * a plain struct (rendered by view/view_ijw.c); it includes nothing of src/ijw/ itself
 * (tools/layers.sh). */
#ifndef JR_APP_IJW_H
#define JR_APP_IJW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
/* the outcome's value types: the kind of message, a structural problem, the findings */
#include "ijw/ijw_rules.h"

struct jr_app;
/* A reader of messages (libxml2 and the schemas' tables), reused across the messages of a
 * batch; opaque. */
struct jr_ijw_parser;
/* A message read and checked on its own (jr_app_ijw_read), waiting to be taken in; opaque. */
struct jr_ijw_incoming;

/* The largest message taken in or checked, in bytes (16 MiB). */
#define JR_APP_IJW_MAX_SIZE JR_IJW_MAX_SIZE

/* A reader for jr_app_ijw_validate, jr_app_ijw_import and jr_app_ijw_read: JR_OK, or
 * JR_ERR_NOMEM. Freed with jr_app_ijw_parser_free (NULL is fine). */
enum jr_err jr_app_ijw_parser_new(struct jr_ijw_parser **out);
void jr_app_ijw_parser_free(struct jr_ijw_parser *p);

/* The code of a kind of message ("JW305"); NULL for JR_IJW_UNKNOWN. */
const char *jr_app_ijw_kind_name(enum jr_ijw_message kind);

/* What became of one message. */
struct jr_ijw_outcome {
	enum jr_ijw_message kind;       /* JR_IJW_UNKNOWN when not recognised */
	bool valid;                     /* passed levels 1 and 2 */
	bool accepted;                  /* taken in (a claim: with its granted lines) */
	struct jr_ijw_problem problem;  /* level 1: what is wrong with the structure */
	struct jr_ijw_findings findings; /* levels 2 to 4 */
	size_t lines, lines_rejected;
	bool not_sender;                 /* import with only_sender: the message is another's */
	enum jr_ijw_message answer_kind; /* JR_IJW_UNKNOWN when there is no answer (level 1) */
	struct jr_buf answer;            /* the return message or claim answer, XML */
	/* The answers (JW319) sent at once beside the return message: a JW315 addressed to a
	 * municipality that is not the child's is refused per requested product with reason 8
	 * (woonplaatsbeginsel), naming the municipality responsible. "name NUL xml NUL", one after
	 * another, refusal_count of them; nothing of the request is kept. */
	struct jr_buf refusals;
	size_t refusal_count;
	char responsible[5]; /* the municipality the refusals name */
};
void jr_app_ijw_outcome_init(struct jr_ijw_outcome *o);
void jr_app_ijw_outcome_release(struct jr_ijw_outcome *o);

/* Levels 1 and 2 only, without the records: for `jeugdroute ijw validate`. Any of the fourteen
 * messages is checked for structure; with `rules`, those of JW301, JW305, JW307, JW315, JW317,
 * JW319 and JW323 also against the rules within the message (and TR135, TR346). With `answer`
 * (and `rules`), a message that passed the structure check and has a return message gets the
 * one its receiver sends after these checks in o->answer (JW302 to a JW301, JW320 to a JW319,
 * JW306, JW308, JW316, JW318, JW325 to the others): judged without the records, so without
 * levels 3 and 4 but the system date. JR_OK whatever the verdict (o->valid; o->findings);
 * JR_ERR_NOMEM; JR_ERR_TOO_BIG for an oversized message. */
enum jr_err jr_app_ijw_validate(struct jr_ijw_parser *p, const char *data, size_t len,
				jr_day today, bool rules, bool answer, struct jr_ijw_outcome *o);

/* A batch of messages taken in together (`jeugdroute ijw import`): one transaction, in which
 * every message is a part kept or undone on its own (jr_app_ijw_import). The batch is kept by
 * jr_app_ijw_batch_end with `keep` (JR_ERR_STORE when the database refused to keep it: then
 * nothing of the batch is), or undone without. */
enum jr_err jr_app_ijw_batch_begin(struct jr_app *app);
enum jr_err jr_app_ijw_batch_end(struct jr_app *app, bool keep);

/* All four levels, and the message taken in when it passes: JW305 (start of care), JW307 (stop),
 * JW315 (request for allocation: the child, a help request of the child's municipality of
 * residence, the referral judged by rule 7 and a request awaiting the municipality's decision —
 * or, addressed to another municipality than the child's, refused at once with a JW319 per
 * product, reason 8, in o->refusals, and nothing kept), JW317 (request for change, awaiting the
 * same)
 * or JW323 (claim), each answered in o->answer; or JW302 or JW320, a provider's answer to one of
 * jeugdroute's JW301 or JW319, which marks that message acknowledged or rejected (and is not
 * answered). Counted from app->today, against app->policies.
 * JR_OK whatever the verdict; JR_ERR_INPUT for a kind jeugdroute does not take in (explained in
 * app->diag); JR_ERR_STORE and others when the records fail (nothing is then changed). The
 * message gets a transaction of its own; inside a batch (jr_app_ijw_batch_begin) or the
 * server's request it gets a part of it, kept only when the batch is. With `only_sender` (a
 * provider's AGB code, for the API) a message of another sender is refused before anything is
 * done (o->not_sender). */
enum jr_err jr_app_ijw_import(struct jr_app *app, struct jr_ijw_parser *p, const char *data,
			      size_t len, const char *only_sender, struct jr_ijw_outcome *o);

/* The same in two steps, so that the first can run outside the database lock (the server):
 * jr_app_ijw_read reads and checks the message on its own (levels 1 and 2; JR_OK whatever the
 * verdict, JR_ERR_TOO_BIG for an oversized message, JR_ERR_NOMEM), keeping what it read in
 * *out (freed with jr_app_ijw_incoming_free); jr_app_ijw_take_in does the rest against the
 * records, as jr_app_ijw_import. */
enum jr_err jr_app_ijw_read(struct jr_ijw_parser *p, const char *data, size_t len, jr_day today,
			    struct jr_ijw_incoming **out, struct jr_ijw_outcome *o);
enum jr_err jr_app_ijw_take_in(struct jr_app *app, struct jr_ijw_incoming *in,
			       const char *only_sender, struct jr_ijw_outcome *o);
void jr_app_ijw_incoming_free(struct jr_ijw_incoming *in);

/* Called with each message an export or an answer writes: a file name ("JW301-<id>.xml") and
 * the XML. An error undoes the sending of that message; the callback says what failed (the
 * use case knows only that it did). */
typedef enum jr_err (*jr_ijw_file_fn)(void *ctx, const char *name, const char *xml, size_t len);

/* JW319: the municipality answers the provider's (`agb`) request (JW315 or JW317) with this
 * reference without an allocation: refused with `reason` (WJ759; reason 8 names the municipality
 * responsible, `residence`), or under investigation (no reason; once, TR360). The request is
 * marked so and the answer handed to `fn`, in one transaction: if `fn` fails, nothing is
 * marked. JR_ERR_INPUT, JR_ERR_NOT_FOUND (no such provider or request, TR355) or
 * JR_ERR_CONFLICT (allocated already, TR359; refused already, TR365; investigated already,
 * TR360), explained in app->diag; nothing is then changed. */
enum jr_err jr_app_ijw_answer(struct jr_app *app, const char *agb, const char *reference,
			      bool investigating, const char *reason, const char *residence,
			      jr_ijw_file_fn fn, void *ctx);

/* The JW301 messages for the allocations made on or after `since`: per child and provider one
 * message with all their current allocations (OP087), in the product and result regimes (the
 * generic one sends none). An allocation honouring a request (JW315) names its reference.
 * *skipped counts the children left out, each with a reason written to `why` (one per line):
 * no address known, or a unit or frequency the standard has no code for. With `provider_agb`
 * only the messages to that provider. JR_ERR_IO (or `fn`'s error) when `fn` failed: the
 * messages handed to it before are sent, that one and those after are not. */
enum jr_err jr_app_ijw_export(struct jr_app *app, jr_day since, const char *provider_agb,
			      jr_ijw_file_fn fn, void *ctx, size_t *written, size_t *skipped,
			      struct jr_buf *why);

/* The same for a download in the browser (issue 15 point 2): each message handed to `fn` named
 * by the allocation and the child, "JW301-<allocation id>-<initials>.xml" (the first allocation
 * of the message; the initials of the child's given names and family name, ASCII letters
 * only). The name is personal data: for a Content-Disposition or a download attribute only,
 * never for a log, a message or a URL. */
enum jr_err jr_app_ijw_export_download(struct jr_app *app, jr_day since, const char *provider_agb,
				       jr_ijw_file_fn fn, void *ctx, size_t *written,
				       size_t *skipped, struct jr_buf *why);

/* Issue 15 point 2: a claim entered in the browser. The form of allocation `id` for the month
 * of `month`: the product (category, code), the part of the month the allocation runs
 * (begin, end: the first of the month or the allocation's start, the last of the month or its
 * end), the unit and the units the allocation allows in that period, and the contract tariff.
 * Reach as a start of care (JR_ERR_NOT_FOUND alike for another's); JR_ERR_INPUT on "month"
 * when the allocation does not run in that month; JR_ERR_REFUSED in the generic regime. */
struct jr_app_claim_form {
	int64_t allocation_id;
	jr_day month_start, month_end;
	char category[3];
	char product_code[21];
	jr_day begin, end;
	char unit[17];     /* as the records name it ("uur"), "stuks" for a result */
	char unit_code[3]; /* WJ756 */
	int64_t volume;
	bool has_tariff;
	int64_t tariff_cents;
};
enum jr_err jr_app_claim_form(struct jr_app *app, int64_t id, jr_day month,
			      struct jr_app_claim_form *f);
/* A line of the claim as the provider states it. */
struct jr_app_claim_line {
	jr_day begin, end;
	int64_t volume;
};
#define JR_APP_CLAIM_LINES_MAX 5
/* Writes the JW323 of lines[0..n) on allocation `id` in the month of `month` (product, unit and
 * tariff from the allocation and its contract) and takes it in with jr_app_ijw_import: the same
 * checks as a JW323 file, answered with the JW325 in o->answer, each refused line in
 * o->findings (at JR_IJW_AT_LINE, index i). JR_ERR_INPUT naming "lines[i]" for a line outside
 * the month or without units. */
enum jr_err jr_app_claim_submit(struct jr_app *app, int64_t id, jr_day month,
				const struct jr_app_claim_line *lines, size_t n,
				struct jr_ijw_outcome *o);

/* A claim (JW323) accepted whole and answered (JW325), recorded as the exchange records one
 * taken in — the message in, the claim, its lines granted, the answer out — without its XML and
 * without the checks of a message: for a loader that writes a past it made itself (the demo:
 * src/demo/claims.c), never for what a provider sends (that is jr_app_ijw_import). */
struct jr_app_accepted_line {
	int64_t allocation_id; /* to the claim's provider, of a child of its municipality */
	jr_day begin, end;     /* the product period, within the allocation and the claim's */
	int64_t volume;        /* units delivered */
	const char *unit;      /* the tariff's unit as the records name it ("uur", "etmaal") */
	bool has_tariff;
	int64_t tariff_cents;
	int64_t amount_cents;  /* debit */
};
struct jr_app_accepted_claim {
	int64_t provider_id;
	char provider_agb[9];      /* the sender */
	char municipality[5];      /* the receiver */
	char number[13];           /* DeclaratieNummer and the message's identification: up to
				    * 12 letters and digits, once per provider */
	char answer_ident[13];     /* the JW325's identification, once for the municipality */
	jr_day begin, end;         /* the claim period */
	jr_day sent;               /* the day it was sent and answered (the records' stamp) */
	const struct jr_app_accepted_line *lines;
	size_t line_count;
};
/* Records `c` (operator only: JR_ERR_FORBIDDEN for a principal) in one transaction, or one part
 * of the caller's bulk transaction: an accepted JW323 message in, the claim with submitted and
 * granted the lines' sum, each line accepted with its allocation's product (category, code) and
 * the unit's WJ756 code (a result: 82; a unit the standard does not name: 84), and the JW325
 * out answering it. JR_ERR_INPUT (explained in app->diag) for no lines, a line whose
 * allocation is missing, another provider's or municipality's, in the generic regime (no
 * claims per allocation there) or with its period outside the allocation or the claim;
 * JR_ERR_CONFLICT when the number or the answer's identification is taken; errors of the
 * store. Nothing is kept on an error. */
enum jr_err jr_app_ijw_claim_accepted(struct jr_app *app, const struct jr_app_accepted_claim *c);

/* The i-th unit an allocation's volume is named in as the records hold it ("uur"), with its
 * iJw WJ756 code ("04") in *code; NULL, *code untouched, past the last. */
const char *jr_app_ijw_unit_at(size_t i, const char **code);

/* The i-th place in a message a problem names ("header", "client", …: the `at` of a problem,
 * view/view_ijw.h) with its Dutch label in *label; NULL, *label untouched, past the
 * last. */
const char *jr_app_ijw_place_at(size_t i, const char **label);

#endif
