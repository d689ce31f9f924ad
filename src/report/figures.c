/* figures: the published figures from the raw counts, with small cells suppressed and the cells
 * that would give them away hidden too (figures.h); the model handed to report/suppress.c. */
#include "report/figures.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "json/json_writer.h"
#include "report/suppress.h"

/* One value of the figures: a count, a share (0..1), a number of days or a mean (one decimal);
 * `shown` false when suppressed. A statistic over a list (a wait, the satisfaction) that is not
 * shown because fewer than JR_FIGURES_SMALL youths are in it carries `reason`; a count never
 * does (the reason would tell which cells are small). */
struct value {
	bool shown;
	double v;
	bool is_share;
	bool is_mean;
	const char *reason;
};

#define REASON_FEW "minder dan 5 jeugdigen (of geen)"

/* The number of different children among n (at least JR_FIGURES_SMALL is all that is asked:
 * the count stops there). */
static size_t youths_of(const int64_t *children, size_t n)
{
	int64_t seen[JR_FIGURES_SMALL];
	size_t k = 0;

	if (!children) /* not known: each value another child's */
		return n;
	for (size_t i = 0; i < n && k < JR_FIGURES_SMALL; i++) {
		size_t j;
		for (j = 0; j < k && seen[j] != children[i]; j++)
			;
		if (j == k)
			seen[k++] = children[i];
	}
	return k;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of n values, sorted in place; not shown over fewer than
 * JR_FIGURES_SMALL different youths. */
static struct value percentile(int *days, const int64_t *children, size_t n, int p)
{
	size_t rank;

	if (n < JR_FIGURES_SMALL || youths_of(children, n) < JR_FIGURES_SMALL)
		return (struct value){.shown = false, .reason = REASON_FEW};
	qsort(days, n, sizeof(*days), cmp_int);
	rank = (n * (size_t)p + 99) / 100;
	return (struct value){.shown = true, .v = days[rank ? rank - 1 : 0]};
}

/* The mean of n scores, one decimal; not shown over fewer than JR_FIGURES_SMALL youths. */
static struct value mean(const int *scores, const int64_t *children, size_t n)
{
	int64_t sum = 0;

	if (n < JR_FIGURES_SMALL || youths_of(children, n) < JR_FIGURES_SMALL)
		return (struct value){.shown = false, .reason = REASON_FEW};
	for (size_t i = 0; i < n; i++)
		sum += scores[i];
	return (struct value){.shown = true, .v = (double)sum / (double)n, .is_mean = true};
}

/* Appends list `src` (n values and their children) to `dst` at *at. */
static void concat(int *dst, int64_t *dst_c, size_t *at, const int *src, const int64_t *src_c,
		   size_t n)
{
	if (!n)
		return;
	memcpy(dst + *at, src, n * sizeof(*src));
	for (size_t i = 0; i < n; i++) /* unknown children: each another one */
		dst_c[*at + i] = src_c ? src_c[i] : -(int64_t)(*at + i) - 1;
	*at += n;
}

/* The region as a whole: the sum of the municipalities (waiting lists concatenated). */
static enum jr_err region_total(const struct jr_figures_raw *rows, size_t count,
				struct jr_figures_raw *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < count; i++) {
		const struct jr_figures_raw *r = &rows[i];
		t->help_requests += r->help_requests;
		t->settled_without_youth_care += r->settled_without_youth_care;
		for (int f = 0; f <= JR_FORM_COUNT; f++)
			t->children_by_form[f] += r->children_by_form[f];
		t->children_in_care += r->children_in_care;
		t->children_away_from_home += r->children_away_from_home;
		t->allocations_compulsory += r->allocations_compulsory;
		t->allocations_voluntary += r->allocations_voluntary;
		for (int k = 0; k < 9; k++)
			t->referrals_by_type[k] += r->referrals_by_type[k];
		t->care_ended += r->care_ended;
		for (int k = 0; k < 3; k++)
			t->goals[k] += r->goals[k];
		t->continued_without_help += r->continued_without_help;
		t->ended_according_to_plan += r->ended_according_to_plan;
		t->ended_drop_out += r->ended_drop_out;
		t->children_with_request += r->children_with_request;
		t->children_with_repeat_request += r->children_with_repeat_request;
		t->wait_allocation_count += r->wait_allocation_count;
		t->wait_start_count += r->wait_start_count;
		t->satisfaction_count += r->satisfaction_count;
	}
	t->wait_allocation_days = jr_malloc((t->wait_allocation_count + 1) * sizeof(int));
	t->wait_start_days = jr_malloc((t->wait_start_count + 1) * sizeof(int));
	t->satisfaction = jr_malloc((t->satisfaction_count + 1) * sizeof(int));
	t->wait_allocation_child = jr_malloc((t->wait_allocation_count + 1) * sizeof(int64_t));
	t->wait_start_child = jr_malloc((t->wait_start_count + 1) * sizeof(int64_t));
	t->satisfaction_child = jr_malloc((t->satisfaction_count + 1) * sizeof(int64_t));
	if (!t->wait_allocation_days || !t->wait_start_days || !t->satisfaction ||
	    !t->wait_allocation_child || !t->wait_start_child || !t->satisfaction_child)
		return JR_ERR_NOMEM;
	t->wait_allocation_count = t->wait_start_count = t->satisfaction_count = 0;
	for (size_t i = 0; i < count; i++) {
		concat(t->wait_allocation_days, t->wait_allocation_child, &t->wait_allocation_count,
		       rows[i].wait_allocation_days, rows[i].wait_allocation_child,
		       rows[i].wait_allocation_count);
		concat(t->wait_start_days, t->wait_start_child, &t->wait_start_count,
		       rows[i].wait_start_days, rows[i].wait_start_child, rows[i].wait_start_count);
		concat(t->satisfaction, t->satisfaction_child, &t->satisfaction_count,
		       rows[i].satisfaction, rows[i].satisfaction_child, rows[i].satisfaction_count);
	}
	return JR_OK;
}

