/* store_timeline: one child's course as a single timeline, oldest first — every help request,
 * broad analysis, goal, route advice, light option weighed, referral, measure, allocation, change
 * of an allocation (with its JZ002 reason), evaluation, and start and stop of care, with its date and a short text — and a family's page: the household,
 * its members by name and one timeline of its children's courses, read in one transaction with
 * one audit entry per person shown. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* Columns: day, kind, help request id (0 for a measure), object id, text, number (form, …),
 * state, the step's place in a course (so that one day's events read in order) and the child.
 * Dates stored as timestamps are cut to their day. The union is sorted once, as a subquery: an
 * ORDER BY on the compound itself makes SQLite sort every branch and merge them, which took half
 * the time of a family page. OF_H and OF_M choose the children, by help request (h) and by
 * measure (m): one child, or the children of a household (joined, not IN (SELECT …): SQLite
 * makes a temporary table for every such subquery, ten per page). */
#define TIMELINE_SQL(OF_H, OF_M, ORDER)                                                            \
	"SELECT * FROM (SELECT h.raised_on AS day, 'help_request' AS kind, h.id AS hr, h.id AS obj," \
	" h.question AS text, 0 AS num, h.state AS state, 0 AS step, h.child_id AS child"          \
	" FROM help_requests h " OF_H                                                              \
	" UNION ALL SELECT b.made_on, 'analysis', b.help_request_id, b.id, b.explanation, 0, '', 1," \
	" h.child_id FROM broad_analyses b JOIN help_requests h ON b.help_request_id = h.id"       \
	OF_H                                                                                       \
	" UNION ALL SELECT substr(g.created_at, 1, 10), 'goal', g.help_request_id, g.id, g.text,"  \
	" 0, COALESCE(g.review_on, ''), 2, h.child_id"                                             \
	" FROM goals g JOIN help_requests h ON g.help_request_id = h.id " OF_H                     \
	" UNION ALL SELECT substr(r.given_at, 1, 10), 'advice', r.help_request_id, r.id,"          \
	" r.policy_region, 0, '', 3, h.child_id"                                                   \
	" FROM route_advice r JOIN help_requests h ON r.help_request_id = h.id"                    \
	OF_H                                                                                       \
	" UNION ALL SELECT substr(l.created_at, 1, 10), 'light_option', l.help_request_id, l.id,"  \
	" l.option_id, l.tried, l.why_not_enough, 4, h.child_id"                                   \
	" FROM light_options l JOIN help_requests h ON l.help_request_id = h.id"                   \
	OF_H                                                                                       \
	" UNION ALL SELECT r.referred_on, 'referral', r.help_request_id, r.id, r.referrer_name,"   \
	" r.form, r.status, 5, h.child_id"                                                         \
	" FROM referrals r JOIN help_requests h ON r.help_request_id = h.id"                       \
	OF_H                                                                                       \
	" UNION ALL SELECT m.start_date, 'measure', 0, m.id, m.kind, 0,"                           \
	" COALESCE(m.end_date, ''), 6, m.child_id"                                                 \
	" FROM measures m" OF_M                                                                    \
	" UNION ALL SELECT a.start_date, 'allocation', a.help_request_id, a.id, p.name, a.form,"   \
	" a.number, 7, h.child_id"                                                                 \
	" FROM allocations a JOIN help_requests h ON a.help_request_id = h.id"                     \
	" JOIN providers p ON p.id = a.provider_id " OF_H                                          \
	" UNION ALL SELECT c.changed_on, 'alloc_change', a.help_request_id, c.id, p.name, a.form,"  \
	" c.reason, 7, h.child_id FROM allocation_changes c"                                       \
	" JOIN allocations a ON c.allocation_id = a.id"                                            \
	" JOIN help_requests h ON a.help_request_id = h.id"                                        \
	" JOIN providers p ON p.id = a.provider_id " OF_H                                          \
	" UNION ALL SELECT e.held_on, 'evaluation', e.help_request_id, e.id, e.goals_reached, 0,"  \
	" e.kind, 10, h.child_id FROM evaluations e JOIN help_requests h"                          \
	" ON e.help_request_id = h.id " OF_H                                                       \
	" UNION ALL SELECT d.started_on, 'care_start', a.help_request_id, d.id, p.name, a.form, ''," \
	" 8, h.child_id FROM deliveries d JOIN allocations a ON d.allocation_id = a.id"            \
	" JOIN help_requests h ON a.help_request_id = h.id"                                        \
	" JOIN providers p ON p.id = a.provider_id " OF_H                                          \
	" UNION ALL SELECT d.stopped_on, 'care_stop', a.help_request_id, d.id, p.name, a.form,"    \
	" COALESCE(d.goals_reached, ''), 9, h.child_id"                                            \
	" FROM deliveries d JOIN allocations a ON d.allocation_id = a.id"                          \
	" JOIN help_requests h ON a.help_request_id = h.id"                                        \
	" JOIN providers p ON p.id = a.provider_id"                                                \
	OF_H " AND d.stopped_on IS NOT NULL"                                                       \
	" UNION ALL SELECT substr(x.created_at, 1, 10), 'assignment', x.help_request_id, x.id,"    \
	" COALESCE(u.username, ''), 0, x.assigned_by, 10, h.child_id"                              \
	" FROM help_request_assignments x JOIN help_requests h ON x.help_request_id = h.id"        \
	" LEFT JOIN users u ON u.id = x.assignee_user_id" OF_H ") AS events"                       \
	" ORDER BY " ORDER

