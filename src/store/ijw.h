/* ijw: what the iJw exchange keeps (store_ijw.c): the messages, the allocations as the exchange
 * sees them, requests for allocation or change, claims. */
#ifndef JR_STORE_IJW_H
#define JR_STORE_IJW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

#include "store/store_types.h"
#include "store/provider.h"

/* iJw exchange (store_ijw.c). Each call works inside the caller's transaction when there is one
 * (jr_store_bulk_begin): an incoming message is taken in whole or not at all. */

/* A message exchanged, without its content: direction "in" or "out", its kind ("JW305"), its
 * identification, day and parties, and "accepted", "rejected" or "sent"; `answers` is the
 * message a return message answers (0 for none). */
struct jr_ijw_message_rec {
	int64_t id;
	char direction[4];
	char code[6];
	char identification[12 * 4 + 1]; /* up to 12 characters */
	jr_day dagtekening;
	char sender[9];
	char receiver[9];
	char status[10];
	int64_t answers;
};
/* Whether a message of this direction, kind, sender and identification is on record (TR056). */
enum jr_err jr_store_ijw_message_known(struct jr_store *s, const char *direction,
				       const char *code, const char *sender,
				       const char *identification, bool *known);
/* Records a message; sets m->id. An outgoing message without identification gets one
 * ("JR" and a number), unique for jeugdroute as sender. JR_ERR_CONFLICT when known. */
enum jr_err jr_store_ijw_message_add(struct jr_store *s, const struct jr_actor *a,
				     struct jr_ijw_message_rec *m);

/* The provider's return message to one of jeugdroute's messages (a JW302 to a JW301, a JW320
 * to a JW319): the message sent of kind `code` by `sender` with `identification` becomes
 * "acknowledged", or "rejected" with the return codes (comma-separated) when there are any but
 * 0200. *found false when no such message was sent. */
enum jr_err jr_store_ijw_message_answered(struct jr_store *s, const struct jr_actor *a,
					  const char *code, const char *sender,
					  const char *identification, const char *codes,
					  bool *found);

/* The provider with this AGB code; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_provider_find_agb(struct jr_store *s, const char *agb,
				       struct jr_provider *out);

/* An allocation as the exchange needs it (the iJw ToewijzingNummer is its id). */
struct jr_ijw_allocation {
	int64_t id;
	int64_t provider_id;
	char provider_agb[9];
	int64_t child_id;
	char municipality[5]; /* of the help request */
	int form;
	char jz020[3];
	char regime[12];
	char product_code[17];
	int intensity;
	int64_t volume;
	char unit[16];
	char frequency[24];
	jr_day start;
	bool has_end;
	jr_day end;
	char change_reason[3];
	jr_day decided;      /* Toewijzingsdatum: when made, or last changed (a JW301 with the
			      * same ToewijzingNummer and a later date and time replaces one) */
	char decided_at[9];  /* Toewijzingstijd */
	int64_t referral_id;
	int64_t help_request_id;
};
/* The allocation with this id; *found false when there is none (not an error: a message may
 * name any number, and a lookup inside a bulk transaction must not fail it). */
enum jr_err jr_store_ijw_allocation(struct jr_store *s, int64_t id, struct jr_ijw_allocation *out,
				    bool *found);
/* In the generic regime (taakgericht) no allocation message is sent, and a start or stop names
 * no ToewijzingNummer: the provider's allocation for this child with this product category
 * that runs on `on` is the one meant; *found false when there is none. */
enum jr_err jr_store_ijw_allocation_generic(struct jr_store *s, int64_t provider_id,
					    int64_t child_id, const char *jz020, jr_day on,
					    struct jr_ijw_allocation *out, bool *found);
/* The provider's current allocations for this child on `on` (not ended before it, not deleted
 * with reason 13), at most `max`: what a request for change (JW317) must name (TR349). */
enum jr_err jr_store_ijw_allocations_current(struct jr_store *s, int64_t provider_id,
					     int64_t child_id, jr_day on,
					     struct jr_ijw_allocation *out, size_t max, size_t *count);
typedef enum jr_err (*jr_ijw_allocation_fn)(void *ctx, const struct jr_ijw_allocation *al);
/* The allocations made or changed on or after `since`, oldest first, for an export. */
enum jr_err jr_store_ijw_allocations_since(struct jr_store *s, jr_day since,
					   jr_ijw_allocation_fn fn, void *ctx);

/* JW315, JW317: a request for allocation or change, open until the municipality allocates or
 * answers (JW319). */