/* ---- the suppression model (docs/security.md, "Published figures") ----------------------
 *
 * Per row (each municipality, and the region last) these cells, in this order; a share is
 * modelled as its numerator and its complement, so that a shown share publishes both (and so
 * its denominator):
 *
 *   help:     H help requests; S settled without youth care, N not settled (H = S + N);
 *             Rp children with a repeat request, Qn with a first one (Q = Rp + Qn <= H, and
 *             Q >= 1 when H >= 1)
 *   forms:    F1..F10 children per form; C children in care; A away from home; L = F1+F2+F3,
 *             Hv = F4+...+F10; a child may have several forms, so Fi <= C <= L + Hv,
 *             A <= C, A <= F5+F6+F7+F8, and Fi <= A for i = 5..8
 *   alloc:    Cp compulsory, V voluntary allocations; Cp + V >= 5 when a waiting time of the
 *             row is shown (it is computed over those allocations)
 *   referrer: R per COD327 type (one block each: no total of a row is published)
 *   outcome:  E care ended = G0 + G1 + G2 (goals reached, partly, not); Gc0..Gc2 the
 *             complements (E = Gk + Gck); K went on without help, Kn did not (E = K + Kn);
 *             P ended according to plan, Pc not (E = P + Pc); D dropped out, Dc not
 *             (E = D + Dc); and P + D <= E (no care ends both ways)
 *
 * and for every cell: the region's equals the sum of the municipalities'. */
enum slot {
	S_H,
	S_S,
	S_N,
	S_RP,
	S_QN,
	S_F1,
	S_C = S_F1 + JR_FORM_COUNT,
	S_A,
	S_L,
	S_HV,
	S_CP,
	S_V,
	S_R1, /* the seven published COD327 types: 01..06, 08 */
	S_E = S_R1 + 7,
	S_G0,
	S_GC0 = S_G0 + 3,
	S_K = S_GC0 + 3,
	S_KN,
	S_P,
	S_PC,
	S_D,
	S_DC,
	SLOTS
};

enum unit_slot {
	U_H,
	U_SETTLED,
	U_REPEAT,
	U_F1,
	U_C = U_F1 + JR_FORM_COUNT,
	U_A,
	U_LIGHT,
	U_CP,
	U_V,
	U_R1,
	U_E = U_R1 + 7,
	U_G0,
	U_CONT = U_G0 + 3,
	U_PLAN,
	U_DROP,
	UNITS
};

enum block { B_HELP, B_FORMS, B_ALLOC, B_REF, B_OUT = B_REF + 7 };

static const int referral_types[7] = {1, 2, 3, 4, 5, 6, 8}; /* COD327 07 is not in use */

/* The region's figures weigh more: the region's policy is steered by them. */
#define REGION_WEIGHT 4.0

static void cell_values(const struct jr_figures_raw *r, int64_t *v)
{
	int64_t light = 0, heavy = 0;

	v[S_H] = r->help_requests;
	v[S_S] = r->settled_without_youth_care;
	v[S_N] = r->help_requests - r->settled_without_youth_care;
	v[S_RP] = r->children_with_repeat_request;
	v[S_QN] = r->children_with_request - r->children_with_repeat_request;
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		v[S_F1 + f - 1] = r->children_by_form[f];
		if (f <= 3)
			light += r->children_by_form[f];
		else
			heavy += r->children_by_form[f];
	}
	v[S_C] = r->children_in_care;
	v[S_A] = r->children_away_from_home;
	v[S_L] = light;
	v[S_HV] = heavy;
	v[S_CP] = r->allocations_compulsory;
	v[S_V] = r->allocations_voluntary;
	for (int k = 0; k < 7; k++)
		v[S_R1 + k] = r->referrals_by_type[referral_types[k]];
	v[S_E] = r->care_ended;
	for (int k = 0; k < 3; k++) {
		v[S_G0 + k] = r->goals[k];
		v[S_GC0 + k] = r->care_ended - r->goals[k];
	}
	v[S_K] = r->continued_without_help;
	v[S_KN] = r->care_ended - r->continued_without_help;
	v[S_P] = r->ended_according_to_plan;
	v[S_PC] = r->care_ended - r->ended_according_to_plan;
	v[S_D] = r->ended_drop_out;
	v[S_DC] = r->care_ended - r->ended_drop_out;
	for (int k = 0; k < SLOTS; k++)
		if (v[k] < 0)
			v[k] = 0; /* inconsistent counts cannot come from the store; be safe */
}

static int slot_block(int k)
{
	if (k <= S_QN)
		return B_HELP;
	if (k <= S_HV)
		return B_FORMS;
	if (k <= S_V)
		return B_ALLOC;
	if (k < S_E)
		return B_REF + (k - S_R1);
	return B_OUT;
}

static int slot_unit(int k)
{
	switch (k) {
	case S_H: return U_H;
	case S_S:
	case S_N: return U_SETTLED;
	case S_RP:
	case S_QN: return U_REPEAT;
	case S_C: return U_C;
	case S_A: return U_A;
	case S_L:
	case S_HV: return U_LIGHT;
	case S_CP: return U_CP;
	case S_V: return U_V;
	case S_E: return U_E;
	case S_K:
	case S_KN: return U_CONT;
	case S_P:
	case S_PC: return U_PLAN;
	case S_D:
	case S_DC: return U_DROP;
	default: break;
	}
	if (k >= S_F1 && k < S_F1 + JR_FORM_COUNT)
		return U_F1 + (k - S_F1);
	if (k >= S_R1 && k < S_R1 + 7)
		return U_R1 + (k - S_R1);
	if (k >= S_G0 && k < S_G0 + 3)
		return U_G0 + (k - S_G0);
	return U_G0 + (k - S_GC0);
}

