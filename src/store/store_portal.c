/* store_portal: the lists of the portals for referrers and providers — the referrals an
 * organisation made itself, with how far each got, and a provider's own allocations, each with
 * the child they are about — and the look-ups that decide whether a referral or an allocation is
 * the organisation's own. Every child listed is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static enum jr_err day_of(const char *text, jr_day *out)
{
	*out = 0;
	return text[0] && jr_date_parse(text, strlen(text), out) ? JR_ERR_STORE : JR_OK;
}

/* A referral with its child and its progress, as its referrer sees it (struct jr_referral_row).
 * The allocation shown is the help request's latest; accepted means the local team took the
 * request up: it moved on from "registered" (other than by withdrawal), or has a broad analysis
 * or an allocation. */
#define REFERRAL_ROW                                                                               \
	"SELECT r.id, r.help_request_id, r.referrer_type, COALESCE(r.agb, ''), r.referrer_name,"   \
	" r.referred_on, r.form, r.status, r.source, COALESCE(r.organisation_id, 0),"              \
	" h.child_id, p.given_names, p.family_name, p.birth_date, h.question, h.state,"            \
	" h.updated_at, COALESCE(pr.name, ''), COALESCE(al.start_date, ''),"                       \
	" COALESCE((SELECT MIN(d.started_on) FROM deliveries d WHERE d.allocation_id = al.id), ''),"\
	" CASE WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = al.id"              \
	"  AND d.stopped_on IS NULL) THEN ''"                                                      \
	"  ELSE COALESCE((SELECT MAX(d.stopped_on) FROM deliveries d"                              \
	"  WHERE d.allocation_id = al.id), '') END,"                                               \
	" CASE WHEN al.id IS NOT NULL OR h.state NOT IN ('registered', 'withdrawn')"               \
	"  OR EXISTS (SELECT 1 FROM broad_analyses b WHERE b.help_request_id = h.id)"              \
	"  THEN 1 ELSE 0 END,"                                                                     \
	" COALESCE(r.urgency, ''), COALESCE(r.tried, ''), COALESCE(r.consent, ''),"               \
	" COALESCE(r.answer, ''), COALESCE(r.answered_on, ''), COALESCE(r.answered_by, '')"       \
	" FROM referrals r JOIN help_requests h ON h.id = r.help_request_id"                       \
	" JOIN persons p ON p.id = h.child_id"                                                     \
	" LEFT JOIN allocations al ON al.id = (SELECT a2.id FROM allocations a2"                   \
	"  WHERE a2.help_request_id = h.id ORDER BY a2.start_date DESC, a2.id DESC LIMIT 1)"       \
	" LEFT JOIN providers pr ON pr.id = al.provider_id"

static enum jr_err read_referral_row(struct jr_db_stmt *st, struct jr_referral_row *row)
{
	enum jr_err err;
	jr_day updated;

	memset(row, 0, sizeof(*row));
	row->r.id = jr_db_col_int(st, 0);
	row->r.help_request_id = jr_db_col_int(st, 1);
	row->r.referrer_type = (int)strtol(jr_db_col_text(st, 2), NULL, 10);
	snprintf(row->r.agb, sizeof(row->r.agb), "%s", jr_db_col_text(st, 3));
	snprintf(row->r.referrer_name, sizeof(row->r.referrer_name), "%s", jr_db_col_text(st, 4));
	TRY(day_of(jr_db_col_text(st, 5), &row->r.referred_on));
	row->r.form = (int)jr_db_col_int(st, 6);
	row->r.valid = strcmp(jr_db_col_text(st, 7), "valid") == 0;
	snprintf(row->r.source, sizeof(row->r.source), "%s", jr_db_col_text(st, 8));
	row->r.organisation_id = jr_db_col_int(st, 9);
	row->child_id = jr_db_col_int(st, 10);
	snprintf(row->given_names, sizeof(row->given_names), "%s", jr_db_col_text(st, 11));
	snprintf(row->family_name, sizeof(row->family_name), "%s", jr_db_col_text(st, 12));
	TRY(day_of(jr_db_col_text(st, 13), &row->birth_date));
	snprintf(row->question, sizeof(row->question), "%s", jr_db_col_text(st, 14));
	snprintf(row->state, sizeof(row->state), "%s", jr_db_col_text(st, 15));
	TRY(jr_store_day_col(st, 16, &updated, NULL));
	if (strcmp(row->state, "closed") == 0 || strcmp(row->state, "withdrawn") == 0)
		row->closed_on = updated;
	snprintf(row->provider_name, sizeof(row->provider_name), "%s", jr_db_col_text(st, 17));
	TRY(jr_store_day_col(st, 18, &row->allocated_from, &row->allocated));
	TRY(jr_store_day_col(st, 19, &row->care_started, NULL));
	TRY(jr_store_day_col(st, 20, &row->care_stopped, NULL));
	row->accepted = jr_db_col_int(st, 21) != 0;
	snprintf(row->r.urgency, sizeof(row->r.urgency), "%s", jr_db_col_text(st, 22));
	snprintf(row->r.tried, sizeof(row->r.tried), "%s", jr_db_col_text(st, 23));
	snprintf(row->r.consent, sizeof(row->r.consent), "%s", jr_db_col_text(st, 24));
	snprintf(row->answer, sizeof(row->answer), "%s", jr_db_col_text(st, 25));
	TRY(day_of(jr_db_col_text(st, 26), &row->answered_on));
	snprintf(row->answered_by, sizeof(row->answered_by), "%s", jr_db_col_text(st, 27));
out:
	return err;
}

