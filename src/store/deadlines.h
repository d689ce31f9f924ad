/* deadlines: the facts the deadlines of a help request are computed from (store_deadlines.c;
 * the computing is core/deadlines.c). No stored state of their own. */
#ifndef JR_STORE_DEADLINES_H
#define JR_STORE_DEADLINES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/course.h"

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

/* A help request as the facts of many are read: what a work list needs beside the facts. */
struct jr_deadline_request {
	int64_t id;
	int64_t child_id;
	char municipality[5];
	enum jr_hr_state state;
	int64_t assignee_id; /* 0: nobody (the team's queue) */
};
typedef enum jr_err (*jr_deadline_facts_fn)(void *ctx, const struct jr_deadline_request *r,
					    const struct jr_deadline_facts *f);

/* Whose help requests a work list reads. */
enum jr_assignee_filter { JR_ASSIGNEE_ANY, JR_ASSIGNEE_NOBODY, JR_ASSIGNEE_USER };
struct jr_deadline_scope {
	const char *municipality;
	bool open_only; /* neither closed nor withdrawn */
	enum jr_assignee_filter assignee;
	int64_t user_id; /* with JR_ASSIGNEE_USER */
};

/* The facts of every help request of scope->municipality in the scope, the same facts as
 * jr_store_deadline_facts reads for one, in five queries for them all: each help request, by
 * id, with its facts (in *f, which the caller allocates and whose f->today it sets; valid
 * during the call) to fn. Not audited: nothing of a child is shown here; the work list audits
 * the children it shows (jr_store_help_request_rows). JR_ERR_INPUT for a user id under 1. */
enum jr_err jr_store_deadline_facts_of(struct jr_store *s, const struct jr_deadline_scope *scope,
				       struct jr_deadline_facts *f, jr_deadline_facts_fn fn,
				       void *ctx);

#endif
