/* signals: every open signal in the records, as the command line and the server give them.
 *
 * The cases of every open help request (store_signals.c) judged by core/signals.c under their
 * municipality's policy, then the social map entries not verified within the norm. A signal
 * names its subject by number (child and help request, or the social map entry; never names or
 * BSNs), since when it holds, and why (Dutch, naming the rule and policy key); its JSON is
 * view/view_signal.c's. */
#ifndef JR_APP_SIGNALS_H
#define JR_APP_SIGNALS_H

#include <stdint.h>

#include "app/app.h"

/* One open signal, valid during the call of the jr_open_signal_fn that is handed it. */
struct jr_open_signal {
	const char *code;        /* "hopping", "multi_agency", …, "stale_social_map" */
	int64_t child_id;        /* 0 for a social map entry */
	int64_t help_request_id; /* 0 for a social map entry */
	int64_t entry_id;        /* the social map entry, or 0 */
	const char *municipality;
	jr_day since;
	const char *why;
};

typedef enum jr_err (*jr_open_signal_fn)(void *ctx, const struct jr_open_signal *s);

/* The signals on `date` of the logged-in consulent's municipality (JR_CAP_SIGNALS; refused for
 * an organisation of none), or of every municipality for the operator at the command line;
 * stops at the first error `fn` returns. */
enum jr_err jr_app_signals(struct jr_app *app, jr_day date, jr_open_signal_fn fn, void *ctx);

#endif
