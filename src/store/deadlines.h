/* deadlines: the facts the deadlines of a help request are computed from (store_deadlines.c;
 * the computing is core/deadlines.c). No stored state of their own. */
#ifndef JR_STORE_DEADLINES_H
#define JR_STORE_DEADLINES_H

#include <stdint.h>

#include "core/deadlines.h"
#include "core/err.h"

#include "store/store_types.h"

/* Fills *f (all but f->today, which the caller sets) for help request `id`: its raising day,
 * state and whether an allocation was made on it, the child's birth date, the provider's
 * requests (JW315/JW317) still waiting with the day their message was received, its
 * allocations with whether care started and runs, its goals with a review date, and the
 * child's measures with an end. Audited as help_request.deadlines on the child (a read of its
 * data); *child_id and *municipality (5 bytes) are the help request's. JR_ERR_NOT_FOUND. */
enum jr_err jr_store_deadline_facts(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_deadline_facts *f, int64_t *child_id,
				    char municipality[5]);

#endif
