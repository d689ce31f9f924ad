/* store_figures: the raw counts behind the regional figures (report/figures.c), per
 * municipality, for each period of a series (one period: a series of one): help requests, how
 * many were settled without youth care, allocations by form, children away from home,
 * compulsory care, the referrer mix, the outcomes of care that ended (goals, going on without
 * help, reason for ending, satisfaction), repeat requests within 365 days, and the waiting times
 * as lists of days with their children. Only counts leave the store; no person is named. One audit entry for the whole read.
 *
 * The records are read once for the whole range: each statement returns its rows with their day
 * (grouped by municipality, key and day where it counts) and C puts each into its period, so a
 * series of 59 months costs one pass per statement, not 59 (docs/BENCHMARKS.md, issue 16). */
#include <stdio.h>
#include <limits.h>
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

/* The periods of one read and their rows: period p's rows are rows[p * max ..], counts[p]. */
struct series {
	const jr_day *from, *to;
	size_t np;
	struct jr_figures_raw *rows;
	size_t max;
	size_t *counts;
};

/* A read may fill several series over the same range at once (the months, the quarters and
 * the years of a pattern: report/figures.h): each record is put into its period of each. */
#define LEVELS_MAX 3

/* The period that holds day d; -1 when it lies outside the periods. */
static long period_of_day(const struct series *x, jr_day d)
{
	size_t lo = 0, hi = x->np;

	if (d < x->from[0] || d > x->to[x->np - 1])
		return -1;
	while (hi - lo > 1) { /* the last period whose start is on or before d */
		size_t mid = lo + (hi - lo) / 2;
		if (x->from[mid] <= d)
			lo = mid;
		else
			hi = mid;
	}
	return d <= x->to[lo] ? (long)lo : -1;
}

/* The same for a day as text (parsed into *d); -1 also when the text is no date. */
static long period_at(const struct series *x, const char *text, jr_day *d)
{
	if (jr_date_parse(text, strlen(text), d))
		return -1;
	return period_of_day(x, *d);
}

static struct jr_figures_raw *pslot(struct series *x, long p, const char *municipality)
{
	return slot(x->rows + (size_t)p * x->max, &x->counts[p], x->max, municipality);
}

/* Runs `sql` ($1 from, $2 to of the whole range) whose rows are (municipality, key, day, count)
 * and hands each to add with the rows of its day's period in each series. */
