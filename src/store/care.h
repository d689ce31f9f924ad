/* care: referrals, allocations, court measures and the care delivered on an allocation
 * (store_care.c). */
#ifndef JR_STORE_CARE_H
#define JR_STORE_CARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/course.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"
#include "core/policy.h"

#include "store/store_types.h"

/* Referrals, allocations and care (store_care.c). */
#define JR_IDEMPOTENCY_KEY_MAX 64 /* characters of an Idempotency-Key: visible ASCII */
#define JR_FINGERPRINT_HEX 64     /* a request's keyed fingerprint, hex */
struct jr_referral {
	int64_t id;
	int64_t help_request_id;
	int referrer_type;        /* COD327 number */
	char agb[9];              /* "" when the referrer type carries none */
	char referrer_name[JR_PERSON_NAME_MAX]; /* the referring professional or organisation */
	jr_day referred_on;
	int form;
	bool valid;               /* judged by rule 7 when recorded */
	/* How it came in: "api" (a referrer's own request), "cli", "ijw" (named in a provider's
	 * JW315: the referrer did not make it here), "demo", "migrated" (recorded before v13). */
	char source[12];
	int64_t organisation_id;  /* the referring organisation that made it; 0 = none */
	/* API referrals only: the client's Idempotency-Key ("" = none), the keyed fingerprint of
	 * the request that made it (jr_store_fingerprint), and whether it is the one referral of
	 * its organisation for this child and form on referred_on. */
	char idempotency_key[JR_IDEMPOTENCY_KEY_MAX + 1];
	char fingerprint[JR_FINGERPRINT_HEX + 1];
	bool once_a_day;
	/* The referral letter of an API referral (issue 15; "" for those made otherwise): the
	 * urgency (core/referral_letter.h), what was tried before, and who consented to the referral
	 * (ibid.) — stated by the referrer, never assumed. The question is the help
	 * request's. */
	char urgency[16];
	char tried[JR_TEXT_FIELD_MAX];
	char consent[24];
};

/* Records a referral; `valid` is the caller's judgement with jr_rule_referral_check; `source`
 * must be set. JR_ERR_CONFLICT when the organisation has a referral with this idempotency key,
 * or (once_a_day) one for the child and form that day already. */
enum jr_err jr_store_referral_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_referral *r);
/* A keyed fingerprint (BLAKE2b with the store's own hashing key, hex) of `text`, so that a
 * request holding a BSN can be recognised again without keeping anything that reveals it. */
void jr_store_fingerprint(const struct jr_store *s, const char *text,
			  char out[JR_FINGERPRINT_HEX + 1]);
/* The referral organisation `org` made with this Idempotency-Key: *found tells whether there is
 * one; then *out holds it (with its fingerprint). Not audited: nothing of a person is read. */
enum jr_err jr_store_referral_by_key(struct jr_store *s, int64_t org, const char *key,
				     struct jr_referral *out, bool *found);
/* The referral organisation `org` made through the API for this child and form on `day`, if
 * any (*found). Not audited: the caller has the child's identity and audits what it answers. */
enum jr_err jr_store_referral_same_day(struct jr_store *s, int64_t org, int64_t child_id, int form,
				       jr_day day, struct jr_referral *out, bool *found);
/* How many times, since `since` (UTC, "YYYY-MM-DDTHH:MM:SSZ"), organisation `org` was refused
 * a referral of this person because the birth date or family name did not fit (audit action
 * referral.mismatch). */
enum jr_err jr_store_referral_mismatches(struct jr_store *s, int64_t org, int64_t person_id,
					 const char *since, int64_t *count);

struct jr_allocation {
	int64_t id;
	int64_t help_request_id;
	char number[21];          /* ToewijzingNummer, assigned by the store: "<municipality>-<id>" */
	int64_t provider_id;
	int64_t referral_id;      /* 0 = municipal decision */
	int form;
	char jz020[3];
	enum jr_regime regime;
	char result_description[JR_TEXT_FIELD_MAX];
	int intensity;            /* OB1..OB4 as 1..4, 0 = none */
	char product_code[17];
	int volume;
	char unit[16];
	char frequency[24];
	jr_day start;
	bool has_end;
	jr_day end;
	int64_t gi_organisation_id; /* the GI whose decision it is, within its measure; 0 = the
				       municipality's */
	/* principle 13: the municipality responsible for this care (the help request's, set by
	 * app/care.c; "" = the store takes the help request's); a move does not change it */
	char responsible[5];
};
/* What the allocation rules (jr_allocation_check, checked by app/care.c) need from the records
 * for allocation `al` (its help request, provider, referral, form and start) under the policy
 * of region `region`: sets f->measure (the child's on the start day), broad_analysis,
 * provider_known, provider_status, provider_gi (an organisation of kind gi has its AGB),
 * referral_valid (for this help request and form, valid), contract_covers and product_listed
 * (for al->product_code); leaves the rest of *f. JR_ERR_NOT_FOUND when the help request does not
 * exist. Not audited: nothing of a person is shown. */