enum jr_err jr_store_referrals_of_organisation(struct jr_store *s, const struct jr_actor *a,
					       int64_t org, int64_t offset, int64_t limit,
					       jr_referral_row_fn fn, void *ctx, int64_t *total)
{
	struct jr_db_stmt *st = NULL;
	struct jr_referral_row row;
	char object[40];
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_store_count(s,
			   "SELECT COUNT(*) FROM referrals WHERE organisation_id = $1"
			   " AND source <> 'ijw'",
			   NULL, org, total));
	TRY(jr_db_prepare(s->db,
			  REFERRAL_ROW " WHERE r.organisation_id = $1 AND r.source <> 'ijw'"
				       " ORDER BY r.referred_on DESC, r.id DESC LIMIT $2 OFFSET $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, org));
	TRY(jr_db_bind_int(st, 2, limit));
	TRY(jr_db_bind_int(st, 3, offset));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		TRY(read_referral_row(st, &row));
		snprintf(object, sizeof(object), "referral:%lld", (long long)row.r.id);
		TRY(jr_store_audit_object(s, a, "referral.list", row.child_id, object));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referral_of_organisation(struct jr_store *s, const struct jr_actor *a,
					      int64_t org, int64_t id, struct jr_referral_row *out,
					      bool *found)
{
	struct jr_db_stmt *st = NULL;
	char object[40];
	enum jr_err err;
	bool row = false;

	*found = false;
	snprintf(object, sizeof(object), "referral:%lld", (long long)id);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, REFERRAL_ROW " WHERE r.id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		TRY(jr_store_audit_object(s, a, "referral.read.none", 0, object));
		goto out;
	}
	TRY(read_referral_row(st, out));
	*found = org && out->r.organisation_id == org && strcmp(out->r.source, "ijw") != 0;
	TRY(jr_store_audit_object(s, a, *found ? "referral.read" : "access.denied", out->child_id,
				  object));
	if (!*found)
		memset(out, 0, sizeof(*out));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referrals_of_help_request(struct jr_store *s, const struct jr_actor *a,
					       int64_t help_request_id, jr_referral_row_fn fn,
					       void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_referral_row row;
	char object[40];
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  REFERRAL_ROW " WHERE r.help_request_id = $1 ORDER BY r.referred_on, r.id",
			  &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		TRY(read_referral_row(st, &row));
		snprintf(object, sizeof(object), "referral:%lld", (long long)row.r.id);
		TRY(jr_store_audit_object(s, a, "referral.read", row.child_id, object));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referral_help_request(struct jr_store *s, int64_t id,
					   int64_t *help_request_id, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*help_request_id = 0;
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT help_request_id FROM referrals WHERE id = $1 AND source <> 'ijw'",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found)
		*help_request_id = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referral_answer(struct jr_store *s, const struct jr_actor *a, int64_t id,
				     const char *answer, jr_day on, const char *by)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN], object[40];
	int64_t child = 0;
	enum jr_err err;
	bool row = false;

	jr_date_format(on, day);
	snprintf(object, sizeof(object), "referral:%lld", (long long)id);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT h.child_id FROM referrals r JOIN help_requests h"
			  " ON h.id = r.help_request_id WHERE r.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	child = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "UPDATE referrals SET answer = $1, answered_on = $2, answered_by = $3"
			  " WHERE id = $4",
			  &st));
	TRY(jr_db_bind_text(st, 1, answer));
	TRY(jr_db_bind_text(st, 2, day));
	TRY(jr_db_bind_text(st, 3, by));
	TRY(jr_db_bind_int(st, 4, id));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit_object(s, a, "referral.answer", child, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

#define ALLOCATION_ROW                                                                             \
	"SELECT al.id, al.number, al.help_request_id, al.form, al.start_date,"                    \
	" COALESCE(al.end_date, ''), al.regime, COALESCE(al.result_description, ''),"             \
	" COALESCE(al.product_code, ''), h.child_id, p.given_names, p.family_name, p.birth_date,"  \
	" COALESCE((SELECT MAX(d.started_on) FROM deliveries d WHERE d.allocation_id = al.id), ''),"\
	" COALESCE((SELECT MAX(d.stopped_on) FROM deliveries d WHERE d.allocation_id = al.id), ''),"\
	" (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id"                       \
	"  AND d.stopped_on IS NULL), pr.agb, pr.name,"                                           \
	" COALESCE(al.responsible_municipality, h.municipality)"                                  \
	" FROM allocations al JOIN help_requests h ON h.id = al.help_request_id"                   \
	" JOIN persons p ON p.id = h.child_id JOIN providers pr ON pr.id = al.provider_id"

static enum jr_err read_allocation_row(struct jr_db_stmt *st, struct jr_allocation_row *row)
{
	enum jr_err err;

	memset(row, 0, sizeof(*row));
	row->id = jr_db_col_int(st, 0);
	snprintf(row->number, sizeof(row->number), "%s", jr_db_col_text(st, 1));
	row->help_request_id = jr_db_col_int(st, 2);
	row->form = (int)jr_db_col_int(st, 3);
	if ((err = day_of(jr_db_col_text(st, 4), &row->start)) ||
	    (err = day_of(jr_db_col_text(st, 5), &row->end)))
		return err;
	snprintf(row->regime, sizeof(row->regime), "%s", jr_db_col_text(st, 6));
	snprintf(row->result_description, sizeof(row->result_description), "%s",
		 jr_db_col_text(st, 7));
	snprintf(row->product_code, sizeof(row->product_code), "%s", jr_db_col_text(st, 8));
	row->child_id = jr_db_col_int(st, 9);
	snprintf(row->given_names, sizeof(row->given_names), "%s", jr_db_col_text(st, 10));
	snprintf(row->family_name, sizeof(row->family_name), "%s", jr_db_col_text(st, 11));
	if ((err = day_of(jr_db_col_text(st, 12), &row->birth_date)) ||
	    (err = day_of(jr_db_col_text(st, 13), &row->care_started)) ||
	    (err = day_of(jr_db_col_text(st, 14), &row->care_stopped)))
		return err;
	row->care_running = jr_db_col_int(st, 15) > 0;
	snprintf(row->provider_agb, sizeof(row->provider_agb), "%s", jr_db_col_text(st, 16));
	snprintf(row->provider_name, sizeof(row->provider_name), "%s", jr_db_col_text(st, 17));
	snprintf(row->responsible, sizeof(row->responsible), "%s", jr_db_col_text(st, 18));
	return JR_OK;
}

enum jr_err jr_store_allocations_by_agb(struct jr_store *s, const struct jr_actor *a,
					const char *agb, int64_t offset, int64_t limit,
					jr_allocation_row_fn fn, void *ctx, int64_t *total)
{
	struct jr_db_stmt *st = NULL;
	struct jr_allocation_row row;
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_store_count(s,
			   "SELECT COUNT(*) FROM allocations al JOIN providers pr ON pr.id ="
			   " al.provider_id WHERE pr.agb = $1",
			   agb, 0, total));
	TRY(jr_db_prepare(s->db,
			  ALLOCATION_ROW " WHERE pr.agb = $1 ORDER BY al.start_date DESC, al.id DESC"
					 " LIMIT $2 OFFSET $3",
			  &st));
	TRY(jr_db_bind_text(st, 1, agb));
	TRY(jr_db_bind_int(st, 2, limit));
	TRY(jr_db_bind_int(st, 3, offset));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		TRY(read_allocation_row(st, &row));
		TRY(jr_store_audit(s, a, "allocation.list", row.child_id));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_allocation_row *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, ALLOCATION_ROW " WHERE al.id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(read_allocation_row(st, out));
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "allocation.read", out->child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_owner(struct jr_store *s, int64_t id,
				      struct jr_allocation_owner *out, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT al.help_request_id, h.child_id, h.municipality, pr.agb,"
			  " COALESCE(al.gi_organisation_id, 0)"
			  " FROM allocations al JOIN help_requests h ON h.id = al.help_request_id"
			  " JOIN providers pr ON pr.id = al.provider_id WHERE al.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found) {
		out->help_request_id = jr_db_col_int(st, 0);
		out->child_id = jr_db_col_int(st, 1);
		snprintf(out->municipality, sizeof(out->municipality), "%s", jr_db_col_text(st, 2));
		snprintf(out->provider_agb, sizeof(out->provider_agb), "%s", jr_db_col_text(st, 3));
		out->gi_organisation_id = jr_db_col_int(st, 4);
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_measures_by_gi(struct jr_store *s, const struct jr_actor *a,
				    int64_t gi_organisation_id, enum jr_measure_status status,
				    jr_day today, int64_t offset, int64_t limit,
				    jr_measure_row_fn fn, void *ctx, int64_t *total)
{
	static const char *const where[] = {
	    [JR_MEASURES_ALL] = "",
	    [JR_MEASURES_RUNNING] = " AND (m.end_date IS NULL OR m.end_date >= $2)",
	    [JR_MEASURES_ENDED] = " AND m.end_date < $2",
	};
	static const char *const order[] = {
	    [JR_MEASURES_ALL] = " ORDER BY m.start_date DESC, m.id DESC",
	    [JR_MEASURES_RUNNING] = " ORDER BY COALESCE(m.end_date, '9999-12-31'), m.id",
	    [JR_MEASURES_ENDED] = " ORDER BY m.end_date DESC, m.id DESC",
	};
	struct jr_db_stmt *st = NULL;
	struct jr_measure_row row;
	char sql[1024], day[JR_DATE_STRLEN];
	enum jr_err err;
	bool more;
	int n;

	if ((unsigned)status > JR_MEASURES_ENDED)
		return JR_ERR_INPUT;
	jr_date_format(today, day);
	TRY(jr_store_begin(s));
	n = snprintf(sql, sizeof(sql),
		     "SELECT COUNT(*) FROM measures m WHERE m.gi_organisation_id = $1%s",
		     status == JR_MEASURES_ALL ? "" : where[status]);
	if (n < 0 || (size_t)n >= sizeof(sql)) {
		err = JR_ERR_INTERNAL;
		goto out;
	}
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, gi_organisation_id));
	if (status != JR_MEASURES_ALL)
		TRY(jr_db_bind_text(st, 2, day));
	TRY(jr_db_step(st, &more));
	*total = more ? jr_db_col_int(st, 0) : 0;
	jr_db_finalize(st);
	st = NULL;
	n = snprintf(sql, sizeof(sql),
		     "SELECT m.id, m.child_id, m.kind, m.start_date, COALESCE(m.end_date, ''),"
		     " p.given_names, p.family_name, p.birth_date, p.municipality, m.court_date,"
		     " COALESCE(m.reference, ''),"
		     " (SELECT COUNT(*) FROM measure_extensions x WHERE x.measure_id = m.id)"
		     " FROM measures m JOIN persons p ON p.id = m.child_id"
		     " WHERE m.gi_organisation_id = $1%s%s LIMIT $3 OFFSET $4",
		     status == JR_MEASURES_ALL ? " AND (m.start_date = $2 OR TRUE)" : where[status], order[status]);
	if (n < 0 || (size_t)n >= sizeof(sql)) {
		err = JR_ERR_INTERNAL;
		goto out;
	}
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, gi_organisation_id));
	TRY(jr_db_bind_text(st, 2, day));
	TRY(jr_db_bind_int(st, 3, limit));
	TRY(jr_db_bind_int(st, 4, offset));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		memset(&row, 0, sizeof(row));
		row.id = jr_db_col_int(st, 0);
		row.child_id = jr_db_col_int(st, 1);
		snprintf(row.kind, sizeof(row.kind), "%s", jr_db_col_text(st, 2));
		TRY(day_of(jr_db_col_text(st, 3), &row.start));
		TRY(day_of(jr_db_col_text(st, 4), &row.end));
		snprintf(row.given_names, sizeof(row.given_names), "%s", jr_db_col_text(st, 5));
		snprintf(row.family_name, sizeof(row.family_name), "%s", jr_db_col_text(st, 6));
		TRY(day_of(jr_db_col_text(st, 7), &row.birth_date));
		snprintf(row.municipality, sizeof(row.municipality), "%s", jr_db_col_text(st, 8));
		TRY(day_of(jr_db_col_text(st, 9), &row.court_date));
		snprintf(row.reference, sizeof(row.reference), "%s", jr_db_col_text(st, 10));
		row.extensions = jr_db_col_int(st, 11);
		TRY(jr_store_audit(s, a, "measure.list", row.child_id));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
