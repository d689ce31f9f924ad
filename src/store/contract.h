/* contract: what a contract manager keeps beside the contracts (store_contract.c) — the tariffs
 * of a contract per product code or result level, a provider's budget ceiling per year with what
 * its accepted claims (JW323 lines) came to, and its places per form with the running
 * allocations that take them. Never client data: the sums and counts only. */
#ifndef JR_STORE_CONTRACT_H
#define JR_STORE_CONTRACT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

#include "store/store_types.h"

/* A tariff: for a product code (product regime) or a result level OB1..OB4 (level 1..4, result
 * regime), an amount per unit, valid from a day up to and including another (or open). */
struct jr_tariff {
	int64_t id;
	int64_t contract_id;
	char product_code[6]; /* iJw ProductCode, 1..5 characters; "" when a level is given */
	int level;            /* 1..4 for OB1..OB4; 0 when a product code is given */
	int64_t amount_cents; /* per unit */
	char unit[16];        /* the unit's word, e.g. "uur" (an iJw WJ756 unit) */
	jr_day valid_from;
	bool has_to;
	jr_day valid_to;
};

/* add: sets id; JR_ERR_NOT_FOUND when the contract does not exist. Audited. */
enum jr_err jr_store_tariff_add(struct jr_store *s, const struct jr_actor *a,
				struct jr_tariff *t);
typedef enum jr_err (*jr_tariff_fn)(void *ctx, const struct jr_tariff *t);
/* The tariffs of a contract, by product code or level and start; JR_ERR_NOT_FOUND when the
 * contract does not exist. */
enum jr_err jr_store_tariff_each(struct jr_store *s, int64_t contract_id, jr_tariff_fn fn,
				 void *ctx);

/* A provider's budget ceiling for a year and what was claimed in that year. */
struct jr_budget {
	int64_t provider_id;
	int year;
	bool has_ceiling;
	int64_t ceiling_cents;
	int version; /* of the ceiling; 0 when there is none */
	/* the accepted claim lines whose period starts in the year: debits less credits */
	int64_t claimed_cents;
};

/* The ceiling of provider `provider_id` for `year` and the claims of that year into *out;
 * JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_budget_get(struct jr_store *s, int64_t provider_id, int year,
				struct jr_budget *out);
/* Sets the ceiling of b->provider_id for b->year to b->ceiling_cents. A ceiling that exists is
 * changed from b->version, the version read (JR_ERR_CONFLICT when stale; its old amount kept in
 * record_history); a new one needs b->version 0. Audited. Fills *b as it is now. */
enum jr_err jr_store_budget_set(struct jr_store *s, const struct jr_actor *a,
				struct jr_budget *b);

/* The places of one form at a provider and the running allocations of that form with it today:
 * start on or before today, end open or today or later, and care not stopped. */
struct jr_capacity {
	int form;
	int places;   /* 0 when none were given */
	int occupied;
};
typedef enum jr_err (*jr_capacity_fn)(void *ctx, const struct jr_capacity *c);
/* For every form 1..10 that has places or running allocations, in form order; JR_ERR_NOT_FOUND
 * when the provider does not exist. */
enum jr_err jr_store_capacity_each(struct jr_store *s, int64_t provider_id, jr_day today,
				   jr_capacity_fn fn, void *ctx);
/* Sets the places of `form` at the provider (0 removes them). Audited. */
enum jr_err jr_store_capacity_set(struct jr_store *s, const struct jr_actor *a,
				  int64_t provider_id, int form, int places);

#endif
