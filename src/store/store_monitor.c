/* store_monitor: the raw counts and sums behind the Regiovisie monitor (see monitor.h). The
 * same SQL for SQLite and PostgreSQL; days between dates are worked out here, from the text
 * dates, not by either engine. */
#include "store/monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

static struct jr_mon_counts *slot(struct jr_mon_counts *rows, size_t *count, size_t max,
				  const char *municipality)
{
	for (size_t i = 0; i < *count; i++)
		if (strcmp(rows[i].municipality, municipality) == 0)
			return &rows[i];
	if (*count >= max)
		return NULL;
	memset(&rows[*count], 0, sizeof(rows[*count]));
	snprintf(rows[*count].municipality, sizeof(rows[*count].municipality), "%s", municipality);
	return &rows[(*count)++];
}

/* "5,6,7" from a mask of forms; "0" for none (no form is 0: the IN list stays valid). */
static void form_list(unsigned mask, char *out, size_t cap)
{
	size_t at = 0;

	out[0] = '\0';
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (mask & (1u << f)) {
			int w = snprintf(out + at, cap - at, "%s%d", at ? "," : "", f);
			if (w > 0 && (size_t)w < cap - at)
				at += (size_t)w;
		}
	if (!at)
		snprintf(out, cap, "0");
}

static jr_day day_of(const char *s)
{
	jr_day d = 0;

	if (!s[0] || jr_date_parse(s, strlen(s), &d))
		return 0;
	return d;
}

static enum jr_err add_wait(struct jr_mon_counts *c, int days)
{
	if (c->wait_count == c->wait_cap) {
		size_t ncap = c->wait_cap ? c->wait_cap * 2 : 64;
		int *grown = jr_realloc(c->waits, ncap * sizeof(*grown));
		if (!grown)
			return JR_ERR_NOMEM;
		c->waits = grown;
		c->wait_cap = ncap;
	}
	c->waits[c->wait_count++] = days;
	return JR_OK;
}

/* Runs `sql` ($1 first day, $2 last day) whose rows are (municipality, a, b) and adds them
 * with `which` (0..3, see counts_add). */
static void counts_add(struct jr_mon_counts *c, int which, int64_t a, int64_t n)
{
	switch (which) {
	case 0: /* a: away from home */
		c->children_in_care += n;
		if (a)
			c->children_away += n;
		break;
	case 1:
		c->secure_admissions += n;
		break;
	case 2: /* a: settled */
		c->help_requests += n;
		if (a)
			c->settled += n;
		break;
	default: /* a: compulsory */
		c->allocations += n;
		if (a)
			c->compulsory += n;
		break;
	}
}

