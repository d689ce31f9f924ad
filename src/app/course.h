/* course: a help request and its course, the one road for the command line and the API — open
 * it, read it with what its course holds, the broad analysis, goals,
 * light options weighed, and the moves from registered to closed.
 *
 * Every use case checks reach first (app/access.c; app->principal NULL at the command line, whose
 * operator may do all the records' rules allow): a help request that does not exist and one out of
 * reach are answered alike (JR_ERR_NOT_FOUND, "geen hulpvraag met dit nummer binnen uw bereik"),
 * one seen but not the principal's to change is JR_ERR_FORBIDDEN with why. The course's rules are
 * core/course.c's, checked here on the facts the records hold, in the transaction that writes. */
#ifndef JR_APP_COURSE_H
#define JR_APP_COURSE_H

#include "app/app.h"

/* A help request with what its course holds. */
struct jr_course_view {
	struct jr_help_request h;
	struct jr_course_facts f;
};

/* Opens a help request for h->child_id (raised_by one of jr_raisers, question, raised_on not after
 * app->today, household_id 0 or a household the child is a member of): the principal must be
 * able to open it for the child (its resident, a child in care it is responsible for, or under its
 * running measure). The municipality is the responsible one (woonplaatsbeginsel,
 * jr_app_responsibility in app/person.h). Fills `out` with the new help request and its course. */
enum jr_err jr_app_help_request_add(struct jr_app *app, const struct jr_help_request *h,
				    struct jr_course_view *out);

/* The rules of opening a help request, for a use case that has decided already who may (the one
 * above for a user; a provider's JW315 by its AGB code, app/ijw/import.c): raised_on not after
 * app->today, a question, the municipality the responsible one (woonplaatsbeginsel: the child's,
 * or during a running stay the municipality responsible for it), the household one of the
 * child's. `known` is the child when the caller has read it already (else NULL: it is
 * read here). h->municipality and h->id are set. JR_ERR_INPUT or JR_ERR_NOT_FOUND explained. */
enum jr_err jr_app_help_request_open(struct jr_app *app, struct jr_help_request *h,
				     const struct jr_person *known);

/* Whether the principal sees help request `id` (with `write`: may change it), answered as every
 * use case here answers it: for an adapter that must know before it reads its input. */
enum jr_err jr_app_help_request_reach(struct jr_app *app, int64_t id, bool write);

/* Help request `id` with its course, when the principal sees its child. */
enum jr_err jr_app_help_request_get(struct jr_app *app, int64_t id, struct jr_course_view *out);

/* Records broad analysis `b` (b->help_request_id; at least one need; explanation and participants
 * written) and returns the help request with its course. */
enum jr_err jr_app_analysis_add(struct jr_app *app, const struct jr_broad_analysis *b,
				struct jr_course_view *out);

/* Adds a goal (`review_on` 0: none) to help request `id`. */
enum jr_err jr_app_goal_add(struct jr_app *app, int64_t id, const char *text, jr_day review_on,
			    struct jr_course_view *out);

/* Records that light option `option_id` (an offer of the social base or without referral of the
 * policy of the help request's municipality) was weighed: tried or not, and why it does not (or
 * would not) suffice. */
enum jr_err jr_app_light_option_add(struct jr_app *app, int64_t id, const char *option_id,
				    bool tried, const char *why_not_enough,
				    struct jr_course_view *out);

/* Moves help request `id` read at `version` to `to` when the course allows it (JR_ERR_REFUSED
 * with the rule's why on "to"; JR_ERR_CONFLICT on "version" when it changed since). */
enum jr_err jr_app_help_request_move(struct jr_app *app, int64_t id, enum jr_hr_state to,
				     int version, struct jr_course_view *out);

/* After care started on allocation `allocation_id` (a provider's start, through the API or an
 * iJw JW305): its help request, when planned, is in care now — the step planned → in_care of
 * the course (core/course.c), which the start makes possible. The one place where a start
 * moves the course; called inside the start's transaction, by whoever started it (no reach of
 * its own: the start was allowed). A help request in another state stays where it is. */
enum jr_err jr_app_help_request_care_started(struct jr_app *app, int64_t allocation_id);

#endif
