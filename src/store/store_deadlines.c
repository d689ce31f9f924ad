/* store_deadlines: the facts of help requests' deadlines (see deadlines.h), for one help
 * request or for a work list's many at once. Both read through the same five queries, written
 * once with the help requests they cover as a parameter: the help requests themselves, and
 * their provider's requests, allocations, goals and the children's measures, each ordered by
 * help request, so that one pass over the five results in step (a merge) hands every help
 * request its facts — five statements for a page of two thousand, not five per request. */
#include <stdio.h>
#include <string.h>

#include "store/deadlines.h"
#include "store/store_internal.h"

/* The five queries for the help requests `h` WHERE `where` selects; column 0 of each is the
 * help request's id, and each is ordered by it first. */
#define FACTS_HEAD(where)                                                                          \
	"SELECT h.id, h.child_id, h.municipality, h.raised_on, h.state, p.birth_date,"             \
	" COALESCE(h.assignee_user_id, 0)"                                                         \
	" FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE " where " ORDER BY h.id"
/* One deadline per provider's request (its products share the reference and the term). */
#define FACTS_IJW(where)                                                                           \
	"SELECT r.help_request_id, MIN(r.id), r.kind, MIN(m.created_at), r.status"                 \
	" FROM ijw_requests r JOIN ijw_messages m ON m.id = r.message_id"                          \
	" JOIN help_requests h ON h.id = r.help_request_id WHERE " where                           \
	" AND r.status IN ('open', 'investigating')"                                               \
	" GROUP BY r.help_request_id, r.provider_id, r.reference, r.kind, r.status ORDER BY 1, 2"
/* Every allocation (whether one was made is the decision's fact too), with how many deliveries
 * of care it has and how many of them still run (not stopped). */
#define FACTS_ALLOC(where)                                                                         \
	"SELECT al.help_request_id, al.id, al.number, al.start_date, al.end_date,"                 \
	" COUNT(d.allocation_id), COUNT(d.allocation_id) - COUNT(d.stopped_on)"                    \
	" FROM allocations al JOIN help_requests h ON h.id = al.help_request_id"                   \
	" LEFT JOIN deliveries d ON d.allocation_id = al.id WHERE " where                          \
	" GROUP BY al.help_request_id, al.id, al.number, al.start_date, al.end_date ORDER BY 1, 2"
#define FACTS_GOAL(where)                                                                          \
	"SELECT g.help_request_id, g.id, g.review_on FROM goals g"                                 \
	" JOIN help_requests h ON h.id = g.help_request_id WHERE " where                           \
	" AND g.review_on IS NOT NULL ORDER BY 1, g.review_on, g.id"
#define FACTS_MEASURE(where)                                                                       \
	"SELECT h.id, m.id, m.kind, m.end_date FROM measures m"                                    \
	" JOIN help_requests h ON h.child_id = m.child_id WHERE " where                            \
	" AND m.end_date IS NOT NULL ORDER BY 1, m.end_date DESC, m.id"
#define FACTS_SQL(where)                                                                           \
	{FACTS_HEAD(where), FACTS_IJW(where), FACTS_ALLOC(where), FACTS_GOAL(where),               \
	 FACTS_MEASURE(where)}

/* Which help requests: one by id ($1), or a work list's (municipality $1, the user $2). */
#define ONE "h.id = $1"
#define OPEN_STATES " AND h.state IN ('registered', 'analysed', 'planned', 'in_care', 'evaluated')"
#define OF_USER " AND h.assignee_user_id = $2"
#define OF_NOBODY " AND h.assignee_user_id IS NULL"
#define MUNI "h.municipality = $1"

static const char *const one_sql[5] = FACTS_SQL(ONE);
/* [open only][assignee: any, nobody, a user] */
static const char *const list_sql[2][3][5] = {
	{FACTS_SQL(MUNI), FACTS_SQL(MUNI OF_NOBODY), FACTS_SQL(MUNI OF_USER)},
	{FACTS_SQL(MUNI OPEN_STATES), FACTS_SQL(MUNI OPEN_STATES OF_NOBODY),
	 FACTS_SQL(MUNI OPEN_STATES OF_USER)},
};

/* A row of one of the four fact queries into f; columns from 1 (0 is the help request). */
typedef enum jr_err (*row_fn)(struct jr_db_stmt *st, struct jr_deadline_facts *f);

static enum jr_err ijw_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_ijw *r;

	if (f->ijw_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	r = &f->ijw[f->ijw_count++];
	r->id = jr_db_col_int(st, 1);
	snprintf(r->kind, sizeof r->kind, "%s", jr_db_col_text(st, 2));
	r->investigating = strcmp(jr_db_col_text(st, 4), "investigating") == 0;
	return jr_store_day_col(st, 3, &r->received, NULL);
}

static enum jr_err alloc_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_allocation *a;
	enum jr_err err;

	if (f->alloc_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	a = &f->alloc[f->alloc_count++];
	a->id = jr_db_col_int(st, 1);
	snprintf(a->number, sizeof a->number, "%s", jr_db_col_text(st, 2));
	a->started = jr_db_col_int(st, 5) > 0;
	a->running = jr_db_col_int(st, 6) > 0;
	if ((err = jr_store_day_col(st, 3, &a->start, NULL)))
		return err;
	return jr_store_day_col(st, 4, &a->end, &a->has_end);
}

