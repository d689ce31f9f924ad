/* worklist: the consulent's work list (issue 14 point 2) — the help requests of its
 * municipality, "mijn cases" and the team's queue, filtered by step, deadline and assignee,
 * sorted by the nearest deadline, with counts per step — and the assignment of a help request
 * to a consulent of the municipality's local team.
 *
 * The deadlines are core/deadlines.c's, computed from facts read for the whole list at once
 * (jr_store_deadline_facts_of): one definition of every term, five queries for a list. */
#ifndef JR_APP_WORKLIST_H
#define JR_APP_WORKLIST_H

#include "app/app.h"
#include "app/course.h"
#include "core/deadlines.h"
#include "store/deadlines.h"
#include "store/worklist.h"

/* Which steps a work list holds. */
enum jr_work_steps {
	JR_WORK_OPEN,       /* the open steps: neither closed nor withdrawn */
	JR_WORK_ALL,        /* every step */
	JR_WORK_REVIEW_DUE, /* open, with a goal whose review date has passed */
	JR_WORK_STEP,       /* the one step in jr_work_query.step */
};
/* Which deadlines: any, or the nearest overdue, or the nearest within the warning window. */
enum jr_work_deadline { JR_WORK_DEADLINE_ANY, JR_WORK_DEADLINE_OVERDUE, JR_WORK_DEADLINE_SOON };
/* Newest raised first, or the nearest deadline first (none last). */
enum jr_work_sort { JR_WORK_SORT_RAISED, JR_WORK_SORT_DEADLINE };

struct jr_work_query {
	char municipality[5]; /* at the command line; a user's list is always its own's */
	enum jr_assignee_filter assignee;
	int64_t user_id; /* with JR_ASSIGNEE_USER */
	enum jr_work_steps steps;
	enum jr_hr_state step; /* with JR_WORK_STEP */
	enum jr_work_deadline deadline;
	enum jr_work_sort sort;
	int64_t offset, limit; /* the page */
};

/* A help request's nearest deadline as a list shows it (the full text: its own page). */
struct jr_work_deadline_item {
	enum jr_deadline_kind kind;
	jr_day due;
	int days_left;
	bool workdays;
	enum jr_deadline_state state;
	char label[96];
};

struct jr_work_item {
	struct jr_help_request_row row; /* with its assignee (row.h.assignee_id, row.h.assignee) */
	bool has_deadline;
	struct jr_work_deadline_item deadline;
};
typedef enum jr_err (*jr_work_item_fn)(void *ctx, const struct jr_work_item *it);

/* How many help requests pass the query (total) and, per step, how many pass all its filters
 * but the step's: the open steps always, closed and withdrawn only when all_steps (a query of
 * every step, or of closed or withdrawn ones). */
struct jr_work_counts {
	int64_t total;
	int64_t per_step[JR_HR_STATE_COUNT];
	bool all_steps;
};

/* The work list of the principal's municipality (q->municipality at the command line): the
 * help requests that pass q, a page of q->limit after q->offset to fn, with the counts. Only a
 * consulent has a work list (JR_ERR_FORBIDDEN); each child on the page is audited
 * (help_request.list). The deadlines are those of the policy in force today. */
enum jr_err jr_app_work_list(struct jr_app *app, const struct jr_work_query *q,
			     jr_work_item_fn fn, void *ctx, struct jr_work_counts *counts);

/* The consulents a help request of the principal's municipality (`municipality` at the command
 * line) may be assigned to: the active consulents of its local teams, by name. */
enum jr_err jr_app_assignees(struct jr_app *app, const char *municipality, jr_assignee_fn fn,
			     void *ctx);

/* Assigns help request `id`, read at `version`, to user `user_id` (0: to nobody, back to the
 * team's queue), and returns it with its course. Only a consulent of the help request's
 * municipality assigns (JR_ERR_FORBIDDEN explained; out of reach: JR_ERR_NOT_FOUND); the
 * assignee is an active consulent of that municipality's local team (JR_ERR_INPUT on
 * "user_id"); JR_ERR_CONFLICT on "version" when it changed since. Assigning to whom it is
 * assigned already changes nothing. Recorded in the history and audited (help_request.assign). */
enum jr_err jr_app_help_request_assign(struct jr_app *app, int64_t id, int64_t user_id,
				       int version, struct jr_course_view *out);

#endif
