/* course: help requests and their course: analysis, goals, light options, routing advice
 * (store_course.c). */
#ifndef JR_STORE_COURSE_H
#define JR_STORE_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/course.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"
#include "core/policy.h"

#include "store/store_types.h"

/* Help requests and their course (store_course.c). */

struct jr_help_request {
	int64_t id;
	int64_t child_id;
	int64_t household_id; /* 0 = none */
	char raised_by[64];   /* who raised it: family, school, gp, police, veilig_thuis, … */
	jr_day raised_on;
	char question[JR_TEXT_FIELD_MAX]; /* in the family's words */
	char municipality[5];             /* responsible municipality (residence principle) */
	enum jr_hr_state state;
	int version;
	/* principle 13: whether municipality is the residence before a running stay (else the
	 * BRP residence), and the BRP residence when it was opened ("" = as municipality) */
	bool before_stay;
	char residence[5];
	/* issue 14 point 2: the consulent it is assigned to (0 and "": the team's queue) */
	int64_t assignee_id;
	char assignee[33]; /* the assignee's username */
};

/* add: state registered, version 1; JR_ERR_NOT_FOUND when the child does not exist;
 * JR_ERR_INPUT when h->household_id is set and the child is not a member of that household
 * (also when there is no such household: the answer tells nothing about other families). */
enum jr_err jr_store_help_request_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_help_request *h);
enum jr_err jr_store_help_request_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      struct jr_help_request *out);
/* The child of a help request (for the authorisation, before anything is read); not audited.
 * JR_ERR_NOT_FOUND when there is no such help request. */
enum jr_err jr_store_help_request_child(struct jr_store *s, int64_t id, int64_t *child_id);
/* What the records hold about a help request's course (for jr_course_can_move). */
enum jr_err jr_store_course_facts(struct jr_store *s, int64_t id, struct jr_course_facts *f);
/* The help request as read (audited, as jr_store_help_request_get) and its course facts, in
 * one statement. */
enum jr_err jr_store_help_request_course(struct jr_store *s, const struct jr_actor *a, int64_t id,
					 struct jr_help_request *h, struct jr_course_facts *f);
/* Moves the help request to `to` from the version read (h->version): JR_ERR_CONFLICT when
 * stale. Whether the course allows the step is the app's (app/course.c). */
enum jr_err jr_store_help_request_move(struct jr_store *s, const struct jr_actor *a,
				       struct jr_help_request *h, enum jr_hr_state to);

/* A help request as a work list shows it: with the child's name and birth date. */
struct jr_help_request_row {
	struct jr_help_request h;
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
};
typedef enum jr_err (*jr_help_request_row_fn)(void *ctx, const struct jr_help_request_row *r);
/* The help requests `ids` (n of them, in that order) as a work list shows them, each to fn; one
 * that is gone is left out. Every child listed is audited (help_request.list). Which help
 * requests a work list holds is app/worklist.c's, from jr_store_deadline_facts_of. */
enum jr_err jr_store_help_request_rows(struct jr_store *s, const struct jr_actor *a,
				       const int64_t *ids, size_t n, jr_help_request_row_fn fn,
				       void *ctx);

struct jr_broad_analysis {
	int64_t help_request_id;
	jr_day made_on;
	unsigned char needs[JR_NEED_COUNT]; /* 0..4 per life domain */
	char explanation[JR_TEXT_FIELD_MAX];
	char participants[256];             /* e.g. "gezin, kind, school" */
	char hypotheses[JR_TEXT_FIELD_MAX];
};
enum jr_err jr_store_analysis_add(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_broad_analysis *b);
/* The most recent broad analysis of a help request; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_analysis_latest(struct jr_store *s, int64_t help_request_id,
				     struct jr_broad_analysis *out);
enum jr_err jr_store_goal_add(struct jr_store *s, const struct jr_actor *a, int64_t help_request_id,
			      const char *text, bool has_review, jr_day review_on);
/* A light option weighed: an offer id from the policy (social base or no referral), whether it
 * was tried, and if it does not suffice, why. */
enum jr_err jr_store_light_option_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *kind,
				      const char *option_id, bool tried, const char *why_not_enough);
/* The routing answer as given (JSON), with the policy region it came from. */
enum jr_err jr_store_route_advice_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *region,
				      const char *answer_json);

#endif
