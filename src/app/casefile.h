/* casefile: the help request's page that tells who the child is and how far its course got
 * (issue 14, point 6) — the child (name, birth date and age, the BSN masked, municipality,
 * address), the household and its coordinator (regisseur) by name, the latest broad analysis,
 * the latest routing advice as it was given, the goals with their review dates and the
 * evaluations — and the use cases around it: an evaluation of the plan, the consulents who may
 * coordinate a family, and making one of them its coordinator.
 *
 * Reach as for the help request (app/course.c) and the household (app/household.c): what is
 * out of reach is answered as what does not exist. Reading the page is audited as a read of
 * the help request, of the child (person.read) and of the household. */
#ifndef JR_APP_CASEFILE_H
#define JR_APP_CASEFILE_H

#include "app/app.h"
#include "app/course.h"

#define JR_CASE_GOALS_MAX 32
#define JR_CASE_EVALUATIONS_MAX 16

/* The page of a help request. */
struct jr_case_page {
	struct jr_course_view course;
	struct jr_person child;     /* its BSN is not shown: bsn_masked is */
	int age;                    /* on app->today */
	char bsn_masked[10];        /* jr_bsn_mask (core/ident.h) */
	struct jr_household household; /* id 0: the child belongs to no household */
	char coordinator_name[33];  /* the coordinator's user name; "" when none */
	bool has_analysis;
	struct jr_broad_analysis analysis; /* the latest */
	bool has_advice;
	struct jr_advice_rec advice; /* the latest; its answer in the caller's buffer */
	struct jr_goal_rec goals[JR_CASE_GOALS_MAX];
	size_t goal_count;
	struct jr_evaluation evaluations[JR_CASE_EVALUATIONS_MAX];
	size_t evaluation_count;
};

/* The page of help request `id` into *out, the answer of its latest advice (JSON) appended to
 * `advice`. */
enum jr_err jr_app_help_request_case(struct jr_app *app, int64_t id, struct jr_case_page *out,
				     struct jr_buf *advice);

/* Records evaluation `e` of help request e->help_request_id: kind "interim" while care runs,
 * "closing" once care started and none runs any more; held_on not after today; goals_reached
 * yes, partly or no; the family's view written. A closing evaluation of a help request in care
 * moves it on to evaluated when its course allows (core/course.c), in the same transaction;
 * *out is the help request after. Each refusal names its field. */
enum jr_err jr_app_evaluation_add(struct jr_app *app, struct jr_evaluation *e,
				  struct jr_course_view *out);

/* The consulents who may coordinate household `id`: the active consulents of its
 * municipality, by name, each to `fn`. For a consulent who reaches the household. */
enum jr_err jr_app_household_coordinators(struct jr_app *app, int64_t id, jr_user_fn fn,
					  void *ctx);

/* Whether the principal may choose the coordinator of household `id` (a consulent who
 * reaches it), answered as the two use cases around it answer it: for an adapter that must know
 * before it reads its input. */
enum jr_err jr_app_household_coordination_reach(struct jr_app *app, int64_t id);

/* Makes consulent `user_id` the coordinator of household h->id read at h->version: one of
 * jr_app_household_coordinators (refused on "user_id" otherwise). *h and *name are the
 * household and its coordinator's name after. */
enum jr_err jr_app_household_assign_coordinator(struct jr_app *app, struct jr_household *h,
						int64_t user_id, char name[33]);

#endif
