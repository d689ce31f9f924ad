/* store_deadlines: the facts of a help request's deadlines, read in one transaction (see
 * deadlines.h). */
#include <stdio.h>
#include <string.h>

#include "store/deadlines.h"
#include "store/store_internal.h"

/* Runs `sql` with $1 = id and hands each row to `row`, at most JR_DEADLINE_FACTS_MAX. */
typedef enum jr_err (*row_fn)(struct jr_db_stmt *st, struct jr_deadline_facts *f);

static enum jr_err each(struct jr_store *s, const char *sql, int64_t id,
			struct jr_deadline_facts *f, row_fn row)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool more;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		TRY(row(st, f));
	}
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err ijw_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_ijw *r;

	if (f->ijw_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	r = &f->ijw[f->ijw_count++];
	r->id = jr_db_col_int(st, 0);
	snprintf(r->kind, sizeof r->kind, "%s", jr_db_col_text(st, 1));
	r->investigating = strcmp(jr_db_col_text(st, 3), "investigating") == 0;
	return jr_store_day_col(st, 2, &r->received, NULL);
}

static enum jr_err alloc_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_allocation *a;
	enum jr_err err;

	if (f->alloc_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	a = &f->alloc[f->alloc_count++];
	a->id = jr_db_col_int(st, 0);
	snprintf(a->number, sizeof a->number, "%s", jr_db_col_text(st, 1));
	a->started = jr_db_col_int(st, 4) > 0;
	a->running = jr_db_col_int(st, 5) > 0;
	if ((err = jr_store_day_col(st, 2, &a->start, NULL)))
		return err;
	return jr_store_day_col(st, 3, &a->end, &a->has_end);
}

static enum jr_err goal_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_goal *g;

	if (f->goal_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	g = &f->goal[f->goal_count++];
	g->id = jr_db_col_int(st, 0);
	return jr_store_day_col(st, 1, &g->review_on, NULL);
}

static enum jr_err measure_row(struct jr_db_stmt *st, struct jr_deadline_facts *f)
{
	struct jr_deadline_measure *m;
	int kind;

	if (f->measure_count >= JR_DEADLINE_FACTS_MAX)
		return JR_OK;
	m = &f->measure[f->measure_count++];
	m->id = jr_db_col_int(st, 0);
	kind = jr_measure_parse(jr_db_col_text(st, 1));
	m->kind = kind < 0 ? JR_MEASURE_NONE : (enum jr_measure)kind;
	return jr_store_day_col(st, 2, &m->end, NULL);
}

enum jr_err jr_store_deadline_facts(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_deadline_facts *f, int64_t *child_id,
				    char municipality[5])
{
	struct jr_db_stmt *st = NULL;
	jr_day today = f->today;
	enum jr_err err;
	bool row;
	int state;

	memset(f, 0, sizeof *f);
	f->today = today;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT h.child_id, h.municipality, h.raised_on, h.state, p.birth_date,"
			  " (SELECT COUNT(*) FROM allocations al WHERE al.help_request_id = h.id)"
			  " FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE h.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	*child_id = jr_db_col_int(st, 0);
	snprintf(municipality, 5, "%s", jr_db_col_text(st, 1));
	TRY(jr_store_day_col(st, 2, &f->raised_on, NULL));
	state = jr_hr_state_parse(jr_db_col_text(st, 3));
	f->open = state != JR_HR_CLOSED && state != JR_HR_WITHDRAWN;
	TRY(jr_store_day_col(st, 4, &f->birth_date, NULL));
	f->decided = jr_db_col_int(st, 5) > 0;
	jr_db_finalize(st);
	st = NULL;
	/* One deadline per request (its products share the reference and the term). */
	TRY(each(s,
		 "SELECT MIN(r.id), r.kind, MIN(m.created_at), r.status FROM ijw_requests r"
		 " JOIN ijw_messages m ON m.id = r.message_id WHERE r.help_request_id = $1"
		 " AND r.status IN ('open', 'investigating')"
		 " GROUP BY r.provider_id, r.reference, r.kind, r.status ORDER BY 1",
		 id, f, ijw_row));
	TRY(each(s,
		 "SELECT al.id, al.number, al.start_date, al.end_date,"
		 " (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id),"
		 " (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id"
		 " AND d.stopped_on IS NULL)"
		 " FROM allocations al WHERE al.help_request_id = $1 ORDER BY al.id",
		 id, f, alloc_row));
	TRY(each(s,
		 "SELECT id, review_on FROM goals WHERE help_request_id = $1"
		 " AND review_on IS NOT NULL ORDER BY review_on, id",
		 id, f, goal_row));
	TRY(each(s,
		 "SELECT id, kind, end_date FROM measures WHERE child_id = $1"
		 " AND end_date IS NOT NULL ORDER BY end_date DESC, id",
		 *child_id, f, measure_row));
	TRY(jr_store_audit(s, a, "help_request.deadlines", *child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