static enum jr_err goal_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_goal *g;

	if (f->goal_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	g = &f->goal[f->goal_count++];
	g->id = jr_db_col_int(st, 1);
	return jr_store_day_col(st, 2, &g->review_on, NULL);
}

static enum jr_err measure_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_measure *m;
	int kind;

	if (f->measure_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	m = &f->measure[f->measure_count++];
	m->id = jr_db_col_int(st, 1);
	kind = jr_measure_parse(jr_db_col_text(st, 2));
	m->kind = kind < 0 ? JR_MEASURE_NONE : (enum jr_measure)kind;
	return jr_store_day_col(st, 3, &m->end, NULL);
}

static const row_fn rows[4] = {ijw_row, alloc_row, goal_row, measure_row};

/* Reads the five queries `sql` (bound to the text $1 `key` or the id $1 `id`, and $2 `user`
 * when not 0) in step: for each help request, its facts into *f and the help request to fn. */
static enum jr_err merge(struct jr_store *s, const char *const sql[5], const char *key,
			 int64_t id, int64_t user, struct jr_deadline_facts *f,
			 jr_deadline_facts_fn fn, void *ctx)
{
	struct jr_db_stmt *st[5] = {NULL};
	bool more[5] = {false};
	struct jr_deadline_request r;
	jr_day today = f->today;
	enum jr_err err = JR_OK;
	int state;

	for (int i = 0; i < 5; i++) {
		TRY(jr_db_prepare(s->db, sql[i], &st[i]));
		TRY(key ? jr_db_bind_text(st[i], 1, key) : jr_db_bind_int(st[i], 1, id));
		if (user)
			TRY(jr_db_bind_int(st[i], 2, user));
		TRY(jr_db_step(st[i], &more[i]));
	}
	while (more[0]) {
		memset(f, 0, sizeof *f);
		memset(&r, 0, sizeof r);
		f->today = today;
		r.id = jr_db_col_int(st[0], 0);
		r.child_id = jr_db_col_int(st[0], 1);
		snprintf(r.municipality, sizeof r.municipality, "%s", jr_db_col_text(st[0], 2));
		TRY(jr_store_day_col(st[0], 3, &f->raised_on, NULL));
		if ((state = jr_hr_state_parse(jr_db_col_text(st[0], 4))) < 0) {
			err = JR_ERR_STORE;
			goto out;
		}
		r.state = (enum jr_hr_state)state;
		f->open = state != JR_HR_CLOSED && state != JR_HR_WITHDRAWN;
		TRY(jr_store_day_col(st[0], 5, &f->birth_date, NULL));
		r.assignee_id = jr_db_col_int(st[0], 6);
		for (int i = 1; i < 5; i++) {
			/* the same help requests in the same order: none is skipped, but be sure */
			while (more[i] && jr_db_col_int(st[i], 0) < r.id)
				TRY(jr_db_step(st[i], &more[i]));
			while (more[i] && jr_db_col_int(st[i], 0) == r.id) {
				TRY(rows[i - 1](st[i], f));
				TRY(jr_db_step(st[i], &more[i]));
			}
		}
		/* decided: an allocation was made on it (its allocations, all read above) */
		f->decided = f->alloc_count > 0;
		TRY(fn(ctx, &r, f));
		TRY(jr_db_step(st[0], &more[0]));
	}
out:
	for (int i = 0; i < 5; i++)
		jr_db_finalize(st[i]);
	return err;
}

/* The first help request's facts, kept (the one-request read). */
struct one {
	struct jr_deadline_request r;
	bool found;
};

static enum jr_err keep_one(void *ctx, const struct jr_deadline_request *r,
			    const struct jr_deadline_facts *f)
{
	struct one *o = ctx;

	(void)f;
	o->r = *r;
	o->found = true;
	return JR_OK;
}

enum jr_err jr_store_deadline_facts(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_deadline_facts *f, int64_t *child_id,
				    char municipality[5])
{
	struct one o = {.found = false};
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(merge(s, one_sql, NULL, id, 0, f, keep_one, &o));
	if (!o.found) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	*child_id = o.r.child_id;
	snprintf(municipality, 5, "%s", o.r.municipality);
	TRY(jr_store_audit(s, a, "help_request.deadlines", *child_id));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_deadline_facts_of(struct jr_store *s, const struct jr_deadline_scope *scope,
				       struct jr_deadline_facts *f, jr_deadline_facts_fn fn,
				       void *ctx)
{
	enum jr_err err;
	int who = scope->assignee == JR_ASSIGNEE_NOBODY ? 1
		  : scope->assignee == JR_ASSIGNEE_USER ? 2
							 : 0;

	if (who == 2 && scope->user_id <= 0)
		return JR_ERR_INPUT;
	TRY(jr_store_begin(s));
	TRY(merge(s, list_sql[scope->open_only ? 1 : 0][who], scope->municipality, 0,
		  who == 2 ? scope->user_id : 0, f, fn, ctx));
out:
	return jr_store_finish(s, err);
}
