/* worklist: who a help request is assigned to, and who it may be assigned to (issue 14 point 2;
 * store_worklist.c). The work list itself is read through jr_store_deadline_facts_of
 * (store/deadlines.h) and jr_store_help_request_rows (store/course.h). */
#ifndef JR_STORE_WORKLIST_H
#define JR_STORE_WORKLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

#include "store/course.h"
#include "store/store_types.h"

/* A consulent a help request may be assigned to. */
struct jr_assignee {
	int64_t user_id;
	char username[33];
};
typedef enum jr_err (*jr_assignee_fn)(void *ctx, const struct jr_assignee *u);

/* The active consulents of the local teams of `municipality`, by username, each to fn. No
 * person's data: not audited. */
enum jr_err jr_store_assignees(struct jr_store *s, const char *municipality, jr_assignee_fn fn,
			       void *ctx);

/* Whether user `user_id` is an active consulent of a local team of `municipality` (*fits), and
 * its username into `username` (33 bytes; "" when there is no such user). */
enum jr_err jr_store_assignee_fits(struct jr_store *s, const char *municipality, int64_t user_id,
				   bool *fits, char username[33]);

/* Assigns help request h->id, read at h->version, to `user_id` (0: to nobody, back to the
 * team's queue): the record as it was to record_history, the assignment to
 * help_request_assignments (the help request's history), the version up by one, audited as
 * help_request.assign on the child. JR_ERR_CONFLICT when the version changed since,
 * JR_ERR_NOT_FOUND when there is no such help request. Whether the assignee fits is the app's
 * (jr_store_assignee_fits). On success h->version and h->assignee_id are the new ones. */
enum jr_err jr_store_help_request_assign(struct jr_store *s, const struct jr_actor *a,
					 struct jr_help_request *h, int64_t user_id);

#endif