struct jr_ijw_request_rec {
	int64_t id;
	char kind[6];      /* "JW315" or "JW317" */
	int64_t change_of; /* JW317: the allocation to change; 0 for a new product */
	int64_t message_id;
	int64_t provider_id;
	int64_t help_request_id;
	int64_t referral_id;
	char reference[36 * 4 + 1]; /* ReferentieAanbieder: up to 36 characters */
	char jz020[3];
	char product_code[5 * 4 + 1];
	jr_day start;
	bool has_end;
	jr_day end;
	bool has_volume;
	int64_t volume;
	char unit[3];
	char frequency[2];
	bool has_budget;
	int64_t budget_cents;
	char status[14]; /* open, allocated, refused, investigating */
};
enum jr_err jr_store_ijw_request_add(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				     struct jr_ijw_request_rec *r);
/* Whether this provider used this reference before (TR347), and whether it has a request open
 * for this child (TR374). */
enum jr_err jr_store_ijw_request_seen(struct jr_store *s, int64_t provider_id,
				      const char *reference, int64_t child_id, bool *reference_used,
				      bool *open_for_child);
/* The request an allocation honours (by its referral), if any: "" in reference otherwise. */
enum jr_err jr_store_ijw_request_of_referral(struct jr_store *s, int64_t referral_id,
					     struct jr_ijw_request_rec *out);
/* The request for change (JW317) an allocation's last change honoured, if any: "" in reference
 * otherwise. */
enum jr_err jr_store_ijw_request_of_change(struct jr_store *s, int64_t allocation_id,
					   struct jr_ijw_request_rec *out);
/* The state of this provider's request (all its rows) with this reference: *found, its status
 * (of the first row), the municipality of its help request and its child. */
enum jr_err jr_store_ijw_request_state(struct jr_store *s, int64_t provider_id,
				       const char *reference, bool *found, char status[14],
				       char municipality[5], int64_t *child_id);
/* Sets the status of every row of this provider's request with this reference (audited on the
 * child as ijw.answer). */
enum jr_err jr_store_ijw_request_set_status(struct jr_store *s, const struct jr_actor *a,
					    int64_t provider_id, const char *reference,
					    const char *status);
/* Marks the request allocated with this allocation. */
enum jr_err jr_store_ijw_request_allocated(struct jr_store *s, int64_t request_id,
					   int64_t allocation_id);

/* JW323: a claim and its lines. */
struct jr_claim_rec {
	int64_t id;
	int64_t message_id;
	int64_t provider_id;
	char number[13]; /* DeclaratieNummer: up to 12 letters and digits */
	jr_day start, end;
	int64_t submitted_cents, granted_cents;
};
struct jr_claim_line_rec {
	int64_t claim_id;
	int64_t provider_id;
	int64_t allocation_id; /* 0 when it names none that exists */
	int64_t child_id;      /* for the audit log; 0 when unknown */
	char reference[20 * 4 + 1]; /* ReferentieNummer: up to 20 characters */
	char previous_reference[20 * 4 + 1];
	char jz020[3];
	char product_code[5 * 4 + 1];
	jr_day start, end;
	int64_t volume;
	char unit[3];
	bool has_tariff;
	int64_t tariff_cents;
	int64_t amount_cents;
	bool debit;
	bool accepted;
	char codes[64]; /* the return codes of a rejected line, comma-separated */
};
enum jr_err jr_store_claim_add(struct jr_store *s, const struct jr_actor *a, struct jr_claim_rec *c);
enum jr_err jr_store_claim_line_add(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_claim_line_rec *l);
/* Whether the provider used this claim number before (TR333). */
enum jr_err jr_store_claim_known(struct jr_store *s, int64_t provider_id, const char *number,
				 bool *known);
/* TR318: the end of the provider's last claim period to this municipality before `begin`
 * (*has_previous), and whether care of the provider for a child of the municipality ran on a
 * day after it and before `begin` (*delivered_between). */
enum jr_err jr_store_claim_previous(struct jr_store *s, int64_t provider_id,
				    const char *municipality, jr_day begin, bool *has_previous,
				    jr_day *previous_end, bool *delivered_between);
/* What is on record for a line reference of this provider: *debit_accepted when an accepted
 * debit line has it (what a credit must refer to, TR323), *credited when a credit line refers
 * to it already (TR390), *used when any line has it (TR314). */
enum jr_err jr_store_claim_reference(struct jr_store *s, int64_t provider_id,
				     const char *reference, bool *used, bool *debit_accepted,
				     bool *credited);
/* The volume accepted so far on an allocation: debit minus credit (TR322, TR369). */
enum jr_err jr_store_claimed_volume(struct jr_store *s, int64_t allocation_id, int64_t *volume);
/* Whether an accepted debit line covers this allocation, product and period already (TR389). */
enum jr_err jr_store_claim_period_debited(struct jr_store *s, int64_t allocation_id,
					  const char *product_code, jr_day start, jr_day end,
					  bool *debited);

#endif