static enum jr_err each_count(struct jr_store *s, const char *sql, const char *from, const char *to,
			      struct series *xs, size_t nx,
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
		jr_day d;
		long p;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (period_at(&xs[0], jr_db_col_text(st, 2), &d) < 0)
			continue;
		for (size_t l = 0; l < nx; l++)
			if ((p = period_of_day(&xs[l], d)) >= 0 &&
			    (f = pslot(&xs[l], p, jr_db_col_text(st, 0))))
				add(f, jr_db_col_int(st, 1), jr_db_col_int(st, 3));
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

/* Children in care: per municipality and period, the distinct children with an allocation
 * running in the period (started on or before its end, not ended before its start), by form,
 * and of them those away from home (forms 5-8: foster care, family home, residential, secure).
 * The allocations come ordered by municipality and child; each child's periods are marked in
 * `mark` (bit 0 in care, bits 1..10 the forms, bit 11 away) and counted when the next comes. */
#define MARK_AWAY (1u << 11)
static void children_flush(struct series *x, const char *muni, uint32_t *mark, long lo, long hi)
{
	for (long p = lo; p <= hi; p++) {
		struct jr_figures_raw *f;
		if (!mark[p])
			continue;
		if ((f = pslot(x, p, muni))) {
			f->children_in_care++;
			if (mark[p] & MARK_AWAY)
				f->children_away_from_home++;
			for (int form = 1; form <= JR_FORM_COUNT; form++)
				if (mark[p] & (1u << form))
					f->children_by_form[form]++;
		}
		mark[p] = 0;
	}
}

/* Marks the periods of series x from the allocation's start ds (or before the range) to its
 * end (empty: open; or after the range) with `bits`, widening lo..hi. */
static void children_mark(const struct series *x, uint32_t *mark, long *lo, long *hi, jr_day ds,
			  bool open, jr_day de, uint32_t bits)
{
	long first = ds < x->from[0] ? 0 : period_of_day(x, ds), last;

	if (first < 0)
		return;
	last = open || de > x->to[x->np - 1] ? (long)x->np - 1 : period_of_day(x, de);
	if (last < 0)
		return;
	for (long p = first; p <= last; p++)
		mark[p] |= bits;
	if (first <= last) {
		*lo = first < *lo ? first : *lo;
		*hi = last > *hi ? last : *hi;
	}
}

static enum jr_err children(struct jr_store *s, const char *from, const char *to,
			    struct series *xs, size_t nx)
{
	struct jr_db_stmt *st = NULL;
	uint32_t *mark[LEVELS_MAX] = {NULL};
	char muni[5] = "";
	int64_t child = -1;
	long lo[LEVELS_MAX], hi[LEVELS_MAX];
	enum jr_err err = JR_OK;
	bool row;

	for (size_t l = 0; l < nx; l++) {
		lo[l] = LONG_MAX;
		hi[l] = -1;
		if (!(mark[l] = jr_calloc(xs[l].np, sizeof(*mark[l]))))
			err = JR_ERR_NOMEM;
	}
	if (err)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, h.child_id, a.form, a.start_date, a.end_date"
			  " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
			  " WHERE a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $1)"
			  " ORDER BY h.municipality, h.child_id",
			  &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		const char *m, *start, *end;
		int64_t c, form;
		jr_day ds, de = 0;
		uint32_t bits;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		m = jr_db_col_text(st, 0);
		c = jr_db_col_int(st, 1);
		form = jr_db_col_int(st, 2);
		start = jr_db_col_text(st, 3);
		end = jr_db_col_text(st, 4);
		if (c != child || strncmp(m, muni, sizeof(muni)) != 0) {
			for (size_t l = 0; l < nx; l++) {
				children_flush(&xs[l], muni, mark[l], lo[l], hi[l]);
				lo[l] = LONG_MAX;
				hi[l] = -1;
			}
			child = c;
			snprintf(muni, sizeof(muni), "%s", m);
		}
		if (jr_date_parse(start, strlen(start), &ds) ||
		    (end[0] && jr_date_parse(end, strlen(end), &de)))
			continue;
		bits = 1u | (form >= 1 && form <= JR_FORM_COUNT ? 1u << form : 0) |
		       (form >= 5 && form <= 8 ? MARK_AWAY : 0);
		for (size_t l = 0; l < nx; l++)
			children_mark(&xs[l], mark[l], &lo[l], &hi[l], ds, !end[0], de, bits);
	}
	for (size_t l = 0; l < nx; l++)
		children_flush(&xs[l], muni, mark[l], lo[l], hi[l]);
out:
	jr_db_finalize(st);
	for (size_t l = 0; l < nx; l++)
		jr_free(mark[l]);
	return err;
}

/* The municipalities of one child's requests in one period, and whether one of them there
 * was a repeat: flushed into that period's rows when the next child or period comes. */
#define CHILD_MUNIS 8
struct child_requests {
	int64_t child;
	long period;
	size_t n;
	char municipality[CHILD_MUNIS][5];
	bool repeat[CHILD_MUNIS];
};

static void child_flush(struct child_requests *c, struct series *x)
{
	for (size_t i = 0; i < c->n; i++) {
		struct jr_figures_raw *f = pslot(x, c->period, c->municipality[i]);
		if (!f)
			continue;
		f->children_with_request++;
		if (c->repeat[i])
			f->children_with_repeat_request++;
	}
	c->n = 0;
}

/* Repeat requests: per municipality and period, the children with a help request raised in the
 * period, and of them those with one raised at most 365 days after an earlier request of the
 * same child (in any municipality; the earlier one may lie before the period or the range). */
