/* casefile: what a help request's page shows beside the help request itself — the latest
 * routing advice as it was given, the goals with their review dates, the evaluations — and the
 * consulents of a municipality who may coordinate a family there (store_casefile.c). Reads here
 * are not audited on their own: the use case reads them inside the read of the help request,
 * which is (app/casefile.c). */
#ifndef JR_STORE_CASEFILE_H
#define JR_STORE_CASEFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/course.h"
#include "store/store_types.h"
#include "store/user.h"

/* A routing advice as given: when, under which region's policy; its answer (JSON, as the
 * engine wrote it) goes to a buffer of the caller's. */
struct jr_advice_rec {
	int64_t id;
	char given_at[21];
	char region[32];
};
/* The latest advice of help request `help_request_id` into *out and its answer into `answer`
 * (appended); *found false when none was given. */
enum jr_err jr_store_route_advice_latest(struct jr_store *s, int64_t help_request_id,
					 struct jr_advice_rec *out, struct jr_buf *answer,
					 bool *found);

/* A goal of the plan, with its review date when it has one. */
struct jr_goal_rec {
	int64_t id;
	char text[JR_TEXT_FIELD_MAX];
	bool has_review;
	jr_day review_on;
};
typedef enum jr_err (*jr_goal_fn)(void *ctx, const struct jr_goal_rec *g);
/* The goals of a help request in the order they were set, each to `fn`. */
enum jr_err jr_store_goals_of(struct jr_store *s, int64_t help_request_id, jr_goal_fn fn,
			      void *ctx);

/* The household person `person_id` is a member of (the first, by id) into *household_id; 0
 * when it belongs to none. */
enum jr_err jr_store_household_of_person(struct jr_store *s, int64_t person_id,
					 int64_t *household_id);

/* The help request allocation `allocation_id` belongs to; JR_ERR_NOT_FOUND when there is no
 * such allocation. */
enum jr_err jr_store_help_request_of_allocation(struct jr_store *s, int64_t allocation_id,
						int64_t *help_request_id);

/* Where help request `id` stands — its child, state and version into *out (the rest left
 * empty) — for a step the records take by themselves (a start of care moves the course): not a
 * read of the person, so not audited as one; the move that follows is. */
enum jr_err jr_store_help_request_standing(struct jr_store *s, int64_t id,
					   struct jr_help_request *out);

/* The active consulents whose organisation belongs to `municipality`, by name, each to `fn`. */
enum jr_err jr_store_consulents_of(struct jr_store *s, const char *municipality, jr_user_fn fn,
				   void *ctx);

/* An evaluation of a help request's plan: between while care runs ("interim") or at its end
 * ("closing"); the facts as the consulent states them with the family. */
struct jr_evaluation {
	int64_t id;
	int64_t help_request_id;
	char kind[12];         /* interim, closing */
	jr_day held_on;
	char goals_reached[8]; /* yes, partly, no (core/course.h jr_goals_reached_label) */
	char family_view[JR_TEXT_FIELD_MAX];
	char next_steps[JR_TEXT_FIELD_MAX];
	char author[64];
	char created_at[21];
};
/* Adds evaluation `e` (e->id and e->created_at, e->author from the actor, are set); audited
 * for the child. JR_ERR_NOT_FOUND when there is no such help request. */
enum jr_err jr_store_evaluation_add(struct jr_store *s, const struct jr_actor *a,
				    struct jr_evaluation *e);
typedef enum jr_err (*jr_evaluation_fn)(void *ctx, const struct jr_evaluation *e);
/* The evaluations of a help request, oldest first, each to `fn`. */
enum jr_err jr_store_evaluations_of(struct jr_store *s, int64_t help_request_id,
				    jr_evaluation_fn fn, void *ctx);

#endif