/* The published counts: a count cell is a unit of its own, floor 1 (zeros are never hidden). */
static bool is_count(int k)
{
	return k == S_H || (k >= S_F1 && k <= S_A) || k == S_CP || k == S_V ||
	       (k >= S_R1 && k < S_R1 + 7) || k == S_E;
}

/* The denominator of a share unit (the sum of its cells), for its cost and primary rule. */
static int64_t unit_size(const int64_t *v, int u)
{
	switch (u) {
	case U_SETTLED: return v[S_H];
	case U_REPEAT: return v[S_RP] + v[S_QN];
	case U_LIGHT: return v[S_L] + v[S_HV];
	case U_CONT:
	case U_PLAN:
	case U_DROP: return v[S_E];
	default: break;
	}
	if (u >= U_G0 && u < U_G0 + 3)
		return v[S_E];
	return -1;
}

#define T(slot, c) ((struct jr_sup_term){.cell = base + (slot), .coef = (c)})

static enum jr_err add_rel(struct jr_sup *s, bool le, bool implied, const struct jr_sup_term *t,
			   size_t n, int64_t rhs)
{
	return jr_sup_relation(s, le, implied, t, n, rhs);
}

/* The relations within one row whose cells start at `base`. */
static enum jr_err row_relations(struct jr_sup *s, int base, const int64_t *v, bool waits_shown)
{
	struct jr_sup_term t[12];
	enum jr_err err;

	t[0] = T(S_S, 1), t[1] = T(S_N, 1), t[2] = T(S_H, -1);
	if ((err = add_rel(s, false, false, t, 3, 0)))
		return err;
	t[0] = T(S_RP, 1), t[1] = T(S_QN, 1), t[2] = T(S_H, -1);
	if ((err = add_rel(s, true, false, t, 3, 0)))
		return err;
	if (v[S_H] >= 1) {
		t[0] = T(S_RP, -1), t[1] = T(S_QN, -1);
		if ((err = add_rel(s, true, false, t, 2, -1)))
			return err;
	}
	/* forms: the light and heavy sums, and the inequalities of children in several forms */
	for (int f = 0; f < 3; f++)
		t[f] = T(S_F1 + f, 1);
	t[3] = T(S_L, -1);
	if ((err = add_rel(s, false, false, t, 4, 0)))
		return err;
	for (int f = 3; f < JR_FORM_COUNT; f++)
		t[f - 3] = T(S_F1 + f, 1);
	t[JR_FORM_COUNT - 3] = T(S_HV, -1);
	if ((err = add_rel(s, false, false, t, JR_FORM_COUNT - 2, 0)))
		return err;
	for (int f = 0; f < JR_FORM_COUNT; f++) {
		t[0] = T(S_F1 + f, 1), t[1] = T(S_C, -1);
		if ((err = add_rel(s, true, false, t, 2, 0)))
			return err;
		if (f >= 4 && f <= 7) {
			t[1] = T(S_A, -1);
			if ((err = add_rel(s, true, false, t, 2, 0)))
				return err;
		}
	}
	t[0] = T(S_C, 1), t[1] = T(S_L, -1), t[2] = T(S_HV, -1);
	if ((err = add_rel(s, true, false, t, 3, 0)))
		return err;
	t[0] = T(S_A, 1), t[1] = T(S_C, -1);
	if ((err = add_rel(s, true, false, t, 2, 0)))
		return err;
	t[0] = T(S_A, 1);
	for (int f = 4; f <= 7; f++)
		t[f - 3] = T(S_F1 + f, -1);
	if ((err = add_rel(s, true, false, t, 5, 0)))
		return err;
	if (waits_shown) {
		t[0] = T(S_CP, -1), t[1] = T(S_V, -1);
		if ((err = add_rel(s, true, false, t, 2, -JR_FIGURES_SMALL)))
			return err;
	}
	/* outcomes */
	t[0] = T(S_G0, 1), t[1] = T(S_G0 + 1, 1), t[2] = T(S_G0 + 2, 1), t[3] = T(S_E, -1);
	if ((err = add_rel(s, false, false, t, 4, 0)))
		return err;
	for (int k = 0; k < 3; k++) {
		t[0] = T(S_G0 + k, 1), t[1] = T(S_GC0 + k, 1), t[2] = T(S_E, -1);
		if ((err = add_rel(s, false, false, t, 3, 0)))
			return err;
	}
	t[0] = T(S_K, 1), t[1] = T(S_KN, 1), t[2] = T(S_E, -1);
	if ((err = add_rel(s, false, false, t, 3, 0)))
		return err;
	t[0] = T(S_P, 1), t[1] = T(S_PC, 1), t[2] = T(S_E, -1);
	if ((err = add_rel(s, false, false, t, 3, 0)))
		return err;
	t[0] = T(S_D, 1), t[1] = T(S_DC, 1), t[2] = T(S_E, -1);
	if ((err = add_rel(s, false, false, t, 3, 0)))
		return err;
	t[0] = T(S_P, 1), t[1] = T(S_D, 1), t[2] = T(S_E, -1);
	return add_rel(s, true, false, t, 3, 0);
}

/* Whether the region's column of `slot` follows from the other equalities (checked only). */
static bool column_implied(int k)
{
	return k == S_H || k == S_L || k == S_HV || k == S_E || (k >= S_GC0 && k < S_GC0 + 3) ||
	       k == S_PC || k == S_DC;
}

