/* scenario: the region's help requests as a population for a scenario (store_scenario.c,
 * issue 16 §6): per help request what routing needs and what was allocated, no name, no BSN. */
#ifndef JR_STORE_SCENARIO_H
#define JR_STORE_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"

#include "store/store_types.h"

struct jr_scen_record {
	char municipality[5];
	jr_day raised_on;
	jr_day birth_date;
	bool has_analysis;                  /* a broad analysis is on record */
	unsigned char needs[JR_NEED_COUNT]; /* of the latest broad analysis */
	enum jr_measure measure;            /* in force on raised_on (JR_MEASURE_NONE: none) */
	unsigned allocated;                 /* 1u << form of every allocation made for it */
};

/* Calls `each` for every help request of municipalities `codes` (`n` of them), in the order
 * they were made, until it returns an error (which is returned). One read transaction and one
 * audit entry, "scenario.read" on "help_requests". */
enum jr_err jr_store_scenario_population(struct jr_store *s, const struct jr_actor *a,
					 const char (*codes)[5], size_t n,
					 enum jr_err (*each)(void *ctx,
							     const struct jr_scen_record *r),
					 void *ctx);

#endif
