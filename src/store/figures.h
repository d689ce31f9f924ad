/* figures: the raw counts behind the regional figures (store_figures.c). */
#ifndef JR_STORE_FIGURES_H
#define JR_STORE_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"

#include "store/store_types.h"

/* The raw counts of the regional figures for one municipality and period (store_figures.c);
 * report/figures.c turns them into the published figures. Counts of children are distinct
 * children; the waiting times are lists of days (owned; jr_store_figures_release). */
struct jr_figures_raw {
	char municipality[5];
	int64_t help_requests;
	int64_t settled_without_youth_care; /* closed without any allocation */
	int64_t children_by_form[JR_FORM_COUNT + 1];
	int64_t children_in_care;
	int64_t children_away_from_home; /* forms 5-8 */
	int64_t allocations_compulsory, allocations_voluntary;
	int64_t referrals_by_type[9]; /* by COD327 number */
	int64_t care_ended;
	int64_t goals[3]; /* reached, partly, not */
	int64_t continued_without_help;
	/* care ended by reason (iJw JZ588): 31 according to plan; 32 and 33 one-sidedly early, by
	 * the client or by the provider (drop-out) */
	int64_t ended_according_to_plan, ended_drop_out;
	/* children with a request in the period; of them, with a repeat request: one raised at
	 * most 365 days after an earlier one of the same child */
	int64_t children_with_request, children_with_repeat_request;
	int *wait_allocation_days; /* referral → allocation */
	int64_t *wait_allocation_child; /* the child of each (NULL: each another child) */
	size_t wait_allocation_count, wait_allocation_cap;
	int *wait_start_days; /* allocation → start of care */
	int64_t *wait_start_child;
	size_t wait_start_count, wait_start_cap;
	int *satisfaction; /* the scores (1..10) of care ended in the period that has one */
	int64_t *satisfaction_child;
	size_t satisfaction_count, satisfaction_cap;
};
/* Fills rows (at most max municipalities; *count set) for the period from..to (inclusive). One
 * audit entry. */
enum jr_err jr_store_figures(struct jr_store *s, const struct jr_actor *a, jr_day from, jr_day to,
			     struct jr_figures_raw *rows, size_t max, size_t *count);
/* The same for a series of np consecutive periods from[p]..to[p] (each from[p + 1] the day after
 * to[p]), reading the records once for the whole range: period p's rows are rows[p * max ..]
 * (at most max; counts[p] set), each as jr_store_figures would give for that period alone.
 * JR_ERR_INPUT when the periods are not consecutive. One audit entry. */
enum jr_err jr_store_figures_series(struct jr_store *s, const struct jr_actor *a,
				    const jr_day *from, const jr_day *to, size_t np,
				    struct jr_figures_raw *rows, size_t max, size_t *counts);
/* One series of a read by jr_store_figures_levels: np consecutive periods from[p]..to[p], whose
 * rows are rows[p * max ..] (counts[p] set). */
struct jr_store_figures_level {
	const jr_day *from, *to;
	size_t np;
	struct jr_figures_raw *rows;
	size_t max;
	size_t *counts;
};
/* The same as jr_store_figures_series for up to three series over the same range at once (the
 * months, quarters and years of the figures' pattern, report/figures.h), reading the records
 * once: each record goes into its period of each series. JR_ERR_INPUT when a series is not
 * consecutive, the series do not cover one range, or there are more than three. One audit
 * entry. */
enum jr_err jr_store_figures_levels(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_store_figures_level *levels, size_t n);
void jr_store_figures_release(struct jr_figures_raw *rows, size_t count);

#endif
