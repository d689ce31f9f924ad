/* signals: every open signal in the records, as the command line and the server give them.
 *
 * The cases of every open help request (store_signals.c) judged by core/signals.c under their
 * municipality's policy, then the social map entries not verified within the norm. Each signal
 * is one JSON object — code, subject (numbers of child and help request, or of the social map
 * entry; never names or BSNs), since, and why (Dutch, naming the rule and policy key) — handed
 * to `fn` without a line break. */
#ifndef JR_APP_SIGNALS_H
#define JR_APP_SIGNALS_H

#include "core/date.h"
#include "core/err.h"
#include "store/store.h"

struct jr_policy_set;

typedef enum jr_err (*jr_signal_json_fn)(void *ctx, const char *json);

/* The signals on `date` of one municipality, or of all ("" or NULL); stops at the first error
 * `fn` returns. */
enum jr_err jr_app_signals(struct jr_store *s, const struct jr_actor *a,
			   const struct jr_policy_set *set, jr_day date, const char *municipality,
			   jr_signal_json_fn fn, void *ctx);

#endif