static enum jr_err repeats(struct jr_store *s, const char *f, const char *t, struct series *xs,
			   size_t nx)
{
	struct jr_db_stmt *st = NULL;
	struct child_requests c[LEVELS_MAX];
	char back[JR_DATE_STRLEN];
	jr_day prev_day = 0;
	int64_t prev_child = -1;
	enum jr_err err;
	bool row;

	for (size_t l = 0; l < nx; l++)
		c[l] = (struct child_requests){.child = -1};
	jr_date_format(xs[0].from[0] - 365, back);
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
		bool repeat;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		muni = jr_db_col_text(st, 0);
		child = jr_db_col_int(st, 1);
		raised = jr_db_col_text(st, 2);
		if (jr_date_parse(raised, strlen(raised), &day))
			continue;
		repeat = prev_child == child && day - prev_day <= 365;
		for (size_t l = 0; l < nx; l++) {
			struct child_requests *cl = &c[l];
			long p = period_of_day(&xs[l], day);
			size_t i;
			if (child != cl->child || (p >= 0 && p != cl->period)) {
				child_flush(cl, &xs[l]);
				cl->child = child;
				cl->period = p;
			}
			if (p < 0)
				continue;
			for (i = 0; i < cl->n && strcmp(cl->municipality[i], muni) != 0; i++)
				;
			if (i == cl->n && cl->n < CHILD_MUNIS) {
				snprintf(cl->municipality[i], sizeof(cl->municipality[i]), "%s", muni);
				cl->repeat[i] = false;
				cl->n++;
			}
			if (i < cl->n && repeat)
				cl->repeat[i] = true;
		}
		prev_child = child;
		prev_day = day;
	}
	for (size_t l = 0; l < nx; l++)
		child_flush(&c[l], &xs[l]);
out:
	jr_db_finalize(st);
	return err;
}

/* Satisfaction: the scores given when care ended, in the period it ended. */
static enum jr_err satisfaction(struct jr_store *s, const char *from, const char *to,
				struct series *xs, size_t nx)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT h.municipality, h.child_id, d.satisfaction, d.stopped_on"
			  " FROM deliveries d JOIN allocations a ON a.id = d.allocation_id"
			  " JOIN help_requests h ON h.id = a.help_request_id"
			  " WHERE d.stopped_on >= $1 AND d.stopped_on <= $2"
			  " AND d.satisfaction IS NOT NULL",
			  &st));
	TRY(jr_db_bind_text(st, 1, from));
	TRY(jr_db_bind_text(st, 2, to));
	for (;;) {
		struct jr_figures_raw *f;
		int64_t score;
		jr_day d;
		long p;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (period_at(&xs[0], jr_db_col_text(st, 3), &d) < 0)
			continue;
		score = jr_db_col_int(st, 2);
		for (size_t l = 0; l < nx && score >= 1 && score <= 10; l++)
			if ((p = period_of_day(&xs[l], d)) >= 0 &&
			    (f = pslot(&xs[l], p, jr_db_col_text(st, 0))))
				TRY(add_stat(f, 2, (int)score, jr_db_col_int(st, 1)));
	}
out:
	jr_db_finalize(st);
	return err;
}

/* Waiting times: referral → allocation (which 0) and allocation → first start of care (1),
 * for allocations that started in the period. */
