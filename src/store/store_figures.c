/* store_figures: the raw counts behind the regional figures (report/figures.c), per
 * municipality, for one period: help requests, how many were settled without youth care,
 * allocations by form, children away from home, compulsory care, the referrer mix, the
 * outcomes of care that ended (goals, going on without help, reason for ending, satisfaction),
 * repeat requests within 365 days, and the waiting times as lists of days with their children. Only
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
	/* kind: 0 goals reached, 1 partly, 2 not; +10 when the family goes on without help; +100
	 * ended according to plan, +200 one-sidedly early (drop-out) */
	int64_t goal = kind % 10;

	f->care_ended += n;
	f->goals[goal < 3 ? goal : 2] += n;
	if (kind % 100 >= 10)
		f->continued_without_help += n;
	if (kind / 100 == 1)
		f->ended_according_to_plan += n;
	else if (kind / 100 == 2)
		f->ended_drop_out += n;
}

/* Appends a value and its child to one of the lists of a row: 0 referral → allocation, 1
 * allocation → start, 2 satisfaction. */
static enum jr_err add_stat(struct jr_figures_raw *f, int which, int value, int64_t child)
{
	int **list = which == 2 ? &f->satisfaction
				: which ? &f->wait_start_days : &f->wait_allocation_days;
	int64_t **children = which == 2 ? &f->satisfaction_child
					: which ? &f->wait_start_child : &f->wait_allocation_child;
	size_t *n = which == 2 ? &f->satisfaction_count
			       : which ? &f->wait_start_count : &f->wait_allocation_count;
	size_t *cap = which == 2 ? &f->satisfaction_cap
				 : which ? &f->wait_start_cap : &f->wait_allocation_cap;

	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		int *grown = jr_realloc(*list, ncap * sizeof(**list));
		int64_t *grown_c;
		if (!grown)
			return JR_ERR_NOMEM;
		*list = grown;
		grown_c = jr_realloc(*children, ncap * sizeof(**children));
		if (!grown_c)
			return JR_ERR_NOMEM;
		*children = grown_c;
		*cap = ncap;
	}
	(*list)[*n] = value;
	(*children)[(*n)++] = child;
	return JR_OK;
}

/* The municipalities of one child's requests in the period, and whether one of them there
 * was a repeat: flushed into the rows when the next child comes. */
#define CHILD_MUNIS 8
struct child_requests {
	int64_t child;
	size_t n;
	char municipality[CHILD_MUNIS][5];
	bool repeat[CHILD_MUNIS];
};

static void child_flush(struct child_requests *c, struct jr_figures_raw *rows, size_t *count,
			size_t max)
{
	for (size_t i = 0; i < c->n; i++) {
		struct jr_figures_raw *f = slot(rows, count, max, c->municipality[i]);
		if (!f)
			continue;
		f->children_with_request++;
		if (c->repeat[i])
			f->children_with_repeat_request++;
	}
	c->n = 0;
}

/* Repeat requests: per municipality, the children with a help request raised in the period, and
 * of them those with one raised at most 365 days after an earlier request of the same child
 * (in any municipality; the earlier one may lie before the period). */
static enum jr_err repeats(struct jr_store *s, jr_day from, const char *f, const char *t,
			   struct jr_figures_raw *rows, size_t *count, size_t max)
{
	struct jr_db_stmt *st = NULL;
	struct child_requests c = {.child = -1};
	char back[JR_DATE_STRLEN];
	jr_day prev_day = 0;
	int64_t prev_child = -1;
	enum jr_err err;
	bool row;