enum jr_err jr_store_allocation_facts(struct jr_store *s, const struct jr_allocation *al,
				      const char *region, struct jr_allocation_facts *f);
/* An allocation already made for the child of a help request, for the rule against a second
 * one of the same kind in the same period (jr_allocation_overlaps, checked by app/care.c). */
struct jr_allocation_held {
	int64_t id;
	char number[21];
	struct jr_allocation_period period;
};
typedef enum jr_err (*jr_allocation_held_fn)(void *ctx, const struct jr_allocation_held *h);
/* Calls `fn` for every allocation of form `form` made for the child of help request
 * `help_request_id`, under any of its help requests, earliest start first. Audited once
 * ("allocation.overlap_check", the child): a refusal names the allocation it overlaps.
 * JR_ERR_NOT_FOUND when the help request does not exist. */
enum jr_err jr_store_allocations_held(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, int form,
				      jr_allocation_held_fn fn, void *ctx);
/* Records allocation `al` as the app decided it (regime and jz020 filled in; no rule checked
 * here): sets id and number. JR_ERR_NOT_FOUND when the help request does not exist. */
enum jr_err jr_store_allocation_add(struct jr_store *s, const struct jr_actor *a,
				    struct jr_allocation *al);

/* What a change of an allocation is checked against (app/care.c). */
struct jr_allocation_state {
	jr_day start;
	bool has_end;
	jr_day end;
	bool has_volume;
	int volume;
};
/* JR_ERR_NOT_FOUND when there is no allocation `id`. Not audited. */
enum jr_err jr_store_allocation_state(struct jr_store *s, int64_t id,
				      struct jr_allocation_state *out);

/* A change of an allocation's end or extent, with its reason (iJw JZ002: 02 to 14; 01 is
 * withdrawn, CS336), as the municipality decides it, often to honour a provider's request for
 * change (JW317). What is not set stays. */
struct jr_allocation_change {
	char reason[3];
	bool has_end;
	jr_day end;
	bool has_volume;
	int volume;
};
/* Changes allocation `id` as the app decided (with its history, audited) and marks the requests
 * for change of it that wait for the municipality as honoured (*honoured: how many). The next
 * `ijw export` sends it again, with its RedenWijziging. JR_ERR_NOT_FOUND. */
enum jr_err jr_store_allocation_change(struct jr_store *s, const struct jr_actor *a, int64_t id,
				       const struct jr_allocation_change *c, int *honoured);

/* The longest court reference (zaak- or rekestnummer of a decision) kept, with its NUL. */
#define JR_MEASURE_REFERENCE_MAX 65

/* A court measure (OTS, voogdij, jeugdreclassering, machtiging gesloten jeugdhulp) for a child:
 * the compulsory framework. gi_organisation_id 0 = not recorded; reference "" = not recorded. */
struct jr_measure_record {
	int64_t id;
	int64_t child_id;
	enum jr_measure kind;
	jr_day court_date;
	int64_t gi_organisation_id;
	jr_day start;
	bool has_end;
	jr_day end;
	char reference[JR_MEASURE_REFERENCE_MAX];
};
/* JR_ERR_NOT_FOUND when the child (or the GI organisation) does not exist; the end before the
 * start is the app's to refuse. */
enum jr_err jr_store_measure_add(struct jr_store *s, const struct jr_actor *a,
				 struct jr_measure_record *m);
/* The measure in force for a child on a date (JR_MEASURE_NONE when none). */
enum jr_err jr_store_measure_on(struct jr_store *s, int64_t child_id, jr_day day,
				enum jr_measure *kind);

/* Principle 8: a measure as recorded, with its current end (after extensions). Not audited:
 * the app reads it to decide on a change, which is. JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_measure_get(struct jr_store *s, int64_t id, struct jr_measure_record *m);

/* The judge's extension of a measure: its new end, decided on court_date. previous_end is the
 * end before, set by the store. */
