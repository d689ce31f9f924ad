/* signals: the help requests' cases gathered for the record signals (store_signals.c). */
#ifndef JR_STORE_SIGNALS_H
#define JR_STORE_SIGNALS_H

#include "core/err.h"
#include "core/signals.h"

#include "store/store_types.h"

/* Record signals (store_signals.c): calls `fn` for every help request that is neither closed
 * nor withdrawn, with its case gathered from the records (core/signals.h); stops at the first
 * error `fn` returns. One read transaction and one audit entry for the whole scan. */
typedef enum jr_err (*jr_case_fn)(void *ctx, const struct jr_case *c);
enum jr_err jr_store_each_case(struct jr_store *s, const struct jr_actor *a, jr_case_fn fn,
			       void *ctx);

#endif