static const char timeline_sql[] = TIMELINE_SQL(" WHERE h.child_id = $1", " WHERE m.child_id = $1",
					       "1, 3, 8, 4");
/* The children of household $1: one query for the whole family instead of one per child. */
#define OF_HOUSEHOLD(X)                                                                            \
	" JOIN household_members hm ON hm.person_id = " X ".child_id"                              \
	" WHERE hm.household_id = $1 AND hm.role = 'child'"
static const char family_timeline_sql[] =
	TIMELINE_SQL(OF_HOUSEHOLD("h"), OF_HOUSEHOLD("m"), "1, 9, 3, 8, 4");

/* Runs a timeline query (bound) and hands every event of a child in `only` (all when only is
 * NULL) to fn, inside the caller's transaction. */
static enum jr_err each_event(struct jr_db_stmt *st, const int64_t *only, size_t n,
			      jr_timeline_fn fn, void *ctx)
{
	struct jr_timeline_event e;
	enum jr_err err;
	bool row, shown;

	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		e.child_id = jr_db_col_int(st, 8);
		shown = !only;
		for (size_t i = 0; !shown && i < n; i++)
			shown = only[i] == e.child_id;
		if (!shown)
			continue; /* a child the reader does not see: not read out */
		snprintf(e.day, sizeof(e.day), "%s", jr_db_col_text(st, 0));
		snprintf(e.kind, sizeof(e.kind), "%s", jr_db_col_text(st, 1));
		e.help_request_id = jr_db_col_int(st, 2);
		e.object_id = jr_db_col_int(st, 3);
		snprintf(e.text, sizeof(e.text), "%s", jr_db_col_text(st, 4));
		e.number = (int)jr_db_col_int(st, 5);
		snprintf(e.extra, sizeof(e.extra), "%s", jr_db_col_text(st, 6));
		TRY(fn(ctx, &e));
	}
out:
	return err;
}

enum jr_err jr_store_timeline(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
			      jr_timeline_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", child_id));
	TRY(jr_db_prepare(s->db, timeline_sql, &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	TRY(each_event(st, NULL, 0, fn, ctx));
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "person.timeline", child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Whether `id` is one of the n in `list`. */
static bool among(const int64_t *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == id)
			return true;
	return false;
}

/* A member from the family query's columns 4.. into *m; *shown false when the row holds no
 * member (a household without members) or a child the reader does not see (nothing of it is
 * copied out). A member's person is always there: a foreign key. */
static enum jr_err read_member(struct jr_db_stmt *st, const int64_t *children, size_t n,
			       struct jr_family_member *m, bool *shown)
{
	const char *birth;

	*shown = false;
	if (jr_db_col_null(st, 4) || jr_db_col_null(st, 6))
		return JR_OK;
	m->person_id = jr_db_col_int(st, 4);
	snprintf(m->role, sizeof(m->role), "%s", jr_db_col_text(st, 5));
	if (children && strcmp(m->role, "child") == 0 && !among(children, n, m->person_id))
		return JR_OK;
	snprintf(m->given_names, sizeof(m->given_names), "%s", jr_db_col_text(st, 6));
	snprintf(m->family_name, sizeof(m->family_name), "%s", jr_db_col_text(st, 7));
	birth = jr_db_col_text(st, 8);
	if (jr_date_parse(birth, strlen(birth), &m->birth_date))
		return JR_ERR_STORE;
	*shown = true;
	return JR_OK;
}

enum jr_err jr_store_family_read(struct jr_store *s, const struct jr_actor *a, int64_t id,
				 const int64_t *children, size_t n, struct jr_household *h,
				 struct jr_family_member *members, size_t *count,
				 jr_timeline_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	char object[40];
	enum jr_err err;
	bool row = false;

	*count = 0;
	memset(h, 0, sizeof(*h));
	TRY(jr_store_begin(s));
	/* the household and its members with their names in one query (on PostgreSQL each is a
	 * round trip); a household without members is one row without a person */
	TRY(jr_db_prepare(s->db,
			  "SELECT h.id, h.municipality, h.coordinator_user_id, h.version,"
			  " m.person_id, m.role, p.given_names, p.family_name, p.birth_date"
			  " FROM households h LEFT JOIN household_members m ON m.household_id = h.id"
			  " LEFT JOIN persons p ON p.id = m.person_id"
			  " WHERE h.id = $1 ORDER BY m.person_id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	h->id = jr_db_col_int(st, 0);
	snprintf(h->municipality, sizeof(h->municipality), "%s", jr_db_col_text(st, 1));
	h->coordinator_user_id = jr_db_col_null(st, 2) ? 0 : jr_db_col_int(st, 2);
	h->version = (int)jr_db_col_int(st, 3);
	while (row && *count < JR_HOUSEHOLD_MEMBERS_MAX) {
		bool shown;

		TRY(read_member(st, children, n, &members[*count], &shown));
		if (shown)
			(*count)++;
		TRY(jr_db_step(st, &row));
	}
	jr_db_finalize(st);
	st = NULL;
	/* one entry per person shown: the page is one access to each of them */
	snprintf(object, sizeof(object), "household:%lld", (long long)id);
	for (size_t i = 0; i < *count; i++)
		TRY(jr_store_audit_object(s, a, "family.read", members[i].person_id, object));
	if (*count == 0)
		TRY(jr_store_audit_object(s, a, "family.read", 0, object));
	if (children && n == 0)
		goto out; /* no child shown: no course to read */
	TRY(jr_db_prepare(s->db, family_timeline_sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(each_event(st, children, n, fn, ctx));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (err)
		*count = 0;
	return err;
}
