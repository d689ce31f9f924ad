/* audit: the audit log as use cases — checking its keyed chain and signed checkpoints, switching
 * to a new audit key, listing the keys, signing the chain's end, and the entries the server
 * writes outside a use case (a refused request). The chain itself is the store's
 * (store/store.h, "The audit log"). */
#ifndef JR_APP_AUDIT_H
#define JR_APP_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"

#define JR_APP_AUDIT_KEYS_MAX 64 /* keys listed at most (one is added per rotation) */

/* Walks the whole chain and every checkpoint: JR_OK with v->bad_seq and v->bad_checkpoint_line
 * 0 when they hold, JR_OK with those set (and the problems in Dutch) when they do not; another
 * error (explained in app->diag) when the log could not be read. Audited. */
enum jr_err jr_app_audit_verify(struct jr_app *app, struct jr_audit_verdict *v);

/* Adds a new audit key and switches the chain to it; new_id is its id. A failure is explained
 * in app->diag. */
enum jr_err jr_app_audit_rotate_key(struct jr_app *app, char new_id[17]);

/* The audit keys, oldest first (at most `max`), with the files in keys[0]; *count how many. */
enum jr_err jr_app_audit_keys(struct jr_app *app, struct jr_audit_key_info *keys, size_t max,
			      size_t *count);

/* Signs the end of the chain as committed now, when it moved since this store's last
 * checkpoint or `always`; outside a transaction. A failure (entries removed from the end, the
 * checkpoint file not writable) is explained in app->diag. */
enum jr_err jr_app_audit_checkpoint(struct jr_app *app, bool always);

/* Writes one audit entry `action` on `object` (about person `person_id`, 0 for none) in a
 * transaction of its own: for what happens outside a use case, such as a refused request. */
enum jr_err jr_app_audit_event(struct jr_app *app, const char *action, int64_t person_id,
			       const char *object);

#endif