	jr_date_format(from - 365, back);
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, h.child_id, h.raised_on FROM help_requests h"
			  " WHERE h.raised_on >= $3 AND h.raised_on <= $2 AND h.child_id IN"
			  " (SELECT e.child_id FROM help_requests e"
			  "  WHERE e.raised_on >= $1 AND e.raised_on <= $2)"
			  " ORDER BY h.child_id, h.raised_on, h.id",
			  &st));
	TRY(jr_db_bind_text(st, 1, f));
	TRY(jr_db_bind_text(st, 2, t));
	TRY(jr_db_bind_text(st, 3, back));
	for (;;) {
		const char *muni, *raised;
		int64_t child;
		jr_day day;
		size_t i;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		muni = jr_db_col_text(st, 0);
		child = jr_db_col_int(st, 1);
		raised = jr_db_col_text(st, 2);
		if (jr_date_parse(raised, strlen(raised), &day))
			continue;
		if (child != c.child) {
			child_flush(&c, rows, count, max);
			c.child = child;
		}
		if (day >= from) {
			bool repeat = prev_child == child && day - prev_day <= 365;
			for (i = 0; i < c.n && strcmp(c.municipality[i], muni) != 0; i++)
				;
			if (i == c.n && c.n < CHILD_MUNIS) {
				snprintf(c.municipality[i], sizeof(c.municipality[i]), "%s", muni);
				c.repeat[i] = false;
				c.n++;
			}
			if (i < c.n && repeat)
				c.repeat[i] = true;
		}
		prev_child = child;
		prev_day = day;
	}
	child_flush(&c, rows, count, max);
out:
	jr_db_finalize(st);
	return err;
}

/* Satisfaction: the scores given when care ended in the period. */
static enum jr_err satisfaction(struct jr_store *s, const char *from, const char *to,
				struct jr_figures_raw *rows, size_t *count, size_t max)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, h.child_id, d.satisfaction FROM deliveries d"
			  " JOIN allocations a ON a.id = d.allocation_id"
			  " JOIN help_requests h ON h.id = a.help_request_id"
			  " WHERE d.stopped_on >= $1 AND d.stopped_on <= $2"
			  " AND d.satisfaction IS NOT NULL",
			  &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		struct jr_figures_raw *f;
		int64_t score;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = slot(rows, count, max, jr_db_col_text(st, 0));
		score = jr_db_col_int(st, 2);
		if (f && score >= 1 && score <= 10)
			TRY(add_stat(f, 2, (int)score, jr_db_col_int(st, 1)));
	}
out:
	jr_db_finalize(st);
	return err;
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
			  "  WHERE d.allocation_id = a.id), ''), h.child_id"
			  " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
			  " LEFT JOIN referrals r ON r.id = a.referral_id"
			  " WHERE a.start_date >= $1 AND a.start_date <= $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		const char *referred, *allocated, *started;
		jr_day ref = 0, al = 0, start = 0;
		int64_t child;
		struct jr_figures_raw *f;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = slot(rows, count, max, jr_db_col_text(st, 0));
		referred = jr_db_col_text(st, 1);
		allocated = jr_db_col_text(st, 2);
		started = jr_db_col_text(st, 3);
		child = jr_db_col_int(st, 4);
		if (!f || jr_date_parse(allocated, strlen(allocated), &al))
			continue;
		if (referred[0] && !jr_date_parse(referred, strlen(referred), &ref) && al >= ref)
			TRY(add_stat(f, 0, (int)(al - ref), child));
		if (started[0] && !jr_date_parse(started, strlen(started), &start) && start >= al)
			TRY(add_stat(f, 1, (int)(start - al), child));
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
		       " + CASE WHEN d.continues_without_help = 1 THEN 10 ELSE 0 END"
		       " + CASE WHEN d.end_reason = '31' THEN 100"
		       "   WHEN d.end_reason IN ('32', '33') THEN 200 ELSE 0 END, COUNT(*)"
		       " FROM deliveries d JOIN allocations a ON a.id = d.allocation_id"
		       " JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE d.stopped_on >= $1 AND d.stopped_on <= $2 GROUP BY 1, 2",
		       f, t, rows, count, max, add_outcome));
	TRY(repeats(s, from, f, t, rows, count, max));
	TRY(waits(s, f, t, rows, count, max));
	TRY(satisfaction(s, f, t, rows, count, max));
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
		JR_FREE(rows[i].wait_allocation_child);
		JR_FREE(rows[i].wait_start_days);
		JR_FREE(rows[i].wait_start_child);
		JR_FREE(rows[i].satisfaction);
		JR_FREE(rows[i].satisfaction_child);
	}
}