static enum jr_err each_count(struct jr_store *s, const char *sql, const char *first,
			      const char *last, int which, struct jr_mon_counts *rows, size_t max,
			      size_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_text(st, 1, first));
	TRY(jr_db_bind_text(st, 2, last));
	for (;;) {
		struct jr_mon_counts *c;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((c = slot(rows, count, max, jr_db_col_text(st, 0))))
			counts_add(c, which, jr_db_col_int(st, 1), jr_db_col_int(st, 2));
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_monitor_counts(struct jr_store *s, const struct jr_actor *a, int year,
				    unsigned stay_forms, unsigned secure_forms,
				    struct jr_mon_counts *rows, size_t max, size_t *count)
{
	char first[16], last[16], stay[40], secure[40], sql[1024];
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*count = 0;
	snprintf(first, sizeof(first), "%04d-01-01", year);
	snprintf(last, sizeof(last), "%04d-12-31", year);
	form_list(stay_forms, stay, sizeof(stay));
	form_list(secure_forms, secure, sizeof(secure));
	TRY(jr_store_begin(s));
	/* children in care in the year, and away from home (a running stay form) */
	snprintf(sql, sizeof(sql),
		 "SELECT x.municipality, x.away, COUNT(*) FROM (SELECT h.municipality, h.child_id,"
		 " MAX(CASE WHEN a.form IN (%s) THEN 1 ELSE 0 END) AS away FROM allocations a"
		 " JOIN help_requests h ON h.id = a.help_request_id WHERE a.start_date <= $2"
		 " AND (a.end_date IS NULL OR a.end_date >= $1) GROUP BY h.municipality, h.child_id) x"
		 " GROUP BY 1, 2",
		 stay);
	TRY(each_count(s, sql, first, last, 0, rows, max, count));
	snprintf(sql, sizeof(sql),
		 "SELECT h.municipality, 0, COUNT(*) FROM allocations a JOIN help_requests h"
		 " ON h.id = a.help_request_id WHERE a.form IN (%s) AND a.start_date >= $1"
		 " AND a.start_date <= $2 GROUP BY 1",
		 secure);
	TRY(each_count(s, sql, first, last, 1, rows, max, count));
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN h.state = 'closed' AND NOT EXISTS"
		       " (SELECT 1 FROM allocations a WHERE a.help_request_id = h.id) THEN 1 ELSE 0 END,"
		       " COUNT(*) FROM help_requests h WHERE h.raised_on >= $1 AND h.raised_on <= $2"
		       " GROUP BY 1, 2",
		       first, last, 2, rows, max, count));
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN EXISTS (SELECT 1 FROM measures m"
		       " WHERE m.child_id = h.child_id AND m.start_date <= a.start_date"
		       " AND (m.end_date IS NULL OR m.end_date >= a.start_date)) THEN 1 ELSE 0 END,"
		       " COUNT(*) FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE a.start_date >= $1 AND a.start_date <= $2 GROUP BY 1, 2",
		       first, last, 3, rows, max, count));
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, r.referred_on, a.start_date FROM allocations a"
			  " JOIN help_requests h ON h.id = a.help_request_id"
			  " JOIN referrals r ON r.id = a.referral_id"
			  " WHERE a.start_date >= $1 AND a.start_date <= $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, first));
	TRY(jr_db_bind_text(st, 2, last));
	for (;;) {
		struct jr_mon_counts *c;
		jr_day ref, al;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		c = slot(rows, count, max, jr_db_col_text(st, 0));
		ref = day_of(jr_db_col_text(st, 1));
		al = day_of(jr_db_col_text(st, 2));
		if (c && ref && al && al >= ref)
			TRY(add_wait(c, (int)(al - ref)));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "monitor.targets.read", 0, "aggregates"));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (err)
		jr_store_monitor_counts_release(rows, *count);
	return err;
}

void jr_store_monitor_counts_release(struct jr_mon_counts *rows, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		JR_FREE(rows[i].waits);
		rows[i].wait_count = rows[i].wait_cap = 0;
	}
}

static void text_into(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src);
}

/* The tariff of an allocation: a tariff row of a contract of its provider for its
 * municipality or the whole region, for its product code (product) or level (result), valid on
 * its start; else the contract's own tariff for its form. */
#define CONTRACT_OF_ALLOCATION                                                              \
	"c.provider_id = a.provider_id AND (c.municipality IS NULL OR c.municipality = ''"   \
	" OR c.municipality = h.municipality)"

