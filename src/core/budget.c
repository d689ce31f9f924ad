/* budget: budget ceiling and capacity arithmetic (see budget.h). */
#include "core/budget.h"

#include <stdio.h>
#include <string.h>

enum jr_err jr_budget_compute(int64_t ceiling_cents, int64_t claimed_cents,
			      struct jr_budget_state *out)
{
	int64_t claimed = claimed_cents < 0 ? 0 : claimed_cents;
	int64_t percent;

	memset(out, 0, sizeof(*out));
	if (ceiling_cents < 1 || ceiling_cents > JR_BUDGET_CEILING_MAX)
		return JR_ERR_INPUT;
	/* claimed beyond ten times the ceiling reads as 999 %: no overflow in claimed * 100 */
	if (claimed / 10 > ceiling_cents)
		percent = 999;
	else
		percent = claimed * 100 / ceiling_cents;
	if (percent > 999)
		percent = 999;
	out->ceiling_cents = ceiling_cents;
	out->claimed_cents = claimed;
	out->left_cents = ceiling_cents - claimed;
	out->percent = (int)percent;
	if (claimed >= ceiling_cents)
		out->level = JR_BUDGET_REACHED;
	else if (claimed * 5 >= ceiling_cents * 4) /* claimed < ceiling: no overflow */
		out->level = JR_BUDGET_NEAR;
	else
		out->level = JR_BUDGET_UNDER;
	return JR_OK;
}

const char *jr_budget_level_name(enum jr_budget_level level)
{
	switch (level) {
	case JR_BUDGET_UNDER: return "under";
	case JR_BUDGET_NEAR: return "near";
	case JR_BUDGET_REACHED: return "reached";
	}
	return "under";
}

void jr_budget_warning(const struct jr_budget_state *b, int year, char *out, size_t cap)
{
	if (b->level == JR_BUDGET_REACHED)
		snprintf(out, cap,
			 "Het budgetplafond voor %d is bereikt: %d %% is gedeclareerd. Nieuwe "
			 "declaraties gaan boven het plafond.",
			 year, b->percent);
	else if (b->level == JR_BUDGET_NEAR)
		snprintf(out, cap,
			 "Let op: %d %% van het budgetplafond voor %d is gedeclareerd (de "
			 "waarschuwing begint bij 80 %%).",
			 b->percent, year);
	else
		out[0] = '\0';
}

enum jr_err jr_occupancy_compute(int places, int occupied, struct jr_occupancy *out)
{
	memset(out, 0, sizeof(*out));
	if (places < 0 || occupied < 0 || places > JR_CAPACITY_MAX)
		return JR_ERR_INPUT;
	out->places = places;
	out->occupied = occupied;
	out->free = places - occupied;
	if (places > 0) {
		int64_t percent = (int64_t)occupied * 100 / places;
		out->percent = percent > 999 ? 999 : (int)percent;
		out->full = occupied >= places;
	}
	return JR_OK;
}
