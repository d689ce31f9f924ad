/* advice: the route advice for a help request, as every adapter (command line, server) gives it.
 *
 * The routing engine (core/route.c) is asked with what the records hold — the child's birth date,
 * the latest broad analysis, the measure in force that day unless one is given — and the answer
 * is recorded as the advice given, with the region it came from. src/app/ holds such operations
 * that combine the store, the engine and the JSON views, so that no adapter repeats them. */
#ifndef JR_APP_ADVICE_H
#define JR_APP_ADVICE_H

#include <stdbool.h>

#include "app/app.h"
#include "core/buf.h"
#include "core/policy.h"
#include "store/store.h"

struct jr_policy_set;

struct jr_advice_input {
	jr_day date;            /* the day the advice is for */
	unsigned flags;         /* JR_FLAG_BIT(…) of the signals the consulent saw */
	bool measure_given;     /* use `measure` instead of the one on record */
	enum jr_measure measure;
	unsigned family_context; /* 1u << enum jr_family_context: the parents' own problems */
};

/* Routes help request `id` (in reach, to change) and records the advice; the answer's JSON goes
 * to `answer`. JR_ERR_NOT_FOUND when there is no such help request (or it is out of reach);
 * JR_ERR_REFUSED when it cannot be advised yet (no broad analysis, a municipality outside the
 * policies, a birth date after the date); each explained in app->diag. Other errors from the
 * store or the engine. */
enum jr_err jr_app_advise(struct jr_app *app, int64_t id, const struct jr_advice_input *in,
			  struct jr_buf *answer);

/* Records an advice the engine gave elsewhere (`answer_json`, of the region `policy_id`) for
 * help request `id`, in reach to change: for a caller that routed a request of its own making
 * (the demo, with the help the child had so far). */
enum jr_err jr_app_advice_record(struct jr_app *app, int64_t id, const char *policy_id,
				 const char *answer_json);

#endif