static enum jr_err add_key(struct jr_sup *s, int ubase, int unit1, int unit2, int base, int num,
			   int den1, int den2)
{
	int n[1] = {base + num}, d[2] = {base + den1, base + den2};
	return jr_sup_key(s, ubase + unit1, unit2 < 0 ? -1 : ubase + unit2, n, 1, d,
			  den1 < 0 ? 0 : 2);
}

/* Decides which units of rows[0..count] (the region last) are hidden: hidden[r*UNITS + u]. */
static enum jr_err suppress(struct jr_figures_raw *rows, size_t count, bool *hidden)
{
	size_t nrows = count + 1;
	struct jr_sup s;
	struct jr_sup_term *col = NULL;
	int64_t v[SLOTS];
	enum jr_err err = JR_OK;
	int idx;

	jr_sup_init(&s, JR_FIGURES_SMALL);
	if (count > JR_FIGURES_MAX_ROWS) {
		err = JR_ERR_TOO_BIG;
		goto out;
	}
	col = jr_calloc(nrows, sizeof(*col));
	if (!col) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t r = 0; r < nrows; r++) {
		double w = r == count ? REGION_WEIGHT : 1;
		cell_values(&rows[r], v);
		for (int u = 0; u < UNITS; u++) {
			int64_t size = unit_size(v, u);
			double cost;
			if (size < 0) { /* a count */
				int k;
				for (k = 0; k < SLOTS && !(is_count(k) && slot_unit(k) == u); k++)
					;
				size = v[k];
			}
			cost = (double)(size + 1) * w;
			if (u == U_CP ||
			    u == U_V) /* hiding either hides the compulsory share too */
				cost += (double)(v[S_CP] + v[S_V] + 1) * w / 2;
			if ((err = jr_sup_unit(&s, cost, &idx)))
				goto out;
			if (size >= 1 && size < JR_FIGURES_SMALL)
				jr_sup_hide(&s, idx); /* a share over fewer than 5 */
		}
		for (int k = 0; k < SLOTS; k++)
			if ((err = jr_sup_cell(&s, (int)r * UNITS + slot_unit(k), slot_block(k),
					       r == count ? -1 : (int)r, v[k], is_count(k) ? 1 : 0,
					       &idx)))
				goto out;
	}
	for (size_t r = 0; r < nrows; r++) {
		bool waits = rows[r].wait_allocation_count >= JR_FIGURES_SMALL ||
			     rows[r].wait_start_count >= JR_FIGURES_SMALL;
		int base = (int)r * SLOTS, ubase = (int)r * UNITS;
		cell_values(&rows[r], v);
		if ((err = row_relations(&s, base, v, waits)))
			goto out;
		/* the published figures, for the rule that no hidden one can be recomputed */
		for (int k = 0; k < SLOTS; k++)
			if (is_count(k) &&
			    (err = add_key(&s, ubase, slot_unit(k), -1, base, k, -1, -1)))
				goto out;
		if ((err = add_key(&s, ubase, U_SETTLED, -1, base, S_S, S_S, S_N)) ||
		    (err = add_key(&s, ubase, U_REPEAT, -1, base, S_RP, S_RP, S_QN)) ||
		    (err = add_key(&s, ubase, U_LIGHT, -1, base, S_L, S_L, S_HV)) ||
		    (err = add_key(&s, ubase, U_CP, U_V, base, S_CP, S_CP, S_V)) ||
		    (err = add_key(&s, ubase, U_CONT, -1, base, S_K, S_K, S_KN)) ||
		    (err = add_key(&s, ubase, U_PLAN, -1, base, S_P, S_P, S_PC)) ||
		    (err = add_key(&s, ubase, U_DROP, -1, base, S_D, S_D, S_DC)))
			goto out;
		for (int k = 0; k < 3; k++)
			if ((err = add_key(&s, ubase, U_G0 + k, -1, base, S_G0 + k, S_G0 + k,
					   S_GC0 + k)))
				goto out;
	}
	for (int k = 0; k < SLOTS; k++) {
		for (size_t r = 0; r < nrows; r++)
			col[r] = (struct jr_sup_term){.cell = (int)r * SLOTS + k,
						      .coef = r == count ? -1 : 1};
		if ((err = jr_sup_relation(&s, false, column_implied(k), col, nrows, 0)))
			goto out;
	}
	if ((err = jr_sup_run(&s)))
		goto out;
	for (size_t u = 0; u < nrows * UNITS; u++)
		hidden[u] = jr_sup_hidden(&s, (int)u);
out:
	jr_free(col);
	jr_sup_release(&s);
	return err;
}

static struct value count_of(int64_t n, bool hidden)
{
	return (struct value){.shown = !hidden, .v = (double)n};
}

static struct value share_of(int64_t part, int64_t whole, bool hidden)
{
	return (struct value){.shown = !hidden && whole > 0,
			      .v = whole ? (double)part / (double)whole : 0,
			      .is_share = true};
}

/* The figures of one row, by name, in a fixed order: what both writers walk. `h` is the row's
 * hidden units. */
#define FIGURES_MAX 56
struct figure {
	char name[48];
	struct value value;
};

