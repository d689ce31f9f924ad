/* store_figures: the raw counts behind the regional figures (report/figures.c), per
 * municipality, for one period: help requests, how many were settled without youth care,
 * allocations by form, children away from home, compulsory care, the referrer mix, the
 * outcomes of care that ended, repeat requests, and the waiting times as lists of days. Only
 * counts leave the store; no person is named. One audit entry for the whole read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

static struct jr_figures_raw *slot(struct jr_figures_raw *rows, size_t *count, size_t max,
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

/* Runs `sql` ($1 from, $2 to) whose rows are (municipality, key, count) and hands each to add. */
static enum jr_err each_count(struct jr_store *s, const char *sql, const char *from, const char *to,
			      struct jr_figures_raw *rows, size_t *count, size_t max,
			      void (*add)(struct jr_figures_raw *f, int64_t key, int64_t n))
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		struct jr_figures_raw *f;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = slot(rows, count, max, jr_db_col_text(st, 0));
		if (f)
			add(f, jr_db_col_int(st, 1), jr_db_col_int(st, 2));
	}
out:
	jr_db_finalize(st);
	return err;
}

static void add_requests(struct jr_figures_raw *f, int64_t settled, int64_t n)
{
	f->help_requests += n;
	if (settled)
		f->settled_without_youth_care += n;
}

static void add_form(struct jr_figures_raw *f, int64_t form, int64_t n)
{
	if (form >= 1 && form <= JR_FORM_COUNT)
		f->children_by_form[form] += n;
}

static void add_children(struct jr_figures_raw *f, int64_t away, int64_t n)
{
	f->children_in_care += n;
	if (away)
		f->children_away_from_home += n;
}

static void add_compulsory(struct jr_figures_raw *f, int64_t compulsory, int64_t n)
{
	if (compulsory)
		f->allocations_compulsory += n;
	else
		f->allocations_voluntary += n;
}

static void add_referrer(struct jr_figures_raw *f, int64_t type, int64_t n)
{
	if (type >= 1 && type <= 8)
		f->referrals_by_type[type] += n;
}

static void add_outcome(struct jr_figures_raw *f, int64_t kind, int64_t n)
{
	/* kind: 0 goals reached, 1 partly, 2 not, +10 when the family goes on without help */
	f->care_ended += n;
	f->goals[kind % 10 < 3 ? kind % 10 : 2] += n;
	if (kind >= 10)
		f->continued_without_help += n;
}

static void add_repeat(struct jr_figures_raw *f, int64_t repeat, int64_t n)
{
	f->children_with_request += n;
	if (repeat)
		f->children_with_repeat_request += n;
}

static enum jr_err add_wait(struct jr_figures_raw *f, int which, int days)
{
	int **list = which ? &f->wait_start_days : &f->wait_allocation_days;
	size_t *n = which ? &f->wait_start_count : &f->wait_allocation_count;
	size_t *cap = which ? &f->wait_start_cap : &f->wait_allocation_cap;

	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		int *grown = jr_realloc(*list, ncap * sizeof(**list));
		if (!grown)
			return JR_ERR_NOMEM;
		*list = grown;
		*cap = ncap;
	}
	(*list)[(*n)++] = days;
	return JR_OK;
}

/* Waiting times: referral → allocation (which 0) and allocation → first start of care (1),
 * for allocations that started in the period. */
static enum jr_err waits(struct jr_store *s, const char *from, const char *to,
			 struct jr_figures_raw *rows, size_t *count, size_t max)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, COALESCE(r.referred_on, ''), a.start_date,"
			  " COALESCE((SELECT MIN(d.started_on) FROM deliveries d"
			  "  WHERE d.allocation_id = a.id), '')"
			  " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
			  " LEFT JOIN referrals r ON r.id = a.referral_id"
			  " WHERE a.start_date >= $1 AND a.start_date <= $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		const char *referred, *allocated, *started;
		jr_day ref = 0, al = 0, start = 0;
		struct jr_figures_raw *f;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = slot(rows, count, max, jr_db_col_text(st, 0));
		referred = jr_db_col_text(st, 1);
		allocated = jr_db_col_text(st, 2);
		started = jr_db_col_text(st, 3);
		if (!f || jr_date_parse(allocated, strlen(allocated), &al))
			continue;
		if (referred[0] && !jr_date_parse(referred, strlen(referred), &ref) && al >= ref)
			TRY(add_wait(f, 0, (int)(al - ref)));
		if (started[0] && !jr_date_parse(started, strlen(started), &start) && start >= al)
			TRY(add_wait(f, 1, (int)(start - al)));
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_figures(struct jr_store *s, const struct jr_actor *a, jr_day from, jr_day to,
			     struct jr_figures_raw *rows, size_t max, size_t *count)
{
	char f[JR_DATE_STRLEN], t[JR_DATE_STRLEN];
	enum jr_err err;