enum jr_err jr_store_monitor_costs(struct jr_store *s, const struct jr_actor *a, int year,
				   jr_mon_alloc_fn fa, jr_mon_claim_fn fc, void *ctx)
{
	char first[16], last[16];
	struct jr_db_stmt *st = NULL;
	jr_day y0, y1;
	enum jr_err err;
	bool row;

	snprintf(first, sizeof(first), "%04d-01-01", year);
	snprintf(last, sizeof(last), "%04d-12-31", year);
	y0 = day_of(first);
	y1 = day_of(last);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(
		s->db,
		"SELECT h.municipality, a.provider_id, p.name, a.form, a.start_date,"
		" COALESCE(a.end_date, ''), COALESCE(a.volume, 0), COALESCE(a.frequency, ''),"
		" COALESCE(tt.amount_cents, cc.tariff_cents), COALESCE(tt.unit, cc.unit, ''),"
		" CASE WHEN tt.id IS NULL AND cc.tariff_cents IS NULL THEN 0 ELSE 1 END,"
		" CASE WHEN tt.id IS NOT NULL AND tt.level > 0 THEN 1 ELSE 0 END"
		" FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
		" JOIN providers p ON p.id = a.provider_id"
		" LEFT JOIN contract_tariffs tt ON tt.id = (SELECT t.id FROM contract_tariffs t"
		"  JOIN contracts c ON c.id = t.contract_id WHERE " CONTRACT_OF_ALLOCATION
		"  AND ((a.regime = 'product' AND t.product_code = a.product_code)"
		"  OR (a.regime <> 'product' AND t.level > 0 AND t.level = a.intensity))"
		"  AND t.valid_from <= a.start_date"
		"  AND (t.valid_to IS NULL OR t.valid_to >= a.start_date)"
		"  ORDER BY t.valid_from DESC, t.id DESC LIMIT 1)"
		" LEFT JOIN contracts cc ON cc.id = (SELECT c.id FROM contracts c"
		"  WHERE " CONTRACT_OF_ALLOCATION " AND c.tariff_cents IS NOT NULL"
		"  AND c.forms LIKE '%,' || CAST(a.form AS TEXT) || ',%'"
		"  ORDER BY c.start_date DESC, c.id DESC LIMIT 1)"
		" WHERE a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $1)"
		" ORDER BY a.id",
		&st));
	TRY(jr_db_bind_text(st, 1, first));
	TRY(jr_db_bind_text(st, 2, last));
	for (;;) {
		struct jr_mon_alloc al;
		jr_day start, end;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&al, 0, sizeof(al));
		text_into(al.municipality, sizeof(al.municipality), jr_db_col_text(st, 0));
		al.provider_id = jr_db_col_int(st, 1);
		text_into(al.provider, sizeof(al.provider), jr_db_col_text(st, 2));
		al.form = (int)jr_db_col_int(st, 3);
		start = day_of(jr_db_col_text(st, 4));
		end = day_of(jr_db_col_text(st, 5));
		if (!start)
			continue;
		if (!end || end > y1)
			end = y1;
		al.starts_in_year = start >= y0;
		if (start < y0)
			start = y0;
		al.days = end >= start ? (int)(end - start + 1) : 0;
		al.volume = jr_db_col_int(st, 6);
		text_into(al.frequency, sizeof(al.frequency), jr_db_col_text(st, 7));
		al.has_tariff = jr_db_col_int(st, 10) != 0;
		al.tariff_cents = al.has_tariff ? jr_db_col_int(st, 8) : 0;
		text_into(al.unit, sizeof(al.unit), jr_db_col_text(st, 9));
		al.per_result = jr_db_col_int(st, 11) != 0;
		TRY(fa(ctx, &al));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, l.provider_id, p.name, a.form,"
			  " SUM(CASE WHEN l.debit = 1 THEN l.amount_cents ELSE -l.amount_cents END)"
			  " FROM claim_lines l JOIN allocations a ON a.id = l.allocation_id"
			  " JOIN help_requests h ON h.id = a.help_request_id"
			  " JOIN providers p ON p.id = l.provider_id"
			  " WHERE l.status = 'accepted' AND l.period_start >= $1"
			  " AND l.period_start <= $2 GROUP BY h.municipality, l.provider_id, p.name,"
			  " a.form ORDER BY 1, 2, 4",
			  &st));
	TRY(jr_db_bind_text(st, 1, first));
	TRY(jr_db_bind_text(st, 2, last));
	for (;;) {
		struct jr_mon_claim c;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&c, 0, sizeof(c));
		text_into(c.municipality, sizeof(c.municipality), jr_db_col_text(st, 0));
		c.provider_id = jr_db_col_int(st, 1);
		text_into(c.provider, sizeof(c.provider), jr_db_col_text(st, 2));
		c.form = (int)jr_db_col_int(st, 3);
		c.cents = jr_db_col_int(st, 4);
		TRY(fc(ctx, &c));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "monitor.costs.read", 0, "aggregates"));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_monitor_waiting(struct jr_store *s, const struct jr_actor *a, jr_day day,
				     jr_day from, jr_mon_waiting_fn fw, jr_mon_wait_fn fm,
				     void *ctx)
{
	char d[JR_DATE_STRLEN], f[JR_DATE_STRLEN];
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	jr_date_format(day, d);
	jr_date_format(from, f);
	TRY(jr_store_begin(s));
	/* allocated, not started: no care started on or before the day; referred, not allocated:
	 * a valid referral of an open request without an allocation made by the day */
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, a.provider_id, p.name, a.form, a.start_date"
			  " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
			  " JOIN providers p ON p.id = a.provider_id"
			  " WHERE a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1)"
			  " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
			  " AND d.started_on <= $1)"
			  " UNION ALL SELECT h.municipality, 0, '', r.form, r.referred_on"
			  " FROM referrals r JOIN help_requests h ON h.id = r.help_request_id"
			  " WHERE r.status = 'valid' AND r.referred_on <= $1"
			  " AND h.state NOT IN ('closed', 'withdrawn')"
			  " AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.referral_id = r.id"
			  " AND a.start_date <= $1)",
			  &st));
	TRY(jr_db_bind_text(st, 1, d));
	for (;;) {
		struct jr_mon_waiting w;
		jr_day since;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&w, 0, sizeof(w));
		text_into(w.municipality, sizeof(w.municipality), jr_db_col_text(st, 0));
		w.provider_id = jr_db_col_int(st, 1);
		text_into(w.provider, sizeof(w.provider), jr_db_col_text(st, 2));
		w.form = (int)jr_db_col_int(st, 3);
		since = day_of(jr_db_col_text(st, 4));
		w.days = since && since <= day ? (int)(day - since) : 0;
		TRY(fw(ctx, &w));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, r.referred_on, a.start_date FROM allocations a"
			  " JOIN help_requests h ON h.id = a.help_request_id"
			  " JOIN referrals r ON r.id = a.referral_id"
			  " WHERE a.start_date >= $1 AND a.start_date <= $2 ORDER BY a.start_date",
			  &st));
	TRY(jr_db_bind_text(st, 1, f));
	TRY(jr_db_bind_text(st, 2, d));
	for (;;) {
		struct jr_mon_wait w;
		jr_day ref, al;
		int y, m, dd;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		ref = day_of(jr_db_col_text(st, 1));
		al = day_of(jr_db_col_text(st, 2));
		if (!ref || !al || al < ref)
			continue;
		memset(&w, 0, sizeof(w));
		text_into(w.municipality, sizeof(w.municipality), jr_db_col_text(st, 0));
		jr_date_to_ymd(al, &y, &m, &dd);
		w.year = y;
		w.month = m;
		w.days = (int)(al - ref);
		TRY(fm(ctx, &w));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "monitor.waiting.read", 0, "aggregates"));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_monitor_capacity(struct jr_store *s, const struct jr_actor *a,
				      const char *region, jr_day day, jr_mon_capacity_fn fn,
				      void *ctx)
{
	char d[JR_DATE_STRLEN];
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	jr_date_format(day, d);
	TRY(jr_store_begin(s));
	/* running as store_contract.c counts it: in its period, care not stopped */
	TRY(jr_db_prepare(
		s->db,
		"SELECT p.id, p.name, x.form, COALESCE(MAX(x.places), 0), COALESCE(SUM(x.n), 0)"
		" FROM (SELECT provider_id, form, places, 0 AS n FROM provider_capacities"
		" UNION ALL SELECT a.provider_id, a.form, NULL, 1 FROM allocations a"
		"  WHERE a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $2)"
		"  AND NOT (EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
		"  AND d.stopped_on IS NOT NULL AND d.stopped_on <= $2)"
		"  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
		"  AND d.stopped_on IS NULL))) x"
		" JOIN providers p ON p.id = x.provider_id"
		" WHERE EXISTS (SELECT 1 FROM contracts c WHERE c.provider_id = p.id"
		" AND c.region = $1)"
		" GROUP BY p.id, p.name, x.form ORDER BY p.name, p.id, x.form",
		&st));
	TRY(jr_db_bind_text(st, 1, region));
	TRY(jr_db_bind_text(st, 2, d));
	for (;;) {
		struct jr_mon_capacity c;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&c, 0, sizeof(c));
		c.provider_id = jr_db_col_int(st, 0);
		text_into(c.provider, sizeof(c.provider), jr_db_col_text(st, 1));
		c.form = (int)jr_db_col_int(st, 2);
		c.places = (int)jr_db_col_int(st, 3);
		c.occupied = (int)jr_db_col_int(st, 4);
		TRY(fn(ctx, &c));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "monitor.capacity.read", 0, "aggregates"));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