static size_t figures_of(struct jr_figures_raw *r, const bool *h, struct figure *out)
{
	size_t n = 0;
	int64_t light = 0, heavy = 0, measured;

#define PUT(nm, val)                                                    \
	do {                                                            \
		snprintf(out[n].name, sizeof(out[n].name), "%s", (nm)); \
		out[n++].value = (val);                                 \
	} while (0)
	PUT("help_requests", count_of(r->help_requests, h[U_H]));
	/* the unique youths behind the requests: the denominator of the repeat share, shown with it */
	PUT("youths_with_request", count_of(r->children_with_request, h[U_REPEAT]));
	PUT("settled_without_youth_care_share",
	    share_of(r->settled_without_youth_care, r->help_requests, h[U_SETTLED]));
	PUT("children_in_youth_care", count_of(r->children_in_care, h[U_C]));
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		char name[48];
		snprintf(name, sizeof(name), "children_form_%d", f);
		PUT(name, count_of(r->children_by_form[f], h[U_F1 + f - 1]));
		if (f <= 3)
			light += r->children_by_form[f];
		else
			heavy += r->children_by_form[f];
	}
	PUT("light_share", share_of(light, light + heavy, h[U_LIGHT]));
	PUT("heavy_share", share_of(heavy, light + heavy, h[U_LIGHT]));
	PUT("children_away_from_home", count_of(r->children_away_from_home, h[U_A]));
	measured = r->allocations_compulsory + r->allocations_voluntary;
	PUT("allocations_compulsory", count_of(r->allocations_compulsory, h[U_CP]));
	PUT("allocations_voluntary", count_of(r->allocations_voluntary, h[U_V]));
	PUT("compulsory_share", share_of(r->allocations_compulsory, measured, h[U_CP] || h[U_V]));
	/* trajectories started: the sum of the two, shown when both are */
	PUT("allocations_started", count_of(measured, h[U_CP] || h[U_V]));
	for (int k = 0; k < 7; k++) {
		char name[48];
		snprintf(name, sizeof(name), "referrals_type_%02d", referral_types[k]);
		PUT(name, count_of(r->referrals_by_type[referral_types[k]], h[U_R1 + k]));
	}
	PUT("wait_referral_to_allocation_days_median",
	    percentile(r->wait_allocation_days, r->wait_allocation_child, r->wait_allocation_count,
		       50));
	PUT("wait_referral_to_allocation_days_p90",
	    percentile(r->wait_allocation_days, r->wait_allocation_child, r->wait_allocation_count,
		       90));
	PUT("wait_allocation_to_start_days_median",
	    percentile(r->wait_start_days, r->wait_start_child, r->wait_start_count, 50));
	PUT("wait_allocation_to_start_days_p90",
	    percentile(r->wait_start_days, r->wait_start_child, r->wait_start_count, 90));
	PUT("care_ended", count_of(r->care_ended, h[U_E]));
	PUT("goals_reached_share", share_of(r->goals[0], r->care_ended, h[U_G0]));
	PUT("goals_partly_share", share_of(r->goals[1], r->care_ended, h[U_G0 + 1]));
	PUT("goals_not_reached_share", share_of(r->goals[2], r->care_ended, h[U_G0 + 2]));
	PUT("continued_without_help_share",
	    share_of(r->continued_without_help, r->care_ended, h[U_CONT]));
	PUT("ended_according_to_plan_share",
	    share_of(r->ended_according_to_plan, r->care_ended, h[U_PLAN]));
	PUT("drop_out_share", share_of(r->ended_drop_out, r->care_ended, h[U_DROP]));
	PUT("satisfaction_mean", mean(r->satisfaction, r->satisfaction_child, r->satisfaction_count));
	PUT("repeat_request_share",
	    share_of(r->children_with_repeat_request, r->children_with_request, h[U_REPEAT]));
#undef PUT
	return n;
}

/* A share as a fraction with three decimals, rounded half up from the permille (both writers
 * round alike). */
static int permille_of(double share)
{
	return (int)(share * 1000 + 0.5);
}

static enum jr_err put_value(struct jr_buf *b, struct value v)
{
	if (!v.shown)
		return jr_buf_puts(b, "null");
	if (v.is_share) {
		int permille = permille_of(v.v);
		return jr_buf_printf(b, "%d.%03d", permille / 1000, permille % 1000);
	}
	if (v.is_mean) {
		int tenths = (int)(v.v * 10 + 0.5);
		return jr_buf_printf(b, "%d.%d", tenths / 10, tenths % 10);
	}
	return jr_buf_printf(b, "%lld", (long long)v.v);
}

static void row_json(struct jr_json_writer *w, struct jr_figures_raw *r, const bool *hidden,
		     const char *code, const char *name)
{
	struct figure f[FIGURES_MAX];
	size_t n = figures_of(r, hidden, f);

	jr_jw_object(w);
	jr_jw_kstring(w, "municipality", code); /* null for the region */
	jr_jw_kstring(w, "name", name);
	for (size_t i = 0; i < n; i++) {
		jr_jw_key(w, f[i].name);
		if (!f[i].value.shown && f[i].value.reason) {
			char key[64];
			jr_jw_null(w);
			snprintf(key, sizeof(key), "%.47s_reason", f[i].name);
			jr_jw_kstring(w, key, f[i].value.reason);
		} else if (!f[i].value.shown)
			jr_jw_null(w);
		else if (f[i].value.is_share)
			jr_jw_fixed(w, permille_of(f[i].value.v) / 1000.0, 3);
		else if (f[i].value.is_mean)
			jr_jw_fixed(w, (int)(f[i].value.v * 10 + 0.5) / 10.0, 1);
		else
			jr_jw_int(w, (int64_t)f[i].value.v);
	}
	jr_jw_end(w);
}

/* The rows with the region appended, and which units of each are hidden: what both writers
 * publish. The region's waiting lists are owned (table_release). */
struct table {
	struct jr_figures_raw *rows; /* count + 1 */
	bool *hidden;                /* (count + 1) × UNITS */
	size_t count;
};

static void table_release(struct table *t)
{
	if (t->rows) {
		jr_free(t->rows[t->count].wait_allocation_days);
		jr_free(t->rows[t->count].wait_start_days);
		jr_free(t->rows[t->count].satisfaction);
		jr_free(t->rows[t->count].wait_allocation_child);
		jr_free(t->rows[t->count].wait_start_child);
		jr_free(t->rows[t->count].satisfaction_child);
	}
	jr_free(t->rows);
	jr_free(t->hidden);
	memset(t, 0, sizeof(*t));
}

