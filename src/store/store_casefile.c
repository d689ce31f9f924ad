/* store_casefile: the latest advice, the goals, the evaluations of a help request and the
 * consulents of a municipality (see casefile.h). */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

enum jr_err jr_store_route_advice_latest(struct jr_store *s, int64_t help_request_id,
					 struct jr_advice_rec *out, struct jr_buf *answer, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, given_at, policy_region, answer FROM route_advice"
			  " WHERE help_request_id = $1 ORDER BY id DESC LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	TRY(jr_db_step(st, &row));
	if (!row) /* none given yet: not an error (it would undo a server request's transaction) */
		goto out;
	*found = true;
	out->id = jr_db_col_int(st, 0);
	snprintf(out->given_at, sizeof(out->given_at), "%s", jr_db_col_text(st, 1));
	snprintf(out->region, sizeof(out->region), "%s", jr_db_col_text(st, 2));
	TRY(jr_buf_puts(answer, jr_db_col_text(st, 3)));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_goals_of(struct jr_store *s, int64_t help_request_id, jr_goal_fn fn,
			      void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_goal_rec g;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, text, review_on FROM goals WHERE help_request_id = $1"
			  " ORDER BY id",
			  &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&g, 0, sizeof(g));
		g.id = jr_db_col_int(st, 0);
		snprintf(g.text, sizeof(g.text), "%s", jr_db_col_text(st, 1));
		TRY(jr_store_day_col(st, 2, &g.review_on, &g.has_review));
		TRY(fn(ctx, &g));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_household_of_person(struct jr_store *s, int64_t person_id,
					 int64_t *household_id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*household_id = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT household_id FROM household_members WHERE person_id = $1"
			  " ORDER BY household_id LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, person_id));
	TRY(jr_db_step(st, &row));
	if (row)
		*household_id = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_help_request_of_allocation(struct jr_store *s, int64_t allocation_id,
						int64_t *help_request_id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*help_request_id = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT help_request_id FROM allocations WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	if (row)
		*help_request_id = jr_db_col_int(st, 0);
	else
		err = JR_ERR_NOT_FOUND;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_help_request_standing(struct jr_store *s, int64_t id,
					   struct jr_help_request *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;
	int state;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT child_id, state, version FROM help_requests WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	out->id = id;
	out->child_id = jr_db_col_int(st, 0);
	if ((state = jr_hr_state_parse(jr_db_col_text(st, 1))) < 0) {
		err = JR_ERR_STORE;
		goto out;
	}
	out->state = (enum jr_hr_state)state;
	out->version = (int)jr_db_col_int(st, 2);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_consulents_of(struct jr_store *s, const char *municipality, jr_user_fn fn,
				   void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_user u;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  JR_USER_SELECT " WHERE u.role = 'consulent' AND u.active = 1"
					 " AND o.municipality = $1 ORDER BY u.username",
			  &st));
	TRY(jr_db_bind_text(st, 1, municipality));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		jr_store_read_user(st, &u);
		TRY(fn(ctx, &u));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_evaluation_add(struct jr_store *s, const struct jr_actor *a,
				    struct jr_evaluation *e)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN], object[48];
	int64_t child = 0;
	enum jr_err err;
	bool row = false;

	jr_date_format(e->held_on, day);
	jr_store_stamp(s, e->created_at);
	snprintf(e->author, sizeof(e->author), "%s", a && a->who ? a->who : "");
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT child_id FROM help_requests WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, e->help_request_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	child = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO evaluations (help_request_id, kind, held_on, goals_reached,"
			  " family_view, next_steps, author, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, e->help_request_id));
	TRY(jr_db_bind_text(st, 2, e->kind));
	TRY(jr_db_bind_text(st, 3, day));
	TRY(jr_db_bind_text(st, 4, e->goals_reached));
	TRY(jr_db_bind_text(st, 5, e->family_view));
	TRY(jr_db_bind_text(st, 6, e->next_steps));
	TRY(jr_db_bind_text(st, 7, e->author));
	TRY(jr_db_bind_text(st, 8, e->created_at));
	TRY(jr_db_step(st, &row));
	e->id = row ? jr_db_col_int(st, 0) : 0;
	snprintf(object, sizeof(object), "evaluation:%lld", (long long)e->id);
	TRY(jr_store_audit_object(s, a, "evaluation.add", child, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_evaluations_of(struct jr_store *s, int64_t help_request_id,
				    jr_evaluation_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_evaluation e;
	const char *held;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, kind, held_on, goals_reached, family_view, next_steps, author,"
			  " created_at FROM evaluations WHERE help_request_id = $1"
			  " ORDER BY held_on, id",
			  &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&e, 0, sizeof(e));
		e.id = jr_db_col_int(st, 0);
		e.help_request_id = help_request_id;
		snprintf(e.kind, sizeof(e.kind), "%s", jr_db_col_text(st, 1));
		held = jr_db_col_text(st, 2);
		if (jr_date_parse(held, strlen(held), &e.held_on)) {
			err = JR_ERR_STORE;
			goto out;
		}
		snprintf(e.goals_reached, sizeof(e.goals_reached), "%s", jr_db_col_text(st, 3));
		snprintf(e.family_view, sizeof(e.family_view), "%s", jr_db_col_text(st, 4));
		snprintf(e.next_steps, sizeof(e.next_steps), "%s", jr_db_col_text(st, 5));
		snprintf(e.author, sizeof(e.author), "%s", jr_db_col_text(st, 6));
		snprintf(e.created_at, sizeof(e.created_at), "%s", jr_db_col_text(st, 7));
		TRY(fn(ctx, &e));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
