/* contract: the contract manager's use cases beside the contracts themselves (app/provider.h) —
 * the tariffs of a contract per product code or result level, a provider's budget ceiling per
 * year with what its accepted claims came to and the warning at 80 % and 100 %, and the places
 * per form with their occupancy. For `jeugdroute contract tariff|tariffs`, `jeugdroute provider
 * budget|capacity` and /api/v1/contracts/{id}/tariffs, /api/v1/providers/{id}/budget and
 * /api/v1/providers/{id}/capacity. Contract managers write; whoever reads providers reads.
 * Never client data: sums and counts only. The store writes the audit entries. */
#ifndef JR_APP_CONTRACT_H
#define JR_APP_CONTRACT_H

#include "app/app.h"
#include "core/budget.h"

/* Adds tariff `t` to contract t->contract_id: a product code (1 to 5 letters and digits) that the
 * contract lists, or a result level 1..4 (OB1..OB4) where the result regime applies; an amount
 * of 0 cents or more; a unit of the iJw unit list (uur, minuut, etmaal, dagdeel, stuks, euro); a
 * period within the contract's. JR_ERR_INPUT with the field; JR_ERR_NOT_FOUND for no contract. */
enum jr_err jr_app_tariff_add(struct jr_app *app, struct jr_tariff *t);
/* The tariffs of contract `contract_id`; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_app_tariffs(struct jr_app *app, int64_t contract_id, jr_tariff_fn fn, void *ctx);

/* A provider's budget for a year as the contract manager sees it. */
struct jr_app_budget {
	struct jr_budget b;
	struct jr_budget_state state; /* zero when there is no ceiling */
	char warning[256];            /* Dutch; "" below 80 % or without a ceiling */
};
/* The budget of provider `provider_id` for `year` (2000..2100). */
enum jr_err jr_app_budget_get(struct jr_app *app, int64_t provider_id, int year,
			      struct jr_app_budget *out);
/* Sets the ceiling for `year` to `ceiling_cents` (1..JR_BUDGET_CEILING_MAX) from `version`
 * (0 for a new one): JR_ERR_CONFLICT (field "version") when it changed since. *out as now. */
enum jr_err jr_app_budget_set(struct jr_app *app, int64_t provider_id, int year,
			      int64_t ceiling_cents, int version, struct jr_app_budget *out);

typedef enum jr_err (*jr_app_capacity_fn)(void *ctx, int form, const struct jr_occupancy *o);
/* The places and occupancy per form of provider `provider_id` today. */
enum jr_err jr_app_capacity(struct jr_app *app, int64_t provider_id, jr_app_capacity_fn fn,
			    void *ctx);
/* Sets the places of `form` (1..10) at the provider to `places` (0..JR_CAPACITY_MAX; 0 removes
 * them). */
enum jr_err jr_app_capacity_set(struct jr_app *app, int64_t provider_id, int form, int places);

#endif
