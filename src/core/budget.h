/* budget: the arithmetic of a contract manager's budget ceiling and capacity, without I/O — how
 * much of a provider's ceiling for a year the accepted claims used (in whole percents, rounded
 * down), and whether that reaches the warning at 80 % or the ceiling itself (100 %); and how many
 * of the places of a form are taken by running allocations. Amounts are euro cents. */
#ifndef JR_CORE_BUDGET_H
#define JR_CORE_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* The largest ceiling taken: ten billion euros, in cents (beyond that it is a typo). */
#define JR_BUDGET_CEILING_MAX 1000000000000LL
/* The most places of one form at one provider. */
#define JR_CAPACITY_MAX 100000

enum jr_budget_level {
	JR_BUDGET_UNDER,   /* below 80 % of the ceiling */
	JR_BUDGET_NEAR,    /* 80 % or more, below 100 % */
	JR_BUDGET_REACHED, /* 100 % or more */
};

struct jr_budget_state {
	int64_t ceiling_cents;
	int64_t claimed_cents; /* accepted debits less accepted credits; never below 0 here */
	int64_t left_cents;    /* the ceiling less what was claimed; negative when over it */
	int percent;           /* claimed of the ceiling, whole percents rounded down; capped at 999 */
	enum jr_budget_level level;
};

/* Fills *out for a ceiling of `ceiling_cents` (1..JR_BUDGET_CEILING_MAX) and `claimed_cents`
 * (a negative balance counts as 0). JR_ERR_INPUT for a ceiling outside its range. Exact in
 * integers: 80 % is reached when claimed * 5 >= ceiling * 4. */
enum jr_err jr_budget_compute(int64_t ceiling_cents, int64_t claimed_cents,
			      struct jr_budget_state *out);

/* "under", "near", "reached". */
const char *jr_budget_level_name(enum jr_budget_level level);

/* The Dutch warning for a level into out (NUL-terminated, cap > 0), with the percentage and the
 * year; "" for JR_BUDGET_UNDER. Not colour only: the words say how far the ceiling is used. */
void jr_budget_warning(const struct jr_budget_state *b, int year, char *out, size_t cap);

struct jr_occupancy {
	int places;   /* 0 = none given */
	int occupied; /* running allocations of the form with the provider */
	int free;     /* places less occupied; negative when more run than there are places */
	int percent;  /* occupied of places, rounded down; 0 without places; capped at 999 */
	bool full;    /* places given and every one taken (or more) */
};

/* Fills *out; JR_ERR_INPUT for places or occupied below 0 or places above JR_CAPACITY_MAX. */
enum jr_err jr_occupancy_compute(int places, int occupied, struct jr_occupancy *out);

#endif