static enum jr_err table_make(struct table *t, const struct jr_figures_raw *rows, size_t count)
{
	enum jr_err err;

	memset(t, 0, sizeof(*t));
	t->count = count;
	t->rows = jr_calloc(count + 1, sizeof(*t->rows));
	t->hidden = jr_calloc((count + 1) * UNITS, sizeof(*t->hidden));
	if (!t->rows || !t->hidden)
		return JR_ERR_NOMEM;
	/* percentiles sort the waiting lists: work on copies of the rows' headers (the lists are
	 * sorted in place, which does not change what they hold) */
	if (count)
		memcpy(t->rows, rows, count * sizeof(*t->rows));
	if ((err = region_total(rows, count, &t->rows[count])))
		return err;
	return suppress(t->rows, count, t->hidden);
}

/* "rows": the municipalities of table t by name, then the region's total as "regio". */
static void rows_json(struct jr_json_writer *w, struct table *t, jr_municipality_name_fn name,
		      void *ctx)
{
	jr_jw_key(w, "rows");
	jr_jw_array(w);
	for (size_t i = 0; i < t->count; i++) {
		const char *nm = name(ctx, t->rows[i].municipality);
		row_json(w, &t->rows[i], t->hidden + i * UNITS, t->rows[i].municipality,
			 nm ? nm : "");
	}
	row_json(w, &t->rows[t->count], t->hidden + t->count * UNITS, NULL, "regio");
	jr_jw_end(w);
}

/* Writes table t (its municipalities, the region last) of the period from..to as JSON. */
static enum jr_err table_json(struct jr_buf *out, struct table *t, jr_day from, jr_day to,
			      jr_municipality_name_fn name, void *ctx)
{
	struct jr_json_writer w;
	enum jr_err err;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_key(&w, "period");
	jr_jw_object(&w);
	jr_jw_kdate(&w, "from", from, true);
	jr_jw_kdate(&w, "to", to, true);
	jr_jw_end(&w);
	jr_jw_kint(&w, "suppressed_below", JR_FIGURES_SMALL);
	rows_json(&w, t, name, ctx);
	jr_jw_end(&w);
	if (!(err = jr_jw_finish(&w)))
		err = jr_buf_putc(out, '\n');
	return err;
}

/* Appends the lines of table t as CSV, each begun with the municipality's code and name and,
 * when `period` is not NULL, the period's label. */
static enum jr_err table_csv_lines(struct jr_buf *out, struct table *t, const char *period,
				   jr_municipality_name_fn name, void *ctx)
{
	enum jr_err err = JR_OK;

	for (size_t i = 0; !err && i <= t->count; i++) {
		struct figure f[FIGURES_MAX];
		size_t n = figures_of(&t->rows[i], t->hidden + i * UNITS, f);
		const char *nm = i < t->count ? name(ctx, t->rows[i].municipality) : "regio";
		for (size_t k = 0; !err && k < n; k++) {
			err = jr_buf_printf(out, "%s;%s;", i < t->count ? t->rows[i].municipality : "",
					    nm ? nm : "");
			if (!err && period)
				err = jr_buf_printf(out, "%s;", period);
			if (!err)
				err = jr_buf_printf(out, "%s;", f[k].name);
			if (!err && f[k].value.shown)
				err = put_value(out, f[k].value);
			if (!err)
				err = jr_buf_puts(out, "\r\n");
		}
	}
	return err;
}

#define TABLE_CSV_HEAD "gemeente;naam;cijfer;waarde\r\n"
#define SERIES_CSV_HEAD "gemeentecode;gemeente;periode;indicator;waarde\r\n"

enum jr_err jr_figures_json(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			    jr_day from, jr_day to, jr_municipality_name_fn name, void *ctx)
{
	struct table t;
	enum jr_err err;

	if (!(err = table_make(&t, rows, count)))
		err = table_json(out, &t, from, to, name, ctx);
	table_release(&t);
	return err;
}

enum jr_err jr_figures_csv(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			   jr_municipality_name_fn name, void *ctx)
{
	struct table t;
	enum jr_err err;

	if (!(err = table_make(&t, rows, count)) && !(err = jr_buf_puts(out, TABLE_CSV_HEAD)))
		err = table_csv_lines(out, &t, NULL, name, ctx);
	table_release(&t);
	return err;
}

/* ---- the published pattern over whole calendar years ---------------------------------- */

/* The value a unit of a row stands for: a count's value, a share's denominator. */
static int64_t unit_value(const struct jr_figures_raw *r, int u)
{
	int64_t v[SLOTS], size;
	int k;

	cell_values(r, v);
	if ((size = unit_size(v, u)) >= 0)
		return size;
	for (k = 0; k < SLOTS && !(is_count(k) && slot_unit(k) == u); k++)
		;
	return k < SLOTS ? v[k] : 0;
}

/* One line of cells that a reader can add up against each other (the months of a quarter and
 * the quarter; one period's municipalities and the region): n cells, cell i at hidden[i] with
 * value[i]. When exactly one is hidden, hides the smallest other non-zero one (the first of
 * equals) and returns true. */
static bool line_second(bool *const *hidden, const int64_t *value, size_t n)
{
	size_t nh = 0, pick = n;

	for (size_t i = 0; i < n; i++)
		nh += *hidden[i];
	if (nh != 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!*hidden[i] && value[i] > 0 && (pick == n || value[i] < value[pick]))
			pick = i;
	if (pick == n)
		return false;
	*hidden[pick] = true;
	return true;
}

/* Every table of whole calendar years: 12 months, 4 quarters and the year per year, in that
 * order (months of all years first), each suppressed on its own and then together. */
