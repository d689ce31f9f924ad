/* store_timeline: one child's course as a single timeline, oldest first — every help request,
 * broad analysis, goal, route advice, light option weighed, referral, measure, allocation, and
 * start and stop of care, with its date and a short text. This is what a family's page shows;
 * reading it is audited once per child. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* Columns: day, kind, help request id (0 for a measure), object id, text, number (form, …),
 * state, and the step's place in a course (so that one day's events read in order). Dates
 * stored as timestamps are cut to their day. The union is sorted once, as a subquery: an ORDER BY
 * on the compound itself makes SQLite sort every branch and merge them, which took half the time
 * of a family page. */
static const char timeline_sql[] =
	"SELECT * FROM (SELECT h.raised_on AS day, 'help_request' AS kind, h.id AS hr, h.id AS obj,"
	" h.question AS text, 0 AS num, h.state AS state, 0 AS step"
	" FROM help_requests h WHERE h.child_id = $1"
	" UNION ALL SELECT b.made_on, 'analysis', b.help_request_id, b.id, b.explanation, 0, '', 1"
	" FROM broad_analyses b JOIN help_requests h ON b.help_request_id = h.id"
	" WHERE h.child_id = $1"
	" UNION ALL SELECT substr(g.created_at, 1, 10), 'goal', g.help_request_id, g.id, g.text,"
	" 0, COALESCE(g.review_on, ''), 2"
	" FROM goals g JOIN help_requests h ON g.help_request_id = h.id WHERE h.child_id = $1"
	" UNION ALL SELECT substr(r.given_at, 1, 10), 'advice', r.help_request_id, r.id,"
	" r.policy_region, 0, '', 3"
	" FROM route_advice r JOIN help_requests h ON r.help_request_id = h.id"
	" WHERE h.child_id = $1"
	" UNION ALL SELECT substr(l.created_at, 1, 10), 'light_option', l.help_request_id, l.id,"
	" l.option_id, l.tried, l.why_not_enough, 4"
	" FROM light_options l JOIN help_requests h ON l.help_request_id = h.id"
	" WHERE h.child_id = $1"
	" UNION ALL SELECT r.referred_on, 'referral', r.help_request_id, r.id, r.referrer_name,"
	" r.form, r.status, 5"
	" FROM referrals r JOIN help_requests h ON r.help_request_id = h.id WHERE h.child_id = $1"
	" UNION ALL SELECT m.start_date, 'measure', 0, m.id, m.kind, 0,"
	" COALESCE(m.end_date, ''), 6"
	" FROM measures m WHERE m.child_id = $1"
	" UNION ALL SELECT a.start_date, 'allocation', a.help_request_id, a.id, p.name, a.form,"
	" a.number, 7"
	" FROM allocations a JOIN help_requests h ON a.help_request_id = h.id"
	" JOIN providers p ON p.id = a.provider_id WHERE h.child_id = $1"
	" UNION ALL SELECT d.started_on, 'care_start', a.help_request_id, d.id, p.name, a.form, '', 8"
	" FROM deliveries d JOIN allocations a ON d.allocation_id = a.id"
	" JOIN help_requests h ON a.help_request_id = h.id"
	" JOIN providers p ON p.id = a.provider_id WHERE h.child_id = $1"
	" UNION ALL SELECT d.stopped_on, 'care_stop', a.help_request_id, d.id, p.name, a.form,"
	" COALESCE(d.goals_reached, ''), 9"
	" FROM deliveries d JOIN allocations a ON d.allocation_id = a.id"
	" JOIN help_requests h ON a.help_request_id = h.id"
	" JOIN providers p ON p.id = a.provider_id"
	" WHERE h.child_id = $1 AND d.stopped_on IS NOT NULL) AS events"
	" ORDER BY 1, 3, 8, 4";

enum jr_err jr_store_timeline(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
			      jr_timeline_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_timeline_event e;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", child_id));
	TRY(jr_db_prepare(s->db, timeline_sql, &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&e, 0, sizeof(e));
		e.child_id = child_id;
		snprintf(e.day, sizeof(e.day), "%s", jr_db_col_text(st, 0));
		snprintf(e.kind, sizeof(e.kind), "%s", jr_db_col_text(st, 1));
		e.help_request_id = jr_db_col_int(st, 2);
		e.object_id = jr_db_col_int(st, 3);
		snprintf(e.text, sizeof(e.text), "%s", jr_db_col_text(st, 4));
		e.number = (int)jr_db_col_int(st, 5);
		snprintf(e.extra, sizeof(e.extra), "%s", jr_db_col_text(st, 6));
		TRY(fn(ctx, &e));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "person.timeline", child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
