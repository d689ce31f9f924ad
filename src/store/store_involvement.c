/* store_involvement: which organisations are involved with a child, derived from the records and
 * never typed in: the local team of the municipality for every open help request, the referrer
 * of every referral on an open request (unless the referral came from the municipality itself or
 * from no one), the provider of every allocation whose care has not stopped, and the GI of every
 * measure in force. The multi_agency signal counts the two kinds that work with the child
 * (providers and GIs, store_signals.c); this list is what a consulent and the family see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Open help requests: neither closed nor withdrawn. Columns: via, object id, organisation id,
 * kind, name, AGB, since, COD327 referrer type ("" when not a referral). */
static const char involvement_sql[] =
	"SELECT 'help_request', h.id, COALESCE(o.id, 0), 'local_team', COALESCE(o.name, ''),"
	" COALESCE(o.agb, ''), h.raised_on, ''"
	" FROM help_requests h LEFT JOIN organisations o ON o.id ="
	"  (SELECT MIN(id) FROM organisations WHERE kind = 'local_team'"
	"   AND municipality = h.municipality)"
	" WHERE h.child_id = $1 AND h.state <> 'closed' AND h.state <> 'withdrawn'"
	" UNION ALL"
	" SELECT 'referral', r.id, COALESCE(o.id, 0), 'referrer', r.referrer_name,"
	" COALESCE(r.agb, ''), r.referred_on, r.referrer_type"
	" FROM referrals r JOIN help_requests h ON r.help_request_id = h.id"
	" LEFT JOIN organisations o ON o.id ="
	"  (SELECT MIN(id) FROM organisations WHERE agb = r.agb)"
	" WHERE h.child_id = $1 AND h.state <> 'closed' AND h.state <> 'withdrawn'"
	" AND r.referrer_type <> '01' AND r.referrer_type <> '06'"
	" UNION ALL"
	" SELECT 'allocation', a.id, a.provider_id, 'provider', p.name, p.agb, a.start_date, ''"
	" FROM allocations a JOIN help_requests h ON a.help_request_id = h.id"
	" JOIN providers p ON p.id = a.provider_id"
	" WHERE h.child_id = $1 AND NOT EXISTS (SELECT 1 FROM deliveries d"
	"  WHERE d.allocation_id = a.id AND d.stopped_on IS NOT NULL)"
	" UNION ALL"
	" SELECT 'measure', m.id, COALESCE(o.id, 0), 'gi', COALESCE(o.name, ''),"
	" COALESCE(o.agb, ''), m.start_date, ''"
	" FROM measures m LEFT JOIN organisations o ON o.id = m.gi_organisation_id"
	" WHERE m.child_id = $1 AND m.start_date <= $2"
	" AND (m.end_date IS NULL OR m.end_date >= $2)"
	" ORDER BY 7, 1, 2";

enum jr_err jr_store_involvement(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				 jr_day on, struct jr_involvement *out, size_t max, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*count = 0;
	jr_date_format(on, day);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", child_id));
	TRY(jr_db_prepare(s->db, involvement_sql, &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	TRY(jr_db_bind_text(st, 2, day));
	for (;; (*count)++) {
		struct jr_involvement *inv = &out[*count];
		const char *since;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (*count >= max)
			continue; /* counted, not kept */
		memset(inv, 0, sizeof(*inv));
		snprintf(inv->via, sizeof(inv->via), "%s", jr_db_col_text(st, 0));
		inv->object_id = jr_db_col_int(st, 1);
		inv->organisation_id = jr_db_col_int(st, 2);
		snprintf(inv->kind, sizeof(inv->kind), "%s", jr_db_col_text(st, 3));
		snprintf(inv->name, sizeof(inv->name), "%s", jr_db_col_text(st, 4));
		snprintf(inv->agb, sizeof(inv->agb), "%s", jr_db_col_text(st, 5));
		since = jr_db_col_text(st, 6);
		if (jr_date_parse(since, strlen(since), &inv->since)) {
			err = JR_ERR_STORE; /* the store writes only valid dates */
			goto out;
		}
		inv->referrer_type = (int)strtol(jr_db_col_text(st, 7), NULL, 10);
	}
	TRY(jr_store_audit(s, a, "person.involvement", child_id));
out:
	jr_db_finalize(st);
	if (err)
		*count = 0;
	return jr_store_finish(s, err);
}

enum jr_err jr_store_person_links(struct jr_store *s, int64_t person_id,
				  const struct jr_principal *p, struct jr_person_links *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(
	    s->db,
	    /* CASE WHEN: PostgreSQL answers a bare EXISTS as 't' or 'f' */
	    "SELECT pe.municipality,"
	    " CASE WHEN EXISTS (SELECT 1 FROM help_requests h WHERE h.child_id = pe.id"
	    "  AND h.municipality = $2) THEN 1 ELSE 0 END,"
	    " CASE WHEN EXISTS (SELECT 1 FROM referrals r JOIN help_requests h"
	    "  ON r.help_request_id = h.id WHERE h.child_id = pe.id AND $3 <> '' AND r.agb = $3)"
	    "  THEN 1 ELSE 0 END,"
	    " CASE WHEN EXISTS (SELECT 1 FROM measures m WHERE m.child_id = pe.id AND $4 > 0"
	    "  AND m.gi_organisation_id = $4) THEN 1 ELSE 0 END,"
	    " CASE WHEN EXISTS (SELECT 1 FROM allocations a JOIN help_requests h"
	    "  ON a.help_request_id = h.id JOIN providers pr ON pr.id = a.provider_id"
	    "  WHERE h.child_id = pe.id AND $3 <> '' AND pr.agb = $3) THEN 1 ELSE 0 END"
	    " FROM persons pe WHERE pe.id = $1",
	    &st));
	TRY(jr_db_bind_int(st, 1, person_id));
	TRY(jr_db_bind_text(st, 2, p->municipality));
	TRY(jr_db_bind_text(st, 3, p->agb));
	TRY(jr_db_bind_int(st, 4, p->organisation_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	snprintf(out->municipality, sizeof(out->municipality), "%s", jr_db_col_text(st, 0));
	out->case_in_municipality = jr_db_col_int(st, 1) != 0;
	out->referred_by = jr_db_col_int(st, 2) != 0;
	out->measure_of = jr_db_col_int(st, 3) != 0;
	out->allocated_to = jr_db_col_int(st, 4) != 0;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