struct jr_figures_years {
	size_t years, count;             /* count: municipalities (the region is row count) */
	struct table *t;                 /* 17 × years */
	int64_t *value;                  /* per table, (count + 1) × UNITS: unit_value */
	const struct jr_figures_period *period[3];
};

#define MONTHS_PER_YEAR 12
#define TABLES_PER_YEAR 17

static size_t level_count(const struct jr_figures_years *y, enum jr_figures_level level)
{
	return y->years * (level == JR_FIGURES_MONTH ? 12 : level == JR_FIGURES_QUARTER ? 4 : 1);
}

/* The index in y->t of period i of a level. */
static size_t table_at(const struct jr_figures_years *y, enum jr_figures_level level, size_t i)
{
	switch (level) {
	case JR_FIGURES_MONTH:
		return i;
	case JR_FIGURES_QUARTER:
		return 12 * y->years + i;
	default:
		return 16 * y->years + i;
	}
}

/* Applies line_second to the cells of unit u of row r in tables idx[0..n]. */
static bool hierarchy_line(struct jr_figures_years *y, const size_t *idx, size_t n, size_t r,
			   int u)
{
	size_t rows = y->count + 1, at;
	bool *cell[MONTHS_PER_YEAR + 1];
	int64_t value[MONTHS_PER_YEAR + 1];

	for (size_t i = 0; i < n; i++) {
		at = r * UNITS + (size_t)u;
		cell[i] = &y->t[idx[i]].hidden[at];
		value[i] = y->value[idx[i] * rows * UNITS + at];
	}
	return line_second(cell, value, n);
}

/* The rule across the tables (docs/figures.md, suppression step 4): per unit and row, every
 * line a reader can add up — the three months of a quarter with the quarter, the four quarters
 * of a year with the year, the twelve months of a year with the year — and per table and unit,
 * its municipalities with the region's total: repeat until nothing changes, every line that
 * holds a hidden cell holds at least two (the second the smallest other non-zero cell). Only
 * hides more, so each table's own protection holds. Deterministic. */
static enum jr_err hierarchy_across(struct jr_figures_years *y)
{
	size_t rows = y->count + 1, ntab = TABLES_PER_YEAR * y->years, idx[MONTHS_PER_YEAR + 1];
	bool **col = jr_calloc(rows, sizeof(*col));
	int64_t *colv = jr_calloc(rows, sizeof(*colv));
	bool changed = true;

	if (!col || !colv) {
		jr_free(col);
		jr_free(colv);
		return JR_ERR_NOMEM;
	}
	while (changed) {
		changed = false;
		for (int u = 0; u < UNITS; u++) {
			for (size_t r = 0; r < rows; r++)
				for (size_t yr = 0; yr < y->years; yr++) {
					for (size_t q = 0; q < 4; q++) { /* months of a quarter */
						for (size_t k = 0; k < 3; k++)
							idx[k] = table_at(y, JR_FIGURES_MONTH,
									  yr * 12 + q * 3 + k);
						idx[3] = table_at(y, JR_FIGURES_QUARTER, yr * 4 + q);
						changed |= hierarchy_line(y, idx, 4, r, u);
					}
					for (size_t q = 0; q < 4; q++) /* quarters of the year */
						idx[q] = table_at(y, JR_FIGURES_QUARTER, yr * 4 + q);
					idx[4] = table_at(y, JR_FIGURES_YEAR, yr);
					changed |= hierarchy_line(y, idx, 5, r, u);
					for (size_t m = 0; m < 12; m++) /* months of the year */
						idx[m] = table_at(y, JR_FIGURES_MONTH, yr * 12 + m);
					idx[12] = table_at(y, JR_FIGURES_YEAR, yr);
					changed |= hierarchy_line(y, idx, 13, r, u);
				}
			for (size_t t = 0; t < ntab; t++) { /* a table's municipalities and region */
				for (size_t r = 0; r < rows; r++) {
					col[r] = &y->t[t].hidden[r * UNITS + (size_t)u];
					colv[r] = y->value[(t * rows + r) * UNITS + (size_t)u];
				}
				changed |= line_second(col, colv, rows);
			}
		}
	}
	jr_free(col);
	jr_free(colv);
	return JR_OK;
}

/* The tables of the pattern are independent until hierarchy_across: made on a few threads,
 * each taking the next table to make (the suppression's linear programmes are most of the time
 * of a series; docs/BENCHMARKS.md). */
struct maker {
	struct jr_figures_years *y;
	const struct jr_figures_period *const *levels;
	atomic_size_t next;
	atomic_int err;
};

static void make_one(struct maker *m, size_t t)
{
	struct jr_figures_years *y = m->y;
	size_t rows = y->count + 1, i = t;
	int l = 0;
	enum jr_err err;

	while (i >= level_count(y, (enum jr_figures_level)l))
		i -= level_count(y, (enum jr_figures_level)l++);
	if ((err = table_make(&y->t[t], m->levels[l][i].rows, y->count))) {
		int none = JR_OK;
		atomic_compare_exchange_strong(&m->err, &none, (int)err);
		return;
	}
	for (size_t r = 0; r < rows; r++)
		for (int u = 0; u < UNITS; u++)
			y->value[(t * rows + r) * UNITS + (size_t)u] = unit_value(&y->t[t].rows[r], u);
}

static void *maker_run(void *arg)
{
	struct maker *m = arg;
	size_t t;

	while ((t = atomic_fetch_add(&m->next, 1)) < TABLES_PER_YEAR * m->y->years &&
	       atomic_load(&m->err) == JR_OK)
		make_one(m, t);
	return NULL;
}

#define MAKERS_MAX 8

