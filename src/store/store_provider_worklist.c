/* store_provider_worklist: the provider's work list (provider_worklist.h). The group of an
 * allocation is computed in SQL from its dates and deliveries, so that the counts and the page
 * are two statements over the provider's allocations, whatever the page holds. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* The provider's allocations with their group: $1 the AGB code, $2 today, $3 the last day of
 * the ending window, $4 the first start day still within the start term, $5 the form (0 any).
 * The group (enum jr_pw_group) needs only whether care ever started and whether it runs: two
 * probes of the index deliveries_running (allocation_id, stopped_on) per allocation, which
 * answer from the index alone; the dates of the deliveries are read for the page's rows only. */
#define WORK                                                                                       \
	"WITH w AS (SELECT al.id AS id, al.start_date AS start_date, al.end_date AS end_date, CASE"\
	"  WHEN EXISTS (SELECT 1 FROM deliveries de WHERE de.allocation_id = al.id"               \
	"   AND de.stopped_on IS NULL) THEN"                                                        \
	"   CASE WHEN al.end_date IS NOT NULL AND al.end_date <= $3 THEN 3 ELSE 2 END"              \
	"  WHEN NOT EXISTS (SELECT 1 FROM deliveries de WHERE de.allocation_id = al.id)"           \
	"   AND (al.end_date IS NULL OR al.end_date >= $2) THEN"                                    \
	"   CASE WHEN al.start_date < $4 THEN 1 ELSE 0 END"                                         \
	"  ELSE 4 END AS grp"                                                                        \
	"  FROM allocations al"                                                                     \
	"  WHERE al.provider_id IN (SELECT id FROM providers WHERE agb = $1)"                      \
	"  AND ($5 = 0 OR al.form = $5))"

/* The page: the group's rows ordered and cut first (on w alone), then joined for those rows.
 * (The counts are a statement of their own: carried on each row as a window over all of w they
 * cost five times as much, docs/BENCHMARKS.md.) */
#define PAGE_HEAD WORK " SELECT al.id, al.number, al.help_request_id, al.form, al.start_date,"    \
	" COALESCE(al.end_date, ''), al.regime, COALESCE(al.result_description, ''),"             \
	" COALESCE(al.product_code, ''), h.child_id, p.given_names, p.family_name, p.birth_date,"  \
	" COALESCE((SELECT MAX(d.started_on) FROM deliveries d WHERE d.allocation_id = al.id), ''),"\
	" COALESCE((SELECT MAX(d.stopped_on) FROM deliveries d WHERE d.allocation_id = al.id), ''),"\
	" (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id"                       \
	"  AND d.stopped_on IS NULL), pr.agb,"                                                      \
	" pr.name, COALESCE(al.responsible_municipality, h.municipality), pg.grp,"                \
	" al.volume, COALESCE(al.unit, ''), COALESCE(al.frequency, ''), COALESCE(al.intensity, 0),"\
	" COALESCE(u.username, uc.username, ''), h.municipality"                                    \
	" FROM (SELECT x.id, x.grp, x.start_date, x.end_date FROM w x"                              \
	"  WHERE ($6 < 0 OR x.grp = $6)"
#define PAGE_TAIL                                                                                  \
	" LIMIT $7 OFFSET $8) pg JOIN allocations al ON al.id = pg.id"                              \
	" JOIN help_requests h ON h.id = al.help_request_id JOIN persons p ON p.id = h.child_id"   \
	" JOIN providers pr ON pr.id = al.provider_id"                                              \
	" LEFT JOIN users u ON u.id = h.assignee_user_id"                                           \
	" LEFT JOIN households hh ON hh.id = h.household_id"                                        \
	" LEFT JOIN users uc ON uc.id = hh.coordinator_user_id"

/* the order per group: the most urgent first */
static const char *const orders[JR_PW_GROUP_COUNT + 1] = {
	[JR_PW_NEW] = " ORDER BY pg.start_date DESC, pg.id DESC",
	[JR_PW_NOT_STARTED] = " ORDER BY pg.start_date, pg.id",
	[JR_PW_RUNNING] = " ORDER BY pg.start_date DESC, pg.id DESC",
	[JR_PW_ENDING] = " ORDER BY pg.end_date, pg.id",
	[JR_PW_ENDED] = " ORDER BY pg.start_date DESC, pg.id DESC",
	[JR_PW_GROUP_COUNT] = " ORDER BY pg.grp, pg.start_date DESC, pg.id DESC",
};

static const char *const inner_orders[JR_PW_GROUP_COUNT + 1] = {
	[JR_PW_NEW] = " ORDER BY x.start_date DESC, x.id DESC",
	[JR_PW_NOT_STARTED] = " ORDER BY x.start_date, x.id",
	[JR_PW_RUNNING] = " ORDER BY x.start_date DESC, x.id DESC",
	[JR_PW_ENDING] = " ORDER BY x.end_date, x.id",
	[JR_PW_ENDED] = " ORDER BY x.start_date DESC, x.id DESC",
	[JR_PW_GROUP_COUNT] = " ORDER BY x.grp, x.start_date DESC, x.id DESC",
};

static enum jr_err text_day(struct jr_db_stmt *st, int col, jr_day *out)
{
	const char *t = jr_db_col_text(st, col);

	*out = 0;
	return t[0] && jr_date_parse(t, strlen(t), out) ? JR_ERR_STORE : JR_OK;
}

static enum jr_err read_row(struct jr_db_stmt *st, struct jr_pw_row *r)
{
	struct jr_allocation_row *row = &r->a;
	enum jr_err err;