	*count = 0;
	jr_date_format(from, f);
	jr_date_format(to, t);
	TRY(jr_store_begin(s));
	/* help requests raised in the period; settled when closed without any allocation */
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN h.state = 'closed' AND NOT EXISTS"
		       " (SELECT 1 FROM allocations a WHERE a.help_request_id = h.id) THEN 1 ELSE 0 END,"
		       " COUNT(*) FROM help_requests h WHERE h.raised_on >= $1 AND h.raised_on <= $2"
		       " GROUP BY 1, 2",
		       f, t, rows, count, max, add_requests));
	/* children with care by form: allocations running in the period */
	TRY(each_count(s,
		       "SELECT h.municipality, a.form, COUNT(DISTINCT h.child_id) FROM allocations a"
		       " JOIN help_requests h ON h.id = a.help_request_id WHERE a.start_date <= $2"
		       " AND (a.end_date IS NULL OR a.end_date >= $1) GROUP BY 1, 2",
		       f, t, rows, count, max, add_form));
	/* children in care, and away from home (forms 5-8: foster care, family home, residential,
	 * secure) */
	TRY(each_count(s,
		       "SELECT x.municipality, x.away, COUNT(*) FROM (SELECT h.municipality,"
		       " h.child_id, MAX(CASE WHEN a.form BETWEEN 5 AND 8 THEN 1 ELSE 0 END) AS away"
		       " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $1)"
		       " GROUP BY h.municipality, h.child_id) x GROUP BY 1, 2",
		       f, t, rows, count, max, add_children));
	/* compulsory: a measure in force on the allocation's start */
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN EXISTS (SELECT 1 FROM measures m"
		       " WHERE m.child_id = h.child_id AND m.start_date <= a.start_date"
		       " AND (m.end_date IS NULL OR m.end_date >= a.start_date)) THEN 1 ELSE 0 END,"
		       " COUNT(*) FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE a.start_date >= $1 AND a.start_date <= $2 GROUP BY 1, 2",
		       f, t, rows, count, max, add_compulsory));
	TRY(each_count(s,
		       "SELECT h.municipality, CAST(r.referrer_type AS INTEGER), COUNT(*)"
		       " FROM referrals r JOIN help_requests h ON h.id = r.help_request_id"
		       " WHERE r.referred_on >= $1 AND r.referred_on <= $2 GROUP BY 1, 2",
		       f, t, rows, count, max, add_referrer));
	TRY(each_count(s,
		       "SELECT h.municipality, CASE d.goals_reached WHEN 'yes' THEN 0"
		       " WHEN 'partly' THEN 1 ELSE 2 END"
		       " + CASE WHEN d.continues_without_help = 1 THEN 10 ELSE 0 END, COUNT(*)"
		       " FROM deliveries d JOIN allocations a ON a.id = d.allocation_id"
		       " JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE d.stopped_on >= $1 AND d.stopped_on <= $2 GROUP BY 1, 2",
		       f, t, rows, count, max, add_outcome));
	/* repeat requests: children with a request in the period who had one before */
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN EXISTS (SELECT 1 FROM help_requests e"
		       " WHERE e.child_id = h.child_id AND e.raised_on < $1) THEN 1 ELSE 0 END,"
		       " COUNT(DISTINCT h.child_id) FROM help_requests h"
		       " WHERE h.raised_on >= $1 AND h.raised_on <= $2 GROUP BY 1, 2",
		       f, t, rows, count, max, add_repeat));
	TRY(waits(s, f, t, rows, count, max));
	TRY(jr_store_audit_object(s, a, "figures.read", 0, "aggregates"));
out:
	err = jr_store_finish(s, err);
	if (err)
		jr_store_figures_release(rows, *count);
	return err;
}

void jr_store_figures_release(struct jr_figures_raw *rows, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		JR_FREE(rows[i].wait_allocation_days);
		JR_FREE(rows[i].wait_start_days);
	}
}
