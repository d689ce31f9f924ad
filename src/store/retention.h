/* retention: which children's records have outlived their keeping, and erasing them
 * (store_retention.c). */
#ifndef JR_STORE_RETENTION_H
#define JR_STORE_RETENTION_H

#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

#include "store/store_types.h"

/* Retention (store_retention.c): records are kept 20 years after care ends (Jeugdwet). */
#define JR_RETENTION_YEARS 20
typedef enum jr_err (*jr_retention_fn)(void *ctx, int64_t child_id, jr_day last_activity);
/* Calls `fn` for every child without an open help request whose last activity lies before
 * `cutoff` (callers pass the date minus JR_RETENTION_YEARS). */
enum jr_err jr_store_retention_candidates(struct jr_store *s, const struct jr_actor *a,
					  jr_day cutoff, jr_retention_fn fn, void *ctx);
/* Erases a child's records (help requests and all that hangs on them, measures, memberships,
 * history, the person). JR_ERR_REFUSED when the child is unknown or has an open help request. */
enum jr_err jr_store_erase_child(struct jr_store *s, const struct jr_actor *a, int64_t child_id);

#endif
