/* retention: the records of children whose care ended longer ago than the Jeugdwet's retention
 * period (JR_RETENTION_YEARS, 20 years) — listed, and erased (`jeugdroute retention`).
 *
 * Erasing is the operator's, at the command line: a user (app->principal) is refused
 * (JR_ERR_FORBIDDEN), whatever its role — no role of the server may remove records. */
#ifndef JR_APP_RETENTION_H
#define JR_APP_RETENTION_H

#include "app/app.h"

/* Every child without an open help request whose last activity lies more than the retention
 * period before `date`, each to `fn` with that last day. */
enum jr_err jr_app_retention_candidates(struct jr_app *app, jr_day date, jr_retention_fn fn,
                                        void *ctx);

/* Called for each child erased. */
typedef enum jr_err (*jr_erased_fn)(void *ctx, int64_t child_id);
/* Erases the records of those children (help requests with all that hangs on them, measures,
 * memberships, history, the person; the audit log keeps that it happened), one child at a time,
 * each to `fn` once it is gone. Stops at the first failure; the children erased before it stay
 * erased. */
enum jr_err jr_app_retention_erase(struct jr_app *app, jr_day date, jr_erased_fn fn, void *ctx);

#endif
