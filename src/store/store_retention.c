/* store_retention: the Jeugdwet retention period. A child's records are kept until 20 years after
 * care ends (Jeugdwet art. 7.3.8); then they may, and on request must, be erased. Candidates are
 * children with no open help request whose last activity (the last change of a help request, the
 * end of care, the end of an allocation) lies before the cut-off. Erasing removes the child's
 * records in one transaction; the audit log keeps that it happened, under the person's number. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

enum jr_err jr_store_retention_candidates(struct jr_store *s, const struct jr_actor *a,
					  jr_day cutoff, jr_retention_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	char cut[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	jr_date_format(cutoff, cut);
	TRY(jr_store_begin(s));
	/* Dates are ISO text; the first ten characters compare as dates on both engines. */
	TRY(jr_db_prepare(s->db,
			  "SELECT h.child_id, MAX(x.day) FROM help_requests h JOIN ("
			  " SELECT id AS hr, SUBSTR(updated_at, 1, 10) AS day FROM help_requests"
			  " UNION ALL SELECT a.help_request_id, d.stopped_on FROM deliveries d"
			  "  JOIN allocations a ON d.allocation_id = a.id WHERE d.stopped_on IS NOT NULL"
			  " UNION ALL SELECT help_request_id, end_date FROM allocations"
			  "  WHERE end_date IS NOT NULL"
			  ") x ON x.hr = h.id"
			  " WHERE NOT EXISTS (SELECT 1 FROM help_requests o WHERE o.child_id = h.child_id"
			  "  AND o.state <> 'closed' AND o.state <> 'withdrawn')"
			  " GROUP BY h.child_id HAVING MAX(x.day) < $1 ORDER BY h.child_id",
			  &st));
	TRY(jr_db_bind_text(st, 1, cut));
	for (;;) {
		const char *day;
		jr_day last;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		day = jr_db_col_text(st, 1);
		if (jr_date_parse(day, strlen(day), &last)) {
			err = JR_ERR_STORE;
			goto out;
		}
		TRY(fn(ctx, jr_db_col_int(st, 0), last));
	}
	TRY(jr_store_audit(s, a, "retention.scan", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_erase_child(struct jr_store *s, const struct jr_actor *a, int64_t child_id)
{
	/* Children of the help requests first, the person last; every statement takes $1 = child. */
	static const char *const steps[] = {
		"DELETE FROM deliveries WHERE allocation_id IN (SELECT a.id FROM allocations a"
		" JOIN help_requests h ON a.help_request_id = h.id WHERE h.child_id = $1)",
		"DELETE FROM allocation_changes WHERE allocation_id IN (SELECT a.id FROM allocations a"
		" JOIN help_requests h ON a.help_request_id = h.id WHERE h.child_id = $1)",
		"DELETE FROM allocations WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		/* decision letters are append-only but for this: once the allocation is gone */
		"DELETE FROM decision_letters WHERE child_id = $1",
		"DELETE FROM referrals WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM goals WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM broad_analyses WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM route_advice WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM light_options WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		/* the journal is append-only but for this: erasure takes the notes with the child */
		"DELETE FROM journal_notes WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM help_request_assignments WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM evaluations WHERE help_request_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM record_history WHERE record_table = 'help_requests' AND record_id IN"
		" (SELECT id FROM help_requests WHERE child_id = $1)",
		"DELETE FROM help_requests WHERE child_id = $1",
		"DELETE FROM measure_extensions WHERE measure_id IN"
		" (SELECT id FROM measures WHERE child_id = $1)",
		"DELETE FROM measure_authorisations WHERE measure_id IN"
		" (SELECT id FROM measures WHERE child_id = $1)",
		"DELETE FROM measures WHERE child_id = $1",
		"DELETE FROM household_members WHERE person_id = $1",
		"DELETE FROM record_history WHERE record_table = 'persons' AND record_id = $1",
		"DELETE FROM person_name_keys WHERE person_id = $1",
		"DELETE FROM person_outside_links WHERE person_id = $1",
		"DELETE FROM persons WHERE id = $1",
	};
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM persons p WHERE p.id = $1 AND NOT EXISTS (SELECT 1 FROM"
			  " help_requests o WHERE o.child_id = p.id AND o.state <> 'closed'"
			  " AND o.state <> 'withdrawn')",
			  &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_REFUSED; /* unknown, or help is still open */
		goto out;
	}
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		TRY(jr_db_prepare(s->db, steps[i], &st));
		TRY(jr_db_bind_int(st, 1, child_id));
		TRY(jr_db_step(st, &row));
		jr_db_finalize(st);
		st = NULL;
	}
	TRY(jr_store_audit(s, a, "retention.erase", child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