enum jr_err jr_figures_years_make(const struct jr_figures_period *const levels[3], size_t years,
				  struct jr_figures_years **out)
{
	struct jr_figures_years *y = jr_calloc(1, sizeof(*y));
	size_t ntab = TABLES_PER_YEAR * years;
	pthread_t thread[MAKERS_MAX];
	struct maker m = {.levels = levels};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int started = 0, want;

	*out = y;
	if (!y)
		return JR_ERR_NOMEM;
	y->years = years;
	y->count = years ? levels[0][0].count : 0;
	for (int l = 0; l < 3; l++) {
		y->period[l] = levels[l];
		for (size_t i = 0; i < level_count(y, (enum jr_figures_level)l); i++)
			if (levels[l][i].count != y->count)
				return JR_ERR_INPUT;
	}
	y->t = jr_calloc(ntab ? ntab : 1, sizeof(*y->t));
	y->value = jr_calloc(ntab * (y->count + 1) * UNITS + 1, sizeof(*y->value));
	if (!y->t || !y->value)
		return JR_ERR_NOMEM;
	m.y = y;
	atomic_init(&m.next, 0);
	atomic_init(&m.err, JR_OK);
	want = cores < 1 ? 1 : cores > MAKERS_MAX ? MAKERS_MAX : (int)cores;
	if ((size_t)want > ntab)
		want = (int)ntab;
	/* this thread makes tables too; the others help when they can be started */
	for (int i = 1; i < want; i++)
		if (pthread_create(&thread[started], NULL, maker_run, &m) == 0)
			started++;
	maker_run(&m);
	for (int i = 0; i < started; i++)
		pthread_join(thread[i], NULL);
	if (atomic_load(&m.err) != JR_OK)
		return (enum jr_err)atomic_load(&m.err);
	return hierarchy_across(y);
}

void jr_figures_years_release(struct jr_figures_years *y)
{
	if (!y)
		return;
	for (size_t t = 0; y->t && t < TABLES_PER_YEAR * y->years; t++)
		table_release(&y->t[t]);
	jr_free(y->t);
	jr_free(y->value);
	jr_free(y);
}

static bool in_level(const struct jr_figures_years *y, enum jr_figures_level level, size_t first,
		     size_t n)
{
	return level >= JR_FIGURES_MONTH && level <= JR_FIGURES_YEAR &&
	       first <= level_count(y, level) && n <= level_count(y, level) - first;
}

enum jr_err jr_figures_years_series_json(struct jr_buf *out, const struct jr_figures_years *y,
					 const struct jr_figures_series_head *head,
					 enum jr_figures_level level, size_t first, size_t n,
					 jr_municipality_name_fn name, void *ctx)
{
	struct jr_json_writer w;
	enum jr_err err;

	if (!in_level(y, level, first, n))
		return JR_ERR_INPUT;
	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "region", head->region);
	jr_jw_kdate(&w, "from", head->from, true);
	jr_jw_kdate(&w, "to", head->to, true);
	jr_jw_kstring(&w, "grain", head->grain);
	jr_jw_kint(&w, "suppressed_below", JR_FIGURES_SMALL);
	jr_jw_key(&w, "series");
	jr_jw_array(&w);
	for (size_t p = first; p < first + n; p++) {
		const struct jr_figures_period *per = &y->period[level][p];
		struct table *t = &y->t[table_at(y, level, p)];
		jr_jw_object(&w);
		jr_jw_kstring(&w, "period", per->label);
		jr_jw_kdate(&w, "from", per->from, true);
		jr_jw_kdate(&w, "to", per->to, true);
		rows_json(&w, t, name, ctx);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_end(&w);
	err = jr_jw_finish(&w);
	return err ? err : jr_buf_putc(out, '\n');
}

enum jr_err jr_figures_years_series_csv(struct jr_buf *out, const struct jr_figures_years *y,
					enum jr_figures_level level, size_t first, size_t n,
					jr_municipality_name_fn name, void *ctx)
{
	enum jr_err err;

	if (!in_level(y, level, first, n))
		return JR_ERR_INPUT;
	err = jr_buf_puts(out, SERIES_CSV_HEAD);
	for (size_t p = first; !err && p < first + n; p++)
		err = table_csv_lines(out, &y->t[table_at(y, level, p)], y->period[level][p].label,
				      name, ctx);
	return err;
}

enum jr_err jr_figures_years_table_json(struct jr_buf *out, const struct jr_figures_years *y,
					enum jr_figures_level level, size_t index,
					jr_municipality_name_fn name, void *ctx)
{
	if (!in_level(y, level, index, 1))
		return JR_ERR_INPUT;
	return table_json(out, &y->t[table_at(y, level, index)], y->period[level][index].from,
			  y->period[level][index].to, name, ctx);
}

enum jr_err jr_figures_years_table_csv(struct jr_buf *out, const struct jr_figures_years *y,
				       enum jr_figures_level level, size_t index,
				       jr_municipality_name_fn name, void *ctx)
{
	enum jr_err err;

	if (!in_level(y, level, index, 1))
		return JR_ERR_INPUT;
	if ((err = jr_buf_puts(out, TABLE_CSV_HEAD)))
		return err;
	return table_csv_lines(out, &y->t[table_at(y, level, index)], NULL, name, ctx);
}

bool jr_figures_years_value(const struct jr_figures_years *y, enum jr_figures_level level,
			    size_t index, size_t row, const char *figure, double *value)
{
	struct figure f[FIGURES_MAX];
	struct table *t;
	size_t n;

	*value = 0;
	if (!in_level(y, level, index, 1) || row > y->count)
		return false;
	t = &y->t[table_at(y, level, index)];
	n = figures_of(&t->rows[row], t->hidden + row * UNITS, f);
	for (size_t k = 0; k < n; k++)
		if (strcmp(f[k].name, figure) == 0) {
			*value = f[k].value.v;
			return f[k].value.shown;
		}
	return false;
}
