/* monitor: the raw counts and sums behind the Regiovisie monitor (store_monitor.c; issue 16):
 * per municipality the counts for the targets in a year, the allocations of a year with their
 * tariff and the accepted claims (JW323), the waiting list on a day, the waits per month, and
 * contracted places against running allocations. Only counts, sums and days leave the store:
 * no person is named. One audit entry per read. */
#ifndef JR_STORE_MONITOR_H
#define JR_STORE_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"

#include "store/store_types.h"

#define JR_MON_PROVIDER_NAME_MAX 160

/* The counts of the targets for one municipality and one calendar year. */
struct jr_mon_counts {
	char municipality[5];
	int64_t children_in_care;  /* distinct children with an allocation running in the year */
	int64_t children_away;     /* of them: with a running allocation of a stay form */
	int64_t secure_admissions; /* allocations of a secure form that started in the year */
	int64_t help_requests;     /* raised in the year */
	int64_t settled;           /* of them: closed without any allocation */
	int64_t allocations;       /* started in the year */
	int64_t compulsory;        /* of them: a measure in force on the start */
	int *waits;                /* days referral -> allocation of allocations started in the
				    * year (owned; jr_store_monitor_counts_release) */
	size_t wait_count, wait_cap;
};

/* Fills rows (at most max municipalities; *count) for `year`. `stay_forms` and `secure_forms`
 * are masks (1u << form) from the policy. One audit entry. */
enum jr_err jr_store_monitor_counts(struct jr_store *s, const struct jr_actor *a, int year,
				    unsigned stay_forms, unsigned secure_forms,
				    struct jr_mon_counts *rows, size_t max, size_t *count);
void jr_store_monitor_counts_release(struct jr_mon_counts *rows, size_t count);

/* One allocation running in a year, with the tariff of its provider's contract (a tariff of
 * the contract for its product code or result level valid on its start; else the contract's
 * own tariff for the form). */
struct jr_mon_alloc {
	char municipality[5];
	int64_t provider_id;
	char provider[JR_MON_PROVIDER_NAME_MAX];
	int form;
	int days;            /* days it runs in the year (an open end runs to the year's end) */
	bool starts_in_year;
	int64_t volume;      /* 0 when none */
	char frequency[24];
	bool has_tariff;
	int64_t tariff_cents;
	char unit[16];
	bool per_result; /* a tariff for a result level (OB1..OB4) */
};
/* A sum of accepted claim lines (debits less credits) whose period starts in the year, of the
 * lines that name an allocation. */
struct jr_mon_claim {
	char municipality[5];
	int64_t provider_id;
	char provider[JR_MON_PROVIDER_NAME_MAX];
	int form;
	int64_t cents;
};
typedef enum jr_err (*jr_mon_alloc_fn)(void *ctx, const struct jr_mon_alloc *al);
typedef enum jr_err (*jr_mon_claim_fn)(void *ctx, const struct jr_mon_claim *c);
/* Hands every allocation running in `year` to fa, then every claim sum to fc. One audit
 * entry. */
enum jr_err jr_store_monitor_costs(struct jr_store *s, const struct jr_actor *a, int year,
				   jr_mon_alloc_fn fa, jr_mon_claim_fn fc, void *ctx);

/* On `day`: an allocation not started (no care started on or before the day, not ended), or a
 * valid referral not allocated (provider_id 0). */
struct jr_mon_waiting {
	char municipality[5];
	int64_t provider_id; /* 0: referred, not allocated */
	char provider[JR_MON_PROVIDER_NAME_MAX];
	int form;
	int days; /* waiting so far */
};
/* One allocation's wait from referral to allocation, by the month of the allocation. */
struct jr_mon_wait {
	char municipality[5];
	int year, month;
	int days;
};
typedef enum jr_err (*jr_mon_waiting_fn)(void *ctx, const struct jr_mon_waiting *w);
typedef enum jr_err (*jr_mon_wait_fn)(void *ctx, const struct jr_mon_wait *w);
/* The waiting list on `day` to fw, then the waits of allocations from `from` to `day` to fm.
 * One audit entry. */
enum jr_err jr_store_monitor_waiting(struct jr_store *s, const struct jr_actor *a, jr_day day,
				     jr_day from, jr_mon_waiting_fn fw, jr_mon_wait_fn fm,
				     void *ctx);

/* Places of a form at a provider and the allocations of that form with it running on a day. */
struct jr_mon_capacity {
	int64_t provider_id;
	char provider[JR_MON_PROVIDER_NAME_MAX];
	int form;
	int places;   /* 0 when none were given */
	int occupied;
};
typedef enum jr_err (*jr_mon_capacity_fn)(void *ctx, const struct jr_mon_capacity *c);
/* Every (provider, form) with places or running allocations on `day`, by provider and form,
 * of the providers with a contract of `region` (a policy id). Places are the provider's, so
 * every running allocation with it counts. One audit entry. */
enum jr_err jr_store_monitor_capacity(struct jr_store *s, const struct jr_actor *a,
				      const char *region, jr_day day, jr_mon_capacity_fn fn,
				      void *ctx);

#endif
