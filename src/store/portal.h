/* portal: the lists the portals show (store_portal.c): a referrer's referrals, a provider's
 * allocations, a GI's measures. */
#ifndef JR_STORE_PORTAL_H
#define JR_STORE_PORTAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"
#include "store/care.h"

/* The longest answer the local team writes to a referrer, in bytes. */
#define JR_REFERRAL_ANSWER_MAX 600

/* The portals' lists (store_portal.c). A referral as its referrer sees it: the child by name
 * and birth date, its own question, and how far the local team got: received, accepted (the help
 * request left "registered" other than by withdrawal), allocated (the latest allocation on the
 * help request: provider, from when, care started or stopped), closed (closed or withdrawn, on
 * which day). Nothing else of the child's file. */
struct jr_referral_row {
	struct jr_referral r;
	int64_t child_id; /* for the audit entry; not for showing */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char question[JR_TEXT_FIELD_MAX];
	char state[16]; /* of the help request */
	bool accepted;
	bool allocated;
	char provider_name[JR_PERSON_NAME_MAX];
	jr_day allocated_from;
	jr_day care_started, care_stopped; /* 0 = not (yet) */
	jr_day closed_on;                  /* when state is closed or withdrawn; else 0 */
	/* the local team's short answer to the referrer ("" = none yet), its day and author */
	char answer[JR_REFERRAL_ANSWER_MAX + 1];
	jr_day answered_on;
	char answered_by[64];
};
typedef enum jr_err (*jr_referral_row_fn)(void *ctx, const struct jr_referral_row *r);
/* The referrals organisation `org` made itself (not those a provider's message names it in),
 * newest first: a page of `limit` after `offset`; *total is how many there are in all. Each
 * child listed is audited (referral.list). */
enum jr_err jr_store_referrals_of_organisation(struct jr_store *s, const struct jr_actor *a,
					       int64_t org, int64_t offset, int64_t limit,
					       jr_referral_row_fn fn, void *ctx, int64_t *total);
/* Referral `id` when organisation `org` made it (*found; audited referral.read). Another's
 * referral and one that does not exist are alike to the caller (*found false), and both are
 * audited: access.denied with the child, or referral.read.none. */
enum jr_err jr_store_referral_of_organisation(struct jr_store *s, const struct jr_actor *a,
					      int64_t org, int64_t id, struct jr_referral_row *out,
					      bool *found);

/* The referrals that led to help request `help_request_id`, oldest first, each to fn as its
 * referrer sees it and with its letter (the caller checked the reach). Each is audited
 * (referral.read). */
enum jr_err jr_store_referrals_of_help_request(struct jr_store *s, const struct jr_actor *a,
					       int64_t help_request_id, jr_referral_row_fn fn,
					       void *ctx);
/* The help request referral `id` led to (*found false when there is no such referral, or one
 * taken from a provider's message); not audited: nothing of a person is read. */
enum jr_err jr_store_referral_help_request(struct jr_store *s, int64_t id,
					   int64_t *help_request_id, bool *found);
/* Writes the local team's answer to the referrer of referral `id` (replacing one before), on
 * day `on` by `by` (the author's user name); audited referral.answer with the child. */
enum jr_err jr_store_referral_answer(struct jr_store *s, const struct jr_actor *a, int64_t id,
				     const char *answer, jr_day on, const char *by);

/* An allocation as its provider sees it: with the child and the state of care. */
struct jr_allocation_row {
	int64_t id;
	char number[21];
	int64_t help_request_id;
	int form;
	jr_day start, end; /* end 0 = none */
	char regime[12];
	char result_description[JR_TEXT_FIELD_MAX];
	char product_code[17];
	int64_t child_id;
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	jr_day care_started, care_stopped; /* the latest start and stop, 0 = none */
	bool care_running;
	char provider_agb[9];
	char provider_name[JR_PERSON_NAME_MAX];
	char responsible[5]; /* principle 13: the municipality responsible for this care */
};
typedef enum jr_err (*jr_allocation_row_fn)(void *ctx, const struct jr_allocation_row *r);
/* The allocations to the provider with this AGB, newest first: a page of `limit` after `offset`;
 * *total is how many there are in all. Each child listed is audited. */
enum jr_err jr_store_allocations_by_agb(struct jr_store *s, const struct jr_actor *a,
					const char *agb, int64_t offset, int64_t limit,
					jr_allocation_row_fn fn, void *ctx, int64_t *total);
/* One allocation (audited); JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_allocation_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_allocation_row *out);

/* A measure as its GI sees it: with the child. */
struct jr_measure_row {
	int64_t id;
	int64_t child_id;
	char kind[32];
	jr_day start, end; /* end 0 = none */
	jr_day court_date;
	char reference[65]; /* the court's reference; "" = not recorded */
	int64_t extensions; /* how many times the judge extended it */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5];
};
typedef enum jr_err (*jr_measure_row_fn)(void *ctx, const struct jr_measure_row *m);
/* Which measures a GI lists (issue 15 point 3): all, those running on a day (no end, or an end
 * on or after it; soonest end first), or those ended before it (latest end first). */
enum jr_measure_status { JR_MEASURES_ALL, JR_MEASURES_RUNNING, JR_MEASURES_ENDED };
/* The measures with this organisation as GI of `status` on `today` (ALL: newest first): a page
 * of `limit` after `offset`; *total is how many there are in all. Each child listed is
 * audited. */
enum jr_err jr_store_measures_by_gi(struct jr_store *s, const struct jr_actor *a,
				    int64_t gi_organisation_id, enum jr_measure_status status,
				    jr_day today, int64_t offset, int64_t limit,
				    jr_measure_row_fn fn, void *ctx, int64_t *total);

#endif