	memset(r, 0, sizeof(*r));
	row->id = jr_db_col_int(st, 0);
	snprintf(row->number, sizeof(row->number), "%s", jr_db_col_text(st, 1));
	row->help_request_id = jr_db_col_int(st, 2);
	row->form = (int)jr_db_col_int(st, 3);
	if ((err = text_day(st, 4, &row->start)) || (err = text_day(st, 5, &row->end)))
		return err;
	snprintf(row->regime, sizeof(row->regime), "%s", jr_db_col_text(st, 6));
	snprintf(row->result_description, sizeof(row->result_description), "%s",
		 jr_db_col_text(st, 7));
	snprintf(row->product_code, sizeof(row->product_code), "%s", jr_db_col_text(st, 8));
	row->child_id = jr_db_col_int(st, 9);
	snprintf(row->given_names, sizeof(row->given_names), "%s", jr_db_col_text(st, 10));
	snprintf(row->family_name, sizeof(row->family_name), "%s", jr_db_col_text(st, 11));
	if ((err = text_day(st, 12, &row->birth_date)) ||
	    (err = text_day(st, 13, &row->care_started)) ||
	    (err = text_day(st, 14, &row->care_stopped)))
		return err;
	row->care_running = jr_db_col_int(st, 15) > 0;
	snprintf(row->provider_agb, sizeof(row->provider_agb), "%s", jr_db_col_text(st, 16));
	snprintf(row->provider_name, sizeof(row->provider_name), "%s", jr_db_col_text(st, 17));
	snprintf(row->responsible, sizeof(row->responsible), "%s", jr_db_col_text(st, 18));
	r->group = (int)jr_db_col_int(st, 19);
	if (r->group < 0 || r->group >= JR_PW_GROUP_COUNT)
		return JR_ERR_STORE;
	r->has_volume = !jr_db_col_null(st, 20);
	r->volume = r->has_volume ? jr_db_col_int(st, 20) : 0;
	snprintf(r->unit, sizeof(r->unit), "%s", jr_db_col_text(st, 21));
	snprintf(r->frequency, sizeof(r->frequency), "%s", jr_db_col_text(st, 22));
	r->intensity = (int)jr_db_col_int(st, 23);
	snprintf(r->contact, sizeof(r->contact), "%s", jr_db_col_text(st, 24));
	snprintf(r->municipality, sizeof(r->municipality), "%s", jr_db_col_text(st, 25));
	return JR_OK;
}

/* Binds $1 to $5 of WORK. */
static enum jr_err bind_work(struct jr_db_stmt *st, const struct jr_pw_query *q)
{
	char today[JR_DATE_STRLEN], ending[JR_DATE_STRLEN], late[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(q->today, today);
	jr_date_format(q->today + q->ending_within_days, ending);
	jr_date_format(q->today - q->start_within_days, late);
	TRY(jr_db_bind_text(st, 1, q->agb));
	TRY(jr_db_bind_text(st, 2, today));
	TRY(jr_db_bind_text(st, 3, ending));
	TRY(jr_db_bind_text(st, 4, late));
	TRY(jr_db_bind_int(st, 5, q->form));
out:
	return err;
}

/* The counts of every group. */
static enum jr_err count_groups(struct jr_store *s, const struct jr_pw_query *q,
				int64_t counts[JR_PW_GROUP_COUNT])
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool more;

	TRY(jr_db_prepare(s->db, WORK " SELECT grp, COUNT(*) FROM w GROUP BY grp", &st));
	TRY(bind_work(st, q));
	for (;;) {
		int64_t k;
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		k = jr_db_col_int(st, 0);
		if (k < 0 || k >= JR_PW_GROUP_COUNT) {
			err = JR_ERR_STORE;
			goto out;
		}
		counts[k] = jr_db_col_int(st, 1);
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_provider_worklist(struct jr_store *s, const struct jr_actor *a,
				       const struct jr_pw_query *q,
				       int64_t counts[JR_PW_GROUP_COUNT], int64_t *total,
				       jr_pw_row_fn fn, void *ctx)
{
	char sql[sizeof(PAGE_HEAD) + sizeof(PAGE_TAIL) + 160];
	struct jr_db_stmt *st = NULL;
	struct jr_pw_row row;
	enum jr_err err;
	bool more;
	int g = q->group >= 0 && q->group < JR_PW_GROUP_COUNT ? q->group : JR_PW_GROUP_COUNT;

	memset(counts, 0, JR_PW_GROUP_COUNT * sizeof(*counts));
	*total = 0;
	TRY(jr_store_begin(s));
	TRY(count_groups(s, q, counts));
	for (int k = 0; k < JR_PW_GROUP_COUNT; k++)
		*total += g == JR_PW_GROUP_COUNT || k == g ? counts[k] : 0;
	/* the same order inside (on w, to cut the page) and outside (the page's rows) */
	snprintf(sql, sizeof(sql), "%s%s%s%s", PAGE_HEAD, inner_orders[g], PAGE_TAIL, orders[g]);
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(bind_work(st, q));
	TRY(jr_db_bind_int(st, 6, g == JR_PW_GROUP_COUNT ? -1 : g));
	TRY(jr_db_bind_int(st, 7, q->limit));
	TRY(jr_db_bind_int(st, 8, q->offset));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		TRY(read_row(st, &row));
		TRY(jr_store_audit(s, a, "allocation.list", row.a.child_id));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