static enum jr_err waits(struct jr_store *s, const char *from, const char *to, struct series *xs,
			 size_t nx)
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
		const char *referred, *started;
		jr_day ref = 0, al = 0, start = 0;
		int64_t child;
		struct jr_figures_raw *f;
		long p;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (period_at(&xs[0], jr_db_col_text(st, 2), &al) < 0)
			continue;
		referred = jr_db_col_text(st, 1);
		started = jr_db_col_text(st, 3);
		child = jr_db_col_int(st, 4);
		for (size_t l = 0; l < nx; l++) {
			if ((p = period_of_day(&xs[l], al)) < 0 ||
			    !(f = pslot(&xs[l], p, jr_db_col_text(st, 0))))
				continue;
			if (referred[0] && !jr_date_parse(referred, strlen(referred), &ref) &&
			    al >= ref)
				TRY(add_stat(f, 0, (int)(al - ref), child));
			if (started[0] && !jr_date_parse(started, strlen(started), &start) &&
			    start >= al)
				TRY(add_stat(f, 1, (int)(start - al), child));
		}
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_figures_levels(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_store_figures_level *levels, size_t nx)
{
	struct series xs[LEVELS_MAX];
	char f[JR_DATE_STRLEN], t[JR_DATE_STRLEN];
	enum jr_err err;

	if (nx > LEVELS_MAX)
		return JR_ERR_INPUT;
	for (size_t l = 0; l < nx; l++) {
		const struct jr_store_figures_level *v = &levels[l];
		xs[l] = (struct series){v->from, v->to, v->np, v->rows, v->max, v->counts};
		for (size_t p = 0; p < v->np; p++)
			v->counts[p] = 0;
	}
	for (size_t l = 0; l < nx; l++) {
		const struct series *x = &xs[l];
		if (!x->np || x->from[0] != xs[0].from[0] || x->to[x->np - 1] != xs[0].to[xs[0].np - 1])
			return x->np ? JR_ERR_INPUT : JR_OK; /* one range for all */
		for (size_t p = 0; p < x->np; p++) /* consecutive, each from on or before its to */
			if (x->from[p] > x->to[p] || (p && x->from[p] != x->to[p - 1] + 1))
				return JR_ERR_INPUT;
	}
	if (!nx)
		return JR_OK;
	jr_date_format(xs[0].from[0], f);
	jr_date_format(xs[0].to[xs[0].np - 1], t);
	TRY(jr_store_begin(s));
	/* help requests raised in the period; settled when closed without any allocation */
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN h.state = 'closed' AND NOT EXISTS"
		       " (SELECT 1 FROM allocations a WHERE a.help_request_id = h.id) THEN 1 ELSE 0 END,"
		       " h.raised_on, COUNT(*) FROM help_requests h"
		       " WHERE h.raised_on >= $1 AND h.raised_on <= $2 GROUP BY 1, 2, 3",
		       f, t, xs, nx, add_requests));
	/* children with care by form, in care, and away from home: allocations running */
	TRY(children(s, f, t, xs, nx));
	/* compulsory: a measure in force on the allocation's start */
	TRY(each_count(s,
		       "SELECT h.municipality, CASE WHEN EXISTS (SELECT 1 FROM measures m"
		       " WHERE m.child_id = h.child_id AND m.start_date <= a.start_date"
		       " AND (m.end_date IS NULL OR m.end_date >= a.start_date)) THEN 1 ELSE 0 END,"
		       " a.start_date, COUNT(*) FROM allocations a"
		       " JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE a.start_date >= $1 AND a.start_date <= $2 GROUP BY 1, 2, 3",
		       f, t, xs, nx, add_compulsory));
	TRY(each_count(s,
		       "SELECT h.municipality, CAST(r.referrer_type AS INTEGER), r.referred_on,"
		       " COUNT(*) FROM referrals r JOIN help_requests h ON h.id = r.help_request_id"
		       " WHERE r.referred_on >= $1 AND r.referred_on <= $2 GROUP BY 1, 2, 3",
		       f, t, xs, nx, add_referrer));
	TRY(each_count(s,
		       "SELECT h.municipality, CASE d.goals_reached WHEN 'yes' THEN 0"
		       " WHEN 'partly' THEN 1 ELSE 2 END"
		       " + CASE WHEN d.continues_without_help = 1 THEN 10 ELSE 0 END"
		       " + CASE WHEN d.end_reason = '31' THEN 100"
		       "   WHEN d.end_reason IN ('32', '33') THEN 200 ELSE 0 END, d.stopped_on, COUNT(*)"
		       " FROM deliveries d JOIN allocations a ON a.id = d.allocation_id"
		       " JOIN help_requests h ON h.id = a.help_request_id"
		       " WHERE d.stopped_on >= $1 AND d.stopped_on <= $2 GROUP BY 1, 2, 3",
		       f, t, xs, nx, add_outcome));
	TRY(repeats(s, f, t, xs, nx));
	TRY(waits(s, f, t, xs, nx));
	TRY(satisfaction(s, f, t, xs, nx));
	TRY(jr_store_audit_object(s, a, "figures.read", 0, "aggregates"));
out:
	err = jr_store_finish(s, err);
	for (size_t l = 0; err && l < nx; l++)
		for (size_t p = 0; p < xs[l].np; p++) {
			jr_store_figures_release(xs[l].rows + p * xs[l].max, xs[l].counts[p]);
			xs[l].counts[p] = 0;
		}
	return err;
}

enum jr_err jr_store_figures_series(struct jr_store *s, const struct jr_actor *a,
				    const jr_day *from, const jr_day *to, size_t np,
				    struct jr_figures_raw *rows, size_t max, size_t *counts)
{
	struct jr_store_figures_level one = {from, to, np, rows, max, counts};

	return jr_store_figures_levels(s, a, &one, 1);
}

enum jr_err jr_store_figures(struct jr_store *s, const struct jr_actor *a, jr_day from, jr_day to,
			     struct jr_figures_raw *rows, size_t max, size_t *count)
{
	return jr_store_figures_series(s, a, &from, &to, 1, rows, max, count);
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