struct jr_measure_extension {
	int64_t id;
	int64_t measure_id;
	jr_day court_date;
	jr_day previous_end;
	jr_day new_end;
	char reference[JR_MEASURE_REFERENCE_MAX]; /* "" = not recorded */
};
/* Records extension `e` (its id and previous_end set) and moves the measure's end to
 * e->new_end, audited as measure.extend on the child; whether it may is the app's. Measures with
 * no end are the app's to refuse. JR_ERR_NOT_FOUND when there is no such measure. */
enum jr_err jr_store_measure_extend(struct jr_store *s, const struct jr_actor *a,
				    struct jr_measure_extension *e);

typedef enum jr_err (*jr_measure_extension_fn)(void *ctx, const struct jr_measure_extension *e);
/* Issue 15 point 3: measure `id` as recorded (m) and each of its extensions, oldest first, to
 * `fn` (may be NULL); audited as measure.read on the child. JR_ERR_NOT_FOUND when there is no
 * such measure. Whether the reader may is the app's. */
enum jr_err jr_store_measure_read(struct jr_store *s, const struct jr_actor *a, int64_t id,
				  struct jr_measure_record *m, jr_measure_extension_fn fn,
				  void *ctx);

/* An authorisation of the judge beside a measure (machtiging uithuisplaatsing, machtiging
 * gesloten jeugdhulp), with its own term. */
struct jr_measure_authorisation {
	int64_t id;
	int64_t measure_id;
	enum jr_authorisation kind;
	jr_day court_date;
	jr_day start;
	bool has_end;
	jr_day end;
};
/* Records authorisation `au` (its id set), audited as measure.authorise on the child; whether
 * it fits the measure is the app's. JR_ERR_NOT_FOUND when there is no such measure. */
enum jr_err jr_store_authorisation_add(struct jr_store *s, const struct jr_actor *a,
				       struct jr_measure_authorisation *au);

/* The measure in force for a child on a date, as jr_store_measure_on, and the authorisations
 * beside that measure in force that day (JR_AUTH_BIT mask). Not audited. */
enum jr_err jr_store_measure_in_force(struct jr_store *s, int64_t child_id, jr_day day,
				      enum jr_measure *kind, unsigned *authorisations);

/* The outcome of care on ending (the national outcome indicators). */
struct jr_care_outcome {
	char goals_reached[8];      /* yes, partly, no */
	bool continues_without_help;
	int satisfaction;           /* 1..10 */
	char end_reason[3];         /* iJw JZ588 code, two digits */
};
/* The running care of an allocation: *delivery_id 0 when none runs, else its id and *started.
 * JR_ERR_NOT_FOUND when there is no such allocation. Not audited. */
enum jr_err jr_store_care_running(struct jr_store *s, int64_t allocation_id, int64_t *delivery_id,
				  jr_day *started);
/* Starts care on an allocation (whether it may, is the app's: app/care.c). */
enum jr_err jr_store_care_start(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
				jr_day on, int64_t *delivery_id);
/* Stops the running care of an allocation, with its outcome (JR_ERR_NOT_FOUND when none runs;
 * a stop before the start is the app's to refuse). */
enum jr_err jr_store_care_stop(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
			       jr_day on, const struct jr_care_outcome *o);

/* A start of care (delivery) of an allocation, with its stop if any. */
struct jr_delivery_rec {
	int64_t id;
	jr_day started;
	bool stopped;
	jr_day stopped_on;
	char end_reason[3];
};
#define JR_DELIVERIES_MAX 64
/* The deliveries of an allocation, by start (at most JR_DELIVERIES_MAX). */
enum jr_err jr_store_deliveries_of(struct jr_store *s, int64_t allocation_id,
				   struct jr_delivery_rec *out, size_t *count);
/* A start, a stop (with its JZ588 reason, no outcome), the removal of a stop, the removal of a
 * start: each audited on the child as care.start, care.stop, care.unstop, care.unstart. */
enum jr_err jr_store_delivery_start(struct jr_store *s, const struct jr_actor *a,
				    int64_t allocation_id, jr_day on, int64_t *id);
enum jr_err jr_store_delivery_stop(struct jr_store *s, const struct jr_actor *a,
				   int64_t allocation_id, int64_t delivery_id, jr_day on,
				   const char *reason);
enum jr_err jr_store_delivery_unstop(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id);
enum jr_err jr_store_delivery_remove(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id);

#endif
